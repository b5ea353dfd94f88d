//! What code knows of a profile's documents and meetings: which writer
//! makes a document (whatever the authority calls it) and which part of the
//! case file records a meeting. Everything else about them is data.

use serde::{Deserialize, Serialize};

/// What casepack can write: each writer has its template and reads its own
/// part of the case. A profile names its documents as it likes and says
/// which writer makes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Writer {
    /// The minutes template of the meeting recorded under `lpm`.
    LpmMinutes,
    /// A letter before proceedings to each parent.
    LetterBeforeProceedings,
    /// The pre-proceedings agreement.
    PreProceedingsAgreement,
    /// The social worker's summary for the panel.
    PloSummary,
    /// The chronology.
    Chronology,
    /// The genogram.
    Genogram,
    /// The schedule of kinship carers.
    KinshipSchedule,
    /// The advocates' meeting agenda.
    AdvocatesAgenda,
    /// A letter of issue to each parent.
    LetterOfIssue,
    /// A letter ending pre-proceedings to each parent.
    LetterEndingPreProceedings,
    /// A meeting's agenda and record, from the rule's `agenda`.
    MeetingPapers,
    /// A timeline's sheet, from the rule's `timeline`.
    TimelineSheet,
    /// The pack's cover and index (one per profile).
    PackCover,
    /// The bundle's cover (`build --bundle`; one per profile).
    Bundle,
}

impl Writer {
    /// The `dates` slots the writer prints.
    pub fn date_slots(self) -> &'static [DateSlot] {
        match self {
            Writer::LetterOfIssue => &[DateSlot::Issue, DateSlot::Hearing, DateSlot::Decision],
            Writer::AdvocatesAgenda => &[DateSlot::Cmh, DateSlot::Irh],
            Writer::PreProceedingsAgreement => &[DateSlot::Review],
            _ => &[],
        }
    }

    /// Whether casepack can write an Easy Read version of what it writes:
    /// the letters to parents and the agreement.
    pub fn has_easy_read(self) -> bool {
        matches!(
            self,
            Writer::LetterBeforeProceedings
                | Writer::LetterOfIssue
                | Writer::LetterEndingPreProceedings
                | Writer::PreProceedingsAgreement
        )
    }
}

/// A date a writer prints, for which the profile names the step it comes
/// from (a document rule's `dates`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSlot {
    /// The letter of issue: when proceedings are issued.
    Issue,
    /// The letter of issue: the case management hearing.
    Hearing,
    /// The letter of issue: the court's final decision (its timescale is
    /// what the letter prints).
    Decision,
    /// The advocates' agenda: the case management hearing.
    Cmh,
    /// The advocates' agenda: the issues resolution hearing.
    Irh,
    /// The pre-proceedings agreement: its review.
    Review,
}

impl DateSlot {
    /// Its name in the profile's `dates`.
    pub fn name(self) -> &'static str {
        match self {
            DateSlot::Issue => "issue",
            DateSlot::Hearing => "hearing",
            DateSlot::Decision => "decision",
            DateSlot::Cmh => "cmh",
            DateSlot::Irh => "irh",
            DateSlot::Review => "review",
        }
    }
}

impl std::fmt::Display for DateSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The part of the case file that records a meeting of a type (its date,
/// attendees, chair and purpose), when not the general `meeting:` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseRecord {
    /// `lpm:` (the case's legal planning meeting, whatever the authority calls it).
    Lpm,
    /// The last of `review_lpms:`.
    ReviewLpm,
    /// `pre_proceedings_meeting:`.
    PreProceedingsMeeting,
    /// `proceedings.advocates_meeting`.
    AdvocatesMeeting,
}
