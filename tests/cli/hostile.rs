//! Hostile text in every free-text field prints literally: case data
//! reaches Typst only as data, never as markup or code.

use proptest::prelude::*;

use super::*;

/// The sample case as JSON (which is YAML), for rewriting field by field.
fn sample_json() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let (loaded, _) = casepack::case::parse(&text).unwrap();
    let mut case = serde_json::to_value(&loaded.case).unwrap();
    // Easy Read's rules refuse most of this text (long runs, capitals),
    // rightly: hostile text that keeps them is printed literally in
    // `easy_read::hostile_text_in_an_easy_read_wording_prints_literally`.
    for p in case["people"].as_array_mut().unwrap() {
        p["easy_read"] = false.into();
    }
    case
}

/// Every string the case format says is free text (the JSON Schema's own
/// reading, as `withhold` uses it) replaced by `with`; ids, dates, times,
/// fixed choices and paths are left alone.
fn replace_free_text(v: &mut serde_json::Value, with: &str, count: &mut usize) {
    use casepack::case::withhold::{Shape, shape_at};
    casepack::case::path::walk_strings(v, &mut |path, s| {
        if shape_at(path) == Shape::Text {
            *s = with.to_string();
            *count += 1;
        }
    });
}

const HOSTILE: &[&str] = &[
    "#panic(\"x\")",
    "]",
    "[",
    "$x$",
    "*",
    "_",
    "<l>",
    "@r",
    "//",
    "/*",
    "\\",
    "#import \"/etc/passwd\"",
    "שלום",
    "مرحبا",
    "🙂",
    "#eval(\"1+1\")",
    "```",
    "= Heading",
    "- item",
    "+ item",
    "~",
    "'quoted'",
    "\"",
    "{",
    "}",
    "#",
];

fn hostile_text() -> impl Strategy<Value = (String, bool)> {
    let piece = prop_oneof![
        8 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
        1 => Just("\u{7}".to_string()),
        1 => Just("w".repeat(300)),
        2 => "[a-zA-Z]{1,8}",
    ];
    proptest::collection::vec(piece, 1..7).prop_map(|parts| {
        let text = parts.join(" ");
        let has_control = text.contains('\u{7}');
        (format!("Hostile {text}"), has_control)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_in_every_free_text_field_prints_literally((text, has_control) in hostile_text()) {
        let mut case = sample_json();
        let mut fields = 0;
        replace_free_text(&mut case, &text, &mut fields);
        prop_assert!(fields > 60, "only {} fields replaced", fields);
        let dir = case_dir(&serde_json::to_string_pretty(&case).unwrap());
        let out = casepack(dir.path(), &["build", "case.yaml", "-o", "pack.zip"]);
        let err = stderr(&out);
        prop_assert_eq!(out.status.code(), Some(0), "{}", err);
        prop_assert_eq!(has_control, err.contains("warning[control-characters]"), "{}", err);
        let printed = text.replace('\u{7}', "");
        // Beside right-to-left text pdftotext moves neutral characters
        // (brackets, symbols) across the run in its own visual order, and it
        // places colour emoji apart from their line. With either present,
        // check each piece's letters and digits; without, the whole text.
        let rtl = printed.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c));
        let emoji = |c: char| c >= '\u{1F000}';
        let loose = rtl || printed.chars().any(emoji);
        let keep = |t: &str| -> String {
            if rtl { squash(t).chars().filter(|c| c.is_alphanumeric()).collect() } else { squash(t) }
        };
        let expected: Vec<String> = if loose {
            printed
                .split(|c: char| c.is_whitespace() || emoji(c))
                .map(keep)
                .filter(|p| !p.is_empty())
                .chain(printed.chars().filter(|c| emoji(*c)).map(String::from))
                .collect()
        } else {
            vec![squash(&printed)]
        };
        for (name, bytes) in unzip(&dir.path().join("pack.zip")) {
            // The timeline sheet and the cover print only the reference, the council and
            // the children's first names, in narrow header cells; the other
            // documents print every field.
            if name == "pre-proceedings-timeline.pdf" || name == "cover-and-index.pdf" {
                prop_assert!(pdf_text(&bytes).contains("Hostile"));
            } else if name.ends_with(".pdf") && !name.starts_with("attachments/") {
                let text = pdf_text(&bytes);
                let got = if rtl {
                    squash(&text).chars().filter(|c| c.is_alphanumeric() || emoji(*c)).collect()
                } else {
                    squash(&text)
                };
                // Laid out, a table cell's long text can be interleaved
                // with its shorter neighbours' lines; in written order it is whole.
                let raw = squash(&pdf_text_raw(&bytes));
                for piece in &expected {
                    prop_assert!(got.contains(piece.as_str()) || raw.contains(piece.as_str()), "{} lacks {:?}", name, piece);
                }
            }
        }
    }
}

// ---- casepack timeline: the table, JSON, the calendar export, bank holidays
