//! What `casepack build` says it wrote: each pack with its documents and
//! page counts, what the audience does not get, and the bundle.

use std::fmt::Write as _;

use super::Ready;
use crate::pipeline::Checked;

/// "1 page", "12 pages", right-aligned for the build's list.
fn pages_label(n: usize) -> String {
    format!("{n:>3} page{}", if n == 1 { " " } else { "s" })
}

/// What was written, as the build prints it.
pub(super) fn report(out: &mut String, checked: &Checked, r: &Ready, encrypted: bool) {
    let attached = &r.plan.attached;
    let pages: usize = r.docs.iter().map(|d| d.pages).sum::<usize>()
        + attached.iter().map(|f| f.pages).sum::<usize>();
    let documents = r.plan.jobs.len();
    let attachments = match attached.len() {
        0 => String::new(),
        1 => ", 1 attachment".to_string(),
        n => format!(", {n} attachments"),
    };
    let whose = match &r.plan.recipient {
        Some((_, name)) => format!(" ({name}'s own pack)"),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "wrote {}{}{whose} ({} document{}{attachments} and the index, {} pages) for the {}",
        r.dest.display(),
        if encrypted {
            ", encrypted with AES-256,"
        } else {
            ""
        },
        documents,
        if documents == 1 { "" } else { "s" },
        pages,
        checked
            .profile
            .meeting(&checked.meeting.id)
            .map_or(checked.meeting.id.as_str(), |m| m.name.as_str())
    );
    for d in &r.docs {
        let privileged = if d.job.privileged {
            "  [legally privileged]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:<48} {}{privileged}",
            d.job.file_name,
            pages_label(d.pages)
        );
    }
    for f in attached {
        let _ = writeln!(
            out,
            "  {:<48} {}  [attached]",
            f.pack_name,
            pages_label(f.pages)
        );
    }
    let mut left_out = checked.left_out.clone();
    if r.plan.recipient.is_some() {
        let held: Vec<usize> = attached.iter().map(|f| f.index).collect();
        for f in &checked.attached {
            let a = &checked.loaded.case.attachments[f.index];
            if !held.contains(&f.index)
                && crate::profile::attachment_for(&checked.profile, &a.kind, checked.audience)
            {
                left_out.push(format!(
                    "{} (attached; casepack cannot redact it, so it goes only to those its `share_with` names)",
                    a.title
                ));
            }
        }
    }
    if !left_out.is_empty() {
        let _ = writeln!(
            out,
            "  not in this pack, for {}: {}",
            checked.audience.label(),
            left_out.join("; ")
        );
    }
    if let Some((file, b)) = &r.bundle {
        let _ = writeln!(
            out,
            "wrote {} ({} pages: the index, then {} pages of documents by section)",
            file.display(),
            b.rendered.pages,
            b.parts_pages
        );
        let limit = checked.profile.bundle.page_limit;
        if b.parts_pages > limit {
            let _ = writeln!(
                out,
                "warning[bundle-over-limit]: the bundle has {} pages of documents, more than the {limit} a court bundle may hold\n  = note: source: {}\n  = help: a longer bundle needs the court's permission; leave out what the court does not need",
                b.parts_pages, checked.profile.bundle.source
            );
        }
    }
}
