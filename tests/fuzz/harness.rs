//! What the fuzz targets (`fuzz/`) and the corpus replay (`cargo test
//! --test fuzz`) share: the fixed settings a case is checked under and what
//! must hold of every result. Included by both with `#[path]`, so the
//! fuzzer and the replay judge an input the same way.

use std::path::Path;

use casepack::diagnostics::{Findings, Severity};
use casepack::pipeline::{self, Settings};
use casepack::profile::PackAudience;

/// The day every fuzzed case is judged on: in the middle of the samples'
/// dates and of the bank-holiday data.
pub const TODAY: &str = "2026-11-25";

/// The settings a fuzzed case is checked under: `today` pinned, the case's
/// folder `case_dir` (attachments and profile files are looked up there),
/// the meeting and profile the case names, and `audience`.
pub fn settings(case_dir: &Path, audience: PackAudience) -> Settings {
    let today = casepack::case::Date::parse(TODAY).expect("TODAY is a real date");
    let mut settings = Settings::new(today);
    settings.case_dir = case_dir.to_path_buf();
    settings.audience = audience;
    settings
}

/// The PDFs a generated case may attach, by the path it gives
/// (`attachments/...`): the samples' fictional stand-ins, and three the
/// pack cannot hold (no pages, a password, printing restricted).
pub const ATTACHMENTS: [(&str, &[u8]); 8] = [
    (
        "attachments/brennan-draft-swet.pdf",
        include_bytes!("../../samples/attachments/brennan-draft-swet.pdf"),
    ),
    (
        "attachments/brennan-looked-after-review.pdf",
        include_bytes!("../../samples/attachments/brennan-looked-after-review.pdf"),
    ),
    (
        "attachments/brennan-single-assessment.pdf",
        include_bytes!("../../samples/attachments/brennan-single-assessment.pdf"),
    ),
    (
        "attachments/hartley-nowak-assessment-plan.pdf",
        include_bytes!("../../samples/attachments/hartley-nowak-assessment-plan.pdf"),
    ),
    (
        "attachments/hartley-nowak-single-assessment.pdf",
        include_bytes!("../../samples/attachments/hartley-nowak-single-assessment.pdf"),
    ),
    (
        "attachments/no-pages.pdf",
        include_bytes!("../fixtures/attachments/no-pages.pdf"),
    ),
    (
        "attachments/password-protected.pdf",
        include_bytes!("../fixtures/attachments/password-protected.pdf"),
    ),
    (
        "attachments/restricted.pdf",
        include_bytes!("../fixtures/attachments/restricted.pdf"),
    ),
];

/// Writes [`ATTACHMENTS`] into `dir`, the folder generated cases are
/// checked in.
pub fn lay_out_attachments(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("attachments"))?;
    for (path, bytes) in ATTACHMENTS {
        std::fs::write(dir.join(path), bytes)?;
    }
    Ok(())
}

/// The audience a generated case is prepared for, from its first line
/// (`# audience: parents`); the panel when it names none.
pub fn audience_of(text: &str) -> PackAudience {
    let named = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# audience: "))
        .map(str::trim);
    match named {
        Some("parents") => PackAudience::Parents,
        Some("advocates") => PackAudience::Advocates,
        Some("legal") => PackAudience::Legal,
        _ => PackAudience::Panel,
    }
}

/// What must hold of any case text's findings: none says it is casepack's
/// own fault (an `internal` error, or one asking to be reported), and every
/// finding that points into the case file points at a line of it and a
/// column of that line.
pub fn sound(text: &str, findings: &Findings) -> Result<(), String> {
    // Lines as a position counts them: an empty text is one empty line,
    // and after a final line break comes one more, where the end of the
    // file is.
    let lines: Vec<&str> = text.split('\n').collect();
    for f in findings.sorted() {
        let reported = f
            .help
            .as_deref()
            .is_some_and(|h| h.contains("please report"));
        if f.code == "internal" || reported {
            return Err(format!(
                "casepack's own fault at `{}`: {}",
                f.path, f.message
            ));
        }
        // A finding in a profile file points into that file, not the case.
        let (Some(p), None) = (f.position, &f.file) else {
            continue;
        };
        let Some(line) = p.line.checked_sub(1).and_then(|i| lines.get(i)) else {
            return Err(format!(
                "`{}` at `{}` points at line {}, but the text has {} lines",
                f.code,
                f.path,
                p.line,
                lines.len()
            ));
        };
        let width = line.chars().count();
        if p.column == 0 || p.column > width + 1 {
            return Err(format!(
                "`{}` at `{}` points at line {} column {}, but that line has {width} characters",
                f.code, f.path, p.line, p.column
            ));
        }
    }
    Ok(())
}

/// Runs `check` on `text` and holds it to what every result must be: a
/// checked case, or at least one error saying why not, every finding
/// placed within the text. Returns whether the case checked clean.
pub fn check(text: &str, settings: &Settings) -> Result<bool, String> {
    let (checked, findings) = pipeline::check(text, settings);
    sound(text, &findings)?;
    match (&checked, findings.has_errors()) {
        (Some(_), true) => Err("a checked case came back with errors".into()),
        (None, false) => Err("no checked case and no error saying why".into()),
        _ => Ok(checked.is_some()),
    }
}

/// As [`check`], and for a case that checks clean, `prepare` too: its packs
/// planned and its letters laid out, with the same holding of its findings.
/// Returns whether the case checked clean.
pub fn check_and_prepare(text: &str, settings: &Settings) -> Result<bool, String> {
    if !check(text, settings)? {
        return Ok(false);
    }
    let run = pipeline::prepare(text, settings);
    sound(text, &run.findings)?;
    let errors = run.findings.count(Severity::Error);
    match (&run.prepared, errors) {
        (None, 0) => Err("a clean case prepared nothing and said no error".into()),
        (Some(p), 0) if p.packs.is_empty() && settings.recipient.is_none() => {
            Err("a clean case prepared no pack and said no error".into())
        }
        _ => Ok(true),
    }
}
