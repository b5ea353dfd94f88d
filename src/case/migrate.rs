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

use super::model::Case;
use super::path::{CasePath, Segment, is_id};
use super::people::RESERVED_IDS;

/// A case moved to format 2.
#[derive(Debug, Clone)]
pub struct Migrated {
    /// The case as format 2 YAML, with a header saying what to check.
    pub yaml: String,
    /// What the social worker should check, one sentence each.
    pub notes: Vec<String>,
}

/// The people being gathered, by index, with their ids.
struct People {
    list: Vec<Map<String, Value>>,
    notes: Vec<String>,
}

fn norm(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof"];

impl People {
    fn find(&self, name: &str) -> Option<usize> {
        self.list
            .iter()
            .position(|p| p.get("name").and_then(Value::as_str).map(norm) == Some(norm(name)))
    }

    fn taken(&self, id: &str) -> bool {
        RESERVED_IDS.contains(&id)
            || self
                .list
                .iter()
                .any(|p| p.get("id").and_then(Value::as_str) == Some(id))
    }

    /// A free id for `name`: its first name (after any title), lower case.
    fn id_for(&self, name: &str, hint: Option<&str>) -> String {
        let base = hint
            .filter(|h| is_id(h))
            .map(String::from)
            .unwrap_or_else(|| {
                let word = name
                    .split_whitespace()
                    .map(|w| w.trim_matches('.').to_lowercase())
                    .find(|w| !TITLES.contains(&w.as_str()))
                    .unwrap_or_default();
                let s: String = word.chars().filter(|c| c.is_ascii_lowercase()).collect();
                if s.is_empty() {
                    "person".to_string()
                } else {
                    s
                }
            });
        if !self.taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.taken(id))
            .unwrap_or(base)
    }

    /// The person called `name`, added if new; returns their index.
    fn get_or_add(&mut self, name: &str) -> usize {
        if let Some(i) = self.find(name) {
            return i;
        }
        let id = self.id_for(name, None);
        let mut p = Map::new();
        p.insert("id".into(), json!(id));
        p.insert("name".into(), json!(name));
        self.list.push(p);
        self.list.len() - 1
    }

    fn id(&self, i: usize) -> String {
        self.list[i]["id"]
            .as_str()
            .map(String::from)
            .unwrap_or_default()
    }
}

/// Copies `keys` from `from` into `to`, renaming as given.
fn copy(from: &Map<String, Value>, to: &mut Map<String, Value>, keys: &[(&str, &str)]) {
    for (old, new) in keys {
        if let Some(v) = from.get(*old).filter(|v| !v.is_null()) {
            to.insert((*new).to_string(), v.clone());
        }
    }
}

fn gender(text: &str) -> Option<&'static str> {
    match text.trim().to_lowercase().as_str() {
        "female" | "f" | "girl" => Some("female"),
        "male" | "m" | "boy" => Some("male"),
        "other" => Some("other"),
        _ => None,
    }
}

/// Moves format 1 case text to format 2.
pub fn migrate(text: &str) -> Result<Migrated, String> {
    let mut old: Map<String, Value> = match serde_saphyr::from_str::<Value>(text) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err("the file is not a case: its top level is not a mapping".into()),
        Err(e) => return Err(format!("the file could not be read as YAML: {e}")),
    };
    match old.get("casepack").and_then(Value::as_u64) {
        Some(1) => {}
        Some(2) => return Err("the file is already in case format 2".into()),
        _ => {
            return Err("the file does not say `casepack: 1`, so it is not a format 1 case".into());
        }
    }
    let mut people = People {
        list: Vec::new(),
        notes: Vec::new(),
    };
    let take = |old: &mut Map<String, Value>, key: &str| -> Vec<Value> {
        match old.remove(key) {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        }
    };
    // The family first: its members already have ids and links.
    let family = take(&mut old, "family");
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut household = Vec::new();
    let mut subjects = Vec::new();
    for m in &family {
        let Some(m) = m.as_object() else { continue };
        let name = m.get("name").and_then(Value::as_str).unwrap_or("Unnamed");
        let old_id = m.get("id").and_then(Value::as_str).unwrap_or("");
        let id = people.id_for(name, Some(old_id));
        if id != old_id {
            renamed.push((old_id.to_string(), id.clone()));
        }
        let mut p = Map::new();
        p.insert("id".into(), json!(id));
        p.insert("name".into(), json!(name));
        copy(
            m,
            &mut p,
            &[
                ("gender", "gender"),
                ("born", "born"),
                ("died", "died"),
                ("deceased", "deceased"),
                ("parents", "parents"),
                ("partners", "partners"),
                ("note", "note"),
            ],
        );
        if m.get("household").and_then(Value::as_bool) == Some(true) {
            household.push(json!(id));
        }
        if m.get("subject").and_then(Value::as_bool) == Some(true) {
            subjects.push(id.clone());
        }
        people.list.push(p);
    }
    let rename = |id: &str| -> String {
        renamed
            .iter()
            .find(|(o, _)| o == id)
            .map_or(id.to_string(), |(_, n)| n.clone())
    };
    for p in &mut people.list {
        if let Some(Value::Array(ps)) = p.get_mut("parents") {
            for x in ps.iter_mut() {
                if let Some(s) = x.as_str() {
                    *x = json!(rename(s));
                }
            }
        }
        if let Some(Value::Array(ps)) = p.get_mut("partners") {
            for x in ps.iter_mut() {
                if let Some(w) = x.get("with").and_then(Value::as_str) {
                    x["with"] = json!(rename(w));
                }
            }
        }
    }
    // The children the case is about.
    let mut children = Vec::new();
    let mut child_index = Vec::new();
    for c in take(&mut old, "children") {
        let Some(c) = c.as_object() else { continue };
        let name = c
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("Unnamed child");
        let i = people.get_or_add(name);
        let p = &mut people.list[i];
        copy(
            c,
            p,
            &[
                ("date_of_birth", "born"),
                ("expected_date_of_delivery", "expected"),
            ],
        );
        if let Some(g) = c.get("gender").and_then(Value::as_str).and_then(gender) {
            p.insert("gender".into(), json!(g));
        }
        children.push(json!(people.id(i)));
        child_index.push(i);
    }
    for s in &subjects {
        if !children.iter().any(|c| c == s) {
            people.notes.push(format!(
                "`{s}` was marked `subject` in the family but is not among the case's children; left out of `children`"
            ));
        }
    }
    // The parents: each was written to about every child.
    let child_ids: Vec<Value> = children.clone();
    let mut parent_ids = Vec::new();
    for (k, p) in take(&mut old, "parents").into_iter().enumerate() {
        let Some(p) = p.as_object() else { continue };
        let name = p
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("Unnamed parent");
        let i = people.get_or_add(name);
        let id = people.id(i);
        let linked = child_index.iter().any(|&c| {
            people.list[c]
                .get("parents")
                .and_then(Value::as_array)
                .is_some_and(|ps| ps.iter().any(|x| x.as_str() == Some(id.as_str())))
        });
        let entry = &mut people.list[i];
        copy(
            p,
            entry,
            &[
                ("title", "title"),
                ("address", "address"),
                ("phone", "phone"),
                ("email", "email"),
                ("preferred_language", "preferred_language"),
                ("interpreter", "interpreter"),
                ("advocate", "advocate"),
                ("solicitor", "solicitor"),
            ],
        );
        if !linked {
            copy(p, entry, &[("relationship", "relationship")]);
        }
        entry.insert("parental_responsibility".into(), json!(child_ids));
        parent_ids.push((k, id, name.to_string()));
    }
    if !parent_ids.is_empty() {
        people.notes.push(format!(
            "format 1 wrote to every parent about every child, so {} now hold{} parental responsibility for all of them: list under `parental_responsibility` only the children each person holds it for",
            parent_ids.iter().map(|(_, _, n)| n.as_str()).collect::<Vec<_>>().join(", "),
            if parent_ids.len() == 1 { "s" } else { "" }
        ));
    }
    // The professionals, once each.
    let mut pros = Map::new();
    let mut pro_ids = Vec::new();
    if let Some(Value::Object(old_pros)) = old.remove("professionals") {
        for (role, p) in old_pros {
            let Some(p) = p.as_object() else { continue };
            let name = p.get("name").and_then(Value::as_str).unwrap_or("Unnamed");
            let i = people.get_or_add(name);
            copy(
                p,
                &mut people.list[i],
                &[
                    ("job_title", "job_title"),
                    ("phone", "phone"),
                    ("email", "email"),
                ],
            );
            pro_ids.push((role.clone(), people.id(i)));
            pros.insert(role, json!(people.id(i)));
        }
    }
    let mut notes_from_papers = Vec::new();
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
                    notes_from_papers.push(format!(
                        "proceedings.positions[{k}]: the party \"{party}\" matches no one; write `local-authority`, `guardian` or a person's id"
                    ));
                    party.clone()
                };
                pos["party"] = json!(id);
            }
        }
    }
    let mut kinship = take(&mut old, "kinship");
    for (k, carer) in kinship.iter_mut().enumerate() {
        let Some(c) = carer.as_object_mut() else {
            continue;
        };
        let name = c
            .remove("name")
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
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
                None => notes_from_papers.push(format!(
                    "kinship[{k}].put_forward_by: \"{by}\" matches no one in the case, so it was left out"
                )),
            }
        }
        out.extend(std::mem::take(c));
        *carer = Value::Object(out);
    }
    // Withheld fields named people by their place in the old lists.
    let mut withhold = take(&mut old, "withhold");
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
                parent_ids.get(*n).map(|(_, id, _)| id.clone())
            }
            [Segment::Key(list), Segment::Index(n), ..] if list == "children" => {
                children.get(*n).and_then(Value::as_str).map(String::from)
            }
            [Segment::Key(list), Segment::Index(n), ..] if list == "family" => family
                .get(*n)
                .and_then(|m| m.get("id"))
                .and_then(Value::as_str)
                .map(&rename),
            [Segment::Key(p), Segment::Key(role), ..] if p == "professionals" => pro_ids
                .iter()
                .find(|(r, _)| r == role)
                .map(|(_, id)| id.clone()),
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
                notes_from_papers.push(format!(
                    "the withhold of `{field}` from the parents was left out: format 2 keeps every parent's address, telephone and email out of everyone else's pack anyway"
                ));
                *w = Value::Null;
                continue;
            }
            w["field"] = json!(text);
        }
    }
    withhold.retain(|w| !w.is_null());
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
    let case: Case = serde_json::from_value(value.clone())
        .map_err(|e| format!("the moved case is not a valid format 2 case: {e}"))?;
    // Written from the typed case, so the fields come in the format's order.
    let mut tidy = serde_json::to_value(&case).map_err(|e| e.to_string())?;
    prune(&mut tidy);
    let body = serde_saphyr::to_string(&tidy).map_err(|e| e.to_string())?;
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
