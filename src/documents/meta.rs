//! The page furniture every document's data starts with (`meta`): the
//! title, reference and markings, the council or councils the page speaks
//! for, the logo and what made it. One shape for every document and the
//! caseload sheet, so every template's letterhead and footer read the same.

use serde::Serialize;
use serde_json::Value;

use crate::case::{Case, Date};
use crate::profile::Profile;

/// What every template reads under `meta`: the title and reference, the
/// markings, who the page speaks for, the logo, and what made it. Every
/// document and the caseload sheet give their page furniture this one shape.
#[derive(Debug, Clone, Serialize)]
pub struct Meta<'a> {
    /// The document's title.
    pub title: &'a str,
    /// The case's reference (or what the sheet covers).
    pub reference: String,
    /// The document's date, "16 Nov 2026".
    pub date: String,
    /// The protective marking on every page.
    pub marking: String,
    /// Whether the privileged marking is printed too.
    pub privileged: bool,
    /// The profile's marking for legally privileged documents.
    pub privileged_marking: &'a str,
    /// Who the page speaks for.
    pub authority: Authority<'a>,
    /// The logo's path in the template's world, when the profile has one.
    pub logo: Option<String>,
    /// "casepack 0.1.0".
    pub generator: String,
}

/// Who a page speaks for.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Authority<'a> {
    /// One council, with the team writing and how to reach it.
    Council {
        /// The council.
        name: &'a str,
        /// Its service ("Children's Services").
        service: &'a Option<String>,
        /// The team writing.
        team: &'a str,
        /// Its address, line by line.
        address: &'a [String],
        /// Its phone number.
        phone: &'a str,
        /// Its email.
        email: &'a str,
    },
    /// The councils of a sheet's cases.
    Councils {
        /// Their names.
        name: String,
        /// The service, when there is one council.
        service: Option<String>,
    },
}

impl<'a> Meta<'a> {
    /// Page furniture from `profile`: its markings (or `marking`, for a
    /// sheet of several profiles' cases), its logo, for `authority`.
    pub fn new(
        profile: &'a Profile,
        title: &'a str,
        reference: String,
        date: Date,
        marking: String,
        privileged: bool,
        authority: Authority<'a>,
    ) -> Meta<'a> {
        Meta {
            title,
            reference,
            date: date.medium(),
            marking,
            privileged,
            privileged_marking: &profile.privileged_marking,
            authority,
            logo: profile
                .letterhead
                .as_ref()
                .and_then(|l| l.logo.as_ref())
                .map(|(ext, _)| format!("{}.{ext}", crate::templates::LOGO_PATH)),
            generator: format!("casepack {}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// As JSON, for a document's data.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// What every template reads under `meta` for a document of `case`.
pub(super) fn meta(
    case: &Case,
    profile: &Profile,
    title: &str,
    privileged: bool,
    date: Date,
) -> Value {
    let la = &case.local_authority;
    // A profile's letterhead speaks for the council; the case keeps the team.
    let (name, service, address, phone, email) = match &profile.letterhead {
        Some(l) => (&l.name, &l.service, &l.address, &l.phone, &l.email),
        None => (&la.name, &la.service, &la.address, &la.phone, &la.email),
    };
    let authority = Authority::Council {
        name,
        service,
        team: &la.team,
        address,
        phone,
        email,
    };
    Meta::new(
        profile,
        title,
        case.reference.clone(),
        date,
        profile.protective_marking.clone(),
        privileged,
        authority,
    )
    .to_value()
}
