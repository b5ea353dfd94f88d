//! The shapes of family the layout must draw right: blended, separated,
//! abusive, bereaved. Each returns the family and the people its test
//! looks at, by name.

use super::families::*;
use crate::documents::genogram::{GenoFamily, ParentKind};

/// (1) A mother with children by three fathers.
pub fn three_fathers() -> (GenoFamily, [usize; 8]) {
    let mut f = Fam::default();
    let gma = f.person("Rose Ashdown", F, "1966-04-02");
    let gpa = f.person("Tom Ashdown", M, "1964-09-12");
    f.couple(gma, gpa, Married);
    let mum = f.child("Jade Ashdown", F, "1990-03-15", &[gma, gpa]);
    let uncle = f.child("Liam Ashdown", M, "1993-11-30", &[gma, gpa]);
    let f1 = f.person("Craig Pell", M, "1987-06-01");
    let f2 = f.person("Marcus Doyle", M, "1989-01-20");
    let f3 = f.person("Sean Kerr", M, "1992-08-08");
    f.couple(mum, f1, Divorced);
    f.couple(mum, f2, Separated);
    f.couple(mum, f3, Partners);
    let c1 = f.child("Tyler Pell", M, "2008-05-05", &[mum, f1]);
    let c2 = f.child("Ruby Doyle", F, "2012-02-14", &[mum, f2]);
    let c3 = f.child("Finn Doyle", M, "2014-10-01", &[mum, f2]);
    let c4 = f.child("Ivy Kerr", F, "2019-07-19", &[mum, f3]);
    f.subject(&[c2, c3, c4]);
    f.note(f2, "in prison");
    f.household(&[mum, f3, c2, c3, c4]);
    let _ = uncle;
    (f.done(), [mum, f1, f2, f3, c1, c2, c3, c4])
}

/// (2) Both parents re-partnered, with half-brothers and sisters on both
/// sides, and both sets of grandparents.
pub fn both_repartnered() -> (GenoFamily, [usize; 9]) {
    let mut f = Fam::default();
    let mgm = f.person("Pat Hollis", F, "1962-01-10");
    let mgf = f.person("Ron Hollis", M, "1960-03-03");
    let pgm = f.person("Lyn Okafor", F, "1961-12-12");
    let pgf = f.person("Ade Okafor", M, "1958-06-30");
    f.couple(mgm, mgf, Married);
    f.couple(pgm, pgf, Divorced);
    let mum = f.child("Kelly Hollis", F, "1988-08-08", &[mgm, mgf]);
    f.child("Dawn Hollis", F, "1985-02-02", &[mgm, mgf]);
    let dad = f.child("Tunde Okafor", M, "1986-04-04", &[pgm, pgf]);
    f.child("Bola Okafor", F, "1990-09-09", &[pgm, pgf]);
    let step_m = f.person("Gary Lund", M, "1984-05-05");
    let step_f = f.person("Nicole Vance", F, "1991-07-07");
    f.couple(mum, dad, Divorced);
    f.couple(step_m, mum, Married);
    f.couple(dad, step_f, Partners);
    let c1 = f.child("Zara Okafor", F, "2011-03-01", &[mum, dad]);
    let c2 = f.child("Eli Okafor", M, "2013-06-15", &[mum, dad]);
    let h1 = f.child("Poppy Lund", F, "2018-01-20", &[mum, step_m]);
    let h2 = f.child("Jay Okafor", M, "2017-11-11", &[dad, step_f]);
    let h3 = f.child("Remi Okafor", U, "2021-02-02", &[dad, step_f]);
    f.parent(c1, step_m, ParentKind::Step);
    f.parent(c2, step_m, ParentKind::Step);
    f.subject(&[c1, c2]);
    f.household(&[mum, step_m, c1, c2, h1]);
    f.household(&[dad, step_f, h2, h3]);
    (f.done(), [mum, dad, step_m, step_f, c1, c2, h1, h2, h3])
}

/// (3) A child living with their grandparents; their brother lives with
/// their mother.
pub fn with_grandparents() -> (GenoFamily, [usize; 6]) {
    let mut f = Fam::default();
    let gma = f.person("Sue Marsh", F, "1958-05-05");
    let gpa = f.person("Ken Marsh", M, "1956-02-02");
    f.couple(gma, gpa, Married);
    let mum = f.child("Leanne Marsh", F, "1984-07-07", &[gma, gpa]);
    f.child("Carl Marsh", M, "1981-03-03", &[gma, gpa]);
    let dad = f.person("Wes Tandy", M, "1982-12-12");
    f.couple(mum, dad, Separated);
    let child = f.child("Ellie Tandy", F, "2014-04-04", &[mum, dad]);
    let brother = f.child("Josh Tandy", M, "2019-09-09", &[mum, dad]);
    f.subject(&[child, brother]);
    f.note(child, "lives with grandparents");
    f.household(&[gma, gpa, child]);
    f.household(&[mum, brother]);
    (f.done(), [gma, gpa, mum, dad, child, brother])
}

/// (4) Twins, with an older and a younger brother or sister.
pub fn twins() -> (GenoFamily, [usize; 4]) {
    let mut f = Fam::default();
    let gma = f.person("June Pryce", F, "1963-03-03");
    let gpa = f.person("Alan Pryce", M, "1961-01-01");
    f.couple(gma, gpa, Married);
    let mum = f.child("Nina Pryce", F, "1989-10-10", &[gma, gpa]);
    let dad = f.person("Omar Said", M, "1987-02-02");
    f.couple(mum, dad, Partners);
    let older = f.child("Layla Said", F, "2015-05-05", &[mum, dad]);
    let t1 = f.child("Adam Said", M, "2019-08-21", &[mum, dad]);
    let t2 = f.child("Amir Said", M, "2019-08-21", &[mum, dad]);
    let younger = f.child("Yara Said", F, "2022-12-01", &[mum, dad]);
    f.subject(&[older, t1, t2, younger]);
    f.household(&[mum, dad, older, t1, t2, younger]);
    (f.done(), [older, t1, t2, younger])
}

/// (5) A 16-year-old mother who is looked after, living with foster carers
/// with her baby; her own birth parents elsewhere.
pub fn looked_after_mother() -> (GenoFamily, [usize; 7]) {
    let mut f = Fam::default();
    let bm = f.person("Tina Reeve", F, "1985-06-06");
    let bf = f.person("Dean Reeve", M, "1983-03-03");
    f.couple(bm, bf, Separated);
    let mum = f.child("Chloe Reeve", F, "2010-04-04", &[bm, bf]);
    f.child("Mason Reeve", M, "2013-01-01", &[bm, bf]);
    let dad = f.person("Kian Hale", M, "2008-09-09");
    f.couple(mum, dad, Partners);
    let baby = f.child("Lily Reeve", F, "2026-08-01", &[mum, dad]);
    let fc1 = f.person("Helen Ward", F, "1970-02-02");
    let fc2 = f.person("Paul Ward", M, "1968-08-08");
    f.couple(fc1, fc2, Married);
    f.note(fc1, "foster carer");
    f.note(fc2, "foster carer");
    f.note(mum, "looked after");
    f.subject(&[mum, baby]);
    f.household(&[fc1, fc2, mum, baby]);
    (f.done(), [bm, bf, mum, dad, baby, fc1, fc2])
}

/// (6) A parent who has died; the children live with their father.
pub fn deceased_parent() -> (GenoFamily, [usize; 4]) {
    let mut f = Fam::default();
    let gma = f.person("Iris Quinn", F, "1955-11-11");
    let gpa = f.person("Roy Quinn", M, "1952");
    f.couple(gma, gpa, Married);
    f.died(gpa, "2019");
    let mum = f.child("Kate Quinn", F, "1985-01-15", &[gma, gpa]);
    f.died(mum, "2024-03-01");
    let dad = f.person("Neil Brady", M, "1983-06-06");
    f.couple(mum, dad, Married);
    let c1 = f.child("Ava Brady", F, "2012-09-09", &[mum, dad]);
    let c2 = f.child("Leo Brady", M, "2016-02-29", &[mum, dad]);
    f.subject(&[c1, c2]);
    f.household(&[dad, c1, c2]);
    (f.done(), [mum, gpa, c1, c2])
}

/// (7) An unborn baby; the father is in prison and there has been domestic
/// abuse between him and the mother, whose older child is by a separated
/// earlier partner.
pub fn unborn_with_abuse() -> (GenoFamily, [usize; 5]) {
    let mut f = Fam::default();
    let gma = f.person("Carol Finch", F, "1970-07-07");
    let mum = f.child("Stacey Finch", F, "1996-03-03", &[gma]);
    let ex = f.person("Ryan Mott", M, "1994-04-04");
    let dad = f.person("Lee Carver", M, "1993-10-10");
    f.couple(mum, ex, Separated);
    f.abusive(mum, dad, Partners);
    let older = f.child("Mia Mott", F, "2017-06-06", &[mum, ex]);
    let unborn = f.person("Unborn baby", U, "");
    f.0.people[unborn].expected = Some(day("2027-03-01"));
    f.parent(unborn, mum, ParentKind::Birth);
    f.parent(unborn, dad, ParentKind::Birth);
    f.note(dad, "in prison");
    f.subject(&[older, unborn]);
    f.household(&[mum, older]);
    (f.done(), [mum, ex, dad, older, unborn])
}

/// (8) A grandfather known only by his year of birth, and an adopted child
/// with a brother born to the same parents.
pub fn year_and_adoptive() -> (GenoFamily, [usize; 5]) {
    let mut f = Fam::default();
    let gma = f.person("Edna Lowe", F, "1950-02-02");
    let gpa = f.person("Frank Lowe", M, "1948");
    f.couple(gma, gpa, Married);
    let mum = f.child("Gemma Lowe", F, "1980-05-05", &[gma, gpa]);
    let dad = f.person("Hassan Ali", M, "1979-09-09");
    f.couple(mum, dad, Married);
    let adopted = f.person("Kofi Ali", M, "2015-03-03");
    f.parent(adopted, mum, ParentKind::Adoptive);
    f.parent(adopted, dad, ParentKind::Adoptive);
    let born = f.child("Sami Ali", M, "2018-11-11", &[mum, dad]);
    f.subject(&[adopted, born]);
    f.household(&[mum, dad, adopted, born]);
    (f.done(), [gpa, mum, dad, adopted, born])
}

/// The reported bug's family: the mother's eldest child is by a separated
/// partner whose parents are drawn, her younger children by her new
/// partner; her own parents and sister are drawn too.
pub fn reported() -> (GenoFamily, [usize; 6]) {
    let mut f = Fam::default();
    let brenda = f.person("Brenda Hartley", F, "1968-06-02");
    let derek = f.person("Derek Hartley", M, "1965-01-19");
    f.couple(brenda, derek, Married);
    f.died(derek, "2020-03-11");
    let jan = f.person("Jan Nowak", M, "1961-09-30");
    let ewa = f.person("Ewa Nowak", F, "1963-04-14");
    f.couple(jan, ewa, Married);
    let kerry = f.child("Kerry Hartley", F, "1995-07-21", &[brenda, derek]);
    f.child("Chloe Hartley", F, "1998-12-05", &[brenda, derek]);
    let tomasz = f.child("Tomasz Nowak", M, "1992-02-27", &[jan, ewa]);
    let dean = f.person("Dean Price", M, "1994-03-03");
    f.couple(tomasz, kerry, Separated);
    f.couple(kerry, dean, Partners);
    let maisie = f.child("Maisie Nowak", F, "2019-03-14", &[kerry, tomasz]);
    let leo = f.child("Leo Price", M, "2023-08-02", &[kerry, dean]);
    let rosa = f.child("Rosa Price", F, "2025-01-10", &[kerry, dean]);
    f.subject(&[maisie, leo, rosa]);
    f.household(&[kerry, dean, maisie, leo, rosa]);
    (f.done(), [kerry, tomasz, dean, maisie, leo, rosa])
}
