//! Why a profile cannot be used: its file cannot be read, its YAML or its
//! shape is wrong, what it extends cannot be found, or its rules do not
//! hold together. Every message names the profile and the place in it.

use std::path::PathBuf;
use std::sync::Arc;

/// Why a profile cannot be used. Nothing is checked with it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ProfileError {
    /// The file cannot be read.
    #[error("cannot read the profile {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: Arc<std::io::Error>,
    },
    /// The path names something other than a file (a folder, a device).
    #[error("the profile {} is not a file (a profile is a `.yaml` file)", .0.display())]
    NotAFile(PathBuf),
    /// The file is far larger than any profile.
    #[error("the profile {} is over {limit_kib} KiB: too large to be a profile", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit.
        limit_kib: u64,
    },
    /// A name that is neither a built-in profile nor a file.
    #[error("`{name}` is neither a built-in profile ({}) nor a `.yaml` file", built_in.join(", "))]
    Unknown {
        /// The name given.
        name: String,
        /// The built-in profiles' names.
        built_in: Vec<&'static str>,
    },
    /// `extends:` names no built-in profile, and there is no folder to look in.
    #[error("`{0}` is not a built-in profile")]
    NotBuiltIn(String),
    /// What went wrong, in the profile (or the file) `origin` names.
    #[error("{origin}: {error}")]
    In {
        /// "the profile westshore.yaml", "the built-in profile `blackpool`".
        origin: String,
        /// What went wrong there.
        error: Box<ProfileError>,
    },
    /// A profile that, through what it extends, extends itself.
    #[error("{here} extends itself (through {})", through.join(" → "))]
    Loop {
        /// The profile.
        here: String,
        /// The profiles on the way back to it.
        through: Vec<String>,
    },
    /// Its text is not YAML.
    #[error("{here} is not valid YAML: {message}")]
    Yaml {
        /// The profile.
        here: String,
        /// The parser's message.
        message: String,
    },
    /// A value of the rules is not what its field holds.
    #[error("{at}: {message}{hint}")]
    Shape {
        /// The field, as a path ("meetings[lpm].chair.role").
        at: String,
        /// What is wrong with it.
        message: String,
        /// How to put it right, when there is a likely cause.
        hint: &'static str,
    },
    /// A file the profile names beside it (its logo, its templates).
    #[error("cannot read {what} {}: {source}", path.display())]
    File {
        /// "the logo", "the templates folder".
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: Arc<std::io::Error>,
    },
    /// The profile's rules do not hold together; the message says where.
    #[error("{0}")]
    Rule(String),
}

/// A [`ProfileError::Rule`] from a `format!` message.
macro_rules! rule {
    ($($arg:tt)*) => {
        $crate::profile::ProfileError::Rule(format!($($arg)*))
    };
}
pub(crate) use rule;

/// The one of several options a rule gives, each named by its field:
/// the names back, to list, when it gives none or more than one.
pub(super) fn exactly_one<T, const N: usize>(
    options: [(&'static str, Option<T>); N],
) -> Result<T, OneOf<N>> {
    let names = options.each_ref().map(|(name, _)| *name);
    let mut given = options.into_iter().filter_map(|(_, o)| o);
    match (given.next(), given.next()) {
        (Some(one), None) => Ok(one),
        _ => Err(OneOf(names)),
    }
}

/// "exactly one of `a`, `b` and `c`": what a rule that gave none or
/// several of its options must give.
pub(super) struct OneOf<const N: usize>([&'static str; N]);

impl<const N: usize> std::fmt::Display for OneOf<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let quoted: Vec<String> = self.0.iter().map(|n| format!("`{n}`")).collect();
        write!(f, "exactly one of {}", crate::case::join_and(&quoted))
    }
}

impl ProfileError {
    /// This error, in the profile or file `origin` names.
    pub fn in_(self, origin: impl Into<String>) -> ProfileError {
        ProfileError::In {
            origin: origin.into(),
            error: Box::new(self),
        }
    }
}
