//! The schedule of kinship carers (004 App. 2 weeks 5 and 8, App. 3 week
//! 2): each person put forward, how they are related, and where each stage
//! of their assessment stands.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob};
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
    let (case, family) = (ctx.case, ctx.family);
    // Ids resolve: the family was resolved from this case.
    let who = |id: &crate::case::PersonId| family.index_of(id.as_str());
    let carers: Vec<Value> = case
        .kinship
        .iter()
        .map(|c| {
            let stage = |n: u8| stage_status(c.assessments.iter().rev().find(|a| a.stage == n));
            let carer = who(&c.person);
            let by = c.put_forward_by.as_ref().and_then(who).map(|i| {
                match family.relationship(i, true) {
                    Some(r) => format!("{} ({r})", family.person(i).name),
                    None => family.person(i).name.clone(),
                }
            });
            json!({
                "name": carer.map(|i| family.person(i).name.clone()),
                "relationship": carer.and_then(|i| family.relationship(i, true)).map(|r| super::cover::capitalised(&r)),
                "put_forward_by": by,
                "put_forward": c.put_forward.map(|d| d.medium()),
                "stages": [stage(1), stage(2), stage(3)],
            })
        })
        .collect();
    let date = ctx.date();
    let data = ctx.headed(
        date,
        json!({
            "as_at": date.long(),
            "carers": carers,
        }),
    );
    ctx.job(
        "kinship-schedule.typ",
        "kinship-schedule.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}
