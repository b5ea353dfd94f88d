//! Which requests the page answers.

use super::*;

fn app() -> App {
    App {
        session: Session::new(
            std::path::Path::new("case.yaml"),
            &crate::pipeline::Settings::new(crate::case::Date::parse("2026-11-22").unwrap()),
        ),
        token: "0".repeat(32),
        addr: "127.0.0.1:4567".parse().unwrap(),
        built: Mutex::new(Vec::new()),
    }
}

/// A header's name and bytes.
type Header = (&'static str, &'static [u8]);

fn headers(pairs: &[Header]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (n, v) in pairs {
        h.insert(*n, HeaderValue::from_bytes(v).unwrap());
    }
    h
}

#[test]
fn only_the_page_itself_is_answered() {
    let app = app();
    const HOST: Header = ("host", b"127.0.0.1:4567");
    let cases: &[(Method, &[Header], bool, &str)] = &[
        (Method::GET, &[HOST], true, "its own address"),
        (
            Method::GET,
            &[("host", b"localhost:4567")],
            true,
            "localhost",
        ),
        (
            Method::POST,
            &[HOST, ("origin", b"http://127.0.0.1:4567")],
            true,
            "a change from the page",
        ),
        (
            Method::GET,
            &[HOST, ("sec-fetch-site", b"same-origin")],
            true,
            "same origin",
        ),
        (Method::GET, &[], false, "no Host"),
        (
            Method::GET,
            &[("host", b"evil.example:4567")],
            false,
            "a rebound name",
        ),
        (
            Method::GET,
            &[("host", b"127.0.0.1:4568")],
            false,
            "another port",
        ),
        (
            Method::GET,
            &[HOST, ("origin", b"http://evil.example")],
            false,
            "another site",
        ),
        (
            Method::GET,
            &[HOST, ("origin", b"https://127.0.0.1:4567")],
            false,
            "another scheme",
        ),
        (
            Method::GET,
            &[HOST, ("sec-fetch-site", b"cross-site")],
            false,
            "cross-site",
        ),
        (
            Method::GET,
            &[HOST, ("sec-fetch-site", b"same-site")],
            false,
            "same-site",
        ),
        (
            Method::POST,
            &[HOST],
            false,
            "a change not saying where from",
        ),
        (
            Method::GET,
            &[HOST, ("origin", b"http://\xff")],
            false,
            "an unreadable Origin",
        ),
        (
            Method::GET,
            &[HOST, ("sec-fetch-site", b"\xfe")],
            false,
            "an unreadable Sec-Fetch-Site",
        ),
    ];
    for (method, h, want, what) in cases {
        assert_eq!(allowed(&app, method, &headers(h)).is_ok(), *want, "{what}");
    }
}
