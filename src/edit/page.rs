//! The page's HTML, from the tera templates in `templates/edit/`, embedded
//! in the binary. tera escapes every value it prints, so text from the
//! case is shown as text wherever it appears; the page's script puts what
//! the server says into the page with `textContent`, never as HTML.

use super::error::{EditError, TemplatesBroken};
use std::sync::OnceLock;

use serde_json::Value;
use tera::{Context, Tera};

use super::form;

/// The page's files that are not templates: served as they are.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "edit.css",
        "text/css; charset=utf-8",
        include_bytes!("../../templates/edit/edit.css"),
    ),
    (
        "edit.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../templates/edit/edit.js"),
    ),
    // The documents' own typeface, so the page reads like them on any computer.
    (
        "LiberationSans-Regular.ttf",
        "font/ttf",
        include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    ),
    (
        "LiberationSans-Bold.ttf",
        "font/ttf",
        include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    ),
];

/// Which view of the case the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The whole case, section by section.
    Case,
    /// The meeting's record, filled in while it sits.
    Record,
}

impl View {
    /// The view a page address asks for.
    pub fn from_query(q: Option<&str>) -> View {
        match q {
            Some("record") => View::Record,
            _ => View::Case,
        }
    }

    fn id(self) -> &'static str {
        match self {
            View::Case => "case",
            View::Record => "record",
        }
    }
}

fn tera() -> &'static Result<Tera, TemplatesBroken> {
    static TERA: OnceLock<Result<Tera, TemplatesBroken>> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut t = Tera::default();
        t.add_raw_templates([
            (
                "macros.html",
                include_str!("../../templates/edit/macros.html"),
            ),
            ("form.html", include_str!("../../templates/edit/form.html")),
            ("page.html", include_str!("../../templates/edit/page.html")),
        ])
        .map_err(|e| TemplatesBroken(format!("{e:?}")))?;
        t.autoescape_on(vec![".html"]);
        Ok(t)
    })
}

fn render(name: &str, context: &Context) -> Result<String, EditError> {
    let t = tera().as_ref().map_err(Clone::clone)?;
    t.render(name, context)
        .map_err(|e| EditError::Page(format!("{e:?}")))
}

fn form_context(schema: &Value, case: &Value, view: View) -> Context {
    let mut c = Context::new();
    match view {
        View::Case => c.insert("sections", &form::sections(schema, case)),
        View::Record => {
            c.insert(
                "sections",
                &[form::Section {
                    title: "Record of the meeting",
                    anchor: "record",
                    fields: form::record(schema, case),
                }],
            );
            c.insert("needs", &needs(case));
        }
    }
    c.insert("view", view.id());
    c
}

/// For the chair, each person who needs something to take part (the
/// Accessible Information Standard's "flag"): their name, and the
/// interpreter and language, advocate, Easy Read or large print.
fn needs(case: &Value) -> Vec<(String, String)> {
    let people = case.get("people").and_then(Value::as_array);
    people
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let mut needs = Vec::new();
            if let Some(l) = p
                .get("interpreter")
                .and_then(Value::as_str)
                .filter(|l| !l.is_empty())
            {
                needs.push(format!("Interpreter ({l})"));
            }
            for (key, said) in [
                ("advocate", "Advocate"),
                ("easy_read", "Easy Read"),
                ("large_print", "Large print"),
            ] {
                if p.get(key).and_then(Value::as_bool) == Some(true) {
                    needs.push(said.to_string());
                }
            }
            let name = p.get("name").and_then(Value::as_str)?;
            (!needs.is_empty()).then(|| (name.to_string(), needs.join(", ")))
        })
        .collect()
}

/// The form alone, for the page to put in place after a list changes shape.
pub fn form_html(schema: &Value, case: &Value, view: View) -> Result<String, EditError> {
    render("form.html", &form_context(schema, case, view))
}

/// The whole page: the form for `case`, the panels for findings, letters,
/// the timeline and the preview, and where the page's requests go (`base`,
/// the address with its token).
pub fn page_html(
    schema: &Value,
    case: &Value,
    view: View,
    file: &str,
    base: &str,
    notice: Option<&str>,
) -> Result<String, EditError> {
    let mut c = Context::new();
    // Made by tera from escaped values, so safe to place as it is.
    c.insert("form", &form_html(schema, case, view)?);
    c.insert("view", view.id());
    c.insert("file", file);
    c.insert("base", base);
    c.insert("notice", &notice);
    render("page.html", &c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// Marks where case text starts and ends in the page.
    const MARK: char = '\u{E000}';

    /// Every stretch of case text in `html`, between its marks.
    fn stretches(html: &str) -> Vec<&str> {
        html.split(MARK).skip(1).step_by(2).collect()
    }

    fn case_with(text: &str) -> Value {
        let t = format!("{MARK}{text}{MARK}");
        json!({
            "reference": t,
            "local_authority": {"name": t, "address": [t]},
            "people": [{"id": "a", "name": t, "note": t}],
            "worries": [{"worry": t, "evidence": [t]}],
            "lpm": {"chair": t, "purpose": t},
            "done": {"step": t},
            "invented": t,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a field holds, it stays text: in the page it never has
        /// a character that could end the text or attribute it sits in or
        /// start markup, and it shows as written once unescaped.
        #[test]
        fn case_text_in_the_form_is_always_escaped(text in "[^\u{E000}]{0,40}", pick in 0usize..6) {
            let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</textarea>", "{{ 7*7 }}{% raw %}", "' onfocus='x", "&amp;&lt;"];
            let text = format!("{}{text}", hostile[pick]);
            let schema = crate::case::schema();
            for view in [View::Case, View::Record] {
                let html = page_html(&schema, &case_with(&text), view, &text, "/t/", Some(&text)).unwrap();
                let found = stretches(&html);
                prop_assert!(view == View::Record || found.len() >= 8, "{} stretches", found.len());
                for s in found {
                    prop_assert!(!s.contains(['<', '>', '"', '\'']), "unescaped: {s:?}");
                    let shown = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
                    // YAML boxes show the value as YAML, which may fold,
                    // quote or escape it; elsewhere it is as written.
                    let bare = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    prop_assert!(
                        bare(&shown).contains(&bare(&text)) || shown.contains('\\') || shown.contains("''"),
                        "{shown:?} is not {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_page_loads_its_script_and_style_from_itself_only() {
        let html = page_html(
            &crate::case::schema(),
            &json!({}),
            View::Case,
            "c.yaml",
            "/t/",
            None,
        )
        .unwrap();
        assert!(
            html.contains(r#"<script src="&#x2F;t&#x2F;assets/edit.js" defer></script>"#),
            "{html}"
        );
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "nothing from elsewhere"
        );
        assert!(!html.contains("<script>"), "no inline script");
    }
}
