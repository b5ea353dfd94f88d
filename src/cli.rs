//! The command line: `casepack check`, `casepack build` and `casepack
//! timeline`. Reads the case file, prints findings like rustc, writes the
//! pack or the calendar. Exit status: 0 clean (warnings allowed), 1
//! findings with errors, 2 usage or I/O problems.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::case::Date;
use crate::diagnostics::Findings;
use crate::pipeline::Settings;
use crate::{deadlines, pack, pipeline, rules};

/// Meeting packs and letters for children's social care under the Public Law Outline.
///
/// Write the case once, as YAML; casepack checks it, computes every deadline
/// in working days, and renders the documents to PDF in a zip pack.
#[derive(Debug, Parser)]
#[command(name = "casepack", version, max_term_width = 100)]
pub struct Cli {
    /// When to colour the findings.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a case file and print what is missing, wrong, late or overdue.
    Check {
        /// The case file (YAML).
        case: PathBuf,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Check against this meeting type's requirements [default: the case's `meeting.type`, else lpm].
        #[arg(long, value_name = "ID")]
        meeting: Option<String>,
        /// The day and calendar deadlines are judged by.
        #[command(flatten)]
        when: When,
    },
    /// Print every deadline of a case with its status; export a calendar.
    Timeline {
        /// The case file (YAML).
        case: PathBuf,
        /// How to print the timeline.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also write the deadlines as an iCalendar (.ics) file, one all-day event each.
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// Replace the .ics file if it exists.
        #[arg(long)]
        force: bool,
        /// The day and calendar deadlines are judged by.
        #[command(flatten)]
        when: When,
    },
    /// Print the JSON Schema (draft-07) of the case format, for editors.
    Schema,
    /// List the meeting types, one a line, id first.
    Meetings {
        /// List them as this authority profile (YAML) names them.
        #[arg(long, value_name = "FILE")]
        profile: Option<PathBuf>,
    },
    /// Print what a meeting type requires: chair, attendees, the pack, timescales, with sources.
    Explain {
        /// The meeting type's id, as `casepack meetings` lists it.
        meeting: String,
        /// Explain it as this authority profile (YAML) requires it.
        #[arg(long, value_name = "FILE")]
        profile: Option<PathBuf>,
    },
    /// Check a case file and build its pack: PDFs and a manifest in one zip.
    Build {
        /// The case file (YAML).
        case: PathBuf,
        /// Where to write the pack [default: <case file name>-pack.zip in the current folder].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Also write the data each template reads, as JSON, into this folder.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Build the pack for this meeting type [default: the case's `meeting.type`, else lpm].
        #[arg(long, value_name = "ID")]
        meeting: Option<String>,
        /// The day and calendar deadlines are judged by.
        #[command(flatten)]
        when: When,
    },
}

/// The day and the calendar deadlines are judged against.
#[derive(Debug, Clone, clap::Args)]
pub struct When {
    /// Judge what is due, due soon or overdue as at this date (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub today: Option<Date>,
    /// Bank holidays from a file in GOV.UK's format (https://www.gov.uk/bank-holidays.json):
    /// its years replace casepack's own and may extend them.
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
    /// The authority profile (YAML) to use instead of the one the case names or the built-in default.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

impl When {
    fn settings(&self) -> Result<Settings, ExitCode> {
        let today = self
            .today
            .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
        let mut settings = Settings::new(today);
        if let Some(path) = &self.holidays {
            let text = std::fs::read_to_string(path).map_err(|e| {
                eprintln!("error: cannot read {}: {e}", path.display());
                ExitCode::from(EXIT_USAGE)
            })?;
            settings.calendar = settings
                .calendar
                .updated_from_govuk_json(&text)
                .map_err(|e| {
                    eprintln!("error: {}: {e}", path.display());
                    ExitCode::from(EXIT_USAGE)
                })?;
        }
        if let Some(path) = &self.profile {
            let profile = crate::rules::load_profile(path).map_err(|e| {
                eprintln!("error: {e}");
                ExitCode::from(EXIT_USAGE)
            })?;
            settings.profile = Some(std::sync::Arc::new(profile));
        }
        Ok(settings)
    }

    /// The settings for the case file at `case`.
    fn settings_for(&self, case: &Path) -> Result<Settings, ExitCode> {
        let mut settings = self.settings()?;
        settings.case_dir = case
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        Ok(settings)
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Color {
    /// When printing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// How `check` prints findings.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Like rustc: file:line:column, the line, a caret, help.
    Human,
    /// One JSON document with every finding.
    Json,
}

/// Runs the command line and returns the exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check {
            case,
            format,
            meeting,
            when,
        } => match when.settings_for(&case) {
            Ok(mut settings) => {
                settings.meeting = meeting;
                check(&case, format, &settings, color)
            }
            Err(code) => code,
        },
        Command::Timeline {
            case,
            format,
            ics,
            force,
            when,
        } => match when.settings_for(&case) {
            Ok(settings) => timeline(&case, format, ics.as_deref(), force, &settings, color),
            Err(code) => code,
        },
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::case::schema()).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Command::Meetings { profile } => match profile_or_default(profile.as_deref()) {
            Ok(p) => {
                print!("{}", rules::explain::list(&p));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Explain { meeting, profile } => match profile_or_default(profile.as_deref()) {
            Ok(p) => explain(&p, &meeting),
            Err(code) => code,
        },
        Command::Build {
            case,
            output,
            force,
            data_dir,
            meeting,
            when,
        } => match when.settings_for(&case) {
            Ok(mut settings) => {
                settings.meeting = meeting;
                build(&case, output, force, data_dir, &settings, color)
            }
            Err(code) => code,
        },
    }
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

fn profile_or_default(path: Option<&Path>) -> Result<rules::Profile, ExitCode> {
    match path {
        None => Ok(rules::default_profile().clone()),
        Some(path) => rules::load_profile(path).map_err(|e| {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }),
    }
}

fn explain(profile: &rules::Profile, id: &str) -> ExitCode {
    match profile.meeting(id) {
        Some(m) => {
            print!("{}", rules::explain::explain(profile, m));
            ExitCode::SUCCESS
        }
        None => {
            let ids: Vec<&str> = profile.meetings.iter().map(|m| m.id.as_str()).collect();
            eprintln!("error: `{id}` is not a meeting type");
            if let Some(near) = crate::diagnostics::nearest(id, &ids) {
                eprintln!("  = help: did you mean `{near}`?");
            }
            eprintln!("  = note: the meeting types are: {}", ids.join(", "));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn read_case(path: &Path) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(EXIT_USAGE)
    })
}

fn print_findings(findings: &Findings, path: &Path, text: &str, color: bool) {
    if !findings.is_empty() {
        eprint!(
            "{}",
            findings.render(&path.display().to_string(), text, color)
        );
    }
}

fn check(path: &Path, format: Format, settings: &Settings, color: bool) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let (_, findings) = pipeline::check(&text, settings);
    match format {
        Format::Human => {
            print_findings(&findings, path, &text, color);
            if findings.is_empty() {
                eprintln!("{}: no findings", path.display());
            }
        }
        Format::Json => {
            let json = serde_json::json!({
                "file": path.display().to_string(),
                "errors": findings.count(crate::diagnostics::Severity::Error),
                "warnings": findings.count(crate::diagnostics::Severity::Warning),
                "findings": findings.sorted().iter().map(|f| f.to_json()).collect::<Vec<_>>(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
    if findings.has_errors() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn timeline(
    path: &Path,
    format: Format,
    ics: Option<&Path>,
    force: bool,
    settings: &Settings,
    color: bool,
) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    if let Some(ics) = ics
        && ics.exists()
        && !force
    {
        eprintln!(
            "error: {} already exists; use --force to replace it",
            ics.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let (checked, findings) = pipeline::check(&text, settings);
    let Some(checked) = checked else {
        print_findings(&findings, path, &text, color);
        return ExitCode::from(EXIT_FINDINGS);
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
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
    if let Some(ics) = ics {
        let calendar = deadlines::ics(case, &checked.schedule);
        if let Err(e) = pack::write_file(ics, force, calendar.as_bytes()) {
            eprintln!("error: {e:#}");
            return ExitCode::from(EXIT_USAGE);
        }
        eprintln!("wrote {}", ics.display());
    }
    ExitCode::SUCCESS
}

fn default_output(case: &Path) -> PathBuf {
    let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
    PathBuf::from(format!("{stem}-pack.zip"))
}

fn build(
    path: &Path,
    output: Option<PathBuf>,
    force: bool,
    data_dir: Option<PathBuf>,
    settings: &Settings,
    color: bool,
) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let dest = output.unwrap_or_else(|| default_output(path));
    // Refuse before doing any work, as well as at the final rename.
    if dest.exists() && !force {
        eprintln!(
            "error: {} already exists; use --force to replace it",
            dest.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let (checked, findings) = pipeline::check(&text, settings);
    print_findings(&findings, path, &text, color);
    let Some(checked) = checked else {
        return ExitCode::from(EXIT_FINDINGS);
    };
    let jobs = checked.documents();
    if jobs.is_empty() {
        let id = &checked.meeting.id;
        eprintln!(
            "error: casepack writes no documents for the {id} yet: its pack is made of attached documents\n  = help: `casepack explain {id}` lists what the meeting needs"
        );
        return ExitCode::from(EXIT_FINDINGS);
    }
    if let Some(dir) = &data_dir
        && let Err(e) = pack::write_data(dir, &jobs)
    {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let docs = match pipeline::render_all(&jobs, &checked.profile) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!(
                "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let case = &checked.loaded.case;
    let manifest = pack::manifest(case, &checked.profile.profile, &checked.meeting, &docs);
    if let Err(e) = pack::write_pack(&dest, force, case, &manifest, &docs) {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let pages: usize = docs.iter().map(|d| d.pages).sum();
    eprintln!(
        "wrote {} ({} document{}, {} pages) for the {}",
        dest.display(),
        docs.len(),
        if docs.len() == 1 { "" } else { "s" },
        pages,
        checked
            .profile
            .meeting(&checked.meeting.id)
            .map_or(checked.meeting.id.as_str(), |m| m.name.as_str())
    );
    for d in &docs {
        let privileged = if d.job.privileged {
            "  [legally privileged]"
        } else {
            ""
        };
        eprintln!("  {:<48} {:>2} pages{privileged}", d.job.file_name, d.pages);
    }
    ExitCode::SUCCESS
}
