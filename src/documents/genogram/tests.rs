//! The genogram's layout, checked as geometry (not pixels) on families of
//! 3, 10 and 25 people: no symbol or label overlaps another, no line runs
//! through a symbol or a label, no two lines run along each other, children
//! sit below their parents, and it all fits one A4 landscape page.

use super::dates;
use super::layout::{Layout, Line, MAX_HEIGHT, MAX_WIDTH, Rect, layout};
use super::{FamilyMember, Partnership};
use crate::case::{Date, Gender, PartnershipStatus};

fn person(id: &str, gender: Gender, born: &str, parents: &[&str]) -> FamilyMember {
    FamilyMember {
        id: id.into(),
        name: format!("{} {}", capital(id), "Fictional"),
        gender,
        born: Some(day(born)),
        died: None,
        deceased: false,
        parents: parents.iter().map(|p| p.to_string()).collect(),
        subject: false,
        note: None,
        partners: Vec::new(),
        household: false,
    }
}

fn day(s: &str) -> Date {
    Date(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn partner(f: &mut [FamilyMember], a: &str, b: &str, status: PartnershipStatus) {
    let m = f.iter_mut().find(|m| m.id == a).unwrap();
    m.partners.push(Partnership {
        with: b.into(),
        status,
    });
}

fn get<'a>(f: &'a mut [FamilyMember], id: &str) -> &'a mut FamilyMember {
    f.iter_mut().find(|m| m.id == id).unwrap()
}

use Gender::{Female as F, Male as M};
use PartnershipStatus::*;

fn three() -> Vec<FamilyMember> {
    let mut f = vec![
        person("mum", F, "1994-02-01", &[]),
        person("dad", M, "1990-05-06", &[]),
        person("baby", Gender::Unknown, "2026-01-09", &["mum", "dad"]),
    ];
    partner(&mut f, "mum", "dad", Married);
    get(&mut f, "baby").subject = true;
    f
}

fn ten() -> Vec<FamilyMember> {
    let mut f = vec![
        person("gma", F, "1960-01-01", &[]),
        person("gpa", M, "1958-01-01", &[]),
        person("nan", F, "1962-01-01", &[]),
        person("pop", M, "1961-01-01", &[]),
        person("mum", F, "1990-01-01", &["gma", "gpa"]),
        person("aunt", F, "1992-01-01", &["gma", "gpa"]),
        person("dad", M, "1988-01-01", &["nan", "pop"]),
        person("aunts-partner", Gender::Other, "1991-01-01", &[]),
        person("kid-one", F, "2015-01-01", &["mum", "dad"]),
        person("kid-two", M, "2018-01-01", &["mum", "dad"]),
    ];
    partner(&mut f, "gma", "gpa", Divorced);
    partner(&mut f, "nan", "pop", Married);
    partner(&mut f, "mum", "dad", Separated);
    partner(&mut f, "aunt", "aunts-partner", Partners);
    get(&mut f, "gpa").died = Some(day("2021-03-03"));
    for k in ["kid-one", "kid-two", "mum"] {
        get(&mut f, k).household = true;
    }
    get(&mut f, "kid-one").subject = true;
    get(&mut f, "kid-two").subject = true;
    get(&mut f, "dad").note = Some("in prison until 2027".into());
    get(&mut f, "aunt").note = Some("supportive; offered to care for both children at weekends and in the school holidays if needed".into());
    f
}

fn twenty_five() -> Vec<FamilyMember> {
    let mut f = vec![
        // Great-grandparents.
        person("ggma-a", F, "1935-01-01", &[]),
        person("ggpa-a", M, "1933-01-01", &[]),
        person("ggma-b", F, "1938-01-01", &[]),
        person("ggpa-b", M, "1936-01-01", &[]),
        // Grandparents and their brothers and sisters.
        person("gma", F, "1962-01-01", &["ggma-a", "ggpa-a"]),
        person("great-uncle", M, "1960-01-01", &["ggma-a", "ggpa-a"]),
        person("gpa", M, "1959-01-01", &["ggma-b", "ggpa-b"]),
        person("great-aunt", F, "1964-01-01", &["ggma-b", "ggpa-b"]),
        person("great-uncles-wife", F, "1961-01-01", &[]),
        person("great-aunts-husband", M, "1963-01-01", &[]),
        // Parents' generation.
        person("mum", F, "1990-01-01", &["gma", "gpa"]),
        person("uncle", M, "1987-01-01", &["gma", "gpa"]),
        person("aunt", F, "1993-01-01", &["gma", "gpa"]),
        person("dad", M, "1988-01-01", &[]),
        person("mums-ex", M, "1986-01-01", &[]),
        person("uncles-partner", F, "1989-01-01", &[]),
        person(
            "cousin-a",
            F,
            "1985-01-01",
            &["great-uncle", "great-uncles-wife"],
        ),
        person(
            "cousin-b",
            M,
            "1983-01-01",
            &["great-uncle", "great-uncles-wife"],
        ),
        // Children.
        person("half-brother", M, "2009-01-01", &["mum", "mums-ex"]),
        person("subject-one", F, "2016-01-01", &["mum", "dad"]),
        person("subject-two", M, "2019-01-01", &["mum", "dad"]),
        person(
            "subject-three",
            Gender::Unknown,
            "2025-06-01",
            &["mum", "dad"],
        ),
        person("cousin-c", F, "2012-01-01", &["uncle", "uncles-partner"]),
        person("cousin-d", M, "2014-01-01", &["uncle", "uncles-partner"]),
        person("cousin-e", F, "2020-01-01", &["aunt"]),
    ];
    partner(&mut f, "ggma-a", "ggpa-a", Married);
    partner(&mut f, "ggma-b", "ggpa-b", Divorced);
    partner(&mut f, "gma", "gpa", Married);
    partner(&mut f, "great-uncle", "great-uncles-wife", Married);
    partner(&mut f, "great-aunt", "great-aunts-husband", Partners);
    partner(&mut f, "mum", "mums-ex", Divorced);
    partner(&mut f, "mum", "dad", Partners);
    partner(&mut f, "uncle", "uncles-partner", Married);
    for id in ["ggpa-a", "ggma-b", "ggpa-b"] {
        get(&mut f, id).deceased = true;
    }
    for id in ["subject-one", "subject-two", "subject-three"] {
        get(&mut f, id).subject = true;
        get(&mut f, id).household = true;
    }
    for id in ["mum", "dad"] {
        get(&mut f, id).household = true;
    }
    get(&mut f, "gma").note = Some("supportive".into());
    get(&mut f, "dad").note = Some("domestic abuse risk".into());
    get(&mut f, "mums-ex").note = Some("in prison".into());
    get(&mut f, "uncle").note = Some("put forward as a kinship carer".into());
    f
}

/// The symbol's box (with a subject child's outer outline) and the label's.
fn boxes(l: &Layout) -> Vec<(usize, Rect)> {
    let mut out = Vec::new();
    for n in &l.nodes {
        let grow = if n.subject { 1.0 } else { 0.0 };
        let half = l.symbol / 2.0 + grow;
        out.push((
            n.member,
            Rect {
                x: n.x - half,
                y: n.y - half,
                w: 2.0 * half,
                h: 2.0 * half,
            },
        ));
        out.push((n.member, n.label));
    }
    out
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Whether a straight line passes through the inside of a box (touching
/// its edge, as a line to a symbol does, is allowed).
fn crosses(line: &Line, r: &Rect) -> bool {
    let e = 0.05;
    let (x0, x1, y0, y1) = (r.x + e, r.x + r.w - e, r.y + e, r.y + r.h - e);
    // Sample along the line: lines here are short and the boxes millimetres wide.
    (0..=200).any(|k| {
        let t = k as f64 / 200.0;
        let x = line.x1 + t * (line.x2 - line.x1);
        let y = line.y1 + t * (line.y2 - line.y1);
        x > x0 && x < x1 && y > y0 && y < y1
    })
}

fn assert_clean(name: &str, family: &[FamilyMember]) -> Layout {
    let l = layout(family, &dates);
    assert_eq!(l.nodes.len(), family.len(), "{name}: everyone is drawn");
    let b = boxes(&l);
    for (i, (m, r)) in b.iter().enumerate() {
        for (o, s) in &b[i + 1..] {
            assert!(
                !overlap(r, s),
                "{name}: {} and {} overlap: {r:?} {s:?}",
                family[*m].id,
                family[*o].id
            );
        }
    }
    for line in l.lines.iter().filter(|x| x.kind != "mark") {
        for (m, r) in &b {
            assert!(
                !crosses(line, r),
                "{name}: {line:?} runs through {}'s symbol or label",
                family[*m].id
            );
        }
    }
    let straight: Vec<&Line> = l.lines.iter().filter(|x| x.kind != "mark").collect();
    for (i, a) in straight.iter().enumerate() {
        for c in &straight[i + 1..] {
            let horizontal = |x: &Line| (x.y1 - x.y2).abs() < 1e-6;
            let vertical = |x: &Line| (x.x1 - x.x2).abs() < 1e-6;
            let runs_along =
                |lo1: f64, hi1: f64, lo2: f64, hi2: f64| lo1.max(lo2) < hi1.min(hi2) - 0.01;
            if horizontal(a) && horizontal(c) && (a.y1 - c.y1).abs() < 0.3 {
                assert!(
                    !runs_along(
                        a.x1.min(a.x2),
                        a.x1.max(a.x2),
                        c.x1.min(c.x2),
                        c.x1.max(c.x2)
                    ),
                    "{name}: lines run along each other: {a:?} {c:?}"
                );
            }
            if vertical(a) && vertical(c) && (a.x1 - c.x1).abs() < 0.3 {
                assert!(
                    !runs_along(
                        a.y1.min(a.y2),
                        a.y1.max(a.y2),
                        c.y1.min(c.y2),
                        c.y1.max(c.y2)
                    ),
                    "{name}: lines run along each other: {a:?} {c:?}"
                );
            }
        }
    }
    for n in &l.nodes {
        let m = &family[n.member];
        for p in &m.parents {
            let parent = l.nodes.iter().find(|x| family[x.member].id == *p).unwrap();
            assert!(parent.y < n.y, "{name}: {} is not below {p}", m.id);
        }
        assert_eq!(n.subject, m.subject);
    }
    assert!(l.width * l.scale <= MAX_WIDTH + 1e-6 && l.height * l.scale <= MAX_HEIGHT + 1e-6);
    // Legible: never under 5 pt as printed.
    assert!(
        l.font * l.scale >= 5.0,
        "{name}: text at {} pt",
        l.font * l.scale
    );
    l
}

#[test]
fn a_family_of_three_lays_out_cleanly() {
    let l = assert_clean("3", &three());
    assert_eq!(l.lines.iter().filter(|x| x.kind == "partners").count(), 1);
    assert!(l.households.is_empty());
}

#[test]
fn a_family_of_ten_lays_out_cleanly_with_partnerships_marked() {
    let f = ten();
    let l = assert_clean("10", &f);
    // Divorced grandparents: two strokes; separated parents: one.
    assert_eq!(l.lines.iter().filter(|x| x.kind == "mark").count(), 3);
    assert_eq!(
        l.lines
            .iter()
            .filter(|x| x.kind == "partners" && x.dashed)
            .count(),
        1
    );
    // Partners stand side by side; children in birth order under them.
    let x = |id: &str| l.nodes.iter().find(|n| f[n.member].id == id).unwrap().x;
    assert!((x("mum") - x("dad")).abs() < l.width / 4.0);
    assert!(x("kid-one") < x("kid-two"));
    // The household outline holds its members and no one else's symbol.
    assert_eq!(l.households.len(), 1);
    let poly = &l.households[0];
    for n in &l.nodes {
        let inside = inside(poly, n.x, n.y);
        assert_eq!(inside, f[n.member].household, "{}", f[n.member].id);
    }
    // The long note is numbered under the drawing, not lost.
    assert_eq!(l.notes.len(), 1);
    assert!(l.notes[0].starts_with("supportive"));
}

#[test]
fn twenty_five_people_over_four_generations_fit_one_landscape_page() {
    let f = twenty_five();
    let l = assert_clean("25", &f);
    let rows: std::collections::BTreeSet<i64> =
        l.nodes.iter().map(|n| (n.y * 10.0) as i64).collect();
    assert_eq!(rows.len(), 4);
    assert!(l.scale > 0.8, "shrunk to {}", l.scale);
    // Mum's two partners stand either side of her.
    let x = |id: &str| l.nodes.iter().find(|n| f[n.member].id == id).unwrap().x;
    let (ex, mum, dad) = (x("mums-ex"), x("mum"), x("dad"));
    assert!((ex < mum && mum < dad) || (dad < mum && mum < ex));
}

/// Point in polygon, by ray casting.
fn inside(poly: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut c = false;
    let n = poly.len();
    for i in 0..n {
        let (xi, yi) = poly[i];
        let (xj, yj) = poly[(i + n - 1) % n];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            c = !c;
        }
    }
    c
}
