//! Building a case: prepare its packs, render each one (and its bundle),
//! search everything each would hold for what its reader must not see,
//! then write them all safely, or none, encrypted on request. What the
//! command line's `build` and the page's Build button both call. Building
//! one case gives a [`CaseBuild`]: its findings, a [`Status`], why nothing
//! was written ([`BuildError`]) or what was ([`WrittenPack`]). Nothing is
//! formatted here: the command line and the page each say it their way.

mod error;
mod outputs;
mod written;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Findings, Severity};
use crate::pipeline::{Bundle, Checked, PlannedPack, Settings};
use crate::render::{LaidOut, RenderedDocument};
use crate::{pack, pipeline};
pub use error::{BuildError, PasswordError};
pub use outputs::{DestinationError, Outputs, bundle_path, default_name, destinations};
pub use written::{HandOver, WrittenBundle, WrittenDocument, WrittenPack};

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
    /// Every finding: the case's, and what rendering showed a reader's
    /// pack would disclose.
    pub findings: Findings,
    /// Whether it was written, and if not, why.
    pub status: Status,
    /// Why nothing was written, when the findings do not say.
    pub error: Option<BuildError>,
    /// The packs written, with what each holds.
    pub written: Vec<WrittenPack>,
}

impl CaseBuild {
    /// A build that stopped before writing anything.
    fn stopped(findings: Findings, error: Option<BuildError>) -> CaseBuild {
        let status = match &error {
            Some(e) => e.status(),
            None => Status::Findings,
        };
        CaseBuild {
            findings,
            status,
            error,
            written: Vec::new(),
        }
    }

    /// A case that could not even be read.
    pub fn unreadable(error: BuildError) -> CaseBuild {
        CaseBuild::stopped(Findings::new(), Some(error))
    }

    /// The packs written.
    pub fn packs(&self) -> impl Iterator<Item = &Path> {
        self.written.iter().map(|w| w.path.as_path())
    }

    /// Documents written, over all its packs.
    pub fn documents(&self) -> usize {
        self.written.iter().map(|w| w.documents).sum()
    }

    /// Errors found: the findings', or one for a refusal.
    pub fn errors(&self) -> usize {
        self.findings.count(Severity::Error)
    }

    /// Warnings found.
    pub fn warnings(&self) -> usize {
        self.findings.count(Severity::Warning)
    }

    /// Why nothing was written, in a sentence: the first error finding's
    /// message, else the refusal.
    pub fn first_error(&self) -> Option<String> {
        self.findings
            .sorted()
            .into_iter()
            .find(|f| f.severity == Severity::Error)
            .map(|f| f.message.clone())
            .or_else(|| self.error.as_ref().map(ToString::to_string))
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
    pub password: &'a (dyn Fn() -> Result<String, PasswordError> + Sync),
}

/// Builds the case `text` (from the file at `path`) into the packs
/// `settings` asks for. Nothing is printed. Its packs and bundles are
/// written together or not at all.
pub fn build_case(path: &Path, text: &str, target: &Target, settings: &Settings) -> CaseBuild {
    let outputs = target.outputs;
    let run = pipeline::prepare(text, settings);
    let mut findings = run.findings;
    let Some(prepared) = run.prepared.filter(|_| !findings.has_errors()) else {
        return CaseBuild::stopped(findings, None);
    };
    let checked = &prepared.checked;
    let packs = &prepared.packs;
    let dests = match destinations(path, settings.audience, packs, outputs.pack.as_deref()) {
        Ok(d) => d,
        Err(e) => return CaseBuild::stopped(findings, Some(e.into())),
    };
    if outputs.encrypt && packs.len() > 1 {
        return CaseBuild::stopped(findings, Some(BuildError::SharedPassword));
    }
    // Refuse before doing any work, as well as at the final rename.
    for file in dests
        .iter()
        .flat_map(|d| std::iter::once(d.clone()).chain(outputs.bundle.then(|| bundle_path(d))))
    {
        if file.exists() && !outputs.force {
            return CaseBuild::stopped(findings, Some(BuildError::Exists(file)));
        }
    }
    let password = match outputs.encrypt.then(target.password).transpose() {
        Ok(p) => p,
        Err(e) => return CaseBuild::stopped(findings, Some(e.into())),
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
        let empty = BuildError::EmptyPack {
            meeting: meeting_name(checked).to_string(),
            whose,
            id: id.clone(),
        };
        return CaseBuild::stopped(findings, Some(empty));
    }
    // Everything is rendered and searched before anything is written.
    let mut ready = Vec::new();
    let mut leaked = false;
    for (plan, dest) in packs.iter().zip(dests) {
        match render(
            checked,
            plan,
            &prepared.laid,
            dest,
            outputs.bundle,
            password.is_some(),
        ) {
            Ok(Rendered::Ready(r)) => ready.push(*r),
            // Every pack is searched, so every leak is said in one run.
            Ok(Rendered::Leaks(leaks)) => {
                findings.extend(leaks);
                leaked = true;
            }
            Err(e) => return CaseBuild::stopped(findings, Some(e)),
        }
    }
    if leaked {
        findings.locate(&checked.loaded.index);
        return CaseBuild::stopped(findings, None);
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
                return CaseBuild::stopped(findings, Some(BuildError::Data(e)));
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
            return CaseBuild::stopped(findings, Some(BuildError::Write(e)));
        }
    }
    // Every pack and bundle is whole: an interruption now leaves them.
    writes.commit();
    let written = ready
        .iter()
        .map(|r| written::written(checked, r, password.is_some()))
        .collect();
    // A bundle over the court's limit is written, and said.
    for (_, b) in ready.iter().filter_map(|r| r.bundle.as_ref()) {
        findings.extend(written::over_limit(checked, b));
    }
    CaseBuild {
        findings,
        status: Status::Written,
        error: None,
        written,
    }
}

/// The meeting's name, as the profile gives it.
fn meeting_name(checked: &Checked) -> &str {
    checked
        .profile
        .meeting(&checked.meeting.id)
        .map_or(checked.meeting.id.as_str(), |m| m.name.as_str())
}

/// A pack rendered: ready to write, or what it would disclose.
enum Rendered<'a> {
    Ready(Box<Ready<'a>>),
    Leaks(Vec<crate::diagnostics::Finding>),
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
) -> Result<Rendered<'a>, BuildError> {
    let docs = pipeline::render_pack(checked, plan, laid)
        .map_err(|e| BuildError::Internal(e.to_string()))?;
    let bundled = if bundle {
        pipeline::render_bundle(checked, plan, &docs)
            .map_err(BuildError::Bundle)?
            .map(|b| (bundle_path(&dest), b))
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
    let as_json =
        serde_json::to_value(&manifest).map_err(|e| BuildError::Internal(e.to_string()))?;
    leaks.extend(plan.guard.scan("the manifest", &as_json));
    // The file's name travels with the pack; the folder it is written to does not.
    if let Some(name) = dest.file_name() {
        let name = name.to_string_lossy();
        leaks.extend(plan.guard.scan_text("the pack's file name", &name));
    }
    if !leaks.is_empty() {
        return Ok(Rendered::Leaks(crate::check::leaks(
            &checked.loaded.case,
            &plan.view,
            &leaks,
        )));
    }
    Ok(Rendered::Ready(Box::new(Ready {
        plan,
        dest,
        docs,
        bundle: bundled,
        manifest,
    })))
}

/// Builds the case at `path` from `text` into its default packs beside it,
/// replacing earlier ones: what `casepack edit`'s Build button does, for
/// one audience.
pub fn build_beside(path: &Path, text: &str, settings: &Settings) -> CaseBuild {
    let outputs = Outputs {
        pack: None,
        force: true,
        data_dir: None,
        bundle: false,
        encrypt: false,
    };
    let no_password = || Err(PasswordError::NotOnPage);
    let target = Target {
        outputs: &outputs,
        data_dir: None,
        password: &no_password,
    };
    build_case(path, text, &target, settings)
}
