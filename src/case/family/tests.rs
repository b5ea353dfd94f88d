//! The family resolved: who is whose child, who holds parental
//! responsibility for whom, who gets a letter, and how each is described.

use super::*;
use crate::case::testing::{BLENDED, case};

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
