//! Many cases in one run: `casepack build cases/` and `casepack check
//! cases/`. Cases are checked and built in parallel; each case's packs are
//! written whole or not at all, and one case failing stops no other. A
//! terminal shows a progress bar; anything else gets one plain line per
//! case as it finishes, so a log or a script can follow along. Each case's
//! findings are then printed by case, and a summary says what was done.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use super::failure::{Failure, Outcome};
use super::inputs::CaseFiles;
use crate::pipeline::Settings;
use crate::pipeline::build::Outputs;
use crate::pipeline::build::{self, CaseBuild, Status, Target};

/// Shows how far a run of many cases has got: a bar on a terminal, else a
/// line per case.
pub(super) struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: AtomicUsize,
    /// Plain lines are written whole, one case at a time.
    lines: Mutex<()>,
}

impl Progress {
    /// Progress over `total` cases, `verb`ed ("building", "checking").
    pub(super) fn new(total: usize, verb: &str) -> Progress {
        let bar = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} cases, {elapsed}")
            {
                bar.set_style(style);
            }
            bar.set_message(verb.to_string());
            bar
        });
        Progress {
            bar,
            total,
            done: AtomicUsize::new(0),
            lines: Mutex::new(()),
        }
    }

    /// One case finished: `line` says how it went, in a few words.
    pub(super) fn finished(&self, path: &Path, line: &str) {
        let n = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None => {
                let _held = self.lines.lock().unwrap_or_else(|e| e.into_inner());
                eprintln!("[{n}/{}] {}: {line}", self.total, path.display());
            }
        }
    }

    /// Clears the bar before the summary is printed under it.
    pub(super) fn end(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The folder a case's packs go to in a run of many: the output folder,
/// and below it the case's own folder under the folder it was found in,
/// so cases kept as `cases/<family>/case.yaml` never overwrite each other.
fn out_dir(case: &Path, args: &[PathBuf], out: &Path) -> PathBuf {
    let within = args
        .iter()
        .filter(|a| a.is_dir())
        .find_map(|a| case.strip_prefix(a).ok())
        .and_then(Path::parent)
        .map_or_else(PathBuf::new, Path::to_path_buf);
    out.join(within)
}

/// `casepack build` over many cases: every case built, in parallel, into
/// the output folder (created if missing).
pub(super) fn build_many(
    args: &[PathBuf],
    files: &CaseFiles,
    outputs: &Outputs,
    settings: &Settings,
    color: bool,
) -> Outcome {
    let out = outputs.pack.clone().unwrap_or_else(|| PathBuf::from("."));
    if out.exists() && !out.is_dir() {
        return Err(Failure::usage(format!(
            "{} is a file; building several cases writes their packs into a folder: give one with -o",
            out.display()
        )));
    }
    let dirs: Vec<PathBuf> = files.cases.iter().map(|c| out_dir(c, args, &out)).collect();
    // Two cases that would write the same pack are refused before anything
    // is built: one would silently replace the other.
    let mut seen: Vec<(PathBuf, &Path)> = Vec::new();
    for (case, dir) in files.cases.iter().zip(&dirs) {
        let name = dir.join(case.file_stem().unwrap_or(case.as_os_str()));
        if let Some((_, other)) = seen.iter().find(|(n, _)| *n == name) {
            return Err(Failure::usage(format!(
                "{} and {} would write packs of the same name into {}; give them different file names or build them separately",
                other.display(),
                case.display(),
                dir.display()
            )));
        }
        seen.push((name, case));
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))?;
    }
    if outputs.encrypt && settings.audience == crate::profile::PackAudience::Parents {
        return Err(Failure::usage(
            "--encrypt would give every parent's pack the same password, so one parent could open another's; build each with --recipient ID and its own password",
        ));
    }
    // One password for the run, asked for once, before any case is built:
    // every pack goes to the same readers (the panel, the lawyers).
    let password = outputs
        .encrypt
        .then(super::outputs::password)
        .transpose()
        .map_err(|e| Failure::usage(e).nothing_written())?;
    let given = |p: &Option<String>| p.clone().ok_or(build::PasswordError::NotGiven);
    let get_password = move || given(&password);
    let started = Instant::now();
    let progress = Progress::new(files.cases.len(), "building");
    let both: Vec<(&PathBuf, &PathBuf)> = files.cases.iter().zip(&dirs).collect();
    // Each case's build, and what it says, formatted as it finishes.
    let results: Vec<(CaseBuild, String)> = crate::parallel::each(&both, |&(case, dir)| {
        let per_case = Outputs {
            pack: Some(dir.clone()),
            force: outputs.force,
            data_dir: None,
            bundle: outputs.bundle,
            encrypt: outputs.encrypt,
        };
        let target = Target {
            outputs: &per_case,
            data_dir: outputs
                .data_dir
                .as_ref()
                .map(|d| out_dir(case, args, d).join(case.file_stem().unwrap_or(case.as_os_str()))),
            password: &get_password,
        };
        let (result, said) = match std::fs::read_to_string(case) {
            Ok(text) => {
                let b = build::build_case(case, &text, &target, &settings.for_case(case));
                let said = super::built::said(&b, case, &text, color);
                (b, said)
            }
            Err(source) => {
                let b = CaseBuild::unreadable(build::BuildError::Unreadable {
                    path: case.clone(),
                    source,
                });
                let said = super::built::said(&b, case, "", color);
                (b, said)
            }
        };
        progress.finished(case, &line(&result));
        (result, said)
    });
    progress.end();
    let seconds = started.elapsed().as_secs_f64();
    print_by_case(&files.cases, &results);
    let built: Vec<&CaseBuild> = results
        .iter()
        .map(|(r, _)| r)
        .filter(|r| r.status == Status::Written)
        .collect();
    let packs: usize = built.iter().map(|r| r.written.len()).sum();
    let documents: usize = built.iter().map(|r| r.documents()).sum();
    eprintln!(
        "built {} of {} cases: {packs} pack{} ({documents} documents) in {seconds:.1} s ({:.1} packs/s)",
        built.len(),
        results.len(),
        if packs == 1 { "" } else { "s" },
        packs as f64 / seconds.max(0.001),
    );
    let results: Vec<CaseBuild> = results.into_iter().map(|(r, _)| r).collect();
    Ok(summarise_failures(
        &files.cases,
        &results,
        "nothing was written for",
    ))
}

/// Each case's output, in the order the cases were given: in full for a
/// case that failed, one line for one that was built.
fn print_by_case(cases: &[PathBuf], results: &[(CaseBuild, String)]) {
    for (case, (r, said)) in cases.iter().zip(results) {
        let warnings = r.warnings();
        if r.status != Status::Written {
            eprint!("{said}");
        } else if warnings > 0 {
            eprintln!(
                "{}: built, with {} warning{} (`casepack check {}` shows {})",
                case.display(),
                warnings,
                if warnings == 1 { "" } else { "s" },
                case.display(),
                if warnings == 1 { "it" } else { "them" }
            );
        }
    }
}

/// Names the cases that failed and gives the run's status: 1 when any did.
fn summarise_failures(cases: &[PathBuf], results: &[CaseBuild], what: &str) -> ExitCode {
    let failed: Vec<String> = cases
        .iter()
        .zip(results)
        .filter(|(_, r)| r.status != Status::Written)
        .map(|(c, r)| format!("{} ({})", c.display(), line(r)))
        .collect();
    summarise(&failed, what)
}

/// Names the cases that failed (each with why, in a few words) and gives
/// the run's status: 1 when any did.
pub(super) fn summarise(failed: &[String], what: &str) -> ExitCode {
    if failed.is_empty() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "{} case{} failed, {what} {}: {}",
        failed.len(),
        if failed.len() == 1 { "" } else { "s" },
        if failed.len() == 1 { "it" } else { "them" },
        failed.join("; ")
    );
    ExitCode::from(super::EXIT_FINDINGS)
}

/// How a case went, in a few words.
fn line(b: &CaseBuild) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match (b.status, b.written.as_slice()) {
        (Status::Written, [one]) => format!("wrote {}", one.path.display()),
        (Status::Written, many) => format!("wrote {} packs", many.len()),
        (_, _) if b.errors() > 0 => count(b.errors(), "error"),
        (_, _) => b
            .error
            .as_ref()
            .map_or_else(|| "not built".to_string(), |e| format!("error: {e}")),
    }
}
