//! One built-in profile per seed authority, each against dates worked out
//! by hand from its own procedure's text, on a fictional case that names
//! the profile (`tests/fixtures/authorities/`).

use serde_json::Value;

use super::*;

mod blackpool;
mod metropolitan_looked_after;
mod procedures_manual_2023;
mod timescales;
mod wokingham;

/// A fixture's text, changed by `edit`, in a fresh folder beside the
/// samples' attachments (the fixtures' stand-in PDFs), as `case.yaml`.
fn fixture_dir(fixture: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join(fixture)).unwrap();
    case_dir(&edit(text))
}

/// `casepack timeline CASE --format json` run in `cwd` (as at the
/// harness's TODAY).
fn timeline(cwd: &Path, case: &str) -> Value {
    let out = casepack(cwd, &["timeline", case, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The step `id` (a repeat as `id#2`) of any timeline.
fn step(v: &Value, id: &str) -> Value {
    v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["steps"].as_array().unwrap())
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id} in {v}"))
        .clone()
}

/// The due date of step `id`.
fn due(v: &Value, id: &str) -> String {
    step(v, id)["due"].as_str().unwrap().to_string()
}

/// Asserts `explain`'s `text` lists each requirement `what` on a line
/// citing `source`.
fn assert_cited(text: &str, rules: &[(&str, &str)]) {
    for (what, source) in rules {
        let line = text
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("no requirement {what:?} in:\n{text}"));
        assert!(line.contains(source), "{what}: {line}");
    }
}

/// Asserts `casepack check case.yaml` in `dir` exits 0 with no findings.
fn assert_checks_clean(dir: &Path) {
    let out = casepack(dir, &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("case.yaml: no findings"),
        "{}",
        stderr(&out)
    );
}
