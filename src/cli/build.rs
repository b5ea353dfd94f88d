//! `casepack build`: prepare the case's packs, render each one (and its
//! bundle), search everything each would hold for what its reader must not
//! see, then write them all safely, or none, encrypted on request.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::commands::{print_findings, read_case};
use super::outputs::{Outputs, bundle_path, destinations, password};
use super::{EXIT_FINDINGS, EXIT_USAGE};
use crate::pipeline::{Bundle, Checked, PlannedPack, Settings};
use crate::render::RenderedDocument;
use crate::{pack, pipeline};

/// "1 page", "12 pages", right-aligned for the build's list.
fn pages_label(n: usize) -> String {
    format!("{n:>3} page{}", if n == 1 { " " } else { "s" })
}

/// A pack rendered and ready to write.
struct Ready<'a> {
    plan: &'a PlannedPack,
    dest: PathBuf,
    docs: Vec<RenderedDocument>,
    bundle: Option<(PathBuf, Bundle)>,
    manifest: pack::Manifest,
}

pub(super) fn build(path: &Path, outputs: Outputs, settings: &Settings, color: bool) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let run = pipeline::prepare(&text, settings);
    print_findings(&run.findings, path, &text, color);
    let Some(prepared) = run.prepared.filter(|_| !run.findings.has_errors()) else {
        eprintln!("  nothing was written");
        return ExitCode::from(EXIT_FINDINGS);
    };
    let checked = &prepared.checked;
    let packs = &prepared.packs;
    let dests = match destinations(path, settings.audience, packs, outputs.pack.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}\n  nothing was written");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if outputs.encrypt && packs.len() > 1 {
        eprintln!(
            "error: --encrypt would give every parent's pack the same password, so one parent could open another's; build each with --recipient ID and its own password\n  nothing was written"
        );
        return ExitCode::from(EXIT_USAGE);
    }
    // Refuse before doing any work, as well as at the final rename.
    for file in dests
        .iter()
        .flat_map(|d| std::iter::once(d.clone()).chain(outputs.bundle.then(|| bundle_path(d))))
    {
        if file.exists() && !outputs.force {
            eprintln!(
                "error: {} already exists; use --force to replace it",
                file.display()
            );
            return ExitCode::from(EXIT_USAGE);
        }
    }
    let password = match outputs.encrypt.then(password).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}\n  nothing was written");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let Some(p) = packs
        .iter()
        .find(|p| p.jobs.is_empty() && p.attached.is_empty())
    {
        let id = &checked.meeting.id;
        let whose = match &p.recipient {
            Some((_, name)) => name.clone(),
            None => checked.audience.label().to_string(),
        };
        eprintln!(
            "error: the {} pack for {whose} would be empty: casepack writes none of its documents for them, and no attachment is for them\n  = help: `casepack explain {id}` lists what the meeting needs and who gets each document",
            checked
                .profile
                .meeting(id)
                .map_or(id.as_str(), |m| m.name.as_str()),
        );
        return ExitCode::from(EXIT_FINDINGS);
    }
    // Everything is rendered and searched before anything is written.
    let mut ready = Vec::new();
    for (plan, dest) in packs.iter().zip(dests) {
        match render(checked, plan, dest, outputs.bundle, password.is_some()) {
            Ok(r) => ready.push(r),
            Err(code) => return code,
        }
    }
    if let Some(dir) = &outputs.data_dir {
        for r in &ready {
            let dir = match (&r.plan.recipient, ready.len()) {
                (Some((id, _)), n) if n > 1 => dir.join(id.as_str()),
                _ => dir.clone(),
            };
            let jobs: Vec<_> = r
                .docs
                .iter()
                .map(|d| d.job.clone())
                .chain(r.bundle.iter().map(|(_, b)| b.rendered.job.clone()))
                .collect();
            if let Err(e) = pack::write_data(&dir, &jobs) {
                eprintln!("error: {e:#}");
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    for r in &ready {
        let written = pack::write_pack(
            &r.dest,
            outputs.force,
            &r.plan.view.case,
            &r.manifest,
            &r.docs,
            &r.plan.attached,
            password.as_deref(),
        )
        .and_then(|()| match &r.bundle {
            Some((file, b)) => pack::write_file(file, outputs.force, &b.rendered.pdf),
            None => Ok(()),
        });
        if let Err(e) = written {
            // The packs and their bundles go together or not at all.
            pack::abandon();
            eprintln!("error: {e:#}\n  nothing was written");
            return ExitCode::from(EXIT_USAGE);
        }
    }
    // Every pack and bundle is whole: an interruption now leaves them.
    pack::commit();
    for r in &ready {
        report(checked, r, password.is_some());
    }
    ExitCode::SUCCESS
}

/// Renders one pack, its cover and its bundle, makes its manifest, and
/// searches all of it for what its reader must not see.
fn render<'a>(
    checked: &Checked,
    plan: &'a PlannedPack,
    dest: PathBuf,
    bundle: bool,
    encrypted: bool,
) -> Result<Ready<'a>, ExitCode> {
    let internal = |e: &dyn std::fmt::Display| {
        eprintln!(
            "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)"
        );
        ExitCode::from(EXIT_USAGE)
    };
    let docs = pipeline::render_pack(checked, plan).map_err(|e| internal(&e))?;
    let bundled = if bundle {
        match pipeline::render_bundle(checked, plan, &docs) {
            Ok(b) => b.map(|b| (bundle_path(&dest), b)),
            Err(e) => {
                eprintln!(
                    "error: the bundle could not be made: {e}\n  nothing was written; an attachment Typst cannot place is the likely cause: check its PDF opens and prints"
                );
                return Err(ExitCode::from(EXIT_USAGE));
            }
        }
    } else {
        None
    };
    let manifest = pack::manifest(
        &plan.view.case,
        &checked.profile.profile,
        &plan.meeting,
        &docs,
        &plan.attached,
        checked.audience,
        plan.recipient.as_ref(),
        encrypted,
    );
    // The cover, the bundle's index and the manifest exist only now.
    let mut leaks = Vec::new();
    let cover_id = checked
        .profile
        .document_by(crate::rules::Writer::PackCover)
        .map(|r| r.id.as_str());
    if let Some(cover) = docs.first().filter(|d| Some(d.job.id.as_str()) == cover_id) {
        leaks.extend(
            plan.guard
                .scan("the pack's cover and index", &cover.job.data),
        );
    }
    if let Some((_, b)) = &bundled {
        leaks.extend(plan.guard.scan("the bundle's index", &b.rendered.job.data));
    }
    match serde_json::to_value(&manifest) {
        Ok(m) => leaks.extend(plan.guard.scan("the manifest", &m)),
        Err(e) => return Err(internal(&e)),
    }
    // The file's name travels with the pack; the folder it is written to does not.
    if let Some(name) = dest.file_name() {
        let name = name.to_string_lossy();
        leaks.extend(plan.guard.scan_text("the pack's file name", &name));
    }
    if !leaks.is_empty() {
        for l in &leaks {
            eprintln!(
                "error[disclosure]: {} would be in {}",
                l.secret.what, l.place
            );
        }
        eprintln!("  nothing was written");
        return Err(ExitCode::from(EXIT_FINDINGS));
    }
    Ok(Ready {
        plan,
        dest,
        docs,
        bundle: bundled,
        manifest,
    })
}

/// What was written, as the build prints it.
fn report(checked: &Checked, r: &Ready, encrypted: bool) {
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
    eprintln!(
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
        eprintln!(
            "  {:<48} {}{privileged}",
            d.job.file_name,
            pages_label(d.pages)
        );
    }
    for f in attached {
        eprintln!("  {:<48} {}  [attached]", f.pack_name, pages_label(f.pages));
    }
    let mut left_out = checked.left_out.clone();
    if r.plan.recipient.is_some() {
        let held: Vec<usize> = attached.iter().map(|f| f.index).collect();
        for f in &checked.attached {
            let a = &checked.loaded.case.attachments[f.index];
            if !held.contains(&f.index)
                && crate::rules::attachment_for(&checked.profile, &a.kind, checked.audience)
            {
                left_out.push(format!(
                    "{} (attached; casepack cannot redact it, so it goes only to those its `share_with` names)",
                    a.title
                ));
            }
        }
    }
    if !left_out.is_empty() {
        eprintln!(
            "  not in this pack, for {}: {}",
            checked.audience.label(),
            left_out.join("; ")
        );
    }
    if let Some((file, b)) = &r.bundle {
        eprintln!(
            "wrote {} ({} pages: the index, then {} pages of documents by section)",
            file.display(),
            b.rendered.pages,
            b.parts_pages
        );
        let limit = checked.profile.bundle.page_limit;
        if b.parts_pages > limit {
            eprintln!(
                "warning[bundle-over-limit]: the bundle has {} pages of documents, more than the {limit} a court bundle may hold\n  = note: source: {}\n  = help: a longer bundle needs the court's permission; leave out what the court does not need",
                b.parts_pages, checked.profile.bundle.source
            );
        }
    }
}
