//! References between parts of the case: the PLO summary's key evidence
//! points at chronology entries and attached documents, so each pointer must
//! land; and the few rules that tie one part to another (a section 20 child's
//! summary says why a care order is now needed).

use crate::case::Case;
use crate::diagnostics::{Finding, nearest};

/// Findings about references between parts of the case.
pub(super) fn links(case: &Case) -> Vec<Finding> {
    let mut out = Vec::new();
    let ids: Vec<&str> = case
        .chronology
        .iter()
        .filter_map(|e| e.id.as_deref())
        .collect();
    for (i, e) in case.chronology.iter().enumerate() {
        if let Some(id) = &e.id
            && ids.iter().position(|x| x == id) != ids.iter().rposition(|x| x == id)
            && case.chronology[..i]
                .iter()
                .any(|o| o.id.as_ref() == Some(id))
        {
            out.push(
                Finding::error(
                    "duplicate-id",
                    format!("chronology[{i}].id"),
                    format!("the chronology id `{id}` is used twice"),
                )
                .help("give each chronology entry its own id"),
            );
        }
    }
    let paths: Vec<&str> = case.attachments.iter().map(|a| a.path.as_str()).collect();
    if let Some(summary) = &case.plo_summary {
        for (i, ev) in summary.evidence.iter().enumerate() {
            let at = format!("plo_summary.evidence[{i}]");
            if ev.chronology.is_none() && ev.attachment.is_none() {
                out.push(
                    Finding::warning(
                        "unsupported-evidence",
                        at.clone(),
                        "this key evidence does not say where it is shown",
                    )
                    .help("add `chronology: <entry id>` or `attachment: <path>` so the panel can find it (004 §4d(i))"),
                );
            }
            if let Some(id) = &ev.chronology
                && !ids.contains(&id.as_str())
            {
                let mut f = Finding::error(
                    "unknown-reference",
                    format!("{at}.chronology"),
                    format!("no chronology entry has the id `{id}`"),
                );
                f = match nearest(id, &ids) {
                    Some(near) => f.help(format!("did you mean `{near}`?")),
                    None => f.help("give the chronology entry an `id:` and use it here"),
                };
                out.push(f);
            }
            if let Some(path) = &ev.attachment
                && !paths.contains(&path.as_str())
            {
                let mut f = Finding::error(
                    "unknown-reference",
                    format!("{at}.attachment"),
                    format!("`{path}` is not the path of any attachment"),
                );
                f = match nearest(path, &paths) {
                    Some(near) => f.help(format!("did you mean `{near}`?")),
                    None => f.help("list the document under `attachments` and use its path here"),
                };
                out.push(f);
            }
        }
        if case.looked_after.as_ref().is_some_and(|l| l.section_20)
            && summary.why_care_order.is_none()
        {
            out.push(
                Finding::error(
                    "missing-field",
                    "plo_summary",
                    "the child is accommodated under section 20, but the PLO summary does not say why a care order is now needed",
                )
                .help("add `why_care_order:` to the PLO summary (004 §4d(i))"),
            );
        }
    }
    for (i, carer) in case.kinship.iter().enumerate() {
        for (j, a) in carer.assessments.iter().enumerate() {
            if !(1..=3).contains(&a.stage) {
                out.push(
                    Finding::error(
                        "kinship-stage",
                        format!("kinship[{i}].assessments[{j}].stage"),
                        format!("there is no stage {} assessment", a.stage),
                    )
                    .help("use 1 (initial viability), 2 (viability) or 3 (full assessment)"),
                );
            }
            if let (Some(s), Some(c)) = (a.started, a.completed)
                && c < s
            {
                out.push(Finding::error(
                    "date-order",
                    format!("kinship[{i}].assessments[{j}].completed"),
                    format!(
                        "completed {} is before it started ({})",
                        c.medium(),
                        s.medium()
                    ),
                ));
            }
        }
    }
    out
}
