//! `casepack edit` started for a test, and spoken to over plain HTTP/1.1
//! with any headers a test wants, forged ones included.

use super::super::*;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

/// A running `casepack edit`, stopped when dropped.
pub(crate) struct Page {
    child: Child,
    /// `http://127.0.0.1:PORT/TOKEN/`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub host: String,
    /// `/TOKEN/`
    pub base: String,
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response: status, headers (lower-case names) and body.
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Page {
    /// Starts `casepack edit --no-open` on `case` in `dir`, as at the harness's day.
    pub fn start(dir: &Path, case: &str) -> Page {
        let mut child = Command::new(env!("CARGO_BIN_EXE_casepack"))
            .args(["edit", "--no-open", "--today", TODAY, case])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start casepack edit");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("casepack edit: ")
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        Page {
            child,
            url: url.clone(),
            host: host.to_string(),
            base: path.to_string(),
        }
    }

    /// Sends a raw request: `headers` are written as given, after Host.
    pub fn raw(
        &self,
        method: &str,
        path: &str,
        host: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut s = TcpStream::connect(&self.host).unwrap();
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (n, v) in headers {
            req.push_str(&format!("{n}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).unwrap();
        parse_response(&bytes)
    }

    /// A GET from the page itself.
    pub fn get(&self, rel: &str) -> Response {
        self.raw(
            "GET",
            &format!("{}{rel}", self.base),
            &self.host.clone(),
            &[],
            b"",
        )
    }

    /// A POST of JSON from the page itself.
    pub fn post(&self, rel: &str, body: &serde_json::Value) -> Response {
        let origin = format!("http://{}", self.host);
        self.raw(
            "POST",
            &format!("{}{rel}", self.base),
            &self.host.clone(),
            &[("Origin", &origin), ("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    }
}

fn parse_response(bytes: &[u8]) -> Response {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v == "chunked")
    {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 4 + size..];
    }
}
