//! What `casepack build` says: the case's findings as rustc prints them,
//! why nothing was written, or each pack written with its documents and
//! page counts, what the audience does not get, the letters to hand over
//! rather than post, and the bundle.

use std::fmt::Write as _;
use std::path::Path;

use crate::pipeline::build::{BuildError, CaseBuild, WrittenPack};

/// The whole of what building the case at `path` (from `text`) says.
pub(super) fn said(b: &CaseBuild, path: &Path, text: &str, color: bool) -> String {
    let mut out = String::new();
    if !b.findings.is_empty() {
        out.push_str(&b.findings.render(&path.display().to_string(), text, color));
    }
    if let Some(e) = &b.error {
        let _ = writeln!(out, "error: {e}");
        if let Some(after) = after(e) {
            let _ = writeln!(out, "  {after}");
        }
    }
    for w in &b.written {
        wrote(&mut out, w);
    }
    out
}

/// The line under a refusal: what it left, or what to do.
fn after(e: &BuildError) -> Option<String> {
    Some(match e {
        BuildError::Exists(_) | BuildError::Data(_) | BuildError::Unreadable { .. } => {
            return None;
        }
        BuildError::EmptyPack { id, .. } => format!(
            "= help: `casepack explain {id}` lists what the meeting needs and who gets each document"
        ),
        BuildError::Internal(_) => "nothing was written; please report this with the case's shape (not its contents)".to_string(),
        BuildError::Bundle(_) => "nothing was written; an attachment Typst cannot place is the likely cause: check its PDF opens and prints".to_string(),
        BuildError::Destinations(_)
        | BuildError::SharedPassword
        | BuildError::Password(_)
        | BuildError::Write(_) => "nothing was written".to_string(),
    })
}

/// "1 page", "12 pages", right-aligned for the build's list.
fn pages_label(n: usize) -> String {
    format!("{n:>3} page{}", if n == 1 { " " } else { "s" })
}

/// One pack written, as the build lists it.
fn wrote(out: &mut String, w: &WrittenPack) {
    let attachments = match w.attached.len() {
        0 => String::new(),
        1 => ", 1 attachment".to_string(),
        n => format!(", {n} attachments"),
    };
    let whose = match &w.recipient {
        Some(name) => format!(" ({name}'s own pack)"),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "wrote {}{}{whose} ({} document{}{attachments} and the index, {} pages) for the {}",
        w.path.display(),
        if w.encrypted {
            ", encrypted with AES-256,"
        } else {
            ""
        },
        w.documents,
        if w.documents == 1 { "" } else { "s" },
        w.pages(),
        w.meeting
    );
    for d in &w.files {
        let privileged = if d.privileged {
            "  [legally privileged]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:<48} {}{privileged}",
            d.file_name,
            pages_label(d.pages)
        );
    }
    for (name, pages) in &w.attached {
        let _ = writeln!(out, "  {:<48} {}  [attached]", name, pages_label(*pages));
    }
    for h in &w.hand_over {
        let how = h
            .how_to_reach
            .as_deref()
            .unwrap_or("the case does not say how they are reached");
        let _ = writeln!(
            out,
            "  {} is to be handed to {}, not posted: {how}",
            h.file_name, h.name
        );
    }
    if !w.left_out.is_empty() {
        let _ = writeln!(
            out,
            "  not in this pack, for {}: {}",
            w.audience,
            w.left_out.join("; ")
        );
    }
    if let Some(b) = &w.bundle {
        let _ = writeln!(
            out,
            "wrote {} ({} pages: the index, then {} pages of documents by section)",
            b.path.display(),
            b.pages,
            b.parts_pages
        );
    }
}
