//! The case events timescales count from: each a date the case file
//! records (the LPM, the issue of proceedings, the child being placed),
//! named in rule data by its YAML path.

use crate::case::{Case, Date, LpmOutcome, ReviewDecision};

/// The case events rules may start from, end at or be recorded by, each
/// with the words used when a rule counts from it.
pub const EVENTS: &[(&str, &str)] = &[
    (
        "lpm_request.panel_recommended",
        "the Service Manager Panel recommending the PLO",
    ),
    (
        "lpm_request.deferred",
        "the head of service deferring the decision on the LPM request",
    ),
    (
        "lpm_request.approved",
        "the head of service approving the LPM request",
    ),
    ("lpm.date", "the LPM"),
    ("lpm.decided_pre_proceedings", "the LPM"),
    ("lpm.decided_to_issue", "the LPM"),
    ("lpm.decided_to_defer", "the LPM"),
    (
        "letter_before_proceedings.date",
        "the date of the letter before proceedings",
    ),
    (
        "letter_before_proceedings.delivered",
        "the letter before proceedings reaching the parents",
    ),
    (
        "pre_proceedings_meeting.date",
        "the first pre-proceedings meeting",
    ),
    ("review_date", "the pre-proceedings review"),
    ("letter_of_issue.date", "the letter of issue"),
    (
        "review_lpms.decided_to_issue",
        "the review LPM that decided to issue",
    ),
    (
        "review_lpms.decided_to_end",
        "the review LPM that ended pre-proceedings",
    ),
    ("proceedings.issued", "the issue of proceedings"),
    ("proceedings.advocates_meeting", "the advocates' meeting"),
    (
        "proceedings.case_management_hearing",
        "the case management hearing",
    ),
    (
        "proceedings.final_evidence",
        "the filing of the local authority's final evidence",
    ),
    (
        "proceedings.issues_resolution_hearing",
        "the issues resolution hearing",
    ),
    ("proceedings.final_hearing", "the final hearing"),
    ("looked_after.placed", "the child being placed"),
];

/// The words for a case event, if it is one.
pub fn event_name(event: &str) -> Option<&'static str> {
    EVENTS.iter().find(|(e, _)| *e == event).map(|(_, n)| *n)
}

/// An event as a letter to a parent says it, where casepack has words for
/// it ("we decided to start pre-proceedings"): for "8 weeks after ..." in
/// what parents read.
pub fn event_for_parents(event: &str) -> Option<&'static str> {
    Some(match event {
        "lpm.decided_pre_proceedings" => "we decided to start pre-proceedings",
        "lpm.decided_to_issue" => "we decided to go to court",
        "letter_before_proceedings.delivered" => "you received our letter",
        "pre_proceedings_meeting.date" => "our first meeting with you",
        "proceedings.issued" => "we sent our application to the court",
        "looked_after.placed" => "the children came into our care",
        _ => return None,
    })
}

/// A name that is none of the case events ([`EVENTS`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a case event")]
pub struct NotAnEvent(pub String);

/// The date of a case event, if the case records it.
pub fn event_date(case: &Case, event: &str) -> Result<Option<Date>, NotAnEvent> {
    let lpm_if = |o: LpmOutcome| (case.lpm.outcome == Some(o)).then_some(case.lpm.date);
    let review_if = |d: ReviewDecision| {
        case.review_lpms
            .iter()
            .find(|r| r.decision == Some(d))
            .map(|r| r.date)
    };
    let proceedings = case.proceedings.as_ref();
    let request = case.lpm_request.as_ref();
    Ok(match event {
        "lpm_request.panel_recommended" => request.and_then(|r| r.panel_recommended),
        "lpm_request.deferred" => request.and_then(|r| r.deferred),
        "lpm_request.approved" => request.and_then(|r| r.approved),
        "lpm.date" => Some(case.lpm.date),
        "lpm.decided_pre_proceedings" => lpm_if(LpmOutcome::InitiatePreProceedings),
        "lpm.decided_to_issue" => lpm_if(LpmOutcome::IssueCareProceedings),
        "lpm.decided_to_defer" => lpm_if(LpmOutcome::Defer),
        "letter_before_proceedings.date" => case.letter_before_proceedings.as_ref().map(|l| l.date),
        "letter_before_proceedings.delivered" => case
            .letter_before_proceedings
            .as_ref()
            .and_then(|l| l.delivered),
        "pre_proceedings_meeting.date" => case.pre_proceedings_meeting.as_ref().map(|m| m.date),
        "review_date" => case.review_date,
        "letter_of_issue.date" => case.letter_of_issue.as_ref().map(|l| l.date),
        "review_lpms.decided_to_issue" => review_if(ReviewDecision::IssueCareProceedings),
        "review_lpms.decided_to_end" => review_if(ReviewDecision::EndPreProceedings),
        "proceedings.issued" => proceedings.and_then(|p| p.issued),
        "proceedings.advocates_meeting" => proceedings.and_then(|p| p.advocates_meeting),
        "proceedings.case_management_hearing" => {
            proceedings.and_then(|p| p.case_management_hearing)
        }
        "proceedings.final_evidence" => proceedings.and_then(|p| p.final_evidence),
        "proceedings.issues_resolution_hearing" => {
            proceedings.and_then(|p| p.issues_resolution_hearing)
        }
        "proceedings.final_hearing" => proceedings.and_then(|p| p.final_hearing),
        "looked_after.placed" => case.looked_after.as_ref().map(|l| l.placed),
        other => return Err(NotAnEvent(other.to_string())),
    })
}

/// The YAML path a case event is written at, for pointing findings there.
pub fn event_path(event: &str) -> &str {
    match event {
        "lpm.decided_pre_proceedings" | "lpm.decided_to_issue" | "lpm.decided_to_defer" => {
            "lpm.date"
        }
        "review_lpms.decided_to_issue" | "review_lpms.decided_to_end" => "review_lpms",
        other => other,
    }
}
