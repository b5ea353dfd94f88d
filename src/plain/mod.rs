//! Stage 8, plain language: how a letter to a parent reads as printed. A
//! laid-out letter is read back by Typst's own structure marks
//! ([`printed`]), measured (Flesch Reading Ease, sentence lengths, long
//! words: [`measure`], [`syllables`]) and searched for the profile's
//! glossary terms ([`glossary`]); its words are traced back to the case
//! field or profile paragraph they came from ([`source`]); and its "Words
//! we use" box is chosen ([`words`]). `check` turns what misses a target
//! into findings; the command line and the page print the [`Report`].

pub mod easy;
pub mod glossary;
pub mod measure;
pub mod printed;
mod report;
pub mod source;
pub mod syllables;
pub mod words;

use crate::documents::DocumentJob;
use crate::profile::{Audience, PackAudience, Profile, Targets};
use measure::Counts;
pub use report::{print, to_json};

/// What the check found in one letter.
#[derive(Debug, Clone)]
pub struct LetterReport {
    /// The profile's document id, e.g. `letter-before-proceedings`.
    pub document: String,
    /// The letter's title, e.g. "Letter before proceedings to Kerry Hartley".
    pub title: String,
    /// Its file name in the pack.
    pub file_name: String,
    /// Its counts, from which the measures are made.
    pub counts: Counts,
    /// Glossary terms it uses that its "Words we use" box explains, in order of first use.
    pub explained: Vec<String>,
    /// Glossary terms it uses that the glossary says to avoid.
    pub jargon: Vec<String>,
}

impl LetterReport {
    /// Whether it meets every target and uses no term to avoid.
    pub fn passes(&self, t: &Targets) -> bool {
        self.misses(t).is_empty()
            && self.jargon.is_empty()
            && self.counts.longest_sentence <= t.longest_sentence
    }

    /// The targets it misses, as (finding code, what was measured, the target).
    pub fn misses(&self, t: &Targets) -> Vec<(&'static str, String, String)> {
        let c = &self.counts;
        let mut out = Vec::new();
        if c.reading_ease() < t.reading_ease {
            out.push((
                "reading-ease",
                format!("Reading Ease is {:.0}", c.reading_ease()),
                format!("at least {}", t.reading_ease),
            ));
        }
        if c.average_sentence() > t.average_sentence {
            out.push((
                "average-sentence",
                format!("sentences average {:.1} words", c.average_sentence()),
                format!("at most {}", t.average_sentence),
            ));
        }
        out
    }
}

/// Every letter's report, with the targets they were held to.
#[derive(Debug, Clone)]
pub struct Report {
    /// The profile's targets.
    pub targets: Targets,
    /// One per letter, in pack order.
    pub letters: Vec<LetterReport>,
    /// The profile's Easy Read targets.
    pub easy_targets: crate::profile::EasyTargets,
    /// One per Easy Read document, in pack order.
    pub easy_read: Vec<easy::EasyReadReport>,
}

/// What parents read or sign among `jobs`: documents addressed to them
/// (a letter to one parent, the agreement they sign) and any the profile
/// lists for the parents' packs.
pub fn is_letter(profile: &Profile, job: &DocumentJob) -> bool {
    // An Easy Read version is held to the Easy Read rules instead (`easy`).
    !job.easy_read
        && profile.document(&job.id).is_some_and(|r| {
            matches!(
                r.audience,
                Audience::Parent | Audience::ParentsAndProfessionals
            ) || r.audiences.contains(&PackAudience::Parents)
        })
}

#[cfg(test)]
mod tests;
