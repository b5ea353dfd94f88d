//! Reading the case format's JSON Schema: following references, taking
//! "or nothing" off optional fields, and deciding what input each field is.

use serde_json::Value;

use super::{Choice, Kind, Node, is_prose, item_word, label_of};
use crate::case::CasePath;
use crate::case::path::Segment;

/// The schema being read.
pub(super) struct Form<'s> {
    pub(super) schema: &'s Value,
}

impl<'s> Form<'s> {
    /// Follows `$ref`s and single-item `allOf`s to the schema they name.
    pub(super) fn resolve(&self, mut s: &'s Value) -> &'s Value {
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

    pub(super) fn definition(&self, name: &str) -> Option<&'s Value> {
        ["definitions", "$defs"]
            .iter()
            .find_map(|k| self.schema.get(*k)?.get(name))
    }

    /// The schema with "or nothing" taken away: an optional field's value.
    pub(super) fn unwrap(&self, s: &'s Value) -> &'s Value {
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
    pub(super) fn ref_name(&self, s: &'s Value) -> Option<&'s str> {
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
    pub(super) fn is_scalar_choice(&self, s: &'s Value) -> bool {
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

    pub(super) fn node(
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

    pub(super) fn kind(&self, path: &CasePath, s: &'s Value, value: Option<&Value>) -> Kind {
        let value = value.filter(|v| !v.is_null());
        let text = || value.map(scalar_text).unwrap_or_default();
        match self.ref_name(s) {
            Some("Date") if value.is_none_or(Value::is_string) => {
                return Kind::Date { value: text() };
            }
            // Someone named by id: typed, with the case's people offered.
            Some("PersonId")
                if value.is_none_or(Value::is_string)
                    && !matches!(path.segments().last(), Some(Segment::Key(k)) if k == "id") =>
            {
                return Kind::Text {
                    value: text(),
                    long: false,
                    suggest: Some("people"),
                };
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
            let at = path.to_string();
            return Kind::Text {
                value: text(),
                long: is_prose(path, &description(s).unwrap_or_default()),
                suggest: super::FROM_PROFILE
                    .iter()
                    .find(|(field, _)| *field == at)
                    .map(|(_, list)| *list),
            };
        }
        Kind::Yaml {
            value: value.map(yaml_text).unwrap_or_default(),
        }
    }
}

pub(super) fn yaml_node(path: &CasePath, name: &str, help: &str, value: Option<&Value>) -> Node {
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
        // JSON is YAML too: a value the YAML writer refuses is shown as
        // JSON, which reads back as the same value.
        .unwrap_or_else(|_| v.to_string())
}

pub(super) fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub(super) fn type_is(s: &Value, t: &str) -> bool {
    match s.get("type") {
        Some(Value::String(x)) => x == t,
        Some(Value::Array(xs)) => {
            xs.iter().any(|x| x == t) && xs.iter().all(|x| x == t || x == "null")
        }
        _ => false,
    }
}

pub(super) fn required_of(s: &Value) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

pub(super) fn description(s: &Value) -> Option<String> {
    s.get("description")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The options of a field whose value is one of a fixed set of strings,
/// written either as `enum` or as `oneOf` constants with descriptions.
pub(super) fn choices(s: &Value) -> Option<Vec<Choice>> {
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

pub(super) fn first_sentence(text: &str) -> String {
    let end = text
        .find(" (")
        .or_else(|| text.find(". "))
        .unwrap_or(text.len());
    text[..end].trim_end_matches('.').to_string()
}
