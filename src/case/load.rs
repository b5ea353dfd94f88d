//! Parsing a case file: YAML text to [`Case`], or findings that say exactly
//! where and why it could not be read.

use super::locate::LocationIndex;
use super::model::Case;
use super::path::walk_strings;
use crate::diagnostics::Position;
use crate::diagnostics::{Finding, Findings};

/// A parsed case with the text it came from, so later findings can point into it.
#[derive(Debug, Clone)]
pub struct LoadedCase {
    /// The case as written, with control characters removed from free text.
    pub case: Case,
    /// Where each value sits in the file.
    pub index: LocationIndex,
}

/// Where to look when serde does not list the fields a mapping accepts.
const KNOWN_TOP_LEVEL_HINT: &str =
    "see docs/case-format.md for every field the case format accepts";

/// Parses case YAML. Structural problems (bad YAML, unknown or missing
/// fields, impossible dates) come back as findings; so do warnings about
/// control characters dropped from free text.
pub fn parse(text: &str) -> Result<(LoadedCase, Findings), Findings> {
    if let Some(lone) = lone_carriage_return(text) {
        let mut findings = Findings::new();
        findings.push(lone);
        return Err(findings);
    }
    let index = LocationIndex::build(text);
    if let Some(old) = older_format(text) {
        let mut findings = Findings::new();
        findings.push(old);
        findings.locate(&index);
        return Err(findings);
    }
    let options = serde_saphyr::options! { with_snippet: false };
    let case: Case = match serde_saphyr::from_str_with_options(text, options) {
        Ok(case) => case,
        Err(err) => {
            let mut findings = Findings::new();
            findings.push(finding_from_yaml_error(&err, text));
            return Err(findings);
        }
    };
    let mut findings = Findings::new();
    let case = match strip_control_characters(case, &mut findings) {
        Ok(case) => case,
        Err(f) => {
            findings.push(*f);
            findings.locate(&index);
            return Err(findings);
        }
    };
    findings.locate(&index);
    Ok((LoadedCase { case, index }, findings))
}

/// A carriage return not followed by a line feed (an old Mac line break,
/// or a stray one pasted in). YAML counts it as a new line where editors
/// and casepack's own quoting of the file show none, so every position
/// after it, and the value it sits in, would differ from what the writer
/// sees: refused, at the line and column where an editor shows it.
fn lone_carriage_return(text: &str) -> Option<Finding> {
    let at = text
        .char_indices()
        .find(|&(i, c)| c == '\r' && !text[i + 1..].starts_with('\n'))?
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some(
        Finding::error(
            "invalid-yaml",
            "",
            "a carriage return on its own, which YAML reads as a new line that an editor may not show",
        )
        .help("save the file with ordinary line breaks (LF, or CR LF as Windows writes them), or remove the stray character")
        .at(Position { line, column }),
    )
}

/// A case written in an older format, said plainly with how to move it on,
/// before its fields are read as this format's.
fn older_format(text: &str) -> Option<Finding> {
    #[derive(serde::Deserialize)]
    struct Version {
        casepack: Option<serde_json::Value>,
    }
    let v: Version = serde_saphyr::from_str(text).ok()?;
    let version = v.casepack?.as_u64()?;
    (version < u64::from(super::FORMAT_VERSION)).then(|| {
        Finding::error(
            "format-version",
            "casepack",
            format!(
                "this file is written in case format {version}; this casepack reads format {}, where every person is written once, under `people`",
                super::FORMAT_VERSION
            ),
        )
        .help("run `casepack migrate CASE.yaml -o NEW.yaml` to write it in format 2, then check what it says to check (who holds parental responsibility for which child)")
    })
}

fn finding_from_yaml_error(err: &serde_saphyr::Error, text: &str) -> Finding {
    let inner = err.without_snippet();
    let message = match inner {
        serde_saphyr::Error::Message { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    let position = err.location().and_then(|loc| {
        let (line, column) = (loc.line() as usize, loc.column() as usize);
        (line > 0).then_some(Position {
            line,
            column: column.max(1),
        })
    });
    let mut finding = explain(&message, text, position);
    if finding.position.is_none()
        && let Some(p) = position
    {
        finding = finding.at(p);
    }
    finding
}

/// Turns serde's wording into a finding a social worker can act on.
fn explain(message: &str, text: &str, position: Option<Position>) -> Finding {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected_names(tail);
        let mut f = Finding::error(
            "unknown-field",
            "",
            format!("`{field}` is not a field here"),
        );
        f = match crate::diagnostics::nearest(field, &expected) {
            Some(best) => f.help(format!("did you mean `{best}`?")),
            None if !expected.is_empty() => f.help(format!(
                "the fields here are: {}",
                expected
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None => f.help(KNOWN_TOP_LEVEL_HINT),
        };
        return f;
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = expected_names(tail);
        let options = expected
            .iter()
            .map(|e| format!("`{e}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut f = Finding::error(
            "unknown-value",
            "",
            format!("`{value}` is not one of the allowed values"),
        );
        f = match crate::diagnostics::nearest(value, &expected) {
            Some(best) => f.help(format!("did you mean `{best}`? (allowed: {options})")),
            None => f.help(format!("allowed values: {options}")),
        };
        return f;
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        // serde points past the end of the mapping that lacks the field; for
        // the top level that is the end of the file, so say so plainly.
        if TOP_LEVEL_FIELDS.contains(&field) && !has_top_level_key(text, field) {
            return Finding::error(
                "missing-field",
                "",
                format!("the case has no `{field}`, which every case needs"),
            )
            .at(Position { line: 1, column: 1 })
            .help(format!(
                "add `{field}:` at the top level; see docs/case-format.md"
            ));
        }
        let within = position
            .and_then(|p| text.lines().nth(p.line.saturating_sub(1)))
            .map(str::trim)
            .and_then(|l| l.strip_suffix(':').or(Some(l)))
            .unwrap_or("");
        let msg = if within.is_empty() {
            format!("the required field `{field}` is missing")
        } else {
            format!("the required field `{field}` is missing here")
        };
        return Finding::error("missing-field", "", msg).help(format!(
            "add `{field}:` with its value; see docs/case-format.md"
        ));
    }
    if message.contains("not a real date") || message.contains("not a date written as") {
        return Finding::error("invalid-date", "", strip_location_suffix(message))
            .help("write dates as YYYY-MM-DD and check the day exists in that month");
    }
    if message.contains("not a time written as") {
        return Finding::error("invalid-time", "", strip_location_suffix(message))
            .help("write times as HH:MM on the 24-hour clock, e.g. 14:30");
    }
    if message.contains("is not an id") {
        return Finding::error("invalid-id", "", strip_location_suffix(message))
            .help("an id is lower-case letters, digits and hyphens, starting with a letter, e.g. `kerry` or `baby-cole`");
    }
    if message.contains("is not a path in the case") {
        return Finding::error("invalid-path", "", strip_location_suffix(message))
            .help("write a path like `people[ryan].address` or `worries[0].evidence[1]`");
    }
    if message.contains("not a year") {
        return Finding::error("invalid-date", "", strip_location_suffix(message)).help(
            "write a date as YYYY-MM-DD, or only the year when the day is not known, e.g. 1995",
        );
    }
    if message.contains("duplicate") {
        return Finding::error("duplicate-key", "", strip_location_suffix(message))
            .help("each field may appear once; remove or merge the repeated one");
    }
    Finding::error("invalid-yaml", "", strip_location_suffix(message))
        .help("check the indentation and punctuation on this line against docs/case-format.md")
}

/// The top-level fields every case must have.
const TOP_LEVEL_FIELDS: &[&str] = &[
    "casepack",
    "reference",
    "local_authority",
    "people",
    "children",
    "professionals",
    "lpm",
    "worries",
];

fn has_top_level_key(text: &str, field: &str) -> bool {
    text.lines().any(|l| {
        l.strip_prefix(field)
            .is_some_and(|r| r.trim_start().starts_with(':'))
    })
}

fn strip_location_suffix(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The names serde lists after "expected": "expected one of a, b, c",
/// "expected a or b", with or without backticks, before any "at line".
fn expected_names(text: &str) -> Vec<String> {
    let text = strip_location_suffix(text);
    let Some(i) = text.find("expected") else {
        return Vec::new();
    };
    let list = text[i + "expected".len()..].trim_start();
    let list = list.strip_prefix("one of").unwrap_or(list);
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|s| s.trim().trim_matches('`').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Removes control characters (other than line breaks and tabs) from every
/// string in the case, warning once per field. They cannot be typeset and
/// are almost always debris from copying text out of another system.
fn strip_control_characters(case: Case, findings: &mut Findings) -> Result<Case, Box<Finding>> {
    let mut value = serde_json::to_value(&case).map_err(|e| Box::new(internal(e)))?;
    let mut changed = false;
    walk_strings(&mut value, &mut |path, s| {
        if s.chars().any(is_unprintable) {
            *s = s.chars().filter(|c| !is_unprintable(*c)).collect();
            changed = true;
            findings.push(
                Finding::warning(
                    "control-characters",
                    path.to_string(),
                    "this text contains control characters; they were left out of the documents",
                )
                .help("retype the text, or paste it as plain text, to remove hidden characters"),
            );
        }
    });
    if !changed {
        return Ok(case);
    }
    serde_json::from_value(value).map_err(|e| Box::new(internal(e)))
}

/// A case that cannot be copied is never used half-copied.
fn internal(e: serde_json::Error) -> Finding {
    Finding::error(
        "internal",
        "",
        format!("casepack could not copy the case to clean its text: {e}"),
    )
    .help("please report this with the case's shape (not its contents)")
}

fn is_unprintable(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// What prints in place of a character no font can show: visible, so the
/// reader sees something is missing rather than an invisible gap.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Replaces every character `can_show` refuses with [`REPLACEMENT`] in every
/// string of the case, warning once per field with the characters named.
pub fn replace_unshowable(
    loaded: &mut LoadedCase,
    can_show: impl Fn(char) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut value = match serde_json::to_value(&loaded.case) {
        Ok(v) => v,
        Err(e) => return vec![internal(e)],
    };
    walk_strings(&mut value, &mut |path, s| {
        let missing: Vec<char> = s.chars().filter(|c| !can_show(*c)).collect();
        if missing.is_empty() {
            return;
        }
        *s = s
            .chars()
            .map(|c| if can_show(c) { c } else { REPLACEMENT })
            .collect();
        let mut shown: Vec<String> = Vec::new();
        for c in missing {
            let name = format!("{c} (U+{:04X})", c as u32);
            if !shown.contains(&name) {
                shown.push(name);
            }
        }
        findings.push(
            Finding::warning(
                "unsupported-characters",
                path.to_string(),
                format!(
                    "the documents' fonts cannot show {}; {} print as {REPLACEMENT}",
                    shown.join(", "),
                    if shown.len() == 1 { "it will" } else { "they will" }
                ),
            )
            .help("write the words in English letters (for a name, as the person spells it in English), or attach a document in the other script"),
        );
    });
    if !findings.is_empty() {
        match serde_json::from_value(value) {
            Ok(case) => loaded.case = case,
            Err(e) => findings.push(internal(e)),
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_carriage_return_on_its_own_is_refused_where_an_editor_shows_it() {
        // Found by fuzzing: YAML broke the line at the `\r`, so the finding
        // pointed at a line and column the file as shown does not have.
        let text = "version: 2\nreference: \r x\n";
        let Err(findings) = super::parse(text) else {
            panic!("a lone carriage return was accepted");
        };
        let f = findings.sorted().into_iter().next().expect("a finding");
        assert_eq!(f.code, "invalid-yaml");
        assert!(
            f.message.contains("carriage return on its own"),
            "{}",
            f.message
        );
        let p = f.position.expect("placed");
        assert_eq!((p.line, p.column), (2, 12));
        // Windows line breaks are ordinary ones.
        let windows = "version: 2\r\nreference: x\r\n";
        assert!(super::lone_carriage_return(windows).is_none());
    }
}
