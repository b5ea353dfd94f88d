//! `casepack build`: check the case, render the pack (and the bundle), then
//! write them safely, encrypted on request.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::commands::{print_findings, read_case};
use super::{EXIT_FINDINGS, EXIT_USAGE};
use crate::pipeline::Settings;
use crate::{pack, pipeline};

/// "1 page", "12 pages", right-aligned for the build's list.
fn pages_label(n: usize) -> String {
    format!("{n:>3} page{}", if n == 1 { " " } else { "s" })
}

/// `<case>-pack.zip`, or `<case>-<audience>-pack.zip` for any audience but
/// the panel, so a parents' pack is never mistaken for the panel's.
fn default_output(case: &Path, audience: crate::rules::PackAudience) -> PathBuf {
    let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
    match audience {
        crate::rules::PackAudience::Panel => PathBuf::from(format!("{stem}-pack.zip")),
        a => PathBuf::from(format!("{stem}-{}-pack.zip", a.id())),
    }
}

/// What `build` writes, and where.
pub(super) struct Outputs {
    /// The pack [default: <case>-pack.zip].
    pub pack: Option<PathBuf>,
    /// Replace files that exist.
    pub force: bool,
    /// Where to write the templates' data, if anywhere.
    pub data_dir: Option<PathBuf>,
    /// Whether to write the bundle beside the pack.
    pub bundle: bool,
    /// Whether to encrypt the pack.
    pub encrypt: bool,
}

/// The environment variable `--encrypt` reads the password from.
const PASSWORD_VAR: &str = "CASEPACK_PASSWORD";

/// The pack's password: from [`PASSWORD_VAR`], else asked for twice at the
/// terminal without echo. Never from the command line, where other users
/// and the shell's history could see it.
fn password() -> Result<String, String> {
    if let Ok(p) = std::env::var(PASSWORD_VAR) {
        if p.is_empty() {
            return Err(format!("{PASSWORD_VAR} is empty"));
        }
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "--encrypt needs a password: set {PASSWORD_VAR}, or run casepack in a terminal to be asked"
        ));
    }
    let first = rpassword::prompt_password("Password for the pack: ").map_err(|e| e.to_string())?;
    if first.is_empty() {
        return Err("the password is empty".into());
    }
    let again =
        rpassword::prompt_password("The same password again: ").map_err(|e| e.to_string())?;
    if first != again {
        return Err("the two passwords differ".into());
    }
    Ok(first)
}

/// The bundle's file: beside the pack, `x-pack.zip` → `x-bundle.pdf`.
fn bundle_path(pack: &Path) -> PathBuf {
    let name = pack
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("pack.zip");
    let stem = name
        .strip_suffix("-pack.zip")
        .or_else(|| name.strip_suffix(".zip"))
        .unwrap_or(name);
    pack.with_file_name(format!("{stem}-bundle.pdf"))
}

pub(super) fn build(path: &Path, outputs: Outputs, settings: &Settings, color: bool) -> ExitCode {
    let Outputs {
        pack: output,
        force,
        data_dir,
        bundle,
        encrypt,
    } = outputs;
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let dest = output.unwrap_or_else(|| default_output(path, settings.audience));
    let bundle_dest = bundle.then(|| bundle_path(&dest));
    // Refuse before doing any work, as well as at the final rename.
    for file in std::iter::once(&dest).chain(&bundle_dest) {
        if file.exists() && !force {
            eprintln!(
                "error: {} already exists; use --force to replace it",
                file.display()
            );
            return ExitCode::from(EXIT_USAGE);
        }
    }
    let password = match encrypt.then(password).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}\n  nothing was written");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let (checked, mut findings) = pipeline::check(&text, settings);
    let Some(checked) = checked else {
        print_findings(&findings, path, &text, color);
        return ExitCode::from(EXIT_FINDINGS);
    };
    let mut jobs = checked.documents();
    // Letters are read as printed before anything is written; under
    // --strict a miss stops the build.
    match crate::plain::check(&checked, &jobs, &text, settings.strict) {
        Ok((report, more)) => {
            findings.extend(more);
            crate::plain::add_words(&report, &checked, &mut jobs);
        }
        Err(e) => {
            eprintln!(
                "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
    }
    print_findings(&findings, path, &text, color);
    if findings.has_errors() {
        eprintln!("  nothing was written");
        return ExitCode::from(EXIT_FINDINGS);
    }
    if jobs.is_empty() && checked.attached.is_empty() {
        let id = &checked.meeting.id;
        eprintln!(
            "error: the {} pack for {} would be empty: casepack writes none of its documents for them, and no attachment is for them\n  = help: `casepack explain {id}` lists what the meeting needs and who gets each document",
            checked
                .profile
                .meeting(id)
                .map_or(id.as_str(), |m| m.name.as_str()),
            checked.audience.label()
        );
        return ExitCode::from(EXIT_FINDINGS);
    }
    if let Some(dir) = &data_dir
        && let Err(e) = pack::write_data(dir, &jobs)
    {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let docs = match pipeline::render_pack(&checked, &jobs) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!(
                "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let bundled = match bundle_dest
        .as_ref()
        .map(|_| pipeline::render_bundle(&checked, &docs))
    {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(b))) => Some(b),
        Some(Err(e)) => {
            eprintln!(
                "error: the bundle could not be made: {e}\n  nothing was written; an attachment Typst cannot place is the likely cause: check its PDF opens and prints"
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    // The cover's and the bundle's data exist only now, with the real page counts.
    let late: Vec<_> = std::iter::once(docs[0].job.clone())
        .chain(bundled.iter().map(|b| b.rendered.job.clone()))
        .collect();
    if let Some(dir) = &data_dir
        && let Err(e) = pack::write_data(dir, &late)
    {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let case = &checked.loaded.case;
    let manifest = pack::manifest(
        case,
        &checked.profile.profile,
        &checked.meeting,
        &docs,
        &checked.attached,
        checked.audience,
        password.is_some(),
    );
    if let Err(e) = pack::write_pack(
        &dest,
        force,
        case,
        &manifest,
        &docs,
        &checked.attached,
        password.as_deref(),
    ) {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    if let (Some(b), Some(file)) = (&bundled, &bundle_dest)
        && let Err(e) = pack::write_file(file, force, &b.rendered.pdf)
    {
        // The pack and its bundle go together or not at all.
        let _ = std::fs::remove_file(&dest);
        eprintln!("error: {e:#}\n  nothing was written");
        return ExitCode::from(EXIT_USAGE);
    }
    // The pack and its bundle are whole: an interruption now leaves them.
    pack::commit();
    let attached = &checked.attached;
    let pages: usize = docs.iter().map(|d| d.pages).sum::<usize>()
        + attached.iter().map(|f| f.pages).sum::<usize>();
    let documents = jobs.len();
    let attachments = match attached.len() {
        0 => String::new(),
        1 => ", 1 attachment".to_string(),
        n => format!(", {n} attachments"),
    };
    eprintln!(
        "wrote {}{} ({} document{}{attachments} and the index, {} pages) for the {}",
        dest.display(),
        if password.is_some() {
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
    for d in &docs {
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
    if !checked.left_out.is_empty() {
        eprintln!(
            "  not in this pack, for {}: {}",
            checked.audience.label(),
            checked.left_out.join("; ")
        );
    }
    if let (Some(b), Some(file)) = (&bundled, &bundle_dest) {
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
    ExitCode::SUCCESS
}
