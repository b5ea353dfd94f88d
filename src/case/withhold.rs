//! Withheld text: a field the case marks confidential (a refuge named in a
//! worry, a new partner's name) prints as "[withheld]" in every pack read
//! by someone it is kept from: a person (`from: [ryan]`), every parent
//! (`parents`), the advocates (`advocates`), or everyone outside the
//! local authority (`outside-authority`).
//!
//! Only text can be withheld: a path that names a date, a fixed value, an
//! id, a whole person or a list of records is an error at its line, because
//! replacing it would either change what the documents say or break the
//! case. Which fields are text is read from the case format's own JSON
//! Schema, so it cannot drift from the model.

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::path::{CasePath, Segment};
use super::people::Readers;

/// Text kept from some readers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withhold {
    /// The text, as a path in the case: `people[ryan].address`,
    /// `worries[1].evidence[0]`, `people[tara].name`. Every line of an
    /// address is withheld.
    pub field: CasePath,
    /// Who may not see it: `parents`, `advocates`, `outside-authority`, a
    /// person's id, or a list of them. Text kept from a person is kept from
    /// the advocates' pack too, which their solicitor reads.
    pub from: Readers,
}

/// Words for some readers in place of a field's own: where a text that
/// goes into every parent's letter must say something different to one of
/// them (and `{children}` is not enough).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reword {
    /// The text, as a path in the case: `letter_of_issue.why`,
    /// `worries[0].must_change`, `plan[2].action`.
    pub field: CasePath,
    /// Who reads these words instead: a person's id, `parents`,
    /// `advocates`, or a list of them.
    #[serde(rename = "for")]
    pub readers: Readers,
    /// What they read. It may name the children by reference (`{children}`).
    pub text: String,
}

/// What the schema says lies at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Free text: may be withheld.
    Text,
    /// Lines of free text (an address): may be withheld, as one "[withheld]".
    Lines,
    /// Anything else, said in words ("a date", "a whole person").
    Other(&'static str),
    /// The case format has no such field.
    Unknown,
}

/// The case format's schema, made once.
static SCHEMA: LazyLock<Value> = LazyLock::new(super::schema);

/// What lies at `path` in the case format.
pub fn shape_at(path: &CasePath) -> Shape {
    let root: &Value = &SCHEMA;
    let mut nodes = vec![root];
    for s in path.segments() {
        let mut next = Vec::new();
        for n in nodes.iter().flat_map(|n| alternatives(root, n)) {
            let child = match s {
                Segment::Key(k) => n
                    .get("properties")
                    .and_then(|p| p.get(k))
                    .or_else(|| n.get("additionalProperties").filter(|a| a.is_object())),
                Segment::Index(_) | Segment::Id(_) => n.get("items"),
            };
            next.extend(child);
        }
        if next.is_empty() {
            return Shape::Unknown;
        }
        nodes = next;
    }
    let alts: Vec<&Value> = nodes.iter().flat_map(|n| alternatives(root, n)).collect();
    if alts.iter().any(|a| plain_text(a)) {
        return Shape::Text;
    }
    let lines = |a: &&Value| {
        kind(a) == Some("array")
            && a.get("items")
                .is_some_and(|i| alternatives(root, i).iter().any(|x| plain_text(x)))
    };
    if alts.iter().any(lines) {
        return Shape::Lines;
    }
    let is_person = matches!(path.segments(), [Segment::Key(k), Segment::Index(_) | Segment::Id(_)] if k == "people");
    Shape::Other(if is_person {
        "a whole person"
    } else if alts
        .iter()
        .any(|a| a.get("pattern").and_then(Value::as_str) == Some(DATE_PATTERN))
    {
        "a date"
    } else if alts
        .iter()
        .any(|a| a.get("const").is_some() || a.get("enum").is_some())
    {
        "one of a fixed set of values"
    } else if alts.iter().any(|a| kind(a) == Some("boolean")) {
        "a yes-or-no value"
    } else if alts
        .iter()
        .any(|a| matches!(kind(a), Some("integer" | "number")))
    {
        "a number"
    } else if alts.iter().any(|a| a.get("pattern").is_some()) {
        "an id, a reference or a time"
    } else if alts.iter().any(|a| kind(a) == Some("array")) {
        "a list"
    } else {
        "a group of fields"
    })
}

const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The `type` of a schema, ignoring `null` in a list of types.
fn kind(schema: &Value) -> Option<&str> {
    match schema.get("type")? {
        Value::String(s) => Some(s),
        Value::Array(types) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null"),
        _ => None,
    }
}

/// A string with no pattern, fixed values or format: words a person wrote.
fn plain_text(schema: &Value) -> bool {
    kind(schema) == Some("string")
        && ["pattern", "enum", "const", "format"]
            .iter()
            .all(|k| schema.get(k).is_none())
}

/// The schemas a value may match: `$ref`s followed, `anyOf`/`oneOf`
/// opened, `null` left out.
fn alternatives<'a>(root: &'a Value, schema: &'a Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut stack = vec![schema];
    while let Some(s) = stack.pop() {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let target = r
                .strip_prefix("#/")
                .map(|p| p.split('/').try_fold(root, |n, k| n.get(k)));
            if let Some(Some(t)) = target {
                stack.push(t);
            }
            continue;
        }
        let mut opened = false;
        for key in ["anyOf", "oneOf", "allOf"] {
            if let Some(list) = s.get(key).and_then(Value::as_array) {
                stack.extend(list.iter());
                opened = true;
            }
        }
        if !opened && kind(s).is_some() {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(p: &str) -> Shape {
        shape_at(&CasePath::parse(p).unwrap())
    }

    #[test]
    fn only_text_can_be_withheld() {
        assert_eq!(shape("people[ryan].address"), Shape::Lines);
        assert_eq!(shape("people[ryan].address[0]"), Shape::Text);
        assert_eq!(shape("people[3].name"), Shape::Text);
        assert_eq!(shape("people[3].phone"), Shape::Text);
        assert_eq!(shape("worries[0].evidence[1]"), Shape::Text);
        assert_eq!(shape("worries[0].evidence"), Shape::Lines);
        assert_eq!(shape("pre_proceedings_meeting.place"), Shape::Lines);
        assert_eq!(shape("meeting.record.contact"), Shape::Text);
        assert_eq!(shape("people[ryan].custody.prisoner_number"), Shape::Text);
        assert_eq!(shape("people[0].born"), Shape::Other("a date"));
        assert_eq!(shape("lpm.date"), Shape::Other("a date"));
        assert_eq!(shape("people[ryan]"), Shape::Other("a whole person"));
        assert_eq!(
            shape("people[0].gender"),
            Shape::Other("one of a fixed set of values")
        );
        assert_eq!(
            shape("people[0].advocate"),
            Shape::Other("a yes-or-no value")
        );
        assert_eq!(shape("worries"), Shape::Other("a list"));
        assert_eq!(
            shape("children[0]"),
            Shape::Other("an id, a reference or a time")
        );
        assert_eq!(
            shape("people[0].id"),
            Shape::Other("an id, a reference or a time")
        );
        assert_eq!(
            shape("attachments[0].path"),
            Shape::Other("an id, a reference or a time")
        );
        assert_eq!(
            shape("pre_proceedings_meeting.time"),
            Shape::Other("an id, a reference or a time")
        );
        assert_eq!(shape("people[0].nickname"), Shape::Unknown);
    }
}
