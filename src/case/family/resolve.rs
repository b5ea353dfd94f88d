//! Resolving a case's people: every id looked up once, every reference
//! that names no one (or a person as their own ancestor) a finding.

use std::collections::BTreeMap;

use super::{Family, Link, Team};
use crate::case::model::Case;
use crate::case::people::{ParentKind, PartnershipStatus, PersonId};
use crate::diagnostics::{Finding, nearest};

impl<'a> Family<'a> {
    /// Resolves every id in the case, or says which ids name nobody (and
    /// which people are listed as their own ancestor).
    pub fn resolve(case: &'a Case) -> Result<Family<'a>, Vec<Finding>> {
        let mut out = Vec::new();
        let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, p) in case.people.iter().enumerate() {
            if crate::case::people::RESERVED_IDS.contains(&p.id.as_str()) {
                out.push(
                    Finding::error(
                        "reserved-id",
                        format!("people[{i}].id"),
                        format!("`{}` cannot be a person's id: the case uses it for a group of readers or a party", p.id),
                    )
                    .help("choose another id, e.g. the person's first name"),
                );
            }
            if by_id.insert(p.id.as_str(), i).is_some() {
                out.push(
                    Finding::error(
                        "duplicate-id",
                        format!("people[{i}].id"),
                        format!("the id `{}` is used twice", p.id),
                    )
                    .help("give each person their own id"),
                );
                // The first keeps the id.
                by_id.insert(
                    p.id.as_str(),
                    case.people.iter().position(|q| q.id == p.id).unwrap_or(i),
                );
            }
        }
        let ids: Vec<&str> = case.people.iter().map(|p| p.id.as_str()).collect();
        let find = |id: &PersonId, path: String, out: &mut Vec<Finding>| -> Option<usize> {
            let found = by_id.get(id.as_str()).copied();
            if found.is_none() {
                out.push(unknown(id, path, &ids));
            }
            found
        };
        let mut children = Vec::new();
        for (k, id) in case.children.iter().enumerate() {
            if let Some(c) = find(id, format!("children[{k}]"), &mut out) {
                if children.contains(&c) {
                    out.push(Finding::error(
                        "duplicate-id",
                        format!("children[{k}]"),
                        format!("`{id}` is listed twice among the children"),
                    ));
                } else {
                    children.push(c);
                }
            }
        }
        let meetings = [
            ("lpm", Some(&case.lpm.attendees)),
            ("meeting", case.meeting.as_ref().map(|m| &m.attendees)),
        ];
        for (at, attendees) in meetings {
            for (k, a) in attendees.into_iter().flatten().enumerate() {
                let path = format!("{at}.attendees[{k}]");
                if let Some(id) = &a.id {
                    find(id, format!("{path}.id"), &mut out);
                }
                if let Some(id) = &a.helps {
                    find(id, format!("{path}.for"), &mut out);
                }
                let solicitor = a.comes_as == Some(crate::case::lpm::Helper::Solicitor)
                    && a.helps
                        .as_ref()
                        .and_then(|id| by_id.get(id.as_str()))
                        .is_some_and(|&p| case.people[p].solicitor.is_some());
                if a.id.is_none() && a.name.is_none() && !solicitor {
                    out.push(
                        Finding::error("attendee-unnamed", path.clone(), "this attendee has no name")
                            .help("name a person of the case by `id`, or give a `name` and `role` for anyone else"),
                    );
                } else if a.id.is_none() && a.role.is_none() && a.comes_as.is_none() {
                    out.push(
                        Finding::error("attendee-unnamed", format!("{path}.name"), "this attendee has no role")
                            .help("give their `role`, or say what they come as and for whom (`as: advocate, for: <parent's id>`)"),
                    );
                }
                if a.comes_as.is_some() != a.helps.is_some() {
                    out.push(
                        Finding::error(
                            "attendee-unnamed",
                            path.clone(),
                            "`as` and `for` go together: what they come as, and for which parent",
                        )
                        .help("e.g. `{ as: advocate, for: lena, name: Jo Price }`"),
                    );
                }
            }
        }
        let mut parents = vec![Vec::new(); case.people.len()];
        let mut pr = vec![Vec::new(); case.people.len()];
        let mut links: Vec<Link> = Vec::new();
        for (i, p) in case.people.iter().enumerate() {
            for (j, link) in p.parents.iter().enumerate() {
                let path = format!("people[{i}].parents[{j}]");
                if link.id == p.id {
                    out.push(Finding::error(
                        "unknown-person",
                        path,
                        format!("`{}` is listed as their own parent", p.id),
                    ));
                } else if let Some(q) = find(&link.id, path, &mut out) {
                    parents[i].push((q, link.kind));
                }
            }
            for (j, c) in p.parental_responsibility.iter().enumerate() {
                let path = format!("people[{i}].parental_responsibility[{j}]");
                if let Some(c) = find(c, path.clone(), &mut out) {
                    if children.contains(&c) {
                        pr[i].push(c);
                    } else {
                        out.push(
                            Finding::error(
                                "not-a-child-of-the-case",
                                path,
                                format!(
                                    "`{}` is not one of the case's `children`: list here only the children the case is about that {} holds parental responsibility for",
                                    case.people[c].id, p.name
                                ),
                            )
                            .help("add the child to `children`, or remove them from this list"),
                        );
                    }
                }
            }
            for (j, partner) in p.partners.iter().enumerate() {
                let path = format!("people[{i}].partners[{j}].with");
                if partner.with == p.id {
                    out.push(Finding::error(
                        "unknown-person",
                        path,
                        format!("`{}` is listed as their own partner", p.id),
                    ));
                    continue;
                }
                let Some(q) = find(&partner.with, path.clone(), &mut out) else {
                    continue;
                };
                let (a, b) = (i.min(q), i.max(q));
                match links.iter_mut().find(|l| l.a == a && l.b == b) {
                    Some(l) if l.status != partner.status => out.push(
                        Finding::error(
                            "partnership-conflict",
                            format!("people[{i}].partners[{j}].status"),
                            format!(
                                "{} and {} are written as partners twice, once `{}` and once `{}`",
                                case.people[a].name,
                                case.people[b].name,
                                status_word(l.status),
                                status_word(partner.status)
                            ),
                        )
                        .help("write the partnership once, on either of them"),
                    ),
                    Some(l) => l.domestic_abuse |= partner.domestic_abuse,
                    None => links.push(Link {
                        a,
                        b,
                        status: partner.status,
                        domestic_abuse: partner.domestic_abuse,
                    }),
                }
            }
            for (j, r) in p.share_contact_with.iter().enumerate() {
                if let crate::case::people::Reader::Person(id) = r {
                    find(id, format!("people[{i}].share_contact_with[{j}]"), &mut out);
                }
            }
        }
        let mut households = Vec::new();
        let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
        for (h, house) in case.households.iter().enumerate() {
            let mut members = Vec::new();
            for (k, id) in house.members.iter().enumerate() {
                let path = format!("households[{h}].members[{k}]");
                let Some(m) = find(id, path.clone(), &mut out) else {
                    continue;
                };
                if let Some(other) = seen.insert(m, h) {
                    out.push(
                        Finding::error(
                            "two-households",
                            path,
                            format!(
                                "{} is listed in {} households",
                                case.people[m].name,
                                if other == h {
                                    "this household twice, or"
                                } else {
                                    "two"
                                }
                            ),
                        )
                        .help(
                            "list each person in the one household they live in most of the time",
                        ),
                    );
                } else {
                    members.push(m);
                }
            }
            households.push(members);
        }
        let pros = &case.professionals;
        let team = (
            find(
                &pros.social_worker,
                "professionals.social_worker".into(),
                &mut out,
            ),
            find(
                &pros.team_manager,
                "professionals.team_manager".into(),
                &mut out,
            ),
            find(
                &pros.head_of_service,
                "professionals.head_of_service".into(),
                &mut out,
            ),
            find(
                &pros.legal_adviser,
                "professionals.legal_adviser".into(),
                &mut out,
            ),
        );
        let guardian = case
            .proceedings
            .as_ref()
            .and_then(|p| p.guardian.as_ref())
            .and_then(|g| find(g, "proceedings.guardian".into(), &mut out));
        let child_ids = |list: &[PersonId], at: &str, out: &mut Vec<Finding>| {
            for (k, id) in list.iter().enumerate() {
                let path = format!("{at}.children[{k}]");
                if let Some(c) = find(id, path.clone(), out)
                    && !children.contains(&c)
                {
                    out.push(Finding::error(
                        "not-a-child-of-the-case",
                        path,
                        format!("`{id}` is not one of the case's `children`"),
                    ));
                }
            }
        };
        for (k, w) in case.worries.iter().enumerate() {
            child_ids(&w.children, &format!("worries[{k}]"), &mut out);
        }
        for (k, s) in case.support.iter().enumerate() {
            child_ids(&s.children, &format!("support[{k}]"), &mut out);
        }
        for (k, p) in case.plan.iter().enumerate() {
            child_ids(&p.children, &format!("plan[{k}]"), &mut out);
        }
        for (k, a) in case.assessments.iter().enumerate() {
            child_ids(&a.children, &format!("assessments[{k}]"), &mut out);
        }
        for (k, c) in case.kinship.iter().enumerate() {
            find(&c.person, format!("kinship[{k}].person"), &mut out);
            if let Some(by) = &c.put_forward_by {
                find(by, format!("kinship[{k}].put_forward_by"), &mut out);
            }
        }
        if let Some(p) = &case.proceedings {
            for (k, pos) in p.positions.iter().enumerate() {
                if !matches!(pos.party.as_str(), "local-authority" | "guardian")
                    && !by_id.contains_key(pos.party.as_str())
                {
                    let mut names: Vec<&str> = vec!["local-authority", "guardian"];
                    names.extend(&ids);
                    out.push(unknown(&pos.party, format!("proceedings.positions[{k}].party"), &names).help(
                        match nearest(pos.party.as_str(), &names) {
                            Some(n) => format!("did you mean `{n}`? A party is `local-authority`, `guardian` (the children, through their guardian) or a person's id"),
                            None => "a party is `local-authority`, `guardian` (the children, through their guardian) or a person's id from `people`".into(),
                        },
                    ));
                }
            }
        }
        if let Some(i) = first_in_a_loop(&parents) {
            out.push(
                Finding::error(
                    "family-loop",
                    format!("people[{i}].parents"),
                    format!(
                        "`{}` is their own ancestor: the parents listed go round in a loop",
                        case.people[i].id
                    ),
                )
                .help("check the `parents` of the people in the loop"),
            );
        }
        let (Some(social_worker), Some(team_manager), Some(head_of_service), Some(legal_adviser)) =
            team
        else {
            return Err(out);
        };
        if !out.is_empty() {
            return Err(out);
        }
        Ok(Family {
            case,
            by_id,
            children,
            parents,
            pr,
            links,
            households,
            team: Team {
                social_worker,
                team_manager,
                head_of_service,
                legal_adviser,
                guardian,
            },
        })
    }
}

fn status_word(s: PartnershipStatus) -> &'static str {
    match s {
        PartnershipStatus::Married => "married",
        PartnershipStatus::Partners => "partners",
        PartnershipStatus::Separated => "separated",
        PartnershipStatus::Divorced => "divorced",
    }
}

/// An error for an id that names no one, with the nearest id.
fn unknown(id: &PersonId, path: String, ids: &[&str]) -> Finding {
    let f = Finding::error(
        "unknown-person",
        path,
        format!("`{id}` is not the id of anyone in `people`"),
    );
    match nearest(id.as_str(), ids) {
        Some(near) => f.help(format!("did you mean `{near}`?")),
        None => f.help("add the person to `people` with this id, or use the id they have there"),
    }
}

/// The index of a person whose line of parents leads back to them, if any.
fn first_in_a_loop(parents: &[Vec<(usize, ParentKind)>]) -> Option<usize> {
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; parents.len()];
    fn visit(i: usize, parents: &[Vec<(usize, ParentKind)>], state: &mut [u8]) -> bool {
        match state[i] {
            1 => return true,
            2 => return false,
            _ => {}
        }
        state[i] = 1;
        for &(p, _) in &parents[i] {
            if visit(p, parents, state) {
                return true;
            }
        }
        state[i] = 2;
        false
    }
    (0..parents.len()).find(|&i| state[i] == 0 && visit(i, parents, &mut state))
}
