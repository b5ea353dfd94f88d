//! Tests of the readability measures against reference scores.

use super::measure::{Counts, sentences, words};
use super::syllables::syllables;

/// The reference passages, as `score.py` reads them: name and text.
fn passages() -> Vec<(String, String)> {
    let text = include_str!("../../tests/data/readability/passages.txt");
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.lines().chain(std::iter::once("")) {
        if let Some(name) = line.strip_prefix("## ") {
            current = Some((name.trim().to_string(), Vec::new()));
        } else if line.trim().is_empty() {
            if let Some((name, lines)) = current.take()
                && !lines.is_empty()
            {
                out.push((name, lines.join(" ")));
            }
        } else if let Some((_, lines)) = &mut current {
            lines.push(line.trim());
        }
    }
    out
}

/// Reading Ease within 3 points and grade within 1 of Python textstat's,
/// on every reference passage (tests/data/readability/score.py).
#[test]
fn measures_agree_with_textstat_on_every_reference_passage() {
    let reference: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/data/readability/reference.json")).unwrap();
    let reference = reference["passages"].as_array().unwrap();
    let passages = passages();
    assert!(passages.len() >= 20, "{} passages", passages.len());
    assert_eq!(passages.len(), reference.len(), "run score.py again");
    let mut misses = Vec::new();
    for ((name, text), r) in passages.iter().zip(reference) {
        assert_eq!(name, r["name"].as_str().unwrap());
        let c = Counts::of([text.as_str()]);
        let (ease, grade) = (c.reading_ease(), c.grade());
        let (r_ease, r_grade) = (
            r["reading_ease"].as_f64().unwrap(),
            r["grade"].as_f64().unwrap(),
        );
        eprintln!(
            "{name:28} ease {ease:6.1} ({r_ease:6.1})  grade {grade:5.1} ({r_grade:5.1})  words {} ({})  sentences {} ({})  syllables {} ({})",
            c.words, r["words"], c.sentences, r["sentences"], c.syllables, r["syllables"]
        );
        if (ease - r_ease).abs() > 3.0 || (grade - r_grade).abs() > 1.0 {
            misses.push(name.clone());
        }
    }
    assert!(misses.is_empty(), "outside tolerance: {misses:?}");
}

#[test]
fn sentences_end_at_stops_but_not_abbreviations() {
    let text = "We met Mr. Nowak on 3 May. He said (e.g. at home) it was fine! Was it? \"Yes.\" Then 2.5 hours";
    let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        got,
        [
            "We met Mr. Nowak on 3 May.",
            "He said (e.g. at home) it was fine!",
            "Was it?",
            "\"Yes.\"",
            "Then 2.5 hours",
        ]
    );
}

#[test]
fn words_keep_hyphens_and_apostrophes_inside() {
    let got: Vec<&str> = words("Kerry's pre-proceedings plan — 'agreed' (2026).")
        .map(|(_, w)| w)
        .collect();
    assert_eq!(
        got,
        ["Kerry's", "pre-proceedings", "plan", "agreed", "2026"]
    );
}

#[test]
fn syllables_by_rule() {
    for (word, n) in [
        ("the", 1),
        ("make", 1),
        ("table", 2),
        ("worked", 1),
        ("wanted", 2),
        ("changes", 2),
        ("times", 1),
        ("statement", 2),
        ("careful", 2),
        ("safeguarding", 3),
        ("media", 3),
        ("actual", 3),
        ("social", 2),
        ("violence", 3),
        ("nation", 2),
        ("serious", 3),
        ("being", 2),
        ("going", 2),
        ("quality", 3),
        ("language", 2),
        ("people", 2),
        ("centre", 2),
        ("pre-proceedings", 4),
        ("PDF", 3),
        ("family", 3),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn glossary_finds_whole_terms_plurals_capitals_and_the_longest_overlap() {
    let rules = &crate::profile::default_profile().plain_language;
    let g = super::glossary::Glossary::new(&rules.glossary);
    let found = |text: &str| -> Vec<String> {
        g.find(text)
            .into_iter()
            .map(|h| text[h.range].to_string())
            .collect()
    };
    assert_eq!(
        found("Two viability assessments were done."),
        ["viability assessments"]
    );
    assert_eq!(
        found("Under s20 and then Section  20."),
        ["s20", "Section  20"]
    );
    // Capitals only for terms written in capitals: not the surname Iro.
    assert_eq!(found("Ms Iro met the IRO."), ["IRO"]);
    // The longer term wins: one hit for "interim care order".
    assert_eq!(
        found("We asked for an interim care order."),
        ["interim care order"]
    );
    // Not inside a word, nor inside an email address.
    assert!(found("Thresholds of doors; safeguarding.team@council.example").len() == 1);
    assert_eq!(found("kinship carers' views"), ["kinship carers"]);
}

/// A letter's texts are searched for its "Words we use" as one text, but
/// a term is found only inside one of them, and an address ending one
/// text does not hide a term starting the next.
#[test]
fn terms_to_explain_are_found_within_one_text_only() {
    let rules = &crate::profile::default_profile().plain_language;
    let g = super::glossary::Glossary::new(&rules.glossary);
    let texts = |t: &[&str]| -> Vec<String> { t.iter().map(|s| s.to_string()).collect() };
    let found = |t: &[&str]| super::words::to_explain(&g, &texts(t));
    assert!(found(&["We asked for an interim care order."]).contains("interim care order"));
    // "care" ends one text and "order" starts the next: not a care order.
    let apart = found(&["He is in our care", "order of the day"]);
    assert!(!apart.iter().any(|t| t.contains("care order")), "{apart:?}");
    let after_address = found(&["write to team@council.example", "legal aid is free"]);
    assert!(after_address.contains("legal aid"), "{after_address:?}");
    // Terms to avoid are not explained.
    let avoid: Vec<&str> = rules
        .glossary
        .iter()
        .filter(|t| t.instead.is_some())
        .map(|t| t.term.as_str())
        .collect();
    let first = avoid
        .first()
        .expect("the default glossary has terms to avoid");
    assert!(found(&[first]).is_empty());
}

/// What the "Words we use" box prints is itself plain: every meaning the
/// default glossary gives reads at Reading Ease 60 or more, in sentences of
/// 20 words or fewer, and uses no term the glossary says to avoid.
#[test]
fn the_default_glossary_explains_in_plain_words() {
    let rules = &crate::profile::default_profile().plain_language;
    assert!(rules.glossary.len() >= 20);
    let g = super::glossary::Glossary::new(&rules.glossary);
    let all: Vec<&str> = rules.glossary.iter().map(|t| t.means.as_str()).collect();
    let c = Counts::of(all.iter().copied());
    assert!(c.reading_ease() >= 60.0, "{}", c.reading_ease());
    for t in &rules.glossary {
        let c = Counts::of([t.means.as_str()]);
        assert!(c.longest_sentence <= 20, "{}: {}", t.term, t.means);
        for hit in g.find(&t.means) {
            let used = g.term(hit.term);
            assert!(
                used.instead.is_none(),
                "{} explains with {}",
                t.term,
                used.term
            );
        }
    }
}
