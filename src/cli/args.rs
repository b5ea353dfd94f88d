//! The command line's arguments: every subcommand and flag, with the doc
//! comment on each as its `--help` text.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use super::failure::Failure;
use crate::case::Date;
use crate::pipeline::Settings;
use crate::profile;

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
        /// The case file (YAML), or several, or folders of them: every
        /// .yaml case under a folder is checked, in parallel.
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The meeting, readers and day the pack is judged for.
        #[command(flatten)]
        pack: PackArgs,
    },
    /// Write the case in a form in your browser: findings beside each
    /// field as you type, a preview of every document, save and build.
    ///
    /// Serves a page on this computer only (127.0.0.1, a random port and a
    /// secret address) and opens it in the default browser. Ctrl-C stops it.
    Edit {
        /// The case file (YAML); made from `casepack init`'s skeleton if it
        /// does not exist yet.
        #[arg(value_name = "CASE")]
        case: PathBuf,
        /// Print the page's address without opening a browser.
        #[arg(long)]
        no_open: bool,
        /// The meeting the pack is for [default: the case's `meeting.type`, else the LPM].
        #[arg(long, value_name = "ID")]
        meeting: Option<String>,
        /// The day and calendar deadlines are judged by.
        #[command(flatten)]
        when: When,
    },
    /// Write a new case file with its sections in place and nothing filled
    /// in, for `casepack edit` or an editor. Never replaces a file.
    Init {
        /// The file to write.
        #[arg(value_name = "CASE")]
        case: PathBuf,
    },
    /// Print every deadline of a case with its status; export a calendar.
    /// Given a folder or several case files: the caseload report.
    Timeline {
        /// The case file (YAML). Several, or a folder of them (at any
        /// depth): the caseload report, every case's overdue, due-soon and
        /// next steps grouped by who is responsible.
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<PathBuf>,
        /// How to print the timeline.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also write the deadlines as an iCalendar (.ics) file, one all-day
        /// event each; for a caseload, one calendar for every case.
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// Also write the caseload report on one landscape A4 page (PDF)
        /// for a team meeting; with one case file, the report of that case.
        #[arg(long, value_name = "FILE")]
        sheet: Option<PathBuf>,
        /// Replace the .ics or sheet file if it exists.
        #[arg(long)]
        force: bool,
        /// The day and calendar deadlines are judged by.
        #[command(flatten)]
        when: When,
    },
    /// Print the JSON Schema (draft-07) of the case format, for editors.
    Schema,
    /// Rewrite a case written in format 1 in format 2 (every person once, under `people`).
    Migrate {
        /// The format 1 case file (YAML).
        case: PathBuf,
        /// Write the format 2 case here [default: print it].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the built-in authority profiles, one a line, with the procedure each encodes.
    Profiles,
    /// List the meeting types, one a line, id first.
    Meetings {
        /// List them as this authority profile names them: a built-in one's
        /// name (`casepack profiles`) or a profile file (YAML).
        #[arg(long, value_name = "NAME|FILE")]
        profile: Option<String>,
    },
    /// Print what a meeting type requires: chair, attendees, the pack, timescales, with sources.
    Explain {
        /// The meeting type's id, as `casepack meetings` lists it.
        meeting: String,
        /// Explain it as this authority profile requires it: a built-in
        /// one's name (`casepack profiles`) or a profile file (YAML).
        #[arg(long, value_name = "NAME|FILE")]
        profile: Option<String>,
    },
    /// Check a case file and build its pack: PDFs and a manifest in one zip.
    Build {
        /// The case file (YAML), or several, or folders of them: every
        /// .yaml case under a folder is built, in parallel, each written
        /// whole or not at all.
        #[arg(required = true, value_name = "CASE")]
        cases: Vec<PathBuf>,
        /// Where to write the pack [default: <case file name>-pack.zip in the
        /// current folder]. When the build writes several packs (one per parent,
        /// or several cases), a folder to write them into; for several cases
        /// it is made if missing, and cases in subfolders keep them.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Also write the data each template reads, as JSON, into this folder.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
        /// Also write the bundle: every document and attachment in one PDF, by
        /// section, each page numbered within its section, with a linked index
        /// and bookmarks. Written beside the pack as <name>-bundle.pdf.
        #[arg(long)]
        bundle: bool,
        /// Encrypt the pack (AES-256 zip). The password comes from the
        /// CASEPACK_PASSWORD environment variable or, in a terminal, a prompt;
        /// never from the command line. File names inside stay readable.
        #[arg(long, conflicts_with = "bundle")]
        encrypt: bool,
        /// The meeting, readers and day the pack is judged for.
        #[command(flatten)]
        pack: PackArgs,
    },
}

/// What `check` and `build` judge a pack for: its meeting, who reads it,
/// how strictly letters are read, and the day.
#[derive(Debug, Clone, clap::Args)]
pub struct PackArgs {
    /// The meeting type the pack is for, checked against its requirements
    /// [default: the case's `meeting.type`, else lpm].
    #[arg(long, value_name = "ID")]
    pub meeting: Option<String>,
    /// Who the pack is for.
    #[command(flatten)]
    pub readers: Readers,
    /// Make plain-language misses in letters to parents errors: a
    /// Reading Ease or sentence length off target, or jargon.
    #[arg(long)]
    pub strict: bool,
    /// The day and calendar deadlines are judged by.
    #[command(flatten)]
    pub when: When,
}

impl PackArgs {
    /// The settings for the case file at `case`; for many cases, those
    /// of each case are `for_case` of these.
    pub(super) fn settings_for(&self, case: &Path) -> Result<Settings, Failure> {
        let mut settings = self.when.settings_for(case)?;
        settings.meeting = self.meeting.clone();
        settings.strict = self.strict;
        self.readers.apply(&mut settings)?;
        Ok(settings)
    }
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
    /// The authority profile to use instead of the one the case names or
    /// the built-in default: a built-in one's name (`casepack profiles`) or
    /// a profile file (YAML).
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
}

impl When {
    /// The settings every case starts from (each case then reads from its own folder).
    pub(super) fn settings(&self) -> Result<Settings, Failure> {
        let today = self
            .today
            .unwrap_or_else(|| Date(chrono::Local::now().date_naive()));
        let mut settings = Settings::new(today);
        if let Some(path) = &self.holidays {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
            settings.calendar = settings
                .calendar
                .updated_from_govuk_json(&text)
                .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
        }
        if let Some(name) = &self.profile {
            let profile = crate::profile::find_profile(name, Path::new("."), &settings.calendar)
                .map_err(Failure::usage)?;
            settings.profile = Some(std::sync::Arc::new(profile));
        }
        Ok(settings)
    }

    /// The settings for the case file at `case`.
    pub(super) fn settings_for(&self, case: &Path) -> Result<Settings, Failure> {
        Ok(self.settings()?.for_case(case))
    }
}

/// Who the pack or packs are for.
#[derive(Debug, Clone, clap::Args)]
pub struct Readers {
    /// Who the pack is for: panel (the meeting's professionals; for the LPM the
    /// panel's submission pack), parents (one pack per person the case writes
    /// to, each holding only their own letters and what they may see),
    /// advocates (the parties' legal representatives) or legal (the local
    /// authority's legal adviser). Privileged documents never go to parents
    /// or advocates [default: panel; parents with --recipient].
    #[arg(long, value_enum)]
    pub audience: Option<AudienceArg>,
    /// Only this person's own pack: their id in `people`. Implies --audience parents.
    #[arg(long, value_name = "ID")]
    pub recipient: Option<String>,
}

impl Readers {
    /// Puts the audience and recipient into `settings`, or says why they do not go together.
    pub(super) fn apply(&self, settings: &mut Settings) -> Result<(), Failure> {
        settings.audience = match (self.audience, &self.recipient) {
            (None, None) => profile::PackAudience::Panel,
            (None, Some(_)) | (Some(AudienceArg::Parents), _) => profile::PackAudience::Parents,
            (Some(a), None) => a.into(),
            (Some(_), Some(_)) => {
                return Err(Failure::usage(
                    "--recipient names one parent's own pack; it goes with --audience parents only",
                ));
            }
        };
        settings.recipient = self.recipient.clone();
        Ok(())
    }
}

/// Who a pack is for, on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AudienceArg {
    /// The meeting's professionals; for the LPM, the panel's submission pack.
    Panel,
    /// One pack per parent: their own letters and agreement, nothing privileged.
    Parents,
    /// The parties' legal representatives: nothing privileged.
    Advocates,
    /// The local authority's legal adviser.
    Legal,
}

impl From<AudienceArg> for profile::PackAudience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Panel => profile::PackAudience::Panel,
            AudienceArg::Parents => profile::PackAudience::Parents,
            AudienceArg::Advocates => profile::PackAudience::Advocates,
            AudienceArg::Legal => profile::PackAudience::Legal,
        }
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
