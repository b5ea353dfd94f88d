//! The genogram in words: its alternative text, so a screen reader (and
//! anyone who cannot see the drawing) is told the same family the symbols
//! show: who the children are, each person's parents, the partnerships and
//! any domestic abuse, who has died, and who lives together.

use super::input::{GenoFamily, GenoPerson, ParentKind};
use super::label::dates;
use crate::case::{Gender, PartnershipStatus, join_and};

/// The family drawn, in sentences.
pub fn describe(family: &GenoFamily) -> String {
    let name = |i: usize| family.people[i].name.clone();
    let mut out = Vec::new();
    let children: Vec<String> = family
        .people
        .iter()
        .filter(|p| p.subject)
        .map(with_dates)
        .collect();
    out.push(format!(
        "A family tree of {} {}.",
        family.people.len(),
        if family.people.len() == 1 {
            "person"
        } else {
            "people"
        }
    ));
    if !children.is_empty() {
        out.push(format!(
            "The {} the case is about: {}.",
            if children.len() == 1 {
                "child"
            } else {
                "children"
            },
            join_and(&children)
        ));
    }
    for (i, p) in family.people.iter().enumerate() {
        if p.parents.is_empty() {
            continue;
        }
        let parents: Vec<String> = p
            .parents
            .iter()
            .map(|&(q, kind)| format!("{} ({})", name(q), parent_word(&family.people[q], kind)))
            .collect();
        let whose = if p.parents.len() == 1 {
            format!("{}'s parent", name(i))
        } else {
            format!("{}'s parents", name(i))
        };
        let verb = if p.parents.len() == 1 { "is" } else { "are" };
        out.push(format!("{whose} {verb} {}.", join_and(&parents)));
    }
    for l in &family.partnerships {
        let status = match l.status {
            PartnershipStatus::Married => "are married",
            PartnershipStatus::Partners => "are partners",
            PartnershipStatus::Separated => "are separated",
            PartnershipStatus::Divorced => "are divorced",
        };
        let abuse = if l.domestic_abuse {
            ", with domestic abuse between them"
        } else {
            ""
        };
        out.push(format!("{} and {} {status}{abuse}.", name(l.a), name(l.b)));
    }
    for p in family
        .people
        .iter()
        .filter(|p| p.deceased || p.died.is_some())
    {
        out.push(format!("{} has died.", p.name));
    }
    for p in family.people.iter().filter(|p| p.subject) {
        if let Some(note) = &p.note {
            out.push(format!("{}: {note}.", p.name));
        }
    }
    for p in family.people.iter().filter(|p| !p.subject) {
        if let Some(note) = &p.note {
            out.push(format!("{}: {note}.", p.name));
        }
    }
    for h in family.households.iter().filter(|h| h.len() > 1) {
        let names: Vec<String> = h.iter().map(|&i| name(i)).collect();
        out.push(format!("{} live together.", join_and(&names)));
    }
    out.join(" ")
}

/// "Maisie Nowak (b. 3 Mar 2019)", as the label has it.
fn with_dates(p: &GenoPerson) -> String {
    let d = dates(p);
    if d.is_empty() {
        p.name.clone()
    } else {
        format!("{} ({d})", p.name)
    }
}

/// "mother", "adoptive father", "step-parent".
fn parent_word(p: &GenoPerson, kind: ParentKind) -> String {
    let base = match p.gender {
        Gender::Female => "mother",
        Gender::Male => "father",
        Gender::Other | Gender::Unknown => "parent",
    };
    match kind {
        ParentKind::Birth => format!("birth {base}"),
        ParentKind::Adoptive => format!("adoptive {base}"),
        ParentKind::Step => format!("step{}", if base == "parent" { "-parent" } else { base }),
        ParentKind::Other => format!("legal {base}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::genogram::GenoPartnership;

    #[test]
    fn says_the_children_their_parents_the_partnership_abuse_and_the_household() {
        let mut kerry = GenoPerson::new("Kerry Hartley", Gender::Female);
        kerry.note = Some("in prison".into());
        let tomasz = GenoPerson::new("Tomasz Nowak", Gender::Male);
        let mut maisie = GenoPerson::new("Maisie Nowak", Gender::Female);
        maisie.subject = true;
        maisie.parents = vec![(0, ParentKind::Birth), (1, ParentKind::Step)];
        let mut gran = GenoPerson::new("Jean Hartley", Gender::Female);
        gran.deceased = true;
        let family = GenoFamily {
            people: vec![kerry, tomasz, maisie, gran],
            partnerships: vec![GenoPartnership {
                a: 0,
                b: 1,
                status: PartnershipStatus::Separated,
                domestic_abuse: true,
            }],
            households: vec![vec![0, 2], vec![1]],
        };
        assert_eq!(
            describe(&family),
            "A family tree of 4 people. The child the case is about: Maisie Nowak. \
             Maisie Nowak's parents are Kerry Hartley (birth mother) and Tomasz Nowak \
             (stepfather). Kerry Hartley and Tomasz Nowak are separated, with domestic \
             abuse between them. Jean Hartley has died. Kerry Hartley: in prison. \
             Kerry Hartley and Maisie Nowak live together."
        );
    }
}
