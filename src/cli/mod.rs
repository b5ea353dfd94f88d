//! The command line: `casepack check`, `build` and `timeline` (which read a
//! case), `migrate` (which rewrites one), `meetings`, `explain` and
//! `schema` (which do not). Prints findings
//! like rustc, writes the pack or the calendar. Exit status: 0 clean (warnings allowed), 1
//! findings with errors, 2 usage or I/O problems.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::profile;

/// Runs the command line and returns the exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    // Typst lays deep documents out recursively: its worker threads need
    // the stack the main thread has, not a spawned thread's 2 MB.
    if let Err(e) = rayon::ThreadPoolBuilder::new()
        .stack_size(crate::parallel::STACK)
        .build_global()
    {
        return Failure::usage(format!("internal: cannot start worker threads: {e}")).report();
    }
    // Ctrl-C: remove what this run was writing, so nothing partial is left.
    // For the page, Ctrl-C is how it is meant to end.
    if matches!(cli.command, Command::Edit { .. }) {
        let _ = ctrlc::set_handler(|| {
            crate::safe_write::stop_and_exit(0, "stopped: the page is closed")
        });
    } else {
        let _ = ctrlc::set_handler(|| crate::safe_write::interrupt_and_exit(130));
    }
    dispatch(cli).unwrap_or_else(Failure::report)
}

/// Runs the command `cli` names.
fn dispatch(cli: Cli) -> Outcome {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check {
            cases,
            format,
            pack,
        } => check_cases(&cases, format, &pack, color),
        Command::Timeline {
            cases,
            format,
            ics,
            sheet,
            force,
            when,
        } => match cases.as_slice() {
            // One case file: its own timeline, as it always was.
            [case] if CaseFiles::is_single(&cases) && sheet.is_none() => {
                let settings = when.settings_for(case)?;
                timeline(case, format, ics.as_deref(), force, &settings, color)
            }
            _ => {
                let files = caseload::Files {
                    ics: ics.as_deref(),
                    sheet: sheet.as_deref(),
                    force,
                };
                caseload::caseload(&cases, format, &files, &when)
            }
        },
        Command::Edit {
            case,
            no_open,
            meeting,
            when,
        } => edit::edit(&case, no_open, meeting, &when),
        Command::Init { case } => edit::init(&case),
        Command::Schema => {
            let schema = serde_json::to_string_pretty(&crate::case::schema()).map_err(|e| {
                Failure::usage(format!("internal: the schema cannot be written: {e}"))
            })?;
            println!("{schema}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate {
            case,
            output,
            force,
        } => migrate(&case, output.as_deref(), force),
        Command::Profiles => profiles(),
        Command::Meetings { profile } => {
            let p = profile_or_default(profile.as_deref())?;
            print!("{}", profile::explain::list(&p));
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { meeting, profile } => {
            explain(&profile_or_default(profile.as_deref())?, &meeting)
        }
        Command::Build {
            cases,
            output,
            force,
            data_dir,
            bundle,
            encrypt,
            pack,
        } => {
            let outputs = Outputs {
                pack: output,
                force,
                data_dir,
                bundle,
                encrypt,
            };
            build(&cases, outputs, &pack, color)
        }
    }
}

/// The case files `args` name, when they are more than one file; the
/// profiles found beside them are said and passed over.
fn many_cases(args: &[PathBuf]) -> Result<Option<inputs::CaseFiles>, Failure> {
    if inputs::CaseFiles::is_single(args) {
        return Ok(None);
    }
    let files = inputs::case_files(args)?;
    for p in &files.profiles {
        eprintln!(
            "note: passed over {}: an authority profile, not a case",
            p.display()
        );
    }
    Ok(Some(files))
}

/// `casepack check` of one case, or of many.
fn check_cases(args: &[PathBuf], format: Format, pack: &PackArgs, color: bool) -> Outcome {
    let many = many_cases(args)?;
    let first = args.first().map_or(Path::new("."), PathBuf::as_path);
    let settings = pack.settings_for(first)?;
    match many {
        None => check(first, format, &settings, color),
        Some(files) => commands::check_many(&files.cases, format, &settings, color),
    }
}

/// `casepack build` of one case, or of many.
fn build(args: &[PathBuf], outputs: Outputs, pack: &PackArgs, color: bool) -> Outcome {
    let many = many_cases(args)?;
    let first = args.first().map_or(Path::new("."), PathBuf::as_path);
    let settings = pack.settings_for(first)?;
    let Some(files) = many else {
        let text = commands::read_case(first)?;
        let target = build::Target {
            outputs: &outputs,
            data_dir: outputs.data_dir.clone(),
            password: &outputs::password,
        };
        // The build's own output (findings, what was written) is printed
        // whole; its status follows.
        let built = build::build_case(first, &text, &target, &settings);
        eprint!("{}", built::said(&built, first, &text, color));
        return Ok(ExitCode::from(exit_code(built.status)));
    };
    batch::build_many(args, &files, &outputs, &settings, color)
}

/// The exit status for how a build went.
fn exit_code(status: build::Status) -> u8 {
    match status {
        build::Status::Written => 0,
        build::Status::Findings => EXIT_FINDINGS,
        build::Status::Refused => EXIT_USAGE,
    }
}

/// Exit status when the case has errors.
const EXIT_FINDINGS: u8 = 1;
/// Exit status for usage and I/O problems.
const EXIT_USAGE: u8 = 2;

mod args;
mod batch;
mod built;
mod caseload;
mod commands;
mod edit;
mod failure;
mod inputs;
mod outputs;

use crate::pipeline::build::{self, Outputs};
pub use args::{AudienceArg, Cli, Color, Command, Format, PackArgs, Readers, When};
use commands::{check, explain, migrate, profile_or_default, profiles, timeline};
use failure::{Failure, Outcome};
use inputs::CaseFiles;
