//! A timeline sheet: every step of one timeline (the 16-week pre-proceedings
//! timeline of 004 Appendix 2, the 26-week court timeline of 004 Appendix 3)
//! with its real date, who is responsible and where the rule comes from, as
//! a table a team manager can pin up. A sheet of several timelines gives
//! each its own block, headed by the event it counts from: 004 App. 2
//! numbers its weeks from the first pre-proceedings meeting, while its
//! eight- and sixteen-week limits count from the LPM.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob};
use crate::deadlines::DatedTimeline;

pub(super) fn job(ctx: &Ctx, blocks: &[&DatedTimeline]) -> DocumentJob {
    let first = blocks[0];
    // One timeline keeps its own title; several are the document's.
    let title = if blocks.len() == 1 {
        first.title.clone()
    } else {
        ctx.rule.name.clone()
    };
    let data = json!({
        "meta": ctx.meta(&title, first.start),
        "children_names": ctx.children_names(),
        "blocks": blocks.iter().map(|t| block(t)).collect::<Vec<_>>(),
    });
    ctx.job(
        "timeline-sheet.typ",
        format!("{}-timeline.pdf", first.id),
        title,
        None,
        first.start,
        data,
    )
}

fn block(timeline: &DatedTimeline) -> Value {
    // By date, as it is worked through; steps due the same day keep the
    // procedure's order.
    let mut ordered: Vec<_> = timeline.steps.iter().collect();
    ordered.sort_by_key(|s| s.due);
    let steps: Vec<_> = ordered
        .into_iter()
        .map(|s| {
            json!({
                "when": s.when,
                "action": s.action,
                "responsible": s.responsible,
                "due": s.due.short(),
                "moved_from": s.moved_from.as_ref().map(|(d, why)| format!("{} is {why}", d.short())),
                "rule": s.rule,
                "source": s.source,
                "done": s.actual.map(|d| d.short()),
                "late": s.is_late(),
                "ended": s.ended,
                "key": s.key_date,
            })
        })
        .collect();
    let ended = timeline
        .ended
        .as_ref()
        .map(|(d, why)| format!("This timeline ended on {} with {why}.", d.long()));
    json!({
        "title": timeline.title,
        "start_name": timeline.start_name,
        "start_date": timeline.start.long(),
        "ended": ended,
        "source": timeline.source,
        "steps": steps,
    })
}
