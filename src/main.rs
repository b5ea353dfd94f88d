//! The `casepack` command: everything is in the library.

fn main() -> std::process::ExitCode {
    casepack::cli::run()
}
