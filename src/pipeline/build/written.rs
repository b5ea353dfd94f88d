//! What a build wrote: each pack with its documents and page counts, what
//! the audience does not get, the letters to hand over, and the bundle; and the warning a bundle over
//! the court's page limit earns. The command line prints it.

use std::path::PathBuf;

use super::Ready;
use crate::case::Letters;
use crate::diagnostics::Finding;
use crate::pipeline::{Bundle, Checked};

/// A pack written.
#[derive(Debug, Clone)]
pub struct WrittenPack {
    /// Where.
    pub path: PathBuf,
    /// Whether it is encrypted.
    pub encrypted: bool,
    /// Whose own pack it is, for a parent's pack: their name.
    pub recipient: Option<String>,
    /// The meeting's name.
    pub meeting: String,
    /// Documents casepack wrote for it (the cover and index aside).
    pub documents: usize,
    /// Every document in it, in pack order (the cover and index first).
    pub files: Vec<WrittenDocument>,
    /// Its attached PDFs: name in the pack, and pages.
    pub attached: Vec<(String, usize)>,
    /// Who the pack is for ("the panel", "parents").
    pub audience: &'static str,
    /// What the meeting's pack holds that this one does not.
    pub left_out: Vec<String>,
    /// The bundle written beside it.
    pub bundle: Option<WrittenBundle>,
    /// Its letters that the social worker hands over rather than posts.
    pub hand_over: Vec<HandOver>,
}

/// A letter written to be handed to a parent, with how they are reached.
#[derive(Debug, Clone)]
pub struct HandOver {
    /// The letter's file name in the pack.
    pub file_name: String,
    /// Who it is handed to.
    pub name: String,
    /// How the social worker reaches them, as the case says it.
    pub how_to_reach: Option<String>,
}

impl WrittenPack {
    /// Pages in the pack, its attachments' included.
    pub fn pages(&self) -> usize {
        self.files.iter().map(|d| d.pages).sum::<usize>()
            + self.attached.iter().map(|(_, p)| p).sum::<usize>()
    }
}

/// A document in a pack written.
#[derive(Debug, Clone)]
pub struct WrittenDocument {
    /// Its file name in the pack.
    pub file_name: String,
    /// Its pages.
    pub pages: usize,
    /// Whether it is legally privileged.
    pub privileged: bool,
}

/// A bundle written.
#[derive(Debug, Clone)]
pub struct WrittenBundle {
    /// Where.
    pub path: PathBuf,
    /// Its pages, the index's included.
    pub pages: usize,
    /// Pages of documents, as the court's limit counts them.
    pub parts_pages: usize,
}

/// What was written for the pack `r`.
pub(super) fn written(checked: &Checked, r: &Ready, encrypted: bool) -> WrittenPack {
    let attached = &r.plan.attached;
    let mut left_out = checked.left_out.clone();
    if r.plan.recipient.is_some() {
        let held: Vec<usize> = attached.iter().map(|f| f.index).collect();
        for f in &checked.attached {
            let a = &checked.loaded.case.attachments[f.index];
            if !held.contains(&f.index)
                && crate::profile::attachment_for(&checked.profile, &a.kind, checked.audience)
            {
                left_out.push(format!(
                    "{} (attached; casepack cannot redact it, so it goes only to those its `share_with` names)",
                    a.title
                ));
            }
        }
    }
    let people = &checked.loaded.case.people;
    let hand_over = r
        .docs
        .iter()
        .filter_map(|d| {
            let (id, name) = d.job.recipient.as_ref()?;
            let p = people.iter().find(|p| &p.id == id)?;
            (p.letters == Some(Letters::ByHand)).then(|| HandOver {
                file_name: d.job.file_name.clone(),
                name: name.clone(),
                how_to_reach: p.how_to_reach.clone(),
            })
        })
        .collect();
    WrittenPack {
        hand_over,
        path: r.dest.clone(),
        encrypted,
        recipient: r.plan.recipient.as_ref().map(|(_, name)| name.clone()),
        meeting: super::meeting_name(checked).to_string(),
        documents: r.plan.jobs.len(),
        files: r
            .docs
            .iter()
            .map(|d| WrittenDocument {
                file_name: d.job.file_name.clone(),
                pages: d.pages,
                privileged: d.job.privileged,
            })
            .collect(),
        attached: attached
            .iter()
            .map(|f| (f.pack_name.clone(), f.pages))
            .collect(),
        audience: checked.audience.label(),
        left_out,
        bundle: r.bundle.as_ref().map(|(file, b)| WrittenBundle {
            path: file.clone(),
            pages: b.rendered.pages,
            parts_pages: b.parts_pages,
        }),
    }
}

/// A warning when the bundle holds more pages of documents than a court
/// bundle may.
pub(super) fn over_limit(checked: &Checked, b: &Bundle) -> Option<Finding> {
    let rule = &checked.profile.bundle;
    (b.parts_pages > rule.page_limit).then(|| {
        Finding::warning(
            "bundle-over-limit",
            "",
            format!(
                "the bundle has {} pages of documents, more than the {} a court bundle may hold",
                b.parts_pages, rule.page_limit
            ),
        )
        .source(rule.source.clone())
        .help(
            "a longer bundle needs the court's permission; leave out what the court does not need",
        )
    })
}
