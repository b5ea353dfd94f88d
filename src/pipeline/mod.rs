//! Runs the stages in order: from case text to findings (`check`), to the
//! packs to write with their documents planned ([`prepare`]), and on to
//! rendered documents (`build`). Apart from rendering, it reads only the
//! case's attachments and a profile the case names. Every front end (the
//! command line, a local page) calls these and gets typed results back.

pub mod build;
mod packs;
mod rendering;

use std::path::PathBuf;
use std::sync::Arc;

pub use packs::{PlannedPack, Prepared, Run, prepare};
pub use rendering::{Bundle, render_all, render_bundle, render_pack};

use crate::attach::{self, AttachedFile};
use crate::calendar::Calendar;
use crate::case::{self, Date, LoadedCase};
use crate::check;
use crate::deadlines::Schedule;
use crate::diagnostics::{Finding, Findings};
use crate::profile::{self, PackAudience, Profile, SelectedMeeting};

/// What a run depends on besides the case: the day it is (for what is
/// overdue) and the working-day calendar.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The day statuses are judged on.
    pub today: Date,
    /// Bank holidays: the embedded England and Wales data, or it updated from a file.
    pub calendar: Calendar,
    /// The meeting the pack is for, when the command line names it
    /// (otherwise the case's `meeting.type`, otherwise the LPM).
    pub meeting: Option<String>,
    /// The authority profile given on the command line (`--profile`); it
    /// wins over one the case names.
    pub profile: Option<Arc<Profile>>,
    /// The folder of the case file: a profile the case names is found from here.
    pub case_dir: PathBuf,
    /// Who the pack is for (`--audience`).
    pub audience: PackAudience,
    /// For the parents' packs, only this person's (`--recipient`).
    pub recipient: Option<String>,
    /// Whether a letter missing a plain-language target is an error (`--strict`).
    pub strict: bool,
}

impl Settings {
    /// These settings for the case file at `path`: a profile the case
    /// names is found from its folder.
    pub fn for_case(&self, path: &std::path::Path) -> Settings {
        let mut settings = self.clone();
        settings.case_dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf);
        settings
    }

    /// The embedded calendar, judged on `today`.
    pub fn new(today: Date) -> Settings {
        Settings {
            today,
            calendar: Calendar::england_and_wales().clone(),
            meeting: None,
            profile: None,
            case_dir: PathBuf::from("."),
            audience: PackAudience::Panel,
            recipient: None,
            strict: false,
        }
    }
}

/// A case that passed every check, with its dated schedule.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The parsed case, as written, and where its values sit.
    pub loaded: LoadedCase,
    /// Every dated step its LPM outcome calls for.
    pub schedule: Schedule,
    /// The authority profile used.
    pub profile: Arc<Profile>,
    /// The meeting the pack is for.
    pub meeting: SelectedMeeting,
    /// Every attached PDF, read and checked, in the case's order.
    pub attached: Vec<AttachedFile>,
    /// Who the pack is for.
    pub audience: PackAudience,
    /// What the meeting's pack would hold that this audience does not get.
    pub left_out: Vec<String>,
}

/// Checks case text. Returns the checked case when there are no errors,
/// and every finding (errors and warnings) either way.
pub fn check(text: &str, settings: &Settings) -> (Option<Checked>, Findings) {
    let (mut loaded, mut findings) = match case::parse(text) {
        Ok(ok) => ok,
        Err(findings) => return (None, findings),
    };
    // Archival PDF refuses what no font can show: replaced, and said.
    findings.extend(case::replace_unshowable(
        &mut loaded,
        crate::fonts::can_show,
    ));
    let profile = match choose_profile(&loaded, settings) {
        Ok(p) => p,
        Err(f) => {
            findings.push(*f);
            findings.locate(&loaded.index);
            return (None, findings);
        }
    };
    let profile_ref: &Profile = &profile;
    findings.extend(check::case_alone(&loaded.case, settings.today));
    findings.extend(check::withheld(&loaded.case));
    let (attached, refused) = attach::load(&loaded.case, &settings.case_dir);
    findings.extend(check::attachments(&loaded.case, &refused));
    let (schedule, more) = check::schedule(
        &loaded.case,
        profile_ref,
        &settings.calendar,
        settings.today,
    );
    findings.extend(more);
    let started: Vec<&str> = schedule
        .iter()
        .flat_map(|s| &s.timelines)
        .map(|t| t.id.as_str())
        .collect();
    let (meeting, more) = check::meeting(
        &loaded.case,
        profile_ref,
        &started,
        settings.meeting.as_deref(),
        settings.today,
    );
    findings.extend(more);
    if let Some(m) = &meeting {
        // The meeting the case names, unless the command line chose another.
        let at = if settings.meeting.is_some() {
            ""
        } else {
            "meeting.type"
        };
        findings.extend(check::support_at_meeting(&loaded.case, profile_ref, m));
        findings.extend(check::audience_conflicts(
            profile_ref,
            m,
            settings.audience,
            at,
        ));
    }
    findings.extend(check::data_running_out(&settings.calendar, settings.today));
    findings.extend(check::solicitors_list(
        &loaded.case,
        profile_ref,
        settings.today,
    ));
    if let Some(m) = &meeting {
        findings.extend(check::outcome_note(&loaded.case, &profile, m));
    }
    findings.locate(&loaded.index);
    match (schedule, meeting) {
        (Some(schedule), Some(meeting)) if !findings.has_errors() => (
            Some(Checked {
                left_out: profile::left_out(&profile, &meeting, &loaded.case, settings.audience),
                loaded,
                schedule,
                profile,
                meeting,
                attached,
                audience: settings.audience,
            }),
            findings,
        ),
        _ => (None, findings),
    }
}

/// The profile: `--profile`, else the one the case names (read from the
/// case's folder: the one file this stage reads), else the default.
fn choose_profile(loaded: &LoadedCase, settings: &Settings) -> Result<Arc<Profile>, Box<Finding>> {
    profile_for(loaded.case.profile.as_deref(), settings).map_err(|e| {
        Box::new(Finding::error("profile", "profile", e.to_string()).help(
            "a built-in profile's name (`casepack profiles`), or a file relative to the case file; `--profile` overrides it",
        ))
    })
}

/// The profile a case naming `named` (its `profile` field) is checked
/// with: `--profile`, else the one it names, else the default.
pub fn profile_for(
    named: Option<&str>,
    settings: &Settings,
) -> Result<Arc<Profile>, profile::ProfileError> {
    if let Some(p) = &settings.profile {
        return Ok(p.clone());
    }
    // The default is shared like any other built-in profile.
    let name = named.unwrap_or(profile::DEFAULT.name);
    profile::find_shared_profile(name, &settings.case_dir, &settings.calendar)
}
