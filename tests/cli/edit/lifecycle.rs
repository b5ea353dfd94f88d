//! The page over time: stopped with Ctrl-C, and checks answered out of order.

use super::super::*;
use super::{Page, sample_dir};

#[test]
fn ctrl_c_stops_the_page_and_nothing_runs_after() {
    let dir = sample_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args(["edit", "--no-open", "--today", TODAY, "case.yaml"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let host = line.trim().trim_start_matches("casepack edit: http://");
    let host = host[..host.find('/').unwrap()].to_string();
    // SIGINT, as Ctrl-C at the terminal sends.
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stopped: the page is closed"),
        "{}",
        stderr(&out)
    );
    assert!(
        std::net::TcpStream::connect(&host).is_err(),
        "still listening on {host}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("case.yaml")).unwrap(),
        std::fs::read_to_string(root().join(SAMPLE)).unwrap()
    );
}

#[test]
fn a_check_answered_late_does_not_replace_the_preview_of_a_later_one() {
    let dir = sample_dir();
    let page = Page::start(dir.path(), "case.yaml");
    let good = page.get("case").json()["case"].clone();
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("reference");
    page.post("check", &serde_json::json!({ "case": good, "seq": 5 }));
    // An earlier check (seq 3) answered after it: the preview keeps seq 5's.
    let r = page
        .post("check", &serde_json::json!({ "case": bad, "seq": 3 }))
        .json();
    assert!(r["errors"].as_u64().unwrap() > 0);
    assert_eq!(page.get("preview?doc=0&page=0").status, 200);
    // A later check with errors: the preview says why there is none.
    page.post("check", &serde_json::json!({ "case": bad, "seq": 6 }));
    let p = page.get("preview?doc=0&page=0");
    assert_eq!(p.status, 422);
    assert!(
        p.text().contains("once the case has no errors"),
        "{}",
        p.text()
    );
}
