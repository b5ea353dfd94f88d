//! The last look before anything is written: every string of every
//! document, title, file name and manifest of a reader's pack is searched
//! for what their copy of the case left out. A reader's copy cannot print
//! what it does not hold, but a worry that names a street, or a plan row
//! that names another parent's child, carries it in through the text
//! itself; this finds it, and the build stops.
//!
//! An address is looked for by its lines that pin it down (the first line,
//! and any line with a number in it, such as the house number or the
//! postcode), not by a town or district that a support service or the
//! council's own address shares.

use serde_json::Value;

use super::{Secret, SecretKind, View, Viewer};
use crate::case::path::walk_strings;

/// One secret found where it must not be.
#[derive(Debug, Clone)]
pub struct Leak {
    /// What was found.
    pub secret: Secret,
    /// Where: the document or file, and the place inside it.
    pub place: String,
}

/// A searcher for one reader's secrets.
#[derive(Debug, Clone)]
pub struct Guard {
    secrets: Vec<(Secret, String)>,
    visible_names: Vec<String>,
}

/// Lower case, one space between words, no invisible break hints.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200B}' | '\u{AD}'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Runs of digits that may be one number written with spaces, dashes,
/// dots or brackets between them ("07700 900 214", "(01632) 960-100").
fn digit_runs(s: &str) -> Vec<String> {
    let mut runs = Vec::new();
    let mut run = String::new();
    let mut gap = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run.push(c);
            gap = 0;
        } else if matches!(c, ' ' | '\u{a0}' | '-' | '.' | '(' | ')') && !run.is_empty() && gap < 2
        {
            gap += 1;
        } else {
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
            gap = 0;
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl Guard {
    /// A guard for `view`'s reader. `public` are lines anyone may see
    /// (the letterhead's address, the meeting's place): a secret line that
    /// is one of them is not looked for.
    pub fn new(view: &View, public: &[String]) -> Guard {
        let mut public: Vec<String> = public.iter().map(|l| normalise(l)).collect();
        let case = &view.case;
        public.extend(case.local_authority.address.iter().map(|l| normalise(l)));
        for place in [
            case.pre_proceedings_meeting
                .as_ref()
                .and_then(|m| m.place.as_ref()),
            case.meeting.as_ref().and_then(|m| m.place.as_ref()),
        ]
        .into_iter()
        .flatten()
        {
            public.extend(place.iter().map(|l| normalise(l)));
        }
        let mut visible_names = Vec::new();
        if let Viewer::Recipient(r) = view.viewer {
            let me = &case.people[r];
            public.extend(me.address.iter().map(|l| normalise(l)));
            if let Some(c) = &me.custody {
                public.extend(c.address.iter().map(|l| normalise(l)));
            }
            visible_names.push(me.name.clone());
            for id in &case.children {
                if let Some(c) = case.people.iter().find(|p| &p.id == id) {
                    visible_names.push(c.name.clone());
                    visible_names.extend(c.name.split_whitespace().next().map(String::from));
                }
            }
        }
        let secrets = view
            .secrets
            .iter()
            .filter(|s| match s.kind {
                SecretKind::AddressLine => {
                    (s.path.ends_with("address[0]") || s.text.chars().any(|c| c.is_ascii_digit()))
                        && !public.contains(&normalise(&s.text))
                }
                SecretKind::Custody => {
                    normalise(&s.text).len() >= 4 && !public.contains(&normalise(&s.text))
                }
                SecretKind::Phone => digits(&s.text).len() >= 6,
                SecretKind::Email => s.text.contains('@'),
                SecretKind::Withheld => normalise(&s.text).chars().count() >= 3,
                // A town or district alone in a line ("Northmoor") is shared
                // with half the documents; a street, a postcode or a sentence is not.
                SecretKind::WithheldLine => {
                    let n = normalise(&s.text);
                    !public.contains(&n)
                        && (s.path.ends_with("[0]")
                            || n.chars().any(|c| c.is_ascii_digit())
                            || n.split(' ').count() >= 3)
                }
                SecretKind::ChildName => !visible_names.contains(&s.text),
                // A note of a few words ("the day centre") could be in any letter.
                SecretKind::Whereabouts => normalise(&s.text).split(' ').count() >= 3,
            })
            .map(|s| (s.clone(), normalise(&s.text)))
            .collect();
        Guard {
            secrets,
            visible_names,
        }
    }

    /// Every secret in `text`, found at `place`.
    pub fn scan_text(&self, place: &str, text: &str) -> Vec<Leak> {
        let norm = normalise(text);
        let runs = digit_runs(text);
        self.secrets
            .iter()
            .filter(|(s, n)| match s.kind {
                SecretKind::Phone => {
                    let d = digits(&s.text);
                    runs.iter().any(|r| r.contains(&d))
                }
                SecretKind::ChildName => whole_word(text, &s.text),
                // "1 Example Street" is not in "11 Example Street".
                _ => whole_word(&norm, n),
            })
            .map(|(s, _)| Leak {
                secret: s.clone(),
                place: place.to_string(),
            })
            .collect()
    }

    /// Every secret in any string of `value`, each placed as `place` and
    /// the path inside the value.
    pub fn scan(&self, place: &str, value: &Value) -> Vec<Leak> {
        let mut out = Vec::new();
        let mut v = value.clone();
        walk_strings(&mut v, &mut |path, s| {
            let at = if path.is_root() {
                place.to_string()
            } else {
                format!("{place}, at `{path}`")
            };
            out.extend(self.scan_text(&at, s));
        });
        out
    }

    /// The names the reader may see (their own, their children's).
    pub fn visible_names(&self) -> &[String] {
        &self.visible_names
    }
}

/// Whether `word` stands in `text` as whole words (not inside another word).
fn whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Where else in the case (a concrete path) the secret's text is written,
/// besides its own place, in a field the reader's copy (`copy`) holds: the
/// field to change when it leaks.
pub fn written_at(case: &Value, copy: &Value, secret: &Secret) -> Option<String> {
    let needle = normalise(&secret.text);
    let d = digits(&secret.text);
    let mut held = Vec::new();
    walk_strings(&mut copy.clone(), &mut |_, s| held.push(s.clone()));
    let mut found = None;
    let mut v = case.clone();
    walk_strings(&mut v, &mut |path, s| {
        let p = path.to_string();
        if found.is_some()
            || p == secret.path
            || p.starts_with(&format!("{}[", secret.path))
            || !held.contains(s)
        {
            return;
        }
        let hit = match secret.kind {
            SecretKind::Phone => digit_runs(s).iter().any(|r| r.contains(&d)),
            SecretKind::ChildName => whole_word(s, &secret.text),
            _ => whole_word(&normalise(s), &needle),
        };
        if hit {
            found = Some(p);
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_however_they_are_spaced() {
        assert!(digit_runs("call 07700 900 214 today").contains(&"07700900214".to_string()));
        assert!(
            digit_runs("(01632) 960-100")
                .iter()
                .any(|r| r.contains("01632960100"))
        );
        assert!(
            !digit_runs("on 3 October, 900 214")
                .iter()
                .any(|r| r.contains("3900214"))
        );
    }

    #[test]
    fn names_are_found_as_whole_words() {
        assert!(whole_word("Maisie and Leo", "Leo"));
        assert!(!whole_word("Leonard", "Leo"));
        assert!(whole_word("Leo's bed", "Leo"));
        assert!(!whole_word("11 example street", "1 example street"));
        assert!(whole_word("at 1 example street.", "1 example street"));
        assert_eq!(
            normalise("Flat 3,\u{a0}82  Mill\u{200B} Road"),
            "flat 3, 82 mill road"
        );
    }
}
