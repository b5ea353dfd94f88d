//! The judge fails the old layout on the family the bug was reported on.
//! `old-reported.json` is what the first genogram layout (before this
//! module was rewritten) gave for `shapes::reported()`, saved as it was.
//! It drew the mother's separated partnership over the top of her symbol,
//! down the same line as her parents' line to her, so that he read as her
//! brother; and her eldest child's line crossed the bar of her younger
//! children. Its lines carry no links, so all count as one: such faults are
//! still caught, since lines of one link may only join.

use serde_json::Value;

use super::oracle::problems;
use super::shapes;
use crate::documents::genogram::layout::{Key, Layout, Line, Node, Rect};

fn word(v: &Value, known: &[&'static str]) -> &'static str {
    let s = v.as_str().expect("a string");
    known
        .iter()
        .find(|k| **k == s)
        .unwrap_or_else(|| panic!("unknown word {s}"))
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

fn old_layout() -> Layout {
    let v: Value = serde_json::from_str(include_str!("old-reported.json")).expect("saved JSON");
    let rect = |r: &Value| Rect {
        x: num(&r["x"]),
        y: num(&r["y"]),
        w: num(&r["w"]),
        h: num(&r["h"]),
    };
    let nodes = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| Node {
            member: n["member"].as_u64().expect("an index") as usize,
            x: num(&n["x"]),
            y: num(&n["y"]),
            shape: word(&n["shape"], &["square", "circle", "diamond", "unknown"]),
            subject: n["subject"].as_bool().expect("a flag"),
            deceased: n["deceased"].as_bool().expect("a flag"),
            label: rect(&n["label"]),
            name: n["name"].as_str().expect("a name").to_string(),
            dates: n["dates"].as_str().expect("dates").to_string(),
            note: None,
            note_ref: None,
        })
        .collect();
    let lines = v["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|s| Line {
            x1: num(&s["x1"]),
            y1: num(&s["y1"]),
            x2: num(&s["x2"]),
            y2: num(&s["y2"]),
            style: if s["dashed"].as_bool().expect("a flag") {
                "dashed"
            } else {
                "solid"
            },
            kind: word(&s["kind"], &["partners", "mark", "descent"]),
            link: 0,
        })
        .collect();
    let households = v["households"]
        .as_array()
        .expect("households")
        .iter()
        .map(|h| {
            h.as_array()
                .expect("a polygon")
                .iter()
                .map(|p| (num(&p[0]), num(&p[1])))
                .collect()
        })
        .collect();
    Layout {
        width: num(&v["width"]),
        height: num(&v["height"]),
        font: num(&v["font"]),
        symbol: num(&v["symbol"]),
        nodes,
        lines,
        households,
        key: Key::default(),
        notes: Vec::new(),
        scale: num(&v["scale"]),
    }
}

#[test]
fn the_old_layout_of_the_reported_family_fails_the_crossing_test() {
    let (f, _) = shapes::reported();
    let found = problems(&f, &old_layout());
    let has = |start: &str, kinds: [&str; 2]| {
        found.iter().any(|p| {
            p.starts_with(start)
                && p.contains(&format!("kind: \"{}\"", kinds[0]))
                && p.contains(&format!("kind: \"{}\"", kinds[1]))
        })
    };
    // The partnership line running down her parents' line to her.
    assert!(
        has("lines meet (Along)", ["partners", "descent"]),
        "{found:#?}"
    );
    // Her eldest's line through her younger children's bar.
    assert!(
        has("lines meet (Cross)", ["descent", "descent"]),
        "{found:#?}"
    );
}
