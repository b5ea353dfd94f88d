//! Reading a profile file: only a regular file of a profile's size, since a
//! case may name any path as its profile.

use std::path::Path;
use std::sync::Arc;

use super::error::ProfileError;

/// The most a profile file may hold. The built-in ones are under 64 KiB;
/// anything near this is not a profile, and a case may name any path.
const PROFILE_LIMIT: u64 = 1024 * 1024;

/// A profile file's text. Only a regular file of at most [`PROFILE_LIMIT`]
/// bytes is read: a case naming `/dev/zero` or `/dev/stdin` as its profile
/// must get an error, not fill memory or wait for ever. (Asked before
/// opening: opening a named pipe waits for a writer.)
pub(super) fn read(path: &Path) -> Result<String, ProfileError> {
    use std::io::Read;
    let cannot = |e: std::io::Error| ProfileError::Read {
        path: path.to_path_buf(),
        source: Arc::new(e),
    };
    if !std::fs::metadata(path).map_err(cannot)?.is_file() {
        return Err(ProfileError::NotAFile(path.to_path_buf()));
    }
    let mut text = String::new();
    let file = std::fs::File::open(path).map_err(cannot)?;
    file.take(PROFILE_LIMIT + 1)
        .read_to_string(&mut text)
        .map_err(cannot)?;
    if text.len() as u64 > PROFILE_LIMIT {
        return Err(ProfileError::TooLarge {
            path: path.to_path_buf(),
            limit_kib: PROFILE_LIMIT / 1024,
        });
    }
    Ok(text)
}
