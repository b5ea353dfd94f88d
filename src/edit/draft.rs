//! What the page sends and how it becomes a case: the JSON the form keeps,
//! with the fields edited as YAML parsed in, and written back as the YAML
//! casepack reads.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Value, json};

use super::EditError;
use crate::case::CasePath;
use crate::case::path::Segment;
use crate::diagnostics::Finding;

/// What the page sends: the case as it stands in the form, and the text of
/// each field edited as YAML, by path.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Draft {
    /// The case, as JSON.
    pub case: Value,
    /// Fields edited as YAML text, by path: parsed into `case` before use.
    #[serde(default)]
    pub yaml: BTreeMap<String, String>,
    /// The page's count of its checks: a check answered after a later one
    /// (checks run side by side) must not replace what the preview shows.
    #[serde(default)]
    pub seq: u64,
}

/// The draft's case with its YAML fields parsed in; a field that is not
/// YAML is left as it was and becomes a finding at its path.
pub(super) fn merge(draft: &Draft) -> (Value, Vec<Finding>) {
    let mut case = draft.case.clone();
    if !case.is_object() {
        case = json!({});
    }
    let mut findings = Vec::new();
    for (path, text) in &draft.yaml {
        let parsed = match CasePath::parse(path) {
            Ok(p) => p,
            Err(e) => {
                findings.push(Finding::error("invalid-yaml", path.clone(), e.to_string()));
                continue;
            }
        };
        match parse_yaml(text) {
            Ok(v) => set(&mut case, &parsed, v),
            Err(e) => findings.push(
                Finding::error("invalid-yaml", path.clone(), format!("this is not YAML: {e}"))
                    .help("write it as it would be in the case file, e.g. `lpm: 2026-11-16` on a line of its own"),
            ),
        }
    }
    (case, findings)
}

/// Sets `v` at `path` in `case`, making the fields on the way; `null`
/// removes the field (an empty box means "not given").
fn set(case: &mut Value, path: &CasePath, v: Value) {
    let Some((last, init)) = path.segments().split_last() else {
        return;
    };
    let mut node = case;
    for s in init {
        node = match s {
            Segment::Key(k) => {
                if !node.is_object() {
                    *node = json!({});
                }
                node.as_object_mut()
                    .map(|o| o.entry(k.clone()).or_insert_with(|| json!({})))
                    .expect("an object")
            }
            Segment::Index(i) => match node.get_mut(*i) {
                Some(n) => n,
                None => return,
            },
            Segment::Id(_) => return,
        };
    }
    match (last, node) {
        (Segment::Key(k), Value::Object(o)) => {
            if v.is_null() {
                o.remove(k);
            } else {
                o.insert(k.clone(), v);
            }
        }
        (Segment::Index(i), Value::Array(a)) if *i < a.len() => a[*i] = v,
        _ => {}
    }
}

pub(super) fn ensure_list<'v>(
    case: &'v mut Value,
    at: &CasePath,
) -> Result<&'v mut Vec<Value>, EditError> {
    if at.get(case).is_none_or(Value::is_null) {
        set(case, at, Value::Array(Vec::new()));
    }
    at.get_mut(case)
        .and_then(Value::as_array_mut)
        .ok_or_else(|| EditError::NotAList(at.to_string()))
}

pub(super) fn split_index(at: &CasePath) -> Result<(CasePath, usize), EditError> {
    match at.segments().last() {
        Some(Segment::Index(i)) => Ok((at.parent().unwrap_or_else(CasePath::root), *i)),
        _ => Err(EditError::NotAnItem(at.to_string())),
    }
}

/// Parses YAML text into JSON; empty text is `null`.
pub(super) fn parse_yaml(text: &str) -> Result<Value, EditError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_saphyr::from_str::<Value>(text)
        .map_err(|e| EditError::Yaml(e.to_string().lines().next().unwrap_or("").to_string()))
}

/// The case written as the YAML casepack reads: what is saved, and what is
/// checked, so a saved file gives the pack the page showed.
pub fn yaml_of(case: &Value) -> Result<String, EditError> {
    serde_saphyr::to_string(case).map_err(|e| EditError::ToYaml(e.to_string()))
}
