//! The forms people and readers are written in, read back.

use super::*;

#[derive(Deserialize, Debug)]
struct Holder {
    parents: Vec<ParentLink>,
    born: DateOrYear,
    from: Readers,
}

#[test]
fn short_and_long_forms_read_the_same() {
    let h: Holder = serde_saphyr::from_str(
        "parents: [kerry, { id: dave, kind: step }]\nborn: 1995\nfrom: [parents, ryan]\n",
    )
    .unwrap();
    assert_eq!(h.parents[0].kind, ParentKind::Birth);
    assert_eq!(h.parents[1].kind, ParentKind::Step);
    assert_eq!(h.born, DateOrYear::Year(1995));
    assert_eq!(
        h.from.0,
        vec![Reader::Parents, Reader::Person(PersonId("ryan".into()))]
    );
    let h: Holder =
        serde_saphyr::from_str("parents: []\nborn: 1995-07-21\nfrom: outside-authority\n").unwrap();
    assert_eq!(h.born.medium(), "21 July 1995");
    assert_eq!(h.from.0, vec![Reader::OutsideAuthority]);
}

#[test]
fn bad_ids_and_years_are_explained() {
    let e = serde_saphyr::from_str::<Holder>("parents: [Kerry]\nborn: 1995\nfrom: parents\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("`Kerry` is not an id"), "{e}");
    let e = serde_saphyr::from_str::<Holder>("parents: []\nborn: 95\nfrom: parents\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a year"), "{e}");
    let e = serde_saphyr::from_str::<Holder>(
        "parents: [{ id: x, knd: step }]\nborn: 1995\nfrom: parents\n",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("unknown field `knd`"), "{e}");
}
