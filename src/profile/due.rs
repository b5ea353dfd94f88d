//! When a step is due: an anchor (the timeline's start, another step, or
//! whichever of several comes first or last), a direction and an offset in
//! one unit. The rule data's loose fields are checked once, at load
//! (`#[serde(try_from)]`), into these typed values, so nothing downstream
//! re-checks them.

use super::error::{ProfileError, exactly_one, rule};
use serde::Deserialize;

/// When a step is due, relative to an anchor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "RawDue")]
pub struct Due {
    /// What it counts from.
    pub anchor: Anchor,
    /// Which way.
    pub direction: Direction,
    /// How far.
    pub offset: Offset,
}

/// What a rule counts from: `start`, a step, or the first or last of
/// several (`start` or step ids of the same timeline): never none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// One of them, or the earliest, or the latest.
    pub pick: Pick,
    /// The first it names.
    first: String,
    /// The others, for `first_of` and `last_of`.
    rest: Vec<String>,
}

/// Which of an anchor's dates counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The only one.
    One,
    /// Whichever comes first.
    First,
    /// Whichever comes last.
    Last,
}

/// A rule's offset in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// The Nth working day.
    WorkingDays(u32),
    /// N calendar days.
    Days(u32),
    /// N weeks of seven days ("8 weeks after the LPM": the same weekday).
    Weeks(u32),
    /// By the end of week N, the anchor being day 1 of week 1 (004 App. 3
    /// "Week 1 – Day 1"): the anchor + 7N − 1 days.
    Week(u32),
    /// N calendar months (001's three-month review; 002's six-monthly
    /// reviews): the same day of the month, or the month's last day.
    Months(u32),
    /// Day N, the anchor being Day 1, counting working days.
    CourtDay(u32),
}

/// Which way an offset counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// After the anchor.
    After,
    /// Before the anchor.
    Before,
}

/// An anchor as the rule data writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawAnchor {
    One(String),
    First { first_of: Vec<String> },
    Last { last_of: Vec<String> },
}

/// `due:` as the rule data writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDue {
    after: Option<RawAnchor>,
    before: Option<RawAnchor>,
    working_days: Option<u32>,
    days: Option<u32>,
    weeks: Option<u32>,
    week: Option<u32>,
    months: Option<u32>,
    court_day: Option<u32>,
}

/// An offset with no anchor, as `repeat.every` writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffset {
    working_days: Option<u32>,
    days: Option<u32>,
    weeks: Option<u32>,
    months: Option<u32>,
}

impl TryFrom<RawOffset> for Offset {
    type Error = ProfileError;

    fn try_from(r: RawOffset) -> Result<Offset, ProfileError> {
        let unit = exactly_one([
            ("working_days", r.working_days.map(Offset::WorkingDays)),
            ("days", r.days.map(Offset::Days)),
            ("weeks", r.weeks.map(Offset::Weeks)),
            ("months", r.months.map(Offset::Months)),
        ]);
        match unit {
            Ok(one) if one.amount() > 0 => Ok(one),
            Ok(_) => Err(rule!("a repeat must move on by more than 0")),
            Err(e) => Err(rule!("give {e}")),
        }
    }
}

impl TryFrom<RawDue> for Due {
    type Error = ProfileError;

    fn try_from(r: RawDue) -> Result<Due, ProfileError> {
        let (raw, direction) = exactly_one([
            ("after", r.after.map(|a| (a, Direction::After))),
            ("before", r.before.map(|b| (b, Direction::Before))),
        ])
        .map_err(|e| rule!("give {e}"))?;
        let (pick, of) = match raw {
            RawAnchor::One(id) => (Pick::One, vec![id]),
            RawAnchor::First { first_of } => (Pick::First, first_of),
            RawAnchor::Last { last_of } => (Pick::Last, last_of),
        };
        let mut of = of.into_iter();
        let anchor = match (pick, of.next(), of.len()) {
            (Pick::One, Some(first), _) => Anchor {
                pick,
                first,
                rest: Vec::new(),
            },
            (_, Some(first), 1..) => Anchor {
                pick,
                first,
                rest: of.collect(),
            },
            _ => return Err(rule!("`first_of` and `last_of` name at least two anchors")),
        };
        let offset = exactly_one([
            ("working_days", r.working_days.map(Offset::WorkingDays)),
            ("days", r.days.map(Offset::Days)),
            ("weeks", r.weeks.map(Offset::Weeks)),
            ("week", r.week.map(Offset::Week)),
            ("months", r.months.map(Offset::Months)),
            ("court_day", r.court_day.map(Offset::CourtDay)),
        ])
        .map_err(|e| rule!("give {e}"))?;
        match offset {
            Offset::CourtDay(0) => return Err(rule!("`court_day` counts from Day 1")),
            Offset::Week(0) => return Err(rule!("`week` counts from week 1")),
            Offset::CourtDay(_) | Offset::Week(_) if direction == Direction::Before => {
                return Err(rule!("`court_day` and `week` count forward only"));
            }
            _ => {}
        }
        Ok(Due {
            anchor,
            direction,
            offset,
        })
    }
}

impl Offset {
    fn amount(self) -> u32 {
        match self {
            Offset::WorkingDays(n)
            | Offset::Days(n)
            | Offset::Weeks(n)
            | Offset::Week(n)
            | Offset::Months(n)
            | Offset::CourtDay(n) => n,
        }
    }

    /// The length of time in words, as a letter says it: "8 weeks", "26
    /// weeks" (the end of week 26 is 26 weeks beginning with the start),
    /// "10 working days".
    pub fn length_words(self) -> String {
        match self {
            Offset::Week(n) => plural(n, "week"),
            Offset::CourtDay(n) => plural(n, "working day"),
            other => other.amount_words(),
        }
    }

    /// The offset in words: "5 working days", "3 months", "week 15", "Day 18".
    pub fn amount_words(self) -> String {
        match self {
            Offset::WorkingDays(n) => plural(n, "working day"),
            Offset::Days(n) => plural(n, "day"),
            Offset::Weeks(n) => plural(n, "week"),
            Offset::Months(n) => plural(n, "month"),
            Offset::Week(n) => format!("week {n}"),
            Offset::CourtDay(n) => format!("Day {n}"),
        }
    }
}

impl Anchor {
    /// Every id it names: `start` or steps of the timeline.
    pub fn of(&self) -> impl Iterator<Item = &str> + Clone {
        std::iter::once(self.first.as_str()).chain(self.rest.iter().map(String::as_str))
    }

    /// The first id it names.
    pub fn first(&self) -> &str {
        &self.first
    }

    /// The ids it names after the first.
    pub fn rest(&self) -> impl Iterator<Item = &str> {
        self.rest.iter().map(String::as_str)
    }

    /// The ids it names that are steps (not `start`).
    pub fn steps(&self) -> impl Iterator<Item = &str> {
        self.of().filter(|a| *a != "start")
    }
}

impl Due {
    /// The rule in words: "5 working days after the LPM"; `anchor_name`
    /// names the anchor (for first_of/last_of, the one that counted).
    pub fn describe(&self, anchor_name: &str) -> String {
        match self.offset {
            Offset::CourtDay(n) => return format!("Day {n}, {anchor_name} being Day 1"),
            Offset::Week(n) => {
                return format!("end of week {n}: day {}, {anchor_name} being day 1", 7 * n);
            }
            _ => {}
        }
        let dir = match self.direction {
            Direction::After => "after",
            Direction::Before => "before",
        };
        format!("{} {dir} {anchor_name}", self.offset.amount_words())
    }
}

pub(crate) fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(yaml: &str) -> Result<Due, String> {
        serde_saphyr::from_str::<Due>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn rules_become_typed_values_at_load() {
        let d = due("{ after: start, week: 15 }").unwrap();
        assert_eq!(d.offset, Offset::Week(15));
        assert_eq!(d.anchor.of().collect::<Vec<_>>(), ["start"]);
        let d = due("{ after: { first_of: [a, b] }, months: 3 }").unwrap();
        assert_eq!(d.anchor.pick, Pick::First);
        assert_eq!(d.offset, Offset::Months(3));
    }

    #[test]
    fn malformed_rules_are_refused_with_the_reason() {
        for (yaml, why) in [
            ("{ after: start, days: 1, weeks: 2 }", "exactly one of"),
            ("{ after: start }", "exactly one of"),
            ("{ after: a, before: b, days: 1 }", "`after` and `before`"),
            ("{ before: x, week: 2 }", "forward only"),
            ("{ after: start, court_day: 0 }", "Day 1"),
            ("{ after: { last_of: [a] }, days: 1 }", "at least two"),
        ] {
            let err = due(yaml).unwrap_err();
            assert!(err.contains(why), "{yaml}: {err}");
        }
    }
}
