//! The rest of a format 1 case that named people by text or by their place
//! in the old lists: the guardian and the parties' positions, the kinship
//! carers, and the fields `withhold` kept from someone.

use serde_json::{Map, Value, json};

use super::gather::{Gathered, People, copy, norm, take};
use crate::case::path::{CasePath, Segment};

/// The guardian becomes a person, and each position's party an id.
pub(super) fn proceedings(
    old: &mut Map<String, Value>,
    people: &mut People,
    notes: &mut Vec<String>,
) {
    if let Some(Value::Object(proc_)) = old.get_mut("proceedings") {
        if let Some(Value::Object(g)) = proc_.remove("guardian") {
            let name = g
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("Unnamed guardian");
            let i = people.get_or_add(name);
            copy(
                &g,
                &mut people.list[i],
                &[
                    ("job_title", "job_title"),
                    ("phone", "phone"),
                    ("email", "email"),
                ],
            );
            proc_.insert("guardian".into(), json!(people.id(i)));
        }
        if let Some(Value::Array(positions)) = proc_.get_mut("positions") {
            for (k, pos) in positions.iter_mut().enumerate() {
                let Some(party) = pos.get("party").and_then(Value::as_str).map(String::from) else {
                    continue;
                };
                let lower = party.to_lowercase();
                let id = if lower.contains("local authority") || lower.contains("council") {
                    "local-authority".to_string()
                } else if lower.contains("guardian") || lower.contains("child") {
                    "guardian".to_string()
                } else if let Some(i) = people.find(&party) {
                    people.id(i)
                } else {
                    notes.push(format!(
                        "proceedings.positions[{k}]: the party \"{party}\" matches no one; write `local-authority`, `guardian` or a person's id"
                    ));
                    party.clone()
                };
                pos["party"] = json!(id);
            }
        }
    }
}

/// Each kinship carer becomes a person, named by id.
pub(super) fn kinship(
    old: &mut Map<String, Value>,
    people: &mut People,
    notes: &mut Vec<String>,
) -> Vec<Value> {
    let mut kinship = take(old, "kinship");
    for (k, carer) in kinship.iter_mut().enumerate() {
        let Some(c) = carer.as_object_mut() else {
            continue;
        };
        let name = c
            .remove("name")
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_else(|| "Unnamed carer".to_string());
        let relationship = c.remove("relationship");
        let i = people.get_or_add(&name);
        if people.list[i].get("parents").is_none()
            && !people.list[i].contains_key("relationship")
            && let Some(r) = relationship
        {
            people.list[i].insert("relationship".into(), r);
        }
        let mut out = Map::new();
        out.insert("person".into(), json!(people.id(i)));
        if let Some(by) = c
            .remove("put_forward_by")
            .and_then(|v| v.as_str().map(String::from))
        {
            let who = (0..people.list.len()).find(|&j| {
                people.list[j]
                    .get("name")
                    .and_then(Value::as_str)
                    .is_some_and(|n| norm(&by).contains(&norm(n)))
            });
            match who {
                Some(j) => {
                    out.insert("put_forward_by".into(), json!(people.id(j)));
                }
                None => notes.push(format!(
                    "kinship[{k}].put_forward_by: \"{by}\" matches no one in the case, so it was left out"
                )),
            }
        }
        out.extend(std::mem::take(c));
        *carer = Value::Object(out);
    }
    kinship
}

/// Each withheld field named by its person's id.
pub(super) fn withhold(
    old: &mut Map<String, Value>,
    g: &Gathered,
    notes: &mut Vec<String>,
) -> Vec<Value> {
    // Withheld fields named people by their place in the old lists.
    let mut withhold = take(old, "withhold");
    for w in withhold.iter_mut() {
        let Some(field) = w.get("field").and_then(Value::as_str) else {
            continue;
        };
        let Ok(path) = CasePath::parse(field) else {
            continue;
        };
        let segs = path.segments();
        let person = match segs {
            [Segment::Key(list), Segment::Index(n), ..] if list == "parents" => {
                g.parent_ids.get(*n).map(|(_, id, _)| id.clone())
            }
            [Segment::Key(list), Segment::Index(n), ..] if list == "children" => {
                g.children.get(*n).and_then(Value::as_str).map(String::from)
            }
            [Segment::Key(list), Segment::Index(n), ..] if list == "family" => {
                g.family_ids.get(*n).cloned()
            }
            [Segment::Key(p), Segment::Key(role), ..] if p == "professionals" => {
                g.pros.get(role).and_then(Value::as_str).map(String::from)
            }
            _ => None,
        };
        if let Some(id) = person {
            // `parents[1]`, `children[0]`, `family[3]` and
            // `professionals.social_worker` are all two segments long.
            let mut text = format!("people[{id}]");
            let tail: Vec<String> = segs[2..]
                .iter()
                .map(|s| match s {
                    Segment::Key(k) => {
                        format!(".{}", if k == "date_of_birth" { "born" } else { k })
                    }
                    Segment::Index(i) => format!("[{i}]"),
                    Segment::Id(i) => format!("[{i}]"),
                })
                .collect();
            text.push_str(&tail.concat());
            // A parent's contact details kept from the parents are kept from
            // everyone else's pack by format 2 itself; the entry would now
            // also keep them from that parent's own letter.
            let contact = matches!(segs, [Segment::Key(l), _, Segment::Key(k), ..]
                if l == "parents" && ["address", "phone", "email"].contains(&k.as_str()));
            if contact && w.get("from").and_then(Value::as_str) == Some("parents") {
                notes.push(format!(
                    "the withhold of `{field}` from the parents was left out: format 2 keeps every parent's address, telephone and email out of everyone else's pack anyway"
                ));
                *w = Value::Null;
                continue;
            }
            w["field"] = json!(text);
        }
    }
    withhold.retain(|w| !w.is_null());
    withhold
}
