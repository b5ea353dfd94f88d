//! Pieces several documents share: how a letter greets and addresses a
//! person, a professional's contact line, and the rows of children and of
//! parents the professionals' papers print.

use serde_json::{Value, json};

use crate::case::{Attendee, Family, Person};

/// How a letter greets a parent: their `greeting`, else "Dear Ms Hartley"
/// (title and family name), else by full name: without a title, or when
/// the family name cannot be told from the name (a guess would be worse
/// than none; `check` asks for `family_name`).
pub(super) fn salutation(parent: &Person) -> String {
    parent.greeting().text().to_string()
}

/// Who a letter is addressed to: "Ms Kerry Hartley".
pub(super) fn addressee(parent: &Person) -> String {
    parent.addressee()
}

pub(super) fn person(p: &Person, role: &str) -> Value {
    json!({
        "name": p.name,
        "role": p.job_title.clone().unwrap_or_else(|| role.to_string()),
        "phone": p.phone,
        "email": p.email,
    })
}

/// A child's line in a table: name and date of birth (or expected delivery).
pub(super) fn child_rows(family: &Family) -> Value {
    family
        .children()
        .iter()
        .map(|&c| {
            let c = family.person(c);
            let born = match (c.born, c.expected) {
                (Some(d), _) => format!("Born {}", d.medium()),
                (None, Some(d)) => format!("Unborn: expected {}", d.medium()),
                (None, None) => String::new(),
            };
            let gender = match c.gender {
                crate::case::Gender::Female => Some("Female"),
                crate::case::Gender::Male => Some("Male"),
                crate::case::Gender::Other => Some("Other"),
                crate::case::Gender::Unknown => None,
            };
            json!({ "name": c.name, "born": born, "gender": gender })
        })
        .collect()
}

/// The parents and others with parental responsibility, as the
/// professionals' papers list them: name, relationship, solicitor, needs.
pub(super) fn adult_rows(family: &Family) -> Vec<Value> {
    family
        .adults()
        .into_iter()
        .map(|i| {
            let p = family.person(i);
            let mut needs = Vec::new();
            if let Some(l) = &p.interpreter {
                needs.push(format!("Interpreter ({l})"));
            }
            if p.advocate {
                needs.push("Advocate".to_string());
            }
            if let Some(c) = &p.custody {
                needs.push(format!(
                    "In custody at {}{}",
                    c.establishment,
                    if c.video_link {
                        "; takes part by video link"
                    } else {
                        ""
                    }
                ));
            }
            json!({
                "name": p.name,
                "relationship": family.relationship(i, false),
                "solicitor": p.solicitor.as_ref().map(|s| s.described()),
                "needs": needs,
            })
        })
        .collect()
}

/// The meeting's attendees as the papers list them: name, role, and
/// whether they were there once that is recorded (`present`: true, false,
/// or none before the meeting).
pub(super) fn attendee_rows(family: &Family, attendees: &[Attendee]) -> Vec<Value> {
    attendees
        .iter()
        .map(|a| {
            let p = family.present(a);
            json!({ "name": p.name, "role": p.role, "present": p.attended })
        })
        .collect()
}
