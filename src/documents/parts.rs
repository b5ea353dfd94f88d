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
            let mut needs = communication_needs(p);
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

/// What a person needs to take part (the Accessible Information
/// Standard's "record" and "flag"): an interpreter and its language, an
/// advocate, Easy Read, large print.
pub(super) fn communication_needs(p: &Person) -> Vec<String> {
    let mut needs = Vec::new();
    if let Some(l) = &p.interpreter {
        needs.push(format!("Interpreter ({l})"));
    }
    if p.advocate {
        needs.push("Advocate".to_string());
    }
    if p.easy_read {
        needs.push("Easy Read".to_string());
    }
    if p.large_print {
        needs.push("Large print".to_string());
    }
    needs
}

/// For each parent the meeting's papers name, what they need to take part
/// and whether their solicitor and advocate are among the attendees (and,
/// once recorded, whether they came): so the chair can arrange them, and
/// the record shows who was there for each parent.
pub(super) fn support_rows(family: &Family, attendees: &[Attendee]) -> Vec<Value> {
    let present: Vec<crate::case::Present> = attendees.iter().map(|a| family.present(a)).collect();
    let at = |i: usize, h: crate::case::Helper| -> &'static str {
        match present.iter().find(|p| p.helps == Some((h, i))) {
            None => "Not at the meeting",
            Some(p) => match p.attended {
                Some(true) => "Attended",
                Some(false) => "Absent",
                None => "Invited",
            },
        }
    };
    family
        .recipients()
        .into_iter()
        .map(|i| {
            let p = family.person(i);
            json!({
                "name": p.name,
                "relationship": family.relationship(i, false),
                "needs": communication_needs(p),
                "solicitor": at(i, crate::case::Helper::Solicitor),
                "advocate": at(i, crate::case::Helper::Advocate),
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
