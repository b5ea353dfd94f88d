//! The Social Worker's PLO Summary (004 §4d(i)): the case for the LPM on a
//! few pages. Basic information about the child and family, the harm, the
//! key evidence (each item pointing to its chronology entry or attached
//! document), interventions and why they have not worked, options, next
//! steps, and the team manager's decision to request the LPM.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, adult_rows, child_rows, chronology, person};
use crate::case::{Case, KeyEvidence};

/// Where the panel finds a piece of evidence: "Chronology 4 (14 Aug 2026)",
/// "Single assessment (3 Sep 2026), attached".
fn where_shown(case: &Case, ev: &KeyEvidence) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(id) = &ev.chronology
        && let Some((n, e)) = chronology::numbered(case)
            .into_iter()
            .find(|(_, e)| e.id.as_ref() == Some(id))
    {
        out.push(format!("Chronology entry {n} ({})", e.date.medium()));
    }
    if let Some(path) = &ev.attachment
        && let Some(a) = case.attachments.iter().find(|a| &a.path == path)
    {
        out.push(format!("{} ({}), attached", a.title, a.date.medium()));
    }
    out
}

/// The summary, once the case has one (a profile may change what the
/// document `needs`, so this does not rely on it).
pub(super) fn job(ctx: &Ctx) -> Option<DocumentJob> {
    let case = ctx.case;
    let s = case.plo_summary.as_ref()?;
    let family = ctx.family;
    let team = family.team();
    let request = case.lpm_request.as_ref();
    let legal_status = case.looked_after.as_ref().map(|l| {
        if l.section_20 {
            format!(
                "Accommodated by agreement under section 20 of the Children Act 1989 since {}",
                l.placed.long()
            )
        } else {
            format!("Looked after since {}", l.placed.long())
        }
    });
    let evidence: Vec<Value> = s
        .evidence
        .iter()
        .map(|e| json!({ "what": e.what, "shown_in": where_shown(case, e) }))
        .collect();
    let date = ctx.date();
    let data = ctx.headed(date, json!({
        "children": child_rows(family),
        "legal_status": legal_status,
        "parents": adult_rows(family),
        "household": family.childrens_households().into_iter().map(|i| family.person(i).name.clone()).collect::<Vec<_>>(),
        "social_worker": person(family.person(team.social_worker), "Social Worker"),
        "team_manager": person(family.person(team.team_manager), "Team Manager"),
        "harm": s.harm,
        "evidence": evidence,
        "interventions": s.interventions.iter().map(|i| json!({
            "what": i.what, "when": i.when, "why_not_enough": i.why_not_enough,
        })).collect::<Vec<_>>(),
        "options": s.options.iter().map(|o| json!({
            "option": o.option, "for": o.for_it, "against": o.against_it, "proposed": o.proposed,
        })).collect::<Vec<_>>(),
        "next_steps": s.next_steps,
        "why_care_order": s.why_care_order,
        "decision": {
            "rationale": request.and_then(|r| r.rationale.clone()),
            "approved": request.and_then(|r| r.approved).map(|d| d.long()),
            "by": family.person(team.team_manager).name,
        },
    }));
    Some(ctx.job(
        "plo-summary.typ",
        "plo-summary.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    ))
}
