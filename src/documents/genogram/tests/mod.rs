//! The genogram's layout, checked as geometry (not pixels) by an
//! independent judge (`oracle`) on families of 3, 10 and 25 people and on
//! the shapes social workers meet: blended, separated, abusive, bereaved,
//! a child with grandparents, twins, a looked-after mother, an unborn baby,
//! an adoption. `mutations` shows the judge catches each fault it is for;
//! `render` draws the shapes to PDF to look at.

mod anatomy;
mod blended;
mod families;
mod geometry;
mod mutations;
mod old;
mod oracle;
mod render;
mod shapes;

use families::*;
use oracle::{links_between, problems, top_point};

use crate::documents::genogram::layout::Layout;
use crate::documents::genogram::{GenoFamily, dates, layout};

/// Lays out `family` and asserts the judge finds nothing wrong.
fn clean(name: &str, family: &GenoFamily) -> Layout {
    let l = layout(family);
    let found = problems(family, &l);
    assert!(found.is_empty(), "{name}:\n{}", found.join("\n"));
    l
}

fn node(l: &Layout, i: usize) -> &crate::documents::genogram::layout::Node {
    l.nodes
        .iter()
        .find(|n| n.member == i)
        .expect("everyone is drawn")
}

#[test]
fn a_family_of_three_lays_out_cleanly() {
    let l = clean("3", &three());
    assert_eq!(l.lines.iter().filter(|x| x.kind == "partners").count(), 1);
    assert!(l.households.is_empty());
}

#[test]
fn a_family_of_ten_lays_out_cleanly_with_partnerships_marked() {
    let f = ten();
    let l = clean("10", &f);
    // Divorced grandparents: two strokes; separated parents: one.
    assert_eq!(l.lines.iter().filter(|x| x.kind == "mark").count(), 3);
    assert_eq!(
        l.lines
            .iter()
            .filter(|x| x.kind == "partners" && x.style == "dashed")
            .count(),
        1
    );
    assert!(node(&l, 8).x < node(&l, 9).x, "eldest on the left");
    assert_eq!(l.households.len(), 1);
    // The long note is numbered under the drawing, not lost.
    assert_eq!(l.notes.len(), 1);
    assert!(l.notes[0].starts_with("supportive"));
}

#[test]
fn twenty_five_people_over_four_generations_fit_one_landscape_page() {
    let f = twenty_five();
    let l = clean("25", &f);
    let rows: std::collections::BTreeSet<i64> =
        l.nodes.iter().map(|n| (n.y * 10.0) as i64).collect();
    assert_eq!(rows.len(), 4);
    assert!(l.scale > 0.8, "shrunk to {}", l.scale);
    // Mum's two partners stand either side of her.
    let (ex, mum, dad) = (node(&l, 14).x, node(&l, 10).x, node(&l, 13).x);
    assert!((ex < mum && mum < dad) || (dad < mum && mum < ex));
}

#[test]
fn a_mother_with_children_by_three_fathers() {
    let (f, [mum, f1, f2, f3, c1, c2, c3, c4]) = shapes::three_fathers();
    let l = clean("three fathers", &f);
    let x = |i| node(&l, i).x;
    // Two fathers either side of her; each couple's children under them,
    // in the order they were born.
    assert!(
        x(f1) < x(mum) && x(mum) < x(f2),
        "{} {} {}",
        x(f1),
        x(mum),
        x(f2)
    );
    assert!(x(c1) < x(c2) && x(c2) < x(c3) && x(c3) < x(c4));
    // Each partnership is its own line from her to him, with its strokes.
    for father in [f1, f2, f3] {
        assert_eq!(links_between(&l, mum, father, "partners").len(), 1);
    }
    let marks = |father| {
        let link = links_between(&l, mum, father, "partners")[0];
        l.lines
            .iter()
            .filter(|s| s.link == link && s.kind == "mark")
            .count()
    };
    assert_eq!((marks(f1), marks(f2), marks(f3)), (2, 1, 0));
}

#[test]
fn both_parents_repartnered_with_half_siblings_on_both_sides() {
    let (f, [mum, dad, step_m, step_f, c1, c2, h1, h2, h3]) = shapes::both_repartnered();
    let l = clean("both re-partnered", &f);
    let x = |i| node(&l, i).x;
    // Step-father, mother, father, step-mother in a line: each partner
    // beside the person, the couple's children under each couple.
    let line = [x(step_m), x(mum), x(dad), x(step_f)];
    let forwards = line.windows(2).all(|w| w[0] < w[1]);
    let backwards = line.windows(2).all(|w| w[0] > w[1]);
    assert!(forwards || backwards, "{line:?}");
    let (lo, hi) = (x(c1).min(x(c2)), x(c1).max(x(c2)));
    for half in [h1, h2, h3] {
        assert!(
            x(half) < lo || x(half) > hi,
            "half-siblings stand apart from the full ones"
        );
    }
    // A step-parent is shown by the partnership, not a line to the child.
    assert!(top_point(&l, c1).is_some());
    assert_eq!(l.households.len(), 2);
}

#[test]
fn a_child_living_with_grandparents() {
    let (f, [gma, gpa, mum, dad, child, brother]) = shapes::with_grandparents();
    let l = clean("with grandparents", &f);
    let inside = |k: usize, i| oracle::inside(&l.households[k], node(&l, i).x, node(&l, i).y);
    assert!(inside(0, gma) && inside(0, gpa) && inside(0, child));
    assert!(!inside(0, mum) && !inside(0, dad) && !inside(0, brother));
    assert!(inside(1, mum) && inside(1, brother) && !inside(1, child));
}

#[test]
fn twins_hang_from_one_point() {
    let (f, [older, t1, t2, younger]) = shapes::twins();
    let l = clean("twins", &f);
    let (p1, p2) = (top_point(&l, t1), top_point(&l, t2));
    assert!(p1.is_some() && p1 == p2, "{p1:?} {p2:?}");
    // The others hang straight down from points of their own.
    for single in [older, younger] {
        let p = top_point(&l, single).expect("a line down");
        assert!((p.0 - node(&l, single).x).abs() < 1e-9 && p != p1.expect("twins' point"));
    }
    assert!(l.key.twins);
}

#[test]
fn a_looked_after_mother_with_her_baby_and_foster_carers() {
    let (f, [bm, bf, mum, dad, baby, fc1, fc2]) = shapes::looked_after_mother();
    let l = clean("looked-after mother", &f);
    let inside = |i| oracle::inside(&l.households[0], node(&l, i).x, node(&l, i).y);
    assert!(inside(fc1) && inside(fc2) && inside(mum) && inside(baby));
    assert!(!inside(bm) && !inside(bf) && !inside(dad));
    // The foster carers are not joined to her family by any line.
    for carer in [fc1, fc2] {
        for kin in [bm, bf, mum, dad, baby] {
            assert!(links_between(&l, carer, kin, "partners").is_empty());
            assert!(links_between(&l, carer, kin, "descent").is_empty());
        }
    }
}

#[test]
fn a_deceased_parent_is_crossed_and_dated() {
    let (f, [mum, gpa, c1, c2]) = shapes::deceased_parent();
    let l = clean("deceased parent", &f);
    assert!(node(&l, mum).deceased && node(&l, gpa).deceased);
    let printed = |i| node(&l, i).dates.replace('\u{a0}', " ");
    assert_eq!(printed(mum), "b. 15 Jan 1985 · d. 1 Mar 2024");
    assert_eq!(printed(gpa), "b. 1952 · d. 2019");
    // A label breaks between the dates, never inside one.
    assert!(!node(&l, mum).dates.contains("Jan 1985") && node(&l, mum).dates.contains(" · "));
    assert!(!node(&l, c1).deceased && !node(&l, c2).deceased);
}

#[test]
fn an_unborn_baby_a_father_in_prison_and_domestic_abuse() {
    let (f, [mum, ex, dad, older, unborn]) = shapes::unborn_with_abuse();
    let l = clean("unborn", &f);
    let baby = node(&l, unborn);
    assert_eq!(
        (baby.shape, baby.dates.as_str()),
        ("pregnancy", "due\u{a0}1\u{a0}Mar\u{a0}2027")
    );
    assert_eq!(node(&l, dad).note.as_deref(), Some("in prison"));
    // A zigzag of its own between mother and father, besides their
    // partnership line; none between her and her earlier partner.
    let zigzag = links_between(&l, mum, dad, "abuse");
    assert_eq!(zigzag.len(), 1);
    assert!(l.lines.iter().filter(|s| s.link == zigzag[0]).count() >= 4);
    assert_eq!(links_between(&l, mum, dad, "partners").len(), 1);
    assert!(links_between(&l, mum, ex, "abuse").is_empty());
    assert!(l.key.abuse && l.key.pregnancy);
    let _ = older;
}

#[test]
fn a_year_of_birth_alone_and_an_adopted_child() {
    let (f, [gpa, mum, dad, adopted, born]) = shapes::year_and_adoptive();
    let l = clean("adoptive", &f);
    assert_eq!(node(&l, gpa).dates, "b.\u{a0}1948");
    let line_to = |i: usize| oracle::line_onto(&l, i).map(|s| s.style);
    assert_eq!(line_to(adopted), Some("dashed"));
    assert_eq!(line_to(born), Some("solid"));
    assert!(l.key.adoptive);
    let _ = (mum, dad);
}

#[test]
fn the_reported_family_reads_right() {
    let (f, [kerry, tomasz, dean, maisie, leo, rosa]) = shapes::reported();
    let l = clean("reported", &f);
    let x = |i| node(&l, i).x;
    // Kerry stands between her two partners, each joined to her by a line
    // of its own; her eldest on the left of her younger two.
    assert!((x(tomasz) - x(kerry)) * (x(dean) - x(kerry)) < 0.0);
    assert!(x(maisie) < x(leo) && x(leo) < x(rosa));
}

#[test]
fn dates_print_as_a_social_worker_writes_them() {
    let (f, _) = shapes::unborn_with_abuse();
    assert_eq!(dates(&f.people[0]), "b. 7 Jul 1970");
    let (f, [gpa, ..]) = shapes::year_and_adoptive();
    assert_eq!(dates(&f.people[gpa]), "b. 1948");
    let mut p = f.people[gpa].clone();
    p.died = None;
    p.deceased = true;
    assert_eq!(dates(&p), "b. 1948 · deceased");
}
