//! Where each step stands on a given day: done (on time or late), booked or
//! listed for a future date, due, due soon, overdue, or ended with its
//! timeline.

use serde::Serialize;

use super::DatedStep;
use crate::calendar::Calendar;
use crate::case::Date;

/// Where a step stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The case records it happened on or before its deadline.
    Done,
    /// The case records it happened after its deadline.
    DoneLate,
    /// The case records a future date for it.
    Booked,
    /// The case records a future date for it, after its deadline.
    BookedLate,
    /// The court has listed it for a future date.
    Listed,
    /// Not done, and its deadline is more than the "due soon" window away.
    Due,
    /// Not done, and its deadline is within the "due soon" window.
    DueSoon,
    /// Not done, and its deadline has passed.
    Overdue,
    /// Not done, and no longer needed: its timeline ended first.
    Ended,
}

impl Status {
    /// The status in words, for tables.
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::DoneLate => "done late",
            Status::Booked => "booked",
            Status::BookedLate => "booked late",
            Status::Listed => "listed",
            Status::Due => "due",
            Status::DueSoon => "due soon",
            Status::Overdue => "OVERDUE",
            Status::Ended => "ended",
        }
    }
}

/// Where `step` stands on `today`: "due soon" means within `soon` working
/// days. A `today` outside the bank-holiday data counts a week as soon.
pub fn status(step: &DatedStep, today: Date, cal: &Calendar, soon: u32) -> Status {
    if let Some(actual) = step.actual {
        return match (actual <= today, step.is_late(), step.set_by_court) {
            (true, true, _) => Status::DoneLate,
            (true, false, _) => Status::Done,
            (false, _, true) => Status::Listed,
            (false, true, false) => Status::BookedLate,
            (false, false, false) => Status::Booked,
        };
    }
    if step.ended {
        return Status::Ended;
    }
    if step.due < today {
        return Status::Overdue;
    }
    let within = match cal.working_days_between(today.naive(), step.due.naive()) {
        Ok(n) => n <= soon,
        Err(_) => (step.due.naive() - today.naive()).num_days() <= 7,
    };
    if within { Status::DueSoon } else { Status::Due }
}
