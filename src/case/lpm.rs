//! The Legal Planning Meeting in the case: the request for it, the meeting
//! itself (purpose, attendees, outcome, dates agreed) and the review LPMs
//! that follow (004 §3–§11).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::people::PersonId;
use super::types::{Date, Time};

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
    /// The reasons for the decision and anything else the meeting decided,
    /// one point each, as recorded at the meeting (004 §9a): printed in the
    /// minutes in place of the space left to write them.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// The actions the meeting agreed, each with who does it and by when
    /// (004 §9): printed in the minutes' table of actions.
    #[serde(default)]
    pub actions: Vec<LpmAction>,
}

/// An action agreed at the LPM.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LpmAction {
    /// What is to be done.
    pub action: String,
    /// Who does it: a name and role, as the minutes should say.
    pub who: String,
    /// By when.
    pub by: Date,
}

/// Someone at a meeting: a person of the case by id (their name and role
/// come from the case), or anyone else by name and role (an interpreter to
/// be booked, a family friend).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// A person of the case, by id.
    #[serde(default)]
    pub id: Option<PersonId>,
    /// Full name, for someone not in `people`.
    #[serde(default)]
    pub name: Option<String>,
    /// Their role, e.g. "Team Manager, Family and Friends Assessment and
    /// Support Team". For a person of the case, or someone who comes `as`
    /// help `for` a parent, it is worked out when not given.
    #[serde(default)]
    pub role: Option<String>,
    /// What they come as, for the parent named in `for`: `solicitor`,
    /// `advocate`, `interpreter` or `supporter`.
    #[serde(default, rename = "as")]
    pub comes_as: Option<Helper>,
    /// The parent they come for, by id (with `as`).
    #[serde(default, rename = "for")]
    pub helps: Option<PersonId>,
    /// Once the meeting is held: whether they were there (the minutes
    /// record who was present and who sent apologies).
    #[serde(default)]
    pub attended: Option<bool>,
}

/// What someone comes to a meeting as, for a parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Helper {
    /// Their solicitor (the name comes from the parent's `solicitor` when not given).
    Solicitor,
    /// Their advocate.
    Advocate,
    /// Their interpreter (the language comes from the parent's `interpreter`).
    Interpreter,
    /// A friend or relative who supports them.
    Supporter,
}

impl Helper {
    /// "advocate".
    pub fn word(self) -> &'static str {
        match self {
            Helper::Solicitor => "solicitor",
            Helper::Advocate => "advocate",
            Helper::Interpreter => "interpreter",
            Helper::Supporter => "supporter",
        }
    }
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
