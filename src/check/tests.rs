//! The checks of a case's people against blended families: what a letter
//! cannot go without, and parental responsibility only for born children
//! of the case; and the list of solicitors the letters offer.

use super::family::people as checks;
use crate::case::testing::{BLENDED, case};
use crate::case::{Case, Date, Family};

fn today() -> Date {
    Date::parse("2026-11-20").unwrap()
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

/// The list of solicitors the letters offer: undated, or checked more than
/// the default's 6 months (a local setting) before the day, is a warning.
#[test]
fn the_solicitors_list_must_be_dated_and_recent() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/hartley-nowak.yaml"
    ))
    .unwrap();
    let p = crate::profile::default_profile();
    let day = |s: &str| Date::parse(s).unwrap();
    let at = |checked: &str, today: &str| {
        let t = text.replace("  solicitors_list_checked: 2026-10-01\n", checked);
        let (loaded, _) = crate::case::parse(&t).unwrap();
        super::solicitors_list(&loaded.case, p, day(today))
    };
    // Checked Thu 1 Oct 2026: within 6 months until 1 Apr 2027.
    assert!(at("  solicitors_list_checked: 2026-10-01\n", "2027-04-01").is_none());
    let old = at("  solicitors_list_checked: 2026-10-01\n", "2027-04-02").unwrap();
    assert_eq!(old.code, "solicitors-list");
    assert!(
        old.message.contains(
            "last checked on Thursday 1 October 2026, more than 6 months before Friday 2 April 2027"
        ),
        "{}",
        old.message
    );
    assert!(old.source.as_deref().unwrap().starts_with("local:"));
    let undated = at("", "2026-11-22").unwrap();
    assert_eq!(undated.path, "local_authority");
}
