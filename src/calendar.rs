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
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is outside the bank-holiday data for England and Wales ({} to {}), so working days cannot be counted there",
            self.date.format("%-d %B %Y"),
            self.first_year,
            self.last_year
        )
    }
}

impl std::error::Error for OutOfRange {}

/// A working-day calendar: weekends plus listed bank holidays.
#[derive(Debug, Clone)]
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

static ENGLAND_AND_WALES: LazyLock<Calendar> = LazyLock::new(|| {
    Calendar::from_yaml(include_str!("../data/bank-holidays-england-and-wales.yaml"))
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
            Err(OutOfRange {
                date,
                first_year: self.first_year,
                last_year: self.last_year,
            })
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
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cal() -> &'static Calendar {
        Calendar::england_and_wales()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm, independent of the data.
    fn easter(y: i32) -> NaiveDate {
        let a = y % 19;
        let b = y / 100;
        let c = y % 100;
        let (dd, e) = (b / 4, b % 4);
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - dd - g + 15) % 30;
        let (i, k) = (c / 4, c % 4);
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        d(y, month as u32, day as u32)
    }

    fn mondays(y: i32, m: u32) -> Vec<NaiveDate> {
        (1..=31)
            .filter_map(|day| NaiveDate::from_ymd_opt(y, m, day))
            .filter(|x| x.weekday() == Weekday::Mon)
            .collect()
    }

    /// The standard pattern of the Banking and Financial Dealings Act 1971.
    fn standard(y: i32) -> Vec<NaiveDate> {
        let mut v = Vec::new();
        let nyd = d(y, 1, 1);
        v.push(match nyd.weekday() {
            Weekday::Sat => d(y, 1, 3),
            Weekday::Sun => d(y, 1, 2),
            _ => nyd,
        });
        let e = easter(y);
        v.push(e - Duration::days(2));
        v.push(e + Duration::days(1));
        v.push(mondays(y, 5)[0]);
        v.push(*mondays(y, 5).last().unwrap());
        v.push(*mondays(y, 8).last().unwrap());
        match d(y, 12, 25).weekday() {
            Weekday::Fri => v.extend([d(y, 12, 25), d(y, 12, 28)]),
            Weekday::Sat => v.extend([d(y, 12, 27), d(y, 12, 28)]),
            Weekday::Sun => v.extend([d(y, 12, 26), d(y, 12, 27)]),
            _ => v.extend([d(y, 12, 25), d(y, 12, 26)]),
        }
        v.sort();
        v
    }

    fn listed(y: i32) -> Vec<NaiveDate> {
        cal()
            .holidays
            .keys()
            .copied()
            .filter(|x| x.year() == y)
            .collect()
    }

    #[test]
    fn the_data_follows_the_standard_pattern_apart_from_proclaimed_changes() {
        for y in 2020..=2030 {
            let mut expected = standard(y);
            match y {
                2020 => {
                    expected.retain(|x| *x != d(2020, 5, 4));
                    expected.push(d(2020, 5, 8));
                }
                2022 => {
                    expected.retain(|x| *x != d(2022, 5, 30));
                    expected.extend([d(2022, 6, 2), d(2022, 6, 3), d(2022, 9, 19)]);
                }
                2023 => expected.push(d(2023, 5, 8)),
                _ => {}
            }
            expected.sort();
            assert_eq!(listed(y), expected, "bank holidays of {y}");
        }
    }

    #[test]
    fn the_one_off_days_are_holidays_and_the_days_they_replaced_are_not() {
        for x in [
            d(2020, 5, 8),
            d(2022, 6, 2),
            d(2022, 6, 3),
            d(2022, 9, 19),
            d(2023, 5, 8),
        ] {
            assert!(!cal().is_working_day(x).unwrap(), "{x}");
        }
        assert!(cal().is_working_day(d(2020, 5, 4)).unwrap());
        assert!(cal().is_working_day(d(2022, 5, 30)).unwrap());
        assert_eq!(listed(2022).len(), 10);
        assert_eq!(listed(2023).len(), 9);
    }

    #[test]
    fn substitute_days_are_marked() {
        let h = cal().holiday(d(2026, 12, 28)).unwrap().unwrap();
        assert_eq!(h.name, "Boxing Day");
        assert!(h.substitute);
        assert!(cal().holiday(d(2027, 12, 27)).unwrap().unwrap().substitute);
        assert!(cal().holiday(d(2028, 1, 3)).unwrap().unwrap().substitute);
        assert!(!cal().holiday(d(2026, 12, 25)).unwrap().unwrap().substitute);
    }

    #[test]
    fn counting_working_days_skips_weekends_and_bank_holidays() {
        // Day 0 is the event: 5 working days from Monday 16 Nov 2026 is Monday 23 Nov.
        assert_eq!(
            cal().add_working_days(d(2026, 11, 16), 5).unwrap(),
            d(2026, 11, 23)
        );
        assert_eq!(
            cal().add_working_days(d(2026, 11, 20), 1).unwrap(),
            d(2026, 11, 23)
        );
        // Christmas 2026: Fri 25 and Mon 28 (substitute Boxing Day) are holidays.
        assert_eq!(
            cal().add_working_days(d(2026, 12, 23), 2).unwrap(),
            d(2026, 12, 29)
        );
        // Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
        assert_eq!(
            cal().add_working_days(d(2027, 3, 25), 1).unwrap(),
            d(2027, 3, 30)
        );
        assert_eq!(
            cal().add_working_days(d(2026, 11, 21), 0).unwrap(),
            d(2026, 11, 21)
        );
        assert_eq!(
            cal()
                .working_days_between(d(2026, 12, 23), d(2026, 12, 29))
                .unwrap(),
            2
        );
    }

    #[test]
    fn counting_back_and_rounding_to_a_working_day() {
        // Spring bank holiday 2027 is Monday 31 May.
        assert_eq!(
            cal().sub_working_days(d(2027, 6, 1), 1).unwrap(),
            d(2027, 5, 28)
        );
        assert_eq!(
            cal().working_day_on_or_before(d(2027, 5, 31)).unwrap(),
            d(2027, 5, 28)
        );
        assert_eq!(
            cal().working_day_on_or_before(d(2027, 6, 2)).unwrap(),
            d(2027, 6, 2)
        );
        assert_eq!(
            cal().next_working_day(d(2026, 11, 20)).unwrap(),
            d(2026, 11, 23)
        );
        assert_eq!(
            cal().next_working_day(d(2026, 12, 24)).unwrap(),
            d(2026, 12, 29)
        );
    }

    #[test]
    fn dates_outside_the_data_are_errors_not_guesses() {
        let err = cal().add_working_days(d(2030, 12, 30), 5).unwrap_err();
        assert_eq!(err.date.year(), 2031);
        assert!(err.to_string().contains("2020 to 2030"), "{err}");
        assert!(cal().holiday(d(2019, 12, 31)).is_err());
    }

    #[test]
    fn bad_calendar_data_is_rejected() {
        let head = "division: X\nfirst_year: 2026\nlast_year: 2026\nholidays:\n";
        let sat = format!("{head}  - {{ date: 2026-11-21, name: Sat }}\n");
        assert!(Calendar::from_yaml(&sat).unwrap_err().contains("weekend"));
        let dup = format!(
            "{head}  - {{ date: 2026-11-23, name: A }}\n  - {{ date: 2026-11-23, name: B }}\n"
        );
        assert!(Calendar::from_yaml(&dup).unwrap_err().contains("twice"));
    }
}
