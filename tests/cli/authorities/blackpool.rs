//! Blackpool (seed 000): the Care Planning Meeting, Blackpool's name for the
//! Legal Planning Meeting, under the built-in `blackpool` profile, on the
//! fictional fixture `tests/fixtures/authorities/blackpool.yaml`.
//!
//! No hand-worked dates: 000 states no timescale at all. "The timing of a
//! Care Planning Meeting is likely to be determined by the urgency of court
//! proceedings and the need to allow sufficient time for necessary
//! preparation" (000 §5); whether and when to hold further meetings is for
//! the meeting to decide (000 §7); the notes are circulated to all attendees
//! with no time limit (000 §6). The profile therefore computes no deadline,
//! and these tests check that none is invented: not 004's (LBP in 5 working
//! days, issue by the 10th working day, the 16-week pre-proceedings
//! timeline) and not the 26-week court timeline, which 000 does not state
//! (it sends the reader to another Blackpool procedure, not among the
//! seeds).

use super::*;

const FIXTURE: &str = "tests/fixtures/authorities/blackpool.yaml";

/// The fixture's `attachments` entry for the care planning panel's decision.
const PANEL_DECISION: &str = "  - path: attachments/brennan-looked-after-review.pdf
    title: \"Care planning panel: decision to seek legal advice\"
    kind: panel-decision
    date: 2026-11-12
    author: Care planning panel
";

/// The fixture's `attachments` entry for the Families Together Meeting.
const FAMILIES_TOGETHER: &str = "  - path: attachments/brennan-single-assessment.pdf
    title: Families Together Meeting record
    kind: families-together-meeting
    date: 2026-09-28
    author: Families Together coordinator
";

#[test]
fn the_fixture_checks_clean_under_blackpool() {
    // No outcome is recorded before the meeting, and none is needed: the
    // pack is 000's record and papers, not 004's minutes template.
    assert_checks_clean(fixture_dir(FIXTURE, |t| t).path());
}

#[test]
fn blackpool_computes_no_deadline_because_000_states_none() {
    // Before the meeting: nothing to count from, and nothing to count.
    let dir = fixture_dir(FIXTURE, |t| t);
    let v = timeline(dir.path(), "case.yaml");
    assert_eq!(v["profile"], "blackpool");
    assert_eq!(
        v["timelines"],
        serde_json::json!([]),
        "000 §5: timing follows urgency"
    );

    // After a meeting that recommended care proceedings, with the issue
    // date recorded: 000 §2 sends the reader to the Care and Supervision
    // Proceedings and PLO Procedure, which is not 000, so neither 004's
    // issue timescales (letter of issue by the next working day, issue by
    // the 10th working day) nor the 26-week court timeline appear.
    let dir = fixture_dir(FIXTURE, |t| {
        t.replace(
            "  purpose: consider-proceedings\n",
            "  purpose: consider-proceedings\n  outcome: issue-care-proceedings\n",
        ) + "\nproceedings:\n  issued: 2026-12-09\n"
    });
    let v = timeline(dir.path(), "case.yaml");
    assert_eq!(v["timelines"], serde_json::json!([]));
    let out = casepack(dir.path(), &["timeline", "case.yaml"]);
    let text = stdout(&out);
    for absent in [
        "final-hearing",
        "letter-of-issue",
        "proceedings-issued",
        "26-week",
    ] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    // And nothing is overdue or late: there is no deadline to miss.
    let out = casepack(dir.path(), &["check", "case.yaml", "--today", "2027-06-30"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        !err.contains("overdue") && !err.contains("after its deadline"),
        "{err}"
    );
}

#[test]
fn explain_lists_000s_pack_chair_and_attendance_with_citations() {
    let out = casepack(&root(), &["explain", "lpm", "--profile", "blackpool"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Care Planning Meeting (lpm)"), "{text}");
    // What 000 §2 says "must be available", each with its citation.
    assert_cited(
        &text,
        &[
            (
                "The relevant assessment or assessments (must)",
                "000 §2 (\"Relevant assessment/s\")",
            ),
            (
                "An up to date chronology (must)",
                "000 §2 (\"An up to date Chronology\")",
            ),
            (
                "A plan, or a clear indication that options for a plan have been considered (must)",
                "000 §2 (\"A Plan or a clear indication that options for a plan have been considered\")",
            ),
            (
                "A genogram (must)",
                "000 §2 (\"A Genogram\"; 000 gives no number of generations)",
            ),
            (
                "The care planning panel documents with the decision to seek legal advice (must)",
                "000 §2 (\"Care planning panel documents with the decision to seek legal advice\")",
            ),
            (
                "Any Families Together Meeting details (should)",
                "000 §2 (\"Any Families Together Meetings details\")",
            ),
            (
                "The Care Planning template record, with an oversight of the legal advice (must)",
                "000 §6 (\"An oversight of the legal advice should be provided",
            ),
            (
                "A service manager, assistant director or head of service in the chair (must)",
                "000 §3, §4",
            ),
        ],
    );
    // The chronology's age is a local setting: 000 gives none.
    assert!(
        text.contains(
            "local setting, not in the procedure: 000 §2 asks for an up to date chronology"
        ),
        "{text}"
    );
    // The chair: 000 §3 (assistant director or head of service) and §4 (service manager).
    assert!(
        text.contains("Chair: A service manager, assistant director or head of service (000 §3"),
        "{text}"
    );
    assert!(
        text.contains("000 §4 (\"chaired by the Service Manager\")"),
        "{text}"
    );
    // The issues 000 §2 lists, as the record's agenda.
    for item in [
        "Whether the requirements of the Pre-Proceedings Checklist in the Public Law Outline have been met [pre-proceedings-checklist] (000 §2)",
        "Parents' capacity to litigate [capacity-to-litigate] (000 §2)",
        "Whether further Care Planning Meetings are necessary and, if so, when [further-meetings] (000 §7)",
    ] {
        assert!(text.contains(item), "no agenda item {item:?} in:\n{text}");
    }
    // Nothing of 004: no PLO summary, no team manager's rationale, no SWET
    // requirement, no timescales.
    for absent in ["PLO Summary", "rationale", "SWET", "Timescales", "004"] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
    // Blackpool has this one meeting type.
    let out = casepack(&root(), &["meetings", "--profile", "blackpool"]);
    let list = stdout(&out);
    assert_eq!(list.lines().count(), 1, "{list}");
    assert!(list.starts_with("lpm  Care Planning Meeting"), "{list}");
}

#[test]
fn the_care_planning_meeting_pack_builds_with_000s_documents() {
    let dir = fixture_dir(FIXTURE, |t| t);
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "pack.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("pack.zip"));
    for name in [
        "cover-and-index.pdf",
        "chronology.pdf",
        "genogram.pdf",
        "cpm-record.pdf",
        "attachments/hartley-nowak-single-assessment.pdf",
        "attachments/hartley-nowak-assessment-plan.pdf",
        "attachments/brennan-looked-after-review.pdf",
        "attachments/brennan-single-assessment.pdf",
    ] {
        assert!(pack.contains_key(name), "no {name}: {:?}", pack.keys());
    }
    for absent in ["plo-summary.pdf", "lpm-minutes.pdf", "letter-of-issue.pdf"] {
        assert!(!pack.contains_key(absent), "{absent} in the pack");
    }
    let manifest: Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    assert_eq!(manifest["profile"], "blackpool");
    // The Care Planning template record (000 §6): privileged, kept against
    // the issues of 000 §2, with the note prepared for it.
    let record = squash(&pdf_text(&pack["cpm-record.pdf"]));
    for phrase in [
        "Care Planning Meeting: record (Care Planning template)",
        "not to be disclosed to parents or other parties without the chair's or the Director's permission",
        "Whether the requirements of the Pre-Proceedings Checklist in the Public Law Outline have been met",
        "The child protection chair's views were requested on 16 November 2026.",
        "Blackpool Council",
    ] {
        assert!(
            record.contains(&squash(phrase)),
            "no {phrase:?} in the record"
        );
    }
}

#[test]
fn the_pack_needs_the_care_planning_panels_decision_and_asks_for_any_families_together_meeting() {
    // Without the care planning panel documents (000 §2): an error, nothing built.
    let dir = fixture_dir(FIXTURE, |t| {
        assert!(t.contains(PANEL_DECISION));
        t.replace(PANEL_DECISION, "")
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error[missing-attachment]: the Care Planning Meeting needs the care planning panel documents with the decision to seek legal advice"), "{err}");
    assert!(err.contains("source: 000 §2 (\"Care planning panel documents with the decision to seek legal advice\")"), "{err}");
    // Without Families Together Meeting details ("Any", 000 §2): a warning only.
    let dir = fixture_dir(FIXTURE, |t| {
        assert!(t.contains(FAMILIES_TOGETHER));
        t.replace(FAMILIES_TOGETHER, "")
    });
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning[missing-attachment]: the Care Planning Meeting needs any Families Together Meeting details"), "{err}");
    assert!(
        err.contains("source: 000 §2 (\"Any Families Together Meetings details\")"),
        "{err}"
    );
}
