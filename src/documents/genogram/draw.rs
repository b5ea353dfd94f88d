//! One complete layout from one set of order choices: rows ordered, people
//! placed, sizes chosen to fit the page, lines routed, households outlined;
//! and what is wrong with it, for the search to compare.

use std::collections::BTreeMap;

use super::check::faults;
use super::households::{Frame, outline};
use super::kin::{Kin, Style};
use super::label::{Text, lines as label_lines};
use super::lines::{MARGIN, SPACING, SPACING_OVER, Sym, Ys, lines};
use super::order::{Flips, rows};
use super::place::{Drop, Grid, positions};
use super::route::plan;
use super::shapes::{Key, Layout, Node, Rect};
use super::{MAX_HEIGHT, MAX_WIDTH};
use crate::case::PartnershipStatus;

/// Points to millimetres.
const PT: f64 = 0.3528;
/// The least height of the space between two rows, mm.
const MIN_CHANNEL: f64 = 7.0;
/// The same, above a row with a dashed or dotted line down to a child.
const MIN_CHANNEL_DASHED: f64 = 12.0;

/// How good a layout is: faults first, then everything else.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Cost {
    /// Lines that meet or cross, lines through symbols or labels, wrong
    /// household boundaries, overlapping boxes.
    pub faults: usize,
    /// Partners apart, children out of birth order or away from their
    /// parents, width.
    pub style: f64,
}

impl Cost {
    pub fn better(&self, other: &Cost) -> bool {
        (self.faults, self.style) < (other.faults, other.style)
    }
}

/// What a layout reads besides the order choices.
pub(super) struct Input<'a> {
    pub kin: &'a Kin,
    pub texts: &'a [Text],
    pub subject: &'a [bool],
    pub households: &'a [Vec<usize>],
}

/// The layout for `flips`, and its cost.
pub(super) fn draw(input: &Input, flips: &Flips) -> (Layout, Cost) {
    let kin = input.kin;
    let grid = Grid::new(kin, rows(kin, flips, input.subject));
    let mut extra: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let slots = positions(kin, &grid, &extra);
        match build(input, &grid, &slots, attempt >= 4) {
            Ok(done) => return done,
            Err(wanted) => {
                for w in wanted {
                    *extra.entry(w).or_insert(0.0) += 1.0;
                }
            }
        }
    }
}

/// Sizes for a drawing `columns` slots wide with text at least `min_font`.
fn sizes(columns: f64, min_font: f64) -> (f64, f64, f64) {
    let pitch = (MAX_WIDTH / columns).min(32.0);
    let font = (pitch * 0.25).clamp(5.0, 7.5).max(min_font);
    let symbol = (pitch * 0.32).clamp(4.5, 8.0);
    (pitch, font, symbol)
}

fn build(
    input: &Input,
    grid: &Grid,
    slots: &[f64],
    last: bool,
) -> Result<(Layout, Cost), Vec<(usize, usize)>> {
    let kin = input.kin;
    let texts = input.texts;
    let columns = slots.iter().copied().fold(0.0, f64::max) + 1.0;
    let mut min_font = 0.0;
    let mut tries = 0;
    // Twice at most: if shrinking to fit the page would take the text
    // under 5 pt, set it larger and lay out again.
    loop {
        let (pitch, font, symbol) = sizes(columns, min_font);
        let label_w = pitch - 3.6;
        let line_h = font * PT * 1.25;
        let mut notes = Vec::new();
        let mut note_of: Vec<(Option<String>, Option<usize>)> = vec![(None, None); kin.n];
        let mut label_rows = vec![0usize; kin.n];
        for (i, t) in texts.iter().enumerate() {
            let mut n = label_lines(&t.name, label_w, font, true, false);
            if !t.dates.is_empty() {
                n += label_lines(&t.dates, label_w, font, false, false);
            }
            if let Some(note) = &t.note {
                let k = label_lines(note, label_w, font, false, true);
                if k <= 3 {
                    n += k;
                    note_of[i] = (Some(note.clone()), None);
                } else {
                    notes.push(note.clone());
                    note_of[i] = (None, Some(notes.len()));
                }
            }
            label_rows[i] = n;
        }
        let x: Vec<f64> = slots.iter().map(|s| s * pitch + pitch / 2.0).collect();
        let radius = symbol / 2.0;
        let routes = plan(kin, grid, &x, pitch / 2.0, radius);
        // Heights, top down.
        let mut ys = Ys {
            label_bottom: vec![0.0; kin.rows],
            chan_top: vec![0.0; kin.rows + 1],
            chan_h: vec![0.0; kin.rows + 1],
            spacing: routes
                .channels
                .iter()
                .map(|c| {
                    if c.iter().any(|(e, _)| e.low) {
                        SPACING_OVER
                    } else {
                        SPACING
                    }
                })
                .collect(),
        };
        let mut top = vec![0.0; kin.rows];
        let mut label_h = vec![0.0; kin.rows];
        let mut y = 0.0;
        for r in 0..=kin.rows {
            let need = 2.0 * MARGIN + routes.levels[r] as f64 * ys.spacing[r];
            // A dashed or dotted line down to a child needs length to show
            // its dashes: more room above a row with one.
            let dashed = kin.unions.iter().any(|u| {
                u.kids
                    .iter()
                    .zip(&u.styles)
                    .any(|(&k, s)| kin.level[k] == r && *s != Style::Solid)
            });
            let h = if r == 0 || r == kin.rows {
                if routes.levels[r] == 0 { 2.2 } else { need }
            } else {
                need.max(if dashed {
                    MIN_CHANNEL_DASHED
                } else {
                    MIN_CHANNEL
                })
            };
            ys.chan_top[r] = y;
            ys.chan_h[r] = h;
            y += h;
            if r == kin.rows {
                break;
            }
            // Room for a double outline above the symbol.
            top[r] = y + 1.0;
            let lines = grid.rows[r]
                .iter()
                .map(|&p| label_rows[p])
                .max()
                .unwrap_or(1);
            label_h[r] = lines as f64 * line_h + 0.8;
            ys.label_bottom[r] = top[r] + symbol + 1.8 + label_h[r];
            y = ys.label_bottom[r];
        }
        let height = y;
        let width = columns * pitch;
        let scale = (MAX_WIDTH / width).min(MAX_HEIGHT / height).min(1.0);
        if font * scale < 5.0 - 1e-9 && tries < 2 {
            tries += 1;
            min_font = (5.0 / scale).min(7.5);
            continue;
        }
        let syms: Vec<Sym> = (0..kin.n)
            .map(|p| Sym {
                x: x[p],
                y: top[kin.level[p]] + radius,
                r: radius + if input.subject[p] { 1.0 } else { 0.0 },
                shape: texts[p].shape,
            })
            .collect();
        let frame = Frame {
            grid,
            locked: (0..kin.n)
                .map(|p| grid.partner_beside(kin, p, 1.0).is_some())
                .collect(),
            x: &x,
            top: top.iter().map(|t| t - 1.0).collect(),
            bottom: ys.label_bottom.clone(),
            label_half: label_w / 2.0,
            half: pitch / 2.0,
            width,
        };
        let (households, wanted) = outline(input.households, &frame);
        if !wanted.is_empty() && !last {
            return Err(wanted);
        }
        let nodes: Vec<Node> = (0..kin.n)
            .map(|p| {
                let t = &texts[p];
                let row = kin.level[p];
                Node {
                    member: p,
                    x: x[p],
                    y: syms[p].y,
                    shape: t.shape,
                    subject: input.subject[p],
                    deceased: t.deceased,
                    label: Rect {
                        x: x[p] - label_w / 2.0,
                        y: top[row] + symbol + 1.8,
                        w: label_w,
                        h: label_h[row],
                    },
                    name: t.name.clone(),
                    dates: t.dates.clone(),
                    note: note_of[p].0.clone(),
                    note_ref: note_of[p].1,
                }
            })
            .collect();
        let key = Key {
            pregnancy: texts.iter().any(|t| t.shape == "pregnancy"),
            abuse: kin.unions.iter().any(|u| u.abuse),
            adoptive: kin
                .unions
                .iter()
                .any(|u| u.styles.iter().any(|s| s.name() == "dashed")),
            other_parent: kin
                .unions
                .iter()
                .any(|u| u.styles.iter().any(|s| s.name() == "dotted")),
            twins: kin.unions.iter().any(|u| !u.twins.is_empty()),
        };
        let layout = Layout {
            width,
            height,
            font,
            symbol,
            nodes,
            lines: lines(kin, grid, &routes, &syms, &ys, symbol),
            households,
            key,
            notes,
            scale,
        };
        // A household drawn tight round its members reads better than one
        // reaching round others.
        let perimeter: f64 = layout
            .households
            .iter()
            .map(|h| {
                (0..h.len())
                    .map(|k| {
                        let (a, b) = (h[k], h[(k + 1) % h.len()]);
                        (a.0 - b.0).abs() + (a.1 - b.1).abs()
                    })
                    .sum::<f64>()
            })
            .sum();
        let cost = Cost {
            faults: faults(&layout, input.households),
            style: style(kin, grid, &x, &routes.drops, pitch, &routes.levels, columns)
                + perimeter / pitch,
        };
        return Ok((layout, cost));
    }
}

/// Everything about a layout that reads less well without being wrong.
fn style(
    kin: &Kin,
    grid: &Grid,
    x: &[f64],
    drops: &[Drop],
    pitch: f64,
    levels: &[usize],
    columns: f64,
) -> f64 {
    let mut cost = 0.0;
    for (u, union) in kin.unions.iter().enumerate() {
        if let [a, b] = union.parents[..]
            && !grid.side_by_side(kin, u)
        {
            cost += if kin.level[a] == kin.level[b] {
                30.0
            } else {
                100.0
            };
            // A current partner with no children of their own, apart, has
            // no line down to explain the line over the row, and reads as
            // a brother or sister.
            if union.kids.is_empty()
                && matches!(
                    union.status,
                    Some(PartnershipStatus::Married | PartnershipStatus::Partners)
                )
            {
                cost += 40.0;
            }
        }
        // Brothers and sisters out of birth order.
        for (i, &p) in union.kids.iter().enumerate() {
            for &q in &union.kids[i + 1..] {
                if kin.born[p] != kin.born[q] && x[p] > x[q] {
                    cost += 4.0;
                }
            }
        }
        // Someone standing under a bar they do not hang from reads as
        // one of those children.
        if let (Some(d), Some(&first)) = (drops[u].x(), union.kids.first()) {
            let row = kin.level[first];
            let xs = union.kids.iter().map(|&k| x[k]).chain([d]);
            let lo = xs.clone().fold(f64::INFINITY, f64::min);
            let hi = xs.fold(f64::NEG_INFINITY, f64::max);
            cost += 35.0
                * (0..kin.n)
                    .filter(|&p| kin.level[p] == row && kin.origin[p] != Some(u))
                    .filter(|&p| x[p] > lo && x[p] < hi)
                    .count() as f64;
        }
        if let Some(d) = drops[u].x()
            && !union.kids.is_empty()
        {
            let mean = union.kids.iter().map(|&k| x[k]).sum::<f64>() / union.kids.len() as f64;
            cost += 2.0 * (mean - d).abs() / pitch;
        }
    }
    // A person's partnerships left to right as their children came.
    for own in &kin.own {
        for (i, &u) in own.iter().enumerate() {
            for &v in &own[i + 1..] {
                let (Some(du), Some(dv)) = (drops[u].x(), drops[v].x()) else {
                    continue;
                };
                if (kin.first_born(u) < kin.first_born(v)) != (du < dv) {
                    cost += 3.0;
                }
            }
        }
    }
    cost + columns * 0.5 + levels.iter().sum::<usize>() as f64 * 0.5
}
