//! Who is named: a person's id, and the readers something may be shown to
//! or kept from (an audience, or one person by id). Both are written as
//! plain words in the case and checked as they are read.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::case::path::is_id;

/// A person's id: a lower-case letter, then lower-case letters, digits and
/// hyphens (`kerry`, `baby-cole`, `gran2`). It names the person everywhere
/// else in the case, and in the file names of their letters and pack.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct PersonId(pub String);

impl PersonId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PersonId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if is_id(&s) {
            Ok(PersonId(s))
        } else {
            Err(de::Error::custom(format!(
                "`{s}` is not an id: an id is lower-case letters, digits and hyphens, starting with a letter (for example `kerry` or `baby-cole`)"
            )))
        }
    }
}

impl JsonSchema for PersonId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PersonId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*$",
            "description": "A person's id, as given in `people` (lower-case letters, digits and hyphens).",
        })
    }
}

/// Who may read something: an audience, or one person by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reader {
    /// `parents`: every parent's own pack.
    Parents,
    /// `advocates`: the advocates' pack, read by every party's lawyer.
    Advocates,
    /// `outside-authority`: every pack that leaves the local authority (parents' and advocates').
    OutsideAuthority,
    /// One person's own pack, by id.
    Person(PersonId),
}

impl JsonSchema for Reader {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Reader".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "`parents`, `advocates`, `outside-authority`, or a person's id.",
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*$",
        })
    }
}

impl Reader {
    /// As written in the case.
    pub fn written(&self) -> &str {
        match self {
            Reader::Parents => "parents",
            Reader::Advocates => "advocates",
            Reader::OutsideAuthority => "outside-authority",
            Reader::Person(p) => p.as_str(),
        }
    }
}

impl Serialize for Reader {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.written())
    }
}

/// The words [`Reader`] reserves: no person may have one as their id.
pub const RESERVED_IDS: &[&str] = &[
    "parents",
    "advocates",
    "outside-authority",
    "local-authority",
    "guardian",
    "panel",
    "legal",
];

impl<'de> Deserialize<'de> for Reader {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match s.as_str() {
            "parents" => Reader::Parents,
            "advocates" => Reader::Advocates,
            "outside-authority" => Reader::OutsideAuthority,
            _ => Reader::Person(PersonId::deserialize(
                de::value::StrDeserializer::<D::Error>::new(&s),
            )?),
        })
    }
}

/// One or more readers: written as one (`from: parents`) or a list (`from: [ryan, kerry]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Readers(pub Vec<Reader>);

impl<'de> Deserialize<'de> for Readers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Readers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "`parents`, `advocates`, `outside-authority`, a person's id, or a list of them",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Readers, E> {
                Ok(Readers(vec![Reader::deserialize(
                    de::value::StrDeserializer::<E>::new(v),
                )?]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Readers, A::Error> {
                let mut out = Vec::new();
                while let Some(r) = seq.next_element::<Reader>()? {
                    out.push(r);
                }
                if out.is_empty() {
                    return Err(de::Error::custom("the list of readers is empty"));
                }
                Ok(Readers(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Readers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        if let [one] = &self.0[..] {
            return one.serialize(s);
        }
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in &self.0 {
            seq.serialize_element(r)?;
        }
        seq.end()
    }
}

impl JsonSchema for Readers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Readers".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = g.subschema_for::<Reader>();
        schemars::json_schema!({
            "description": "Who: `parents`, `advocates`, `outside-authority`, a person's id, or a list of them.",
            "anyOf": [one.clone(), { "type": "array", "items": one, "minItems": 1 }],
        })
    }
}
