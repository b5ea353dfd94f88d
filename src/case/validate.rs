//! Checks that need the whole case rather than one field: things that must
//! be present for the documents the outcome calls for, blank text, and
//! dates in an impossible order. Deadlines (what is late) are the calendar
//! stage's business, not this one's.

use super::FORMAT_VERSION;
use super::family::{self, Family};
use super::lpm::LpmOutcome;
use super::model::Case;
use super::path::walk_strings;
use super::types::Date;
use crate::diagnostics::Finding;

/// Every finding that can be made from the case alone, as at `today`.
pub fn validate(case: &Case, today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    if case.casepack != FORMAT_VERSION {
        out.push(
            Finding::error(
                "format-version",
                "casepack",
                format!(
                    "this file says it is case format {}, but this casepack reads format {FORMAT_VERSION}",
                    case.casepack
                ),
            )
            .help(format!("set `casepack: {FORMAT_VERSION}` and check the fields against docs/case-format.md")),
        );
    }
    blank_text(case, &mut out);
    lists(case, &mut out);
    outcome_needs(case, &mut out);
    date_order(case, &mut out);
    match Family::resolve(case) {
        Ok(f) => out.extend(family::checks(&f, today)),
        Err(findings) => out.extend(findings),
    }
    out.extend(super::links::links(case));
    out
}

fn blank_text(case: &Case, out: &mut Vec<Finding>) {
    let Ok(mut value) = serde_json::to_value(case) else {
        out.push(Finding::error(
            "internal",
            "",
            "casepack could not read the case back to check its text",
        ));
        return;
    };
    walk_strings(&mut value, &mut |path, s| {
        if s.trim().is_empty() {
            out.push(
                Finding::error("empty-text", path.to_string(), "this field is empty")
                    .help("write the text, or remove the field if it is optional"),
            );
        }
    });
}

fn lists(case: &Case, out: &mut Vec<Finding>) {
    let mut need = |empty: bool, path: &str, what: &str, help: &str| {
        if empty {
            out.push(
                Finding::error("empty-list", path, format!("{what} is empty"))
                    .help(help.to_string()),
            );
        }
    };
    need(
        case.children.is_empty(),
        "children",
        "the list of children",
        "name at least one child the case is about",
    );
    need(
        case.people.is_empty(),
        "people",
        "the list of people",
        "write each person once, with an id: the children, their parents, relatives and the professionals",
    );
    need(
        case.worries.is_empty(),
        "worries",
        "the list of worries",
        "say what you are worried about, in plain words, with the evidence and what must change",
    );
    need(
        case.local_authority.address.is_empty(),
        "local_authority.address",
        "the council's address",
        "give the address letters come from, one line per item",
    );
    for (i, w) in case.worries.iter().enumerate() {
        need(
            w.evidence.is_empty(),
            &format!("worries[{i}].evidence"),
            "the evidence for this worry",
            "say what shows this worry is real: what was seen, by whom, when",
        );
    }
}

/// What the chosen outcome's documents cannot be written without.
fn outcome_needs(case: &Case, out: &mut Vec<Finding>) {
    if case.lpm.outcome != Some(LpmOutcome::InitiatePreProceedings) {
        return;
    }
    let why = "the LPM decided to start pre-proceedings";
    let mut missing = |absent: bool, path: &str, what: &str, help: &str, source: &str| {
        if absent {
            out.push(
                Finding::error(
                    "missing-for-outcome",
                    path,
                    format!("{what} is missing, and {why}"),
                )
                .help(help.to_string())
                .source(source.to_string()),
            );
        }
    };
    missing(
        case.letter_before_proceedings.is_none(),
        "letter_before_proceedings",
        "the letter before proceedings (its date)",
        "add `letter_before_proceedings:` with `date:` (the date printed on the letter)",
        "004 §9b(ii)",
    );
    missing(
        case.pre_proceedings_meeting.is_none(),
        "pre_proceedings_meeting",
        "the pre-proceedings meeting (date, time and place)",
        "add `pre_proceedings_meeting:` with `date:`, `time:` and `place:` or `video_link:`; the letter must tell parents when and where it is",
        "004 §9b(iii); 001 \"Letter before Proceedings\"",
    );
    missing(
        case.support.is_empty(),
        "support",
        "the support offered",
        "the letter must say what help is offered: add `support:` with what, who and when it starts",
        "001 \"Letter before Proceedings\"",
    );
    missing(
        case.plan.is_empty(),
        "plan",
        "the plan",
        "the pre-proceedings agreement needs the plan: action, who, by when, how progress is measured",
        "004 App. 2 (section 8 plan)",
    );
    missing(
        case.contingency_plan.is_none(),
        "contingency_plan",
        "the contingency plan",
        "say in plain words what will happen if things do not change",
        "004 App. 4",
    );
    missing(
        case.review_date.is_none(),
        "review_date",
        "the review date",
        "add `review_date:`: when the plan will be reviewed",
        "004 §9b(iv)",
    );
    if let Some(m) = &case.pre_proceedings_meeting
        && m.place.is_none()
        && m.video_link.is_none()
    {
        out.push(
            Finding::error(
                "meeting-place",
                "pre_proceedings_meeting",
                "the pre-proceedings meeting has no place or video link",
            )
            .help("add `place:` (address lines) or `video_link:` so the parents know where to go"),
        );
    }
}

fn date_order(case: &Case, out: &mut Vec<Finding>) {
    let lpm = case.lpm.date;
    let mut after = |later: Option<Date>,
                     later_path: &str,
                     later_what: &str,
                     earlier: Option<Date>,
                     earlier_what: &str,
                     help: &str| {
        if let (Some(l), Some(e)) = (later, earlier)
            && l < e
        {
            out.push(
                Finding::error(
                    "date-order",
                    later_path,
                    format!(
                        "{later_what} ({}) is before {earlier_what} ({})",
                        l.medium(),
                        e.medium()
                    ),
                )
                .help(help.to_string()),
            );
        }
    };
    if let Some(r) = &case.lpm_request {
        after(
            Some(lpm),
            "lpm_request.approved",
            "the LPM",
            r.approved,
            "the approval of the request for it",
            "check both dates: the head of service approves the request before the LPM is held",
        );
        after(
            r.approved,
            "lpm_request.approved",
            "the approval",
            r.deferred,
            "the decision to defer it",
            "check both dates: a deferred decision is made after the deferral",
        );
    }
    let letter = case.letter_before_proceedings.as_ref();
    let meeting = case.pre_proceedings_meeting.as_ref();
    after(
        meeting.map(|m| m.date),
        "pre_proceedings_meeting.date",
        "the pre-proceedings meeting",
        Some(lpm),
        "the LPM that decided to hold it",
        "check both dates: the pre-proceedings meeting follows the LPM",
    );
    after(
        letter.map(|l| l.date),
        "letter_before_proceedings.date",
        "the letter before proceedings",
        Some(lpm),
        "the LPM that decided to send it",
        "date the letter on or after the LPM",
    );
    after(
        meeting.map(|m| m.date),
        "letter_before_proceedings.date",
        "the pre-proceedings meeting the letter invites the parents to",
        letter.map(|l| l.date),
        "the date on the letter",
        "a letter must be dated before the meeting it tells the parents about",
    );
    after(
        letter.and_then(|l| l.delivered),
        "letter_before_proceedings.delivered",
        "the date the letter was delivered",
        letter.map(|l| l.date),
        "the date on the letter",
        "check both dates: a letter is delivered on or after its date",
    );
    after(
        meeting.map(|m| m.date),
        "letter_before_proceedings.delivered",
        "the pre-proceedings meeting",
        letter.and_then(|l| l.delivered),
        "the date the parents received the letter inviting them",
        "the parents must receive the letter before the meeting it invites them to",
    );
    after(
        case.review_date,
        "review_date",
        "the review date",
        meeting.map(|m| m.date),
        "the pre-proceedings meeting that agrees the plan",
        "the plan is reviewed after it is agreed",
    );
    for (i, item) in case.plan.iter().enumerate() {
        after(
            Some(item.by),
            &format!("plan[{i}].by"),
            "this action's date",
            Some(lpm),
            "the LPM",
            "plan actions fall after the LPM that started pre-proceedings",
        );
    }
    for (i, r) in case.review_lpms.iter().enumerate() {
        after(
            Some(r.date),
            &format!("review_lpms[{i}].date"),
            "this review LPM",
            Some(lpm),
            "the LPM it reviews",
            "a review LPM follows the LPM that started pre-proceedings",
        );
    }
    if let Some(p) = &case.proceedings {
        let hearings = [
            (
                p.advocates_meeting,
                "advocates_meeting",
                "the advocates' meeting",
            ),
            (
                p.case_management_hearing,
                "case_management_hearing",
                "the case management hearing",
            ),
            (
                p.final_evidence,
                "final_evidence",
                "the final evidence date",
            ),
            (
                p.issues_resolution_hearing,
                "issues_resolution_hearing",
                "the issues resolution hearing",
            ),
            (p.final_hearing, "final_hearing", "the final hearing"),
        ];
        for (date, field, what) in hearings {
            after(
                date,
                &format!("proceedings.{field}"),
                what,
                p.issued,
                "the issue of proceedings",
                "check both dates: the court lists hearings after the application is issued",
            );
        }
    }
    for (i, d) in case.lpm.dates_agreed.iter().enumerate() {
        after(
            Some(d.date),
            &format!("lpm.dates_agreed[{i}].date"),
            "this agreed date",
            Some(lpm),
            "the LPM that agreed it",
            "dates agreed at the LPM fall after it",
        );
    }
    for (i, a) in case.lpm.actions.iter().enumerate() {
        after(
            Some(a.by),
            &format!("lpm.actions[{i}].by"),
            "this action's date",
            Some(lpm),
            "the LPM that agreed it",
            "actions agreed at the LPM are due after it",
        );
    }
}
