//! The people of a case, each written once with an id: the children, their
//! parents and others with parental responsibility, relatives, carers and
//! the professionals. Everything else in the case refers to a person by id.
//!
//! Relationships are data on the person: whose child they are (and how:
//! birth, adoptive, step, other), which of the case's children they hold
//! parental responsibility for, their partnerships (with a status and a
//! domestic-abuse marking), and, for the household, who lives together.

mod ids;
mod letters;
mod links;
mod names;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use ids::{PersonId, RESERVED_IDS, Reader, Readers};
pub use letters::Letters;
pub use links::{DateOrYear, ParentKind, ParentLink};
pub use names::Greeting;

use super::types::Date;

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
    /// Their family name (surname) as they write it, e.g. "O'Neill-Ó
    /// Súilleabháin" or "van der Berg": a letter greets them by title and
    /// this. Needed when the name has more than two words; without it such
    /// a letter greets them by full name rather than guess.
    #[serde(default)]
    pub family_name: Option<String>,
    /// How letters to them open, written whole, e.g. "Dear Siobhán": used
    /// instead of the title and family name.
    #[serde(default)]
    pub greeting: Option<String>,
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
    /// Whether letters are written to them: `true`, `false`, or `by-hand`
    /// for someone with no fixed address, whose letters the social worker
    /// hands to them (they print with no address). Default: yes for
    /// everyone with parental responsibility; a parent without it must be
    /// decided here.
    #[serde(default)]
    pub letters: Option<Letters>,
    /// For letters `by-hand`: how the social worker reaches them to hand a
    /// letter over, e.g. "Through the Greyford day centre, Tuesdays and
    /// Thursdays". Private like an address: it is on the social worker's
    /// list of letters to hand over, and in no one else's pack.
    #[serde(default)]
    pub how_to_reach: Option<String>,
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
    /// Whether they need Easy Read (a parent with a learning disability):
    /// an Easy Read version of every letter to them and of the agreement,
    /// beside the formal one.
    #[serde(default)]
    pub easy_read: bool,
    /// Whether they need large print: everything in their pack, and every
    /// letter to them, at 16 pt or more (RNIB Clear Print).
    #[serde(default)]
    pub large_print: bool,
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

impl Professionals {
    /// Who holds the post a profile's role names by its field here
    /// (`social_worker`, `team_manager`, `head_of_service`,
    /// `legal_adviser`), or `None` for a name that is not one of them.
    pub fn holder(&self, field: &str) -> Option<&PersonId> {
        match field {
            "social_worker" => Some(&self.social_worker),
            "team_manager" => Some(&self.team_manager),
            "head_of_service" => Some(&self.head_of_service),
            "legal_adviser" => Some(&self.legal_adviser),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
