//! Which meeting a pack is for, resolved from the case and the command
//! line: `--meeting` wins over the case's `meeting.type`, which wins over
//! the profile's default; its purpose, date, attendees and chair come from
//! the case's own record of it. The hand-off to the documents stage.

use super::{CaseRecord, MeetingType, Profile};
use crate::case::{Attendee, Case, Date, PackMeeting};

/// The meeting a pack is for, resolved from the case and the command line:
/// the hand-off to the documents stage.
#[derive(Debug, Clone)]
pub struct SelectedMeeting {
    /// The meeting type's id.
    pub id: String,
    /// Why it is held: one of the type's purposes.
    pub purpose: String,
    /// When it is held, if the case says.
    pub date: Option<Date>,
    /// Who is invited or attends.
    pub attendees: Vec<Attendee>,
    /// Who chairs it, if the case says.
    pub chair: Option<String>,
}

/// Why no meeting could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoMeeting {
    /// The id (from `--meeting`, else the case's `meeting.type`, else the
    /// default) names no meeting type of the profile.
    #[error("`{id}` is not a meeting type")]
    Unknown {
        /// The id asked for.
        id: String,
        /// Whether the command line asked for it (else the case did).
        requested: bool,
    },
    /// The meeting type is not held for the purpose the case gives.
    #[error("a {short} is not held for `{purpose}`")]
    Purpose {
        /// The meeting type's id.
        id: String,
        /// Its short name.
        short: String,
        /// The purpose the case gives.
        purpose: String,
        /// Why the profile forbids it, when it names this purpose as one it must not be held for.
        forbidden: Option<String>,
    },
}

/// The meeting the pack is for: `requested` (the command line's
/// `--meeting`) wins over the case's `meeting.type`, which wins over the
/// profile's default.
pub fn select_meeting(
    case: &Case,
    profile: &Profile,
    requested: Option<&str>,
) -> Result<SelectedMeeting, NoMeeting> {
    let declared = case.meeting.as_ref();
    let id = requested
        .or(declared.map(|m| m.kind.as_str()))
        .unwrap_or(&profile.default_meeting);
    let Some(meeting) = profile.meeting(id) else {
        return Err(NoMeeting::Unknown {
            id: id.to_string(),
            requested: requested.is_some(),
        });
    };
    let selected = resolve(case, meeting, own_record(case, meeting));
    if !meeting.purposes.contains(&selected.purpose) {
        return Err(NoMeeting::Purpose {
            id: meeting.id.clone(),
            short: meeting.short.clone(),
            forbidden: meeting.forbidden_purposes.get(&selected.purpose).cloned(),
            purpose: selected.purpose,
        });
    }
    Ok(selected)
}

/// The case's `meeting:` section, when it is about this meeting type.
pub fn own_record<'c>(case: &'c Case, meeting: &MeetingType) -> Option<&'c PackMeeting> {
    case.meeting.as_ref().filter(|m| m.kind == meeting.id)
}

fn resolve(case: &Case, meeting: &MeetingType, own: Option<&PackMeeting>) -> SelectedMeeting {
    let record = meeting.recorded_in;
    let is_lpm = record == Some(CaseRecord::Lpm);
    let purpose = own
        .and_then(|m| m.purpose.clone())
        .or_else(|| is_lpm.then(|| case.lpm.purpose.id().to_string()))
        .unwrap_or_else(|| meeting.purposes[0].clone());
    let date = own.and_then(|m| m.date).or_else(|| match record? {
        CaseRecord::Lpm => Some(case.lpm.date),
        CaseRecord::ReviewLpm => case.review_lpms.last().map(|r| r.date),
        CaseRecord::PreProceedingsMeeting => case.pre_proceedings_meeting.as_ref().map(|m| m.date),
        CaseRecord::AdvocatesMeeting => case.proceedings.as_ref().and_then(|p| p.advocates_meeting),
    });
    let attendees = match own {
        Some(m) if !m.attendees.is_empty() => m.attendees.clone(),
        _ if is_lpm => case.lpm.attendees.clone(),
        _ => Vec::new(),
    };
    let chair = own
        .and_then(|m| m.chair.clone())
        .or_else(|| is_lpm.then(|| case.lpm.chair.clone()));
    SelectedMeeting {
        id: meeting.id.clone(),
        purpose,
        date,
        attendees,
        chair,
    }
}
