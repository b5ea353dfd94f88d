//! The genogram (004 §4d(iii)): the family drawn in standard symbols over at
//! least three generations, laid out in Rust ([`layout`]) and drawn by the
//! template with Typst's own shapes. The layout reads only [`GenoFamily`];
//! `job` builds one from the case.
//!
//! A carer from outside the family (a foster carer with no relatives or
//! partner in the case) is drawn, as social workers expect, but apart: on
//! the parents' row, beyond the family, joined to no one, inside the
//! boundary of the household they share with a child, and labelled with
//! their `relationship` (e.g. "foster carer") when they have no note.

mod align;
mod channel;
mod check;
mod describe;
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

use serde_json::json;

pub use input::{Born, GenoFamily, GenoPartnership, GenoPerson, ParentKind};
pub use label::dates;
pub use layout::{Layout, MAX_HEIGHT, MAX_WIDTH, layout};

use super::{Ctx, DocumentJob};
use crate::case::Family;

/// The family as the genogram draws it: everyone but the professionals,
/// with their parents, partnerships (and any domestic abuse between them)
/// and the households they live in.
pub fn family(family: &Family) -> GenoFamily {
    let kin = family.kin();
    let at = |i: usize| kin.iter().position(|&k| k == i);
    let people = kin
        .iter()
        .map(|&i| {
            let p = family.person(i);
            GenoPerson {
                name: p.name.clone(),
                gender: p.gender,
                born: p.born,
                expected: p.expected.filter(|_| p.born.is_none()),
                died: p.died,
                deceased: p.deceased,
                subject: family.is_child(i),
                // Someone with no relatives in the case (a foster carer)
                // is labelled with how they are connected to the children.
                note: with_step_children(family, i).or_else(|| {
                    let alone = family.parents_of(i).is_empty()
                        && !family.links().iter().any(|l| l.a == i || l.b == i)
                        && !kin
                            .iter()
                            .any(|&c| family.parents_of(c).iter().any(|q| q.0 == i));
                    p.relationship.clone().filter(|_| alone)
                }),
                parents: family
                    .parents_of(i)
                    .iter()
                    .filter_map(|&(q, kind)| at(q).map(|q| (q, kind)))
                    .collect(),
            }
        })
        .collect();
    let partnerships = family
        .links()
        .iter()
        .filter_map(|l| {
            Some(GenoPartnership {
                a: at(l.a)?,
                b: at(l.b)?,
                status: l.status,
                domestic_abuse: l.domestic_abuse,
            })
        })
        .collect();
    let households = family
        .households()
        .iter()
        .map(|h| h.iter().filter_map(|&m| at(m)).collect::<Vec<usize>>())
        .filter(|h| !h.is_empty())
        .collect();
    GenoFamily {
        people,
        partnerships,
        households,
    }
}

/// `i`'s note, with the stepchildren whose line the drawing cannot bring
/// from them said in words ("stepmother of Ivy"): a child hangs from one
/// couple, so a step-parent beside two drawn parents shows only by their
/// partnership and household unless the label says it.
fn with_step_children(family: &Family, i: usize) -> Option<String> {
    use crate::case::{Gender, ParentKind};
    let p = family.person(i);
    let partners = |a: usize, b: usize| {
        family
            .links()
            .iter()
            .any(|l| (l.a, l.b) == (a.min(b), a.max(b)))
    };
    let kids: Vec<String> = (0..family.case().people.len())
        .filter(|&c| {
            let parents = family.parents_of(c);
            parents.contains(&(i, ParentKind::Step)) && {
                let others: Vec<usize> = parents
                    .iter()
                    .filter(|&&(q, k)| k != ParentKind::Step && q != i)
                    .map(|&(q, _)| q)
                    .collect();
                // As kin draws it: with no other parent, or beside their
                // lone parent's partner, the dotted line is theirs.
                !(others.is_empty() || (others.len() == 1 && partners(others[0], i)))
            }
        })
        .filter(|&c| family.person(c).name != crate::disclosure::WITHHELD)
        .map(|c| family.child_name(c, None))
        .collect();
    if kids.is_empty() {
        return p.note.clone();
    }
    let word = match p.gender {
        Gender::Female => "stepmother",
        Gender::Male => "stepfather",
        Gender::Other | Gender::Unknown => "step-parent",
    };
    let step = format!("{word} of {}", crate::case::join_and(&kids));
    Some(match &p.note {
        Some(n) => format!("{n}; {step}"),
        None => step,
    })
}

pub(super) fn job(ctx: &Ctx) -> DocumentJob {
    let family = family(ctx.family);
    let layout = layout(&family);
    let date = ctx.date();
    let data = ctx.headed(
        date,
        json!({
            "as_at": date.long(),
            "people": family.people.len(),
            "generations": ctx.family.generations(),
            "has_household": !family.households.is_empty(),
            "description": describe::describe(&family),
            "layout": layout,
        }),
    );
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
