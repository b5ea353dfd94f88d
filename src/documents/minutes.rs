//! The LPM minutes template: basic information pulled from the case, the
//! set agenda, and space to record the meeting (004 §7a, §9; 000 §6).
//! Legally privileged on every page.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob, adult_rows, attendee_rows, child_rows, person};
use crate::case::{LpmOutcome, LpmPurpose};
use crate::deadlines::DatedStep;

/// The set agenda, in order (004 §7a; 000 §2).
const AGENDA: [&str; 9] = [
    "Introductions, apologies and the purpose of the meeting",
    "The social worker's summary: the child's story and the key evidence",
    "Evidence against the threshold criteria (Children Act 1989, s31(2))",
    "Interventions so far and why they have not brought enough change",
    "Legal advice",
    "Options, and the decision of the chair, with reasons",
    "Dates agreed",
    "Actions",
    "Next meeting",
];

fn outcome_label(o: LpmOutcome, short: &str) -> String {
    match o {
        LpmOutcome::InitiatePreProceedings => "Initiate pre-proceedings".into(),
        LpmOutcome::IssueCareProceedings => "Issue care proceedings".into(),
        LpmOutcome::Defer => format!("Defer the decision to a future {short}"),
        LpmOutcome::NoFurtherAction => "No further action".into(),
    }
}

fn outcome_source(o: LpmOutcome) -> &'static str {
    match o {
        LpmOutcome::InitiatePreProceedings => "004 §9b",
        LpmOutcome::IssueCareProceedings => "004 §9c",
        LpmOutcome::Defer => "004 §9d",
        LpmOutcome::NoFurtherAction => "004 §9a(iv)",
    }
}

fn purpose_label(p: LpmPurpose) -> &'static str {
    match p {
        LpmPurpose::ConsiderProceedings => {
            "To consider starting pre-proceedings or issuing care proceedings"
        }
        LpmPurpose::InitiatePreProceedings => "To consider starting pre-proceedings",
        LpmPurpose::IssueCareProceedings => "To consider issuing care proceedings",
        LpmPurpose::RevokeOrder => "To consider revoking a care, supervision or placement order",
        LpmPurpose::ExtendSupervisionOrder => "To consider extending a supervision order",
    }
}

fn dated(step: &DatedStep) -> Value {
    json!({
        "what": step.action,
        "date": step.due.medium(),
        "rule": step.rule,
        "source": step.source,
    })
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let (case, schedule) = (ctx.case, ctx.schedule);
    let title = ctx.name();
    let short = ctx
        .profile
        .meeting_in(crate::profile::CaseRecord::Lpm)
        .map_or("LPM", |m| m.short.as_str());
    let lpm = &case.lpm;
    let family = ctx.family;
    let team = family.team();
    let mut dates: Vec<Value> = lpm
        .dates_agreed
        .iter()
        .map(|d| json!({ "what": d.what, "date": d.date.medium(), "rule": "Agreed at the meeting", "source": "" }))
        .collect();
    // A computed date the meeting has recorded as agreed is shown once, as agreed.
    let agreed = |what: &str| lpm.dates_agreed.iter().any(|d| d.what == what);
    for t in schedule.timelines.iter().filter(|t| t.follows_the_lpm()) {
        dates.extend(
            t.steps
                .iter()
                .filter(|s| s.key_date && !agreed(&s.action))
                .map(dated),
        );
    }
    let data = json!({
        "meta": ctx.meta(title, lpm.date),
        "meeting": {
            "date": lpm.date.long(),
            "time": lpm.time.map(|t| t.spoken()),
            "chair": lpm.chair,
            "purpose": purpose_label(lpm.purpose),
        },
        "children": child_rows(family),
        "parents": adult_rows(family),
        "professionals": [
            person(family.person(team.social_worker), "Social Worker"),
            person(family.person(team.team_manager), "Team Manager"),
            person(family.person(team.head_of_service), "Head of Service"),
            person(family.person(team.legal_adviser), "Legal Adviser"),
        ],
        "attendees": attendee_rows(family, &lpm.attendees),
        "agenda": AGENDA,
        "outcomes": LpmOutcome::ALL.iter().map(|o| json!({
            "label": outcome_label(*o, short),
            "source": outcome_source(*o),
            "chosen": lpm.outcome == Some(*o),
        })).collect::<Vec<_>>(),
        "outcome_known": lpm.outcome.is_some(),
        "dates_agreed": dates,
        "decisions": lpm.decisions,
        "actions": lpm.actions.iter().map(|a| json!({ "what": a.action, "who": a.who, "by": a.by.medium() })).collect::<Vec<_>>(),
        "timeline_title": schedule
            .timelines
            .iter()
            .find(|t| t.follows_the_lpm() && t.started_by != "lpm.date")
            .map(|t| t.title.clone()),
    });
    ctx.job(
        "lpm-minutes.typ",
        "lpm-minutes.pdf".to_string(),
        title.to_string(),
        None,
        lpm.date,
        data,
    )
}
