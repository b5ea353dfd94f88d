//! The integration harness: runs the real `casepack` binary on fixture
//! cases in temporary folders and checks what a user would see — exit
//! status, messages, the files written, and the text of the PDFs (read with
//! poppler's `pdftotext`, so `.ci/run` installs poppler-utils).
//!
//! Adding a test: put a case under `tests/fixtures/` (bad inputs under
//! `tests/fixtures/bad/`, each a copy of the sample with one thing wrong)
//! and add a row or a function here. Snapshots live in `tests/snapshots/`;
//! refresh them with `UPDATE_SNAPSHOTS=1 cargo test` and review the diff.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

const SAMPLE: &str = "samples/hartley-nowak.yaml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs casepack with `args` in `cwd`, colour off.
/// The day the fixtures are written as of. Every run is judged as at this
/// date unless the test gives its own `--today`, so results never depend on
/// when the tests run.
const TODAY: &str = "2026-11-22";

fn casepack(cwd: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casepack"));
    cmd.args(args).arg("--color=never");
    let dated = matches!(args.first(), Some(&("check" | "build" | "timeline")));
    if dated && !args.contains(&"--today") {
        cmd.args(["--today", TODAY]);
    }
    cmd.current_dir(cwd).output().expect("run casepack")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn abs(rel: &str) -> String {
    root().join(rel).display().to_string()
}

/// Reads every entry of a zip.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).expect("open zip");
    let mut zip = zip::ZipArchive::new(file).expect("read zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.insert(entry.name().unwrap().to_string(), bytes);
    }
    out
}

/// The text of a PDF, one string per page.
fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed to run these tests");
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn pdf_text(pdf: &[u8]) -> String {
    pdf_pages(pdf).join("\n")
}

/// Text with whitespace, break hints and bidi marks removed, so a phrase
/// can be found however the page wrapped it.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(*c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Builds `case` into a fresh temp dir; returns the dir, the output and the pack entries.
fn build(case: &str) -> (tempfile::TempDir, Output, BTreeMap<String, Vec<u8>>) {
    build_with(case, &[])
}

/// Builds `case` with more arguments (e.g. `--meeting lpm`).
fn build_with(case: &str, args: &[&str]) -> (tempfile::TempDir, Output, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["build", case, "-o", "pack.zip"];
    all.extend_from_slice(args);
    let out = casepack(dir.path(), &all);
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    let entries = unzip(&dir.path().join("pack.zip"));
    (dir, out, entries)
}

#[test]
fn every_sample_checks_clean_and_builds() {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    samples.sort();
    assert!(!samples.is_empty());
    for sample in samples {
        let s = sample.display().to_string();
        let check = casepack(&root(), &["check", &s]);
        assert_eq!(check.status.code(), Some(0), "{s}: {}", stderr(&check));
        assert!(
            stderr(&check).contains("no findings"),
            "{s}: {}",
            stderr(&check)
        );
        let (_dir, _, entries) = build(&s);
        let manifest: serde_json::Value =
            serde_json::from_slice(&entries["manifest.json"]).unwrap();
        let files = manifest["files"].as_array().unwrap();
        assert_eq!(
            files.len() + 1,
            entries.len(),
            "every PDF is in the manifest"
        );
        for f in files {
            let name = f["name"].as_str().unwrap();
            let pdf = &entries[name];
            assert!(pdf.starts_with(b"%PDF-"), "{name} is a PDF");
            assert_eq!(
                f["pages"].as_u64().unwrap() as usize,
                pdf_pages(pdf).len(),
                "{name} page count"
            );
            let sha = sha2::Sha256::digest(pdf);
            let hex: String = sha.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(f["sha256"], hex, "{name} checksum");
        }
    }
}

use sha2::Digest;

#[test]
fn each_meeting_pack_holds_its_documents_named_for_what_they_are() {
    // The sample is for the first pre-proceedings meeting: the letters, the
    // agreement and the timeline; never the privileged LPM minutes.
    let (_dir, out, entries) = build(&abs(SAMPLE));
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "letter-before-proceedings-kerry-hartley.pdf",
            "letter-before-proceedings-tomasz-nowak.pdf",
            "manifest.json",
            "pre-proceedings-agreement.pdf",
            "pre-proceedings-timeline.pdf",
        ]
    );
    assert!(
        stderr(&out).contains("wrote pack.zip (4 documents"),
        "{}",
        stderr(&out)
    );
    // The same case's pack for the LPM holds the minutes template.
    let (_dir, _, entries) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(names, ["lpm-minutes.pdf", "manifest.json"]);
}

#[test]
fn the_letters_say_what_the_case_says_and_what_the_procedure_requires() {
    let (_dir, _, entries) = build(&abs(SAMPLE));
    let kerry = pdf_text(&entries["letter-before-proceedings-kerry-hartley.pdf"]);
    let tomasz = pdf_text(&entries["letter-before-proceedings-tomasz-nowak.pdf"]);
    for (text, who) in [(&kerry, "Ms Kerry Hartley"), (&tomasz, "Mr Tomasz Nowak")] {
        let flat = squash(text);
        for phrase in [
            who,
            "Maisie and Leo",
            "Thursday 26 November 2026", // the meeting
            "10am",
            "Eastfield Family Hub",
            "Thursday 19 November 2026", // the letter's date
            "NM/CS/2026/0147",
            "Please take this letter to a solicitor",
            "whatever your income",
            "care proceedings",
            "Maisie is missing a lot of school.",
            "A family support worker who will visit twice a week",
            "Grace Adeyemi",
            "Checked and countersigned by",
            "Martin Shaw",
        ] {
            assert!(
                flat.contains(&squash(phrase)),
                "{who}'s letter lacks {phrase:?}"
            );
        }
        assert!(
            !text.contains("LEGALLY PRIVILEGED"),
            "a letter to a parent is never marked privileged"
        );
        assert!(text.contains("OFFICIAL-SENSITIVE"));
    }
    assert!(squash(&tomasz).contains(&squash(
        "An interpreter who speaks Polish will be at the meeting"
    )));
    assert!(!kerry.contains("speaks Polish"));
    assert!(squash(&kerry).contains(&squash(
        "your solicitor is Priya Raman at Raman & Cole Family Law"
    )));
}

#[test]
fn the_timeline_and_minutes_carry_the_computed_deadlines() {
    let (_dir, _, entries) = build(&abs(SAMPLE));
    let timeline = squash(&pdf_text(&entries["pre-proceedings-timeline.pdf"]));
    // LPM Monday 16 Nov 2026. Letter: 5 working days → Mon 23 Nov. First
    // meeting counted from the letter: 10 working days → Mon 7 Dec. PLO
    // review: 8 weeks → Mon 11 Jan 2027. End: 16 weeks → Mon 8 Mar 2027.
    // Stage 2 referrals: 2 days after the meeting booked for Thu 26 Nov is
    // Sat 28 Nov, so Fri 27 Nov.
    for date in [
        "Mon 23 Nov 2026",
        "Mon 7 Dec 2026",
        "Mon 11 Jan 2027",
        "Mon 8 Mar 2027",
        "Fri 27 Nov 2026",
        "Sat 28 Nov 2026 is a Saturday",
    ] {
        assert!(timeline.contains(&squash(date)), "timeline lacks {date}");
    }
    for source in ["004 §9b(ii)", "004 §9b(iii)", "004 App. 2 week 5"] {
        assert!(
            timeline.contains(&squash(source)),
            "timeline lacks source {source}"
        );
    }
    let (_lpm_dir, _, lpm) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let minutes = squash(&pdf_text(&lpm["lpm-minutes.pdf"]));
    for phrase in [
        "Maisie Nowak",
        "Born 14 March 2019",
        "Monday 16 November 2026",
        "Dr Helen Marsh",
        "Owen Pritchard",
        "Initiate pre-proceedings — decided at this meeting",
        "23 November 2026",
        "7 December 2026",
        "8 March 2027",
        "Evidence against the threshold criteria",
        "Legal advice",
    ] {
        assert!(minutes.contains(&squash(phrase)), "minutes lack {phrase:?}");
    }
    let agreement = squash(&pdf_text(&entries["pre-proceedings-agreement.pdf"]));
    for phrase in [
        "Take Maisie to school every day, on time",
        "Thursday 7 January 2027",
        "Solicitor for Tomasz Nowak",
    ] {
        assert!(
            agreement.contains(&squash(phrase)),
            "agreement lacks {phrase:?}"
        );
    }
}

#[test]
fn the_minutes_are_legally_privileged_on_every_page() {
    let (_dir, _, entries) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let pages = pdf_pages(&entries["lpm-minutes.pdf"]);
    assert!(pages.len() >= 2);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("LEGALLY PRIVILEGED"),
            "page {} lacks the marking",
            i + 1
        );
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
    let manifest: serde_json::Value = serde_json::from_slice(&entries["manifest.json"]).unwrap();
    let minutes = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "lpm-minutes.pdf")
        .unwrap();
    assert_eq!(minutes["privileged"], true);
    assert_eq!(minutes["audience"], "lpm-panel");
}

#[test]
fn the_same_case_gives_a_byte_identical_pack() {
    let (a, _, _) = build(&abs(SAMPLE));
    let (b, _, _) = build(&abs(SAMPLE));
    let x = std::fs::read(a.path().join("pack.zip")).unwrap();
    let y = std::fs::read(b.path().join("pack.zip")).unwrap();
    assert!(x == y, "two builds of the same case differ");
}

/// Compares `actual` with a committed file, or rewrites it when asked.
fn snapshot(path: &Path, actual: &[u8]) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from what casepack produces now; if the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test` and review the diff",
        path.display()
    );
}

#[test]
fn the_data_handed_to_typst_and_the_manifest_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "-o",
            "pack.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The template preview files are the snapshot of the data: a template
    // previewed on its own shows exactly what casepack gives it.
    let mut count = 0;
    for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if name.starts_with("letter-before-proceedings-")
            && name != "letter-before-proceedings-kerry-hartley.json"
        {
            continue;
        }
        let committed = if name.starts_with("letter-before-proceedings-") {
            "letter-before-proceedings.json".to_string()
        } else {
            name
        };
        snapshot(
            &root().join("templates/preview").join(committed),
            &std::fs::read(&path).unwrap(),
        );
        count += 1;
    }
    assert_eq!(count, 3);
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "-o",
            "lpm.zip",
            "--meeting",
            "lpm",
            "--data-dir",
            "lpm-data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    snapshot(
        &root().join("templates/preview/lpm-minutes.json"),
        &std::fs::read(dir.path().join("lpm-data/lpm-minutes.json")).unwrap(),
    );
    let entries = unzip(&dir.path().join("pack.zip"));
    snapshot(
        &root().join("tests/snapshots/manifest.json"),
        &entries["manifest.json"],
    );
    // The court timeline sheet previews with the issue-stage sample's data.
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(ISSUE_SAMPLE),
            "-o",
            "issue.zip",
            "--data-dir",
            "issue-data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    snapshot(
        &root().join("templates/preview/court-timeline.json"),
        &std::fs::read(dir.path().join("issue-data/court-timeline.json")).unwrap(),
    );
}

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
    assert_eq!(f["line"], 73);
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
        "invalid-yaml.yaml:16:10",
    ),
    (
        "misspelt-field",
        "error[unknown-field]",
        "`dte` is not a field here",
        "misspelt-field.yaml:73:3",
    ),
    (
        "misspelt-field",
        "help: did you mean `date`?",
        "",
        "misspelt-field.yaml:73:3",
    ),
    (
        "unknown-outcome",
        "error[unknown-value]",
        "did you mean `initiate-pre-proceedings`?",
        "unknown-outcome.yaml:77:12",
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
        "impossible-date.yaml:21:20",
    ),
    (
        "meeting-before-lpm",
        "error[date-order]",
        "the pre-proceedings meeting (12 November 2026) is before the LPM",
        "meeting-before-lpm.yaml:126:9",
    ),
    (
        "letter-after-meeting",
        "error[date-order]",
        "is before the date on the letter (27 November 2026)",
        "letter-after-meeting.yaml:123:9",
    ),
    (
        "hearing-before-issue",
        "error[date-order]",
        "the case management hearing (10 November 2026) is before the issue of proceedings (13 November 2026)",
        "hearing-before-issue.yaml:96:28",
    ),
    (
        "no-worries",
        "error[empty-list]",
        "the list of worries is empty",
        "no-worries.yaml:90:10",
    ),
    (
        "out-of-range",
        "error[calendar-range]",
        "there is no bank-holiday data for England and Wales in 2031: the England and Wales data covers 2018 to 2030",
        "out-of-range.yaml:73:9",
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

/// The sample case as JSON (which is YAML), for rewriting field by field.
fn sample_json() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let (loaded, _) = casepack::case::parse(&text).unwrap();
    serde_json::to_value(&loaded.case).unwrap()
}

/// Keys whose values are dates, times or fixed choices, not free text.
const NOT_FREE_TEXT: &[&str] = &[
    "date",
    "time",
    "date_of_birth",
    "expected_date_of_delivery",
    "starts",
    "by",
    "delivered",
    "review_date",
    "purpose",
    "outcome",
    "decision",
    "type",
    "kind",
    "id",
    "parents",
    "path",
    "gender",
    "born",
    "died",
];

/// Dates are typed values wherever they appear, not free text.
fn is_iso_date(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn replace_free_text(v: &mut serde_json::Value, key: &str, with: &str, count: &mut usize) {
    match v {
        serde_json::Value::String(s) if !NOT_FREE_TEXT.contains(&key) && !is_iso_date(s) => {
            *s = with.to_string();
            *count += 1;
        }
        serde_json::Value::Array(items) => items
            .iter_mut()
            .for_each(|i| replace_free_text(i, key, with, count)),
        serde_json::Value::Object(map) => {
            // `done` maps step ids to dates: no free text in it.
            for (k, x) in map.iter_mut().filter(|(k, _)| *k != "done") {
                replace_free_text(x, k, with, count);
            }
        }
        _ => {}
    }
}

const HOSTILE: &[&str] = &[
    "#panic(\"x\")",
    "]",
    "[",
    "$x$",
    "*",
    "_",
    "<l>",
    "@r",
    "//",
    "/*",
    "\\",
    "#import \"/etc/passwd\"",
    "שלום",
    "مرحبا",
    "🙂",
    "#eval(\"1+1\")",
    "```",
    "= Heading",
    "- item",
    "+ item",
    "~",
    "'quoted'",
    "\"",
    "{",
    "}",
    "#",
];

fn hostile_text() -> impl Strategy<Value = (String, bool)> {
    let piece = prop_oneof![
        8 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        1 => Just("\u{7}".to_string()),
        1 => Just("w".repeat(300)),
        2 => "[a-zA-Z]{1,8}",
    ];
    proptest::collection::vec(piece, 1..7).prop_map(|parts| {
        let text = parts.join(" ");
        let has_control = text.contains('\u{7}');
        (format!("Hostile {text}"), has_control)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_in_every_free_text_field_prints_literally((text, has_control) in hostile_text()) {
        let mut case = sample_json();
        let mut fields = 0;
        replace_free_text(&mut case, "", &text, &mut fields);
        prop_assert!(fields > 60, "only {} fields replaced", fields);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("case.yaml"), serde_json::to_string_pretty(&case).unwrap()).unwrap();
        let out = casepack(dir.path(), &["build", "case.yaml", "-o", "pack.zip"]);
        let err = stderr(&out);
        prop_assert_eq!(out.status.code(), Some(0), "{}", err);
        prop_assert_eq!(has_control, err.contains("warning[control-characters]"), "{}", err);
        let printed = text.replace('\u{7}', "");
        // Beside right-to-left text pdftotext moves neutral characters
        // (brackets, symbols) across the run in its own visual order, and it
        // places colour emoji apart from their line. With either present,
        // check each piece's letters and digits; without, the whole text.
        let rtl = printed.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c));
        let emoji = |c: char| c >= '\u{1F000}';
        let loose = rtl || printed.chars().any(emoji);
        let keep = |t: &str| -> String {
            if rtl { squash(t).chars().filter(|c| c.is_alphanumeric()).collect() } else { squash(t) }
        };
        let expected: Vec<String> = if loose {
            printed
                .split(|c: char| c.is_whitespace() || emoji(c))
                .map(keep)
                .filter(|p| !p.is_empty())
                .chain(printed.chars().filter(|c| emoji(*c)).map(String::from))
                .collect()
        } else {
            vec![squash(&printed)]
        };
        for (name, bytes) in unzip(&dir.path().join("pack.zip")) {
            // The timeline sheet prints only the reference, the council and
            // the children's first names, in narrow header cells; the other
            // documents print every field.
            if name == "pre-proceedings-timeline.pdf" {
                prop_assert!(pdf_text(&bytes).contains("Hostile"));
            } else if name.ends_with(".pdf") {
                let text = pdf_text(&bytes);
                let got = if rtl {
                    squash(&text).chars().filter(|c| c.is_alphanumeric() || emoji(*c)).collect()
                } else {
                    squash(&text)
                };
                for piece in &expected {
                    prop_assert!(got.contains(piece.as_str()), "{} lacks {:?}", name, piece);
                }
            }
        }
    }
}

// ---- casepack timeline: the table, JSON, the calendar export, bank holidays

const ISSUE_SAMPLE: &str = "samples/brennan-issue.yaml";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn timeline_prints_every_date_with_weekday_status_and_source() {
    let out = casepack(&root(), &["timeline", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for header in ["Date", "Day", "Step", "Responsible", "Status", "Source"] {
        assert!(text.contains(header), "no {header} column:\n{text}");
    }
    assert!(text.contains("NM/CS/2026/0147: every deadline, as at Sunday 22 November 2026"));
    assert!(text.contains(
        "16-week pre-proceedings timeline, from the LPM on Monday 16 November 2026 (004 Appendix 2)"
    ));
    // One row per step, each with its id; worked by hand from Mon 16 Nov 2026.
    let row = |id: &str| {
        let lines: Vec<&str> = text.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.contains(&format!("[{id}]")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{text}"));
        // The date, weekday and status sit on the row's first line, above the id.
        (0..=i)
            .rev()
            .map(|j| lines[j])
            .find(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or_else(|| panic!("no first line for {id}:\n{text}"))
            .to_string()
    };
    let letter = row("letter-before-proceedings");
    assert!(
        letter.contains("23 Nov 2026") && letter.contains("Mon"),
        "{letter}"
    );
    assert!(
        letter.contains("due soon") && letter.contains("004 §9b(ii)"),
        "{letter}"
    );
    let minutes = row("minutes-authorised");
    assert!(
        minutes.contains("20 Nov 2026") && minutes.contains("done"),
        "{minutes}"
    );
    let end = row("end-of-pre-proceedings");
    assert!(end.contains("8 Mar 2027") && end.contains(" due "), "{end}");
    let referrals = row("stage-2-referrals");
    assert!(referrals.contains("27 Nov 2026"), "{referrals}");
    assert!(text.contains("28 November 2026 is a Saturday:"), "{text}");
}

#[test]
fn timeline_status_follows_today_and_check_warns_of_what_is_overdue() {
    let out = casepack(&root(), &["timeline", SAMPLE, "--today", "2026-11-25"]);
    assert!(stdout(&out).contains("OVERDUE"), "{}", stdout(&out));
    let check = casepack(&root(), &["check", SAMPLE, "--today", "2026-11-25"]);
    assert_eq!(check.status.code(), Some(0), "warnings only");
    let err = stderr(&check);
    assert!(err.contains("warning[overdue]: overdue: letter before proceedings with the parents was due by 23 November 2026 (5 working days after the LPM)"), "{err}");
    assert!(err.contains("at `done.letter-before-proceedings`"), "{err}");
    assert!(err.contains("source: 004 §9b(ii); App. 2"), "{err}");
}

#[test]
fn timeline_json_gives_machines_every_step() {
    let out = casepack(&root(), &["timeline", ISSUE_SAMPLE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["today"], TODAY);
    let ids: Vec<&str> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["issue", "court", "looked-after", "after-every-lpm"]);
    let step = |id: &str| {
        v["timelines"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["steps"].as_array().unwrap())
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    // Issued Fri 13 Nov 2026 (Day 1): Day 18 is Tue 8 Dec, which the court listed.
    let cmh = step("case-management-hearing");
    assert_eq!(cmh["due"], "2026-12-08");
    assert_eq!(cmh["recorded"], "2026-12-08");
    assert_eq!(cmh["status"], "listed");
    assert_eq!(step("advocates-meeting")["due"], "2026-12-04");
    assert_eq!(step("first-statutory-review")["due"], "2026-11-25");
    assert_eq!(step("first-statutory-review")["status"], "due-soon");
    let fh = step("final-hearing");
    assert_eq!(fh["due"], "2027-05-13");
    assert_eq!(
        fh["source"],
        "004 App. 3 week 26; s32(1)(a) Children Act 1989"
    );
}

/// Reads an .ics file with an independent parser (the `icalendar` crate).
fn parse_ics(text: &str) -> Vec<(String, chrono::NaiveDate, String, String)> {
    use icalendar::{Component, DatePerhapsTime};
    let cal: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    cal.events()
        .map(|e| {
            let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
                panic!("not an all-day event")
            };
            let Some(DatePerhapsTime::Date(end)) = e.get_end() else {
                panic!("not an all-day event")
            };
            assert_eq!(end, start.succ_opt().unwrap(), "one day long");
            (
                e.get_uid().unwrap().to_string(),
                start,
                e.get_summary().unwrap().to_string(),
                e.get_description().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_calendar_export_imports_with_stable_uids_and_the_same_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "timeline",
            &abs(ISSUE_SAMPLE),
            "--format",
            "json",
            "--ics",
            "a.ics",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = std::fs::read_to_string(dir.path().join("a.ics")).unwrap();
    assert!(
        raw.lines().all(|l| l.len() <= 76),
        "lines fold at 75 octets"
    );
    assert!(raw.contains("\r\n"), "CRLF line ends");
    let events = parse_ics(&raw);
    // One event per step, on the date recorded, else the deadline.
    let steps: Vec<&serde_json::Value> = json["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["steps"].as_array().unwrap())
        .collect();
    assert_eq!(events.len(), steps.len());
    for step in &steps {
        let id = step["id"].as_str().unwrap();
        let event = events
            .iter()
            .find(|e| e.3.contains(&format!("Step id: {id}")))
            .unwrap_or_else(|| panic!("no event for {id}"));
        let date = step["recorded"].as_str().or(step["due"].as_str()).unwrap();
        assert_eq!(event.1.to_string(), date, "{id}");
        assert!(event.2.starts_with("NM/CS/2026/0212: "), "{}", event.2);
        assert!(event.3.contains(step["source"].as_str().unwrap()), "{id}");
    }
    // Names stay out of calendars; the reference identifies the case.
    assert!(!raw.contains("Ruby") && !raw.contains("Brennan"));
    let mut uids: Vec<&String> = events.iter().map(|e| &e.0).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    // Same case, same UIDs (and bytes), whatever the day it is exported.
    let again = casepack(
        dir.path(),
        &[
            "timeline",
            &abs(ISSUE_SAMPLE),
            "--ics",
            "b.ics",
            "--today",
            "2027-01-05",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        raw,
        std::fs::read_to_string(dir.path().join("b.ics")).unwrap()
    );
    // No overwrite without --force.
    let clash = casepack(
        dir.path(),
        &["timeline", &abs(ISSUE_SAMPLE), "--ics", "a.ics"],
    );
    assert_eq!(clash.status.code(), Some(2));
    assert!(stderr(&clash).contains("a.ics already exists; use --force"));
}

#[test]
fn a_deadline_past_the_bank_holiday_data_needs_a_holidays_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE))
        .unwrap()
        .replace("date: 2026-11-03", "date: 2030-11-19")
        .replace("placed: 2026-11-04", "placed: 2030-11-20")
        .replace("issued: 2026-11-13", "issued: 2030-11-29")
        .replace("2026-12-04", "2030-12-18")
        .replace(
            "case_management_hearing: 2026-12-08",
            "case_management_hearing: 2030-12-20",
        );
    std::fs::write(dir.path().join("late.yaml"), text).unwrap();
    let out = casepack(
        dir.path(),
        &["timeline", "late.yaml", "--today", "2030-11-20"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error[calendar-range]: there is no bank-holiday data for England and Wales in 2031"
        ),
        "{err}"
    );
    assert!(err.contains("--holidays FILE"), "{err}");
    // The same data GOV.UK publishes, for 2031: the deadlines can be counted.
    let govuk = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
        {"title": "Good Friday", "date": "2031-04-11", "notes": "", "bunting": false},
        {"title": "Easter Monday", "date": "2031-04-14", "notes": "", "bunting": true},
        {"title": "Early May bank holiday", "date": "2031-05-05", "notes": "", "bunting": true},
        {"title": "Spring bank holiday", "date": "2031-05-26", "notes": "", "bunting": true},
        {"title": "Summer bank holiday", "date": "2031-08-25", "notes": "", "bunting": true},
        {"title": "Christmas Day", "date": "2031-12-25", "notes": "", "bunting": true},
        {"title": "Boxing Day", "date": "2031-12-26", "notes": "", "bunting": true}]}}"#;
    std::fs::write(dir.path().join("bank-holidays.json"), govuk).unwrap();
    let out = casepack(
        dir.path(),
        &[
            "timeline",
            "late.yaml",
            "--today",
            "2030-11-20",
            "--holidays",
            "bank-holidays.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let irh = v["timelines"][1]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "issues-resolution-hearing")
        .unwrap()
        .clone();
    // Issued Fri 29 Nov 2030; week 20 is Fri 18 Apr 2031, after Good Friday
    // (11 Apr) and Easter Monday, so not moved.
    assert_eq!(irh["due"], "2031-04-18");
    // A year before the data runs out, check says so.
    let check = casepack(&root(), &["check", SAMPLE, "--today", "2030-02-01"]);
    assert!(
        stderr(&check).contains("warning[calendar-ending]: the England and Wales bank-holiday data ends on 31 December 2030"),
        "{}",
        stderr(&check)
    );
    let bad = casepack(&root(), &["check", SAMPLE, "--holidays", "no-such.json"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_issue_stage_case_has_the_26_week_court_timeline_sheet() {
    let (_dir, out, entries) = build(&abs(ISSUE_SAMPLE));
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(names, ["court-timeline.pdf", "manifest.json"]);
    assert!(
        stderr(&out).contains("wrote pack.zip (1 document"),
        "{}",
        stderr(&out)
    );
    let pages = pdf_pages(&entries["court-timeline.pdf"]);
    let text = squash(&pages.join("\n"));
    for needle in [
        "26-week court timeline",
        "Counted from the issue of proceedings on Friday 13 November 2026",
        "Tue 8 Dec 2026",
        "Day 18, the issue of proceedings being Day 1",
        "Fri 2 Apr 2027",
        "Thu 13 May 2027",
        "the last day of the 26 weeks beginning with the issue of proceedings",
        "s32(1)(a) Children Act 1989",
        "Thu 25 Mar 2027",
        "Fri 26 Mar 2027 is Good Friday, a bank holiday",
    ] {
        assert!(
            text.contains(&squash(needle)),
            "court timeline lacks {needle}"
        );
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(
            squash(page).contains(&squash(&format!("Page {} of {}", i + 1, pages.len()))),
            "page {i}"
        );
    }
    // The pre-proceedings sample has no court timeline.
    let (_d, _, pre) = build(&abs(SAMPLE));
    assert!(!pre.contains_key("court-timeline.pdf"));
}

#[test]
fn meetings_lists_every_type_and_explain_prints_its_requirements() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(dir.path(), &["meetings"]);
    assert!(out.status.success());
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "lpm",
            "review-lpm",
            "pre-proceedings-meeting",
            "advocates-meeting",
            "cpm-one",
            "cpm-two",
            "cpm-three",
            "looked-after-cpm"
        ]
    );
    for id in &ids {
        let out = casepack(dir.path(), &["explain", id]);
        assert!(out.status.success(), "{id}");
        let text = stdout(&out);
        assert!(text.contains("Chair: "), "{id}: {text}");
        assert!(text.contains("The pack must hold"), "{id}: {text}");
    }
    let out = casepack(dir.path(), &["explain", "review-lpm"]);
    assert!(stdout(&out).contains("Never for: revoke-order"));
    let out = casepack(dir.path(), &["explain", "cpm-2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`cpm-2` is not a meeting type"));
}

mod meetings;
mod profiles;
mod schema;
