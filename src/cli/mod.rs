//! The command line: `casepack check`, `build` and `timeline` (which read a
//! case), `migrate` (which rewrites one), `meetings`, `explain` and
//! `schema` (which do not). Prints findings
//! like rustc, writes the pack or the calendar. Exit status: 0 clean (warnings allowed), 1
//! findings with errors, 2 usage or I/O problems.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use crate::rules;

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
    // Ctrl-C: remove what this run was writing, so nothing partial is left.
    let _ = ctrlc::set_handler(|| crate::pack::interrupt_and_exit(130));
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check { case, format, pack } => match pack.settings_for(&case) {
            Ok(settings) => check(&case, format, &settings, color),
            Err(code) => code,
        },
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
                match when.settings_for(case) {
                    Ok(settings) => timeline(case, format, ics.as_deref(), force, &settings, color),
                    Err(code) => code,
                }
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
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::case::schema()).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Command::Migrate {
            case,
            output,
            force,
        } => migrate(&case, output.as_deref(), force),
        Command::Profiles => profiles(),
        Command::Meetings { profile } => match profile_or_default(profile.as_deref()) {
            Ok(p) => {
                print!("{}", rules::explain::list(&p));
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Explain { meeting, profile } => match profile_or_default(profile.as_deref()) {
            Ok(p) => explain(&p, &meeting),
            Err(code) => code,
        },
        Command::Build {
            case,
            output,
            force,
            data_dir,
            bundle,
            encrypt,
            pack,
        } => match pack.settings_for(&case) {
            Ok(settings) => {
                let outputs = Outputs {
                    pack: output,
                    force,
                    data_dir,
                    bundle,
                    encrypt,
                };
                build(&case, outputs, &settings, color)
            }
            Err(code) => code,
        },
    }
}

/// Exit status when the case has errors.
const EXIT_FINDINGS: u8 = 1;
/// Exit status for usage and I/O problems.
const EXIT_USAGE: u8 = 2;

mod args;
mod build;
mod caseload;
mod commands;
mod inputs;
mod outputs;

pub use args::{AudienceArg, Cli, Color, Command, Format, PackArgs, Readers, When};
use build::build;
use commands::{check, explain, migrate, profile_or_default, profiles, timeline};
use inputs::CaseFiles;
use outputs::Outputs;
