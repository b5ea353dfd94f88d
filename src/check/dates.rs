//! Dates in an impossible order: each rule below says which date of the
//! case comes on or after which, and where to point when it does not. The
//! rules are data; [`order`] holds every case to all of them.

use crate::case::{Case, Date};
use crate::diagnostics::Finding;

/// A date of the case, in words and as found in it.
type Dated = (&'static str, fn(&Case) -> Option<Date>);

/// `later` falls on or after `earlier`; if not, an error at `at`.
struct Rule {
    at: &'static str,
    later: Dated,
    earlier: Dated,
    help: &'static str,
}

/// The same for each item of a list: `at` is `{list}[i].{field}`.
struct EachRule {
    list: &'static str,
    field: &'static str,
    later: (&'static str, fn(&Case) -> Vec<Date>),
    earlier: Dated,
    help: &'static str,
}

const LPM: Dated = ("the LPM", |c| Some(c.lpm.date));
const ISSUE: Dated = ("the issue of proceedings", |c| {
    c.proceedings.as_ref()?.issued
});
const HEARING_HELP: &str =
    "check both dates: the court lists hearings after the application is issued";

const RULES: &[Rule] = &[
    Rule {
        at: "lpm_request.approved",
        later: LPM,
        earlier: ("the approval of the request for it", |c| {
            c.lpm_request.as_ref()?.approved
        }),
        help: "check both dates: the head of service approves the request before the LPM is held",
    },
    Rule {
        at: "lpm_request.approved",
        later: ("the approval", |c| c.lpm_request.as_ref()?.approved),
        earlier: ("the decision to defer it", |c| {
            c.lpm_request.as_ref()?.deferred
        }),
        help: "check both dates: a deferred decision is made after the deferral",
    },
    Rule {
        at: "pre_proceedings_meeting.date",
        later: ("the pre-proceedings meeting", meeting),
        earlier: ("the LPM that decided to hold it", LPM.1),
        help: "check both dates: the pre-proceedings meeting follows the LPM",
    },
    Rule {
        at: "letter_before_proceedings.date",
        later: ("the letter before proceedings", letter),
        earlier: ("the LPM that decided to send it", LPM.1),
        help: "date the letter on or after the LPM",
    },
    Rule {
        at: "letter_before_proceedings.date",
        later: (
            "the pre-proceedings meeting the letter invites the parents to",
            meeting,
        ),
        earlier: ("the date on the letter", letter),
        help: "a letter must be dated before the meeting it tells the parents about",
    },
    Rule {
        at: "letter_before_proceedings.delivered",
        later: ("the date the letter was delivered", delivered),
        earlier: ("the date on the letter", letter),
        help: "check both dates: a letter is delivered on or after its date",
    },
    Rule {
        at: "letter_before_proceedings.delivered",
        later: ("the pre-proceedings meeting", meeting),
        earlier: (
            "the date the parents received the letter inviting them",
            delivered,
        ),
        help: "the parents must receive the letter before the meeting it invites them to",
    },
    Rule {
        at: "review_date",
        later: ("the review date", |c| c.review_date),
        earlier: ("the pre-proceedings meeting that agrees the plan", meeting),
        help: "the plan is reviewed after it is agreed",
    },
    Rule {
        at: "proceedings.advocates_meeting",
        later: ("the advocates' meeting", |c| {
            c.proceedings.as_ref()?.advocates_meeting
        }),
        earlier: ISSUE,
        help: HEARING_HELP,
    },
    Rule {
        at: "proceedings.case_management_hearing",
        later: ("the case management hearing", |c| {
            c.proceedings.as_ref()?.case_management_hearing
        }),
        earlier: ISSUE,
        help: HEARING_HELP,
    },
    Rule {
        at: "proceedings.final_evidence",
        later: ("the final evidence date", |c| {
            c.proceedings.as_ref()?.final_evidence
        }),
        earlier: ISSUE,
        help: HEARING_HELP,
    },
    Rule {
        at: "proceedings.issues_resolution_hearing",
        later: ("the issues resolution hearing", |c| {
            c.proceedings.as_ref()?.issues_resolution_hearing
        }),
        earlier: ISSUE,
        help: HEARING_HELP,
    },
    Rule {
        at: "proceedings.final_hearing",
        later: ("the final hearing", |c| {
            c.proceedings.as_ref()?.final_hearing
        }),
        earlier: ISSUE,
        help: HEARING_HELP,
    },
];

const EACH: &[EachRule] = &[
    EachRule {
        list: "plan",
        field: "by",
        later: ("this action's date", |c| {
            c.plan.iter().map(|p| p.by).collect()
        }),
        earlier: LPM,
        help: "plan actions fall after the LPM that started pre-proceedings",
    },
    EachRule {
        list: "review_lpms",
        field: "date",
        later: ("this review LPM", |c| {
            c.review_lpms.iter().map(|r| r.date).collect()
        }),
        earlier: ("the LPM it reviews", LPM.1),
        help: "a review LPM follows the LPM that started pre-proceedings",
    },
    EachRule {
        list: "lpm.dates_agreed",
        field: "date",
        later: ("this agreed date", |c| {
            c.lpm.dates_agreed.iter().map(|d| d.date).collect()
        }),
        earlier: ("the LPM that agreed it", LPM.1),
        help: "dates agreed at the LPM fall after it",
    },
    EachRule {
        list: "lpm.actions",
        field: "by",
        later: ("this action's date", |c| {
            c.lpm.actions.iter().map(|a| a.by).collect()
        }),
        earlier: ("the LPM that agreed it", LPM.1),
        help: "actions agreed at the LPM are due after it",
    },
];

fn meeting(c: &Case) -> Option<Date> {
    c.pre_proceedings_meeting.as_ref().map(|m| m.date)
}

fn letter(c: &Case) -> Option<Date> {
    c.letter_before_proceedings.as_ref().map(|l| l.date)
}

fn delivered(c: &Case) -> Option<Date> {
    c.letter_before_proceedings.as_ref()?.delivered
}

/// An error for every rule the case's dates break.
pub(super) fn order(case: &Case) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut after =
        |later: Option<Date>, at: String, later_what: &str, earlier: &Dated, help: &str| {
            if let (Some(l), Some(e)) = (later, (earlier.1)(case))
                && l < e
            {
                out.push(
                    Finding::error(
                        "date-order",
                        at,
                        format!(
                            "{later_what} ({}) is before {} ({})",
                            l.medium(),
                            earlier.0,
                            e.medium()
                        ),
                    )
                    .help(help.to_string()),
                );
            }
        };
    for r in RULES {
        after(
            (r.later.1)(case),
            r.at.to_string(),
            r.later.0,
            &r.earlier,
            r.help,
        );
    }
    for r in EACH {
        for (i, date) in (r.later.1)(case).into_iter().enumerate() {
            let at = format!("{}[{i}].{}", r.list, r.field);
            after(Some(date), at, r.later.0, &r.earlier, r.help);
        }
    }
    out
}
