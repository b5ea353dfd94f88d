//! The dates a legal reader found wrong in the default profile (issue 17),
//! each worked out by hand from the passage it cites, and the shapes the
//! seeds use (calendar months, windows, repeats, first-of) on small
//! profiles of their own.

use super::*;
use crate::profile::Profile;

#[test]
fn court_week_n_ends_on_day_7n_counting_the_issue_as_day_1() {
    // 004 App. 3: "Week 1 – Day 1". Issued Fri 13 Nov 2026 (day 1).
    let c = case(
        "2026-11-03",
        "issue-care-proceedings",
        "proceedings: { issued: 2026-11-13 }",
    );
    let (s, _) = run(&c, "2026-11-30");
    // Week 15 ends on day 105: 13 Nov + 104 days = Thu 25 Feb 2027 (not
    // Fri 26 Feb, the first day of week 16).
    assert_eq!(due(&s, "final-evidence"), d("2027-02-25"));
    // Week 5 ends on 13 Nov + 34 days = Thu 17 Dec 2026.
    assert_eq!(due(&s, "kinship-viability-complete"), d("2026-12-17"));
    // Week 26 ends on day 182, the same rule as the final hearing always had:
    // 13 Nov + 181 days = Thu 13 May 2027 (s32(1)(a): 26 weeks beginning
    // with the day of issue).
    assert_eq!(due(&s, "final-hearing"), d("2027-05-13"));
    let step = s.step("final-evidence").unwrap();
    assert_eq!(
        step.rule,
        "end of week 15: day 105, the issue of proceedings being day 1"
    );
}

#[test]
fn app_2_weeks_count_from_the_first_meeting_and_the_limits_from_the_lpm() {
    // LPM Mon 16 Nov 2026. Letter within 5 working days: Mon 23 Nov (004
    // §9b(ii)). First meeting 10 working days after: Mon 7 Dec (§9b(iii)),
    // Week 1 of App. 2 ("Week 1 – Initial PPM takes place").
    let c = case("2026-11-16", "initiate-pre-proceedings", "");
    let (s, _) = run(&c, "2026-11-16");
    assert_eq!(due(&s, "initial-meeting"), d("2026-12-07"));
    assert_eq!(due(&s, "agreement-to-legal"), d("2026-12-03"));
    let weeks = s.timeline("pre-proceedings-weeks").unwrap();
    assert_eq!(weeks.start, d("2026-12-07"));
    // "referrals for stage 2 viability assessments ... within 48 hours": Wed 9 Dec.
    assert_eq!(due(&s, "stage-2-referrals"), d("2026-12-09"));
    // Week 2 ends on 7 Dec + 13 days, Sun 20 Dec: Fri 18 Dec.
    assert_eq!(due(&s, "agreement-signed"), d("2026-12-18"));
    // Week 5 ends on 7 Dec + 34 days, Sun 10 Jan 2027: Fri 8 Jan, about four
    // weeks for the stage 2 assessments (not 18 Dec, counted from the LPM).
    assert_eq!(due(&s, "stage-2-complete"), d("2027-01-08"));
    assert_eq!(
        s.step("stage-2-complete").unwrap().rule,
        "end of week 5: day 35, the first pre-proceedings meeting (planned) being day 1"
    );
    // "no later than eight weeks after the LPM" (§9b(iv)): LPM + 56 days,
    // Mon 11 Jan 2027, not the Sunday before.
    assert_eq!(due(&s, "plo-review"), d("2027-01-11"));
    // The 16-week aim (§9b(vi)): LPM + 112 days, Mon 8 Mar 2027.
    assert_eq!(due(&s, "end-of-pre-proceedings"), d("2027-03-08"));
}

#[test]
fn the_first_meeting_as_held_moves_the_app_2_weeks_but_not_the_lpm_limits() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "pre_proceedings_meeting: { date: 2026-12-01, time: \"10:00\", place: [Room 1] }",
    );
    let (s, _) = run(&c, "2026-12-01");
    // Week 1 is the week of Tue 1 Dec; week 5 ends on 1 Dec + 34 days, Mon 4 Jan 2027.
    assert_eq!(
        s.timeline("pre-proceedings-weeks").unwrap().start,
        d("2026-12-01")
    );
    assert_eq!(due(&s, "stage-2-complete"), d("2027-01-04"));
    assert_eq!(due(&s, "plo-review"), d("2027-01-11"));
}

#[test]
fn a_profile_that_could_date_a_step_before_one_it_follows_is_refused() {
    let text = crate::profile::tests::DEFAULT_YAML.replace(
        "        due: { after: start, weeks: 8 }\n        limit: true\n        follows: [initial-meeting]",
        "        due: { after: start, weeks: 1 }\n        limit: true\n        follows: [initial-meeting]",
    );
    let err = crate::profile::tests::from_yaml(&text).unwrap_err();
    assert!(
        err.starts_with(
            "pre-proceedings/plo-review: follows `initial-meeting` but its rule can date it earlier"
        ),
        "{err}"
    );
}

#[test]
fn a_case_that_records_a_step_before_one_it_follows_is_an_error() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "pre_proceedings_meeting: { date: 2026-11-26, time: \"10:00\", place: [Room 1] }\nreview_date: 2026-11-20",
    );
    let (_, findings) = run(&c, "2026-11-30");
    let f = findings.iter().find(|f| f.code == "step-order").unwrap();
    assert_eq!(f.path, "review_date");
    assert_eq!(f.severity, crate::diagnostics::Severity::Error);
    assert!(
        f.message
            .contains("before initial pre-proceedings meeting with the parents"),
        "{}",
        f.message
    );
}

#[test]
fn the_review_lpm_before_week_16_and_the_further_lpm_of_week_14() {
    let p = default_profile();
    let week_14 = p.step("week-14-lpm").unwrap();
    assert!(week_14.action.contains("if required"));
    assert_eq!(
        week_14.source,
        "004 App. 2 week 14 (a further LPM, if required)"
    );
    let review = p.step("review-lpm").unwrap();
    assert_eq!(review.source, "004 §11a(ii) (\"before the 16 week point\")");
    // LPM Mon 16 Nov 2026: "before the 16 week point" (Mon 8 Mar 2027) is
    // Sun 7 Mar, so Fri 5 Mar. The further LPM of App. 2 week 14 counts
    // from the first meeting (Mon 7 Dec): 7 Dec + 97 days, Sun 14 Mar, so
    // Fri 12 Mar, after the 16-week point, as its `when` warns.
    let c = case("2026-11-16", "initiate-pre-proceedings", "");
    let (s, _) = run(&c, "2026-11-16");
    assert_eq!(due(&s, "review-lpm"), d("2027-03-05"));
    assert_eq!(due(&s, "week-14-lpm"), d("2027-03-12"));
    assert!(
        s.step("week-14-lpm")
            .unwrap()
            .when
            .contains("only with an extension")
    );
}

#[test]
fn the_manuals_steps_are_not_on_gloucestershires_timeline() {
    let p = default_profile();
    for id in [
        "nine-week-meeting",
        "week-13-review",
        "back-to-panel",
        "legal-gateway-meeting",
    ] {
        assert!(p.step(id).is_none(), "{id} belongs to 001");
    }
    // Gloucestershire's own week 13 meeting cites only 004.
    assert_eq!(
        p.step("week-13-meeting").unwrap().source,
        "004 App. 2 week 13"
    );
}

#[test]
fn smaller_corrections() {
    let p = default_profile();
    // App. 2: the social worker attaches the minutes to the child's file.
    assert_eq!(
        p.step("minutes-on-file").unwrap().responsible,
        "Social worker"
    );
    // App. 2 weeks 8, 15: lawyers at a later meeting only when a decision to
    // issue has been made; at the first they attend.
    let ppm = p.meeting("pre-proceedings-meeting").unwrap();
    assert!(
        !ppm.attendees
            .required
            .iter()
            .any(|&r| p.role(r).id == "legal-adviser")
    );
    let lawyers = ppm.requires.iter().find(|r| r.id == "lawyers").unwrap();
    assert_eq!(lawyers.purposes, ["initial"]);
    // Review LPM decides to issue Mon 22 Feb 2027; papers reach Legal on Wed
    // 3 Mar; issue within 5 working days of receipt (App. 2 week 12): Wed 10
    // Mar (4, 5, 8, 9, 10).
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "review_lpms: [{ date: 2027-02-22, decision: issue-care-proceedings }]\ndone: { review-papers-to-legal: 2027-03-03 }",
    );
    let (s, _) = run(&c, "2027-03-03");
    assert_eq!(due(&s, "review-issue"), d("2027-03-10"));
}

#[test]
fn a_recorded_letter_of_issue_counts_as_done() {
    // LPM Tue 3 Nov 2026 decides to issue; the letter dated Wed 4 Nov.
    let c = case(
        "2026-11-03",
        "issue-care-proceedings",
        "letter_of_issue: { date: 2026-11-04, why: W }",
    );
    let (s, findings) = run(&c, "2026-11-30");
    let step = s.step("letter-of-issue").unwrap();
    assert_eq!(step.actual, Some(d("2026-11-04")));
    assert_eq!(step.recorded_at.as_deref(), Some("letter_of_issue.date"));
    assert!(
        !findings
            .iter()
            .any(|f| f.code == "overdue" && f.message.contains("letter of issue")),
        "{findings:?}"
    );
}

/// The default profile with one more timeline, of `steps`, from the LPM.
fn shaped(steps: &str) -> Result<Profile, String> {
    crate::profile::tests::from_yaml(&format!(
        "profile: t\nname: T\nextends: default\ntimelines:\n  - id: t\n    title: T\n    source: \"local: test\"\n    starts: [lpm.date]\n    steps:\n{steps}\n"
    ))
}

#[test]
fn calendar_months_windows_repeats_and_first_of() {
    let p = shaped(
        r#"      - { id: plo, when: PLO meeting, action: PLO meeting, responsible: SW, due: { after: start, working_days: 10 }, source: "001" }
      - { id: review, when: 3 months, action: Review, responsible: TM, due: { after: plo, months: 3 }, source: "001" }
      - { id: panel, when: 6 months, action: Back to panel, responsible: TM, due: { after: start, months: 6 }, earliest: { after: start, months: 5 }, limit: true, source: "001" }
      - { id: cpm, when: Between reviews, action: Care planning meeting, responsible: SW, due: { after: start, months: 6 }, repeat: { every: { months: 6 }, times: 3 }, source: "002" }
      - { id: first, when: Whichever first, action: First, responsible: SW, due: { after: { first_of: [review, panel] }, days: 1 }, source: "001" }"#,
    );
    let p = match p {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    // The timeline starts from the LPM, Tue 31 Aug 2027.
    let c = case("2027-08-31", "no-further-action", "");
    let (s, f) = crate::check::schedule(&c, &p, cal(), d("2027-08-31"));
    let s = s.unwrap_or_else(|| panic!("{f:?}"));
    // 10 working days: Tue 14 Sep 2027; three months on: Tue 14 Dec.
    assert_eq!(due(&s, "plo"), d("2027-09-14"));
    assert_eq!(due(&s, "review"), d("2027-12-14"));
    // Six calendar months from 31 Aug 2027: February has no 31st, so the
    // month's last day, Tue 29 Feb 2028 (a leap year); five months, Mon 31 Jan.
    let panel = s.step("panel").unwrap();
    assert_eq!(panel.due, d("2028-02-29"));
    assert!(panel.limit);
    assert_eq!(panel.earliest, Some(d("2028-01-31")));
    // Repeats, each 6 months after the one before: 29 Feb 2028, then Tue 29
    // Aug 2028, then 28 Feb 2029 (no 29th that year), a Wednesday.
    assert_eq!(due(&s, "cpm"), d("2028-02-29"));
    assert_eq!(due(&s, "cpm#2"), d("2028-08-29"));
    assert_eq!(due(&s, "cpm#3"), d("2029-02-28"));
    // First of the review (14 Dec) and the panel (29 Feb): 15 Dec.
    assert_eq!(due(&s, "first"), d("2027-12-15"));
}

#[test]
fn a_first_meeting_without_the_profiles_notice_after_the_letter_is_too_soon() {
    // The letter reached the parents on Tue 24 Nov 2026; the profile asks
    // for 5 working days' notice (a local setting: 004 gives none): 25, 26,
    // 27, 30 Nov, 1 Dec, so not before Tue 1 Dec.
    let at = |day: &str| {
        case(
            "2026-11-16",
            "initiate-pre-proceedings",
            &format!(
                "letter_before_proceedings: {{ date: 2026-11-19, delivered: 2026-11-24 }}\npre_proceedings_meeting: {{ date: {day}, time: \"10:00\", place: [Room 1] }}"
            ),
        )
    };
    let (_, findings) = run(&at("2026-11-30"), "2026-11-30");
    let f = findings
        .iter()
        .find(|f| f.code == "too-soon")
        .expect("too soon");
    assert_eq!(f.path, "pre_proceedings_meeting.date");
    assert!(
        f.message.contains("not before 1 December 2026"),
        "{}",
        f.message
    );
    assert!(
        f.source
            .as_deref()
            .unwrap()
            .starts_with("local: 004 gives no minimum notice")
    );
    let (_, findings) = run(&at("2026-12-01"), "2026-12-01");
    assert!(!codes(&findings).contains(&"too-soon"));
    // Undelivered, the notice cannot be judged: no finding.
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "letter_before_proceedings: { date: 2026-11-19 }\npre_proceedings_meeting: { date: 2026-11-20, time: \"10:00\", place: [Room 1] }",
    );
    let (_, findings) = run(&c, "2026-11-20");
    assert!(!codes(&findings).contains(&"too-soon"));
}
