//! Counting: from an anchor (the start, a step, or the first or last of
//! several) by an offset in one unit to a working day, and a repeating
//! step's later occurrences.

use super::{DatedStep, anchor_phrase, recorded};
use crate::calendar::{Calendar, OutOfRange};
use crate::case::{Case, Date};
use crate::profile::{
    Anchored, CountsFrom, Direction, NotAnEvent, Pick, StepRule, TimelineRules, count, event_name,
};

/// The date a rule counts from and its name: for `first_of`/`last_of`,
/// whichever of its anchors is earliest or latest. `dated` holds the steps
/// dated so far, by their place in the timeline's plan, which puts every
/// anchor before the step that counts from it.
pub(super) fn anchor(
    rules: &TimelineRules,
    dated: &[DatedStep],
    from: &CountsFrom,
    pick: Pick,
    start: Date,
    start_name: &str,
) -> (Date, String) {
    let date_of = |a: Anchored| match a {
        Anchored::Start => (start, start_name.to_string()),
        Anchored::Step(i) => {
            let step = &dated[i];
            // Name it by the event it records where it records one: "the
            // case management hearing" reads better than its action.
            let name = rules.steps[rules.plan()[i].rule]
                .recorded_by
                .as_deref()
                .and_then(event_name)
                .map_or_else(|| anchor_phrase(&step.action), str::to_string);
            (step.anchor_date(), name)
        }
    };
    let first = date_of(from.first);
    let others = from.rest.iter().map(|&a| date_of(a));
    // The earliest (the first of equal ones), or the latest (the last).
    let (date, name) = match pick {
        Pick::One | Pick::First => others.fold(first, |a, b| if b.0 < a.0 { b } else { a }),
        Pick::Last => others.fold(first, |a, b| if b.0 >= a.0 { b } else { a }),
    };
    match pick {
        Pick::One => (date, name),
        Pick::First => (date, format!("{name} (whichever came first)")),
        Pick::Last => (date, format!("{name} (whichever came last)")),
    }
}

pub(super) enum Repeated {
    Range(OutOfRange),
    Profile(NotAnEvent),
}

/// The later occurrences of a repeating step (`id#2`, `id#3`, …), each
/// counting on from the one before: its real date where the case records
/// one (`done.<id>#2`), else its deadline.
pub(super) fn repeats(
    case: &Case,
    cal: &Calendar,
    rule: &StepRule,
    first: &DatedStep,
) -> Result<Vec<DatedStep>, Repeated> {
    let Some(rep) = &rule.repeat else {
        return Ok(Vec::new());
    };
    let mut out: Vec<DatedStep> = Vec::new();
    for n in 2..=rep.times {
        let before = out.last().unwrap_or(first);
        let (due, moved_from) = count(cal, before.anchor_date(), Direction::After, rep.every)
            .map_err(Repeated::Range)?;
        let id = format!("{}#{n}", rule.id);
        let (actual, recorded_at) = recorded(case, rule, &id).map_err(Repeated::Profile)?;
        out.push(DatedStep {
            id,
            when: format!("{} (then every {})", rule.when, rep.every.amount_words()),
            rule: format!(
                "{} after the previous one (number {n} of {})",
                rep.every.amount_words(),
                rep.times
            ),
            due,
            moved_from,
            earliest: None,
            actual,
            recorded_at,
            ..first.clone()
        });
    }
    Ok(out)
}
