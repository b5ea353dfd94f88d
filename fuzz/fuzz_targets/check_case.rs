//! Fuzz target: plausible cases built from the fuzzer's bytes (see
//! `casepack_fuzz::case`), written as YAML and put through `check` and,
//! when they check clean, `prepare` (packs planned, letters laid out), in
//! a folder holding the PDFs they may attach.

#![no_main]

use std::sync::OnceLock;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz/harness.rs"]
#[allow(dead_code)]
mod harness;

/// The folder the cases are checked in, made once and lasting the run.
fn case_dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        harness::lay_out_attachments(dir.path()).expect("the attachments written");
        dir
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = casepack_fuzz::case(&mut Unstructured::new(data)) else {
        return;
    };
    let settings = harness::settings(case_dir(), harness::audience_of(&text));
    if let Err(e) = harness::check_and_prepare(&text, &settings) {
        panic!("{e}\n--- the case ---\n{text}");
    }
});
