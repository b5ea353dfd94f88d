//! Stage 6, documents: decides which documents this case's pack holds, who
//! each is for, whether it is privileged, and prepares the data each
//! template reads. Every wording choice that depends on the case (how the
//! children are named, which sentences apply, how dates are written) is made
//! here, so templates only lay out what they are given.

mod agreement;
mod bundle;
mod chronology;
mod cover;
mod easy_read;
pub mod genogram;
mod kinship;
mod letter;
mod meta;
mod minutes;
mod notice;
mod papers;
mod parts;
mod summary;
mod timeline;

use serde_json::Value;

use crate::case::{Case, Date, Family, PersonId};
use crate::deadlines::Schedule;
use crate::disclosure::Viewer;
pub use crate::profile::Audience;
use crate::profile::{DateSlot, DocumentRule, Profile, SelectedMeeting, Writer};
pub use bundle::{BundlePart, bundle};
pub use cover::{IndexEntry, cover};
use meta::meta;
pub use meta::{Authority, Meta};
use parts::{addressee, adult_rows, attendee_rows, child_rows, person, salutation, support_rows};

/// One document to render: its template, its data, and its place in the pack.
#[derive(Debug, Clone)]
pub struct DocumentJob {
    /// The profile's id for the document, e.g. `plo-summary`.
    pub id: String,
    /// The template's file name under `templates/`, e.g. `letter-before-proceedings.typ`.
    pub template: &'static str,
    /// The file name in the pack, e.g. `letter-before-proceedings-kerry-hartley.pdf`.
    pub file_name: String,
    /// The document's title, as in the manifest and PDF metadata.
    pub title: String,
    /// Who it is for.
    pub audience: Audience,
    /// For a letter, who it is addressed to: their id and name.
    pub recipient: Option<(PersonId, String)>,
    /// Whether it is legally privileged (000 §6; 004 §12).
    pub privileged: bool,
    /// The date the document carries; also its PDF creation date.
    pub date: Date,
    /// Everything the template reads, as JSON.
    pub data: Value,
    /// Whether it is printed large (RNIB Clear Print, 16 pt and more): the
    /// pack's reader or the letter's recipient needs large print.
    pub large_print: bool,
    /// Whether it is an Easy Read version (`documents::easy_read`),
    /// checked against the profile's Easy Read rules rather than as a
    /// letter.
    pub easy_read: bool,
}

/// What every document's builder reads: the reader's copy of the case and
/// its people, its deadlines, the profile, the meeting the pack is for,
/// who reads the pack, and the document's own rule (its name, audience,
/// privilege and agenda).
pub(crate) struct Ctx<'a> {
    pub family: &'a Family<'a>,
    pub case: &'a Case,
    pub schedule: &'a Schedule,
    pub profile: &'a Profile,
    pub meeting: &'a SelectedMeeting,
    pub rule: &'a DocumentRule,
    pub viewer: Viewer,
}

impl<'a> Ctx<'a> {
    /// The context for `rule`'s document.
    pub fn new(
        family: &'a Family<'a>,
        schedule: &'a Schedule,
        profile: &'a Profile,
        meeting: &'a SelectedMeeting,
        rule: &'a DocumentRule,
        viewer: Viewer,
    ) -> Ctx<'a> {
        Ctx {
            family,
            case: family.case(),
            schedule,
            profile,
            meeting,
            rule,
            viewer,
        }
    }

    /// The pack's own reader, when it is one person's.
    fn reader(&self) -> Option<usize> {
        match self.viewer {
            Viewer::Recipient(r) => Some(r),
            _ => None,
        }
    }

    /// The children the pack is about, named as its reader would say them.
    /// A document's data: what every document prints at its head (the
    /// page furniture, titled with the document's name, and the
    /// children's names), then `body`'s fields in order.
    fn headed(&self, date: Date, body: Value) -> Value {
        let mut data = serde_json::Map::new();
        data.insert("meta".into(), self.meta(self.name(), date));
        data.insert("children_names".into(), self.children_names().into());
        if let Value::Object(fields) = body {
            data.extend(fields);
        }
        Value::Object(data)
    }

    fn children_names(&self) -> String {
        self.family
            .children_names(self.family.children(), self.reader())
    }

    /// Whether an item about `children` (all of them, when none are named)
    /// is about one of `to`'s children.
    fn about(&self, to: usize, children: &[PersonId]) -> bool {
        children.is_empty()
            || self
                .family
                .connected_children(to)
                .into_iter()
                .any(|c| children.contains(&self.family.person(c).id))
    }

    /// The people letters are written to in this pack: its reader, or
    /// everyone the case writes to.
    fn recipients(&self) -> Vec<usize> {
        match self.viewer {
            Viewer::Recipient(r) => vec![r]
                .into_iter()
                .filter(|&r| self.family.writes_to(r))
                .collect(),
            _ => self.family.recipients(),
        }
    }

    /// The document's name, as the profile calls it.
    fn name(&self) -> &str {
        &self.rule.name
    }

    /// The step the profile names for one of the writer's date slots, if
    /// its timeline applies to the case (slots are checked at load).
    fn step(&self, slot: DateSlot) -> Option<&crate::deadlines::DatedStep> {
        self.rule
            .dates
            .get(&slot)
            .and_then(|id| self.schedule.step(id))
    }

    /// The date a meeting paper carries: the meeting's, else the LPM's.
    fn date(&self) -> Date {
        self.meeting.date.unwrap_or(self.case.lpm.date)
    }

    /// The letterhead, markings and page furniture, as the rule marks it.
    fn meta(&self, title: &str, date: Date) -> Value {
        meta(self.case, self.profile, title, self.rule.privileged, date)
    }

    /// A job for this document, for the rule's audience and privilege.
    fn job(
        &self,
        template: &'static str,
        file_name: String,
        title: String,
        recipient: Option<(PersonId, String)>,
        date: Date,
        data: Value,
    ) -> DocumentJob {
        let large = |i: usize| self.family.person(i).large_print;
        let large_print = self.reader().is_some_and(large)
            || recipient
                .as_ref()
                .and_then(|(id, _)| self.family.index_of(id.as_str()))
                .is_some_and(large);
        DocumentJob {
            id: self.rule.id.clone(),
            template,
            file_name,
            title,
            audience: self.rule.audience,
            recipient,
            privileged: self.rule.privileged,
            date,
            data,
            large_print,
            easy_read: false,
        }
    }
}

/// The documents the pack for `meeting` holds, in the order its type's
/// `pack` lists them. Each is written when the case holds what its rule
/// `needs` (a timeline sheet once its timeline has started); whatever the
/// meeting requires and cannot be written is a finding of `check`.
pub fn plan(
    family: &Family,
    schedule: &Schedule,
    profile: &Profile,
    meeting: &SelectedMeeting,
    viewer: Viewer,
) -> Vec<DocumentJob> {
    let case = family.case();
    let mut jobs = Vec::new();
    let pack = profile
        .meeting(&meeting.id)
        .map_or(&[][..], |m| &m.pack[..]);
    let filled = crate::case::Filled::new(case);
    for id in pack {
        let Some(rule) = profile.document(id) else {
            continue;
        };
        if !rule.needs.iter().all(|n| filled.at(n)) {
            continue;
        }
        let ctx = Ctx::new(family, schedule, profile, meeting, rule, viewer);
        if let Some(first) = rule.timelines.first() {
            // Written once its first timeline has started; the others join
            // it as they start.
            if schedule.timeline(first).is_some() {
                let blocks: Vec<_> = rule
                    .timelines
                    .iter()
                    .filter_map(|t| schedule.timeline(t))
                    .collect();
                jobs.push(timeline::job(&ctx, &blocks));
            }
            continue;
        }
        let built = build(&ctx);
        let easy = easy_read::versions(&ctx, &built);
        jobs.extend(built);
        jobs.extend(easy);
    }
    for job in &mut jobs {
        allow_breaks(&mut job.data);
    }
    jobs
}

/// The jobs for one document: one per recipient for a letter, else one.
fn build(ctx: &Ctx) -> Vec<DocumentJob> {
    let case = ctx.case;
    match ctx.rule.writer {
        Writer::LpmMinutes => vec![minutes::job(ctx)],
        Writer::LetterBeforeProceedings => {
            let (Some(letter), Some(meeting)) = (
                &case.letter_before_proceedings,
                &case.pre_proceedings_meeting,
            ) else {
                return Vec::new();
            };
            ctx.recipients()
                .into_iter()
                .map(|r| letter::job(ctx, r, letter.date, meeting))
                .collect()
        }
        Writer::PreProceedingsAgreement => case
            .pre_proceedings_meeting
            .iter()
            .map(|m| agreement::job(ctx, m))
            .collect(),
        Writer::PloSummary => summary::job(ctx).into_iter().collect(),
        Writer::Chronology => vec![chronology::job(ctx)],
        Writer::Genogram => vec![genogram::job(ctx)],
        Writer::KinshipSchedule => vec![kinship::job(ctx)],
        Writer::AdvocatesAgenda => papers::advocates(ctx).into_iter().collect(),
        Writer::LetterOfIssue => ctx
            .recipients()
            .into_iter()
            .filter_map(|r| notice::issue(ctx, r))
            .collect(),
        Writer::LetterEndingPreProceedings => ctx
            .recipients()
            .into_iter()
            .filter_map(|r| notice::ending(ctx, r))
            .collect(),
        Writer::MeetingPapers => vec![papers::care_planning(ctx)],
        // Written from the schedule in `plan`, and by the pack stage.
        Writer::TimelineSheet | Writer::PackCover | Writer::Bundle => Vec::new(),
    }
}

/// Fields whose text must survive copying out of the PDF unchanged.
const UNBROKEN_FIELDS: &[&str] = &["email", "video_link"];

/// Gives very long words a place to break (a zero-width space every 30
/// characters of a run over 40), so a pasted reference number or a
/// 300-character word wraps instead of running off the page.
pub fn allow_breaks(value: &mut Value) {
    match value {
        Value::String(s) if s.split_whitespace().any(|w| w.chars().count() > 40) => {
            *s = break_long_words(s);
        }
        Value::Array(items) => items.iter_mut().for_each(allow_breaks),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if !UNBROKEN_FIELDS.contains(&k.as_str()) {
                    allow_breaks(v);
                }
            }
        }
        _ => {}
    }
}

fn break_long_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut run = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            if run > 0 && run % 30 == 0 {
                out.push('\u{200B}');
            }
            run += 1;
        }
        out.push(c);
    }
    out
}

pub use crate::case::join_and;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_join_as_in_speech_here_too() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&v(&["Maisie"])), "Maisie");
        assert_eq!(join_and(&v(&["Maisie", "Leo"])), "Maisie and Leo");
        assert_eq!(
            join_and(&v(&["Maisie", "Leo", "Ruby"])),
            "Maisie, Leo and Ruby"
        );
    }

    #[test]
    fn long_words_get_break_points_but_emails_do_not() {
        let mut v =
            json!({ "worry": "a".repeat(70), "email": "b".repeat(70), "short": "fine words" });
        allow_breaks(&mut v);
        assert_eq!(v["worry"].as_str().unwrap().matches('\u{200B}').count(), 2);
        assert_eq!(v["email"].as_str().unwrap().len(), 70);
        assert_eq!(v["short"], "fine words");
    }
}
