//! `casepack edit` and `casepack init`: start the page for a case (making
//! the case file first if need be), or write a new case file.

use std::path::Path;
use std::process::ExitCode;

use super::args::When;
use super::failure::{Failure, Outcome};

/// `casepack init CASE`.
pub(super) fn init(case: &Path) -> Outcome {
    crate::edit::init(case).map_err(Failure::usage)?;
    eprintln!(
        "wrote {}: fill it in with `casepack edit {}`",
        case.display(),
        case.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `casepack edit CASE`: serves the page until Ctrl-C.
pub(super) fn edit(case: &Path, no_open: bool, meeting: Option<String>, when: &When) -> Outcome {
    if !case.exists() {
        crate::edit::init(case).map_err(Failure::usage)?;
        eprintln!("wrote {}, a new case to fill in", case.display());
    }
    let mut settings = when.settings_for(case)?;
    settings.meeting = meeting;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::usage(format!("cannot start the page's server: {e}")))?;
    runtime.block_on(async {
        let (app, listener) = crate::edit::bind(case, &settings)
            .await
            .map_err(Failure::usage)?;
        let url = app.url();
        println!("casepack edit: {url}");
        eprintln!("The page is on this computer only. Ctrl-C stops it.");
        if !no_open && !open_browser(&url) {
            eprintln!("Open the address above in your browser.");
        }
        crate::edit::server::serve(app, listener)
            .await
            .map_err(|e| Failure::usage(format!("the page's server stopped: {e}")))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; false if no opener could start.
fn open_browser(url: &str) -> bool {
    use std::process::{Command, Stdio};
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .is_ok()
}
