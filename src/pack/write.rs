//! Writing files safely: each through a temporary file beside it, renamed
//! into place, never over an existing file without `force`, and every file
//! a run has not yet committed to removed if it is interrupted or fails
//! part-way. A case's files are kept or removed together.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use super::{Manifest, write_zip};
use crate::attach::AttachedFile;
use crate::case::Case;
use crate::render::RenderedDocument;

/// Writes the pack to `dest` atomically: a temporary file in the same
/// folder, flushed and synced, then renamed. Refuses to replace an existing
/// file unless `force`.
pub fn write_pack(
    dest: &Path,
    force: bool,
    case: &Case,
    manifest: &Manifest,
    docs: &[RenderedDocument],
    attached: &[AttachedFile],
    password: Option<&str>,
) -> Result<()> {
    write_atomically(dest, force, |file| {
        write_zip(file, case, manifest, docs, attached, password)?.sync_all()?;
        Ok(())
    })
}

/// Writes `bytes` to `dest` the same way as the pack: whole or not at all,
/// never over an existing file unless `force`.
pub fn write_file(dest: &Path, force: bool, bytes: &[u8]) -> Result<()> {
    write_atomically(dest, force, |mut file| {
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(())
    })
}

/// Files this run is writing or has written but not yet committed to, and
/// whether the run has been interrupted. Every file is created, renamed and
/// removed under this one lock, so an interruption sees each file either on
/// the list or not yet made, and nothing is made after it.
struct Unfinished {
    files: Vec<PathBuf>,
    interrupted: bool,
}

static UNFINISHED: Mutex<Unfinished> = Mutex::new(Unfinished {
    files: Vec::new(),
    interrupted: false,
});

fn unfinished() -> std::sync::MutexGuard<'static, Unfinished> {
    UNFINISHED.lock().unwrap_or_else(|e| e.into_inner())
}

/// On Ctrl-C: removes every file this run has not committed to (see
/// [`commit`]), makes sure no other is made, then ends the process while
/// still holding the lock, so no file is made after the removal.
pub fn interrupt_and_exit(code: i32) -> ! {
    stop_and_exit(code, "interrupted: nothing was written")
}

/// [`interrupt_and_exit`], saying `message` instead: for `casepack edit`,
/// where Ctrl-C is how the page ends and what it saved stays saved.
pub fn stop_and_exit(code: i32, message: &str) -> ! {
    let mut list = unfinished();
    list.interrupted = true;
    for path in list.files.drain(..) {
        let _ = fs::remove_file(path);
    }
    eprintln!("\n{message}");
    std::process::exit(code)
}

/// Removes every file this run has written and not committed to: a run
/// that writes several files and fails part-way leaves none of them.
pub fn abandon() {
    let mut list = unfinished();
    for path in list.files.drain(..) {
        let _ = fs::remove_file(path);
    }
}

/// Says the files written so far are complete: an interruption from now
/// on leaves them in place.
pub fn commit() {
    unfinished().files.clear();
}

/// The files one case writes, kept together: a run building many cases
/// at once keeps or removes each case's files as a whole, leaving the
/// other cases' alone. Dropped without [`Writes::commit`], they are removed.
#[derive(Debug, Default)]
pub struct Writes {
    files: Vec<PathBuf>,
}

impl Writes {
    /// Writes `dest` with `write` (one of [`write_pack`] and
    /// [`write_file`]), as one of this group.
    pub fn write(&mut self, dest: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
        write(dest)?;
        self.files.push(dest.to_path_buf());
        Ok(())
    }

    /// Says this group's files are complete: an interruption from now on
    /// leaves them in place.
    pub fn commit(mut self) {
        let files = std::mem::take(&mut self.files);
        unfinished().files.retain(|f| !files.contains(f));
    }
}

impl Drop for Writes {
    fn drop(&mut self) {
        if self.files.is_empty() {
            return;
        }
        let mut list = unfinished();
        for path in self.files.drain(..) {
            let _ = fs::remove_file(&path);
            list.files.retain(|f| *f != path);
        }
    }
}

/// Writes through a temporary file beside `dest`, then renames it into place.
/// Both the temporary file and, once renamed, `dest` stay on the list of
/// unfinished files until [`commit`].
fn write_atomically(
    dest: &Path,
    force: bool,
    write: impl FnOnce(&std::fs::File) -> Result<()>,
) -> Result<()> {
    if dest.exists() && !force {
        bail!(
            "{} already exists; use --force to replace it",
            dest.display()
        );
    }
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!("the folder {} does not exist", dir.display());
    }
    // Created readable and writable by the owner only (0600 on Unix): it
    // holds personal data.
    let (tmp, part) = {
        let mut list = unfinished();
        if list.interrupted {
            bail!("interrupted");
        }
        let tmp = tempfile::Builder::new()
            .prefix(".casepack-")
            .suffix(".part")
            .tempfile_in(dir)
            .with_context(|| format!("cannot write in {}", dir.display()))?;
        let part = tmp.path().to_path_buf();
        list.files.push(part.clone());
        (tmp, part)
    };
    write(tmp.as_file())?;
    let result = {
        // Renamed under the lock, so an interruption sees either the
        // temporary file or the finished one on the list, never neither.
        let mut list = unfinished();
        if list.interrupted {
            bail!("interrupted");
        }
        let result = if force {
            tmp.persist(dest).map(|_| ())
        } else {
            tmp.persist_noclobber(dest).map(|_| ())
        };
        list.files.retain(|p| *p != part);
        if result.is_ok() {
            list.files.push(dest.to_path_buf());
        }
        result
    };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{} already exists; use --force to replace it",
                dest.display()
            )
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write {}", dest.display()))
        }
    })?;
    Ok(())
}
