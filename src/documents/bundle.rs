//! The bundle: every document of the pack and every attachment in one PDF,
//! in the sections the profile (or the meeting type) lays down, each page
//! numbered within its section (A1, A2 … B1 …) after PD27A. The page
//! numbers are counted here from the parts' real page counts; the template
//! only places the pages, stamps them and links the index.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob};
use crate::case::{Date, Family};
use crate::deadlines::Schedule;
use crate::disclosure::Viewer;
use crate::profile::{PackAudience, Profile, SelectedMeeting, section_of};

/// One part of the bundle: a rendered document or an attached PDF.
#[derive(Debug, Clone)]
pub struct BundlePart {
    /// Its title in the index and its bookmark.
    pub title: String,
    /// casepack's id for a document it wrote (`plo-summary`), else `None`.
    pub document: Option<String>,
    /// An attachment's kind, else `None`.
    pub kind: Option<String>,
    /// Where its PDF sits in the template's world, e.g. `/parts/03.pdf`.
    pub file: String,
    /// Its page count, from the PDF.
    pub pages: usize,
    /// Its date.
    pub date: Date,
    /// What it is and who wrote it, in a few words.
    pub about: String,
    /// Whether it is legally privileged.
    pub privileged: bool,
}

/// The bundle's job for `parts` (in pack order), and its page count: the
/// parts' pages, without the cover and index.
pub fn bundle(
    family: &Family,
    schedule: &Schedule,
    profile: &Profile,
    meeting: &SelectedMeeting,
    parts: &[BundlePart],
    audience: PackAudience,
    viewer: Viewer,
) -> Option<(DocumentJob, usize)> {
    let rule = profile.document_by(crate::profile::Writer::Bundle)?;
    let ctx = Ctx::new(family, schedule, profile, meeting, rule, viewer);
    let sections = profile.bundle_sections(&meeting.id);
    let mut held: Vec<Vec<&BundlePart>> = vec![Vec::new(); sections.len()];
    for part in parts {
        let at = section_of(sections, part.document.as_deref(), part.kind.as_deref());
        held[at].push(part);
    }
    let mut n = 0;
    let mut total = 0;
    let mut out: Vec<Value> = Vec::new();
    for (section, parts) in sections.iter().zip(&held) {
        if parts.is_empty() {
            continue;
        }
        let mut next = 1;
        let docs: Vec<Value> = parts
            .iter()
            .map(|p| {
                n += 1;
                let first = next;
                let last = next + p.pages - 1;
                next = last + 1;
                let mark = |page: usize| format!("{}{page}", section.letter);
                json!({
                    "n": n,
                    "title": p.title,
                    "about": p.about,
                    "file": p.file,
                    "pages": p.pages,
                    "start": first,
                    "range": if p.pages == 1 { mark(first) } else { format!("{}–{}", mark(first), mark(last)) },
                    "privileged": p.privileged,
                })
            })
            .collect();
        total += next - 1;
        out.push(json!({
            "letter": section.letter,
            "title": section.title,
            "pages": next - 1,
            "documents": docs,
        }));
    }
    let meeting_name = profile
        .meeting(&meeting.id)
        .map_or_else(|| meeting.id.clone(), |m| m.name.clone());
    let date = ctx.date();
    let title = format!("Bundle for the {meeting_name}");
    let data = json!({
        "meta": ctx.meta(&title, date),
        "meeting": meeting_name,
        "date": meeting.date.map(|d| d.long()),
        "children_names": ctx.children_names(),
        "social_worker": family.person(family.team().social_worker).name,
        "pack_for": super::cover::pack_for(family, audience, viewer),
        "parts_pages": total,
        "documents": n,
        "any_privileged": parts.iter().any(|p| p.privileged),
        "page_limit": profile.bundle.page_limit,
        "limit_source": profile.bundle.source,
        "sections": out,
    });
    let job = ctx.job(
        "bundle.typ",
        "bundle.pdf".to_string(),
        title,
        None,
        date,
        data,
    );
    Some((job, total))
}
