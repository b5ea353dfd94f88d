//! Withheld text: a field or an address the case marks confidential (a
//! foster carer's or a refuge's address, a new partner's name) prints as
//! "[withheld]" in every pack for an audience that may not see it. The case
//! itself is redacted before any document is made from it, so the text is
//! in no document, table cell, header, file name or PDF metadata of that
//! pack: there is nothing downstream to forget.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::load::walk_strings;
use super::model::Case;
use crate::diagnostics::Finding;

/// What prints instead of withheld text.
pub const WITHHELD: &str = "[withheld]";

/// One field kept from some readers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withhold {
    /// The field, as a path in the case: `parents[1].address`,
    /// `family[4].name`, `pre_proceedings_meeting.venue`. Every text in it
    /// (every line of an address) is withheld.
    pub field: String,
    /// Who may not see it.
    pub from: WithheldFrom,
}

/// Who withheld text is kept from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WithheldFrom {
    /// The parents' packs.
    Parents,
    /// Every pack that leaves the local authority: the parents' and the advocates'.
    OutsideAuthority,
}

/// Whether `path` (as `walk_strings` writes it) is `field` or inside it.
fn within(path: &str, field: &str) -> bool {
    path == field
        || path
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// An error for each `withhold` entry that names no text in the case.
pub fn check(case: &Case) -> Vec<Finding> {
    let Ok(mut value) = serde_json::to_value(case) else {
        return Vec::new();
    };
    let mut paths = Vec::new();
    walk_strings(&mut value, String::new(), &mut |path, _| {
        paths.push(path.to_string())
    });
    case.withhold
        .iter()
        .enumerate()
        .filter(|(_, w)| !paths.iter().any(|p| within(p, &w.field)))
        .map(|(i, w)| {
            Finding::error(
                "withhold-nothing",
                format!("withhold[{i}].field"),
                format!("`{}` names no text in the case, so nothing would be withheld", w.field),
            )
            .help("give the path of a text field or an address, counting from 0, e.g. `parents[1].address`")
        })
        .collect()
}

/// The case as a pack for readers kept from `from` (those of the entries
/// that apply) may show it: every text under each such field replaced.
pub fn redact(case: &Case, applies: impl Fn(WithheldFrom) -> bool) -> Case {
    let fields: Vec<&str> = case
        .withhold
        .iter()
        .filter(|w| applies(w.from))
        .map(|w| w.field.as_str())
        .collect();
    if fields.is_empty() {
        return case.clone();
    }
    let Ok(mut value) = serde_json::to_value(case) else {
        return case.clone();
    };
    walk_strings(&mut value, String::new(), &mut |path, s| {
        if fields.iter().any(|f| within(path, f)) {
            *s = WITHHELD.to_string();
        }
    });
    // An address of several lines becomes one "[withheld]".
    for f in &fields {
        collapse(&mut value, f);
    }
    serde_json::from_value(value).unwrap_or_else(|_| case.clone())
}

/// Folds a list of "[withheld]" lines at `field` into one.
fn collapse(value: &mut Value, field: &str) {
    let mut node = value;
    for part in field.split('.') {
        let (name, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        let Some(next) = node.get_mut(name) else {
            return;
        };
        node = next;
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            let Some(next) = index
                .trim_end_matches(']')
                .parse::<usize>()
                .ok()
                .and_then(|i| node.get_mut(i))
            else {
                return;
            };
            node = next;
        }
    }
    if let Value::Array(lines) = node
        && !lines.is_empty()
        && lines.iter().all(|l| l == WITHHELD)
    {
        lines.truncate(1);
    }
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn a_field_holds_its_own_lines_and_nothing_beside_it() {
        assert!(within("parents[1].address", "parents[1].address"));
        assert!(within("parents[1].address[2]", "parents[1].address"));
        assert!(within("parents[1].address.postcode", "parents[1].address"));
        assert!(!within("parents[1].address_note", "parents[1].address"));
        assert!(!within("parents[10].address", "parents[1]"));
        assert!(within("parents[1].name", "parents[1]"));
    }
}
