//! No document prints a timescale its profile does not have: for every
//! built-in profile, each "N days/weeks/months", "week N" and "Day N" in
//! the text of every document of a case under it is one of that profile's
//! own steps (its offsets, windows, repeats and extension, or the words of
//! its steps and glossary), or the case's own words. A figure fixed in a
//! template (the "8 weeks" 004 gives, printed under 001's three months) or
//! borrowed from another authority fails here.

use std::collections::BTreeSet;

use casepack::profile::{Offset, Profile};
use regex::Regex;

use super::*;

/// A length of time: how many, and of what ("day", "working day",
/// "week", "month").
type Length = (u32, &'static str);

fn number(word: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    word.parse().ok().or_else(|| {
        WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
            .map(|n| n as u32)
    })
}

fn unit(word: &str) -> &'static str {
    let w = word.to_lowercase();
    if w.starts_with("working") {
        "working day"
    } else if w.starts_with("day") {
        "day"
    } else if w.starts_with("week") {
        "week"
    } else {
        "month"
    }
}

/// Every length of time the text names.
fn lengths(text: &str) -> BTreeSet<Length> {
    let text = text.replace(['\u{a0}', '\n'], " ");
    // A citation's numbers are not lengths of time ("004 App. 3 Day 1",
    // "· 003 Working days leave out ...").
    let cited = Regex::new(r"(?i)\b(App\.|Appendix|reg\.|regulation|s|section|PD)\s*\d+[a-z]*(\(\w+\))*(,?\s+(day|weeks?)\s+\d+([-/]\d+)?)*|\b00\d\b").unwrap();
    let text = cited.replace_all(&text, " ");
    let n = r"(\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
    let amount = Regex::new(&format!(
        r"(?i)\b{n}[ -](working[ -]days?|days?|weeks?|months?)\b"
    ))
    .unwrap();
    let ordinal = Regex::new(r"(?i)\b(week|day)s? (\d{1,3})\b").unwrap();
    let mut found = BTreeSet::new();
    for c in amount.captures_iter(&text) {
        if let Some(k) = number(&c[1]) {
            found.insert((k, unit(&c[2])));
        }
    }
    for c in ordinal.captures_iter(&text) {
        found.insert((c[2].parse().unwrap(), unit(&c[1])));
    }
    found
}

fn offset(o: Offset, into: &mut BTreeSet<Length>) {
    match o {
        Offset::WorkingDays(n) => {
            into.insert((n, "working day"));
        }
        Offset::Days(n) => {
            into.insert((n, "day"));
        }
        Offset::Weeks(n) => {
            into.insert((n, "week"));
        }
        Offset::Months(n) => {
            into.insert((n, "month"));
        }
        // "end of week 5: day 35, the LPM being day 1"; "26 weeks".
        Offset::Week(n) => {
            into.extend([(n, "week"), (7 * n, "day"), (1, "day")]);
        }
        // "Day 18, the issue being Day 1".
        Offset::CourtDay(n) => {
            into.extend([(n, "day"), (1, "day"), (n, "working day")]);
        }
    }
}

/// The lengths of time a profile has: its steps' rules and words, and its
/// glossary's.
fn allowed(profile: &Profile) -> BTreeSet<Length> {
    // "day 0 is the event itself": how every sheet counts.
    let mut all = BTreeSet::from([(0, "day")]);
    all.insert((profile.due_soon_working_days, "working day"));
    for step in profile.timelines.iter().flat_map(|t| &t.steps) {
        offset(step.due.offset, &mut all);
        if let Some(e) = &step.earliest {
            offset(e.offset, &mut all);
        }
        if let Some(r) = &step.repeat {
            offset(r.every, &mut all);
        }
        if let Some(x) = &step.extension {
            all.insert((x.max_weeks, "week"));
        }
        for words in [&step.when, &step.action]
            .into_iter()
            .chain(step.counted.as_ref())
        {
            all.extend(lengths(words));
        }
    }
    for term in &profile.plain_language.glossary {
        all.extend(lengths(&term.means));
    }
    all
}

#[test]
fn no_document_prints_a_timescale_its_profile_does_not_have() {
    let cases: [(&str, &str, &[&str]); 8] = [
        ("gloucestershire", SAMPLE, &[]),
        ("gloucestershire", SAMPLE, &["--meeting", "lpm"]),
        ("gloucestershire", ISSUE_SAMPLE, &[]),
        ("gloucestershire", ISSUE_SAMPLE, &["--meeting", "lpm"]),
        (
            "blackpool",
            "tests/fixtures/authorities/blackpool.yaml",
            &[],
        ),
        (
            "procedures-manual-2023",
            "tests/fixtures/authorities/procedures-manual-2023.yaml",
            &[],
        ),
        (
            "metropolitan-looked-after",
            "tests/fixtures/authorities/metropolitan-looked-after.yaml",
            &[],
        ),
        (
            "wokingham",
            "tests/fixtures/authorities/wokingham.yaml",
            &[],
        ),
    ];
    let mut documents = 0;
    for (name, case, args) in cases {
        let profile = casepack::profile::built_in(name).unwrap().unwrap();
        let allowed = allowed(profile);
        let text = std::fs::read_to_string(root().join(case)).unwrap();
        let own_words = lengths(&text);
        let dir = fixture_dir(case, |t| t);
        let mut build = vec!["build", "case.yaml", "-o", "pack.zip"];
        build.extend(args);
        let out = casepack(dir.path(), &build);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        for (file, bytes) in unzip(&dir.path().join("pack.zip")) {
            if !file.ends_with(".pdf") || file.starts_with("attachments/") {
                continue;
            }
            documents += 1;
            for length in lengths(&pdf_text(&bytes)) {
                assert!(
                    allowed.contains(&length) || own_words.contains(&length),
                    "{name}: {file} prints {} {}, which no step of the profile has and the case does not say",
                    length.0,
                    length.1
                );
            }
        }
    }
    assert!(documents >= 25, "only {documents} documents read");
}

/// The pre-proceedings agreement prints the review's own timescale: 004's
/// eight weeks from the LPM, 001's three months from the PLO meeting.
#[test]
fn the_agreement_says_how_its_own_profile_counts_the_review() {
    let (_dir, _, pack) = build(&abs(SAMPLE));
    let text = squash(&pdf_text(&pack["pre-proceedings-agreement.pdf"]));
    assert!(
        text.contains(&squash(
            "(8 weeks after we decided to start pre-proceedings)"
        )),
        "{text}"
    );
    let dir = fixture_dir(
        "tests/fixtures/authorities/procedures-manual-2023.yaml",
        |t| t,
    );
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "pack.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("pack.zip"));
    let text = squash(&pdf_text(&pack["pre-proceedings-agreement.pdf"]));
    assert!(!text.contains(&squash("8 weeks")), "{text}");
    assert!(
        text.contains(&squash("(3 months after our first meeting with you)")),
        "{text}"
    );
}

/// What the check reads as a length of time, and what it passes over.
#[test]
fn lengths_of_time_are_found_and_citations_are_not() {
    let found = lengths(
        "The court aims to decide within 26 weeks. Day 18. 10 working days after\nthe LPM; eight weeks after it; 004 App. 3 Day 1 · 003 Working days; 13 Nov 2026",
    );
    assert_eq!(
        found,
        BTreeSet::from([(26, "week"), (18, "day"), (10, "working day"), (8, "week")])
    );
}
