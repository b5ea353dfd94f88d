//! Why a command could not do what it was asked, as one value: every
//! command returns its exit status or a [`Failure`], and [`super::run`]
//! alone prints the failure (`error: …` with its help and notes, like
//! rustc) and turns it into the exit status.

use std::fmt::Display;
use std::process::ExitCode;

use super::{EXIT_FINDINGS, EXIT_USAGE};

/// A command that failed: what to say, and the exit status.
#[derive(Debug)]
pub(super) struct Failure {
    code: u8,
    message: String,
    /// `  = help: …` and `  = note: …` lines, and plain lines such as
    /// "  nothing was written", in order.
    after: Vec<String>,
}

/// What a command comes to: its exit status, or why it failed.
pub(super) type Outcome = Result<ExitCode, Failure>;

impl Failure {
    /// What it says, without its help and notes.
    #[cfg(test)]
    pub(super) fn message(&self) -> &str {
        &self.message
    }

    /// A usage or I/O problem (exit 2): a missing file, a bad argument.
    pub fn usage(message: impl Display) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.to_string(),
            after: Vec::new(),
        }
    }

    /// The case itself stops the command (exit 1).
    pub fn findings(message: impl Display) -> Failure {
        Failure {
            code: EXIT_FINDINGS,
            ..Failure::usage(message)
        }
    }

    /// Adds `  = help: …`.
    pub fn help(mut self, help: impl Display) -> Failure {
        self.after.push(format!("  = help: {help}"));
        self
    }

    /// Adds `  = note: …`.
    pub fn note(mut self, note: impl Display) -> Failure {
        self.after.push(format!("  = note: {note}"));
        self
    }

    /// Adds "  nothing was written".
    pub fn nothing_written(mut self) -> Failure {
        self.after.push("  nothing was written".to_string());
        self
    }

    /// Prints it to standard error and gives the exit status.
    pub fn report(self) -> ExitCode {
        eprintln!("error: {}", self.message);
        for line in &self.after {
            eprintln!("{line}");
        }
        ExitCode::from(self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_carries_its_status_and_its_lines() {
        let f = Failure::usage("cannot read a.yaml")
            .help("check the path")
            .nothing_written();
        assert_eq!(f.code, EXIT_USAGE);
        assert_eq!(
            f.after,
            ["  = help: check the path", "  nothing was written"]
        );
        assert_eq!(Failure::findings("x").code, EXIT_FINDINGS);
    }
}
