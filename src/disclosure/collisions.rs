//! The guard against names shared between a hidden child and the grown-ups
//! a reader may see: a property over generated families in which children
//! and adults draw first names from one small pool (so a girl called Sam,
//! a social worker called Sam, a father called Sam, half-siblings both
//! called Leo). A visible grown-up's full name never blocks a pack; a
//! hidden child named on their own always does.

use proptest::prelude::*;
use serde_json::json;

use super::guard::Guard;
use super::{SecretKind, Viewer};
use crate::case::Family;
use crate::case::testing::case;

const FIRST: [&str; 6] = ["Sam", "Leo", "Hope", "Will", "Ella", "Noah"];
const SURNAME: [&str; 4] = ["Ferreira", "Asante", "Wells", "Leo"];

/// A family: three children with one mother and either of two fathers, the
/// mother's mother, and the reader (one of the fathers).
#[derive(Debug, Clone)]
struct Shape {
    children: Vec<(usize, usize, usize)>,
    adults: [(usize, usize); 4],
    reader: usize,
}

fn shape() -> impl Strategy<Value = Shape> {
    let name = || (0..FIRST.len(), 0..SURNAME.len());
    (
        proptest::collection::vec((0..FIRST.len(), 0..SURNAME.len(), 0..2usize), 2..4),
        [name(), name(), name(), name()],
        0..2usize,
    )
        .prop_map(|(children, adults, reader)| Shape {
            children,
            adults,
            reader,
        })
}

fn full((f, s): (usize, usize)) -> String {
    format!("{} {}", FIRST[f], SURNAME[s])
}

impl Shape {
    fn yaml(&self) -> String {
        let ids = ["mum", "dad0", "dad1", "gran"];
        let mut out = String::new();
        for (k, &(f, s, dad)) in self.children.iter().enumerate() {
            out.push_str(&format!(
                "  - {{ id: c{k}, name: {} {}, born: 2018-01-0{}, parents: [mum, dad{dad}] }}\n",
                FIRST[f],
                SURNAME[s],
                k + 1
            ));
        }
        for (i, id) in ids.iter().enumerate() {
            let pr: Vec<String> = (0..self.children.len())
                .filter(|&k| i == 0 || (i < 3 && self.children[k].2 == i - 1))
                .map(|k| format!("c{k}"))
                .collect();
            let parents = if *id == "mum" {
                ", parents: [gran]"
            } else {
                ""
            };
            out.push_str(&format!(
                "  - {{ id: {id}, name: {}, parental_responsibility: [{}]{parents} }}\n",
                full(self.adults[i]),
                pr.join(", ")
            ));
        }
        out
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_shared_first_name_never_blocks_and_a_hidden_child_alone_always_does(s in shape()) {
        let ids: Vec<String> = (0..s.children.len()).map(|k| format!("c{k}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let c = case(&s.yaml(), &ids, "");
        let f = Family::resolve(&c).unwrap();
        let reader = f.index_of(&format!("dad{}", s.reader)).unwrap();
        prop_assume!(!f.connected_children(reader).is_empty());
        let view = super::view(&f, Viewer::Recipient(reader)).unwrap();
        let guard = Guard::new(&view, &[]);
        let hidden: Vec<usize> = f.children().iter().copied().filter(|c| !f.connected_children(reader).contains(c)).collect();
        // Every grown-up the reader may see, by full name, as the papers
        // print them: the reader, the other parents, the grandmother and the
        // professionals (the social worker is Sam Worker).
        let adults: Vec<String> = c.people.iter().enumerate()
            .filter(|(i, _)| !f.is_child(*i))
            .map(|(_, p)| p.name.clone())
            .collect();
        // A grown-up named exactly as a hidden child cannot be told apart.
        let same = |n: &str| hidden.iter().any(|&h| f.person(h).name == n);
        for a in adults.iter().filter(|a| !same(a)) {
            let page = json!({ "attendees": [{ "name": a, "role": "Invited" }], "signed": format!("{a}, on behalf of the council") });
            let leaks: Vec<_> = guard.scan("papers", &page).into_iter().filter(|l| l.secret.kind == SecretKind::ChildName).collect();
            prop_assert!(leaks.is_empty(), "{a} read as {:?}\n{}", leaks.iter().map(|l| &l.secret.text).collect::<Vec<_>>(), s.yaml());
        }
        let visible: Vec<String> = f.connected_children(reader).iter().map(|&k| f.child_name(k, None)).collect();
        for &h in &hidden {
            let first = f.child_name(h, None);
            // Their own child of the same first name is theirs to read about.
            if visible.contains(&first) {
                continue;
            }
            let alone = format!("{first} is not going to school.");
            prop_assert!(!guard.scan_text("letter", &alone).is_empty(), "{alone:?} passed\n{}", s.yaml());
            let beside = format!("{}: {first} was seen.", adults[0]);
            prop_assert!(!guard.scan_text("letter", &beside).is_empty(), "{beside:?} passed\n{}", s.yaml());
            let full = f.person(h).name.clone();
            if adults.contains(&full) {
                continue;
            }
            let mention = format!("We met {full} at school.");
            prop_assert!(!guard.scan_text("letter", &mention).is_empty(), "{mention:?} passed");
        }
    }
}
