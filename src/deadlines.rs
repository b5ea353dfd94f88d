//! Stage 3, deadlines: the profile's timescale rules evaluated against this
//! case's own dates on the England and Wales working-day calendar. Hands on
//! dated steps (what, who, by when, counted how, from which source) and
//! warnings for anything the case records as done late.

use crate::calendar::{Calendar, OutOfRange};
use crate::case::{Case, Date};
use crate::diagnostics::Finding;
use crate::rules::{Direction, Offset, StepRule, evaluation_order, recorded_date};

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
    /// When the case records it actually happened.
    pub actual: Option<Date>,
    /// Whether the LPM minutes list it among the dates agreed.
    pub key_date: bool,
}

impl DatedStep {
    /// Whether the case records it as done after its deadline.
    pub fn is_late(&self) -> bool {
        self.actual.is_some_and(|a| a > self.due)
    }

    /// The date later steps count from: what happened, or else the deadline.
    pub fn anchor_date(&self) -> Date {
        self.actual.unwrap_or(self.due)
    }
}

/// Dates every rule, each counting from the LPM or another step; returns
/// them in the rules' own order.
pub fn evaluate(
    rules: &[StepRule],
    case: &Case,
    cal: &Calendar,
) -> Result<Vec<DatedStep>, Box<Finding>> {
    let lpm = case.lpm.date;
    let order = evaluation_order(rules).map_err(|e| Box::new(Finding::error("profile", "", e)))?;
    let mut out: Vec<DatedStep> = Vec::with_capacity(rules.len());
    for rule in order.iter().map(|&i| &rules[i]) {
        let (anchor_id, dir, offset) = rule.due.resolve().map_err(|e| {
            Box::new(Finding::error(
                "profile",
                "",
                format!("rule `{}`: {e}", rule.id),
            ))
        })?;
        let (anchor, anchor_name) = if anchor_id == "lpm" {
            (lpm, "the LPM".to_string())
        } else {
            let step = out.iter().find(|s| s.id == anchor_id).ok_or_else(|| {
                Box::new(Finding::error(
                    "profile",
                    "",
                    format!("rule `{}` counts from unknown step `{anchor_id}`", rule.id),
                ))
            })?;
            (step.anchor_date(), anchor_phrase(&step.action))
        };
        let (due, moved_from) = count(cal, anchor, dir, offset).map_err(out_of_range)?;
        let actual = match &rule.recorded_by {
            Some(field) => recorded_date(case, field)
                .map_err(|e| Box::new(Finding::error("profile", "", e)))?,
            None => None,
        };
        out.push(DatedStep {
            id: rule.id.clone(),
            when: rule.when.clone(),
            action: rule.action.clone(),
            responsible: rule.responsible.clone(),
            source: rule.source.clone(),
            rule: rule.due.describe(&anchor_name),
            due,
            moved_from,
            actual,
            key_date: rule.key_date,
        });
    }
    out.sort_by_key(|s| rules.iter().position(|r| r.id == s.id));
    Ok(out)
}

/// Warnings for steps the case records as done after their deadline.
pub fn late_findings(steps: &[DatedStep], rules: &[StepRule]) -> Vec<Finding> {
    steps
        .iter()
        .filter(|s| s.is_late())
        .map(|s| {
            let actual = s.actual.unwrap_or(s.due);
            let path = rules
                .iter()
                .find(|r| r.id == s.id)
                .and_then(|r| r.recorded_by.clone())
                .unwrap_or_default();
            Finding::warning(
                "late",
                path,
                format!(
                    "late: {} on {}, but it was due by {} ({})",
                    lower_first(&s.action),
                    actual.medium(),
                    s.due.medium(),
                    s.rule
                ),
            )
            .help("if the date is right, record the reason for the delay in the child's record")
            .source(s.source.clone())
        })
        .collect()
}

fn count(
    cal: &Calendar,
    anchor: Date,
    dir: Direction,
    offset: Offset,
) -> Result<(Date, Option<(Date, String)>), OutOfRange> {
    let a = anchor.naive();
    let nominal = match (offset, dir) {
        (Offset::WorkingDays(n), Direction::After) => {
            return Ok((Date(cal.add_working_days(a, n)?), None));
        }
        (Offset::WorkingDays(n), Direction::Before) => {
            return Ok((Date(cal.sub_working_days(a, n)?), None));
        }
        (Offset::Days(n), _) => chrono::Duration::days(i64::from(n)),
        (Offset::Weeks(n), _) => chrono::Duration::weeks(i64::from(n)),
    };
    let date = match dir {
        Direction::After => a + nominal,
        Direction::Before => a - nominal,
    };
    let due = cal.working_day_on_or_before(date)?;
    if due == date {
        return Ok((Date(due), None));
    }
    let why = match cal.holiday(date)? {
        Some(h) => format!("{}, a bank holiday", h.name),
        None => date.format("a %A").to_string(),
    };
    Ok((Date(due), Some((Date(date), why))))
}

fn out_of_range(err: OutOfRange) -> Box<Finding> {
    let help = format!(
        "casepack has bank-holiday data for {} to {}; check the year, or update casepack",
        err.first_year, err.last_year
    );
    Box::new(Finding::error("calendar-range", "lpm.date", err.to_string()).help(help))
}

/// "Letter before proceedings with the parents (hand delivered)" → "the letter
/// before proceedings with the parents": short enough to name an anchor.
fn anchor_phrase(action: &str) -> String {
    let cut = action.find([';', '(']).unwrap_or(action.len());
    let phrase = action[..cut].trim();
    format!("the {}", lower_first(phrase))
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep acronyms (LPM, SWET) as written.
        Some(_) if chars.clone().next().is_some_and(|n| n.is_uppercase()) => s.to_string(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Every dated step for a case: those after every LPM, and the timeline of
/// the outcome the LPM reached (if it has one).
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Steps that follow every LPM (outcome recorded, minutes authorised).
    pub common: Vec<DatedStep>,
    /// The timeline that follows the LPM's outcome.
    pub outcome: Option<OutcomeTimeline>,
}

/// A dated timeline for one outcome.
#[derive(Debug, Clone)]
pub struct OutcomeTimeline {
    /// The timeline's id, e.g. `pre-proceedings`.
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The procedure it follows.
    pub source: String,
    /// Its steps, dated.
    pub steps: Vec<DatedStep>,
}

/// Dates every step the case's LPM outcome calls for, and warns of any the
/// case records as late.
pub fn schedule(
    case: &Case,
    profile: &crate::rules::Profile,
    cal: &Calendar,
) -> Result<(Schedule, Vec<Finding>), Box<Finding>> {
    let common = evaluate(&profile.after_every_lpm, case, cal)?;
    let mut warnings = late_findings(&common, &profile.after_every_lpm);
    let outcome = match case.lpm.outcome.and_then(|o| profile.timeline_for(o)) {
        Some(rules) => {
            let steps = evaluate(&rules.steps, case, cal)?;
            warnings.extend(late_findings(&steps, &rules.steps));
            Some(OutcomeTimeline {
                id: rules.id.clone(),
                title: rules.title.clone(),
                source: rules.source.clone(),
                steps,
            })
        }
        None => None,
    };
    Ok((Schedule { common, outcome }, warnings))
}
