//! The two letters that close a stage, one per parent: the letter of issue
//! (care proceedings are starting, 004 §9c(iii)) and the letter ending
//! pre-proceedings (004 App. 2 weeks 13 and 16). Same plain style as the
//! letter before proceedings, and the same top and close.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, addressee, person, salutation};
use crate::case::Date;
use crate::case::people::Delivery;
use crate::profile::DateSlot;

/// What every letter to a parent carries: who it is to and where it goes
/// (the establishment, for someone in custody), the greeting, their own
/// children, the help they have or may ask for, and who signs it.
pub(super) fn letter_base(ctx: &Ctx, to: usize, date: Date, title: &str) -> Value {
    let family = ctx.family;
    let parent = family.person(to);
    let team = family.team();
    let children = family.connected_children(to);
    let mut offer = Vec::new();
    if parent.interpreter.is_none() {
        offer.push("an interpreter");
    }
    if !parent.advocate {
        offer.push("an advocate");
    }
    // A letter to someone in custody goes to the establishment, with their
    // prisoner number under their name; one handed over has no address
    // (and how they are reached is for the social worker's list only).
    let (name_lines, address, delivery) = match &parent.custody {
        _ if family.by_hand(to) => (vec![addressee(parent)], Vec::new(), Some("By hand")),
        Some(c) => {
            let mut lines = vec![addressee(parent)];
            lines.extend(
                c.prisoner_number
                    .iter()
                    .map(|n| format!("Prisoner number {n}")),
            );
            let mut address = vec![c.establishment.clone()];
            address.extend(c.address.iter().cloned());
            let delivery = match c.letters {
                Delivery::Post => "By post",
                Delivery::ByHand => "By hand",
            };
            (lines, address, Some(delivery))
        }
        None => (vec![addressee(parent)], parent.address.clone(), None),
    };
    json!({
        "meta": ctx.meta(title, date),
        "recipient": { "name": addressee(parent), "lines": name_lines, "address": address },
        "delivery": delivery,
        "salutation": salutation(parent),
        "date": date.long(),
        "children": family.children_names(&children, Some(to)),
        "children_plural": children.len() > 1,
        "custody": parent.custody.as_ref().map(|c| json!({
            "establishment": c.establishment,
            "video_link": c.video_link,
        })),
        "interpreter": parent.interpreter,
        "advocate": parent.advocate,
        "offer_help": (!offer.is_empty()).then(|| offer.join(" or ")),
        "solicitor": parent.solicitor.as_ref().map(|s| json!({ "name": s.name, "firm": s.firm })),
        "social_worker": person(family.person(team.social_worker), "Social Worker"),
        "team_manager": person(family.person(team.team_manager), "Team Manager"),
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
pub(super) fn issue(ctx: &Ctx, to: usize) -> Option<DocumentJob> {
    let case = ctx.case;
    let parent = ctx.family.person(to);
    let letter = case.letter_of_issue.as_ref()?;
    let proceedings = case.proceedings.as_ref();
    // Said as done only if done by the letter's date; otherwise the date
    // it will be done by (the court's record, else the deadline).
    let recorded = proceedings.and_then(|p| p.issued);
    let issued = recorded.filter(|d| *d <= letter.date);
    let issue_by =
        recorded.or_else(|| ctx.step(DateSlot::Issue).map(|s| s.actual.unwrap_or(s.due)));
    let hearing_listed = proceedings.and_then(|p| p.case_management_hearing);
    let hearing_target = ctx.step(DateSlot::Hearing).map(|s| s.due);
    // The court's timescale as the profile gives it (26 weeks, s32(1)(a)).
    let decision_within = ctx
        .rule
        .dates
        .get(&DateSlot::Decision)
        .and_then(|id| ctx.profile.step(id))
        .map(|s| s.due.offset.length_words());
    let title = ctx.name();
    let data = merge(
        letter_base(ctx, to, letter.date, title),
        json!({
            "why": letter.why,
            "worries": case.worries.iter().filter(|w| ctx.about(to, &w.children)).map(|w| w.worry.clone()).collect::<Vec<_>>(),
            "issued": issued.map(|d| d.long()),
            "issue_by": issue_by.map(|d| d.long()),
            "court": proceedings.and_then(|p| p.court.clone()),
            "hearing": hearing_listed.map(|d| d.long()),
            "hearing_by": hearing_target.filter(|_| hearing_listed.is_none()).map(|d| d.long()),
            "decision_within": decision_within,
            "adoption_possible": case.adoption_possible,
        }),
    );
    Some(ctx.job(
        "letter-of-issue.typ",
        format!("letter-of-issue-{}.pdf", parent.id),
        format!("{title} to {}", parent.name),
        Some((parent.id.clone(), parent.name.clone())),
        letter.date,
        data,
    ))
}

/// The letter ending pre-proceedings to one parent.
pub(super) fn ending(ctx: &Ctx, to: usize) -> Option<DocumentJob> {
    let end = ctx.case.pre_proceedings_end.as_ref()?;
    let parent = ctx.family.person(to);
    let title = ctx.name();
    let data = merge(
        letter_base(ctx, to, end.date, title),
        json!({
            "progress": end.progress,
            "continues": end.continues,
            "next_meeting": end.next_meeting.map(|d| d.long()),
        }),
    );
    Some(ctx.job(
        "letter-ending-pre-proceedings.typ",
        format!("letter-ending-pre-proceedings-{}.pdf", parent.id),
        format!("{title} to {}", parent.name),
        Some((parent.id.clone(), parent.name.clone())),
        end.date,
        data,
    ))
}
