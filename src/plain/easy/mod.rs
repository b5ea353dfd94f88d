//! Easy Read, measured: each Easy Read document's sentences read from the
//! data its template prints (every word it prints is there, in order), so
//! each sentence is known by the case field it came from; its pages and
//! smallest text read from its layout. What breaks a rule is a breach,
//! which `check` turns into a finding at its field; the document's
//! "Words to know" are chosen here too, from the words it uses.

use serde_json::{Value, json};
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use super::glossary::Glossary;
use super::measure::{sentences, words};
use crate::documents::DocumentJob;
use crate::profile::{EasyTargets, Profile};

/// One text of an Easy Read document: its words and the case field they
/// were typed in, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct EasyText {
    /// The words as printed.
    pub text: String,
    /// The case field, e.g. `worries[0].must_change`; none for casepack's own.
    pub field: Option<String>,
}

/// What a sentence of an Easy Read document does that the rules forbid.
#[derive(Debug, Clone, PartialEq)]
pub struct Breach {
    /// The field it is in (none: casepack's own wording).
    pub field: Option<String>,
    /// Short code: `long`, `capitals`, `number-words`, `hard-word`.
    pub rule: &'static str,
    /// What breaks the rule, e.g. "23 words; Easy Read sentences have 15 or fewer".
    pub what: String,
    /// The words it is about, as written (a sentence's start, a word).
    pub words: String,
}

/// How one Easy Read document measures.
#[derive(Debug, Clone, PartialEq)]
pub struct EasyReadReport {
    /// Its title.
    pub title: String,
    /// Its file name in the pack.
    pub file_name: String,
    /// Words in its longest sentence.
    pub longest_sentence: usize,
    /// Average words per sentence.
    pub average_sentence: f64,
    /// Rows printed without a picture.
    pub rows_without_picture: usize,
    /// The smallest text on any page, in points (as laid out).
    pub smallest_text: f64,
    /// Pages.
    pub pages: usize,
    /// Hard words it uses that it does not explain.
    pub unexplained: Vec<String>,
}

impl EasyReadReport {
    /// The targets it misses, as (what was measured, the target).
    pub fn misses(&self, t: &EasyTargets) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.longest_sentence > t.longest_sentence {
            out.push((
                format!("its longest sentence has {} words", self.longest_sentence),
                format!("at most {}", t.longest_sentence),
            ));
        }
        if self.average_sentence > t.average_sentence {
            out.push((
                format!("sentences average {:.1} words", self.average_sentence),
                format!("at most {}", t.average_sentence),
            ));
        }
        if self.smallest_text + 0.05 < t.smallest_text {
            out.push((
                format!("its smallest text is {:.1} pt", self.smallest_text),
                format!("at least {} pt", t.smallest_text),
            ));
        }
        if self.rows_without_picture > 0 {
            out.push((
                format!("{} rows have no picture", self.rows_without_picture),
                "a picture on every row".to_string(),
            ));
        }
        out
    }
}

/// Every text of an Easy Read job's data, in the order it prints: the
/// title, each row's paragraphs, each section's heading.
pub fn texts(data: &Value) -> Vec<EasyText> {
    let mut out = Vec::new();
    let own = |t: &str| EasyText {
        text: t.to_string(),
        field: None,
    };
    if let Some(t) = data["title"].as_str() {
        out.push(own(t));
    }
    let rows = |rows: &Value, out: &mut Vec<EasyText>| {
        for row in rows.as_array().into_iter().flatten() {
            for s in row["sentences"].as_array().into_iter().flatten() {
                out.push(text_of(s));
            }
        }
    };
    rows(&data["opening"], &mut out);
    for section in data["sections"].as_array().into_iter().flatten() {
        if let Some(h) = section["heading"].as_str() {
            out.push(own(h));
        }
        rows(&section["rows"], &mut out);
    }
    for w in data["words"].as_array().into_iter().flatten() {
        for s in w["means"].as_array().into_iter().flatten() {
            out.push(text_of(s));
        }
    }
    out
}

fn text_of(s: &Value) -> EasyText {
    EasyText {
        text: s["parts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["text"].as_str())
            .collect(),
        field: s["field"].as_str().map(str::to_string),
    }
}

/// Number words a reader of Easy Read should see as digits.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
];

/// What in `texts` breaks the rules: sentences over the limit, words in
/// capitals, numbers in words, and hard words the profile does not
/// explain (its plain-language glossary's terms that are not among the
/// Easy Read words).
pub fn breaches(profile: &Profile, texts: &[EasyText]) -> Vec<Breach> {
    let rules = &profile.easy_read;
    let explained = Glossary::new(&rules.words);
    let hard = Glossary::new(&profile.plain_language.glossary);
    let mut out = Vec::new();
    for t in texts {
        let text = super::printed::normalise(&t.text);
        for range in sentences(&text) {
            let sentence = &text[range];
            let n = words(sentence).count();
            if n > rules.targets.longest_sentence {
                out.push(Breach {
                    field: t.field.clone(),
                    rule: "long",
                    what: format!(
                        "{n} words; Easy Read sentences have {} or fewer",
                        rules.targets.longest_sentence
                    ),
                    words: start_of(sentence),
                });
            }
        }
        for (_, w) in words(&text) {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            // A postcode or a reference (NM1 2AB) is not a word in capitals.
            let coded = w.chars().any(|c| c.is_ascii_digit());
            if !coded && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                out.push(Breach {
                    field: t.field.clone(),
                    rule: "capitals",
                    what: format!("\"{w}\" is in capitals; Easy Read writes no words in capitals"),
                    words: w.to_string(),
                });
            } else if NUMBER_WORDS.contains(&w.to_lowercase().as_str()) {
                out.push(Breach {
                    field: t.field.clone(),
                    rule: "number-words",
                    what: format!(
                        "\"{w}\" is a number in words; Easy Read writes numbers as digits"
                    ),
                    words: w.to_string(),
                });
            }
        }
        let known: Vec<std::ops::Range<usize>> =
            explained.find(&text).into_iter().map(|h| h.range).collect();
        for hit in hard.find(&text) {
            // A hard word inside one the Easy Read words explain ("care
            // proceedings" inside itself) is explained.
            if known
                .iter()
                .any(|k| k.start <= hit.range.start && hit.range.end <= k.end)
            {
                continue;
            }
            let written = &text[hit.range.clone()];
            out.push(Breach {
                field: t.field.clone(),
                rule: "hard-word",
                what: format!(
                    "\"{written}\" is a hard word the Easy Read words to know do not explain"
                ),
                words: written.to_string(),
            });
        }
    }
    out
}

/// A sentence's first eight words, to name it by.
fn start_of(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let start = words[..words.len().min(8)].join(" ");
    if words.len() > 8 {
        format!("{start} …")
    } else {
        start
    }
}

/// Gives each Easy Read job among `jobs` its "Words to know": the
/// profile's Easy Read words its texts use, in order of first use, each
/// with what it means.
pub fn set_words(profile: &Profile, jobs: &mut [DocumentJob]) {
    let glossary = Glossary::new(&profile.easy_read.words);
    for job in jobs.iter_mut().filter(|j| j.easy_read) {
        let all: Vec<String> = texts(&job.data)
            .into_iter()
            .map(|t| super::printed::normalise(&t.text))
            .collect();
        let mut seen: Vec<usize> = Vec::new();
        for text in &all {
            let mut hits = glossary.find(text);
            hits.sort_by_key(|h| h.range.start);
            for h in hits {
                if !seen.contains(&h.term) {
                    seen.push(h.term);
                }
            }
        }
        let words: Vec<Value> = seen
            .iter()
            .map(|&i| {
                let term = glossary.term(i);
                json!({
                    "word": capital_first(&term.term),
                    "means": [{ "parts": [{ "text": term.means, "bold": false }], "field": null }],
                })
            })
            .collect();
        job.data["words"] = Value::Array(words);
    }
}

fn capital_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Measures an Easy Read job from its data and, for its pages and
/// smallest text, its layout.
pub fn report(profile: &Profile, job: &DocumentJob, document: &PagedDocument) -> EasyReadReport {
    let all = texts(&job.data);
    let mut lengths = Vec::new();
    for t in &all {
        let text = super::printed::normalise(&t.text);
        for range in sentences(&text) {
            lengths.push(words(&text[range]).count());
        }
    }
    let rows_without_picture = rows(&job.data)
        .filter(|r| r["picture"].as_str().is_none_or(str::is_empty))
        .count();
    let mut smallest = f64::INFINITY;
    for page in document.pages() {
        smallest_in(&page.frame, &mut smallest);
    }
    let unexplained = {
        let mut u: Vec<String> = Vec::new();
        for b in breaches(profile, &all) {
            if b.rule == "hard-word" && !u.contains(&b.words.to_lowercase()) {
                u.push(b.words.to_lowercase());
            }
        }
        u
    };
    EasyReadReport {
        title: job.title.clone(),
        file_name: job.file_name.clone(),
        longest_sentence: lengths.iter().copied().max().unwrap_or(0),
        average_sentence: if lengths.is_empty() {
            0.0
        } else {
            lengths.iter().sum::<usize>() as f64 / lengths.len() as f64
        },
        rows_without_picture,
        smallest_text: if smallest.is_finite() { smallest } else { 0.0 },
        pages: document.pages().len(),
        unexplained,
    }
}

/// Every row of an Easy Read job's data.
fn rows(data: &Value) -> impl Iterator<Item = &Value> {
    data["opening"].as_array().into_iter().flatten().chain(
        data["sections"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|s| s["rows"].as_array().into_iter().flatten()),
    )
}

/// The smallest text size in `frame` and the frames inside it, in points
/// as printed (a scaled group's text counted at its scale).
fn smallest_in(frame: &Frame, smallest: &mut f64) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Text(t)
                if t.glyphs
                    .iter()
                    .any(|g| !t.text[g.range()].trim().is_empty()) =>
            {
                *smallest = smallest.min(t.size.to_pt());
            }
            FrameItem::Group(g) => {
                let scale = g.transform.sy.get().abs();
                let mut inner = f64::INFINITY;
                smallest_in(&g.frame, &mut inner);
                if inner.is_finite() {
                    *smallest = smallest.min(inner * if scale > 0.0 { scale } else { 1.0 });
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
