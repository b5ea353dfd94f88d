//! What the dated schedule says is wrong: timelines that cannot be dated,
//! extensions not properly agreed (004 §11a(ii)), `done:` entries naming no
//! step, steps recorded out of order, done late or overdue on the day,
//! hearings listed after their target, and bank-holiday data about to run
//! out.

use crate::calendar::Calendar;
use crate::case::{Case, Date};
use crate::deadlines::{
    self, DatedStep, DatedTimeline, Problem, Schedule, ScheduleError, Status, short_action, status,
};
use crate::diagnostics::Finding;
use crate::profile::{Profile, plural};

/// Dates the case's timelines and judges them as at `today`: the schedule
/// when dating could finish, and every finding either way.
pub fn schedule(
    case: &Case,
    profile: &Profile,
    cal: &Calendar,
    today: Date,
) -> (Option<Schedule>, Vec<Finding>) {
    let schedule = match deadlines::schedule(case, profile, cal) {
        Ok(s) => s,
        Err(e) => return (None, vec![not_dated(&e)]),
    };
    let mut findings: Vec<Finding> = schedule.problems.iter().map(extension).collect();
    findings.extend(done_findings(case, profile, &schedule));
    findings.extend(order_findings(profile, &schedule));
    for t in &schedule.timelines {
        for s in &t.steps {
            findings.extend(step_findings(s, today, cal));
            findings.extend(too_soon(profile, &schedule, s));
        }
    }
    (Some(schedule), findings)
}

fn not_dated(e: &ScheduleError) -> Finding {
    match e {
        ScheduleError::OutOfRange { error, path } => {
            let help = format!(
                "give `--holidays FILE` with GOV.UK's bank-holidays.json covering {} (https://www.gov.uk/bank-holidays.json), or update casepack",
                chrono::Datelike::year(&error.date)
            );
            Finding::error("calendar-range", path, error.to_string()).help(help)
        }
        ScheduleError::Profile(why) => Finding::error("profile", "", why.to_string()),
    }
}

/// An extension that does not count as made (004 §11a(ii)), as a finding.
fn extension(p: &Problem) -> Finding {
    match p {
        Problem::NotAgreed { review, source } => Finding::error(
            "extension-not-agreed",
            format!("review_lpms[{review}].decision"),
            "pre-proceedings can be extended only with the head of service's agreement at a review LPM, and this review LPM does not record it",
        )
        .help("if the head of service agreed, add `head_of_service_agreed: true`; if not, pre-proceedings end on the original date")
        .source(source.clone()),
        Problem::NoWeeks { review, max_weeks, source } => Finding::error(
            "extension-weeks",
            format!("review_lpms[{review}].decision"),
            "the review LPM extended pre-proceedings but the case does not say by how many weeks",
        )
        .help(format!("add `extension_weeks:` (at most {max_weeks})"))
        .source(source.clone()),
        Problem::TooLong { review, max_weeks, total, source } => Finding::error(
            "extension-too-long",
            format!("review_lpms[{review}].extension_weeks"),
            format!(
                "pre-proceedings may be extended by at most {} in all; this would make {}",
                plural(*max_weeks, "week"),
                plural(*total, "week")
            ),
        )
        .help("beyond that the local authority must decide to issue or step down")
        .source(source.clone()),
        Problem::AfterDeadline { review, held, due, source } => Finding::warning(
            "extension-after-deadline",
            format!("review_lpms[{review}].date"),
            format!(
                "the review LPM that extended pre-proceedings was held on {}, after the {} deadline it extends",
                held.medium(),
                due.medium()
            ),
        )
        .help("the review LPM must be held before the deadline it extends")
        .source(source.clone()),
    }
}

/// Warnings for `done:` entries that name no step, or a step of a timeline
/// that does not apply to this case.
fn done_findings(case: &Case, profile: &Profile, schedule: &Schedule) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in case.done.keys() {
        let path = format!("done.{id}");
        // `id#2` is the second time a repeating step happens.
        let known = match id.split_once('#') {
            None => profile.step(id).is_some(),
            Some((base, n)) => profile.step(base).is_some_and(|s| {
                s.repeat
                    .as_ref()
                    .is_some_and(|r| n.parse::<u32>().is_ok_and(|n| (2..=r.times).contains(&n)))
            }),
        };
        if !known {
            let ids: Vec<&str> = profile
                .timelines
                .iter()
                .flat_map(|t| t.steps.iter().map(|s| s.id.as_str()))
                .collect();
            let mut f = Finding::error("unknown-step", path, format!("there is no step `{id}`"));
            f = match crate::diagnostics::nearest(id, &ids) {
                Some(near) => f.help(format!("did you mean `{near}`?")),
                None => f.help("`casepack timeline` lists every step with its id"),
            };
            out.push(f);
        } else if schedule.step(id).is_none() {
            let base = id.split_once('#').map_or(id.as_str(), |(b, _)| b);
            let timeline = profile.timeline_of(base).map_or("", |t| t.title.as_str());
            out.push(
                Finding::warning(
                    "step-not-applicable",
                    path,
                    format!(
                        "`{id}` belongs to the {timeline}, which does not apply to this case yet"
                    ),
                )
                .help("it is kept, but shows nowhere until the timeline applies"),
            );
        }
    }
    out
}

/// A step the case records before its window opens (a first meeting held
/// without the notice the profile asks for after the parents received the
/// letter). Judged only on dates the case records: the window counted
/// from a deadline says nothing about the notice the parents had.
fn too_soon(profile: &Profile, schedule: &Schedule, s: &DatedStep) -> Option<Finding> {
    let (actual, earliest) = (s.actual?, s.earliest?);
    let id = s.id.split('#').next().unwrap_or(&s.id);
    let rule = profile.step(id)?;
    let window = rule.earliest.as_ref()?;
    let known = window
        .anchor
        .steps()
        .all(|a| schedule.step(a).is_some_and(|x| x.actual.is_some()));
    if !known || actual >= earliest {
        return None;
    }
    let source = rule
        .earliest_source
        .clone()
        .unwrap_or_else(|| rule.source.clone());
    let local = crate::profile::explain::local_setting(&source).is_some();
    Some(
        Finding::warning(
            "too-soon",
            s.recorded_at.clone().unwrap_or_default(),
            format!(
                "{} on {} is too soon: the profile asks for at least {} after {}, so not before {}{}",
                short_action(&s.action),
                actual.medium(),
                window.offset.amount_words(),
                profile
                    .step(window.anchor.first())
                    .and_then(|a| a.recorded_by.as_deref())
                    .and_then(crate::profile::event_name)
                    .unwrap_or("the start of the timeline"),
                earliest.medium(),
                if local { " (a local setting, not the procedure's)" } else { "" }
            ),
        )
        .help("give the parents the notice the profile asks for: move the date, or record why it could not wait in the child's record")
        .source(source),
    )
}

/// Late and overdue warnings for one step, relative to `today`.
fn step_findings(s: &DatedStep, today: Date, cal: &Calendar) -> Vec<Finding> {
    let what = short_action(&s.action);
    let finding = match (s.actual, status(s, today, cal, 0)) {
        (Some(actual), _) if s.is_late() => Finding::warning(
            "late",
            s.recorded_at.clone().unwrap_or_default(),
            format!(
                "late: {what} on {}, after its deadline of {} ({})",
                actual.medium(),
                s.due.medium(),
                s.rule
            ),
        )
        .help("if the date is right, record the reason for the delay in the child's record"),
        (Some(actual), _) if s.set_by_court && actual > s.due => Finding::warning(
            "listed-after-target",
            s.recorded_at.clone().unwrap_or_default(),
            format!(
                "{what} is listed for {}, after its target of {} ({})",
                actual.medium(),
                s.due.medium(),
                s.rule
            ),
        )
        .help("the court sets its own dates; check the rest of the timetable still meets the child's timescales"),
        (None, Status::Overdue) => Finding::warning(
            "overdue",
            format!("done.{}", s.id),
            format!(
                "overdue: {what} was due by {} ({}), and the case does not record it as done",
                s.due.medium(),
                s.rule
            ),
        )
        .help(format!(
            "when it is done, record it in the case file under `done:` as `{}: YYYY-MM-DD`",
            s.id
        )),
        _ => return Vec::new(),
    };
    vec![finding.source(s.source.clone())]
}

/// A warning when the bank-holiday data runs out within a year of `today`,
/// so deadlines will soon be impossible to count.
pub fn data_running_out(cal: &Calendar, today: Date) -> Option<Finding> {
    let last = *cal.years().end();
    let horizon = today.naive() + chrono::Duration::days(365);
    (chrono::Datelike::year(&horizon) > last).then(|| {
        Finding::warning(
            "calendar-ending",
            "",
            format!(
                "the {} bank-holiday data ends on 31 December {last}, less than a year from {}: deadlines after it cannot be counted",
                cal.division(),
                today.medium()
            ),
        )
        .help("update casepack, or give `--holidays FILE` with GOV.UK's latest bank-holidays.json")
    })
}

/// A step the case records as happening before a step it follows, both
/// recorded: the dates cannot both be right.
fn order_findings(profile: &Profile, schedule: &Schedule) -> Vec<Finding> {
    let mut out = Vec::new();
    for t in &schedule.timelines {
        let Some(rules) = profile.timelines.iter().find(|r| r.id == t.id) else {
            continue;
        };
        for rule in &rules.steps {
            for f in &rule.follows {
                if let Some(f) = out_of_order(t, &rule.id, f) {
                    out.push(f);
                }
            }
        }
    }
    out
}

fn out_of_order(t: &DatedTimeline, id: &str, follows: &str) -> Option<Finding> {
    let step = t.steps.iter().find(|s| s.id == id)?;
    let before = t.steps.iter().find(|s| s.id == follows)?;
    let (Some(on), Some(path)) = (step.actual, step.recorded_at.clone()) else {
        return None;
    };
    let (Some(other), Some(other_path)) = (before.actual, before.recorded_at.as_deref()) else {
        return None;
    };
    (on < other).then(|| {
        Finding::error(
            "step-order",
            path,
            format!(
                "{} is recorded on {}, before {} on {}, which comes first",
                short_action(&step.action),
                on.medium(),
                short_action(&before.action),
                other.medium()
            ),
        )
        .help(format!(
            "check both dates: `{other_path}` says when {} happened",
            short_action(&before.action)
        ))
        .source(step.source.clone())
    })
}
