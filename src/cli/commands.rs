//! What `check`, `timeline`, `migrate`, `meetings` and `explain` do once
//! their arguments are parsed: read the case, run the pipeline, print
//! findings (`build` has its own file).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use super::failure::{Failure, Outcome};
use super::{EXIT_FINDINGS, Format};
use crate::calendar::Calendar;
use crate::diagnostics::Findings;
use crate::pipeline::Settings;
use crate::{deadlines, pipeline, profile, safe_write};

pub(super) fn profile_or_default(name: Option<&str>) -> Result<profile::Profile, Failure> {
    match name {
        None => Ok(profile::default_profile().clone()),
        Some(name) => profile::find_profile(name, Path::new("."), Calendar::england_and_wales())
            .map_err(Failure::usage),
    }
}

/// `casepack profiles`: each built-in profile, its name first.
pub(super) fn profiles() -> Outcome {
    let width = profile::BUILT_IN
        .iter()
        .map(|b| b.name.len())
        .max()
        .unwrap_or(0);
    for b in profile::BUILT_IN {
        let aliases = if b.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also `{}`)", b.aliases.join("`, `"))
        };
        println!("{:width$}  {}{aliases}", b.name, b.procedure);
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn explain(profile: &profile::Profile, id: &str) -> Outcome {
    match profile.meeting(id) {
        Some(m) => {
            print!("{}", profile::explain::explain(profile, m));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let ids: Vec<&str> = profile.meetings.iter().map(|m| m.id.as_str()).collect();
            let mut f = Failure::usage(format!("`{id}` is not a meeting type"));
            if let Some(near) = crate::diagnostics::nearest(id, &ids) {
                f = f.help(format!("did you mean `{near}`?"));
            }
            Err(f.note(format!("the meeting types are: {}", ids.join(", "))))
        }
    }
}

pub(super) fn read_case(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))
}

pub(super) fn print_findings(findings: &Findings, path: &Path, text: &str, color: bool) {
    if !findings.is_empty() {
        eprint!(
            "{}",
            findings.render(&path.display().to_string(), text, color)
        );
    }
}

/// One case checked: its findings, and how its letters read.
struct CaseCheck {
    findings: Findings,
    plain: Option<crate::plain::Report>,
}

impl CaseCheck {
    fn run(text: &str, settings: &Settings) -> CaseCheck {
        // Letters are read as printed, and every parent's pack searched for
        // what it must not hold, once the case itself is sound.
        let run = pipeline::prepare(text, settings);
        CaseCheck {
            findings: run.findings,
            plain: run.plain,
        }
    }

    fn json(&self, path: &Path) -> serde_json::Value {
        let findings = &self.findings;
        serde_json::json!({
            "file": path.display().to_string(),
            "errors": findings.count(crate::diagnostics::Severity::Error),
            "warnings": findings.count(crate::diagnostics::Severity::Warning),
            "findings": findings.sorted().iter().map(|f| f.to_json()).collect::<Vec<_>>(),
            "plain_language": self.plain.as_ref().map(crate::plain::to_json),
        })
    }
}

/// Prints JSON, or says why it cannot be.
fn print_json(json: &serde_json::Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(json).map_err(|e| {
        Failure::usage(format!(
            "internal: the findings could not be written as JSON: {e}"
        ))
    })?;
    println!("{text}");
    Ok(())
}

pub(super) fn check(path: &Path, format: Format, settings: &Settings, color: bool) -> Outcome {
    let text = read_case(path)?;
    let checked = CaseCheck::run(&text, settings);
    let findings = &checked.findings;
    match format {
        Format::Human => {
            print_findings(findings, path, &text, color);
            if let Some(report) = &checked.plain {
                eprint!("{}", crate::plain::print(report));
            }
            if findings.is_empty() {
                eprintln!("{}: no findings", path.display());
            }
        }
        Format::Json => print_json(&checked.json(path))?,
    }
    Ok(if findings.has_errors() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `casepack check` over many cases, in parallel: each case's findings by
/// case (the plain-language tables are `check`'s of one case), then how
/// many were clean. JSON gives every case's findings in one document.
pub(super) fn check_many(
    cases: &[std::path::PathBuf],
    format: Format,
    settings: &Settings,
    color: bool,
) -> Outcome {
    let progress = super::batch::Progress::new(cases.len(), "checking");
    let results: Vec<std::io::Result<(String, CaseCheck)>> = crate::parallel::each(cases, |case| {
        let result = std::fs::read_to_string(case).map(|text| {
            let checked = CaseCheck::run(&text, &settings.for_case(case));
            (text, checked)
        });
        let line = match &result {
            Ok((_, c)) if c.findings.is_empty() => "no findings".to_string(),
            Ok((_, c)) => counts(&c.findings),
            Err(e) => format!("error: cannot read {}: {e}", case.display()),
        };
        progress.finished(case, &line);
        result
    });
    progress.end();
    let mut failed = Vec::new();
    let mut clean = 0;
    let mut jsons = Vec::new();
    for (case, result) in cases.iter().zip(&results) {
        match result {
            Ok((text, checked)) => {
                if checked.findings.has_errors() {
                    failed.push(format!(
                        "{} ({})",
                        case.display(),
                        counts(&checked.findings)
                    ));
                } else if checked.findings.is_empty() {
                    clean += 1;
                }
                match format {
                    Format::Human => print_findings(&checked.findings, case, text, color),
                    Format::Json => jsons.push(checked.json(case)),
                }
            }
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", case.display());
                failed.push(format!("{} (cannot be read)", case.display()));
            }
        }
    }
    if let Format::Json = format {
        let json = serde_json::json!({ "cases": jsons, "failed": failed.len() });
        print_json(&json)?;
    }
    eprintln!(
        "checked {} case{}: {clean} with no findings, {} with warnings only, {} with errors or unreadable",
        cases.len(),
        if cases.len() == 1 { "" } else { "s" },
        cases.len() - clean - failed.len(),
        failed.len()
    );
    Ok(super::batch::summarise(&failed, "fix and check"))
}

/// "2 errors, 1 warning".
fn counts(findings: &Findings) -> String {
    use crate::diagnostics::Severity;
    let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
    let (e, w) = (
        findings.count(Severity::Error),
        findings.count(Severity::Warning),
    );
    match (e, w) {
        (0, w) => n(w, "warning"),
        (e, 0) => n(e, "error"),
        (e, w) => format!("{}, {}", n(e, "error"), n(w, "warning")),
    }
}

pub(super) fn migrate(path: &Path, output: Option<&Path>, force: bool) -> Outcome {
    let text = read_case(path)?;
    let moved = crate::case::migrate::migrate(&text)
        .map_err(|e| Failure::findings(format!("{}: {e}", path.display())))?;
    match output {
        None => print!("{}", moved.yaml),
        Some(out) => {
            safe_write::write_file(out, force, moved.yaml.as_bytes())
                .map_err(|e| Failure::usage(format!("{e:#}")))?;
            safe_write::commit();
            eprintln!("wrote {} (case format 2)", out.display());
        }
    }
    for note in &moved.notes {
        eprintln!("check: {note}");
    }
    eprintln!(
        "then run `casepack check` on it: it says what else format 2 needs (who holds parental responsibility for each child, whether to write to each parent)"
    );
    Ok(ExitCode::SUCCESS)
}

pub(super) fn timeline(
    path: &Path,
    format: Format,
    ics: Option<&Path>,
    force: bool,
    settings: &Settings,
    color: bool,
) -> Outcome {
    let text = read_case(path)?;
    if let Some(ics) = ics
        && ics.exists()
        && !force
    {
        return Err(Failure::usage(format!(
            "{} already exists; use --force to replace it",
            ics.display()
        )));
    }
    let (checked, findings) = pipeline::check(&text, settings);
    let Some(checked) = checked else {
        print_findings(&findings, path, &text, color);
        return Ok(ExitCode::from(EXIT_FINDINGS));
    };
    let warnings = findings.count(crate::diagnostics::Severity::Warning);
    if warnings > 0 {
        eprintln!(
            "{warnings} warning{}: `casepack check {}` explains {}",
            if warnings == 1 { "" } else { "s" },
            path.display(),
            if warnings == 1 { "it" } else { "them" }
        );
    }
    let case = &checked.loaded.case;
    let cal = &settings.calendar;
    match format {
        Format::Human => {
            let width = terminal_size::terminal_size()
                .filter(|_| std::io::stdout().is_terminal())
                .map_or(140, |(w, _)| w.0);
            print!(
                "{}",
                deadlines::table(
                    case,
                    &checked.schedule,
                    &checked.profile,
                    cal,
                    settings.today,
                    width
                )
            );
        }
        Format::Json => {
            let json = deadlines::json(
                case,
                &checked.schedule,
                &checked.profile,
                cal,
                settings.today,
            );
            print_json(&json)?;
        }
    }
    if let Some(ics) = ics {
        // The calendar it replaces tells which events moved (`--force`).
        let previous = std::fs::read_to_string(ics).ok();
        let calendar = deadlines::ics(case, &checked.schedule, previous.as_deref(), settings.today);
        safe_write::write_file(ics, force, calendar.as_bytes())
            .map_err(|e| Failure::usage(format!("{e:#}")))?;
        safe_write::commit();
        eprintln!("wrote {}", ics.display());
    }
    Ok(ExitCode::SUCCESS)
}
