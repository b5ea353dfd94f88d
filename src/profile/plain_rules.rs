//! Plain-language rules for letters to parents: the targets a letter must
//! meet and the glossary of terms parents should not meet unexplained.
//! Data in the profile (`plain_language:`); an authority's profile may
//! change a target and add or replace glossary terms.

use super::error::{ProfileError, rule};
use serde::Deserialize;

/// What every letter to a parent is held to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlainRules {
    /// Why: the procedure's words.
    pub source: String,
    /// The measures' targets.
    pub targets: Targets,
    /// Terms parents should not meet unexplained.
    pub glossary: Vec<Term>,
}

/// The targets a letter's measures must meet.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Flesch Reading Ease, at least.
    pub reading_ease: f64,
    /// Average words per sentence, at most.
    pub average_sentence: f64,
    /// Words in any one sentence, at most.
    pub longest_sentence: usize,
}

/// One glossary term.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term as the letter's "Words we use" box heads it, e.g. "care proceedings".
    pub term: String,
    /// Other ways of writing it: abbreviations, spellings ("s20", "section 20").
    #[serde(default)]
    pub also: Vec<String>,
    /// What it means, in plain words: printed in the "Words we use" box.
    pub means: String,
    /// What to write instead. A term with this is avoidable: `check` flags
    /// it wherever it appears. A term without it is one a letter may need
    /// (a letter of issue must say "care proceedings"); it is explained in
    /// the box instead.
    #[serde(default)]
    pub instead: Option<String>,
}

impl Term {
    /// Every way of writing it, the term first.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

impl PlainRules {
    /// Checks the rules: every term has a meaning, and no form of a term is
    /// a form of another.
    pub(crate) fn check(&self) -> Result<(), ProfileError> {
        check_terms("plain_language", "the glossary", &self.glossary)
    }
}

/// Checks a list of terms (`section`'s `list`): every term has a meaning,
/// and no form of a term is a form of another.
pub(super) fn check_terms(section: &str, list: &str, terms: &[Term]) -> Result<(), ProfileError> {
    let mut seen: Vec<String> = Vec::new();
    for t in terms {
        if t.means.trim().is_empty() {
            return Err(rule!("{section}: `{}` has no `means`", t.term));
        }
        for form in t.forms() {
            let key = form.to_lowercase();
            if seen.contains(&key) {
                return Err(rule!("{section}: `{form}` is in {list} twice"));
            }
            seen.push(key);
        }
    }
    Ok(())
}
