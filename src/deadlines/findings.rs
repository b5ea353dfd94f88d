//! What the dated schedule says is wrong: extensions not properly agreed
//! (004 §11a(ii)), `done:` entries naming no step, steps done late or
//! overdue on the day, hearings listed after their target, and bank-holiday
//! data about to run out.

use super::{DatedStep, Schedule, plural, short_action, status};
use crate::calendar::Calendar;
use crate::case::{Case, Date, ReviewDecision};
use crate::diagnostics::Finding;
use crate::profile::{Extension, Profile};
use status::Status;

/// The weeks review LPMs validly added to a deadline, and the last such
/// meeting; findings for any extension not properly agreed (004 §11a(ii)).
pub(super) fn extension(
    case: &Case,
    rule: &Extension,
    due: Date,
    findings: &mut Vec<Finding>,
) -> Option<(u32, Date)> {
    let mut total = 0;
    let mut last = None;
    for (i, review) in case.review_lpms.iter().enumerate() {
        if review.decision != Some(ReviewDecision::ExtendPreProceedings) {
            continue;
        }
        let path = format!("review_lpms[{i}]");
        if rule.head_of_service_must_agree && !review.head_of_service_agreed {
            findings.push(
                Finding::error(
                    "extension-not-agreed",
                    format!("{path}.decision"),
                    "pre-proceedings can be extended only with the head of service's agreement at a review LPM, and this review LPM does not record it",
                )
                .help("if the head of service agreed, add `head_of_service_agreed: true`; if not, pre-proceedings end on the original date")
                .source(rule.source.clone()),
            );
            continue;
        }
        let Some(weeks) = review.extension_weeks else {
            findings.push(
                Finding::error(
                    "extension-weeks",
                    format!("{path}.decision"),
                    "the review LPM extended pre-proceedings but the case does not say by how many weeks",
                )
                .help(format!("add `extension_weeks:` (at most {})", rule.max_weeks))
                .source(rule.source.clone()),
            );
            continue;
        };
        if total + weeks > rule.max_weeks {
            findings.push(
                Finding::error(
                    "extension-too-long",
                    format!("{path}.extension_weeks"),
                    format!(
                        "pre-proceedings may be extended by at most {} in all; this would make {}",
                        plural(rule.max_weeks, "week"),
                        plural(total + weeks, "week")
                    ),
                )
                .help("beyond that the local authority must decide to issue or step down")
                .source(rule.source.clone()),
            );
            continue;
        }
        if review.date > due {
            findings.push(
                Finding::warning(
                    "extension-after-deadline",
                    format!("{path}.date"),
                    format!(
                        "the review LPM that extended pre-proceedings was held on {}, after the {} deadline it extends",
                        review.date.medium(),
                        due.medium()
                    ),
                )
                .help("the review LPM must be held before the deadline it extends")
                .source(rule.source.clone()),
            );
        }
        total += weeks;
        last = Some(review.date);
    }
    last.map(|at| (total, at))
}

/// Warnings for `done:` entries that name no step, or a step of a timeline
/// that does not apply to this case.
pub(super) fn done_findings(case: &Case, profile: &Profile, schedule: &Schedule) -> Vec<Finding> {
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

/// Late and overdue warnings for one step, relative to `today`.
pub(super) fn step_findings(s: &DatedStep, today: Date, cal: &Calendar) -> Vec<Finding> {
    let what = short_action(&s.action);
    let finding = match (s.actual, status::status(s, today, cal, 0)) {
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
