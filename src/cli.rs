//! The command line: `casepack check` and `casepack build`. Reads the case
//! file, prints findings like rustc, writes the pack. Exit status: 0 clean
//! (warnings allowed), 1 findings with errors, 2 usage or I/O problems.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostics::Findings;
use crate::{pack, pipeline};

/// Meeting packs and letters for children's social care under the Public Law Outline.
///
/// Write the case once, as YAML; casepack checks it, computes every deadline
/// in working days, and renders the documents to PDF in a zip pack.
#[derive(Debug, Parser)]
#[command(name = "casepack", version, max_term_width = 100)]
pub struct Cli {
    /// When to colour the findings.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a case file and print what is missing, wrong or late.
    Check {
        /// The case file (YAML).
        case: PathBuf,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Check a case file and build its pack: PDFs and a manifest in one zip.
    Build {
        /// The case file (YAML).
        case: PathBuf,
        /// Where to write the pack [default: <case file name>-pack.zip in the current folder].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Also write the data each template reads, as JSON, into this folder.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
}

/// When to colour output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Color {
    /// When printing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// How `check` prints findings.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Like rustc: file:line:column, the line, a caret, help.
    Human,
    /// One JSON document with every finding.
    Json,
}

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
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    match cli.command {
        Command::Check { case, format } => check(&case, format, color),
        Command::Build {
            case,
            output,
            force,
            data_dir,
        } => build(&case, output, force, data_dir, color),
    }
}

const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;

fn read_case(path: &Path) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        ExitCode::from(EXIT_USAGE)
    })
}

fn print_findings(findings: &Findings, path: &Path, text: &str, color: bool) {
    if !findings.is_empty() {
        eprint!(
            "{}",
            findings.render(&path.display().to_string(), text, color)
        );
    }
}

fn check(path: &Path, format: Format, color: bool) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let (_, findings) = pipeline::check(&text);
    match format {
        Format::Human => {
            print_findings(&findings, path, &text, color);
            if findings.is_empty() {
                eprintln!("{}: no findings", path.display());
            }
        }
        Format::Json => {
            let json = serde_json::json!({
                "file": path.display().to_string(),
                "errors": findings.count(crate::diagnostics::Severity::Error),
                "warnings": findings.count(crate::diagnostics::Severity::Warning),
                "findings": findings.sorted(),
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
    if findings.has_errors() {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn default_output(case: &Path) -> PathBuf {
    let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
    PathBuf::from(format!("{stem}-pack.zip"))
}

fn build(
    path: &Path,
    output: Option<PathBuf>,
    force: bool,
    data_dir: Option<PathBuf>,
    color: bool,
) -> ExitCode {
    let text = match read_case(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let dest = output.unwrap_or_else(|| default_output(path));
    // Refuse before doing any work, as well as at the final rename.
    if dest.exists() && !force {
        eprintln!(
            "error: {} already exists; use --force to replace it",
            dest.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let (checked, findings) = pipeline::check(&text);
    print_findings(&findings, path, &text, color);
    let Some(checked) = checked else {
        return ExitCode::from(EXIT_FINDINGS);
    };
    let jobs = checked.documents();
    if let Some(dir) = &data_dir
        && let Err(e) = pack::write_data(dir, &jobs)
    {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let docs = match pipeline::render_all(&jobs) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!(
                "error: internal: {e}\n  nothing was written; please report this with the case's shape (not its contents)"
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let case = &checked.loaded.case;
    let manifest = pack::manifest(case, &checked.profile.profile, &docs);
    if let Err(e) = pack::write_pack(&dest, force, case, &manifest, &docs) {
        eprintln!("error: {e:#}");
        return ExitCode::from(EXIT_USAGE);
    }
    let pages: usize = docs.iter().map(|d| d.pages).sum();
    eprintln!(
        "wrote {} ({} documents, {} pages)",
        dest.display(),
        docs.len(),
        pages
    );
    for d in &docs {
        let privileged = if d.job.privileged {
            "  [legally privileged]"
        } else {
            ""
        };
        eprintln!("  {:<48} {:>2} pages{privileged}", d.job.file_name, d.pages);
    }
    ExitCode::SUCCESS
}
