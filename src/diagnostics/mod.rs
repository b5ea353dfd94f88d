//! Findings as data: what `check` (and every later stage) found wrong or
//! worth knowing, each tied to a place in the case file, printed like rustc
//! and available as JSON for other tools.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

mod render;

/// A 1-based line and column in the case file (or the file a finding names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    /// Line, counting from 1.
    pub line: usize,
    /// Column in characters, counting from 1.
    pub column: usize,
}

/// Where a path of the case sits in its file: what [`Findings::locate`]
/// asks of the case's location index.
pub trait Locate {
    /// The line and column of the value at `path`, if the file has it.
    fn value(&self, path: &str) -> Option<Position>;
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Nothing is built while any error stands.
    Error,
    /// Worth fixing; the pack is still built.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding about a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable identifier, e.g. `unknown-field`, for tests and scripts.
    pub code: &'static str,
    /// The YAML path the finding is about (`parents[0].name`); empty for the whole file.
    pub path: String,
    /// Where that path is in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The procedure the rule comes from, e.g. `004 §9b(ii)`.
    pub source: Option<String>,
    /// How many characters from the position to underline, when the
    /// finding is about words inside a value (a jargon term) rather than
    /// the whole value.
    #[serde(skip)]
    pub width: Option<usize>,
    /// The file the position is in, when it is not the case file (a
    /// profile's wording).
    #[serde(skip)]
    pub file: Option<Arc<SourceFile>>,
}

/// A file other than the case that a finding may point into, with its text
/// to quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Its name, as given on the command line or in the case.
    pub name: String,
    /// Its text.
    pub text: String,
}

impl Finding {
    /// An error about `path`.
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Error,
            code,
            path: path.into(),
            position: None,
            message: message.into(),
            help: None,
            source: None,
            width: None,
            file: None,
        }
    }

    /// A warning about `path`.
    pub fn warning(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, path, message)
        }
    }

    /// Adds a one-line help.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds the procedure reference the rule comes from.
    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Says the finding's position is in `file`, not the case file.
    pub fn in_file(mut self, file: Arc<SourceFile>) -> Self {
        self.file = Some(file);
        self
    }

    /// Pins the finding to a position (used where the parser, not a path, knows it).
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }
}

/// A finding as `check --format json` prints it: flat, every field always
/// present (null when unknown), the field names part of casepack's stable
/// interface (README "Findings as JSON").
#[derive(Debug, Serialize)]
pub struct JsonFinding<'a> {
    /// `error` or `warning`.
    pub severity: Severity,
    /// Stable identifier of the kind of finding.
    pub code: &'a str,
    /// What is wrong, in one sentence.
    pub message: &'a str,
    /// The YAML path, e.g. `parents[0].name`; empty for the whole file.
    pub path: &'a str,
    /// The file `line` and `column` are in when it is not the case file (a
    /// profile), else `None`.
    pub file: Option<&'a str>,
    /// 1-based line in the case file.
    pub line: Option<usize>,
    /// 1-based column, in characters.
    pub column: Option<usize>,
    /// The procedure the rule comes from, e.g. `004 §4d(iii)`.
    pub source: Option<&'a str>,
    /// What to do about it.
    pub help: Option<&'a str>,
}

impl Finding {
    /// The finding in its stable JSON shape.
    pub fn to_json(&self) -> JsonFinding<'_> {
        JsonFinding {
            severity: self.severity,
            code: self.code,
            message: &self.message,
            path: &self.path,
            file: self.file.as_deref().map(|f| f.name.as_str()),
            line: self.position.map(|p| p.line),
            column: self.position.map(|p| p.column),
            source: self.source.as_deref(),
            help: self.help.as_deref(),
        }
    }
}

/// All findings about one case file, with the text they point into.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    items: Vec<Finding>,
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl Findings {
    /// No findings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a finding.
    pub fn push(&mut self, finding: Finding) {
        self.items.push(finding);
    }

    /// Records a finding unless the same one is already recorded (a
    /// profile's mistake found again in each parent's pack).
    pub fn push_once(&mut self, finding: Finding) {
        if !self.items.contains(&finding) {
            self.items.push(finding);
        }
    }

    /// Records several findings.
    pub fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        self.items.extend(findings);
    }

    /// Every finding, errors first, then in file order.
    pub fn sorted(&self) -> Vec<&Finding> {
        let mut v: Vec<&Finding> = self.items.iter().collect();
        v.sort_by_key(|f| (f.severity, f.position, f.path.clone()));
        v
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|f| f.severity == severity).count()
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Fills in positions from the case file's location index.
    pub fn locate(&mut self, index: &impl Locate) {
        for f in &mut self.items {
            // An overdue step is something the file lacks: there is no line
            // to point at, only the path where it would be recorded.
            if f.position.is_none() && f.file.is_none() && !f.path.is_empty() && f.code != "overdue"
            {
                f.position = index.value(&f.path);
            }
        }
    }
}

/// The closest valid name, if one is close enough to be a likely typo.
/// Case, hyphens and underscores are ignored in the comparison.
pub fn nearest<S: AsRef<str>>(given: &str, candidates: &[S]) -> Option<String> {
    let norm = |s: &str| s.to_lowercase().replace(['-', ' '], "_");
    let given = norm(given);
    candidates
        .iter()
        .map(|c| c.as_ref())
        .map(|c| (strsim::damerau_levenshtein(&given, &norm(c)), c))
        .filter(|(d, c)| *d <= 3.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}
