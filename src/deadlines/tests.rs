//! The deadline engine against dates worked out by hand, chain by chain
//! (LPMs just before Christmas and Easter included); `cross_check` compares
//! it with an independent implementation.

use super::*;
use crate::case::parse;
use crate::check::data_running_out;
use crate::diagnostics::Finding;
use crate::profile::default_profile;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn cal() -> &'static Calendar {
    Calendar::england_and_wales()
}

/// A minimal case: the LPM on `lpm` with `outcome`, plus `extra` YAML.
fn case(lpm: &str, outcome: &str, extra: &str) -> Case {
    let text = format!(
        r#"casepack: 2
reference: T/1
local_authority: {{ name: Testshire Council, team: Team A, address: [1 Road], phone: "01632 960000", email: a@b.example }}
people:
  - {{ id: amy, name: Amy Test, born: 2020-01-01, parents: [pat] }}
  - {{ id: pat, name: Pat Test, gender: female, parental_responsibility: [amy], address: [2 Road] }}
  - {{ id: sw, name: S W }}
  - {{ id: tm, name: T M }}
  - {{ id: hs, name: H S }}
  - {{ id: la, name: L A }}
children: [amy]
professionals: {{ social_worker: sw, team_manager: tm, head_of_service: hs, legal_adviser: la }}
lpm: {{ date: {lpm}, chair: H S, purpose: consider-proceedings, outcome: {outcome} }}
worries: [{{ worry: W, evidence: [E], must_change: C }}]
{extra}"#
    );
    match parse(&text) {
        Ok((loaded, _)) => loaded.case,
        Err(f) => panic!("{}", f.render("test.yaml", &text, false)),
    }
}

fn run(case: &Case, today: &str) -> (Schedule, Vec<Finding>) {
    // The dating, and what `check` makes of it as at `today`.
    let (schedule, findings) = crate::check::schedule(case, default_profile(), cal(), d(today));
    (schedule.expect("dated"), findings)
}

fn due(s: &Schedule, id: &str) -> Date {
    s.step(id).unwrap_or_else(|| panic!("no step {id}")).due
}

fn codes(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.code).collect()
}

#[test]
fn pre_proceedings_from_an_lpm_the_day_before_good_friday() {
    // Thu 25 Mar 2027; Good Friday 26 Mar, Easter Monday 29 Mar.
    let c = case("2027-03-25", "initiate-pre-proceedings", "");
    let (s, _) = run(&c, "2027-03-25");
    // 5 working days: 30, 31 Mar, 1, 2, 5 Apr.
    assert_eq!(due(&s, "letter-before-proceedings"), d("2027-04-05"));
    // "Within 24 hours" lands on Good Friday: brought back to the LPM day.
    let outcome = s.step("outcome-recorded").unwrap();
    assert_eq!(outcome.due, d("2027-03-25"));
    let (moved, why) = outcome.moved_from.clone().unwrap();
    assert_eq!(moved, d("2027-03-26"));
    assert_eq!(why, "Good Friday, a bank holiday");
    // 4 working days: 30, 31 Mar, 1 Apr... the 4th is Fri 2 Apr.
    assert_eq!(due(&s, "minutes-authorised"), d("2027-04-02"));
    // First meeting: 10 working days after the letter's deadline (6-9, 12-16, 19 Apr).
    assert_eq!(due(&s, "initial-meeting"), d("2027-04-19"));
    // Counting back: 2 working days before Mon 19 Apr is Thu 15 Apr.
    assert_eq!(due(&s, "agreement-to-legal"), d("2027-04-15"));
    // "No later than eight weeks after the LPM" (004 §9b(iv)) is LPM + 56
    // days, Thu 20 May; the 16-week aim LPM + 112 days, Thu 15 Jul.
    assert_eq!(due(&s, "plo-review"), d("2027-05-20"));
    assert_eq!(due(&s, "end-of-pre-proceedings"), d("2027-07-15"));
    // App. 2 week 5 counts from the first meeting's deadline, Mon 19 Apr:
    // 19 Apr + 34 days is Sun 23 May, so Fri 21 May.
    assert_eq!(due(&s, "stage-2-complete"), d("2027-05-21"));
    assert!(s.timeline("court").is_none());
    assert!(s.timeline("issue").is_none());
}

#[test]
fn the_first_meeting_counts_from_when_the_parents_received_the_letter() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "letter_before_proceedings: { date: 2026-11-19, delivered: 2026-11-20 }",
    );
    let (s, findings) = run(&c, "2026-11-22");
    let letter = s.step("letter-before-proceedings").unwrap();
    assert_eq!(letter.actual, Some(d("2026-11-20")));
    assert_eq!(
        letter.recorded_at.as_deref(),
        Some("letter_before_proceedings.delivered")
    );
    // 10 working days after Fri 20 Nov 2026: 23-27 Nov, 30 Nov-4 Dec.
    assert_eq!(due(&s, "initial-meeting"), d("2026-12-04"));
    assert!(!codes(&findings).contains(&"late"));
}

#[test]
fn issue_from_an_lpm_on_christmas_eve_and_the_planned_court_timeline() {
    // Thu 24 Dec 2026: Christmas Fri 25, Boxing Day (substitute) Mon 28,
    // New Year's Day Fri 1 Jan 2027.
    let c = case("2026-12-24", "issue-care-proceedings", "");
    let (s, _) = run(&c, "2026-12-24");
    assert_eq!(due(&s, "letter-of-issue"), d("2026-12-29"));
    // 29, 30, 31 Dec, 4, 5 Jan.
    assert_eq!(due(&s, "swet-to-legal"), d("2027-01-05"));
    // ... 6, 7, 8, 11, 12 Jan.
    assert_eq!(due(&s, "proceedings-issued"), d("2027-01-12"));
    let court = s.timeline("court").expect("court timeline planned");
    assert_eq!(court.start, d("2027-01-12"));
    assert_eq!(court.start_name, "the issue of proceedings (planned)");
    // Day 1 is Tue 12 Jan; Day 18 is 17 working days on: Thu 4 Feb.
    assert_eq!(due(&s, "application-issued"), d("2027-01-12"));
    assert_eq!(due(&s, "standard-directions"), d("2027-01-13"));
    assert_eq!(due(&s, "case-management-hearing"), d("2027-02-04"));
    assert_eq!(due(&s, "advocates-meeting"), d("2027-02-02"));
    // Week 15 ends on day 105 counting the issue (Tue 12 Jan) as day 1:
    // 12 Jan + 104 days = Mon 26 Apr 2027 (004 App. 3).
    assert_eq!(due(&s, "final-evidence"), d("2027-04-26"));
    // Week 13 (004 App. 3; not 003's "two weeks before"): 12 Jan + 90 days,
    // Mon 12 Apr.
    assert_eq!(due(&s, "final-care-planning-meeting"), d("2027-04-12"));
    // Week 20 ends on 12 Jan + 139 days = Mon 31 May 2027, the spring bank
    // holiday: due the working day before, Fri 28 May.
    assert_eq!(due(&s, "issues-resolution-hearing"), d("2027-05-28"));
    assert_eq!(due(&s, "irh-advocates-meeting"), d("2027-05-21"));
    // 26 weeks beginning with the day of issue end on Mon 12 Jul 2027.
    assert_eq!(due(&s, "final-hearing"), d("2027-07-12"));
    assert!(s.timeline("pre-proceedings").is_none());
}

#[test]
fn the_real_issue_date_and_listed_hearings_replace_the_targets() {
    let c = case(
        "2026-12-24",
        "issue-care-proceedings",
        "proceedings: { issued: 2027-01-14, case_management_hearing: 2027-02-10 }",
    );
    let (s, findings) = run(&c, "2027-01-20");
    let court = s.timeline("court").unwrap();
    assert_eq!(court.start, d("2027-01-14"));
    assert_eq!(court.start_name, "the issue of proceedings");
    // Target: Day 18 from Thu 14 Jan is Mon 8 Feb; the court listed Wed 10 Feb.
    let cmh = s.step("case-management-hearing").unwrap();
    assert_eq!(cmh.due, d("2027-02-08"));
    assert_eq!(cmh.actual, Some(d("2027-02-10")));
    assert!(!cmh.is_late());
    // Steps counting from the CMH use the listed date.
    assert_eq!(due(&s, "advocates-meeting"), d("2027-02-08"));
    // Issued two working days after the 10th working day: late.
    let late = findings.iter().find(|f| f.code == "late").unwrap();
    assert_eq!(late.path, "proceedings.issued");
    assert!(late.message.contains("14 January 2027"), "{}", late.message);
    assert!(late.message.contains("12 January 2027"), "{}", late.message);
    assert_eq!(late.source.as_deref(), Some("004 §9c(v)"));
    let listed = findings
        .iter()
        .find(|f| f.code == "listed-after-target")
        .unwrap();
    assert_eq!(listed.path, "proceedings.case_management_hearing");
    assert_eq!(
        status::status(cmh, d("2027-01-20"), cal(), 5),
        Status::Listed
    );
    assert_eq!(status::status(cmh, d("2027-02-10"), cal(), 5), Status::Done);
}

#[test]
fn a_deferred_decision_before_christmas() {
    // Wed 16 Dec 2026: next LPM within 2 weeks, Wed 30 Dec; revised papers
    // 3 working days before: 29, 24, 23 Dec (25 and 28 are bank holidays).
    let c = case("2026-12-16", "defer", "");
    let (s, _) = run(&c, "2026-12-16");
    assert_eq!(due(&s, "next-lpm"), d("2026-12-30"));
    assert_eq!(due(&s, "revised-papers"), d("2026-12-23"));
}

#[test]
fn a_child_placed_just_before_christmas() {
    let c = case(
        "2026-12-10",
        "issue-care-proceedings",
        "looked_after: { placed: 2026-12-18 }",
    );
    let (s, _) = run(&c, "2026-12-18");
    // Reg. 33: the first review within 20 working days of Fri 18 Dec: 21-24,
    // 29-31 Dec, 4-8, 11-15, 18-20 Jan: Wed 20 Jan 2027.
    assert_eq!(due(&s, "first-statutory-review"), d("2027-01-20"));
    // The second within 3 months of the first: Tue 20 Apr; then every 6 months.
    assert_eq!(due(&s, "second-statutory-review"), d("2027-04-20"));
    assert_eq!(due(&s, "later-statutory-review"), d("2027-10-20"));
    assert!(
        s.step("placement-planning-meeting").is_none(),
        "001's, not 004's"
    );
    assert!(
        s.step("looked-after-care-planning-meeting").is_none(),
        "002's, not 004's"
    );
}

#[test]
fn a_review_lpm_deciding_to_issue_ends_pre_proceedings_and_plans_the_court_timeline() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "review_lpms: [{ date: 2027-02-22, decision: issue-care-proceedings }]",
    );
    let (s, findings) = run(&c, "2027-03-20");
    assert_eq!(due(&s, "review-papers-to-legal"), d("2027-03-08"));
    assert_eq!(due(&s, "review-issue"), d("2027-03-15"));
    let pre = s.timeline("pre-proceedings").unwrap();
    assert_eq!(pre.ended.as_ref().unwrap().0, d("2027-02-22"));
    let final_meeting = s.step("final-meeting").unwrap();
    assert!(final_meeting.ended);
    assert_eq!(
        status::status(final_meeting, d("2027-03-20"), cal(), 5),
        Status::Ended
    );
    // Ended steps are not reported overdue; steps before the end still are.
    let overdue: Vec<&str> = findings
        .iter()
        .filter(|f| f.code == "overdue")
        .map(|f| f.path.as_str())
        .collect();
    assert!(!overdue.contains(&"done.final-meeting"), "{overdue:?}");
    assert!(overdue.contains(&"done.week-7-lpm"), "{overdue:?}");
    assert!(overdue.contains(&"done.review-issue"), "{overdue:?}");
    let court = s.timeline("court").unwrap();
    assert_eq!(court.start, d("2027-03-15"));
}

const EXTEND: &str = "review_lpms: [{ date: 2027-02-22, decision: extend-pre-proceedings, extension_weeks: 4, head_of_service_agreed: true }]";

#[test]
fn an_agreed_extension_moves_the_end_of_pre_proceedings() {
    let c = case("2026-11-16", "initiate-pre-proceedings", EXTEND);
    let (s, findings) = run(&c, "2027-02-22");
    let end = s.step("end-of-pre-proceedings").unwrap();
    // 16 weeks after the LPM is Mon 8 Mar 2027; plus 4 weeks, Mon 5 Apr.
    assert_eq!(end.due, d("2027-04-05"));
    assert!(
        end.rule
            .contains("extended by 4 weeks at the review LPM on 22 February 2027")
    );
    assert!(
        findings
            .iter()
            .all(|f| f.severity != crate::diagnostics::Severity::Error)
    );
}

#[test]
fn an_extension_without_the_head_of_services_agreement_is_an_error() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        &EXTEND.replace(
            "head_of_service_agreed: true",
            "head_of_service_agreed: false",
        ),
    );
    let (s, findings) = run(&c, "2027-02-22");
    assert_eq!(due(&s, "end-of-pre-proceedings"), d("2027-03-08"));
    let f = findings
        .iter()
        .find(|f| f.code == "extension-not-agreed")
        .unwrap();
    assert_eq!(f.severity, crate::diagnostics::Severity::Error);
    assert_eq!(f.path, "review_lpms[0].decision");
    assert_eq!(f.source.as_deref(), Some("004 §11a(ii); App. 2"));
}

#[test]
fn an_extension_beyond_four_weeks_or_after_week_16_is_a_finding() {
    let long = EXTEND.replace("extension_weeks: 4", "extension_weeks: 6");
    let c = case("2026-11-16", "initiate-pre-proceedings", &long);
    let (s, findings) = run(&c, "2027-02-22");
    assert!(codes(&findings).contains(&"extension-too-long"));
    assert_eq!(due(&s, "end-of-pre-proceedings"), d("2027-03-08"));
    let after = EXTEND.replace("date: 2027-02-22", "date: 2027-03-15");
    let c = case("2026-11-16", "initiate-pre-proceedings", &after);
    let (_, findings) = run(&c, "2027-03-15");
    assert!(codes(&findings).contains(&"extension-after-deadline"));
}

#[test]
fn status_against_today() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "done: { outcome-recorded: 2026-11-16, minutes-authorised: 2026-11-24 }",
    );
    let today = d("2026-11-22");
    let (s, findings) = run(&c, "2026-11-22");
    let st = |id: &str| status::status(s.step(id).unwrap(), today, cal(), 5);
    assert_eq!(st("outcome-recorded"), Status::Done);
    // Recorded for a future date after its deadline (Fri 20 Nov).
    assert_eq!(st("minutes-authorised"), Status::BookedLate);
    assert_eq!(st("actions-recorded"), Status::Overdue);
    // Mon 23 Nov is 1 working day away.
    assert_eq!(st("letter-before-proceedings"), Status::DueSoon);
    assert_eq!(st("stage-2-complete"), Status::Due);
    let overdue = findings
        .iter()
        .find(|f| f.path == "done.actions-recorded")
        .unwrap();
    assert!(overdue.message.starts_with(
        "overdue: actions agreed recorded as a case note was due by 17 November 2026"
    ));
}

#[test]
fn done_entries_must_name_a_step_that_applies() {
    let c = case(
        "2026-11-16",
        "initiate-pre-proceedings",
        "done: { minutes-authorized: 2026-11-19, letter-of-issue: 2026-11-17 }",
    );
    let (_, findings) = run(&c, "2026-11-22");
    let typo = findings.iter().find(|f| f.code == "unknown-step").unwrap();
    assert_eq!(
        typo.help.as_deref(),
        Some("did you mean `minutes-authorised`?")
    );
    let elsewhere = findings
        .iter()
        .find(|f| f.code == "step-not-applicable")
        .unwrap();
    assert_eq!(elsewhere.path, "done.letter-of-issue");
}

#[test]
fn a_deadline_past_the_data_names_the_missing_year() {
    let c = case("2030-11-18", "issue-care-proceedings", "");
    let (s, findings) = crate::check::schedule(&c, default_profile(), cal(), d("2030-11-18"));
    assert!(s.is_none());
    let f = findings
        .iter()
        .find(|f| f.code == "calendar-range")
        .unwrap();
    assert!(
        f.message
            .contains("no bank-holiday data for England and Wales in 2031"),
        "{}",
        f.message
    );
    assert!(f.help.as_deref().unwrap().contains("--holidays"));
    assert!(data_running_out(cal(), d("2030-01-02")).is_some());
    assert!(data_running_out(cal(), d("2029-12-31")).is_none());
}

#[test]
fn the_lpm_request_timescales_before_the_lpm() {
    // Approved Mon 2 Nov 2026: LPM due within 2 weeks (Mon 16 Nov); held Wed
    // 18 Nov, so late. Papers a full week before the LPM actually held: Wed 11 Nov.
    // Deferred Tue 20 Oct: decision within 2 weeks (Tue 3 Nov); approved
    // 2 Nov, on time. The Service Manager Panel (001) is not Gloucestershire's:
    // its recommendation starts nothing under the default profile.
    let c = case(
        "2026-11-18",
        "initiate-pre-proceedings",
        "lpm_request: { panel_recommended: 2026-10-30, deferred: 2026-10-20, approved: 2026-11-02 }",
    );
    let (s, findings) = run(&c, "2026-11-18");
    let held = s.step("lpm-held").unwrap();
    assert_eq!(held.due, d("2026-11-16"));
    assert_eq!(held.actual, Some(d("2026-11-18")));
    assert_eq!(due(&s, "papers-to-panel"), d("2026-11-11"));
    assert_eq!(due(&s, "request-decided"), d("2026-11-03"));
    assert!(!s.step("request-decided").unwrap().is_late());
    assert!(s.step("legal-gateway-meeting").is_none());
    let late: Vec<(&str, Option<&str>)> = findings
        .iter()
        .filter(|f| f.code == "late")
        .map(|f| (f.path.as_str(), f.source.as_deref()))
        .collect();
    assert_eq!(late, [("lpm.date", Some("004 §6f"))]);
}

mod corrections;
