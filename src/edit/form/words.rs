//! A field's words: its label from its name, what a list's items are
//! called, and whether its text is prose.

use crate::case::CasePath;

/// Abbreviations in the format's field names, as they are written.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("lpm", "LPM"),
    ("lpms", "LPMs"),
    ("plo", "PLO"),
    ("id", "ID"),
    ("ico", "ICO"),
];

/// A field's name in words: `what_must_change` → "What must change",
/// `review_lpms` → "Review LPMs".
pub fn label_of(name: &str) -> String {
    let words = name
        .split(['_', '-'])
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, b)| *b)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What an item of the list at `path` is called: "Line" for a list the
/// format describes as one line per item (an address), else the list's
/// name in the singular where that is plain ("worries" → "Worry"), else "Item".
pub(super) fn item_word(path: &CasePath, description: &str) -> String {
    if description.contains("line per item") || description.contains("one line each") {
        return "Line".to_string();
    }
    let name = match path.segments().last() {
        Some(crate::case::path::Segment::Key(k)) => k.as_str(),
        _ => return "Item".to_string(),
    };
    let single = if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.ends_with("ss") {
        return "Item".to_string();
    } else if let Some(stem) = name
        .strip_suffix("es")
        .filter(|s| s.ends_with("sh") || s.ends_with("ch"))
    {
        stem.to_string()
    } else if let Some(stem) = name.strip_suffix('s') {
        stem.to_string()
    } else if name == "people" {
        "person".to_string()
    } else if name == "children" {
        "child".to_string()
    } else {
        return "Item".to_string();
    };
    label_of(&single)
}

/// Whether a text field is prose (a growing box) rather than a line: its
/// description asks for plain words or an account, or its name (or, for an
/// item of a list of strings, the list's name) is one prose goes under.
pub(super) fn is_prose(path: &CasePath, description: &str) -> bool {
    let d = description.to_lowercase();
    if ["plain words", "in their words", "what happened", "summary"]
        .iter()
        .any(|w| d.contains(w))
    {
        return true;
    }
    let Some(name) = path.segments().iter().rev().find_map(|s| match s {
        crate::case::path::Segment::Key(k) => Some(k.as_str()),
        _ => None,
    }) else {
        return false;
    };
    [
        "worry",
        "evidence",
        "impact",
        "change",
        "plan",
        "summary",
        "reason",
        "rationale",
        "details",
        "description",
        "notes",
        "analysis",
        "since_lpm",
        "wishes",
        "views",
        "concerns",
        "event",
    ]
    .iter()
    .any(|w| name == *w || name.ends_with(&format!("_{w}")))
}
