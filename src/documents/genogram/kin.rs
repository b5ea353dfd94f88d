//! The family as the drawing needs it: *unions* (a couple, or a lone parent,
//! with the children who hang from them), who hangs from which union, and
//! each person's generation (row). Everything after this reads `Kin`, never
//! the raw input.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::input::{Born, GenoFamily, ParentKind};
use crate::case::PartnershipStatus;

/// A partnership once: (lower index, higher), (status, abuse, first
/// place in the input).
type Pair = ((usize, usize), (PartnershipStatus, bool, usize));

/// How a line down to a child is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// Birth.
    Solid,
    /// Adoption.
    Dashed,
    /// Another kind of parent, or a step-parent who is the only one drawn.
    Dotted,
}

impl Style {
    pub fn name(self) -> &'static str {
        match self {
            Style::Solid => "solid",
            Style::Dashed => "dashed",
            Style::Dotted => "dotted",
        }
    }
}

/// A couple (or a lone parent) and the children who hang from them.
#[derive(Debug, Clone)]
pub(super) struct Union {
    /// One parent or two, lower index first.
    pub parents: Vec<usize>,
    /// Eldest first; twins next to each other.
    pub kids: Vec<usize>,
    /// How each kid's line is drawn, as `kids`.
    pub styles: Vec<Style>,
    /// The partnership line, for a couple. A couple who are parents of the
    /// same child but have no partnership recorded are drawn as partners.
    pub status: Option<PartnershipStatus>,
    /// Domestic abuse between the two.
    pub abuse: bool,
    /// Sets of kids born on the same day, who share one point on the bar.
    pub twins: Vec<Vec<usize>>,
}

/// The family's structure, by index into `people`.
pub(super) struct Kin {
    /// How many people.
    pub n: usize,
    /// Each person's row, 0 at the top.
    pub level: Vec<usize>,
    /// How many rows.
    pub rows: usize,
    /// The unions.
    pub unions: Vec<Union>,
    /// The union each person hangs from, if any.
    pub origin: Vec<Option<usize>>,
    /// The unions each person is a parent or partner in.
    pub own: Vec<Vec<usize>>,
    /// When each person was born (or is due), for birth order.
    pub born: Vec<Option<NaiveDate>>,
    /// Which connected part of the family each person is in; 0 is the part
    /// with the children the case is about.
    pub component: Vec<usize>,
}

/// A sortable date for birth order: a year alone sorts as its middle.
pub(super) fn sort_date(b: &Born) -> Option<NaiveDate> {
    match b {
        Born::Day(d) => Some(d.naive()),
        Born::Year(y) => NaiveDate::from_ymd_opt(*y, 7, 1),
    }
}

impl Kin {
    pub fn new(family: &GenoFamily) -> Kin {
        let n = family.people.len();
        let born: Vec<Option<NaiveDate>> = family
            .people
            .iter()
            .map(|p| {
                p.born
                    .as_ref()
                    .and_then(sort_date)
                    .or(p.expected.map(|d| d.naive()))
            })
            .collect();
        // Partnerships once each; a repeat adds its abuse flag.
        let mut pairs: BTreeMap<(usize, usize), (PartnershipStatus, bool, usize)> = BTreeMap::new();
        for (k, p) in family.partnerships.iter().enumerate() {
            if p.a >= n || p.b >= n || p.a == p.b {
                continue;
            }
            let key = (p.a.min(p.b), p.a.max(p.b));
            let abuse = pairs.get(&key).is_some_and(|e| e.1) || p.domestic_abuse;
            let first = pairs.get(&key).map_or(k, |e| e.2);
            pairs.insert(key, (p.status, abuse, first));
        }
        // Each child's drawn parents: birth, adoptive and other ones; step
        // parents only when no other is drawn. With more than two, the
        // adoptive (or other) ones, who bring the child up.
        let mut hang: Vec<Option<(Vec<usize>, Style)>> = vec![None; n];
        for (c, person) in family.people.iter().enumerate() {
            let mut by_kind: Vec<(usize, ParentKind)> = Vec::new();
            for &(p, kind) in &person.parents {
                if p < n && p != c && !by_kind.iter().any(|&(q, _)| q == p) {
                    by_kind.push((p, kind));
                }
            }
            let pick = |f: &dyn Fn(ParentKind) -> bool| -> Vec<(usize, ParentKind)> {
                by_kind.iter().copied().filter(|&(_, k)| f(k)).collect()
            };
            let mut chosen = pick(&|k| k != ParentKind::Step);
            if chosen.len() > 2 {
                let raised = pick(&|k| matches!(k, ParentKind::Adoptive | ParentKind::Other));
                chosen = if (1..=2).contains(&raised.len()) {
                    raised
                } else {
                    chosen[..2].to_vec()
                };
            }
            // Adopters bring the child up: a birth parent beside them would
            // make a couple of two people who are not one.
            if chosen.iter().any(|&(_, k)| k == ParentKind::Adoptive) {
                chosen.retain(|&(_, k)| k == ParentKind::Adoptive);
            }
            if chosen.is_empty() {
                chosen = pick(&|k| k == ParentKind::Step);
                chosen.truncate(2);
            } else if let [(only, _)] = chosen[..] {
                // A lone parent's partner who is the child's step-parent:
                // the child hangs from the couple, by a dotted line.
                let partner = pick(&|k| k == ParentKind::Step)
                    .into_iter()
                    .find(|&(q, _)| pairs.contains_key(&(only.min(q), only.max(q))));
                chosen.extend(partner);
            }
            if chosen.is_empty() {
                continue;
            }
            let style = if chosen.iter().all(|&(_, k)| k == ParentKind::Birth) {
                Style::Solid
            } else if chosen.iter().any(|&(_, k)| k == ParentKind::Adoptive) {
                Style::Dashed
            } else {
                Style::Dotted
            };
            let mut ps: Vec<usize> = chosen.iter().map(|&(p, _)| p).collect();
            ps.sort();
            hang[c] = Some((ps, style));
        }
        // Unions: every partnership, in the order given, then every other
        // set of parents children hang from.
        let mut pair_list: Vec<Pair> = pairs.into_iter().collect();
        pair_list.sort_by_key(|(_, v)| v.2);
        let mut unions: Vec<Union> = pair_list
            .iter()
            .map(|&((a, b), (status, abuse, _))| Union {
                parents: vec![a, b],
                kids: Vec::new(),
                styles: Vec::new(),
                status: Some(status),
                abuse,
                twins: Vec::new(),
            })
            .collect();
        let mut origin = vec![None; n];
        for c in 0..n {
            let Some((ps, style)) = &hang[c] else {
                continue;
            };
            let u = match unions.iter().position(|u| &u.parents == ps) {
                Some(u) => u,
                None => {
                    unions.push(Union {
                        parents: ps.clone(),
                        kids: Vec::new(),
                        styles: Vec::new(),
                        status: (ps.len() == 2).then_some(PartnershipStatus::Partners),
                        abuse: false,
                        twins: Vec::new(),
                    });
                    unions.len() - 1
                }
            };
            unions[u].kids.push(c);
            unions[u].styles.push(*style);
            origin[c] = Some(u);
        }
        for u in &mut unions {
            let mut kids: Vec<(usize, Style)> =
                u.kids.iter().copied().zip(u.styles.clone()).collect();
            kids.sort_by_key(|&(k, _)| (born[k].is_none(), born[k], k));
            u.kids = kids.iter().map(|k| k.0).collect();
            u.styles = kids.iter().map(|k| k.1).collect();
            let day = |k: usize| {
                let p = &family.people[k];
                match p.born {
                    Some(Born::Day(d)) => Some(d),
                    _ => p.expected,
                }
            };
            let mut i = 0;
            while i < u.kids.len() {
                let mut j = i + 1;
                while j < u.kids.len()
                    && day(u.kids[i]).is_some()
                    && day(u.kids[j]) == day(u.kids[i])
                {
                    j += 1;
                }
                if j - i > 1 {
                    u.twins.push(u.kids[i..j].to_vec());
                }
                i = j;
            }
        }
        let mut own = vec![Vec::new(); n];
        for (k, u) in unions.iter().enumerate() {
            for &p in &u.parents {
                own[p].push(k);
            }
        }
        let component = components(n, &unions, &origin, family);
        let level = super::levels::levels(family, &unions, &component);
        let rows = level.iter().max().map_or(0, |l| l + 1);
        Kin {
            n,
            level,
            rows,
            unions,
            origin,
            own,
            born,
            component,
        }
    }

    /// The other parent of union `u`, seen from `p`.
    pub fn partner(&self, u: usize, p: usize) -> Option<usize> {
        self.unions[u].parents.iter().copied().find(|&q| q != p)
    }

    /// When a union's first child was born, to put a person's partners in
    /// the order of their children.
    pub fn first_born(&self, u: usize) -> Option<NaiveDate> {
        self.unions[u]
            .kids
            .iter()
            .filter_map(|&k| self.born[k])
            .min()
    }
}

/// Connected parts of the family (through unions), numbered so that the
/// part with the most children the case is about, then the biggest, is 0.
fn components(
    n: usize,
    unions: &[Union],
    origin: &[Option<usize>],
    family: &GenoFamily,
) -> Vec<usize> {
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], x: usize) -> usize {
        let mut x = x;
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for (u, union) in unions.iter().enumerate() {
        let members: Vec<usize> = union
            .parents
            .iter()
            .copied()
            .chain((0..n).filter(|&c| origin[c] == Some(u)))
            .collect();
        for w in members.windows(2) {
            let (a, b) = (find(&mut root, w[0]), find(&mut root, w[1]));
            root[a] = b;
        }
    }
    let heads: Vec<usize> = (0..n).map(|i| find(&mut root, i)).collect();
    let mut parts: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
    for (i, &h) in heads.iter().enumerate() {
        let e = parts.entry(h).or_insert((0, 0, i));
        e.0 += usize::from(family.people[i].subject);
        e.1 += 1;
    }
    let mut order: Vec<(usize, (usize, usize, usize))> = parts.into_iter().collect();
    order.sort_by_key(|&(_, (subjects, size, first))| {
        (std::cmp::Reverse(subjects), std::cmp::Reverse(size), first)
    });
    let number: BTreeMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(k, &(h, _))| (h, k))
        .collect();
    heads.iter().map(|h| number[h]).collect()
}
