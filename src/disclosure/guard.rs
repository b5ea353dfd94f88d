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
    /// The text it was found in, as the document holds it: what places the
    /// leak at the case field that was printed.
    pub printed: String,
}

/// A searcher for one reader's secrets.
#[derive(Debug, Clone)]
pub struct Guard {
    secrets: Vec<(Secret, String)>,
    visible_names: Vec<String>,
    /// Full names the reader may see that hold a hidden child's name as
    /// one of their words ("Sam Wilson", the social worker, when the hidden
    /// child is Sam): masked before a child's name is looked for.
    masks: Vec<String>,
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
            .collect::<Vec<_>>();
        let masks = masks(view, &secrets);
        Guard {
            secrets,
            visible_names,
            masks,
        }
    }

    /// Every secret in `text`, found at `place`.
    pub fn scan_text(&self, place: &str, text: &str) -> Vec<Leak> {
        let norm = normalise(text);
        let runs = digit_runs(text);
        let unmasked = self.unmasked(text);
        self.secrets
            .iter()
            .filter(|(s, n)| match s.kind {
                SecretKind::Phone => {
                    let d = digits(&s.text);
                    runs.iter().any(|r| r.contains(&d))
                }
                SecretKind::ChildName => whole_word(&unmasked, &s.text),
                // "1 Example Street" is not in "11 Example Street".
                _ => whole_word(&norm, n),
            })
            .map(|(s, _)| Leak {
                secret: s.clone(),
                place: place.to_string(),
                printed: text.to_string(),
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

    /// `text` with every visible full name that holds a hidden child's
    /// name blanked out, longest first, so "Sam Wilson" (the social worker)
    /// is not read as Sam (the child) while "Sam" alone still is.
    fn unmasked(&self, text: &str) -> String {
        let mut out = text.to_string();
        for m in &self.masks {
            out = blank_words(&out, m);
        }
        out
    }
}

/// The names of everyone `view`'s reader may see in full (the people of
/// their copy, the meetings' attendees, the solicitors) that are longer
/// than, and hold as a word, the name of a child hidden from them. A name
/// that is itself a hidden child's is never a mask.
fn masks(view: &View, secrets: &[(Secret, String)]) -> Vec<String> {
    let hidden: Vec<&str> = secrets
        .iter()
        .filter(|(s, _)| s.kind == SecretKind::ChildName)
        .map(|(s, _)| s.text.as_str())
        .collect();
    if hidden.is_empty() {
        return Vec::new();
    }
    let case = &view.case;
    let mut names: Vec<String> = case
        .people
        .iter()
        .map(|p| p.name.clone())
        .filter(|n| n != super::WITHHELD)
        .collect();
    names.extend(
        case.people
            .iter()
            .filter_map(|p| p.solicitor.as_ref()?.name.clone()),
    );
    names.extend(case.lpm.attendees.iter().filter_map(|a| a.name.clone()));
    names.push(case.lpm.chair.clone());
    if let Some(m) = &case.meeting {
        names.extend(m.attendees.iter().filter_map(|a| a.name.clone()));
        names.extend(m.chair.clone());
    }
    let mut masks: Vec<String> = names
        .into_iter()
        .filter(|n| {
            !hidden.contains(&n.as_str())
                && hidden.iter().any(|h| n.len() > h.len() && whole_word(n, h))
        })
        .collect();
    masks.sort_by_key(|n| std::cmp::Reverse(n.len()));
    masks.dedup();
    masks
}

/// `text` with each whole-word `name` in it replaced by spaces.
fn blank_words(text: &str, name: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (at, _) in text.match_indices(name) {
        if at < rest {
            continue;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        out.push_str(&text[rest..at]);
        out.extend(std::iter::repeat_n(' ', name.chars().count()));
        rest = at + name.len();
    }
    out.push_str(&text[rest..]);
    out
}

/// Whether `word` stands in `text` as whole words (not inside another word).
fn whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Every field of the case (concrete paths) the leaked text was printed
/// from: a field that holds the secret and whose words are the printed
/// text's, or hold it. A field written with references to the children
/// ("keep {children} safe") is matched by its longest stretch of plain
/// words. Empty when no field can be told (the text was made by casepack
/// itself, e.g. a file name).
pub fn printed_from(case: &Value, leak: &Leak) -> Vec<String> {
    let secret = &leak.secret;
    let printed = normalise(&leak.printed);
    let mut found = Vec::new();
    walk_strings(&mut case.clone(), &mut |path, s| {
        let p = path.to_string();
        if p == secret.path || p.starts_with(&format!("{}[", secret.path)) {
            return;
        }
        if !holds(s, secret) {
            return;
        }
        let field = normalise(s);
        let plain = longest_plain(&field);
        // A document may print a field within more words, or a long field
        // in parts; a bare name printed is casepack's own, not a field's.
        let part = printed.split(' ').count() >= 4 && field.contains(&printed);
        if (!plain.is_empty() && printed.contains(&plain)) || part {
            found.push(p);
        }
    });
    found
}

/// Whether `s` holds `secret` as its kind is matched.
fn holds(s: &str, secret: &Secret) -> bool {
    match secret.kind {
        SecretKind::Phone => {
            let d = digits(&secret.text);
            digit_runs(s).iter().any(|r| r.contains(&d))
        }
        SecretKind::ChildName => whole_word(s, &secret.text),
        _ => whole_word(&normalise(s), &normalise(&secret.text)),
    }
}

/// The longest stretch of `text` between references (`{children}`).
fn longest_plain(text: &str) -> String {
    let mut best = "";
    let mut rest = text;
    loop {
        let (piece, after) = match rest.find('{') {
            Some(at) => (
                &rest[..at],
                rest[at..].find('}').map(|e| &rest[at + e + 1..]),
            ),
            None => (rest, None),
        };
        if piece.trim().len() > best.trim().len() {
            best = piece;
        }
        match after {
            Some(a) => rest = a,
            None => break,
        }
    }
    best.trim().to_string()
}

/// Where else in the case (a concrete path) the secret's text is written,
/// besides its own place, in a field the reader's copy (`copy`) holds: the
/// field to change when it leaks and no printed field can be told.
pub fn written_at(case: &Value, copy: &Value, secret: &Secret) -> Option<String> {
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
        if holds(s, secret) {
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
