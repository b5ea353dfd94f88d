//! Texts written once for every reader, made each reader's own: a
//! `reword` entry's words put in place of the field's for the readers it
//! names, and every `{children}` (and word chosen by it) filled in with the
//! children this reader's copy holds that the text is about.

use serde_json::{Value, json};

use super::{RedactionError, Viewer};
use crate::case::refer::{self, About};
use crate::case::{Family, Gender, Reader};

/// Whether a `reword` entry's readers include `viewer`. Unlike withheld
/// text, words meant for a person are not their lawyer's: the advocates'
/// pack keeps the field's own words unless it is named.
fn meant_for(reader: &Reader, viewer: Viewer, family: &Family) -> bool {
    match (reader, viewer) {
        (Reader::Person(id), Viewer::Recipient(r)) => family.index_of(id.as_str()) == Some(r),
        (Reader::Parents, Viewer::Recipient(_)) => true,
        (Reader::Advocates, Viewer::Advocates) => true,
        (Reader::OutsideAuthority, Viewer::Recipient(_) | Viewer::Advocates) => true,
        _ => false,
    }
}

/// Puts each `reword` entry meant for `viewer` in place of its field, and
/// drops the entries from the copy: nobody's copy holds words meant for
/// someone else.
pub(super) fn reword(
    family: &Family,
    viewer: Viewer,
    value: &mut Value,
) -> Result<(), RedactionError> {
    let case = family.case();
    for (i, r) in case.reword.iter().enumerate() {
        if !r.readers.0.iter().any(|x| meant_for(x, viewer, family)) {
            continue;
        }
        let nothing = || RedactionError::RewordsNothing {
            index: i,
            field: r.field.to_string(),
        };
        let at = r.field.concrete(value).ok_or_else(nothing)?;
        match at.get_mut(value).ok_or_else(nothing)? {
            Value::String(s) => *s = r.text.clone(),
            _ => return Err(nothing()),
        }
    }
    value["reword"] = json!([]);
    Ok(())
}

/// Fills in the references of every text in the copy: a text inside a
/// record that names its children (a worry, a plan row) is about those of
/// them the copy holds; any other text is about all the copy's children.
pub(super) fn fill(family: &Family, viewer: Viewer, value: &mut Value) {
    let reader = match viewer {
        Viewer::Recipient(r) => Some(r),
        _ => None,
    };
    let all = ids(value.get("children"));
    let Value::Object(root) = value else {
        return;
    };
    for (key, v) in root.iter_mut() {
        if key != "children" {
            walk(family, reader, &all, v);
        }
    }
}

fn ids(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn walk(family: &Family, reader: Option<usize>, about: &[String], v: &mut Value) {
    match v {
        Value::String(s) if refer::refers(s) => {
            *s = refer::fill(s, &words(family, reader, about));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| walk(family, reader, about, i)),
        Value::Object(map) => {
            let own = ids(map.get("children"));
            let about = if own.is_empty() { about.to_vec() } else { own };
            for (_, v) in map.iter_mut() {
                walk(family, reader, &about, v);
            }
        }
        _ => {}
    }
}

/// The children `ids` as `reader` names them.
fn words(family: &Family, reader: Option<usize>, ids: &[String]) -> About {
    let children: Vec<usize> = ids.iter().filter_map(|c| family.index_of(c)).collect();
    let gender = match children.as_slice() {
        [one] => match family.person(*one).gender {
            Gender::Male => Some(0),
            Gender::Female => Some(1),
            Gender::Other | Gender::Unknown => None,
        },
        _ => None,
    };
    About {
        names: family.children_names(&children, reader),
        count: children.len(),
        gender,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{View, view};
    use super::*;
    use crate::case::testing::{BLENDED, case};

    const WRITTEN_ONCE: &str = "plan:
  - { action: \"Keep {children} safe\", who: Dana, by: 2027-01-01, measured_by: Visits, children: [ava, mason] }
contingency_plan: If {children} {is|are} not safe, we may ask the court to decide where {he|she|they} should live.
reword:
  - { field: contingency_plan, for: sam, text: If Ava is not safe we will talk to you first. }
";

    fn copy(c: &crate::case::Case, viewer: impl Fn(&Family) -> Viewer) -> View {
        let f = Family::resolve(c).unwrap();
        view(&f, viewer(&f)).unwrap()
    }

    #[test]
    fn each_reader_reads_their_own_children_and_any_words_meant_for_them() {
        let c = case(BLENDED, &["ava", "mason", "bump"], WRITTEN_ONCE);
        let person =
            |id: &'static str| move |f: &Family| Viewer::Recipient(f.index_of(id).unwrap());
        let ryan = copy(&c, person("ryan")).case;
        assert_eq!(ryan.plan[0].action, "Keep Mason safe");
        assert_eq!(
            ryan.contingency_plan.as_deref(),
            Some(
                "If Mason and your unborn baby are not safe, we may ask the court to decide where they should live."
            )
        );
        let sam = copy(&c, person("sam")).case;
        assert_eq!(sam.plan[0].action, "Keep Ava safe");
        assert_eq!(
            sam.contingency_plan.as_deref(),
            Some("If Ava is not safe we will talk to you first.")
        );
        assert!(sam.reword.is_empty(), "words for others stay out of a copy");
        let dana = copy(&c, person("dana")).case;
        assert_eq!(dana.plan[0].action, "Keep Ava and Mason safe");
        let all = copy(&c, |_| Viewer::Authority).case;
        assert_eq!(
            all.contingency_plan.as_deref(),
            Some(
                "If Ava, Mason and the unborn baby are not safe, we may ask the court to decide where they should live."
            )
        );
        // Words for Sam are not his lawyer's: the advocates read the field's own.
        let advocates = copy(&c, |_| Viewer::Advocates).case;
        assert!(
            advocates
                .contingency_plan
                .unwrap()
                .starts_with("If Ava, Mason")
        );
    }

    #[test]
    fn one_child_chooses_the_words_for_their_gender() {
        let c = case(
            BLENDED,
            &["ava", "mason", "bump"],
            "contingency_plan: \"{children}: {he|she|they} {is|are} at risk.\"\n",
        );
        let f = Family::resolve(&c).unwrap();
        let sam = view(&f, Viewer::Recipient(f.index_of("sam").unwrap())).unwrap();
        assert_eq!(
            sam.case.contingency_plan.as_deref(),
            Some("Ava: she is at risk.")
        );
    }
}
