//! Gathering format 1's separate lists of people (the family, the
//! children, the parents, the professionals) into one list, matched by
//! name, each person once with an id.

use serde_json::{Map, Value, json};

use crate::case::path::is_id;
use crate::case::people::RESERVED_IDS;

/// The people being gathered, by index, with their ids.
pub(super) struct People {
    pub list: Vec<Map<String, Value>>,
    pub notes: Vec<String>,
}

pub(super) fn norm(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof"];

impl People {
    pub fn find(&self, name: &str) -> Option<usize> {
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
    pub fn get_or_add(&mut self, name: &str) -> usize {
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

    pub fn id(&self, i: usize) -> String {
        self.list[i]["id"]
            .as_str()
            .map(String::from)
            .unwrap_or_default()
    }
}

/// Copies `keys` from `from` into `to`, renaming as given.
pub(super) fn copy(from: &Map<String, Value>, to: &mut Map<String, Value>, keys: &[(&str, &str)]) {
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

/// Format 1's people, gathered.
pub(super) struct Gathered {
    /// Everyone, once.
    pub people: People,
    /// The case's children, by id, in the old order.
    pub children: Vec<Value>,
    /// The children's household, by id.
    pub household: Vec<Value>,
    /// Each old parent: their place in `parents`, their id and name.
    pub parent_ids: Vec<(usize, String, String)>,
    /// Each old family member's new id, in the old order.
    pub family_ids: Vec<String>,
    /// The professionals: role to id.
    pub pros: Map<String, Value>,
}

/// The list at `key`, taken out of the old case.
pub(super) fn take(old: &mut Map<String, Value>, key: &str) -> Vec<Value> {
    match old.remove(key) {
        Some(Value::Array(a)) => a,
        _ => Vec::new(),
    }
}

/// Gathers the family, the children, the parents and the professionals.
pub(super) fn gather(old: &mut Map<String, Value>) -> Gathered {
    let mut people = People {
        list: Vec::new(),
        notes: Vec::new(),
    };
    // The family first: its members already have ids and links.
    let family = take(old, "family");
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
    let family_ids: Vec<String> = family
        .iter()
        .filter_map(|m| m.get("id").and_then(Value::as_str))
        .map(&rename)
        .collect();
    // The children the case is about.
    let mut children = Vec::new();
    let mut child_index = Vec::new();
    for c in take(old, "children") {
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
    for (k, p) in take(old, "parents").into_iter().enumerate() {
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
            pros.insert(role, json!(people.id(i)));
        }
    }
    Gathered {
        people,
        children,
        household,
        parent_ids,
        family_ids,
        pros,
    }
}
