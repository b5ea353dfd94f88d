//! The caseload report for people and programs: a table per group for the
//! terminal, wrapped to its width like a single case's timeline, and one
//! JSON document.

use std::fmt::Write as _;

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use serde_json::{Value, json};

use super::{NotReported, Report, Row, Standing, Why};
use crate::case::Date;
use crate::profile::plural;

/// The report as text: a heading with the counts, one table per group
/// (case, due date, weekday, status, step, responsible, who), wrapped to
/// `width` columns, then the case files not reported.
pub fn table(report: &Report, width: u16) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Caseload: overdue, due-soon and next steps, as at {}",
        report.today.long()
    );
    let _ = writeln!(out, "{}.", summary(report));
    if report.groups.is_empty() && report.cases > 0 {
        out.push_str("\nNo step is overdue, due soon or still to come.\n");
    }
    // Every group's table has the same columns, so they read as one.
    let cells: Vec<[String; 7]> = report.rows().map(cells).collect();
    let widest = |col: usize, header: &str, most: u16| -> u16 {
        let w = cells
            .iter()
            .flat_map(|c| c[col].lines())
            .chain([header])
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        u16::try_from(w).unwrap_or(most).min(most)
    };
    // The width given includes a space of padding either side.
    let fixed =
        |col, header, most| ColumnConstraint::Absolute(Width::Fixed(widest(col, header, most) + 2));
    let constraints = [
        fixed(0, "Case", 24),
        fixed(1, "Due", 24),
        fixed(2, "Day", 3),
        fixed(3, "Status", 8),
        ColumnConstraint::LowerBoundary(Width::Percentage(30)),
        fixed(5, "Responsible", 22),
        fixed(6, "Who", 22),
    ];
    let mut rows = cells.into_iter();
    for group in &report.groups {
        let _ = writeln!(
            out,
            "\n{} ({})",
            group.role,
            plural(group.rows.len() as u32, "step")
        );
        let mut table = Table::new();
        table
            .load_preset(presets::UTF8_HORIZONTAL_ONLY)
            .set_content_arrangement(ContentArrangement::DynamicFullWidth)
            .set_width(width)
            .set_header(["Case", "Due", "Day", "Status", "Step", "Responsible", "Who"])
            .set_constraints(constraints);
        for row in rows.by_ref().take(group.rows.len()) {
            table.add_row(row);
        }
        for line in table.to_string().lines() {
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    if !report.not_reported.is_empty() {
        let _ = writeln!(
            out,
            "\nNot reported ({}):",
            plural(report.not_reported.len() as u32, "case file")
        );
        for n in &report.not_reported {
            let _ = writeln!(out, "  {}", not_reported(n));
        }
    }
    out
}

/// A row's cells in the table.
fn cells(r: &Row) -> [String; 7] {
    [
        r.reference.clone(),
        due_text(r),
        r.due.naive().format("%a").to_string(),
        r.standing.label().to_string(),
        format!("{}\n[{}]", r.action, r.step),
        r.responsible.text.clone(),
        r.responsible.people().join("\n"),
    ]
}

/// "4 cases: 3 overdue, 4 due soon, 5 next steps".
pub(super) fn summary(report: &Report) -> String {
    format!(
        "{}: {} overdue, {} due soon, {}",
        plural(report.cases as u32, "case"),
        report.count(Standing::Overdue),
        report.count(Standing::DueSoon),
        plural(report.count(Standing::Next) as u32, "next step"),
    )
}

/// The due date, and the window's first day or "a limit" under it.
fn due_text(r: &Row) -> String {
    let mut text = short_date(r.due);
    if let Some(from) = r.earliest {
        let _ = write!(text, "\nnot before {}", short_date(from));
    }
    if r.limit {
        text.push_str("\na limit");
    }
    text
}

fn short_date(d: Date) -> String {
    d.naive().format("%-d %b %Y").to_string()
}

/// One line on a case file left out: which, and what to do.
pub(super) fn not_reported(n: &NotReported) -> String {
    let file = n.file.display();
    match &n.why {
        Why::Unreadable(e) => format!("{file}: cannot be read: {e}"),
        Why::Errors(count) => format!(
            "{file}: {}; `casepack check {file}` lists {}",
            plural(*count as u32, "error"),
            if *count == 1 { "it" } else { "them" }
        ),
        Why::SameReference(first) => format!(
            "{file}: has the same reference as {}; a reference names one case",
            first.display()
        ),
    }
}

/// The report as one JSON document: the day, the counts, every group with
/// its rows, and the case files not reported.
pub fn json(report: &Report) -> Value {
    let groups: Vec<Value> = report
        .groups
        .iter()
        .map(|g| {
            let rows: Vec<Value> = g.rows.iter().map(row_json).collect();
            json!({ "role": g.role, "post": g.post, "rows": rows })
        })
        .collect();
    let not: Vec<Value> = report
        .not_reported
        .iter()
        .map(|n| {
            let (why, errors, same_as) = match &n.why {
                Why::Unreadable(e) => (format!("cannot be read: {e}"), None, None),
                Why::Errors(c) => ("errors".to_string(), Some(*c), None),
                Why::SameReference(f) => (
                    "same reference as another case file".to_string(),
                    None,
                    Some(f.display().to_string()),
                ),
            };
            json!({
                "file": n.file.display().to_string(),
                "reference": n.reference,
                "why": why,
                "errors": errors,
                "same_reference_as": same_as,
            })
        })
        .collect();
    json!({
        "today": report.today.iso(),
        "cases": report.cases,
        "overdue": report.count(Standing::Overdue),
        "due_soon": report.count(Standing::DueSoon),
        "next": report.count(Standing::Next),
        "warnings": report.warnings,
        "groups": groups,
        "not_reported": not,
    })
}

fn row_json(r: &Row) -> Value {
    let roles: Vec<Value> = r
        .responsible
        .roles
        .iter()
        .map(|n| json!({ "id": n.id, "name": n.name, "post": n.post, "person": n.person }))
        .collect();
    json!({
        "reference": r.reference,
        "file": r.file.display().to_string(),
        "timeline": r.timeline,
        "step": r.step,
        "action": r.action,
        "due": r.due.iso(),
        "weekday": r.due.naive().format("%A").to_string(),
        "earliest": r.earliest.map(Date::iso),
        "limit": r.limit,
        "status": r.standing,
        "responsible": r.responsible.text,
        "roles": roles,
    })
}
