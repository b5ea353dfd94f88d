//! One way to name a place in a case: `people[kerry].address[0]`,
//! `worries[2].evidence[1]`, `lpm.date`. Findings, the location index,
//! `withhold`, the plain-language check and the profile's `needs` all speak
//! in these paths, so there is one parser, one printer and one resolver.
//!
//! A path is a list of segments: a field name, a list index (`[2]`), or a
//! list item by its `id` (`[kerry]`), which is how a social worker names a
//! person without counting. [`CasePath::concrete`] turns ids into indexes
//! against the case, the form findings and the location index use.

use std::fmt;

use serde_json::Value;

/// A place in a case, as a list of segments.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CasePath(Vec<Segment>);

/// One step of a [`CasePath`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// A field of a mapping.
    Key(String),
    /// An item of a list, counting from 0.
    Index(usize),
    /// The item of a list whose `id` is this.
    Id(String),
}

/// Text that is not a path in the case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a path in the case: {why}")]
pub struct PathError {
    /// What was written.
    pub text: String,
    /// What is wrong with it.
    pub why: PathProblem,
}

/// What is wrong with a path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathProblem {
    /// A part that is not a field name.
    #[error(
        "`{0}` is not a field name (write paths like `people[kerry].address` or `worries[0].worry`)"
    )]
    NotAName(String),
    /// A bracket left open, or text after one.
    #[error("a `[` is not closed, or text follows a `]`")]
    Unclosed,
    /// An index too large to be one.
    #[error("`{0}` is too large")]
    TooLarge(String),
    /// A bracket holding neither a number nor an id.
    #[error("`[{0}]` is neither a number nor an id")]
    NotAnIndex(String),
}

impl CasePath {
    /// The whole case.
    pub fn root() -> CasePath {
        CasePath(Vec::new())
    }

    /// Parses `people[kerry].address[0]`. Field names are letters, digits,
    /// `_` and `-`; a bracket holds an index or an id.
    pub fn parse(text: &str) -> Result<CasePath, PathError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(CasePath::root());
        }
        let wrong = |why| PathError {
            text: text.to_string(),
            why,
        };
        let mut segments = Vec::new();
        for part in text.split('.') {
            let (name, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if name.is_empty() || !name.chars().all(is_name_char) {
                return Err(wrong(PathProblem::NotAName(part.to_string())));
            }
            segments.push(Segment::Key(name.to_string()));
            while !rest.is_empty() {
                let Some(end) = rest.find(']').filter(|_| rest.starts_with('[')) else {
                    return Err(wrong(PathProblem::Unclosed));
                };
                let inside = &rest[1..end];
                segments.push(
                    if !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_digit()) {
                        Segment::Index(
                            inside
                                .parse()
                                .map_err(|_| wrong(PathProblem::TooLarge(inside.to_string())))?,
                        )
                    } else if is_id(inside) {
                        Segment::Id(inside.to_string())
                    } else {
                        return Err(wrong(PathProblem::NotAnIndex(inside.to_string())));
                    },
                );
                rest = &rest[end + 1..];
            }
        }
        Ok(CasePath(segments))
    }

    /// This path and then field `name`.
    pub fn key(&self, name: &str) -> CasePath {
        let mut p = self.clone();
        p.0.push(Segment::Key(name.to_string()));
        p
    }

    /// This path and then item `i`.
    pub fn index(&self, i: usize) -> CasePath {
        let mut p = self.clone();
        p.0.push(Segment::Index(i));
        p
    }

    /// The segments, first to last.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the whole case.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The path one step up (`a.b[2]` → `a.b`); none for the whole case.
    pub fn parent(&self) -> Option<CasePath> {
        let (_, init) = self.0.split_last()?;
        Some(CasePath(init.to_vec()))
    }

    /// Whether `self` is `prefix` or inside it.
    pub fn starts_with(&self, prefix: &CasePath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The value at this path in `value`, following ids.
    pub fn get<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        let mut node = value;
        for s in &self.0 {
            node = match s {
                Segment::Key(k) => node.get(k)?,
                Segment::Index(i) => node.get(*i)?,
                Segment::Id(id) => node.as_array()?.iter().find(|v| has_id(v, id))?,
            };
        }
        Some(node)
    }

    /// The value at this path, mutably.
    pub fn get_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        let mut node = value;
        for s in &self.0 {
            node = match s {
                Segment::Key(k) => node.get_mut(k)?,
                Segment::Index(i) => node.get_mut(*i)?,
                Segment::Id(id) => node.as_array_mut()?.iter_mut().find(|v| has_id(v, id))?,
            };
        }
        Some(node)
    }

    /// The same place with every id replaced by its index in `value`
    /// (`people[kerry]` → `people[3]`); none if an id names no item.
    pub fn concrete(&self, value: &Value) -> Option<CasePath> {
        let mut node = value;
        let mut out = Vec::with_capacity(self.0.len());
        for s in &self.0 {
            match s {
                Segment::Key(k) => {
                    node = node.get(k)?;
                    out.push(s.clone());
                }
                Segment::Index(i) => {
                    node = node.get(*i)?;
                    out.push(s.clone());
                }
                Segment::Id(id) => {
                    let (i, v) = node
                        .as_array()?
                        .iter()
                        .enumerate()
                        .find(|(_, v)| has_id(v, id))?;
                    node = v;
                    out.push(Segment::Index(i));
                }
            }
        }
        Some(CasePath(out))
    }
}

impl fmt::Display for CasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Key(k) if i == 0 => f.write_str(k)?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Id(id) => write!(f, "[{id}]")?,
            }
        }
        Ok(())
    }
}

impl<'de> serde::Deserialize<'de> for CasePath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CasePath::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for CasePath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for CasePath {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CasePath".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+(\\[[a-z0-9-]+\\])*(\\.[A-Za-z0-9_-]+(\\[[a-z0-9-]+\\])*)*$",
            "description": "A place in the case, e.g. `people[kerry].address` or `worries[0].evidence[1]` (a list item by its number, counting from 0, or a person by their id).",
        })
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Whether `s` is written as an id: a lower-case letter, then lower-case
/// letters, digits and hyphens.
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn has_id(v: &Value, id: &str) -> bool {
    v.get("id").and_then(Value::as_str) == Some(id)
}

/// Visits every string in a JSON value with its path.
pub fn walk_strings(value: &mut Value, f: &mut impl FnMut(&CasePath, &mut String)) {
    fn go(value: &mut Value, path: &mut CasePath, f: &mut impl FnMut(&CasePath, &mut String)) {
        match value {
            Value::String(s) => f(path, s),
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    path.0.push(Segment::Index(i));
                    go(item, path, f);
                    path.0.pop();
                }
            }
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    path.0.push(Segment::Key(k.clone()));
                    go(v, path, f);
                    path.0.pop();
                }
            }
            _ => {}
        }
    }
    go(value, &mut CasePath::root(), f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parse_and_print_the_same() {
        for text in [
            "people[kerry].address[0]",
            "worries[2].evidence[1]",
            "lpm.date",
            "done.minutes-authorised",
            "people[3]",
        ] {
            assert_eq!(CasePath::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(CasePath::parse("").unwrap(), CasePath::root());
        assert!(CasePath::parse("people[Kerry]").is_err());
        assert!(CasePath::parse("people[0").is_err());
        assert!(CasePath::parse("people..name").is_err());
        assert!(CasePath::parse("a b").is_err());
        assert!(CasePath::parse("people[0]x").is_err());
    }

    #[test]
    fn ids_resolve_to_indexes_and_values() {
        let v = json!({ "people": [ { "id": "kerry", "address": ["1 Road"] }, { "id": "tom" } ] });
        let p = CasePath::parse("people[tom]").unwrap();
        assert_eq!(p.concrete(&v).unwrap().to_string(), "people[1]");
        let a = CasePath::parse("people[kerry].address[0]").unwrap();
        assert_eq!(a.get(&v), Some(&json!("1 Road")));
        assert!(
            CasePath::parse("people[nobody]")
                .unwrap()
                .concrete(&v)
                .is_none()
        );
    }

    #[test]
    fn a_path_holds_what_is_inside_it_and_nothing_beside_it() {
        let p = |s: &str| CasePath::parse(s).unwrap();
        assert!(p("people[1].address[2]").starts_with(&p("people[1].address")));
        assert!(p("people[1].address").starts_with(&p("people[1].address")));
        assert!(!p("people[1].address_note").starts_with(&p("people[1].address")));
        assert!(!p("people[10].address").starts_with(&p("people[1]")));
        assert_eq!(p("a.b[2]").parent().unwrap(), p("a.b"));
        assert_eq!(p("a").parent().unwrap(), CasePath::root());
        assert!(CasePath::root().parent().is_none());
    }
}
