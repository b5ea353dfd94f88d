//! A timeline sheet: every step of one timeline (the 16-week pre-proceedings
//! timeline of 004 Appendix 2, the 26-week court timeline of 004 Appendix 3)
//! with its real date, who is responsible and where the rule comes from, as
//! a table a team manager can pin up.

use serde_json::json;

use super::{Ctx, DocumentJob};
use crate::deadlines::DatedTimeline;

pub(super) fn job(ctx: &Ctx, timeline: &DatedTimeline) -> DocumentJob {
    let title = timeline.title.clone();
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
    let data = json!({
        "meta": ctx.meta(&title, timeline.start),
        "start_name": timeline.start_name,
        "start_date": timeline.start.long(),
        "ended": ended,
        "children_names": ctx.children_names(),
        "source": timeline.source,
        "steps": steps,
    });
    ctx.job(
        "timeline-sheet.typ",
        format!("{}-timeline.pdf", timeline.id),
        title,
        None,
        timeline.start,
        data,
    )
}
