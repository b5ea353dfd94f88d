//! `casepack edit` and `casepack init`: the real binary serving its page,
//! spoken to over HTTP as a browser would (and as an attacker would), and
//! the files it writes read back with the command line.

mod lifecycle;
mod page;

use super::*;
pub(crate) use page::Page;

/// The sample, copied with its attachments into a fresh folder as `case.yaml`.
/// The page's check of `case`: its answer, and the path of each finding.
fn checked(page: &Page, case: &serde_json::Value) -> (serde_json::Value, Vec<String>) {
    let r = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    let paths = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    (r, paths)
}

pub(crate) fn sample_dir() -> tempfile::TempDir {
    case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap())
}

#[test]
fn init_writes_the_skeleton_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let o = casepack(dir.path(), &["init", "new.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("new.yaml")).unwrap();
    assert!(
        text.contains("casepack: 2") && text.contains("worries: []"),
        "{text}"
    );
    // It checks, with errors that say what to fill in, not that it is broken.
    let o = casepack(dir.path(), &["check", "new.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("invalid-yaml"), "{}", stderr(&o));
    std::fs::write(dir.path().join("new.yaml"), "kept").unwrap();
    let o = casepack(dir.path(), &["init", "new.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.yaml")).unwrap(),
        "kept"
    );
}

#[test]
fn edit_makes_a_missing_case_and_serves_its_form_on_loopback_only() {
    let dir = tempfile::tempdir().unwrap();
    let page = Page::start(dir.path(), "new.yaml");
    assert!(page.host.starts_with("127.0.0.1:"), "{}", page.url);
    // 128 bits of token in the address.
    assert_eq!(page.base.trim_matches('/').len(), 32, "{}", page.base);
    assert!(dir.path().join("new.yaml").exists());
    let r = page.get("");
    assert_eq!(r.status, 200);
    let html = r.text();
    for heading in [
        "The family and who holds parental responsibility",
        "What we are worried about",
        "The plan",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(html.contains(r#"id="f-reference""#), "the reference field");
    assert!(html.contains(r#"<label for="f-reference">Reference"#));
    // The policy forbids loading anything from elsewhere.
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    for asset in ["assets/edit.js", "assets/edit.css"] {
        assert_eq!(page.get(asset).status, 200, "{asset}");
    }
    let r = page.get("?view=record");
    assert!(r.text().contains("Record of the meeting"));
    assert!(r.text().contains(r#"id="f-lpm.outcome""#));
}

#[test]
fn edit_refuses_what_does_not_come_from_its_own_page() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let host = page.host.clone();
    let port = host.rsplit(':').next().unwrap().to_string();
    let body = serde_json::json!({ "case": {} }).to_string();
    let own = format!("http://{host}");
    // No token, or the wrong one: nothing there.
    assert_eq!(page.raw("GET", "/", &host, &[], b"").status, 404);
    assert_eq!(
        page.raw("GET", "/0123456789abcdef0123456789abcdef/", &host, &[], b"")
            .status,
        404
    );
    assert_eq!(page.raw("GET", "/case.yaml", &host, &[], b"").status, 404);
    // A name rebound to 127.0.0.1 (DNS rebinding) is not this page.
    let foreign = format!("evil.example:{port}");
    let r = page.raw("GET", &format!("{}case", page.base), &foreign, &[], b"");
    assert_eq!(r.status, 403);
    assert!(!r.text().contains("Hartley"));
    // Another site open in the same browser cannot read or change anything.
    for (name, value) in [
        ("Origin", "http://evil.example"),
        ("Sec-Fetch-Site", "cross-site"),
    ] {
        let r = page.raw(
            "POST",
            &format!("{}save", page.base),
            &host,
            &[(name, value), ("Content-Type", "application/json")],
            body.as_bytes(),
        );
        assert_eq!(r.status, 403, "{name}: {value}");
        let r = page.raw(
            "GET",
            &format!("{}case", page.base),
            &host,
            &[(name, value)],
            b"",
        );
        assert_eq!(r.status, 403, "GET with {name}: {value}");
    }
    // A change that does not say where it comes from is refused.
    let r = page.raw(
        "POST",
        &format!("{}save", page.base),
        &host,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(r.status, 403);
    // No file but a pack this session built can be downloaded.
    for name in [
        "case.yaml",
        "..%2Fcase.yaml",
        "%2Fetc%2Fpasswd",
        "case-pack.zip",
    ] {
        let r = page.raw(
            "GET",
            &format!("{}download/{name}", page.base),
            &host,
            &[("Origin", &own)],
            b"",
        );
        assert_eq!(r.status, 404, "{name}");
    }
    // Nothing was changed by any of it.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("case.yaml")).unwrap(),
        std::fs::read_to_string(root().join(SAMPLE)).unwrap()
    );
    assert!(!dir.path().join("case.yaml.bak").exists());
}

#[test]
fn edit_checks_as_the_command_line_does_and_saves_what_it_checked() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let mut case = page.get("case").json()["case"].clone();
    assert_eq!(case["reference"], "NM/CS/2026/0147");
    // A clean case: no errors, the letters measured, the timeline dated,
    // the documents listed for the preview.
    let r = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    assert_eq!(r["errors"], 0, "{r:#}");
    assert!(!r["plain"]["letters"].as_array().unwrap().is_empty());
    assert!(!r["timeline"]["timelines"].as_array().unwrap().is_empty());
    let docs = r["documents"].as_array().unwrap();
    assert!(
        docs.iter().any(|d| d["title"]
            .as_str()
            .unwrap()
            .contains("Letter before proceedings")),
        "{docs:?}"
    );
    // The preview: page 1 of the first document, a PNG, and how many pages.
    let p = page.get("preview?doc=0&page=0");
    assert_eq!(p.status, 200, "{}", p.text());
    assert_eq!(&p.body[..8], b"\x89PNG\r\n\x1a\n");
    assert!(p.header("x-pages").unwrap().parse::<usize>().unwrap() >= 1);
    // A wrong field: the finding names the field's own path, in index form.
    case["people"][0]["born"] = "14/03/2019".into();
    case.as_object_mut().unwrap().remove("reference");
    let (r, paths) = checked(&page, &case);
    assert!(r["errors"].as_u64().unwrap() >= 1, "{r:#}");
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("people[0].born") || *p == "reference" || p.is_empty()),
        "{paths:?}"
    );
    // Save: the file is the YAML of what was checked; the old one is kept.
    case["people"][0]["born"] = "2019-03-14".into();
    case["reference"] = "NM/CS/2026/0999".into();
    let r = page.post("save", &serde_json::json!({ "case": case }));
    assert_eq!(r.status, 200, "{}", r.text());
    let saved = std::fs::read_to_string(dir.path().join("case.yaml")).unwrap();
    assert!(saved.contains("NM/CS/2026/0999"), "{saved}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("case.yaml.bak")).unwrap(),
        std::fs::read_to_string(root().join(SAMPLE)).unwrap()
    );
    // The command line finds in the saved file what the page found.
    let page_said = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    let o = casepack(dir.path(), &["check", "case.yaml", "--format", "json"]);
    let cli: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(cli["errors"], page_said["errors"], "{}", stderr(&o));
    assert_eq!(cli["warnings"], page_said["warnings"]);
}

#[test]
fn edit_changes_lists_and_fills_the_dates_agreed_from_the_timeline() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let case = page.get("case").json()["case"].clone();
    let n = case["worries"].as_array().unwrap().len();
    let r = page
        .post(
            "form",
            &serde_json::json!({ "case": case, "op": "add", "path": "worries" }),
        )
        .json();
    assert_eq!(r["case"]["worries"].as_array().unwrap().len(), n + 1);
    assert!(
        r["html"]
            .as_str()
            .unwrap()
            .contains(&format!(r#"id="f-worries[{n}].worry""#))
    );
    let first = case["worries"][0].clone();
    let r = page
        .post(
            "form",
            &serde_json::json!({ "case": r["case"], "op": "down", "path": "worries[0]" }),
        )
        .json();
    assert_eq!(r["case"]["worries"][1], first);
    let r = page
        .post(
            "form",
            &serde_json::json!({ "case": r["case"], "op": "remove", "path": "worries[1]" }),
        )
        .json();
    assert_eq!(r["case"]["worries"].as_array().unwrap().len(), n);
    assert!(!r["case"]["worries"].as_array().unwrap().contains(&first));
    // The record of the meeting: dates agreed start from the deadline engine.
    let r = page
        .post("form", &serde_json::json!({ "case": case, "op": "prefill-dates", "path": "lpm.dates_agreed", "view": "record" }))
        .json();
    let agreed = r["case"]["lpm"]["dates_agreed"].as_array().unwrap();
    assert!(!agreed.is_empty(), "{r:#}");
    assert!(
        agreed
            .iter()
            .all(|d| d["date"].as_str().unwrap() > "2026-11-16"),
        "{agreed:?}"
    );
    // Filled once: a second fill would overwrite what the meeting agreed.
    let again = page.post("form", &serde_json::json!({ "case": r["case"], "op": "prefill-dates", "path": "lpm.dates_agreed" }));
    assert_eq!(again.status, 422);
}

#[test]
fn edit_shows_hostile_text_as_text() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let mut case = page.get("case").json()["case"].clone();
    let hostile = r#"</textarea><script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}"#;
    case["reference"] = hostile.into();
    case["worries"][0]["worry"] = hostile.into();
    case["people"][0]["name"] = hostile.into();
    let r = page
        .post(
            "form",
            &serde_json::json!({ "case": case, "op": "add", "path": "support" }),
        )
        .json();
    let html = r["html"].as_str().unwrap();
    assert!(
        !html.contains("<script>alert"),
        "a script from the case reached the page"
    );
    assert!(
        !html.contains("<img src=x"),
        "an element from the case reached the page"
    );
    assert!(!html.contains("</textarea><"), "text closed its box");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
        "shown as text"
    );
    assert!(html.contains("{{ 7*7 }}"), "not evaluated as a template");
}

#[test]
fn build_from_the_page_writes_the_packs_the_command_line_would() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let case = page.get("case").json()["case"].clone();
    let r = page.post("build", &serde_json::json!({ "case": case }));
    assert_eq!(r.status, 200, "{}", r.text());
    let written: Vec<String> = r.json()["written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    assert!(
        written.contains(&"case-pack.zip".to_string()),
        "{written:?}"
    );
    assert!(
        written.iter().any(|n| n.starts_with("case-parents-kerry")),
        "{written:?}"
    );
    let d = page.get("download/case-pack.zip");
    assert_eq!(d.status, 200);
    let from_page = std::fs::read(dir.path().join("case-pack.zip")).unwrap();
    assert_eq!(d.body, from_page);
    // The same pack, byte for byte, from `casepack build` on the saved file.
    let o = casepack(dir.path(), &["build", "case.yaml", "-o", "cli.zip"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("cli.zip")).unwrap(),
        from_page
    );
}

#[test]
fn a_field_the_loader_stops_at_is_named_by_its_path_for_the_form() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let mut case = page.get("case").json()["case"].clone();
    case["local_authority"]
        .as_object_mut()
        .unwrap()
        .remove("team");
    let r = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{r:#}");
    assert_eq!(findings[0]["code"], "missing-field");
    // Beside the group that lacks it, not "somewhere in the case".
    assert_eq!(findings[0]["path"], "local_authority");
    case["local_authority"]["team"] = "Safeguarding Team 3".into();
    case["people"][1]["born"] = "not a date".into();
    let (r, paths) = checked(&page, &case);
    assert_eq!(paths, ["people[1].born"], "{r:#}");
}

/// The meeting's type is offered from the profile the case is checked
/// with, as `casepack meetings` lists it, and follows the case to another
/// profile.
#[test]
fn the_meeting_types_offered_are_the_case_profiles() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    assert!(page.get("").text().contains(r#"list="ids-meetings""#));
    let mut case = page.get("case").json()["case"].clone();
    for profile in [None, Some("wokingham")] {
        let mut args = vec!["meetings"];
        if let Some(p) = profile {
            case["profile"] = p.into();
            args.extend(["--profile", p]);
        }
        let listed = stdout(&casepack(dir.path(), &args));
        let (r, _) = checked(&page, &case);
        let offered = r["offers"]["meetings"].as_array().unwrap();
        let lines: Vec<&str> = listed.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(offered.len(), lines.len(), "{profile:?}: {r:#}\n{listed}");
        for (o, line) in offered.iter().zip(&lines) {
            let value = o["value"].as_str().unwrap();
            let label = o["label"].as_str().unwrap();
            assert_eq!(line.split_whitespace().next(), Some(value), "{line}");
            assert!(
                !label.is_empty() && line.contains(label),
                "{line} / {label}"
            );
        }
    }
}
