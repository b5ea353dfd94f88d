//! Scalar types of the case format that need more care than a plain string:
//! calendar dates and clock times. Each parses from the text a social worker
//! types and says plainly what was wrong with it, so a typo such as
//! `2026-02-30` becomes a finding rather than a silent guess.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Why text is not a date of the case format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written as `YYYY-MM-DD`.
    #[error("`{0}` is not a date written as YYYY-MM-DD (for example 2026-11-16)")]
    Shape(String),
    /// A month that does not exist.
    #[error("`{text}` is not a real date: there is no month {month}")]
    NoMonth {
        /// What was written.
        text: String,
        /// The month given.
        month: u32,
    },
    /// A day past the month's end.
    #[error("`{text}` is not a real date: {month} {year} has {days} days")]
    NoDay {
        /// What was written.
        text: String,
        /// The month's name.
        month: &'static str,
        /// The year.
        year: i32,
        /// Days in that month.
        days: u32,
    },
}

/// Text that is not a time written as `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a time written as HH:MM on the 24-hour clock (for example 10:00 or 14:30)")]
pub struct TimeError(pub String);

/// A calendar date, written in the case as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// Parses `YYYY-MM-DD`, explaining impossible dates in words.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let shape_ok = parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok {
            return Err(DateError::Shape(text.to_string()));
        }
        let (y, m, d): (i32, u32, u32) = (
            parts[0].parse().unwrap_or(0),
            parts[1].parse().unwrap_or(0),
            parts[2].parse().unwrap_or(0),
        );
        if !(1..=12).contains(&m) {
            return Err(DateError::NoMonth {
                text: text.to_string(),
                month: m,
            });
        }
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => Ok(Date(date)),
            None => Err(DateError::NoDay {
                text: text.to_string(),
                month: month_name(m),
                year: y,
                days: days_in_month(y, m),
            }),
        }
    }

    /// The underlying chrono date.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// `Thursday 26 November 2026`: the long form used in letters.
    pub fn long(self) -> String {
        self.0.format("%A %-d %B %Y").to_string()
    }

    /// `26 November 2026`: the form used in tables and headers.
    pub fn medium(self) -> String {
        self.0.format("%-d %B %Y").to_string()
    }

    /// `Thu 26 Nov 2026`: the compact form for dense tables.
    pub fn short(self) -> String {
        self.0.format("%a %-d %b %Y").to_string()
    }

    /// `2026-11-26`.
    pub fn iso(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Date(d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month as usize).saturating_sub(1) % 12]
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date written as YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        Date::parse(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// A clock time, written in the case as `HH:MM` on the 24-hour clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub NaiveTime);

impl Time {
    /// Parses `HH:MM` (24-hour clock).
    pub fn parse(text: &str) -> Result<Time, TimeError> {
        let text = text.trim();
        NaiveTime::parse_from_str(text, "%H:%M")
            .map(Time)
            .map_err(|_| TimeError(text.to_string()))
    }

    /// `10am`, `2:30pm`: how a letter says a time.
    pub fn spoken(self) -> String {
        let (pm, hour) = self.0.hour12();
        let suffix = if pm { "pm" } else { "am" };
        match (self.0.hour(), self.0.minute()) {
            (12, 0) => "12 noon".to_string(),
            (_, 0) => format!("{hour}{suffix}"),
            (_, m) => format!("{hour}:{m:02}{suffix}"),
        }
    }

    /// `10:00`.
    pub fn hhmm(self) -> String {
        self.0.format("%H:%M").to_string()
    }
}

struct TimeVisitor;

impl Visitor<'_> for TimeVisitor {
    type Value = Time;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a time written as HH:MM")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Time, E> {
        Time::parse(v).map_err(E::custom)
    }

    // YAML 1.1 readers turn `10:00` into 600 (base 60); accept the number back.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Time, E> {
        Time::parse(&format!("{:02}:{:02}", v / 60, v % 60)).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TimeVisitor)
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hhmm())
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date written as YYYY-MM-DD, e.g. 2026-11-16.",
        })
    }
}

impl schemars::JsonSchema for Time {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": "A time on the 24-hour clock written as HH:MM, e.g. \"10:00\" (in quotes).",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_explained() {
        assert_eq!(
            Date::parse("2026-02-30").unwrap_err().to_string(),
            "`2026-02-30` is not a real date: February 2026 has 28 days"
        );
        assert_eq!(
            Date::parse("2028-02-30").unwrap_err().to_string(),
            "`2028-02-30` is not a real date: February 2028 has 29 days"
        );
        assert!(
            Date::parse("2026-13-01")
                .unwrap_err()
                .to_string()
                .contains("no month 13")
        );
        assert!(
            Date::parse("16/11/2026")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
        assert_eq!(
            Date::parse("2026-11-16").unwrap().long(),
            "Monday 16 November 2026"
        );
    }

    #[test]
    fn times_are_spoken_as_in_a_letter() {
        assert_eq!(Time::parse("10:00").unwrap().spoken(), "10am");
        assert_eq!(Time::parse("14:30").unwrap().spoken(), "2:30pm");
        assert_eq!(Time::parse("12:00").unwrap().spoken(), "12 noon");
        assert!(Time::parse("25:00").is_err());
    }
}
