//! Working days for England and Wales: weekends and bank holidays are not
//! working days. The bank holidays are data (`data/bank-holidays-england-
//! and-wales.yaml`), not a rule in code, because the ones that matter most
//! are the ones no rule predicts: days moved or proclaimed for a jubilee, a
//! funeral or a coronation. A date outside the data's years is an error,
//! never a guess.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

/// A bank holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The day off.
    pub date: NaiveDate,
    /// Its name, e.g. "Boxing Day".
    pub name: String,
    /// Whether it replaces a holiday that fell on a weekend.
    pub substitute: bool,
}

/// A date the calendar has no bank-holiday data for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfRange {
    /// The date asked about.
    pub date: NaiveDate,
    /// The first year with data.
    pub first_year: i32,
    /// The last year with data.
    pub last_year: i32,
    /// The part of the UK the data is for.
    pub division: String,
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "there is no bank-holiday data for {} in {}: the {} data covers {} to {}, so working days cannot be counted on {}",
            self.division,
            self.date.year(),
            self.division,
            self.first_year,
            self.last_year,
            self.date.format("%-d %B %Y"),
        )
    }
}

impl std::error::Error for OutOfRange {}

/// A working-day calendar: weekends plus listed bank holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    division: String,
    first_year: i32,
    last_year: i32,
    holidays: BTreeMap<NaiveDate, Holiday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    division: String,
    first_year: i32,
    last_year: i32,
    holidays: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    date: String,
    name: String,
    #[serde(default)]
    substitute: bool,
    #[serde(default)]
    #[allow(dead_code)] // kept in the data for people; not needed to count days
    note: Option<String>,
}

/// One division of GOV.UK's bank-holidays.json.
#[derive(Deserialize)]
struct GovUkDivision {
    events: Vec<GovUkEvent>,
}

#[derive(Deserialize)]
struct GovUkEvent {
    title: String,
    date: NaiveDate,
    #[serde(default)]
    notes: String,
}

static ENGLAND_AND_WALES: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::from_yaml(include_str!(
        "../../data/bank-holidays-england-and-wales.yaml"
    ))
    .expect("the embedded bank-holiday data is valid (checked by a unit test)")
});

impl Calendar {
    /// The embedded England and Wales calendar.
    pub fn england_and_wales() -> &'static Calendar {
        &ENGLAND_AND_WALES
    }

    /// Reads a calendar from YAML, rejecting data that cannot be right: a
    /// holiday on a weekend, the same date twice, a date outside the years.
    pub fn from_yaml(text: &str) -> Result<Calendar, String> {
        let file: CalendarFile = serde_saphyr::from_str(text).map_err(|e| e.to_string())?;
        if file.first_year > file.last_year {
            return Err("first_year is after last_year".into());
        }
        // Stepping day by day near the ends of chrono's range would overflow.
        if file.first_year < 1900 || file.last_year > 2200 {
            return Err("years must lie between 1900 and 2200".into());
        }
        let mut holidays = BTreeMap::new();
        for h in file.holidays {
            let date = NaiveDate::parse_from_str(&h.date, "%Y-%m-%d")
                .map_err(|_| format!("`{}` is not a date (YYYY-MM-DD)", h.date))?;
            if !(file.first_year..=file.last_year).contains(&date.year()) {
                return Err(format!(
                    "{date} is outside {}..={}",
                    file.first_year, file.last_year
                ));
            }
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(format!("{date} ({}) falls on a weekend", h.name));
            }
            let holiday = Holiday {
                date,
                name: h.name,
                substitute: h.substitute,
            };
            if holidays.insert(date, holiday).is_some() {
                return Err(format!("{date} is listed twice"));
            }
        }
        Ok(Calendar {
            division: file.division,
            first_year: file.first_year,
            last_year: file.last_year,
            holidays,
        })
    }

    /// This calendar updated from a file in the format GOV.UK publishes at
    /// <https://www.gov.uk/bank-holidays.json>: for every year the file
    /// covers, its holidays replace this calendar's; other years are kept.
    /// The file's years must join or overlap this calendar's, so that no year
    /// in between is left without data.
    pub fn updated_from_govuk_json(&self, text: &str) -> Result<Calendar, String> {
        let file: BTreeMap<String, GovUkDivision> =
            serde_json::from_str(text).map_err(|e| format!("not GOV.UK bank-holiday JSON: {e}"))?;
        let key = self.division.to_lowercase().replace(' ', "-");
        let division = file.get(&key).ok_or_else(|| {
            let found: Vec<&str> = file.keys().map(String::as_str).collect();
            format!(
                "the file has no `{key}` division (it has: {})",
                found.join(", ")
            )
        })?;
        let years = division.events.iter().map(|e| e.date.year());
        let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
            return Err(format!("the `{key}` division lists no bank holidays"));
        };
        if first > self.last_year + 1 || last < self.first_year - 1 {
            return Err(format!(
                "the file covers {first} to {last}, which leaves a gap next to casepack's own data ({} to {})",
                self.first_year, self.last_year
            ));
        }
        if first < 1900 || last > 2200 {
            return Err("years must lie between 1900 and 2200".into());
        }
        let mut holidays: BTreeMap<NaiveDate, Holiday> = self
            .holidays
            .iter()
            .filter(|(d, _)| !(first..=last).contains(&d.year()))
            .map(|(d, h)| (*d, h.clone()))
            .collect();
        for e in &division.events {
            if matches!(e.date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(format!("{} ({}) falls on a weekend", e.date, e.title));
            }
            let holiday = Holiday {
                date: e.date,
                name: e.title.clone(),
                substitute: e.notes.to_lowercase().contains("substitute"),
            };
            if holidays.insert(e.date, holiday).is_some() {
                return Err(format!("{} is listed twice", e.date));
            }
        }
        Ok(Calendar {
            division: self.division.clone(),
            first_year: first.min(self.first_year),
            last_year: last.max(self.last_year),
            holidays,
        })
    }

    /// The part of the UK the calendar is for.
    pub fn division(&self) -> &str {
        &self.division
    }

    /// The years the calendar has data for.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.first_year..=self.last_year
    }

    fn covered(&self, date: NaiveDate) -> Result<(), OutOfRange> {
        if self.years().contains(&date.year()) {
            Ok(())
        } else {
            Err(self.out_of_range(date))
        }
    }

    /// The error for a date outside the calendar's years.
    pub fn out_of_range(&self, date: NaiveDate) -> OutOfRange {
        OutOfRange {
            date,
            first_year: self.first_year,
            last_year: self.last_year,
            division: self.division.clone(),
        }
    }

    /// The bank holiday on `date`, if there is one.
    pub fn holiday(&self, date: NaiveDate) -> Result<Option<&Holiday>, OutOfRange> {
        self.covered(date)?;
        Ok(self.holidays.get(&date))
    }

    /// Whether `date` is a working day: not a weekend, not a bank holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, OutOfRange> {
        self.covered(date)?;
        Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.holidays.contains_key(&date))
    }

    fn step(&self, from: NaiveDate, n: u32, forward: bool) -> Result<NaiveDate, OutOfRange> {
        self.covered(from)?;
        let delta = if forward {
            Duration::days(1)
        } else {
            Duration::days(-1)
        };
        let mut date = from;
        let mut left = n;
        while left > 0 {
            date += delta;
            if self.is_working_day(date)? {
                left -= 1;
            }
        }
        Ok(date)
    }

    /// The Nth working day after `from`: day 0 is the event itself, so
    /// "within 5 working days of Monday 16 November 2026" is Monday 23 November.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Result<NaiveDate, OutOfRange> {
        self.step(from, n, true)
    }

    /// The Nth working day before `date` ("3 working days before the meeting").
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, OutOfRange> {
        self.step(date, n, false)
    }

    /// `date` if it is a working day, else the last working day before it:
    /// the safe side of a "no later than" deadline.
    pub fn working_day_on_or_before(&self, date: NaiveDate) -> Result<NaiveDate, OutOfRange> {
        let mut d = date;
        while !self.is_working_day(d)? {
            d -= Duration::days(1);
        }
        Ok(d)
    }

    /// The first working day after `date` ("by the end of the next working day").
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, OutOfRange> {
        self.add_working_days(date, 1)
    }

    /// How many working days fall after `from` up to and including `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, OutOfRange> {
        self.covered(from)?;
        let mut count = 0;
        let mut d = from;
        while d < to {
            d += Duration::days(1);
            if self.is_working_day(d)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests;
