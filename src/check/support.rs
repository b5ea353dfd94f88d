//! Help a parent needs at a meeting: when the case says a parent needs an
//! interpreter or an advocate, a meeting parents attend (its type lists the
//! `parents` role) should have one among its attendees. The letters tell
//! the parent one will be there, so a meeting without one is worth a
//! warning before the letter goes out. And two people the case marks as
//! having domestic abuse between them should not be asked to the same
//! meeting without a plan to keep them apart. The list of solicitors the
//! letters offer parents is only help if it is current.

use crate::case::{Case, Date, Family, Helper, Present};
use crate::diagnostics::Finding;
use crate::profile::{Profile, SelectedMeeting};

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
    // A meeting parents attend names a role any parent fills.
    if !a
        .required
        .iter()
        .chain(&a.optional)
        .any(|&r| profile.role(r).parents)
    {
        return Vec::new();
    }
    // Ids that name no one are `validate`'s findings.
    let Ok(family) = Family::resolve(case) else {
        return Vec::new();
    };
    let present: Vec<Present> = meeting
        .attendees
        .iter()
        .map(|a| family.present(a))
        .collect();
    // Someone who comes as help for a parent, or (written as role text)
    // for no parent in particular.
    let helping = |i: usize, h: Helper, word: &str| -> Vec<String> {
        present
            .iter()
            .filter(|x| match x.helps {
                Some((as_, p)) => as_ == h && p == i,
                None => x.role.to_lowercase().contains(word),
            })
            .map(|x| x.role.to_lowercase())
            .collect()
    };
    let mut out = abuse_at_meeting(&family, &present, &kind.short);
    for i in family.adults() {
        let p = family.person(i);
        // "The mother's advocate", where one word says who she is.
        let whose = match family.relationship(i, true) {
            Some(r) if !r.contains(' ') => format!("the {r}'s"),
            _ => format!("{}'s", p.name),
        };
        if let Some(language) = &p.interpreter {
            let lang = language.to_lowercase();
            let booked = helping(i, Helper::Interpreter, "interpreter")
                .iter()
                .any(|r| r.contains(&lang) || !mentions_other_language(r, &lang));
            if !booked {
                out.push(
                    Finding::warning(
                        "interpreter-not-booked",
                        format!("people[{i}].interpreter"),
                        format!(
                            "{whose} {language} interpreter is not at the {}: {} needs a {language} interpreter and none for them is among its attendees",
                            kind.short, p.name
                        ),
                    )
                    .help(format!(
                        "book one and add them to the attendees, e.g. `- {{ as: interpreter, for: {}, name: … }}`; the letter tells {} one will be there",
                        p.id, p.name
                    ))
                    .source(a.source.clone()),
                );
            }
        }
        let no_advocate = helping(i, Helper::Advocate, "advocate").is_empty();
        if p.easy_read && no_advocate {
            // Easy Read beside the formal letter is not enough on its
            // own: someone on their side goes through it with them.
            out.push(
                Finding::warning(
                    "easy-read-advocate",
                    format!("people[{i}].easy_read"),
                    format!(
                        "{whose} advocate is not at the {}: {} needs Easy Read, and no advocate for them is among its attendees to go through the letters with them",
                        kind.short, p.name
                    ),
                )
                .help(format!(
                    "arrange an advocate and add them to the attendees, e.g. `- {{ as: advocate, for: {}, name: … }}`; the Easy Read letter then says who will go through it with {}",
                    p.id, p.name
                ))
                .source(profile.easy_read.advocate_source.clone()),
            );
            continue;
        }
        if p.advocate && no_advocate {
            out.push(
                Finding::warning(
                    "advocate-not-booked",
                    format!("people[{i}].advocate"),
                    format!(
                        "{whose} advocate is not at the {}: {} needs an advocate and none for them is among its attendees",
                        kind.short, p.name
                    ),
                )
                .help(format!(
                    "arrange one and add them to the attendees, e.g. `- {{ as: advocate, for: {}, name: … }}`; the letter tells {} one will be there",
                    p.id, p.name
                ))
                .source(a.source.clone()),
            );
        }
    }
    out
}

/// A warning for each pair with domestic abuse between them who are both
/// among the meeting's attendees.
fn abuse_at_meeting(family: &Family, present: &[Present], short: &str) -> Vec<Finding> {
    let attending = |i: usize| {
        let name = family.person(i).name.trim().to_lowercase();
        present
            .iter()
            .any(|a| a.person == Some(i) || a.name.trim().to_lowercase() == name)
    };
    family
        .links()
        .iter()
        .filter(|l| l.domestic_abuse && attending(l.a) && attending(l.b))
        .map(|l| {
            let (a, b) = (family.person(l.a), family.person(l.b));
            Finding::warning(
                "abuse-at-meeting",
                "meeting.attendees",
                format!(
                    "{} and {} are both asked to the {short}, and the case marks domestic abuse between them",
                    a.name, b.name
                ),
            )
            .help("hold separate meetings, or plan separate rooms, arrivals and departures; never share one's address or contact details with the other")
        })
        .collect()
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

/// A warning when the letters offer parents the authority's list of local
/// solicitors and the case does not say when it was last checked, or it
/// was checked longer ago than the profile allows.
pub fn solicitors_list(case: &Case, profile: &Profile, today: Date) -> Option<Finding> {
    let rule = profile.solicitors_list.as_ref()?;
    if case.letter_before_proceedings.is_none() && case.letter_of_issue.is_none() {
        return None;
    }
    let path = "local_authority.solicitors_list_checked";
    let help = format!(
        "check the list of local family-law solicitors and record the date as `{path}: YYYY-MM-DD`"
    );
    let finding = match case.local_authority.solicitors_list_checked {
        None => Finding::warning(
            "solicitors-list",
            "local_authority",
            "the letters offer parents a list of local solicitors, and the case does not say when it was last checked".to_string(),
        ),
        Some(checked) => {
            let limit = today
                .0
                .checked_sub_months(chrono::Months::new(rule.fresh_months))?;
            if checked.0 >= limit {
                return None;
            }
            Finding::warning(
                "solicitors-list",
                path,
                format!(
                    "the list of local solicitors the letters offer parents was last checked on {}, more than {} months before {}",
                    checked.long(),
                    rule.fresh_months,
                    today.long()
                ),
            )
        }
    };
    Some(finding.help(help).source(rule.source.clone()))
}
