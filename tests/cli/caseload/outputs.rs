//! What the caseload report writes: one calendar for every case, and the
//! one-page sheet for a team meeting.

use super::super::*;
use super::{CASELOAD, DAY, by_hand, cases_folder};

/// (UID, summary) of each event in a calendar.
fn events(text: &str) -> Vec<(String, String)> {
    use icalendar::Component;
    let cal: icalendar::Calendar = text.parse().expect("a valid iCalendar file");
    cal.events()
        .map(|e| {
            (
                e.get_uid().unwrap().to_string(),
                e.get_summary().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn one_calendar_holds_every_cases_events_with_the_uids_of_their_own_calendars() {
    let dir = tempfile::tempdir().unwrap();
    let caseload = abs(CASELOAD);
    let args = ["timeline", &caseload, "--today", DAY, "--ics", "all.ics"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    pin!("caseload-with-a-calendar", dir.path(), &args, &out);
    let all = events(&std::fs::read_to_string(dir.path().join("all.ics")).unwrap());
    let mut uids: Vec<&String> = all.iter().map(|(u, _)| u).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), all.len(), "UIDs are unique across cases");
    let mut total = 0;
    for (file, reference) in [
        ("brennan.yaml", "NM/CS/2026/0212"),
        ("fenwick-doyle.yaml", "NM/CS/2026/0188"),
        ("hartley-nowak.yaml", "NM/CS/2026/0147"),
    ] {
        let own = format!("{file}.ics");
        let one = casepack(
            dir.path(),
            &[
                "timeline",
                &abs(&format!("{CASELOAD}/{file}")),
                "--today",
                DAY,
                "--ics",
                &own,
            ],
        );
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        let mine = events(&std::fs::read_to_string(dir.path().join(&own)).unwrap());
        assert!(mine.len() > 20, "{file}: {}", mine.len());
        for event in &mine {
            assert!(event.1.starts_with(&format!("{reference}: ")), "{event:?}");
            assert!(all.contains(event), "{file}: {event:?} missing");
        }
        total += mine.len();
    }
    assert_eq!(all.len(), total);
    // No overwrite without --force; with it, the same bytes for the same day.
    let first = std::fs::read(dir.path().join("all.ics")).unwrap();
    let args = ["timeline", &caseload, "--ics", "all.ics"];
    let clash = casepack(dir.path(), &args);
    assert_eq!(clash.status.code(), Some(2));
    pin!("caseload-calendar-exists", dir.path(), &args, &clash);
    let again = casepack(
        dir.path(),
        &[
            "timeline",
            &abs(CASELOAD),
            "--today",
            DAY,
            "--ics",
            "all.ics",
            "--force",
        ],
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(std::fs::read(dir.path().join("all.ics")).unwrap(), first);
}

/// (pages, page size) as pdfinfo reports them.
fn pdfinfo(path: &Path) -> (String, String) {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed to run these tests");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("no {name} in {text}"))
    };
    (field("Pages:"), field("Page size:"))
}

#[test]
fn the_sheet_is_one_landscape_page_by_reference_for_a_team_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let caseload = abs(CASELOAD);
    let args = ["timeline", &caseload, "--today", DAY, "--sheet", "team.pdf"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    pin!("caseload-with-a-sheet", dir.path(), &args, &out);
    let path = dir.path().join("team.pdf");
    assert_eq!(
        pdfinfo(&path),
        ("1".to_string(), "841.89 x 595.276 pts (A4)".to_string())
    );
    let pdf = std::fs::read(&path).unwrap();
    let text = squash(&pdf_text(&pdf));
    for needle in [
        "Caseloaddeadlines",
        "AsatWednesday25November2026·3cases:5overdue,4duesoon,3nextsteps",
        "Thechild'ssocialworker·9steps",
        "Thelocalauthority'slegaladviser·1step",
        "Headofservice·1step",
        "Theindependentreviewingofficer·1step",
        "Letterbeforeproceedingswiththeparents(handdelivered)",
        "TomBarker,PritiShah,NadiaKowalczyk",
        "OFFICIAL-SENSITIVE",
    ] {
        assert!(text.contains(needle), "{needle} not in {text}");
    }
    // Every row, in the report's order: case, date and status on its first line.
    let laid_out = pdftotext(&pdf, &["-layout"]).join("\n");
    let lines: Vec<&str> = laid_out.lines().filter(|l| l.contains("NM/CS/")).collect();
    assert_eq!(lines.len(), 12, "{laid_out}");
    for (line, (_, reference, _, status, due)) in lines.iter().zip(by_hand()) {
        let date = chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap();
        let status = match status.as_str() {
            "overdue" => "OVERDUE",
            "due-soon" => "due soon",
            _ => "next",
        };
        let want = format!("{reference} {} {status}", date.format("%a %-d %b %Y"));
        let got = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(got.starts_with(&want), "{got} is not {want}");
    }
    assert!(!text.contains("notonthispage"), "every row fits: {text}");
    // The team's business, not the family's: no child's or parent's name,
    // no address.
    for private in [
        "Maisie", "Ruby", "Poppy", "Kerry", "Shannon", "Jade", "Larch", "Heron", "Willow",
    ] {
        assert!(!text.contains(private), "{private} on the sheet");
    }
}

#[test]
fn a_sheet_that_cannot_hold_every_row_keeps_the_overdue_ones_and_says_what_it_left_off() {
    // Eight copies of each case under new references: 96 rows.
    let dir = tempfile::tempdir().unwrap();
    let cases = cases_folder(dir.path());
    for file in ["brennan", "fenwick-doyle", "hartley-nowak"] {
        let text =
            std::fs::read_to_string(root().join(CASELOAD).join(format!("{file}.yaml"))).unwrap();
        for i in 1..=8 {
            let copy = text.replace(
                "reference: NM/CS/2026/0",
                &format!("reference: NM/CS/2026/{i}"),
            );
            std::fs::write(cases.join(format!("{file}-{i}.yaml")), copy).unwrap();
        }
    }
    let out = casepack(
        dir.path(),
        &["timeline", "cases", "--today", DAY, "--sheet", "team.pdf"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.starts_with("warning: the sheet team.pdf leaves off "))
        .unwrap_or_else(|| panic!("{err}"));
    let left_off: usize = warning
        .trim_start_matches("warning: the sheet team.pdf leaves off ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(warning.ends_with("steps that one page cannot hold; the report printed has them all"));
    assert_eq!(pdfinfo(&dir.path().join("team.pdf")).0, "1");
    let pdf = std::fs::read(dir.path().join("team.pdf")).unwrap();
    let text = pdftotext(&pdf, &["-layout"]).join("\n");
    // 24 cases: 40 overdue, 32 due soon, 24 next; the page holds the overdue
    // ones it can, the earliest first, and none of the others.
    let shown: Vec<&str> = text.lines().filter(|l| l.contains("NM/CS/")).collect();
    assert!(shown.len() >= 8, "{text}");
    assert!(shown.iter().all(|l| l.contains("OVERDUE")), "{text}");
    // The eight copies' agreement signed by 4 Nov is the earliest of all.
    assert!(
        shown[..8].iter().all(|l| l.contains("4 Nov 2026")),
        "{text}"
    );
    assert_eq!(shown.len() + left_off, 96, "{text}");
    assert!(
        squash(&text).contains(&squash(&format!(
            "{left_off} more steps not on this page ({} overdue, 32 due soon and 24 next): casepack timeline on the same cases lists every step.",
            40 - shown.len()
        ))),
        "{text}"
    );
    // The table printed has every row.
    let all = stdout(&out);
    assert_eq!(
        all.lines()
            .filter(|l| l.trim_start().starts_with("NM/CS/"))
            .count(),
        96
    );
}

#[test]
fn one_case_file_with_a_sheet_gives_the_report_of_that_case() {
    let dir = tempfile::tempdir().unwrap();
    let case = abs(&format!("{CASELOAD}/brennan.yaml"));
    let args = ["timeline", &case, "--today", DAY, "--sheet", "one.pdf"];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    pin!("one-case-with-a-sheet", dir.path(), &args, &out);
    assert_eq!(pdfinfo(&dir.path().join("one.pdf")).0, "1");
    // Without --sheet, one file is its own timeline, as always.
    let own = casepack(dir.path(), &["timeline", &case, "--today", DAY]);
    assert!(
        stdout(&own)
            .starts_with("NM/CS/2026/0212: every deadline, as at Wednesday 25 November 2026")
    );
    // An existing sheet is kept without --force, and nothing else is written.
    let args = [
        "timeline", &case, "--today", DAY, "--sheet", "one.pdf", "--ics", "one.ics",
    ];
    let clash = casepack(dir.path(), &args);
    assert_eq!(clash.status.code(), Some(2));
    pin!("one-case-sheet-exists", dir.path(), &args, &clash);
    assert!(!dir.path().join("one.ics").exists());
    // A folder with no case in it is said, not reported as nothing due.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let empty = casepack(dir.path(), &["timeline", "empty"]);
    assert_eq!(empty.status.code(), Some(2));
    assert_eq!(
        stderr(&empty),
        "error: empty holds no case file (.yaml or .yml)\n"
    );
}
