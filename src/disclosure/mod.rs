//! Stage 5, disclosure, decided per reader: the case as one reader may see it, and
//! the search of everything written for them for what it left out.
//!
//! A parent's pack is made from a copy of the case in which everyone else's
//! address, telephone, email, custody details and how they are reached are gone (unless that
//! person shares them with this reader), the children the reader is not a
//! parent of and holds no responsibility for are gone with the worries,
//! support and plan rows that concern only them, and every `withhold` entry
//! kept from this reader is "[withheld]". Nothing downstream can print what
//! is not in its copy.
//!
//! It fails closed: a redaction that cannot be made is an error, never the
//! unredacted case; and what was taken out is kept as [`Secret`]s so the
//! finished documents can be searched for any of it before anything is
//! written ([`guard`]).

pub mod guard;
mod refer;

use serde_json::{Value, json};

use crate::case::{Case, Family, Reader};

/// What prints instead of withheld text.
pub const WITHHELD: &str = "[withheld]";

/// Who reads a pack, as far as disclosure goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// The local authority's own people (the panel, the legal adviser): everything.
    Authority,
    /// The advocates' pack, read by every party's lawyer.
    Advocates,
    /// One person's own pack (index into `people`).
    Recipient(usize),
}

/// What a [`Secret`] is, which decides how it is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// A line of an address.
    AddressLine,
    /// A telephone number: matched on its digits.
    Phone,
    /// An email address.
    Email,
    /// Custody details: the establishment, its address, the prisoner number.
    Custody,
    /// How the social worker reaches someone whose letters are handed over.
    Whereabouts,
    /// Withheld text.
    Withheld,
    /// A line of withheld lines (an address, a list of evidence).
    WithheldLine,
    /// The name of a child the reader is not connected to.
    ChildName,
}

/// Something taken out of a reader's copy, to be looked for in what is written.
#[derive(Debug, Clone)]
pub struct Secret {
    /// The text.
    pub text: String,
    /// How it is matched.
    pub kind: SecretKind,
    /// Whose it is and what, for messages: "Kerry Hartley's address".
    pub what: String,
    /// Where the case holds it (a concrete path).
    pub path: String,
}

/// A reader's copy of the case.
#[derive(Debug, Clone)]
pub struct View {
    /// Who reads it.
    pub viewer: Viewer,
    /// The case as they may see it.
    pub case: Case,
    /// What was taken out.
    pub secrets: Vec<Secret>,
}

/// Why a reader's copy could not be made. Nothing may be written then.
#[derive(Debug, thiserror::Error)]
pub enum RedactionError {
    /// The case would not turn into the data a copy is made from.
    #[error("the case could not be copied: {0}")]
    NotCopied(serde_json::Error),
    /// A `withhold` entry's field is not in the case.
    #[error("withhold[{index}]: `{field}` names nothing in the case")]
    NamesNothing {
        /// Which `withhold` entry.
        index: usize,
        /// The field it names, as written.
        field: String,
    },
    /// A `withhold` entry names something that is not text.
    #[error("withhold[{index}]: `{field}` is not text, so it cannot be withheld")]
    NotText {
        /// Which `withhold` entry.
        index: usize,
        /// The field it names, as written.
        field: String,
    },
    /// The copy has no list of people to take details out of.
    #[error("the case has no people to redact")]
    NoPeople,
    /// An entry of `people` is not a person.
    #[error("{0} is not a person")]
    NotAPerson(String),
    /// The redacted copy is no longer a case.
    #[error("the redacted case could not be read back: {0}")]
    NotReadBack(serde_json::Error),
    /// A `reword` entry's field is not text the case holds.
    #[error("reword[{index}]: `{field}` names no text in the case")]
    RewordsNothing {
        /// Which `reword` entry.
        index: usize,
        /// The field it names, as written.
        field: String,
    },
    /// The redacted copy names someone it no longer holds.
    #[error("the redacted case no longer holds together: {0}")]
    NoLongerHolds(String),
}

/// Whether `reader` includes `viewer`.
fn reaches(reader: &Reader, viewer: Viewer, family: &Family) -> bool {
    match (reader, viewer) {
        (_, Viewer::Authority) => false,
        (Reader::Parents, Viewer::Recipient(_)) => true,
        (Reader::Advocates, Viewer::Advocates) => true,
        (Reader::OutsideAuthority, _) => true,
        (Reader::Person(id), Viewer::Recipient(r)) => family.index_of(id.as_str()) == Some(r),
        // What is kept from a person is kept from their lawyer.
        (Reader::Person(_), Viewer::Advocates) => true,
        _ => false,
    }
}

/// The case as `viewer` may see it.
pub fn view(family: &Family, viewer: Viewer) -> Result<View, RedactionError> {
    let case = family.case();
    let mut value = serde_json::to_value(case).map_err(RedactionError::NotCopied)?;
    let mut secrets = Vec::new();
    for (i, w) in case.withhold.iter().enumerate() {
        if !w.from.0.iter().any(|r| reaches(r, viewer, family)) {
            continue;
        }
        let nothing = || RedactionError::NamesNothing {
            index: i,
            field: w.field.to_string(),
        };
        let at = w.field.concrete(&value).ok_or_else(nothing)?;
        let node = at.get_mut(&mut value).ok_or_else(nothing)?;
        let what = format!("withheld text (`{}`)", w.field);
        match node {
            Value::String(s) => {
                secrets.push(secret(s, SecretKind::Withheld, &what, at.to_string()));
                *s = WITHHELD.to_string();
            }
            Value::Array(lines) if lines.iter().all(Value::is_string) => {
                for (k, l) in lines.iter().enumerate() {
                    if let Value::String(s) = l {
                        let p = format!("{at}[{k}]");
                        secrets.push(secret(s, SecretKind::WithheldLine, &what, p));
                    }
                }
                // An address of several lines becomes one "[withheld]".
                if !lines.is_empty() {
                    *lines = vec![json!(WITHHELD)];
                }
            }
            _ => {
                return Err(RedactionError::NotText {
                    index: i,
                    field: w.field.to_string(),
                });
            }
        }
    }
    refer::reword(family, viewer, &mut value)?;
    if viewer != Viewer::Authority {
        private_details(family, viewer, &mut value, &mut secrets)?;
    }
    if let Viewer::Recipient(r) = viewer {
        their_children(family, r, &mut value, &mut secrets)?;
    }
    refer::fill(family, viewer, &mut value);
    let case: Case = serde_json::from_value(value).map_err(RedactionError::NotReadBack)?;
    // The copy must still hold together: every id it names is in it.
    Family::resolve(&case).map_err(|f| {
        RedactionError::NoLongerHolds(f.first().map_or(String::new(), |f| f.message.clone()))
    })?;
    Ok(View {
        viewer,
        case,
        secrets,
    })
}

fn secret(text: &str, kind: SecretKind, what: &str, path: String) -> Secret {
    Secret {
        text: text.to_string(),
        kind,
        what: what.to_string(),
        path,
    }
}

/// Takes out every other person's contact and custody details that they
/// do not share with `viewer`. Professionals' work details are not private.
fn private_details(
    family: &Family,
    viewer: Viewer,
    value: &mut Value,
    secrets: &mut Vec<Secret>,
) -> Result<(), RedactionError> {
    let people = value
        .get_mut("people")
        .and_then(Value::as_array_mut)
        .ok_or(RedactionError::NoPeople)?;
    for (i, entry) in people.iter_mut().enumerate() {
        let p = family.person(i);
        let shared = p.share_contact_with.iter().any(|r| match (r, viewer) {
            (Reader::Person(id), Viewer::Recipient(v)) => family.index_of(id.as_str()) == Some(v),
            (Reader::Person(_), _) => false,
            (other, _) => reaches(other, viewer, family),
        });
        if viewer == Viewer::Recipient(i) || family.is_professional(i) || shared {
            continue;
        }
        let at = format!("people[{i}]");
        let mut keep = |text: &str, kind, what: String, path: String| {
            secrets.push(secret(text, kind, &what, path));
        };
        let name = &p.name;
        for (k, line) in p.address.iter().enumerate() {
            let path = format!("{at}.address[{k}]");
            keep(
                line,
                SecretKind::AddressLine,
                format!("{name}'s address"),
                path,
            );
        }
        if let Some(phone) = &p.phone {
            let what = format!("{name}'s telephone number");
            keep(phone, SecretKind::Phone, what, format!("{at}.phone"));
        }
        if let Some(email) = &p.email {
            let what = format!("{name}'s email address");
            keep(email, SecretKind::Email, what, format!("{at}.email"));
        }
        if let Some(c) = &p.custody {
            let what = format!("where {name} is held");
            let path = format!("{at}.custody.establishment");
            keep(&c.establishment, SecretKind::Custody, what.clone(), path);
            for (k, line) in c.address.iter().enumerate() {
                let path = format!("{at}.custody.address[{k}]");
                keep(line, SecretKind::Custody, what.clone(), path);
            }
            if let Some(n) = &c.prisoner_number {
                let what = format!("{name}'s prisoner number");
                keep(
                    n,
                    SecretKind::Custody,
                    what,
                    format!("{at}.custody.prisoner_number"),
                );
            }
        }
        if let Some(h) = &p.how_to_reach {
            let what = format!("how {name} is reached");
            keep(
                h,
                SecretKind::Whereabouts,
                what,
                format!("{at}.how_to_reach"),
            );
        }
        let map = entry
            .as_object_mut()
            .ok_or_else(|| RedactionError::NotAPerson(at.clone()))?;
        map.insert("address".into(), json!([]));
        for field in ["phone", "email", "custody", "how_to_reach"] {
            map.insert(field.into(), Value::Null);
        }
        map.insert("share_contact_with".into(), json!([]));
    }
    Ok(())
}

/// Keeps only the children `r` is connected to, and the worries, support,
/// assessment and plan rows about them; the other children's names are
/// withheld.
fn their_children(
    family: &Family,
    r: usize,
    value: &mut Value,
    secrets: &mut Vec<Secret>,
) -> Result<(), RedactionError> {
    let keep: Vec<usize> = family.connected_children(r);
    let ids: Vec<String> = keep
        .iter()
        .map(|&c| family.person(c).id.to_string())
        .collect();
    value["children"] = json!(ids);
    // Nobody's parental responsibility names a child not in this copy.
    if let Some(people) = value.get_mut("people").and_then(Value::as_array_mut) {
        for p in people {
            if let Some(pr) = p
                .get_mut("parental_responsibility")
                .and_then(Value::as_array_mut)
            {
                pr.retain(|c| c.as_str().is_some_and(|c| ids.iter().any(|k| k == c)));
            }
        }
    }
    for &c in family.children() {
        if keep.contains(&c) {
            continue;
        }
        let p = family.person(c);
        let what = format!(
            "the name of {} (not {}'s child)",
            p.name,
            family.person(r).name
        );
        secrets.push(secret(
            &p.name,
            SecretKind::ChildName,
            &what,
            format!("people[{c}].name"),
        ));
        let first = family.child_name(c, None);
        if !p.unborn() && first != p.name {
            secrets.push(secret(
                &first,
                SecretKind::ChildName,
                &what,
                format!("people[{c}].name"),
            ));
        }
        // The other child's words are for no one but the authority here;
        // ids and links stay, so the copy holds together.
        let entry = &mut value["people"][c];
        entry["name"] = json!(WITHHELD);
        for key in ["note", "relationship", "title", "family_name", "greeting"] {
            entry[key] = Value::Null;
        }
    }
    for list in ["worries", "support", "assessments", "plan"] {
        let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) else {
            continue;
        };
        items.retain_mut(|item| {
            let about: Vec<String> = match item.get("children").and_then(Value::as_array) {
                Some(a) if !a.is_empty() => a
                    .iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect(),
                // No children named: it is about all of them.
                _ => return true,
            };
            let mine: Vec<String> = about.into_iter().filter(|c| ids.contains(c)).collect();
            let kept = !mine.is_empty();
            item["children"] = json!(mine);
            kept
        });
    }
    Ok(())
}

#[cfg(test)]
mod collisions;
#[cfg(test)]
mod tests;
