//! The bundle's sections as data: which of casepack's documents and which
//! kinds of attachment each section holds, in order. A meeting type may
//! give its own sections (a panel reads differently from a court); the
//! profile's serve the rest. One section is marked `rest` and takes
//! whatever no section names, so no document is ever left out.

use super::error::{ProfileError, rule};
use serde::{Deserialize, Serialize};

use super::Profile;

/// How the bundle is put together.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BundleRules {
    /// Above this many pages the build warns (PD27A: 350).
    pub page_limit: usize,
    /// Where the limit and the layout come from.
    pub source: String,
    /// The sections, in order, for meeting types that give none.
    pub sections: Vec<BundleSection>,
}

/// One section of the bundle: its pages are numbered A1, A2 … from its letter.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BundleSection {
    /// Its letter (or short mark), printed before every page number.
    pub letter: String,
    /// Its title in the index and the bookmarks.
    pub title: String,
    /// casepack's documents it holds (ids of `documents`).
    #[serde(default)]
    pub documents: Vec<String>,
    /// The kinds of attachment it holds (ids of `attachment_kinds`).
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Whether it holds whatever no section names.
    #[serde(default)]
    pub rest: bool,
    /// The procedure reference for what it holds.
    #[serde(default)]
    pub source: Option<String>,
}

impl Profile {
    /// The sections of the bundle for meeting type `meeting`.
    pub fn bundle_sections(&self, meeting: &str) -> &[BundleSection] {
        self.meeting(meeting)
            .and_then(|m| m.bundle.as_deref())
            .unwrap_or(&self.bundle.sections)
    }

    /// Every set of sections is whole: letters unique, one `rest`
    /// section, every document and kind real and in one section only.
    pub(super) fn check_bundle(&self) -> Result<(), ProfileError> {
        let sets = std::iter::once(("bundle", &self.bundle.sections)).chain(
            self.meetings
                .iter()
                .filter_map(|m| m.bundle.as_ref().map(|b| (m.id.as_str(), b))),
        );
        for (at, sections) in sets {
            if sections.iter().filter(|s| s.rest).count() != 1 {
                return Err(rule!(
                    "{at}: exactly one bundle section must be marked `rest: true`"
                ));
            }
            let mut seen: Vec<&str> = Vec::new();
            for s in sections {
                if s.letter.trim().is_empty()
                    || sections.iter().filter(|o| o.letter == s.letter).count() > 1
                {
                    return Err(rule!(
                        "{at}: bundle section letter `{}` is empty or used twice",
                        s.letter
                    ));
                }
                for d in &s.documents {
                    if self.document(d).is_none() {
                        return Err(rule!(
                            "{at}: bundle section {}: `{d}` is not a document",
                            s.letter
                        ));
                    }
                }
                for k in &s.attachments {
                    if self.attachment_kind(k).is_none() {
                        return Err(rule!(
                            "{at}: bundle section {}: `{k}` is not an attachment kind",
                            s.letter
                        ));
                    }
                }
                for id in s.documents.iter().chain(&s.attachments) {
                    if seen.contains(&id.as_str()) {
                        return Err(rule!("{at}: `{id}` is in two bundle sections"));
                    }
                    seen.push(id);
                }
            }
        }
        Ok(())
    }
}

/// The index of the section that holds a document (`document` id) or an
/// attachment (`kind`): the one naming it, else the `rest` section.
pub fn section_of(sections: &[BundleSection], document: Option<&str>, kind: Option<&str>) -> usize {
    let named = sections.iter().position(|s| {
        document.is_some_and(|d| s.documents.iter().any(|x| x == d))
            || kind.is_some_and(|k| s.attachments.iter().any(|x| x == k))
    });
    named
        .or_else(|| sections.iter().position(|s| s.rest))
        .unwrap_or(sections.len().saturating_sub(1))
}
