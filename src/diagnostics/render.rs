//! Findings printed the way rustc prints its diagnostics: the file name,
//! line and column, the line itself with a caret, then help and source.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Finding, Findings, Position, Severity};

impl Findings {
    /// Prints the findings the way rustc prints its diagnostics: the file
    /// name, line and column, the line itself with a caret, then help.
    pub fn render(&self, file_name: &str, text: &str, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for f in self.sorted() {
            let (file_name, text) = match &f.file {
                Some(other) => (other.name.as_str(), other.text.as_str()),
                None => (file_name, text),
            };
            out.push_str(&renderer.render(&report(f, file_name, text)));
            out.push_str("\n\n");
        }
        let errors = self.count(Severity::Error);
        let warnings = self.count(Severity::Warning);
        if errors + warnings > 0 {
            out.push_str(&summary(errors, warnings));
            out.push('\n');
        }
        out
    }
}

fn summary(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, w) => format!("{} found", plural(w, "warning")),
        (e, 0) => format!("{} found: nothing was written", plural(e, "error")),
        (e, w) => format!(
            "{} and {} found: nothing was written",
            plural(e, "error"),
            plural(w, "warning")
        ),
    }
}

fn report<'a>(f: &'a Finding, file_name: &'a str, text: &'a str) -> Vec<Group<'a>> {
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(f.message.as_str()).id(f.code);
    let key_only = f.code == "unknown-field";
    let mut group = match f.position.and_then(|p| line_span(text, p, key_only)) {
        Some((line_text, line_no, mut span)) => {
            if let Some(w) = f.width {
                let end = line_text[span.start..]
                    .char_indices()
                    .nth(w)
                    .map_or(line_text.len(), |(i, _)| span.start + i);
                span.end = end.max(span.start + 1).min(line_text.len());
            }
            let label = if f.path.is_empty() {
                String::new()
            } else {
                format!("`{}`", f.path)
            };
            title.element(
                Snippet::source(line_text)
                    .line_start(line_no)
                    .path(file_name)
                    .annotation(AnnotationKind::Primary.span(span).label(label)),
            )
        }
        None => {
            let origin = if f.path.is_empty() {
                file_name.to_string()
            } else {
                format!("{file_name} (at `{}`)", f.path)
            };
            title.element(Level::NOTE.message(format!("in {origin}")))
        }
    };
    if let Some(help) = &f.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    if let Some(source) = &f.source {
        group = group.element(Level::NOTE.message(format!("source: {source}")));
    }
    vec![group]
}

/// The line holding `pos` and the byte span to underline: from the column
/// to the end of the value on that line (or of the key, for a bad key).
fn line_span(
    text: &str,
    pos: Position,
    key_only: bool,
) -> Option<(&str, usize, std::ops::Range<usize>)> {
    let line = text.lines().nth(pos.line.checked_sub(1)?)?;
    let start = line
        .char_indices()
        .nth(pos.column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let rest = &line[start..];
    let end_rel = rest.find(" #").unwrap_or(rest.len());
    let end_rel = if key_only {
        rest.find(':').unwrap_or(end_rel).min(end_rel)
    } else {
        end_rel
    };
    let trimmed = rest[..end_rel].trim_end();
    let end = start + trimmed.len().max(1).min(line.len() - start);
    let end = if end <= start { start } else { end };
    Some((line, pos.line, start..end.max(start)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn a_finding_prints_file_line_column_caret_and_help() {
        let text = "lpm:\n  dte: 2026-11-16\n";
        let mut findings = Findings::new();
        findings.push(
            Finding::error("unknown-field", "lpm.dte", "unknown field `dte` in `lpm`")
                .at(Position { line: 2, column: 3 })
                .help("did you mean `date`?"),
        );
        let out = findings.render("case.yaml", text, false);
        assert!(
            out.contains("error[unknown-field]: unknown field `dte` in `lpm`"),
            "{out}"
        );
        assert!(out.contains("case.yaml:2:3"), "{out}");
        assert!(out.contains("dte: 2026-11-16"), "{out}");
        assert!(out.contains("  dte: 2026-11-16\n  |   ^^^ "), "{out}");
        assert!(out.contains("help: did you mean `date`?"), "{out}");
        assert!(out.contains("1 error found: nothing was written"), "{out}");
    }
}
