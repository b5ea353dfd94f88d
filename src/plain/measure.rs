//! Readability measures: sentences, words, syllables, and the Flesch
//! formulas built on them.
//!
//! - Flesch Reading Ease = 206.835 − 1.015 × (words ÷ sentences)
//!   − 84.6 × (syllables ÷ words). Higher is easier; 60–70 is plain English.
//! - Flesch–Kincaid grade = 0.39 × (words ÷ sentences)
//!   + 11.8 × (syllables ÷ words) − 15.59: the US school grade that could read it.
//! - A long word has three syllables or more.
//!
//! Text arrives already cut into units (a paragraph, a list item, a table
//! cell): no sentence runs from one unit into the next, so a heading or a
//! bullet without a full stop is a sentence of its own instead of being
//! glued to the next. Within a unit a sentence ends at `.`, `!` or `?`
//! followed by a space and a capital, digit or quote, or by the end of the
//! unit; "e.g.", "Mr." and the like do not end one.
//!
//! Syllables are counted by rule ([`super::syllables`]).

use std::ops::Range;

use super::syllables::syllables;

/// The counts the measures are made from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words: runs of letters or digits, a hyphenated word counting once.
    pub words: usize,
    /// Sentences that hold at least one word.
    pub sentences: usize,
    /// Syllables of all the words.
    pub syllables: usize,
    /// Words of three syllables or more.
    pub long_words: usize,
    /// Words in the longest sentence.
    pub longest_sentence: usize,
}

impl Counts {
    /// Counts the sentences and words of `units`, each a paragraph, list
    /// item or cell of its own.
    pub fn of<'a>(units: impl IntoIterator<Item = &'a str>) -> Counts {
        let mut c = Counts::default();
        for unit in units {
            for range in sentences(unit) {
                c.add_sentence(&unit[range]);
            }
        }
        c
    }

    fn add_sentence(&mut self, sentence: &str) {
        let mut n = 0;
        for (_, w) in words(sentence) {
            let s = syllables(w);
            n += 1;
            self.syllables += s;
            if s >= 3 {
                self.long_words += 1;
            }
        }
        if n > 0 {
            self.words += n;
            self.sentences += 1;
            self.longest_sentence = self.longest_sentence.max(n);
        }
    }

    /// Average words per sentence.
    pub fn average_sentence(&self) -> f64 {
        ratio(self.words, self.sentences)
    }

    /// Average syllables per word.
    fn syllables_per_word(&self) -> f64 {
        ratio(self.syllables, self.words)
    }

    /// Flesch Reading Ease (Flesch 1948): higher is easier.
    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        206.835 - 1.015 * self.average_sentence() - 84.6 * self.syllables_per_word()
    }

    /// Flesch–Kincaid grade level (Kincaid et al. 1975).
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        0.39 * self.average_sentence() + 11.8 * self.syllables_per_word() - 15.59
    }

    /// The share of words with three syllables or more, 0 to 1.
    pub fn long_word_share(&self) -> f64 {
        ratio(self.long_words, self.words)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Words whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "eg", "i.e", "ie", "etc", "mr", "mrs", "ms", "mx", "dr", "st", "no", "nos", "approx",
    "incl", "ref", "tel", "vs", "cf", "para", "paras", "p", "pp", "s", "ss",
];

/// The sentences of one unit of text, as byte ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take the whole run of stops and closing marks: "?!", ".)", ".'"
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '’' | '”'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            let at_end = text[end..].trim().is_empty();
            let next_starts = {
                let rest = text[end..].trim_start();
                let spaced = rest.len() < text[end..].len();
                spaced
                    && rest.chars().next().is_some_and(|n| {
                        n.is_uppercase() || n.is_ascii_digit() || "\"'‘“([".contains(n)
                    })
            };
            if (at_end || next_starts) && !(c == '.' && abbreviation_before(text, at)) {
                out.push(start..end);
                start = end;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out.into_iter()
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Whether the word just before the full stop at byte `dot` is an abbreviation.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| i + 1);
    let word = before[word_start..].to_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (r.start + lead)..(r.end - trail).max(r.start + lead)
}

/// The words of `text` with their byte offsets: runs of letters, digits,
/// apostrophes and inner hyphens that hold a letter or digit.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_part = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '‐');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, is_part(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let w = text[s..i].trim_matches(|c: char| !c.is_alphanumeric());
                if !w.is_empty() {
                    let lead = text[s..i].find(w).unwrap_or(0);
                    out.push((s + lead, w));
                }
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}
