//! Who stands where in a genogram: each person's generation, their
//! partners (declared, or implied by a shared child), and the order of each
//! row on a grid of whole slots, so that partners stand side by side and
//! children stand under their parents in birth order.

use std::collections::{BTreeMap, BTreeSet};

use super::FamilyMember;
use crate::case::PartnershipStatus;

/// The family's links, by index into `family`.
pub(super) struct Kin {
    /// Each person's parents who are in the family.
    pub parents: Vec<Vec<usize>>,
    /// Partnerships, each once, lower index first.
    pub pairs: Vec<(usize, usize, PartnershipStatus)>,
    /// Each person's generation, 0 at the top.
    pub level: Vec<usize>,
}

impl Kin {
    pub fn new(family: &[FamilyMember]) -> Kin {
        let index: BTreeMap<&str, usize> = family
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i))
            .collect();
        let parents: Vec<Vec<usize>> = family
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut ps: Vec<usize> = m
                    .parents
                    .iter()
                    .filter_map(|p| index.get(p.as_str()).copied())
                    .filter(|&p| p != i)
                    .collect();
                ps.sort();
                ps.dedup();
                ps
            })
            .collect();
        let pairs = partnerships(family);
        let level = generations(family, &pairs);
        Kin {
            parents,
            pairs,
            level,
        }
    }

    /// How many rows the drawing has.
    pub fn rows(&self) -> usize {
        self.level.iter().max().map_or(0, |g| g + 1)
    }

    /// Everyone `i` is partnered with.
    pub fn partners_of(&self, i: usize) -> Vec<usize> {
        self.pairs
            .iter()
            .filter_map(|&(a, b, _)| {
                if a == i {
                    Some(b)
                } else if b == i {
                    Some(a)
                } else {
                    None
                }
            })
            .collect()
    }
}

/// Generations, top first: a person is one below their lowest-placed
/// parent, partners share a row, and a person with no parents listed sits
/// one above their children.
fn generations(
    family: &[FamilyMember],
    partners: &[(usize, usize, PartnershipStatus)],
) -> Vec<usize> {
    let index: BTreeMap<&str, usize> = family
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let parents: Vec<Vec<usize>> = family
        .iter()
        .map(|m| {
            m.parents
                .iter()
                .filter_map(|p| index.get(p.as_str()).copied())
                .filter(|&p| p != index[m.id.as_str()])
                .collect()
        })
        .collect();
    let mut level = vec![0usize; family.len()];
    // A loop of parents is a finding of `check`; the bound keeps this from
    // running on forever if one slips through.
    for _ in 0..family.len() * 2 + 2 {
        let mut changed = false;
        for i in 0..family.len() {
            let want = parents[i].iter().map(|&p| level[p] + 1).max().unwrap_or(0);
            if want > level[i] && want <= family.len() {
                level[i] = want;
                changed = true;
            }
        }
        for &(a, b, _) in partners {
            let g = level[a].max(level[b]);
            // Only someone with no parents listed moves down to a partner.
            for x in [a, b] {
                if level[x] < g && parents[x].is_empty() {
                    level[x] = g;
                    changed = true;
                }
            }
        }
        // Parentless people with children sit right above them.
        for i in 0..family.len() {
            if !parents[i].is_empty() {
                continue;
            }
            let children: Vec<usize> = (0..family.len())
                .filter(|&c| parents[c].contains(&i))
                .collect();
            if let Some(min) = children.iter().map(|&c| level[c]).min()
                && min > 0
                && level[i] < min - 1
            {
                level[i] = min - 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    level
}

/// Partnerships from either side, once each; two people who are parents of
/// the same child are partners even if neither says so.
fn partnerships(family: &[FamilyMember]) -> Vec<(usize, usize, PartnershipStatus)> {
    let index: BTreeMap<&str, usize> = family
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut out: BTreeMap<(usize, usize), PartnershipStatus> = BTreeMap::new();
    for (i, m) in family.iter().enumerate() {
        for p in &m.partners {
            if let Some(&j) = index.get(p.with.as_str())
                && j != i
            {
                out.insert((i.min(j), i.max(j)), p.status);
            }
        }
    }
    for m in family {
        let ps: Vec<usize> = m
            .parents
            .iter()
            .filter_map(|p| index.get(p.as_str()).copied())
            .collect();
        if let [a, b] = ps[..]
            && a != b
        {
            out.entry((a.min(b), a.max(b)))
                .or_insert(PartnershipStatus::Partners);
        }
    }
    out.into_iter().map(|((a, b), s)| (a, b, s)).collect()
}

/// Each person's slot (a whole number; the left edge may be below 0) and
/// each row's order.
// Rows, slots, levels and parents are indexed by the same numbers together.
#[allow(clippy::needless_range_loop)]
pub(super) fn place(family: &[FamilyMember], kin: &Kin) -> (Vec<i64>, Vec<Vec<usize>>) {
    let n = family.len();
    let (parents, level) = (&kin.parents, &kin.level);
    let rows_n = kin.rows();
    let partners_of = |i: usize| kin.partners_of(i);
    // Order each row and give everyone a whole slot.
    let mut slot: Vec<i64> = vec![0; n];
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); rows_n];
    for g in 0..rows_n {
        let in_row: Vec<usize> = (0..n).filter(|&i| level[i] == g).collect();
        // Children grouped by their parents, groups ordered by where the
        // parents stand, each group in birth order.
        let mut units: BTreeMap<Vec<usize>, Vec<usize>> = BTreeMap::new();
        let mut loose = Vec::new();
        for &i in &in_row {
            if parents[i].is_empty() {
                loose.push(i);
            } else {
                units.entry(parents[i].clone()).or_default().push(i);
            }
        }
        let mut units: Vec<(f64, Vec<usize>)> = units
            .into_iter()
            .map(|(ps, mut kids)| {
                kids.sort_by_key(|&k| (family[k].born.is_none(), family[k].born, k));
                let centre = ps.iter().map(|&p| slot[p] as f64).sum::<f64>() / ps.len() as f64;
                (centre, kids)
            })
            .collect();
        units.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Someone whose partner grew up in another family stands at the end
        // of their siblings nearest that family, so the two meet.
        let unit_of: BTreeMap<usize, usize> = units
            .iter()
            .enumerate()
            .flat_map(|(u, (_, kids))| kids.iter().map(move |&k| (k, u)))
            .collect();
        for (u, (_, kids)) in units.iter_mut().enumerate() {
            kids.sort_by_key(|&k| {
                let side = partners_of(k)
                    .iter()
                    .filter_map(|p| unit_of.get(p))
                    .map(|&pu| (pu as i64 - u as i64).signum())
                    .find(|&s| s != 0)
                    .unwrap_or(0);
                (side, family[k].born.is_none(), family[k].born, k)
            });
        }
        // Neighbouring families joined by a partnership move as one block,
        // centred between both sets of parents.
        let mut merged: Vec<(f64, Vec<usize>, usize)> = Vec::new();
        for (centre, kids) in units {
            if let Some(last) = merged.last_mut()
                && let (Some(&a), Some(&b)) = (last.1.last(), kids.first())
                && partners_of(a).contains(&b)
            {
                last.0 = (last.0 * last.2 as f64 + centre) / (last.2 + 1) as f64;
                last.2 += 1;
                last.1.extend(kids);
                continue;
            }
            merged.push((centre, kids, 1));
        }
        let units: Vec<(f64, Vec<usize>)> = merged.into_iter().map(|(c, k, _)| (c, k)).collect();
        // Blocks that stay together: a unit's children with the partners who
        // married in beside them; then anyone else, with their partners.
        let mut blocks: Vec<(Option<f64>, Vec<usize>)> = Vec::new();
        let mut row_placed: BTreeSet<usize> = BTreeSet::new();
        // A partner who married in stands beside them: one partner to the
        // right; with two or more, the first to the left.
        let joins = |i: usize, row_placed: &mut BTreeSet<usize>, out: &mut Vec<usize>| {
            let free: Vec<usize> = partners_of(i)
                .into_iter()
                .filter(|&p| level[p] == g && parents[p].is_empty() && !row_placed.contains(&p))
                .collect();
            for (k, &p) in free.iter().enumerate() {
                row_placed.insert(p);
                if k == 0 && free.len() > 1 {
                    let at = out.iter().position(|&x| x == i).unwrap_or(out.len());
                    out.insert(at, p);
                } else {
                    out.push(p);
                }
            }
        };
        for (centre, kids) in &units {
            let mut block = Vec::new();
            for &k in kids {
                if row_placed.insert(k) {
                    // A first partner stands to the left of the only or
                    // last child of a unit, the rest to the right.
                    block.push(k);
                    joins(k, &mut row_placed, &mut block);
                }
            }
            blocks.push((Some(*centre), block));
        }
        for &i in &loose {
            if row_placed.insert(i) {
                let mut block = vec![i];
                joins(i, &mut row_placed, &mut block);
                blocks.push((None, block));
            }
        }
        // Sweep left to right: each block as near its parents as the one
        // before it allows.
        let mut cursor = i64::MIN;
        let mut order = Vec::new();
        for (centre, block) in &blocks {
            let len = block.len() as i64;
            let want = centre.map_or(cursor.max(0), |c| {
                (c - (len - 1) as f64 / 2.0).round() as i64
            });
            let start = if cursor == i64::MIN {
                want
            } else {
                want.max(cursor)
            };
            for (k, &i) in block.iter().enumerate() {
                slot[i] = start + k as i64;
                order.push(i);
            }
            cursor = start + len;
        }
        rows[g] = order;
    }
    // Bottom up: parents move over their children where the row allows.
    for g in (0..rows_n.saturating_sub(1)).rev() {
        let row = rows[g].clone();
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        for &i in &row {
            match blocks.last_mut() {
                Some(b)
                    if partners_of(*b.last().unwrap()).contains(&i)
                        && slot[i] == slot[*b.last().unwrap()] + 1 =>
                {
                    b.push(i)
                }
                _ => blocks.push(vec![i]),
            }
        }
        let mut cursor = i64::MIN;
        for b in &blocks {
            let kids: Vec<usize> = (0..n)
                .filter(|&c| parents[c].iter().any(|p| b.contains(p)))
                .collect();
            let len = b.len() as i64;
            let mut start = slot[b[0]];
            if !kids.is_empty() {
                let centre = kids.iter().map(|&c| slot[c] as f64).sum::<f64>() / kids.len() as f64;
                start = (centre - (len - 1) as f64 / 2.0).round() as i64;
            }
            if cursor != i64::MIN {
                start = start.max(cursor);
            }
            for (k, &i) in b.iter().enumerate() {
                slot[i] = start + k as i64;
            }
            cursor = start + len;
        }
    }
    (slot, rows)
}
