//! Driving Chromium for the browser tests: chromedriver on a free port, a
//! headless session, and the few things a person does to a form (type,
//! pick a date, choose, add to a list), each waiting for the page.

use super::super::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::time::{Duration, Instant};

/// chromedriver on a free port, stopped when dropped.
pub(super) struct Driver {
    child: std::process::Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(super) fn skip() -> bool {
    std::env::var_os("CASEPACK_SKIP_BROWSER").is_some_and(|v| v == "1")
}

pub(super) fn driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect(
            "chromedriver (Debian: apt-get install chromium chromium-driver; .ci/run installs it)",
        );
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver {
        child,
        port,
        _profile: tempfile::tempdir().unwrap(),
    }
}

pub(super) async fn browser(d: &Driver) -> Client {
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1500,1100",
                format!("--user-data-dir={}", d._profile.path().display()),
            ]
        }
    });
    let caps = match caps {
        serde_json::Value::Object(m) => m,
        _ => unreachable!(),
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", d.port))
        .await
        .expect("a Chromium session")
}

pub(super) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// The element whose id is `id` (ids hold `[` and `.`, so by XPath).
pub(super) fn by_id(id: &str) -> String {
    format!("//*[@id='{id}']")
}

pub(super) async fn field(c: &Client, path: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(&by_id(&format!("f-{path}"))))
        .await
        .unwrap_or_else(|e| panic!("no field {path}: {e}"))
}

/// Types `text` into the field at `path`, replacing what it held.
pub(super) async fn fill(c: &Client, path: &str, text: &str) {
    let f = field(c, path).await;
    f.clear().await.unwrap();
    f.send_keys(text).await.unwrap();
}

/// Sets a date field: typed as the browser's date input takes it.
pub(super) async fn date(c: &Client, path: &str, iso: &str) {
    let f = field(c, path).await;
    // Typing into a date input depends on the locale; setting its value and
    // saying so is what a picker does.
    c.execute(
        "const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![serde_json::to_value(&f).unwrap(), iso.into()],
    )
    .await
    .unwrap();
}

pub(super) async fn choose(c: &Client, path: &str, value: &str) {
    field(c, path)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{path} = {value}: {e}"));
}

/// Presses the button that adds to the list at `path`, and waits for the item.
pub(super) async fn add(c: &Client, path: &str, index: usize) {
    let b = c
        .find(Locator::XPath(&format!(
            "//button[@data-op='add' and @data-path='{path}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no add button for {path}: {e}"));
    b.click().await.unwrap();
    let item = format!("{path}[{index}]");
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(&format!("//*[@data-path='{item}']")))
        .await
        .unwrap_or_else(|e| panic!("no {item} after adding: {e}"));
}

/// Waits until the page has checked what was typed and says `want` in the
/// findings' count, and gives the count.
pub(super) async fn settled(c: &Client, want: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let text = c
            .find(Locator::Id("counts"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if want(&text) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the page still says {text:?}"
        );
    }
}

pub(super) async fn findings_at(c: &Client, path: &str) -> String {
    c.find(Locator::XPath(&by_id(&format!("e-{path}"))))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

pub(super) async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    let dir = root().join("target/edit-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// axe-core, run in the page: the violations that are serious or critical.
pub(super) async fn axe(c: &Client) -> Vec<String> {
    let source = std::fs::read_to_string(axe_path()).unwrap_or_else(|e| {
        panic!(
            "axe-core ({}): {e}; .ci/run installs it with npm",
            axe_path().display()
        )
    });
    c.execute(&source, vec![]).await.unwrap();
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));",
            vec![],
        )
        .await
        .unwrap();
    result
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .map(|v| v.to_string())
        .collect()
}

pub(super) fn axe_path() -> PathBuf {
    std::env::var_os("AXE_CORE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("tests/.tools/node_modules/axe-core/axe.min.js"))
}

/// A person added to `people` at `i`, with the fields a form-filler types.
pub(super) async fn person(c: &Client, i: usize, id: &str, name: &str) {
    add(c, "people", i).await;
    fill(c, &format!("people[{i}].id"), id).await;
    fill(c, &format!("people[{i}].name"), name).await;
}

pub(super) async fn string_item(c: &Client, list: &str, i: usize, text: &str) {
    add(c, list, i).await;
    fill(c, &format!("{list}[{i}]"), text).await;
}

/// Waits until the page says the case is saved.
pub(super) async fn saved(c: &Client) {
    let start = Instant::now();
    loop {
        let said = c
            .find(Locator::Id("status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if said.starts_with("Saved") {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "not saved: {said:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
