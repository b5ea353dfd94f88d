//! An independent judge of a laid-out genogram, written apart from the
//! layout's own `check` so that the two do not share mistakes. It reads the
//! family and the layout and lists every problem it finds, in words; the
//! tests assert the list is empty, and the mutation tests that it is not.

use crate::documents::genogram::layout::{Layout, Line, MAX_HEIGHT, MAX_WIDTH, Rect};
use crate::documents::genogram::{Born, GenoFamily, ParentKind};

pub use super::geometry::{Meet, enters, inside, meet, touches};

use super::geometry::EPS;

/// The drawing's boxes: each person's symbol (to a double outline) and
/// label, with who they belong to and whether they are the symbol.
pub fn boxes(l: &Layout) -> Vec<(usize, Rect, bool)> {
    let mut out = Vec::new();
    for n in &l.nodes {
        let half = l.symbol / 2.0 + if n.subject { 1.0 } else { 0.0 };
        let symbol = Rect {
            x: n.x - half,
            y: n.y - half,
            w: 2.0 * half,
            h: 2.0 * half,
        };
        out.push((n.member, symbol, true));
        out.push((n.member, n.label, false));
    }
    out
}

/// The width of one slot: the least distance between two people in a row.
pub fn slot(l: &Layout) -> f64 {
    let mut best = f64::INFINITY;
    for (i, a) in l.nodes.iter().enumerate() {
        for b in &l.nodes[i + 1..] {
            if (a.y - b.y).abs() < EPS {
                best = best.min((a.x - b.x).abs());
            }
        }
    }
    if best.is_finite() { best } else { l.width }
}

/// Every problem with `l` as a drawing of `family`, in words.
pub fn problems(family: &GenoFamily, l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    let name = |i: usize| family.people[i].name.clone();
    let node = |i: usize| l.nodes.iter().find(|n| n.member == i);
    // Everyone drawn, once.
    for i in 0..family.people.len() {
        let count = l.nodes.iter().filter(|n| n.member == i).count();
        if count != 1 {
            out.push(format!("{} is drawn {count} times", name(i)));
        }
    }
    if out.iter().any(|p| p.contains("drawn")) {
        return out;
    }
    let b = boxes(l);
    for (i, (p, r, _)) in b.iter().enumerate() {
        for (q, s, _) in &b[i + 1..] {
            if r.x < s.x + s.w && s.x < r.x + r.w && r.y < s.y + s.h && s.y < r.y + r.h {
                out.push(format!("boxes of {} and {} overlap", name(*p), name(*q)));
            }
        }
    }
    // Lines against lines: different links never meet; one link's lines
    // only join (a stroke may cross its own partnership line).
    for (i, s) in l.lines.iter().enumerate() {
        for t in &l.lines[i + 1..] {
            let m = meet(s, t);
            let fine = match m {
                Meet::Apart => true,
                Meet::Join => s.link == t.link,
                Meet::Cross => s.link == t.link && (s.kind == "mark" || t.kind == "mark"),
                Meet::Along => false,
            };
            if !fine {
                out.push(format!("lines meet ({m:?}): {s:?} and {t:?}"));
            }
        }
    }
    // Lines of different links in one straight line with a short gap read
    // as one line running on (a parents' line seeming to go on down to
    // another family's child).
    let ends = |a: f64, b: f64| (a.min(b), a.max(b));
    for (i, s) in l.lines.iter().enumerate() {
        for t in &l.lines[i + 1..] {
            if s.link == t.link {
                continue;
            }
            let upright = |v: &Line| (v.x1 - v.x2).abs() < EPS;
            let level = |v: &Line| (v.y1 - v.y2).abs() < EPS;
            let gap = |(a0, a1): (f64, f64), (b0, b1): (f64, f64)| (a0 - b1).max(b0 - a1);
            let lined = if upright(s) && upright(t) && (s.x1 - t.x1).abs() < 0.5 {
                let g = gap(ends(s.y1, s.y2), ends(t.y1, t.y2));
                g > 0.0 && g < 6.0
            } else if level(s) && level(t) && (s.y1 - t.y1).abs() < 0.5 {
                let g = gap(ends(s.x1, s.x2), ends(t.x1, t.x2));
                g > 0.0 && g < 3.0
            } else {
                false
            };
            if lined {
                out.push(format!("lines of different links line up: {s:?} and {t:?}"));
            }
        }
    }
    // Lines against boxes: a line may go into a symbol only where it ends,
    // and never into a label.
    for s in &l.lines {
        for (p, r, symbol) in &b {
            if enters(s, r) && !(*symbol && touches(s, r)) {
                out.push(format!(
                    "{s:?} runs through {}'s {}",
                    name(*p),
                    if *symbol { "symbol" } else { "label" }
                ));
            }
        }
    }
    // Generations and partners.
    for (c, person) in family.people.iter().enumerate() {
        for &(p, _) in &person.parents {
            if let (Some(pn), Some(cn)) = (node(p), node(c))
                && pn.y >= cn.y
            {
                out.push(format!("{} is not above their child {}", name(p), name(c)));
            }
        }
    }
    for pt in &family.partnerships {
        if let (Some(a), Some(bn)) = (node(pt.a), node(pt.b))
            && (a.y - bn.y).abs() > EPS
        {
            out.push(format!(
                "partners {} and {} are on different rows",
                name(pt.a),
                name(pt.b)
            ));
        }
    }
    // Children under their parents: within the couple's span, widened by a
    // slot, or by half the width of the children's row when that is wider
    // (brothers and sisters with partners standing between them).
    let step = slot(l);
    let drawn = |c: usize| {
        let mut ps: Vec<usize> = family.people[c]
            .parents
            .iter()
            .filter(|p| p.1 != ParentKind::Step)
            .map(|p| p.0)
            .collect();
        ps.sort();
        ps
    };
    for c in 0..family.people.len() {
        let parents = drawn(c);
        let Some(cn) = node(c) else { continue };
        let xs: Vec<f64> = parents
            .iter()
            .filter_map(|&p| node(p))
            .map(|n| n.x)
            .collect();
        if xs.is_empty() {
            continue;
        }
        let sibs: Vec<f64> = (0..family.people.len())
            .filter(|&q| drawn(q) == parents)
            .filter_map(|q| node(q).map(|n| n.x))
            .collect();
        let (s0, s1) = (
            sibs.iter().copied().fold(f64::INFINITY, f64::min),
            sibs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        );
        let standing = l
            .nodes
            .iter()
            .filter(|n| (n.y - cn.y).abs() < EPS && n.x >= s0 - EPS && n.x <= s1 + EPS)
            .count();
        let tol = step * f64::max(1.0, (standing as f64 - 1.0) / 2.0) + EPS;
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min) - tol;
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max) + tol;
        if cn.x < lo || cn.x > hi {
            out.push(format!("{} is not under their parents", name(c)));
        }
    }
    // Twins hang from one point.
    for (i, p) in family.people.iter().enumerate() {
        for (j, q) in family.people.iter().enumerate().skip(i + 1) {
            let (Some(Born::Day(d1)), Some(Born::Day(d2))) = (p.born, q.born) else {
                continue;
            };
            let mut pp: Vec<usize> = p.parents.iter().map(|x| x.0).collect();
            let mut qp: Vec<usize> = q.parents.iter().map(|x| x.0).collect();
            pp.sort();
            qp.sort();
            if d1 != d2 || pp != qp || pp.is_empty() {
                continue;
            }
            match (top_point(l, i), top_point(l, j)) {
                (Some(a), Some(c)) if (a.0 - c.0).abs() < 1e-6 && (a.1 - c.1).abs() < 1e-6 => {}
                (a, c) => out.push(format!(
                    "twins {} and {} hang from {a:?} and {c:?}",
                    name(i),
                    name(j)
                )),
            }
        }
    }
    // Households: exactly their members inside, boundaries clear of every
    // symbol and label, and clear of each other.
    if l.households.len() != family.households.len() {
        out.push(format!(
            "{} households drawn, {} given",
            l.households.len(),
            family.households.len()
        ));
    }
    let edges = |poly: &[(f64, f64)]| -> Vec<Line> {
        (0..poly.len())
            .map(|k| {
                let (a, c) = (poly[k], poly[(k + 1) % poly.len()]);
                Line {
                    x1: a.0,
                    y1: a.1,
                    x2: c.0,
                    y2: c.1,
                    style: "dashed",
                    kind: "household",
                    link: usize::MAX,
                }
            })
            .collect()
    };
    for (k, poly) in l.households.iter().enumerate() {
        let Some(members) = family.households.get(k) else {
            continue;
        };
        for n in &l.nodes {
            if inside(poly, n.x, n.y) != members.contains(&n.member) {
                out.push(format!(
                    "household {k}: {} is on the wrong side",
                    name(n.member)
                ));
            }
        }
        for e in edges(poly) {
            for (p, r, _) in &b {
                if enters(&e, r) {
                    out.push(format!("household {k}'s boundary cuts {}'s box", name(*p)));
                }
            }
            for other in l.households.iter().skip(k + 1) {
                for f in edges(other) {
                    if meet(&e, &f) != Meet::Apart {
                        out.push(format!("household {k}'s boundary meets another"));
                    }
                }
            }
        }
    }
    // One A4 landscape page, text at least 5 pt.
    if l.width * l.scale > MAX_WIDTH + EPS || l.height * l.scale > MAX_HEIGHT + EPS {
        out.push(format!(
            "{} x {} mm at {} does not fit",
            l.width, l.height, l.scale
        ));
    }
    if l.font * l.scale < 5.0 - EPS {
        out.push(format!("text at {} pt", l.font * l.scale));
    }
    out
}

/// The line that comes down onto the top of person `i`'s symbol.
pub fn line_onto(l: &Layout, i: usize) -> Option<&Line> {
    let n = l.nodes.iter().find(|n| n.member == i)?;
    let half = l.symbol / 2.0 + if n.subject { 1.0 } else { 0.0 };
    l.lines.iter().filter(|s| s.kind == "descent").find(|s| {
        let lower = if s.y1 > s.y2 {
            (s.x1, s.y1)
        } else {
            (s.x2, s.y2)
        };
        (lower.0 - n.x).abs() < 1e-6 && (lower.1 - (n.y - half)).abs() < 1e-6
    })
}

/// The upper end of the line that comes down onto person `i`'s symbol.
pub fn top_point(l: &Layout, i: usize) -> Option<(f64, f64)> {
    line_onto(l, i).map(|s| {
        if s.y1 < s.y2 {
            (s.x1, s.y1)
        } else {
            (s.x2, s.y2)
        }
    })
}

/// The links with lines of `kind` that end at both `a`'s and `b`'s symbols.
pub fn links_between(l: &Layout, a: usize, b: usize, kind: &str) -> Vec<usize> {
    let b_ = boxes(l);
    let symbol = |i: usize| b_.iter().find(|(p, _, s)| *p == i && *s).map(|x| x.1);
    let (Some(ra), Some(rb)) = (symbol(a), symbol(b)) else {
        return Vec::new();
    };
    let mut links: Vec<usize> = l
        .lines
        .iter()
        .filter(|s| s.kind == kind && touches(s, &ra))
        .map(|s| s.link)
        .filter(|&k| {
            l.lines
                .iter()
                .any(|s| s.link == k && s.kind == kind && touches(s, &rb))
        })
        .collect();
    links.sort();
    links.dedup();
    links
}
