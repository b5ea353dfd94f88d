//! `casepack timeline` over a caseload (a folder, or several case files):
//! reads and checks every case, prints the report, and writes the calendar
//! and the one-page sheet when asked. A case with errors is listed as not
//! reported and makes the exit status 1; the others are reported all the same.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Format;
use super::args::When;
use super::failure::{Failure, Outcome};
use super::inputs::case_files;
use crate::caseload::{self, read::Reported};
use crate::profile::plural;
use crate::{deadlines, safe_write};

/// What the caseload report writes besides the report.
pub(super) struct Files<'a> {
    /// One calendar for every case.
    pub ics: Option<&'a Path>,
    /// The one-page sheet.
    pub sheet: Option<&'a Path>,
    /// Whether either may replace an existing file.
    pub force: bool,
}

pub(super) fn caseload(args: &[PathBuf], format: Format, files: &Files, when: &When) -> Outcome {
    let found = case_files(args)?;
    for out in [files.ics, files.sheet].into_iter().flatten() {
        if out.exists() && !files.force {
            return Err(Failure::usage(format!(
                "{} already exists; use --force to replace it",
                out.display()
            )));
        }
    }
    let settings = when.settings()?;
    let (reported, not_reported) = caseload::read::read(&found.cases, &settings);
    let warnings = reported.iter().map(|c| c.warnings).sum();
    let warned = reported.iter().filter(|c| c.warnings > 0).count();
    let rows = reported
        .iter()
        .flat_map(|c| c.rows.iter().cloned())
        .collect();
    let report = caseload::report(settings.today, reported.len(), rows, not_reported, warnings);
    match format {
        Format::Human => {
            let width = terminal_size::terminal_size()
                .filter(|_| std::io::stdout().is_terminal())
                .map_or(140, |(w, _)| w.0);
            print!("{}", caseload::print::table(&report, width));
        }
        Format::Json => {
            let text =
                serde_json::to_string_pretty(&caseload::print::json(&report)).map_err(|e| {
                    Failure::usage(format!(
                        "internal: the report could not be written as JSON: {e}"
                    ))
                })?;
            println!("{text}");
        }
    }
    if !found.profiles.is_empty() {
        eprintln!(
            "passed over {} (authority profiles, not cases)",
            plural(found.profiles.len() as u32, "file")
        );
    }
    if warnings > 0 {
        eprintln!(
            "{} in {}: `casepack check FILE` explains a case's own",
            plural(warnings as u32, "warning"),
            plural(warned as u32, "case"),
        );
    }
    write(&report, &reported, files, settings.today)?;
    if report.not_reported.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Err(Failure::findings(format!(
            "{} not reported: {}",
            plural(report.not_reported.len() as u32, "case file"),
            report
                .not_reported
                .iter()
                .map(|n| n.file.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )))
    }
}

/// Writes the calendar and the sheet, for the cases reported: both whole,
/// or neither.
fn write(
    report: &caseload::Report,
    reported: &[Reported],
    files: &Files,
    today: crate::case::Date,
) -> Result<(), Failure> {
    if files.ics.is_none() && files.sheet.is_none() {
        return Ok(());
    }
    if reported.is_empty() {
        return Err(Failure::findings(
            "no case could be reported, so no calendar or sheet was written",
        ));
    }
    let fail = |e: &dyn std::fmt::Display| {
        safe_write::abandon();
        Failure::usage(e).nothing_written()
    };
    let mut wrote = Vec::new();
    if let Some(ics) = files.ics {
        // The calendar it replaces tells which events moved (`--force`).
        let previous = std::fs::read_to_string(ics).ok();
        let cases: Vec<(&str, &deadlines::Schedule)> = reported
            .iter()
            .map(|c| (c.reference.as_str(), &c.schedule))
            .collect();
        let name = format!(
            "Caseload deadlines ({})",
            plural(cases.len() as u32, "case")
        );
        let calendar = deadlines::ics_many(&name, &cases, previous.as_deref(), today);
        safe_write::write_file(ics, files.force, calendar.as_bytes())
            .map_err(|e| fail(&format!("{e:#}")))?;
        wrote.push(ics.display().to_string());
    }
    if let Some(path) = files.sheet {
        let sheet = caseload::sheet::render(report, reported)
            .map_err(|e| fail(&format!("internal: the caseload sheet: {e}")))?;
        safe_write::write_file(path, files.force, &sheet.pdf)
            .map_err(|e| fail(&format!("{e:#}")))?;
        if sheet.left_off > 0 {
            eprintln!(
                "warning: the sheet {} leaves off {} that one page cannot hold; the report printed has them all",
                path.display(),
                plural(sheet.left_off as u32, "step"),
            );
        }
        wrote.push(path.display().to_string());
    }
    safe_write::commit();
    for file in wrote {
        eprintln!("wrote {file}");
    }
    Ok(())
}
