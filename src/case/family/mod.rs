//! The people of a case, resolved: every id looked up once, so the rest of
//! casepack asks questions of the family ("whose child is Leo?", "who gets
//! a letter?", "which children is Ryan connected to?") instead of
//! following ids itself. [`Family::resolve`] fails with findings when an id
//! names nobody; a resolved family cannot hold a dangling reference.

mod present;
mod resolve;
mod words;

use std::collections::BTreeMap;

use super::model::Case;
use super::people::{Letters, ParentKind, PartnershipStatus, Person, PersonId};

pub use present::Present;
pub use words::join_and;

/// A partnership between two people, once, whichever of them wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// One partner (index into `people`).
    pub a: usize,
    /// The other.
    pub b: usize,
    /// How it stands.
    pub status: PartnershipStatus,
    /// Whether the case marks domestic abuse between them.
    pub domestic_abuse: bool,
}

/// The four professionals every case names, and the guardian once there is one.
#[derive(Debug, Clone, Copy)]
pub struct Team {
    /// The social worker.
    pub social_worker: usize,
    /// The team manager.
    pub team_manager: usize,
    /// The head of service.
    pub head_of_service: usize,
    /// The legal adviser.
    pub legal_adviser: usize,
    /// The children's guardian, in proceedings.
    pub guardian: Option<usize>,
}

impl Team {
    /// Who holds the post a profile's role names by its `professionals`
    /// field (`social_worker`, …), or `None` for a name that is not one.
    pub fn holder(&self, field: &str) -> Option<usize> {
        match field {
            "social_worker" => Some(self.social_worker),
            "team_manager" => Some(self.team_manager),
            "head_of_service" => Some(self.head_of_service),
            "legal_adviser" => Some(self.legal_adviser),
            _ => None,
        }
    }
}

/// A party to proceedings as the case names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The local authority.
    LocalAuthority,
    /// The children, through their guardian.
    Children,
    /// A person (index into `people`).
    Person(usize),
}

/// The case's people with every reference resolved to an index.
#[derive(Debug, Clone)]
pub struct Family<'a> {
    case: &'a Case,
    by_id: BTreeMap<&'a str, usize>,
    children: Vec<usize>,
    parents: Vec<Vec<(usize, ParentKind)>>,
    pr: Vec<Vec<usize>>,
    links: Vec<Link>,
    households: Vec<Vec<usize>>,
    team: Team,
}

impl<'a> Family<'a> {
    /// The case this family belongs to.
    pub fn case(&self) -> &'a Case {
        self.case
    }

    /// The person at index `i` of `people`.
    pub fn person(&self, i: usize) -> &'a Person {
        &self.case.people[i]
    }

    /// The index of the person with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The children the case is about, in the case's order.
    pub fn children(&self) -> &[usize] {
        &self.children
    }

    /// Whether `i` is a child the case is about.
    pub fn is_child(&self, i: usize) -> bool {
        self.children.contains(&i)
    }

    /// `i`'s parents, with how each is their parent.
    pub fn parents_of(&self, i: usize) -> &[(usize, ParentKind)] {
        &self.parents[i]
    }

    /// The case's children `i` holds parental responsibility for.
    pub fn responsibility_of(&self, i: usize) -> &[usize] {
        &self.pr[i]
    }

    /// Every partnership, once each.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Every household's members.
    pub fn households(&self) -> &[Vec<usize>] {
        &self.households
    }

    /// The professionals.
    pub fn team(&self) -> Team {
        self.team
    }

    /// Whether `i` is one of the professionals (whose work contact details are not private).
    pub fn is_professional(&self, i: usize) -> bool {
        let t = self.team;
        [
            t.social_worker,
            t.team_manager,
            t.head_of_service,
            t.legal_adviser,
        ]
        .contains(&i)
            || t.guardian == Some(i)
    }

    /// The case's children `adult` is a parent of (of any kind) or holds
    /// parental responsibility for, in the case's order.
    pub fn connected_children(&self, adult: usize) -> Vec<usize> {
        self.children
            .iter()
            .copied()
            .filter(|&c| {
                self.parents[c].iter().any(|&(p, _)| p == adult) || self.pr[adult].contains(&c)
            })
            .collect()
    }

    /// Everyone who is a parent of, or holds parental responsibility for,
    /// one of the case's children, in the order of `people`.
    pub fn adults(&self) -> Vec<usize> {
        (0..self.case.people.len())
            .filter(|&i| !self.is_child(i) && !self.connected_children(i).is_empty())
            .collect()
    }

    /// Whether the case writes to `i`: as it says, else if they hold
    /// parental responsibility for one of the case's children.
    pub fn writes_to(&self, i: usize) -> bool {
        self.person(i)
            .letters
            .map_or(!self.pr[i].is_empty(), Letters::written)
    }

    /// Whether the case's letters to `i` are handed to them rather than posted.
    pub fn by_hand(&self, i: usize) -> bool {
        self.person(i).letters == Some(Letters::ByHand)
    }

    /// Everyone the case writes to, in the order of `people`.
    pub fn recipients(&self) -> Vec<usize> {
        self.adults()
            .into_iter()
            .filter(|&i| self.writes_to(i))
            .collect()
    }

    /// Whether the case marks domestic abuse between `a` and `b`.
    pub fn abuse_between(&self, a: usize, b: usize) -> bool {
        self.links
            .iter()
            .any(|l| l.domestic_abuse && ((l.a, l.b) == (a.min(b), a.max(b))))
    }

    /// Everyone living in a household with one of the case's children.
    pub fn childrens_households(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .households
            .iter()
            .filter(|h| h.iter().any(|&m| self.is_child(m)))
            .flatten()
            .copied()
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Everyone the genogram draws: the people who are not professionals.
    pub fn kin(&self) -> Vec<usize> {
        (0..self.case.people.len())
            .filter(|&i| !self.is_professional(i))
            .collect()
    }

    /// The most generations any line of parents spans among the family.
    pub fn generations(&self) -> u32 {
        let mut depth: Vec<Option<u32>> = vec![None; self.case.people.len()];
        fn walk(i: usize, parents: &[Vec<(usize, ParentKind)>], depth: &mut [Option<u32>]) -> u32 {
            if let Some(d) = depth[i] {
                return d;
            }
            // Resolution refused loops, so this ends.
            let d = 1 + parents[i]
                .iter()
                .filter(|(_, k)| *k != ParentKind::Step)
                .map(|&(p, _)| walk(p, parents, depth))
                .max()
                .unwrap_or(0);
            depth[i] = Some(d);
            d
        }
        self.kin()
            .into_iter()
            .map(|i| walk(i, &self.parents, &mut depth))
            .max()
            .unwrap_or(0)
    }

    /// The party a position names.
    pub fn party(&self, id: &PersonId) -> Option<Party> {
        match id.as_str() {
            "local-authority" => Some(Party::LocalAuthority),
            "guardian" => Some(Party::Children),
            other => self.index_of(other).map(Party::Person),
        }
    }
}

#[cfg(test)]
mod tests;
