//! Writing files safely, for every command that writes: each file through
//! a temporary file beside it (never a shared temp folder: it holds
//! personal data), created readable by its owner only, synced, then renamed
//! into place; never over an existing file without `force`; and every file
//! a run has not yet committed to removed if it is interrupted or fails
//! part-way. A case's files are kept or removed together ([`Writes`]).
//! The pack, the bundle, calendars, the caseload sheet and migrated cases
//! are all written through here.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Why a file could not be written. Whatever was written of it is gone.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file is there and `force` was not given.
    #[error("{} already exists; use --force to replace it", .0.display())]
    Exists(PathBuf),
    /// The folder to write into is not there.
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
    /// The temporary file could not be made in the folder.
    #[error("cannot write in {}: {source}", dir.display())]
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Writing the file's contents failed.
    #[error("{0}")]
    Contents(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The finished file could not be put in place.
    #[error("cannot write {}: {source}", path.display())]
    Rename {
        /// The destination.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The run was interrupted (Ctrl-C) before the file was in place.
    #[error("interrupted")]
    Interrupted,
}

/// Writes `bytes` to `dest`: whole or not at all, never over an existing
/// file unless `force`.
pub fn write_file(dest: &Path, force: bool, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically(dest, force, |mut file| {
        file.write_all(bytes)?;
        file.sync_all()
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
    /// Writes `dest` with `write` (which writes through [`write_file`] or
    /// [`write_atomically`]), as one of this group.
    pub fn write<E>(
        &mut self,
        dest: &Path,
        write: impl FnOnce(&Path) -> Result<(), E>,
    ) -> Result<(), E> {
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

/// Writes through a temporary file beside `dest` with `write`, then
/// renames it into place. Both the temporary file and, once renamed, `dest`
/// stay on the list of unfinished files until [`commit`].
pub fn write_atomically<E: std::error::Error + Send + Sync + 'static>(
    dest: &Path,
    force: bool,
    write: impl FnOnce(&std::fs::File) -> Result<(), E>,
) -> Result<(), WriteError> {
    if dest.exists() && !force {
        return Err(WriteError::Exists(dest.to_path_buf()));
    }
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(WriteError::NoFolder(dir.to_path_buf()));
    }
    // Created readable and writable by the owner only (0600 on Unix): it
    // holds personal data.
    let (tmp, part) = {
        let mut list = unfinished();
        if list.interrupted {
            return Err(WriteError::Interrupted);
        }
        let tmp = tempfile::Builder::new()
            .prefix(".casepack-")
            .suffix(".part")
            .tempfile_in(dir)
            .map_err(|source| WriteError::Folder {
                dir: dir.to_path_buf(),
                source,
            })?;
        let part = tmp.path().to_path_buf();
        list.files.push(part.clone());
        (tmp, part)
    };
    write(tmp.as_file()).map_err(|e| WriteError::Contents(Box::new(e)))?;
    let result = {
        // Renamed under the lock, so an interruption sees either the
        // temporary file or the finished one on the list, never neither.
        let mut list = unfinished();
        if list.interrupted {
            return Err(WriteError::Interrupted);
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
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists(dest.to_path_buf())
        } else {
            WriteError::Rename {
                path: dest.to_path_buf(),
                source: e.error,
            }
        }
    })
}
