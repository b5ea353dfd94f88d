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
//! Syllables are counted by rule, not looked up: vowel groups, less a
//! silent final `e` and a silent `-es` or `-ed`, plus the vowel pairs
//! spoken as two (`ia` in "media", `ua` in "actual", `-ing` after a vowel),
//! with a short list of common words the rules get wrong. On the reference
//! passages in `tests/data/readability/` this lands within a point or two
//! of Python textstat, which counts from the CMU Pronouncing Dictionary.

use std::ops::Range;

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

/// Common words the rules below count wrongly, with their syllables.
const SYLLABLES: &[(&str, usize)] = &[
    ("anyone", 3),
    ("area", 3),
    ("areas", 3),
    ("being", 2),
    ("business", 2),
    ("client", 2),
    ("clients", 2),
    ("create", 2),
    ("created", 3),
    ("every", 3),
    ("everyone", 3),
    ("everything", 4),
    ("everybody", 4),
    ("evening", 2),
    ("experience", 4),
    ("experienced", 4),
    ("family", 3),
    ("idea", 3),
    ("ideas", 3),
    ("interest", 3),
    ("interested", 4),
    ("different", 3),
    ("quiet", 2),
    ("really", 2),
    ("science", 2),
    ("society", 4),
    ("someone", 2),
    ("something", 2),
    ("sometimes", 2),
    ("somewhere", 2),
    ("therefore", 2),
    ("whereas", 2),
    ("wednesday", 2),
    ("whose", 1),
    ("anxiety", 4),
    ("variety", 4),
    ("guardian", 3),
    ("usually", 4),
    ("actually", 4),
    ("naive", 2),
    ("our", 2),
    ("ours", 2),
    ("hour", 2),
    ("hours", 2),
    ("tired", 2),
    ("initiate", 4),
    ("initiated", 5),
    ("genuine", 3),
    ("likelihood", 3),
    ("everyday", 3),
    ("elsewhere", 2),
    ("beforehand", 3),
    ("poem", 2),
    ("diet", 2),
    ("towards", 2),
    ("toward", 2),
];

/// Syllables in one word, by rule (see the module's notes).
pub fn syllables(word: &str) -> usize {
    // Hyphenated words are counted part by part.
    if word.contains(['-', '‐']) {
        return word
            .split(['-', '‐'])
            .filter(|p| !p.is_empty())
            .map(syllables)
            .sum::<usize>()
            .max(1);
    }
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 1;
    }
    // No vowel at all: said letter by letter ("PDF", "Mr").
    if !w.contains(['a', 'e', 'i', 'o', 'u', 'y']) {
        return w.chars().count();
    }
    if let Some((_, n)) = SYLLABLES.iter().find(|(k, _)| *k == w) {
        return *n;
    }
    // Compounds whose first part ends in a silent e: "safeguarding", "homework".
    for first in [
        "some", "where", "there", "home", "life", "time", "safe", "care", "house", "whole",
    ] {
        if let Some(rest) = w.strip_prefix(first)
            && rest.len() >= 3
        {
            return 1 + by_rule(rest);
        }
    }
    by_rule(&w)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The rules, on a lower-case ASCII-ish word.
fn by_rule(w: &str) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    // A vowel: a, e, i, o, u, and y after a consonant.
    let vowel_at =
        |i: usize| -> bool { is_vowel(b[i]) || (b[i] == b'y' && i > 0 && !is_vowel(b[i - 1])) };
    let mut count = 0;
    let mut i = 0;
    while i < n {
        if vowel_at(i) {
            let start = i;
            while i < n && vowel_at(i) {
                i += 1;
            }
            count += 1 + hiatus(w, start, i);
        } else {
            i += 1;
        }
    }
    if count == 0 {
        return 1;
    }
    let before = |k: usize| -> u8 { if n > k { b[n - k - 1] } else { b' ' } };
    let consonant = |c: u8| c.is_ascii_alphabetic() && !is_vowel(c) && c != b'y';
    // Silent final e: "make", "there" (but "table", "centre", "agree", "be").
    let syllabic = |c: u8, prev: u8| matches!(c, b'l' | b'r') && consonant(prev) && prev != c;
    if w.ends_with('e') && count > 1 && consonant(before(1)) && !syllabic(before(1), before(2)) {
        count -= 1;
    }
    // Silent e before -ment, -ful, -ly, -less, -ness: "statement", "careful".
    for suffix in ["ments", "ment", "fully", "ful", "ly", "less", "ness", "ty"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.len() >= 3
            && stem.ends_with('e')
        {
            let sb = stem.as_bytes();
            let k = sb.len();
            if consonant(sb[k - 2]) && !(sb[k - 2] == b'l' && consonant(sb[k - 3])) && count > 1 {
                count -= 1;
            }
            break;
        }
    }
    // Silent -es: "makes", "times" (but "changes", "boxes", "tables").
    if w.ends_with("es") && count > 1 {
        let c = before(2);
        let sibilant = matches!(c, b's' | b'x' | b'z' | b'c' | b'g')
            || w.ends_with("ches")
            || w.ends_with("shes");
        let glide = c == b'y' && is_vowel(before(3));
        if (consonant(c) || glide) && !sibilant && !syllabic(c, before(3)) {
            count -= 1;
        }
    }
    // Silent -ed: "worked", "called" (but "wanted", "needed").
    if w.ends_with("ed") && count > 1 {
        let c = before(2);
        let glide = c == b'y' && is_vowel(before(3));
        if (consonant(c) || glide) && c != b't' && c != b'd' && !syllabic(c, before(3)) {
            count -= 1;
        }
    }
    // "-ism": "mechanism", "racism".
    if w.ends_with("ism") || w.ends_with("isms") {
        count += 1;
    }
    count.max(1)
}

/// Extra syllables inside the vowel group `w[start..end]`: pairs spoken as
/// two, as in "media", "actual", "violence", "being", "previous".
fn hiatus(w: &str, start: usize, end: usize) -> usize {
    let group = &w[start..end];
    let prev = if start > 0 {
        w.as_bytes()[start - 1]
    } else {
        b' '
    };
    let rest = &w[end..];
    let split = match group {
        // "social", "special" are one; "media", "trial" two.
        "ia" => {
            !matches!(prev, b'c' | b't' | b's' | b'g') || (prev == b'g' && rest.starts_with('n'))
        }
        // "-tion", "-sion", "region", "million" are one; "violence", "period" two.
        "io" => {
            let double_l = start >= 2 && &w[start - 2..start] == "ll";
            !matches!(prev, b't' | b's' | b'c' | b'g' | b'x' | b'n') && !double_l
        }
        // "serious", "previous" are two; "anxious", "precious" one.
        "iou" => !matches!(prev, b't' | b's' | b'c' | b'g' | b'x'),
        // "actual", "situation" two; "quality", "language" one.
        "ua" => !matches!(prev, b'q' | b'g'),
        // "video", "theory" two; "people" one.
        "eo" => prev != b'p' && !rest.starts_with("us"),
        // "client", "quiet" two; "field", "patient" one.
        "ie" => {
            (rest.starts_with("nt")
                || rest.starts_with("nce")
                || rest == "t"
                || rest.starts_with("ty"))
                && !matches!(prev, b't' | b'c' | b's')
        }
        "iu" | "uou" | "uu" => true,
        _ => false,
    };
    // "-ing" after a vowel: "being", "going", "seeing", "continuing".
    let ing = (rest == "ng" || rest == "ngs") && group.len() >= 2 && group.ends_with('i');
    usize::from(split) + usize::from(ing)
}
