//! How the documents say who someone is: "mother of Maisie and Leo",
//! "maternal grandmother", "Leo and your unborn baby". Worked out from the
//! family's links, so the social worker writes each relationship once, as
//! data; a person's own `relationship` says what the links cannot.

use super::Family;
use crate::case::people::{Gender, ParentKind, PartnershipStatus};

/// The word for a relation, by gender: (female, male, anyone).
type Words = (&'static str, &'static str, &'static str);

fn word(gender: Gender, w: Words) -> &'static str {
    match gender {
        Gender::Female => w.0,
        Gender::Male => w.1,
        Gender::Other | Gender::Unknown => w.2,
    }
}

/// Joins items as in prose: "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Family<'_> {
    /// How a letter or a table names a child: their first name; an unborn
    /// child is "your unborn baby" to its parent, else "the unborn baby".
    pub fn child_name(&self, c: usize, reader: Option<usize>) -> String {
        let p = self.person(c);
        if p.unborn() {
            let theirs = reader.is_some_and(|r| self.parents_of(c).iter().any(|&(q, _)| q == r));
            return if theirs {
                "your unborn baby"
            } else {
                "the unborn baby"
            }
            .to_string();
        }
        p.name
            .split_whitespace()
            .next()
            .unwrap_or(&p.name)
            .to_string()
    }

    /// Children named as a person would say them: "Maisie", "Maisie and
    /// Leo", "Leo and your unborn baby".
    pub fn children_names(&self, children: &[usize], reader: Option<usize>) -> String {
        let names: Vec<String> = children
            .iter()
            .map(|&c| self.child_name(c, reader))
            .collect();
        join_and(&names)
    }

    /// Who `i` is to the case's children, in words: their own
    /// `relationship` if the case gives one, else worked out from the
    /// links ("mother of Maisie and Leo", "maternal grandmother"); `None`
    /// when neither says. With `short`, a relation that holds for every
    /// child is said without naming them ("mother").
    pub fn relationship(&self, i: usize, short: bool) -> Option<String> {
        if let Some(r) = &self.person(i).relationship {
            return Some(r.clone());
        }
        // Each relation, with the children it holds for.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut add = |what: String, c: usize| match groups.iter_mut().find(|g| g.0 == what) {
            Some(g) => g.1.push(c),
            None => groups.push((what, vec![c])),
        };
        // A parent is described as a parent: "father of Ava", not also as
        // her half-brother's mother's former partner.
        let connected = self.connected_children(i);
        let about: &[usize] = if connected.is_empty() {
            self.children()
        } else {
            &connected
        };
        for &c in about {
            if let Some(what) = self.relation_to(i, c) {
                add(what, c);
            }
        }
        if groups.is_empty() {
            return None;
        }
        let all = self.children().len();
        let parts: Vec<String> = groups
            .iter()
            .map(|(what, kids)| {
                if short && kids.len() == all {
                    what.clone()
                } else {
                    format!("{what} of {}", self.children_names(kids, None))
                }
            })
            .collect();
        Some(parts.join("; "))
    }

    /// What `i` is to child `c`, if the links say.
    fn relation_to(&self, i: usize, c: usize) -> Option<String> {
        if i == c {
            return None;
        }
        let g = self.person(i).gender;
        if let Some(&(_, kind)) = self.parents_of(c).iter().find(|&&(p, _)| p == i) {
            return Some(
                match kind {
                    ParentKind::Birth | ParentKind::Other => {
                        word(g, ("mother", "father", "parent"))
                    }
                    ParentKind::Adoptive => {
                        word(g, ("adoptive mother", "adoptive father", "adoptive parent"))
                    }
                    ParentKind::Step => word(g, ("stepmother", "stepfather", "step-parent")),
                }
                .to_string(),
            );
        }
        if self.responsibility_of(i).contains(&c) {
            return Some("has parental responsibility".to_string());
        }
        let blood = |x: usize| -> Vec<usize> {
            self.parents_of(x)
                .iter()
                .filter(|(_, k)| matches!(k, ParentKind::Birth | ParentKind::Adoptive))
                .map(|&(p, _)| p)
                .collect()
        };
        let side = |p: usize| match self.person(p).gender {
            Gender::Female => "maternal ",
            Gender::Male => "paternal ",
            _ => "",
        };
        for p in blood(c) {
            if blood(p).contains(&i) {
                return Some(format!(
                    "{}{}",
                    side(p),
                    word(g, ("grandmother", "grandfather", "grandparent"))
                ));
            }
            for gp in blood(p) {
                if blood(gp).contains(&i) {
                    return Some(format!(
                        "{}{}",
                        side(p),
                        word(
                            g,
                            (
                                "great-grandmother",
                                "great-grandfather",
                                "great-grandparent"
                            )
                        )
                    ));
                }
            }
            let (mine, theirs) = (blood(i), blood(p));
            if i != p && mine.iter().any(|x| theirs.contains(x)) {
                return Some(format!(
                    "{}{}",
                    side(p),
                    word(g, ("aunt", "uncle", "aunt or uncle"))
                ));
            }
        }
        let (mine, theirs) = (blood(i), blood(c));
        if mine.iter().any(|x| theirs.contains(x)) {
            let mut a = mine.clone();
            let mut b = theirs.clone();
            a.sort();
            b.sort();
            let w = if a == b {
                ("sister", "brother", "sibling")
            } else {
                ("half-sister", "half-brother", "half-sibling")
            };
            return Some(word(g, w).to_string());
        }
        for p in blood(c) {
            if let Some(l) = self
                .links()
                .iter()
                .find(|l| (l.a, l.b) == (i.min(p), i.max(p)))
            {
                let whose = word(self.person(p).gender, ("mother's", "father's", "parent's"));
                let former = matches!(
                    l.status,
                    PartnershipStatus::Separated | PartnershipStatus::Divorced
                );
                return Some(format!(
                    "{whose} {}partner",
                    if former { "former " } else { "" }
                ));
            }
        }
        None
    }
}
