//! The dated schedule the deadline engine hands on: each timeline that
//! applies to the case, with every step's due date, its real date where the
//! case records one, and how it was counted.

use crate::case::Date;

/// A step with its real date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedStep {
    /// The rule's id.
    pub id: String,
    /// The procedure's label for when it happens ("Week 8").
    pub when: String,
    /// What must happen.
    pub action: String,
    /// Who is responsible.
    pub responsible: String,
    /// The procedure reference.
    pub source: String,
    /// How the date is counted, in words.
    pub rule: String,
    /// The date to act by: always a working day.
    pub due: Date,
    /// Where a calendar-day deadline fell on a weekend or bank holiday: that
    /// date, and what it is ("a Saturday", "Christmas Day, a bank holiday").
    /// `due` is then the last working day before it.
    pub moved_from: Option<(Date, String)>,
    /// For a window, its first day: not before this.
    pub earliest: Option<Date>,
    /// The due date is a limit, not a target.
    pub limit: bool,
    /// When the case records it happened (or, in the future, is booked or listed).
    pub actual: Option<Date>,
    /// The case field that recorded `actual`.
    pub recorded_at: Option<String>,
    /// A date the court lists: a listing after the target is not "late".
    pub set_by_court: bool,
    /// Whether the LPM minutes list it among the dates agreed.
    pub key_date: bool,
    /// Not done, and due after its timeline ended (pre-proceedings ended by
    /// issuing, say): no longer needed.
    pub ended: bool,
}

impl DatedStep {
    /// Whether the case records it after its deadline (never for a court listing).
    pub fn is_late(&self) -> bool {
        !self.set_by_court && self.actual.is_some_and(|a| a > self.due)
    }

    /// The date later steps count from: what happened, or else the deadline.
    pub fn anchor_date(&self) -> Date {
        self.actual.unwrap_or(self.due)
    }
}

/// A timeline that applies to the case, dated.
#[derive(Debug, Clone)]
pub struct DatedTimeline {
    /// The timeline's id, e.g. `pre-proceedings`.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The procedure it follows.
    pub source: String,
    /// The anchor that started it: a case event or another timeline's step.
    pub started_by: String,
    /// The start, in words ("the LPM", "the planned issue of care proceedings").
    pub start_name: String,
    /// The start date.
    pub start: Date,
    /// When and why it ended early, if it did.
    pub ended: Option<(Date, String)>,
    /// Its steps, dated, in the profile's order.
    pub steps: Vec<DatedStep>,
}

impl DatedTimeline {
    /// Whether the LPM itself started it (so its key dates belong in the minutes).
    pub fn follows_the_lpm(&self) -> bool {
        self.started_by.starts_with("lpm.")
    }
}

/// Every timeline that applies to the case.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// In the profile's order.
    pub timelines: Vec<DatedTimeline>,
    /// Extensions review LPMs made that could not be counted, and why.
    pub problems: Vec<super::Problem>,
}

impl Schedule {
    /// The timeline with `id`, if it applies.
    pub fn timeline(&self, id: &str) -> Option<&DatedTimeline> {
        self.timelines.iter().find(|t| t.id == id)
    }

    /// The step with `id`, if its timeline applies.
    pub fn step(&self, id: &str) -> Option<&DatedStep> {
        self.timelines
            .iter()
            .flat_map(|t| &t.steps)
            .find(|s| s.id == id)
    }

    /// The latest date anywhere in the schedule.
    pub fn last_date(&self) -> Option<Date> {
        self.timelines
            .iter()
            .flat_map(|t| &t.steps)
            .map(|s| s.due.max(s.anchor_date()))
            .max()
    }
}
