//! Names as people write them, and letters handed over: a letter greets
//! a parent by the family name the case gives, never by a guess at one; a
//! parent with no fixed address gets letters with no address, marked "By
//! hand", and how the social worker reaches them is on the social worker's
//! list and in no one else's pack.

use super::edit::Page;
use super::*;

const KERRY: &str = "    name: Kerry Hartley\n";
const SIOBHAN: &str = "    name: Siobhán O'Neill-Ó Súilleabháin\n";
const TOMASZ_ADDRESS: &str =
    "    address:\n      - Flat 3, 82 Mill Road\n      - Northmoor\n      - NM2 5HT\n";
const BY_HAND: &str = "    letters: by-hand\n    how_to_reach: Through the Greyford day centre, Tuesdays and Thursdays\n";
const REACHED: &str = "Through the Greyford day centre, Tuesdays and Thursdays";

/// The sample with each `(from, to)` made once.
fn sample_with(edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "the sample lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn a_name_of_many_words_is_greeted_whole_until_the_case_gives_the_family_name() {
    let dir = case_dir(&sample_with(&[(KERRY, SIOBHAN)]));
    let out = casepack(dir.path(), &["check", "case.yaml", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning only: {}",
        stderr(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warned: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "family-name")
        .collect();
    assert_eq!(warned.len(), 1, "{v:#}");
    assert_eq!(warned[0]["path"], "people[2].name");
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "a.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let letter = squash(&pdf_text(
        &unzip(&dir.path().join("a.zip"))["letter-before-proceedings-kerry.pdf"],
    ));
    assert!(
        letter.contains(&squash("Dear Siobhán O’Neill-Ó Súilleabháin,"))
            || letter.contains(&squash("Dear Siobhán O'Neill-Ó Súilleabháin,")),
        "{letter}"
    );
    assert!(
        !letter.contains(&squash("Dear Ms Súilleabháin")),
        "{letter}"
    );
    // With the family name given: by title and the whole family name, and no warning.
    let family = format!("{SIOBHAN}    family_name: \"O'Neill-Ó Súilleabháin\"\n");
    let dir = case_dir(&sample_with(&[(KERRY, &family)]));
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "b.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("family-name"), "{}", stderr(&out));
    let letter = squash(&pdf_text(
        &unzip(&dir.path().join("b.zip"))["letter-before-proceedings-kerry.pdf"],
    ));
    assert!(
        letter.contains(&squash("Dear Ms O’Neill-Ó Súilleabháin,"))
            || letter.contains(&squash("Dear Ms O'Neill-Ó Súilleabháin,")),
        "{letter}"
    );
}

#[test]
fn a_parent_with_no_fixed_address_has_their_letters_handed_to_them() {
    let dir = case_dir(&sample_with(&[(TOMASZ_ADDRESS, BY_HAND)]));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no-address"), "{}", stderr(&out));
    let out = casepack(dir.path(), &["build", "case.yaml", "--audience", "parents"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The social worker's list, in what the build says.
    let said = squash(&format!("{}{}", stdout(&out), stderr(&out)));
    assert!(
        said.contains(&squash(&format!(
            "letter-before-proceedings-tomasz.pdf is to be handed to Tomasz Nowak, not posted: {REACHED}"
        ))),
        "{said}"
    );
    let tomasz = unzip(&dir.path().join("case-parents-tomasz-pack.zip"));
    let letter = pdf_text(&tomasz["letter-before-proceedings-tomasz.pdf"]);
    let top: String = letter.lines().take(45).collect::<Vec<_>>().join("\n");
    assert!(top.contains("BY HAND"), "{top}");
    for never in ["Mill Road", "NM2 5HT", "Greyford"] {
        assert!(!letter.contains(never), "{never:?} in {letter}");
    }
    assert!(top.contains("Mr Tomasz Nowak"), "{top}");
    // Kerry's pack says nothing of how Tomasz is reached.
    let kerry = pack_text(&unzip(&dir.path().join("case-parents-kerry-pack.zip")));
    assert!(!kerry.contains(&squash("Greyford")), "{kerry}");
    assert!(!pack_text(&tomasz).contains(&squash("Greyford")));
    // The authority's pack cover lists the letters to hand over.
    let (_d, _, panel) = build(&dir.path().join("case.yaml").display().to_string());
    let cover = squash(&pdf_text(&panel["cover-and-index.pdf"]));
    assert!(cover.contains(&squash("Letters to hand over")), "{cover}");
    assert!(
        cover.contains(&squash(&format!("Tomasz Nowak {REACHED}"))),
        "{cover}"
    );
    // The advocates' pack does not.
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--audience",
            "advocates",
            "-o",
            "adv.zip",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let advocates = pack_text(&unzip(&dir.path().join("adv.zip")));
    assert!(!advocates.contains(&squash("Greyford")), "{advocates}");
}

#[test]
fn the_page_shows_how_letters_to_each_parent_begin() {
    let dir = case_dir(&sample_with(&[(KERRY, SIOBHAN), (TOMASZ_ADDRESS, BY_HAND)]));
    let page = Page::start(dir.path(), "case.yaml");
    let case = page.get("case").json()["case"].clone();
    let r = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    assert_eq!(r["errors"], 0, "{r:#}");
    assert_eq!(
        r["greetings"],
        serde_json::json!([
            { "path": "people[2]", "name": "Siobhán O'Neill-Ó Súilleabháin", "opens": "Dear Siobhán O'Neill-Ó Súilleabháin", "by_hand": false },
            { "path": "people[3]", "name": "Tomasz Nowak", "opens": "Dear Mr Nowak", "by_hand": true },
        ])
    );
    let mut case = case;
    case["people"][2]["family_name"] = "O'Neill-Ó Súilleabháin".into();
    let r = page
        .post("check", &serde_json::json!({ "case": case }))
        .json();
    assert_eq!(r["greetings"][0]["opens"], "Dear Ms O'Neill-Ó Súilleabháin");
    // The page's script puts each under the person, in these words.
    let script = page.get("assets/edit.js").text();
    assert!(
        script.contains("\"Letters will begin: \" + g.opens"),
        "{script}"
    );
}
