//! The pre-proceedings agreement: the written plan the parents, their
//! solicitors and the local authority sign at the first pre-proceedings
//! meeting (004 App. 2 weeks 1–2, "section 8" plan). In a parent's own pack
//! it is their own copy: them as the party, their children, and the
//! worries, support and plan rows about those children.

use serde_json::json;

use super::{Ctx, DocumentJob, child_rows, person};
use crate::case::Meeting;
use crate::profile::DateSlot;

pub(super) fn job(ctx: &Ctx, meeting: &Meeting) -> DocumentJob {
    let (case, family) = (ctx.case, ctx.family);
    let title = ctx.name();
    let team = family.team();
    let (sw, tm) = (
        family.person(team.social_worker),
        family.person(team.team_manager),
    );
    let plo_review = ctx.step(DateSlot::Review).map(|s| s.due.long());
    // How the review is counted, from the profile's own step.
    let plo_review_counted = ctx
        .rule
        .dates
        .get(&DateSlot::Review)
        .and_then(|id| ctx.profile.counted_for_parents(id));
    let parties = ctx.recipients();
    let mut signatories = Vec::new();
    for &i in &parties {
        let p = family.person(i);
        let role = family
            .relationship(i, true)
            .unwrap_or_else(|| "Parent".to_string());
        signatories.push(json!({ "name": p.name, "role": capitalise(&role) }));
        let solicitor = p.solicitor.as_ref().map(|s| match &s.name {
            Some(n) => format!("{n} ({})", s.firm),
            None => s.firm.clone(),
        });
        signatories.push(json!({ "name": solicitor, "role": format!("Solicitor for {}", p.name) }));
    }
    signatories.push(json!({ "name": sw.name, "role": "Social Worker" }));
    signatories.push(json!({ "name": tm.name, "role": "Team Manager" }));
    // The rows this copy's parties are concerned with.
    let about =
        |children: &[crate::case::PersonId]| parties.iter().any(|&p| ctx.about(p, children));
    let data = json!({
        "meta": ctx.meta(title, meeting.date),
        "meeting_date": meeting.date.long(),
        "children": child_rows(family),
        "children_names": ctx.children_names(),
        "parents": parties.iter().map(|&i| {
            let p = family.person(i);
            // Someone in custody is reached at the establishment.
            let address = match &p.custody {
                Some(c) => std::iter::once(c.establishment.clone()).chain(c.address.iter().cloned()).collect::<Vec<_>>().join(", "),
                None => p.address.join(", "),
            };
            json!({
                "name": p.name,
                "relationship": family.relationship(i, false),
                "address": (!address.is_empty()).then_some(address),
                "solicitor": p.solicitor.as_ref().map(|s| s.described()),
                "interpreter": p.interpreter,
                "advocate": p.advocate,
            })
        }).collect::<Vec<_>>(),
        "social_worker": person(sw, "Social Worker"),
        "team_manager": person(tm, "Team Manager"),
        "worries": case.worries.iter().filter(|w| about(&w.children)).map(|w| json!({
            "worry": w.worry, "evidence": w.evidence, "must_change": w.must_change,
            "help": w.help, "by": w.by.map(|d| d.medium()),
        })).collect::<Vec<_>>(),
        "support": case.support.iter().filter(|s| about(&s.children)).map(|s| json!({
            "what": s.what, "who": s.who, "starts": s.starts.map(|d| d.medium()),
        })).collect::<Vec<_>>(),
            "assessments": case.assessments.iter().filter(|a| about(&a.children)).map(|a| json!({
                "what": a.what, "why": a.why, "who": a.who, "when": a.when.map(|d| d.medium()),
            })).collect::<Vec<_>>(),
        "plan": case.plan.iter().filter(|p| about(&p.children)).map(|p| json!({
            "action": p.action, "who": p.who, "by": p.by.medium(), "measured_by": p.measured_by,
        })).collect::<Vec<_>>(),
        "contingency_plan": case.contingency_plan,
        "adoption_possible": case.adoption_possible,
        "review_date": case.review_date.map(|d| d.long()),
        "plo_review_by": plo_review,
        "plo_review_counted": plo_review_counted,
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
