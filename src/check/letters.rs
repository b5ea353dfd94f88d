//! The letters to parents as they will print: each is laid out, read back,
//! measured against the profile's targets and searched for its glossary's
//! terms to avoid. What misses a target, or uses such a term, becomes a
//! finding that points at the case field (or profile paragraph) the words
//! came from; `--strict` makes those findings errors. The terms each letter
//! prints for its "Words we use" box come back with the reading.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::case::{Case, LocationIndex};
use crate::diagnostics::{Finding, Findings, Severity};
use crate::documents::DocumentJob;
use crate::plain::glossary::Glossary;
use crate::plain::measure::{self, Counts};
use crate::plain::printed::{self, Kind};
use crate::plain::{LetterReport, Report, is_letter, source};
use crate::profile::{Audience, Profile};
use crate::render::{self, LaidOut, RenderError};

/// What reading the letters found, and what it laid out.
#[derive(Debug)]
pub struct Reading {
    /// How each letter reads.
    pub report: Report,
    /// Targets missed and jargon used.
    pub findings: Findings,
    /// For each job read, in the order given: the glossary terms it prints
    /// that its "Words we use" explains; `None` for a job that is not a letter.
    pub explained: Vec<Option<Vec<String>>>,
    /// The letters as laid out, for making their PDFs without laying them
    /// out again.
    pub laid: Vec<LaidOut>,
}

/// Lays out and checks every letter to a parent among `jobs`, in parallel.
/// `source` is the case file's text, for the line and column of each
/// finding. A letter's own "Words we use" is left out of its reading.
pub fn letters(
    profile: &Profile,
    case: &Case,
    index: &LocationIndex,
    jobs: &[DocumentJob],
    source: &str,
    strict: bool,
) -> Result<Reading, RenderError> {
    let rules = &profile.plain_language;
    let glossary = Glossary::new(&rules.glossary);
    let fields = source::case_fields(case);
    // A profile's own paragraphs are traced to their line in the profile
    // file they were written in.
    let wording = &profile.wording;
    let in_profile = |path: &str, words: &str| {
        let o = wording.file_of(path)?;
        let index = LocationIndex::build(&o.text);
        source::position_of(&o.text, &index, path, words)
    };
    let severity = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut letters = Vec::new();
    // Findings by (code, path, what): the same words in two parents'
    // letters are one finding naming both.
    let mut found: BTreeMap<(&'static str, String, String), Pending> = BTreeMap::new();
    let to_lay: Vec<(usize, &DocumentJob)> = jobs
        .iter()
        .enumerate()
        .filter(|(_, j)| is_letter(profile, j))
        .collect();
    let lay = |&(i, j): &(usize, &DocumentJob)| render::layout(j, profile).map(|l| (i, l));
    let laid: Vec<(usize, LaidOut)> = if render::may_fan_out() {
        to_lay.par_iter().map(lay).collect::<Result<_, _>>()?
    } else {
        to_lay.iter().map(lay).collect::<Result<_, _>>()?
    };
    let mut explained_by_job = vec![None; jobs.len()];
    let mut unsaid = Vec::new();
    for (i, l) in &laid {
        let job = &jobs[*i];
        let document = &l.document;
        let worded = source::wording_fields(job);
        let units = printed::units(document);
        unsaid.extend(super::must_say::unsaid(profile, job, &units, &in_profile));
        let counts = Counts::of(
            units
                .iter()
                .filter(|u| u.kind == Kind::Prose)
                .map(|u| u.text.as_str()),
        );
        let mut explained = Vec::new();
        let mut jargon = Vec::new();
        // A letter's tables are its letterhead, address and meeting
        // details; what parents sign (the agreement) says its worries and
        // plan in tables, so there they are read for jargon too.
        let tables = profile
            .document(&job.id)
            .is_some_and(|r| r.audience != Audience::Parent);
        for unit in read_for_jargon(&units, tables).iter() {
            // Where the case's fields and the profile's paragraphs sit in
            // the unit: searched for only once something in it is to be
            // pointed at, which most units never are (the search was a
            // tenth of a check).
            let (case_at, wording_at) = (OnceCell::new(), OnceCell::new());
            let spans = || case_at.get_or_init(|| source::spans(&unit.text, &fields));
            let own = || wording_at.get_or_init(|| source::spans(&unit.text, &worded));
            for hit in glossary.find(&unit.text) {
                let term = glossary.term(hit.term);
                let list = if term.instead.is_some() {
                    &mut jargon
                } else {
                    &mut explained
                };
                if !list.contains(&term.term) {
                    list.push(term.term.clone());
                }
                let Some(instead) = &term.instead else {
                    continue;
                };
                let written = &unit.text[hit.range.clone()];
                let field = source::field_at(spans(), hit.range.clone());
                let worded_at =
                    source::field_at(own(), hit.range.clone()).filter(|_| field.is_none());
                let (path, message) = match (field, worded_at) {
                    (Some(f), _) => (
                        fields[f].path.clone(),
                        format!("\"{written}\" is jargon most parents will not know"),
                    ),
                    (None, Some(w)) => (
                        worded[w].path.clone(),
                        format!(
                            "\"{written}\" is in the profile's wording: jargon most parents will not know"
                        ),
                    ),
                    (None, None) => (
                        String::new(),
                        format!(
                            "\"{written}\" is in the wording of template `{}`: jargon most parents will not know",
                            job.template
                        ),
                    ),
                };
                let entry = found
                    .entry(("jargon", path.clone(), term.term.to_lowercase()))
                    .or_insert_with(|| Pending {
                        message,
                        help: format!(
                            "write \"{instead}\" instead ({}: {})",
                            term.term, term.means
                        ),
                        position: match (field, worded_at) {
                            (Some(_), _) => source::position_of(source, index, &path, written),
                            (None, Some(_)) => in_profile(&path, written),
                            (None, None) => None,
                        },
                        width: (field.is_some() || worded_at.is_some())
                            .then(|| written.chars().count()),
                        file: worded_at.and_then(|_| wording.file_of(&path).cloned()),
                        letters: Vec::new(),
                    });
                entry.add(&job.title);
            }
            if unit.kind != Kind::Prose {
                continue;
            }
            for range in measure::sentences(&unit.text) {
                let n = measure::words(&unit.text[range.clone()]).count();
                if n <= rules.targets.longest_sentence {
                    continue;
                }
                let sentence = &unit.text[range.clone()];
                let field = source::field_overlapping(spans(), range.clone());
                let worded_at = source::field_overlapping(own(), range).filter(|_| field.is_none());
                let path = match (field, worded_at) {
                    (Some(f), _) => fields[f].path.clone(),
                    (None, Some(w)) => worded[w].path.clone(),
                    (None, None) => String::new(),
                };
                let start: String = sentence
                    .split_whitespace()
                    .take(8)
                    .collect::<Vec<_>>()
                    .join(" ");
                let entry = found
                    .entry(("long-sentence", path.clone(), start.clone()))
                    .or_insert_with(|| Pending {
                        message: match (field, worded_at) {
                            (Some(_), _) => format!("a sentence of {n} words: \"{start} …\""),
                            (None, Some(_)) => format!("a sentence of {n} words in the profile's wording: \"{start} …\""),
                            (None, None) => format!(
                                "a sentence of {n} words in the wording of template `{}`: \"{start} …\"",
                                job.template
                            ),
                        },
                        help: format!(
                            "split it into shorter sentences: no sentence over {} words, {} on average",
                            rules.targets.longest_sentence, rules.targets.average_sentence
                        ),
                        position: match (field, worded_at) {
                            (Some(_), _) => source::position_of(source, index, &path, &start),
                            (None, Some(_)) => in_profile(&path, &start),
                            (None, None) => None,
                        },
                        width: None,
                        file: worded_at.and_then(|_| wording.file_of(&path).cloned()),
                        letters: Vec::new(),
                    });
                entry.add(&job.title);
            }
        }
        explained_by_job[*i] = Some(explained.clone());
        let letter = LetterReport {
            document: job.id.clone(),
            title: job.title.clone(),
            file_name: job.file_name.clone(),
            counts,
            explained,
            jargon,
        };
        for (code, measured, target) in letter.misses(&rules.targets) {
            found
                .entry((code, String::new(), job.file_name.clone()))
                .or_insert_with(|| Pending {
                    message: format!("{measured} in {}; the target is {target}", job.title),
                    help: "shorter sentences and everyday words in the case's text for this letter bring it up to target".into(),
                    position: None,
                    width: None,
                    file: None,
                    letters: Vec::new(),
                });
        }
        letters.push(letter);
    }
    let mut findings = Findings::default();
    for ((code, path, _), p) in found {
        let mut message = p.message;
        if !p.letters.is_empty() {
            message.push_str(&format!(" (in {})", p.letters.join("; ")));
        }
        let mut f = Finding::warning(code, path, message)
            .help(p.help)
            .source(rules.source.clone());
        f.severity = severity;
        f.position = p.position;
        f.width = p.width;
        f.file = p.file;
        findings.push(f);
    }
    for f in super::must_say::merged(unsaid) {
        findings.push(f);
    }
    findings.locate(index);
    Ok(Reading {
        report: Report {
            targets: rules.targets,
            letters,
            easy_targets: profile.easy_read.targets,
            easy_read: Vec::new(),
        },
        findings,
        explained: explained_by_job,
        laid: laid.into_iter().map(|(_, l)| l).collect(),
    })
}

/// The units read for jargon: paragraphs and headings, and, when
/// `tables`, each run of table lines as one unit (a table line is cut
/// where the cell wraps, so a field or a term may run over several).
fn read_for_jargon(units: &[printed::Unit], tables: bool) -> Vec<printed::Unit> {
    let mut out: Vec<printed::Unit> = Vec::new();
    let mut joining = false;
    for u in units {
        match u.kind {
            Kind::Prose | Kind::Heading => out.push(u.clone()),
            Kind::Table if tables => {
                if joining && let Some(last) = out.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(&u.text);
                } else {
                    out.push(u.clone());
                }
            }
            _ => {}
        }
        joining = tables && u.kind == Kind::Table;
    }
    out
}

/// A finding being gathered across letters.
struct Pending {
    message: String,
    help: String,
    position: Option<crate::diagnostics::Position>,
    /// Characters to underline from the position: the term's length.
    width: Option<usize>,
    /// The profile file, for words in its wording.
    file: Option<std::sync::Arc<crate::diagnostics::SourceFile>>,
    letters: Vec<String>,
}

impl Pending {
    fn add(&mut self, letter: &str) {
        if !self.letters.iter().any(|l| l == letter) {
            self.letters.push(letter.to_string());
        }
    }
}
