//! The families issue 30 found drawn wrongly, checked line by line: a
//! mother's new partner who is a stepmother, a same-sex couple, adoptive
//! parents with the birth parents in the case, someone with two
//! partnerships, and a foster carer with no relatives in the case. Each
//! test reads the drawing with `anatomy`: who each partnership line joins,
//! which couple each child hangs from and how, who hangs from each bar,
//! and who stands on which row.

use std::collections::BTreeSet;

use super::anatomy::{from_couple, from_lone, hanging, node, partnership, rows, side_by_side};
use super::clean;
use super::families::*;
use crate::documents::genogram::layout::Layout;
use crate::documents::genogram::{GenoFamily, ParentKind};

/// (1) Adaeze has Mateo by Luis (divorced) and Ivy by Tom (separated);
/// she is now married to Marta, Ivy's stepmother. Adaeze's parents, her
/// sister and her brother are in the case. `marta_first` writes the
/// marriage before the other partnerships, as a case with `partners` on
/// Marta would.
pub fn stepmother(marta_first: bool) -> (GenoFamily, [usize; 10]) {
    let mut f = Fam::default();
    let gma = f.person("Joy Okafor", F, "1961-05-14");
    let gpa = f.person("Samuel Okafor", M, "1958-02-03");
    let marta = f.person("Marta Silva", F, "1990-08-21");
    f.couple(gma, gpa, Married);
    let uncle = f.child("Obi Okafor", M, "1985-01-09", &[gma, gpa]);
    let mum = f.child("Adaeze Okafor", F, "1988-06-30", &[gma, gpa]);
    let aunt = f.child("Chioma Okafor", F, "1992-11-11", &[gma, gpa]);
    let luis = f.person("Luis Reyes", M, "1986-04-17");
    let tom = f.person("Tom Brennan", M, "1987-09-02");
    if marta_first {
        f.couple(marta, mum, Married);
    }
    f.couple(mum, luis, Divorced);
    f.couple(mum, tom, Separated);
    if !marta_first {
        f.couple(mum, marta, Married);
    }
    let mateo = f.child("Mateo Reyes", M, "2012-03-05", &[mum, luis]);
    let ivy = f.child("Ivy Brennan", F, "2019-07-23", &[mum, tom]);
    f.parent(ivy, marta, ParentKind::Step);
    f.subject(&[mateo, ivy]);
    f.household(&[mum, marta, ivy]);
    let family = f.done();
    (
        family,
        [gma, gpa, uncle, mum, aunt, luis, tom, marta, mateo, ivy],
    )
}

/// The links of horizontal descent lines (bars) over `p`: in the space
/// between `p`'s row and the row above, reaching across `p`'s centre.
fn bars_over(l: &Layout, p: usize) -> BTreeSet<usize> {
    let n = node(l, p);
    let above = l
        .nodes
        .iter()
        .map(|m| m.y)
        .filter(|&y| y < n.y - 1e-6)
        .fold(f64::NEG_INFINITY, f64::max);
    l.lines
        .iter()
        .filter(|s| s.kind == "descent" && (s.y1 - s.y2).abs() < 1e-6)
        .filter(|s| s.y1 > above && s.y1 < n.y - l.symbol / 2.0)
        .filter(|s| s.x1.min(s.x2) < n.x && s.x1.max(s.x2) > n.x)
        .map(|s| s.link)
        .collect()
}

#[test]
fn a_mothers_new_partner_stands_beside_her_not_among_her_brothers_and_sisters() {
    for marta_first in [false, true] {
        let (f, [gma, gpa, uncle, mum, aunt, luis, tom, marta, mateo, ivy]) =
            stepmother(marta_first);
        let l = clean("stepmother", &f);
        // Generations: grandparents, then Adaeze with her brother, sister
        // and partners, then the children.
        rows(&l, &[gma, gpa], &[mum, marta, mateo]);
        rows(&l, &[mum, uncle, aunt, luis, tom, marta], &[mateo, ivy]);
        rows(&l, &[mateo, ivy], &[]);
        // Marta is joined to Adaeze by a line of their own, beside her.
        partnership(&l, mum, marta);
        assert!(side_by_side(&l, mum, marta), "Marta beside Adaeze");
        // Only Adaeze and her brother and sister hang from her parents.
        let grandparents = partnership(&l, gma, gpa);
        assert_eq!(
            hanging(&l, grandparents),
            BTreeSet::from([uncle, mum, aunt])
        );
        // Each child from their own parents' line; Ivy's stepmother is
        // shown by her marriage to Ivy's mother.
        let first = from_couple(&l, mateo, mum, luis, "solid");
        let second = from_couple(&l, ivy, mum, tom, "solid");
        assert_eq!(hanging(&l, first), BTreeSet::from([mateo]));
        assert_eq!(hanging(&l, second), BTreeSet::from([ivy]));
        assert!(hanging(&l, partnership(&l, mum, marta)).is_empty());
    }
}

/// (1b) A stepmother with no father drawn: the child hangs from her
/// mother and stepmother, by a dotted line.
#[test]
fn a_child_of_her_mother_and_stepmother_hangs_from_them_dotted() {
    let mut f = Fam::default();
    let mum = f.person("Rhian Pugh", F, "1990-01-01");
    let step = f.person("Dana Kerr", F, "1991-02-02");
    f.couple(mum, step, Partners);
    let child = f.child("Alys Pugh", F, "2016-03-03", &[mum]);
    f.parent(child, step, ParentKind::Step);
    f.subject(&[child]);
    let l = clean("mother and stepmother", &f.done());
    rows(&l, &[mum, step], &[child]);
    from_couple(&l, child, mum, step, "dotted");
}

#[test]
fn a_same_sex_couple_with_a_child_are_a_couple_over_their_child() {
    // Two women: one the birth mother, the other a legal parent.
    let mut f = Fam::default();
    let gma = f.person("Ann Hughes", F, "1960-01-01");
    let a = f.child("Beth Hughes", F, "1987-02-02", &[gma]);
    let b = f.person("Carys Lloyd", F, "1989-03-03");
    f.couple(a, b, Married);
    let child = f.child("Dylan Hughes", M, "2018-04-04", &[a]);
    f.parent(child, b, ParentKind::Other);
    let sister = f.child("Efa Hughes", F, "2021-05-05", &[a, b]);
    f.subject(&[child, sister]);
    f.household(&[a, b, child, sister]);
    let l = clean("two mothers", &f.done());
    rows(&l, &[a, b], &[child, sister]);
    rows(&l, &[gma], &[a, b]);
    assert!(side_by_side(&l, a, b));
    let couple = from_couple(&l, child, a, b, "dotted");
    assert_eq!(from_couple(&l, sister, a, b, "solid"), couple);
    assert_eq!(hanging(&l, couple), BTreeSet::from([child, sister]));
    from_lone(&l, a, gma, "solid");
    // Two men who adopted.
    let mut f = Fam::default();
    let a = f.person("Gareth Price", M, "1980-06-06");
    let b = f.person("Hywel Owen", M, "1982-07-07");
    f.couple(a, b, Partners);
    let child = f.person("Iwan Price", M, "2015-08-08");
    f.parent(child, a, ParentKind::Adoptive);
    f.parent(child, b, ParentKind::Adoptive);
    f.subject(&[child]);
    let l = clean("two fathers", &f.done());
    rows(&l, &[a, b], &[child]);
    assert!(side_by_side(&l, a, b));
    from_couple(&l, child, a, b, "dashed");
    assert!(l.key.adoptive);
}

#[test]
fn an_adopted_child_hangs_from_the_adopters_with_the_birth_parents_apart() {
    let mut f = Fam::default();
    let am = f.person("Jo Carter", F, "1978-01-01");
    let ad = f.person("Kev Carter", M, "1976-02-02");
    f.couple(am, ad, Married);
    let bm = f.person("Lisa Moss", F, "1996-03-03");
    let bd = f.person("Mark Dunn", M, "1994-04-04");
    f.couple(bm, bd, Separated);
    let child = f.person("Nia Carter", F, "2017-05-05");
    for (p, kind) in [
        (bm, ParentKind::Birth),
        (bd, ParentKind::Birth),
        (am, ParentKind::Adoptive),
        (ad, ParentKind::Adoptive),
    ] {
        f.parent(child, p, kind);
    }
    let own = f.child("Owen Carter", M, "2010-06-06", &[am, ad]);
    f.subject(&[child]);
    f.household(&[am, ad, child, own]);
    let l = clean("adopted, birth parents known", &f.done());
    rows(&l, &[am, ad, bm, bd], &[child, own]);
    let adopters = from_couple(&l, child, am, ad, "dashed");
    assert_eq!(from_couple(&l, own, am, ad, "solid"), adopters);
    let birth = partnership(&l, bm, bd);
    assert!(
        hanging(&l, birth).is_empty(),
        "nobody hangs from the birth parents"
    );
    // One adopter, and the birth mother: not drawn as a couple.
    let mut f = Fam::default();
    let am = f.person("Pam Reid", F, "1970-01-01");
    let bm = f.person("Rae Todd", F, "1998-02-02");
    let child = f.person("Sky Reid", U, "2020-03-03");
    f.parent(child, bm, ParentKind::Birth);
    f.parent(child, am, ParentKind::Adoptive);
    f.subject(&[child]);
    let l = clean("one adopter", &f.done());
    rows(&l, &[am, bm], &[child]);
    from_lone(&l, child, am, "dashed");
    assert!(
        l.lines.iter().all(|s| s.kind != "partners"),
        "no couple made up"
    );
}

#[test]
fn a_mother_divorced_and_remarried_stands_between_her_two_partners() {
    let mut f = Fam::default();
    let gma = f.person("Una Bell", F, "1962-01-01");
    let gpa = f.person("Vic Bell", M, "1960-02-02");
    f.couple(gma, gpa, Married);
    let mum = f.child("Wendy Bell", F, "1986-03-03", &[gma, gpa]);
    let aunt = f.child("Xena Bell", F, "1989-04-04", &[gma, gpa]);
    let first = f.person("Yusuf Amin", M, "1984-05-05");
    let second = f.person("Zac Ford", M, "1985-06-06");
    f.couple(mum, first, Divorced);
    f.couple(mum, second, Married);
    let c1 = f.child("Adam Amin", M, "2008-07-07", &[mum, first]);
    let c2 = f.child("Beth Amin", F, "2010-08-08", &[mum, first]);
    let c3 = f.child("Cara Ford", F, "2016-09-09", &[mum, second]);
    f.subject(&[c1, c2, c3]);
    f.household(&[mum, second, c1, c2, c3]);
    let l = clean("two partnerships", &f.done());
    rows(&l, &[mum, first, second, aunt], &[c1, c2, c3]);
    assert!(side_by_side(&l, mum, first) && side_by_side(&l, mum, second));
    let x = |i| node(&l, i).x;
    assert!((x(first) - x(mum)) * (x(second) - x(mum)) < 0.0);
    let divorced = from_couple(&l, c1, mum, first, "solid");
    assert_eq!(from_couple(&l, c2, mum, first, "solid"), divorced);
    let married = from_couple(&l, c3, mum, second, "solid");
    assert_eq!(hanging(&l, divorced), BTreeSet::from([c1, c2]));
    assert_eq!(hanging(&l, married), BTreeSet::from([c3]));
    let marks = |link| {
        l.lines
            .iter()
            .filter(|s| s.link == link && s.kind == "mark")
            .count()
    };
    assert_eq!((marks(divorced), marks(married)), (2, 0));
    assert_eq!(
        hanging(&l, partnership(&l, gma, gpa)),
        BTreeSet::from([mum, aunt])
    );
}

/// (5) A foster carer with no relatives in the case, living with one of
/// the children (`lives_with`) or with none of them.
pub fn with_carer(lives_with: bool) -> (GenoFamily, [usize; 7]) {
    let mut f = Fam::default();
    let gma = f.person("Dot Hale", F, "1958-01-01");
    let gpa = f.person("Ern Hale", M, "1956-02-02");
    f.couple(gma, gpa, Married);
    let mum = f.child("Fay Hale", F, "1990-03-03", &[gma, gpa]);
    let dad = f.person("Gus Mill", M, "1989-04-04");
    f.couple(mum, dad, Separated);
    let c1 = f.child("Hal Mill", M, "2014-05-05", &[mum, dad]);
    let c2 = f.child("Isla Mill", F, "2017-06-06", &[mum, dad]);
    let carer = f.person("Jan Moor", F, "1972-07-07");
    f.note(carer, "foster carer");
    f.subject(&[c1, c2]);
    f.household(&[mum, c2]);
    if lives_with {
        f.household(&[carer, c1]);
    }
    (f.done(), [gma, gpa, mum, dad, c1, c2, carer])
}

#[test]
fn a_foster_carer_stands_apart_on_the_parents_row() {
    for lives_with in [true, false] {
        let (f, [gma, gpa, mum, dad, c1, c2, carer]) = with_carer(lives_with);
        let l = clean("foster carer", &f);
        rows(&l, &[gma, gpa], &[mum, carer]);
        rows(&l, &[mum, dad, carer], &[c1, c2]);
        // No line ends on the carer, and no bar reaches over her.
        let b = super::oracle::boxes(&l);
        let sym = b.iter().find(|x| x.0 == carer && x.2).expect("a symbol").1;
        assert!(l.lines.iter().all(|s| !super::oracle::touches(s, &sym)));
        assert!(bars_over(&l, carer).is_empty());
        // She stands beyond the family, not between any two of them.
        let x = |i| node(&l, i).x;
        let family = [gma, gpa, mum, dad, c1, c2];
        let beyond =
            family.iter().all(|&p| x(p) < x(carer)) || family.iter().all(|&p| x(p) > x(carer));
        assert!(beyond, "the carer stands apart");
        assert_eq!(node(&l, carer).note.as_deref(), Some("foster carer"));
        from_couple(&l, c1, mum, dad, "solid");
    }
}

/// A case with a stepmother beside both of Ivy's birth parents.
pub fn step_case() -> crate::case::Case {
    crate::case::testing::case(
        "  - { id: ivy, name: Ivy Brennan, gender: female, born: 2019-07-23, parents: [ada, tom, { id: marta, kind: step }] }
  - { id: mateo, name: Mateo Reyes, gender: male, born: 2012-03-05, parents: [ada, { id: marta, kind: step }] }
  - { id: ada, name: Adaeze Okafor, gender: female, parental_responsibility: [ivy, mateo], partners: [{ with: marta, status: married }, { with: tom, status: separated }] }
  - { id: tom, name: Tom Brennan, gender: male, parental_responsibility: [ivy] }
  - { id: marta, name: Marta Silva, gender: female, note: works nights }",
        &["ivy", "mateo"],
        "",
    )
}

#[test]
fn a_step_parent_beside_both_birth_parents_is_labelled_with_their_stepchild() {
    // Ivy hangs from her mother and father; her stepmother Marta, beside
    // her mother, cannot also draw her line, so the label says it. Mateo's
    // stepmother partners his lone parent and draws the dotted line herself.
    let c = step_case();
    let f = crate::case::Family::resolve(&c).unwrap();
    let g = super::super::family(&f);
    let note = |name: &str| {
        g.people
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(
        note("Marta Silva").as_deref(),
        Some("works nights; stepmother of Ivy")
    );
    assert_eq!(note("Tom Brennan"), None);
}
