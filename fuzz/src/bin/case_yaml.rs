//! Writes the case the `check_case` target builds from each input file, as
//! YAML: `case_yaml OUT_DIR INPUT...` writes `OUT_DIR/<input name>.yaml`.
//! This is how the minimised corpus becomes the readable cases kept in
//! `tests/fuzz/check_case/` and replayed by `cargo test`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arbitrary::Unstructured;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: case_yaml OUT_DIR INPUT...");
        return ExitCode::FAILURE;
    };
    let mut failed = false;
    for input in args.map(PathBuf::from) {
        if let Err(e) = write_one(&input, &out) {
            eprintln!("{}: {e}", input.display());
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write_one(input: &Path, out: &Path) -> Result<(), String> {
    let bytes = std::fs::read(input).map_err(|e| e.to_string())?;
    let text = casepack_fuzz::case(&mut Unstructured::new(&bytes))
        .map_err(|e| format!("no case could be built from it: {e}"))?;
    let name = input.file_name().ok_or("no file name")?.to_string_lossy();
    std::fs::write(out.join(format!("{name}.yaml")), text).map_err(|e| e.to_string())
}
