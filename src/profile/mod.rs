//! Stage 2, the rules: what an authority requires, as data. A profile names
//! its protective markings and its timelines: each starts from an event in
//! the case (the LPM deciding to issue, the child being placed) and holds
//! timescale rules, every one with the procedure it comes from. The default
//! profile is embedded; the deadlines stage evaluates its rules on a case.

use std::collections::BTreeMap;

use serde::Deserialize;

mod audience;
mod bundle_rules;
mod checks;
mod counting;
#[cfg(test)]
mod cross_check;
mod due;
mod events;
pub mod explain;
mod file;
mod load;
mod meetings;
mod merge;
pub use merge::name_path;
mod plain_rules;
mod roles;
mod select;
pub mod wording;
mod writer;

pub use audience::{PackAudience, attachment_for, left_out, may_receive, refusal};
pub use bundle_rules::{BundleRules, BundleSection, section_of};
pub use counting::{count, settle};
pub(crate) use due::plural;
pub use due::{Anchor, Direction, Due, Offset, Pick};
pub use events::{EVENTS, event_date, event_name, event_path};
pub use load::{
    BUILT_IN, BuiltIn, Letterhead, built_in, find as find_profile,
    find_shared as find_shared_profile, load as load_profile,
};
pub use meetings::{
    AgendaItem, AttachmentKind, Attendance, Audience, CaseRecord, Chair, Check, ChronologyRule,
    DocumentRule, GenogramRule, MeetingType, Requirement, Role, Writer,
};
pub use plain_rules::{PlainRules, Targets, Term};
pub use select::{NoMeeting, SelectedMeeting, own_record, select_meeting};
pub use wording::Wording;

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
    /// Timelines, in the order `casepack timeline` lists them.
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
}

/// A chain of timescales that starts from one event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineRules {
    /// Short id, e.g. `pre-proceedings`.
    pub id: String,
    /// Heading for the timeline and its sheet.
    pub title: String,
    /// The procedure as a whole.
    pub source: String,
    /// What starts it: the first of these the case supplies. Each is a case
    /// event (see [`EVENTS`]) or the id of a step in another timeline, whose
    /// date (done or due) is then the start. A timeline none of whose
    /// starts is known does not apply to the case.
    pub starts: Vec<String>,
    /// Case events that end it early (pre-proceedings ends when proceedings
    /// are issued): steps due after the end that were not done are shown as
    /// ended, not overdue.
    #[serde(default)]
    pub ends: Vec<String>,
    /// The steps; a step counts from the start or from another step.
    pub steps: Vec<StepRule>,
}

/// One deadline rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    /// Short id, unique within the profile; the case records a step as done under `done.<id>`.
    pub id: String,
    /// The procedure's own label for when it happens ("Week 8").
    pub when: String,
    /// What must happen.
    pub action: String,
    /// Who is responsible.
    pub responsible: String,
    /// When it is due.
    pub due: Due,
    /// How the date is counted, in words, where the arithmetic alone would
    /// mislead ("181 days after" for "the last day of 26 weeks").
    #[serde(default)]
    pub counted: Option<String>,
    /// The case event that records when it actually happened (or is booked).
    #[serde(default)]
    pub recorded_by: Option<String>,
    /// A date the court sets: a listed date replaces the target, and is not
    /// "late" (the court decides), though a listing after the target is noted.
    #[serde(default)]
    pub set_by_court: bool,
    /// Whether the LPM minutes list it among the dates agreed.
    #[serde(default)]
    pub key_date: bool,
    /// How review LPMs may extend the deadline (004 §11a(ii)).
    #[serde(default)]
    pub extension: Option<Extension>,
    /// The start of a window: not before this (the due date ends it).
    #[serde(default)]
    pub earliest: Option<Due>,
    /// The due date is a limit, not a target (004 App. 1: "It should not
    /// wait until Week 20. That is a limit, not a target"): the sheet says so.
    #[serde(default)]
    pub limit: bool,
    /// Steps that must come before it (beyond the one it counts from): the
    /// profile is refused if its rules could date it earlier, and `check`
    /// reports a case whose dates put it earlier.
    #[serde(default)]
    pub follows: Vec<String>,
    /// A step that recurs (002's care planning meetings; statutory reviews).
    #[serde(default)]
    pub repeat: Option<Repeat>,
    /// The procedure reference, e.g. `004 §9b(ii)`, or `local: why` for a
    /// setting of the authority's own that no procedure states.
    pub source: String,
}

/// A step that happens again and again: each time counts on from the one
/// before (its real date, when the case records it).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// How long after the one before.
    #[serde(deserialize_with = "offset")]
    pub every: Offset,
    /// How many times in all, counting the first (at least 2).
    pub times: u32,
}

fn offset<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Offset, D::Error> {
    let raw = due::RawOffset::deserialize(d)?;
    Offset::try_from(raw).map_err(serde::de::Error::custom)
}

/// An extension a review LPM may grant to a step's deadline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The most weeks all extensions together may add.
    pub max_weeks: u32,
    /// Whether the head of service must agree at the review LPM.
    pub head_of_service_must_agree: bool,
    /// The procedure reference.
    pub source: String,
}

impl Profile {
    /// The meeting type with `id`.
    pub fn meeting(&self, id: &str) -> Option<&MeetingType> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The role with `id`.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
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

    /// The order to evaluate timelines in: each after those it starts from.
    pub fn timeline_order(&self) -> Result<Vec<usize>, String> {
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
                return Err(format!(
                    "these timelines start from each other in a loop: {}",
                    stuck.join(", ")
                ));
            }
        }
        Ok(order)
    }
}

/// The order to date `steps` in: each after the step it counts from. A step
/// may count back from a later one ("2 working days before the meeting"),
/// so list order is not enough; a loop of steps is an error.
pub fn evaluation_order(steps: &[StepRule]) -> Result<Vec<usize>, String> {
    let mut order: Vec<usize> = Vec::with_capacity(steps.len());
    let mut done: Vec<&str> = vec!["start"];
    while order.len() < steps.len() {
        let before = order.len();
        for (i, step) in steps.iter().enumerate() {
            if order.contains(&i) {
                continue;
            }
            let needs = step
                .due
                .anchor
                .of
                .iter()
                .chain(step.earliest.iter().flat_map(|e| &e.anchor.of));
            if needs.clone().all(|a| done.contains(&a.as_str())) {
                order.push(i);
                done.push(&step.id);
            }
        }
        if order.len() == before {
            let stuck: Vec<&str> = steps
                .iter()
                .enumerate()
                .filter(|(i, _)| !order.contains(i))
                .map(|(_, s)| s.id.as_str())
                .collect();
            return Err(format!(
                "these steps count from each other in a loop: {}",
                stuck.join(", ")
            ));
        }
    }
    Ok(order)
}

/// The default profile (the first built-in one).
pub fn default_profile() -> &'static Profile {
    match built_in(BUILT_IN[0].name) {
        Some(Ok(p)) => p,
        Some(Err(e)) => panic!("the built-in profiles are valid (checked by a unit test): {e}"),
        None => panic!("the first built-in profile is the default"),
    }
}

#[cfg(test)]
pub(crate) mod tests;
