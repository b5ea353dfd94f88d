//! An authority's own wording for its letters to parents. A profile may
//! give, for each letter, its own `opening`, `next` (what happens next),
//! `legal_advice`, `consequence` (what happens if things do not change:
//! 001 says it "will", casepack's own words say "may") and `closing` paragraphs as Tera templates over a small
//! set of variables read from the letter itself (see [`VARIABLES`]). Each
//! is rendered to plain text in a sandbox (no include, extends, import,
//! macros or environment; nothing escaped, as the output is data) and
//! handed to the letter's template as data, never as Typst source. A
//! paragraph the profile does not give keeps casepack's own words. A
//! template that does not render is an error at its line in the profile.

use super::error::{ProfileError, rule};
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::{Value, json};
use tera::ast::Node;

use crate::case::LocationIndex;
use crate::diagnostics::Position;
use crate::diagnostics::{Finding, SourceFile};

/// The paragraphs a profile may word, in the order a letter prints them.
pub const PARAGRAPHS: [&str; 5] = ["opening", "next", "legal_advice", "consequence", "closing"];

/// The variables a paragraph may use: name and meaning. `meeting` is only
/// in letters that invite the parent to a meeting (the letter before
/// proceedings).
pub const VARIABLES: [(&str, &str); 7] = [
    (
        "child_names",
        "the parent's own children, as the letter names them (\"Maisie and Leo\")",
    ),
    (
        "recipient_name",
        "the person the letter is to, with their title (\"Ms Kerry Hartley\")",
    ),
    ("authority", "the council's name, as on the letterhead"),
    ("letter_date", "the letter's date (\"9 November 2026\")"),
    (
        "social_worker",
        "the social worker's name, who signs the letter",
    ),
    (
        "meeting.date",
        "the meeting's date (\"Monday 23 November 2026\")",
    ),
    ("meeting.time", "the meeting's time (\"10:30am\")"),
];

/// One letter's own paragraphs; each one not given keeps casepack's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraphs {
    /// Why we are writing: the letter's first words.
    #[serde(default)]
    pub opening: Option<String>,
    /// What happens next.
    #[serde(default)]
    pub next: Option<String>,
    /// Getting legal advice.
    #[serde(default)]
    pub legal_advice: Option<String>,
    /// What happens if things do not change: whether the authority "may"
    /// or "will" go to court is its procedure's to say.
    #[serde(default)]
    pub consequence: Option<String>,
    /// The last words before "Who to contact".
    #[serde(default)]
    pub closing: Option<String>,
}

impl Paragraphs {
    /// The paragraphs given, by name, in [`PARAGRAPHS`] order.
    pub fn given(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let all = [
            &self.opening,
            &self.next,
            &self.legal_advice,
            &self.consequence,
            &self.closing,
        ];
        PARAGRAPHS
            .into_iter()
            .zip(all)
            .filter_map(|(name, text)| text.as_deref().map(|t| (name, t)))
    }
}

/// A profile's wording: paragraphs by letter (document id), and the file
/// they were read from, for the line of a template that does not render.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Wording {
    /// Document id to its paragraphs.
    pub letters: BTreeMap<String, Paragraphs>,
    /// The profile file this wording was read from (one layer's).
    #[serde(skip)]
    pub origin: Option<Arc<SourceFile>>,
    /// The file each paragraph was written in, by its path
    /// (`wording.<letter>.<paragraph>`), once layers are laid over each other.
    #[serde(skip)]
    files: BTreeMap<String, Arc<SourceFile>>,
}

impl Wording {
    /// Lays `other` (a profile file's wording) over this: each paragraph it
    /// gives replaces this one's.
    pub fn overlay(&mut self, other: Wording) {
        for (id, p) in other.letters {
            if let Some(file) = &other.origin {
                for (name, _) in p.given() {
                    self.files
                        .insert(format!("wording.{id}.{name}"), file.clone());
                }
            }
            let mine = self.letters.entry(id).or_default();
            for (slot, new) in [
                (&mut mine.opening, p.opening),
                (&mut mine.next, p.next),
                (&mut mine.legal_advice, p.legal_advice),
                (&mut mine.consequence, p.consequence),
                (&mut mine.closing, p.closing),
            ] {
                if new.is_some() {
                    *slot = new;
                }
            }
        }
    }

    /// The profile file the paragraph at `path` (`wording.<letter>.<paragraph>`)
    /// was written in.
    pub fn file_of(&self, path: &str) -> Option<&Arc<SourceFile>> {
        self.files
            .get(path)
            .or(self.origin.as_ref().filter(|_| self.files.is_empty()))
    }

    /// Every document worded must be a letter to one parent.
    pub fn check(&self, profile: &super::Profile) -> Result<(), ProfileError> {
        let letters: Vec<&str> = profile
            .documents
            .iter()
            .filter(|d| d.audience == super::Audience::Parent)
            .map(|d| d.id.as_str())
            .collect();
        for id in self.letters.keys() {
            if !letters.contains(&id.as_str()) {
                return Err(rule!(
                    "wording: `{id}` is not a letter to a parent (they are {})",
                    letters.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// Renders the paragraphs given for document `id` into the letter's
    /// `data`, as `wording.<paragraph>`: a list of paragraphs, each plain
    /// text. Every paragraph that does not render is a finding.
    pub fn apply(&self, id: &str, data: &mut Value) -> Result<(), Vec<Finding>> {
        let Some(paragraphs) = self.letters.get(id) else {
            return Ok(());
        };
        let context =
            context(data).map_err(|e| vec![Finding::error("internal", "", e.to_string())])?;
        let mut out = serde_json::Map::new();
        let mut errors = Vec::new();
        for (name, template) in paragraphs.given() {
            match render(template, &context) {
                Ok(text) => {
                    out.insert(name.to_string(), json!(paragraphs_of(&text)));
                }
                Err(e) => errors.push(self.finding(id, name, template, e)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        if let Value::Object(map) = data {
            map.insert("wording".into(), Value::Object(out));
        }
        Ok(())
    }

    fn finding(&self, id: &str, name: &str, template: &str, e: TemplateError) -> Finding {
        let path = format!("wording.{id}.{name}");
        let names: Vec<&str> = VARIABLES.iter().map(|(n, _)| *n).collect();
        let mut f = Finding::error(
            "wording",
            path.clone(),
            format!("the `{name}` paragraph of `{id}` does not render: {}", e.message),
        )
        .help(format!(
            "a paragraph is a Tera template over these variables: {} (`meeting` only in the letter before proceedings)",
            names.join(", ")
        ));
        if let Some(origin) = self.file_of(&path) {
            let start = LocationIndex::build(&origin.text).value(&path);
            f.position = start.map(|s| locate(&origin.text, s, template, e.at));
            f = f.in_file(origin.clone());
        }
        f
    }
}

/// Why a template did not render, and where in it (1-based line, column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// What went wrong.
    pub message: String,
    /// Where in the template, when known.
    pub at: Option<(usize, usize)>,
}

/// Tags a paragraph may not use: each would reach beyond the paragraph.
const REFUSED: [&str; 5] = ["include", "extends", "import", "macro", "block"];

/// Renders one paragraph template with `context`, sandboxed: it is parsed
/// alone, may not include, extend or import other templates or define
/// macros or blocks, cannot read the environment, and is not escaped.
pub fn render(template: &str, context: &tera::Context) -> Result<String, TemplateError> {
    let parsed = tera::Template::new("wording", None, template).map_err(|e| {
        let chain = chain(&e);
        let at = regex::Regex::new(r"--> (\d+):(\d+)")
            .ok()
            .and_then(|re| re.captures(&chain))
            .and_then(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)));
        let expected = chain
            .lines()
            .find_map(|l| l.trim().strip_prefix("= "))
            .unwrap_or("it is not a valid template");
        TemplateError {
            message: format!("a syntax error: {expected}"),
            at,
        }
    })?;
    if let Some(tag) = refused(&parsed.ast) {
        return Err(TemplateError {
            message: format!("`{{% {tag} %}}` is not allowed: a paragraph stands alone"),
            at: find(template, &format!("{tag} ")).or_else(|| find(template, tag)),
        });
    }
    let mut tera = tera::Tera::default();
    tera.autoescape_on(Vec::new());
    tera.register_function("get_env", |_: &std::collections::HashMap<String, Value>| {
        Err::<Value, _>(tera::Error::msg("`get_env` is not available"))
    });
    tera.add_raw_template("wording", template)
        .and_then(|()| tera.render("wording", context))
        .map_err(|e| {
            let chain = chain(&e);
            // The causes say what; the top only names the template.
            let causes: Vec<&str> = chain.lines().skip(1).collect();
            let message = if causes.is_empty() {
                chain.clone()
            } else {
                causes.join(": ")
            };
            let at = regex::Regex::new(r"`([^`]+)` not found")
                .ok()
                .and_then(|re| re.captures(&message))
                .and_then(|c| find(template, c[1].split(['.', '[']).next().unwrap_or("")));
            TemplateError { message, at }
        })
}

/// The error and its causes, one a line.
fn chain(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        out.push('\n');
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// The first refused tag in `nodes`, however deep.
fn refused(nodes: &[Node]) -> Option<&'static str> {
    nodes.iter().find_map(|node| match node {
        Node::Include(..) => Some(REFUSED[0]),
        Node::Extends(..) => Some(REFUSED[1]),
        Node::ImportMacro(..) => Some(REFUSED[2]),
        Node::MacroDefinition(..) => Some(REFUSED[3]),
        Node::Block(..) | Node::Super => Some(REFUSED[4]),
        Node::FilterSection(_, f, _) => refused(&f.body),
        Node::Forloop(_, f, _) => {
            refused(&f.body).or_else(|| f.empty_body.as_deref().and_then(refused))
        }
        Node::If(i, _) => i
            .conditions
            .iter()
            .find_map(|(_, _, body)| refused(body))
            .or_else(|| i.otherwise.as_ref().and_then(|(_, body)| refused(body))),
        _ => None,
    })
}

/// The 1-based line and column of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let at = text.find(needle)?;
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((
        before.matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    ))
}

/// Where in the profile file the template's line and column `at` are: the
/// template's line found in the file from where the value starts; else
/// where the value starts (a folded or escaped line is not found as such).
fn locate(file: &str, start: Position, template: &str, at: Option<(usize, usize)>) -> Position {
    let Some((line, column)) = at else {
        return start;
    };
    let Some(text) = template.lines().nth(line.saturating_sub(1)) else {
        return start;
    };
    let trimmed = text.trim_start();
    let indent = text.chars().count() - trimmed.chars().count();
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return start;
    }
    let from: usize = file
        .split_inclusive('\n')
        .take(start.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let Some(found) = file[from..].find(trimmed).map(|i| i + from) else {
        return start;
    };
    let before = &file[..found];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: file[line_start..found].chars().count() + 1 + column.saturating_sub(1 + indent),
    }
}

/// A rendered paragraph as the letter prints it: split at blank lines, each
/// part on one line, empty parts dropped.
fn paragraphs_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.extend(line.split_whitespace());
        }
    }
    out
}

/// The variables, read from the letter's own data (as `letter_base` and
/// the letter before proceedings write it).
fn context(data: &Value) -> Result<tera::Context, ProfileError> {
    let text = |pointer: &str| {
        data.pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| rule!("a letter given wording has no `{pointer}` in its data"))
    };
    let mut c = tera::Context::new();
    c.insert("child_names", &text("/children")?);
    c.insert("recipient_name", &text("/recipient/name")?);
    c.insert("authority", &text("/meta/authority/name")?);
    c.insert("letter_date", &text("/date")?);
    c.insert("social_worker", &text("/social_worker/name")?);
    if data.get("meeting").is_some() {
        c.insert(
            "meeting",
            &json!({ "date": text("/meeting/date")?, "time": text("/meeting/time")? }),
        );
    }
    Ok(c)
}

#[cfg(test)]
#[path = "wording_tests.rs"]
mod tests;
