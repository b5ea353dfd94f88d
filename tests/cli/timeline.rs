//! `casepack timeline`: the table, status against `--today`, JSON, the
//! calendar export, bank-holiday data, and the issue-stage sample's court
//! timeline sheet.

use std::collections::BTreeMap;

use super::*;

#[test]
fn timeline_prints_every_date_with_weekday_status_and_source() {
    let out = casepack(&root(), &["timeline", SAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for header in ["Date", "Day", "Step", "Responsible", "Status", "Source"] {
        assert!(text.contains(header), "no {header} column:\n{text}");
    }
    assert!(text.contains("NM/CS/2026/0147: every deadline, as at Sunday 22 November 2026"));
    assert!(text.contains(
        "16-week pre-proceedings timeline, from the LPM on Monday 16 November 2026 (004 §9b, §11a(ii); Appendix 2)"
    ));
    // One row per step, each with its id; worked by hand from Mon 16 Nov 2026.
    let row = |id: &str| {
        let lines: Vec<&str> = text.lines().collect();
        let i = lines
            .iter()
            .position(|l| l.contains(&format!("[{id}]")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{text}"));
        // The date, weekday and status sit on the row's first line, above the id.
        (0..=i)
            .rev()
            .map(|j| lines[j])
            .find(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or_else(|| panic!("no first line for {id}:\n{text}"))
            .to_string()
    };
    let letter = row("letter-before-proceedings");
    assert!(
        letter.contains("23 Nov 2026") && letter.contains("Mon"),
        "{letter}"
    );
    assert!(
        letter.contains("due soon") && letter.contains("004 §9b(ii)"),
        "{letter}"
    );
    let minutes = row("minutes-authorised");
    assert!(
        minutes.contains("20 Nov 2026") && minutes.contains("done"),
        "{minutes}"
    );
    // 16 weeks after the LPM (004 §9b(vi)): Mon 8 Mar 2027.
    let end = row("end-of-pre-proceedings");
    assert!(end.contains("8 Mar 2027") && end.contains(" due "), "{end}");
    let referrals = row("stage-2-referrals");
    assert!(referrals.contains("27 Nov 2026"), "{referrals}");
    assert!(text.contains("28 November 2026 is a Saturday:"), "{text}");
}

#[test]
fn timeline_status_follows_today_and_check_warns_of_what_is_overdue() {
    let out = casepack(&root(), &["timeline", SAMPLE, "--today", "2026-11-25"]);
    assert!(stdout(&out).contains("OVERDUE"), "{}", stdout(&out));
    let check = casepack(&root(), &["check", SAMPLE, "--today", "2026-11-25"]);
    assert_eq!(check.status.code(), Some(0), "warnings only");
    let err = stderr(&check);
    assert!(err.contains("warning[overdue]: overdue: letter before proceedings with the parents was due by 23 November 2026 (5 working days after the LPM)"), "{err}");
    assert!(err.contains("at `done.letter-before-proceedings`"), "{err}");
    assert!(err.contains("source: 004 §9b(ii); App. 2"), "{err}");
}

#[test]
fn timeline_json_gives_machines_every_step() {
    let out = casepack(&root(), &["timeline", ISSUE_SAMPLE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["today"], TODAY);
    let ids: Vec<&str> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["issue", "court", "looked-after", "after-every-lpm"]);
    let step = |id: &str| {
        v["timelines"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["steps"].as_array().unwrap())
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    // Issued Fri 13 Nov 2026 (Day 1): Day 18 is Tue 8 Dec, which the court listed.
    let cmh = step("case-management-hearing");
    assert_eq!(cmh["due"], "2026-12-08");
    assert_eq!(cmh["recorded"], "2026-12-08");
    assert_eq!(cmh["status"], "listed");
    assert_eq!(step("advocates-meeting")["due"], "2026-12-04");
    // Placed Wed 4 Nov 2026: the first review within 20 working days (reg.
    // 33): 5-6, 9-13, 16-20, 23-27, 30 Nov, 1-2 Dec: Wed 2 Dec.
    assert_eq!(step("first-statutory-review")["due"], "2026-12-02");
    assert_eq!(step("first-statutory-review")["status"], "due");
    let fh = step("final-hearing");
    assert_eq!(fh["due"], "2027-05-13");
    assert_eq!(
        fh["source"],
        "004 App. 3 week 26; s32(1)(a) Children Act 1989"
    );
}

/// Reads an .ics file with an independent parser (the `icalendar` crate).
fn parse_ics(text: &str) -> Vec<(String, chrono::NaiveDate, String, String)> {
    use icalendar::{Component, DatePerhapsTime};
    let cal: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    cal.events()
        .map(|e| {
            let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
                panic!("not an all-day event")
            };
            let Some(DatePerhapsTime::Date(end)) = e.get_end() else {
                panic!("not an all-day event")
            };
            assert_eq!(end, start.succ_opt().unwrap(), "one day long");
            (
                e.get_uid().unwrap().to_string(),
                start,
                e.get_summary().unwrap().to_string(),
                e.get_description().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_calendar_export_imports_with_stable_uids_and_the_same_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "timeline",
            &abs(ISSUE_SAMPLE),
            "--format",
            "json",
            "--ics",
            "a.ics",
            "--today",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let raw = std::fs::read_to_string(dir.path().join("a.ics")).unwrap();
    assert!(
        raw.lines().all(|l| l.len() <= 76),
        "lines fold at 75 octets"
    );
    assert!(raw.contains("\r\n"), "CRLF line ends");
    let events = parse_ics(&raw);
    // One event per step, on the date recorded, else the deadline.
    let steps: Vec<&serde_json::Value> = json["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["steps"].as_array().unwrap())
        .collect();
    assert_eq!(events.len(), steps.len());
    for step in &steps {
        let id = step["id"].as_str().unwrap();
        let event = events
            .iter()
            .find(|e| e.3.contains(&format!("Step id: {id}")))
            .unwrap_or_else(|| panic!("no event for {id}"));
        let date = step["recorded"].as_str().or(step["due"].as_str()).unwrap();
        assert_eq!(event.1.to_string(), date, "{id}");
        assert!(event.2.starts_with("NM/CS/2026/0212: "), "{}", event.2);
        assert!(event.3.contains(step["source"].as_str().unwrap()), "{id}");
    }
    // Names stay out of calendars; the reference identifies the case.
    assert!(!raw.contains("Ruby") && !raw.contains("Brennan"));
    let mut uids: Vec<&String> = events.iter().map(|e| &e.0).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    // Same case on the same day, same bytes.
    let again = casepack(
        dir.path(),
        &[
            "timeline",
            &abs(ISSUE_SAMPLE),
            "--ics",
            "b.ics",
            "--today",
            "2026-11-22",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        raw,
        std::fs::read_to_string(dir.path().join("b.ics")).unwrap()
    );
    // No overwrite without --force.
    let clash = casepack(
        dir.path(),
        &["timeline", &abs(ISSUE_SAMPLE), "--ics", "a.ics"],
    );
    assert_eq!(clash.status.code(), Some(2));
    assert!(stderr(&clash).contains("a.ics already exists; use --force"));
}

/// Each event's SEQUENCE and DTSTAMP, by the step id in its description.
fn versions(text: &str) -> BTreeMap<String, (u32, String)> {
    use icalendar::Component;
    let cal: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    cal.events()
        .map(|e| {
            let id = e
                .get_description()
                .unwrap()
                .rsplit("Step id: ")
                .next()
                .unwrap()
                .to_string();
            let stamp = e.property_value("DTSTAMP").unwrap().to_string();
            (id, (e.get_sequence().unwrap(), stamp))
        })
        .collect()
}

#[test]
fn a_calendar_written_again_moves_only_the_events_whose_dates_changed() {
    let dir = case_dir(&std::fs::read_to_string(root().join(ISSUE_SAMPLE)).unwrap());
    let write = |today: &str| {
        let out = casepack(
            dir.path(),
            &[
                "timeline",
                "case.yaml",
                "--ics",
                "c.ics",
                "--force",
                "--today",
                today,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        std::fs::read_to_string(dir.path().join("c.ics")).unwrap()
    };
    let first = write("2026-11-22");
    let v1 = versions(&first);
    assert_eq!(v1["final-evidence"], (0, "20261122T000000Z".to_string()));
    // Nothing changed: a later export is the same file.
    assert_eq!(write("2026-12-01"), first);
    // The court directs the final evidence for Fri 26 Feb 2027 (the target
    // was Thu 25 Feb): that event, and those counted from it, move.
    let case = dir.path().join("case.yaml");
    let text = std::fs::read_to_string(&case).unwrap().replace(
        "  issued: 2026-11-13\n",
        "  issued: 2026-11-13\n  final_evidence: 2027-02-26\n",
    );
    std::fs::write(&case, text).unwrap();
    let v2 = versions(&write("2027-01-05"));
    assert_eq!(v2["final-evidence"], (1, "20270105T000000Z".to_string()));
    // 004 App. 3 puts the final care planning meeting in week 13 of the
    // issue, not two weeks before the filing (003's rule): it stays.
    assert_eq!(
        v2["final-care-planning-meeting"],
        v1["final-care-planning-meeting"]
    );
    assert_eq!(v2["case-management-hearing"], v1["case-management-hearing"]);
}

#[test]
fn a_deadline_past_the_bank_holiday_data_needs_a_holidays_file() {
    let dir = case_dir("");
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE))
        .unwrap()
        .replace("date: 2026-11-03", "date: 2030-11-19")
        .replace("placed: 2026-11-04", "placed: 2030-11-20")
        .replace("issued: 2026-11-13", "issued: 2030-11-29")
        .replace("2026-12-04", "2030-12-18")
        .replace(
            "case_management_hearing: 2026-12-08",
            "case_management_hearing: 2030-12-20",
        );
    std::fs::write(dir.path().join("late.yaml"), text).unwrap();
    let out = casepack(
        dir.path(),
        &["timeline", "late.yaml", "--today", "2030-11-20"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "error[calendar-range]: there is no bank-holiday data for England and Wales in 2031"
        ),
        "{err}"
    );
    assert!(err.contains("--holidays FILE"), "{err}");
    // The same data GOV.UK publishes, for 2031: the deadlines can be counted.
    let govuk = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year’s Day", "date": "2031-01-01", "notes": "", "bunting": true},
        {"title": "Good Friday", "date": "2031-04-11", "notes": "", "bunting": false},
        {"title": "Easter Monday", "date": "2031-04-14", "notes": "", "bunting": true},
        {"title": "Early May bank holiday", "date": "2031-05-05", "notes": "", "bunting": true},
        {"title": "Spring bank holiday", "date": "2031-05-26", "notes": "", "bunting": true},
        {"title": "Summer bank holiday", "date": "2031-08-25", "notes": "", "bunting": true},
        {"title": "Christmas Day", "date": "2031-12-25", "notes": "", "bunting": true},
        {"title": "Boxing Day", "date": "2031-12-26", "notes": "", "bunting": true}]}}"#;
    std::fs::write(dir.path().join("bank-holidays.json"), govuk).unwrap();
    let out = casepack(
        dir.path(),
        &[
            "timeline",
            "late.yaml",
            "--today",
            "2030-11-20",
            "--holidays",
            "bank-holidays.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let irh = v["timelines"][1]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "issues-resolution-hearing")
        .unwrap()
        .clone();
    // Issued Fri 29 Nov 2030; week 20 ends on day 140: Thu 17 Apr 2031,
    // after Good Friday (11 Apr) and Easter Monday, so not moved.
    assert_eq!(irh["due"], "2031-04-17");
    // A year before the data runs out, check says so.
    let check = casepack(&root(), &["check", SAMPLE, "--today", "2030-02-01"]);
    assert!(
        stderr(&check).contains("warning[calendar-ending]: the England and Wales bank-holiday data ends on 31 December 2030"),
        "{}",
        stderr(&check)
    );
    let bad = casepack(&root(), &["check", SAMPLE, "--holidays", "no-such.json"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_issue_stage_case_has_the_26_week_court_timeline_sheet() {
    let (dir, out, entries) = build(&abs(ISSUE_SAMPLE));
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "advocates-agenda.pdf",
            "attachments/brennan-draft-swet.pdf",
            "attachments/brennan-looked-after-review.pdf",
            "attachments/brennan-single-assessment.pdf",
            "court-timeline.pdf",
            "cover-and-index.pdf",
            "manifest.json"
        ]
    );
    pin!(
        "build-issue-sample",
        dir.path(),
        &["build", &abs(ISSUE_SAMPLE), "-o", "pack.zip"],
        &out
    );
    let pages = pdf_pages(&entries["court-timeline.pdf"]);
    let text = squash(&pages.join("\n"));
    for needle in [
        "26-week court timeline",
        "Counted from the issue of proceedings on Friday 13 November 2026",
        "Tue 8 Dec 2026",
        "Day 18, the issue of proceedings being Day 1",
        "Thu 1 Apr 2027",
        "Thu 13 May 2027",
        "end of week 26: day 182, the issue of proceedings being day 1",
        "s32(1)(a) Children Act 1989",
        "Thu 25 Feb 2027",
        "end of week 15: day 105, the issue of proceedings being day 1",
    ] {
        assert!(
            text.contains(&squash(needle)),
            "court timeline lacks {needle}"
        );
    }
    for (i, page) in pages.iter().enumerate() {
        assert!(
            squash(page).contains(&squash(&format!("Page {} of {}", i + 1, pages.len()))),
            "page {i}"
        );
    }
    // The pre-proceedings sample has no court timeline.
    let (_d, _, pre) = build(&abs(SAMPLE));
    assert!(!pre.contains_key("court-timeline.pdf"));
}
