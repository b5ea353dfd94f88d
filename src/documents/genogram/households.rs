//! The dashed boundary round each household: a box round each run of its
//! members in a row, joined through the space between rows (and, past a
//! row with none of them, through a free way between that row's people),
//! outlined as one shape. Where a row offers no free way, it asks for one
//! (a wider gap at a place in that row) and the layout is redone.

use std::collections::BTreeMap;

use super::place::Grid;

/// What the boundaries are drawn round, mm.
pub(super) struct Frame<'a> {
    pub grid: &'a Grid,
    /// Per person: stands one slot from a partner on their right (a gap
    /// the layout cannot widen).
    pub locked: Vec<bool>,
    /// Each person's x.
    pub x: &'a [f64],
    /// Each row's top, above a double outline.
    pub top: Vec<f64>,
    /// Each row's label bottom.
    pub bottom: Vec<f64>,
    /// Half a label's width.
    pub label_half: f64,
    /// Half a slot.
    pub half: f64,
    /// The drawing's width.
    pub width: f64,
}

/// How far the boundary keeps from what it goes round, mm.
const PAD: f64 = 0.7;
/// The narrowest way through a row, mm.
const WAY: f64 = 3.2;

type Rect = (f64, f64, f64, f64);
/// A closed polygon, mm.
pub(super) type Polygon = Vec<(f64, f64)>;

/// One polygon per household (empty for a household with no one drawn or
/// no way round its members), and the places (row, index) that need a
/// wider gap for the ones without.
pub(super) fn outline(households: &[Vec<usize>], f: &Frame) -> (Vec<Polygon>, Vec<(usize, usize)>) {
    let mut polys = Vec::new();
    let mut wanted = Vec::new();
    for house in households {
        let members: Vec<usize> = house.iter().copied().filter(|&p| p < f.x.len()).collect();
        match rects(&members, f) {
            Ok(rs) => polys.push(trace(&rs)),
            Err(w) => {
                wanted.extend(w);
                polys.push(Vec::new());
            }
        }
    }
    (polys, wanted)
}

fn rects(members: &[usize], f: &Frame) -> Result<Vec<Rect>, Vec<(usize, usize)>> {
    // Runs of members standing together, by row.
    let mut runs: Vec<(usize, Rect)> = Vec::new();
    for (r, row) in f.grid.rows.iter().enumerate() {
        let mut run: Option<(usize, usize)> = None;
        for (i, p) in row.iter().enumerate() {
            if members.contains(p) {
                run = Some(run.map_or((i, i), |(a, _)| (a, i)));
            }
            if (!members.contains(p) || i + 1 == row.len())
                && let Some((a, b)) = run.take()
            {
                let (xa, xb) = (f.x[row[a]], f.x[row[b]]);
                let edge = f.half - 0.9;
                runs.push((r, (xa - edge, f.top[r] - PAD, xb + edge, f.bottom[r] + PAD)));
            }
        }
    }
    let mut out: Vec<Rect> = runs.iter().map(|r| r.1).collect();
    // Join runs in neighbouring rows wherever they stand over each other;
    // then join what is still apart, nearest first.
    let mut part: Vec<usize> = (0..runs.len()).collect();
    fn find(part: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while part[i] != i {
            i = part[i];
        }
        i
    }
    for i in 0..runs.len() {
        for j in i + 1..runs.len() {
            let ((r1, a), (r2, b)) = (runs[i], runs[j]);
            if r2 == r1 + 1 && a.0.max(b.0) + 2.0 <= a.2.min(b.2) {
                out.push(join(a, b, a.3 - 0.1, b.1 + 0.1));
                let (pi, pj) = (find(&mut part, i), find(&mut part, j));
                part[pi] = pj;
            }
        }
    }
    for k in 1..runs.len() {
        let (i, j) = (k - 1, k);
        if find(&mut part, i) == find(&mut part, j) {
            continue;
        }
        let (pi, pj) = (find(&mut part, i), find(&mut part, j));
        part[pi] = pj;
        let ((r1, a), (r2, b)) = (runs[i], runs[j]);
        if r1 == r2 {
            // Round the people between, through the space below.
            let y1 = a.3;
            let y2 = f.top.get(r1 + 1).map_or(a.3 + 2.0 * PAD, |t| t - PAD);
            out.push((a.2 - 2.5, y1 - 0.1, b.0 + 2.5, y2));
            continue;
        }
        let (y1, y2) = (a.3 - 0.1, b.1 + 0.1);
        if r2 == r1 + 1 {
            out.push(join(a, b, y1, y2));
            continue;
        }
        // Through the rows between, by a way free in all of them.
        let target = ((a.0 + a.2) / 2.0 + (b.0 + b.2) / 2.0) / 2.0;
        let mut free = vec![(0.0, f.width)];
        for r in r1 + 1..r2 {
            let mut next = Vec::new();
            for &(lo, hi) in &free {
                let mut cuts: Vec<(f64, f64)> = f.grid.rows[r]
                    .iter()
                    .map(|&p| (f.x[p] - f.label_half - PAD, f.x[p] + f.label_half + PAD))
                    .collect();
                cuts.sort_by(|p, q| p.0.total_cmp(&q.0));
                let mut at = lo;
                for (c0, c1) in cuts {
                    if c0 > at {
                        next.push((at, c0.min(hi)));
                    }
                    at = at.max(c1);
                }
                if at < hi {
                    next.push((at, hi));
                }
            }
            free = next
                .into_iter()
                .filter(|&(lo, hi)| hi - lo >= WAY)
                .collect();
        }
        let near =
            |&(lo, hi): &(f64, f64)| (target.clamp(lo + WAY / 2.0, hi - WAY / 2.0) - target).abs();
        let way = free
            .iter()
            .copied()
            .filter(|iv| near(iv) <= 2.0 * f.half + 0.01)
            .min_by(|p, q| near(p).total_cmp(&near(q)));
        let Some((lo, hi)) = way else {
            // No way near enough: ask for a wider gap where the way should
            // be, between two people who are not partners side by side.
            return Err((r1 + 1..r2)
                .filter_map(|r| gap_near(f, r, target))
                .collect());
        };
        let c = target.clamp(lo + WAY / 2.0, hi - WAY / 2.0);
        let corridor = (c - WAY / 2.0 + 0.2, y1, c + WAY / 2.0 - 0.2, y2);
        let below = f.top[r1 + 1] - PAD;
        let above = f.bottom[r2 - 1] + PAD;
        out.push(join(a, corridor, y1, below));
        out.push(corridor);
        out.push(join(corridor, b, above, y2));
    }
    Ok(out)
}

/// The gap in row `r` nearest `x` that the layout can widen: (row, index
/// of the person after it).
fn gap_near(f: &Frame, r: usize, x: f64) -> Option<(usize, usize)> {
    let row = &f.grid.rows[r];
    (1..row.len())
        .filter(|&i| !f.locked[row[i - 1]])
        .min_by(|&i, &j| {
            let mid = |k: usize| ((f.x[row[k - 1]] + f.x[row[k]]) / 2.0 - x).abs();
            mid(i).total_cmp(&mid(j))
        })
        .map(|i| (r, i))
}

/// A box between rows joining `a` and `b` (each given by its x-range).
fn join(a: Rect, b: Rect, y1: f64, y2: f64) -> Rect {
    let (lo, hi) = (a.0.max(b.0), a.2.min(b.2));
    if hi - lo >= 2.0 {
        (lo, y1, hi, y2)
    } else {
        (a.2.min(b.2) - 2.5, y1, a.0.max(b.0) + 2.5, y2)
    }
}

/// The outline of a union of boxes, as one closed polygon (the largest,
/// if the boxes make more than one).
fn trace(rects: &[Rect]) -> Vec<(f64, f64)> {
    let mut xs: Vec<f64> = rects.iter().flat_map(|r| [r.0, r.2]).collect();
    let mut ys: Vec<f64> = rects.iter().flat_map(|r| [r.1, r.3]).collect();
    for v in [&mut xs, &mut ys] {
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    }
    let (nx, ny) = (xs.len().saturating_sub(1), ys.len().saturating_sub(1));
    let covered = |i: i64, j: i64| -> bool {
        if i < 0 || j < 0 || i as usize >= nx || j as usize >= ny {
            return false;
        }
        let cx = (xs[i as usize] + xs[i as usize + 1]) / 2.0;
        let cy = (ys[j as usize] + ys[j as usize + 1]) / 2.0;
        rects
            .iter()
            .any(|r| cx > r.0 && cx < r.2 && cy > r.1 && cy < r.3)
    };
    // Edges with the inside on their right, between grid corners.
    let mut edges: BTreeMap<(i64, i64), Vec<(i64, i64)>> = BTreeMap::new();
    for i in 0..nx as i64 {
        for j in 0..ny as i64 {
            if !covered(i, j) {
                continue;
            }
            if !covered(i, j - 1) {
                edges.entry((i, j)).or_default().push((i + 1, j));
            }
            if !covered(i + 1, j) {
                edges.entry((i + 1, j)).or_default().push((i + 1, j + 1));
            }
            if !covered(i, j + 1) {
                edges.entry((i + 1, j + 1)).or_default().push((i, j + 1));
            }
            if !covered(i - 1, j) {
                edges.entry((i, j + 1)).or_default().push((i, j));
            }
        }
    }
    let mut loops: Vec<Vec<(i64, i64)>> = Vec::new();
    while let Some((&start, _)) = edges.iter().find(|(_, v)| !v.is_empty()) {
        let mut lp = vec![start];
        let mut at = start;
        while let Some(next) = edges.get_mut(&at).and_then(|v| v.pop()) {
            at = next;
            if at == start {
                break;
            }
            lp.push(at);
        }
        loops.push(lp);
    }
    let area = |l: &Vec<(i64, i64)>| {
        let n = l.len();
        (0..n)
            .map(|k| {
                let (p, q) = (l[k], l[(k + 1) % n]);
                xs[p.0 as usize] * ys[q.1 as usize] - xs[q.0 as usize] * ys[p.1 as usize]
            })
            .sum::<f64>()
            .abs()
    };
    let Some(longest) = loops.into_iter().max_by(|a, b| area(a).total_cmp(&area(b))) else {
        return Vec::new();
    };
    // Drop corners that sit in a straight run.
    let n = longest.len();
    let mut out = Vec::new();
    for k in 0..n {
        let (p, c, q) = (longest[(k + n - 1) % n], longest[k], longest[(k + 1) % n]);
        let straight = (p.0 == c.0 && c.0 == q.0) || (p.1 == c.1 && c.1 == q.1);
        if !straight {
            out.push((xs[c.0 as usize], ys[c.1 as usize]));
        }
    }
    out
}
