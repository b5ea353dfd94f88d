//! casepack's own rules about its code, read from `src/` (as rust-analyzer's
//! `tidy.rs` keeps its own): no stage imports from a later one, library code
//! never returns `Result<_, String>` nor writes an error's message by hand, and
//! every module says what it is.
//! Test code (a `tests.rs`, a `*_tests.rs`, a `tests/` folder, a
//! `#[cfg(test)]` module) may use any stage.

use std::path::{Path, PathBuf};

/// The stages in pipeline order, foundations first: a module may use its
/// own stage and any before it, never one after (ARCHITECTURE.md draws them).
const STAGES: &[&str] = &[
    "diagnostics",
    "calendar",
    "parallel",
    "fonts",
    "templates",
    "safe_write",
    "case",
    "attach",
    "profile",
    "deadlines",
    "disclosure",
    "documents",
    "render",
    "plain",
    "check",
    "pack",
    "pipeline",
    "caseload",
    "edit",
    "cli",
];

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("src/ is readable") {
            let path = entry.expect("src/ is readable").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The stage a file under `src/` belongs to: its top folder, or its own
/// name for a top-level file. `None` for the crate's roots.
fn stage_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// Whether the whole file is test code.
fn is_test_file(relative: &Path) -> bool {
    let name = relative.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name == "tests.rs"
        || name.ends_with("_tests.rs")
        || relative.components().any(|c| c.as_os_str() == "tests")
}

/// The file without its `#[cfg(test)]` items: each from the attribute to
/// the end of the item it marks (its braces balanced, or its `;`).
fn without_tests(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let mut depth = 0usize;
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        // Kept as blank lines, so what follows keeps its line numbers.
        out.extend(std::iter::repeat_n(
            '\n',
            rest[at..at + "#[cfg(test)]".len() + end]
                .matches('\n')
                .count(),
        ));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The text without `//` comments, so a doc comment naming a later stage
/// (`[`crate::cli`]`) is not read as an import.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // A `//` inside a string ("https://") is rare in import lines,
            // and only hides text from this check, never adds to it.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `text` names through `crate::`, in order, with
/// each one's line: `crate::profile::Profile` and `use crate::{case, pack::x}`.
fn crate_uses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(found) = text[i..].find("crate::") {
        let at = i + found;
        i = at + "crate::".len();
        // `$crate::` in a macro is the crate itself, and so is `casepack_crate::`.
        if at > 0
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b'$')
        {
            continue;
        }
        let line = text[..at].matches('\n').count() + 1;
        if text[i..].starts_with('{') {
            // A group: the first name of each item at its top level.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in text[i..].chars() {
                match c {
                    '{' => {
                        depth += 1;
                        if depth == 1 {
                            continue;
                        }
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            push_first(&item, line, &mut out);
                            break;
                        }
                    }
                    ',' if depth == 1 => {
                        push_first(&item, line, &mut out);
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 1 {
                    item.push(c);
                }
            }
        } else {
            push_first(&text[i..], line, &mut out);
        }
    }
    out
}

/// The identifier `item` starts with, if any.
fn push_first(item: &str, line: usize, out: &mut Vec<(usize, String)>) {
    let name: String = item
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if !name.is_empty() && name != "self" {
        out.push((line, name));
    }
}

/// Each import in `text` (from a file of stage `stage`) of a stage after
/// it: "line N: `crate::cli`, a later stage than `case`".
fn backward_imports(stage: &str, text: &str) -> Vec<String> {
    let Some(own) = STAGES.iter().position(|s| *s == stage) else {
        return vec![format!(
            "`{stage}` is not in STAGES: add it in pipeline order"
        )];
    };
    crate_uses(&without_comments(&without_tests(text)))
        .into_iter()
        .filter_map(|(line, name)| {
            let theirs = STAGES.iter().position(|s| *s == name)?;
            (theirs > own)
                .then(|| format!("line {line}: `crate::{name}`, a later stage than `{stage}`"))
        })
        .collect()
}

/// Each `Result<_, String>` in `text`'s code: "line N: `Result<…>`".
fn string_errors(text: &str) -> Vec<String> {
    let code = without_comments(&without_tests(text));
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = code[i..].find("Result<") {
        let at = i + found;
        i = at + "Result<".len();
        // The generic arguments, to the `>` that closes them.
        let mut depth = 1usize;
        let mut args = vec![String::new()];
        let mut end = None;
        for (j, c) in code[i..].char_indices() {
            match c {
                '<' | '(' | '[' => depth += 1,
                '>' | ')' | ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i + j);
                        break;
                    }
                }
                ',' if depth == 1 => {
                    args.push(String::new());
                    continue;
                }
                _ => {}
            }
            if let Some(arg) = args.last_mut() {
                arg.push(c);
            }
        }
        let Some(end) = end else { continue };
        // `std::io::Result<T>` has one argument: its error is io's.
        let given: Vec<&str> = args
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .collect();
        if given.len() == 2 && given[1] == "String" {
            let line = code[..at].matches('\n').count() + 1;
            let written: String = code[at..=end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(format!("line {line}: `{written}`"));
        }
    }
    out
}

/// Each error type in `text`'s code whose `Display` is written by hand
/// rather than by thiserror: "line N: `impl … Display for XError`".
fn hand_written_errors(text: &str) -> Vec<String> {
    let code = without_comments(&without_tests(text));
    code.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let l = line.trim();
            let target = l.strip_prefix("impl")?.split(" for ").nth(1)?;
            let name = target.trim_end_matches('{').trim();
            (l.contains("Display") && (name.ends_with("Error") || name.ends_with("Failure")))
                .then(|| format!("line {}: `impl Display for {name}`", i + 1))
        })
        .collect()
}

/// Every file of `src/`, with its path relative to it.
fn sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&src)
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a source file is readable");
            (
                p.strip_prefix(&src).expect("under src/").to_path_buf(),
                text,
            )
        })
        .collect()
}

#[test]
fn no_stage_imports_from_a_later_one() {
    let mut wrong = Vec::new();
    for (file, text) in sources() {
        if is_test_file(&file) {
            continue;
        }
        let Some(stage) = stage_of(&file) else {
            continue;
        };
        for w in backward_imports(&stage, &text) {
            wrong.push(format!("src/{}: {w}", file.display()));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run backwards through the stages (move the shared type to the earlier stage, or the code to the later one):\n{}",
        wrong.join("\n")
    );
}

/// What `find` finds in each library (not test) file, as "src/FILE: …".
fn in_library_code(find: fn(&str) -> Vec<String>) -> Vec<String> {
    sources()
        .into_iter()
        .filter(|(file, _)| !is_test_file(file))
        .flat_map(|(file, text)| {
            find(&text)
                .into_iter()
                .map(move |w| format!("src/{}: {w}", file.display()))
        })
        .collect()
}

#[test]
fn library_code_never_returns_a_string_as_its_error() {
    let wrong = in_library_code(string_errors);
    assert!(
        wrong.is_empty(),
        "errors as text (give the stage's error enum a variant, with thiserror):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_error_says_what_it_is_through_thiserror() {
    let wrong = in_library_code(hand_written_errors);
    assert!(
        wrong.is_empty(),
        "errors whose message is written by hand (derive thiserror::Error, a variant per reason):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_says_what_it_is() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(file, _)| format!("src/{}", file.display()))
        .collect();
    assert!(
        missing.is_empty(),
        "modules without a `//!` saying what they take and hand on:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_stage_is_in_the_list_and_the_list_has_no_stage_that_is_not() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found: Vec<String> = std::fs::read_dir(&src)
        .expect("src/ is readable")
        .filter_map(|e| stage_of(Path::new(&e.ok()?.file_name())))
        .collect();
    found.sort();
    let mut listed: Vec<String> = STAGES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        found, listed,
        "STAGES must list every top-level module of src/"
    );
}

#[test]
fn architecture_md_draws_the_stages_in_the_order_this_file_keeps() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md is at the root");
    let picture = text
        .split("```text")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md draws the stages in a ```text block");
    // Each stage is the first word of its line in the picture, after its
    // number or the box's edge.
    let drawn: Vec<&str> = picture
        .lines()
        .filter_map(|line| {
            line.split(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .find(|w| !w.is_empty())
                .filter(|w| STAGES.contains(w))
        })
        .collect();
    assert_eq!(
        drawn, STAGES,
        "ARCHITECTURE.md's picture and STAGES disagree"
    );
}

#[test]
fn the_readmes_test_command_is_what_ci_runs_and_it_runs_cargo_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("the file is there");
    let readme = read("README.md");
    let setup = &readme[readme.find("## Set-up").expect("the README has a set-up")..];
    let block = &setup[setup.find("```sh\n").expect("its commands") + 6..];
    let commands: Vec<&str> = block[..block.find("```").expect("closed")]
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .collect();
    assert_eq!(commands.len(), 2, "two set-up commands: {commands:?}");
    assert!(
        commands[0].starts_with("cargo run -- build samples/"),
        "{commands:?}"
    );
    assert_eq!(commands[1], "./test");
    let ci_run = read(".ci/run");
    let ci: Vec<&str> = ci_run
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(ci.last(), Some(&"exec ./test"), "{ci:?}");
    let test = read("test");
    let last = test.lines().rev().find(|l| !l.trim().is_empty());
    assert_eq!(last, Some("exec cargo test --locked \"$@\""));
}

/// The tidy checks themselves, on made-up files: each would fail on what it
/// is for, and passes what it allows.
mod the_checks {
    use super::*;

    #[test]
    fn a_backward_import_is_found_in_every_way_it_can_be_written() {
        let text = "//! A case module.\nuse crate::cli::Failure;\nuse crate::{calendar::Calendar, pipeline::{self, Settings}};\nfn f() { crate::edit::token(); }\n";
        assert_eq!(
            backward_imports("case", text),
            [
                "line 2: `crate::cli`, a later stage than `case`",
                "line 3: `crate::pipeline`, a later stage than `case`",
                "line 4: `crate::edit`, a later stage than `case`",
            ]
        );
    }

    #[test]
    fn an_import_from_an_earlier_stage_or_in_test_code_or_a_comment_passes() {
        let text = "//! A check module.\nuse crate::case::Case;\nuse crate::{diagnostics::Finding, profile};\n/// See [`crate::cli`].\nmacro_rules! m { () => { $crate::cli::x() } }\n#[cfg(test)]\nmod tests {\n    use crate::pipeline::Settings;\n}\n#[cfg(test)]\nuse crate::cli::Failure;\nfn after() {}\n";
        assert_eq!(backward_imports("check", text), Vec::<String>::new());
        // What follows a test module is read again.
        let text = format!("{text}use crate::pack::x;\n");
        assert_eq!(
            backward_imports("check", &text),
            ["line 13: `crate::pack`, a later stage than `check`"]
        );
    }

    #[test]
    fn a_string_as_an_error_is_found_however_it_is_spelled() {
        let text = "//! x\nfn a() -> Result<u8, String> {}\nfn b() -> Result<\n    Vec<(u8, u8)>,\n    String,\n> {}\nfn c() -> std::io::Result<String> {}\nfn d() -> Result<String, Error> {}\n#[cfg(test)]\nfn e() -> Result<(), String> {}\n";
        assert_eq!(
            string_errors(text),
            [
                "line 2: `Result<u8, String>`",
                "line 3: `Result< Vec<(u8, u8)>, String, >`",
            ]
        );
    }

    #[test]
    fn a_hand_written_error_message_is_found_and_a_derived_one_passes() {
        let text = "//! x\npub struct RedactionError(pub String);\nimpl std::fmt::Display for RedactionError {\n}\nimpl fmt::Display for Date {}\n#[derive(thiserror::Error)]\n#[error(\"bad\")]\npub struct TimeError(pub String);\n#[cfg(test)]\nimpl Display for TestError {}\n";
        assert_eq!(
            hand_written_errors(text),
            ["line 3: `impl Display for RedactionError`"]
        );
    }

    #[test]
    fn test_files_are_known_by_their_names_and_folders() {
        assert!(is_test_file(Path::new("profile/tests.rs")));
        assert!(is_test_file(Path::new("profile/wording_tests.rs")));
        assert!(is_test_file(Path::new("deadlines/tests/corrections.rs")));
        assert!(!is_test_file(Path::new("check/dates.rs")));
        assert_eq!(stage_of(Path::new("attach.rs")).as_deref(), Some("attach"));
        assert_eq!(
            stage_of(Path::new("check/dates.rs")).as_deref(),
            Some("check")
        );
        assert_eq!(stage_of(Path::new("lib.rs")), None);
    }
}
