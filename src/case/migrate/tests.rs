//! Moving a format 1 case to format 2: the old sample, moved, reads as a
//! format 2 case with every person once and the links made explicit.

use super::migrate;
use crate::case::{Case, Family};

const V1: &str = include_str!("../../../tests/fixtures/v1/hartley-nowak.yaml");

#[test]
fn the_format_1_sample_moves_to_format_2() {
    let moved = migrate(V1).unwrap();
    assert!(
        moved.yaml.starts_with("# yaml-language-server"),
        "{}",
        &moved.yaml[..200]
    );
    let case: Case = serde_saphyr::from_str(&moved.yaml).unwrap();
    assert_eq!(case.casepack, 2);
    let f = Family::resolve(&case).unwrap();
    let id = |i: usize| f.person(i).id.to_string();
    assert_eq!(
        f.children().iter().map(|&c| id(c)).collect::<Vec<_>>(),
        ["maisie", "leo"]
    );
    // Format 1 wrote to every parent about every child: said explicitly.
    assert_eq!(
        f.recipients().into_iter().map(id).collect::<Vec<_>>(),
        ["kerry", "tomasz"]
    );
    for r in f.recipients() {
        assert_eq!(f.responsibility_of(r).len(), 2);
    }
    // Each person once: the parents merged with their family entries.
    let kerry = f.person(f.index_of("kerry").unwrap());
    assert_eq!(kerry.address[0], "14 Larch Close");
    assert_eq!(
        f.relationship(f.index_of("kerry").unwrap(), false).unwrap(),
        "mother of Maisie and Leo"
    );
    assert_eq!(
        case.people
            .iter()
            .filter(|p| p.name == "Kerry Hartley")
            .count(),
        1
    );
    assert_eq!(id(f.team().social_worker), "grace");
    // Tomasz's address needs no withholding now: it is in no one else's pack.
    assert!(case.withhold.is_empty());
    assert!(
        moved
            .notes
            .iter()
            .any(|n| n.contains("the withhold of `parents[1].address`"))
    );
    assert_eq!(
        case.kinship[0].put_forward_by.as_ref().unwrap().as_str(),
        "kerry"
    );
    assert!(
        moved
            .notes
            .iter()
            .any(|n| n.contains("parental responsibility"))
    );
    // Moving it again is refused: it is format 2 now.
    assert!(
        migrate(&moved.yaml)
            .unwrap_err()
            .to_string()
            .contains("already in case format 2")
    );
}
