//! Stage 4, deadlines: the profile's timelines evaluated against this case's
//! own events on the working-day calendar. A timeline applies when the case
//! supplies what starts it (the LPM's decision, the issue of proceedings, a
//! placement); each of its steps is dated from the start or from another
//! step, using the real date wherever the case records one. Hands on the
//! dated [`Schedule`], with the extensions review LPMs made that could not
//! count ([`Problem`]); what is late or overdue is judged from it by
//! `check`.

mod count;
mod export;
mod extension;
mod schedule;
mod status;

use std::collections::BTreeMap;

pub use export::{ics, ics_many, json, table};
pub use extension::Problem;
pub use schedule::{DatedStep, DatedTimeline, Schedule};
pub use status::{Status, status};

use count::{Repeated, anchor, repeats};
use extension::extension;

use crate::calendar::{Calendar, OutOfRange};
use crate::case::{Case, Date};
use crate::profile::{
    NotAnEvent, Profile, StepRule, TimelineRules, count, event_date, event_name, event_path, settle,
};

/// Why the case's timelines could not be dated.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ScheduleError {
    /// A date fell outside the bank-holiday data; `path` is the event in
    /// the case the timeline counts from.
    #[error("{error}")]
    OutOfRange {
        /// The date and the data's years.
        error: OutOfRange,
        /// The case field the timeline starts from.
        path: String,
    },
    /// The profile names an event the case format does not have.
    #[error(transparent)]
    Profile(#[from] NotAnEvent),
}

/// Dates every timeline the case's events call for. The schedule comes back
/// only when dating could finish.
pub fn schedule(case: &Case, profile: &Profile, cal: &Calendar) -> Result<Schedule, ScheduleError> {
    let mut problems = Vec::new();
    let order = profile.timeline_order().iter().copied();
    let mut dated: BTreeMap<usize, Option<DatedTimeline>> = BTreeMap::new();
    for i in order {
        let rules = &profile.timelines[i];
        let Some((start, started_by, start_name)) = find_start(rules, case, profile, &dated) else {
            dated.insert(i, None);
            continue;
        };
        match date_timeline(
            rules,
            case,
            cal,
            (start, &started_by, &start_name),
            &mut problems,
        ) {
            Ok(steps) => {
                let ended = rules
                    .ends
                    .iter()
                    .filter_map(|e| {
                        event_date(case, e)
                            .ok()
                            .flatten()
                            .map(|d| (d, event_name(e).unwrap_or(e).to_string()))
                    })
                    .min();
                let steps = steps
                    .into_iter()
                    .map(|mut s| {
                        s.ended = s.actual.is_none()
                            && ended.as_ref().is_some_and(|(end, _)| s.due > *end);
                        s
                    })
                    .collect();
                dated.insert(
                    i,
                    Some(DatedTimeline {
                        id: rules.id.clone(),
                        title: rules.title.clone(),
                        source: rules.source.clone(),
                        started_by,
                        start_name,
                        start,
                        ended,
                        steps,
                    }),
                );
            }
            Err(e) => return Err(e),
        }
    }
    let timelines: Vec<DatedTimeline> = dated.into_values().flatten().collect();
    Ok(Schedule {
        timelines,
        problems,
    })
}

/// The first of a timeline's starts the case supplies: its date, the
/// anchor's id, and the anchor in words.
fn find_start(
    rules: &TimelineRules,
    case: &Case,
    profile: &Profile,
    dated: &BTreeMap<usize, Option<DatedTimeline>>,
) -> Option<(Date, String, String)> {
    for anchor in &rules.starts {
        if let Some(name) = event_name(anchor) {
            if let Ok(Some(date)) = event_date(case, anchor) {
                return Some((date, anchor.clone(), name.to_string()));
            }
            continue;
        }
        let owner = profile
            .timelines
            .iter()
            .position(|t| t.steps.iter().any(|s| &s.id == anchor));
        let step = owner
            .and_then(|j| dated.get(&j))
            .and_then(Option::as_ref)
            .and_then(|t| t.steps.iter().find(|s| &s.id == anchor));
        if let Some(step) = step {
            // Name it by the event it records ("the issue of proceedings")
            // where it records one: clearer than its action.
            let name = profile
                .step(anchor)
                .and_then(|r| r.recorded_by.as_deref())
                .and_then(event_name)
                .map_or_else(|| anchor_phrase(&step.action), str::to_string);
            let name = if step.actual.is_some() {
                name
            } else {
                format!("{name} (planned)")
            };
            return Some((step.anchor_date(), anchor.clone(), name));
        }
    }
    None
}

/// Dates one timeline's steps, each counting from the start (its date, what
/// started it and its name in words) or other steps.
fn date_timeline(
    rules: &TimelineRules,
    case: &Case,
    cal: &Calendar,
    (start, started_by, start_name): (Date, &str, &str),
    problems: &mut Vec<Problem>,
) -> Result<Vec<DatedStep>, ScheduleError> {
    let profile_error = ScheduleError::Profile;
    // Each step's first occurrence, by its place in the plan; and every
    // occurrence, repeats included.
    let mut dated: Vec<DatedStep> = Vec::with_capacity(rules.steps.len());
    let mut out: Vec<DatedStep> = Vec::with_capacity(rules.steps.len());
    for planned in rules.plan() {
        let rule = &rules.steps[planned.rule];
        let range = |e| out_of_range(e, event_path(started_by));
        let pick = rule.due.anchor.pick;
        let (from, anchor_name) = anchor(rules, &dated, &planned.due, pick, start, start_name);
        let (mut due, mut moved_from) =
            count(cal, from, rule.due.direction, rule.due.offset).map_err(range)?;
        let mut rule_words = match &rule.counted {
            Some(words) => words.replace("{anchor}", &anchor_name),
            None => rule.due.describe(&anchor_name),
        };
        if let Some(ext) = &rule.extension
            && let Some((weeks, at)) = extension(case, ext, due, problems)
        {
            let nominal = moved_from.as_ref().map_or(due, |(d, _)| *d).naive()
                + chrono::Duration::weeks(i64::from(weeks));
            (due, moved_from) = settle(cal, nominal).map_err(range)?;
            rule_words = format!(
                "{rule_words}, extended by {} at the review LPM on {}",
                plural(weeks, "week"),
                at.medium()
            );
        }
        let earliest = match (&rule.earliest, &planned.earliest) {
            (Some(e), Some(from)) => {
                let (on, name) = anchor(rules, &dated, from, e.anchor.pick, start, start_name);
                let (date, _) = count(cal, on, e.direction, e.offset).map_err(range)?;
                rule_words = format!("{rule_words}; not before {}", e.describe(&name));
                Some(date)
            }
            _ => None,
        };
        if rule.limit {
            rule_words = format!("{rule_words} (a limit, not a target: earlier if things change)");
        }
        let (actual, recorded_at) = recorded(case, rule, &rule.id).map_err(profile_error)?;
        let first = DatedStep {
            id: rule.id.clone(),
            when: rule.when.clone(),
            action: rule.action.clone(),
            responsible: rule.responsible.clone(),
            source: rule.source.clone(),
            rule: rule_words,
            due,
            moved_from,
            earliest,
            limit: rule.limit,
            actual,
            recorded_at,
            set_by_court: rule.set_by_court,
            key_date: rule.key_date,
            ended: false,
        };
        let again = repeats(case, cal, rule, &first).map_err(|e| match e {
            Repeated::Range(e) => range(e),
            Repeated::Profile(e) => profile_error(e),
        })?;
        dated.push(first.clone());
        out.push(first);
        out.extend(again);
    }
    out.sort_by_key(|s| {
        let base = s.id.split_once('#').map_or(s.id.as_str(), |(b, _)| b);
        (rules.steps.iter().position(|r| r.id == base), s.due)
    });
    Ok(out)
}

/// When the case records a step (`id`, or an occurrence of a repeating
/// one): its own event field first (first occurrence only), else `done.<id>`.
fn recorded(
    case: &Case,
    rule: &StepRule,
    id: &str,
) -> Result<(Option<Date>, Option<String>), NotAnEvent> {
    if id == rule.id
        && let Some(field) = &rule.recorded_by
        && let Some(date) = event_date(case, field)?
    {
        return Ok((Some(date), Some(event_path(field).to_string())));
    }
    Ok(match case.done.get(id) {
        Some(date) => (Some(*date), Some(format!("done.{id}"))),
        None => (None, None),
    })
}

/// The first clause of an action, for messages: "Final pre-proceedings
/// meeting, if required; family told ..." → "final pre-proceedings meeting, if required".
pub fn short_action(action: &str) -> String {
    let cut = action.find([';', '(']).unwrap_or(action.len());
    lower_first(action[..cut].trim())
}

fn out_of_range(error: OutOfRange, path: &str) -> ScheduleError {
    ScheduleError::OutOfRange {
        error,
        path: path.to_string(),
    }
}

use crate::profile::plural;

/// "Letter before proceedings with the parents (hand delivered)" → "the letter
/// before proceedings with the parents": short enough to name an anchor.
fn anchor_phrase(action: &str) -> String {
    format!("the {}", short_action(action))
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

#[cfg(test)]
mod tests;
