//! The case format, version 1: what a social worker writes once, in YAML.
//!
//! Field names are plain English in `snake_case` so the file reads like a
//! form. Every struct denies unknown fields: a misspelt field is a finding
//! with a suggestion, never silently ignored.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
    /// Whether the letters must say that, if the children cannot live safely
    /// with family, the plan could be adoption (001 "Letter before Proceedings").
    #[serde(default)]
    pub adoption_possible: bool,
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

/// The Legal Planning Meeting (004 §3–§9).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lpm {
    /// The date of the meeting.
    pub date: Date,
    /// The start time, if known.
    #[serde(default)]
    pub time: Option<Time>,
    /// Who chairs it (normally the head of service, 004 §7d).
    pub chair: String,
    /// Who attends.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Why the meeting is held (004 §3a).
    pub purpose: LpmPurpose,
    /// What the meeting decided (004 §9a), once known.
    #[serde(default)]
    pub outcome: Option<LpmOutcome>,
    /// The specific dates the meeting agreed (004 §9b(v)).
    #[serde(default)]
    pub dates_agreed: Vec<AgreedDate>,
}

/// Someone at a meeting.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Full name.
    pub name: String,
    /// Their role, e.g. "Team Manager, Family and Friends Assessment and Support Team".
    pub role: String,
}

/// Why an LPM is held (004 §3a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LpmPurpose {
    /// To consider starting pre-proceedings or issuing care proceedings.
    ConsiderProceedings,
    /// To start pre-proceedings (004 §3a(i)).
    InitiatePreProceedings,
    /// To issue care proceedings, including stepping up from pre-proceedings (004 §3a(ii)).
    IssueCareProceedings,
    /// To consider revoking a care, supervision or placement order.
    RevokeOrder,
    /// To consider extending a supervision order.
    ExtendSupervisionOrder,
}

/// The four outcomes of an LPM (004 §9a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LpmOutcome {
    /// Start pre-proceedings (004 §9b).
    InitiatePreProceedings,
    /// Issue care proceedings (004 §9c).
    IssueCareProceedings,
    /// Defer the decision to a future LPM (004 §9d).
    Defer,
    /// Take no further action.
    NoFurtherAction,
}

impl LpmPurpose {
    /// The id used in the case file and rule data.
    pub fn id(self) -> &'static str {
        match self {
            LpmPurpose::ConsiderProceedings => "consider-proceedings",
            LpmPurpose::InitiatePreProceedings => "initiate-pre-proceedings",
            LpmPurpose::IssueCareProceedings => "issue-care-proceedings",
            LpmPurpose::RevokeOrder => "revoke-order",
            LpmPurpose::ExtendSupervisionOrder => "extend-supervision-order",
        }
    }
}

impl LpmOutcome {
    /// Every outcome, in the order the minutes list them.
    pub const ALL: [LpmOutcome; 4] = [
        LpmOutcome::InitiatePreProceedings,
        LpmOutcome::IssueCareProceedings,
        LpmOutcome::Defer,
        LpmOutcome::NoFurtherAction,
    ];

    /// The id used in the case file and rule data.
    pub fn id(self) -> &'static str {
        match self {
            LpmOutcome::InitiatePreProceedings => "initiate-pre-proceedings",
            LpmOutcome::IssueCareProceedings => "issue-care-proceedings",
            LpmOutcome::Defer => "defer",
            LpmOutcome::NoFurtherAction => "no-further-action",
        }
    }
}

/// A date the LPM agreed, as recorded in its minutes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreedDate {
    /// What is to happen.
    pub what: String,
    /// By when.
    pub date: Date,
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

/// A review LPM (004 §11): held before week 16 of pre-proceedings to decide
/// whether to issue, step down or extend.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewLpm {
    /// The date of the meeting.
    pub date: Date,
    /// What it decided, once known.
    #[serde(default)]
    pub decision: Option<ReviewDecision>,
    /// For an extension: how many more weeks of pre-proceedings (at most 4, 004 §11a(ii)).
    #[serde(default)]
    pub extension_weeks: Option<u32>,
    /// Whether the head of service authorised the extension at this meeting (004 §11a(ii)).
    #[serde(default)]
    pub head_of_service_agreed: bool,
}

/// What a review LPM decided (004 §11a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewDecision {
    /// Carry on with pre-proceedings as planned.
    Continue,
    /// Extend pre-proceedings beyond 16 weeks.
    ExtendPreProceedings,
    /// Issue care proceedings.
    IssueCareProceedings,
    /// Step down from pre-proceedings.
    EndPreProceedings,
}

/// Care proceedings: when they were issued and what the court listed. A
/// listed date replaces the default target for that hearing.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proceedings {
    /// The date the application was issued (Day 1).
    #[serde(default)]
    pub issued: Option<Date>,
    /// The advocates' meeting before the case management hearing.
    #[serde(default)]
    pub advocates_meeting: Option<Date>,
    /// The case management hearing (CMH).
    #[serde(default)]
    pub case_management_hearing: Option<Date>,
    /// The date the court directed for the local authority's final evidence and care plan.
    #[serde(default)]
    pub final_evidence: Option<Date>,
    /// The issues resolution hearing (IRH).
    #[serde(default)]
    pub issues_resolution_hearing: Option<Date>,
    /// The final hearing.
    #[serde(default)]
    pub final_hearing: Option<Date>,
}

/// A looked-after child's placement.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LookedAfter {
    /// The date the child was placed and became looked after.
    pub placed: Date,
}

/// The request for an LPM and its approval (004 §6; 001 Service Manager Panel).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LpmRequest {
    /// When a Service Manager Panel recommended the PLO, where the authority has one (001).
    #[serde(default)]
    pub panel_recommended: Option<Date>,
    /// When the head of service deferred the decision for the papers to be revised (004 §6b).
    #[serde(default)]
    pub deferred: Option<Date>,
    /// When the head of service approved the request (004 §6c).
    #[serde(default)]
    pub approved: Option<Date>,
    /// The team manager's decision to request the LPM, with a succinct
    /// rationale, as the PLO summary records it (004 §4e).
    #[serde(default)]
    pub rationale: Option<String>,
}
