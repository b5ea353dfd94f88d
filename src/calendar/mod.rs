//! Working days for England and Wales: weekends and bank holidays are not
//! working days. The bank holidays are data (`data/bank-holidays-england-
//! and-wales.yaml`), not a rule in code, because the ones that matter most
//! are the ones no rule predicts: days moved or proclaimed for a jubilee, a
//! funeral or a coronation. A date outside the data's years is an error,
//! never a guess.

use std::collections::BTreeMap;
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "there is no bank-holiday data for {division} in {}: the {division} data covers {first_year} to {last_year}, so working days cannot be counted on {}",
    date.year(),
    date.format("%-d %B %Y")
)]
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

/// Why bank-holiday data cannot be used: each names the date or year at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The YAML does not have the calendar's shape.
    #[error("{0}")]
    Yaml(String),
    /// The file is not the JSON GOV.UK publishes.
    #[error("not GOV.UK bank-holiday JSON: {0}")]
    NotGovUk(String),
    /// `first_year` comes after `last_year`.
    #[error("first_year is after last_year")]
    YearsReversed,
    /// Years so far off that counting days to them would overflow.
    #[error("years must lie between 1900 and 2200")]
    YearsOutOfBounds,
    /// A holiday's date is not a date.
    #[error("`{0}` is not a date (YYYY-MM-DD)")]
    NotADate(String),
    /// A holiday outside the years the data says it covers.
    #[error("{date} is outside {first_year}..={last_year}")]
    OutsideYears {
        /// The holiday.
        date: NaiveDate,
        /// The first year covered.
        first_year: i32,
        /// The last year covered.
        last_year: i32,
    },
    /// A holiday on a Saturday or Sunday, which no bank holiday is.
    #[error("{date} ({name}) falls on a weekend")]
    Weekend {
        /// The date.
        date: NaiveDate,
        /// The holiday's name.
        name: String,
    },
    /// The same date listed twice.
    #[error("{0} is listed twice")]
    Twice(NaiveDate),
    /// The GOV.UK file has no division of this calendar's name.
    #[error("the file has no `{key}` division (it has: {})", found.join(", "))]
    NoDivision {
        /// The division looked for.
        key: String,
        /// The divisions it has.
        found: Vec<String>,
    },
    /// The division lists nothing.
    #[error("the `{0}` division lists no bank holidays")]
    NoHolidays(String),
    /// The file's years would leave years between them and casepack's own.
    #[error(
        "the file covers {first} to {last}, which leaves a gap next to casepack's own data ({own_first} to {own_last})"
    )]
    Gap {
        /// The file's first year.
        first: i32,
        /// The file's last year.
        last: i32,
        /// casepack's first year.
        own_first: i32,
        /// casepack's last year.
        own_last: i32,
    },
}

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
    pub fn from_yaml(text: &str) -> Result<Calendar, CalendarError> {
        let file: CalendarFile =
            serde_saphyr::from_str(text).map_err(|e| CalendarError::Yaml(e.to_string()))?;
        if file.first_year > file.last_year {
            return Err(CalendarError::YearsReversed);
        }
        // Stepping day by day near the ends of chrono's range would overflow.
        if file.first_year < 1900 || file.last_year > 2200 {
            return Err(CalendarError::YearsOutOfBounds);
        }
        let mut holidays = BTreeMap::new();
        for h in file.holidays {
            let date = NaiveDate::parse_from_str(&h.date, "%Y-%m-%d")
                .map_err(|_| CalendarError::NotADate(h.date.clone()))?;
            if !(file.first_year..=file.last_year).contains(&date.year()) {
                return Err(CalendarError::OutsideYears {
                    date,
                    first_year: file.first_year,
                    last_year: file.last_year,
                });
            }
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::Weekend { date, name: h.name });
            }
            let holiday = Holiday {
                date,
                name: h.name,
                substitute: h.substitute,
            };
            if holidays.insert(date, holiday).is_some() {
                return Err(CalendarError::Twice(date));
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
    pub fn updated_from_govuk_json(&self, text: &str) -> Result<Calendar, CalendarError> {
        let file: BTreeMap<String, GovUkDivision> =
            serde_json::from_str(text).map_err(|e| CalendarError::NotGovUk(e.to_string()))?;
        let key = self.division.to_lowercase().replace(' ', "-");
        let division = file.get(&key).ok_or_else(|| CalendarError::NoDivision {
            key: key.clone(),
            found: file.keys().cloned().collect(),
        })?;
        let years = division.events.iter().map(|e| e.date.year());
        let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
            return Err(CalendarError::NoHolidays(key));
        };
        if first > self.last_year + 1 || last < self.first_year - 1 {
            return Err(CalendarError::Gap {
                first,
                last,
                own_first: self.first_year,
                own_last: self.last_year,
            });
        }
        if first < 1900 || last > 2200 {
            return Err(CalendarError::YearsOutOfBounds);
        }
        let mut holidays: BTreeMap<NaiveDate, Holiday> = self
            .holidays
            .iter()
            .filter(|(d, _)| !(first..=last).contains(&d.year()))
            .map(|(d, h)| (*d, h.clone()))
            .collect();
        for e in &division.events {
            if matches!(e.date.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::Weekend {
                    date: e.date,
                    name: e.title.clone(),
                });
            }
            let holiday = Holiday {
                date: e.date,
                name: e.title.clone(),
                substitute: e.notes.to_lowercase().contains("substitute"),
            };
            if holidays.insert(e.date, holiday).is_some() {
                return Err(CalendarError::Twice(e.date));
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
