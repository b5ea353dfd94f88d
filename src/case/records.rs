//! The parts of a case that meeting packs are checked against: the meeting
//! the pack is for, the chronology and the documents attached from
//! elsewhere.

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
    #[schemars(pattern(r"^[a-z][a-z0-9-]*$"))]
    pub kind: String,
    /// Why it is held, one of the type's purposes (`casepack explain TYPE`);
    /// for an LPM, `lpm.purpose` is used when this is left out.
    #[serde(default)]
    #[schemars(pattern(r"^[a-z][a-z0-9-]*$"))]
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

/// One entry of the chronology (004 §4d(ii)).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChronologyEntry {
    /// A short name the PLO summary's key evidence can point to.
    #[serde(default)]
    #[schemars(pattern(r"^[A-Za-z0-9][A-Za-z0-9_-]*$"))]
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
    #[schemars(pattern(r"^[^/\\]"))]
    pub path: String,
    /// Its title, as the index lists it.
    pub title: String,
    /// What kind of document it is (`casepack explain` names the kinds each meeting needs).
    #[schemars(pattern(r"^[a-z][a-z0-9-]*$"))]
    pub kind: String,
    /// The date it was completed or signed off.
    pub date: Date,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<String>,
    /// Which parents' own packs it may go in (`parents`, or people by id),
    /// when its kind is one parents may have. casepack cannot redact a PDF
    /// written elsewhere, so without this it goes in no parent's pack.
    #[serde(default)]
    pub share_with: Vec<super::people::Reader>,
}
