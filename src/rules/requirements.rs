//! A meeting's requirements checked against a case: which meeting the pack
//! is for, and what its pack is missing, what is stale, who is not there.
//! Every finding carries the severity and source the rule data gives it.

use std::collections::BTreeMap;

use super::{Check, MeetingType, Profile, Requirement, Role};
use crate::case::{Attendee, Case, Date, FamilyMember};
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
        .unwrap_or("lpm");
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
                        profile.meeting("lpm").map_or("LPM", |m| m.short.as_str())
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
    findings.extend(family_links(&case.family));
    let on = selected.date.unwrap_or(today);
    let mut attendees_noted = false;
    for req in meeting
        .requires
        .iter()
        .filter(|r| r.applies_to(&selected.purpose))
    {
        let Ok(check) = req.check() else { continue };
        let found = match check {
            Check::Document(d) => document(case, profile, started, d),
            Check::Attachment(kinds) => attachment(case, profile, kinds, on),
            Check::Genogram(n) => genogram(&case.family, n),
            Check::Chronology(months) => chronology(case, months, on),
            Check::Field(path) => (!filled(case, path))
                .then(|| (path.to_string(), format!("`{path}` is not filled in"))),
            Check::Attendee(role) => {
                if selected.attendees.is_empty() {
                    if !attendees_noted {
                        attendees_noted = true;
                        findings.push(no_attendees(profile, meeting, own));
                    }
                    None
                } else {
                    let role = profile.role(role).expect("roles are checked at load");
                    (!selected.attendees.iter().any(|a| fills(case, role, a))).then(|| {
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
        if !fills(case, role, listed.unwrap_or(&as_attendee)) {
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
    (Some(selected), findings)
}

fn resolve(
    case: &Case,
    meeting: &MeetingType,
    own: Option<&crate::case::PackMeeting>,
) -> SelectedMeeting {
    let is_lpm = meeting.id == "lpm";
    let purpose = own
        .and_then(|m| m.purpose.clone())
        .or_else(|| is_lpm.then(|| case.lpm.purpose.id().to_string()))
        .unwrap_or_else(|| meeting.purposes[0].clone());
    let date = own
        .and_then(|m| m.date)
        .or_else(|| match meeting.id.as_str() {
            "lpm" => Some(case.lpm.date),
            "review-lpm" => case.review_lpms.last().map(|r| r.date),
            "pre-proceedings-meeting" => case.pre_proceedings_meeting.as_ref().map(|m| m.date),
            "advocates-meeting" => case.proceedings.as_ref().and_then(|p| p.advocates_meeting),
            _ => None,
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
        _ if meeting.id == "lpm" => "lpm.purpose".into(),
        _ => "meeting".into(),
    }
}

fn attendees_path(meeting: &MeetingType, own: Option<&crate::case::PackMeeting>) -> String {
    match own {
        Some(m) if !m.attendees.is_empty() => "meeting.attendees".into(),
        _ if meeting.id == "lpm" => "lpm.attendees".into(),
        _ => "meeting".into(),
    }
}

fn chair_path(meeting: &MeetingType, own: Option<&crate::case::PackMeeting>) -> String {
    match own {
        Some(m) if m.chair.is_some() => "meeting.chair".into(),
        _ if meeting.id == "lpm" => "lpm.chair".into(),
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
        Ok(Check::Document(_)) => "missing-document",
        Ok(Check::Attachment(_)) => "missing-attachment",
        Ok(Check::Genogram(_)) => "genogram",
        Ok(Check::Chronology(_)) => "chronology",
        Ok(Check::Attendee(_)) => "missing-attendee",
        Ok(Check::Field(_)) | Err(_) => "missing-field",
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
fn lower_first(s: &str) -> String {
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
fn fills(case: &Case, role: &Role, attendee: &Attendee) -> bool {
    let p = &case.professionals;
    let professional = match role.professional.as_deref() {
        Some("social_worker") => Some(&p.social_worker.name),
        Some("team_manager") => Some(&p.team_manager.name),
        Some("head_of_service") => Some(&p.head_of_service.name),
        Some("legal_adviser") => Some(&p.legal_adviser.name),
        _ => None,
    };
    if professional.is_some_and(|n| same_name(n, &attendee.name)) {
        return true;
    }
    if role.parents
        && case
            .parents
            .iter()
            .any(|p| same_name(&p.name, &attendee.name))
    {
        return true;
    }
    let words = |s: &str| {
        let cleaned: String = s
            .to_lowercase()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '\'' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        // Singular and plural match alike ("connected persons").
        let tokens: Vec<&str> = cleaned
            .split_whitespace()
            .map(|t| match t.strip_suffix('s') {
                Some(stem) if stem.len() > 2 => stem,
                _ => t,
            })
            .collect();
        format!(" {} ", tokens.join(" "))
    };
    let have = words(&attendee.role);
    role.words.iter().any(|w| have.contains(&words(w)))
}

fn document(
    case: &Case,
    profile: &Profile,
    started: &[&str],
    id: &str,
) -> Option<(String, String)> {
    let doc = profile.document(id)?;
    if let Some(t) = &doc.timeline {
        let timeline = profile.timelines.iter().find(|x| &x.id == t)?;
        return (!started.contains(&t.as_str())).then(|| {
            // The first start that is a case event says what to record.
            let event = timeline
                .starts
                .iter()
                .find_map(|s| crate::rules::event_name(s).map(|n| (s, n)));
            match event {
                Some((path, name)) => (
                    crate::rules::event_path(path).to_string(),
                    format!("it counts from {name}, which the case does not record yet"),
                ),
                None => (
                    String::new(),
                    format!("the case has not started the {}", timeline.title),
                ),
            }
        });
    }
    let missing: Vec<&str> = doc
        .needs
        .iter()
        .map(String::as_str)
        .filter(|p| !filled(case, p))
        .collect();
    let first = missing.first()?;
    Some((
        first.to_string(),
        format!(
            "casepack cannot write \"{}\" without {}",
            doc.name,
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

fn attachment(
    case: &Case,
    profile: &Profile,
    kinds: &[String],
    on: Date,
) -> Option<(String, String)> {
    let names: Vec<String> = kinds
        .iter()
        .filter_map(|k| profile.attachment_kind(k))
        .map(|k| lower_first(&k.name))
        .collect();
    let matching: Vec<(usize, &crate::case::Attachment)> = case
        .attachments
        .iter()
        .enumerate()
        .filter(|(_, a)| kinds.contains(&a.kind))
        .collect();
    if matching.is_empty() {
        return Some((
            "attachments".into(),
            format!("no {} attached", names.join(" or ")),
        ));
    }
    // The newest of the kinds decides whether the pack is up to date.
    let (i, newest) = matching.iter().max_by_key(|(_, a)| a.date)?;
    let kind = profile.attachment_kind(&newest.kind)?;
    let months = kind.fresh_months?;
    let limit = on.0.checked_sub_months(chrono::Months::new(months))?;
    (newest.date.0 < limit).then(|| {
        (
            format!("attachments[{i}].date"),
            format!(
                "the newest, \"{}\", is dated {}, more than {months} months before {}",
                newest.title,
                newest.date.long(),
                on.long()
            ),
        )
    })
}

fn chronology(case: &Case, months: u32, on: Date) -> Option<(String, String)> {
    let Some(last) = case.chronology.iter().map(|e| e.date).max() else {
        return Some(("chronology".into(), "the case has no chronology".into()));
    };
    let limit = on.0.checked_sub_months(chrono::Months::new(months))?;
    (last.0 < limit).then(|| {
        (
            "chronology".into(),
            format!(
                "its last entry is {}: nothing in the {months} months before {}",
                last.long(),
                on.long()
            ),
        )
    })
}

fn genogram(family: &[FamilyMember], generations: u32) -> Option<(String, String)> {
    if family.is_empty() {
        return Some(("family".into(), "the case lists no family".into()));
    }
    let have = generation_count(family);
    (have < generations).then(|| {
        (
            "family".into(),
            format!(
                "the family listed spans {have} generation{}, not {generations}",
                if have == 1 { "" } else { "s" }
            ),
        )
    })
}

/// The most generations any line of parents spans (a member without
/// listed parents is the first of their line).
pub fn generation_count(family: &[FamilyMember]) -> u32 {
    let by_id: BTreeMap<&str, &FamilyMember> = family.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut depth: BTreeMap<&str, u32> = BTreeMap::new();
    fn walk<'a>(
        id: &'a str,
        by_id: &BTreeMap<&'a str, &'a FamilyMember>,
        depth: &mut BTreeMap<&'a str, u32>,
        guard: usize,
    ) -> u32 {
        if let Some(d) = depth.get(id) {
            return *d;
        }
        // A loop of parents is reported by `family_links`; stop counting.
        if guard == 0 {
            return 1;
        }
        let d = 1 + by_id.get(id).map_or(0, |m| {
            m.parents
                .iter()
                .filter(|p| by_id.contains_key(p.as_str()))
                .map(|p| walk(p, by_id, depth, guard - 1))
                .max()
                .unwrap_or(0)
        });
        depth.insert(id, d);
        d
    }
    family
        .iter()
        .map(|m| walk(&m.id, &by_id, &mut depth, family.len()))
        .max()
        .unwrap_or(0)
}

/// Every family id is unique and every parent named is in the list.
fn family_links(family: &[FamilyMember]) -> Vec<Finding> {
    let ids: Vec<&str> = family.iter().map(|m| m.id.as_str()).collect();
    let mut findings = Vec::new();
    for (i, m) in family.iter().enumerate() {
        if ids.iter().filter(|id| **id == m.id).count() > 1
            && ids.iter().position(|id| *id == m.id) != Some(i)
        {
            findings.push(
                Finding::error(
                    "duplicate-id",
                    format!("family[{i}].id"),
                    format!("the id `{}` is used twice", m.id),
                )
                .help("give each family member their own id"),
            );
        }
        for (j, p) in m.parents.iter().enumerate() {
            if !ids.contains(&p.as_str()) {
                let mut f = Finding::error(
                    "unknown-family-member",
                    format!("family[{i}].parents[{j}]"),
                    format!("`{p}` is not the id of anyone in `family`"),
                );
                if let Some(near) = nearest(p, &ids) {
                    f = f.help(format!("did you mean `{near}`?"));
                }
                findings.push(f);
            } else if p == &m.id {
                findings.push(Finding::error(
                    "unknown-family-member",
                    format!("family[{i}].parents[{j}]"),
                    format!("`{p}` is listed as their own parent"),
                ));
            }
        }
    }
    if let Some(i) = first_in_a_loop(family) {
        findings.push(
            Finding::error(
                "family-loop",
                format!("family[{i}].parents"),
                format!(
                    "`{}` is their own ancestor: the parents listed go round in a loop",
                    family[i].id
                ),
            )
            .help("check the `parents` of the people in the loop"),
        );
    }
    findings
}

/// The index of a member whose line of parents leads back to them, if any.
fn first_in_a_loop(family: &[FamilyMember]) -> Option<usize> {
    let index: BTreeMap<&str, usize> = family
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; family.len()];
    fn visit(
        i: usize,
        family: &[FamilyMember],
        index: &BTreeMap<&str, usize>,
        state: &mut [u8],
    ) -> bool {
        match state[i] {
            1 => return true,
            2 => return false,
            _ => {}
        }
        state[i] = 1;
        for p in &family[i].parents {
            if let Some(&j) = index.get(p.as_str())
                && j != i
                && visit(j, family, index, state)
            {
                return true;
            }
        }
        state[i] = 2;
        false
    }
    (0..family.len()).find(|&i| state[i] == 0 && visit(i, family, &index, &mut state))
}

/// Whether a case field (dotted YAML path) holds something: not missing,
/// not null, not an empty text or list.
fn filled(case: &Case, path: &str) -> bool {
    let Ok(mut value) = serde_json::to_value(case) else {
        return false;
    };
    for part in path.split('.') {
        match value.get_mut(part) {
            Some(v) => value = v.take(),
            None => return false,
        }
    }
    match &value {
        serde_json::Value::Null => false,
        serde_json::Value::String(s) => !s.trim().is_empty(),
        serde_json::Value::Array(a) => !a.is_empty(),
        serde_json::Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}
