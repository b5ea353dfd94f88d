//! What parents read or sign is held to the letters' plain-language
//! targets, and cites no procedure section: "004 §9b(iv)" means nothing to
//! a parent. Professionals' documents keep their sources.

use serde_json::Value;

use super::*;

/// A seed citation as printed: "004 §9b", "App. 2".
fn citations(text: &str) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let re = regex::Regex::new(r"00[0-4] §|App\. [0-9]").unwrap();
    re.find_iter(&text)
        .map(|m| {
            let from = text[..m.start()]
                .char_indices()
                .rev()
                .nth(40)
                .map_or(0, |(i, _)| i);
            text[from..(m.end() + 20).min(text.len())].to_string()
        })
        .collect()
}

#[test]
fn no_document_in_a_parents_pack_cites_a_procedure_section() {
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let out = casepack(dir.path(), &["build", "case.yaml", "--audience", "parents"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pdfs = 0;
    for id in ["kerry", "tomasz"] {
        let pack = unzip(&dir.path().join(format!("case-parents-{id}-pack.zip")));
        for (name, bytes) in &pack {
            if !name.ends_with(".pdf") || name.starts_with("attachments/") {
                continue;
            }
            pdfs += 1;
            let found = citations(&pdf_text(bytes));
            assert!(found.is_empty(), "{id}'s {name} cites: {found:?}");
        }
    }
    // The cover, the letter and the agreement in each, and Kerry's Easy
    // Read letter and agreement.
    assert_eq!(pdfs, 8);
    // The pattern finds what professionals' documents print.
    let (_d, _, panel) = build(&abs(SAMPLE));
    let sheet = citations(&pdf_text(&panel["pre-proceedings-timeline.pdf"]));
    assert!(sheet.len() >= 5, "{sheet:?}");
}

#[test]
fn the_agreement_parents_sign_is_measured_and_explains_its_words() {
    let out = casepack(&root(), &["check", SAMPLE, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let measured: Vec<&str> = v["plain_language"]["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["document"].as_str().unwrap())
        .collect();
    assert_eq!(
        measured,
        [
            "letter-before-proceedings",
            "letter-before-proceedings",
            "pre-proceedings-agreement"
        ]
    );
    let agreement = &v["plain_language"]["letters"][2];
    assert!(agreement["reading_ease"].as_f64().unwrap() >= 60.0);
    assert_eq!(agreement["jargon"], serde_json::json!([]));
    // Its "Words we use" box explains the terms it cannot avoid.
    let (_d, _, pack) = build(&abs(SAMPLE));
    let text = squash(&pdf_text(&pack["pre-proceedings-agreement.pdf"]));
    assert!(
        text.contains(&squash(
            "Words we use Some words in this agreement have a special meaning."
        )),
        "{text}"
    );
    assert!(text.contains(&squash("Parental responsibility")), "{text}");
}
