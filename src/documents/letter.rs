//! The letter before proceedings, one per parent (004 §9b(ii); 001 "Letter
//! before Proceedings"; DOMAIN "Letters to parents").

use serde_json::json;

use super::{Ctx, DocumentJob, addressee, children_names, person, salutation};
use crate::case::{Date, Meeting, Parent};

pub(super) fn job(
    ctx: &Ctx,
    parent: &Parent,
    date: Date,
    meeting: &Meeting,
    slug: &str,
) -> DocumentJob {
    let case = ctx.case;
    let title = ctx.name();
    let pros = &case.professionals;
    let children = children_names(case);
    // Offer whichever of an interpreter and an advocate is not already arranged.
    let mut offer = Vec::new();
    if parent.interpreter.is_none() {
        offer.push("an interpreter");
    }
    if !parent.advocate {
        offer.push("an advocate");
    }
    let offer_help = (!offer.is_empty()).then(|| offer.join(" or "));
    let data = json!({
        "meta": ctx.meta(title, date),
        "recipient": {
            "name": addressee(parent),
            "address": parent.address,
        },
        "salutation": salutation(parent),
        "date": date.long(),
        "children": children,
        "children_plural": case.children.len() > 1,
        "worries": case.worries.iter().map(|w| json!({
            "worry": w.worry,
            "evidence": w.evidence,
            "must_change": w.must_change,
        })).collect::<Vec<_>>(),
        "support": case.support.iter().map(|s| json!({
            "what": s.what,
            "who": s.who,
            "starts": s.starts.map(|d| d.long()),
        })).collect::<Vec<_>>(),
        "meeting": {
            "date": meeting.date.long(),
            "time": meeting.time.spoken(),
            "place": meeting.place,
            "video_link": meeting.video_link,
        },
        "interpreter": parent.interpreter,
        "advocate": parent.advocate,
        "offer_help": offer_help,
        "solicitor": parent.solicitor.as_ref().map(|s| json!({ "name": s.name, "firm": s.firm })),
        "adoption_possible": case.adoption_possible,
        "review_date": case.review_date.map(|d| d.long()),
        "social_worker": person(&pros.social_worker, "Social Worker"),
        "team_manager": person(&pros.team_manager, "Team Manager"),
    });
    ctx.job(
        "letter-before-proceedings.typ",
        format!("letter-before-proceedings-{slug}.pdf"),
        format!("{title} to {}", parent.name),
        Some(parent.name.clone()),
        date,
        data,
    )
}
