//! Easy Read rules: the targets every Easy Read document is measured
//! against and the "Words to know" a parent may meet, each explained in
//! Easy Read words. Data in the profile (`easy_read:`), with its sources;
//! an authority's profile may change a target and add or replace words.

use super::error::{ProfileError, rule};
use super::plain_rules::Term;
use serde::Deserialize;

/// What every Easy Read document is held to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasyReadRules {
    /// Where the rules come from: the guidance's words.
    pub source: String,
    /// The measures' targets.
    pub targets: EasyTargets,
    /// Why a parent who needs Easy Read should have an advocate at the
    /// meeting: the source of `check`'s warning.
    pub advocate_source: String,
    /// Hard words an Easy Read document may need, each explained on its
    /// "Words to know" page in sentences that meet the targets.
    pub words: Vec<Term>,
}

/// The targets an Easy Read document must meet.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasyTargets {
    /// Words in any one sentence, at most.
    pub longest_sentence: usize,
    /// Average words per sentence, at most.
    pub average_sentence: f64,
    /// The smallest text on any page, in points, at least.
    pub smallest_text: f64,
}

impl EasyReadRules {
    /// Checks the rules: every word has a meaning, no word is listed
    /// twice, and every meaning keeps to the sentence limit it explains
    /// words for.
    pub(crate) fn check(&self) -> Result<(), ProfileError> {
        super::plain_rules::check_terms("easy_read", "`words`", &self.words)?;
        for t in &self.words {
            // Counted simply here (the profile is read before the
            // measures exist); `check` measures every document properly.
            for sentence in t.means.split_inclusive(['.', '!', '?']) {
                let n = sentence
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                if n > self.targets.longest_sentence {
                    return Err(rule!(
                        "easy_read: `{}` is explained in a sentence of {n} words; Easy Read sentences have {} or fewer",
                        t.term,
                        self.targets.longest_sentence
                    ));
                }
            }
        }
        if self.targets.smallest_text < 12.0 {
            return Err(rule!(
                "easy_read: `smallest_text` is {} pt; no Easy Read guidance allows under 12 pt (14 is the common floor)",
                self.targets.smallest_text
            ));
        }
        Ok(())
    }
}
