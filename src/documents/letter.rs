//! The letter before proceedings, one per parent (004 §9b(ii); 001 "Letter
//! before Proceedings"; DOMAIN "Letters to parents").

use serde_json::json;

use super::notice::{letter_base, merge};
use super::{Ctx, DocumentJob};
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
    let data = merge(
        letter_base(ctx, parent, date, title),
        json!({
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
            "adoption_possible": case.adoption_possible,
            "review_date": case.review_date.map(|d| d.long()),
        }),
    );
    ctx.job(
        "letter-before-proceedings.typ",
        format!("letter-before-proceedings-{slug}.pdf"),
        format!("{title} to {}", parent.name),
        Some(parent.name.clone()),
        date,
        data,
    )
}
