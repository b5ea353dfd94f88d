//! Faults in a finished layout, counted from its geometry alone: boxes that
//! overlap, lines of different links that meet, lines through a symbol or a
//! label, household boundaries that leave a member out, take someone else
//! in or cut through a label. The search counts these to choose between
//! orders; a layout it returns with faults has the fewest it could find.
//! (The tests check the same things again with code of their own.)

use super::shapes::{Layout, Line, Rect};

/// How close lines of different links may come, mm.
const CLEAR: f64 = 0.3;

/// The symbol and label boxes, by person.
pub(super) fn boxes(l: &Layout) -> Vec<(usize, Rect, bool)> {
    let mut out = Vec::new();
    for n in &l.nodes {
        let half = l.symbol / 2.0 + if n.subject { 1.0 } else { 0.0 };
        out.push((
            n.member,
            Rect {
                x: n.x - half,
                y: n.y - half,
                w: 2.0 * half,
                h: 2.0 * half,
            },
            true,
        ));
        out.push((n.member, n.label, false));
    }
    out
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Whether segment `s` passes through the inside of `r` shrunk by `e`.
pub(super) fn through(s: &Line, r: &Rect, e: f64) -> bool {
    let (x0, x1, y0, y1) = (r.x + e, r.x + r.w - e, r.y + e, r.y + r.h - e);
    if x0 >= x1 || y0 >= y1 {
        return false;
    }
    // Liang-Barsky clipping.
    let (dx, dy) = (s.x2 - s.x1, s.y2 - s.y1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, s.x1 - x0),
        (dx, x1 - s.x1),
        (-dy, s.y1 - y0),
        (dy, y1 - s.y1),
    ] {
        if p.abs() < 1e-12 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t1 - t0 > 1e-9
}

fn ends_in(s: &Line, r: &Rect) -> bool {
    let e = 0.05;
    [(s.x1, s.y1), (s.x2, s.y2)]
        .iter()
        .any(|&(x, y)| x >= r.x - e && x <= r.x + r.w + e && y >= r.y - e && y <= r.y + r.h + e)
}

fn point_segment(px: f64, py: f64, s: &Line) -> f64 {
    let (dx, dy) = (s.x2 - s.x1, s.y2 - s.y1);
    let len = dx * dx + dy * dy;
    let t = if len < 1e-12 {
        0.0
    } else {
        (((px - s.x1) * dx + (py - s.y1) * dy) / len).clamp(0.0, 1.0)
    };
    ((px - s.x1 - t * dx).powi(2) + (py - s.y1 - t * dy).powi(2)).sqrt()
}

fn cross(ax: f64, ay: f64, bx: f64, by: f64, cx: f64, cy: f64) -> f64 {
    (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/// Whether the insides of two segments cross (not at an end of either).
fn proper(a: &Line, b: &Line) -> bool {
    let d1 = cross(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
    let d2 = cross(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
    let d3 = cross(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
    let d4 = cross(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
    d1 * d2 < -1e-9 && d3 * d4 < -1e-9
}

/// The least distance between two segments.
pub(super) fn distance(a: &Line, b: &Line) -> f64 {
    if proper(a, b) {
        return 0.0;
    }
    [
        point_segment(a.x1, a.y1, b),
        point_segment(a.x2, a.y2, b),
        point_segment(b.x1, b.y1, a),
        point_segment(b.x2, b.y2, a),
    ]
    .into_iter()
    .fold(f64::INFINITY, f64::min)
}

/// Whether a point is inside a polygon (ray casting).
pub(super) fn inside(poly: &[(f64, f64)], x: f64, y: f64) -> bool {
    let n = poly.len();
    let mut c = false;
    for i in 0..n {
        let (xi, yi) = poly[i];
        let (xj, yj) = poly[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            c = !c;
        }
    }
    c
}

fn edges(poly: &[(f64, f64)]) -> Vec<Line> {
    let n = poly.len();
    (0..n)
        .map(|i| Line {
            x1: poly[i].0,
            y1: poly[i].1,
            x2: poly[(i + 1) % n].0,
            y2: poly[(i + 1) % n].1,
            style: "dashed",
            kind: "household",
            link: usize::MAX,
        })
        .collect()
}

/// Pairs of lines of different links that stand in one straight line with
/// a short gap between (one above the other, or end to end), which reads as
/// one line running on through whatever lies in the gap.
pub(super) fn lined_up(lines: &[Line]) -> usize {
    let mut count = 0;
    for (i, a) in lines.iter().enumerate() {
        for c in &lines[i + 1..] {
            if a.link == c.link {
                continue;
            }
            let upright = |s: &Line| (s.x1 - s.x2).abs() < 1e-9;
            let level = |s: &Line| (s.y1 - s.y2).abs() < 1e-9;
            let gap = |a0: f64, a1: f64, b0: f64, b1: f64| {
                let (a0, a1) = (a0.min(a1), a0.max(a1));
                let (b0, b1) = (b0.min(b1), b0.max(b1));
                (a0 - b1).max(b0 - a1)
            };
            if upright(a) && upright(c) && (a.x1 - c.x1).abs() < 0.5 {
                let g = gap(a.y1, a.y2, c.y1, c.y2);
                count += usize::from(g > 0.0 && g < 6.0);
            }
            if level(a) && level(c) && (a.y1 - c.y1).abs() < 0.5 {
                let g = gap(a.x1, a.x2, c.x1, c.x2);
                count += usize::from(g > 0.0 && g < 3.0);
            }
        }
    }
    count
}

/// How many faults the layout has.
pub(super) fn faults(l: &Layout, households: &[Vec<usize>]) -> usize {
    let mut faults = 0;
    let b = boxes(l);
    for (i, (p, r, _)) in b.iter().enumerate() {
        for (q, s, _) in &b[i + 1..] {
            if p != q && overlap(r, s) {
                faults += 1;
            }
        }
    }
    for line in &l.lines {
        for (_, r, symbol) in &b {
            if through(line, r, 0.05) && !(*symbol && ends_in(line, r)) {
                faults += 1;
            }
        }
    }
    let bound = |s: &Line| {
        (
            s.x1.min(s.x2) - CLEAR,
            s.x1.max(s.x2) + CLEAR,
            s.y1.min(s.y2) - CLEAR,
            s.y1.max(s.y2) + CLEAR,
        )
    };
    let bounds: Vec<_> = l.lines.iter().map(bound).collect();
    for (i, a) in l.lines.iter().enumerate() {
        for (j, c) in l.lines.iter().enumerate().skip(i + 1) {
            let (p, q) = (bounds[i], bounds[j]);
            if p.1 < q.0 || q.1 < p.0 || p.3 < q.2 || q.3 < p.2 {
                continue;
            }
            if a.link != c.link {
                if distance(a, c) < CLEAR {
                    faults += 1;
                }
            } else if a.kind != "mark" && c.kind != "mark" && proper(a, c) {
                faults += 1;
            }
        }
    }
    faults += lined_up(&l.lines);
    for (k, house) in households.iter().enumerate() {
        let Some(poly) = l.households.get(k) else {
            faults += 1;
            continue;
        };
        if poly.len() < 4 {
            faults += usize::from(!house.is_empty());
            continue;
        }
        for n in &l.nodes {
            if inside(poly, n.x, n.y) != house.contains(&n.member) {
                faults += 1;
            }
        }
        let es = edges(poly);
        for e in &es {
            for (_, r, _) in &b {
                if through(e, r, 0.0) {
                    faults += 1;
                }
            }
        }
        for other in l.households.iter().skip(k + 1) {
            for e in edges(other) {
                if es.iter().any(|f| distance(f, &e) < 0.5) {
                    faults += 1;
                }
            }
        }
    }
    faults
}
