//! The profile `procedures-manual-2023` (seed 001, a local authority's
//! "Care Planning Procedure - Care Proceedings", v27, September 2023) on its
//! fixture: every date below is worked by hand from 001's words, with the
//! passage it comes from, and checked against `casepack timeline --format
//! json`. Bank holidays of England and Wales: Early May bank holiday Mon 4
//! May 2026, Christmas Day Fri 25 Dec 2026, Early May bank holiday Mon 3 May
//! 2027. A calendar-day deadline on a weekend or bank holiday is due the last
//! working day before it.

use super::*;

const CASE: &str = "tests/fixtures/authorities/procedures-manual-2023.yaml";

#[test]
fn the_fixture_checks_clean_under_its_default_meeting() {
    let out = casepack(&root(), &["check", CASE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        !err.contains("error[") && !err.contains("warning["),
        "{err}"
    );
}

#[test]
fn every_timeline_is_001s_own() {
    let v = timeline(&root(), CASE);
    assert_eq!(v["profile"], "procedures-manual-2023");
    let ids: Vec<&str> = v["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "legal-gateway",
            "before-proceedings",
            "plo-reviews",
            "proceedings",
            "looked-after-child"
        ]
    );
    // None of 004's steps is left: no LPM within 2 weeks, no 16 weeks, no
    // letter of issue, no advocates' meeting.
    for gone in [
        "papers-to-panel",
        "end-of-pre-proceedings",
        "letter-of-issue",
        "advocates-meeting",
        "minutes-authorised",
    ] {
        assert!(
            !v.to_string().contains(&format!("\"id\":\"{gone}\"")),
            "{gone} is 004's, not 001's"
        );
    }
}

#[test]
fn pre_proceedings_dates_worked_by_hand() {
    let v = timeline(&root(), CASE);

    // 001 "A Legal Gateway/Planning meeting must be convened within 7 days of
    // this recommendation": the Service Manager Panel recommended on Mon 27
    // Apr 2026 + 7 days = Mon 4 May 2026, the Early May bank holiday, so due
    // Fri 1 May 2026. Held Thu 30 Apr (lpm.date).
    let lpm = step(&v, "lpm-held");
    assert_eq!(lpm["due"], "2026-05-01");
    assert_eq!(lpm["moved_from"]["date"], "2026-05-04");
    assert_eq!(lpm["recorded"], "2026-04-30");
    assert_eq!(lpm["status"], "done");

    // 001 "The letter should be sent no later than one week after the legal
    // meeting has been held": Thu 30 Apr 2026 + 1 week = Thu 7 May 2026
    // (the letter is dated Wed 6 May).
    let letter = step(&v, "letter-before-proceedings");
    assert_eq!(letter["due"], "2026-05-07");
    assert_eq!(letter["recorded"], "2026-05-06");

    // 001 "If the case has been under the PLO for 6 months then it should be
    // referred back to Service Manager Panel": Thu 30 Apr 2026 + 6 calendar
    // months = Fri 30 Oct 2026.
    assert_eq!(due(&v, "back-to-panel"), "2026-10-30");

    // 001 "have a date for a PLO meeting": the date the letter gives, Fri 29
    // May 2026 (001 sets no number of days for it).
    assert_eq!(due(&v, "plo-meeting"), "2026-05-29");

    // 001 "The social workers and Local Authority solicitor will meet at 9
    // weeks": Fri 29 May 2026 + 63 days = Fri 31 Jul 2026.
    assert_eq!(due(&v, "nine-week-meeting"), "2026-07-31");

    // 001 "Early in the three months a family meeting should be held": no
    // number, so the limit is the end of the three months: Fri 29 May 2026 +
    // 3 months = Sat 29 Aug 2026, due Fri 28 Aug 2026; held Fri 12 Jun.
    let family = step(&v, "family-meeting");
    assert_eq!(family["due"], "2026-08-28");
    assert_eq!(family["recorded"], "2026-06-12");
    assert!(
        family["rule"]
            .as_str()
            .unwrap()
            .contains("a limit, not a target")
    );

    // 001 "The review date ... in most cases will be three months from the
    // date of the PLO meeting": Fri 29 May 2026 + 3 months = Sat 29 Aug
    // 2026, due Fri 28 Aug 2026; the case records the review on Thu 27 Aug.
    let review = step(&v, "plo-review");
    assert_eq!(review["due"], "2026-08-28");
    assert_eq!(review["moved_from"]["date"], "2026-08-29");
    assert_eq!(review["recorded"], "2026-08-27");

    // 001 "If the case remains under the Public Law Outline then a further
    // review will be held in three months": Thu 27 Aug 2026 (the review as
    // held) + 3 months = Fri 27 Nov 2026; pre-proceedings ended when
    // proceedings were issued on Tue 3 Nov, so it is no longer needed.
    let again = step(&v, "plo-review#2");
    assert_eq!(again["due"], "2026-11-27");
    assert_eq!(again["status"], "ended");
}

#[test]
fn care_planning_dates_worked_by_hand() {
    let v = timeline(&root(), CASE);

    // The CMC: 001 gives no day; the profile's local setting is Day 18 with
    // the issue (Tue 3 Nov 2026) as Day 1, counting working days: Day 18 is
    // Thu 26 Nov 2026. The court listed it for Fri 20 Nov 2026.
    let cmc = step(&v, "case-management-conference");
    assert_eq!(cmc["due"], "2026-11-26");
    assert_eq!(cmc["recorded"], "2026-11-20");
    assert!(cmc["source"].as_str().unwrap().starts_with("local: "));

    // 001 "Care Planning Meeting One": "wherever possible, be held before the
    // First Appointment Hearing": the working day before the listed CMC,
    // Fri 20 Nov 2026, is Thu 19 Nov 2026 (held Thu 5 Nov).
    let one = step(&v, "care-planning-meeting-one");
    assert_eq!(one["due"], "2026-11-19");
    assert_eq!(one["recorded"], "2026-11-05");

    // 001 "Care Planning Meeting Two": "not more than 5 weeks after CMC":
    // Fri 20 Nov 2026 + 5 weeks = Fri 25 Dec 2026, Christmas Day, so due
    // Thu 24 Dec 2026.
    let two = step(&v, "care-planning-meeting-two");
    assert_eq!(two["due"], "2026-12-24");
    assert_eq!(two["moved_from"]["date"], "2026-12-25");

    // 001 "Third Review": "held at week 19": the issue, Tue 3 Nov 2026, is
    // day 1 of week 1; week 19 ends on day 133 = Tue 3 Nov + 132 days = Mon
    // 15 Mar 2027.
    assert_eq!(due(&v, "third-review"), "2027-03-15");

    // 001 "Care Planning Meeting Three": "usually ... at week 18", and the
    // plan is "formulated but not filed": 1 week before the third review (or
    // the final evidence, whichever is first) = Mon 15 Mar 2027 - 7 days =
    // Mon 8 Mar 2027, the end of week 18 (Tue 3 Nov 2026 + 125 days).
    assert_eq!(due(&v, "care-planning-meeting-three"), "2027-03-08");

    // 001 "Meeting with parents": after CPM Three, before the third review
    // whose documentation records their views: the working day before Mon
    // 15 Mar 2027 is Fri 12 Mar 2027.
    assert_eq!(due(&v, "meeting-with-parents"), "2027-03-12");

    // 001 "The timescale will usually be 26 weeks": the end of week 26 is
    // day 182 = Tue 3 Nov 2026 + 181 days = Mon 3 May 2027, the Early May
    // bank holiday, so Fri 30 Apr 2027; the final evidence ("filed on the
    // due date", which 001 does not give) is shown against the same limit.
    let hearing = step(&v, "final-hearing");
    assert_eq!(hearing["due"], "2027-04-30");
    assert_eq!(hearing["moved_from"]["date"], "2027-05-03");
    assert_eq!(due(&v, "final-evidence"), "2027-04-30");

    // 001 "Placement Planning Meeting": "within 5 working days of the child
    // being placed": placed Wed 4 Nov 2026; 5, 6, 9, 10, 11 Nov: Wed 11 Nov.
    assert_eq!(due(&v, "placement-planning-meeting"), "2026-11-11");

    // 001 "First Statutory Review": "within 15 working days of the child
    // coming into care": Wed 4 Nov 2026 + 15 working days = Wed 25 Nov 2026.
    assert_eq!(due(&v, "first-statutory-review"), "2026-11-25");

    // 001 "Second Statutory Review": "within 12 weeks of the initial review":
    // Wed 25 Nov 2026 + 84 days = Wed 17 Feb 2027.
    assert_eq!(due(&v, "second-statutory-review"), "2027-02-17");
}

#[test]
fn care_planning_meeting_three_comes_before_the_final_evidence_the_court_directs() {
    // The court directs the final evidence for Fri 26 Feb 2027, before the
    // third review at week 19. CPM Three formulates the plan that is filed,
    // so it counts back from the filing: Fri 26 Feb 2027 - 7 days = Fri 19
    // Feb 2027 (001 "Care Planning Meeting Three"; the week 18 to week 19
    // spacing of 001 "Third Review").
    let text = std::fs::read_to_string(root().join(CASE)).unwrap().replace(
        "  case_management_hearing: 2026-11-20\n",
        "  case_management_hearing: 2026-11-20\n  final_evidence: 2027-02-26\n",
    );
    let dir = case_dir(&text);
    let v = timeline(dir.path(), "case.yaml");
    let three = step(&v, "care-planning-meeting-three");
    assert_eq!(three["due"], "2027-02-19");
    assert!(
        three["rule"].as_str().unwrap().contains("final evidence"),
        "{}",
        three["rule"]
    );
    assert_eq!(step(&v, "final-evidence")["recorded"], "2027-02-26");

    // The plan is ratified at the third review before it is filed: a third
    // review recorded after the filing is refused (`follows`).
    let late = text.replace(
        "  placement-planning-meeting: 2026-11-09\n",
        "  placement-planning-meeting: 2026-11-09\n  third-review: 2027-03-15\n",
    );
    let dir = case_dir(&late);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error[step-order]"), "{err}");
    assert!(
        err.contains("before third statutory review on 15 March 2027"),
        "{err}"
    );
}

#[test]
fn explain_lists_001s_requirements_with_their_citations() {
    let out = casepack(
        &root(),
        &[
            "explain",
            "pre-proceedings-meeting",
            "--profile",
            "procedures-manual-2023",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        "PLO meeting (pre-proceedings-meeting)",
        "001 (\"The PLO meeting will be chaired by a Safeguarding Team Manager\")",
        "The letter before proceedings to each parent, with the date of the PLO meeting (must)",
        "have a date for a PLO meeting",
        "The local authority solicitor, who makes a file note (must)",
        "001 (\"a file note made by the Local Authority Solicitor\")",
        "Our meeting: the plan we agreed and its review date",
        "001 (\"The social workers and Local Authority solicitor will meet at 9 weeks\")",
        "in most cases will be three months from the date of the PLO meeting",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
    assert!(!text.contains("004"), "004 is not this procedure:\n{text}");

    // The Legal Gateway/Planning meeting: 001's checklist, and the chair 001
    // does not name marked as a local setting.
    let out = casepack(
        &root(),
        &["explain", "lpm", "--profile", "procedures-manual-2023"],
    );
    let text = stdout(&out);
    for want in [
        "Legal Gateway/Planning meeting (lpm)",
        "An up-to-date assessment",
        "001 checklist (\"Is there an up-to-date assessment?\")",
        "The initial social work statement, to commence proceedings (must)",
        "Only when held for: issue-care-proceedings",
        "local setting, not in the procedure",
        "within 7 days of this recommendation",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }

    // Care Planning Meeting Three: a service manager chairs; the CYPIC manager attends.
    let out = casepack(
        &root(),
        &[
            "explain",
            "cpm-three",
            "--profile",
            "procedures-manual-2023",
        ],
    );
    let text = stdout(&out);
    for want in [
        "001 \"Care Planning Meeting Three\" (\"This meeting will be chaired by a Service Manager\")",
        "The CYPIC manager (should)",
        "The completed local authority assessment (must)",
        "formulated but not filed",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
}

#[test]
fn the_plo_meeting_pack_builds() {
    let (_dir, out, pack) = build_with(&abs(CASE), &[]);
    assert!(!stderr(&out).contains("warning["), "{}", stderr(&out));
    let names: Vec<&str> = pack.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "cover-and-index.pdf",
            "kinship-schedule.pdf",
            "letter-before-proceedings-callum.pdf",
            "letter-before-proceedings-jade.pdf",
            "manifest.json",
            "plo-reviews-timeline.pdf",
            "pre-proceedings-agreement.pdf",
        ]
    );
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    assert_eq!(manifest["profile"], "procedures-manual-2023");
    assert_eq!(manifest["meeting"], "pre-proceedings-meeting");
    // The letter gives the date of the PLO meeting (001).
    let letter = squash(&pdf_text(&pack["letter-before-proceedings-jade.pdf"]));
    assert!(letter.contains(&squash("Friday 29 May 2026")), "{letter}");
    // The agreed plan carries the review date (001).
    let plan = squash(&pdf_text(&pack["pre-proceedings-agreement.pdf"]));
    assert!(plan.contains(&squash(
        "Our meeting: the plan we agreed and its review date"
    )));
    assert!(plan.contains(&squash("Thursday 27 August 2026")), "{plan}");
}

/// 001 "Letter before Proceedings": "It should be explicitly stated that
/// failure to make the changes identified or to reject the interventions
/// offered will result in the case being put before the court and a
/// permanency plan developed." The letter says "will", not casepack's
/// own "may", in the profile's wording, measured like the rest.
#[test]
fn the_letter_before_proceedings_says_what_will_happen_as_001_requires() {
    let dir = fixture_dir(CASE, |t| t);
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let (name, pdf) = pack
        .iter()
        .find(|(n, _)| n.starts_with("letter-before-proceedings-"))
        .unwrap();
    let text = squash(&pdf_text(pdf));
    for part in [
        "But if things do not change, we will ask the family court to decide what happens to",
        "If the changes in this letter are not made, or if you say no to the help we offer, we will ask the family court to decide what happens to",
        "We will also make a plan for where they will grow up.",
    ] {
        assert!(text.contains(&squash(part)), "{name} lacks {part:?}");
    }
    assert!(
        !text.contains(&squash("we may ask the family court")),
        "{name}"
    );
    // Measured like the rest: the plain-language table has the letter.
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert!(
        stderr(&out).contains("Letter before proceedings to"),
        "{}",
        stderr(&out)
    );
}
