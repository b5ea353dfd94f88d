//! Checks of the bank-holiday data against an independent computation of
//! the standard pattern, and of working-day counting across holidays.

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
    for y in 2018..=2030 {
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
    assert!(
        err.to_string()
            .contains("no bank-holiday data for England and Wales in 2031"),
        "{err}"
    );
    assert!(err.to_string().contains("covers 2018 to 2030"), "{err}");
    assert!(cal().holiday(d(2017, 12, 31)).is_err());
}

/// A cut-down file in GOV.UK's published format.
const GOVUK: &str = r#"{
  "england-and-wales": {"division": "england-and-wales", "events": [
    {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
    {"title": "Good Friday", "date": "2031-04-11", "notes": "", "bunting": false},
    {"title": "Christmas Day", "date": "2031-12-25", "notes": "", "bunting": true},
    {"title": "Boxing Day", "date": "2031-12-26", "notes": "", "bunting": true},
    {"title": "Extra day", "date": "2030-06-14", "notes": "", "bunting": true}
  ]},
  "scotland": {"division": "scotland", "events": []}
}"#;

#[test]
fn a_govuk_file_extends_the_years_and_replaces_the_ones_it_covers() {
    let updated = cal().updated_from_govuk_json(GOVUK).unwrap();
    assert_eq!(updated.years(), 2018..=2031);
    // 2031 is now counted: Fri 11 Apr 2031 is Good Friday.
    assert_eq!(
        updated.add_working_days(d(2031, 4, 10), 1).unwrap(),
        d(2031, 4, 14)
    );
    // 2030 now holds only the file's one day: its own holidays are replaced.
    assert!(updated.holiday(d(2030, 6, 14)).unwrap().is_some());
    assert!(updated.holiday(d(2030, 12, 25)).unwrap().is_none());
    // Years the file does not cover keep casepack's data.
    assert!(
        updated
            .holiday(d(2026, 12, 28))
            .unwrap()
            .unwrap()
            .substitute
    );
}

#[test]
fn a_govuk_file_that_would_leave_a_gap_or_is_malformed_is_refused() {
    let gap = GOVUK
        .replace("2031-", "2033-")
        .replace("2030-06-14", "2033-06-14");
    assert!(
        cal()
            .updated_from_govuk_json(&gap)
            .unwrap_err()
            .to_string()
            .contains("gap")
    );
    assert!(
        cal()
            .updated_from_govuk_json(r#"{"scotland": {"events": []}}"#)
            .unwrap_err()
            .to_string()
            .contains("no `england-and-wales` division")
    );
    assert!(
        cal()
            .updated_from_govuk_json("not json")
            .unwrap_err()
            .to_string()
            .contains("not GOV.UK bank-holiday JSON")
    );
    let weekend = GOVUK.replace("2031-04-11", "2031-04-12");
    assert!(
        cal()
            .updated_from_govuk_json(&weekend)
            .unwrap_err()
            .to_string()
            .contains("weekend")
    );
}

#[test]
fn bad_calendar_data_is_rejected() {
    let head = "division: X\nfirst_year: 2026\nlast_year: 2026\nholidays:\n";
    let sat = format!("{head}  - {{ date: 2026-11-21, name: Sat }}\n");
    assert!(
        Calendar::from_yaml(&sat)
            .unwrap_err()
            .to_string()
            .contains("weekend")
    );
    let dup =
        format!("{head}  - {{ date: 2026-11-23, name: A }}\n  - {{ date: 2026-11-23, name: B }}\n");
    assert!(
        Calendar::from_yaml(&dup)
            .unwrap_err()
            .to_string()
            .contains("twice")
    );
    let wide = "division: X\nfirst_year: -300000\nlast_year: 2026\nholidays: []\n";
    assert!(
        Calendar::from_yaml(wide)
            .unwrap_err()
            .to_string()
            .contains("between 1900 and 2200")
    );
}
