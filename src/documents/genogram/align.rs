//! Keeps lines of different links from lining up. A couple's line down to
//! their children's bar that happens to stand over another family's line
//! further down (to a child, or down from partners joined over the row)
//! reads as one line running through both bars: the children would seem to
//! belong to the wrong parents. After placing, each such couple moves half a
//! slot where its row has room.

use super::kin::Kin;
use super::place::{Drop, Grid};

/// How many unions' lines down stand over another link's line below them.
pub(super) fn clashes(kin: &Kin, grid: &Grid, x: &[f64]) -> usize {
    let drops = grid.drops(kin, x, 0.5);
    let mut count = 0;
    for (u, union) in kin.unions.iter().enumerate() {
        let Some(d) = drops[u].x() else { continue };
        let Some(row) = union.kids.iter().map(|&k| kin.level[k]).min() else {
            continue;
        };
        let near = |v: f64| (v - d).abs() < 0.3;
        // Someone in that row with a line onto their top: from their own
        // parents, or from a partner over the row.
        let fed = |p: usize| {
            kin.origin[p].is_some_and(|o| o != u && drops[o] != Drop::Nothing)
                || kin.own[p].iter().any(|&v| {
                    let ps = &kin.unions[v].parents;
                    ps.len() == 2
                        && !grid.side_by_side(kin, v)
                        && ps.iter().all(|&q| kin.level[q] == row)
                })
        };
        let kid = (0..kin.n).any(|p| kin.level[p] == row && fed(p) && near(x[p]));
        let gap = drops.iter().enumerate().any(|(v, dv)| {
            v != u && matches!(dv, Drop::Gap { far, x } if kin.level[*far] == row && near(*x))
        });
        count += usize::from(kid || gap);
    }
    count
}

/// Moves couples half a slot, one at a time, while that lowers the count
/// of clashes; `blocks` are each row's runs of partners side by side and
/// `gap` the space a run needs before it.
pub(super) fn settle(
    kin: &Kin,
    grid: &Grid,
    x: &mut [f64],
    blocks: &[Vec<Vec<usize>>],
    gap: &dyn Fn(usize, &[usize]) -> f64,
) {
    let mut now = clashes(kin, grid, x);
    // Each move lowers the count, so this ends; the bound is a guard.
    for _ in 0..kin.n {
        if now == 0 {
            return;
        }
        let mut best: Option<(usize, usize, f64, usize)> = None;
        for (r, bs) in blocks.iter().enumerate() {
            for (k, b) in bs.iter().enumerate() {
                for shift in [-0.5, 0.5] {
                    let start = x[b[0]] + shift;
                    let end = x[*b.last().expect("blocks are never empty")] + shift;
                    let room_left = k == 0 || {
                        let prev = &bs[k - 1];
                        x[*prev.last().expect("blocks are never empty")] + gap(r, b) <= start + 1e-9
                    };
                    let room_right =
                        k + 1 == bs.len() || end + gap(r, &bs[k + 1]) <= x[bs[k + 1][0]] + 1e-9;
                    if !(room_left && room_right) {
                        continue;
                    }
                    for &p in b {
                        x[p] += shift;
                    }
                    let after = clashes(kin, grid, x);
                    for &p in b {
                        x[p] -= shift;
                    }
                    if after < now && best.is_none_or(|b| after < b.3) {
                        best = Some((r, k, shift, after));
                    }
                }
            }
        }
        let Some((r, k, shift, after)) = best else {
            return;
        };
        for &p in &blocks[r][k] {
            x[p] += shift;
        }
        now = after;
    }
}
