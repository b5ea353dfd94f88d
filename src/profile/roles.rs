//! Recognising a role in words someone wrote: an attendee's role at a
//! meeting ("Team manager (chair)"), or who a step makes responsible
//! ("Social worker, team manager"). The words are the profile's own
//! (`roles[].words`), matched whole, ignoring case, punctuation and a
//! plural `s`.

use super::Role;

impl Role {
    /// Where one of the role's words first appears in `text`, as (word
    /// position, number of words matched), or `None`. Of two matches at
    /// the same place the longer wins, so "supervising social worker"
    /// outranks "social worker" inside it.
    pub fn found_in(&self, text: &str) -> Option<(usize, usize)> {
        let have = words(text);
        self.words
            .iter()
            .filter_map(|w| {
                let want = words(w);
                let at = have.find(&want)?;
                // One space precedes each word before the match.
                let position = have[..at].matches(' ').count();
                Some((position, want.split_whitespace().count()))
            })
            .min_by_key(|&(position, len)| (position, std::cmp::Reverse(len)))
    }
}

/// `s` lower-cased, punctuation as spaces, each word's plural `s` dropped,
/// padded with a space each side so a match is always of whole words.
fn words(s: &str) -> String {
    let cleaned: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    // Singular and plural match alike ("connected persons").
    let tokens: Vec<&str> = cleaned
        .split_whitespace()
        .map(|t| match t.strip_suffix('s') {
            Some(stem) if stem.len() > 2 => stem,
            _ => t,
        })
        .collect();
    format!(" {} ", tokens.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(words: &[&str]) -> Role {
        Role {
            id: "r".into(),
            name: "R".into(),
            professional: None,
            parents: false,
            words: words.iter().map(|w| w.to_string()).collect(),
            helper: None,
        }
    }

    #[test]
    fn a_role_is_found_by_whole_words_where_it_first_appears() {
        let sw = role(&["social worker"]);
        assert_eq!(sw.found_in("Social worker, team manager"), Some((0, 2)));
        assert_eq!(sw.found_in("Court; social workers"), Some((1, 2)));
        assert_eq!(sw.found_in("Socialworker"), None);
        let fostering = role(&["fostering", "supervising social worker"]);
        assert_eq!(
            fostering.found_in("Supervising social worker (fostering)"),
            Some((0, 3))
        );
        let legal = role(&["legal adviser", "legal services"]);
        assert_eq!(
            legal.found_in("Child's solicitor, Legal Services"),
            Some((2, 2))
        );
    }
}
