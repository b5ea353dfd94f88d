//! An authority's own wording: a profile's paragraphs print in its letters
//! in place of casepack's, with the case's values filled in as plain text;
//! a paragraph that does not render is an error at its line in the profile.

use serde_json::Value;

use super::*;

const CPM_PROFILE: &str = "samples/profiles/care-planning-meeting.yaml";

/// The sample in a temp dir, changed by `edit`, with `profile` beside it
/// as `westshore.yaml`.
fn with_profile(edit: impl Fn(String) -> String, profile: &str) -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let dir = case_dir(&edit(text));
    std::fs::write(dir.path().join("westshore.yaml"), profile).unwrap();
    dir
}

#[test]
fn a_profiles_own_paragraphs_print_in_its_letters() {
    let (_d, _, pack) = build_with(&abs(SAMPLE), &["--profile", &abs(CPM_PROFILE)]);
    let letter = squash(&pdf_text(&pack["letter-before-proceedings-kerry.pdf"]));
    for words in [
        "Westshore Borough Council is writing to you because we are worried about Maisie and Leo.",
        "You can talk to a solicitor about this letter for free.",
        "At the meeting on Thursday 26 November 2026 we will agree a plan with you.",
        "Please keep this letter safe. You may need it later.",
    ] {
        assert!(letter.contains(&squash(words)), "{words}\n{letter}");
    }
    // casepack's own words for those paragraphs are gone; the rest stay.
    assert!(!letter.contains(&squash("We have talked with our lawyers")));
    assert!(!letter.contains(&squash("At the meeting we will agree a written plan")));
    assert!(letter.contains(&squash("What happens if things do not change")));
    // Without the profile, casepack's words.
    let (_d, _, default) = build(&abs(SAMPLE));
    let letter = squash(&pdf_text(&default["letter-before-proceedings-kerry.pdf"]));
    assert!(letter.contains(&squash(
        "We have talked with our lawyers about these worries."
    )));
    assert!(!letter.contains(&squash("is writing to you because")));
}

#[test]
fn the_plain_language_check_reads_a_profiles_paragraphs() {
    let profile = "profile: w\nname: W\nwording:\n  letter-before-proceedings:\n    opening: >\n      Notwithstanding the aforementioned considerations, the local authority's statutory safeguarding obligations necessitate comprehensive multidisciplinary consideration of {{ child_names }}'s circumstances, including parenting capacity and the threshold criteria, irrespective of any subsequent developments whatsoever that may or may not occur in the coming weeks and months.\n";
    let dir = with_profile(|t| t, profile);
    let out = casepack(
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
    );
    // Each long sentence and jargon term is pointed at in the profile,
    // where it was written, naming both letters it is in.
    pin!(
        "plain-language-in-the-profiles-wording",
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
        &out
    );
}

#[test]
fn case_text_in_a_variable_and_markup_in_a_paragraph_print_literally() {
    let profile = "profile: w\nname: W\nwording:\n  letter-before-proceedings:\n    opening: \"Hello *now* #panic(\\\"no\\\") $x$ {{ child_names }} [end].\"\n";
    let dir = with_profile(
        |t| t.replace("name: Maisie Nowak", "name: '#eval(\"x\")] Nowak'"),
        profile,
    );
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "-o",
            "pack.zip",
            "--profile",
            "westshore.yaml",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("pack.zip"));
    let letter = squash(&pdf_text(&pack["letter-before-proceedings-kerry.pdf"]));
    assert!(
        letter.contains(&squash(
            "Hello *now* #panic(\"no\") $x$ #eval(\"x\")] and Leo [end]."
        )),
        "{letter}"
    );
}

#[test]
fn a_paragraph_that_does_not_render_is_an_error_at_its_line_in_the_profile() {
    let profile = "profile: w\nname: W\nwording:\n  letter-before-proceedings:\n    next: |\n      We will see you soon.\n      Bring {{ child_name }} with you.\n";
    let dir = with_profile(|t| t, profile);
    let out = casepack(
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("error[wording]").count(), 1, "{err}");
    pin!(
        "wording-that-does-not-render",
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
        &out
    );
    let out = casepack(
        dir.path(),
        &[
            "check",
            "case.yaml",
            "--profile",
            "westshore.yaml",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "wording")
        .unwrap();
    assert_eq!(f["file"], "westshore.yaml");
    assert_eq!(f["path"], "wording.letter-before-proceedings.next");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(7), Some(16))
    );
    // Nothing is built.
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "-o",
            "p.zip",
            "--profile",
            "westshore.yaml",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("p.zip").exists());
}

#[test]
fn wording_for_a_document_that_is_not_a_letter_is_refused_when_the_profile_loads() {
    let dir = with_profile(
        |t| t,
        "profile: w\nname: W\nwording:\n  lpm-minutes:\n    opening: Hello.\n",
    );
    let out = casepack(
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    pin!(
        "wording-for-the-minutes",
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
        &out
    );
}

#[test]
fn a_paragraph_from_a_profile_it_extends_is_placed_in_that_file() {
    let dir = with_profile(
        |t| t,
        "profile: w\nname: W\nextends: county.yaml\nwording:\n  letter-before-proceedings:\n    closing: Thank you.\n",
    );
    std::fs::write(
        dir.path().join("county.yaml"),
        "profile: county\nname: County\nwording:\n  letter-before-proceedings:\n    opening: Dear {{ parent }}.\n    closing: Goodbye.\n",
    )
    .unwrap();
    let out = casepack(
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    pin!(
        "wording-in-the-profile-it-extends",
        dir.path(),
        &["check", "case.yaml", "--profile", "westshore.yaml"],
        &out
    );
    // The closing it replaced is not rendered, so not an error of its own.
    assert_eq!(err.matches("error[wording]").count(), 1, "{err}");
}

/// What a letter must say is the profile's data, checked on the letter as
/// printed: an authority's paragraph that drops "free, whatever your
/// income" is an error at that paragraph's line, and nothing is written.
#[test]
fn a_wording_that_drops_what_the_letter_must_say_is_an_error_at_its_line() {
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE)).unwrap();
    let dir = super::meetings::case_dir(&text);
    std::fs::write(
        dir.path().join("profile.yaml"),
        "profile: westshore\nname: Westshore\nextends: default\nwording:\n  letter-of-issue:\n    legal_advice: |\n      A solicitor will help you and speak for you in court.\n      Ask them about legal aid.\n",
    )
    .unwrap();
    let args = [
        "build",
        "case.yaml",
        "--meeting",
        "lpm",
        "--profile",
        "profile.yaml",
        "-o",
        "p.zip",
    ];
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error[letter-must-say]: the letter does not say that legal advice is free for parents in care proceedings, whatever their income"), "{err}");
    assert!(err.contains("--> profile.yaml:7:7"), "{err}");
    assert!(
        err.contains("Letter of issue to Shannon Brennan; Letter of issue to Jordan Pike"),
        "{err}"
    );
    assert!(!dir.path().join("p.zip").exists());
    // Saying it in the authority's own words is enough.
    std::fs::write(
        dir.path().join("profile.yaml"),
        "profile: westshore\nname: Westshore\nextends: default\nwording:\n  letter-of-issue:\n    legal_advice: |\n      A solicitor will help you and speak for you in court.\n      It costs you nothing, whatever your income.\n",
    )
    .unwrap();
    let out = casepack(dir.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    // A profile may ask for more; what no paragraph of its own says is put
    // to the template.
    std::fs::write(
        dir.path().join("profile.yaml"),
        "profile: westshore\nname: Westshore\nextends: default\ndocuments:\n  - id: letter-of-issue\n    must_say:\n      - { id: welsh, what: That the letter is available in Welsh, any: [in Welsh], source: \"local: the council's Welsh language scheme\" }\n",
    )
    .unwrap();
    let out = casepack(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("error[letter-must-say]: the letter does not say that the letter is available in Welsh (template `letter-of-issue.typ`)"),
        "{}",
        stderr(&out)
    );
    // Every letter of every sample says all its profile asks.
    for sample in [SAMPLE, ISSUE_SAMPLE] {
        let out = casepack(&root(), &["check", sample, "--meeting", "lpm"]);
        assert!(
            !stderr(&out).contains("letter-must-say"),
            "{}",
            stderr(&out)
        );
    }
}
