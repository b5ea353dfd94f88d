//! Who a step makes responsible, read from its `responsible` words with the
//! profile's roles (the same words that recognise an attendee), and who
//! holds each role in the case: the case's social worker, team manager,
//! head of service or legal adviser, where the profile ties the role to one.

use crate::case::Case;
use crate::profile::Profile;

/// The posts whose steps the report lists first, in this order: a team
/// meeting goes through the social workers' steps, then the team
/// manager's, then legal's. They are the case format's `professionals`.
const FIRST: [&str; 3] = ["social_worker", "team_manager", "legal_adviser"];

/// One role a step names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRole {
    /// The profile's id for the role.
    pub id: String,
    /// What the profile calls it ("The child's social worker").
    pub name: String,
    /// The case's post that holds it (`social_worker`, …), if the profile
    /// ties it to one.
    pub post: Option<String>,
    /// Who holds that post in this case.
    pub person: Option<String>,
    /// Its place among its profile's roles.
    pub place: usize,
}

/// Who a step makes responsible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsible {
    /// As the profile writes it ("Social worker, team manager").
    pub text: String,
    /// The roles it names, in the order it names them; the first leads.
    pub roles: Vec<NamedRole>,
}

/// Where a group comes in the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Rank {
    /// One of the [`FIRST`] posts, by its place there.
    Post(usize),
    /// Another role: its place in its profile's roles, and its id.
    Role(usize, String),
    /// Words that name no role of the profile ("Court"), as written.
    Unnamed(String),
}

impl Rank {
    /// Whether two rows with these ranks belong in one group: the same
    /// post, the same role id, or the same words.
    pub(super) fn same_group(&self, other: &Rank) -> bool {
        match (self, other) {
            (Rank::Post(a), Rank::Post(b)) => a == b,
            (Rank::Role(_, a), Rank::Role(_, b)) => a == b,
            (Rank::Unnamed(a), Rank::Unnamed(b)) => a == b,
            _ => false,
        }
    }
}

impl Responsible {
    /// The roles `text` names, by the words of `profile`'s roles, with
    /// who holds each in `case`. Of roles named at the same place the one
    /// matching more words wins ("supervising social worker" is the
    /// fostering service's, not the child's social worker).
    pub fn of(text: &str, case: &Case, profile: &Profile) -> Responsible {
        let mut found: Vec<(usize, usize, usize)> = profile
            .roles
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.found_in(text).map(|(at, len)| (at, len, i)))
            .collect();
        found.sort_by_key(|&(at, len, i)| (at, std::cmp::Reverse(len), i));
        let mut end = 0;
        let mut roles = Vec::new();
        for (at, len, i) in found {
            if at < end {
                // Inside a longer role's words already taken.
                continue;
            }
            end = at + len;
            let role = &profile.roles[i];
            let person = role
                .professional
                .as_deref()
                .and_then(|post| case.professionals.holder(post))
                .and_then(|id| case.people.iter().find(|p| &p.id == id))
                .map(|p| p.name.clone());
            roles.push(NamedRole {
                id: role.id.clone(),
                name: role.name.clone(),
                post: role.professional.clone(),
                person,
                place: i,
            });
        }
        Responsible {
            text: text.to_string(),
            roles,
        }
    }

    /// The role that leads (named first), as the profile calls it, or the
    /// words as written when they name no role.
    pub fn lead(&self) -> &str {
        self.roles.first().map_or(&self.text, |r| &r.name)
    }

    /// The post of the role that leads, if the case has one for it.
    pub fn post(&self) -> Option<&str> {
        self.roles.first().and_then(|r| r.post.as_deref())
    }

    /// The people who hold the roles named, in order, each once.
    pub fn people(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in self.roles.iter().filter_map(|r| r.person.as_deref()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// Where this step's group comes: the social worker's, team manager's
    /// and legal adviser's first, then other roles in their profile's
    /// order, then words naming no role.
    pub(super) fn rank(&self) -> Rank {
        match self.roles.first() {
            None => Rank::Unnamed(self.text.clone()),
            Some(r) => match r
                .post
                .as_deref()
                .and_then(|p| FIRST.iter().position(|f| *f == p))
            {
                Some(i) => Rank::Post(i),
                None => Rank::Role(r.place, r.id.clone()),
            },
        }
    }
}
