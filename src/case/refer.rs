//! Children named by reference, so a text is written once for every reader.
//!
//! A worry, its evidence, what must change, a plan row or the letter of
//! issue's reasons go into every parent's letter; in a blended family the
//! children's names differ from one parent to the next. Written as
//! `{children}`, the names print for each reader as their own children ("Ella
//! and Finn" to one father, "Noah" to the other), and a choice such as
//! `{is|are}` or `{he|she|they}` agrees with them:
//!
//! - `{children}`: the children the text is about that the reader may see,
//!   by first name, joined "A, B and C";
//! - `{one|several}`: the first word for one child, the second for more;
//! - `{he|she|they}`: by the one child's gender (the third for more than
//!   one child, or when the gender is not recorded).
//!
//! Anything else between braces is printed as written, except a single
//! word (`{childern}`), which is taken for a mistyped reference and is a
//! finding.

/// A piece of a text written with references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Words printed as written.
    Text(&'a str),
    /// `{children}`.
    Children,
    /// `{is|are}` or `{he|she|they}`: the words to choose between.
    Choice(Vec<&'a str>),
    /// `{word}`: a single word that is no reference casepack knows.
    Unknown(&'a str),
}

/// The reference to the children.
pub const CHILDREN: &str = "{children}";

/// `text` cut into its pieces.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let rest = text;
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(open) = rest[at..].find('{').map(|o| at + o) {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        match reference(inner) {
            Some(piece) => {
                if open > plain_from {
                    out.push(Piece::Text(&rest[plain_from..open]));
                }
                out.push(piece);
                plain_from = close + 1;
                at = close + 1;
            }
            None => at = open + 1,
        }
        if at >= rest.len() {
            break;
        }
    }
    if plain_from < rest.len() {
        out.push(Piece::Text(&rest[plain_from..]));
    }
    out
}

/// What is between the braces, as a reference, or `None` for text that
/// only happens to be in braces.
fn reference(inner: &str) -> Option<Piece<'_>> {
    let word = |w: &str| {
        !w.is_empty()
            && w.trim() == w
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '-' | '’'))
    };
    if inner == "children" {
        return Some(Piece::Children);
    }
    if inner.contains('|') {
        let options: Vec<&str> = inner.split('|').collect();
        return ((2..=3).contains(&options.len()) && options.iter().all(|o| word(o)))
            .then_some(Piece::Choice(options));
    }
    (word(inner) && !inner.contains(' ')).then_some(Piece::Unknown(inner))
}

/// Whether `text` names the children by reference or chooses words by them.
pub fn refers(text: &str) -> bool {
    pieces(text)
        .iter()
        .any(|p| matches!(p, Piece::Children | Piece::Choice(_)))
}

/// The single words in braces that are no reference (`{childern}`).
pub fn unknown(text: &str) -> Vec<&str> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Unknown(w) => Some(w),
            _ => None,
        })
        .collect()
}

/// Who a text is printed about, for one reader.
#[derive(Debug, Clone)]
pub struct About {
    /// "Ella and Finn".
    pub names: String,
    /// How many children.
    pub count: usize,
    /// For one child: 0 male, 1 female, `None` not recorded.
    pub gender: Option<usize>,
}

/// `text` with its references filled in for `about`.
pub fn fill(text: &str, about: &About) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            // "your unborn baby" opens a sentence as "Your unborn baby".
            Piece::Children if opens_sentence(&out) => {
                let mut c = about.names.chars();
                out.extend(c.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(c.as_str());
            }
            Piece::Children => out.push_str(&about.names),
            Piece::Choice(options) => {
                let pick = match (options.len(), about.count) {
                    (2, 1) => 0,
                    (2, _) => 1,
                    (_, 1) => about.gender.unwrap_or(2),
                    _ => 2,
                };
                out.push_str(options[pick.min(options.len() - 1)]);
            }
            Piece::Unknown(w) => {
                out.push('{');
                out.push_str(w);
                out.push('}');
            }
        }
    }
    out
}

/// Whether what follows `before` starts a sentence.
fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty() || (t.len() < before.len() && t.ends_with(['.', '!', '?']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about(names: &str, count: usize, gender: Option<usize>) -> About {
        About {
            names: names.to_string(),
            count,
            gender,
        }
    }

    #[test]
    fn names_and_grammar_follow_the_reader_s_children() {
        let text = "We have not seen enough change to keep {children} safe: {he|she|they} {is|are} often hungry.";
        assert_eq!(
            fill(text, &about("Ella and Finn", 2, None)),
            "We have not seen enough change to keep Ella and Finn safe: they are often hungry."
        );
        assert_eq!(
            fill(text, &about("Noah", 1, Some(0))),
            "We have not seen enough change to keep Noah safe: he is often hungry."
        );
        assert_eq!(
            fill(text, &about("Ella", 1, Some(1))),
            "We have not seen enough change to keep Ella safe: she is often hungry."
        );
        assert_eq!(
            fill("{children}'s school", &about("Ella and Finn", 2, None)),
            "Ella and Finn's school"
        );
        let baby = about("your unborn baby", 1, None);
        assert_eq!(
            fill(
                "{children} could be hurt. Keep {children} safe. So: {children}.",
                &baby
            ),
            "Your unborn baby could be hurt. Keep your unborn baby safe. So: your unborn baby."
        );
    }

    #[test]
    fn other_braces_print_as_written_and_a_lone_word_is_a_mistake() {
        for literal in [
            "{ }",
            "{",
            "}",
            "a { b } c",
            "{1+1}",
            "#{eval}x{",
            "{a|b|c|d}",
        ] {
            assert!(!refers(literal), "{literal}");
            assert_eq!(fill(literal, &about("X", 1, None)), literal);
        }
        assert!(unknown("{ }").is_empty());
        assert_eq!(unknown("keep {childern} safe"), ["childern"]);
        assert_eq!(unknown("#{eval}"), ["eval"]);
        assert!(refers("keep {children} safe"));
        assert!(refers("{is|are}"));
    }
}
