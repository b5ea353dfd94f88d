//! A meeting's requirements checked against a case: which meeting the pack
//! is for, and what its pack is missing, what is stale, who is not there.
//! Every finding carries the severity and source the rule data gives it.

use super::evidence::{attachment, chronology, document, genogram};
use super::{CaseRecord, Check, MeetingType, Profile, Requirement, Role};
use crate::case::Filled;
use crate::case::{Attendee, Case, Date, Family};
use crate::diagnostics::{Finding, Severity, nearest};

/// The meeting a pack is for, resolved from the case and the command line:
/// the hand-off to the documents stage.
#[derive(Debug, Clone)]
pub struct SelectedMeeting {
    /// The meeting type's id.
    pub id: String,
    /// Why it is held: one of the type's purposes.
    pub purpose: String,
    /// When it is held, if the case says.
    pub date: Option<Date>,
    /// Who is invited or attends.
    pub attendees: Vec<Attendee>,
    /// Who chairs it, if the case says.
    pub chair: Option<String>,
}

/// `started` names the timelines the case has started (whose sheets can be
/// written). Resolves the meeting (`--meeting` wins over the case's `meeting.type`,
/// which wins over the LPM) and checks every requirement of its type.
pub fn check_meeting(
    case: &Case,
    profile: &Profile,
    started: &[&str],
    requested: Option<&str>,
    today: Date,
) -> (Option<SelectedMeeting>, Vec<Finding>) {
    let mut findings = Vec::new();
    let declared = case.meeting.as_ref();
    let id = requested
        .or(declared.map(|m| m.kind.as_str()))
        .unwrap_or(&profile.default_meeting);
    let Some(meeting) = profile.meeting(id) else {
        let ids: Vec<&str> = profile.meetings.iter().map(|m| m.id.as_str()).collect();
        let mut f = Finding::error(
            "unknown-meeting",
            if requested.is_some() {
                ""
            } else {
                "meeting.type"
            },
            format!("`{id}` is not a meeting type"),
        );
        f = match nearest(id, &ids) {
            Some(near) => f.help(format!("did you mean `{near}`?")),
            None => f.help(format!("the meeting types are: {}", ids.join(", "))),
        };
        return (None, vec![f]);
    };
    // The case's meeting details apply when the case is about this meeting.
    let own = declared.filter(|m| m.kind == meeting.id);
    let selected = resolve(case, meeting, own);
    if !meeting.purposes.contains(&selected.purpose) {
        if let Some(why) = meeting.forbidden_purposes.get(&selected.purpose) {
            findings.push(
                Finding::error("forbidden-purpose", purpose_path(meeting, own), why.clone()).help(
                    format!(
                        "hold a full {} to decide this",
                        profile
                            .meeting(&profile.default_meeting)
                            .map_or("LPM", |m| m.short.as_str())
                    ),
                ),
            );
        } else {
            findings.push(
                Finding::error(
                    "unknown-purpose",
                    purpose_path(meeting, own),
                    format!("a {} is not held for `{}`", meeting.short, selected.purpose),
                )
                .help(format!("its purposes are: {}", meeting.purposes.join(", "))),
            );
        }
        return (None, findings);
    }
    let on = selected.date.unwrap_or(today);
    // Ids that name no one are `validate`'s findings; attendees are then
    // recognised by the words of their role alone.
    let family = Family::resolve(case).ok();
    let family = family.as_ref();
    let filled = Filled::new(case);
    let mut attendees_noted = false;
    for req in meeting
        .requires
        .iter()
        .filter(|r| r.applies_to(&selected.purpose))
    {
        let found = match req.check() {
            Check::Document(d) => document(&filled, profile, started, d),
            Check::Attachment(kinds) => attachment(case, profile, kinds, on),
            Check::Genogram(n) => family.and_then(|f| genogram(f, n)),
            Check::Chronology(rule) => chronology(case, rule.within_months, on),
            Check::Field(path) => {
                (!filled.at(path)).then(|| (path.to_string(), format!("`{path}` is not filled in")))
            }
            Check::Attendee(role) => {
                if selected.attendees.is_empty() {
                    if !attendees_noted {
                        attendees_noted = true;
                        findings.push(no_attendees(profile, meeting, own));
                    }
                    None
                } else {
                    let role = profile.role(role).expect("roles are checked at load");
                    (!selected.attendees.iter().any(|a| fills(family, role, a))).then(|| {
                        (
                            attendees_path(meeting, own),
                            format!("no one at the meeting is {}", lower_first(&role.name)),
                        )
                    })
                }
            }
        };
        if let Some((path, why)) = found {
            findings.push(requirement_finding(meeting, req, path, why));
        }
    }
    if let Some(chair) = &selected.chair {
        let role = profile
            .role(&meeting.chair.role)
            .expect("roles are checked at load");
        let as_attendee = Attendee {
            name: chair.clone(),
            role: String::new(),
        };
        let listed = selected
            .attendees
            .iter()
            .find(|a| same_name(&a.name, chair));
        if !fills(family, role, listed.unwrap_or(&as_attendee)) {
            findings.push(
                Finding::warning(
                    "chair",
                    chair_path(meeting, own),
                    format!(
                        "the {} is chaired by {}; {chair} is not recorded as that",
                        meeting.short,
                        lower_first(&role.name)
                    ),
                )
                .help("check who chairs, or list the chair among the attendees with their role")
                .source(meeting.chair.source.clone()),
            );
        }
    }
    findings.extend(record_notes(profile, meeting, own));
    (Some(selected), findings)
}

/// Notes prepared under `meeting.record` must name an item of an agenda in
/// this meeting's pack, or they would be left out of the record unseen.
fn record_notes(
    profile: &Profile,
    meeting: &MeetingType,
    own: Option<&crate::case::PackMeeting>,
) -> Vec<Finding> {
    let Some(own) = own else { return Vec::new() };
    let items: Vec<&str> = meeting
        .pack
        .iter()
        .filter_map(|d| profile.document(d))
        .flat_map(|d| d.agenda.iter().map(|a| a.id.as_str()))
        .collect();
    own.record
        .keys()
        .filter(|k| !items.contains(&k.as_str()))
        .map(|k| {
            let f = Finding::error(
                "unknown-agenda-item",
                format!("meeting.record.{k}"),
                format!(
                    "`{k}` is not an item of the {}'s agenda, so this note would not be printed",
                    meeting.short
                ),
            );
            match nearest(k, &items) {
                Some(near) => f.help(format!("did you mean `{near}`?")),
                None if items.is_empty() => f.help(format!(
                    "the {} has no agenda to record against",
                    meeting.short
                )),
                None => f.help(format!("its items are: {}", items.join(", "))),
            }
        })
        .collect()
}

fn resolve(
    case: &Case,
    meeting: &MeetingType,
    own: Option<&crate::case::PackMeeting>,
) -> SelectedMeeting {
    let record = meeting.recorded_in;
    let is_lpm = record == Some(CaseRecord::Lpm);
    let purpose = own
        .and_then(|m| m.purpose.clone())
        .or_else(|| is_lpm.then(|| case.lpm.purpose.id().to_string()))
        .unwrap_or_else(|| meeting.purposes[0].clone());
    let date = own.and_then(|m| m.date).or_else(|| match record? {
        CaseRecord::Lpm => Some(case.lpm.date),
        CaseRecord::ReviewLpm => case.review_lpms.last().map(|r| r.date),
        CaseRecord::PreProceedingsMeeting => case.pre_proceedings_meeting.as_ref().map(|m| m.date),
        CaseRecord::AdvocatesMeeting => case.proceedings.as_ref().and_then(|p| p.advocates_meeting),
    });
    let attendees = match own {
        Some(m) if !m.attendees.is_empty() => m.attendees.clone(),
        _ if is_lpm => case.lpm.attendees.clone(),
        _ => Vec::new(),
    };
    let chair = own
        .and_then(|m| m.chair.clone())
        .or_else(|| is_lpm.then(|| case.lpm.chair.clone()));
    SelectedMeeting {
        id: meeting.id.clone(),
        purpose,
        date,
        attendees,
        chair,
    }
}

fn purpose_path(meeting: &MeetingType, own: Option<&crate::case::PackMeeting>) -> String {
    match own {
        Some(m) if m.purpose.is_some() => "meeting.purpose".into(),
        _ if meeting.recorded_in == Some(CaseRecord::Lpm) => "lpm.purpose".into(),
        _ => "meeting".into(),
    }
}

fn attendees_path(meeting: &MeetingType, own: Option<&crate::case::PackMeeting>) -> String {
    match own {
        Some(m) if !m.attendees.is_empty() => "meeting.attendees".into(),
        _ if meeting.recorded_in == Some(CaseRecord::Lpm) => "lpm.attendees".into(),
        _ => "meeting".into(),
    }
}

fn chair_path(meeting: &MeetingType, own: Option<&crate::case::PackMeeting>) -> String {
    match own {
        Some(m) if m.chair.is_some() => "meeting.chair".into(),
        _ if meeting.recorded_in == Some(CaseRecord::Lpm) => "lpm.chair".into(),
        _ => "meeting".into(),
    }
}

fn requirement_finding(
    meeting: &MeetingType,
    req: &Requirement,
    path: String,
    why: String,
) -> Finding {
    let code = match req.check() {
        Check::Document(_) => "missing-document",
        Check::Attachment(_) => "missing-attachment",
        Check::Genogram(_) => "genogram",
        Check::Chronology(_) => "chronology",
        Check::Attendee(_) => "missing-attendee",
        Check::Field(_) => "missing-field",
    };
    let message = format!(
        "the {} needs {}: {why}",
        meeting.short,
        lower_first(&req.what)
    );
    let f = match req.severity {
        Severity::Error => Finding::error(code, path, message),
        Severity::Warning => Finding::warning(code, path, message),
    };
    f.source(req.source.clone()).help(format!(
        "`casepack explain {}` lists what it needs",
        meeting.id
    ))
}

fn no_attendees(
    profile: &Profile,
    meeting: &MeetingType,
    own: Option<&crate::case::PackMeeting>,
) -> Finding {
    let roles: Vec<String> = meeting
        .attendees
        .required
        .iter()
        .filter_map(|r| profile.role(r))
        .map(|r| lower_first(&r.name))
        .collect();
    let path = if own.is_some() { "meeting" } else { "" };
    Finding::warning(
        "no-attendees",
        path,
        format!("no one is recorded as invited to the {}", meeting.short),
    )
    .help(format!(
        "list `attendees` (name and role) under `meeting`; it needs {}",
        roles.join(", ")
    ))
    .source(meeting.attendees.source.clone())
}

/// "Single assessment" → "single assessment", leaving "LPM" and "SWET" alone.
pub(super) fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), s.chars().nth(1)) {
        (Some(f), Some(second)) if !second.is_uppercase() => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Whether an attendee fills a role: by the named professional, by being a
/// parent, or by a word of the role in theirs.
fn fills(family: Option<&Family>, role: &Role, attendee: &Attendee) -> bool {
    if let Some(f) = family {
        let t = f.team();
        let professional = match role.professional.as_deref() {
            Some("social_worker") => Some(t.social_worker),
            Some("team_manager") => Some(t.team_manager),
            Some("head_of_service") => Some(t.head_of_service),
            Some("legal_adviser") => Some(t.legal_adviser),
            _ => None,
        };
        if professional.is_some_and(|i| same_name(&f.person(i).name, &attendee.name)) {
            return true;
        }
        if role.parents
            && f.adults()
                .into_iter()
                .any(|i| same_name(&f.person(i).name, &attendee.name))
        {
            return true;
        }
    }
    role.found_in(&attendee.role).is_some()
}
