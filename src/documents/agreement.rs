//! The pre-proceedings agreement: the written plan the parents, their
//! solicitors and the local authority sign at the first pre-proceedings
//! meeting (004 App. 2 weeks 1–2, "section 8" plan).

use serde_json::json;

use super::{Ctx, DocumentJob, child_rows, children_names, person};
use crate::case::Meeting;

pub(super) fn job(ctx: &Ctx, meeting: &Meeting) -> DocumentJob {
    let (case, schedule) = (ctx.case, ctx.schedule);
    let title = ctx.name();
    let pros = &case.professionals;
    let plo_review = schedule.step("plo-review").map(|s| s.due.long());
    let mut signatories = Vec::new();
    for p in &case.parents {
        signatories.push(json!({ "name": p.name, "role": capitalise(&p.relationship) }));
        let solicitor = p
            .solicitor
            .as_ref()
            .map(|s| format!("{} ({})", s.name, s.firm));
        signatories.push(json!({ "name": solicitor, "role": format!("Solicitor for {}", p.name) }));
    }
    signatories.push(json!({ "name": pros.social_worker.name, "role": "Social Worker" }));
    signatories.push(json!({ "name": pros.team_manager.name, "role": "Team Manager" }));
    let data = json!({
        "meta": ctx.meta(title, meeting.date),
        "meeting_date": meeting.date.long(),
        "children": child_rows(case),
        "children_names": children_names(case),
        "parents": case.parents.iter().map(|p| json!({
            "name": p.name,
            "relationship": p.relationship,
            "address": p.address.join(", "),
            "solicitor": p.solicitor.as_ref().map(|s| format!("{}, {}", s.name, s.firm)),
            "interpreter": p.interpreter,
            "advocate": p.advocate,
        })).collect::<Vec<_>>(),
        "social_worker": person(&pros.social_worker, "Social Worker"),
        "team_manager": person(&pros.team_manager, "Team Manager"),
        "worries": case.worries.iter().map(|w| json!({
            "worry": w.worry, "evidence": w.evidence, "must_change": w.must_change,
        })).collect::<Vec<_>>(),
        "support": case.support.iter().map(|s| json!({
            "what": s.what, "who": s.who, "starts": s.starts.map(|d| d.medium()),
        })).collect::<Vec<_>>(),
        "plan": case.plan.iter().map(|p| json!({
            "action": p.action, "who": p.who, "by": p.by.medium(), "measured_by": p.measured_by,
        })).collect::<Vec<_>>(),
        "contingency_plan": case.contingency_plan,
        "adoption_possible": case.adoption_possible,
        "review_date": case.review_date.map(|d| d.long()),
        "plo_review_by": plo_review,
        "signatories": signatories,
    });
    ctx.job(
        "pre-proceedings-agreement.typ",
        "pre-proceedings-agreement.pdf".to_string(),
        title.to_string(),
        None,
        meeting.date,
        data,
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
