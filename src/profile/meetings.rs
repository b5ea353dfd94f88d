//! Meeting types as data: what each meeting decides, who chairs it, who
//! must be there, what its pack must hold and which timescales govern it,
//! every rule with the procedure it comes from.

use super::error::{ProfileError, exactly_one, rule};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;

pub use super::ids::RoleId;
pub use super::writer::{CaseRecord, DateSlot, Writer};

/// Someone who takes part in meetings, and how to recognise them among a
/// meeting's attendees.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Short id, e.g. `head-of-service`.
    pub id: String,
    /// What the role is called.
    pub name: String,
    /// The case's `professionals` entry that holds this role, if any: an
    /// attendee with that person's name fills it.
    #[serde(default)]
    pub professional: Option<String>,
    /// Whether any parent named in the case fills it.
    #[serde(default)]
    pub parents: bool,
    /// Words in an attendee's role that fill it (case-insensitive).
    #[serde(default)]
    pub words: Vec<String>,
    /// What an attendee comes as for a parent (`as: solicitor`) that fills it.
    #[serde(default)]
    pub helper: Option<crate::case::Helper>,
}

/// A kind of document written elsewhere and attached as a PDF.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentKind {
    /// Short id used in the case file, e.g. `single-assessment`.
    pub id: String,
    /// What it is called.
    pub name: String,
    /// One dated more than this many months before the meeting is stale.
    #[serde(default)]
    pub fresh_months: Option<u32>,
    /// Where the freshness limit comes from, when not from `source`:
    /// `local: why` for a figure no procedure states.
    #[serde(default)]
    pub fresh_source: Option<String>,
    /// How serious a stale one is under a local limit: a warning unless the
    /// profile makes it an error (a limit a procedure states takes the
    /// requirement's own severity).
    #[serde(default)]
    pub fresh_severity: Option<Severity>,
    /// The packs it may go in (`build --audience`); by default only inside
    /// the local authority.
    #[serde(default = "inside_the_authority")]
    pub audiences: Vec<super::PackAudience>,
    /// The procedure reference.
    pub source: String,
}

fn inside_the_authority() -> Vec<super::PackAudience> {
    vec![super::PackAudience::Panel, super::PackAudience::Legal]
}

/// A document casepack writes from the case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    /// Short id, e.g. `letter-before-proceedings`.
    pub id: String,
    /// What the document is called (terminology a profile may change).
    pub name: String,
    /// Which of casepack's writers makes it: what the document *is*, as
    /// code knows it, whatever the profile calls it.
    pub writer: Writer,
    /// Dates the writer prints, each the id of a step of the profile's
    /// timelines (a letter of issue's `issue` and `hearing`): which step is
    /// the authority's to say. The slots a writer needs are checked at load.
    #[serde(default)]
    pub dates: BTreeMap<DateSlot, String>,
    /// Case fields (paths in the case) that must be filled in to write it.
    #[serde(default)]
    pub needs: Vec<crate::case::CasePath>,
    /// For a timeline sheet, the timeline's id, or a list of them: written
    /// once the first has started, each started one a block of its own
    /// headed by what it counts from (004 App. 2 numbers its weeks from the
    /// first pre-proceedings meeting, its limits from the LPM).
    #[serde(default, rename = "timeline", deserialize_with = "one_or_many")]
    pub timelines: Vec<String>,
    /// Who it is addressed to.
    pub audience: Audience,
    /// The packs it may go in (`build --audience`).
    pub audiences: Vec<super::PackAudience>,
    /// Whether it is legally privileged (000 §6; 004 §12): marked so on
    /// every page, and never for parents or other parties.
    #[serde(default)]
    pub privileged: bool,
    /// For an agenda or record: its items, in order, each with its source.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    /// Accepted from profiles written before every document was PDF/UA-1
    /// and ignored: nothing is exported without it now.
    #[serde(default, rename = "accessible")]
    pub was_accessible: bool,
    /// Whether a parent who needs Easy Read gets an Easy Read version of
    /// it beside it, in their pack and wherever it goes: the letters and
    /// the agreement.
    #[serde(default)]
    pub easy_read: bool,
    /// What a letter must say, checked on its printed text (`check` reads
    /// every letter as laid out): an authority's wording that drops one is
    /// an error at the wording's line.
    #[serde(default)]
    pub must_say: Vec<MustSay>,
    /// The procedure reference.
    pub source: String,
}

/// `timeline: court` or `timeline: [pre-proceedings, pre-proceedings-weeks]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// One thing a letter must say: it is said when the printed letter holds
/// any of `any` (case and spacing aside). `{meeting.date}` in a phrase is
/// the letter's own data at that path; a phrase whose data the letter does
/// not have is passed over (a missing telephone number is its own finding).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MustSay {
    /// Short id, e.g. `free-whatever-income`.
    pub id: String,
    /// What must be said, in words.
    pub what: String,
    /// The phrases any one of which says it.
    pub any: Vec<String>,
    /// The phrases any one of which says it in the document's Easy Read
    /// version, checked there too; none, the item is checked on the formal
    /// document only (an authority's own item, said in its own wording).
    #[serde(default)]
    pub easy_read: Vec<String>,
    /// The `wording` paragraph casepack's own words say it in: where an
    /// authority's paragraph that drops it is pointed at.
    #[serde(default)]
    pub paragraph: Option<String>,
    /// The procedure reference.
    pub source: String,
}

/// Who a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// One named parent or person with parental responsibility.
    Parent,
    /// The parents, their solicitors and the professionals.
    ParentsAndProfessionals,
    /// The local authority's professionals only.
    Professionals,
    /// The LPM panel: head of service, legal adviser, social work managers.
    LpmPanel,
    /// The parties' legal representatives.
    Advocates,
}

/// One item of a meeting's agenda.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// Short id, which `meeting.record` in the case uses for notes.
    pub id: String,
    /// The item as the agenda prints it.
    pub item: String,
    /// Points to cover under it.
    #[serde(default)]
    pub points: Vec<String>,
    /// The procedure reference.
    pub source: String,
}

/// One meeting type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingType {
    /// Stable id, e.g. `lpm`, `cpm-two`.
    pub id: String,
    /// Full name (terminology a profile may change).
    pub name: String,
    /// Short name used in sentences.
    pub short: String,
    /// What the meeting decides, in one sentence.
    pub decides: String,
    /// The purposes it may be held for; the first is the default.
    pub purposes: Vec<String>,
    /// Purposes it must never be held for, each with why.
    #[serde(default)]
    pub forbidden_purposes: BTreeMap<String, String>,
    /// Who chairs it.
    pub chair: Chair,
    /// Who takes part.
    pub attendees: Attendance,
    /// The documents casepack writes for its pack, in order (ids of `documents`).
    #[serde(default)]
    pub pack: Vec<String>,
    /// Steps of the profile's timelines that govern it.
    #[serde(default)]
    pub timing: Vec<String>,
    /// The procedure as a whole.
    pub source: String,
    /// What its pack must hold and who must be there.
    pub requires: Vec<Requirement>,
    /// The bundle's sections for this meeting, if not the profile's.
    #[serde(default)]
    pub bundle: Option<Vec<super::BundleSection>>,
    /// Where the case file records this meeting, if in a section of its own.
    #[serde(default)]
    pub recorded_in: Option<CaseRecord>,
}

/// Who chairs a meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chair {
    /// The role that chairs it.
    pub role: RoleId,
    /// The procedure reference.
    pub source: String,
}

/// Who takes part in a meeting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Roles that should be there.
    pub required: Vec<RoleId>,
    /// Roles that may be there.
    #[serde(default)]
    pub optional: Vec<RoleId>,
    /// The procedure reference.
    pub source: String,
}

/// One thing a meeting's pack must hold, or someone who must be there.
/// The rule data gives exactly one of the check fields; that is checked
/// once, at load, into [`Requirement::check`].
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "RawRequirement")]
pub struct Requirement {
    /// Short id, unique within the meeting.
    pub id: String,
    /// What is required, in words a social worker reads at a glance.
    pub what: String,
    kind: Kind,
    /// Applies only to meetings held for one of these purposes (all, if empty).
    pub purposes: Vec<String>,
    /// Error (the pack is not built) or warning.
    pub severity: Severity,
    /// The procedure reference, e.g. `004 §4d(iii)`, or `local: why`.
    pub source: String,
}

/// What a requirement checks, owned.
#[derive(Debug, Clone)]
enum Kind {
    Document(String),
    Attachment(Vec<String>),
    Genogram(u32),
    Chronology(ChronologyRule),
    Attendee(RoleId),
    Field(crate::case::CasePath),
}

/// A requirement as the rule data writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    id: String,
    what: String,
    #[serde(default)]
    document: Option<String>,
    #[serde(default)]
    attachment: Option<Vec<String>>,
    #[serde(default)]
    genogram: Option<GenogramRule>,
    #[serde(default)]
    chronology: Option<ChronologyRule>,
    #[serde(default)]
    attendee: Option<RoleId>,
    #[serde(default)]
    field: Option<crate::case::CasePath>,
    #[serde(default)]
    purposes: Vec<String>,
    severity: Severity,
    source: String,
}

impl TryFrom<RawRequirement> for Requirement {
    type Error = ProfileError;

    fn try_from(r: RawRequirement) -> Result<Requirement, ProfileError> {
        let kind = exactly_one([
            ("document", r.document.map(Kind::Document)),
            ("attachment", r.attachment.map(Kind::Attachment)),
            (
                "genogram",
                r.genogram.map(|g| Kind::Genogram(g.generations)),
            ),
            ("chronology", r.chronology.map(Kind::Chronology)),
            ("attendee", r.attendee.map(Kind::Attendee)),
            ("field", r.field.map(Kind::Field)),
        ])
        .map_err(|e| rule!("requirement `{}` must give {e}", r.id))?;
        Ok(Requirement {
            id: r.id,
            what: r.what,
            kind,
            purposes: r.purposes,
            severity: r.severity,
            source: r.source,
        })
    }
}

/// How many generations a genogram must show.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenogramRule {
    /// At least this many.
    pub generations: u32,
}

/// How recent a chronology's last entry must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChronologyRule {
    /// Months before the meeting.
    pub within_months: u32,
    /// Where the limit comes from, when not from the requirement's own
    /// source: `local: why` for a figure no procedure states.
    #[serde(default)]
    pub source: Option<String>,
    /// How serious an old chronology is under a local limit: a warning
    /// unless the profile makes it an error.
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// What a requirement checks, resolved from its fields.
#[derive(Debug, Clone, Copy)]
pub enum Check<'a> {
    /// A generated document.
    Document(&'a str),
    /// An attachment of one of these kinds.
    Attachment(&'a [String]),
    /// A genogram of at least N generations.
    Genogram(u32),
    /// A chronology entry within N months (the rule, with its source).
    Chronology(&'a ChronologyRule),
    /// An attendee in this role.
    Attendee(RoleId),
    /// A filled-in case field.
    Field(&'a crate::case::CasePath),
}

impl Requirement {
    /// The one check this requirement makes.
    pub fn check(&self) -> Check<'_> {
        match &self.kind {
            Kind::Document(d) => Check::Document(d),
            Kind::Attachment(a) => Check::Attachment(a),
            Kind::Genogram(n) => Check::Genogram(*n),
            Kind::Chronology(c) => Check::Chronology(c),
            Kind::Attendee(a) => Check::Attendee(*a),
            Kind::Field(f) => Check::Field(f),
        }
    }

    /// Whether it applies to a meeting held for `purpose`.
    pub fn applies_to(&self, purpose: &str) -> bool {
        self.purposes.is_empty() || self.purposes.iter().any(|p| p == purpose)
    }
}
