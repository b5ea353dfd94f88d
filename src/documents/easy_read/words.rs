//! The words of an Easy Read version: casepack's own sentences, with
//! their key words in bold, and the case's texts as typed, each with the
//! field it came from so `check` can point at it.

use serde::Serialize;

/// One paragraph of a row: casepack's sentences or one case field's text,
/// in parts that are bold or not.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    /// The words, in parts.
    pub parts: Vec<Part>,
    /// The case field it was typed in, e.g. `worries[0].easy_read.worry`;
    /// none for casepack's own sentences.
    pub field: Option<String>,
}

/// A run of words, bold (the key words) or not.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// The words.
    pub text: String,
    /// Whether they are the key words.
    pub bold: bool,
}

/// Casepack's own sentences: `wording`, with `**key words**` in bold and
/// each `{}` filled by the next of `args` (names, dates, places from the
/// case). Only the wording is read for marks: an argument is put in as
/// it is, so a name holding `**` prints as typed.
pub(super) fn say(wording: &str, args: &[&str]) -> Text {
    let mut args = args.iter();
    let mut parts = Vec::new();
    for (i, piece) in wording.split("**").enumerate() {
        let mut text = String::new();
        let mut rest = piece;
        while let Some(at) = rest.find("{}") {
            text.push_str(&rest[..at]);
            text.push_str(args.next().copied().unwrap_or_default());
            rest = &rest[at + 2..];
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Part {
                text,
                bold: i % 2 == 1,
            });
        }
    }
    Text { parts, field: None }
}

/// A case field's text, as typed, at `field`: each point a sentence, so a
/// text typed as a phrase ("Support to get Leo's appointments back on
/// track") is given its full stop.
pub(super) fn typed(text: &str, field: String) -> Text {
    let mut text = text.trim().to_string();
    if text.chars().last().is_some_and(char::is_alphanumeric) {
        text.push('.');
    }
    Text {
        parts: vec![Part { text, bold: false }],
        field: Some(field),
    }
}

/// The field's Easy Read wording where there is one, else its text.
pub(super) fn either(easy: Option<&String>, easy_at: String, text: &str, at: String) -> Text {
    match easy.filter(|e| !e.trim().is_empty()) {
        Some(e) => typed(e, easy_at),
        None => typed(text, at),
    }
}
