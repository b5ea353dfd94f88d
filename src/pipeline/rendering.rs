//! The rendering end of the pipeline: a checked case's documents to PDF,
//! the pack's cover and index from their real page counts, and the bundle.

use super::{Checked, PlannedPack};
use crate::attach::AttachedFile;
use crate::case::Family;
use crate::documents::{self, BundlePart, DocumentJob, IndexEntry};
use rayon::prelude::*;

use crate::profile::{self, PackAudience, Profile};
use crate::render::{self, LaidOut, RenderError, RenderedDocument};

/// The people of a pack's copy of the case. It held together when the pack
/// was planned; if it no longer does, nothing is rendered.
fn family_of(pack: &PlannedPack) -> Result<Family<'_>, RenderError> {
    Family::resolve(&pack.view.case).map_err(|_| RenderError {
        template: "pack-cover.typ".into(),
        messages: vec!["the pack's copy of the case no longer holds together".into()],
    })
}

/// Renders the pack: every document, then the cover and index from their
/// real page counts, which goes first. The cover is rendered again until
/// its own page count is the one its index assumed.
pub fn render_pack(
    checked: &Checked,
    pack: &PlannedPack,
    laid: &[LaidOut],
) -> Result<Vec<RenderedDocument>, RenderError> {
    let family = family_of(pack)?;
    let docs = render_all(&pack.jobs, &checked.profile, laid)?;
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
        .chain(
            pack.attached
                .iter()
                .map(|f| attached_entry(checked, pack, f)),
        )
        .collect();
    let mut cover_pages = 1;
    let mut cover = None;
    let mut settled = false;
    for _ in 0..4 {
        let Some(job) = crate::documents::cover(
            &family,
            &checked.schedule,
            &checked.profile,
            &pack.meeting,
            &entries,
            cover_pages,
            checked.audience,
            pack.view.viewer,
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
fn attached_entry(checked: &Checked, pack: &PlannedPack, f: &AttachedFile) -> IndexEntry {
    let a = &pack.view.case.attachments[f.index];
    // Who reads it, as the index says it: its kind decides.
    let for_parents = profile::attachment_for(&checked.profile, &a.kind, PackAudience::Parents);
    IndexEntry {
        title: a.title.clone(),
        file_name: f.pack_name.clone(),
        audience: if for_parents {
            crate::profile::Audience::ParentsAndProfessionals
        } else {
            crate::profile::Audience::Professionals
        },
        privileged: false,
        pages: f.pages,
        attached: Some(attached_about(checked, pack, f)),
    }
}

/// "Attached: Single assessment, 30 Oct 2026, by Grace Adeyemi".
fn attached_about(checked: &Checked, pack: &PlannedPack, f: &AttachedFile) -> String {
    let a = &pack.view.case.attachments[f.index];
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
    pack: &PlannedPack,
    docs: &[RenderedDocument],
) -> Result<Option<Bundle>, RenderError> {
    let family = family_of(pack)?;
    let mut parts = Vec::new();
    let mut files = Vec::new();
    let cover = checked
        .profile
        .document_by(crate::profile::Writer::PackCover)
        .map(|r| r.id.as_str());
    for d in docs.iter().filter(|d| Some(d.job.id.as_str()) != cover) {
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
    let case = &pack.view.case;
    for f in &pack.attached {
        let a = &case.attachments[f.index];
        let file = format!("/parts/{:02}.pdf", files.len() + 1);
        parts.push(BundlePart {
            title: a.title.clone(),
            document: None,
            kind: Some(a.kind.clone()),
            file: file.clone(),
            pages: f.pages,
            date: a.date,
            about: attached_about(checked, pack, f),
            privileged: false,
        });
        files.push((file, f.bytes.clone()));
    }
    let Some((job, parts_pages)) = documents::bundle(
        &family,
        &checked.schedule,
        &checked.profile,
        &pack.meeting,
        &parts,
        checked.audience,
        pack.view.viewer,
    ) else {
        return Ok(None);
    };
    let rendered = render::render_with_files(&job, &checked.profile, files)?;
    Ok(Some(Bundle {
        rendered,
        parts_pages,
    }))
}

/// Renders every document of a checked case, in parallel, returned in
/// pack order; a document already laid out in `laid` is not laid out again.
pub fn render_all(
    jobs: &[DocumentJob],
    profile: &Profile,
    laid: &[LaidOut],
) -> Result<Vec<RenderedDocument>, RenderError> {
    let one = |j: &DocumentJob| render::render_from(j, profile, laid);
    if render::may_fan_out() {
        jobs.par_iter().map(one).collect()
    } else {
        jobs.iter().map(one).collect()
    }
}
