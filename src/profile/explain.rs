//! Meeting types in words: the one-line list `casepack meetings` prints and
//! the page `casepack explain` prints, read in a minute by a social worker.

use std::fmt::Write;

use super::{Check, MeetingType, Profile, RoleId, TimelineRules, event_name};
use crate::diagnostics::Severity;

/// How weeks are counted, the same in every profile (docs/deadlines.md).
pub const WEEKS: &str = "Weeks: \"within N weeks of X\" and \"N weeks after X\" are X + 7N days; \"Week N\" is the N-th week, X's day being day 1 of week 1.";

/// What a timeline counts from, in words: the first of its starts the case
/// supplies ("the first pre-proceedings meeting (as held, else its
/// deadline)").
pub fn starts_in_words(profile: &Profile, timeline: &TimelineRules) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut bases: Vec<String> = Vec::new();
    for start in &timeline.starts {
        let (name, planned) = match event_name(start) {
            Some(n) => (n.to_string(), false),
            None => match profile.step(start) {
                Some(step) => (
                    step.recorded_by
                        .as_deref()
                        .and_then(event_name)
                        .map_or_else(|| format!("step `{start}`"), str::to_string),
                    true,
                ),
                None => (format!("`{start}`"), false),
            },
        };
        // A step that records an event named before it: that event as held,
        // else the step's deadline.
        if let Some(i) = bases.iter().position(|b| *b == name) {
            if planned {
                names[i] = format!("{name} (as held, else its deadline)");
            }
            continue;
        }
        names.push(if planned {
            format!("{name} (planned)")
        } else {
            name.clone()
        });
        bases.push(name);
    }
    names.join(", else ")
}

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
        // By timeline, each headed by what it counts from: 004 App. 2's
        // weeks and its limits count from different events.
        let mut timelines: Vec<&TimelineRules> = Vec::new();
        for id in &meeting.timing {
            if let Some(t) = profile
                .timelines
                .iter()
                .find(|t| t.steps.iter().any(|s| &s.id == id))
                && !timelines.iter().any(|x| x.id == t.id)
            {
                timelines.push(t);
            }
        }
        for t in timelines {
            let _ = writeln!(
                out,
                "  {}, counted from {}:",
                t.title,
                starts_in_words(profile, t)
            );
            for step in meeting
                .timing
                .iter()
                .filter_map(|id| t.steps.iter().find(|s| &s.id == id))
            {
                let _ = writeln!(
                    out,
                    "    - {}: {} ({})",
                    step.when,
                    step.action,
                    provenance(&step.source)
                );
            }
        }
        let _ = writeln!(out, "  {WEEKS}");
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
        "Who gets what (`build --audience`; privileged documents never go to parents or advocates):"
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
