//! A letter's "Words we use": the glossary terms it prints that its reader
//! may need explained, alphabetically, with what each means.
//!
//! Which terms a letter prints is known only once it is laid out, and the
//! box itself is part of the letter. So a letter is laid out once with the
//! terms its data and template text suggest, read as printed (the box
//! itself left out of the reading), and given the terms it really prints.
//! When the two agree, which they do unless the template prints a term
//! only under a condition, that first layout is the one made into the PDF.

use std::collections::BTreeSet;

use serde_json::Value;

use super::glossary::Glossary;
use super::printed::normalise;
use crate::documents::DocumentJob;
use crate::profile::Profile;

/// Where a letter's data holds its "Words we use".
const WORDS: &str = "words";

/// Between two texts searched as one: spaces, so an address at the end of
/// one is a word of its own, and a character no term's space can match.
const FENCE: &str = " \u{1F} ";

/// Gives each letter among `jobs` (those [`super::is_letter`] picks) the terms it
/// probably prints, before it is laid out: every glossary term to explain
/// that appears in its data or in its template's own text.
pub fn guess(profile: &Profile, jobs: &mut [DocumentJob]) {
    let glossary = Glossary::new(&profile.plain_language.glossary);
    for job in jobs.iter_mut().filter(|j| super::is_letter(profile, j)) {
        let mut texts = Vec::new();
        strings(&job.data, &mut texts);
        if let Some(template) = profile.template_text(job.template) {
            // Comments are the template's notes to its reader, never printed.
            texts.extend(
                template
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .map(str::to_string),
            );
        }
        let terms: Vec<String> = to_explain(&glossary, &texts).into_iter().collect();
        set(profile, job, &terms);
    }
}

/// The glossary's terms to explain (not those to avoid) found in any of
/// `texts`. They are searched as one text, each fenced off from the next
/// so that no term runs across two: a search per text cost more than
/// laying the letter out.
pub(super) fn to_explain(glossary: &Glossary, texts: &[String]) -> BTreeSet<String> {
    let text = texts
        .iter()
        .map(|t| normalise(t))
        .collect::<Vec<_>>()
        .join(FENCE);
    glossary
        .find(&text)
        .into_iter()
        .map(|hit| glossary.term(hit.term))
        .filter(|term| term.instead.is_none())
        .map(|term| term.term.clone())
        .collect()
}

/// Sets a letter's "Words we use" to `terms` (glossary terms), in
/// alphabetical order whatever order they came in, so the same terms
/// always give the same data.
pub fn set(profile: &Profile, job: &mut DocumentJob, terms: &[String]) {
    let glossary = &profile.plain_language.glossary;
    let mut terms: Vec<&String> = terms.iter().collect();
    terms.sort_by_key(|t| t.to_lowercase());
    terms.dedup();
    let words: Vec<Value> = terms
        .into_iter()
        .filter_map(|t| glossary.iter().find(|g| &g.term == t))
        .map(|g| serde_json::json!({ "term": g.term, "means": g.means }))
        .collect();
    if let Value::Object(data) = &mut job.data {
        data.insert(WORDS.into(), Value::Array(words));
    }
}

/// Every string in `value` but its "Words we use", which a guess must not
/// feed on.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != WORDS)
            .for_each(|(_, v)| strings(v, out)),
        _ => {}
    }
}
