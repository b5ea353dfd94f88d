//! The letters that close a stage: the letter of issue and the letter
//! ending pre-proceedings, one per parent, by the text of their PDFs.

use super::meetings::{REVIEW_LPM, case_dir, with_meeting};
use super::pack::snapshot;
use super::*;

#[test]
fn each_parent_gets_a_letter_of_issue_saying_what_happens_and_when() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(ISSUE_SAMPLE),
            "--meeting",
            "lpm",
            "-o",
            "p.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    for (file, greeting, solicitor) in [
        (
            "letter-of-issue-shannon.pdf",
            "Dear Ms Brennan,",
            "Your solicitor is Daniel Okoro",
        ),
        (
            "letter-of-issue-jordan.pdf",
            "Dear Mr Pike,",
            "Find a legal aid adviser",
        ),
    ] {
        let text = squash(&pdf_text(&pack[file]));
        for part in [
            greeting,
            "We are asking the family court to make decisions about Ruby",
            "we have decided to start care proceedings",
            "Please contact a solicitor today.",
            "This is free for parents in care proceedings. You do not have to pay, whatever your income.",
            solicitor,
            "Why we are going to court",
            "keep Ruby safe at home",
            "Ruby has had two injuries that have not been explained.",
            // The letter is dated before the issue date: it says "will".
            "We will send our application to the court by Friday 13 November 2026.",
            // The hearing the case records is the case management hearing,
            // not necessarily the first.
            "The case management hearing is on Tuesday 8 December 2026 at the Family Court at Northmoor.",
            "guardian. This is a person who does not work for us.",
            "within 26 weeks",
            "Who to contact",
            "Aisha Rahman",
            "Checked and countersigned by:",
        ] {
            assert!(text.contains(&squash(part)), "{file} lacks {part:?}");
        }
        assert!(!text.contains(&squash("LEGALLY PRIVILEGED")));
    }
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    let letter = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "letter-of-issue-jordan.pdf")
        .unwrap();
    assert_eq!(letter["audience"], "parent");
    assert_eq!(letter["recipient"], "Jordan Pike");
    snapshot(
        &root().join("templates/preview/letter-of-issue.json"),
        &std::fs::read(dir.path().join("data/letter-of-issue-shannon.json")).unwrap(),
    );
}

#[test]
fn each_parent_gets_a_letter_ending_pre_proceedings_with_their_progress() {
    let text = with_meeting(SAMPLE, REVIEW_LPM)
        + "
pre_proceedings_end:
  date: 2027-02-16
  progress:
    - Maisie has been at school every day since December.
    - An adult has been with the children on every visit, day and night.
  continues: a child in need plan, reviewed every 3 months
  next_meeting: 2027-03-02
  # Kerry's Easy Read letter: \"child in need plan\" is a hard word.
  easy_read:
    continues: We will keep helping you. We will meet every 3 months to check how things are going.
";
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "-o", "p.zip", "--data-dir", "data"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    for (file, greeting) in [
        (
            "letter-ending-pre-proceedings-kerry.pdf",
            "Dear Ms Hartley,",
        ),
        ("letter-ending-pre-proceedings-tomasz.pdf", "Dear Mr Nowak,"),
    ] {
        let text = squash(&pdf_text(&pack[file]));
        for part in [
            greeting,
            "Pre-proceedings for Maisie and Leo has ended",
            "We are not going to court.",
            "The progress you have made",
            "Maisie has been at school every day since December.",
            "We will keep working with you through a child in need plan, reviewed every 3 months.",
            "The next meeting is on Tuesday 2 March 2027.",
            "Who to contact",
        ] {
            assert!(text.contains(&squash(part)), "{file} lacks {part:?}");
        }
    }
    // Tomasz Nowak's interpreter is named in his letter only.
    assert!(
        squash(&pdf_text(&pack["letter-ending-pre-proceedings-tomasz.pdf"]))
            .contains(&squash("An interpreter who speaks Polish"))
    );
    // Kerry's Easy Read letter says the same in Easy Read, with the
    // progress as typed (it keeps the rules) and her own wording of what
    // carries on.
    let easy = squash(&pdf_text(
        &pack["easy-read-letter-ending-pre-proceedings-kerry.pdf"],
    ));
    for part in [
        "Our work before court has ended",
        "We are not going to court about Maisie and Leo now.",
        "Maisie has been at school every day since December.",
        "We will meet every 3 months to check how things are going.",
        "The next meeting is on Tuesday 2 March 2027.",
    ] {
        assert!(
            easy.contains(&squash(part)),
            "the Easy Read letter lacks {part:?}"
        );
    }
    snapshot(
        &root().join("templates/preview/letter-ending-pre-proceedings.json"),
        &std::fs::read(
            dir.path()
                .join("data/letter-ending-pre-proceedings-kerry.json"),
        )
        .unwrap(),
    );
}

/// Before the court lists a hearing the letter of issue promises no date:
/// the court sets the first hearing, which may be within days (an interim
/// care order is often heard at once), and the solicitor is told.
#[test]
fn a_letter_of_issue_before_any_listing_says_the_court_sets_the_first_hearing() {
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE)).unwrap();
    let dir =
        super::meetings::case_dir(&text.replace("  case_management_hearing: 2026-12-08\n", ""));
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--meeting", "lpm", "-o", "p.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&pdf_text(
        &unzip(&dir.path().join("p.zip"))["letter-of-issue-shannon.pdf"],
    ));
    for part in [
        "The court sets the date of the first hearing. It may be within a few days. The court will tell your solicitor, and we will tell you as soon as we know.",
        // Day 18 from the issue on Fri 13 Nov 2026 (004 App. 3 week 4).
        "The judge plans how the case will go at the case management hearing. This should be by Tuesday 8 December 2026.",
    ] {
        assert!(text.contains(&squash(part)), "lacks {part:?}: {text}");
    }
    assert!(!text.contains(&squash("usually by")), "{text}");
}

/// A parent in prison cannot search GOV.UK or ring round (004 asks for the
/// letter to reach them; DOMAIN "Letters to parents"): the letter says how
/// to get advice from prison, offers the list of solicitors by post, and
/// asks for help through the prison staff or in writing, not a telephone.
#[test]
fn a_letter_to_a_parent_in_prison_says_how_to_get_advice_from_prison() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/families/whitfield-cole.yaml"))
        .unwrap()
        .replace("    solicitor: { firm: Hale & Co Solicitors }\n", "");
    let dir = super::meetings::case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--recipient", "ryan", "-o", "r.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let letter = squash(&pdf_text(
        &unzip(&dir.path().join("r.zip"))["letter-before-proceedings-ryan.pdf"],
    ));
    for part in [
        "ask the prison's legal services or library staff to help you find one",
        "A solicitor can come to see you on a legal visit, or speak to you on a legal call.",
        "We will also send you a list of local solicitors who do family law if you ask: tell the prison staff, or write to us at the address at the top of this letter.",
        "tell the prison staff, or write to Grace Adeyemi, and we will arrange it",
        "please write to me, Grace Adeyemi, at the address at the top of this letter",
        "ask the prison staff to contact me",
        "You do not have to pay, whatever your income.",
    ] {
        assert!(
            letter.contains(&squash(part).replace('\'', "’")) || letter.contains(&squash(part)),
            "lacks {part:?}: {letter}"
        );
    }
    for never in [
        "GOV.UK",
        "search for",
        "please contact me",
        "tell Grace Adeyemi on",
    ] {
        assert!(!letter.contains(&squash(never)), "says {never:?}: {letter}");
    }
    // The other parents' letters keep the search and the telephone.
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--recipient", "dana", "-o", "d.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("d.zip"));
    let dana = squash(&pdf_text(&pack["letter-before-proceedings-dana.pdf"]));
    assert!(!dana.contains(&squash("prison")), "{dana}");
    assert!(
        dana.contains(&squash("please contact me, Grace Adeyemi, on 01632")),
        "{dana}"
    );
}
