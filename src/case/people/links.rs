//! Facts written in more than one form: a date or only a year, and a
//! parent written as an id or as `{ id, kind }`.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::PersonId;
use crate::case::types::Date;

/// A date, or only a year when that is all that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateOrYear {
    /// The day is known.
    Day(Date),
    /// Only the year.
    Year(i32),
}

impl DateOrYear {
    /// The year.
    pub fn year(self) -> i32 {
        use chrono::Datelike;
        match self {
            DateOrYear::Day(d) => d.naive().year(),
            DateOrYear::Year(y) => y,
        }
    }

    /// `21 July 1995`, or `1995`.
    pub fn medium(self) -> String {
        match self {
            DateOrYear::Day(d) => d.medium(),
            DateOrYear::Year(y) => y.to_string(),
        }
    }

    /// The day, when known.
    pub fn day(self) -> Option<Date> {
        match self {
            DateOrYear::Day(d) => Some(d),
            DateOrYear::Year(_) => None,
        }
    }
}

fn year_in_range<E: de::Error>(y: i64) -> Result<DateOrYear, E> {
    if (1850..=2200).contains(&y) {
        Ok(DateOrYear::Year(y as i32))
    } else {
        Err(E::custom(format!(
            "`{y}` is not a year between 1850 and 2200"
        )))
    }
}

impl<'de> Deserialize<'de> for DateOrYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DateOrYear;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date written as YYYY-MM-DD, or a year")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateOrYear, E> {
                year_in_range(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateOrYear, E> {
                year_in_range(v)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateOrYear, E> {
                let t = v.trim();
                if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                    return year_in_range(t.parse().map_err(E::custom)?);
                }
                Date::parse(t).map(DateOrYear::Day).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for DateOrYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DateOrYear::Day(d) => d.serialize(s),
            DateOrYear::Year(y) => s.serialize_i32(*y),
        }
    }
}

impl JsonSchema for DateOrYear {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateOrYear".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = g.subschema_for::<Date>();
        schemars::json_schema!({
            "description": "A date written as YYYY-MM-DD, or only the year (e.g. 1995) when the day is not known.",
            "anyOf": [date, { "type": "integer", "minimum": 1850, "maximum": 2200 }],
        })
    }
}

/// How someone is a child's parent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ParentKind {
    /// A birth parent.
    #[default]
    Birth,
    /// An adoptive parent.
    Adoptive,
    /// A step-parent: the partner of a parent.
    Step,
    /// Another legal parent (e.g. a second female parent).
    Other,
}

impl ParentKind {
    fn is_birth(&self) -> bool {
        *self == ParentKind::Birth
    }
}

/// One of a person's parents: written as the parent's id for a birth
/// parent, or as `{ id: …, kind: adoptive }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = parent_link_schema)]
pub struct ParentLink {
    /// The parent's id.
    pub id: PersonId,
    /// How they are the parent (default `birth`).
    #[serde(default, skip_serializing_if = "ParentKind::is_birth")]
    pub kind: ParentKind,
}

/// The written form is either an id or the mapping.
fn parent_link_schema(schema: &mut schemars::Schema) {
    let mapping = schema.clone();
    *schema = schemars::json_schema!({
        "description": "A parent: their id (a birth parent), or `{ id, kind }` with kind `birth`, `adoptive`, `step` or `other`.",
        "anyOf": [
            { "type": "string", "pattern": "^[a-z][a-z0-9-]*$" },
            mapping,
        ],
    });
}

impl<'de> Deserialize<'de> for ParentLink {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            id: PersonId,
            #[serde(default)]
            kind: ParentKind,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ParentLink;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a parent's id, or `{ id: …, kind: … }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ParentLink, E> {
                let id = PersonId::deserialize(de::value::StrDeserializer::<E>::new(v))?;
                Ok(ParentLink {
                    id,
                    kind: ParentKind::Birth,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ParentLink, A::Error> {
                let w = Written::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(ParentLink {
                    id: w.id,
                    kind: w.kind,
                })
            }
        }
        d.deserialize_any(V)
    }
}
