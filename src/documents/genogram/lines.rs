//! The lines of a planned genogram, in millimetres, once the rows' heights
//! are known: partnership lines with their separation strokes, the abuse
//! zigzags, and each union's line down to its bar and its children.

use super::kin::{Kin, Style};
use super::place::{Drop, Grid};
use super::route::{Plan, Tag, kid_points};
use super::shapes::Line;
use crate::case::PartnershipStatus;

/// A person's symbol: centre, half its size (to its outer outline) and
/// shape, for where lines meet it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sym {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub shape: &'static str,
}

impl Sym {
    /// Half the symbol's width at `dy` below its centre.
    pub fn half_width(&self, dy: f64) -> f64 {
        let r = self.r;
        match self.shape {
            "circle" => (r * r - dy * dy).max(0.0).sqrt(),
            "diamond" | "unknown" => (r - dy.abs()).max(0.0),
            "pregnancy" => ((dy + r) / 2.0).clamp(0.0, r),
            _ => r,
        }
    }

    /// How far above its centre the symbol's top is, `dx` right of centre.
    pub fn half_height(&self, dx: f64) -> f64 {
        let r = self.r;
        match self.shape {
            "circle" => (r * r - dx * dx).max(0.0).sqrt(),
            "diamond" | "unknown" => (r - dx.abs()).max(0.0),
            _ => r,
        }
    }
}

/// Heights of the rows and the channels between them, mm.
pub(super) struct Ys {
    /// Each row's label bottom.
    pub label_bottom: Vec<f64>,
    /// Each channel's top (channel r is above row r).
    pub chan_top: Vec<f64>,
    /// Each channel's height.
    pub chan_h: Vec<f64>,
    /// Each channel's space between levels.
    pub spacing: Vec<f64>,
}

/// Space between two levels of a channel, mm.
pub(super) const SPACING: f64 = 2.0;
/// Space between levels of a channel with a partnership line over a row:
/// more, so it does not read as part of a bar beside it.
pub(super) const SPACING_OVER: f64 = 3.0;
/// Clear space at the top and bottom of a channel, for the household
/// boundary, mm.
pub(super) const MARGIN: f64 = 1.7;

impl Ys {
    /// The height of `level` of `count` in channel `c`, centred.
    pub fn level(&self, c: usize, level: usize, count: usize) -> f64 {
        let used = count as f64 * self.spacing[c];
        let pad = (self.chan_h[c] - 2.0 * MARGIN - used).max(0.0) / 2.0;
        self.chan_top[c] + MARGIN + pad + (level as f64 + 0.5) * self.spacing[c]
    }
}

struct Out {
    lines: Vec<Line>,
}

impl Out {
    fn line(
        &mut self,
        a: (f64, f64),
        b: (f64, f64),
        style: &'static str,
        kind: &'static str,
        link: usize,
    ) {
        self.lines.push(Line {
            x1: a.0,
            y1: a.1,
            x2: b.0,
            y2: b.1,
            style,
            kind,
            link,
        });
    }

    /// A zigzag along a horizontal from `x1` to `x2` at `y`.
    fn zigzag(&mut self, x1: f64, x2: f64, y: f64, amp: f64, link: usize) {
        let n = (((x2 - x1).abs() / 0.9).round() as usize).max(4) & !1;
        let dx = (x2 - x1) / n as f64;
        let mut last = (x1, y);
        for i in 1..=n {
            let next = if i == n {
                (x2, y)
            } else {
                (x1 + i as f64 * dx, y + if i % 2 == 1 { -amp } else { amp })
            };
            self.line(last, next, "solid", "abuse", link);
            last = next;
        }
    }

    /// One stroke across a line for separated, two for divorced.
    fn marks(&mut self, status: PartnershipStatus, x: f64, y: f64, link: usize) {
        let at: &[f64] = match status {
            PartnershipStatus::Separated => &[0.0],
            PartnershipStatus::Divorced => &[-0.55, 0.55],
            _ => &[],
        };
        for dx in at {
            self.line(
                (x + dx - 0.5, y + 1.0),
                (x + dx + 0.5, y - 1.0),
                "solid",
                "mark",
                link,
            );
        }
    }
}

fn common_style(styles: &[Style]) -> &'static str {
    match styles.first() {
        Some(s) if styles.iter().all(|t| t == s) => s.name(),
        _ => "solid",
    }
}

/// Every line; links are numbered by union, abuse lines after them.
pub(super) fn lines(
    kin: &Kin,
    grid: &Grid,
    plan: &Plan,
    syms: &[Sym],
    ys: &Ys,
    symbol: f64,
) -> Vec<Line> {
    let mut out = Out { lines: Vec::new() };
    let abuse_link = |u: usize| kin.unions.len() + u;
    let mut couple_y = vec![None; kin.unions.len()];
    for (u, union) in kin.unions.iter().enumerate() {
        let (Some(status), [a, b]) = (union.status, &union.parents[..]) else {
            continue;
        };
        let (a, b) = if syms[*a].x < syms[*b].x {
            (*a, *b)
        } else {
            (*b, *a)
        };
        let style = if status == PartnershipStatus::Partners {
            "dashed"
        } else {
            "solid"
        };
        let (sa, sb) = (syms[a], syms[b]);
        if grid.side_by_side(kin, u) {
            let dy = if union.abuse { 0.2 * symbol } else { 0.0 };
            let y = sa.y + dy;
            let (x1, x2) = (sa.x + sa.half_width(dy), sb.x - sb.half_width(dy));
            out.line((x1, y), (x2, y), style, "partners", u);
            couple_y[u] = Some(y);
            let mid = (sa.x + sb.x) / 2.0;
            let at = if union.kids.is_empty() {
                mid
            } else {
                (x1 + mid) / 2.0
            };
            out.marks(status, at, y, u);
            if union.abuse {
                let dz = -0.25 * symbol;
                let amp = (0.1 * symbol).min(0.5);
                out.zigzag(
                    sa.x + sa.half_width(dz),
                    sb.x - sb.half_width(dz),
                    sa.y + dz,
                    amp,
                    abuse_link(u),
                );
            }
        } else if kin.level[a] != kin.level[b] {
            // Partners on different rows (only in a family with a loop):
            // a straight line between them.
            out.line(
                (sa.x, sa.y + sa.r),
                (sb.x, sb.y - sb.r),
                style,
                "partners",
                u,
            );
        }
    }
    // Lines over a row.
    for (c, channel) in plan.channels.iter().enumerate() {
        for (elem, tag) in channel {
            let Tag::Over {
                u,
                a,
                b,
                da,
                db,
                abuse,
            } = *tag
            else {
                continue;
            };
            let h = ys.level(c, elem.level, plan.levels[c]);
            let (sa, sb) = (syms[a], syms[b]);
            let (xa, xb) = (sa.x + da, sb.x + db);
            let link = if abuse { abuse_link(u) } else { u };
            let status = kin.unions[u].status.unwrap_or(PartnershipStatus::Partners);
            let style = if status == PartnershipStatus::Partners && !abuse {
                "dashed"
            } else {
                "solid"
            };
            let kind = if abuse { "abuse" } else { "partners" };
            out.line((xa, sa.y - sa.half_height(da)), (xa, h), style, kind, link);
            if abuse {
                out.zigzag(xa, xb, h, 0.5, link);
            } else {
                out.line((xa, h), (xb, h), style, kind, link);
                let stop = match plan.drops[u] {
                    Drop::Gap { x, .. } if x > xa && x < xb => x,
                    _ => xb,
                };
                out.marks(status, (xa + stop) / 2.0, h, link);
            }
            out.line((xb, h), (xb, sb.y - sb.half_height(db)), style, kind, link);
        }
    }
    // Lines down to children.
    for (u, union) in kin.unions.iter().enumerate() {
        let Some((c, e)) = plan.bar[u] else { continue };
        let h = ys.level(c, plan.channels[c][e].0.level, plan.levels[c]);
        let style = common_style(&union.styles);
        let x = match plan.drops[u] {
            Drop::Couple { x } => {
                let y = couple_y[u].unwrap_or(syms[union.parents[0]].y);
                out.line((x, y), (x, h), style, "descent", u);
                x
            }
            Drop::Beside { parent, side, x } => {
                let s = syms[parent];
                out.line(
                    (s.x + side * s.half_width(0.0), s.y),
                    (x, s.y),
                    style,
                    "descent",
                    u,
                );
                out.line((x, s.y), (x, h), style, "descent", u);
                x
            }
            Drop::Under { parent, x } => {
                let y = ys.label_bottom[kin.level[parent]] + 0.4;
                out.line((x, y), (x, h), style, "descent", u);
                x
            }
            Drop::Gap { x, .. } => {
                let from = plan.over[u].map_or(syms[union.parents[0]].y, |(oc, oe)| {
                    ys.level(oc, plan.channels[oc][oe].0.level, plan.levels[oc])
                });
                out.line((x, from), (x, h), style, "descent", u);
                x
            }
            Drop::Nothing => continue,
        };
        let xs: Vec<f64> = union.kids.iter().map(|&k| syms[k].x).collect();
        let points = kid_points(kin, u, &xs_by_person(kin, syms));
        let lo = points.iter().map(|p| p.1).fold(x, f64::min);
        let hi = points.iter().map(|p| p.1).fold(x, f64::max);
        if hi - lo > 0.01 {
            out.line((lo, h), (hi, h), style, "descent", u);
        }
        let _ = xs;
        for (i, &(k, at)) in points.iter().enumerate() {
            let s = syms[k];
            out.line(
                (at, h),
                (s.x, s.y - s.r),
                union.styles[i].name(),
                "descent",
                u,
            );
        }
    }
    out.lines
}

fn xs_by_person(kin: &Kin, syms: &[Sym]) -> Vec<f64> {
    (0..kin.n).map(|p| syms[p].x).collect()
}
