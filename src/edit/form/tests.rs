//! The form made from the real case format.

use super::words::item_word;
use super::*;
use serde_json::json;

fn find<'n>(nodes: &'n [Node], path: &str) -> Option<&'n Node> {
    for n in nodes {
        if n.path == path {
            return Some(n);
        }
        let inner = match &n.kind {
            Kind::Group { fields } => find(fields, path),
            Kind::List { items } => find(items, path),
            _ => None,
        };
        if inner.is_some() {
            return inner;
        }
    }
    None
}

fn all(sections: &[Section]) -> Vec<Node> {
    sections.iter().flat_map(|s| s.fields.clone()).collect()
}

#[test]
fn every_top_level_field_of_the_format_is_in_one_section() {
    let schema = crate::case::schema();
    let s = sections(&schema, &json!({}));
    let names: Vec<String> = all(&s).iter().map(|n| n.path.clone()).collect();
    for key in schema["properties"].as_object().unwrap().keys() {
        assert_eq!(names.iter().filter(|n| *n == key).count(), 1, "{key}");
    }
    assert_eq!(s[0].title, "The case and the council");
}

#[test]
fn fields_take_their_kind_label_help_and_value_from_the_schema_and_case() {
    let schema = crate::case::schema();
    let case = json!({
        "lpm": {"date": "2026-11-16", "purpose": "issue-care-proceedings", "attendees": [{"name": "Ann Bell"}]},
        "worries": [{"worry": "Alfie was left alone", "evidence": ["He was found outside at 9pm."]}],
        "local_authority": {"address": ["1 Market Street"]},
        "adoption_possible": true,
        "people": [{"id": "ann", "name": "Ann Bell"}],
        "children": ["ann"],
        "meeting": {"type": "lpm"},
    });
    let nodes = all(&sections(&schema, &case));
    let date = find(&nodes, "lpm.date").unwrap();
    assert!(matches!(&date.kind, Kind::Date { value } if value == "2026-11-16"));
    assert_eq!(date.label, "Date");
    assert!(date.help.contains("date of the meeting"), "{}", date.help);
    let purpose = find(&nodes, "lpm.purpose").unwrap();
    match &purpose.kind {
        Kind::Select { value, options } => {
            assert_eq!(value, "issue-care-proceedings");
            assert!(options.len() >= 4);
            assert!(
                options
                    .iter()
                    .any(|o| o.label.starts_with("To issue care proceedings"))
            );
        }
        other => panic!("{other:?}"),
    }
    let name = find(&nodes, "lpm.attendees[0].name").unwrap();
    assert!(
        matches!(&name.kind, Kind::Text { value, long: false, suggest: None } if value == "Ann Bell")
    );
    // Fields that name someone by id offer the case's people.
    let child = find(&nodes, "children[0]").unwrap();
    assert!(
        matches!(
            &child.kind,
            Kind::Text {
                suggest: Some("people"),
                ..
            }
        ),
        "{child:?}"
    );
    // A meeting's type is one the profile defines: offered from it.
    let kind = find(&nodes, "meeting.type").unwrap();
    assert!(
        matches!(&kind.kind, Kind::Text { suggest: Some("meetings"), value, .. } if value == "lpm"),
        "{kind:?}"
    );
    let id = find(&nodes, "people[0].id").unwrap();
    assert!(
        matches!(&id.kind, Kind::Text { suggest: None, .. }),
        "{id:?}"
    );
    assert_eq!(
        find(&nodes, "lpm.attendees[0]").unwrap().label,
        "Attendee 1"
    );
    let worry = find(&nodes, "worries[0].worry").unwrap();
    assert!(
        matches!(&worry.kind, Kind::Text { long: true, .. }),
        "{worry:?}"
    );
    let evidence = find(&nodes, "worries[0].evidence[0]").unwrap();
    assert!(
        matches!(&evidence.kind, Kind::Text { long: true, .. }),
        "{evidence:?}"
    );
    let line = find(&nodes, "local_authority.address[0]").unwrap();
    assert!(
        matches!(&line.kind, Kind::Text { long: false, .. }),
        "{line:?}"
    );
    assert!(matches!(
        find(&nodes, "adoption_possible").unwrap().kind,
        Kind::Bool { value: true }
    ));
    let born = find(&nodes, "people[0].born").unwrap();
    assert!(
        matches!(&born.kind, Kind::Scalar { value } if value.is_empty()),
        "{born:?}"
    );
}

#[test]
fn what_the_form_cannot_show_as_inputs_is_kept_as_yaml() {
    let schema = crate::case::schema();
    let case = json!({
        "done": {"lpm": "2026-11-16"},
        "reference": ["not", "a", "string"],
        "invented": {"a": 1},
    });
    let nodes = all(&sections(&schema, &case));
    assert!(
        matches!(&find(&nodes, "done").unwrap().kind, Kind::Yaml { value } if value.contains("lpm:") && value.contains("2026-11-16"))
    );
    assert!(
        matches!(&find(&nodes, "reference").unwrap().kind, Kind::Yaml { value } if value.contains("- not"))
    );
    let invented = find(&nodes, "invented").unwrap();
    assert!(matches!(&invented.kind, Kind::Yaml { value } if value.contains("a: 1")));
    assert_eq!(invented.help, "Not part of the case format.");
}

#[test]
fn a_new_list_item_starts_empty_in_the_shape_of_the_list() {
    let schema = crate::case::schema();
    let path = |p: &str| CasePath::parse(p).unwrap();
    assert_eq!(new_item(&schema, &path("worries")), json!({}));
    assert_eq!(new_item(&schema, &path("lpm.attendees")), json!({}));
    assert_eq!(new_item(&schema, &path("children")), json!(""));
}

#[test]
fn labels_are_words() {
    assert_eq!(label_of("what_must_change"), "What must change");
    assert_eq!(label_of("review_lpms"), "Review LPMs");
    assert_eq!(label_of("lpm"), "LPM");
    assert_eq!(item_word(&CasePath::parse("worries").unwrap(), ""), "Worry");
    assert_eq!(item_word(&CasePath::parse("people").unwrap(), ""), "Person");
    assert_eq!(
        item_word(&CasePath::parse("children").unwrap(), ""),
        "Child"
    );
    assert_eq!(
        item_word(&CasePath::parse("dates_agreed").unwrap(), ""),
        "Item"
    );
    assert_eq!(
        item_word(
            &CasePath::parse("place").unwrap(),
            "The address, one line per item."
        ),
        "Line"
    );
}
