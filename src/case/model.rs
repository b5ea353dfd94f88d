//! The case format, version 2: what a social worker writes once, in YAML.
//!
//! Field names are plain English in `snake_case` so the file reads like a
//! form. Every struct denies unknown fields: a misspelt field is a finding
//! with a suggestion, never silently ignored. Every person is written once,
//! under `people`, and named everywhere else by id.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lpm::{Lpm, LpmRequest, ReviewLpm};
use super::people::{Household, Person, PersonId, Professionals};
use super::proceedings::{KinshipCarer, LetterOfIssue, PloSummary, PreProceedingsEnd, Proceedings};
use super::records::{Attachment, ChronologyEntry, PackMeeting};
use super::types::{Date, Time};

/// One family's case: everything the pre-proceedings documents are made from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The version of the case format this file is written in (currently 2).
    pub casepack: u32,
    /// The authority profile to use: a built-in profile's name (`casepack
    /// profiles`) or a file path relative to the case file (`--profile`
    /// overrides it). Without it, the built-in default.
    #[serde(default)]
    #[schemars(pattern(r"(\.[yY][aA]?[mM][lL]$)|^[a-z0-9-]+$"))]
    pub profile: Option<String>,
    /// The meeting this pack is for (default: the LPM).
    #[serde(default)]
    pub meeting: Option<PackMeeting>,
    /// The local authority's case reference, printed on every page.
    pub reference: String,
    /// The council writing the documents: its name and address form the letterhead.
    pub local_authority: LocalAuthority,
    /// Everyone in the case, once each: the children, their parents and
    /// others with parental responsibility, relatives, carers and the
    /// professionals. Letters go to everyone with parental responsibility
    /// for a child of the case, and to other parents the case says to write to.
    pub people: Vec<Person>,
    /// The children the case is about, by id.
    pub children: Vec<PersonId>,
    /// Who lives together: each household's members, by id.
    #[serde(default)]
    pub households: Vec<Household>,
    /// The professionals responsible for the case, by id.
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
    /// Assessments offered to the family (a parenting assessment, a drug
    /// test): each says why, what, who does it and when.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
    /// The letter before proceedings: when it is dated and when it reached the parents.
    #[serde(default)]
    pub letter_before_proceedings: Option<LetterRecord>,
    /// The (first) pre-proceedings meeting with the parents and their solicitors.
    #[serde(default)]
    pub pre_proceedings_meeting: Option<Meeting>,
    /// The plan: what will be done, by whom, by when, and how progress is measured.
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    /// What will happen if the plan does not work, in plain words
    /// ({children} names the reader's own children).
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
    /// Key events in the child's life and their impact (004 §4d(ii)).
    #[serde(default)]
    pub chronology: Vec<ChronologyEntry>,
    /// Documents written elsewhere, attached as PDFs.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Text kept from some readers: printed as "[withheld]" in their packs.
    #[serde(default)]
    pub withhold: Vec<super::withhold::Withhold>,
    /// Other words for some readers in place of a field's own (a person's
    /// own reasons in the letter of issue, say); printed only to them.
    #[serde(default)]
    pub reword: Vec<super::withhold::Reword>,
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
    /// When the list of local family-law solicitors the letters offer
    /// parents was last checked (firms close, move and stop taking legal
    /// aid).
    #[serde(default)]
    pub solicitors_list_checked: Option<Date>,
}

/// One worry, in words the parents will understand.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Worry {
    /// What we are worried about and why, in plain words. Write the
    /// children as {children} and each parent's letter names their own
    /// ("keep {children} safe"; {is|are} agrees with them).
    pub worry: String,
    /// What shows it: each piece of evidence in a sentence ({children}
    /// names the reader's own children).
    pub evidence: Vec<String>,
    /// What must change ({children} names the reader's own children).
    pub must_change: String,
    /// The help offered for it, in plain words (who and what).
    #[serde(default)]
    pub help: Option<String>,
    /// By when it must change.
    #[serde(default)]
    pub by: Option<Date>,
    /// The children it concerns, by id (default: all of them). A parent's
    /// letter holds only the worries about their own children.
    #[serde(default)]
    pub children: Vec<PersonId>,
    /// The worry in Easy Read, for a parent who needs it: short sentences
    /// of 15 words or fewer. Where a part has none, the text above is used
    /// if it meets the rules.
    #[serde(default)]
    pub easy_read: Option<WorryEasyRead>,
}

/// A worry in Easy Read words: each part in short sentences, one idea each.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorryEasyRead {
    /// What we are worried about.
    #[serde(default)]
    pub worry: Option<String>,
    /// What must change.
    #[serde(default)]
    pub must_change: Option<String>,
    /// The help offered for it.
    #[serde(default)]
    pub help: Option<String>,
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
    /// The children it is for, by id (default: all of them).
    #[serde(default)]
    pub children: Vec<PersonId>,
    /// The support in Easy Read, for a parent who needs it: who helps and
    /// how, in sentences of 15 words or fewer.
    #[serde(default)]
    pub easy_read: Option<String>,
}

/// An assessment offered to the family.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// What the assessment is, in plain words.
    pub what: String,
    /// Why we are asking for it: the question it answers.
    #[serde(default)]
    pub why: Option<String>,
    /// Who does it.
    #[serde(default)]
    pub who: Option<String>,
    /// When it starts.
    #[serde(default)]
    pub when: Option<Date>,
    /// The children it is about, by id (default: all of them).
    #[serde(default)]
    pub children: Vec<PersonId>,
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
    /// What will be done ({children} names the reader's own children).
    pub action: String,
    /// Who will do it.
    pub who: String,
    /// By when.
    pub by: Date,
    /// How we will know it is working.
    pub measured_by: String,
    /// The children it is for, by id (default: all of them).
    #[serde(default)]
    pub children: Vec<PersonId>,
    /// The row in Easy Read, for a parent who needs it: what will be done
    /// and who does it, in sentences of 15 words or fewer.
    #[serde(default)]
    pub easy_read: Option<String>,
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
