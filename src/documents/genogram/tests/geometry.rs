//! Plane geometry for the judge: how two segments meet, whether a segment
//! enters a box, whether a point is inside a polygon. Exact up to rounding,
//! with no sampling.

use crate::documents::genogram::layout::{Line, Rect};

/// Rounding allowed, mm.
pub const EPS: f64 = 1e-6;

fn orient(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

fn on_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> bool {
    orient(a, b, p).abs() <= EPS * (1.0 + (b.0 - a.0).hypot(b.1 - a.1))
        && p.0 >= a.0.min(b.0) - EPS
        && p.0 <= a.0.max(b.0) + EPS
        && p.1 >= a.1.min(b.1) - EPS
        && p.1 <= a.1.max(b.1) + EPS
}

/// How two segments meet.
#[derive(Debug, PartialEq)]
pub enum Meet {
    /// Not at all.
    Apart,
    /// At one point that is an end of at least one of them (a join).
    Join,
    /// Crossing through each other's insides.
    Cross,
    /// Along each other for a length.
    Along,
}

/// Segment against segment, exactly (up to rounding).
pub fn meet(s: &Line, t: &Line) -> Meet {
    let (a, b, c, d) = ((s.x1, s.y1), (s.x2, s.y2), (t.x1, t.y1), (t.x2, t.y2));
    let (o1, o2, o3, o4) = (
        orient(a, b, c),
        orient(a, b, d),
        orient(c, d, a),
        orient(c, d, b),
    );
    let scale = 1.0 + (b.0 - a.0).hypot(b.1 - a.1) + (d.0 - c.0).hypot(d.1 - c.1);
    let zero = |v: f64| v.abs() <= EPS * scale;
    if zero(o1) && zero(o2) {
        // On one line: apart, touching at an end, or overlapping.
        let touching = [c, d].iter().filter(|&&p| on_segment(p, a, b)).count()
            + [a, b].iter().filter(|&&p| on_segment(p, c, d)).count();
        if touching == 0 {
            return Meet::Apart;
        }
        let (ux, uy) = (b.0 - a.0, b.1 - a.1);
        let len2 = ux * ux + uy * uy;
        if len2 < EPS {
            return Meet::Join;
        }
        let t = |p: (f64, f64)| ((p.0 - a.0) * ux + (p.1 - a.1) * uy) / len2;
        let (t0, t1) = (t(c).min(t(d)), t(c).max(t(d)));
        let overlap = t1.min(1.0) - t0.max(0.0);
        return if overlap * len2.sqrt() > EPS * 10.0 {
            Meet::Along
        } else {
            Meet::Join
        };
    }
    let straddle =
        (o1 > EPS * scale && o2 < -EPS * scale) || (o1 < -EPS * scale && o2 > EPS * scale);
    let straddle2 =
        (o3 > EPS * scale && o4 < -EPS * scale) || (o3 < -EPS * scale && o4 > EPS * scale);
    if straddle && straddle2 {
        return Meet::Cross;
    }
    let ends =
        [c, d].iter().any(|&p| on_segment(p, a, b)) || [a, b].iter().any(|&p| on_segment(p, c, d));
    if ends { Meet::Join } else { Meet::Apart }
}

/// Whether a segment goes into the inside of a box.
pub fn enters(s: &Line, r: &Rect) -> bool {
    let inner = |x: f64, y: f64| {
        x > r.x + EPS && x < r.x + r.w - EPS && y > r.y + EPS && y < r.y + r.h - EPS
    };
    if inner(s.x1, s.y1) || inner(s.x2, s.y2) || inner((s.x1 + s.x2) / 2.0, (s.y1 + s.y2) / 2.0) {
        return true;
    }
    // Otherwise it enters only by crossing two sides: test against the
    // box's diagonals, which any chord through the inside must cross.
    let diag = |x1, y1, x2, y2| Line {
        x1,
        y1,
        x2,
        y2,
        style: "solid",
        kind: "box",
        link: usize::MAX,
    };
    [
        diag(r.x, r.y, r.x + r.w, r.y + r.h),
        diag(r.x + r.w, r.y, r.x, r.y + r.h),
    ]
    .iter()
    .any(|d| meet(s, d) == Meet::Cross)
}

pub fn touches(s: &Line, r: &Rect) -> bool {
    let e = 0.05;
    [(s.x1, s.y1), (s.x2, s.y2)]
        .iter()
        .any(|&(x, y)| x >= r.x - e && x <= r.x + r.w + e && y >= r.y - e && y <= r.y + r.h + e)
}

/// Whether a point is inside a polygon, by its winding number: how many
/// times the boundary goes round the point. Worked out differently from the
/// even-odd ray casting the layout's own check uses, so the two can catch
/// each other out; for the simple polygons a household is drawn as, the
/// point is inside exactly when the boundary goes round it once.
pub fn inside(poly: &[(f64, f64)], x: f64, y: f64) -> bool {
    winding(poly, (x, y)) != 0
}

/// Signed number of turns the closed boundary `poly` makes round `p`:
/// each edge that crosses the horizontal through `p`, to its right, counts
/// +1 going up and -1 going down.
pub fn winding(poly: &[(f64, f64)], p: (f64, f64)) -> i32 {
    let n = poly.len();
    let mut w = 0;
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        if a.1 <= p.1 && b.1 > p.1 && orient(a, b, p) > 0.0 {
            w += 1;
        } else if a.1 > p.1 && b.1 <= p.1 && orient(a, b, p) < 0.0 {
            w -= 1;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::{inside, winding};
    use crate::documents::genogram::check;

    /// A U open at the top, 30 wide and 20 high, its notch 10 wide and 10
    /// deep: the shape of a household whose middle member lives elsewhere.
    const U: [(f64, f64); 8] = [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (20.0, 10.0),
        (20.0, 0.0),
        (30.0, 0.0),
        (30.0, 20.0),
        (0.0, 20.0),
    ];

    /// An L: a 20 by 10 bar with a 10 by 10 foot below its left half.
    const L: [(f64, f64); 6] = [
        (0.0, 0.0),
        (20.0, 0.0),
        (20.0, 10.0),
        (10.0, 10.0),
        (10.0, 20.0),
        (0.0, 20.0),
    ];

    /// A point worked out by hand: what it is, the shape, the point, and
    /// whether it is inside.
    type Worked = (&'static str, &'static [(f64, f64)], (f64, f64), bool);

    /// Points worked out by hand from the drawings above, with the answer.
    fn worked() -> Vec<Worked> {
        vec![
            ("U: left arm", &U, (5.0, 5.0), true),
            ("U: right arm", &U, (25.0, 5.0), true),
            ("U: in the notch", &U, (15.0, 5.0), false),
            ("U: under the notch", &U, (15.0, 15.0), true),
            ("U: left of it", &U, (-5.0, 5.0), false),
            ("U: right of it", &U, (35.0, 15.0), false),
            ("U: above it", &U, (15.0, -5.0), false),
            ("U: below it", &U, (15.0, 25.0), false),
            ("L: bar", &L, (15.0, 5.0), true),
            ("L: foot", &L, (5.0, 15.0), true),
            ("L: beside the foot", &L, (15.0, 15.0), false),
            ("L: far corner", &L, (25.0, 25.0), false),
        ]
    }

    #[test]
    fn the_winding_number_agrees_with_points_worked_by_hand() {
        for (what, poly, (x, y), want) in worked() {
            assert_eq!(inside(poly, x, y), want, "{what}");
        }
    }

    #[test]
    fn the_layouts_own_check_agrees_with_points_worked_by_hand() {
        for (what, poly, (x, y), want) in worked() {
            assert_eq!(check::inside(poly, x, y), want, "{what}");
        }
    }

    #[test]
    fn the_boundary_goes_round_once_whichever_way_it_is_drawn() {
        let mut backwards = U;
        backwards.reverse();
        // Clockwise on the page (y down) is anticlockwise in the maths.
        assert_eq!(winding(&U, (5.0, 5.0)).abs(), 1);
        assert_eq!(winding(&U, (5.0, 5.0)), -winding(&backwards, (5.0, 5.0)));
        assert_eq!(winding(&U, (15.0, 5.0)), 0);
        assert_eq!(winding(&backwards, (15.0, 5.0)), 0);
    }

    #[test]
    fn both_agree_over_a_fine_grid_on_the_worked_shapes() {
        // Off the grid lines the shapes are drawn on, so no point is on a
        // boundary, where the two rules may differ by design.
        for poly in [&U[..], &L[..]] {
            for i in 0..70 {
                for j in 0..50 {
                    let (x, y) = (
                        -5.0 + f64::from(i) * 0.5 + 0.25,
                        -5.0 + f64::from(j) * 0.5 + 0.25,
                    );
                    assert_eq!(inside(poly, x, y), check::inside(poly, x, y), "({x}, {y})");
                }
            }
        }
    }
}
