//! Who is at a meeting, as the papers print them: a person of the case
//! named by id is printed with their name and a role worked out from the
//! case ("Social worker", "Mother of Ella and Finn"); someone who comes as
//! help for a parent is "Advocate for Lena Ward"; anyone else as written.

use super::Family;
use crate::case::lpm::{Attendee, Helper};

/// An attendee resolved against the case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Present {
    /// Their name as printed.
    pub name: String,
    /// Their role as printed.
    pub role: String,
    /// The person of the case they are, if named by id.
    pub person: Option<usize>,
    /// What they come as, and for which parent.
    pub helps: Option<(Helper, usize)>,
    /// Whether they were there, once recorded.
    pub attended: Option<bool>,
}

impl Family<'_> {
    /// `a` as the papers print them. An id or parent that names no one is
    /// `validate`'s finding; here it is printed as written.
    pub fn present(&self, a: &Attendee) -> Present {
        let person = a.id.as_ref().and_then(|id| self.index_of(id.as_str()));
        let parent = a.helps.as_ref().and_then(|id| self.index_of(id.as_str()));
        let helps = a.comes_as.zip(parent);
        let name = a
            .name
            .clone()
            .or_else(|| person.map(|i| self.person(i).name.clone()))
            .or_else(|| match helps {
                Some((Helper::Solicitor, p)) => {
                    self.person(p).solicitor.as_ref().map(|s| s.described())
                }
                _ => None,
            })
            .or_else(|| a.id.as_ref().map(|id| id.to_string()))
            .unwrap_or_default();
        let role = a
            .role
            .clone()
            .or_else(|| helps.map(|(h, p)| self.helper_role(h, p)))
            .or_else(|| person.and_then(|i| self.role_of(i)))
            .unwrap_or_default();
        Present {
            name,
            role,
            person,
            helps,
            attended: a.attended,
        }
    }

    /// "Swedish interpreter for Karl Lindqvist", "Advocate for Lena Ward".
    fn helper_role(&self, h: Helper, parent: usize) -> String {
        let p = self.person(parent);
        match (h, &p.interpreter) {
            (Helper::Interpreter, Some(language)) => {
                format!("{language} interpreter for {}", p.name)
            }
            (Helper::Supporter, _) => format!("Supporter of {}", p.name),
            _ => {
                let word = h.word();
                let mut w = word.chars();
                let first = w.next().map(|c| c.to_uppercase().collect::<String>());
                format!("{}{} for {}", first.unwrap_or_default(), w.as_str(), p.name)
            }
        }
    }

    /// A person's role at a meeting: their post, their job title, or who
    /// they are to the children.
    fn role_of(&self, i: usize) -> Option<String> {
        let t = self.team();
        let post = [
            (t.social_worker, "Social worker"),
            (t.team_manager, "Team manager"),
            (t.head_of_service, "Head of service"),
            (t.legal_adviser, "Legal adviser"),
        ]
        .into_iter()
        .find(|(k, _)| *k == i)
        .map(|(_, w)| w.to_string());
        let p = self.person(i);
        post.or_else(|| p.job_title.clone()).or_else(|| {
            self.relationship(i, false).map(|r| {
                let mut c = r.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            })
        })
    }
}
