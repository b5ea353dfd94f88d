//! Reading a laid-out genogram as a social worker reads it: which two
//! people a partnership line joins, which couple (or lone parent) a
//! child's line comes down from and in what style, who hangs from which
//! bar, and who stands on which row. Worked out from the layout's lines and
//! symbols alone, so the tests in `blended` can fail on a wrong drawing.

use std::collections::BTreeSet;

use super::oracle::{boxes, line_onto, touches};
use crate::documents::genogram::layout::{Layout, Line, Node, Rect};

/// Rounding allowed, mm.
const EPS: f64 = 1e-6;

pub fn node(l: &Layout, i: usize) -> &Node {
    l.nodes
        .iter()
        .find(|n| n.member == i)
        .expect("everyone is drawn")
}

fn symbol(l: &Layout, i: usize) -> Rect {
    boxes(l)
        .into_iter()
        .find(|(p, _, s)| *p == i && *s)
        .map(|x| x.1)
        .expect("everyone has a symbol")
}

/// Everyone a line of `link` and `kind` ends on (at their symbol).
pub fn ends_on(l: &Layout, link: usize, kind: &str) -> BTreeSet<usize> {
    let mine: Vec<&Line> = l
        .lines
        .iter()
        .filter(|s| s.link == link && s.kind == kind)
        .collect();
    l.nodes
        .iter()
        .map(|n| n.member)
        .filter(|&i| {
            let r = symbol(l, i);
            mine.iter().any(|s| touches(s, &r))
        })
        .collect()
}

/// The one partnership line between `a` and `b`: its link. Panics unless
/// exactly one link's partnership lines end on both, and they end on no
/// one else.
pub fn partnership(l: &Layout, a: usize, b: usize) -> usize {
    let links: BTreeSet<usize> = l
        .lines
        .iter()
        .filter(|s| s.kind == "partners")
        .map(|s| s.link)
        .filter(|&k| {
            let on = ends_on(l, k, "partners");
            on.contains(&a) && on.contains(&b)
        })
        .collect();
    assert_eq!(links.len(), 1, "one partnership line between {a} and {b}");
    let link = *links.first().expect("one");
    assert_eq!(
        ends_on(l, link, "partners"),
        BTreeSet::from([a, b]),
        "the partnership line of {a} and {b} ends on them alone"
    );
    link
}

/// Whether `a` and `b` stand side by side, joined straight across between
/// their symbols at the height of their centres.
pub fn side_by_side(l: &Layout, a: usize, b: usize) -> bool {
    let link = partnership(l, a, b);
    let (na, nb) = (node(l, a), node(l, b));
    let (lo, hi) = (na.x.min(nb.x), na.x.max(nb.x));
    let between = l
        .nodes
        .iter()
        .any(|n| (n.y - na.y).abs() < EPS && n.x > lo + EPS && n.x < hi - EPS);
    !between
        && l.lines.iter().any(|s| {
            s.link == link
                && s.kind == "partners"
                && (s.y1 - na.y).abs() < 1.0
                && (s.y2 - na.y).abs() < 1.0
                && s.x1.min(s.x2) < lo + l.symbol
                && s.x1.max(s.x2) > hi - l.symbol
        })
}

/// The line onto `child`'s symbol: its link and style.
pub fn descent(l: &Layout, child: usize) -> (usize, &'static str) {
    let s = line_onto(l, child).unwrap_or_else(|| panic!("a line comes down onto {child}"));
    (s.link, s.style)
}

/// Everyone a line of `link` comes down onto: the children it draws.
pub fn hanging(l: &Layout, link: usize) -> BTreeSet<usize> {
    l.nodes
        .iter()
        .map(|n| n.member)
        .filter(|&i| line_onto(l, i).is_some_and(|s| s.link == link))
        .collect()
}

/// Asserts `child` hangs from the partnership line of `a` and `b`, by a
/// line of `style`; returns the link.
pub fn from_couple(l: &Layout, child: usize, a: usize, b: usize, style: &str) -> usize {
    let couple = partnership(l, a, b);
    let (link, got) = descent(l, child);
    assert_eq!(link, couple, "{child} hangs from the line of {a} and {b}");
    assert_eq!(got, style, "{child}'s line is {style}");
    // The line down starts on the partnership line (or the line over the
    // row joining them), not anywhere else.
    let top = l
        .lines
        .iter()
        .filter(|s| s.link == link && s.kind == "descent")
        .map(|s| s.y1.min(s.y2))
        .fold(f64::INFINITY, f64::min);
    let partners_low = l
        .lines
        .iter()
        .filter(|s| s.link == link && s.kind == "partners")
        .map(|s| s.y1.max(s.y2))
        .fold(f64::NEG_INFINITY, f64::max);
    assert!(
        top <= partners_low + EPS,
        "{child}'s line starts at the couple"
    );
    link
}

/// Asserts `child` hangs from lone parent `p` by a line of `style`: a line
/// of the same link leaves `p`'s symbol (or the foot of their label).
pub fn from_lone(l: &Layout, child: usize, p: usize, style: &str) -> usize {
    let (link, got) = descent(l, child);
    assert_eq!(got, style, "{child}'s line is {style}");
    assert!(
        l.lines
            .iter()
            .all(|s| s.link != link || s.kind != "partners"),
        "a lone parent's line has no partnership line"
    );
    let n = node(l, p);
    let r = symbol(l, p);
    let label = n.label;
    let leaves = l.lines.iter().filter(|s| s.link == link).any(|s| {
        touches(s, &r)
            || [(s.x1, s.y1), (s.x2, s.y2)]
                .iter()
                .any(|&(x, y)| (x - n.x).abs() < EPS && y > label.y && y < label.y + label.h + 1.0)
    });
    assert!(leaves, "{child}'s line leaves {p}");
    link
}

/// Asserts everyone in `row` stands on one row, and each of `below`
/// further down the page than all of `row`.
pub fn rows(l: &Layout, row: &[usize], below: &[usize]) {
    let y = node(l, row[0]).y;
    for &p in row {
        assert!(
            (node(l, p).y - y).abs() < EPS,
            "{p} on the row of {}",
            row[0]
        );
    }
    for &c in below {
        assert!(node(l, c).y > y + EPS, "{c} below the row of {}", row[0]);
    }
}
