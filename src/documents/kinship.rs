//! The schedule of kinship carers (004 App. 2 weeks 5 and 8, App. 3 week
//! 2): each person put forward, how they are related, and where each stage
//! of their assessment stands.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, children_names};
use crate::case::KinshipAssessment;

/// Where one stage stands, in words: "Completed 19 Oct 2026: positive",
/// "Started 5 Oct 2026 (Tessa Lyle)", "Not started".
fn stage_status(stage: Option<&KinshipAssessment>) -> Value {
    let Some(a) = stage else {
        return json!({ "state": "not-started", "text": "Not started" });
    };
    let by = a
        .assessor
        .as_ref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    match (a.started, a.completed) {
        (_, Some(done)) => json!({
            "state": "complete",
            "text": format!("Completed {}{by}", done.medium()),
            "outcome": a.outcome,
        }),
        (Some(start), None) => json!({
            "state": "in-progress",
            "text": format!("Started {}{by}", start.medium()),
            "outcome": a.outcome,
        }),
        (None, None) => json!({
            "state": "planned",
            "text": format!("Planned{by}"),
            "outcome": a.outcome,
        }),
    }
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let carers: Vec<Value> = case
        .kinship
        .iter()
        .map(|c| {
            let stage = |n: u8| stage_status(c.assessments.iter().rev().find(|a| a.stage == n));
            json!({
                "name": c.name,
                "relationship": c.relationship,
                "put_forward_by": c.put_forward_by,
                "put_forward": c.put_forward.map(|d| d.medium()),
                "stages": [stage(1), stage(2), stage(3)],
            })
        })
        .collect();
    let date = ctx.date();
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": children_names(case),
        "as_at": date.long(),
        "carers": carers,
    });
    ctx.job(
        "kinship-schedule.typ",
        "kinship-schedule.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}
