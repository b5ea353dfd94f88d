//! The genogram (004 §4d(iii)): the family drawn in standard symbols over at
//! least three generations, laid out in Rust ([`layout`]) and drawn by the
//! template with Typst's own shapes.

pub mod layout;
mod rows;
mod shapes;

use serde_json::json;

use super::{Ctx, DocumentJob, children_names};
use crate::case::FamilyMember;

/// A member's dates as a genogram prints them.
pub fn dates(m: &FamilyMember) -> String {
    let mut out = Vec::new();
    let day = |d: crate::case::Date| d.naive().format("%-d %b %Y").to_string();
    if let Some(b) = m.born {
        out.push(format!("b. {}", day(b)));
    }
    if let Some(d) = m.died {
        out.push(format!("d. {}", day(d)));
    } else if m.deceased {
        out.push("deceased".to_string());
    }
    out.join(" · ")
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let layout = layout::layout(&case.family, &dates);
    let date = ctx.date();
    let generations = crate::case::generation_count(&case.family);
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": children_names(case),
        "as_at": date.long(),
        "people": case.family.len(),
        "generations": generations,
        "has_household": case.family.iter().any(|m| m.household),
        "layout": layout,
    });
    ctx.job(
        "genogram.typ",
        "genogram.pdf".to_string(),
        ctx.name().to_string(),
        None,
        date,
        data,
    )
}

#[cfg(test)]
mod tests;
