//! The two letters that close a stage, one per parent: the letter of issue
//! (care proceedings are starting, 004 §9c(iii)) and the letter ending
//! pre-proceedings (004 App. 2 weeks 13 and 16). Same plain style as the
//! letter before proceedings, and the same top and close.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, addressee, children_names, person, salutation};
use crate::case::{Date, Parent};

/// What every letter to a parent carries: who it is to, the greeting, the
/// children, the help the parent has or may ask for, and who signs it.
pub(super) fn letter_base(ctx: &Ctx, parent: &Parent, date: Date, title: &str) -> Value {
    let case = ctx.case;
    let pros = &case.professionals;
    let mut offer = Vec::new();
    if parent.interpreter.is_none() {
        offer.push("an interpreter");
    }
    if !parent.advocate {
        offer.push("an advocate");
    }
    json!({
        "meta": ctx.meta(title, date),
        "recipient": { "name": addressee(parent), "address": parent.address },
        "salutation": salutation(parent),
        "date": date.long(),
        "children": children_names(case),
        "children_plural": case.children.len() > 1,
        "interpreter": parent.interpreter,
        "advocate": parent.advocate,
        "offer_help": (!offer.is_empty()).then(|| offer.join(" or ")),
        "solicitor": parent.solicitor.as_ref().map(|s| json!({ "name": s.name, "firm": s.firm })),
        "social_worker": person(&pros.social_worker, "Social Worker"),
        "team_manager": person(&pros.team_manager, "Team Manager"),
    })
}

/// `base` with the fields of `extra` added.
pub(super) fn merge(mut base: Value, extra: Value) -> Value {
    if let (Value::Object(b), Value::Object(e)) = (&mut base, extra) {
        b.extend(e);
    }
    base
}

/// The letter of issue to one parent.
pub(super) fn issue(ctx: &Ctx, parent: &Parent, slug: &str) -> Option<DocumentJob> {
    let case = ctx.case;
    let letter = case.letter_of_issue.as_ref()?;
    let proceedings = case.proceedings.as_ref();
    // Said as done only if done by the letter's date; otherwise the date
    // it will be done by (the court's record, else the deadline).
    let recorded = proceedings.and_then(|p| p.issued);
    let issued = recorded.filter(|d| *d <= letter.date);
    let issue_by = recorded.or_else(|| {
        ctx.schedule
            .step("proceedings-issued")
            .map(|s| s.actual.unwrap_or(s.due))
    });
    let hearing_listed = proceedings.and_then(|p| p.case_management_hearing);
    let hearing_target = ctx.schedule.step("case-management-hearing").map(|s| s.due);
    let title = ctx.name();
    let data = merge(
        letter_base(ctx, parent, letter.date, title),
        json!({
            "why": letter.why,
            "worries": case.worries.iter().map(|w| w.worry.clone()).collect::<Vec<_>>(),
            "issued": issued.map(|d| d.long()),
            "issue_by": issue_by.map(|d| d.long()),
            "court": proceedings.and_then(|p| p.court.clone()),
            "hearing": hearing_listed.map(|d| d.long()),
            "hearing_by": hearing_target.filter(|_| hearing_listed.is_none()).map(|d| d.long()),
            "adoption_possible": case.adoption_possible,
        }),
    );
    Some(ctx.job(
        "letter-of-issue.typ",
        format!("letter-of-issue-{slug}.pdf"),
        format!("{title} to {}", parent.name),
        Some(parent.name.clone()),
        letter.date,
        data,
    ))
}

/// The letter ending pre-proceedings to one parent.
pub(super) fn ending(ctx: &Ctx, parent: &Parent, slug: &str) -> Option<DocumentJob> {
    let end = ctx.case.pre_proceedings_end.as_ref()?;
    let title = ctx.name();
    let data = merge(
        letter_base(ctx, parent, end.date, title),
        json!({
            "progress": end.progress,
            "continues": end.continues,
            "next_meeting": end.next_meeting.map(|d| d.long()),
        }),
    );
    Some(ctx.job(
        "letter-ending-pre-proceedings.typ",
        format!("letter-ending-pre-proceedings-{slug}.pdf"),
        format!("{title} to {}", parent.name),
        Some(parent.name.clone()),
        end.date,
        data,
    ))
}
