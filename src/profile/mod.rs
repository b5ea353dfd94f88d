//! Stage 3, the profile: what an authority requires, as data. A profile names
//! its protective markings and its timelines: each starts from an event in
//! the case (the LPM deciding to issue, the child being placed) and holds
//! timescale rules, every one with the procedure it comes from. The default
//! profile is embedded; the deadlines stage evaluates its rules on a case.

use error::rule;
use std::collections::BTreeMap;

use serde::Deserialize;

mod audience;
mod bundle_rules;
mod checks;
mod counting;
#[cfg(test)]
mod cross_check;
mod due;
mod error;
mod events;
pub mod explain;
mod file;
mod ids;
mod load;
mod meetings;
mod merge;
pub use merge::name_path;
mod easy_rules;
mod pictures;
mod plain_rules;
mod roles;
mod select;
mod timelines;
pub mod wording;
mod writer;

pub use audience::{PackAudience, attachment_for, left_out, may_receive, refusal};
pub use bundle_rules::{BundleRules, BundleSection, section_of};
pub use counting::{count, settle};
pub(crate) use due::plural;
pub use due::{Anchor, Direction, Due, Offset, Pick};
pub use easy_rules::{EasyReadRules, EasyTargets};
pub use error::ProfileError;
pub use events::{EVENTS, NotAnEvent, event_date, event_for_parents, event_name, event_path};
pub use load::{
    BUILT_IN, BuiltIn, DEFAULT, Letterhead, built_in, find as find_profile,
    find_shared as find_shared_profile, load as load_profile,
};
pub use meetings::{
    AgendaItem, AttachmentKind, Attendance, Audience, CaseRecord, Chair, Check, ChronologyRule,
    DateSlot, DocumentRule, GenogramRule, MeetingType, MustSay, Requirement, Role, RoleId, Writer,
};
pub use pictures::Picture;
pub use plain_rules::{PlainRules, Targets, Term};
pub use select::{NoMeeting, SelectedMeeting, own_record, select_meeting};
pub use timelines::{Anchored, CountsFrom, Extension, Planned, Repeat, StepRule, TimelineRules};
pub use wording::Wording;

/// How fresh the authority's list of local family-law solicitors must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SolicitorsList {
    /// Checked within this many months.
    pub fresh_months: u32,
    /// Where the limit comes from (`local: why` for the authority's own).
    pub source: String,
}

/// An authority profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Short id, e.g. `default`.
    pub profile: String,
    /// Human name of the profile.
    pub name: String,
    /// Printed in every page header, e.g. OFFICIAL-SENSITIVE.
    pub protective_marking: String,
    /// Printed on every page of a legally privileged document.
    pub privileged_marking: String,
    /// The meeting a pack is for when neither `--meeting` nor the case's
    /// `meeting.type` says.
    pub default_meeting: String,
    /// A step not yet done is "due soon" within this many working days of its date.
    pub due_soon_working_days: u32,
    /// How recently the list of local solicitors the letters offer parents
    /// must have been checked; none, no check.
    #[serde(default)]
    pub solicitors_list: Option<SolicitorsList>,
    /// The timelines as written: typed into `timelines` once every field
    /// has its shape, so a rule across a timeline's steps names the
    /// timeline as its author does, not by its place in the file. Empty
    /// once the profile is loaded.
    #[serde(rename = "timelines")]
    written_timelines: Vec<timelines::RawTimeline>,
    /// Timelines, in the order `casepack timeline` lists them.
    #[serde(skip)]
    pub timelines: Vec<TimelineRules>,
    /// Who takes part in meetings.
    pub roles: Vec<Role>,
    /// Kinds of attached document, with their freshness limits.
    pub attachment_kinds: Vec<AttachmentKind>,
    /// The documents casepack writes, with what each needs.
    pub documents: Vec<DocumentRule>,
    /// Meeting types, in the order `casepack meetings` lists them.
    pub meetings: Vec<MeetingType>,
    /// How `build --bundle` orders and numbers the bundle.
    pub bundle: BundleRules,
    /// Targets and glossary for letters to parents.
    pub plain_language: PlainRules,
    /// Targets and words to know for Easy Read documents.
    pub easy_read: EasyReadRules,
    /// The authority's own pictures for Easy Read documents, by name,
    /// from a profile file's `pictures:` folder; empty, casepack's own.
    #[serde(skip)]
    pub pictures: BTreeMap<String, Picture>,
    /// Paragraphs of letters to parents in the authority's own words,
    /// from its profile files.
    #[serde(skip)]
    pub wording: Wording,
    /// The council's letterhead, replacing the case's, from a profile file.
    #[serde(skip)]
    pub letterhead: Option<Letterhead>,
    /// Templates replacing the built-in ones, by file name, from a profile file.
    #[serde(skip)]
    pub templates: BTreeMap<String, String>,
    /// The timelines in the order they are dated, each after those it
    /// starts from: worked out once, when the profile loads.
    #[serde(skip)]
    timeline_order: Vec<usize>,
}

impl Profile {
    /// The meeting type with `id`.
    pub fn meeting(&self, id: &str) -> Option<&MeetingType> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The role `id` names (resolved as the profile was read).
    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.index()]
    }

    /// The attachment kind with `id`.
    pub fn attachment_kind(&self, id: &str) -> Option<&AttachmentKind> {
        self.attachment_kinds.iter().find(|k| k.id == id)
    }

    /// The document its writer makes, if the profile has one (the pack
    /// cover, the bundle).
    pub fn document_by(&self, writer: Writer) -> Option<&DocumentRule> {
        self.documents.iter().find(|d| d.writer == writer)
    }

    /// The meeting type recorded in `record` of the case file.
    pub fn meeting_in(&self, record: CaseRecord) -> Option<&MeetingType> {
        self.meetings.iter().find(|m| m.recorded_in == Some(record))
    }

    /// The generated document with `id`.
    pub fn document(&self, id: &str) -> Option<&DocumentRule> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The text of the template `name` as this profile prints it: its own
    /// replacement, else casepack's.
    pub fn template_text(&self, name: &str) -> Option<&str> {
        crate::templates::text_of(name, &self.templates)
    }

    /// The timeline holding step `id`.
    pub fn timeline_of(&self, id: &str) -> Option<&TimelineRules> {
        self.timelines
            .iter()
            .find(|t| t.steps.iter().any(|s| s.id == id))
    }

    /// The step with `id`, in any timeline.
    pub fn step(&self, id: &str) -> Option<&StepRule> {
        self.timelines
            .iter()
            .flat_map(|t| &t.steps)
            .find(|s| s.id == id)
    }

    /// How the step `id` is counted, in a parent's words: "8 weeks after we
    /// decided to start pre-proceedings", "3 months after our first meeting
    /// with you"; `None` where casepack has no plain words for what it
    /// counts from. Letters print the profile's own timescale, never a
    /// figure of their own.
    pub fn counted_for_parents(&self, id: &str) -> Option<String> {
        let timeline = self
            .timelines
            .iter()
            .find(|t| t.steps.iter().any(|s| s.id == id))?;
        let step = timeline.steps.iter().find(|s| s.id == id)?;
        let from = match step.due.anchor.first() {
            "start" => timeline.starts.first().and_then(|e| event_for_parents(e)),
            other => self
                .step(other)
                .and_then(|s| s.recorded_by.as_deref())
                .and_then(event_for_parents),
        }?;
        let dir = match step.due.direction {
            Direction::After => "after",
            Direction::Before => "before",
        };
        Some(format!("{} {dir} {from}", step.due.offset.length_words()))
    }

    /// The timelines (by place in `timelines`) in the order they are dated:
    /// each after those it starts from.
    pub fn timeline_order(&self) -> &[usize] {
        &self.timeline_order
    }

    /// Works out [`Profile::timeline_order`], or says which timelines
    /// start from each other in a loop.
    fn order_timelines(&self) -> Result<Vec<usize>, ProfileError> {
        let mut order: Vec<usize> = Vec::with_capacity(self.timelines.len());
        while order.len() < self.timelines.len() {
            let before = order.len();
            for (i, t) in self.timelines.iter().enumerate() {
                if order.contains(&i) {
                    continue;
                }
                let ready = t.starts.iter().all(|s| {
                    event_name(s).is_some()
                        || self
                            .timeline_of(s)
                            .and_then(|o| self.timelines.iter().position(|x| x.id == o.id))
                            .is_some_and(|j| order.contains(&j))
                });
                if ready {
                    order.push(i);
                }
            }
            if order.len() == before {
                let stuck: Vec<&str> = self
                    .timelines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !order.contains(i))
                    .map(|(_, t)| t.id.as_str())
                    .collect();
                return Err(rule!(
                    "these timelines start from each other in a loop: {}",
                    stuck.join(", ")
                ));
            }
        }
        Ok(order)
    }
}

/// The default profile ([`DEFAULT`]).
pub fn default_profile() -> &'static Profile {
    match built_in(DEFAULT.name) {
        Some(Ok(p)) => p,
        Some(Err(e)) => panic!("the built-in profiles are valid (checked by a unit test): {e}"),
        None => panic!("the default profile is built in"),
    }
}

#[cfg(test)]
pub(crate) mod tests;
