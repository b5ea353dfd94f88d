//! The pack's cover and index: the case, the meeting, its date, and every
//! document in pack order with who it is for, whether it is privileged, its
//! page count and its page range, counted from the rendered pages (the cover
//! itself first); and, on the authority's own cover, the letters the social
//! worker hands over and how each parent is reached.

use serde_json::json;

use super::{Audience, Ctx, DocumentJob};
use crate::case::Family;
use crate::deadlines::Schedule;
use crate::disclosure::Viewer;
use crate::profile::{PackAudience, Profile, SelectedMeeting};

/// One document as the index lists it.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    /// Its title.
    pub title: String,
    /// Its file in the pack.
    pub file_name: String,
    /// Who it is for.
    pub audience: Audience,
    /// Whether it is privileged.
    pub privileged: bool,
    /// Its page count, from the rendered PDF.
    pub pages: usize,
    /// For an attached document: what it is, its date and author.
    pub attached: Option<String>,
}

/// Who a document is for, in words.
fn audience_label(a: Audience) -> &'static str {
    match a {
        Audience::Parent => "Parent",
        Audience::ParentsAndProfessionals => "Parents and professionals",
        Audience::Professionals => "Professionals",
        Audience::LpmPanel => "LPM panel",
        Audience::Advocates => "Advocates",
    }
}

/// Who a pack is for, as its cover says it: the audience, or the one
/// person whose own pack it is.
pub fn pack_for(family: &Family, audience: PackAudience, viewer: Viewer) -> String {
    match viewer {
        Viewer::Recipient(r) => family.person(r).name.clone(),
        _ => capitalised(audience.label()),
    }
}

/// The cover for a pack of `entries`, which takes `cover_pages` pages
/// itself; `None` if the profile has no `pack-cover` document.
#[allow(clippy::too_many_arguments)]
pub fn cover(
    family: &Family,
    schedule: &Schedule,
    profile: &Profile,
    meeting: &SelectedMeeting,
    entries: &[IndexEntry],
    cover_pages: usize,
    audience: PackAudience,
    viewer: Viewer,
) -> Option<DocumentJob> {
    let rule = profile.document_by(crate::profile::Writer::PackCover)?;
    let ctx = Ctx::new(family, schedule, profile, meeting, rule, viewer);
    let meeting_type = profile.meeting(&meeting.id);
    let mut first = cover_pages + 1;
    let rows: Vec<_> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let last = first + e.pages - 1;
            let range = if e.pages == 1 {
                first.to_string()
            } else {
                format!("{first}–{last}")
            };
            first = last + 1;
            json!({
                "n": i + 1,
                "title": e.title,
                "file": e.file_name,
                "audience": audience_label(e.audience),
                "privileged": e.privileged,
                "pages": e.pages,
                "range": range,
                "attached": e.attached,
            })
        })
        .collect();
    let date = ctx.date();
    let total = cover_pages + entries.iter().map(|e| e.pages).sum::<usize>();
    let data = ctx.headed(
        date,
        json!({
            "meeting": meeting_type.map(|m| m.name.clone()).unwrap_or_else(|| meeting.id.clone()),
            "purpose": capitalised(&meeting.purpose.replace('-', " ")),
            "date": meeting.date.map(|d| d.long()),
            "chair": meeting.chair,
            "social_worker": family.person(family.team().social_worker).name,
            "pack_for": pack_for(family, audience, viewer),
            "cover_pages": cover_pages,
            "total_pages": total,
            "any_privileged": entries.iter().any(|e| e.privileged),
            "hand_over": hand_over(family, viewer),
            "entries": rows,
        }),
    );
    Some(ctx.job(
        "pack-cover.typ",
        "cover-and-index.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    ))
}

/// For the authority's own pack: the parents whose letters the social
/// worker hands to them, and how each is reached. No one else's cover says
/// how a parent is reached.
fn hand_over(family: &Family, viewer: Viewer) -> Vec<serde_json::Value> {
    if viewer != Viewer::Authority {
        return Vec::new();
    }
    family
        .recipients()
        .into_iter()
        .filter(|&r| family.by_hand(r))
        .map(|r| {
            let p = family.person(r);
            json!({ "name": p.name, "how_to_reach": p.how_to_reach })
        })
        .collect()
}

/// `s` with its first letter upper-case.
pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}
