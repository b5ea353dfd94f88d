//! What users read besides the findings, pinned whole as insta snapshots
//! in `snapshots/`: `check` and `timeline` on each sample, human and JSON;
//! the JSON of a check of several cases and of a folder; the caseload
//! report; and every command's `--help`. Every run is dated as at `TODAY`,
//! so each is deterministic. Refresh with `INSTA_UPDATE=always cargo test
//! --test cli snapshot_output` (or `cargo insta review`) and read the diff.

use super::*;

/// The sample cases, as paths from the repository's root.
fn samples() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| format!("samples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    out.sort();
    assert!(out.len() >= 2, "{out:?}");
    out
}

fn stem(sample: &str) -> &str {
    sample
        .trim_start_matches("samples/")
        .trim_end_matches(".yaml")
}

/// Runs casepack in the repository's root with `args` and pins the
/// transcript as `name`; JSON output must parse.
fn pinned(name: &str, args: &[&str]) -> Output {
    let out = casepack(&root(), args);
    if args.windows(2).any(|w| w == ["--format", "json"]) {
        let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
        assert!(parsed.is_ok(), "{name}: not JSON: {}", stdout(&out));
    }
    let text = transcript(&as_run(args), &out);
    stable_paths(&root()).bind(|| insta::assert_snapshot!(name, text));
    out
}

#[test]
fn check_on_each_sample() {
    for sample in samples() {
        let out = pinned(&format!("check-{}", stem(&sample)), &["check", &sample]);
        assert_eq!(out.status.code(), Some(0), "{sample}: {}", stderr(&out));
        let out = pinned(
            &format!("check-json-{}", stem(&sample)),
            &["check", &sample, "--format", "json"],
        );
        assert_eq!(out.status.code(), Some(0), "{sample}: {}", stderr(&out));
    }
    // The issue-stage sample's LPM pack, as `--meeting lpm` checks it.
    pinned(
        "check-brennan-issue-lpm",
        &["check", ISSUE_SAMPLE, "--meeting", "lpm"],
    );
    pinned(
        "check-json-brennan-issue-lpm",
        &[
            "check",
            ISSUE_SAMPLE,
            "--meeting",
            "lpm",
            "--format",
            "json",
        ],
    );
}

#[test]
fn timeline_of_each_sample() {
    for sample in samples() {
        let out = pinned(
            &format!("timeline-{}", stem(&sample)),
            &["timeline", &sample],
        );
        assert_eq!(out.status.code(), Some(0), "{sample}: {}", stderr(&out));
        let out = pinned(
            &format!("timeline-json-{}", stem(&sample)),
            &["timeline", &sample, "--format", "json"],
        );
        assert_eq!(out.status.code(), Some(0), "{sample}: {}", stderr(&out));
    }
}

#[test]
fn the_json_of_a_check_of_several_cases_and_of_a_folder() {
    let out = pinned(
        "check-json-several",
        &["check", SAMPLE, ISSUE_SAMPLE, "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A folder: its profiles are passed over, its cases checked.
    let out = pinned(
        "check-json-folder",
        &["check", "samples", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = pinned("check-folder", &["check", "samples"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Several cases with findings: errors in one, warnings in another.
    let out = pinned(
        "check-json-several-with-findings",
        &[
            "check",
            "tests/fixtures/bad/misspelt-field.yaml",
            "tests/fixtures/caseload",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn the_caseload_report_of_a_folder() {
    let out = pinned("caseload", &["timeline", "tests/fixtures/caseload"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = pinned(
        "caseload-json",
        &["timeline", "tests/fixtures/caseload", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// Runs casepack as a terminal-less user would, with no `COLUMNS` to
/// change where help wraps.
fn help(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casepack"))
        .args(args)
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .current_dir(root())
        .output()
        .expect("run casepack")
}

#[test]
fn every_commands_help() {
    let out = help(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let top = stdout(&out);
    // The commands, as `casepack --help` lists them: each gets its own.
    let commands: Vec<&str> = top
        .split("\nCommands:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        commands,
        [
            "check", "edit", "init", "timeline", "schema", "migrate", "profiles", "meetings",
            "explain", "build", "help"
        ]
    );
    let args = vec!["--help".to_string()];
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!("help", transcript(&args, &out));
    });
    for command in commands.iter().filter(|c| **c != "help") {
        let out = help(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let args = vec![command.to_string(), "--help".to_string()];
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(format!("help-{command}"), transcript(&args, &out));
        });
    }
    // `casepack help` says the same as `--help`.
    assert_eq!(stdout(&help(&["help"])), top);
    let out = help(&["--version"]);
    let args = vec!["--version".to_string()];
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!("version", transcript(&args, &out));
    });
}
