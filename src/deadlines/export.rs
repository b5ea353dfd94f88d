//! The schedule for people and programs: a table for the terminal, JSON for
//! machines, and an RFC 5545 calendar with one all-day event per deadline.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use icalendar::{Calendar as ICalendar, Component, DatePerhapsTime, Event, EventLike};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{DatedStep, DatedTimeline, Schedule, status::status};
use crate::calendar::Calendar;
use crate::case::{Case, Date};
use crate::profile::Profile;

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
                        // As every document prints it, for people to read
                        // (the page's timeline): "Thursday 26 November 2026".
                        "due_long": s.due.long(),
                        "weekday": s.due.naive().format("%A").to_string(),
                        "moved_from": s.moved_from.as_ref().map(|(d, why)| json!({ "date": d.iso(), "why": why })),
                        "recorded": s.actual.map(Date::iso),
                        "recorded_long": s.actual.map(Date::long),
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
/// than duplicating them. `previous` is the calendar this one replaces, if
/// any: an event whose date has changed since gets the next `SEQUENCE` and
/// a `DTSTAMP` of `today`, so a calendar that imported it moves it; an
/// unchanged event keeps both, so the same case gives the same bytes.
/// Names of children and parents are left out: calendars are synced to
/// phones and shared; the reference is enough.
pub fn ics(case: &Case, schedule: &Schedule, previous: Option<&str>, today: Date) -> String {
    ics_many(
        &format!("Deadlines {}", case.reference),
        &[(case.reference.as_str(), schedule)],
        previous,
        today,
    )
}

/// One calendar for many cases, `name`d, each case given by its reference
/// and schedule: the events [`ics`] writes for each, in the order given.
/// The same step of the same case has the same UID here as in its own
/// calendar, so importing both updates one event. References must differ
/// from case to case, or two cases' events would share UIDs.
pub fn ics_many(
    name: &str,
    cases: &[(&str, &Schedule)],
    previous: Option<&str>,
    today: Date,
) -> String {
    let before = previous.map(earlier_events).unwrap_or_default();
    let stamp = today
        .naive()
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc();
    let mut cal = ICalendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            format!("-//casepack//casepack {}//EN", env!("CARGO_PKG_VERSION")).as_str(),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(name);
    for (reference, schedule) in cases {
        for t in &schedule.timelines {
            for s in &t.steps {
                cal.push(event(reference, t, s, &before, stamp));
            }
        }
    }
    cal.done().to_string()
}

/// The event of step `s` of timeline `t` in the case with `reference`.
fn event(
    reference: &str,
    t: &DatedTimeline,
    s: &DatedStep,
    before: &BTreeMap<String, (NaiveDate, u32, DateTime<Utc>)>,
    stamp: DateTime<Utc>,
) -> Event {
    let date = shown_date(s).naive();
    let uid = Sha256::digest(format!("{}\u{0}{}\u{0}{}", reference, t.id, s.id));
    let uid: String = uid.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let uid = format!("{uid}@casepack");
    let (sequence, stamp) = match before.get(&uid) {
        Some(&(d, seq, at)) if d == date => (seq, at),
        Some(&(_, seq, _)) => (seq + 1, stamp),
        None => (0, stamp),
    };
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
    Event::new()
        .uid(&uid)
        .timestamp(stamp)
        .sequence(sequence)
        // DTEND is exclusive (RFC 5545 §3.6.1): one whole day.
        .starts(date)
        .ends(date + chrono::Duration::days(1))
        .summary(&format!("{reference}: {}", s.action))
        .description(&description.join("\n"))
        .add_property("CATEGORIES", t.title.as_str())
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

/// The events of a calendar casepack wrote before, by UID: its date,
/// sequence and stamp. A file that does not parse as iCalendar gives none:
/// every event is then new, as it is to a calendar that never saw it.
fn earlier_events(text: &str) -> BTreeMap<String, (NaiveDate, u32, DateTime<Utc>)> {
    let Ok(cal) = text.parse::<ICalendar>() else {
        return BTreeMap::new();
    };
    cal.events()
        .filter_map(|e| {
            let DatePerhapsTime::Date(date) = e.get_start()? else {
                return None;
            };
            Some((
                e.get_uid()?.to_string(),
                (date, e.get_sequence().unwrap_or(0), e.get_timestamp()?),
            ))
        })
        .collect()
}
