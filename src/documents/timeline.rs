//! The 16-week pre-proceedings timeline sheet: every step of 004 Appendix 2
//! with its real date, who is responsible and where the rule comes from, as
//! a table a team manager can pin up.

use serde_json::json;

use super::{Audience, DocumentJob, children_names, meta};
use crate::case::Case;
use crate::deadlines::OutcomeTimeline;
use crate::rules::Profile;

pub(super) fn job(case: &Case, timeline: &OutcomeTimeline, profile: &Profile) -> DocumentJob {
    let title = timeline.title.clone();
    let lpm = case.lpm.date;
    let steps: Vec<_> = timeline
        .steps
        .iter()
        .map(|s| {
            json!({
                "when": s.when,
                "action": s.action,
                "responsible": s.responsible,
                "due": s.due.short(),
                "moved_from": s.moved_from.as_ref().map(|(d, why)| format!("{} is {why}", d.short())),
                "rule": s.rule,
                "source": s.source,
                "done": s.actual.map(|d| d.short()),
                "late": s.is_late(),
                "key": s.key_date,
            })
        })
        .collect();
    let data = json!({
        "meta": meta(case, profile, &title, false, lpm),
        "lpm_date": lpm.long(),
        "children_names": children_names(case),
        "source": timeline.source,
        "steps": steps,
    });
    DocumentJob {
        template: "pre-proceedings-timeline.typ",
        file_name: "pre-proceedings-timeline.pdf".to_string(),
        title,
        audience: Audience::Professionals,
        recipient: None,
        privileged: false,
        date: lpm,
        data,
    }
}
