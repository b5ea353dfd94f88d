//! Checks that need the whole case rather than one field: the format
//! version, blank text, empty lists, what the documents the outcome calls
//! for cannot be written without, dates in an impossible order, the people
//! and the references between parts. Deadlines (what is late) are judged in
//! [`super::deadlines`].

use super::{dates, family, links};
use crate::case::path::walk_strings;
use crate::case::{Case, Date, FORMAT_VERSION, Family, LpmOutcome};
use crate::diagnostics::Finding;

/// Every finding that can be made from the case alone, as at `today`.
pub fn case_alone(case: &Case, today: Date) -> Vec<Finding> {
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
    worries_whole(case, &mut out);
    assessments_whole(case, &mut out);
    outcome_needs(case, &mut out);
    out.extend(dates::order(case));
    match Family::resolve(case) {
        Ok(f) => out.extend(family::people(&f, today)),
        Err(findings) => out.extend(findings),
    }
    out.extend(links::links(case));
    out
}

/// The parts that are missing, in words, from (missing?, what) pairs.
fn unsaid<const N: usize>(parts: [(bool, &'static str); N]) -> Vec<&'static str> {
    parts
        .into_iter()
        .filter_map(|(gone, what)| gone.then_some(what))
        .collect()
}

/// Each worry a letter before proceedings puts to parents says, beside what
/// must change, the help offered for it and by when: a parent can only
/// make a change they know the shape and date of.
fn worries_whole(case: &Case, out: &mut Vec<Finding>) {
    if case.letter_before_proceedings.is_none() {
        return;
    }
    for (i, w) in case.worries.iter().enumerate() {
        let missing = unsaid([
            (w.help.is_none(), "the help offered for it (`help`)"),
            (w.by.is_none(), "by when it must change (`by`)"),
        ]);
        if missing.is_empty() {
            continue;
        }
        out.push(
            Finding::warning(
                "worry-incomplete",
                format!("worries[{i}]"),
                format!(
                    "the worry \"{}\" does not say {}",
                    w.worry,
                    missing.join(" or ")
                ),
            )
            .help("add `help:` (the help we offer for this worry) and `by:` (the date it must change by); the letter and the agreement print them under the worry")
            .source("Family Rights Group and PLO guidance on pre-proceedings letters: each concern with what must change, the help offered and by when"),
        );
    }
}

/// Each assessment offered says why, what, who and when: a parent asked to
/// take part in one is owed all four.
fn assessments_whole(case: &Case, out: &mut Vec<Finding>) {
    for (i, a) in case.assessments.iter().enumerate() {
        let missing = unsaid([
            (a.why.is_none(), "why (`why`)"),
            (a.who.is_none(), "who does it (`who`)"),
            (a.when.is_none(), "when (`when`)"),
        ]);
        if missing.is_empty() {
            continue;
        }
        out.push(
            Finding::warning(
                "assessment-incomplete",
                format!("assessments[{i}]"),
                format!("the assessment \"{}\" does not say {}", a.what, missing.join(", ")),
            )
            .help("say why we ask for it, who does it and when it starts; the letter and the agreement print them")
            .source("Family Rights Group and PLO guidance on pre-proceedings: each assessment with why, what, who and when"),
        );
    }
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
