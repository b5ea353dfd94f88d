//! The case form, made from the case format's JSON Schema and the case as
//! it stands: one [`Node`] per field, labelled from the field's name and
//! helped by its description, so a field added to the format appears in the
//! form with no form code written for it. What the form cannot show as
//! inputs (a map, a choice between shapes) is edited as a small piece of
//! YAML, so nothing in the case is out of reach or lost.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::case::CasePath;

mod schema;
#[cfg(test)]
mod tests;
mod words;

pub use schema::yaml_text;
use schema::{Form, required_of, type_is, yaml_node};
pub use words::label_of;
use words::{is_prose, item_word};

/// One field of the form, with its value in the case.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Where it sits in the case, as findings name it: `people[0].name`.
    pub path: String,
    /// Its label: the field's name in words ("What must change").
    pub label: String,
    /// The field's description from the case format.
    pub help: String,
    /// Whether the case format requires it.
    pub required: bool,
    /// What input it is, and its value.
    #[serde(flatten)]
    pub kind: Kind,
}

/// What input a field is.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// A date or only a year: one line, sent as a number when it is one.
    Scalar {
        /// As written.
        value: String,
    },
    /// A line of text, or several lines for prose (`long`).
    Text {
        /// As written.
        value: String,
        /// Whether it is prose, shown as a box that grows.
        long: bool,
        /// The values the page offers while it is typed: `people`, the
        /// case's people by id, for a field that names someone; a list of
        /// [`FROM_PROFILE`] for a field naming something the profile defines.
        suggest: Option<&'static str>,
    },
    /// A date, YYYY-MM-DD.
    Date {
        /// As written.
        value: String,
    },
    /// A time, HH:MM.
    Time {
        /// As written.
        value: String,
    },
    /// A whole number.
    Number {
        /// As written.
        value: String,
    },
    /// Yes or no.
    Bool {
        /// Ticked.
        value: bool,
    },
    /// One of a fixed set.
    Select {
        /// The chosen option's value, or empty.
        value: String,
        /// The options, in the format's order.
        options: Vec<Choice>,
    },
    /// A group of fields.
    Group {
        /// Its fields, in the format's order.
        fields: Vec<Node>,
    },
    /// A list whose items can be added, removed and moved.
    List {
        /// One node per item, labelled by position.
        items: Vec<Node>,
    },
    /// Anything else, edited as YAML text.
    Yaml {
        /// The value written as YAML, empty when absent.
        value: String,
    },
}

/// An option of a select.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// What the case file holds.
    pub value: String,
    /// What the option says: its description's first sentence, or the value.
    pub label: String,
}

/// A section of the form: a heading and the case's top-level fields under it.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading.
    pub title: &'static str,
    /// An anchor for the page's contents list.
    pub anchor: &'static str,
    /// The fields.
    pub fields: Vec<Node>,
}

/// Fields whose value is an id the authority's profile defines, with the
/// list the page offers for them (the check's answer carries each list from
/// the profile the case is checked with). The format's schema cannot say
/// this: which ids there are depends on the profile.
pub const FROM_PROFILE: &[(&str, &str)] = &[("meeting.type", "meetings")];

/// The sections in the order a social worker thinks about a case, each
/// naming the top-level fields it holds. A top-level field named by none
/// (one new to the format) goes in the last section, so it still shows.
const SECTIONS: &[(&str, &str, &[&str])] = &[
    (
        "The case and the council",
        "case",
        &["reference", "local_authority", "profile", "casepack"],
    ),
    (
        "The family and who holds parental responsibility",
        "family",
        &["people", "children", "households", "professionals"],
    ),
    (
        "What we are worried about",
        "worries",
        &["worries", "chronology", "adoption_possible"],
    ),
    (
        "Support offered",
        "support",
        &["support", "assessments", "kinship"],
    ),
    (
        "The meeting",
        "meeting",
        &["meeting", "lpm_request", "lpm", "plo_summary"],
    ),
    (
        "The plan",
        "plan",
        &[
            "plan",
            "contingency_plan",
            "review_date",
            "progress_since_lpm",
        ],
    ),
];

/// The last section's heading: letters, proceedings, steps done, and any
/// field the sections above do not name.
const LAST: (&str, &str) = ("Letters, proceedings and steps done", "more");

/// The fields of the LPM's record: what is filled in during the meeting.
pub const RECORD: &[&str] = &["lpm", "review_lpms"];

/// Every section of the form for `case`, a JSON value (any shape: what
/// does not fit the format is shown as YAML, not dropped).
pub fn sections(schema: &Value, case: &Value) -> Vec<Section> {
    let form = Form { schema };
    let root = form.resolve(schema);
    let required = required_of(root);
    let empty = Map::new();
    let props = root
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let node_for = |name: &str| -> Node {
        let path = CasePath::root().key(name);
        match props.get(name) {
            Some(s) => form.node(&path, name, s, case.get(name), required.contains(&name)),
            None => yaml_node(&path, name, "Not part of the case format.", case.get(name)),
        }
    };
    let mut used: Vec<&str> = Vec::new();
    let mut out: Vec<Section> = SECTIONS
        .iter()
        .map(|(title, anchor, names)| {
            used.extend(names.iter());
            Section {
                title,
                anchor,
                fields: names.iter().map(|n| node_for(n)).collect(),
            }
        })
        .collect();
    // The rest, in the format's order, then keys the format does not know.
    let mut rest: Vec<&str> = props
        .keys()
        .map(String::as_str)
        .filter(|k| !used.contains(k))
        .collect();
    if let Some(obj) = case.as_object() {
        rest.extend(
            obj.keys()
                .map(String::as_str)
                .filter(|k| !used.contains(k) && !props.contains_key(*k)),
        );
    }
    out.push(Section {
        title: LAST.0,
        anchor: LAST.1,
        fields: rest.iter().map(|n| node_for(n)).collect(),
    });
    out
}

/// The record of the meeting: the fields filled in while it sits.
pub fn record(schema: &Value, case: &Value) -> Vec<Node> {
    let form = Form { schema };
    let root = form.resolve(schema);
    let required = required_of(root);
    RECORD
        .iter()
        .filter_map(|name| {
            let s = root.get("properties")?.get(*name)?;
            let path = CasePath::root().key(name);
            Some(form.node(&path, name, s, case.get(*name), required.contains(name)))
        })
        .collect()
}

/// The value a new item of the list at `path` starts as: an empty group,
/// an empty string, or nothing for a kind with no empty value.
pub fn new_item(schema: &Value, path: &CasePath) -> Value {
    let form = Form { schema };
    let mut node = form.resolve(schema);
    for segment in path.segments() {
        node = match segment {
            crate::case::path::Segment::Key(k) => {
                match form.unwrap(node).get("properties").and_then(|p| p.get(k)) {
                    Some(s) => form.unwrap(s),
                    None => return Value::Null,
                }
            }
            _ => match form.unwrap(node).get("items") {
                Some(s) => form.unwrap(s),
                None => return Value::Null,
            },
        };
    }
    let item = match form.unwrap(node).get("items") {
        Some(s) => form.unwrap(s),
        None => return Value::Null,
    };
    if item.get("properties").is_some() {
        Value::Object(Map::new())
    } else if type_is(item, "string") {
        Value::String(String::new())
    } else {
        Value::Null
    }
}
