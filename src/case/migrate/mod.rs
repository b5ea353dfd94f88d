//! `casepack migrate`: a case written in format 1 (children, parents,
//! family and professionals each in their own list, with nothing linking
//! them) rewritten in format 2, where every person is written once under
//! `people` and named everywhere else by id.
//!
//! People are matched across the old lists by name. What format 1 could
//! not say is made explicit in the way format 1 behaved, and said in
//! [`Migrated::notes`] for the social worker to check: every parent was
//! written to about every child, so each gets `parental_responsibility`
//! for all of them.

use serde_json::{Map, Value, json};

mod gather;
mod papers;

use super::model::Case;

/// A case moved to format 2.
#[derive(Debug, Clone)]
pub struct Migrated {
    /// The case as format 2 YAML, with a header saying what to check.
    pub yaml: String,
    /// What the social worker should check, one sentence each.
    pub notes: Vec<String>,
}

/// Why a file cannot be moved to format 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// Its top level is not a mapping.
    #[error("the file is not a case: its top level is not a mapping")]
    NotACase,
    /// It is not YAML.
    #[error("the file could not be read as YAML: {0}")]
    Yaml(String),
    /// It is format 2 already.
    #[error("the file is already in case format 2")]
    AlreadyFormat2,
    /// It does not say it is format 1.
    #[error("the file does not say `casepack: 1`, so it is not a format 1 case")]
    NotFormat1,
    /// What it moved to is not a format 2 case: casepack's fault.
    #[error("the moved case is not a valid format 2 case: {0}")]
    NotValid(String),
    /// The moved case could not be written out.
    #[error("{0}")]
    Write(String),
}

/// Moves format 1 case text to format 2.
pub fn migrate(text: &str) -> Result<Migrated, MigrateError> {
    let mut old: Map<String, Value> = match serde_saphyr::from_str::<Value>(text) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err(MigrateError::NotACase),
        Err(e) => return Err(MigrateError::Yaml(e.to_string())),
    };
    match old.get("casepack").and_then(Value::as_u64) {
        Some(1) => {}
        Some(2) => return Err(MigrateError::AlreadyFormat2),
        _ => return Err(MigrateError::NotFormat1),
    }
    let mut g = gather::gather(&mut old);
    let mut notes_from_papers = Vec::new();
    papers::proceedings(&mut old, &mut g.people, &mut notes_from_papers);
    let kinship = papers::kinship(&mut old, &mut g.people, &mut notes_from_papers);
    let withhold = papers::withhold(&mut old, &g, &mut notes_from_papers);
    let gather::Gathered {
        people,
        children,
        household,
        pros,
        ..
    } = g;
    // Assemble, in the order the format documents.
    let mut new = Map::new();
    let mut put = |k: &str, v: Option<Value>| {
        if let Some(v) = v {
            new.insert(k.to_string(), v);
        }
    };
    put("casepack", Some(json!(2)));
    for k in ["profile", "meeting", "reference", "local_authority"] {
        put(k, old.remove(k));
    }
    put(
        "people",
        Some(Value::Array(
            people.list.into_iter().map(Value::Object).collect(),
        )),
    );
    put("children", Some(Value::Array(children)));
    if !household.is_empty() {
        put("households", Some(json!([{ "members": household }])));
    }
    put("professionals", Some(Value::Object(pros)));
    if !kinship.is_empty() {
        old.insert("kinship".into(), Value::Array(kinship));
    }
    if !withhold.is_empty() {
        old.insert("withhold".into(), Value::Array(withhold));
    }
    old.remove("casepack");
    for (k, v) in old {
        put(&k, Some(v));
    }
    let value = Value::Object(new);
    let mut notes = people.notes;
    notes.extend(notes_from_papers);
    let case: Case =
        serde_json::from_value(value.clone()).map_err(|e| MigrateError::NotValid(e.to_string()))?;
    // Written from the typed case, so the fields come in the format's order.
    let mut tidy = serde_json::to_value(&case).map_err(|e| MigrateError::Write(e.to_string()))?;
    prune(&mut tidy);
    let body = serde_saphyr::to_string(&tidy).map_err(|e| MigrateError::Write(e.to_string()))?;
    let mut yaml = String::new();
    if let Some(first) = text
        .lines()
        .next()
        .filter(|l| l.contains("yaml-language-server"))
    {
        yaml.push_str(first);
        yaml.push('\n');
    }
    yaml.push_str("# Moved from case format 1 by `casepack migrate`. Check:\n");
    for n in &notes {
        yaml.push_str(&format!("#   - {n}\n"));
    }
    yaml.push_str("#   - each worry, support item and plan row can say which children it is about (`children: [id, …]`); without it, it is about all of them\n");
    yaml.push_str(&body);
    Ok(Migrated { yaml, notes })
}

/// Leaves out what says nothing: empty values and defaults, so the file
/// reads as a person would write it.
fn prune(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, x| {
                prune(x);
                !(x.is_null()
                    || x.as_array().is_some_and(Vec::is_empty)
                    || x.as_object().is_some_and(Map::is_empty)
                    || (x == &json!(false) && k != "letters")
                    || (k == "gender" && x == "unknown")
                    || (k == "status" && x == "partners")
                    || (k == "letters" && x == "post"))
            });
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
