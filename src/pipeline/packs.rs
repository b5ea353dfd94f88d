//! From a checked case to the packs to write: one for the panel, the legal
//! adviser or the advocates, or one for each person the case writes to.
//! Each pack is planned from its reader's own copy of the case, and every
//! string it would hold is searched for what that copy left out. Every
//! parent's pack is checked this way whoever the build is for, because the
//! letters in the panel's pack are the ones the parents will be sent.

use super::{Checked, Settings, check};
use crate::attach::AttachedFile;
use crate::case::{Family, PersonId, people::Reader};
use crate::diagnostics::{Finding, Findings, nearest};
use crate::disclosure::guard::{Guard, Leak};
use crate::disclosure::{self, View, Viewer};
use crate::documents::{self, DocumentJob};
use crate::plain::{Report, words};
use crate::profile::{self, PackAudience, SelectedMeeting};
use crate::render::LaidOut;

/// One pack to write, planned.
#[derive(Debug, Clone)]
pub struct PlannedPack {
    /// The reader's copy of the case.
    pub view: View,
    /// The meeting, as the reader's copy names it.
    pub meeting: SelectedMeeting,
    /// Its documents, in pack order.
    pub jobs: Vec<DocumentJob>,
    /// The attached PDFs it holds.
    pub attached: Vec<AttachedFile>,
    /// Whose own pack it is, for a parent's pack: their id and name.
    pub recipient: Option<(PersonId, String)>,
    /// What to look for in anything written for it.
    pub guard: Guard,
}

/// A checked case with its packs planned.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The case as written, checked.
    pub checked: Checked,
    /// The packs to write.
    pub packs: Vec<PlannedPack>,
    /// The letters as laid out for the plain-language check, which their
    /// PDFs reuse when nothing in them changed since.
    pub laid: Vec<LaidOut>,
}

/// Everything a run found, and what it prepared when the case could be.
#[derive(Debug)]
pub struct Run {
    /// Every finding, errors and warnings.
    pub findings: Findings,
    /// How the letters to parents read, once they could be laid out.
    pub plain: Option<Report>,
    /// The packs, once the case checks; a build still writes nothing while
    /// `findings` has errors.
    pub prepared: Option<Prepared>,
}

/// Checks `text`, plans the packs `settings` asks for, checks every
/// parent's pack for what it would disclose, and reads the letters as they
/// will print.
pub fn prepare(text: &str, settings: &Settings) -> Run {
    let (checked, mut findings) = check(text, settings);
    let Some(checked) = checked else {
        return Run {
            findings,
            plain: None,
            prepared: None,
        };
    };
    let family = match Family::resolve(&checked.loaded.case) {
        Ok(f) => f,
        Err(more) => {
            findings.extend(more);
            findings.locate(&checked.loaded.index);
            return Run {
                findings,
                plain: None,
                prepared: None,
            };
        }
    };
    let mut parents = Vec::new();
    for r in family.recipients() {
        match plan(
            &checked,
            &family,
            Viewer::Recipient(r),
            PackAudience::Parents,
            settings,
        ) {
            Ok((pack, leaks)) => {
                findings.extend(crate::check::leaks(
                    &checked.loaded.case,
                    &pack.view,
                    &leaks,
                ));
                parents.push(pack);
            }
            Err(errors) => errors.into_iter().for_each(|f| findings.push_once(f)),
        }
    }
    let packs = match settings.audience {
        PackAudience::Parents => choose_recipients(parents, &family, settings, &mut findings),
        audience => {
            let viewer = if audience.may_see_privileged() {
                Viewer::Authority
            } else {
                Viewer::Advocates
            };
            match plan(&checked, &family, viewer, audience, settings) {
                Ok((pack, leaks)) => {
                    findings.extend(crate::check::leaks(
                        &checked.loaded.case,
                        &pack.view,
                        &leaks,
                    ));
                    vec![pack]
                }
                Err(errors) => {
                    errors.into_iter().for_each(|f| findings.push_once(f));
                    Vec::new()
                }
            }
        }
    };
    findings.locate(&checked.loaded.index);
    let mut packs = packs;
    for p in &mut packs {
        words::guess(&checked.profile, &mut p.jobs);
        crate::plain::easy::set_words(&checked.profile, &mut p.jobs);
    }
    let jobs: Vec<DocumentJob> = packs.iter().flat_map(|p| p.jobs.iter().cloned()).collect();
    let mut laid = Vec::new();
    let loaded = &checked.loaded;
    let reading = crate::check::letters(
        &checked.profile,
        &loaded.case,
        &loaded.index,
        &jobs,
        text,
        settings.strict,
    );
    let plain = match reading {
        Ok(reading) => {
            findings.extend(reading.findings);
            // Each letter gets the terms it prints: the same as guessed,
            // and its layout is printed as it is, or not, and it is laid
            // out again when its PDF is made.
            let mut explained = reading.explained.into_iter();
            for job in packs.iter_mut().flat_map(|p| p.jobs.iter_mut()) {
                if let Some(Some(terms)) = explained.next() {
                    words::set(&checked.profile, job, &terms);
                }
            }
            laid = reading.laid;
            let mut report = reading.report;
            match crate::check::easy_read(&checked.profile, &loaded.index, &jobs, text) {
                Ok(easy) => {
                    findings.extend(easy.findings);
                    report.easy_read = easy.reports;
                    laid.extend(easy.laid);
                }
                Err(e) => findings.push(
                    Finding::error(
                        "internal",
                        "",
                        format!("an Easy Read document could not be laid out: {e}"),
                    )
                    .help("please report this with the case's shape (not its contents)"),
                ),
            }
            Some(report)
        }
        Err(e) => {
            findings.push(
                Finding::error(
                    "internal",
                    "",
                    format!("a letter could not be laid out: {e}"),
                )
                .help("please report this with the case's shape (not its contents)"),
            );
            None
        }
    };
    Run {
        findings,
        plain,
        prepared: Some(Prepared {
            checked,
            packs,
            laid,
        }),
    }
}

/// The parents' packs to write: all of them, or the one `--recipient` names.
fn choose_recipients(
    mut packs: Vec<PlannedPack>,
    family: &Family,
    settings: &Settings,
    findings: &mut Findings,
) -> Vec<PlannedPack> {
    let ids: Vec<String> = packs
        .iter()
        .filter_map(|p| p.recipient.as_ref().map(|(id, _)| id.to_string()))
        .collect();
    if ids.is_empty() {
        findings.push(
            Finding::error("no-recipients", "people", "the case writes to no one, so there is no parent's pack to build")
                .help("letters go to everyone with parental responsibility for a child of the case, and to parents given `letters: true`"),
        );
        return Vec::new();
    }
    let Some(wanted) = &settings.recipient else {
        return packs;
    };
    if ids.contains(wanted) {
        packs.retain(|p| {
            p.recipient
                .as_ref()
                .is_some_and(|(id, _)| id.as_str() == wanted)
        });
        return packs;
    }
    let why = match family.index_of(wanted) {
        Some(i) => format!(
            "{} is in the case, but the case does not write to them",
            family.person(i).name
        ),
        None => format!("`{wanted}` is not the id of anyone in `people`"),
    };
    let help = match nearest(wanted, &ids) {
        Some(n) => format!("did you mean `{n}`? The case writes to: {}", ids.join(", ")),
        None => format!("the case writes to: {}", ids.join(", ")),
    };
    findings.push(Finding::error("unknown-recipient", "", why).help(help));
    Vec::new()
}

/// Plans one reader's pack: their copy of the case, its documents and
/// attachments, and what of it leaks.
fn plan(
    checked: &Checked,
    family: &Family,
    viewer: Viewer,
    audience: PackAudience,
    settings: &Settings,
) -> Result<(PlannedPack, Vec<Leak>), Vec<Finding>> {
    let refused = |why: String| {
        vec![Finding::error(
            "redaction",
            "",
            format!("{}'s pack could not be made safe to send: {why}", reader(family, viewer)),
        )
        .help("nothing is written while this stands; please report it with the case's shape (not its contents)")]
    };
    let view = disclosure::view(family, viewer).map_err(|e| refused(e.to_string()))?;
    let copy = Family::resolve(&view.case)
        .map_err(|_| refused("its copy of the case does not hold together".into()))?;
    let meeting =
        profile::select_meeting(&view.case, &checked.profile, settings.meeting.as_deref())
            .map_err(|_| {
                refused("the meeting could not be read from its copy of the case".into())
            })?;
    let mut jobs: Vec<DocumentJob> =
        documents::plan(&copy, &checked.schedule, &checked.profile, &meeting, viewer)
            .into_iter()
            .filter(|j| {
                checked
                    .profile
                    .document(&j.id)
                    .is_some_and(|r| profile::may_receive(r, audience))
            })
            .collect();
    // The authority's own paragraphs, rendered into each letter's data
    // before anything reads it: the guard below, the plain-language check.
    let mut errors = Vec::new();
    // An Easy Read version is casepack's own Easy Read sentences: the
    // authority's paragraphs are for the formal letter it comes with.
    for j in jobs.iter_mut().filter(|j| !j.easy_read) {
        match checked.profile.wording.apply(&j.id, &mut j.data) {
            Ok(()) => {
                if let Some(w) = j.data.get_mut("wording") {
                    documents::allow_breaks(w);
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let case = &checked.loaded.case;
    let attached: Vec<AttachedFile> = checked
        .attached
        .iter()
        .filter(|f| {
            let a = &case.attachments[f.index];
            profile::attachment_for(&checked.profile, &a.kind, audience)
                && match viewer {
                    // A PDF written elsewhere cannot be redacted: it goes to
                    // a parent only when the case says so.
                    Viewer::Recipient(r) => a.share_with.iter().any(|x| match x {
                        Reader::Parents | Reader::OutsideAuthority => true,
                        Reader::Person(id) => family.index_of(id.as_str()) == Some(r),
                        Reader::Advocates => false,
                    }),
                    _ => true,
                }
        })
        .cloned()
        .collect();
    let public: Vec<String> = checked
        .profile
        .letterhead
        .iter()
        .flat_map(|l| l.address.iter().cloned())
        .collect();
    let guard = Guard::new(&view, &public);
    let mut leaks = Vec::new();
    for j in &jobs {
        leaks.extend(guard.scan(&j.title, &j.data));
        leaks.extend(guard.scan_text(&format!("{} (its title)", j.title), &j.title));
        leaks.extend(guard.scan_text(&format!("the file name {}", j.file_name), &j.file_name));
    }
    for f in &attached {
        let a = &case.attachments[f.index];
        for text in [Some(&a.title), a.author.as_ref(), Some(&f.pack_name)]
            .into_iter()
            .flatten()
        {
            leaks.extend(guard.scan_text(&format!("the index entry of {}", f.pack_name), text));
        }
    }
    let recipient = match viewer {
        Viewer::Recipient(r) => {
            let p = family.person(r);
            Some((p.id.clone(), p.name.clone()))
        }
        _ => None,
    };
    Ok((
        PlannedPack {
            view,
            meeting,
            jobs,
            attached,
            recipient,
            guard,
        },
        leaks,
    ))
}

/// Whose pack it is, in words.
fn reader(family: &Family, viewer: Viewer) -> String {
    match viewer {
        Viewer::Recipient(r) => family.person(r).name.clone(),
        Viewer::Advocates => "the advocates".into(),
        Viewer::Authority => "the local authority".into(),
    }
}
