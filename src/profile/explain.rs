//! Meeting types in words: the one-line list `casepack meetings` prints and
//! the page `casepack explain` prints, read in a minute by a social worker.

use std::fmt::Write;

use super::{Check, MeetingType, Profile, RoleId};
use crate::diagnostics::Severity;

/// One line per meeting type, id first, names aligned.
pub fn list(profile: &Profile) -> String {
    let width = profile
        .meetings
        .iter()
        .map(|m| m.id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for m in &profile.meetings {
        let _ = writeln!(out, "{:width$}  {} ({})", m.id, m.name, m.source);
    }
    out
}

/// What a meeting requires, with the source of every rule.
pub fn explain(profile: &Profile, meeting: &MeetingType) -> String {
    let role = |id: RoleId| profile.role(id).name.clone();
    let roles = |ids: &[RoleId]| ids.iter().map(|&r| role(r)).collect::<Vec<_>>().join("; ");
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", meeting.name, meeting.id);
    let _ = writeln!(out, "Source: {}", meeting.source);
    let _ = writeln!(out);
    let _ = writeln!(out, "Decides: {}", meeting.decides);
    let _ = writeln!(out, "Held for: {}", meeting.purposes.join(", "));
    for (purpose, why) in &meeting.forbidden_purposes {
        let _ = writeln!(out, "Never for: {purpose}: {why}");
    }
    let _ = writeln!(
        out,
        "Chair: {} ({})",
        role(meeting.chair.role),
        meeting.chair.source
    );
    let _ = writeln!(
        out,
        "Must attend: {} ({})",
        roles(&meeting.attendees.required),
        meeting.attendees.source
    );
    if !meeting.attendees.optional.is_empty() {
        let _ = writeln!(out, "May attend: {}", roles(&meeting.attendees.optional));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "The pack must hold, and who must be there:");
    for req in &meeting.requires {
        let must = match req.severity {
            Severity::Error => "must",
            Severity::Warning => "should",
        };
        let detail = match req.check() {
            Check::Attachment(kinds) => {
                let names: Vec<String> = kinds
                    .iter()
                    .filter_map(|k| profile.attachment_kind(k))
                    .map(|k| match (k.fresh_months, &k.fresh_source) {
                        (Some(n), Some(why)) => {
                            format!("{}, dated within {n} months: {}", k.name, provenance(why))
                        }
                        (Some(n), None) => format!("{}, dated within {n} months", k.name),
                        (None, _) => k.name.clone(),
                    })
                    .collect();
                format!(" [attach: {}]", names.join(" or "))
            }
            Check::Document(d) => {
                let name = profile.document(d).map_or(d, |d| d.name.as_str());
                format!(" [casepack writes \"{name}\"]")
            }
            Check::Field(f) => format!(" [case field `{f}`]"),
            Check::Chronology(rule) => {
                let why = rule
                    .source
                    .as_deref()
                    .map_or(String::new(), |s| format!(": {}", provenance(s)));
                format!(
                    " [case `chronology`, an entry in the {} months before the meeting{why}]",
                    rule.within_months
                )
            }
            Check::Genogram(n) => format!(" [case `family`, {n} generations]"),
            Check::Attendee(r) => format!(" [an attendee: {}]", role(r)),
        };
        let only = if req.purposes.is_empty() {
            String::new()
        } else {
            format!(" Only when held for: {}.", req.purposes.join(", "))
        };
        let _ = writeln!(
            out,
            "  - {} ({must}){detail}{only} ({})",
            req.what,
            provenance(&req.source)
        );
    }
    if !meeting.timing.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Timescales (see `casepack timeline` for the dates):");
        for step in meeting.timing.iter().filter_map(|s| profile.step(s)) {
            let _ = writeln!(
                out,
                "  - {}: {} ({})",
                step.when,
                step.action,
                provenance(&step.source)
            );
        }
    }
    // The agenda a record is kept against; its ids are what `meeting.record`
    // uses for notes prepared beforehand.
    for doc in meeting.pack.iter().filter_map(|d| profile.document(d)) {
        if doc.agenda.is_empty() {
            continue;
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Agenda of \"{}\" (`meeting.record` ids in brackets):",
            doc.name
        );
        for a in &doc.agenda {
            let _ = writeln!(out, "  - {} [{}] ({})", a.item, a.id, a.source);
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Who gets what (`build --audience`; privileged documents never go to parents or advocates, 000 §6):"
    );
    for audience in super::PackAudience::ALL {
        let gets: Vec<String> = meeting
            .pack
            .iter()
            .filter_map(|d| profile.document(d))
            .filter(|d| super::may_receive(d, audience))
            .map(|d| format!("{} [{}]", d.name, d.id))
            .collect();
        let gets = if gets.is_empty() {
            "none of casepack's documents".to_string()
        } else {
            gets.join(", ")
        };
        let _ = writeln!(out, "  {}: {gets}", audience.id());
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Bundle sections (`build --bundle`):");
    for section in profile.bundle_sections(&meeting.id) {
        let mut holds: Vec<String> = section
            .documents
            .iter()
            .filter_map(|d| profile.document(d).map(|d| d.name.clone()))
            .chain(
                section
                    .attachments
                    .iter()
                    .filter_map(|k| profile.attachment_kind(k).map(|k| k.name.clone())),
            )
            .collect();
        if section.rest {
            holds.push("everything else".into());
        }
        let source = section
            .source
            .as_deref()
            .map_or(String::new(), |s| format!(" ({s})"));
        let _ = writeln!(
            out,
            "  {} {}: {}{source}",
            section.letter,
            section.title,
            holds.join(", ")
        );
    }
    out
}

/// Whether a rule is the procedure's or the authority's own setting, in
/// words: "procedure: 004 §4d(ii)", "local setting: …".
pub fn provenance(source: &str) -> String {
    match local_setting(source) {
        Some(why) => format!("local setting, not in the procedure: {why}"),
        None => format!("procedure: {source}"),
    }
}

/// The reason given for a local setting (`local: why`), if the source is one.
pub fn local_setting(source: &str) -> Option<&str> {
    source.strip_prefix("local:").map(str::trim)
}
