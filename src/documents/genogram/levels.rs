//! Each person's generation, as a row of the drawing: below all their
//! parents, on the same row as their partners and their brothers and
//! sisters, and (with no parents drawn) right above their children. An
//! unrelated part of the family (foster carers, say) sits one row above
//! the people it lives with, or on the row of the parents of the children
//! the case is about when it lives with none of them.

use std::collections::BTreeSet;

use super::input::GenoFamily;
use super::kin::Union;

/// Rows, 0 at the top, by person.
pub(super) fn levels(family: &GenoFamily, unions: &[Union], component: &[usize]) -> Vec<usize> {
    let n = family.people.len();
    let edges: Vec<(usize, usize)> = family
        .people
        .iter()
        .enumerate()
        .flat_map(|(c, person)| {
            person
                .parents
                .iter()
                .filter(move |&&(p, _)| p < n && p != c)
                .map(move |&(p, _)| (p, c))
        })
        .collect();
    // People who must share a row, merged one link at a time; a link that
    // would put someone above their own ancestor is left out (a finding
    // of `check` in the case; here it only costs a longer line).
    let mut classes = Classes::new(n);
    let mut same: Vec<(usize, usize)> = Vec::new();
    for u in unions {
        if let [a, b] = u.parents[..] {
            same.push((a, b));
        }
        for w in u.kids.windows(2) {
            same.push((w[0], w[1]));
        }
    }
    if !classes.acyclic(&edges) {
        // A loop of parents in the input: rows by input order, unmerged.
        return (0..n).map(|_| 0).collect();
    }
    for (a, b) in same {
        let saved = classes.clone();
        classes.merge(a, b);
        if !classes.acyclic(&edges) {
            classes = saved;
        }
    }
    let class: Vec<usize> = (0..n).map(|i| classes.find(i)).collect();
    let order = classes.topological(&edges);
    let mut level = vec![0usize; n];
    // Longest path from the top.
    for &c in &order {
        for &(p, k) in &edges {
            if class[k] == c {
                level[c] = level[c].max(level[class[p]] + 1);
            }
        }
    }
    // Someone with no parents drawn sits right above their children.
    for &c in order.iter().rev() {
        let has_parents = edges.iter().any(|&(_, k)| class[k] == c);
        let below: Option<usize> = edges
            .iter()
            .filter(|&&(p, _)| class[p] == c)
            .map(|&(_, k)| level[class[k]])
            .min();
        if !has_parents && let Some(b) = below {
            level[c] = b.saturating_sub(1);
        }
    }
    let mut level: Vec<i64> = (0..n).map(|i| level[class[i]] as i64).collect();
    // Unrelated parts: their lowest household member one row above the
    // highest of the people they live with.
    let parts = component.iter().max().map_or(0, |m| m + 1);
    let mut placed: BTreeSet<usize> = BTreeSet::from([0]);
    for part in 1..parts {
        let mut offset = 0;
        let mut placed_by_house = false;
        for house in &family.households {
            let inside: Vec<usize> = house
                .iter()
                .copied()
                .filter(|&i| i < n && component[i] == part)
                .collect();
            let others: Vec<usize> = house
                .iter()
                .copied()
                .filter(|&i| i < n && placed.contains(&component[i]))
                .collect();
            if let (Some(top), Some(bottom)) = (
                others.iter().map(|&i| level[i]).min(),
                inside.iter().map(|&i| level[i]).max(),
            ) {
                offset = top - 1 - bottom;
                placed_by_house = true;
                break;
            }
        }
        if !placed_by_house {
            // Living with none of the family (a foster carer whose child
            // is elsewhere): the lowest of them on the row of the parents
            // of the children the case is about, not up with the eldest.
            let subjects: Vec<i64> = (0..n)
                .filter(|&i| family.people[i].subject && component[i] == 0)
                .map(|i| level[i])
                .collect();
            let bottom = (0..n)
                .filter(|&i| component[i] == part)
                .map(|i| level[i])
                .max();
            if let (Some(top), Some(bottom)) = (subjects.iter().min(), bottom) {
                offset = top - 1 - bottom;
            }
        }
        for i in 0..n {
            if component[i] == part {
                level[i] += offset;
            }
        }
        placed.insert(part);
    }
    let min = level.iter().copied().min().unwrap_or(0);
    level.iter().map(|&l| (l - min) as usize).collect()
}

/// People merged into classes that share a row.
#[derive(Clone)]
struct Classes {
    root: Vec<usize>,
}

impl Classes {
    fn new(n: usize) -> Classes {
        Classes {
            root: (0..n).collect(),
        }
    }

    fn find(&self, x: usize) -> usize {
        let mut x = x;
        while self.root[x] != x {
            x = self.root[x];
        }
        x
    }

    fn merge(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.root[a.max(b)] = a.min(b);
        }
    }

    /// Classes in an order where parents come before children; shorter
    /// than the number of classes when there is a loop.
    fn topological(&self, edges: &[(usize, usize)]) -> Vec<usize> {
        let n = self.root.len();
        let class: Vec<usize> = (0..n).map(|i| self.find(i)).collect();
        let nodes: BTreeSet<usize> = class.iter().copied().collect();
        let arcs: BTreeSet<(usize, usize)> =
            edges.iter().map(|&(p, c)| (class[p], class[c])).collect();
        let mut indegree = vec![0usize; n];
        for &(_, c) in &arcs {
            indegree[c] += 1;
        }
        let mut ready: Vec<usize> = nodes
            .iter()
            .copied()
            .filter(|&c| indegree[c] == 0)
            .collect();
        ready.reverse();
        let mut out = Vec::new();
        while let Some(c) = ready.pop() {
            out.push(c);
            for &(p, k) in &arcs {
                if p == c {
                    indegree[k] -= 1;
                    if indegree[k] == 0 {
                        ready.push(k);
                    }
                }
            }
        }
        out
    }

    fn acyclic(&self, edges: &[(usize, usize)]) -> bool {
        let n = self.root.len();
        let count = (0..n).map(|i| self.find(i)).collect::<BTreeSet<_>>().len();
        self.topological(edges).len() == count
    }
}
