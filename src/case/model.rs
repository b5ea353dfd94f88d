//! The case format, version 1: what a social worker writes once, in YAML.
//!
//! Field names are plain English in `snake_case` so the file reads like a
//! form. Every struct denies unknown fields: a misspelt field is a finding
//! with a suggestion, never silently ignored.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lpm::{Lpm, LpmRequest, ReviewLpm};
use super::papers::{KinshipCarer, LetterOfIssue, PloSummary, PreProceedingsEnd, Proceedings};
use super::records::{Attachment, ChronologyEntry, FamilyMember, PackMeeting};
use super::types::{Date, Time};

/// One family's case: everything the pre-proceedings documents are made from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The version of the case format this file is written in (currently 1).
    pub casepack: u32,
    /// The authority profile to use: a file path relative to the case file
    /// (`--profile` overrides it). Without it, the built-in default.
    #[serde(default)]
    pub profile: Option<String>,
    /// The meeting this pack is for (default: the LPM).
    #[serde(default)]
    pub meeting: Option<PackMeeting>,
    /// The local authority's case reference, printed on every page.
    pub reference: String,
    /// The council writing the documents: its name and address form the letterhead.
    pub local_authority: LocalAuthority,
    /// The child or children the case is about.
    pub children: Vec<Child>,
    /// Each parent and other person with parental responsibility: one letter each.
    pub parents: Vec<Parent>,
    /// The professionals responsible for the case.
    pub professionals: Professionals,
    /// How the LPM came to be held: the request and its approval (004 §6).
    #[serde(default)]
    pub lpm_request: Option<LpmRequest>,
    /// The Legal Planning Meeting.
    pub lpm: Lpm,
    /// What we are worried about, in plain words, each with its evidence.
    pub worries: Vec<Worry>,
    /// Support and services offered to the family.
    #[serde(default)]
    pub support: Vec<Support>,
    /// The letter before proceedings: when it is dated and when it reached the parents.
    #[serde(default)]
    pub letter_before_proceedings: Option<LetterRecord>,
    /// The (first) pre-proceedings meeting with the parents and their solicitors.
    #[serde(default)]
    pub pre_proceedings_meeting: Option<Meeting>,
    /// The plan: what will be done, by whom, by when, and how progress is measured.
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    /// What will happen if the plan does not work, in plain words.
    #[serde(default)]
    pub contingency_plan: Option<String>,
    /// When the plan will be reviewed.
    #[serde(default)]
    pub review_date: Option<Date>,
    /// What has changed since the LPM, for a review LPM's PLO summary (004 App. 1).
    #[serde(default)]
    pub progress_since_lpm: Option<String>,
    /// Review LPMs held since the LPM (004 §11), in date order.
    #[serde(default)]
    pub review_lpms: Vec<ReviewLpm>,
    /// Care proceedings: the issue date and the dates the court listed.
    #[serde(default)]
    pub proceedings: Option<Proceedings>,
    /// When the child was placed and became looked after.
    #[serde(default)]
    pub looked_after: Option<LookedAfter>,
    /// Any step of the timeline recorded as done, by the step's id (as
    /// `casepack timeline` shows it) with the date it was done.
    #[serde(default)]
    pub done: BTreeMap<String, Date>,
    /// The family across the generations, for the genogram (004 §4d(iii)).
    #[serde(default)]
    pub family: Vec<FamilyMember>,
    /// Key events in the child's life and their impact (004 §4d(ii)).
    #[serde(default)]
    pub chronology: Vec<ChronologyEntry>,
    /// Documents written elsewhere, attached as PDFs.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Fields kept from some readers: printed as "[withheld]" in their packs.
    #[serde(default)]
    pub withhold: Vec<super::withhold::Withhold>,
    /// Whether the letters must say that, if the children cannot live safely
    /// with family, the plan could be adoption (001 "Letter before Proceedings").
    #[serde(default)]
    pub adoption_possible: bool,
    /// The Social Worker's PLO Summary for the LPM (004 §4d(i)).
    #[serde(default)]
    pub plo_summary: Option<PloSummary>,
    /// Family members and friends put forward as carers (the schedule of kinship carers).
    #[serde(default)]
    pub kinship: Vec<KinshipCarer>,
    /// The letter telling the parents that care proceedings are being started (004 §9c(iii)).
    #[serde(default)]
    pub letter_of_issue: Option<LetterOfIssue>,
    /// The letter telling the parents that pre-proceedings has ended (004 App. 2).
    #[serde(default)]
    pub pre_proceedings_end: Option<PreProceedingsEnd>,
}

/// The council: its name, address and contact details head every document.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalAuthority {
    /// The council's name, e.g. "Northmoor Borough Council".
    pub name: String,
    /// The service or directorate, e.g. "Children's Services".
    #[serde(default)]
    pub service: Option<String>,
    /// The social work team holding the case.
    pub team: String,
    /// Postal address, one line per item.
    pub address: Vec<String>,
    /// Main telephone number.
    pub phone: String,
    /// Team email address.
    pub email: String,
}

/// A child the case is about: born (date of birth) or unborn (expected date of delivery).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Full name; for an unborn child, e.g. "Baby Hartley (unborn)".
    pub name: String,
    /// Date of birth.
    #[serde(default)]
    pub date_of_birth: Option<Date>,
    /// Expected date of delivery, for an unborn child.
    #[serde(default)]
    pub expected_date_of_delivery: Option<Date>,
    /// Gender as recorded, if known (free text, e.g. "female").
    #[serde(default)]
    pub gender: Option<String>,
}

/// A parent or other person with parental responsibility.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parent {
    /// Full name.
    pub name: String,
    /// Title used in the letter's greeting (Ms, Mr, Mrs, Miss, Mx, Dr). Without
    /// it the letter greets them by full name.
    #[serde(default)]
    pub title: Option<String>,
    /// Relationship to the children, e.g. "mother" or "father of Leo".
    pub relationship: String,
    /// Postal address, one line per item.
    pub address: Vec<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
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
}

/// A parent's solicitor.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solicitor {
    /// The solicitor's name.
    pub name: String,
    /// The firm.
    pub firm: String,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// The professionals named in the documents.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Professionals {
    /// The child's social worker: signs the letters and is the parents' contact.
    pub social_worker: Professional,
    /// The team manager: countersigns the letters and chairs pre-proceedings meetings.
    pub team_manager: Professional,
    /// The head of service: chairs the LPM and owns its decision (004 §7d).
    pub head_of_service: Professional,
    /// The local authority's legal adviser.
    pub legal_adviser: Professional,
}

/// A professional's name and contact details.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Professional {
    /// Full name.
    pub name: String,
    /// Job title, if it differs from the role's usual name.
    #[serde(default)]
    pub job_title: Option<String>,
    /// Telephone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// One worry, in words the parents will understand.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Worry {
    /// What we are worried about and why, in plain words.
    pub worry: String,
    /// What shows it: each piece of evidence in a sentence.
    pub evidence: Vec<String>,
    /// What must change.
    pub must_change: String,
}

/// A service offered to the family.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// What the support is.
    pub what: String,
    /// Who provides it.
    pub who: String,
    /// When it starts.
    #[serde(default)]
    pub starts: Option<Date>,
}

/// The letter before proceedings as sent.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterRecord {
    /// The date printed on the letter.
    pub date: Date,
    /// When the parents received it, once known (the first meeting is counted from this).
    #[serde(default)]
    pub delivered: Option<Date>,
}

/// A meeting with the family: when and where.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// The date.
    pub date: Date,
    /// The start time (HH:MM).
    pub time: Time,
    /// The address, one line per item, for a meeting in person.
    #[serde(default)]
    pub place: Option<Vec<String>>,
    /// The link, for a meeting by video.
    #[serde(default)]
    pub video_link: Option<String>,
}

/// One row of the plan (the "section 8" plan, 004 App. 2).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// What will be done.
    pub action: String,
    /// Who will do it.
    pub who: String,
    /// By when.
    pub by: Date,
    /// How we will know it is working.
    pub measured_by: String,
}

/// A looked-after child's placement.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LookedAfter {
    /// The date the child was placed and became looked after.
    pub placed: Date,
    /// Whether the child is accommodated by agreement under section 20 of
    /// the Children Act 1989 (the PLO summary must then say why a care
    /// order is now needed).
    #[serde(default)]
    pub section_20: bool,
}
