//! The genogram (004 §4d(iii)): the family drawn in standard symbols over at
//! least three generations, laid out in Rust ([`layout`]) and drawn by the
//! template with Typst's own shapes.

pub mod layout;
mod rows;
mod shapes;

use serde_json::json;

use super::{Ctx, DocumentJob};
use crate::case::{Date, Family, Gender, ParentKind, PartnershipStatus};

/// One person as the layout reads them.
#[derive(Debug, Clone)]
pub struct FamilyMember {
    /// Their id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Symbol.
    pub gender: Gender,
    /// Date of birth.
    pub born: Option<Date>,
    /// Date of death.
    pub died: Option<Date>,
    /// Died, date unknown.
    pub deceased: bool,
    /// Parents' ids.
    pub parents: Vec<String>,
    /// A child of the case.
    pub subject: bool,
    /// A short note.
    pub note: Option<String>,
    /// Partnerships.
    pub partners: Vec<Partnership>,
    /// In the children's household.
    pub household: bool,
}

/// A partnership as the layout reads it.
#[derive(Debug, Clone)]
pub struct Partnership {
    /// The partner's id.
    pub with: String,
    /// How it stands.
    pub status: PartnershipStatus,
}

/// The family as the layout reads it: everyone but the professionals.
fn members(family: &Family) -> Vec<FamilyMember> {
    let kin = family.kin();
    let home = family.childrens_households();
    kin.iter()
        .map(|&i| {
            let p = family.person(i);
            FamilyMember {
                id: p.id.to_string(),
                name: p.name.clone(),
                gender: p.gender,
                born: p.born.and_then(|b| b.day()),
                died: p.died.and_then(|d| d.day()),
                deceased: p.has_died(),
                parents: family
                    .parents_of(i)
                    .iter()
                    .filter(|(q, k)| *k != ParentKind::Step && kin.contains(q))
                    .map(|&(q, _)| family.person(q).id.to_string())
                    .collect(),
                subject: family.is_child(i),
                note: p.note.clone(),
                partners: family
                    .links()
                    .iter()
                    .filter(|l| l.a == i && kin.contains(&l.b))
                    .map(|l| Partnership {
                        with: family.person(l.b).id.to_string(),
                        status: l.status,
                    })
                    .collect(),
                household: home.contains(&i),
            }
        })
        .collect()
}

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
    let family = members(ctx.family);
    let layout = layout::layout(&family, &dates);
    let date = ctx.date();
    let data = json!({
        "meta": ctx.meta(ctx.name(), date),
        "children_names": ctx.children_names(),
        "as_at": date.long(),
        "people": family.len(),
        "generations": ctx.family.generations(),
        "has_household": family.iter().any(|m| m.household),
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
