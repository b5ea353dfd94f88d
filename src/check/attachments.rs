//! The attached PDFs the case lists, as findings: each one that cannot go
//! into the pack (outside the case's folder, missing, unreadable, not a
//! whole unencrypted PDF with pages, or clashing with another's name), at
//! its `path`, with what to do.

use crate::attach::{Refused, Unusable};
use crate::case::Case;
use crate::diagnostics::Finding;

/// A finding for each attachment [`crate::attach::load`] refused.
pub fn attachments(case: &Case, refused: &[Refused]) -> Vec<Finding> {
    refused.iter().map(|r| finding(case, r)).collect()
}

fn finding(case: &Case, r: &Refused) -> Finding {
    let path = &case.attachments[r.index].path;
    let at = format!("attachments[{}].path", r.index);
    match &r.why {
        Unusable::Outside => Finding::error(
            "attachment-outside-case",
            &at,
            format!("`{path}` is outside the case's folder"),
        )
        .help("copy the PDF into the case's folder (or a folder inside it) and give its path from there, e.g. `attachments/assessment.pdf`"),
        Unusable::LinksOutside => Finding::error(
            "attachment-outside-case",
            &at,
            format!("`{path}` links to a file outside the case's folder"),
        )
        .help("copy the PDF itself into the case's folder"),
        Unusable::Missing => Finding::error(
            "attachment-missing",
            &at,
            format!("`{path}` does not exist"),
        )
        .help("the path is relative to the case file's folder; check the spelling and that the file was copied"),
        Unusable::Unreadable(e) => Finding::error(
            "attachment-unreadable",
            &at,
            format!("`{path}` cannot be read: {e}"),
        )
        .help("check the file is a PDF you may read"),
        Unusable::Pdf(p) => {
            Finding::error(p.code(), &at, format!("`{path}` {}", p.message())).help(p.help())
        }
        Unusable::NameClash { first } => {
            let (message, help) = if first == path {
                (
                    format!("`{path}` is attached twice"),
                    "list each document once, with the kind the meeting needs",
                )
            } else {
                (
                    format!("`{path}` has the same file name as `{first}`; the pack would hold only one"),
                    "rename one of the files (and its `path`)",
                )
            };
            Finding::error("attachment-name-clash", &at, message).help(help)
        }
    }
}
