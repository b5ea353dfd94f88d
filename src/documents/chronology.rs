//! The chronology (004 §4d(ii)): every event in date order, numbered so the
//! PLO summary's key evidence can point to an entry, significant events
//! marked to stand out.

use serde_json::{Value, json};

use super::{Ctx, DocumentJob};
use crate::case::{Case, ChronologyEntry};

/// The chronology in date order (entries on the same day keep the order
/// they were written in), each with its number.
pub(super) fn numbered(case: &Case) -> Vec<(usize, &ChronologyEntry)> {
    let mut entries: Vec<&ChronologyEntry> = case.chronology.iter().collect();
    entries.sort_by_key(|e| e.date);
    entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| (i + 1, e))
        .collect()
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let entries = numbered(case);
    let first = entries.first().map(|(_, e)| e.date);
    let last = entries.last().map(|(_, e)| e.date);
    let rows: Vec<Value> = entries
        .iter()
        .map(|(n, e)| {
            json!({
                "n": n,
                "date": e.date.short(),
                "event": e.event,
                "source": e.source,
                "impact": e.impact,
                "significance": e.significance,
                "significant": e.significant,
            })
        })
        .collect();
    let date = ctx.date();
    let data = ctx.headed(
        date,
        json!({
            "as_at": date.long(),
            "period": match (first, last) {
                (Some(a), Some(b)) => format!("{} to {}", a.long(), b.long()),
                _ => String::new(),
            },
            "count": rows.len(),
            "significant_count": entries.iter().filter(|(_, e)| e.significant).count(),
            "entries": rows,
        }),
    );
    ctx.job(
        "chronology.typ",
        "chronology.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}
