//! Replays the fuzzers' kept corpus (`fuzz/`, README "Fuzzing") through
//! the entry points they fuzz, on stable Rust: every file under
//! `check_text/` through `check` in an empty folder, every generated case
//! under `check_case/` through `check` and, when it checks clean,
//! `prepare`, in a folder holding the PDFs it may attach. Each must come
//! back without a panic, as a checked case or with an error saying why,
//! every finding placed within the text (`harness.rs`, shared with the
//! fuzz targets).

mod harness;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use casepack::profile::PackAudience;

/// The corpus files of one target, sorted, with their text.
fn corpus(target: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!("{}: not text, so no fuzzer input: {e}", path.display())
            });
            (path, text)
        })
        .collect()
}

/// Runs `replay` on every file, catching panics, and fails naming each
/// file that panicked or broke a rule. Returns how many checked clean.
fn replay_all(files: &[(PathBuf, String)], replay: impl Fn(&str) -> Result<bool, String>) -> usize {
    let mut failures = Vec::new();
    let mut clean = 0;
    for (path, text) in files {
        match panic::catch_unwind(AssertUnwindSafe(|| replay(text))) {
            Ok(Ok(true)) => clean += 1,
            Ok(Ok(false)) => {}
            Ok(Err(why)) => failures.push(format!("{}: {why}", path.display())),
            Err(_) => failures.push(format!("{}: panicked", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    clean
}

#[test]
fn every_kept_text_input_checks_or_says_why() {
    let files = corpus("check_text");
    // Guards against a vacuous pass: the corpus is there and was read.
    assert!(
        files.len() >= 20,
        "only {} files in the corpus",
        files.len()
    );
    let empty = tempfile::tempdir().expect("a temporary folder");
    let settings = harness::settings(empty.path(), PackAudience::Panel);
    replay_all(&files, |text| harness::check(text, &settings));
}

#[test]
fn every_kept_generated_case_checks_and_prepares_or_says_why() {
    let files = corpus("check_case");
    assert!(
        files.len() >= 20,
        "only {} files in the corpus",
        files.len()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    harness::lay_out_attachments(dir.path()).expect("the attachments written");
    let clean = replay_all(&files, |text| {
        let settings = harness::settings(dir.path(), harness::audience_of(text));
        harness::check_and_prepare(text, &settings)
    });
    // The generator aims past parsing: some kept cases must check clean,
    // so `prepare` is replayed too.
    assert!(clean > 0, "no kept generated case checks clean");
}
