//! The packs of the samples: which documents, what their PDFs say, the
//! privileged marking, byte-identical rebuilds, and the snapshots of the
//! data handed to Typst and of the manifest.

use sha2::Digest;

use super::*;

#[test]
fn every_sample_checks_clean_and_builds() {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    samples.sort();
    assert!(!samples.is_empty());
    for sample in samples {
        let s = sample.display().to_string();
        let check = casepack(&root(), &["check", &s]);
        assert_eq!(check.status.code(), Some(0), "{s}: {}", stderr(&check));
        assert!(
            stderr(&check).contains("no findings"),
            "{s}: {}",
            stderr(&check)
        );
        let (_dir, _, entries) = build(&s);
        let manifest: serde_json::Value =
            serde_json::from_slice(&entries["manifest.json"]).unwrap();
        let files = manifest["files"].as_array().unwrap();
        let attachments = manifest["attachments"].as_array().unwrap();
        assert_eq!(
            files.len() + attachments.len() + 1,
            entries.len(),
            "every PDF is in the manifest"
        );
        for f in files {
            let name = f["name"].as_str().unwrap();
            let pdf = &entries[name];
            assert!(pdf.starts_with(b"%PDF-"), "{name} is a PDF");
            assert_eq!(
                f["pages"].as_u64().unwrap() as usize,
                pdf_pages(pdf).len(),
                "{name} page count"
            );
            let sha = sha2::Sha256::digest(pdf);
            let hex: String = sha.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(f["sha256"], hex, "{name} checksum");
        }
    }
}

#[test]
fn each_meeting_pack_holds_its_documents_named_for_what_they_are() {
    // The sample is for the first pre-proceedings meeting: the letters, the
    // agreement and the timeline; never the privileged LPM minutes.
    let (dir, out, entries) = build(&abs(SAMPLE));
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "attachments/hartley-nowak-assessment-plan.pdf",
            "attachments/hartley-nowak-single-assessment.pdf",
            "cover-and-index.pdf",
            "easy-read-letter-before-proceedings-kerry.pdf",
            "easy-read-pre-proceedings-agreement-kerry.pdf",
            "kinship-schedule.pdf",
            "letter-before-proceedings-kerry.pdf",
            "letter-before-proceedings-tomasz.pdf",
            "manifest.json",
            "pre-proceedings-agreement.pdf",
            "pre-proceedings-timeline.pdf",
        ]
    );
    // What it says it wrote: each document, its pages and its marks.
    pin!(
        "build-sample",
        dir.path(),
        &["build", &abs(SAMPLE), "-o", "pack.zip"],
        &out
    );
    // The same case's pack for the LPM holds the panel's papers and the
    // minutes template.
    let (_dir, _, entries) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "attachments/hartley-nowak-assessment-plan.pdf",
            "attachments/hartley-nowak-single-assessment.pdf",
            "chronology.pdf",
            "cover-and-index.pdf",
            "genogram.pdf",
            "lpm-minutes.pdf",
            "manifest.json",
            "plo-summary.pdf"
        ]
    );
}

#[test]
fn the_letters_say_what_the_case_says_and_what_the_procedure_requires() {
    let (_dir, _, entries) = build(&abs(SAMPLE));
    let kerry = pdf_text(&entries["letter-before-proceedings-kerry.pdf"]);
    let tomasz = pdf_text(&entries["letter-before-proceedings-tomasz.pdf"]);
    for (text, who) in [(&kerry, "Ms Kerry Hartley"), (&tomasz, "Mr Tomasz Nowak")] {
        let flat = squash(text);
        for phrase in [
            who,
            "Maisie and Leo",
            "Thursday 26 November 2026", // the meeting
            "10am",
            "Eastfield Family Hub",
            "Thursday 19 November 2026", // the letter's date
            "NM/CS/2026/0147",
            "Please take this letter to a solicitor",
            "whatever your income",
            "care proceedings",
            "Maisie is missing a lot of school.",
            "A family support worker who will visit twice a week",
            "Grace Adeyemi",
            "Checked and countersigned by",
            "Martin Shaw",
        ] {
            assert!(
                flat.contains(&squash(phrase)),
                "{who}'s letter lacks {phrase:?}"
            );
        }
        assert!(
            !text.contains("LEGALLY PRIVILEGED"),
            "a letter to a parent is never marked privileged"
        );
        assert!(text.contains("OFFICIAL-SENSITIVE"));
    }
    assert!(squash(&tomasz).contains(&squash(
        "An interpreter who speaks Polish will be at the meeting"
    )));
    assert!(!kerry.contains("speaks Polish"));
    assert!(squash(&kerry).contains(&squash(
        "your solicitor is Priya Raman at Raman & Cole Family Law"
    )));
}

#[test]
fn the_timeline_and_minutes_carry_the_computed_deadlines() {
    let (_dir, _, entries) = build(&abs(SAMPLE));
    let timeline = squash(&pdf_text(&entries["pre-proceedings-timeline.pdf"]));
    // LPM Monday 16 Nov 2026. Letter: 5 working days → Mon 23 Nov. First
    // meeting counted from the letter: 10 working days → Mon 7 Dec. PLO
    // review no later than eight weeks after the LPM (004 §9b(iv)): LPM + 56
    // days, Mon 11 Jan 2027. Pre-proceedings end 16 weeks after it, Mon 8 Mar
    // 2027; the review LPM before that point, Sun 7 Mar, so Fri 5 Mar.
    // App. 2's weeks count from the meeting booked for Thu 26 Nov (week 1):
    // stage 2 referrals 2 days after it, Sat 28 Nov, so Fri 27 Nov; stage 2
    // assessments by the end of week 5, 26 Nov + 34 days, Wed 30 Dec.
    for date in [
        "Mon 23 Nov 2026",
        "Mon 7 Dec 2026",
        "Mon 11 Jan 2027",
        "Mon 8 Mar 2027",
        "Fri 5 Mar 2027",
        "Fri 27 Nov 2026",
        "Sat 28 Nov 2026 is a Saturday",
        "Wed 30 Dec 2026",
    ] {
        assert!(timeline.contains(&squash(date)), "timeline lacks {date}");
    }
    // Each block says what it counts from.
    for heading in [
        "16-week pre-proceedings timeline",
        "Counted from the LPM on Monday 16 November 2026",
        "Pre-proceedings, week by week",
        "Counted from the first pre-proceedings meeting on Thursday 26 November 2026",
    ] {
        assert!(
            timeline.contains(&squash(heading)),
            "timeline lacks {heading:?}"
        );
    }
    for source in ["004 §9b(ii)", "004 §9b(iii)", "004 App. 2 week 5"] {
        assert!(
            timeline.contains(&squash(source)),
            "timeline lacks source {source}"
        );
    }
    let (_lpm_dir, _, lpm) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let minutes = squash(&pdf_text(&lpm["lpm-minutes.pdf"]));
    for phrase in [
        "Maisie Nowak",
        "Born 14 March 2019",
        "Monday 16 November 2026",
        "Dr Helen Marsh",
        "Owen Pritchard",
        "Initiate pre-proceedings — decided at this meeting",
        "23 November 2026",
        "7 December 2026",
        "5 March 2027",
        "Evidence against the threshold criteria",
        "Legal advice",
    ] {
        assert!(minutes.contains(&squash(phrase)), "minutes lack {phrase:?}");
    }
    let agreement = squash(&pdf_text(&entries["pre-proceedings-agreement.pdf"]));
    for phrase in [
        "Take Maisie to school every day, on time",
        "Thursday 7 January 2027",
        "Solicitor for Tomasz Nowak",
    ] {
        assert!(
            agreement.contains(&squash(phrase)),
            "agreement lacks {phrase:?}"
        );
    }
}

#[test]
fn the_minutes_are_legally_privileged_on_every_page() {
    let (_dir, _, entries) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let pages = pdf_pages(&entries["lpm-minutes.pdf"]);
    assert!(pages.len() >= 2);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains("LEGALLY PRIVILEGED"),
            "page {} lacks the marking",
            i + 1
        );
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
    let manifest: serde_json::Value = serde_json::from_slice(&entries["manifest.json"]).unwrap();
    let minutes = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "lpm-minutes.pdf")
        .unwrap();
    assert_eq!(minutes["privileged"], true);
    assert_eq!(minutes["audience"], "lpm-panel");
}

#[test]
fn the_same_case_gives_a_byte_identical_pack() {
    let (a, _, _) = build(&abs(SAMPLE));
    let (b, _, _) = build(&abs(SAMPLE));
    let x = std::fs::read(a.path().join("pack.zip")).unwrap();
    let y = std::fs::read(b.path().join("pack.zip")).unwrap();
    assert!(x == y, "two builds of the same case differ");
}

/// Compares `actual` with a committed file, or rewrites it when asked.
pub(super) fn snapshot(path: &Path, actual: &[u8]) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from what casepack produces now; if the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test` and review the diff",
        path.display()
    );
}

#[test]
fn the_data_handed_to_typst_and_the_manifest_match_their_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "-o",
            "pack.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // The template preview files are the snapshot of the data: a template
    // previewed on its own shows exactly what casepack gives it.
    let mut count = 0;
    for entry in std::fs::read_dir(dir.path().join("data")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        // One letter stands for both; the LPM pack's cover is the preview.
        if (name.starts_with("letter-before-proceedings-")
            && name != "letter-before-proceedings-kerry.json")
            || (name.starts_with("easy-read-")
                && name != "easy-read-letter-before-proceedings-kerry.json")
            || name == "cover-and-index.json"
        {
            continue;
        }
        let committed = if name.starts_with("letter-before-proceedings-") {
            "letter-before-proceedings.json".to_string()
        } else if name.starts_with("easy-read-") {
            "easy-read.json".to_string()
        } else {
            name
        };
        snapshot(
            &root().join("templates/preview").join(committed),
            &std::fs::read(&path).unwrap(),
        );
        count += 1;
    }
    assert_eq!(count, 5);
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "-o",
            "lpm.zip",
            "--meeting",
            "lpm",
            "--data-dir",
            "lpm-data",
            "--bundle",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "lpm-minutes.json",
        "plo-summary.json",
        "chronology.json",
        "genogram.json",
        "cover-and-index.json",
        "bundle.json",
    ] {
        snapshot(
            &root().join("templates/preview").join(name),
            &std::fs::read(dir.path().join("lpm-data").join(name)).unwrap(),
        );
    }
    let entries = unzip(&dir.path().join("pack.zip"));
    snapshot(
        &root().join("tests/snapshots/manifest.json"),
        &entries["manifest.json"],
    );
    // The court timeline sheet previews with the issue-stage sample's data.
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(ISSUE_SAMPLE),
            "-o",
            "issue.zip",
            "--data-dir",
            "issue-data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    snapshot(
        &root().join("templates/preview/court-timeline.json"),
        &std::fs::read(dir.path().join("issue-data/court-timeline.json")).unwrap(),
    );
}

#[test]
fn the_record_of_the_lpm_turns_the_minutes_template_into_the_minutes() {
    let text = std::fs::read_to_string(abs(SAMPLE)).unwrap();
    let recorded = text.replacen(
        "lpm:\n",
        "lpm:\n  decisions:\n    - The threshold is met; pre-proceedings is the right step while the family works on the plan.\n  actions:\n    - action: Send the letter before proceedings to each parent\n      who: Grace Adeyemi, social worker\n      by: 2026-11-19\n  dates_agreed:\n    - what: Letter before proceedings with the parents (hand delivered)\n      date: 2026-11-20\n",
        1,
    );
    let dir = case_dir(&recorded);
    let (_out, _, entries) = build_with(
        &dir.path().join("case.yaml").display().to_string(),
        &["--meeting", "lpm"],
    );
    let minutes = squash(&pdf_text(&entries["lpm-minutes.pdf"]));
    for phrase in [
        "The threshold is met; pre-proceedings is the right step",
        "Send the letter before proceedings to each parent",
        "Grace Adeyemi, social worker",
        "19 November 2026",
        "Agreed at the meeting",
    ] {
        assert!(minutes.contains(&squash(phrase)), "minutes lack {phrase:?}");
    }
    // The computed date the meeting recorded as agreed is shown once.
    assert_eq!(
        minutes
            .matches(&squash(
                "Letter before proceedings with the parents (hand delivered)"
            ))
            .count(),
        1,
        "{minutes}"
    );
    // Without a record, the spaces to write in stay.
    let (_d, _, blank) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    let blank = squash(&pdf_text(&blank["lpm-minutes.pdf"]));
    assert!(!blank.contains(&squash("Send the letter before proceedings to each parent")));
}
