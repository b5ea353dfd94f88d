//! The families the tests lay out, all fictional, built with a small
//! builder so each reads as the family it is.

use crate::case::{Date, Gender, PartnershipStatus};
use crate::documents::genogram::{Born, GenoFamily, GenoPartnership, GenoPerson, ParentKind};

pub use Gender::{Female as F, Male as M, Unknown as U};
pub use PartnershipStatus::{Divorced, Married, Partners, Separated};

/// A family being built.
#[derive(Default)]
pub struct Fam(pub GenoFamily);

pub fn day(s: &str) -> Date {
    Date::parse(s).expect("test dates are real")
}

fn born(s: &str) -> Option<Born> {
    match s.len() {
        0 => None,
        4 => Some(Born::Year(s.parse().expect("a year"))),
        _ => Some(Born::Day(day(s))),
    }
}

impl Fam {
    /// Someone born on `born` ("1995-07-21", "1995" or "" for not known).
    pub fn person(&mut self, name: &str, gender: Gender, b: &str) -> usize {
        let mut p = GenoPerson::new(name, gender);
        p.born = born(b);
        self.0.people.push(p);
        self.0.people.len() - 1
    }

    /// A birth child of `parents`.
    pub fn child(&mut self, name: &str, gender: Gender, b: &str, parents: &[usize]) -> usize {
        let c = self.person(name, gender, b);
        for &p in parents {
            self.parent(c, p, ParentKind::Birth);
        }
        c
    }

    pub fn parent(&mut self, child: usize, parent: usize, kind: ParentKind) {
        self.0.people[child].parents.push((parent, kind));
    }

    pub fn couple(&mut self, a: usize, b: usize, status: PartnershipStatus) {
        self.0.partnerships.push(GenoPartnership {
            a,
            b,
            status,
            domestic_abuse: false,
        });
    }

    pub fn abusive(&mut self, a: usize, b: usize, status: PartnershipStatus) {
        self.0.partnerships.push(GenoPartnership {
            a,
            b,
            status,
            domestic_abuse: true,
        });
    }

    pub fn subject(&mut self, people: &[usize]) {
        for &p in people {
            self.0.people[p].subject = true;
        }
    }

    pub fn note(&mut self, p: usize, note: &str) {
        self.0.people[p].note = Some(note.to_string());
    }

    pub fn died(&mut self, p: usize, when: &str) {
        self.0.people[p].died = born(when);
    }

    pub fn household(&mut self, members: &[usize]) {
        self.0.households.push(members.to_vec());
    }

    pub fn done(self) -> GenoFamily {
        self.0
    }
}

pub fn three() -> GenoFamily {
    let mut f = Fam::default();
    let mum = f.person("Amy Fictional", F, "1994-02-01");
    let dad = f.person("Ben Fictional", M, "1990-05-06");
    f.couple(mum, dad, Married);
    let baby = f.child("Baby Fictional", U, "2026-01-09", &[mum, dad]);
    f.subject(&[baby]);
    f.done()
}

pub fn ten() -> GenoFamily {
    let mut f = Fam::default();
    let gma = f.person("Gail Fictional", F, "1960-01-01");
    let gpa = f.person("Gary Fictional", M, "1958-01-01");
    let nan = f.person("Nora Fictional", F, "1962-01-01");
    let pop = f.person("Pete Fictional", M, "1961-01-01");
    f.couple(gma, gpa, Divorced);
    f.couple(nan, pop, Married);
    f.died(gpa, "2021-03-03");
    let mum = f.child("Mia Fictional", F, "1990-01-01", &[gma, gpa]);
    let aunt = f.child("Ada Fictional", F, "1992-01-01", &[gma, gpa]);
    let dad = f.child("Dan Fictional", M, "1988-01-01", &[nan, pop]);
    let other = f.person("Ari Fictional", Gender::Other, "1991-01-01");
    f.couple(mum, dad, Separated);
    f.couple(aunt, other, Partners);
    let one = f.child("Kit Fictional", F, "2015-01-01", &[mum, dad]);
    let two = f.child("Kai Fictional", M, "2018-01-01", &[mum, dad]);
    f.subject(&[one, two]);
    f.household(&[one, two, mum]);
    f.note(dad, "in prison until 2027");
    f.note(
        aunt,
        "supportive; offered to care for both children at weekends and in the school holidays if needed",
    );
    f.done()
}

pub fn twenty_five() -> GenoFamily {
    let mut f = Fam::default();
    let gg_a = f.person("Greta Fictional", F, "1935-01-01");
    let gg_b = f.person("Gus Fictional", M, "1933-01-01");
    let gg_c = f.person("Hilda Fictional", F, "1938-01-01");
    let gg_d = f.person("Hugh Fictional", M, "1936-01-01");
    f.couple(gg_a, gg_b, Married);
    f.couple(gg_c, gg_d, Divorced);
    for p in [gg_b, gg_c, gg_d] {
        f.0.people[p].deceased = true;
    }
    let gma = f.child("Gina Fictional", F, "1962-01-01", &[gg_a, gg_b]);
    let great_uncle = f.child("Glen Fictional", M, "1960-01-01", &[gg_a, gg_b]);
    let gpa = f.child("Gordon Fictional", M, "1959-01-01", &[gg_c, gg_d]);
    let great_aunt = f.child("Gwen Fictional", F, "1964-01-01", &[gg_c, gg_d]);
    let gu_wife = f.person("Hazel Fictional", F, "1961-01-01");
    let ga_husband = f.person("Harry Fictional", M, "1963-01-01");
    f.couple(gma, gpa, Married);
    f.couple(great_uncle, gu_wife, Married);
    f.couple(great_aunt, ga_husband, Partners);
    let mum = f.child("Maya Fictional", F, "1990-01-01", &[gma, gpa]);
    let uncle = f.child("Owen Fictional", M, "1987-01-01", &[gma, gpa]);
    let aunt = f.child("Orla Fictional", F, "1993-01-01", &[gma, gpa]);
    let dad = f.person("Dev Fictional", M, "1988-01-01");
    let ex = f.person("Eli Fictional", M, "1986-01-01");
    let uncles_partner = f.person("Pia Fictional", F, "1989-01-01");
    f.child("Cora Fictional", F, "1985-01-01", &[great_uncle, gu_wife]);
    f.child("Cole Fictional", M, "1983-01-01", &[great_uncle, gu_wife]);
    f.couple(mum, ex, Divorced);
    f.couple(mum, dad, Partners);
    f.couple(uncle, uncles_partner, Married);
    let half = f.child("Hal Fictional", M, "2009-01-01", &[mum, ex]);
    let s1 = f.child("Sia Fictional", F, "2016-01-01", &[mum, dad]);
    let s2 = f.child("Sol Fictional", M, "2019-01-01", &[mum, dad]);
    let s3 = f.child("Sky Fictional", U, "2025-06-01", &[mum, dad]);
    f.child("Cleo Fictional", F, "2012-01-01", &[uncle, uncles_partner]);
    f.child("Cody Fictional", M, "2014-01-01", &[uncle, uncles_partner]);
    f.child("Cara Fictional", F, "2020-01-01", &[aunt]);
    f.subject(&[s1, s2, s3]);
    f.household(&[s1, s2, s3, mum, dad]);
    let _ = half;
    f.note(gma, "supportive");
    f.note(dad, "domestic abuse risk");
    f.note(ex, "in prison");
    f.note(uncle, "put forward as a kinship carer");
    f.done()
}
