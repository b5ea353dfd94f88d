//! The schedule for people and programs: a table for the terminal, JSON for
//! machines, and an RFC 5545 calendar with one all-day event per deadline.

use std::fmt::Write as _;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{DatedStep, Schedule, status::status};
use crate::calendar::Calendar;
use crate::case::{Case, Date};
use crate::rules::Profile;

/// The date a step shows: when it happened or is booked, else its deadline.
fn shown_date(s: &DatedStep) -> Date {
    s.actual.unwrap_or(s.due)
}

/// Every timeline as a table (date, weekday, step, responsible, status,
/// source), sorted by date, wrapped to `width` columns.
pub fn table(
    case: &Case,
    schedule: &Schedule,
    profile: &Profile,
    cal: &Calendar,
    today: Date,
    width: u16,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: every deadline, as at {}",
        case.reference,
        today.long()
    );
    if schedule.timelines.is_empty() {
        out.push_str("\nNo timeline applies yet: record the LPM's outcome.\n");
    }
    for t in &schedule.timelines {
        let _ = writeln!(
            out,
            "\n{}, from {} on {} ({})",
            t.title,
            t.start_name,
            t.start.long(),
            t.source
        );
        if let Some((date, why)) = &t.ended {
            let _ = writeln!(out, "Ended on {} by {why}.", date.long());
        }
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width)
            .set_header(["Date", "Day", "Step", "Responsible", "Status", "Source"])
            .set_constraints([
                ColumnConstraint::ContentWidth,
                ColumnConstraint::ContentWidth,
                ColumnConstraint::LowerBoundary(Width::Percentage(35)),
                ColumnConstraint::UpperBoundary(Width::Fixed(20)),
                ColumnConstraint::UpperBoundary(Width::Fixed(13)),
                ColumnConstraint::UpperBoundary(Width::Fixed(22)),
            ]);
        let mut steps: Vec<&DatedStep> = t.steps.iter().collect();
        steps.sort_by_key(|s| s.due);
        for s in steps {
            let mut step = format!("{}\n[{}]", s.action, s.id);
            if let Some((date, why)) = &s.moved_from {
                let _ = write!(
                    step,
                    "\n{} is {why}: due the working day before",
                    date.medium()
                );
            }
            if let Some(from) = s.earliest {
                let _ = write!(step, "\nnot before {}", from.medium());
            }
            if s.limit {
                step.push_str("\na limit, not a target: earlier if things change");
            }
            let state = status(s, today, cal, profile.due_soon_working_days);
            let mut state_text = state.label().to_string();
            if let Some(actual) = s.actual.filter(|a| *a != s.due) {
                let _ = write!(state_text, "\n{}", short_date(actual));
            }
            table.add_row([
                short_date(s.due),
                s.due.naive().format("%a").to_string(),
                step,
                s.responsible.clone(),
                state_text,
                s.source.clone(),
            ]);
        }
        for line in table.to_string().lines() {
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out.push_str(
        "\nRecord a step as done in the case file under `done:` with the id in brackets,\n\
         e.g. `done: { minutes-authorised: 2026-11-19 }`.\n",
    );
    out
}

fn short_date(d: Date) -> String {
    d.naive().format("%-d %b %Y").to_string()
}

/// The schedule as JSON: every timeline and step with its dates, rule,
/// source and status on `today`.
pub fn json(
    case: &Case,
    schedule: &Schedule,
    profile: &Profile,
    cal: &Calendar,
    today: Date,
) -> Value {
    let timelines: Vec<Value> = schedule
        .timelines
        .iter()
        .map(|t| {
            let steps: Vec<Value> = t
                .steps
                .iter()
                .map(|s| {
                    json!({
                        "id": s.id,
                        "when": s.when,
                        "action": s.action,
                        "responsible": s.responsible,
                        "due": s.due.iso(),
                        "weekday": s.due.naive().format("%A").to_string(),
                        "moved_from": s.moved_from.as_ref().map(|(d, why)| json!({ "date": d.iso(), "why": why })),
                        "recorded": s.actual.map(Date::iso),
                        "recorded_at": s.recorded_at,
                        "status": status(s, today, cal, profile.due_soon_working_days),
                        "late": s.is_late(),
                        "set_by_court": s.set_by_court,
                        "rule": s.rule,
                        "earliest": s.earliest.map(Date::iso),
                        "limit": s.limit,
                        "source": s.source,
                    })
                })
                .collect();
            json!({
                "id": t.id,
                "title": t.title,
                "source": t.source,
                "started_by": t.started_by,
                "start": t.start.iso(),
                "ended": t.ended.as_ref().map(|(d, why)| json!({ "date": d.iso(), "by": why })),
                "steps": steps,
            })
        })
        .collect();
    json!({
        "reference": case.reference,
        "today": today.iso(),
        "profile": profile.profile,
        "timelines": timelines,
    })
}

/// An RFC 5545 calendar: one all-day event per step, on the date it
/// happened or is booked, else its deadline. UIDs depend only on the case
/// reference, timeline and step, so re-importing updates events rather
/// than duplicating them. Names of children and parents are left out:
/// calendars are synced to phones and shared; the reference is enough.
pub fn ics(case: &Case, schedule: &Schedule) -> String {
    let stamp = format!("{}T000000Z", case.lpm.date.naive().format("%Y%m%d"));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!(
            "PRODID:-//casepack//casepack {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("Deadlines {}", case.reference))
        ),
    ];
    for t in &schedule.timelines {
        for s in &t.steps {
            let date = shown_date(s).naive();
            let uid = Sha256::digest(format!("{}\u{0}{}\u{0}{}", case.reference, t.id, s.id));
            let uid: String = uid.iter().take(16).map(|b| format!("{b:02x}")).collect();
            let mut description = vec![
                format!("{} ({})", t.title, s.when),
                format!("Responsible: {}", s.responsible),
                format!("Due by {} ({})", s.due.long(), s.rule),
            ];
            if let Some((d, why)) = &s.moved_from {
                description.push(format!(
                    "{} is {why}, so it is due the working day before",
                    d.medium()
                ));
            }
            if let Some(actual) = s.actual {
                description.push(format!("Recorded in the case for {}", actual.long()));
            }
            description.push(format!("Source: {}", s.source));
            description.push(format!("Step id: {}", s.id));
            lines.extend([
                "BEGIN:VEVENT".into(),
                format!("UID:{uid}@casepack"),
                format!("DTSTAMP:{stamp}"),
                format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
                format!(
                    "DTEND;VALUE=DATE:{}",
                    (date + chrono::Duration::days(1)).format("%Y%m%d")
                ),
                format!(
                    "SUMMARY:{}",
                    escape(&format!("{}: {}", case.reference, s.action))
                ),
                format!("DESCRIPTION:{}", escape(&description.join("\n"))),
                format!("CATEGORIES:{}", escape(&t.title)),
                "TRANSP:TRANSPARENT".into(),
                "END:VEVENT".into(),
            ]);
        }
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character, and
/// ends it with CRLF (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_values_escape_separators_and_newlines() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
