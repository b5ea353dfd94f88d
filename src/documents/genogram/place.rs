//! Where each person stands along their row, in slots (one slot is one
//! person wide), given the order of every row: partners side by side one
//! slot apart, children centred under the point their line drops from,
//! parents centred over their children, everyone at least a slot apart.
//! Each row is solved exactly (a weighted least-squares fit under the
//! order, by pooling adjacent violators), sweeping down and up the rows
//! until the rows agree; positions end on half slots so an only child
//! hangs straight below their parents.

use std::collections::BTreeMap;

use super::kin::Kin;

/// Where a union's line to its children leaves the parents' row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Drop {
    /// From the middle of the partnership line of two partners side by side.
    Couple { x: f64 },
    /// From a lone parent's side (`side` -1 left, 1 right), out to the gap.
    Beside { parent: usize, side: f64, x: f64 },
    /// From under a lone parent's label (both their sides are taken).
    Under { parent: usize, x: f64 },
    /// From the line over the row joining partners who are not side by
    /// side, down the gap beside `far`.
    Gap { far: usize, x: f64 },
    /// No children, or parents this layout cannot join.
    Nothing,
}

impl Drop {
    /// The x the line drops at.
    pub fn x(self) -> Option<f64> {
        match self {
            Drop::Couple { x }
            | Drop::Beside { x, .. }
            | Drop::Under { x, .. }
            | Drop::Gap { x, .. } => Some(x),
            Drop::Nothing => None,
        }
    }
}

/// The rows in order, with each person's place in their row.
pub(super) struct Grid {
    pub rows: Vec<Vec<usize>>,
    pub index: Vec<usize>,
}

impl Grid {
    pub fn new(kin: &Kin, rows: Vec<Vec<usize>>) -> Grid {
        let mut index = vec![0; kin.n];
        for row in &rows {
            for (i, &p) in row.iter().enumerate() {
                index[p] = i;
            }
        }
        Grid { rows, index }
    }

    /// The person next to `p` on `side` (-1 left, 1 right).
    pub fn neighbour(&self, kin: &Kin, p: usize, side: f64) -> Option<usize> {
        let row = &self.rows[kin.level[p]];
        let i = self.index[p] as i64 + side as i64;
        (i >= 0 && (i as usize) < row.len()).then(|| row[i as usize])
    }

    /// Whether union `u`'s two parents stand next to each other.
    pub fn side_by_side(&self, kin: &Kin, u: usize) -> bool {
        match kin.unions[u].parents[..] {
            [a, b] => kin.level[a] == kin.level[b] && self.index[a].abs_diff(self.index[b]) == 1,
            _ => false,
        }
    }

    /// The partner standing next to `p` on `side`, if any.
    pub fn partner_beside(&self, kin: &Kin, p: usize, side: f64) -> Option<usize> {
        let q = self.neighbour(kin, p, side)?;
        kin.own[p]
            .iter()
            .any(|&u| kin.unions[u].parents.contains(&q) && self.side_by_side(kin, u))
            .then_some(q)
    }

    /// Where every union's line leaves its parents' row; `half` is half a
    /// slot in the units of `x`. Each gap between two people carries at
    /// most one line down.
    pub fn drops(&self, kin: &Kin, x: &[f64], half: f64) -> Vec<Drop> {
        let mut out = vec![Drop::Nothing; kin.unions.len()];
        // Gaps by (row, index of the person on their right).
        let mut taken: BTreeMap<(usize, usize), ()> = BTreeMap::new();
        for (u, union) in kin.unions.iter().enumerate() {
            if let [a, b] = union.parents[..]
                && self.side_by_side(kin, u)
            {
                let right = if self.index[a] > self.index[b] { a } else { b };
                taken.insert((kin.level[a], self.index[right]), ());
                if !union.kids.is_empty() {
                    out[u] = Drop::Couple {
                        x: (x[a] + x[b]) / 2.0,
                    };
                }
            }
        }
        for (u, union) in kin.unions.iter().enumerate() {
            if union.kids.is_empty() || out[u] != Drop::Nothing {
                continue;
            }
            if let [a, b] = union.parents[..] {
                if kin.level[a] != kin.level[b] {
                    continue;
                }
                // The partner with fewer partnerships is the far end.
                let far = if kin.own[a].len() < kin.own[b].len()
                    || (kin.own[a].len() == kin.own[b].len() && x[a] > x[b])
                {
                    a
                } else {
                    b
                };
                let near = if far == a { b } else { a };
                let toward = (x[near] - x[far]).signum();
                let gap = if toward > 0.0 {
                    self.index[far] + 1
                } else {
                    self.index[far]
                };
                taken.insert((kin.level[far], gap), ());
                out[u] = Drop::Gap {
                    far,
                    x: x[far] + toward * half,
                };
            }
        }
        for (u, union) in kin.unions.iter().enumerate() {
            if union.kids.is_empty() || out[u] != Drop::Nothing {
                continue;
            }
            let [p] = union.parents[..] else {
                continue;
            };
            let kids_x = union.kids.iter().map(|&k| x[k]).sum::<f64>() / union.kids.len() as f64;
            let toward = if kids_x < x[p] { -1.0 } else { 1.0 };
            let row = kin.level[p];
            let gap_of = |side: f64| {
                if side > 0.0 {
                    self.index[p] + 1
                } else {
                    self.index[p]
                }
            };
            let free = |side: f64| {
                self.partner_beside(kin, p, side).is_none()
                    && !taken.contains_key(&(row, gap_of(side)))
            };
            out[u] = match [toward, -toward].into_iter().find(|&s| free(s)) {
                Some(side) => {
                    taken.insert((row, gap_of(side)), ());
                    Drop::Beside {
                        parent: p,
                        side,
                        x: x[p] + side * half,
                    }
                }
                None => Drop::Under { parent: p, x: x[p] },
            };
        }
        out
    }
}

/// Each person's position in slots (the leftmost at 0), on half slots.
/// `extra` widens the space before the person at (row, index) by that many
/// slots, to leave a way through for a household boundary.
pub(super) fn positions(kin: &Kin, grid: &Grid, extra: &BTreeMap<(usize, usize), f64>) -> Vec<f64> {
    let mut x = vec![0.0; kin.n];
    // Blocks: runs of partners side by side, one slot apart.
    let mut blocks: Vec<Vec<Vec<usize>>> = Vec::new();
    for row in &grid.rows {
        let mut bs: Vec<Vec<usize>> = Vec::new();
        for &p in row {
            match bs.last_mut() {
                Some(b)
                    if grid.partner_beside(
                        kin,
                        *b.last().expect("blocks are never empty"),
                        1.0,
                    ) == Some(p) =>
                {
                    b.push(p)
                }
                _ => bs.push(vec![p]),
            }
        }
        blocks.push(bs);
    }
    let gap_before =
        |r: usize, b: &[usize]| 1.0 + extra.get(&(r, grid.index[b[0]])).copied().unwrap_or(0.0);
    // Start packed.
    for (r, bs) in blocks.iter().enumerate() {
        let mut at = 0.0;
        for (k, b) in bs.iter().enumerate() {
            if k > 0 {
                at += gap_before(r, b);
            }
            for (i, &p) in b.iter().enumerate() {
                x[p] = at + i as f64;
            }
            at += (b.len() - 1) as f64;
        }
    }
    let solve = |r: usize, x: &mut Vec<f64>| {
        let drops = grid.drops(kin, x, 0.5);
        let bs = &blocks[r];
        let mut sums: Vec<(f64, f64)> = bs.iter().map(|b| (x[b[0]] * 1e-3, 1e-3)).collect();
        for (k, b) in bs.iter().enumerate() {
            for &p in b {
                let off = x[p] - x[b[0]];
                // Down: a child wants to be under their drop.
                if let Some(o) = kin.origin[p]
                    && let Some(d) = drops[o].x()
                    && kin.unions[o].parents.iter().all(|&q| kin.level[q] < r)
                {
                    sums[k].0 += d - off;
                    sums[k].1 += 1.0;
                }
            }
        }
        // Up: a drop wants to be over the middle of its children.
        for (u, union) in kin.unions.iter().enumerate() {
            let kids: Vec<usize> = union
                .kids
                .iter()
                .copied()
                .filter(|&c| kin.level[c] > r)
                .collect();
            let Some(d) = drops[u].x() else { continue };
            if kids.is_empty() {
                continue;
            }
            let anchor = match drops[u] {
                Drop::Gap { far, .. } => far,
                _ => union.parents[0],
            };
            if kin.level[anchor] != r {
                continue;
            }
            let Some(k) = bs.iter().position(|b| b.contains(&anchor)) else {
                continue;
            };
            let mean = kids.iter().map(|&c| x[c]).sum::<f64>() / kids.len() as f64;
            let w = kids.len() as f64;
            sums[k].0 += w * (mean - (d - x[bs[k][0]]));
            sums[k].1 += w;
        }
        // Offsets that turn "at least a gap apart" into "in order".
        let mut shift = vec![0.0; bs.len()];
        for k in 1..bs.len() {
            shift[k] = shift[k - 1] + (bs[k - 1].len() - 1) as f64 + gap_before(r, &bs[k]);
        }
        let targets: Vec<(f64, f64)> = sums
            .iter()
            .zip(&shift)
            .map(|(&(s, w), &c)| (s / w - c, w))
            .collect();
        let fitted = isotonic(&targets);
        for (k, b) in bs.iter().enumerate() {
            let start = fitted[k] + shift[k];
            for (i, &p) in b.iter().enumerate() {
                x[p] = start + i as f64;
            }
        }
    };
    let rows = grid.rows.len();
    for _ in 0..30 {
        for r in 0..rows {
            solve(r, &mut x);
        }
        for r in (0..rows).rev() {
            solve(r, &mut x);
        }
    }
    // Onto half slots, keeping every gap.
    for (r, bs) in blocks.iter().enumerate() {
        let mut last_end: Option<f64> = None;
        for b in bs {
            let mut start = (x[b[0]] * 2.0).round() / 2.0;
            if let Some(end) = last_end {
                start = start.max(end + gap_before(r, b));
            }
            for (i, &p) in b.iter().enumerate() {
                x[p] = start + i as f64;
            }
            last_end = Some(start + (b.len() - 1) as f64);
        }
    }
    super::align::settle(kin, grid, &mut x, &blocks, &gap_before);
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    if min.is_finite() {
        for v in &mut x {
            *v -= min;
        }
    }
    x
}

/// The non-decreasing sequence nearest `targets` (value, weight) in
/// weighted least squares: pool adjacent violators.
fn isotonic(targets: &[(f64, f64)]) -> Vec<f64> {
    let mut pools: Vec<(f64, f64, usize)> = Vec::new();
    for &(v, w) in targets {
        pools.push((v, w, 1));
        while pools.len() > 1 {
            let (v2, w2, n2) = pools[pools.len() - 1];
            let (v1, w1, n1) = pools[pools.len() - 2];
            if v1 <= v2 {
                break;
            }
            pools.pop();
            pools.pop();
            pools.push(((v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, n1 + n2));
        }
    }
    pools
        .into_iter()
        .flat_map(|(v, _, n)| std::iter::repeat_n(v, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::isotonic;

    #[test]
    fn pooling_gives_the_nearest_ordered_values() {
        assert_eq!(
            isotonic(&[(1.0, 1.0), (0.0, 1.0), (3.0, 1.0)]),
            vec![0.5, 0.5, 3.0]
        );
        assert_eq!(isotonic(&[(2.0, 3.0), (0.0, 1.0)]), vec![1.5, 1.5]);
    }
}
