//! How a letter greets and addresses someone: by the greeting the case
//! gives, else by title and family name, else by full name. A family name
//! is read from `name` only when there is no other way to read it (two
//! words, or initials between); "Siobhán O'Neill-Ó Súilleabháin" could be
//! Ms Súilleabháin or Ms O'Neill-Ó Súilleabháin, so the letter greets her
//! by full name until the case says which.

use super::Person;

/// How a letter to someone opens, and how casepack came to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Greeting {
    /// As the case gives it: `greeting`, or the title with `family_name`.
    Given(String),
    /// The title with the last word of the name, the only word it can be.
    Derived(String),
    /// By full name: there is no title to greet them by.
    FullName(String),
    /// By full name because the family name cannot be told from the name:
    /// the case should give `family_name`.
    Unsure(String),
}

impl Greeting {
    /// The words the letter opens with, e.g. "Dear Ms Hartley".
    pub fn text(&self) -> &str {
        match self {
            Greeting::Given(t) | Greeting::Derived(t) | Greeting::FullName(t) => t,
            Greeting::Unsure(t) => t,
        }
    }
}

/// Whether `word` is an initial or several: "J.", "J.R.".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || !c.is_uppercase() || chars.next() != Some('.') {
            return false;
        }
        any = true;
    }
    any
}

/// Whether `word` is `title`, however dotted or cased ("Dr", "dr.").
fn same_title(word: &str, title: &str) -> bool {
    let bare = |t: &str| t.trim_end_matches('.').to_lowercase();
    bare(word) == bare(title)
}

impl Person {
    /// Their title, when the case gives a non-blank one.
    pub fn title_given(&self) -> Option<&str> {
        self.title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// Their name without a leading title that repeats `title`
    /// ("Dr Amani Okafor" with `title: Dr` is "Amani Okafor").
    pub fn name_alone(&self) -> &str {
        let name = self.name.trim();
        match (self.title_given(), name.split_once(char::is_whitespace)) {
            (Some(t), Some((first, rest))) if same_title(first, t) => rest.trim_start(),
            _ => name,
        }
    }

    /// Their family name: as the case gives it, else the last word of the
    /// name when it can be no other (two words, or only initials between
    /// the first and the last). `None` when it cannot be told.
    pub fn family_name_or_derived(&self) -> Option<&str> {
        if let Some(f) = self.family_name.as_deref().map(str::trim)
            && !f.is_empty()
        {
            return Some(f);
        }
        let words: Vec<&str> = self.name_alone().split_whitespace().collect();
        match words.as_slice() {
            [_, middle @ .., last] if middle.iter().all(|w| is_initial(w)) => Some(last),
            _ => None,
        }
    }

    /// How a letter to them opens: `greeting` as given; else their title
    /// and family name; else, with a title but a name whose family name
    /// cannot be told, their full name (never a guess); without a title,
    /// their full name.
    pub fn greeting(&self) -> Greeting {
        if let Some(g) = self.greeting.as_deref().map(str::trim)
            && !g.is_empty()
        {
            return Greeting::Given(g.to_string());
        }
        let Some(title) = self.title_given() else {
            return Greeting::FullName(format!("Dear {}", self.name.trim()));
        };
        let given = self
            .family_name
            .as_deref()
            .is_some_and(|f| !f.trim().is_empty());
        match self.family_name_or_derived() {
            Some(f) if given => Greeting::Given(format!("Dear {title} {f}")),
            Some(f) => Greeting::Derived(format!("Dear {title} {f}")),
            None => Greeting::Unsure(format!("Dear {}", self.name_alone())),
        }
    }

    /// Who a letter is addressed to: "Ms Kerry Hartley", or the name alone
    /// without a title.
    pub fn addressee(&self) -> String {
        match self.title_given() {
            Some(t) => format!("{t} {}", self.name_alone()),
            None => self.name.trim().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(
        name: &str,
        title: Option<&str>,
        family: Option<&str>,
        greeting: Option<&str>,
    ) -> Person {
        let mut yaml = format!("id: p\nname: \"{name}\"\n");
        for (k, v) in [
            ("title", title),
            ("family_name", family),
            ("greeting", greeting),
        ] {
            if let Some(v) = v {
                yaml.push_str(&format!("{k}: \"{v}\"\n"));
            }
        }
        serde_saphyr::from_str(&yaml).unwrap()
    }

    fn greets(name: &str, title: Option<&str>, family: Option<&str>) -> Greeting {
        person(name, title, family, None).greeting()
    }

    #[test]
    fn two_words_give_the_family_name() {
        assert_eq!(
            greets("Kerry Hartley", Some("Ms"), None),
            Greeting::Derived("Dear Ms Hartley".into())
        );
        assert_eq!(
            greets("Dave Hartley-Nowak", Some("Mr"), None).text(),
            "Dear Mr Hartley-Nowak"
        );
        assert_eq!(
            greets("Siobhán O'Neill", Some("Ms"), None).text(),
            "Dear Ms O'Neill"
        );
        // Initials between cannot be part of a family name.
        assert_eq!(
            greets("Kerry J. Hartley", Some("Ms"), None).text(),
            "Dear Ms Hartley"
        );
        assert_eq!(
            greets("Tom J.R. Price", Some("Mr"), None).text(),
            "Dear Mr Price"
        );
    }

    #[test]
    fn more_words_are_never_guessed_at() {
        for (name, title) in [
            ("Siobhán O'Neill-Ó Súilleabháin", "Ms"),
            ("Pieter van der Berg", "Mr"),
            ("María de la Cruz", "Ms"),
            ("Lucía García López", "Ms"),
            ("João Silva Santos", "Mr"),
            ("Seán Ó Briain", "Mr"),
            ("Niamh Mac Giolla Phádraig", "Ms"),
            // "O" with no dot is the Irish particle, not an initial.
            ("Seán O Riordáin", "Mr"),
            ("Kerry J Hartley", "Ms"),
            ("Amani", "Dr"),
        ] {
            let g = greets(name, Some(title), None);
            assert_eq!(g, Greeting::Unsure(format!("Dear {name}")), "{name}");
        }
    }

    #[test]
    fn the_family_name_given_is_used_whole() {
        for (name, title, family) in [
            (
                "Siobhán O'Neill-Ó Súilleabháin",
                "Ms",
                "O'Neill-Ó Súilleabháin",
            ),
            ("Pieter van der Berg", "Mr", "van der Berg"),
            ("María de la Cruz", "Sra", "de la Cruz"),
            ("Lucía García López", "Ms", "García López"),
            ("João Silva Santos", "Mr", "Silva Santos"),
            ("Seán Ó Briain", "Mr", "Ó Briain"),
            ("Niamh Mac Giolla Phádraig", "Ms", "Mac Giolla Phádraig"),
        ] {
            assert_eq!(
                greets(name, Some(title), Some(family)),
                Greeting::Given(format!("Dear {title} {family}")),
                "{name}"
            );
        }
        // A family name the case gives wins over the last word, even for two words.
        assert_eq!(
            greets("Wei Zhang", Some("Mr"), Some("Zhang Wei")).text(),
            "Dear Mr Zhang Wei"
        );
    }

    #[test]
    fn a_greeting_given_wins_and_no_title_means_the_full_name() {
        let p = person(
            "Siobhán O'Neill-Ó Súilleabháin",
            Some("Ms"),
            Some("O'Neill"),
            Some(" Dear Siobhán "),
        );
        assert_eq!(p.greeting(), Greeting::Given("Dear Siobhán".into()));
        assert_eq!(
            greets("Kerry Hartley", None, None),
            Greeting::FullName("Dear Kerry Hartley".into())
        );
        // A family name is no title: still the full name.
        assert_eq!(
            greets("Pieter van der Berg", None, Some("van der Berg")).text(),
            "Dear Pieter van der Berg"
        );
        assert_eq!(
            greets("Kerry Hartley", Some("  "), None).text(),
            "Dear Kerry Hartley"
        );
    }

    #[test]
    fn a_title_written_into_the_name_is_not_said_twice() {
        let p = person("Dr Amani Okafor", Some("Dr"), None, None);
        assert_eq!(p.greeting().text(), "Dear Dr Okafor");
        assert_eq!(p.addressee(), "Dr Amani Okafor");
        let p = person("Dr. Amani Okafor", Some("Dr"), None, None);
        assert_eq!(p.addressee(), "Dr Amani Okafor");
        let p = person("Amani Okafor", Some("Dr"), None, None);
        assert_eq!(p.greeting().text(), "Dear Dr Okafor");
        assert_eq!(p.addressee(), "Dr Amani Okafor");
        assert_eq!(
            person("Kerry Hartley", None, None, None).addressee(),
            "Kerry Hartley"
        );
    }
}
