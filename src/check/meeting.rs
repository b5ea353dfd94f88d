//! A meeting's requirements checked against a case: which meeting the pack
//! is for, and what its pack is missing, what is stale, who is not there.
//! Every finding carries the severity and source the rule data gives it.

use super::evidence::{Stale, attachment, chronology, document, genogram};
use crate::case::{Attendee, Case, Date, Family, Filled, LpmOutcome, PackMeeting};
use crate::diagnostics::{Finding, Severity, nearest};
use crate::profile::{
    CaseRecord, Check, MeetingType, NoMeeting, Profile, Requirement, Role, SelectedMeeting, Writer,
    own_record, select_meeting,
};

/// `started` names the timelines the case has started (whose sheets can be
/// written). Resolves the meeting (`--meeting` wins over the case's `meeting.type`,
/// which wins over the profile's default) and checks every requirement of its type.
pub fn meeting(
    case: &Case,
    profile: &Profile,
    started: &[&str],
    requested: Option<&str>,
    today: Date,
) -> (Option<SelectedMeeting>, Vec<Finding>) {
    let selected = match select_meeting(case, profile, requested) {
        Ok(s) => s,
        Err(e) => return (None, vec![no_meeting(case, profile, &e)]),
    };
    let Some(meeting) = profile.meeting(&selected.id) else {
        return (None, Vec::new());
    };
    let own = own_record(case, meeting);
    let mut findings = Vec::new();
    let on = selected.date.unwrap_or(today);
    // Ids that name no one are `validate`'s findings.
    let family = Family::resolve(case).ok();
    let family = family.as_ref();
    let filled = Filled::new(case);
    let mut attendees_noted = false;
    for req in meeting
        .requires
        .iter()
        .filter(|r| r.applies_to(&selected.purpose))
    {
        let plain = |found: Option<(String, String)>| found.map(|(p, w)| (p, w, None));
        let found = match req.check() {
            Check::Document(d) => plain(document(&filled, profile, started, d)),
            Check::Attachment(kinds) => attachment(case, profile, kinds, on),
            Check::Genogram(n) => plain(family.and_then(|f| genogram(f, n))),
            Check::Chronology(rule) => chronology(case, profile, rule, on),
            Check::Field(path) => plain(
                (!filled.at(path))
                    .then(|| (path.to_string(), format!("`{path}` is not filled in"))),
            ),
            // Until every id names someone (`validate`'s findings), who
            // attends cannot be told.
            Check::Attendee(_) if family.is_none() => None,
            Check::Attendee(role) => {
                if selected.attendees.is_empty() {
                    if !attendees_noted {
                        attendees_noted = true;
                        findings.push(no_attendees(profile, meeting, own));
                    }
                    None
                } else {
                    let role = profile.role(role);
                    (!selected.attendees.iter().any(|a| fills(family, role, a))).then(|| {
                        (
                            attendees_path(meeting, own),
                            format!("no one at the meeting is {}", lower_first(&role.name)),
                            None,
                        )
                    })
                }
            }
        };
        if let Some((path, why, stale)) = found {
            findings.push(requirement_finding(meeting, req, path, why, stale));
        }
    }
    if let Some(chair) = &selected.chair {
        let role = profile.role(meeting.chair.role);
        let as_attendee = Attendee {
            name: Some(chair.clone()),
            ..Attendee::default()
        };
        let listed = selected.attendees.iter().find(|a| {
            let name =
                family.map_or_else(|| a.name.clone().unwrap_or_default(), |f| f.present(a).name);
            same_name(&name, chair)
        });
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

/// Says plainly when the pack will hold only the minutes template: for a
/// meeting recorded under `lpm` whose pack has the minutes, before the
/// outcome that writes the rest.
pub fn outcome_note(case: &Case, profile: &Profile, meeting: &SelectedMeeting) -> Option<Finding> {
    let kind = profile.meeting(&meeting.id)?;
    if kind.recorded_in != Some(CaseRecord::Lpm) {
        return None;
    }
    let minutes = kind
        .pack
        .iter()
        .filter_map(|d| profile.document(d))
        .find(|d| d.writer == Writer::LpmMinutes)?;
    let why = match case.lpm.outcome {
        None => format!(
            "the {}'s outcome is not recorded yet, so the pack holds only \"{}\"",
            kind.short, minutes.name
        ),
        Some(LpmOutcome::InitiatePreProceedings | LpmOutcome::IssueCareProceedings) => return None,
        Some(_) => format!(
            "the {} did not decide to start pre-proceedings or to issue, so the pack holds only \"{}\"",
            kind.short, minutes.name
        ),
    };
    Some(Finding::warning("minutes-only", "lpm.outcome", why).help(
        "record `outcome: initiate-pre-proceedings` to build the letters, agreement and timeline",
    ))
}

/// Why no meeting could be chosen, as the finding to show.
fn no_meeting(case: &Case, profile: &Profile, e: &NoMeeting) -> Finding {
    match e {
        NoMeeting::Unknown { id, requested } => {
            let ids: Vec<&str> = profile.meetings.iter().map(|m| m.id.as_str()).collect();
            let path = if *requested { "" } else { "meeting.type" };
            let f = Finding::error("unknown-meeting", path, e.to_string());
            match nearest(id, &ids) {
                Some(near) => f.help(format!("did you mean `{near}`?")),
                None => f.help(format!("the meeting types are: {}", ids.join(", "))),
            }
        }
        NoMeeting::Purpose { id, forbidden, .. } => {
            let Some(meeting) = profile.meeting(id) else {
                return Finding::error("unknown-purpose", "", e.to_string());
            };
            let at = purpose_path(meeting, own_record(case, meeting));
            match forbidden {
                Some(why) => Finding::error("forbidden-purpose", at, why.clone()).help(format!(
                    "hold a full {} to decide this",
                    profile
                        .meeting(&profile.default_meeting)
                        .map_or("LPM", |m| m.short.as_str())
                )),
                None => Finding::error("unknown-purpose", at, e.to_string())
                    .help(format!("its purposes are: {}", meeting.purposes.join(", "))),
            }
        }
    }
}

/// Notes prepared under `meeting.record` must name an item of an agenda in
/// this meeting's pack, or they would be left out of the record unseen.
fn record_notes(
    profile: &Profile,
    meeting: &MeetingType,
    own: Option<&PackMeeting>,
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

fn purpose_path(meeting: &MeetingType, own: Option<&PackMeeting>) -> String {
    match own {
        Some(m) if m.purpose.is_some() => "meeting.purpose".into(),
        _ if meeting.recorded_in == Some(CaseRecord::Lpm) => "lpm.purpose".into(),
        _ => "meeting".into(),
    }
}

fn attendees_path(meeting: &MeetingType, own: Option<&PackMeeting>) -> String {
    match own {
        Some(m) if !m.attendees.is_empty() => "meeting.attendees".into(),
        _ if meeting.recorded_in == Some(CaseRecord::Lpm) => "lpm.attendees".into(),
        _ => "meeting".into(),
    }
}

fn chair_path(meeting: &MeetingType, own: Option<&PackMeeting>) -> String {
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
    stale: Option<Stale>,
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
    // Evidence older than a limit: the limit's severity and source are the
    // finding's, and a local one says so in the message too.
    let (severity, source, message) = match stale {
        Some(s) if s.local => (
            s.severity.unwrap_or(req.severity),
            s.source,
            format!("{message} (a local limit of this profile, not the procedure's)"),
        ),
        Some(s) => (s.severity.unwrap_or(req.severity), s.source, message),
        None => (req.severity, req.source.clone(), message),
    };
    let f = match severity {
        Severity::Error => Finding::error(code, path, message),
        Severity::Warning => Finding::warning(code, path, message),
    };
    f.source(source).help(format!(
        "`casepack explain {}` lists what it needs",
        meeting.id
    ))
}

fn no_attendees(profile: &Profile, meeting: &MeetingType, own: Option<&PackMeeting>) -> Finding {
    let roles: Vec<String> = meeting
        .attendees
        .required
        .iter()
        .map(|&r| lower_first(&profile.role(r).name))
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

/// Whether an attendee fills a role: by being the named professional or a
/// parent (by id, or by name), by coming as the help the role names, or by
/// a word of the role in theirs.
fn fills(family: Option<&Family>, role: &Role, attendee: &Attendee) -> bool {
    let Some(f) = family else {
        return attendee
            .role
            .as_deref()
            .is_some_and(|r| role.found_in(r).is_some());
    };
    let present = f.present(attendee);
    // By id, or (written by name) by the name of the one who holds it.
    let is = |i: usize| match present.person {
        Some(p) => p == i,
        None => same_name(&f.person(i).name, &present.name),
    };
    let t = f.team();
    if role
        .professional
        .as_deref()
        .and_then(|field| t.holder(field))
        .is_some_and(is)
    {
        return true;
    }
    if role.parents && f.adults().into_iter().any(is) {
        return true;
    }
    if let (Some(want), Some((h, _))) = (role.helper, present.helps)
        && want == h
    {
        return true;
    }
    role.found_in(&present.role).is_some()
}
