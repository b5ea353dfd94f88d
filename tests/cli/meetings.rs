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
                "easy-read-letter-before-proceedings-kerry.pdf",
                "letter-before-proceedings-tomasz.pdf",
                "pre-proceedings-agreement.pdf",
                "easy-read-pre-proceedings-agreement-kerry.pdf",
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
