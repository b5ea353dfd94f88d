//! The profile `metropolitan-looked-after` (seed 002, a Metropolitan Borough
//! Council's care planning meetings for looked-after children, February
//! 2023) on its fixture: every date below is worked by hand from 002's words
//! (or, for the first two statutory reviews, which 002 does not date, from
//! the profile's `local:` settings), and checked against `casepack timeline
//! --format json`. Bank holidays of England and Wales: Christmas Day Fri 25
//! Dec 2026 and Boxing Day (substitute) Mon 28 Dec 2026. A calendar-day
//! deadline on a weekend or bank holiday is due the last working day before.

use super::*;

const CASE: &str = "tests/fixtures/authorities/metropolitan-looked-after.yaml";

#[test]
fn the_fixture_checks_clean_and_asks_for_the_last_review_without_it() {
    let out = casepack(&root(), &["check", CASE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).ends_with("no findings\n"), "{}", stderr(&out));
    // Without the record of the last review (002 "Recording"): one warning.
    let dir = fixture_dir(CASE, |t| {
        t.replace("    kind: looked-after-review\n", "    kind: other\n")
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("warning[").count(), 1, "{err}");
    assert!(err.contains("warning[missing-attachment]"), "{err}");
    assert!(err.contains("source: 002 \"Recording\""), "{err}");
}

#[test]
fn only_002s_timeline_applies() {
    let v = timeline(&root(), CASE);
    assert_eq!(v["profile"], "metropolitan-looked-after");
    let ids: Vec<&str> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    // The case records an LPM (the case format needs one), but 002 has no
    // LPM, pre-proceedings or court timescales.
    assert_eq!(ids, ["looked-after"]);
}

#[test]
fn meetings_and_reviews_worked_by_hand() {
    let v = timeline(&root(), CASE);

    // The first review: 002 gives no date; the profile cites the national
    // rule, reg. 33's 20 working days. Placed Mon 7 Sep 2026: 8-11 Sep (4),
    // 14-18 (9), 21-25 (14), 28-30 Sep and 1-2 Oct (19), Mon 5 Oct (20).
    let first = step(&v, "first-review");
    assert_eq!(first["due"], "2026-10-05");
    assert!(first["source"].as_str().unwrap().starts_with(
        "reg. 33, Care Planning, Placement and Case Review (England) Regulations 2010"
    ));
    assert_eq!(first["recorded"], "2026-09-28");

    // 002 "Between the 1st and 2nd Review - A minimum 1 Care Planning Meeting
    // should be held (e.g., 6 - 8 weeks after becoming Looked After)": Mon 7
    // Sep 2026 + 8 weeks = Mon 2 Nov 2026, not before + 6 weeks = Mon 19 Oct.
    let cpm = step(&v, "first-care-planning-meeting");
    assert_eq!(cpm["due"], "2026-11-02");
    assert!(
        cpm["rule"]
            .as_str()
            .unwrap()
            .contains("not before 6 weeks after"),
        "{}",
        cpm["rule"]
    );
    assert_eq!(cpm["recorded"], "2026-10-28");

    // The second review (local: 3 months after the first, 002 gives no date):
    // the first was held Mon 28 Sep 2026 + 3 months = Mon 28 Dec 2026, the
    // Boxing Day bank holiday; Sun 27, Sat 26 and Fri 25 (Christmas Day) are
    // not working days either: Thu 24 Dec 2026.
    let second = step(&v, "second-review");
    assert_eq!(second["due"], "2026-12-24");
    assert_eq!(second["moved_from"]["date"], "2026-12-28");

    // 002 "Between each subsequent 6 monthly Review": reviews every 6
    // calendar months from the second, each from the one before:
    // Thu 24 Dec 2026 + 6 months = Thu 24 Jun 2027;
    assert_eq!(due(&v, "six-monthly-review"), "2027-06-24");
    // + 6 months = Fri 24 Dec 2027;
    assert_eq!(due(&v, "six-monthly-review#2"), "2027-12-24");
    // + 6 months = Sat 24 Jun 2028, so Fri 23 Jun 2028.
    let third = step(&v, "six-monthly-review#3");
    assert_eq!(third["due"], "2028-06-23");
    assert_eq!(third["moved_from"]["date"], "2028-06-24");

    // "A minimum of 1 to 2 Care Planning Meetings" between those reviews; 002
    // sets no date within the six months, so the profile shows the midpoint
    // (a local setting): Thu 24 Dec 2026 + 3 months = Wed 24 Mar 2027, then
    // every 6 months: Fri 24 Sep 2027, Fri 24 Mar 2028.
    let between = step(&v, "care-planning-meeting");
    assert_eq!(between["due"], "2027-03-24");
    assert!(
        between["source"]
            .as_str()
            .unwrap()
            .starts_with("local: 002 \"Frequency of meetings\"")
    );
    assert_eq!(due(&v, "care-planning-meeting#2"), "2027-09-24");
    assert_eq!(due(&v, "care-planning-meeting#3"), "2028-03-24");
}

#[test]
fn the_cycle_counts_from_the_reviews_as_held() {
    // The second review booked for Tue 22 Dec 2026: the next care planning
    // meeting is Tue 22 Dec + 3 months = Mon 22 Mar 2027 and the next review
    // Tue 22 Dec + 6 months = Tue 22 Jun 2027, then Wed 22 Dec 2027.
    let dir = fixture_dir(CASE, |t| {
        t.replace(
            "  first-care-planning-meeting: 2026-10-28\n",
            "  first-care-planning-meeting: 2026-10-28\n  second-review: 2026-12-22\n",
        )
    });
    let v = timeline(dir.path(), "case.yaml");
    assert_eq!(step(&v, "second-review")["recorded"], "2026-12-22");
    assert_eq!(due(&v, "care-planning-meeting"), "2027-03-22");
    assert_eq!(due(&v, "six-monthly-review"), "2027-06-22");
    assert_eq!(due(&v, "six-monthly-review#2"), "2027-12-22");

    // No first review recorded: the second is counted from the first's
    // deadline, Mon 5 Oct 2026 + 3 months = Tue 5 Jan 2027; the care planning
    // meeting after it Mon 5 Apr 2027; the next review Mon 5 Jul 2027.
    let dir = fixture_dir(CASE, |t| t.replace("  first-review: 2026-09-28\n", ""));
    let v = timeline(dir.path(), "case.yaml");
    assert_eq!(due(&v, "second-review"), "2027-01-05");
    assert_eq!(due(&v, "care-planning-meeting"), "2027-04-05");
    assert_eq!(due(&v, "six-monthly-review"), "2027-07-05");
}

#[test]
fn explain_lists_002s_requirements_with_their_citations() {
    let out = casepack(
        &root(),
        &[
            "explain",
            "looked-after-cpm",
            "--profile",
            "metropolitan-looked-after",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "Care Planning Meeting (looked-after child) (looked-after-cpm)",
        "Held for: section-20, interim-care-order, placement-order, short-term-placement, secure-order, risk-of-placement-breakdown, vulnerable, specific-issues",
        "largely be chaired by the Social Worker unless there are complex situations whereby the Team Manager will chair if required",
        "The record on the Care Planning Meeting Form (must)",
        "The key actions and timescales, for every member of the meeting (must)",
        "All members of the Care Planning Meeting must receive a copy",
        "The most recent looked-after review, for its key recommendations and outstanding areas (should)",
        "Only when held for: placement-order",
        "Presentation from the adoption team as appropriate",
        "A minimum 1 Care Planning Meeting should be held (e.g., 6 - 8 weeks after becoming Looked After)",
        "Key recommendations from the most recent looked-after review [review-recommendations] (002 \"Recording\")",
        "Any areas of concern around drift or delay identified for the child or young person [drift]",
        "procedure: reg. 33, Care Planning, Placement and Case Review (England) Regulations 2010 (first review within 20 working days; 002 gives no date)",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
    // 002 is the only procedure cited for the meeting itself.
    assert!(!text.contains("004"), "{text}");
    let meetings = casepack(
        &root(),
        &["meetings", "--profile", "metropolitan-looked-after"],
    );
    assert_eq!(
        stdout(&meetings).lines().count(),
        1,
        "{}",
        stdout(&meetings)
    );
}

#[test]
fn the_care_planning_meeting_pack_builds() {
    let (_dir, _out, pack) = build_with(&abs(CASE), &[]);
    let names: Vec<&str> = pack.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "attachments/brennan-looked-after-review.pdf",
            "cover-and-index.pdf",
            "key-actions.pdf",
            "looked-after-cpm-record.pdf",
            "looked-after-timeline.pdf",
            "manifest.json",
        ]
    );
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    assert_eq!(manifest["profile"], "metropolitan-looked-after");
    assert_eq!(manifest["meeting"], "looked-after-cpm");
    let record = squash(&pdf_text(&pack["looked-after-cpm-record.pdf"]));
    assert!(
        record.contains(&squash("Care Planning Meeting Form: record")),
        "{record}"
    );
    assert!(record.contains(&squash("Health, education and placement stability")));
    let sheet = squash(&pdf_text(&pack["looked-after-timeline.pdf"]));
    assert!(sheet.contains(&squash("Thu 24 Dec 2026")), "{sheet}");
}
