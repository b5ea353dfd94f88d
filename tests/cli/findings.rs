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
    assert_eq!(f["line"], 143);
    assert_eq!(f["column"], 3);
    assert_eq!(f["help"], "did you mean `date`?");
    // A requirement's finding carries its source.
    let out = casepack(
        &root(),
        &[
            "check",
            SAMPLE,
            "--meeting",
            "advocates-meeting",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "missing-field")
        .unwrap();
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "proceedings.issued");
    assert_eq!(f["source"], "004 App. 3");
}

/// Each bad input: a copy of the sample with one thing wrong.
const BAD: &[&str] = &[
    "invalid-yaml",
    "misspelt-field",
    "unknown-outcome",
    "missing-reference",
    "impossible-date",
    "meeting-before-lpm",
    "letter-after-meeting",
    "hearing-before-issue",
    "no-worries",
    "out-of-range",
];

#[test]
fn bad_input_is_explained_where_it_is_and_nothing_is_written() {
    let mut fixtures: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    fixtures.sort();
    let mut listed: Vec<String> = BAD.iter().map(|f| format!("{f}.yaml")).collect();
    listed.sort();
    assert_eq!(fixtures, listed, "every bad fixture is here");
    for fixture in BAD {
        let case = abs(&format!("tests/fixtures/bad/{fixture}.yaml"));
        let check = casepack(&root(), &["check", &case]);
        let err = stderr(&check);
        assert_eq!(check.status.code(), Some(1), "{fixture}: {err}");
        // The finding, at its line, the line quoted, and what to do.
        pin!(
            format!("check-{fixture}"),
            &root(),
            &["check", &case],
            &check
        );
        let dir = tempfile::tempdir().unwrap();
        let args = ["build", &case, "-o", "pack.zip"];
        let build = casepack(dir.path(), &args);
        assert_eq!(
            build.status.code(),
            Some(1),
            "{fixture}: {}",
            stderr(&build)
        );
        pin!(format!("build-{fixture}"), dir.path(), &args, &build);
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
    let args = ["build", &abs(SAMPLE), "-o", "pack.zip"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    pin!("build-over-a-pack", dir.path(), &args, &out);
    assert_eq!(
        std::fs::read(dir.path().join("pack.zip")).unwrap(),
        b"keep me"
    );
    let args = ["build", &abs(SAMPLE), "-o", "pack.zip", "--force"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // What it wrote: each document with its pages and marks.
    pin!("build-forced", dir.path(), &args, &out);
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
    let runs: [(&str, &[&str]); 4] = [
        ("check-no-such-case", &["check", "no-such-case.yaml"]),
        ("check-no-case", &["check"]),
        ("unknown-command", &["frobnicate"]),
        (
            "build-into-a-missing-folder",
            &["build", &abs(SAMPLE), "-o", "missing-folder/pack.zip"],
        ),
    ];
    for (name, args) in runs {
        let out = casepack(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        pin!(name, dir.path(), args, &out);
    }
}

// Hostile text in every free-text field.

/// Runs `check` on `family`'s fixture with one edit and pins what it says
/// as `name`; gives its exit status.
fn check_edited(name: &str, family: &str, from: &str, to: &str) -> Option<i32> {
    let text =
        std::fs::read_to_string(root().join(format!("tests/fixtures/families/{family}.yaml")))
            .unwrap();
    assert!(text.contains(from), "{family} lacks {from:?}");
    let dir = case_dir(&text.replacen(from, to, 1));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    pin!(name, dir.path(), &["check", "case.yaml"], &out);
    out.status.code()
}

#[test]
fn the_people_are_checked_before_anyone_is_written_to() {
    // The baby's expected date has passed: record the birth first.
    let code = check_edited(
        "unborn-past-due",
        "whitfield-cole",
        "expected: 2027-03-01",
        "expected: 2026-11-01",
    );
    assert_eq!(code, Some(1));
    // No telephone number for anyone to call on the letters.
    let code = check_edited(
        "no-contact-number",
        "whitfield-cole",
        "  - { id: grace, name: Grace Adeyemi, phone: 01632 960 118, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw, phone: 01632 960 119,",
        "  - { id: grace, name: Grace Adeyemi, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw,",
    );
    assert_eq!(code, Some(1));
    // A party to proceedings that names no one: the nearest id, the line quoted.
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE))
        .unwrap()
        .replace("    - party: shannon\n", "    - party: shanon\n");
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    pin!("unknown-party", dir.path(), &["check", "case.yaml"], &out);
    // A father without parental responsibility: writing to him is decided, never assumed.
    let code = check_edited(
        "letters-undecided",
        "brooks-hart",
        "    letters: true\n",
        "",
    );
    assert_eq!(code, Some(1));
    // Domestic abuse between two people asked to the same meeting: a warning.
    let code = check_edited(
        "abuse-at-meeting",
        "whitfield-cole",
        "    - { name: Sam Okafor, role: Father of Ava }",
        "    - { name: Ryan Cole, role: Father of Mason (by video link) }",
    );
    assert_eq!(code, Some(0));
}

#[test]
fn a_format_1_case_says_how_to_move_it_and_migrate_moves_it() {
    let v1 = abs("tests/fixtures/v1/hartley-nowak.yaml");
    let out = casepack(&root(), &["check", &v1]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    pin!("check-format-1", &root(), &["check", &v1], &out);
    let dir = case_dir("");
    let args = ["migrate", &v1, "-o", "case.yaml", "--force"];
    let out = casepack(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // What to check after the move, and the moved file itself.
    pin!("migrate-format-1", dir.path(), &args, &out);
    let moved = std::fs::read_to_string(dir.path().join("case.yaml")).unwrap();
    insta::assert_snapshot!("migrated-format-1", moved);
    // The moved case checks and builds: one pack per parent.
    let out = casepack(dir.path(), &["build", "case.yaml", "--audience", "parents"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("case-parents-kerry-pack.zip").exists());
    assert!(dir.path().join("case-parents-tomasz-pack.zip").exists());
}
