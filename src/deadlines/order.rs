//! Steps in the order the procedure takes them. A step `follows` others
//! (the pre-proceedings agreement is made at the first meeting, 004 App. 2
//! weeks 1–2): a profile whose rules could date it earlier is refused at
//! load, and a case whose recorded dates put it earlier is a finding.

use chrono::{Days, NaiveDate};

use super::{DatedTimeline, Schedule, count, short_action};
use crate::calendar::Calendar;
use crate::case::Date;
use crate::diagnostics::Finding;
use crate::profile::{Pick, Profile, TimelineRules, evaluation_order};

/// Dates every timeline from each start in a whole year (every weekday,
/// every bank holiday of it) and refuses a profile in which a step could be
/// due before a step it follows.
pub fn check_profile(profile: &Profile, cal: &Calendar) -> Result<(), String> {
    // A year in the middle of the data, so that timelines running on for
    // years (repeats, 26 weeks from December) stay inside it.
    let years = cal.years();
    let year = years.start() + (years.end() - years.start()) / 2;
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January exists");
    for t in profile
        .timelines
        .iter()
        .filter(|t| t.steps.iter().any(|s| !s.follows.is_empty()))
    {
        for day in 0..365 {
            let start = Date(first + Days::new(day));
            let Some(due) = due_dates(t, cal, start) else {
                continue;
            };
            for step in &t.steps {
                for f in &step.follows {
                    if due[f.as_str()] > due[step.id.as_str()] {
                        return Err(format!(
                            "{}/{}: follows `{f}` but its rule can date it earlier (starting on {}: {} before {})",
                            t.id,
                            step.id,
                            start.medium(),
                            due[step.id.as_str()].medium(),
                            due[f.as_str()].medium()
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Every step's deadline when nothing is recorded, or `None` past the
/// calendar's data.
fn due_dates<'a>(
    t: &'a TimelineRules,
    cal: &Calendar,
    start: Date,
) -> Option<std::collections::HashMap<&'a str, Date>> {
    let mut due = std::collections::HashMap::new();
    for step in evaluation_order(&t.steps)
        .ok()?
        .iter()
        .map(|&i| &t.steps[i])
    {
        let dates = step.due.anchor.of.iter().map(|a| match a.as_str() {
            "start" => start,
            id => due[id],
        });
        let anchor = match step.due.anchor.pick {
            Pick::Last => dates.max(),
            Pick::One | Pick::First => dates.min(),
        }?;
        let (date, _) = count(cal, anchor, step.due.direction, step.due.offset).ok()?;
        due.insert(step.id.as_str(), date);
    }
    Some(due)
}

/// A step the case records as happening before a step it follows, both
/// recorded: the dates cannot both be right.
pub(super) fn order_findings(profile: &Profile, schedule: &Schedule) -> Vec<Finding> {
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
