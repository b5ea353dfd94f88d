//! Lays a family out as a genogram, in millimetres, so the template only
//! draws: generations in rows, partners side by side, children under their
//! parents in birth order, and every line routed through the gaps between
//! people so it never crosses a symbol or a label.
//!
//! Positions sit on a grid of slots one person wide. People are on whole
//! slots and every line that drops from parents runs between two slots, so
//! a line down to a child can never run along a line down from parents.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::case::{FamilyMember, Gender, PartnershipStatus};

/// How wide and tall the drawing may be, in millimetres (A4 landscape
/// inside the margins, less the title and the key).
pub const MAX_WIDTH: f64 = 250.0;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: f64 = 118.0;

/// Points to millimetres.
const PT: f64 = 0.3528;

/// The laid-out genogram.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Size of the drawing, mm.
    pub width: f64,
    /// See `width`.
    pub height: f64,
    /// Text size, pt.
    pub font: f64,
    /// Side of a symbol, mm.
    pub symbol: f64,
    /// The people.
    pub nodes: Vec<Node>,
    /// Every line: partnerships, their marks, descent lines.
    pub lines: Vec<Line>,
    /// The household boundary, as closed polygons.
    pub households: Vec<Vec<(f64, f64)>>,
    /// Notes too long for a label, numbered.
    pub notes: Vec<String>,
    /// How much the drawing must shrink to fit the page (1 when it fits).
    pub scale: f64,
}

/// One person.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Their index in `family`.
    pub member: usize,
    /// Centre of the symbol, mm.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// `square`, `circle`, `diamond` or `unknown`.
    pub shape: &'static str,
    /// A child the case is about: drawn with a double outline.
    pub subject: bool,
    /// Crossed through.
    pub deceased: bool,
    /// The label under the symbol.
    pub label: Rect,
    /// Name, dates and note lines, as printed.
    pub name: String,
    /// "b. 21 Jul 1995", "b. 1965 d. 2020".
    pub dates: String,
    /// The note, if short enough for the label.
    pub note: Option<String>,
    /// The number of the note under the drawing, if it was too long.
    pub note_ref: Option<usize>,
}

/// A rectangle, mm: top-left corner and size.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// A straight line, mm.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Line {
    /// Start.
    pub x1: f64,
    /// See `x1`.
    pub y1: f64,
    /// End.
    pub x2: f64,
    /// See `x2`.
    pub y2: f64,
    /// Dashed (partners not married).
    pub dashed: bool,
    /// What it is: `partners`, `mark`, `descent`.
    pub kind: &'static str,
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

/// Lays out `family`; `dates` writes a member's line of dates. A note longer
/// than three lines of a label becomes a numbered note under the drawing.
// Rows, slots, levels and parents are indexed by the same numbers together.
#[allow(clippy::needless_range_loop)]
pub fn layout(family: &[FamilyMember], dates: &dyn Fn(&FamilyMember) -> String) -> Layout {
    let n = family.len();
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
    let rows_n = level.iter().max().map_or(0, |g| g + 1);
    let partners_of = |i: usize| -> Vec<usize> {
        pairs
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
    };

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
    let min = slot.iter().copied().min().unwrap_or(0);
    let max = slot.iter().copied().max().unwrap_or(0);
    let columns = (max - min + 1).max(1) as f64;

    // Sizes: a slot is at most 32 mm wide, the text shrinks with it.
    let pitch = (MAX_WIDTH / columns).min(32.0);
    let font = (pitch * 0.25).clamp(5.0, 7.5);
    let line_h = font * PT * 1.25;
    let symbol = (pitch * 0.32).clamp(4.5, 8.0);
    let label_w = pitch - 3.6;
    let chars = ((label_w / (font * PT * 0.55)).floor() as usize).max(6);
    // Words onto lines as a typesetter would; a word longer than a line
    // breaks where it must.
    let wrap = |text: &str| -> usize {
        let (mut lines, mut len) = (1, 0);
        for w in text.split_whitespace() {
            let wl = w.chars().count();
            if len == 0 {
                len = wl;
            } else if len + 1 + wl <= chars {
                len += 1 + wl;
            } else {
                lines += 1;
                len = wl;
            }
            while len > chars {
                lines += 1;
                len -= chars;
            }
        }
        lines
    };
    let mut notes = Vec::new();
    let mut label_lines = vec![0usize; n];
    let mut note_text: Vec<(Option<String>, Option<usize>)> = vec![(None, None); n];
    for (i, m) in family.iter().enumerate() {
        let mut l = wrap(&m.name) + wrap(&dates(m));
        if let Some(note) = &m.note {
            if wrap(note) <= 3 {
                l += wrap(note);
                note_text[i] = (Some(note.clone()), None);
            } else {
                notes.push(note.clone());
                note_text[i] = (None, Some(notes.len()));
            }
        }
        label_lines[i] = l;
    }
    let zone = 9.0;
    let mut row_top = vec![0.0; rows_n];
    let mut label_h = vec![0.0; rows_n];
    let mut y = 2.5;
    for g in 0..rows_n {
        row_top[g] = y;
        let lines = rows[g].iter().map(|&i| label_lines[i]).max().unwrap_or(1);
        label_h[g] = lines as f64 * line_h + 0.8;
        y += symbol + 2.0 + label_h[g] + zone;
    }
    let height = y - zone + 2.0;
    let x_of = |i: usize| (slot[i] - min) as f64 * pitch + pitch / 2.0;
    let y_of = |i: usize| row_top[level[i]] + symbol / 2.0;

    let nodes: Vec<Node> = (0..n)
        .map(|i| {
            let m = &family[i];
            Node {
                member: i,
                x: x_of(i),
                y: y_of(i),
                shape: match m.gender {
                    Gender::Male => "square",
                    Gender::Female => "circle",
                    Gender::Other => "diamond",
                    Gender::Unknown => "unknown",
                },
                subject: m.subject,
                deceased: m.deceased || m.died.is_some(),
                label: Rect {
                    x: x_of(i) - label_w / 2.0,
                    y: row_top[level[i]] + symbol + 2.0,
                    w: label_w,
                    h: label_h[level[i]],
                },
                name: m.name.clone(),
                dates: dates(m),
                note: note_text[i].0.clone(),
                note_ref: note_text[i].1,
            }
        })
        .collect();

    let mut lines = Vec::new();
    let half = symbol / 2.0;
    // Partnerships: side by side, a line between the symbols; further
    // apart, a line over the top of the row.
    let mut couple_drop: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for &(a, b, status) in &pairs {
        let (l, r) = if slot[a] < slot[b] { (a, b) } else { (b, a) };
        let dashed = status == PartnershipStatus::Partners;
        let mid;
        if level[a] == level[b] && slot[r] - slot[l] == 1 {
            let y = y_of(l);
            lines.push(Line {
                x1: x_of(l) + half,
                y1: y,
                x2: x_of(r) - half,
                y2: y,
                dashed,
                kind: "partners",
            });
            mid = (x_of(l) + x_of(r)) / 2.0;
            couple_drop.insert((a.min(b), a.max(b)), mid);
        } else if level[a] == level[b] {
            let y = row_top[level[a]] - 1.6;
            lines.push(Line {
                x1: x_of(l),
                y1: y_of(l) - half,
                x2: x_of(l),
                y2: y,
                dashed: false,
                kind: "partners",
            });
            lines.push(Line {
                x1: x_of(l),
                y1: y,
                x2: x_of(r),
                y2: y,
                dashed,
                kind: "partners",
            });
            lines.push(Line {
                x1: x_of(r),
                y1: y,
                x2: x_of(r),
                y2: y_of(r) - half,
                dashed: false,
                kind: "partners",
            });
            mid = (x_of(l) + x_of(r)) / 2.0;
        } else {
            continue;
        }
        // Marks sit left of the middle, clear of the line down to children.
        let (my, slash) = (y_of(l), 1.4);
        let mid = mid - (pitch - symbol) / 4.0;
        let marks = match status {
            PartnershipStatus::Separated => vec![0.0],
            PartnershipStatus::Divorced => vec![-0.7, 0.7],
            _ => vec![],
        };
        if slot[r] - slot[l] == 1 {
            for dx in marks {
                lines.push(Line {
                    x1: mid + dx - slash / 2.0,
                    y1: my + slash,
                    x2: mid + dx + slash / 2.0,
                    y2: my - slash,
                    dashed: false,
                    kind: "mark",
                });
            }
        }
    }
    // Descent: from the couple's line (or beside a lone parent) down to a
    // bar over the children, then down to each child.
    let mut families: BTreeMap<Vec<usize>, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        if !parents[i].is_empty() {
            families.entry(parents[i].clone()).or_default().push(i);
        }
    }
    let mut bars: Vec<(usize, f64, f64, f64, Vec<usize>, f64)> = Vec::new(); // (row, from, to, drop x, kids, drop y)
    for (ps, kids) in &families {
        let row = kids.iter().map(|&k| level[k]).min().unwrap();
        let (drop_x, drop_y) = match ps[..] {
            [a, b] if couple_drop.contains_key(&(a, b)) => (couple_drop[&(a, b)], y_of(a)),
            _ => {
                // A lone parent (or a couple far apart): out to the gap
                // beside the parent nearest the children, away from a partner.
                let kid_mid = kids.iter().map(|&k| x_of(k)).sum::<f64>() / kids.len() as f64;
                let p = *ps
                    .iter()
                    .min_by(|&&a, &&b| {
                        (x_of(a) - kid_mid)
                            .abs()
                            .total_cmp(&(x_of(b) - kid_mid).abs())
                    })
                    .unwrap();
                let right_partner = (0..n).any(|q| {
                    level[q] == level[p] && slot[q] == slot[p] + 1 && partners_of(p).contains(&q)
                });
                let left_partner = (0..n).any(|q| {
                    level[q] == level[p] && slot[q] == slot[p] - 1 && partners_of(p).contains(&q)
                });
                let dir = if right_partner && !left_partner {
                    -1.0
                } else {
                    1.0
                };
                let gap = x_of(p) + dir * pitch / 2.0;
                lines.push(Line {
                    x1: x_of(p) + dir * half,
                    y1: y_of(p),
                    x2: gap,
                    y2: y_of(p),
                    dashed: false,
                    kind: "descent",
                });
                (gap, y_of(p))
            }
        };
        let xs: Vec<f64> = kids.iter().map(|&k| x_of(k)).collect();
        let from = xs.iter().copied().fold(drop_x, f64::min);
        let to = xs.iter().copied().fold(drop_x, f64::max);
        bars.push((row, from, to, drop_x, kids.clone(), drop_y));
    }
    // Bars over the same row that would run along each other go at
    // different heights.
    let mut levels: Vec<usize> = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        let mut level = 0;
        while bars[..i]
            .iter()
            .zip(&levels)
            .any(|(o, &l)| l == level && o.0 == b.0 && o.1 <= b.2 + 0.5 && b.1 <= o.2 + 0.5)
        {
            level += 1;
        }
        levels.push(level);
    }
    let max_level = levels.iter().copied().max().unwrap_or(0) as f64;
    for (b, &level) in bars.iter().zip(&levels) {
        let (row, from, to, drop_x, kids, drop_y) = b;
        let top = row_top[*row];
        // Inside the zone above the row, clear of lines over the row's top.
        let y = top - 2.6 - (zone - 4.0) * (1.0 - (level as f64 + 0.5) / (max_level + 1.0));
        lines.push(Line {
            x1: *drop_x,
            y1: *drop_y,
            x2: *drop_x,
            y2: y,
            dashed: false,
            kind: "descent",
        });
        if to - from > 0.01 {
            lines.push(Line {
                x1: *from,
                y1: y,
                x2: *to,
                y2: y,
                dashed: false,
                kind: "descent",
            });
        }
        for &k in kids {
            let cy = y_of(k) - half - if family[k].subject { 1.0 } else { 0.0 };
            lines.push(Line {
                x1: x_of(k),
                y1: y,
                x2: x_of(k),
                y2: cy,
                dashed: false,
                kind: "descent",
            });
        }
    }
    // The household: the rows it spans, stacked, outlined as one shape.
    let members: Vec<usize> = (0..n).filter(|&i| family[i].household).collect();
    let mut households = Vec::new();
    if !members.is_empty() {
        let mut spans: Vec<(usize, f64, f64)> = Vec::new();
        for g in 0..rows_n {
            let xs: Vec<f64> = members
                .iter()
                .filter(|&&i| level[i] == g)
                .map(|&i| x_of(i))
                .collect();
            if let (Some(a), Some(b)) = (
                xs.iter().copied().reduce(f64::min),
                xs.iter().copied().reduce(f64::max),
            ) {
                spans.push((g, a - pitch / 2.0 + 0.9, b + pitch / 2.0 - 0.9));
            }
        }
        // Runs of consecutive rows make one outline each.
        let mut run: Vec<(usize, f64, f64)> = Vec::new();
        let mut flush = |run: &mut Vec<(usize, f64, f64)>| {
            if run.is_empty() {
                return;
            }
            let top = |g: usize| row_top[g] - 1.0;
            let bottom = |g: usize| row_top[g] + symbol + 2.0 + label_h[g] + 0.4;
            let mut pts = Vec::new();
            for (k, &(g, _, r)) in run.iter().enumerate() {
                let y0 = if k == 0 { top(g) } else { bottom(run[k - 1].0) };
                pts.push((r, y0));
                pts.push((r, bottom(g)));
            }
            for (k, &(g, l, _)) in run.iter().enumerate().rev() {
                let y0 = if k == 0 { top(g) } else { bottom(run[k - 1].0) };
                pts.push((l, bottom(g)));
                pts.push((l, y0));
            }
            households.push(pts);
            run.clear();
        };
        for s in spans {
            if run.last().is_some_and(|l| l.0 + 1 != s.0) {
                flush(&mut run);
            }
            run.push(s);
        }
        flush(&mut run);
    }
    let width = columns * pitch;
    Layout {
        scale: (MAX_WIDTH / width).min(MAX_HEIGHT / height).min(1.0),
        width,
        height,
        font,
        symbol,
        nodes,
        lines,
        households,
        notes,
    }
}
