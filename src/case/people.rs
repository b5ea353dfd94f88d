//! The people of a case, each written once with an id: the children, their
//! parents and others with parental responsibility, relatives, carers and
//! the professionals. Everything else in the case refers to a person by id.
//!
//! Relationships are data on the person: whose child they are (and how:
//! birth, adoptive, step, other), which of the case's children they hold
//! parental responsibility for, their partnerships (with a status and a
//! domestic-abuse marking), and, for the household, who lives together.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::path::is_id;
use super::types::Date;

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

/// How a partnership stands, as genograms draw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PartnershipStatus {
    /// Married or in a civil partnership: a solid line.
    Married,
    /// Living together or in a relationship: a dashed line.
    #[default]
    Partners,
    /// Separated: a line with one stroke across.
    Separated,
    /// Divorced: a line with two strokes across.
    Divorced,
}

/// A partnership between two people, written on either of them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// The partner's id.
    pub with: PersonId,
    /// How it stands (default `partners`).
    #[serde(default)]
    pub status: PartnershipStatus,
    /// Whether there has been domestic abuse between them: drawn as a
    /// zigzag on the genogram, and neither's contact details may ever be
    /// shared with the other.
    #[serde(default)]
    pub domestic_abuse: bool,
}

/// Gender as the genogram draws it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    /// Square.
    Male,
    /// Circle.
    Female,
    /// Diamond.
    Other,
    /// Diamond with a question mark.
    #[default]
    Unknown,
}

/// A parent's solicitor: the firm, and the solicitor's name once known.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solicitor {
    /// The solicitor's name, if known.
    #[serde(default)]
    pub name: Option<String>,
    /// The firm.
    pub firm: String,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
}

impl Solicitor {
    /// "Priya Raman, Raman & Cole Family Law", or the firm alone.
    pub fn described(&self) -> String {
        match &self.name {
            Some(n) => format!("{n}, {}", self.firm),
            None => self.firm.clone(),
        }
    }
}

/// How a letter reaches someone in custody.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Delivery {
    /// By post to the establishment.
    #[default]
    Post,
    /// Handed to them by the social worker on a visit.
    ByHand,
}

/// A person held in prison or another secure establishment.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Custody {
    /// The establishment, e.g. "HMP Northmoor".
    pub establishment: String,
    /// Its postal address, one line per item (without its name).
    pub address: Vec<String>,
    /// Their prisoner number.
    #[serde(default)]
    pub prisoner_number: Option<String>,
    /// How letters reach them (default `post`).
    #[serde(default)]
    pub letters: Delivery,
    /// Whether they take part in meetings and hearings by video link from the establishment.
    #[serde(default)]
    pub video_link: bool,
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

/// One person in the case.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// A short id the rest of the case uses for them, e.g. `kerry`.
    pub id: PersonId,
    /// Full name; for an unborn child, e.g. "Baby Cole (unborn)".
    pub name: String,
    /// Title used in a letter's greeting (Ms, Mr, Mrs, Miss, Mx, Dr).
    /// Without it the letter greets them by full name.
    #[serde(default)]
    pub title: Option<String>,
    /// As the genogram draws them: `male`, `female`, `other`, `unknown`.
    #[serde(default)]
    pub gender: Gender,
    /// Date of birth, or only the year.
    #[serde(default)]
    pub born: Option<DateOrYear>,
    /// For an unborn child: the expected date of delivery.
    #[serde(default)]
    pub expected: Option<Date>,
    /// Date (or year) of death.
    #[serde(default)]
    pub died: Option<DateOrYear>,
    /// Whether they have died, when the date is not known.
    #[serde(default)]
    pub deceased: bool,
    /// Their parents: ids of birth parents, or `{ id, kind }`.
    #[serde(default)]
    pub parents: Vec<ParentLink>,
    /// Their partnerships, present and past.
    #[serde(default)]
    pub partners: Vec<Partnership>,
    /// The children of the case they hold parental responsibility for, by id.
    #[serde(default)]
    pub parental_responsibility: Vec<PersonId>,
    /// Whether letters are written to them. Default: yes for everyone with
    /// parental responsibility; a parent without it must be decided here.
    #[serde(default)]
    pub letters: Option<bool>,
    /// How they are related to the children, in words, where the case's
    /// links do not say it (e.g. "family friend").
    #[serde(default)]
    pub relationship: Option<String>,
    /// Postal address, one line per item.
    #[serde(default)]
    pub address: Vec<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
    /// Who else may see their address, telephone and email (`parents`,
    /// `advocates`, or people by id). Without it, only they and the local
    /// authority do.
    #[serde(default)]
    pub share_contact_with: Vec<Reader>,
    /// Held in prison or another secure establishment.
    #[serde(default)]
    pub custody: Option<Custody>,
    /// Preferred language (default English).
    #[serde(default)]
    pub preferred_language: Option<String>,
    /// The language of the interpreter they need at meetings, if any.
    #[serde(default)]
    pub interpreter: Option<String>,
    /// Whether they need an advocate at meetings.
    #[serde(default)]
    pub advocate: bool,
    /// Their solicitor, if known.
    #[serde(default)]
    pub solicitor: Option<Solicitor>,
    /// For a professional: their job title.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Whether they are themselves a looked-after child.
    #[serde(default)]
    pub looked_after: bool,
    /// A short note for the genogram, e.g. "supportive".
    #[serde(default)]
    pub note: Option<String>,
}

impl Person {
    /// Whether they are a child not yet born.
    pub fn unborn(&self) -> bool {
        self.expected.is_some() && self.born.is_none()
    }

    /// Whether they have died.
    pub fn has_died(&self) -> bool {
        self.deceased || self.died.is_some()
    }
}

/// A household: people who live together, drawn inside one boundary.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// A name for it, e.g. "Kerry's home".
    #[serde(default)]
    pub name: Option<String>,
    /// Who lives there, by id.
    pub members: Vec<PersonId>,
}

/// The professionals named in the documents, by id in `people`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Professionals {
    /// The child's social worker: signs the letters and is the parents' contact.
    pub social_worker: PersonId,
    /// The team manager: countersigns the letters and chairs pre-proceedings meetings.
    pub team_manager: PersonId,
    /// The head of service: chairs the LPM and owns its decision (004 §7d).
    pub head_of_service: PersonId,
    /// The local authority's legal adviser.
    pub legal_adviser: PersonId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Holder {
        parents: Vec<ParentLink>,
        born: DateOrYear,
        from: Readers,
    }

    #[test]
    fn short_and_long_forms_read_the_same() {
        let h: Holder = serde_saphyr::from_str(
            "parents: [kerry, { id: dave, kind: step }]\nborn: 1995\nfrom: [parents, ryan]\n",
        )
        .unwrap();
        assert_eq!(h.parents[0].kind, ParentKind::Birth);
        assert_eq!(h.parents[1].kind, ParentKind::Step);
        assert_eq!(h.born, DateOrYear::Year(1995));
        assert_eq!(
            h.from.0,
            vec![Reader::Parents, Reader::Person(PersonId("ryan".into()))]
        );
        let h: Holder =
            serde_saphyr::from_str("parents: []\nborn: 1995-07-21\nfrom: outside-authority\n")
                .unwrap();
        assert_eq!(h.born.medium(), "21 July 1995");
        assert_eq!(h.from.0, vec![Reader::OutsideAuthority]);
    }

    #[test]
    fn bad_ids_and_years_are_explained() {
        let e = serde_saphyr::from_str::<Holder>("parents: [Kerry]\nborn: 1995\nfrom: parents\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`Kerry` is not an id"), "{e}");
        let e = serde_saphyr::from_str::<Holder>("parents: []\nborn: 95\nfrom: parents\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a year"), "{e}");
        let e = serde_saphyr::from_str::<Holder>(
            "parents: [{ id: x, knd: step }]\nborn: 1995\nfrom: parents\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unknown field `knd`"), "{e}");
    }
}
