//! The letter before proceedings, one per person the case writes to, about
//! their own children only (004 §9b(ii); 001 "Letter before Proceedings";
//! DOMAIN "Letters to parents").

use serde_json::json;

use super::notice::{letter_base, merge};
use super::{Ctx, DocumentJob};
use crate::case::{Date, Meeting};

pub(super) fn job(ctx: &Ctx, to: usize, date: Date, meeting: &Meeting) -> DocumentJob {
    let case = ctx.case;
    let title = ctx.name();
    let person = ctx.family.person(to);
    let about = |children: &[crate::case::PersonId]| ctx.about(to, children);
    let data = merge(
        letter_base(ctx, to, date, title),
        json!({
            "worries": case.worries.iter().filter(|w| about(&w.children)).map(|w| json!({
                "worry": w.worry,
                "evidence": w.evidence,
                "must_change": w.must_change,
                "help": w.help,
                "by": w.by.map(|d| d.long()),
            })).collect::<Vec<_>>(),
            "support": case.support.iter().filter(|s| about(&s.children)).map(|s| json!({
                "what": s.what,
                "who": s.who,
                "starts": s.starts.map(|d| d.long()),
            })).collect::<Vec<_>>(),
            "assessments": case.assessments.iter().filter(|a| about(&a.children)).map(|a| json!({
                "what": a.what, "why": a.why, "who": a.who, "when": a.when.map(|d| d.long()),
            })).collect::<Vec<_>>(),
            "meeting": {
                "date": meeting.date.long(),
                "time": meeting.time.spoken(),
                "place": meeting.place,
                "video_link": meeting.video_link,
            },
            "adoption_possible": case.adoption_possible,
            "review_date": case.review_date.map(|d| d.long()),
        }),
    );
    ctx.job(
        "letter-before-proceedings.typ",
        format!("letter-before-proceedings-{}.pdf", person.id),
        format!("{title} to {}", person.name),
        Some((person.id.clone(), person.name.clone())),
        date,
        data,
    )
}
