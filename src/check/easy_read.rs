//! The Easy Read documents, checked against the profile's Easy Read rules:
//! every sentence from the case that breaks one is an error at its field
//! (with the field to write an Easy Read wording in), a target the
//! document misses is an error, and what the formal document must say
//! its Easy Read version must say too. An error stops the build, so a
//! document that claims to be Easy Read and is not is never written.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::case::LocationIndex;
use crate::diagnostics::{Finding, Findings};
use crate::documents::DocumentJob;
use crate::plain::easy::{self, EasyReadReport};
use crate::plain::printed::{Kind, Unit};
use crate::plain::source;
use crate::profile::Profile;
use crate::render::{self, LaidOut, RenderError};

/// What checking the Easy Read documents found.
#[derive(Debug, Default)]
pub struct EasyReading {
    /// How each measures, in pack order.
    pub reports: Vec<EasyReadReport>,
    /// Rules broken, targets missed, required items left out.
    pub findings: Findings,
    /// The documents as laid out, for making their PDFs.
    pub laid: Vec<LaidOut>,
}

/// Lays out and checks every Easy Read document among `jobs`. `source` is
/// the case file's text, for the line and column of each finding.
pub fn easy_read(
    profile: &Profile,
    index: &LocationIndex,
    jobs: &[DocumentJob],
    source: &str,
) -> Result<EasyReading, RenderError> {
    let to_lay: Vec<&DocumentJob> = jobs.iter().filter(|j| j.easy_read).collect();
    let lay = |j: &&DocumentJob| render::layout(j, profile);
    let laid: Vec<LaidOut> = if render::may_fan_out() {
        to_lay.par_iter().map(lay).collect::<Result<_, _>>()?
    } else {
        to_lay.iter().map(lay).collect::<Result<_, _>>()?
    };
    let rules = &profile.easy_read;
    let targets = &rules.targets;
    // The same words in two readers' versions are one finding naming both.
    let mut found: BTreeMap<(String, &'static str, String), (Finding, Vec<String>)> =
        BTreeMap::new();
    let mut reports = Vec::new();
    let mut unsaid = Vec::new();
    for (job, l) in to_lay.iter().zip(&laid) {
        let texts = easy::texts(&job.data);
        for b in easy::breaches(profile, &texts) {
            let key = (
                b.field.clone().unwrap_or_default(),
                b.rule,
                b.words.to_lowercase(),
            );
            let entry = found.entry(key).or_insert_with(|| {
                let f = match &b.field {
                    Some(field) => Finding::error(
                        "easy-read-words",
                        field.clone(),
                        format!("{}: \"{}\"", b.what, b.words),
                    )
                    .help(help_for(field, b.rule)),
                    None => Finding::error(
                        "easy-read-words",
                        "",
                        format!(
                            "casepack's Easy Read wording breaks a rule with the case's words in it: {} (\"{}\")",
                            b.what, b.words
                        ),
                    )
                    .help("a name, place or date in it is too long for an Easy Read sentence; shorten it in the case"),
                };
                let mut f = f.source(rules.source.clone());
                if let Some(field) = &b.field {
                    f.position = source::position_of(source, index, field, &b.words);
                }
                (f, Vec::new())
            });
            entry.1.push(job.title.clone());
        }
        let report = easy::report(profile, job, &l.document);
        // A sentence over the limit is already a finding at its field.
        let over = report.longest_sentence > targets.longest_sentence;
        for (measured, target) in report.misses(targets).into_iter().skip(usize::from(over)) {
            found.insert(
                (String::new(), "target", format!("{}{measured}", job.file_name)),
                (
                    Finding::error(
                        "easy-read-target",
                        "",
                        format!("{measured} in {}; Easy Read needs {target}", job.title),
                    )
                    .help("write the case's texts for it in shorter sentences, one idea each (their `easy_read:` wordings)")
                    .source(rules.source.clone()),
                    Vec::new(),
                ),
            );
        }
        let units: Vec<Unit> = texts
            .iter()
            .map(|t| Unit {
                kind: Kind::Prose,
                text: t.text.clone(),
            })
            .collect();
        let none = |_: &str, _: &str| None;
        unsaid.extend(super::must_say::unsaid(profile, job, &units, &none));
        reports.push(report);
    }
    let mut findings = Findings::default();
    for (_, (mut f, titles)) in found {
        if !titles.is_empty() {
            f.message = format!("{} (in {})", f.message, titles.join("; "));
        }
        findings.push(f);
    }
    for f in super::must_say::merged(unsaid) {
        findings.push(f);
    }
    findings.locate(index);
    Ok(EasyReading {
        reports,
        findings,
        laid,
    })
}

/// What to do about a broken rule at `field`: reword its Easy Read
/// wording, or write one beside the typed text.
fn help_for(field: &str, rule: &str) -> String {
    let how = match rule {
        "long" => "short sentences of 15 words or fewer, one idea each",
        "capitals" => "the word in ordinary letters, or a plain word for it",
        "number-words" => "numbers as digits (3, not three)",
        _ => {
            "an everyday word instead (the hard words Easy Read may use are the profile's `easy_read.words`)"
        }
    };
    match easy_path(field) {
        None => format!("reword it for Easy Read: {how}"),
        Some(easy) => format!(
            "write it for Easy Read under `{easy}` ({how}); the formal letter keeps the text as it is"
        ),
    }
}

/// Where a typed text's Easy Read wording goes: `worries[0].worry` →
/// `worries[0].easy_read.worry`, `plan[1].action` → `plan[1].easy_read`;
/// none for a text that is already an Easy Read wording.
fn easy_path(field: &str) -> Option<String> {
    if field.contains("easy_read") {
        return None;
    }
    let (record, leaf) = field.rsplit_once('.')?;
    if record.starts_with("worries[") {
        return Some(format!("{record}.easy_read.{leaf}"));
    }
    if record.starts_with("pre_proceedings_end") {
        let leaf = leaf.split('[').next().unwrap_or(leaf);
        return Some(format!("pre_proceedings_end.easy_read.{leaf}"));
    }
    Some(format!("{record}.easy_read"))
}

#[cfg(test)]
mod tests {
    use super::easy_path;

    #[test]
    fn each_typed_text_has_an_easy_read_field_beside_it() {
        assert_eq!(
            easy_path("worries[0].must_change").as_deref(),
            Some("worries[0].easy_read.must_change")
        );
        assert_eq!(
            easy_path("plan[2].action").as_deref(),
            Some("plan[2].easy_read")
        );
        assert_eq!(
            easy_path("support[1].what").as_deref(),
            Some("support[1].easy_read")
        );
        assert_eq!(
            easy_path("letter_of_issue.why").as_deref(),
            Some("letter_of_issue.easy_read")
        );
        assert_eq!(
            easy_path("pre_proceedings_end.progress[1]").as_deref(),
            Some("pre_proceedings_end.easy_read.progress")
        );
        assert_eq!(easy_path("worries[0].easy_read.worry"), None);
    }
}
