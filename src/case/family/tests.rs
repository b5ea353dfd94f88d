//! The family resolved: who is whose child, who holds parental
//! responsibility for whom, who gets a letter, and how each is described.

use super::*;
use crate::case::testing::case;
use crate::case::types::Date;

/// The family the issue describes: a mother, the father of her eldest
/// (separated, living apart), and the father of her younger child and of
/// the baby she is expecting, in prison after domestic abuse towards her.
const BLENDED: &str = "  - { id: ava, name: Ava Whitfield, gender: female, born: 2016-05-01, parents: [dana, sam] }
  - { id: mason, name: Mason Cole, gender: male, born: 2022-02-02, parents: [dana, ryan] }
  - { id: bump, name: Baby Cole, expected: 2027-03-01, parents: [dana, ryan] }
  - { id: dana, name: Dana Whitfield, gender: female, parents: [june], parental_responsibility: [ava, mason], address: [Flat 2, 9 Pear Court, Testtown] }
  - { id: sam, name: Sam Okafor, gender: male, parental_responsibility: [ava], partners: [{ with: dana, status: separated }], address: [4 Elm Row, Testtown] }
  - { id: ryan, name: Ryan Cole, gender: male, parental_responsibility: [mason], partners: [{ with: dana, status: separated, domestic_abuse: true }], custody: { establishment: HMP Testmoor, address: [Prison Lane, Testmoor], prisoner_number: A1234BC, video_link: true } }
  - { id: june, name: June Whitfield, gender: female, born: 1970 }";

fn today() -> Date {
    Date::parse("2026-11-20").unwrap()
}

#[test]
fn each_adult_is_connected_only_to_their_own_children() {
    let c = case(BLENDED, &["ava", "mason", "bump"], "");
    let f = Family::resolve(&c).unwrap();
    let ids = |v: Vec<usize>| {
        v.into_iter()
            .map(|i| f.person(i).id.to_string())
            .collect::<Vec<_>>()
    };
    let i = |id: &str| f.index_of(id).unwrap();
    assert_eq!(
        ids(f.connected_children(i("dana"))),
        ["ava", "mason", "bump"]
    );
    assert_eq!(ids(f.connected_children(i("sam"))), ["ava"]);
    assert_eq!(ids(f.connected_children(i("ryan"))), ["mason", "bump"]);
    assert!(f.connected_children(i("june")).is_empty());
    assert_eq!(ids(f.recipients()), ["dana", "sam", "ryan"]);
    assert!(f.abuse_between(i("ryan"), i("dana")));
    assert!(!f.abuse_between(i("sam"), i("dana")));
    assert_eq!(
        f.children_names(&f.connected_children(i("ryan")), Some(i("ryan"))),
        "Mason and your unborn baby"
    );
    assert_eq!(
        f.children_names(&f.connected_children(i("sam")), Some(i("sam"))),
        "Ava"
    );
    assert!(f.is_professional(i("sw")) && !f.kin().contains(&i("sw")));
}

#[test]
fn relationships_are_said_from_the_links() {
    let c = case(BLENDED, &["ava", "mason", "bump"], "");
    let f = Family::resolve(&c).unwrap();
    let r = |id: &str, short| f.relationship(f.index_of(id).unwrap(), short).unwrap();
    assert_eq!(r("dana", true), "mother");
    assert_eq!(r("dana", false), "mother of Ava, Mason and the unborn baby");
    assert_eq!(r("sam", true), "father of Ava");
    assert_eq!(r("ryan", false), "father of Mason and the unborn baby");
    assert_eq!(r("june", true), "maternal grandmother");
    assert_eq!(
        r("mason", false),
        "half-brother of Ava; brother of the unborn baby"
    );
    assert!(f.relationship(f.index_of("sw").unwrap(), true).is_none());
}

#[test]
fn the_people_checks_find_what_a_letter_cannot_go_without() {
    let c = case(BLENDED, &["ava", "mason", "bump"], "");
    let f = Family::resolve(&c).unwrap();
    // Nothing is wrong with this family before the baby's due date.
    assert!(checks(&f, today()).is_empty(), "{:?}", checks(&f, today()));
    // After it, the birth must be recorded.
    let later = checks(&f, Date::parse("2027-03-02").unwrap());
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].code, "unborn-past-due");
    assert_eq!(later[0].path, "people[2].expected");

    // A father without parental responsibility: the case must decide.
    let c = case(
        &BLENDED.replace("parental_responsibility: [ava], ", ""),
        &["ava", "mason", "bump"],
        "",
    );
    let f = Family::resolve(&c).unwrap();
    let codes: Vec<_> = checks(&f, today())
        .iter()
        .map(|x| (x.code, x.path.clone()))
        .collect();
    assert_eq!(codes, [("letters-undecided", "people[4]".to_string())]);

    // No telephone number for anyone to call.
    let mut c = case(BLENDED, &["ava", "mason", "bump"], "");
    for p in &mut c.people {
        p.phone = None;
    }
    let f = Family::resolve(&c).unwrap();
    let found = checks(&f, today());
    assert!(
        found.iter().any(|x| x.code == "no-contact-number"),
        "{found:?}"
    );
}

#[test]
fn parental_responsibility_is_for_born_children_of_the_case() {
    let c = case(
        &BLENDED.replace(
            "parental_responsibility: [mason]",
            "parental_responsibility: [mason, bump]",
        ),
        &["ava", "mason", "bump"],
        "",
    );
    let f = Family::resolve(&c).unwrap();
    let found = checks(&f, today());
    assert_eq!(found[0].code, "responsibility-before-birth");
    assert_eq!(found[0].path, "people[5].parental_responsibility[1]");
    // A child with no one holding it.
    let c = case(
        &BLENDED.replace("parental_responsibility: [ava], ", "letters: true, "),
        &["ava", "mason", "bump"],
        "",
    );
    let c = Case {
        people: c
            .people
            .into_iter()
            .map(|mut p| {
                p.parental_responsibility.retain(|x| x.as_str() != "ava");
                p
            })
            .collect(),
        ..c
    };
    let f = Family::resolve(&c).unwrap();
    assert!(
        checks(&f, today())
            .iter()
            .any(|x| x.code == "no-parental-responsibility" && x.path == "people[0]")
    );
}

#[test]
fn ids_that_name_no_one_are_errors_with_the_nearest_id() {
    let c = case(
        &BLENDED.replace("parents: [dana, sam]", "parents: [dana, samm]"),
        &["ava", "mason", "bump"],
        "",
    );
    let e = Family::resolve(&c).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, "unknown-person");
    assert_eq!(e[0].path, "people[0].parents[1]");
    assert_eq!(e[0].help.as_deref(), Some("did you mean `sam`?"));
    let c = case(
        BLENDED,
        &["ava", "mason", "bump"],
        "proceedings:\n  positions:\n    - { party: ryann, position: Opposes. }\n",
    );
    let e = Family::resolve(&c).unwrap_err();
    assert_eq!(e[0].code, "unknown-person");
    assert_eq!(e[0].path, "proceedings.positions[0].party");
    assert!(
        e[0].help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `ryan`?"),
        "{:?}",
        e[0].help
    );
    // A loop of parents, and a reserved id.
    let c = case(
        "  - { id: a, name: A, parents: [b] }\n  - { id: b, name: B, parents: [a] }\n  - { id: parents, name: P }",
        &["a"],
        "",
    );
    let codes: Vec<_> = Family::resolve(&c)
        .unwrap_err()
        .iter()
        .map(|x| x.code)
        .collect();
    assert_eq!(codes, ["reserved-id", "family-loop"]);
}

#[test]
fn generations_follow_birth_and_adoptive_lines() {
    let c = case(BLENDED, &["ava", "mason", "bump"], "");
    assert_eq!(Family::resolve(&c).unwrap().generations(), 3);
}
