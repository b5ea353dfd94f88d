//! Each reader's copy of the case: what it keeps, what it takes out, and
//! that a `withhold` of any path the case format has either redacts that
//! path or is refused, never passed over.

use super::*;
use crate::case::path::{CasePath, Segment};
use crate::case::testing::case;
use crate::case::withhold::{self, Shape};
use crate::case::{Family, Readers};

const FAMILY: &str = "  - { id: ava, name: Ava Whitfield, gender: female, born: 2016-05-01, parents: [dana, sam] }
  - { id: mason, name: Mason Cole, gender: male, born: 2022-02-02, parents: [dana, ryan] }
  - { id: dana, name: Dana Whitfield, gender: female, parental_responsibility: [ava, mason], address: [Flat 2, 9 Pear Court, Testtown, TT2 2BB], phone: 07700 900 101 }
  - { id: sam, name: Sam Okafor, gender: male, parental_responsibility: [ava], address: [4 Elm Row, Testtown, TT3 3CC], email: sam@mail.example }
  - { id: ryan, name: Ryan Cole, gender: male, parental_responsibility: [mason], partners: [{ with: dana, status: separated, domestic_abuse: true }], custody: { establishment: HMP Testmoor, address: [Prison Lane, TT9 9ZZ], prisoner_number: A1234BC } }";

const WORRIES: &str = "support:
  - { what: A place at the holiday club, who: Testtown Primary, children: [ava] }
  - { what: A health visitor, who: Testtown Health }
plan:
  - { action: Speech therapy, who: Dana, by: 2027-01-01, measured_by: Attendance, children: [mason] }
";

fn view_for(c: &crate::case::Case, id: &str) -> View {
    let f = Family::resolve(c).unwrap();
    super::view(&f, Viewer::Recipient(f.index_of(id).unwrap())).unwrap()
}

#[test]
fn a_parents_copy_holds_only_their_children_and_their_own_details() {
    let c = case(FAMILY, &["ava", "mason"], WORRIES);
    let sam = view_for(&c, "sam");
    let v = &sam.case;
    assert_eq!(
        v.children.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        ["ava"]
    );
    let p = |id: &str| v.people.iter().find(|p| p.id.as_str() == id).unwrap();
    assert_eq!(p("sam").address[0], "4 Elm Row");
    assert!(p("dana").address.is_empty() && p("dana").phone.is_none());
    assert!(p("ryan").custody.is_none());
    assert_eq!(p("mason").name, "[withheld]");
    // The holiday club is Ava's; speech therapy is Mason's; the health visitor is for both.
    assert_eq!(v.support.len(), 2);
    assert!(v.plan.is_empty());
    let secret = |t: &str| sam.secrets.iter().any(|s| s.text == t);
    assert!(
        secret("Flat 2")
            && secret("07700 900 101")
            && secret("A1234BC")
            && secret("Mason Cole")
            && secret("Mason")
    );
    assert!(!secret("4 Elm Row"));
    // Ryan's copy: Mason, not Ava; nothing of Dana's or Sam's.
    let ryan = view_for(&c, "ryan");
    assert_eq!(
        ryan.case
            .children
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        ["mason"]
    );
    assert_eq!(ryan.case.plan.len(), 1);
    assert!(ryan.secrets.iter().any(|s| s.text == "sam@mail.example"));
    assert!(
        ryan.case
            .people
            .iter()
            .find(|p| p.id.as_str() == "ryan")
            .unwrap()
            .custody
            .is_some()
    );
}

#[test]
fn contact_details_shared_with_a_reader_stay_in_their_copy() {
    let shared = FAMILY.replace(
        "address: [4 Elm Row, Testtown, TT3 3CC]",
        "address: [4 Elm Row, Testtown, TT3 3CC], share_contact_with: [dana]",
    );
    let c = case(&shared, &["ava", "mason"], "");
    let dana = view_for(&c, "dana");
    assert_eq!(dana.case.people[3].address[0], "4 Elm Row");
    let ryan = view_for(&c, "ryan");
    assert!(ryan.case.people[3].address.is_empty());
    // The authority's own copy keeps everything.
    let f = Family::resolve(&c).unwrap();
    let all = super::view(&f, Viewer::Authority).unwrap();
    assert!(all.secrets.is_empty());
    assert_eq!(all.case.people[2].address[0], "Flat 2");
}

#[test]
fn withheld_text_is_kept_from_the_readers_named_and_their_lawyers() {
    let c = case(
        FAMILY,
        &["ava", "mason"],
        "withhold:\n  - { field: \"worries[0].evidence[0]\", from: [ryan] }\n",
    );
    let said = |v: &View| v.case.worries[0].evidence[0].clone();
    assert_eq!(said(&view_for(&c, "ryan")), "[withheld]");
    assert_eq!(said(&view_for(&c, "dana")), "It was seen.");
    let f = Family::resolve(&c).unwrap();
    assert_eq!(
        said(&super::view(&f, Viewer::Advocates).unwrap()),
        "[withheld]"
    );
    assert_eq!(
        said(&super::view(&f, Viewer::Authority).unwrap()),
        "It was seen."
    );
}

/// Every path in `value`, objects and lists included.
fn every_path(value: &serde_json::Value, at: CasePath, out: &mut Vec<CasePath>) {
    out.push(at.clone());
    match value {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                every_path(v, at.key(k), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                every_path(v, at.index(i), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_path_the_case_has_is_either_withheld_or_refused() {
    let text = include_str!("../../samples/hartley-nowak.yaml");
    let sample: crate::case::Case = serde_saphyr::from_str(text).unwrap();
    let value = serde_json::to_value(&sample).unwrap();
    let mut paths = Vec::new();
    every_path(&value, CasePath::root(), &mut paths);
    assert!(paths.len() > 300, "only {} paths", paths.len());
    let (mut redacted, mut refused) = (0, 0);
    for path in paths.into_iter().filter(|p| !p.is_root()) {
        let mut c = sample.clone();
        c.withhold = vec![withhold::Withhold {
            field: path.clone(),
            from: Readers(vec![crate::case::people::Reader::Parents]),
        }];
        let errors = crate::check::withheld(&c);
        if !errors.is_empty() {
            assert!(
                errors
                    .iter()
                    .all(|e| matches!(e.code, "withhold-not-text" | "withhold-nothing")),
                "{path}: {errors:?}"
            );
            let empty = path.get(&value).is_none_or(serde_json::Value::is_null);
            let text = matches!(withhold::shape_at(&path), Shape::Text | Shape::Lines);
            assert!(!text || empty, "{path} refused but is text");
            refused += 1;
            continue;
        }
        // Accepted: every reader it is kept from gets "[withheld]" there.
        let f = Family::resolve(&c).unwrap();
        let v = super::view(&f, Viewer::Recipient(f.index_of("kerry").unwrap()))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let copy = serde_json::to_value(&v.case).unwrap();
        // Another person's contact details are gone from Kerry's copy
        // whatever is withheld.
        let kerry = f.index_of("kerry").unwrap();
        let private = matches!(path.segments(),
            [Segment::Key(p), Segment::Index(i), Segment::Key(field), ..]
                if p == "people" && *i != kerry && !f.is_professional(*i)
                    && ["address", "phone", "email", "custody"].contains(&field.as_str()));
        redacted += 1;
        if private {
            assert!(
                path.get(&copy)
                    .is_none_or(|v| v.is_null() || v == &serde_json::json!([])),
                "{path}"
            );
            continue;
        }
        let at = path
            .get(&copy)
            .unwrap_or_else(|| panic!("{path} is missing from the copy"));
        let ok = at == "[withheld]"
            || at == &serde_json::json!(["[withheld]"])
            || at == &serde_json::json!([]);
        assert!(ok, "{path} was not withheld: {at}");
    }
    assert!(
        redacted > 100 && refused > 100,
        "redacted {redacted}, refused {refused}"
    );
}
