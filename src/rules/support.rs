//! Help a parent needs at a meeting: when the case says a parent needs an
//! interpreter or an advocate, a meeting parents attend (its type lists the
//! `parents` role) should have one among its attendees. The letters tell
//! the parent one will be there, so a meeting without one is worth a
//! warning before the letter goes out.

use super::{Profile, SelectedMeeting};
use crate::case::Case;
use crate::diagnostics::Finding;

/// Warnings for each parent whose interpreter or advocate the meeting does
/// not list.
pub fn support_at_meeting(
    case: &Case,
    profile: &Profile,
    meeting: &SelectedMeeting,
) -> Vec<Finding> {
    let Some(kind) = profile.meeting(&meeting.id) else {
        return Vec::new();
    };
    let a = &kind.attendees;
    if !a.required.iter().chain(&a.optional).any(|r| r == "parents") {
        return Vec::new();
    }
    let roles: Vec<String> = meeting
        .attendees
        .iter()
        .map(|x| x.role.to_lowercase())
        .collect();
    let mut out = Vec::new();
    for (i, p) in case.parents.iter().enumerate() {
        if let Some(language) = &p.interpreter {
            let lang = language.to_lowercase();
            let booked = roles.iter().any(|r| {
                r.contains("interpreter")
                    && (r.contains(&lang) || !mentions_other_language(r, &lang))
            });
            if !booked {
                out.push(
                    Finding::warning(
                        "interpreter-not-booked",
                        format!("parents[{i}].interpreter"),
                        format!(
                            "{} needs a {language} interpreter, but the {} lists none among its attendees",
                            p.name, kind.short
                        ),
                    )
                    .help(format!(
                        "book one and add them to `meeting.attendees`, e.g. `- {{ name: …, role: {language} interpreter }}`; the letter tells {} one will be there",
                        p.name
                    ))
                    .source(a.source.clone()),
                );
            }
        }
        if p.advocate && !roles.iter().any(|r| r.contains("advocate")) {
            out.push(
                Finding::warning(
                    "advocate-not-booked",
                    format!("parents[{i}].advocate"),
                    format!(
                        "{} needs an advocate, but the {} lists none among its attendees",
                        p.name, kind.short
                    ),
                )
                .help(format!(
                    "arrange one and add them to `meeting.attendees`, e.g. `- {{ name: …, role: Advocate for {} }}`; the letter tells {} one will be there",
                    p.name, p.name
                ))
                .source(a.source.clone()),
            );
        }
    }
    out
}

/// Whether an interpreter's role names a language, and not `lang`: "Polish
/// interpreter" for a parent who needs Romanian. A role naming no language
/// ("Interpreter") may be theirs.
fn mentions_other_language(role: &str, lang: &str) -> bool {
    let words: Vec<&str> = role
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && *w != "interpreter" && *w != "for" && *w != "the")
        .collect();
    !words.is_empty() && !words.iter().any(|w| lang.contains(w))
}
