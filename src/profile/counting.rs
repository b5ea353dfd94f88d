//! How a rule's offset lands on a date: counted from an anchor in working
//! days, calendar days, weeks, "Week N", court days or months, and a
//! calendar-day deadline that falls on a weekend or bank holiday brought
//! back to the last working day before it. What the profile's rules mean,
//! so the profile's own checks and the deadline engine count alike.

use super::{Direction, Offset};
use crate::calendar::{Calendar, OutOfRange};
use crate::case::Date;

/// Counts from `anchor` by `offset`, landing on a working day.
pub fn count(
    cal: &Calendar,
    anchor: Date,
    dir: Direction,
    offset: Offset,
) -> Result<(Date, Option<(Date, String)>), OutOfRange> {
    let a = anchor.naive();
    let nominal = match (offset, dir) {
        (Offset::WorkingDays(n), Direction::After) => {
            return Ok((Date(cal.add_working_days(a, n)?), None));
        }
        (Offset::WorkingDays(n), Direction::Before) => {
            return Ok((Date(cal.sub_working_days(a, n)?), None));
        }
        (Offset::CourtDay(n), _) => {
            // Day 1 is the anchor itself, or the first working day after it.
            let day_one = if cal.is_working_day(a)? {
                a
            } else {
                cal.next_working_day(a)?
            };
            return Ok((Date(cal.add_working_days(day_one, n - 1)?), None));
        }
        (Offset::Days(n), _) => chrono::Duration::days(i64::from(n)),
        (Offset::Weeks(n), _) => chrono::Duration::weeks(i64::from(n)),
        // Week N ends on day 7N, the anchor being day 1.
        (Offset::Week(n), _) => chrono::Duration::days(7 * i64::from(n) - 1),
        (Offset::Months(n), dir) => {
            let months = chrono::Months::new(n);
            let date = match dir {
                Direction::After => a.checked_add_months(months),
                Direction::Before => a.checked_sub_months(months),
            };
            // Past the end of chrono's calendar is past any bank-holiday data.
            return settle(
                cal,
                date.ok_or_else(|| cal.out_of_range(chrono::NaiveDate::MAX))?,
            );
        }
    };
    let date = match dir {
        Direction::After => a + nominal,
        Direction::Before => a - nominal,
    };
    settle(cal, date)
}

/// A calendar-day deadline on a working day, or else the last working day
/// before it with the reason it moved.
pub fn settle(
    cal: &Calendar,
    date: chrono::NaiveDate,
) -> Result<(Date, Option<(Date, String)>), OutOfRange> {
    let due = cal.working_day_on_or_before(date)?;
    if due == date {
        return Ok((Date(due), None));
    }
    let why = match cal.holiday(date)? {
        Some(h) => format!("{}, a bank holiday", h.name),
        None => date.format("a %A").to_string(),
    };
    Ok((Date(due), Some((Date(date), why))))
}
