//! The password for an encrypted pack: from the environment or asked for
//! at the terminal, never from the command line.

use std::io::IsTerminal;

/// The environment variable `--encrypt` reads the password from.
const PASSWORD_VAR: &str = "CASEPACK_PASSWORD";

/// The pack's password: from [`PASSWORD_VAR`], else asked for twice at the
/// terminal without echo. Never from the command line, where other users
/// and the shell's history could see it.
pub(super) fn password() -> Result<String, String> {
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
