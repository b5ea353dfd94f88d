//! Agendas and records: the advocates' meeting agenda (004 App. 3 weeks 3
//! and 19) and the care planning meeting papers (001 One, Two and Three;
//! 003; 002's looked-after record). Their items come from the document's
//! rule, each with its source; what the case already says is printed under
//! its item, and the rest is left to write in.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, child_rows, children_names};
use crate::case::Date;

/// The agenda items, each with its points, its source and any notes the
/// case prepared for it under `meeting.record`.
fn items(ctx: &Ctx) -> Vec<Value> {
    let record = ctx.case.meeting.as_ref().map(|m| &m.record);
    ctx.rule
        .agenda
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "item": a.item,
                "points": a.points,
                "source": a.source,
                "prepared": record.and_then(|r| r.get(&a.id)),
            })
        })
        .collect()
}

/// The meeting's own details: when, where, who chairs, who is invited.
fn meeting(ctx: &Ctx) -> Value {
    let m = ctx.case.meeting.as_ref();
    json!({
        "name": ctx.profile.meeting(&ctx.meeting.id).map(|t| t.name.clone()),
        "date": ctx.meeting.date.map(|d| d.long()),
        "time": m.and_then(|m| m.time).map(|t| t.spoken()),
        "place": m.and_then(|m| m.place.clone()),
        "chair": ctx.meeting.chair,
        "attendees": ctx.meeting.attendees.iter().map(|a| json!({ "name": a.name, "role": a.role })).collect::<Vec<_>>(),
    })
}

/// A care planning meeting's agenda and record.
pub(super) fn care_planning(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let date = ctx.date();
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": children_names(case),
        "children": child_rows(case),
        "meeting": meeting(ctx),
        "placed": case.looked_after.as_ref().map(|l| l.placed.long()),
        "agenda": items(ctx),
    });
    ctx.job(
        "meeting-papers.typ",
        format!("{}.pdf", ctx.rule.id),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}

/// Whether `party` (as the case writes it) is the one described by `words`.
fn is(party: &str, words: &[&str]) -> bool {
    let p = party.to_lowercase();
    words.iter().any(|w| p.contains(w))
}

/// The advocates' meeting agenda: parties and representatives, positions,
/// experts, disclosure, a contested ICO, the draft order, the next hearing.
pub(super) fn advocates(ctx: &Ctx) -> Option<DocumentJob> {
    let case = ctx.case;
    let p = case.proceedings.as_ref()?;
    let position = |f: &dyn Fn(&str) -> bool| {
        p.positions
            .iter()
            .filter(|x| f(&x.party))
            .map(|x| x.position.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut parties = vec![json!({
        "party": format!("The local authority ({})", case.local_authority.name),
        "representative": case.professionals.legal_adviser.name,
        "position": position(&|x| is(x, &["local authority", "council"])),
    })];
    for parent in &case.parents {
        parties.push(json!({
            "party": format!("{} ({})", parent.name, parent.relationship),
            "representative": parent.solicitor.as_ref().map(|s| format!("{}, {}", s.name, s.firm)),
            "position": position(&|x| x.eq_ignore_ascii_case(&parent.name)),
        }));
    }
    parties.push(json!({
        "party": match &p.guardian {
            Some(g) => format!("{} (through the children's guardian, {})", children_names(case), g.name),
            None => format!("{} (through the children's guardian)", children_names(case)),
        },
        "representative": p.childs_solicitor.as_ref().map(|s| format!("{}, {}", s.name, s.firm)),
        "position": position(&|x| is(x, &["guardian", "child"])),
    }));
    let step_due = |id: &str| ctx.schedule.step(id).map(|s| s.due);
    let hearing = |listed: Option<Date>, id: &str| {
        listed
            .map(|d| format!("{} (listed)", d.long()))
            .or_else(|| step_due(id).map(|d| format!("by {} (target)", d.long())))
    };
    let date = p
        .advocates_meeting
        .or(ctx.meeting.date)
        .unwrap_or(case.lpm.date);
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": children_names(case),
        "meeting": meeting(ctx),
        "court": p.court,
        "case_number": p.case_number,
        "issued": p.issued.map(|d| d.long()),
        "parties": parties,
        "experts": p.experts.iter().map(|e| json!({
            "discipline": e.discipline,
            "proposed_by": e.proposed_by,
            "name": e.name,
            "why_necessary": e.why_necessary,
            "letter_of_instruction": e.letter_of_instruction,
        })).collect::<Vec<_>>(),
        "disclosure": p.disclosure,
        "contested_ico": p.contested_ico,
        "draft_order": p.draft_order,
        "cmh": hearing(p.case_management_hearing, "case-management-hearing"),
        "irh": hearing(p.issues_resolution_hearing, "issues-resolution-hearing"),
        "agenda": items(ctx),
    });
    Some(ctx.job(
        "advocates-agenda.typ",
        "advocates-agenda.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    ))
}

#[cfg(test)]
mod tests {
    use super::is;

    #[test]
    fn parties_are_recognised_by_the_words_the_case_uses() {
        assert!(is("Local Authority", &["local authority"]));
        assert!(is("The children's guardian", &["guardian", "child"]));
        assert!(!is("Shannon Brennan", &["guardian", "child"]));
    }
}
