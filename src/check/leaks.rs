//! What a reader's pack would disclose, as findings: each secret the
//! guard found (another person's address, a child who is not theirs,
//! withheld text), at the case field it is written in, naming every
//! document it would be in, with how to keep it out.

use std::collections::BTreeMap;

use crate::case::Case;
use crate::diagnostics::Finding;
use crate::disclosure::guard::{Leak, printed_from, written_at};
use crate::disclosure::{SecretKind, View};

/// One error per secret and the case field it is written in, naming every
/// document it would be in.
pub fn leaks(case: &Case, view: &View, leaks: &[Leak]) -> Vec<Finding> {
    // Reading both copies back as JSON is for placing a leak; most packs have none.
    if leaks.is_empty() {
        return Vec::new();
    }
    let (Ok(case), Ok(copy)) = (serde_json::to_value(case), serde_json::to_value(&view.case))
    else {
        return vec![Finding::error(
            "internal",
            "",
            "the case could not be read back to place a finding",
        )];
    };
    let mut by_place: BTreeMap<(String, String), (String, Vec<String>, SecretKind)> =
        BTreeMap::new();
    for leak in leaks {
        // At every field the document printed it from; failing that, where
        // else the case writes it, then the secret's own place.
        let mut paths = printed_from(&case, leak);
        if paths.is_empty() {
            paths.push(
                written_at(&case, &copy, &leak.secret).unwrap_or_else(|| leak.secret.path.clone()),
            );
        }
        // The document, without where inside it.
        let doc = leak
            .place
            .split(", at `")
            .next()
            .unwrap_or(&leak.place)
            .to_string();
        for path in paths {
            let entry = by_place
                .entry((path, leak.secret.what.clone()))
                .or_insert_with(|| (leak.secret.what.clone(), Vec::new(), leak.secret.kind));
            if !entry.1.contains(&doc) {
                entry.1.push(doc.clone());
            }
        }
    }
    by_place
        .into_iter()
        .map(|((path, _), (what, docs, kind))| {
            let help = match kind {
                SecretKind::ChildName => "write `{children}` where this text names the children, so each parent's copy names only their own (\"keep {children} safe\"); or say which children it is about (`children: [id, …]`); or give this parent their own words with a `reword` entry (`{ field, for, text }`); a grown-up who shares the child's name is safe when written by their full name",
                SecretKind::Withheld | SecretKind::WithheldLine => "withhold this field too, or change it (for this reader alone, with a `reword` entry) so it does not repeat the withheld text",
                _ => "take it out of this text; or, if they may know it, add them to `share_contact_with` on that person's entry",
            };
            Finding::error(
                "disclosure",
                path,
                format!("{what} would be in {}", docs.join("; ")),
            )
            .help(help)
        })
        .collect()
}
