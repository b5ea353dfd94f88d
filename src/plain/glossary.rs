//! Finding the glossary's terms in text: whole words, any spacing between
//! them, plurals and possessives too; terms written in capitals (PLO, ICO)
//! only in capitals, so a surname like "Iro" is not one.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

use regex::Regex;

use crate::profile::Term;

/// Every form's pattern, by the term it belongs to.
type Patterns = Arc<[(usize, Regex)]>;

/// Every form's pattern as text, by the term it belongs to.
type Sources = Vec<(usize, String)>;

/// Glossaries compiled so far in this process, by their patterns' text.
/// Compiling a glossary's hundred or so patterns cost each case more than
/// laying out one of its letters; a process sees only a profile or two.
static COMPILED: LazyLock<Mutex<HashMap<Sources, Patterns>>> = LazyLock::new(Mutex::default);

/// A compiled glossary.
pub struct Glossary<'a> {
    terms: &'a [Term],
    patterns: Patterns,
}

/// One term found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the term in the glossary.
    pub term: usize,
    /// Where it is, in bytes.
    pub range: Range<usize>,
}

impl<'a> Glossary<'a> {
    /// Every form of every term, compiled (once per process for the same terms).
    pub fn new(terms: &'a [Term]) -> Glossary<'a> {
        let mut sources: Sources = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            for form in term.forms() {
                // A hyphenated term may be printed broken at its hyphen,
                // across a line ("pre-" then "proceedings"), as large print
                // often does.
                let words: Vec<String> = form
                    .split_whitespace()
                    .map(|w| {
                        w.split('-')
                            .map(regex::escape)
                            .collect::<Vec<_>>()
                            .join(r"-\s*")
                    })
                    .collect();
                let capitals = !form.chars().any(char::is_lowercase);
                let pattern = format!(
                    r"{}\b{}(?:s|es|'s|’s)?\b",
                    if capitals { "" } else { "(?i)" },
                    words.join(r"\s+")
                );
                sources.push((i, pattern));
            }
        }
        // A poisoned lock only means another thread panicked mid-insert:
        // every entry in the map is whole.
        let mut compiled = COMPILED.lock().unwrap_or_else(|e| e.into_inner());
        let patterns = match compiled.get(&sources) {
            Some(p) => p.clone(),
            None => {
                let p: Patterns = sources
                    .iter()
                    .map(|(i, pattern)| {
                        let re = Regex::new(pattern).expect("an escaped term is a valid pattern");
                        (*i, re)
                    })
                    .collect();
                compiled.insert(sources, p.clone());
                p
            }
        };
        Glossary { terms, patterns }
    }

    /// The term at `index`.
    pub fn term(&self, index: usize) -> &'a Term {
        &self.terms[index]
    }

    /// Every term in `text`, in order; where two overlap ("care order" in
    /// "interim care order") only the longer. Words inside an email address
    /// or web address are not read.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for (term, re) in self.patterns.iter() {
            for m in re.find_iter(text) {
                if !in_address(text, m.range()) {
                    hits.push(Hit {
                        term: *term,
                        range: m.range(),
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        let mut out: Vec<Hit> = Vec::new();
        for h in hits {
            if out.last().is_some_and(|l| h.range.start < l.range.end) {
                continue;
            }
            out.push(h);
        }
        out
    }
}

/// Whether `range` sits in a token that is an email or web address.
fn in_address(text: &str, range: Range<usize>) -> bool {
    let start = text[..range.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let token = &text[start..end];
    token.contains('@') || token.contains("://") || token.starts_with("www.")
}
