//! Wokingham (seed 003): the final Care Planning Meeting in care
//! proceedings, under the built-in `wokingham` profile, on the fictional
//! fixture `tests/fixtures/authorities/wokingham.yaml`.
//!
//! 003 has one timescale: "For cases in care proceedings a Care Planning
//! Meeting is held prior to the final plan being filed with the court ...
//! This will usually be two weeks before the final Care Plan and statement
//! needs to be filed." It counts back from the filing date the court
//! directs (`proceedings.final_evidence`); 003 says nothing of when in the
//! proceedings that falls, so the profile keeps none of 004's 26-week court
//! timeline. The hand-worked dates below are that one rule applied to eleven
//! filing dates, chosen so that two weeks before lands on an ordinary day, a
//! bank holiday, a substitute bank holiday, or a bank holiday next to a
//! weekend or another bank holiday. A calendar-day deadline that lands on a
//! weekend or bank holiday is shown on the last working day before it.

use super::*;

const FIXTURE: &str = "tests/fixtures/authorities/wokingham.yaml";

const FILED: &str = "  final_evidence: 2027-01-15\n";
const BOOKED: &str = "done:\n  final-care-planning-meeting: 2026-12-30\n";

#[test]
fn the_fixture_checks_clean_under_wokingham() {
    let dir = fixture_dir(FIXTURE, |t| t);
    assert_checks_clean(dir.path());
}

#[test]
fn the_fixture_has_only_003s_timeline() {
    let dir = fixture_dir(FIXTURE, |t| t);
    let v = timeline(dir.path(), "case.yaml");
    assert_eq!(v["profile"], "wokingham");
    // Proceedings were issued on 10 September 2026, but 003 states no court
    // timetable: the only timeline is its own.
    let ids: Vec<&str> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["final-care-plan"]);
    assert_eq!(
        v["timelines"][0]["started_by"],
        "proceedings.final_evidence"
    );
    // 003 "two weeks before the final Care Plan and statement needs to be
    // filed": filing directed for Fri 15 Jan 2027 − 14 days = Fri 1 Jan
    // 2027, New Year's Day (bank holiday) → shown Thu 31 Dec 2026. The
    // meeting is booked for Wed 30 Dec 2026, within the target.
    let cpm = step(&v, "final-care-planning-meeting");
    assert_eq!(cpm["due"], "2026-12-31");
    assert_eq!(cpm["weekday"], "Thursday");
    assert_eq!(cpm["moved_from"]["date"], "2027-01-01");
    assert_eq!(cpm["recorded"], "2026-12-30");
    assert_eq!(cpm["status"], "booked");
    assert_eq!(cpm["late"], false);
    assert_eq!(
        cpm["source"],
        "003 (\"This will usually be two weeks before the final Care Plan and statement needs to be filed\")"
    );
    // The filing date is the court's: listed, never "late".
    let filed = step(&v, "final-care-plan-filed");
    assert_eq!(filed["due"], "2027-01-15");
    assert_eq!(filed["recorded"], "2027-01-15");
    assert_eq!(filed["status"], "listed");
    assert_eq!(filed["set_by_court"], true);
}

#[test]
fn the_final_care_planning_meeting_is_two_weeks_before_the_filing_date() {
    // 003: "This will usually be two weeks before the final Care Plan and
    // statement needs to be filed." Filing date (directed by the court) − 14
    // days; on a weekend or bank holiday, the last working day before.
    let cases: [(&str, &str, Option<&str>); 11] = [
        // Fri 15 Jan 2027 − 14 = Fri 1 Jan 2027 (New Year's Day) → Thu 31 Dec 2026.
        ("2027-01-15", "2026-12-31", Some("2027-01-01")),
        // Fri 22 Jan 2027 − 14 = Fri 8 Jan 2027, a working day.
        ("2027-01-22", "2027-01-08", None),
        // Fri 8 Jan 2027 − 14 = Fri 25 Dec 2026 (Christmas Day) → Thu 24 Dec 2026.
        ("2027-01-08", "2026-12-24", Some("2026-12-25")),
        // Mon 11 Jan 2027 − 14 = Mon 28 Dec 2026 (Boxing Day, substitute: 26 Dec
        // is a Saturday) → Sun 27, Sat 26, Fri 25 (Christmas) → Thu 24 Dec 2026.
        ("2027-01-11", "2026-12-24", Some("2026-12-28")),
        // Wed 17 Feb 2027 − 14 = Wed 3 Feb 2027, a working day.
        ("2027-02-17", "2027-02-03", None),
        // Fri 9 Apr 2027 − 14 = Fri 26 Mar 2027 (Good Friday) → Thu 25 Mar 2027.
        ("2027-04-09", "2027-03-25", Some("2027-03-26")),
        // Mon 12 Apr 2027 − 14 = Mon 29 Mar 2027 (Easter Monday) → Sun 28,
        // Sat 27, Fri 26 (Good Friday) → Thu 25 Mar 2027.
        ("2027-04-12", "2027-03-25", Some("2027-03-29")),
        // Mon 17 May 2027 − 14 = Mon 3 May 2027 (early May bank holiday) → Fri 30 Apr 2027.
        ("2027-05-17", "2027-04-30", Some("2027-05-03")),
        // Mon 14 Jun 2027 − 14 = Mon 31 May 2027 (spring bank holiday) → Fri 28 May 2027.
        ("2027-06-14", "2027-05-28", Some("2027-05-31")),
        // Mon 13 Sep 2027 − 14 = Mon 30 Aug 2027 (summer bank holiday) → Fri 27 Aug 2027.
        ("2027-09-13", "2027-08-27", Some("2027-08-30")),
        // Tue 11 Jan 2028 − 14 = Tue 28 Dec 2027 (Boxing Day, substitute; Christmas
        // Day's substitute is Mon 27 Dec, 25-26 Dec a weekend) → Fri 24 Dec 2027.
        ("2028-01-11", "2027-12-24", Some("2027-12-28")),
    ];
    for (filing, due, moved) in cases {
        let dir = fixture_dir(FIXTURE, |t| {
            assert!(t.contains(FILED) && t.contains(BOOKED));
            t.replace(FILED, &format!("  final_evidence: {filing}\n"))
                .replace(BOOKED, "")
        });
        let v = timeline(dir.path(), "case.yaml");
        let cpm = step(&v, "final-care-planning-meeting");
        assert_eq!(cpm["due"], due, "filing on {filing}");
        match moved {
            Some(from) => assert_eq!(cpm["moved_from"]["date"], from, "filing on {filing}"),
            None => assert!(cpm["moved_from"].is_null(), "filing on {filing}: {cpm}"),
        }
        assert_eq!(
            cpm["rule"],
            "2 weeks before the filing of the local authority's final evidence"
        );
        assert_eq!(step(&v, "final-care-plan-filed")["due"], filing);
    }
}

#[test]
fn a_meeting_held_less_than_two_weeks_before_filing_is_late_and_no_filing_date_no_pack() {
    // Held Tue 5 Jan 2027, after the target of Thu 31 Dec 2026: a warning
    // naming 003's rule.
    let dir = fixture_dir(FIXTURE, |t| {
        t.replace(
            "final-care-planning-meeting: 2026-12-30",
            "final-care-planning-meeting: 2027-01-05",
        )
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[late]: late: the final Care Planning Meeting agrees the local authority's final care plan on 5 January 2027, after its deadline of 31 December 2026 (2 weeks before the filing of the local authority's final evidence)"), "{err}");
    assert!(err.contains("source: 003 (\"This will usually be two weeks before the final Care Plan and statement needs to be filed\")"), "{err}");
    // Without the filing date the court directed, nothing can be counted
    // and the pack is refused.
    let dir = fixture_dir(FIXTURE, |t| t.replace(FILED, "").replace(BOOKED, ""));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error[missing-field]: the Care Planning Meeting needs the date the court directed for filing the final care plan and statement"), "{err}");
    assert!(
        err.contains(
            "source: 003 (\"two weeks before the final Care Plan and statement needs to be filed\")"
        ),
        "{err}"
    );
}

#[test]
fn explain_lists_003s_chair_attendance_and_considerations_with_citations() {
    let out = casepack(
        &root(),
        &["explain", "care-planning-meeting", "--profile", "wokingham"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Care Planning Meeting (final care plan) (care-planning-meeting)"),
        "{text}"
    );
    assert_cited(
        &text,
        &[
            (
                "The date the court directed for filing the final care plan and statement (must)",
                "003 (\"two weeks before the final Care Plan and statement needs to be filed\")",
            ),
            (
                "The local authority's assessment, completed (must)",
                "003 (\"once the local authority assessment is completed\")",
            ),
            (
                "Any expert assessments, received (should)",
                "003 (\"and any expert assessments have been received\")",
            ),
            (
                "The conclusions of any connected persons' assessments",
                "003 (\"Conclusion of connected persons' assessments/Special Guardianship Order and support plan\")",
            ),
            (
                "The local authority's final evidence (must)",
                "003 (\"Local Authority final evidence\")",
            ),
            (
                "The proposed final care plan (formulated, not filed) (should)",
                "003 (\"At this stage the Care Plan should be formulated but not filed\")",
            ),
            (
                "The meeting's agenda and minutes (must)",
                "003 (\"This meeting will be minuted\")",
            ),
            (
                "A service manager in the chair (must)",
                "003 (\"This meeting will be chaired by a Service Manager\")",
            ),
            (
                "The case holding social worker (should)",
                "003 (\"Case holding Social Worker\")",
            ),
            (
                "A fostering representative (should)",
                "003 (\"Fostering representative\")",
            ),
            (
                "The parenting assessor (should)",
                "003 (\"Parenting assessor\")",
            ),
            (
                "The contact centre manager (should)",
                "003 (\"Contact Centre Manager\")",
            ),
            (
                "The adoption manager, when the plan may be adoption (should)",
                "003 (\"Adoption Manager (if required)\")",
            ),
        ],
    );
    for item in [
        "Conclusion of the parents' assessments [parents-assessments] (003)",
        "Any issue relating to permanence outside the family [permanence] (003)",
        "Proposed contact arrangements [contact] (003)",
        "Proposals for the final care plan, formally agreed [care-plan] (003)",
    ] {
        assert!(text.contains(item), "no agenda item {item:?} in:\n{text}");
    }
    assert!(
        text.contains("Usually two weeks before the final care plan and statement are filed"),
        "{text}"
    );
    // Nothing of 004 or 001: no legal adviser, no 26-week timeline.
    for absent in ["004", "001", "legal adviser", "26-week"] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    // Wokingham has this one meeting type, and no LPM.
    let out = casepack(&root(), &["meetings", "--profile", "wokingham"]);
    let list = stdout(&out);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(
        list.starts_with("care-planning-meeting  Care Planning Meeting (final care plan)"),
        "{list}"
    );
}

#[test]
fn the_adoption_manager_is_asked_for_when_the_plan_may_be_adoption() {
    let adoption = |t: String| {
        t.replace(
            "  purpose: final-care-plan\n",
            "  purpose: final-care-plan-adoption\n",
        )
    };
    let dir = fixture_dir(FIXTURE, adoption);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[missing-attendee]: the Care Planning Meeting needs the adoption manager, when the plan may be adoption"), "{err}");
    assert!(
        err.contains("source: 003 (\"Adoption Manager (if required)\")"),
        "{err}"
    );
    let dir = fixture_dir(FIXTURE, |t| {
        adoption(t).replace(
            "    - name: Colin Rhodes\n",
            "    - name: Priya Shah\n      role: Adoption manager\n    - name: Colin Rhodes\n",
        )
    });
    assert_checks_clean(dir.path());
}

#[test]
fn the_care_planning_meeting_pack_builds() {
    let dir = fixture_dir(FIXTURE, |t| t);
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "pack.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("pack.zip"));
    for name in [
        "cover-and-index.pdf",
        "cpm-record.pdf",
        "final-care-plan-timeline.pdf",
        "attachments/hartley-nowak-single-assessment.pdf",
        "attachments/brennan-single-assessment.pdf",
        "attachments/hartley-nowak-assessment-plan.pdf",
        "attachments/brennan-draft-swet.pdf",
        "attachments/brennan-looked-after-review.pdf",
    ] {
        assert!(pack.contains_key(name), "no {name}: {:?}", pack.keys());
    }
    for absent in [
        "lpm-minutes.pdf",
        "court-timeline.pdf",
        "cpm-three-papers.pdf",
    ] {
        assert!(!pack.contains_key(absent), "{absent} in the pack");
    }
    let manifest: Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    assert_eq!(manifest["profile"], "wokingham");
    let record = squash(&pdf_text(&pack["cpm-record.pdf"]));
    for phrase in [
        "Care Planning Meeting: agenda and minutes",
        "Conclusion of connected persons' assessments",
        "Transitional arrangements if the intention is to reduce or stop contact",
        "The care plan is formulated at this stage, not filed",
        "Family time with the mother is proposed to reduce from three sessions a week to one",
        "Wokingham Borough Council",
    ] {
        assert!(
            record.contains(&squash(phrase)),
            "no {phrase:?} in the record"
        );
    }
    // 003 does not make the minutes legally privileged.
    assert!(
        !record.contains(&squash("LEGALLY PRIVILEGED")),
        "marked privileged"
    );
    let sheet = squash(&pdf_text(&pack["final-care-plan-timeline.pdf"]));
    for phrase in [
        "Thu 31 Dec 2026",
        "New Year's Day",
        "Fri 15 Jan 2027",
        "Wed 30 Dec 2026",
    ] {
        assert!(
            sheet.contains(&squash(phrase)),
            "no {phrase:?} on the sheet"
        );
    }
}
