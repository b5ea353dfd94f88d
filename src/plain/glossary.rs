//! Finding the glossary's terms in text: whole words, any spacing between
//! them, plurals and possessives too; terms written in capitals (PLO, ICO)
//! only in capitals, so a surname like "Iro" is not one.

use std::ops::Range;

use regex::Regex;

use crate::rules::Term;

/// A compiled glossary.
pub struct Glossary<'a> {
    terms: &'a [Term],
    patterns: Vec<(usize, Regex)>,
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
    /// Compiles every form of every term.
    pub fn new(terms: &'a [Term]) -> Glossary<'a> {
        let mut patterns = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            for form in term.forms() {
                let words: Vec<String> = form.split_whitespace().map(regex::escape).collect();
                let capitals = !form.chars().any(char::is_lowercase);
                let pattern = format!(
                    r"{}\b{}(?:s|es|'s|’s)?\b",
                    if capitals { "" } else { "(?i)" },
                    words.join(r"\s+")
                );
                let re = Regex::new(&pattern).expect("an escaped term is a valid pattern");
                patterns.push((i, re));
            }
        }
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
        for (term, re) in &self.patterns {
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
