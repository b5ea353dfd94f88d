//! Building a case: prepare its packs, render each one (and its bundle),
//! search everything each would hold for what its reader must not see,
//! then write them all safely, or none, encrypted on request. What the
//! command line's `build` and the page's Build button both call. Building
//! one case gives what it wrote, its counts, a [`Status`] and its report
//! as text, so many cases can be built at once and each one's report
//! printed whole.

mod outputs;
mod written;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::pipeline::{Bundle, Checked, PlannedPack, Settings};
use crate::render::{LaidOut, RenderedDocument};
use crate::{pack, pipeline};
pub use outputs::{Outputs, bundle_path, default_name, destinations};
use written::report;

/// How building a case went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every pack was written.
    Written,
    /// The case has errors (or would make an empty pack): nothing written.
    Findings,
    /// The build could not be done as asked (a file in the way, a folder
    /// that is not there, no password): nothing written.
    Refused,
}

/// A pack rendered and ready to write.
struct Ready<'a> {
    plan: &'a PlannedPack,
    dest: PathBuf,
    docs: Vec<RenderedDocument>,
    bundle: Option<(PathBuf, Bundle)>,
    manifest: pack::Manifest,
}

/// What building one case came to.
#[derive(Debug)]
pub struct CaseBuild {
    /// What the build says: findings, what was written, or why nothing was.
    pub out: String,
    /// Whether it was written, and if not, why.
    pub status: Status,
    /// The packs written.
    pub packs: Vec<PathBuf>,
    /// Documents written, over all its packs.
    pub documents: usize,
    /// Errors and warnings found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

impl CaseBuild {
    /// A case that wrote nothing, saying why.
    pub fn failed(out: String, status: Status) -> CaseBuild {
        CaseBuild {
            out,
            status,
            packs: Vec::new(),
            documents: 0,
            errors: 0,
            warnings: 0,
        }
    }
}

/// Where one case's packs go, and how its password is had.
pub struct Target<'a> {
    /// The outputs the command line asked for; for many cases, `pack` is
    /// the case's own folder inside the output folder.
    pub outputs: &'a Outputs,
    /// Where the case's template data goes (`--data-dir`), if asked for.
    pub data_dir: Option<PathBuf>,
    /// Gives the password when `--encrypt` asks for one: asked for only
    /// once the case is known to build.
    pub password: &'a (dyn Fn() -> Result<String, String> + Sync),
}

/// Builds the case at `path` into the packs `settings` asks for. Nothing is
/// printed: the output comes back with the status. Its packs and bundles
/// are written together or not at all.
pub fn build_case(
    path: &Path,
    text: &str,
    target: &Target,
    settings: &Settings,
    color: bool,
) -> CaseBuild {
    let outputs = target.outputs;
    let mut out = String::new();
    let run = pipeline::prepare(text, settings);
    if !run.findings.is_empty() {
        out.push_str(
            &run.findings
                .render(&path.display().to_string(), text, color),
        );
    }
    let errors = run.findings.count(crate::diagnostics::Severity::Error);
    let warnings = run.findings.count(crate::diagnostics::Severity::Warning);
    let fail = |mut out: String, why: &str, code: Status| {
        out.push_str(why);
        let mut b = CaseBuild::failed(out, code);
        b.errors = errors;
        b.warnings = warnings;
        b
    };
    let Some(prepared) = run.prepared.filter(|_| !run.findings.has_errors()) else {
        // The findings' last line has said nothing was written.
        return fail(out, "", Status::Findings);
    };
    let checked = &prepared.checked;
    let packs = &prepared.packs;
    let dests = match destinations(path, settings.audience, packs, outputs.pack.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            return fail(
                out,
                &format!("error: {e}\n  nothing was written\n"),
                Status::Refused,
            );
        }
    };
    if outputs.encrypt && packs.len() > 1 {
        return fail(
            out,
            "error: --encrypt would give every parent's pack the same password, so one parent could open another's; build each with --recipient ID and its own password\n  nothing was written\n",
            Status::Refused,
        );
    }
    // Refuse before doing any work, as well as at the final rename.
    for file in dests
        .iter()
        .flat_map(|d| std::iter::once(d.clone()).chain(outputs.bundle.then(|| bundle_path(d))))
    {
        if file.exists() && !outputs.force {
            let why = format!(
                "error: {} already exists; use --force to replace it\n",
                file.display()
            );
            return fail(out, &why, Status::Refused);
        }
    }
    let password = match outputs.encrypt.then(target.password).transpose() {
        Ok(p) => p,
        Err(e) => {
            return fail(
                out,
                &format!("error: {e}\n  nothing was written\n"),
                Status::Refused,
            );
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
        let why = format!(
            "error: the {} pack for {whose} would be empty: casepack writes none of its documents for them, and no attachment is for them\n  = help: `casepack explain {id}` lists what the meeting needs and who gets each document\n",
            checked
                .profile
                .meeting(id)
                .map_or(id.as_str(), |m| m.name.as_str()),
        );
        return fail(out, &why, Status::Findings);
    }
    // Everything is rendered and searched before anything is written.
    let mut ready = Vec::new();
    for (plan, dest) in packs.iter().zip(dests) {
        match render(
            checked,
            plan,
            &prepared.laid,
            dest,
            outputs.bundle,
            password.is_some(),
        ) {
            Ok(r) => ready.push(r),
            Err((why, code)) => return fail(out, &why, code),
        }
    }
    if let Some(dir) = &target.data_dir {
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
                return fail(out, &format!("error: {e:#}\n"), Status::Refused);
            }
        }
    }
    // The packs and their bundles go together or not at all: dropped
    // before the commit, the group removes what it wrote.
    let mut writes = crate::safe_write::Writes::default();
    for r in &ready {
        let written = writes
            .write(&r.dest, |dest| {
                pack::write_pack(
                    dest,
                    outputs.force,
                    &r.plan.view.case,
                    &r.manifest,
                    &r.docs,
                    &r.plan.attached,
                    password.as_deref(),
                )
            })
            .and_then(|()| match &r.bundle {
                Some((file, b)) => writes.write(file, |dest| {
                    crate::safe_write::write_file(dest, outputs.force, &b.rendered.pdf)
                        .map_err(pack::PackError::from)
                }),
                None => Ok(()),
            });
        if let Err(e) = written {
            drop(writes);
            return fail(
                out,
                &format!("error: {e:#}\n  nothing was written\n"),
                Status::Refused,
            );
        }
    }
    // Every pack and bundle is whole: an interruption now leaves them.
    writes.commit();
    for r in &ready {
        report(&mut out, checked, r, password.is_some());
    }
    CaseBuild {
        out,
        status: Status::Written,
        packs: ready.iter().map(|r| r.dest.clone()).collect(),
        documents: ready.iter().map(|r| r.plan.jobs.len()).sum(),
        errors,
        warnings,
    }
}

/// Renders one pack, its cover and its bundle, makes its manifest, and
/// searches all of it for what its reader must not see.
fn render<'a>(
    checked: &Checked,
    plan: &'a PlannedPack,
    laid: &[LaidOut],
    dest: PathBuf,
    bundle: bool,
    encrypted: bool,
) -> Result<Ready<'a>, (String, Status)> {
    let internal = |e: &dyn std::fmt::Display| {
        (
            format!(
                "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)\n"
            ),
            Status::Refused,
        )
    };
    let docs = pipeline::render_pack(checked, plan, laid).map_err(|e| internal(&e))?;
    let bundled = if bundle {
        match pipeline::render_bundle(checked, plan, &docs) {
            Ok(b) => b.map(|b| (bundle_path(&dest), b)),
            Err(e) => {
                return Err((
                    format!(
                        "error: the bundle could not be made: {e}\n  nothing was written; an attachment Typst cannot place is the likely cause: check its PDF opens and prints\n"
                    ),
                    Status::Refused,
                ));
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
        .document_by(crate::profile::Writer::PackCover)
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
        let mut why = String::new();
        for l in &leaks {
            let _ = writeln!(
                why,
                "error[disclosure]: {} would be in {}",
                l.secret.what, l.place
            );
        }
        why.push_str("  nothing was written\n");
        return Err((why, Status::Findings));
    }
    Ok(Ready {
        plan,
        dest,
        docs,
        bundle: bundled,
        manifest,
    })
}

/// Builds the case at `path` from `text` into its default packs beside it,
/// replacing earlier ones: what `casepack edit`'s Build button does, for
/// one audience. Gives the packs written and what the build said, plain.
pub fn build_beside(path: &Path, text: &str, settings: &Settings) -> (Vec<PathBuf>, String) {
    let outputs = Outputs {
        pack: None,
        force: true,
        data_dir: None,
        bundle: false,
        encrypt: false,
    };
    let no_password = || Err("a pack built from the page is not encrypted".to_string());
    let target = Target {
        outputs: &outputs,
        data_dir: None,
        password: &no_password,
    };
    let b = build_case(path, text, &target, settings, false);
    (b.packs, b.out)
}
