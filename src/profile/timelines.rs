//! Timelines as data: a chain of timescales that starts from an event in
//! the case, each step with the rule that dates it and the procedure it
//! comes from. Each timeline is checked as it is read, and the order its
//! steps are dated in, with what each counts from, worked out once
//! ([`TimelineRules::plan`]), so the deadline engine only follows it.

use super::error::{ProfileError, rule};
use serde::Deserialize;

use super::due::{self, Anchor, Due, Offset};

/// A chain of timescales that starts from one event. Read from a
/// [`RawTimeline`] once every field has its shape, so what is wrong with
/// it names the timeline and step, as a profile's author knows them.
#[derive(Debug, Clone)]
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
    pub ends: Vec<String>,
    /// The steps; a step counts from the start or from another step.
    pub steps: Vec<StepRule>,
    /// The steps in the order they are dated, each with what it counts
    /// from: worked out once, as the timeline is read.
    plan: Vec<Planned>,
}

/// A timeline as the rule data writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTimeline {
    id: String,
    title: String,
    source: String,
    starts: Vec<String>,
    #[serde(default)]
    ends: Vec<String>,
    steps: Vec<StepRule>,
}

/// One step of a timeline's [`TimelineRules::plan`].
#[derive(Debug, Clone)]
pub struct Planned {
    /// The step: its place in `steps`.
    pub rule: usize,
    /// What its due date counts from.
    pub due: CountsFrom,
    /// What the start of its window counts from, if it has one.
    pub earliest: Option<CountsFrom>,
}

/// What a date counts from: one anchor, or the first or last of several
/// (the rule's `pick`), each the start or a step dated before it.
#[derive(Debug, Clone)]
pub struct CountsFrom {
    /// The first anchor the rule names.
    pub first: Anchored,
    /// The others, for `first_of` and `last_of`.
    pub rest: Vec<Anchored>,
}

/// One anchor of a rule, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchored {
    /// The timeline's start.
    Start,
    /// A step dated earlier in the plan: its place in the plan.
    Step(usize),
}

impl TimelineRules {
    /// The steps in the order they are dated: each after every step it
    /// counts from (a step may count back from a later one, "2 working
    /// days before the meeting", so list order is not enough).
    pub fn plan(&self) -> &[Planned] {
        &self.plan
    }
}

impl TryFrom<RawTimeline> for TimelineRules {
    type Error = ProfileError;

    fn try_from(t: RawTimeline) -> Result<TimelineRules, ProfileError> {
        if t.starts.is_empty() {
            return Err(rule!("{}: `starts` lists nothing", t.id));
        }
        let ids: Vec<&str> = t.steps.iter().map(|s| s.id.as_str()).collect();
        for step in &t.steps {
            let at = format!("{}/{}", t.id, step.id);
            let anchors = step.due.anchor.of();
            let earliest = step.earliest.iter().flat_map(|e| e.anchor.of());
            for anchor in anchors.chain(earliest) {
                if anchor != "start" && !ids.contains(&anchor) {
                    return Err(rule!(
                        "{at}: counts from `{anchor}`, which is neither `start` nor a step of this timeline"
                    ));
                }
            }
            for f in &step.follows {
                if !ids.contains(&f.as_str()) || f == &step.id {
                    return Err(rule!(
                        "{at}: follows `{f}`, which is not another step of this timeline"
                    ));
                }
            }
            if let Some(r) = &step.repeat
                && r.times < 2
            {
                return Err(rule!("{at}: `repeat.times` is at least 2"));
            }
            if step.id.contains('#') {
                return Err(rule!("{at}: `#` marks a repeat; a step id may not hold it"));
            }
        }
        let plan = plan(&t.steps).map_err(|e| rule!("{}: {e}", t.id))?;
        Ok(TimelineRules {
            id: t.id,
            title: t.title,
            source: t.source,
            starts: t.starts,
            ends: t.ends,
            steps: t.steps,
            plan,
        })
    }
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
    /// The start of a window: not before this (the due date ends it). A
    /// case that records the step earlier, counted from dates it records,
    /// gets a warning (`too-soon`): reasonable notice of a meeting.
    #[serde(default)]
    pub earliest: Option<Due>,
    /// Where the window's start comes from, when not from `source`:
    /// `local: why` for a figure no procedure states.
    #[serde(default)]
    pub earliest_source: Option<String>,
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

/// The order to date `steps` in, each after every step it counts from,
/// with the places of those steps in it. A loop of steps is an error.
fn plan(steps: &[StepRule]) -> Result<Vec<Planned>, ProfileError> {
    let mut plan: Vec<Planned> = Vec::with_capacity(steps.len());
    // The steps placed so far: their ids and places in the plan.
    let mut placed: Vec<&str> = Vec::with_capacity(steps.len());
    while plan.len() < steps.len() {
        let before = plan.len();
        for (i, step) in steps.iter().enumerate() {
            if plan.iter().any(|p| p.rule == i) {
                continue;
            }
            let place = |id: &str| match id {
                "start" => Some(Anchored::Start),
                id => placed.iter().position(|p| *p == id).map(Anchored::Step),
            };
            let resolve = |a: &Anchor| {
                Some(CountsFrom {
                    first: place(a.first())?,
                    rest: a.rest().map(place).collect::<Option<_>>()?,
                })
            };
            let Some(due) = resolve(&step.due.anchor) else {
                continue;
            };
            let earliest = match &step.earliest {
                None => None,
                Some(e) => match resolve(&e.anchor) {
                    Some(from) => Some(from),
                    None => continue,
                },
            };
            placed.push(&step.id);
            plan.push(Planned {
                rule: i,
                due,
                earliest,
            });
        }
        if plan.len() == before {
            let stuck: Vec<&str> = steps
                .iter()
                .enumerate()
                .filter(|(i, _)| !plan.iter().any(|p| p.rule == *i))
                .map(|(_, s)| s.id.as_str())
                .collect();
            return Err(rule!(
                "these steps count from each other in a loop: {}",
                stuck.join(", ")
            ));
        }
    }
    Ok(plan)
}
