//! The judge in `oracle` must fail a layout with each fault it is there
//! to catch: each test breaks a good layout in one way and expects it
//! named. Without these, a judge that passed everything would pass.

use super::families::*;
use super::oracle::problems;
use super::shapes;
use crate::documents::genogram::layout;

#[test]
fn a_line_across_another_link_is_caught() {
    let (f, [kerry, tomasz, ..]) = shapes::reported();
    let mut l = layout(&f);
    assert!(problems(&f, &l).is_empty());
    // The reported bug: the separated partnership drawn over the top of
    // the mother, through her parents' line down to her.
    let (k, t) = (
        l.nodes.iter().find(|n| n.member == kerry).expect("drawn"),
        l.nodes.iter().find(|n| n.member == tomasz).expect("drawn"),
    );
    // Just above her symbol, where the line down to her runs.
    let y = k.y - l.symbol / 2.0 - 1.5;
    let link = l.lines.iter().map(|s| s.link).max().expect("lines") + 1;
    let mut over = l.lines[0];
    let side = (t.x - k.x).signum();
    (over.x1, over.y1, over.x2, over.y2, over.link) = (k.x - side, y, t.x - side, y, link);
    l.lines.push(over);
    let found = problems(&f, &l);
    assert!(
        found.iter().any(|p| p.starts_with("lines meet (Cross)")),
        "{found:?}"
    );
}

#[test]
fn lines_of_one_link_crossing_are_caught_and_a_stroke_is_not() {
    let f = ten();
    let mut l = layout(&f);
    let bar = *l
        .lines
        .iter()
        .find(|s| s.kind == "descent" && (s.y1 - s.y2).abs() < 1e-9 && (s.x1 - s.x2).abs() > 1.0)
        .expect("a sibling bar");
    let mut across = bar;
    let at = bar.x1 + (bar.x2 - bar.x1) / 4.0;
    (across.x1, across.x2) = (at - 0.5, at + 0.5);
    across.y1 = bar.y1 - 1.0;
    across.y2 = bar.y1 + 1.0;
    across.kind = "mark";
    l.lines.push(across);
    let found = problems(&f, &l);
    assert!(
        found.is_empty(),
        "a stroke may cross its own line: {found:?}"
    );
    l.lines.last_mut().expect("pushed").kind = "descent";
    assert!(problems(&f, &l).iter().any(|p| p.contains("Cross")));
}

#[test]
fn a_line_through_a_label_or_someone_elses_symbol_is_caught() {
    let f = three();
    let mut l = layout(&f);
    let baby = l.nodes[2].clone();
    let mut through = l.lines[0];
    (through.x1, through.y1) = (baby.label.x - 2.0, baby.label.y + baby.label.h / 2.0);
    (through.x2, through.y2) = (baby.label.x + baby.label.w + 2.0, through.y1);
    through.link = 99;
    l.lines.push(through);
    assert!(
        problems(&f, &l)
            .iter()
            .any(|p| p.contains("runs through Baby Fictional's label"))
    );
}

#[test]
fn overlapping_people_and_partners_apart_are_caught() {
    let f = three();
    let mut l = layout(&f);
    l.nodes[1].x = l.nodes[0].x + 1.0;
    l.nodes[1].label.x = l.nodes[0].label.x + 1.0;
    assert!(problems(&f, &l).iter().any(|p| p.contains("overlap")));
    let mut l = layout(&f);
    l.nodes[1].y += 30.0;
    let found = problems(&f, &l);
    assert!(
        found.iter().any(|p| p.contains("different rows")),
        "{found:?}"
    );
    let mut l = layout(&f);
    l.nodes[2].y = l.nodes[0].y - 1.0;
    assert!(problems(&f, &l).iter().any(|p| p.contains("not above")));
}

#[test]
fn a_child_away_from_their_parents_is_caught() {
    let (f, [.., c1, _, _, _]) = shapes::three_fathers();
    let mut l = layout(&f);
    let far = l.nodes.iter().map(|n| n.x).fold(0.0, f64::max) + 100.0;
    let n = l.nodes.iter_mut().find(|n| n.member == c1).expect("drawn");
    n.x = far;
    assert!(
        problems(&f, &l)
            .iter()
            .any(|p| p.contains("not under their parents"))
    );
}

#[test]
fn twins_on_separate_points_are_caught() {
    let (f, [_, t1, ..]) = shapes::twins();
    let mut l = layout(&f);
    let n = l
        .nodes
        .iter()
        .find(|n| n.member == t1)
        .expect("drawn")
        .clone();
    let half = l.symbol / 2.0 + 1.0;
    let drop = l
        .lines
        .iter_mut()
        .find(|s| (s.x2 - n.x).abs() < 1e-9 && (s.y2 - (n.y - half)).abs() < 1e-9)
        .expect("the twin's line");
    drop.x1 = n.x;
    assert!(problems(&f, &l).iter().any(|p| p.starts_with("twins")));
}

#[test]
fn a_household_boundary_round_the_wrong_people_is_caught() {
    let (f, [gma, ..]) = shapes::with_grandparents();
    let mut l = layout(&f);
    let g = l
        .nodes
        .iter()
        .find(|n| n.member == gma)
        .expect("drawn")
        .clone();
    l.households[0] = vec![
        (g.x - 3.0, g.y - 3.0),
        (g.x + 3.0, g.y - 3.0),
        (g.x + 3.0, g.y + 3.0),
        (g.x - 3.0, g.y + 3.0),
    ];
    let found = problems(&f, &l);
    assert!(found.iter().any(|p| p.contains("wrong side")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("cuts")), "{found:?}");
}

#[test]
fn a_drawing_too_big_for_the_page_is_caught() {
    let f = three();
    let mut l = layout(&f);
    l.width = 400.0;
    l.scale = 1.0;
    assert!(problems(&f, &l).iter().any(|p| p.contains("does not fit")));
}

#[test]
fn another_familys_line_running_on_below_a_drop_is_caught() {
    // What the three fathers' family once looked like: the grandparents'
    // line down, and below their bar, in line with it, the line down to
    // the youngest child from her parents' line over the row.
    let (f, _) = shapes::three_fathers();
    let mut l = layout(&f);
    let drop = *l
        .lines
        .iter()
        .find(|s| s.kind == "descent" && (s.x1 - s.x2).abs() < 1e-9)
        .expect("a line down");
    let mut below = drop;
    let bottom = drop.y1.max(drop.y2);
    (below.y1, below.y2, below.link) = (bottom + 2.0, bottom + 8.0, 999);
    l.lines.push(below);
    let found = problems(&f, &l);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("lines of different links line up")),
        "{found:?}"
    );
}
