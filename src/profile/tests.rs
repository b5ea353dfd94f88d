//! The default profile loads, cites a seed for every rule, and malformed
//! profiles are refused with the reason.
use super::*;

pub(crate) const DEFAULT_YAML: &str = include_str!("../../data/profiles/gloucestershire.yaml");

fn ew() -> &'static crate::calendar::Calendar {
    crate::calendar::Calendar::england_and_wales()
}

/// The profile `text` describes, read with the England and Wales calendar;
/// its error as the message a user reads.
pub(crate) fn from_yaml(text: &str) -> Result<Profile, String> {
    Profile::from_yaml(text, ew()).map_err(|e| e.to_string())
}

#[test]
fn the_default_profile_loads_and_cites_a_seed_for_every_rule() {
    let p = from_yaml(DEFAULT_YAML).unwrap();
    let pre = p
        .timelines
        .iter()
        .find(|t| t.id == "pre-proceedings")
        .unwrap();
    assert!(pre.steps.len() >= 10);
    let lbp = p.step("letter-before-proceedings").unwrap();
    assert_eq!(lbp.due.offset, Offset::WorkingDays(5));
    assert_eq!(lbp.source, "004 §9b(ii); App. 2");
    let cmh = p.step("case-management-hearing").unwrap();
    assert_eq!(cmh.due.offset, Offset::CourtDay(18));
    assert!(cmh.set_by_court);
    for id in [
        "letter-of-issue",
        "first-statutory-review",
        "stage-2-complete",
        "final-care-planning-meeting",
        "advocates-meeting",
        "final-hearing",
        "next-lpm",
        "review-issue",
    ] {
        assert!(p.step(id).is_some(), "no step {id}");
    }
}

#[test]
fn rules_counting_from_each_other_in_a_loop_are_rejected() {
    let text = DEFAULT_YAML.replace(
        "due: { after: letter-before-proceedings, working_days: 10 }",
        "due: { after: agreement-to-legal, working_days: 10 }",
    );
    let err = from_yaml(&text).unwrap_err();
    assert!(
        err.contains("in a loop: agreement-to-legal, assessment-plan-to-legal, initial-meeting"),
        "{err}"
    );
}

#[test]
fn timelines_starting_from_each_other_in_a_loop_are_rejected() {
    let text = DEFAULT_YAML.replace(
        "starts: [lpm.decided_to_issue]",
        "starts: [lpm.decided_to_issue, case-management-hearing]",
    );
    let err = from_yaml(&text).unwrap_err();
    assert!(err.contains("start from each other in a loop"), "{err}");
}

#[test]
fn a_rule_counting_from_an_unknown_step_is_rejected() {
    let text = DEFAULT_YAML.replace(
        "due: { after: letter-before-proceedings, working_days: 10 }",
        "due: { after: letter-sent, working_days: 10 }",
    );
    let err = from_yaml(&text).unwrap_err();
    assert!(
        err.contains("initial-meeting: counts from `letter-sent`"),
        "{err}"
    );
}

#[test]
fn an_unknown_recorded_by_event_is_rejected() {
    let text = DEFAULT_YAML.replace(
        "recorded_by: pre_proceedings_meeting.date",
        "recorded_by: pre_proceedings_meeting.when",
    );
    let err = from_yaml(&text).unwrap_err();
    assert!(
        err.contains("`pre_proceedings_meeting.when` is not a case event"),
        "{err}"
    );
}

#[test]
fn a_court_day_counting_backwards_is_rejected() {
    let text = DEFAULT_YAML.replace(
        "due: { after: start, court_day: 18 }",
        "due: { before: start, court_day: 18 }",
    );
    let err = from_yaml(&text).unwrap_err();
    assert!(
        err.contains("`court_day` and `week` count forward only"),
        "{err}"
    );
    assert!(
        err.starts_with("timelines[court].steps[case-management-hearing].due:"),
        "the error names where, by id: {err}"
    );
}

#[test]
fn every_meeting_type_cites_a_seed_for_every_requirement() {
    let p = from_yaml(DEFAULT_YAML).unwrap();
    let ids: Vec<&str> = p.meetings.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "lpm",
            "review-lpm",
            "pre-proceedings-meeting",
            "advocates-meeting",
        ]
    );
    let lpm = p.meeting("lpm").unwrap();
    let genogram = lpm.requires.iter().find(|r| r.id == "genogram").unwrap();
    assert!(matches!(genogram.check(), Check::Genogram(3)));
    assert_eq!(genogram.source, "004 §4d(iii)");
    let review = p.meeting("review-lpm").unwrap();
    assert!(review.forbidden_purposes["revoke-order"].contains("004 §11b"));
}

#[test]
fn a_requirement_with_two_checks_or_an_unknown_role_is_rejected() {
    let two = DEFAULT_YAML.replace(
        "        attendee: team-manager\n        severity: warning\n        source: 004 §7b",
        "        attendee: team-manager\n        field: worries\n        severity: warning\n        source: 004 §7b",
    );
    let err = from_yaml(&two).unwrap_err();
    assert!(
        err.starts_with("meetings[lpm].requires[team-manager]:") && err.contains("exactly one of"),
        "{err}"
    );
    let unknown = DEFAULT_YAML.replace(
        "        attendee: team-manager\n        severity: warning\n        source: 004 §7b",
        "        attendee: team-boss\n        severity: warning\n        source: 004 §7b",
    );
    assert!(
        from_yaml(&unknown)
            .unwrap_err()
            .contains("`team-boss` is not a role")
    );
}

#[test]
fn explain_names_the_chair_the_pack_and_the_sources() {
    let p = default_profile();
    let text = explain::explain(p, p.meeting("lpm").unwrap());
    assert!(
        text.contains("Chair: Head of service (004 §6a, §7d)"),
        "{text}"
    );
    assert!(text.contains("A genogram of at least three generations (must)"));
    assert!(text.contains("Only when held for: issue-care-proceedings. (procedure: 004 §4d(v))"));
    // A figure no procedure states is said to be a local setting.
    assert!(
        text.contains("an entry in the 3 months before the meeting: local setting, not in the procedure: 004 §4d(ii) asks for an up-to-date chronology"),
        "{text}"
    );
    assert!(text.contains("At least one full week before the LPM"));
    // Each block of timescales says what it counts from, and how weeks count.
    let ppm = explain::explain(p, p.meeting("pre-proceedings-meeting").unwrap());
    for want in [
        "16-week pre-proceedings timeline, counted from the LPM:",
        "Pre-proceedings, week by week, counted from the first pre-proceedings meeting (as held, else its deadline):",
        explain::WEEKS,
    ] {
        assert!(ppm.contains(want), "no {want:?} in:\n{ppm}");
    }
    let list = explain::list(p);
    assert_eq!(list.lines().count(), p.meetings.len());
    assert!(list.starts_with("lpm "));
}

#[test]
fn every_agenda_item_and_point_is_whole_and_cites_a_seed() {
    let profile = from_yaml(DEFAULT_YAML).unwrap();
    let mut items = 0;
    for doc in &profile.documents {
        for a in &doc.agenda {
            items += 1;
            assert!(a.source.starts_with("004"), "{}: {}", a.id, a.source);
            // A comma in a YAML flow list splits a point in two; the second
            // half would start in lower case.
            for p in &a.points {
                assert!(
                    p.starts_with(|c: char| c.is_uppercase()),
                    "{}/{}: point {p:?} looks split",
                    doc.id,
                    a.id
                );
            }
        }
    }
    assert!(items >= 6, "{items} agenda items");
}

#[test]
fn bundle_sections_are_whole_and_every_document_has_one() {
    let p = default_profile();
    // The LPM reads in 004 §4d's order; other meetings use the profile's.
    let lpm = p.bundle_sections("lpm");
    assert_eq!(lpm[0].title, "The social worker's papers");
    let sections = p.bundle_sections("cpm-one");
    assert_eq!(sections.len(), 6);
    assert_eq!(
        sections[super::section_of(sections, Some("plo-summary"), None)].letter,
        "C"
    );
    assert_eq!(
        sections[super::section_of(sections, None, Some("expert-report"))].letter,
        "E"
    );
    // Letters to parents, and anything a profile adds, fall to the `rest` section.
    assert_eq!(
        sections[super::section_of(sections, Some("letter-of-issue"), None)].letter,
        "F"
    );
    assert_eq!(
        sections[super::section_of(sections, None, Some("other"))].letter,
        "F"
    );
    let no_rest = DEFAULT_YAML.replace(
        "      title: Other documents and letters\n      rest: true\n",
        "      title: Other documents and letters\n",
    );
    assert!(
        from_yaml(&no_rest)
            .unwrap_err()
            .contains("exactly one bundle section must be marked `rest: true`")
    );
    let twice = DEFAULT_YAML.replace(
        "      attachments: [expert-report]\n",
        "      attachments: [expert-report, court-order]\n",
    );
    assert!(
        from_yaml(&twice)
            .unwrap_err()
            .contains("`court-order` is in two bundle sections")
    );
    let unknown = DEFAULT_YAML.replace(
        "      attachments: [expert-report]\n",
        "      attachments: [expert-reprot]\n",
    );
    assert!(
        from_yaml(&unknown)
            .unwrap_err()
            .contains("`expert-reprot` is not an attachment kind")
    );
}

#[test]
fn a_profile_cannot_send_a_privileged_document_to_parents_or_advocates() {
    for who in ["parents", "advocates"] {
        let leaky = DEFAULT_YAML.replacen(
            "    audiences: [panel, legal]\n",
            &format!("    audiences: [panel, legal, {who}]\n"),
            1,
        );
        let err = from_yaml(&leaky).unwrap_err();
        assert!(
            err.contains("document `lpm-minutes` is legally privileged and cannot be for"),
            "{err}"
        );
        assert!(err.contains("000 §6"), "{err}");
    }
}

#[test]
fn every_built_in_profile_loads_and_names_itself() {
    for b in super::BUILT_IN {
        let p = match super::built_in(b.name) {
            Some(Ok(p)) => p,
            Some(Err(e)) => panic!("{e}"),
            None => panic!("{} is not found by its own name", b.name),
        };
        assert_eq!(p.profile, b.name);
        assert!(p.meeting(&p.default_meeting).is_some(), "{}", b.name);
    }
    assert_eq!(
        super::built_in("default").unwrap().unwrap().profile,
        "gloucestershire"
    );
    assert!(super::built_in("nowhere").is_none());
}

#[test]
fn a_profile_path_that_is_no_file_or_too_large_is_refused_not_read() {
    // A case may name any path as its profile: `/dev/zero` was read until memory ran out.
    let err = super::load::find("/dev/zero", std::path::Path::new("."), ew())
        .unwrap_err()
        .to_string();
    assert!(err.contains("is not a file"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, "#".repeat(1024 * 1024 + 1)).unwrap();
    let err = super::load::find("big.yaml", dir.path(), ew())
        .unwrap_err()
        .to_string();
    assert!(err.contains("too large to be a profile"), "{err}");
}

mod procedures;
