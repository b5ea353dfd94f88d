//! An authority's own wording: where it may go, that it renders as plain
//! text into the letters it is for, and that case text and markup in it
//! print literally.
use super::*;

/// What `letter_base` and the letter before proceedings put in a letter's data.
fn letter(meeting: bool) -> Value {
    let mut data = json!({
        "meta": { "authority": { "name": "Westshore Borough Council" } },
        "recipient": { "name": "Ms Kerry Hartley" },
        "date": "9 November 2026",
        "children": "Maisie and Leo",
        "social_worker": { "name": "Grace Adeyemi" },
    });
    if meeting {
        data["meeting"] = json!({ "date": "Monday 23 November 2026", "time": "10:30am" });
    }
    data
}

fn ctx(meeting: bool) -> tera::Context {
    context(&letter(meeting)).unwrap()
}

#[test]
fn every_documented_variable_renders() {
    let all: Vec<String> = VARIABLES
        .iter()
        .map(|(n, _)| format!("{{{{ {n} }}}}"))
        .collect();
    let out = render(&all.join("|"), &ctx(true)).unwrap();
    assert_eq!(
        out,
        "Maisie and Leo|Ms Kerry Hartley|Westshore Borough Council|9 November 2026|Grace Adeyemi|Monday 23 November 2026|10:30am"
    );
}

#[test]
fn filters_and_conditions_work_and_nothing_is_escaped() {
    let mut data = letter(false);
    data["children"] = json!("<Maisie> & \"Leo\"");
    let out = render(
        "{{ authority | upper }}: {% if meeting %}meet{% else %}{{ child_names }}{% endif %}",
        &context(&data).unwrap(),
    )
    .unwrap();
    assert_eq!(out, "WESTSHORE BOROUGH COUNCIL: <Maisie> & \"Leo\"");
}

#[test]
fn a_paragraph_may_not_reach_other_templates_or_the_environment() {
    for (template, tag) in [
        ("Hello {% include \"x.html\" %}", "include"),
        ("Hello {% include \"x\" ignore missing %}", "include"),
        ("{% extends \"base.html\" %}", "extends"),
        ("{% import \"m.html\" as m %}{{ m::x() }}", "import"),
        ("{% macro x() %}hi{% endmacro %}", "macro"),
        (
            "line one\n{% if true %}\n  {% include \"x\" %}{% endif %}",
            "include",
        ),
        ("Hi {% block b %}x{% endblock %}", "block"),
    ] {
        let e = render(template, &ctx(false)).unwrap_err();
        assert!(
            e.message
                .contains(&format!("`{{% {tag} %}}` is not allowed")),
            "{template}: {e:?}"
        );
    }
    let e = render(
        "line\n{% if true %}\n  {% include \"x\" %}{% endif %}",
        &ctx(false),
    )
    .unwrap_err();
    assert_eq!(e.at, Some((3, 6)));
    let e = render("{{ get_env(name=\"HOME\") }}", &ctx(false)).unwrap_err();
    assert!(e.message.contains("`get_env` is not available"), "{e:?}");
}

#[test]
fn an_unknown_variable_is_an_error_at_its_line() {
    let e = render(
        "Dear parent,\n\nWe will see you on {{ meeting.date }}.",
        &ctx(false),
    )
    .unwrap_err();
    assert!(
        e.message.contains("Variable `meeting.date` not found"),
        "{e:?}"
    );
    assert_eq!(e.at, Some((3, 23)));
}

#[test]
fn a_syntax_error_is_an_error_at_its_line() {
    let e = render("All is well.\nWe are {{ child_names", &ctx(false)).unwrap_err();
    assert!(e.message.starts_with("a syntax error: "), "{e:?}");
    assert_eq!(e.at.map(|(l, _)| l), Some(2), "{e:?}");
}

#[test]
fn blank_lines_part_paragraphs_and_single_breaks_are_spaces() {
    assert_eq!(
        paragraphs_of("  One\n two.\n\n\n Three.  \n \n"),
        vec!["One two.".to_string(), "Three.".to_string()]
    );
    assert!(paragraphs_of("  \n").is_empty());
}

const PROFILE: &str = "profile: x\nname: X\nwording:\n  letter-of-issue:\n    opening: |\n      We are writing about {{ child_names }}.\n      We will meet on {{ meeting.date }}.\n    closing: \"Thank you, {{ recipient_name }}.\"\n";

fn wording(text: &str) -> Wording {
    #[derive(Deserialize)]
    struct File {
        wording: Wording,
    }
    let mut w = serde_saphyr::from_str::<serde_json::Value>(text)
        .map(|v| serde_json::from_value::<File>(json!({ "wording": v["wording"] })).unwrap())
        .unwrap()
        .wording;
    w.origin = Some(Arc::new(SourceFile {
        name: "westshore.yaml".into(),
        text: text.into(),
    }));
    w
}

#[test]
fn a_template_error_is_a_finding_at_its_line_in_the_profile() {
    let w = wording(PROFILE);
    let mut data = letter(false);
    let errors = w.apply("letter-of-issue", &mut data).unwrap_err();
    assert_eq!(errors.len(), 1);
    let f = &errors[0];
    assert_eq!(f.code, "wording");
    assert_eq!(f.path, "wording.letter-of-issue.opening");
    assert_eq!(f.file.as_ref().unwrap().name, "westshore.yaml");
    // `meeting` on line 7 of the profile, column 26.
    assert_eq!(
        f.position,
        Some(Position {
            line: 7,
            column: 26
        })
    );
    assert!(data.get("wording").is_none());
    let mut findings = crate::diagnostics::Findings::new();
    findings.push(f.clone());
    let shown = findings.render("case.yaml", "unrelated: case\n", false);
    assert!(shown.contains("--> westshore.yaml:7:26"), "{shown}");
    assert!(
        shown.contains("We will meet on {{ meeting.date }}."),
        "{shown}"
    );
}

#[test]
fn rendered_paragraphs_go_into_the_letters_data() {
    let w = wording(PROFILE);
    let mut data = letter(true);
    w.apply("letter-of-issue", &mut data).unwrap();
    assert_eq!(
        data["wording"],
        json!({
            "opening": ["We are writing about Maisie and Leo. We will meet on Monday 23 November 2026."],
            "closing": ["Thank you, Ms Kerry Hartley."],
        })
    );
    // A letter the profile does not word is left alone.
    let mut other = letter(true);
    w.apply("letter-before-proceedings", &mut other).unwrap();
    assert_eq!(other, letter(true));
}

#[test]
fn a_profile_may_word_only_the_letters_to_parents_and_their_four_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let load = |body: &str| {
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, format!("profile: p\nname: P\nwording:\n{body}")).unwrap();
        super::super::load_profile(&path, crate::calendar::Calendar::england_and_wales())
            .map_err(|e| e.to_string())
    };
    let ok = load("  letter-ending-pre-proceedings:\n    next: Hello.\n").unwrap();
    assert_eq!(
        ok.wording.letters["letter-ending-pre-proceedings"]
            .next
            .as_deref(),
        Some("Hello.")
    );
    let e = load("  plo-summary:\n    opening: Hello.\n").unwrap_err();
    assert!(
        e.contains("wording: `plo-summary` is not a letter to a parent"),
        "{e}"
    );
    let e = load("  letter-of-issue:\n    greeting: Hello.\n").unwrap_err();
    assert!(e.contains("greeting"), "{e}");
}
