//! Laying one profile over another, as data, before either is typed. Every
//! list of records with an `id` (timelines, steps, meeting types,
//! requirements, documents, agenda items, roles, attachment kinds; glossary
//! terms by `term`) merges by id: an entry for an id the base has changes
//! only the fields it gives (`replace: true` replaces it whole, `remove:
//! true` removes it), an entry for a new id is added. Any other value
//! replaces the base's. A top-level `steps:` list changes steps wherever
//! they are, or adds one to the timeline it names.

use super::error::{ProfileError, rule};
use serde_json::{Map, Value};

/// Lays `over` over `base`. `at` names where, for messages.
pub fn merge(base: &mut Value, over: Value) -> Result<(), ProfileError> {
    let Value::Object(mut over) = over else {
        return Err(rule!("a profile is a mapping of keys to values"));
    };
    if let Some(steps) = over.remove("steps") {
        merge_steps(base, steps)?;
    }
    merge_value(base, Value::Object(over), "")
}

fn merge_value(base: &mut Value, over: Value, at: &str) -> Result<(), ProfileError> {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                let here = join(at, &k);
                match b.get_mut(&k) {
                    Some(existing) if WHOLE.contains(&k.as_str()) => *existing = strip(v),
                    Some(existing) => merge_value(existing, v, &here)?,
                    None => {
                        // A new list still goes through the merge, so a
                        // `remove:` in it is refused, not kept.
                        let mut fresh = match v {
                            Value::Array(_) => Value::Array(Vec::new()),
                            _ => Value::Null,
                        };
                        merge_value(&mut fresh, v, &here)?;
                        b.insert(k, fresh);
                    }
                }
            }
            Ok(())
        }
        (Value::Array(b), Value::Array(o)) if keyed(b).is_some() || keyed(&o).is_some() => {
            let key = keyed(b).or(keyed(&o)).expect("one side is keyed");
            merge_list(b, o, key, at)
        }
        (b, o) => {
            *b = strip(o);
            Ok(())
        }
    }
}

/// Values that are replaced whole, never merged field by field: a due rule
/// of `weeks` laid over one of `days` would hold both, and a chair's new
/// role under the old role's source would cite the wrong procedure.
const WHOLE: &[&str] = &["due", "earliest", "repeat", "chair", "extension"];

/// The key a list of records merges by, if it is such a list.
fn keyed(list: &[Value]) -> Option<&'static str> {
    let first = list.first()?.as_object()?;
    ["id", "term"].into_iter().find(|k| first.contains_key(*k))
}

fn merge_list(
    base: &mut Vec<Value>,
    over: Vec<Value>,
    key: &str,
    at: &str,
) -> Result<(), ProfileError> {
    for entry in over {
        let Some(id) = entry.get(key).and_then(Value::as_str).map(str::to_string) else {
            return Err(rule!("{at}: every entry needs its `{key}`"));
        };
        let here = format!("{at}[{id}]");
        let flag = |name: &str| entry.get(name).and_then(Value::as_bool) == Some(true);
        let (remove, replace) = (flag("remove"), flag("replace"));
        let found = base
            .iter()
            .position(|b| b.get(key).and_then(Value::as_str) == Some(id.as_str()));
        match (found, remove) {
            (Some(i), true) => {
                base.remove(i);
            }
            (None, true) => return Err(rule!("{here}: there is nothing of that id to remove")),
            (Some(i), false) if replace => base[i] = strip(entry),
            (Some(i), false) => {
                if at.ends_with("steps")
                    && entry.get("due").is_some()
                    && entry.get("source").is_none()
                {
                    return Err(rule!(
                        "{here}: a changed timescale says where it comes from: give its `source`"
                    ));
                }
                merge_value(&mut base[i], entry, &here)?;
            }
            (None, false) => base.push(strip(entry)),
        }
    }
    Ok(())
}

/// A top-level `steps:` list: each entry changes the step of its id in
/// whichever timeline holds it, or is added to the `timeline` it names.
fn merge_steps(base: &mut Value, steps: Value) -> Result<(), ProfileError> {
    let Value::Array(steps) = steps else {
        return Err(rule!("`steps` is a list of steps"));
    };
    for mut step in steps {
        let Some(id) = step.get("id").and_then(Value::as_str).map(str::to_string) else {
            return Err(rule!("steps: every entry needs its `id`"));
        };
        let named = step
            .as_object_mut()
            .and_then(|s| s.remove("timeline"))
            .and_then(|t| t.as_str().map(str::to_string));
        let timelines = base
            .get_mut("timelines")
            .and_then(Value::as_array_mut)
            .ok_or_else(|| rule!("steps: the profile it extends has no timelines"))?;
        let holder = timelines.iter().position(|t| {
            t.get("steps").and_then(Value::as_array).is_some_and(|s| {
                s.iter()
                    .any(|s| s.get("id").and_then(Value::as_str) == Some(&id))
            })
        });
        let wanted = match (holder, &named) {
            (Some(i), None) => i,
            (Some(i), Some(t)) if timelines[i].get("id").and_then(Value::as_str) == Some(t) => i,
            (Some(_), Some(t)) => {
                return Err(rule!(
                    "steps[{id}]: the step is in another timeline than `{t}`; remove it there and add it here"
                ));
            }
            (None, Some(t)) => timelines
                .iter()
                .position(|x| x.get("id").and_then(Value::as_str) == Some(t))
                .ok_or_else(|| rule!("steps[{id}]: `{t}` is not a timeline"))?,
            (None, None) => {
                return Err(rule!(
                    "steps[{id}]: no timeline has this step; say which `timeline` to add it to"
                ));
            }
        };
        let t_id = timelines[wanted]["id"]
            .as_str()
            .ok_or_else(|| rule!("a timeline has no `id`"))?
            .to_string();
        let list = timelines[wanted]
            .get_mut("steps")
            .and_then(Value::as_array_mut)
            .ok_or_else(|| rule!("timelines[{t_id}] has no steps"))?;
        merge_list(list, vec![step], "id", &format!("timelines[{t_id}].steps"))?;
    }
    Ok(())
}

/// An added value without the merge flags.
fn strip(mut v: Value) -> Value {
    if let Value::Object(m) = &mut v {
        m.remove("replace");
        for (_, inner) in m.iter_mut() {
            *inner = strip(std::mem::take(inner));
        }
    }
    if let Value::Array(items) = &mut v {
        for item in items.iter_mut() {
            *item = strip(std::mem::take(item));
        }
    }
    v
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// The path serde reports (`timelines[4].steps[2].due`) with each index
/// replaced by the id of the record there (`timelines[court].steps[cmh].due`).
pub fn name_path(value: &Value, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    let mut here = Some(value);
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                let item = here.and_then(|v| v.get(*index));
                let id = item
                    .and_then(|i| i.get("id").or_else(|| i.get("term")))
                    .and_then(Value::as_str);
                match id {
                    Some(id) => out.push_str(&format!("[{id}]")),
                    None => out.push_str(&format!("[{index}]")),
                }
                here = item;
            }
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
                here = here.and_then(|v| v.get(key.as_str()));
            }
            Segment::Enum { variant } => out.push_str(&format!("::{variant}")),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// An empty profile: what a stand-alone profile (`extends: none`) is laid over.
pub fn empty() -> Value {
    Value::Object(Map::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn records_merge_by_id_and_can_be_replaced_removed_or_added() {
        let mut base = json!({
            "name": "Base",
            "meetings": [
                { "id": "lpm", "short": "LPM", "pack": ["a", "b"], "requires": [{ "id": "chair", "what": "x" }, { "id": "tm", "what": "y" }] },
                { "id": "cpm", "short": "CPM" }
            ]
        });
        merge(&mut base, json!({
            "name": "Over",
            "meetings": [
                { "id": "lpm", "pack": ["c"], "requires": [{ "id": "tm", "remove": true }, { "id": "new", "what": "z" }] },
                { "id": "cpm", "replace": true, "short": "Care planning" },
                { "id": "ftm", "short": "FTM" }
            ]
        })).unwrap();
        assert_eq!(base["name"], "Over");
        let lpm = &base["meetings"][0];
        assert_eq!(lpm["short"], "LPM", "fields not given are kept");
        assert_eq!(lpm["pack"], json!(["c"]), "plain lists are replaced");
        assert_eq!(
            lpm["requires"],
            json!([{ "id": "chair", "what": "x" }, { "id": "new", "what": "z" }])
        );
        assert_eq!(
            base["meetings"][1],
            json!({ "id": "cpm", "short": "Care planning" })
        );
        assert_eq!(base["meetings"][2]["id"], "ftm");
    }

    #[test]
    fn steps_change_wherever_they_are_and_a_changed_due_needs_its_source() {
        let mut base = json!({ "timelines": [
            { "id": "a", "steps": [{ "id": "s1", "due": { "after": "start", "days": 1 }, "source": "004" }] },
            { "id": "b", "steps": [] }
        ]});
        let err = merge(
            &mut base.clone(),
            json!({ "steps": [{ "id": "s1", "due": { "after": "start", "days": 2 } }] }),
        )
        .unwrap_err();
        assert!(err.to_string().contains("give its `source`"), "{err}");
        merge(
            &mut base,
            json!({ "steps": [
                { "id": "s1", "due": { "after": "start", "days": 2 }, "source": "001" },
                { "id": "s2", "timeline": "b", "source": "002" }
            ]}),
        )
        .unwrap();
        assert_eq!(base["timelines"][0]["steps"][0]["due"]["days"], 2);
        assert_eq!(
            base["timelines"][1]["steps"][0],
            json!({ "id": "s2", "source": "002" })
        );
        let err = merge(&mut base, json!({ "steps": [{ "id": "s9" }] })).unwrap_err();
        assert!(err.to_string().contains("say which `timeline`"), "{err}");
        let err = merge(
            &mut base,
            json!({ "roles": [{ "id": "x", "remove": true }] }),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("nothing of that id to remove"),
            "{err}"
        );
    }
}
