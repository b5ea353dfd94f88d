//! The caseload on one landscape A4 page for a team meeting
//! (`templates/caseload-sheet.typ`): the report's groups with as many rows
//! as the page holds, overdue and due-soon steps kept before next steps;
//! what is left off is counted on the page, and the command's table has it
//! all. Cases appear by reference only: no child's name or address.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde_json::{Value, json};

use super::read::Reported;
use super::{Report, Row, Standing};
use crate::documents::{Audience, Authority, DocumentJob, Meta};
use crate::profile::{Profile, plural};
use crate::render::{self, RenderError};

/// The file name the sheet is given inside casepack (its PDF metadata).
const FILE_NAME: &str = "caseload-sheet.pdf";

/// The sheet, rendered.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// How many of the report's rows it leaves off.
    pub left_off: usize,
}

/// Renders the report on one page: as many rows as fit, by priority
/// (overdue, then due soon, then next; each by date). `cases` are the
/// reported cases (their councils, teams and protective markings head the
/// page). The page is rendered with the profile every case shares, or the
/// built-in one when they differ.
pub fn render(report: &Report, cases: &[Reported]) -> Result<Sheet, RenderError> {
    let profile = shared_profile(cases);
    let total = report.rows().count();
    let mut best: Option<(usize, render::RenderedDocument)> = None;
    let kept = most_that_fit(total.min(MOST_ROWS), estimate(report), |keep| {
        let doc = render::render(&job(report, cases, &profile, keep), &profile)?;
        let fits = doc.pages == 1;
        if fits && best.as_ref().is_none_or(|(k, _)| keep > *k) {
            best = Some((keep, doc));
        }
        Ok(fits)
    })?;
    match (kept, best) {
        (Some(kept), Some((k, doc))) if k == kept => Ok(Sheet {
            pdf: doc.pdf,
            left_off: total - kept,
        }),
        _ => Err(RenderError {
            template: "caseload-sheet.typ".into(),
            messages: vec!["the page's heading and notes alone do not fit on one page".into()],
        }),
    }
}

/// More rows than one page could hold however short: a row is at least a
/// line of text.
const MOST_ROWS: usize = 60;

/// The most rows, up to `total`, for which `fits` holds (more rows never
/// fit where fewer do not), or `None` when not even none do. Tries
/// `guess` first, then steps out from it by 1, 2, 4, … rows, then halves
/// what is left: each try is a real layout, and a good guess costs two or
/// three.
fn most_that_fit<E>(
    total: usize,
    guess: usize,
    mut fits: impl FnMut(usize) -> Result<bool, E>,
) -> Result<Option<usize>, E> {
    let guess = guess.min(total);
    // `lo` fits; `hi` does not (`total + 1`: nothing known not to).
    let (mut lo, mut hi);
    if fits(guess)? {
        (lo, hi) = (guess, total + 1);
        let mut step = 1;
        while lo + step < hi {
            if fits(lo + step)? {
                lo += step;
                step *= 2;
            } else {
                hi = lo + step;
                break;
            }
        }
    } else {
        hi = guess;
        let mut step = 1;
        loop {
            if hi == 0 {
                return Ok(None);
            }
            let k = hi.saturating_sub(step);
            if fits(k)? {
                lo = k;
                break;
            }
            hi = k;
            step *= 2;
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(lo))
}

/// The profile of every case when they share one (by id and name), else
/// the built-in default: it gives the page its templates and logo.
fn shared_profile(cases: &[Reported]) -> Arc<Profile> {
    match cases.split_first() {
        Some((first, rest))
            if rest.iter().all(|c| {
                c.profile.profile == first.profile.profile && c.profile.name == first.profile.name
            }) =>
        {
            first.profile.clone()
        }
        _ => Arc::new(crate::profile::default_profile().clone()),
    }
}

/// How many rows a page is likely to hold, counted in lines of table text:
/// the real layout decides.
fn estimate(report: &Report) -> usize {
    const PAGE_LINES: f32 = 31.0;
    const GROUP_LINES: f32 = 1.0;
    let mut ordered: Vec<&Row> = report.rows().collect();
    ordered.sort_by(|a, b| super::priority(a).cmp(&super::priority(b)));
    let mut used = report.groups.len() as f32 * GROUP_LINES;
    if !report.not_reported.is_empty() {
        used += 2.0;
    }
    let mut keep = 0;
    for r in ordered {
        let lines = row_lines(r) as f32;
        // The note of what is left off takes two lines when it is needed.
        if used + lines > PAGE_LINES - 2.0 {
            break;
        }
        used += lines;
        keep += 1;
    }
    keep
}

/// The lines a row takes: its tallest cell, at the sheet's column widths.
fn row_lines(r: &Row) -> usize {
    let wrap = |text: &str, width: usize| text.chars().count().div_ceil(width).max(1);
    let due = 1 + usize::from(r.earliest.is_some()) + usize::from(r.limit);
    [
        wrap(&r.action, 70),
        wrap(&r.responsible.text, 26),
        wrap(&r.responsible.people().join(", "), 22),
        due,
    ]
    .into_iter()
    .max()
    .unwrap_or(1)
}

/// The sheet's job, with the first `keep` rows by priority.
pub(super) fn job(
    report: &Report,
    cases: &[Reported],
    profile: &Profile,
    keep: usize,
) -> DocumentJob {
    let kept = first_rows(report, keep);
    let groups: Vec<Value> = report
        .groups
        .iter()
        .enumerate()
        .filter_map(|(gi, g)| {
            let rows: Vec<Value> = g
                .rows
                .iter()
                .enumerate()
                .filter(|(ri, _)| kept.contains(&(gi, *ri)))
                .map(|(_, r)| row(r))
                .collect();
            let count = if rows.len() == g.rows.len() {
                plural(rows.len() as u32, "step")
            } else {
                format!("{} of {}", rows.len(), plural(g.rows.len() as u32, "step"))
            };
            (!rows.is_empty()).then(|| json!({ "role": g.role, "count": count, "rows": rows }))
        })
        .collect();
    let total = report.rows().count();
    let data = json!({
        "meta": meta(report, cases, profile),
        "as_at": report.today.long(),
        "summary": super::print::summary(report),
        "teams": teams(cases),
        "empty": (total == 0).then_some("No step is overdue, due soon or still to come."),
        "groups": groups,
        "left_off": left_off(report, &kept, total),
        "not_reported": not_reported(report),
    });
    let mut job = DocumentJob {
        id: "caseload-sheet".into(),
        template: "caseload-sheet.typ",
        file_name: FILE_NAME.into(),
        title: "Caseload deadlines".into(),
        audience: Audience::Professionals,
        recipient: None,
        privileged: false,
        date: report.today,
        data,
        large_print: false,
        easy_read: false,
    };
    crate::documents::allow_breaks(&mut job.data);
    job
}

fn row(r: &Row) -> Value {
    let mut note = Vec::new();
    if let Some(from) = r.earliest {
        note.push(format!("not before {}", from.short()));
    }
    if r.limit {
        note.push("a limit, not a target".to_string());
    }
    json!({
        "reference": r.reference,
        "due": r.due.short(),
        "due_note": (!note.is_empty()).then(|| note.join("; ")),
        "standing": r.standing,
        "status": r.standing.label(),
        "step": r.action,
        "responsible": r.responsible.text,
        "people": r.responsible.people(),
    })
}

/// The first `keep` rows by priority, as (group, row) places.
fn first_rows(report: &Report, keep: usize) -> BTreeSet<(usize, usize)> {
    let mut places: Vec<(usize, usize)> = report
        .groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| (0..g.rows.len()).map(move |ri| (gi, ri)))
        .collect();
    let at = |&(gi, ri): &(usize, usize)| &report.groups[gi].rows[ri];
    places.sort_by(|a, b| super::priority(at(a)).cmp(&super::priority(at(b))));
    places.into_iter().take(keep).collect()
}

/// What the page leaves off, said on the page: how many, of what standing.
fn left_off(report: &Report, kept: &BTreeSet<(usize, usize)>, total: usize) -> Option<String> {
    let off = total - kept.len();
    if off == 0 {
        return None;
    }
    let shown = |s: Standing| {
        kept.iter()
            .filter(|&&(gi, ri)| report.groups[gi].rows[ri].standing == s)
            .count()
    };
    let kinds: Vec<String> = [Standing::Overdue, Standing::DueSoon, Standing::Next]
        .into_iter()
        .filter_map(|s| {
            let n = report.count(s) - shown(s);
            (n > 0).then(|| format!("{n} {}", s.label().to_lowercase()))
        })
        .collect();
    Some(format!(
        "{} not on this page ({}): casepack timeline on the same cases lists every step.",
        plural(off as u32, "more step"),
        crate::case::join_and(&kinds),
    ))
}

/// The cases left out of the report, by reference where known.
fn not_reported(report: &Report) -> Option<String> {
    let n = report.not_reported.len();
    if n == 0 {
        return None;
    }
    let refs: Vec<String> = report
        .not_reported
        .iter()
        .filter_map(|c| c.reference.clone())
        .collect();
    let named = if refs.is_empty() {
        String::new()
    } else {
        format!(" ({})", refs.join(", "))
    };
    Some(format!(
        "Not on this page: {}{named} could not be reported; casepack timeline on the same cases says which and why.",
        plural(n as u32, "case file"),
    ))
}

/// The teams holding the cases, each once.
fn teams(cases: &[Reported]) -> String {
    let mut teams: Vec<&str> = Vec::new();
    for c in cases {
        if !teams.contains(&c.team.as_str()) {
            teams.push(&c.team);
        }
    }
    teams.join(", ")
}

/// The page furniture: the councils, every protective marking the cases'
/// profiles ask for, the date.
fn meta(report: &Report, cases: &[Reported], profile: &Profile) -> Value {
    let mut councils: Vec<&(String, Option<String>)> = Vec::new();
    let mut markings: Vec<&str> = Vec::new();
    for c in cases {
        if !councils.contains(&&c.authority) {
            councils.push(&c.authority);
        }
        if !markings.contains(&c.profile.protective_marking.as_str()) {
            markings.push(&c.profile.protective_marking);
        }
    }
    let (name, service) = match councils.as_slice() {
        [(name, service)] => (name.clone(), service.clone()),
        many => (
            many.iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            None,
        ),
    };
    Meta::new(
        profile,
        "Caseload deadlines",
        format!(
            "{}, {}",
            plural(report.cases as u32, "case"),
            report.today.medium()
        ),
        report.today,
        markings.join(" / "),
        false,
        Authority::Councils { name, service },
    )
    .to_value()
}

#[cfg(test)]
mod tests {
    use super::{MOST_ROWS, most_that_fit};

    #[test]
    fn the_most_rows_that_fit_are_found_from_any_guess_in_few_tries() {
        for total in [0, 5, 17, 18, MOST_ROWS] {
            for guess in [0, 1, 10, 16, 17, 18, 30, MOST_ROWS] {
                let mut tries = Vec::new();
                let got = most_that_fit::<()>(total, guess, |k| {
                    assert!(k <= total, "{k} of {total}");
                    tries.push(k);
                    Ok(k <= 17)
                })
                .unwrap();
                assert_eq!(got, Some(total.min(17)), "total {total}, guess {guess}");
                assert!(tries.len() <= 12, "{tries:?}");
                if guess == total.min(17) && total > 17 {
                    assert_eq!(tries.len(), 2, "{tries:?}");
                }
            }
        }
        let none = most_that_fit::<()>(40, 20, |_| Ok(false)).unwrap();
        assert_eq!(none, None);
    }
}
