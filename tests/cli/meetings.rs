//! Meeting types end to end: for every type a case that checks clean and
//! builds a pack holding exactly the documents its type lists, and for
//! every requirement a case that breaks it and gets the finding, with the
//! severity and source the rule data gives it.

pub(super) use super::case_dir;
use super::*;

/// A sample with its `meeting:` block replaced by `block`.
pub(super) fn with_meeting(sample: &str, block: &str) -> String {
    let text = std::fs::read_to_string(root().join(sample)).unwrap();
    let start = text
        .find("\nmeeting:\n")
        .expect("the sample has a meeting block")
        + 1;
    let end = start + text[start..].find("\n\n").unwrap() + 1;
    format!("{}{}{}", &text[..start], block, &text[end..])
}

pub(super) const REVIEW_LPM: &str = "\
meeting:
  type: review-lpm
  date: 2027-02-15
  chair: Dr Helen Marsh
  attendees:
    - { name: Dr Helen Marsh, role: Head of Service (chair) }
    - { name: Owen Pritchard, role: Legal adviser }
    - { name: Grace Adeyemi, role: Social worker }
progress_since_lpm: >-
  Maisie has been at school every day since December; the childcare plan
  has been kept on every unannounced visit.
";

const CPM_ONE: &str = "\
meeting:
  type: cpm-one
  date: 2026-11-05
  chair: Claire Dunmore
  attendees:
    - { name: Claire Dunmore, role: Safeguarding team manager (chair) }
    - { name: Aisha Rahman, role: Social worker }
    - { name: Paul Grant, role: Supervising social worker (fostering) }
    - { name: Mina Shah, role: Contact centre manager }
";

const CPM_TWO: &str = "\
meeting:
  type: cpm-two
  date: 2027-01-08
  chair: Claire Dunmore
  attendees:
    - { name: Claire Dunmore, role: Safeguarding team manager (chair) }
    - { name: Aisha Rahman, role: Social worker }
    - { name: Paul Grant, role: Supervising social worker (fostering) }
    - { name: Tessa Lyle, role: Social worker assessing connected persons }
    - { name: Mina Shah, role: Contact centre manager }
";

const CPM_THREE: &str = "\
meeting:
  type: cpm-three
  date: 2027-01-20
  chair: Rob Ingram
  attendees:
    - { name: Rob Ingram, role: Service manager (chair) }
    - { name: Claire Dunmore, role: Team manager }
    - { name: Aisha Rahman, role: Social worker }
    - { name: Owen Pritchard, role: Legal adviser }
    - { name: Paul Grant, role: Fostering representative }
    - { name: Mina Shah, role: Contact centre manager }
";

const LOOKED_AFTER_CPM: &str = "\
meeting:
  type: looked-after-cpm
  date: 2026-12-30
  chair: Aisha Rahman
  attendees:
    - { name: Aisha Rahman, role: Social worker (chair) }
    - { name: Jo Carter, role: Foster carer }
    - { name: Shannon Brennan, role: Mother }
";

/// For each meeting type: the case, the arguments, and the pack's files.
pub(super) fn clean_cases() -> Vec<(&'static str, String, Vec<&'static str>, Vec<&'static str>)> {
    let sample = |s: &str| std::fs::read_to_string(root().join(s)).unwrap();
    vec![
        (
            "lpm",
            sample(SAMPLE),
            vec!["--meeting", "lpm"],
            vec![
                "plo-summary.pdf",
                "chronology.pdf",
                "genogram.pdf",
                "lpm-minutes.pdf",
            ],
        ),
        (
            "review-lpm",
            with_meeting(SAMPLE, REVIEW_LPM),
            vec![],
            vec!["plo-summary.pdf", "pre-proceedings-timeline.pdf"],
        ),
        (
            "pre-proceedings-meeting",
            sample(SAMPLE),
            vec![],
            vec![
                "letter-before-proceedings-kerry.pdf",
                "letter-before-proceedings-tomasz.pdf",
                "pre-proceedings-agreement.pdf",
                "kinship-schedule.pdf",
                "pre-proceedings-timeline.pdf",
            ],
        ),
        (
            "advocates-meeting",
            sample(ISSUE_SAMPLE),
            vec![],
            vec!["advocates-agenda.pdf", "court-timeline.pdf"],
        ),
        (
            "cpm-one",
            with_meeting(ISSUE_SAMPLE, CPM_ONE),
            vec![],
            vec![
                "cpm-one-papers.pdf",
                "court-timeline.pdf",
                "looked-after-timeline.pdf",
            ],
        ),
        (
            "cpm-two",
            with_meeting(ISSUE_SAMPLE, CPM_TWO),
            vec![],
            vec![
                "cpm-two-papers.pdf",
                "court-timeline.pdf",
                "looked-after-timeline.pdf",
            ],
        ),
        (
            "cpm-three",
            with_meeting(ISSUE_SAMPLE, CPM_THREE),
            vec![],
            vec!["cpm-three-papers.pdf", "court-timeline.pdf"],
        ),
        (
            "looked-after-cpm",
            with_meeting(ISSUE_SAMPLE, LOOKED_AFTER_CPM),
            vec![],
            vec!["looked-after-cpm-record.pdf", "looked-after-timeline.pdf"],
        ),
    ]
}

#[test]
fn every_meeting_type_has_a_case_that_checks_clean_and_builds_its_pack() {
    let cases = clean_cases();
    let out = casepack(&root(), &["meetings"]);
    let listed: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let covered: Vec<&str> = cases.iter().map(|c| c.0).collect();
    assert_eq!(listed, covered, "a meeting type has no clean case");
    for (id, text, args, files) in cases {
        let dir = case_dir(&text);
        let mut check = vec!["check", "case.yaml"];
        check.extend(&args);
        let out = casepack(dir.path(), &check);
        assert_eq!(out.status.code(), Some(0), "{id}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("no findings"),
            "{id}: {}",
            stderr(&out)
        );
        let mut build = vec!["build", "case.yaml", "-o", "pack.zip"];
        build.extend(&args);
        let out = casepack(dir.path(), &build);
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        let entries = unzip(&dir.path().join("pack.zip"));
        let mut expected: Vec<&str> = files.clone();
        expected.push("manifest.json");
        expected.push("cover-and-index.pdf");
        expected.sort();
        // casepack's own documents here; the attachments are tested in attachments.rs.
        let names: Vec<&str> = entries
            .keys()
            .map(String::as_str)
            .filter(|n| !n.starts_with("attachments/"))
            .collect();
        assert_eq!(names, expected, "{id}");
        let manifest: serde_json::Value =
            serde_json::from_slice(&entries["manifest.json"]).unwrap();
        assert_eq!(
            entries.len() - names.len(),
            manifest["attachments"].as_array().unwrap().len(),
            "{id}"
        );
        assert_eq!(manifest["meeting"], id);
    }
}

mod breaks;
