//! Runs the stages in order: from case text to findings (`check`), and on
//! to rendered documents (`build`). Apart from rendering, it reads only the
//! case's attachments and a profile the case names.

use std::path::PathBuf;
use std::sync::Arc;

use crate::attach::{self, AttachedFile};
use crate::calendar::Calendar;
use crate::case::{self, Date, LoadedCase, LpmOutcome};
use crate::deadlines::{self, Schedule};
use crate::diagnostics::{Finding, Findings};
use crate::documents::{self, BundlePart, DocumentJob, IndexEntry};
use crate::render::{self, RenderError, RenderedDocument};
use crate::rules::{self, PackAudience, Profile, SelectedMeeting};

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
}

impl Settings {
    /// The embedded calendar, judged on `today`.
    pub fn new(today: Date) -> Settings {
        Settings {
            today,
            calendar: Calendar::england_and_wales().clone(),
            meeting: None,
            profile: None,
            case_dir: PathBuf::from("."),
            audience: PackAudience::Panel,
        }
    }
}

/// A case that passed every check, with its dated schedule.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The parsed case and where its values sit.
    pub loaded: LoadedCase,
    /// Every dated step its LPM outcome calls for.
    pub schedule: Schedule,
    /// The authority profile used.
    pub profile: Arc<Profile>,
    /// The meeting the pack is for.
    pub meeting: SelectedMeeting,
    /// The attached PDFs for this audience, read and checked, in the case's order.
    pub attached: Vec<AttachedFile>,
    /// Who the pack is for.
    pub audience: PackAudience,
    /// What the meeting's pack would hold that this audience does not get.
    pub left_out: Vec<String>,
}

impl Checked {
    /// The documents this case's pack holds for its audience.
    pub fn documents(&self) -> Vec<DocumentJob> {
        documents::plan(
            &self.loaded.case,
            &self.schedule,
            &self.profile,
            &self.meeting,
        )
        .into_iter()
        .filter(|j| {
            self.profile
                .document(&j.id)
                .is_some_and(|r| rules::may_receive(r, self.audience))
        })
        .collect()
    }
}

/// Checks case text. Returns the checked case when there are no errors,
/// and every finding (errors and warnings) either way.
pub fn check(text: &str, settings: &Settings) -> (Option<Checked>, Findings) {
    let (mut loaded, mut findings) = match case::parse(text) {
        Ok(ok) => ok,
        Err(findings) => return (None, findings),
    };
    // Archival PDF refuses what no font can show: replaced, and said.
    findings.extend(case::replace_unshowable(&mut loaded, render::can_show));
    let profile = match choose_profile(&loaded, settings) {
        Ok(p) => p,
        Err(f) => {
            findings.push(*f);
            findings.locate(&loaded.index);
            return (None, findings);
        }
    };
    let profile_ref: &Profile = &profile;
    findings.extend(case::validate(&loaded.case));
    findings.extend(case::withhold::check(&loaded.case));
    let (mut attached, more) = attach::load(&loaded.case, &settings.case_dir);
    findings.extend(more);
    // Every attachment is checked; only those for the audience go in.
    attached.retain(|f| {
        rules::attachment_for(
            profile_ref,
            &loaded.case.attachments[f.index].kind,
            settings.audience,
        )
    });
    let (schedule, more) = deadlines::schedule(
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
    let (meeting, more) = rules::check_meeting(
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
        findings.extend(rules::audience_conflicts(
            profile_ref,
            m,
            settings.audience,
            at,
        ));
    }
    findings.extend(deadlines::data_running_out(
        &settings.calendar,
        settings.today,
    ));
    findings.extend(outcome_note(&loaded));
    findings.locate(&loaded.index);
    match (schedule, meeting) {
        (Some(schedule), Some(meeting)) if !findings.has_errors() => {
            // Everything after this reads the case as this audience may see
            // it, the meeting's attendees and chair included.
            let audience = settings.audience;
            let mut meeting = meeting;
            if loaded
                .case
                .withhold
                .iter()
                .any(|w| audience.withholds(w.from))
            {
                loaded.case = case::withhold::redact(&loaded.case, |from| audience.withholds(from));
                let started: Vec<&str> = schedule.timelines.iter().map(|t| t.id.as_str()).collect();
                if let (Some(m), _) = rules::check_meeting(
                    &loaded.case,
                    &profile,
                    &started,
                    settings.meeting.as_deref(),
                    settings.today,
                ) {
                    meeting = m;
                }
            }
            (
                Some(Checked {
                    left_out: rules::left_out(&profile, &meeting, &loaded.case, settings.audience),
                    loaded,
                    schedule,
                    profile,
                    meeting,
                    attached,
                    audience: settings.audience,
                }),
                findings,
            )
        }
        _ => (None, findings),
    }
}

/// The profile: `--profile`, else the one the case names (read from the
/// case's folder: the one file this stage reads), else the default.
fn choose_profile(loaded: &LoadedCase, settings: &Settings) -> Result<Arc<Profile>, Box<Finding>> {
    if let Some(p) = &settings.profile {
        return Ok(p.clone());
    }
    match &loaded.case.profile {
        None => Ok(Arc::new(rules::default_profile().clone())),
        Some(file) => {
            rules::load_profile(&settings.case_dir.join(file))
                .map(Arc::new)
                .map_err(|e| {
                    Box::new(Finding::error("profile", "profile", e).help(
                        "the path is relative to the case file; `--profile FILE` overrides it",
                    ))
                })
        }
    }
}

/// Says plainly when the pack will hold only the minutes template.
fn outcome_note(loaded: &LoadedCase) -> Option<Finding> {
    let why = match loaded.case.lpm.outcome {
        None => {
            "the LPM's outcome is not recorded yet, so the pack holds only the LPM minutes template"
        }
        Some(LpmOutcome::InitiatePreProceedings | LpmOutcome::IssueCareProceedings) => return None,
        Some(_) => {
            "the LPM did not decide to start pre-proceedings or to issue, so the pack holds only the LPM minutes template"
        }
    };
    Some(Finding::warning("minutes-only", "lpm.outcome", why).help(
        "record `outcome: initiate-pre-proceedings` to build the letters, agreement and timeline",
    ))
}

/// Renders the pack: every document, then the cover and index from their
/// real page counts, which goes first. The cover is rendered again until
/// its own page count is the one its index assumed.
pub fn render_pack(
    checked: &Checked,
    jobs: &[DocumentJob],
) -> Result<Vec<RenderedDocument>, RenderError> {
    let docs = render_all(jobs, &checked.profile)?;
    let entries: Vec<IndexEntry> = docs
        .iter()
        .map(|d| IndexEntry {
            title: d.job.title.clone(),
            file_name: d.job.file_name.clone(),
            audience: d.job.audience,
            privileged: d.job.privileged,
            pages: d.pages,
            attached: None,
        })
        .chain(checked.attached.iter().map(|f| attached_entry(checked, f)))
        .collect();
    let case = &checked.loaded.case;
    let mut cover_pages = 1;
    let mut cover = None;
    let mut settled = false;
    for _ in 0..4 {
        let Some(job) = crate::documents::cover(
            case,
            &checked.schedule,
            &checked.profile,
            &checked.meeting,
            &entries,
            cover_pages,
            checked.audience,
        ) else {
            return Ok(docs);
        };
        let rendered = render::render(&job, &checked.profile)?;
        settled = rendered.pages == cover_pages;
        cover_pages = rendered.pages;
        cover = Some(rendered);
        if settled {
            break;
        }
    }
    if !settled {
        // An index whose page ranges are out by its own length is worse
        // than no pack.
        return Err(RenderError {
            template: "pack-cover.typ".into(),
            messages: vec!["the index's own page count did not settle".into()],
        });
    }
    Ok(cover.into_iter().chain(docs).collect())
}

/// How the index lists an attached PDF: after casepack's own documents.
fn attached_entry(checked: &Checked, f: &AttachedFile) -> IndexEntry {
    let a = &checked.loaded.case.attachments[f.index];
    // Who reads it, as the index says it: its kind decides.
    let for_parents = rules::attachment_for(&checked.profile, &a.kind, PackAudience::Parents);
    IndexEntry {
        title: a.title.clone(),
        file_name: f.pack_name.clone(),
        audience: if for_parents {
            crate::rules::Audience::ParentsAndProfessionals
        } else {
            crate::rules::Audience::Professionals
        },
        privileged: false,
        pages: f.pages,
        attached: Some(attached_about(checked, f)),
    }
}

/// "Attached: Single assessment, 30 Oct 2026, by Grace Adeyemi".
fn attached_about(checked: &Checked, f: &AttachedFile) -> String {
    let a = &checked.loaded.case.attachments[f.index];
    let kind = checked
        .profile
        .attachment_kind(&a.kind)
        .map_or(a.kind.as_str(), |k| k.name.as_str());
    let mut about = format!("Attached: {kind}, {}", a.date.medium());
    if let Some(author) = &a.author {
        about.push_str(&format!(", by {author}"));
    }
    about
}

/// A rendered bundle and the pages of its parts (without its cover and index).
#[derive(Debug)]
pub struct Bundle {
    /// The bundle PDF.
    pub rendered: RenderedDocument,
    /// Pages of documents and attachments, as PD27A's limit counts them.
    pub parts_pages: usize,
}

/// Renders the bundle from the pack's rendered documents (the pack's own
/// cover aside: the bundle has its own) and the attachments, each placed
/// page by page from its PDF. `None` if the profile has no `bundle` document.
pub fn render_bundle(
    checked: &Checked,
    docs: &[RenderedDocument],
) -> Result<Option<Bundle>, RenderError> {
    let mut parts = Vec::new();
    let mut files = Vec::new();
    for d in docs.iter().filter(|d| d.job.id != "pack-cover") {
        let file = format!("/parts/{:02}.pdf", files.len() + 1);
        parts.push(BundlePart {
            title: d.job.title.clone(),
            document: Some(d.job.id.clone()),
            kind: None,
            file: file.clone(),
            pages: d.pages,
            date: d.job.date,
            about: format!(
                "Prepared by casepack from the case file, {}",
                d.job.date.medium()
            ),
            privileged: d.job.privileged,
        });
        files.push((file, d.pdf.clone()));
    }
    let case = &checked.loaded.case;
    for f in &checked.attached {
        let a = &case.attachments[f.index];
        let file = format!("/parts/{:02}.pdf", files.len() + 1);
        parts.push(BundlePart {
            title: a.title.clone(),
            document: None,
            kind: Some(a.kind.clone()),
            file: file.clone(),
            pages: f.pages,
            date: a.date,
            about: attached_about(checked, f),
            privileged: false,
        });
        files.push((file, f.bytes.clone()));
    }
    let Some((job, parts_pages)) = documents::bundle(
        case,
        &checked.schedule,
        &checked.profile,
        &checked.meeting,
        &parts,
        checked.audience,
    ) else {
        return Ok(None);
    };
    let rendered = render::render_with_files(&job, &checked.profile, files)?;
    Ok(Some(Bundle {
        rendered,
        parts_pages,
    }))
}

/// Renders every document of a checked case, in pack order.
pub fn render_all(
    jobs: &[DocumentJob],
    profile: &Profile,
) -> Result<Vec<RenderedDocument>, RenderError> {
    jobs.iter().map(|j| render::render(j, profile)).collect()
}
