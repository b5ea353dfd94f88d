//! Stage 2, the rules: what an authority requires, as data. A profile names
//! its protective markings and the timescales that follow each LPM outcome,
//! every rule with the procedure it comes from. The default profile is
//! embedded; the calendar stage evaluates its rules against a case.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::case::{Case, Date, LpmOutcome};

/// An authority profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Short id, e.g. `default`.
    pub profile: String,
    /// Human name of the profile.
    pub name: String,
    /// Printed in every page header, e.g. OFFICIAL-SENSITIVE.
    pub protective_marking: String,
    /// Printed on every page of a legally privileged document.
    pub privileged_marking: String,
    /// Steps that follow every LPM.
    pub after_every_lpm: Vec<StepRule>,
    /// Timelines, each for one LPM outcome.
    pub timelines: Vec<TimelineRules>,
}

/// The timescales that follow one LPM outcome.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineRules {
    /// Short id, e.g. `pre-proceedings`.
    pub id: String,
    /// The outcome this timeline follows.
    pub outcome: LpmOutcome,
    /// Heading for the timeline sheet.
    pub title: String,
    /// The procedure as a whole.
    pub source: String,
    /// The steps, in order; a step may count from an earlier one.
    pub steps: Vec<StepRule>,
}

/// One deadline rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    /// Short id, unique within its timeline.
    pub id: String,
    /// The procedure's own label for when it happens ("Week 8").
    pub when: String,
    /// What must happen.
    pub action: String,
    /// Who is responsible.
    pub responsible: String,
    /// When it is due.
    pub due: Due,
    /// The case field that records when it actually happened.
    #[serde(default)]
    pub recorded_by: Option<String>,
    /// Whether the LPM minutes list it among the dates agreed.
    #[serde(default)]
    pub key_date: bool,
    /// The procedure reference, e.g. `004 §9b(ii)`.
    pub source: String,
}

/// When a step is due, relative to an anchor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// Counts forward from this anchor (`lpm` or an earlier step's id).
    #[serde(default)]
    pub after: Option<String>,
    /// Counts back from this anchor.
    #[serde(default)]
    pub before: Option<String>,
    /// Working days (England and Wales).
    #[serde(default)]
    pub working_days: Option<u32>,
    /// Calendar days.
    #[serde(default)]
    pub days: Option<u32>,
    /// Weeks of seven calendar days.
    #[serde(default)]
    pub weeks: Option<u32>,
}

/// A rule's offset in one unit, checked at load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// The Nth working day.
    WorkingDays(u32),
    /// N calendar days.
    Days(u32),
    /// N weeks of seven days.
    Weeks(u32),
}

/// Which way an offset counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// After the anchor.
    After,
    /// Before the anchor.
    Before,
}

impl Due {
    /// The anchor, direction and offset, or why the rule is malformed.
    pub fn resolve(&self) -> Result<(&str, Direction, Offset), String> {
        let (anchor, dir) = match (&self.after, &self.before) {
            (Some(a), None) => (a.as_str(), Direction::After),
            (None, Some(b)) => (b.as_str(), Direction::Before),
            _ => return Err("give exactly one of `after` and `before`".into()),
        };
        let offset = match (self.working_days, self.days, self.weeks) {
            (Some(n), None, None) => Offset::WorkingDays(n),
            (None, Some(n), None) => Offset::Days(n),
            (None, None, Some(n)) => Offset::Weeks(n),
            _ => return Err("give exactly one of `working_days`, `days` and `weeks`".into()),
        };
        Ok((anchor, dir, offset))
    }

    /// The rule in words: "5 working days after the LPM".
    pub fn describe(&self, anchor_name: &str) -> String {
        let Ok((_, dir, offset)) = self.resolve() else {
            return String::new();
        };
        let amount = match offset {
            Offset::WorkingDays(n) => plural(n, "working day"),
            Offset::Days(n) => plural(n, "day"),
            Offset::Weeks(n) => plural(n, "week"),
        };
        let dir = match dir {
            Direction::After => "after",
            Direction::Before => "before",
        };
        format!("{amount} {dir} {anchor_name}")
    }
}

fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// The case fields a rule may name in `recorded_by`.
pub const EVENT_FIELDS: &[&str] = &[
    "letter_before_proceedings.date",
    "letter_before_proceedings.delivered",
    "pre_proceedings_meeting.date",
    "review_date",
];

/// Reads an event date the case records, by its field name.
pub fn recorded_date(case: &Case, field: &str) -> Result<Option<Date>, String> {
    Ok(match field {
        "letter_before_proceedings.date" => case.letter_before_proceedings.as_ref().map(|l| l.date),
        "letter_before_proceedings.delivered" => case
            .letter_before_proceedings
            .as_ref()
            .and_then(|l| l.delivered),
        "pre_proceedings_meeting.date" => case.pre_proceedings_meeting.as_ref().map(|m| m.date),
        "review_date" => case.review_date,
        other => {
            return Err(format!(
                "`{other}` is not a case field that records an event"
            ));
        }
    })
}

impl Profile {
    /// Parses and checks a profile: every rule well formed, every anchor an
    /// earlier step or `lpm`, every `recorded_by` a known case field.
    pub fn from_yaml(text: &str) -> Result<Profile, String> {
        let profile: Profile = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
        profile.check()?;
        Ok(profile)
    }

    fn check(&self) -> Result<(), String> {
        let mut lists: Vec<(&str, &[StepRule])> = vec![("after_every_lpm", &self.after_every_lpm)];
        lists.extend(
            self.timelines
                .iter()
                .map(|t| (t.id.as_str(), t.steps.as_slice())),
        );
        for (list, steps) in lists {
            let ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
            for (i, step) in steps.iter().enumerate() {
                let (anchor, _, _) = step
                    .due
                    .resolve()
                    .map_err(|e| format!("{list}/{}: {e}", step.id))?;
                if anchor != "lpm" && !ids.contains(&anchor) {
                    return Err(format!(
                        "{list}/{}: counts from `{anchor}`, which is neither `lpm` nor a step of this timeline",
                        step.id
                    ));
                }
                if let Some(field) = &step.recorded_by
                    && !EVENT_FIELDS.contains(&field.as_str())
                {
                    return Err(format!(
                        "{list}/{}: `{field}` is not a case field that records an event",
                        step.id
                    ));
                }
                if ids[..i].contains(&step.id.as_str()) {
                    return Err(format!("{list}: step id `{}` is used twice", step.id));
                }
            }
            evaluation_order(steps).map_err(|e| format!("{list}: {e}"))?;
        }
        Ok(())
    }

    /// The timeline that follows `outcome`, if the profile has one.
    pub fn timeline_for(&self, outcome: LpmOutcome) -> Option<&TimelineRules> {
        self.timelines.iter().find(|t| t.outcome == outcome)
    }
}

/// The order to date `steps` in: each after the step it counts from. A step
/// may count back from a later one ("2 working days before the meeting"),
/// so list order is not enough; a loop of steps is an error.
pub fn evaluation_order(steps: &[StepRule]) -> Result<Vec<usize>, String> {
    let mut order: Vec<usize> = Vec::with_capacity(steps.len());
    let mut done: Vec<&str> = vec!["lpm"];
    while order.len() < steps.len() {
        let before = order.len();
        for (i, step) in steps.iter().enumerate() {
            if order.contains(&i) {
                continue;
            }
            let (anchor, _, _) = step.due.resolve()?;
            if done.contains(&anchor) {
                order.push(i);
                done.push(&step.id);
            }
        }
        if order.len() == before {
            let stuck: Vec<&str> = steps
                .iter()
                .enumerate()
                .filter(|(i, _)| !order.contains(i))
                .map(|(_, s)| s.id.as_str())
                .collect();
            return Err(format!(
                "these steps count from each other in a loop: {}",
                stuck.join(", ")
            ));
        }
    }
    Ok(order)
}

static DEFAULT: LazyLock<Profile> = LazyLock::new(|| {
    Profile::from_yaml(include_str!("../data/profiles/default.yaml"))
        .expect("the embedded default profile is valid (checked by a unit test)")
});

/// The embedded default profile.
pub fn default_profile() -> &'static Profile {
    &DEFAULT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_profile_loads_and_cites_a_source_for_every_rule() {
        let p = Profile::from_yaml(include_str!("../data/profiles/default.yaml")).unwrap();
        let pre = p.timeline_for(LpmOutcome::InitiatePreProceedings).unwrap();
        assert!(pre.steps.len() >= 15);
        for step in p
            .timelines
            .iter()
            .flat_map(|t| &t.steps)
            .chain(&p.after_every_lpm)
        {
            assert!(
                step.source.starts_with("004") || step.source.starts_with("001"),
                "{}",
                step.id
            );
        }
        let lbp = pre
            .steps
            .iter()
            .find(|s| s.id == "letter-before-proceedings")
            .unwrap();
        assert_eq!(lbp.due.resolve().unwrap().2, Offset::WorkingDays(5));
        assert_eq!(lbp.source, "004 §9b(ii); App. 2");
    }

    #[test]
    fn rules_counting_from_each_other_in_a_loop_are_rejected() {
        let text = include_str!("../data/profiles/default.yaml").replace(
            "due: { after: letter-before-proceedings, working_days: 10 }",
            "due: { after: agreement-to-legal, working_days: 10 }",
        );
        let err = Profile::from_yaml(&text).unwrap_err();
        assert!(
            err.contains(
                "in a loop: agreement-to-legal, assessment-plan-to-legal, initial-meeting"
            ),
            "{err}"
        );
    }

    #[test]
    fn a_rule_counting_from_an_unknown_step_is_rejected() {
        let text = include_str!("../data/profiles/default.yaml").replace(
            "due: { after: letter-before-proceedings, working_days: 10 }",
            "due: { after: letter-sent, working_days: 10 }",
        );
        let err = Profile::from_yaml(&text).unwrap_err();
        assert!(
            err.contains("initial-meeting: counts from `letter-sent`"),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_recorded_by_field_is_rejected() {
        let text = include_str!("../data/profiles/default.yaml").replace(
            "recorded_by: pre_proceedings_meeting.date",
            "recorded_by: pre_proceedings_meeting.when",
        );
        let err = Profile::from_yaml(&text).unwrap_err();
        assert!(
            err.contains("`pre_proceedings_meeting.when` is not a case field"),
            "{err}"
        );
    }
}
