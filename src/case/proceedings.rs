//! What the social worker writes for the papers beyond the letter and the
//! agreement: the PLO summary, the kinship carers, the letters of issue and
//! of ending pre-proceedings, and the court's side of proceedings for the
//! advocates' meeting.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::people::{PersonId, Solicitor};
use super::types::Date;

/// The Social Worker's PLO Summary (004 §4d(i)). Basic information about the
/// child and family comes from the rest of the case, and the team manager's
/// decision from `lpm_request`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PloSummary {
    /// The nature of the significant harm the children have suffered or are likely to suffer.
    pub harm: String,
    /// The key evidence of that harm, each item pointing to where it is shown.
    pub evidence: Vec<KeyEvidence>,
    /// What has been tried so far, and why it has not brought enough change.
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// The options considered.
    #[serde(default)]
    pub options: Vec<CareOption>,
    /// The proposed next steps.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// For a child accommodated under section 20: why a care order is now needed (004 §4d(i)).
    #[serde(default)]
    pub why_care_order: Option<String>,
}

/// One item of key evidence.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyEvidence {
    /// What it shows, in a sentence.
    pub what: String,
    /// The `id` of the chronology entry it comes from.
    #[serde(default)]
    #[schemars(pattern(r"^[A-Za-z0-9][A-Za-z0-9_-]*$"))]
    pub chronology: Option<String>,
    /// The `path` of the attached document it comes from.
    #[serde(default)]
    #[schemars(pattern(r"^[^/\\]"))]
    pub attachment: Option<String>,
}

/// One intervention so far.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// What was done, and by whom.
    pub what: String,
    /// When, e.g. "March to June 2026".
    pub when: String,
    /// Why it has not brought enough change.
    pub why_not_enough: String,
}

/// One option for the children's care.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CareOption {
    /// The option, e.g. "Pre-proceedings with the children at home".
    pub option: String,
    /// What speaks for it.
    #[serde(default)]
    pub for_it: Option<String>,
    /// What speaks against it.
    #[serde(default)]
    pub against_it: Option<String>,
    /// Whether this is the option the social worker proposes.
    #[serde(default)]
    pub proposed: bool,
}

/// A family member or friend put forward to care for the children.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KinshipCarer {
    /// Who, by id in `people` (how they are related to the children comes
    /// from the family's links, or their `relationship`).
    pub person: PersonId,
    /// Who put them forward, by id.
    #[serde(default)]
    pub put_forward_by: Option<PersonId>,
    /// When they were put forward.
    #[serde(default)]
    pub put_forward: Option<Date>,
    /// Their assessments so far, stage 1 (viability) to stage 3 (full).
    #[serde(default)]
    pub assessments: Vec<KinshipAssessment>,
}

/// One stage of a kinship assessment.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KinshipAssessment {
    /// 1 (initial viability), 2 (viability) or 3 (full assessment).
    pub stage: u8,
    /// Who is doing it.
    #[serde(default)]
    pub assessor: Option<String>,
    /// When it started.
    #[serde(default)]
    pub started: Option<Date>,
    /// When it was completed.
    #[serde(default)]
    pub completed: Option<Date>,
    /// Its outcome, e.g. "positive: go on to a full assessment".
    #[serde(default)]
    pub outcome: Option<String>,
}

/// The letter telling each parent that care proceedings are being started
/// (004 §9c(iii)): hand-delivered by the end of the next working day.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterOfIssue {
    /// The date of the letter.
    pub date: Date,
    /// Why, in a few plain sentences; the worries follow it. Write the
    /// children as {children}: each parent's letter names their own.
    #[serde(default)]
    pub why: Option<String>,
    /// Why, in Easy Read, for a parent who needs it: sentences of 15
    /// words or fewer.
    #[serde(default)]
    pub easy_read: Option<String>,
}

/// The letter telling each parent that pre-proceedings has ended (004 App. 2
/// weeks 13 and 16).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PreProceedingsEnd {
    /// The date of the letter.
    pub date: Date,
    /// The progress the parents have made, each in a sentence.
    pub progress: Vec<String>,
    /// What carries on, e.g. "a child in need plan, reviewed every 3 months".
    pub continues: String,
    /// The next meeting under that plan, if set.
    #[serde(default)]
    pub next_meeting: Option<Date>,
    /// The progress and what carries on, in Easy Read, for a parent who
    /// needs it.
    #[serde(default)]
    pub easy_read: Option<EndEasyRead>,
}

/// The end of pre-proceedings in Easy Read words.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndEasyRead {
    /// The progress made, each in a short sentence.
    #[serde(default)]
    pub progress: Vec<String>,
    /// What carries on.
    #[serde(default)]
    pub continues: Option<String>,
}

/// Care proceedings: the court's dates and, for the advocates' meeting, the
/// parties, their positions, experts and disclosure (004 App. 3).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proceedings {
    /// The date the application was issued (day 1).
    #[serde(default)]
    pub issued: Option<Date>,
    /// The court, e.g. "Family Court at Northmoor".
    #[serde(default)]
    pub court: Option<String>,
    /// The court's case number.
    #[serde(default)]
    pub case_number: Option<String>,
    /// The children's guardian, by id in `people`.
    #[serde(default)]
    pub guardian: Option<PersonId>,
    /// The children's solicitor.
    #[serde(default)]
    pub childs_solicitor: Option<Solicitor>,
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
    /// Each party's position, as far as known before the advocates' meeting.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Experts proposed by any party.
    #[serde(default)]
    pub experts: Vec<Expert>,
    /// Disclosure sought or still to be given (police, health, school records).
    #[serde(default)]
    pub disclosure: Vec<String>,
    /// Whether the interim care order is contested, and by whom.
    #[serde(default)]
    pub contested_ico: Option<String>,
    /// Who drafts the case management order, and by when.
    #[serde(default)]
    pub draft_order: Option<String>,
}

/// One party's position.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The party: `local-authority`, `guardian` (the children, through
    /// their guardian), or a person's id.
    pub party: PersonId,
    /// Their position, in a sentence or two.
    pub position: String,
}

/// An expert a party proposes (Part 25 FPR: only where necessary).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expert {
    /// What kind of expert, e.g. "Psychological assessment of the mother".
    pub discipline: String,
    /// Who proposes it.
    pub proposed_by: String,
    /// The expert, once chosen.
    #[serde(default)]
    pub name: Option<String>,
    /// Why it is necessary to resolve the proceedings justly.
    #[serde(default)]
    pub why_necessary: Option<String>,
    /// Who drafts the letter of instruction, and by when.
    #[serde(default)]
    pub letter_of_instruction: Option<String>,
}
