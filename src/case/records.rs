//! The parts of a case that meeting packs are checked against: the meeting
//! the pack is for, the family (for the genogram), the chronology and the
//! documents attached from elsewhere.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lpm::Attendee;
use super::types::{Date, Time};

/// The meeting this pack is for. Without it the pack is for the LPM; for an
/// LPM any detail left out here is taken from `lpm`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeeting {
    /// The meeting type's id, as `casepack meetings` lists it (e.g. `cpm-two`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Why it is held, one of the type's purposes (`casepack explain TYPE`);
    /// for an LPM, `lpm.purpose` is used when this is left out.
    #[serde(default)]
    pub purpose: Option<String>,
    /// The date of the meeting.
    #[serde(default)]
    pub date: Option<Date>,
    /// The start time (HH:MM).
    #[serde(default)]
    pub time: Option<Time>,
    /// The address, one line per item, for a meeting in person.
    #[serde(default)]
    pub place: Option<Vec<String>>,
    /// Who chairs it.
    #[serde(default)]
    pub chair: Option<String>,
    /// Who is invited or attends.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Notes prepared for the record, by agenda item id (`casepack explain`
    /// lists a meeting's agenda); printed in the record, the rest left to write in.
    #[serde(default)]
    pub record: std::collections::BTreeMap<String, String>,
}

/// A person in the child's family, for the genogram.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FamilyMember {
    /// A short id other members refer to, e.g. `kerry`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Drawn as a square (male), circle (female) or diamond (other or unknown).
    #[serde(default)]
    pub gender: Gender,
    /// Date of birth, if known.
    #[serde(default)]
    pub born: Option<Date>,
    /// Date of death, for someone who has died.
    #[serde(default)]
    pub died: Option<Date>,
    /// Whether they have died, when the date is not known.
    #[serde(default)]
    pub deceased: bool,
    /// The ids of their parents, if in the family list.
    #[serde(default)]
    pub parents: Vec<String>,
    /// Whether they are a child the case is about.
    #[serde(default)]
    pub subject: bool,
    /// A short note for the genogram, e.g. "supportive" or "in prison".
    #[serde(default)]
    pub note: Option<String>,
    /// Their partners, by `id`, and how the partnership stands.
    #[serde(default)]
    pub partners: Vec<Partnership>,
    /// Whether they live in the children's household (drawn inside its boundary).
    #[serde(default)]
    pub household: bool,
}

/// How a family member is drawn on the genogram.
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

/// A partnership between two family members, drawn as the line joining them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// The partner's `id`.
    pub with: String,
    /// How it stands.
    #[serde(default)]
    pub status: PartnershipStatus,
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

/// One entry of the chronology (004 §4d(ii)).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChronologyEntry {
    /// A short name the PLO summary's key evidence can point to.
    #[serde(default)]
    pub id: Option<String>,
    /// When it happened.
    pub date: Date,
    /// What happened.
    pub event: String,
    /// Who reported it: the agency or source.
    pub source: String,
    /// Its impact on the child.
    #[serde(default)]
    pub impact: Option<String>,
    /// Whether it is a significant event (printed to stand out).
    #[serde(default)]
    pub significant: bool,
    /// Why it matters for the child's safety, in a sentence.
    #[serde(default)]
    pub significance: Option<String>,
}

/// A document written elsewhere and attached to the pack as a PDF.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The PDF, relative to the case file.
    pub path: String,
    /// Its title, as the index lists it.
    pub title: String,
    /// What kind of document it is (`casepack explain` names the kinds each meeting needs).
    pub kind: String,
    /// The date it was completed or signed off.
    pub date: Date,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<String>,
}
