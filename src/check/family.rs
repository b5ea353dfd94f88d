//! What must be true of the people before anything is written to them:
//! every child born or expected (and an expected date not yet passed),
//! someone holding parental responsibility for every child born, a decision
//! about writing to each parent without it, an address for every letter
//! (or, for a letter handed over, how the social worker reaches them), a
//! family name to greet each by, a telephone number on every letter, and
//! no contact details shared with someone the case marks as abusive.

use crate::case::{Date, Family, Greeting, Letters, Reader};
use crate::diagnostics::Finding;

/// Every finding about the people of a resolved family, as at `today`.
pub(super) fn people(family: &Family, today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    let case = family.case();
    for (i, p) in case.people.iter().enumerate() {
        if p.born.is_some() && p.expected.is_some() {
            out.push(
                Finding::error(
                    "child-date",
                    format!("people[{i}].expected"),
                    format!("{} has both a date of birth and an expected date of delivery", p.name),
                )
                .help("once a baby is born, replace `expected` with `born` (and give the baby's name)"),
            );
        }
    }
    for &c in family.children() {
        let p = family.person(c);
        let at = format!("people[{c}]");
        match (p.born, p.expected) {
            (None, None) => out.push(
                Finding::error(
                    "child-date",
                    &at,
                    format!("{} has neither a date of birth nor an expected date of delivery", p.name),
                )
                .help("add `born:`, or `expected:` for an unborn child"),
            ),
            (None, Some(due)) if due < today => out.push(
                Finding::error(
                    "unborn-past-due",
                    format!("{at}.expected"),
                    format!(
                        "{}'s expected date of delivery, {}, has passed",
                        p.name,
                        due.long()
                    ),
                )
                .help("if the baby has been born, record the birth before making any document: replace `expected` with `born` and give the baby's name; if not, update `expected` to the new date"),
            ),
            (Some(born), _) if born.day().is_some_and(|d| d > case.lpm.date) => out.push(
                Finding::error(
                    "date-order",
                    format!("{at}.born"),
                    format!(
                        "{}'s date of birth ({}) is after the LPM ({})",
                        p.name,
                        born.medium(),
                        case.lpm.date.medium()
                    ),
                )
                .help("check the date of birth; for an unborn child use `expected`"),
            ),
            _ => {}
        }
        let holders: Vec<usize> = (0..case.people.len())
            .filter(|&a| family.responsibility_of(a).contains(&c))
            .collect();
        if p.unborn() {
            for a in holders {
                let j = case.people[a]
                    .parental_responsibility
                    .iter()
                    .position(|x| x == &p.id)
                    .unwrap_or(0);
                out.push(
                    Finding::error(
                        "responsibility-before-birth",
                        format!("people[{a}].parental_responsibility[{j}]"),
                        format!(
                            "no one holds parental responsibility for {} before the birth",
                            p.name
                        ),
                    )
                    .help("remove the unborn child from this list; to write to an expectant parent, give them `letters: true`")
                    .source("Children Act 1989 s2"),
                );
            }
        } else if holders.is_empty() {
            out.push(
                Finding::error(
                    "no-parental-responsibility",
                    &at,
                    format!("no one in the case holds parental responsibility for {}", p.name),
                )
                .help(format!(
                    "add `parental_responsibility: [{}]` to the entry of their mother and of everyone else who holds it (letters go to them)",
                    p.id
                ))
                .source("Children Act 1989 ss2–4"),
            );
        }
    }
    for a in family.adults() {
        let p = family.person(a);
        if p.letters.is_none() && family.responsibility_of(a).is_empty() {
            let kids = family.connected_children(a);
            let only_unborn = kids.iter().all(|&c| family.person(c).unborn());
            let who = family
                .relationship(a, false)
                .unwrap_or_else(|| "a parent".to_string());
            let message = if only_unborn {
                format!(
                    "{} is {who}; no one holds parental responsibility before a birth, so the case must say whether to write to them",
                    p.name
                )
            } else {
                format!(
                    "{} is {who} but holds no parental responsibility, and the case does not say whether to write to them",
                    p.name
                )
            };
            out.push(
                Finding::error("letters-undecided", format!("people[{a}]"), message)
                    .help("add `letters: true` to write to them (the PLO expects parents without parental responsibility to be involved too), or `letters: false`")
                    .source("Children Act 1989 ss2–4; DOMAIN \"Families are not one unit\""),
            );
        }
    }
    for (i, p) in case.people.iter().enumerate() {
        if p.letters.is_some_and(Letters::written) && family.connected_children(i).is_empty() {
            out.push(
                Finding::error(
                    "letters-to-whom",
                    format!("people[{i}].letters"),
                    format!(
                        "{} is not a parent of, and holds no parental responsibility for, any of the case's children, so there is no letter to write to them",
                        p.name
                    ),
                )
                .help("letters go to the children's parents and those with parental responsibility; remove `letters: true`, or link them to the children"),
            );
        }
    }
    let recipients = family.recipients();
    for &r in &recipients {
        let p = family.person(r);
        match &p.custody {
            Some(c) if c.address.is_empty() => out.push(
                Finding::error(
                    "no-address",
                    format!("people[{r}].custody.address"),
                    format!("{} is in custody at {}, but its address is missing", p.name, c.establishment),
                )
                .help("give the establishment's postal address, one line per item: the letter goes there"),
            ),
            None if p.address.is_empty() && !family.by_hand(r) => out.push(
                Finding::error(
                    "no-address",
                    format!("people[{r}]"),
                    format!("the case writes to {}, but gives no address for the letter", p.name),
                )
                .help("add `address:` (one line per item), or `custody:` for someone in prison; for someone with no fixed address, `letters: by-hand` and `how_to_reach:` (how the social worker finds them to hand letters over)"),
            ),
            _ => {}
        }
        if family.by_hand(r)
            && p.how_to_reach
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            out.push(
                Finding::warning(
                    "how-to-reach",
                    format!("people[{r}].letters"),
                    format!("{}'s letters are handed to them, but the case does not say how the social worker reaches them", p.name),
                )
                .help("add `how_to_reach:` in words, e.g. `how_to_reach: \"Through the Greyford day centre, Tuesdays and Thursdays\"`: it goes on the social worker's list of letters to hand over, and in no other pack"),
            );
        }
        if let Greeting::Unsure(opens) = p.greeting() {
            out.push(
                Finding::warning(
                    "family-name",
                    format!("people[{r}].name"),
                    format!("casepack cannot tell {}'s family name from their name, so letters to them open \"{opens}\"", p.name),
                )
                .help(format!(
                    "add `family_name:` as they write it, e.g. `family_name: \"{}\"`, for \"Dear {} …\"; or `greeting:` for the whole opening, e.g. `greeting: \"Dear {}\"`",
                    example_family_name(p.name_alone()),
                    p.title_given().unwrap_or("Ms"),
                    p.name_alone().split_whitespace().next().unwrap_or("Kerry"),
                )),
            );
        }
    }
    for (i, p) in case.people.iter().enumerate() {
        for (j, r) in p.share_contact_with.iter().enumerate() {
            if let Reader::Person(id) = r
                && let Some(o) = family.index_of(id.as_str())
                && family.abuse_between(i, o)
            {
                out.push(
                    Finding::error(
                        "shared-with-abuser",
                        format!("people[{i}].share_contact_with[{j}]"),
                        format!(
                            "{}'s contact details cannot be shared with {}: the case marks domestic abuse between them",
                            p.name,
                            family.person(o).name
                        ),
                    )
                    .help("remove them from `share_contact_with`"),
                );
            }
        }
    }
    let team = family.team();
    let (sw, tm) = (
        family.person(team.social_worker),
        family.person(team.team_manager),
    );
    if !recipients.is_empty() && sw.phone.is_none() && tm.phone.is_none() {
        out.push(
            Finding::error(
                "no-contact-number",
                format!("people[{}]", team.social_worker),
                format!(
                    "the letters to the parents would give no telephone number to call: neither {} (social worker) nor {} (team manager) has one",
                    sw.name, tm.name
                ),
            )
            .help("add `phone:` to the social worker's entry in `people` (and the team manager's): a letter must say who to call")
            .source("001 \"Letter before Proceedings\" (who to contact)"),
        );
    }
    out
}

/// The words after the first of `name`, as an example of a family name to
/// write (the case says which it is; this is only the example's wording).
fn example_family_name(name: &str) -> &str {
    match name.split_once(char::is_whitespace) {
        Some((_, rest)) => rest.trim(),
        None => name,
    }
}
