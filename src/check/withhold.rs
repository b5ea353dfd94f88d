//! What the case withholds, checked: each `withhold` entry must name text
//! the case holds (see [`crate::case::withhold::shape_at`]), and be kept
//! from readers the case has.

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
        for (j, r) in w.from.0.iter().enumerate() {
            if let Reader::Person(id) = r
                && !ids.contains(&id.as_str())
            {
                let path = if w.from.0.len() == 1 {
                    format!("withhold[{i}].from")
                } else {
                    format!("withhold[{i}].from[{j}]")
                };
                let f = Finding::error(
                    "unknown-person",
                    path,
                    format!(
                        "`{id}` is not `parents`, `advocates`, `outside-authority` or the id of anyone in `people`"
                    ),
                );
                out.push(match nearest(id.as_str(), &ids) {
                    Some(n) => f.help(format!("did you mean `{n}`?")),
                    None => f.help("name an audience or a person's id"),
                });
            }
        }
    }
    out
}
