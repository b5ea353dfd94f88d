//! Where a build writes: each pack's file (or a folder for several) and
//! the bundle beside it.

use std::path::{Path, PathBuf};

use crate::pipeline::PlannedPack;
use crate::profile::PackAudience;

/// `<case>-pack.zip`; `<case>-<audience>-pack.zip` for any audience but the
/// panel, so a parents' pack is never mistaken for the panel's; and
/// `<case>-parents-<id>-pack.zip` for one person's own pack.
pub fn default_name(case: &Path, audience: PackAudience, pack: &PlannedPack) -> String {
    let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
    match (&pack.recipient, audience) {
        (Some((id, _)), _) => format!("{stem}-parents-{id}-pack.zip"),
        (None, PackAudience::Panel) => format!("{stem}-pack.zip"),
        (None, a) => format!("{stem}-{}-pack.zip", a.id()),
    }
}

/// `-o` names a file, but the build writes several packs.
#[derive(Debug, thiserror::Error)]
#[error(
    "this build writes {packs} packs, one for each person the case writes to, each holding only what that person may see; give a folder that exists with -o (not {}), or build one with --recipient ID",
    given.display()
)]
pub struct DestinationError {
    /// How many packs the build writes.
    pub packs: usize,
    /// What `-o` gave.
    pub given: PathBuf,
}

/// What `build` writes, and where.
pub struct Outputs {
    /// The pack, or the folder for several [default: <case>-pack.zip].
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

/// The bundle's file: beside the pack, `x-pack.zip` → `x-bundle.pdf`.
pub fn bundle_path(pack: &Path) -> PathBuf {
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

/// Where each pack goes: `-o` names the file when there is one pack, or a
/// folder (that exists) for any number.
pub fn destinations(
    case: &Path,
    audience: PackAudience,
    packs: &[PlannedPack],
    output: Option<&Path>,
) -> Result<Vec<PathBuf>, DestinationError> {
    match output {
        Some(dir) if dir.is_dir() => Ok(packs
            .iter()
            .map(|p| dir.join(default_name(case, audience, p)))
            .collect()),
        Some(file) if packs.len() == 1 => Ok(vec![file.to_path_buf()]),
        Some(file) => Err(DestinationError {
            packs: packs.len(),
            given: file.to_path_buf(),
        }),
        None => Ok(packs
            .iter()
            .map(|p| PathBuf::from(default_name(case, audience, p)))
            .collect()),
    }
}
