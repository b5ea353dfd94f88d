//! The integration harness: runs the real `casepack` binary on fixture
//! cases in temporary folders and checks what a user would see — exit
//! status, messages, the files written, and the text of the PDFs (read with
//! poppler's `pdftotext`, so `./test` installs poppler-utils).
//!
//! Adding a test: put a case under `tests/fixtures/` (bad inputs under
//! `tests/fixtures/bad/`, each a copy of the sample with one thing wrong)
//! and add a row or a function in the file for its subject. The data
//! handed to Typst and the manifest are compared with `tests/snapshots/`;
//! refresh them with `UPDATE_SNAPSHOTS=1 cargo test` and review the diff.
//! What users read (findings, reports, tables, `--help`, JSON) is pinned
//! whole with insta (`pin!`), in `tests/cli/snapshots/`: refresh those with
//! `INSTA_UPDATE=always cargo test` (or `cargo insta review`) and review
//! the diff before committing it. A new finding kind needs a row in
//! `snapshot_findings.rs`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Writes `text` as `case.yaml` in a fresh folder beside a copy of the
/// samples' attachments, so relative attachment paths resolve.
fn case_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("attachments")).unwrap();
    for entry in std::fs::read_dir(root().join("samples/attachments")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            dir.path()
                .join("attachments")
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("case.yaml"), text).unwrap();
    dir
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
    pdftotext(pdf, &[])
}

/// The text of a PDF in the order it was written, not laid out: a table
/// cell's lines stay together even when its neighbours have fewer.
fn pdf_text_raw(pdf: &[u8]) -> String {
    pdftotext(pdf, &["-raw"]).join("\n")
}

fn pdftotext(pdf: &[u8], args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(args)
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

/// Every PDF's text and metadata, every file name and the manifest of a
/// pack, as one string with no whitespace.
fn pack_text(pack: &BTreeMap<String, Vec<u8>>) -> String {
    let mut all = String::new();
    for (name, bytes) in pack {
        all.push_str(name);
        if name.ends_with(".pdf") {
            all.push_str(&pdf_text(bytes));
            let pdf = hayro_syntax::Pdf::new(bytes.clone()).unwrap();
            all.push_str(&format!("{:?}", pdf.metadata()));
            let catalog: hayro_syntax::object::Dict = pdf.xref().get(pdf.xref().root_id()).unwrap();
            if let Some(xmp) = catalog.get::<hayro_syntax::object::Stream>(b"Metadata") {
                all.push_str(&String::from_utf8_lossy(&xmp.decoded().unwrap()));
            }
        } else {
            all.push_str(&String::from_utf8_lossy(bytes));
        }
    }
    squash(&all.replace('\u{a0}', " "))
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

/// The arguments as `casepack()` runs them: colour off, and dated as at
/// `TODAY` unless they give their own day.
fn as_run(args: &[&str]) -> Vec<String> {
    let mut shown: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    shown.push("--color=never".into());
    let dated = matches!(args.first(), Some(&("check" | "build" | "timeline")));
    if dated && !args.contains(&"--today") {
        shown.extend(["--today".into(), TODAY.into()]);
    }
    shown
}

/// What a run of `casepack <args>` printed, as the snapshot holds it: the
/// command, its exit status and each stream that is not empty, whole
/// (but for the order of the lines cases report as they finish).
fn transcript(args: &[String], out: &Output) -> String {
    let mut s = format!(
        "$ casepack {}\nexit status: {}\n",
        args.join(" "),
        out.status.code().map_or("none".into(), |c| c.to_string())
    );
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if !bytes.is_empty() {
            let text = in_path_order(&String::from_utf8_lossy(bytes));
            s.push_str(&format!("--- {name}\n{text}"));
        }
    }
    s
}

/// Cases checked or reported together finish in any order and say so as
/// they do (`[2/3] path: …`): those lines are put in order of path, and
/// their counts left out, so that the snapshot holds what they say.
fn in_path_order(text: &str) -> String {
    let progress = regex::Regex::new(r"^\[\d+/(\d+)\] ").unwrap();
    let mut out = Vec::new();
    let mut run: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        if progress.is_match(line) {
            run.push(progress.replace(line, "[_/$1] ").into_owned());
            continue;
        }
        run.sort();
        out.append(&mut run);
        out.push(line.to_string());
    }
    run.sort();
    out.append(&mut run);
    out.concat()
}

/// Insta settings that make paths stable: `dir` (a temporary folder) as
/// `[CASE_DIR]`, and the repository (in an absolute case path) as `[ROOT]`.
fn stable_paths(dir: &Path) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    let mut named = |path: &Path, name: &str| {
        let mut paths = vec![path.display().to_string()];
        if let Ok(real) = path.canonicalize() {
            paths.push(real.display().to_string());
        }
        for p in paths {
            settings.add_filter(&regex::escape(&p), name);
        }
    };
    if dir != root() {
        named(dir, "[CASE_DIR]");
    }
    named(&root(), "[ROOT]");
    // How long a run of many cases took.
    settings.add_filter(r"in \d+\.\d s \(\d+\.\d packs/s\)", "in [TIME]");
    settings.set_omit_expression(true);
    settings
}

/// Pins what `casepack(cwd, args)` printed as the snapshot `name`: the
/// command, its exit status and every stream, whole (see `transcript`).
macro_rules! pin {
    ($name:expr, $cwd:expr, $args:expr, $out:expr) => {{
        let text = $crate::transcript(&$crate::as_run($args), $out);
        $crate::stable_paths($cwd).bind(|| insta::assert_snapshot!($name, text));
    }};
}

/// The issue-stage sample: proceedings issued, the court timeline running.
const ISSUE_SAMPLE: &str = "samples/brennan-issue.yaml";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

mod archival;
mod attachments;
mod audiences;
mod authorities;
mod blended;
mod browser;
mod bundle;
mod caseload;
mod commands;
mod disclosure;
mod easy_read;
mod edit;
mod findings;
mod for_parents;
mod hostile;
mod letters;
mod many;
mod meetings;
mod names;
mod pack;
mod papers;
mod plain;
mod profiles;
mod safety;
mod schema;
mod snapshot_findings;
mod snapshot_output;
mod timeline;
mod verapdf;
mod withhold;
mod wording;
