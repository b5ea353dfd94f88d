//! Which lines each family link needs, and where their horizontal parts go
//! between the rows. Partners side by side are joined straight across,
//! between their symbols; partners further apart by a line over the top of
//! their row. Children hang from a bar in the space above their row, fed by
//! one line down from their parents. Every horizontal in the space between
//! two rows gets its height from `super::channel`, so none crosses another
//! link's vertical. `super::lines` turns the plan into lines once the rows'
//! heights are known.

use super::channel::{Elem, assign};
use super::kin::Kin;
use super::place::{Drop, Grid};

/// What a channel element is, to draw it.
#[derive(Debug, Clone)]
pub(super) enum Tag {
    /// The bar union `u`'s children hang from.
    Bar,
    /// A line over the row from `a` to `b` (x offsets `da`, `db` from
    /// their centres): union `u`'s partnership, or the abuse between them.
    Over {
        u: usize,
        a: usize,
        b: usize,
        da: f64,
        db: f64,
        abuse: bool,
    },
    /// A line down passing through this channel on its way further down.
    Through,
}

/// The routes of every link, waiting for heights.
pub(super) struct Plan {
    /// Per union, where its line to its children leaves its parents' row.
    pub drops: Vec<Drop>,
    /// Per channel (channel r is above row r; one more below the last),
    /// its elements.
    pub channels: Vec<Vec<(Elem, Tag)>>,
    /// Per channel, how many levels it has.
    pub levels: Vec<usize>,
    /// Per union, the channel and element of its bar.
    pub bar: Vec<Option<(usize, usize)>>,
    /// Per union, the channel and element of its line over the row.
    pub over: Vec<Option<(usize, usize)>>,
}

/// Where the kids of union `u` meet their bar: a twin's line slants up to
/// the point the twins share.
pub(super) fn kid_points(kin: &Kin, u: usize, x: &[f64]) -> Vec<(usize, f64)> {
    let union = &kin.unions[u];
    union
        .kids
        .iter()
        .map(|&k| {
            let at = union
                .twins
                .iter()
                .find(|t| t.contains(&k))
                .map_or(x[k], |t| {
                    t.iter().map(|&c| x[c]).sum::<f64>() / t.len() as f64
                });
            (k, at)
        })
        .collect()
}

/// Plans every link of the family; `x` in mm, `half` half a slot in mm,
/// `radius` half a symbol.
pub(super) fn plan(kin: &Kin, grid: &Grid, x: &[f64], half: f64, radius: f64) -> Plan {
    let drops = grid.drops(kin, x, half);
    let mut channels: Vec<Vec<(Elem, Tag)>> = vec![Vec::new(); kin.rows + 1];
    let mut bar = vec![None; kin.unions.len()];
    let mut over = vec![None; kin.unions.len()];
    // Lines over a row, by person, to share out the points on their top.
    let mut tops: Vec<Vec<(usize, f64)>> = vec![Vec::new(); kin.n];
    let mut overs: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (u, union) in kin.unions.iter().enumerate() {
        let [a, b] = union.parents[..] else { continue };
        if kin.level[a] != kin.level[b] || grid.side_by_side(kin, u) {
            continue;
        }
        let (a, b) = if x[a] < x[b] { (a, b) } else { (b, a) };
        let length = x[b] - x[a];
        for abuse in [false, true] {
            if abuse && !union.abuse {
                continue;
            }
            let k = overs.len();
            overs.push((u, a, b, abuse));
            tops[a].push((k, length + f64::from(u8::from(abuse))));
            tops[b].push((k, -(length + f64::from(u8::from(abuse)))));
        }
    }
    // Offsets on each person's top: the longest line outermost (nearest
    // the centre), clear of the centre when a line comes down onto it.
    let mut offset: Vec<(f64, f64)> = vec![(0.0, 0.0); overs.len()];
    for (p, top) in tops.iter().enumerate() {
        let fed = kin.origin[p].is_some_and(|o| drops[o] != Drop::Nothing);
        for dir in [1.0, -1.0] {
            let mut mine: Vec<(usize, f64)> = top
                .iter()
                .copied()
                .filter(|&(_, l)| l.signum() == dir)
                .collect();
            mine.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            let base = if fed { 1.0 } else { 0.0 };
            let m = mine.len() as f64;
            for (k, &(e, _)) in mine.iter().enumerate() {
                let d = dir * radius * 0.8 * (k as f64 + base) / (m + base).max(1.0);
                if dir > 0.0 {
                    offset[e].0 = d;
                } else {
                    offset[e].1 = d;
                }
            }
        }
    }
    for (k, &(u, a, b, abuse)) in overs.iter().enumerate() {
        let (da, db) = offset[k];
        let (xa, xb) = (x[a] + da, x[b] + db);
        let mut downs = vec![(xa, xa), (xb, xb)];
        if !abuse && let Drop::Gap { x: g, .. } = drops[u] {
            downs.push((g, g));
        }
        let r = kin.level[a];
        channels[r].push((
            Elem {
                span: (xa, xb),
                ups: Vec::new(),
                downs,
                low: true,
                level: 0,
            },
            Tag::Over {
                u,
                a,
                b,
                da,
                db,
                abuse,
            },
        ));
        if !abuse {
            over[u] = Some((r, channels[r].len() - 1));
        }
    }
    for (u, union) in kin.unions.iter().enumerate() {
        let Some(d) = drops[u].x() else { continue };
        let from = union
            .parents
            .iter()
            .map(|&p| kin.level[p])
            .max()
            .unwrap_or(0);
        let Some(to) = union.kids.iter().map(|&k| kin.level[k]).min() else {
            continue;
        };
        if to <= from {
            continue;
        }
        for channel in &mut channels[from + 1..to] {
            channel.push((
                Elem {
                    span: (d, d),
                    ups: vec![d],
                    downs: vec![(d, d)],
                    low: false,
                    level: 0,
                },
                Tag::Through,
            ));
        }
        let points = kid_points(kin, u, x);
        let downs: Vec<(f64, f64)> = points
            .iter()
            .map(|&(k, at)| (x[k].min(at), x[k].max(at)))
            .collect();
        let lo = downs.iter().map(|d| d.0).fold(d, f64::min);
        let hi = downs.iter().map(|d| d.1).fold(d, f64::max);
        channels[to].push((
            Elem {
                span: (lo, hi),
                ups: vec![d],
                downs,
                low: false,
                level: 0,
            },
            Tag::Bar,
        ));
        bar[u] = Some((to, channels[to].len() - 1));
    }
    let mut levels = Vec::new();
    for channel in &mut channels {
        let mut elems: Vec<Elem> = channel.iter().map(|(e, _)| e.clone()).collect();
        levels.push(assign(&mut elems));
        for ((e, _), placed) in channel.iter_mut().zip(elems) {
            *e = placed;
        }
    }
    Plan {
        drops,
        channels,
        levels,
        bar,
        over,
    }
}
