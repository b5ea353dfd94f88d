//! What a letter to a parent must say (its profile's `must_say`), checked
//! on the letter as printed: what the profile asks for and the printed
//! text does not hold is an error, at the authority's own paragraph where
//! its wording replaced casepack's, else at the template.

use super::meeting::lower_first;
use crate::diagnostics::Finding;
use crate::documents::DocumentJob;
use crate::plain::printed;
use crate::profile::Profile;

/// What the letter's profile says it must say and its printed text does
/// not: each an error, at the authority's paragraph that would have said
/// it where the profile words that paragraph, else at the template.
pub(super) fn unsaid(
    profile: &Profile,
    job: &DocumentJob,
    units: &[printed::Unit],
    in_profile: &dyn Fn(&str, &str) -> Option<crate::diagnostics::Position>,
) -> Vec<(String, String, Finding)> {
    let Some(rule) = profile.document(&job.id) else {
        return Vec::new();
    };
    let printed = squash(
        &units
            .iter()
            .map(|u| u.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let own = profile.wording.letters.get(&job.id);
    let mut out = Vec::new();
    for need in &rule.must_say {
        // An Easy Read version says it in its own words.
        let wanted = if job.easy_read {
            &need.easy_read
        } else {
            &need.any
        };
        // An item with no Easy Read phrases (an authority's own, said in
        // its own wording of the formal letter) is checked there only.
        if wanted.is_empty() {
            continue;
        }
        let phrases: Vec<String> = wanted.iter().filter_map(|p| fill(p, &job.data)).collect();
        if phrases.is_empty() || phrases.iter().any(|p| printed.contains(&squash(p))) {
            continue;
        }
        // The authority's own paragraph, where it replaced casepack's.
        let given = need.paragraph.as_deref().and_then(|name| {
            own?.given()
                .find(|(n, _)| *n == name)
                .map(|(n, text)| (format!("wording.{}.{n}", job.id), text))
        });
        let mut f = match &given {
            Some((path, _)) => Finding::error(
                "letter-must-say",
                path.clone(),
                format!(
                    "the letter does not say {}: the profile's wording replaces the paragraph that says it",
                    lower_first(&need.what)
                ),
            )
            .help(format!(
                "say it in this paragraph, e.g. \"{}\"",
                wanted[0]
            )),
            None => Finding::error(
                "letter-must-say",
                String::new(),
                format!(
                    "the letter does not say {} (template `{}`)",
                    lower_first(&need.what),
                    job.template
                ),
            )
            .help(format!("the printed letter must hold, e.g., \"{}\"", wanted[0])),
        }
        .source(need.source.clone());
        if let Some((path, text)) = &given {
            let start: String = text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            f.position = in_profile(path, &start);
            f.file = profile.wording.file_of(path).cloned();
        }
        out.push((need.id.clone(), job.title.clone(), f));
    }
    out
}

/// One finding for each thing unsaid, naming every document that leaves
/// it out (the same wording leaves it out of each parent's letter).
pub(super) fn merged(unsaid: Vec<(String, String, Finding)>) -> Vec<Finding> {
    let mut merged: std::collections::BTreeMap<(String, String), (Finding, Vec<String>)> =
        std::collections::BTreeMap::new();
    for (id, title, f) in unsaid {
        merged
            .entry((id, f.path.clone()))
            .or_insert_with(|| (f, Vec::new()))
            .1
            .push(title);
    }
    merged
        .into_values()
        .map(|(mut f, titles)| {
            f.message = format!("{} (in {})", f.message, titles.join("; "));
            f
        })
        .collect()
}

/// Text to compare however it was laid out: lower case, plain quotes, no
/// spaces or break hints (a long word broken across lines, a break hint
/// in the data).
fn squash(text: &str) -> String {
    printed::normalise(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{ad}' | '\u{2060}'))
        .collect()
}

/// A phrase with each `{path}` replaced by the letter's data there; `None`
/// when the letter has no text at a path.
fn fill(phrase: &str, data: &serde_json::Value) -> Option<String> {
    let mut out = String::new();
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}')?;
        out.push_str(&rest[..open]);
        let mut at = data;
        for key in rest[open + 1..close].split('.') {
            at = match key.parse::<usize>() {
                Ok(i) => at.get(i)?,
                Err(_) => at.get(key)?,
            };
        }
        out.push_str(at.as_str()?);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}
