//! When a step is due: an anchor (the timeline's start or another step), a
//! direction and an offset in one unit, as the rule data writes it, checked
//! and put into words.

use serde::Deserialize;

/// When a step is due, relative to an anchor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Due {
    /// Counts forward from this anchor (`start` or another step's id).
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
    /// "Day N" of proceedings: working days, the anchor being Day 1 (004 App. 3).
    #[serde(default)]
    pub court_day: Option<u32>,
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

impl Due {
    /// The anchor, direction and offset, or why the rule is malformed.
    pub fn resolve(&self) -> Result<(&str, Direction, Offset), String> {
        let (anchor, dir) = match (&self.after, &self.before) {
            (Some(a), None) => (a.as_str(), Direction::After),
            (None, Some(b)) => (b.as_str(), Direction::Before),
            _ => return Err("give exactly one of `after` and `before`".into()),
        };
        let offset = match (self.working_days, self.days, self.weeks, self.court_day) {
            (Some(n), None, None, None) => Offset::WorkingDays(n),
            (None, Some(n), None, None) => Offset::Days(n),
            (None, None, Some(n), None) => Offset::Weeks(n),
            (None, None, None, Some(n)) => Offset::CourtDay(n),
            _ => {
                return Err(
                    "give exactly one of `working_days`, `days`, `weeks` and `court_day`".into(),
                );
            }
        };
        if let Offset::CourtDay(n) = offset {
            if n == 0 {
                return Err("`court_day` counts from Day 1".into());
            }
            if dir == Direction::Before {
                return Err("`court_day` counts forward only".into());
            }
        }
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
            Offset::CourtDay(n) => return format!("Day {n}, {anchor_name} being Day 1"),
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
