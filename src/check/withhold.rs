//! What the case withholds or words per reader, checked: each `withhold`
//! and `reword` entry must name text the case holds (see
//! [`crate::case::withhold::shape_at`]) and readers the case has, and a
//! word in braces must be a reference casepack knows (`{children}`).

use serde_json::Value;

use crate::case::path::walk_strings;
use crate::case::refer;
use crate::case::withhold::{Shape, shape_at};
use crate::case::{Case, Reader};
use crate::diagnostics::{Finding, nearest};

/// An error for each `withhold` entry that names no text in the case, or
/// that is kept from someone the case does not have.
pub fn entries(case: &Case) -> Vec<Finding> {
    let Ok(value) = serde_json::to_value(case) else {
        return vec![Finding::error(
            "internal",
            "withhold",
            "the case could not be read back to check what it withholds",
        )];
    };
    let ids: Vec<&str> = case.people.iter().map(|p| p.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, w) in case.withhold.iter().enumerate() {
        let at = format!("withhold[{i}].field");
        let help = "withhold a text field, e.g. `people[ryan].address`, `people[ryan].name` or `worries[0].evidence[1]`";
        match shape_at(&w.field) {
            Shape::Text | Shape::Lines => {
                let held = w.field.get(&value).is_some_and(|v| !v.is_null());
                if !held {
                    out.push(
                        Finding::error(
                            "withhold-nothing",
                            &at,
                            format!(
                                "`{}` names nothing in the case, so nothing would be withheld",
                                w.field
                            ),
                        )
                        .help("check the number (counting from 0) or the person's id in the path"),
                    );
                }
            }
            Shape::Other(what) => out.push(
                Finding::error(
                    "withhold-not-text",
                    &at,
                    format!(
                        "`{}` is {what}: only text the documents print can be withheld",
                        w.field
                    ),
                )
                .help(help),
            ),
            Shape::Unknown => out.push(
                Finding::error(
                    "withhold-nothing",
                    &at,
                    format!(
                        "`{}` is not a field of the case format, so nothing would be withheld",
                        w.field
                    ),
                )
                .help(help),
            ),
        }
        out.extend(unknown_readers(
            &w.from.0,
            &format!("withhold[{i}].from"),
            &ids,
        ));
    }
    for (i, r) in case.reword.iter().enumerate() {
        let at = format!("reword[{i}].field");
        let held = || r.field.get(&value).is_some_and(Value::is_string);
        if shape_at(&r.field) != Shape::Text || !held() {
            out.push(
                Finding::error(
                    "reword-nothing",
                    &at,
                    format!("`{}` names no text the case holds, so no one would read these words", r.field),
                )
                .help("name a text field the case fills in, e.g. `letter_of_issue.why` or `worries[0].must_change` (counting from 0)"),
            );
        }
        out.extend(unknown_readers(
            &r.readers.0,
            &format!("reword[{i}].for"),
            &ids,
        ));
    }
    out.extend(references(&value));
    out
}

/// Every word in braces that is no reference: a mistyped `{children}`
/// would print as written in a letter to a parent.
fn references(value: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    walk_strings(&mut value.clone(), &mut |path, s| {
        for word in refer::unknown(s) {
            let f = Finding::error(
                "not-a-reference",
                path.to_string(),
                format!(
                    "`{{{word}}}` is not a reference casepack can fill in, so it would print as written"
                ),
            );
            out.push(match nearest(word, &["children"]) {
                Some(n) => f.help(format!("did you mean `{{{n}}}`?")),
                None => f.help("write `{children}` for the reader's own children, or a choice such as `{is|are}`; other words in braces need a space inside (`{ x }`)"),
            });
        }
    });
    out
}

/// An error for each reader in `readers` (at `at`) that is no one the case has.
fn unknown_readers(readers: &[Reader], at: &str, ids: &[&str]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (j, r) in readers.iter().enumerate() {
        if let Reader::Person(id) = r
            && !ids.contains(&id.as_str())
        {
            let path = if readers.len() == 1 {
                at.to_string()
            } else {
                format!("{at}[{j}]")
            };
            let f = Finding::error(
                "unknown-person",
                path,
                format!(
                    "`{id}` is not `parents`, `advocates`, `outside-authority` or the id of anyone in `people`"
                ),
            );
            out.push(match nearest(id.as_str(), ids) {
                Some(n) => f.help(format!("did you mean `{n}`?")),
                None => f.help("name an audience or a person's id"),
            });
        }
    }
    out
}
