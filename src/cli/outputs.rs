//! The password for an encrypted pack: from the environment or asked for
//! at the terminal, never from the command line.

use std::io::IsTerminal;

use crate::pipeline::build::PasswordError;

/// The environment variable `--encrypt` reads the password from.
const PASSWORD_VAR: &str = "CASEPACK_PASSWORD";

/// The pack's password: from [`PASSWORD_VAR`], else asked for twice at the
/// terminal without echo. Never from the command line, where other users
/// and the shell's history could see it.
pub(super) fn password() -> Result<String, PasswordError> {
    if let Ok(p) = std::env::var(PASSWORD_VAR) {
        if p.is_empty() {
            return Err(PasswordError::EmptyVariable(PASSWORD_VAR));
        }
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(PasswordError::NoTerminal(PASSWORD_VAR));
    }
    let first =
        rpassword::prompt_password("Password for the pack: ").map_err(PasswordError::Prompt)?;
    if first.is_empty() {
        return Err(PasswordError::Empty);
    }
    let again =
        rpassword::prompt_password("The same password again: ").map_err(PasswordError::Prompt)?;
    if first != again {
        return Err(PasswordError::Differ);
    }
    Ok(first)
}
