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
            "code", "column", "file", "help", "line", "message", "path", "severity", "source"
        ]
    );
    // `file` is null: the line and column are in the case file.
    assert_eq!(f["file"], serde_json::Value::Null);
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

/// Runs `check` on `family`'s fixture with one edit, and returns what it says.
fn check_edited(family: &str, from: &str, to: &str) -> (Option<i32>, String) {
    let text =
        std::fs::read_to_string(root().join(format!("tests/fixtures/families/{family}.yaml")))
            .unwrap();
    assert!(text.contains(from), "{family} lacks {from:?}");
    let dir = case_dir(&text.replacen(from, to, 1));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    (out.status.code(), stderr(&out))
}

#[test]
fn the_people_are_checked_before_anyone_is_written_to() {
    // The baby's expected date has passed: record the birth first.
    let (code, err) = check_edited(
        "whitfield-cole",
        "expected: 2027-03-01",
        "expected: 2026-11-01",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("error[unborn-past-due]: Baby Cole (unborn)'s expected date of delivery, Sunday 1 November 2026, has passed"), "{err}");
    assert!(err.contains("case.yaml:48:15"), "{err}");
    assert!(err.contains("replace `expected` with `born`"), "{err}");
    // No telephone number for anyone to call on the letters.
    let (code, err) = check_edited(
        "whitfield-cole",
        "  - { id: grace, name: Grace Adeyemi, phone: 01632 960 118, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw, phone: 01632 960 119,",
        "  - { id: grace, name: Grace Adeyemi, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw,",
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("error[no-contact-number]: the letters to the parents would give no telephone number to call: neither Grace Adeyemi (social worker) nor Martin Shaw (team manager) has one"), "{err}");
    // A party to proceedings that names no one.
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE))
        .unwrap()
        .replace("    - party: shannon\n", "    - party: shanon\n");
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[unknown-person]: `shanon` is not the id of anyone in `people`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `shannon`? A party is `local-authority`, `guardian`"),
        "{err}"
    );
    assert!(err.contains("- party: shanon"), "the line is quoted: {err}");
    // A father without parental responsibility: writing to him is decided, never assumed.
    let (code, err) = check_edited("brooks-hart", "    letters: true\n", "");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("error[letters-undecided]: Dean Hart is father of Isla and Jack but holds no parental responsibility"), "{err}");
    // Domestic abuse between two people asked to the same meeting.
    let (code, err) = check_edited(
        "whitfield-cole",
        "    - { name: Sam Okafor, role: Father of Ava }",
        "    - { name: Ryan Cole, role: Father of Mason (by video link) }",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("warning[abuse-at-meeting]: Dana Whitfield and Ryan Cole are both asked to the pre-proceedings meeting"), "{err}");
}

#[test]
fn a_format_1_case_says_how_to_move_it_and_migrate_moves_it() {
    let v1 = abs("tests/fixtures/v1/hartley-nowak.yaml");
    let out = casepack(&root(), &["check", &v1]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[format-version]: this file is written in case format 1; this casepack reads format 2"), "{err}");
    assert!(
        err.contains("run `casepack migrate CASE.yaml -o NEW.yaml`"),
        "{err}"
    );
    let dir = case_dir("");
    let out = casepack(dir.path(), &["migrate", &v1, "-o", "case.yaml", "--force"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("check: format 1 wrote to every parent about every child"),
        "{err}"
    );
    let moved = std::fs::read_to_string(dir.path().join("case.yaml")).unwrap();
    assert!(moved.contains("casepack: 2") && moved.contains("# Moved from case format 1"));
    // The moved case checks and builds: one pack per parent.
    let out = casepack(dir.path(), &["build", "case.yaml", "--audience", "parents"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("case-parents-kerry-pack.zip").exists());
    assert!(dir.path().join("case-parents-tomasz-pack.zip").exists());
}
