//! The genogram (004 §4d(iii)): the family drawn in standard symbols over at
//! least three generations, laid out in Rust ([`layout`]) and drawn by the
//! template with Typst's own shapes. The layout reads only [`GenoFamily`];
//! `job` builds one from the case.

mod align;
mod channel;
mod check;
mod draw;
mod households;
mod input;
mod kin;
mod label;
pub mod layout;
mod levels;
mod lines;
mod order;
mod place;
mod route;
mod search;
mod shapes;
mod walk;

use std::collections::BTreeMap;

use serde_json::json;

pub use input::{Born, GenoFamily, GenoPartnership, GenoPerson, ParentKind};
pub use label::dates;
pub use layout::{Layout, MAX_HEIGHT, MAX_WIDTH, layout};

use super::{Ctx, DocumentJob, children_names};
use crate::case::FamilyMember;

/// The case's family as the genogram reads it. Parents and partners named
/// by an id that is not in the family are left out (`check` reports them).
pub fn family(members: &[FamilyMember]) -> GenoFamily {
    let index: BTreeMap<&str, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let people = members
        .iter()
        .map(|m| GenoPerson {
            name: m.name.clone(),
            gender: m.gender,
            born: m.born.map(Born::Day),
            expected: None,
            died: m.died.map(Born::Day),
            deceased: m.deceased,
            subject: m.subject,
            note: m.note.clone(),
            parents: m
                .parents
                .iter()
                .filter_map(|p| index.get(p.as_str()))
                .map(|&p| (p, ParentKind::Birth))
                .collect(),
        })
        .collect();
    let partnerships = members
        .iter()
        .enumerate()
        .flat_map(|(i, m)| {
            let index = &index;
            m.partners.iter().filter_map(move |p| {
                index.get(p.with.as_str()).map(|&j| GenoPartnership {
                    a: i,
                    b: j,
                    status: p.status,
                    domestic_abuse: false,
                })
            })
        })
        .collect();
    let household: Vec<usize> = (0..members.len())
        .filter(|&i| members[i].household)
        .collect();
    GenoFamily {
        people,
        partnerships,
        households: if household.is_empty() {
            Vec::new()
        } else {
            vec![household]
        },
    }
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let case = ctx.case;
    let family = family(&case.family);
    let layout = layout(&family);
    let date = ctx.date();
    let generations = crate::case::generation_count(&case.family);
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": children_names(case),
        "as_at": date.long(),
        "people": family.people.len(),
        "generations": generations,
        "has_household": !family.households.is_empty(),
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
