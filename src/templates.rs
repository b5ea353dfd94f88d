//! The templates, embedded in the binary: the `.typ` files under
//! `templates/`, each a real Typst file that previews on its own, and the
//! paths at which a document's world holds what its template reads. A
//! profile may replace any of them with its own ([`text_of`]).

use std::collections::BTreeMap;

/// The templates, embedded: (file name, source).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../templates/common.typ")),
    (
        "advocates-agenda.typ",
        include_str!("../templates/advocates-agenda.typ"),
    ),
    ("bundle.typ", include_str!("../templates/bundle.typ")),
    (
        "pack-cover.typ",
        include_str!("../templates/pack-cover.typ"),
    ),
    (
        "meeting-papers.typ",
        include_str!("../templates/meeting-papers.typ"),
    ),
    ("genogram.typ", include_str!("../templates/genogram.typ")),
    (
        "letter-of-issue.typ",
        include_str!("../templates/letter-of-issue.typ"),
    ),
    (
        "letter-ending-pre-proceedings.typ",
        include_str!("../templates/letter-ending-pre-proceedings.typ"),
    ),
    (
        "chronology.typ",
        include_str!("../templates/chronology.typ"),
    ),
    (
        "kinship-schedule.typ",
        include_str!("../templates/kinship-schedule.typ"),
    ),
    (
        "plo-summary.typ",
        include_str!("../templates/plo-summary.typ"),
    ),
    (
        "letter-before-proceedings.typ",
        include_str!("../templates/letter-before-proceedings.typ"),
    ),
    (
        "lpm-minutes.typ",
        include_str!("../templates/lpm-minutes.typ"),
    ),
    (
        "pre-proceedings-agreement.typ",
        include_str!("../templates/pre-proceedings-agreement.typ"),
    ),
    (
        "timeline-sheet.typ",
        include_str!("../templates/timeline-sheet.typ"),
    ),
    (
        "caseload-sheet.typ",
        include_str!("../templates/caseload-sheet.typ"),
    ),
];

/// Where a template finds its data in the in-memory world.
pub const DATA_PATH: &str = "/data.json";

/// Where the profile's logo sits in the world, before its extension.
pub const LOGO_PATH: &str = "/logo";

/// The file names of the templates, in the order above.
pub fn names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}

/// A template's text: a profile's own (`overrides`, by file name), else casepack's.
pub fn text_of<'a>(name: &str, overrides: &'a BTreeMap<String, String>) -> Option<&'a str> {
    overrides.get(name).map(String::as_str).or_else(|| {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
    })
}
