//! Lays a family out as a genogram, in millimetres, so the template only
//! draws: generations in rows, partners side by side, children under their
//! parents in birth order, and every line routed through the gaps between
//! people so it never crosses a symbol or a label.
//!
//! Positions sit on a grid of slots one person wide. People are on whole
//! slots and every line that drops from parents runs between two slots, so
//! a line down to a child can never run along a line down from parents.

use std::collections::BTreeMap;

use super::FamilyMember;
use super::rows::{Kin, place};
pub use super::shapes::{Layout, Line, Node, Rect};
use crate::case::{Gender, PartnershipStatus};

/// How wide and tall the drawing may be, in millimetres (A4 landscape
/// inside the margins, less the title and the key).
pub const MAX_WIDTH: f64 = 250.0;
/// See [`MAX_WIDTH`].
pub const MAX_HEIGHT: f64 = 118.0;

/// Points to millimetres.
const PT: f64 = 0.3528;

/// Lays out `family`; `dates` writes a member's line of dates. A note longer
/// than three lines of a label becomes a numbered note under the drawing.
// Rows, slots, levels and parents are indexed by the same numbers together.
#[allow(clippy::needless_range_loop)]
pub fn layout(family: &[FamilyMember], dates: &dyn Fn(&FamilyMember) -> String) -> Layout {
    let n = family.len();
    let kin = Kin::new(family);
    let (parents, pairs, level) = (&kin.parents, &kin.pairs, &kin.level);
    let rows_n = kin.rows();
    let partners_of = |i: usize| kin.partners_of(i);
    let (slot, rows) = place(family, &kin);
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
    for &(a, b, status) in pairs {
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
