//! What a meeting's pack must hold, checked one kind at a time against the
//! case: a document's fields, an attachment and its freshness, the
//! chronology's last entry, the genogram's generations, a filled-in field.
//! Each returns where the finding belongs and why, or nothing when met.

use super::meeting::lower_first;
use crate::case::{Case, Date, Family, Filled};
use crate::diagnostics::Severity;
use crate::profile::Profile;
use crate::profile::explain::local_setting;

/// Evidence that is there but older than a limit: the limit's own source
/// and severity, which are not the requirement's when the limit is the
/// authority's setting rather than the procedure's.
pub(super) struct Stale {
    /// Where the limit comes from: the procedure, or this profile.
    pub source: String,
    /// How serious it is; `None` takes the requirement's.
    pub severity: Option<Severity>,
    /// Whether the limit is the authority's own setting (`local:`).
    pub local: bool,
}

impl Stale {
    /// A limit from `source` in `profile` (what it limits in words): a
    /// local one names the profile and is a warning unless `severity` says.
    fn new(profile: &Profile, what: &str, source: &str, severity: Option<Severity>) -> Self {
        match local_setting(source) {
            Some(why) => Self {
                source: format!(
                    "local limit of the `{}` profile ({what}), not the procedure's: {why}",
                    profile.profile
                ),
                severity: Some(severity.unwrap_or(Severity::Warning)),
                local: true,
            },
            None => Self {
                source: source.to_string(),
                severity,
                local: false,
            },
        }
    }
}

pub(super) fn document(
    filled: &Filled,
    profile: &Profile,
    started: &[&str],
    id: &str,
) -> Option<(String, String)> {
    let doc = profile.document(id)?;
    if let Some(t) = doc.timelines.first() {
        let timeline = profile.timelines.iter().find(|x| &x.id == t)?;
        return (!started.contains(&t.as_str())).then(|| {
            // The first start that is a case event says what to record.
            let event = timeline
                .starts
                .iter()
                .find_map(|s| crate::profile::event_name(s).map(|n| (s, n)));
            match event {
                Some((path, name)) => (
                    crate::profile::event_path(path).to_string(),
                    format!("it counts from {name}, which the case does not record yet"),
                ),
                None => (
                    String::new(),
                    format!("the case has not started the {}", timeline.title),
                ),
            }
        });
    }
    let missing: Vec<String> = doc
        .needs
        .iter()
        .filter(|p| !filled.at(p))
        .map(ToString::to_string)
        .collect();
    let first = missing.first()?;
    Some((
        first.to_string(),
        format!(
            "casepack cannot write \"{}\" without {}",
            doc.name,
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

pub(super) fn attachment(
    case: &Case,
    profile: &Profile,
    kinds: &[String],
    on: Date,
) -> Option<(String, String, Option<Stale>)> {
    let names: Vec<String> = kinds
        .iter()
        .filter_map(|k| profile.attachment_kind(k))
        .map(|k| lower_first(&k.name))
        .collect();
    let matching: Vec<(usize, &crate::case::Attachment)> = case
        .attachments
        .iter()
        .enumerate()
        .filter(|(_, a)| kinds.contains(&a.kind))
        .collect();
    if matching.is_empty() {
        return Some((
            "attachments".into(),
            format!("no {} attached", names.join(" or ")),
            None,
        ));
    }
    // The newest of the kinds decides whether the pack is up to date.
    let (i, newest) = matching.iter().max_by_key(|(_, a)| a.date)?;
    let kind = profile.attachment_kind(&newest.kind)?;
    let months = kind.fresh_months?;
    let limit = on.0.checked_sub_months(chrono::Months::new(months))?;
    (newest.date.0 < limit).then(|| {
        let source = kind.fresh_source.as_deref().unwrap_or(&kind.source);
        (
            format!("attachments[{i}].date"),
            format!(
                "the newest, \"{}\", is dated {}, more than {months} months before {}",
                newest.title,
                newest.date.long(),
                on.long()
            ),
            Some(Stale::new(
                profile,
                &format!("attachment_kinds[{}].fresh_months", kind.id),
                source,
                kind.fresh_severity,
            )),
        )
    })
}

pub(super) fn chronology(
    case: &Case,
    profile: &Profile,
    rule: &crate::profile::ChronologyRule,
    on: Date,
) -> Option<(String, String, Option<Stale>)> {
    let months = rule.within_months;
    let Some(last) = case.chronology.iter().map(|e| e.date).max() else {
        return Some((
            "chronology".into(),
            "the case has no chronology".into(),
            None,
        ));
    };
    let limit = on.0.checked_sub_months(chrono::Months::new(months))?;
    (last.0 < limit).then(|| {
        (
            "chronology".into(),
            format!(
                "its last entry is {}: nothing in the {months} months before {}",
                last.long(),
                on.long()
            ),
            rule.source.as_deref().map(|source| {
                Stale::new(profile, "chronology.within_months", source, rule.severity)
            }),
        )
    })
}

pub(super) fn genogram(family: &Family, generations: u32) -> Option<(String, String)> {
    if family.kin().len() <= family.children().len() {
        return Some((
            "people".into(),
            "the case lists no family beyond the children".into(),
        ));
    }
    let have = family.generations();
    (have < generations).then(|| {
        (
            "people".into(),
            format!(
                "the family listed spans {have} generation{}, not {generations}",
                if have == 1 { "" } else { "s" }
            ),
        )
    })
}
