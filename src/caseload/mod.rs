//! A team's caseload at once: every case's overdue and due-soon steps, and
//! its next step after those, in one report grouped by who is responsible
//! (social worker, team manager, legal adviser, then any other role the
//! profiles name), for a team meeting.
//!
//! [`rows`] turns one checked case (its reference, schedule, profile and
//! the professionals it names) into rows, using the statuses and due-soon
//! window the deadlines stage already gives; [`report`] groups and orders
//! the rows of every case. Both are pure. [`read`] reads and checks case
//! files in parallel and hands each on, or says why it cannot be reported;
//! [`sheet`] lays the report out on one page; [`print`] writes it as a table
//! and as JSON.

pub mod print;
pub mod read;
mod roles;
pub mod sheet;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use serde::Serialize;

use crate::calendar::Calendar;
use crate::case::{Case, Date};
use crate::deadlines::{Schedule, Status, status};
use crate::profile::Profile;

pub use roles::Responsible;

/// Where a step in the report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Not done, and its deadline has passed.
    Overdue,
    /// Not done, and its deadline is within the profile's due-soon window.
    DueSoon,
    /// The case's next step with no date recorded after those: the earliest
    /// deadline still to come beyond the window (every step due that day).
    Next,
}

impl Standing {
    /// The standing in words, as the single-case table says it.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Overdue => Status::Overdue.label(),
            Standing::DueSoon => Status::DueSoon.label(),
            Standing::Next => "next",
        }
    }
}

/// One step of one case in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The case's reference.
    pub reference: String,
    /// The case file it came from.
    pub file: PathBuf,
    /// The timeline the step belongs to (its id).
    pub timeline: String,
    /// The step's id, as `done:` records it.
    pub step: String,
    /// What must happen.
    pub action: String,
    /// The deadline.
    pub due: Date,
    /// For a window, its first day.
    pub earliest: Option<Date>,
    /// Whether the deadline is a limit, not a target.
    pub limit: bool,
    /// Where it stands.
    pub standing: Standing,
    /// Who is responsible, and who that is in this case.
    pub responsible: Responsible,
}

/// What the report reads from one checked case.
#[derive(Debug, Clone, Copy)]
pub struct CaseDeadlines<'a> {
    /// The case file.
    pub file: &'a std::path::Path,
    /// The case (its reference and professionals).
    pub case: &'a Case,
    /// Its dated steps.
    pub schedule: &'a Schedule,
    /// The profile it was checked against: its roles, its due-soon window.
    pub profile: &'a Profile,
}

/// The rows of one case on `today`: every step overdue or due soon, and
/// the next step after those (all the steps due on its day). Steps done,
/// booked, listed or ended are not in the report.
pub fn rows(c: CaseDeadlines, cal: &Calendar, today: Date) -> Vec<Row> {
    let mut found = Vec::new();
    let mut later = Vec::new();
    for t in &c.schedule.timelines {
        for s in &t.steps {
            let standing = match status(s, today, cal, c.profile.due_soon_working_days) {
                Status::Overdue => Standing::Overdue,
                Status::DueSoon => Standing::DueSoon,
                Status::Due => {
                    later.push((t, s));
                    continue;
                }
                _ => continue,
            };
            found.push((t, s, standing));
        }
    }
    if let Some(next) = later.iter().map(|(_, s)| s.due).min() {
        found.extend(
            later
                .into_iter()
                .filter(|(_, s)| s.due == next)
                .map(|(t, s)| (t, s, Standing::Next)),
        );
    }
    found
        .into_iter()
        .map(|(t, s, standing)| Row {
            reference: c.case.reference.clone(),
            file: c.file.to_path_buf(),
            timeline: t.id.clone(),
            step: s.id.clone(),
            action: s.action.clone(),
            due: s.due,
            earliest: s.earliest,
            limit: s.limit,
            standing,
            responsible: Responsible::of(&s.responsible, c.case, c.profile),
        })
        .collect()
}

/// Why a case file is not in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The file could not be read.
    Unreadable(String),
    /// The case has errors (`casepack check` lists them); how many.
    Errors(usize),
    /// Another case file, reported, has the same reference: one reference
    /// names one case, and the calendar's events are told apart by it.
    SameReference(PathBuf),
}

/// A case file the report leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReported {
    /// The case file.
    pub file: PathBuf,
    /// Its reference, when it could be read that far.
    pub reference: Option<String>,
    /// Why it is left out.
    pub why: Why,
}

/// A group of rows: one role's steps.
#[derive(Debug, Clone)]
pub struct Group {
    /// The role, as the (first) profile that names it calls it.
    pub role: String,
    /// The case's post that holds it (`social_worker`, …), if one does.
    pub post: Option<String>,
    /// Overdue first, then due soon, then next; each by date.
    pub rows: Vec<Row>,
}

/// The report across the caseload.
#[derive(Debug, Clone)]
pub struct Report {
    /// The day statuses are judged on.
    pub today: Date,
    /// How many cases are reported.
    pub cases: usize,
    /// By who is responsible: the case's social worker, team manager and
    /// legal adviser first, then other roles, then steps naming none.
    pub groups: Vec<Group>,
    /// Case files left out, in the order given.
    pub not_reported: Vec<NotReported>,
    /// Warnings in the reported cases, all told (`casepack check` on each
    /// file explains its own).
    pub warnings: usize,
}

impl Report {
    /// How many rows stand as `standing`.
    pub fn count(&self, standing: Standing) -> usize {
        self.rows().filter(|r| r.standing == standing).count()
    }

    /// Every row, group by group.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| &g.rows)
    }
}

/// Groups the rows of every reported case by who leads on each step (the
/// role named first in its `responsible`), the groups in order of
/// [`Responsible::rank`], each group's rows overdue first, then due soon,
/// then next, each by date, then by reference.
pub fn report(
    today: Date,
    cases: usize,
    rows: Vec<Row>,
    not_reported: Vec<NotReported>,
    warnings: usize,
) -> Report {
    let mut groups: Vec<(roles::Rank, Group)> = Vec::new();
    for row in rows {
        let rank = row.responsible.rank();
        match groups.iter_mut().find(|(r, _)| r.same_group(&rank)) {
            Some((_, g)) => g.rows.push(row),
            None => groups.push((
                rank,
                Group {
                    role: row.responsible.lead().to_string(),
                    post: row.responsible.post().map(str::to_string),
                    rows: vec![row],
                },
            )),
        }
    }
    groups.sort_by(|(a, _), (b, _)| a.cmp(b));
    let groups = groups
        .into_iter()
        .map(|(_, mut g)| {
            g.rows.sort_by(|a, b| priority(a).cmp(&priority(b)));
            g
        })
        .collect();
    Report {
        today,
        cases,
        groups,
        not_reported,
        warnings,
    }
}

/// The order rows are read in, and kept in when a page cannot hold them all.
fn priority(r: &Row) -> (Standing, Date, &str, &str) {
    (r.standing, r.due, &r.reference, &r.step)
}
