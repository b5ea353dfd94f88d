//! The working-day counting against a table of over 2,000 deadlines
//! computed by an independent implementation
//! (`tests/data/generate_working_days.py`).

use super::*;
use crate::calendar::Calendar;
use crate::case::Date;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::england_and_wales()
}

#[test]
fn the_engine_agrees_with_an_independent_implementation_on_every_row() {
    let table = include_str!("../../tests/data/working-days.csv");
    let mut rows = 0;
    for line in table.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let [start, n, unit, expected] = cells[..] else {
            panic!("bad row {line}");
        };
        let n: u32 = n.parse().unwrap();
        let (dir, offset) = match unit {
            "working_days_after" => (Direction::After, Offset::WorkingDays(n)),
            "working_days_before" => (Direction::Before, Offset::WorkingDays(n)),
            "days_after" => (Direction::After, Offset::Days(n)),
            "days_before" => (Direction::Before, Offset::Days(n)),
            "weeks_after" => (Direction::After, Offset::Weeks(n)),
            "court_day" => (Direction::After, Offset::CourtDay(n)),
            other => panic!("unknown unit {other}"),
        };
        let (got, _) = count(cal(), d(start), dir, offset).unwrap();
        assert_eq!(got, d(expected), "{line}");
        rows += 1;
    }
    assert!(rows >= 2000, "only {rows} rows");
}
