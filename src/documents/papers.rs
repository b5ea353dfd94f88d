//! Agendas and records: the advocates' meeting agenda (004 App. 3 weeks 3
//! and 19) and the care planning meeting papers (001 One, Two and Three;
//! 003; 002's looked-after record). Their items come from the document's
//! rule, each with its source; what the case already says is printed under
//! its item, and the rest is left to write in.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, attendee_rows, child_rows, support_rows};
use crate::case::{Date, Party};
use crate::profile::DateSlot;

/// The agenda items, each with its points, its source and any notes the
/// case prepared for it under `meeting.record`.
fn items(ctx: &Ctx) -> Vec<Value> {
    let record = ctx.case.meeting.as_ref().map(|m| &m.record);
    // Parents read what they are given without procedure references.
    let for_parents = ctx
        .rule
        .audiences
        .contains(&crate::profile::PackAudience::Parents);
    ctx.rule
        .agenda
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "item": a.item,
                "points": a.points,
                "source": (!for_parents).then_some(&a.source),
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
        "attendees": attendee_rows(ctx.family, &ctx.meeting.attendees),
        // A parent's own copy lists only their own needs.
        "support": support_rows(ctx.family, &ctx.meeting.attendees)
            .into_iter()
            .zip(ctx.family.recipients())
            .filter(|(_, r)| ctx.reader().is_none_or(|me| me == *r))
            .map(|(row, _)| row)
            .collect::<Vec<_>>(),
    })
}

/// A care planning meeting's agenda and record.
pub(super) fn care_planning(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let date = ctx.date();
    let data = ctx.headed(
        date,
        json!({
            "children": child_rows(ctx.family),
            "meeting": meeting(ctx),
            "placed": case.looked_after.as_ref().map(|l| l.placed.long()),
            "agenda": items(ctx),
        }),
    );
    ctx.job(
        "meeting-papers.typ",
        format!("{}.pdf", ctx.rule.id),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}

/// The advocates' meeting agenda: parties and representatives, positions,
/// experts, disclosure, a contested ICO, the draft order, the next hearing.
pub(super) fn advocates(ctx: &Ctx) -> Option<DocumentJob> {
    let (case, family) = (ctx.case, ctx.family);
    let p = case.proceedings.as_ref()?;
    // Positions name their party by id; `check` refuses one that names no one.
    let position = |party: Party| {
        p.positions
            .iter()
            .filter(|x| family.party(&x.party) == Some(party))
            .map(|x| x.position.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let team = family.team();
    let mut parties = vec![json!({
        "party": format!("The local authority ({})", case.local_authority.name),
        "representative": family.person(team.legal_adviser).name,
        "position": position(Party::LocalAuthority),
    })];
    // The parents and others with parental responsibility, then anyone
    // else the case gives a position for (an intervener).
    let mut people = family.adults();
    for x in &p.positions {
        if let Some(Party::Person(i)) = family.party(&x.party)
            && !people.contains(&i)
        {
            people.push(i);
        }
    }
    for i in people {
        let person = family.person(i);
        let party = match family.relationship(i, false) {
            Some(r) => format!("{} ({r})", person.name),
            None => person.name.clone(),
        };
        parties.push(json!({
            "party": party,
            "representative": person.solicitor.as_ref().map(|s| s.described()),
            "position": position(Party::Person(i)),
        }));
    }
    let children = ctx.children_names();
    parties.push(json!({
        "party": match team.guardian {
            Some(g) => format!("{children} (through the children's guardian, {})", family.person(g).name),
            None => format!("{children} (through the children's guardian)"),
        },
        "representative": p.childs_solicitor.as_ref().map(|s| s.described()),
        "position": position(Party::Children),
    }));
    let hearing = |listed: Option<Date>, slot: DateSlot| {
        listed
            .map(|d| format!("{} (listed)", d.long()))
            .or_else(|| {
                ctx.step(slot)
                    .map(|s| format!("by {} (target)", s.due.long()))
            })
    };
    let date = p
        .advocates_meeting
        .or(ctx.meeting.date)
        .unwrap_or(case.lpm.date);
    let data = ctx.headed(
        date,
        json!({
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
            "cmh": hearing(p.case_management_hearing, DateSlot::Cmh),
            "irh": hearing(p.issues_resolution_hearing, DateSlot::Irh),
            "agenda": items(ctx),
        }),
    );
    Some(ctx.job(
        "advocates-agenda.typ",
        "advocates-agenda.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    ))
}
