//! What `check` and `build` say about bad input: findings as JSON, every
//! bad fixture explained where it is with nothing written, no overwriting
//! without `--force`, exit 2 for usage and I/O problems.

use super::*;

#[test]
fn check_reports_findings_as_json_on_request() {
    let out = casepack(
        &root(),
        &[
            "check",
            "tests/fixtures/bad/misspelt-field.yaml",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], 1);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "unknown-field");
    // The documented, stable fields, each always present.
    let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "code", "column", "help", "line", "message", "path", "severity", "source"
        ]
    );
    assert_eq!(f["severity"], "error");
    assert_eq!(f["line"], 142);
    assert_eq!(f["column"], 3);
    assert_eq!(f["help"], "did you mean `date`?");
    // A requirement's finding carries its source.
    let out = casepack(
        &root(),
        &["check", SAMPLE, "--meeting", "cpm-one", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "missing-field")
        .unwrap();
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["path"], "looked_after.placed");
    assert_eq!(f["source"], "001 \"Care Planning Meeting One\"");
}

/// Each bad input: fixture, expected code and message, expected place.
const BAD: &[(&str, &str, &str, &str)] = &[
    (
        "invalid-yaml",
        "error[invalid-yaml]",
        "expected string scalar",
        "invalid-yaml.yaml:18:10",
    ),
    (
        "misspelt-field",
        "error[unknown-field]",
        "`dte` is not a field here",
        "misspelt-field.yaml:142:3",
    ),
    (
        "misspelt-field",
        "help: did you mean `date`?",
        "",
        "misspelt-field.yaml:142:3",
    ),
    (
        "unknown-outcome",
        "error[unknown-value]",
        "did you mean `initiate-pre-proceedings`?",
        "unknown-outcome.yaml:146:12",
    ),
    (
        "missing-reference",
        "error[missing-field]",
        "the case has no `reference`",
        "missing-reference.yaml:1:1",
    ),
    (
        "impossible-date",
        "error[invalid-date]",
        "`2019-02-30` is not a real date: February 2019 has 28 days",
        "impossible-date.yaml:27:11",
    ),
    (
        "meeting-before-lpm",
        "error[date-order]",
        "the pre-proceedings meeting (12 November 2026) is before the LPM",
        "meeting-before-lpm.yaml:195:9",
    ),
    (
        "letter-after-meeting",
        "error[date-order]",
        "is before the date on the letter (27 November 2026)",
        "letter-after-meeting.yaml:192:9",
    ),
    (
        "hearing-before-issue",
        "error[date-order]",
        "the case management hearing (10 November 2026) is before the issue of proceedings (13 November 2026)",
        "hearing-before-issue.yaml:149:28",
    ),
    (
        "no-worries",
        "error[empty-list]",
        "the list of worries is empty",
        "no-worries.yaml:159:10",
    ),
    (
        "out-of-range",
        "error[calendar-range]",
        "there is no bank-holiday data for England and Wales in 2031: the England and Wales data covers 2018 to 2030",
        "out-of-range.yaml:135:13",
    ),
];

#[test]
fn bad_input_is_explained_where_it_is_and_nothing_is_written() {
    for (fixture, code, message, place) in BAD {
        let case = abs(&format!("tests/fixtures/bad/{fixture}.yaml"));
        let check = casepack(&root(), &["check", &case]);
        let err = stderr(&check);
        assert_eq!(check.status.code(), Some(1), "{fixture}: {err}");
        assert!(err.contains(code), "{fixture}: expected {code:?} in\n{err}");
        assert!(
            err.contains(message),
            "{fixture}: expected {message:?} in\n{err}"
        );
        assert!(
            err.contains(place),
            "{fixture}: expected {place:?} in\n{err}"
        );
        assert!(err.contains(" | "), "{fixture}: the line is quoted\n{err}");
        let dir = tempfile::tempdir().unwrap();
        let build = casepack(dir.path(), &["build", &case, "-o", "pack.zip"]);
        assert_eq!(
            build.status.code(),
            Some(1),
            "{fixture}: {}",
            stderr(&build)
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(
            left.is_empty(),
            "{fixture}: build left files behind: {left:?}"
        );
    }
}

#[test]
fn an_existing_pack_is_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.zip"), "keep me").unwrap();
    let out = casepack(dir.path(), &["build", &abs(SAMPLE), "-o", "pack.zip"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("already exists; use --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(dir.path().join("pack.zip")).unwrap(),
        b"keep me"
    );
    let out = casepack(
        dir.path(),
        &["build", &abs(SAMPLE), "-o", "pack.zip", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(unzip(&dir.path().join("pack.zip")).contains_key("manifest.json"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["pack.zip"],
        "no temporary file is left beside the pack"
    );
}

#[test]
fn usage_and_io_problems_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(dir.path(), &["check", "no-such-case.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read no-such-case.yaml"));
    assert_eq!(casepack(dir.path(), &["check"]).status.code(), Some(2));
    assert_eq!(casepack(dir.path(), &["frobnicate"]).status.code(), Some(2));
    let out = casepack(
        dir.path(),
        &["build", &abs(SAMPLE), "-o", "missing-folder/pack.zip"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

// Hostile text in every free-text field.
