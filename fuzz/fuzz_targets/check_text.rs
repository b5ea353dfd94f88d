//! Fuzz target: any text as a case file, through the whole `check` (parse,
//! validation, the profile, deadlines, the meeting's rules) in an empty
//! folder, so attachments and profile files are found missing, not read.
//! Every result is held to `tests/fuzz/harness.rs`: a checked case or an
//! error saying why, every finding placed within the text.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use casepack::pipeline::Settings;
use casepack::profile::PackAudience;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz/harness.rs"]
#[allow(dead_code)]
mod harness;

/// The settings, made once: a fresh empty folder that lasts the run.
fn settings() -> &'static Settings {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        let dir = DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"));
        harness::settings(Path::new(dir.path()), PackAudience::Panel)
    })
}

fuzz_target!(|data: &[u8]| {
    // A case file is text; the command line refuses anything else when it reads it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = harness::check(text, settings()) {
        panic!("{e}");
    }
});
