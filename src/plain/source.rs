//! Where printed words came from: the case's free-text fields, found in a
//! letter's printed text, and the line and column of words inside a field's
//! YAML.

use std::ops::Range;

use super::printed::normalise;
use crate::case::path::walk_strings;
use crate::case::{Case, LocationIndex};
use crate::diagnostics::Position;

/// One text field of the case: its YAML path and its text, normalised as
/// printed text is.
#[derive(Debug, Clone)]
pub struct Field {
    /// e.g. `worries[0].evidence[1]`.
    pub path: String,
    /// Its text, single-spaced.
    pub text: String,
}

/// Every text field of the case with two words or more: shorter ones (a
/// name, a language) could match printed words by chance and are not where
/// jargon or long sentences come from.
pub fn case_fields(case: &Case) -> Vec<Field> {
    let mut out = Vec::new();
    if let Ok(mut value) = serde_json::to_value(case) {
        walk_strings(&mut value, &mut |path, s| {
            let text = normalise(s);
            if text.split(' ').count() >= 2 {
                out.push(Field {
                    path: path.to_string(),
                    text,
                });
            }
        });
    }
    // Longest first, so a field inside another's text loses to it.
    out.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
    out
}

/// The paragraphs in a profile's own words that a letter prints, each as a
/// field at its path in the profile (`wording.<letter>.<paragraph>`).
pub fn wording_fields(job: &crate::documents::DocumentJob) -> Vec<Field> {
    let mut out = Vec::new();
    if let Some(serde_json::Value::Object(w)) = job.data.get("wording") {
        for (name, paragraphs) in w {
            for p in paragraphs.as_array().into_iter().flatten() {
                if let Some(text) = p.as_str() {
                    out.push(Field {
                        path: format!("wording.{}.{name}", job.id),
                        text: normalise(&text.replace('\u{200B}', "")),
                    });
                }
            }
        }
    }
    out
}

/// Where each field's text appears in a unit of printed text: (range, field).
pub fn spans(unit: &str, fields: &[Field]) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        for (at, _) in unit.match_indices(f.text.as_str()) {
            let r = at..at + f.text.len();
            // A shorter field inside a longer one already found is not its source.
            if !out
                .iter()
                .any(|(o, _)| o.start <= r.start && r.end <= o.end)
            {
                out.push((r, i));
            }
        }
    }
    out
}

/// The field whose text holds `range`.
pub fn field_at(spans: &[(Range<usize>, usize)], range: Range<usize>) -> Option<usize> {
    spans
        .iter()
        .find(|(r, _)| r.start <= range.start && range.end <= r.end)
        .map(|(_, f)| *f)
}

/// The field whose text overlaps `range` the most.
pub fn field_overlapping(spans: &[(Range<usize>, usize)], range: Range<usize>) -> Option<usize> {
    spans
        .iter()
        .map(|(r, f)| {
            (
                r.end
                    .min(range.end)
                    .saturating_sub(r.start.max(range.start)),
                *f,
            )
        })
        .filter(|(overlap, _)| *overlap > 0)
        .max_by_key(|(overlap, _)| *overlap)
        .map(|(_, f)| f)
}

/// The line and column of `words` inside the YAML value at `path`: found
/// in the file from where the value starts, whatever the spacing or line
/// breaks between the words; else where the value starts.
pub fn position_of(
    source: &str,
    index: &LocationIndex,
    path: &str,
    words: &str,
) -> Option<Position> {
    let start = index.value(path)?;
    let from = offset(source, start)?;
    let pattern: Vec<String> = words.split_whitespace().map(regex::escape).collect();
    let re = regex::RegexBuilder::new(&pattern.join(r"\s+"))
        .case_insensitive(true)
        .build()
        .ok()?;
    // A value's own text, however it is folded, ends within a few lines of
    // its length.
    let window_end = (from + 2 * words.len().max(80) + 4000).min(source.len());
    let window_end = (window_end..=source.len())
        .find(|i| source.is_char_boundary(*i))
        .unwrap_or(source.len());
    match re.find(&source[from..window_end]) {
        Some(m) => Some(position(source, from + m.start())),
        None => Some(start),
    }
}

/// The byte offset of a 1-based line and character column.
fn offset(source: &str, p: Position) -> Option<usize> {
    let line_start = if p.line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(p.line - 2)
            .map(|(i, _)| i + 1)?
    };
    let line = &source[line_start..];
    let col = line
        .char_indices()
        .nth(p.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + col)
}

/// The 1-based line and character column of a byte offset.
fn position(source: &str, at: usize) -> Position {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        column: source[line_start..at].chars().count() + 1,
    }
}
