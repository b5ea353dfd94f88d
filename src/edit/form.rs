//! The case form, made from the case format's JSON Schema and the case as
//! it stands: one [`Node`] per field, labelled from the field's name and
//! helped by its description, so a field added to the format appears in the
//! form with no form code written for it. What the form cannot show as
//! inputs (a map, a choice between shapes) is edited as a small piece of
//! YAML, so nothing in the case is out of reach or lost.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::case::CasePath;

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
    ("Support offered", "support", &["support", "kinship"]),
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

struct Form<'s> {
    schema: &'s Value,
}

impl<'s> Form<'s> {
    /// Follows `$ref`s and single-item `allOf`s to the schema they name.
    fn resolve(&self, mut s: &'s Value) -> &'s Value {
        for _ in 0..16 {
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or(r);
                match self.definition(name) {
                    Some(d) => s = d,
                    None => return s,
                }
            } else if let Some([one]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice)
            {
                s = one;
            } else {
                return s;
            }
        }
        s
    }

    fn definition(&self, name: &str) -> Option<&'s Value> {
        ["definitions", "$defs"]
            .iter()
            .find_map(|k| self.schema.get(*k)?.get(name))
    }

    /// The schema with "or nothing" taken away: an optional field's value.
    fn unwrap(&self, s: &'s Value) -> &'s Value {
        let s = self.resolve(s);
        if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
            let some: Vec<&Value> = any.iter().filter(|v| !type_is(v, "null")).collect();
            if let [one] = some.as_slice() {
                return self.resolve(one);
            }
        }
        s
    }

    /// The name of the definition `s` refers to, through `allOf` and
    /// "or nothing": `Date`, `Time`.
    fn ref_name(&self, s: &'s Value) -> Option<&'s str> {
        let mut s = s;
        for _ in 0..4 {
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                return r.rsplit('/').next();
            }
            if let Some([one]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
                s = one;
                continue;
            }
            let any = s.get("anyOf").and_then(Value::as_array)?;
            let some: Vec<&Value> = any.iter().filter(|v| !type_is(v, "null")).collect();
            match some.as_slice() {
                [one] => s = one,
                _ => return None,
            }
        }
        None
    }

    /// Whether `s` is one of several plain values, a date or a number
    /// (`DateOrYear`): typed on one line.
    fn is_scalar_choice(&self, s: &'s Value) -> bool {
        let Some(any) = s.get("anyOf").and_then(Value::as_array) else {
            return false;
        };
        let some: Vec<&Value> = any
            .iter()
            .map(|v| self.resolve(v))
            .filter(|v| !type_is(v, "null"))
            .collect();
        some.len() > 1
            && some.iter().all(|v| {
                v.get("const").is_none()
                    && ["string", "integer", "number"]
                        .iter()
                        .any(|t| type_is(v, t))
            })
    }

    fn node(
        &self,
        path: &CasePath,
        name: &str,
        s: &'s Value,
        value: Option<&Value>,
        required: bool,
    ) -> Node {
        let help = description(s)
            .or_else(|| description(self.unwrap(s)))
            .unwrap_or_default();
        let kind = self.kind(path, s, value);
        Node {
            path: path.to_string(),
            label: label_of(name),
            help,
            required,
            kind,
        }
    }

    fn kind(&self, path: &CasePath, s: &'s Value, value: Option<&Value>) -> Kind {
        let value = value.filter(|v| !v.is_null());
        let text = || value.map(scalar_text).unwrap_or_default();
        match self.ref_name(s) {
            Some("Date") if value.is_none_or(Value::is_string) => {
                return Kind::Date { value: text() };
            }
            Some("Time") if value.is_none_or(Value::is_string) => {
                return Kind::Time { value: text() };
            }
            _ => {}
        }
        let t = self.unwrap(s);
        if self.is_scalar_choice(t) && value.is_none_or(|v| v.is_string() || v.is_number()) {
            return Kind::Scalar { value: text() };
        }
        if let Some(options) = choices(t) {
            let v = text();
            if v.is_empty() || options.iter().any(|o| o.value == v) {
                return Kind::Select { value: v, options };
            }
        } else if let Some(props) = t.get("properties").and_then(Value::as_object)
            && value.is_none_or(Value::is_object)
        {
            let required = required_of(t);
            let mut fields: Vec<Node> = props
                .iter()
                .map(|(k, ps)| {
                    self.node(
                        &path.key(k),
                        k,
                        ps,
                        value.and_then(|v| v.get(k)),
                        required.contains(&k.as_str()),
                    )
                })
                .collect();
            // What the case holds that the format does not name, kept in view.
            if let Some(obj) = value.and_then(Value::as_object) {
                for (k, v) in obj.iter().filter(|(k, _)| !props.contains_key(*k)) {
                    fields.push(yaml_node(
                        &path.key(k),
                        k,
                        "Not part of the case format.",
                        Some(v),
                    ));
                }
            }
            return Kind::Group { fields };
        } else if type_is(t, "array")
            && let Some(item) = t.get("items")
            && value.is_none_or(Value::is_array)
        {
            let items = value
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let mut n = self.node(&path.index(i), "", item, Some(v), false);
                            n.label = format!(
                                "{} {}",
                                item_word(path, &description(s).unwrap_or_default()),
                                i + 1
                            );
                            n
                        })
                        .collect()
                })
                .unwrap_or_default();
            return Kind::List { items };
        } else if type_is(t, "boolean") && value.is_none_or(Value::is_boolean) {
            return Kind::Bool {
                value: value.and_then(Value::as_bool).unwrap_or(false),
            };
        } else if (type_is(t, "integer") || type_is(t, "number"))
            && value.is_none_or(Value::is_number)
        {
            return Kind::Number { value: text() };
        } else if type_is(t, "string") && value.is_none_or(Value::is_string) {
            return Kind::Text {
                value: text(),
                long: is_prose(path, &description(s).unwrap_or_default()),
            };
        }
        Kind::Yaml {
            value: value.map(yaml_text).unwrap_or_default(),
        }
    }
}

fn yaml_node(path: &CasePath, name: &str, help: &str, value: Option<&Value>) -> Node {
    Node {
        path: path.to_string(),
        label: label_of(name),
        help: help.to_string(),
        required: false,
        kind: Kind::Yaml {
            value: value
                .filter(|v| !v.is_null())
                .map(yaml_text)
                .unwrap_or_default(),
        },
    }
}

/// A value written as YAML for its text box.
pub fn yaml_text(v: &Value) -> String {
    serde_saphyr::to_string(v)
        .map(|t| t.trim_end().to_string())
        .unwrap_or_else(|_| v.to_string())
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn type_is(s: &Value, t: &str) -> bool {
    match s.get("type") {
        Some(Value::String(x)) => x == t,
        Some(Value::Array(xs)) => {
            xs.iter().any(|x| x == t) && xs.iter().all(|x| x == t || x == "null")
        }
        _ => false,
    }
}

fn required_of(s: &Value) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn description(s: &Value) -> Option<String> {
    s.get("description")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The options of a field whose value is one of a fixed set of strings,
/// written either as `enum` or as `oneOf` constants with descriptions.
fn choices(s: &Value) -> Option<Vec<Choice>> {
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .map(|v| {
                let v = v.as_str()?;
                Some(Choice {
                    value: v.to_string(),
                    label: v.replace('-', " "),
                })
            })
            .collect();
    }
    let one = s.get("oneOf").or_else(|| s.get("anyOf"))?.as_array()?;
    one.iter()
        .filter(|v| !type_is(v, "null"))
        .map(|v| {
            let value = v
                .get("const")
                .or_else(|| {
                    v.get("enum")
                        .and_then(|e| e.get(0))
                        .filter(|_| v["enum"].as_array().is_some_and(|a| a.len() == 1))
                })?
                .as_str()?;
            let label = v
                .get("description")
                .and_then(Value::as_str)
                .map(first_sentence)
                .unwrap_or_else(|| value.replace('-', " "));
            Some(Choice {
                value: value.to_string(),
                label,
            })
        })
        .collect()
}

fn first_sentence(text: &str) -> String {
    let end = text
        .find(" (")
        .or_else(|| text.find(". "))
        .unwrap_or(text.len());
    text[..end].trim_end_matches('.').to_string()
}

/// A field's name in words: `what_must_change` → "What must change".
pub fn label_of(name: &str) -> String {
    let words = name.replace(['_', '-'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What an item of the list at `path` is called: "Line" for a list the
/// format describes as one line per item (an address), else the list's
/// name in the singular where that is plain ("worries" → "Worry"), else "Item".
fn item_word(path: &CasePath, description: &str) -> String {
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
fn is_prose(path: &CasePath, description: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn find<'n>(nodes: &'n [Node], path: &str) -> Option<&'n Node> {
        for n in nodes {
            if n.path == path {
                return Some(n);
            }
            let inner = match &n.kind {
                Kind::Group { fields } => find(fields, path),
                Kind::List { items } => find(items, path),
                _ => None,
            };
            if inner.is_some() {
                return inner;
            }
        }
        None
    }

    fn all(sections: &[Section]) -> Vec<Node> {
        sections.iter().flat_map(|s| s.fields.clone()).collect()
    }

    #[test]
    fn every_top_level_field_of_the_format_is_in_one_section() {
        let schema = crate::case::schema();
        let s = sections(&schema, &json!({}));
        let names: Vec<String> = all(&s).iter().map(|n| n.path.clone()).collect();
        for key in schema["properties"].as_object().unwrap().keys() {
            assert_eq!(names.iter().filter(|n| *n == key).count(), 1, "{key}");
        }
        assert_eq!(s[0].title, "The case and the council");
    }

    #[test]
    fn fields_take_their_kind_label_help_and_value_from_the_schema_and_case() {
        let schema = crate::case::schema();
        let case = json!({
            "lpm": {"date": "2026-11-16", "purpose": "issue-care-proceedings", "attendees": [{"name": "Ann Bell"}]},
            "worries": [{"worry": "Alfie was left alone", "evidence": ["He was found outside at 9pm."]}],
            "local_authority": {"address": ["1 Market Street"]},
            "adoption_possible": true,
            "people": [{"id": "ann", "name": "Ann Bell"}],
        });
        let nodes = all(&sections(&schema, &case));
        let date = find(&nodes, "lpm.date").unwrap();
        assert!(matches!(&date.kind, Kind::Date { value } if value == "2026-11-16"));
        assert_eq!(date.label, "Date");
        assert!(date.help.contains("date of the meeting"), "{}", date.help);
        let purpose = find(&nodes, "lpm.purpose").unwrap();
        match &purpose.kind {
            Kind::Select { value, options } => {
                assert_eq!(value, "issue-care-proceedings");
                assert!(options.len() >= 4);
                assert!(
                    options
                        .iter()
                        .any(|o| o.label.starts_with("To issue care proceedings"))
                );
            }
            other => panic!("{other:?}"),
        }
        let name = find(&nodes, "lpm.attendees[0].name").unwrap();
        assert!(matches!(&name.kind, Kind::Text { value, long: false } if value == "Ann Bell"));
        assert_eq!(
            find(&nodes, "lpm.attendees[0]").unwrap().label,
            "Attendee 1"
        );
        let worry = find(&nodes, "worries[0].worry").unwrap();
        assert!(
            matches!(&worry.kind, Kind::Text { long: true, .. }),
            "{worry:?}"
        );
        let evidence = find(&nodes, "worries[0].evidence[0]").unwrap();
        assert!(
            matches!(&evidence.kind, Kind::Text { long: true, .. }),
            "{evidence:?}"
        );
        let line = find(&nodes, "local_authority.address[0]").unwrap();
        assert!(
            matches!(&line.kind, Kind::Text { long: false, .. }),
            "{line:?}"
        );
        assert!(matches!(
            find(&nodes, "adoption_possible").unwrap().kind,
            Kind::Bool { value: true }
        ));
        let born = find(&nodes, "people[0].born").unwrap();
        assert!(
            matches!(&born.kind, Kind::Scalar { value } if value.is_empty()),
            "{born:?}"
        );
    }

    #[test]
    fn what_the_form_cannot_show_as_inputs_is_kept_as_yaml() {
        let schema = crate::case::schema();
        let case = json!({
            "done": {"lpm": "2026-11-16"},
            "reference": ["not", "a", "string"],
            "invented": {"a": 1},
        });
        let nodes = all(&sections(&schema, &case));
        assert!(
            matches!(&find(&nodes, "done").unwrap().kind, Kind::Yaml { value } if value.contains("lpm:") && value.contains("2026-11-16"))
        );
        assert!(
            matches!(&find(&nodes, "reference").unwrap().kind, Kind::Yaml { value } if value.contains("- not"))
        );
        let invented = find(&nodes, "invented").unwrap();
        assert!(matches!(&invented.kind, Kind::Yaml { value } if value.contains("a: 1")));
        assert_eq!(invented.help, "Not part of the case format.");
    }

    #[test]
    fn a_new_list_item_starts_empty_in_the_shape_of_the_list() {
        let schema = crate::case::schema();
        let path = |p: &str| CasePath::parse(p).unwrap();
        assert_eq!(new_item(&schema, &path("worries")), json!({}));
        assert_eq!(new_item(&schema, &path("lpm.attendees")), json!({}));
        assert_eq!(new_item(&schema, &path("children")), json!(""));
    }

    #[test]
    fn labels_are_words() {
        assert_eq!(label_of("what_must_change"), "What must change");
        assert_eq!(item_word(&CasePath::parse("worries").unwrap(), ""), "Worry");
        assert_eq!(item_word(&CasePath::parse("people").unwrap(), ""), "Person");
        assert_eq!(
            item_word(&CasePath::parse("children").unwrap(), ""),
            "Child"
        );
        assert_eq!(
            item_word(&CasePath::parse("dates_agreed").unwrap(), ""),
            "Item"
        );
        assert_eq!(
            item_word(
                &CasePath::parse("place").unwrap(),
                "The address, one line per item."
            ),
            "Line"
        );
    }
}
