//! Every kind of finding casepack can make, each pinned whole: the
//! smallest case that makes it (a sample or fixture with one thing
//! changed) and everything `casepack check` (or `build`, for the findings
//! only a build makes) prints for it, as an insta snapshot in
//! `snapshots/`. A scan of `src/` makes sure no finding code ships
//! without a snapshot here or a reason it cannot be reached from outside.
//!
//! A new finding kind: add a row to `kinds!` below, run
//! `INSTA_UPDATE=always cargo test --test cli snapshot_findings` (or
//! `cargo insta review`) and read the new `.snap` file before committing it.

use super::*;

/// Where an extra file of a fixture comes from.
enum Bytes {
    /// A file in the repository, copied.
    Repo(&'static str),
    /// These bytes.
    Literal(&'static [u8]),
    /// The first two thirds of a file in the repository: a PDF cut short.
    Truncated(&'static str),
}

/// A case that makes one kind of finding: `base` (a path in the
/// repository) with each `(from, to)` of `edits` made once, in order,
/// written as `case.yaml` in a fresh folder beside a copy of the samples'
/// attachments (and the base's own), with `files` written there too; then
/// `casepack <command> case.yaml <args>` run in that folder.
struct Fixture {
    /// The code the case must get; empty when it is the snapshot's name.
    code: &'static str,
    base: &'static str,
    edits: &'static [(&'static str, &'static str)],
    files: &'static [(&'static str, Bytes)],
    args: &'static [&'static str],
    command: &'static str,
}

const fn case(base: &'static str) -> Fixture {
    Fixture {
        code: "",
        base,
        edits: &[],
        files: &[],
        args: &[],
        command: "check",
    }
}

const HARTLEY_NOWAK: Fixture = case(SAMPLE);
const BRENNAN: Fixture = case(ISSUE_SAMPLE);
const WHITFIELD_COLE: Fixture = case("tests/fixtures/families/whitfield-cole.yaml");
const BROOKS_HART: Fixture = case("tests/fixtures/families/brooks-hart.yaml");

/// Builds the fixture's folder and runs casepack in it.
fn run(fixture: &Fixture) -> (tempfile::TempDir, Vec<String>, Output) {
    let base = root().join(fixture.base);
    let mut text = std::fs::read_to_string(&base).unwrap();
    for (from, to) in fixture.edits {
        assert!(text.contains(from), "{} lacks {from:?}", fixture.base);
        text = text.replacen(from, to, 1);
    }
    let dir = case_dir(&text);
    let own = base.parent().unwrap().join("attachments");
    if own != root().join("samples/attachments") && own.is_dir() {
        for entry in std::fs::read_dir(&own).unwrap() {
            let path = entry.unwrap().path();
            let to = dir
                .path()
                .join("attachments")
                .join(path.file_name().unwrap());
            std::fs::copy(&path, to).unwrap();
        }
    }
    for (name, bytes) in fixture.files {
        let bytes = match bytes {
            Bytes::Repo(path) => std::fs::read(root().join(path)).unwrap(),
            Bytes::Literal(b) => b.to_vec(),
            Bytes::Truncated(path) => {
                let whole = std::fs::read(root().join(path)).unwrap();
                whole[..whole.len() * 2 / 3].to_vec()
            }
        };
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let mut args = vec![fixture.command, "case.yaml"];
    args.extend(fixture.args);
    let out = casepack(dir.path(), &args);
    (dir, as_run(&args), out)
}

/// Runs one fixture and pins what it printed.
fn shows(name: &str, fixture: &Fixture) {
    let code = if fixture.code.is_empty() {
        name
    } else {
        fixture.code
    };
    let (dir, args, out) = run(fixture);
    let err = stderr(&out);
    let error = err.contains(&format!("error[{code}]"));
    assert!(
        error || err.contains(&format!("warning[{code}]")),
        "{name}: expected a finding `{code}` in\n{err}"
    );
    // Any error stops the run with status 1; warnings alone do not.
    let expected = if err.contains("error[") { 1 } else { 0 };
    assert_eq!(out.status.code(), Some(expected), "{name}: {err}");
    let mut settings = stable_paths(dir.path());
    let mut description = fixture.base.to_string();
    for (from, to) in fixture.edits {
        description.push_str(&format!("\nwith {from:?}\nas   {to:?}"));
    }
    for (file, _) in fixture.files {
        description.push_str(&format!("\nand its own {file}"));
    }
    settings.set_description(description);
    settings.bind(|| insta::assert_snapshot!(name, transcript(&args, &out)));
}

/// Finding codes that no input reaches, and why: each is a guard against a
/// fault in casepack itself, not in the case.
const UNREACHABLE: &[(&str, &str)] = &[
    (
        "internal",
        "casepack could not read its own case model back as JSON, or a letter it made could not be laid out: a fault in casepack, which no case can cause",
    ),
    (
        "redaction",
        "a parent's copy of the case could not be made safe to send; every case that could cause it (a `withhold` naming nothing, or something not text) is refused first as `withhold-nothing` or `withhold-not-text`, so it guards against a fault in casepack's own redaction",
    ),
];

macro_rules! kinds {
    ($($test:ident: $name:literal => $fixture:expr;)*) => {
        /// Every snapshot here: its name and the case it runs.
        const KINDS: &[(&str, Fixture)] = &[$(($name, $fixture)),*];
        $(
            #[test]
            fn $test() {
                shows($name, &$fixture);
            }
        )*
    };
}

kinds! {
    abuse_at_meeting: "abuse-at-meeting" => Fixture {
        edits: &[("partners: [{ with: kerry, status: separated }]", "partners: [{ with: kerry, status: separated, domestic_abuse: true }]")],
        ..HARTLEY_NOWAK
    };
    advocate_not_booked: "advocate-not-booked" => Fixture {
        edits: &[
            ("    easy_read: true\n    advocate: true\n", "    advocate: true\n"),
            ("    - { as: advocate, for: kerry, name: Jo Whitfield }\n", ""),
        ],
        ..HARTLEY_NOWAK
    };
    easy_read_advocate: "easy-read-advocate" => Fixture {
        edits: &[("    - { as: advocate, for: kerry, name: Jo Whitfield }\n", "")],
        ..HARTLEY_NOWAK
    };
    easy_read_words: "easy-read-words" => Fixture {
        edits: &[(
            "      must_change: An adult must be with Maisie and Leo all the time. The adult must keep them safe.\n",
            "      must_change: An adult who is able to keep them SAFE must be with Maisie and Leo all of the time.\n",
        )],
        ..HARTLEY_NOWAK
    };
    easy_read_target: "easy-read-target" => Fixture {
        files: &[("strict.yaml", Bytes::Literal(b"profile: strict\nname: Strict\neasy_read:\n  targets:\n    average_sentence: 6\n"))],
        args: &["--profile", "strict.yaml"],
        ..HARTLEY_NOWAK
    };
    assessment_incomplete: "assessment-incomplete" => Fixture {
        edits: &[("    why: To find out what help you need to keep Maisie and Leo safe at home\n", "")],
        ..HARTLEY_NOWAK
    };
    attachment_encrypted: "attachment-encrypted" => Fixture {
        files: &[("attachments/hartley-nowak-assessment-plan.pdf", Bytes::Repo("tests/fixtures/attachments/password-protected.pdf"))],
        ..HARTLEY_NOWAK
    };
    attachment_missing: "attachment-missing" => Fixture {
        edits: &[("path: attachments/hartley-nowak-assessment-plan.pdf", "path: attachments/assessment-plan.pdf")],
        ..HARTLEY_NOWAK
    };
    attachment_name_clash: "attachment-name-clash" => Fixture {
        edits: &[("path: attachments/hartley-nowak-assessment-plan.pdf", "path: attachments/hartley-nowak-single-assessment.pdf")],
        ..HARTLEY_NOWAK
    };
    attachment_no_pages: "attachment-no-pages" => Fixture {
        files: &[("attachments/hartley-nowak-assessment-plan.pdf", Bytes::Repo("tests/fixtures/attachments/no-pages.pdf"))],
        ..HARTLEY_NOWAK
    };
    attachment_not_pdf: "attachment-not-pdf" => Fixture {
        files: &[("attachments/hartley-nowak-assessment-plan.pdf", Bytes::Literal(b"Assessment plan\nThis is a Word document saved with the wrong name.\n"))],
        ..HARTLEY_NOWAK
    };
    attachment_outside_case: "attachment-outside-case" => Fixture {
        edits: &[("path: attachments/hartley-nowak-assessment-plan.pdf", "path: ../hartley-nowak-assessment-plan.pdf")],
        ..HARTLEY_NOWAK
    };
    attachment_truncated: "attachment-truncated" => Fixture {
        files: &[("attachments/hartley-nowak-assessment-plan.pdf", Bytes::Truncated("samples/attachments/hartley-nowak-assessment-plan.pdf"))],
        ..HARTLEY_NOWAK
    };
    attachment_unreadable: "attachment-unreadable" => Fixture {
        files: &[("attachments/hartley-nowak-assessment-plan.pdf", Bytes::Literal(b"%PDF-1.4\nnothing here at all\n%%EOF\n"))],
        ..HARTLEY_NOWAK
    };
    average_sentence: "average-sentence" => Fixture {
        files: &[("profile.yaml", Bytes::Literal(b"profile: short-sentences\nname: Short sentences\nplain_language:\n  targets: { average_sentence: 10 }\n"))],
        args: &["--profile", "profile.yaml"],
        ..HARTLEY_NOWAK
    };
    bundle_over_limit: "bundle-over-limit" => Fixture {
        files: &[("profile.yaml", Bytes::Literal(b"profile: small-bundles\nname: Small bundles\nbundle:\n  page_limit: 10\n"))],
        args: &["--meeting", "lpm", "--bundle", "--profile", "profile.yaml", "-o", "pack.zip"],
        command: "build",
        ..HARTLEY_NOWAK
    };
    calendar_ending: "calendar-ending" => Fixture {
        args: &["--today", "2030-02-01"],
        ..HARTLEY_NOWAK
    };
    calendar_range: "calendar-range" => Fixture {
        ..case("tests/fixtures/bad/out-of-range.yaml")
    };
    chair: "chair" => Fixture {
        edits: &[("  chair: Martin Shaw\n", "  chair: Owen Pritchard\n")],
        ..HARTLEY_NOWAK
    };
    child_date: "child-date" => Fixture {
        edits: &[("    born: 2019-03-14\n", "    born: 2019-03-14\n    expected: 2019-03-14\n")],
        ..HARTLEY_NOWAK
    };
    chronology: "chronology" => Fixture {
        edits: &[("date: 2026-10-03\n", "date: 2026-08-03\n"), ("date: 2026-10-21\n", "date: 2026-08-11\n"), ("date: 2026-10-30\n", "date: 2026-08-12\n")],
        args: &["--meeting", "lpm"],
        ..HARTLEY_NOWAK
    };
    control_characters: "control-characters" => Fixture {
        edits: &[("  - worry: Maisie is missing a lot of school.\n", "  - worry: \"Maisie is missing a lot of school.\\a\"\n")],
        ..HARTLEY_NOWAK
    };
    date_order: "date-order" => Fixture {
        ..case("tests/fixtures/bad/meeting-before-lpm.yaml")
    };
    disclosure: "disclosure" => Fixture {
        edits: &[("      - Ava has been at school for 74 out of every 100 school days since September.", "      - Ava has been at school for 74 out of every 100 days; Mason is often late for nursery.")],
        ..WHITFIELD_COLE
    };
    disclosure_in_the_pack_name: "disclosure-in-the-pack-name" => Fixture {
        code: "disclosure",
        args: &["--recipient", "sam", "-o", "sam-9 Pear Court.zip"],
        command: "build",
        ..WHITFIELD_COLE
    };
    disclosure_in_every_field: "disclosure-in-every-field" => Fixture {
        code: "disclosure",
        edits: &[
            ("      - Ava has been at school for 74 out of every 100 school days since September.", "      - Ava has been at school for 74 out of every 100 days; Mason is often late for nursery."),
            ("  - action: Take Ava to school every day, on time", "  - action: Take Ava and Mason to school and nursery every day"),
        ],
        ..WHITFIELD_COLE
    };
    document_not_for_audience: "document-not-for-audience" => Fixture {
        args: &["--meeting", "lpm", "--audience", "parents"],
        ..HARTLEY_NOWAK
    };
    duplicate_id: "duplicate-id" => Fixture {
        edits: &[("children: [maisie, leo]", "children: [maisie, leo, leo]")],
        ..HARTLEY_NOWAK
    };
    duplicate_key: "duplicate-key" => Fixture {
        edits: &[("reference: NM/CS/2026/0147\n", "reference: NM/CS/2026/0147\nreference: NM/CS/2026/0148\n")],
        ..HARTLEY_NOWAK
    };
    empty_list: "empty-list" => Fixture {
        ..case("tests/fixtures/bad/no-worries.yaml")
    };
    empty_text: "empty-text" => Fixture {
        edits: &[("    note: offered to help with childcare\n", "    note: \" \"\n")],
        ..HARTLEY_NOWAK
    };
    extension_after_deadline: "extension-after-deadline" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "review_date: 2027-01-07\nreview_lpms:\n  - date: 2027-03-10\n    decision: extend-pre-proceedings\n    extension_weeks: 2\n    head_of_service_agreed: true\n")],
        ..HARTLEY_NOWAK
    };
    extension_not_agreed: "extension-not-agreed" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "review_date: 2027-01-07\nreview_lpms:\n  - date: 2026-11-20\n    decision: extend-pre-proceedings\n    extension_weeks: 2\n")],
        ..HARTLEY_NOWAK
    };
    extension_too_long: "extension-too-long" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "review_date: 2027-01-07\nreview_lpms:\n  - date: 2026-11-20\n    decision: extend-pre-proceedings\n    extension_weeks: 6\n    head_of_service_agreed: true\n")],
        ..HARTLEY_NOWAK
    };
    extension_weeks: "extension-weeks" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "review_date: 2027-01-07\nreview_lpms:\n  - date: 2026-11-20\n    decision: extend-pre-proceedings\n    head_of_service_agreed: true\n")],
        ..HARTLEY_NOWAK
    };
    family_loop: "family-loop" => Fixture {
        edits: &[("    born: 1968-06-02\n", "    born: 1968-06-02\n    parents: [kerry]\n")],
        ..HARTLEY_NOWAK
    };
    family_name: "family-name" => Fixture {
        edits: &[("    name: Kerry Hartley\n", "    name: Siobhán O'Neill-Ó Súilleabháin\n")],
        ..HARTLEY_NOWAK
    };
    forbidden_purpose: "forbidden-purpose" => Fixture {
        edits: &[("  type: pre-proceedings-meeting\n  purpose: initial\n", "  type: review-lpm\n  purpose: revoke-order\n")],
        ..HARTLEY_NOWAK
    };
    format_version: "format-version" => Fixture {
        ..case("tests/fixtures/v1/hartley-nowak.yaml")
    };
    format_version_newer: "format-version-newer" => Fixture {
        code: "format-version",
        edits: &[("casepack: 2\n", "casepack: 3\n")],
        ..HARTLEY_NOWAK
    };
    genogram: "genogram" => Fixture {
        edits: &[("    parents: [brenda, derek]\n    parental_responsibility", "    parental_responsibility"), ("    parents: [jan, ewa]\n", "")],
        args: &["--meeting", "lpm"],
        ..HARTLEY_NOWAK
    };
    how_to_reach: "how-to-reach" => Fixture {
        edits: &[("    address:\n      - Flat 3, 82 Mill Road\n      - Northmoor\n      - NM2 5HT\n", "    letters: by-hand\n")],
        ..HARTLEY_NOWAK
    };
    interpreter_not_booked: "interpreter-not-booked" => Fixture {
        edits: &[("    - name: Marta Zielinska\n      role: Polish interpreter\n", "")],
        ..HARTLEY_NOWAK
    };
    invalid_date: "invalid-date" => Fixture {
        ..case("tests/fixtures/bad/impossible-date.yaml")
    };
    invalid_id: "invalid-id" => Fixture {
        edits: &[("  - id: chloe\n", "  - id: Chloe\n")],
        ..HARTLEY_NOWAK
    };
    invalid_path: "invalid-path" => Fixture {
        edits: &[("# Documents written elsewhere", "withhold:\n  - { field: \"worries[0\", from: [tomasz] }\n\n# Documents written elsewhere")],
        ..HARTLEY_NOWAK
    };
    invalid_time: "invalid-time" => Fixture {
        edits: &[("  time: \"10:00\"\n  chair: Dr Helen Marsh\n", "  time: \"25:00\"\n  chair: Dr Helen Marsh\n")],
        ..HARTLEY_NOWAK
    };
    invalid_yaml: "invalid-yaml" => Fixture {
        ..case("tests/fixtures/bad/invalid-yaml.yaml")
    };
    jargon: "jargon" => Fixture {
        edits: &[("    must_change: Maisie goes to school every day and on time, unless she is ill.", "    must_change: Maisie goes to school every day and on time, unless she is ill, as a safeguarding matter.")],
        ..HARTLEY_NOWAK
    };
    kinship_stage: "kinship-stage" => Fixture {
        edits: &[("      - stage: 1\n", "      - stage: 4\n")],
        ..HARTLEY_NOWAK
    };
    late: "late" => Fixture {
        edits: &[("  papers-to-panel: 2026-11-06\n", "  papers-to-panel: 2026-11-13\n")],
        ..HARTLEY_NOWAK
    };
    letter_must_say: "letter-must-say" => Fixture {
        files: &[("profile.yaml", Bytes::Literal(b"profile: westshore\nname: Westshore\nextends: default\nwording:\n  letter-of-issue:\n    legal_advice: |\n      A solicitor will help you and speak for you in court.\n      Ask them about legal aid.\n"))],
        args: &["--meeting", "lpm", "--profile", "profile.yaml"],
        ..BRENNAN
    };
    letters_to_whom: "letters-to-whom" => Fixture {
        edits: &[("    note: offered to help with childcare\n", "    note: offered to help with childcare\n    letters: true\n")],
        ..HARTLEY_NOWAK
    };
    letters_undecided: "letters-undecided" => Fixture {
        edits: &[("    letters: true\n", "")],
        ..BROOKS_HART
    };
    listed_after_target: "listed-after-target" => Fixture {
        edits: &[("  case_management_hearing: 2026-12-08\n", "  case_management_hearing: 2027-01-20\n")],
        ..BRENNAN
    };
    long_sentence: "long-sentence" => Fixture {
        edits: &[("    must_change: An adult who can keep them safe must be with Maisie and Leo at all times.", "    must_change: An adult who can keep them safe must be with Maisie and Leo at all times, including evenings and weekends, and you must tell us in advance who that adult will be so that we can check that they are able to keep them safe.")],
        ..HARTLEY_NOWAK
    };
    meeting_place: "meeting-place" => Fixture {
        edits: &[("  place:\n    - Meeting Room 2, Eastfield Family Hub\n    - 40 Station Road\n    - Northmoor\n    - NM4 6BN\n", "")],
        ..HARTLEY_NOWAK
    };
    minutes_only: "minutes-only" => Fixture {
        edits: &[("  outcome: initiate-pre-proceedings\n", "")],
        args: &["--meeting", "lpm"],
        ..HARTLEY_NOWAK
    };
    missing_attachment: "missing-attachment" => Fixture {
        edits: &[("    kind: single-assessment\n", "    kind: other\n")],
        args: &["--meeting", "lpm"],
        ..HARTLEY_NOWAK
    };
    missing_attendee: "missing-attendee" => Fixture {
        edits: &[("    - name: Martin Shaw\n      role: Team manager (chair)\n", "")],
        ..HARTLEY_NOWAK
    };
    missing_document: "missing-document" => Fixture {
        edits: &[("letter_before_proceedings:\n  date: 2026-11-19\n", "")],
        ..HARTLEY_NOWAK
    };
    missing_field: "missing-field" => Fixture {
        ..case("tests/fixtures/bad/missing-reference.yaml")
    };
    missing_for_outcome: "missing-for-outcome" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "")],
        ..HARTLEY_NOWAK
    };
    no_address: "no-address" => Fixture {
        edits: &[("    address:\n      - 14 Larch Close\n      - Eastfield\n      - Northmoor\n      - NM4 7QD\n", "")],
        ..HARTLEY_NOWAK
    };
    no_attendees: "no-attendees" => Fixture {
        args: &["--meeting", "pre-proceedings-meeting"],
        ..BRENNAN
    };
    no_contact_number: "no-contact-number" => Fixture {
        edits: &[("  - { id: grace, name: Grace Adeyemi, phone: 01632 960 118, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw, phone: 01632 960 119,", "  - { id: grace, name: Grace Adeyemi, email: grace.adeyemi@northmoor.example }\n  - { id: martin, name: Martin Shaw,")],
        ..WHITFIELD_COLE
    };
    no_parental_responsibility: "no-parental-responsibility" => Fixture {
        edits: &[("    parental_responsibility: [maisie, leo]\n", "    parental_responsibility: [maisie]\n"), ("    parental_responsibility: [maisie, leo]\n", "    parental_responsibility: [maisie]\n")],
        ..HARTLEY_NOWAK
    };
    no_recipients: "no-recipients" => Fixture {
        edits: &[("    born: 2019-03-14\n", "    expected: 2027-03-14\n"), ("    born: 2023-08-02\n", "    expected: 2027-03-14\n"), ("    parental_responsibility: [maisie, leo]\n", "    letters: false\n"), ("    parental_responsibility: [maisie, leo]\n", "    letters: false\n")],
        args: &["--audience", "parents"],
        ..HARTLEY_NOWAK
    };
    not_a_child_of_the_case: "not-a-child-of-the-case" => Fixture {
        edits: &[("    parental_responsibility: [maisie, leo]\n", "    parental_responsibility: [maisie, leo, chloe]\n")],
        ..HARTLEY_NOWAK
    };
    overdue: "overdue" => Fixture {
        edits: &[("  minutes-authorised: 2026-11-19\n", "")],
        ..HARTLEY_NOWAK
    };
    partnership_conflict: "partnership-conflict" => Fixture {
        edits: &[("    born: 1968-06-02\n", "    born: 1968-06-02\n    partners: [{ with: derek, status: divorced }]\n")],
        ..HARTLEY_NOWAK
    };
    profile: "profile" => Fixture {
        edits: &[("casepack: 2\n", "casepack: 2\nprofile: westshire\n")],
        ..HARTLEY_NOWAK
    };
    reading_ease: "reading-ease" => Fixture {
        files: &[("profile.yaml", Bytes::Literal(b"profile: easy-reading\nname: Easy reading\nplain_language:\n  targets: { reading_ease: 85 }\n"))],
        args: &["--profile", "profile.yaml"],
        ..HARTLEY_NOWAK
    };
    reserved_id: "reserved-id" => Fixture {
        edits: &[("  # The professionals.\n", "  - { id: parents, name: Pat Hartley }\n\n  # The professionals.\n")],
        ..HARTLEY_NOWAK
    };
    responsibility_before_birth: "responsibility-before-birth" => Fixture {
        edits: &[("    parental_responsibility: [ava, mason]\n", "    parental_responsibility: [ava, mason, baby-cole]\n")],
        ..WHITFIELD_COLE
    };
    shared_with_abuser: "shared-with-abuser" => Fixture {
        edits: &[("    advocate: true\n", "    advocate: true\n    share_contact_with: [ryan]\n")],
        ..WHITFIELD_COLE
    };
    step_not_applicable: "step-not-applicable" => Fixture {
        edits: &[("  minutes-authorised: 2026-11-19\n", "  minutes-authorised: 2026-11-19\n  proceedings-issued: 2026-11-20\n")],
        ..HARTLEY_NOWAK
    };
    solicitors_list: "solicitors-list" => Fixture {
        edits: &[("  solicitors_list_checked: 2026-10-01\n", "  solicitors_list_checked: 2025-11-03\n")],
        ..HARTLEY_NOWAK
    };
    step_order: "step-order" => Fixture {
        edits: &[("review_date: 2027-01-07\n", "review_date: 2026-11-20\n")],
        ..HARTLEY_NOWAK
    };
    too_soon: "too-soon" => Fixture {
        edits: &[("letter_before_proceedings:\n  date: 2026-11-19\n", "letter_before_proceedings:\n  date: 2026-11-19\n  delivered: 2026-11-24\n")],
        ..HARTLEY_NOWAK
    };
    worry_incomplete: "worry-incomplete" => Fixture {
        edits: &[("    help: The health visitor will book the appointments with you and remind you of each one.\n    by: 2027-01-29\n", "")],
        ..HARTLEY_NOWAK
    };
    two_households: "two-households" => Fixture {
        edits: &[("    members: [kerry, maisie, leo]\n", "    members: [kerry, maisie, leo]\n  - name: Tomasz's flat\n    members: [tomasz, leo]\n")],
        ..HARTLEY_NOWAK
    };
    unborn_past_due: "unborn-past-due" => Fixture {
        edits: &[("expected: 2027-03-01", "expected: 2026-11-01")],
        ..WHITFIELD_COLE
    };
    unknown_agenda_item: "unknown-agenda-item" => Fixture {
        edits: &[("  type: advocates-meeting\n  purpose: before-cmh\n", "  type: advocates-meeting\n  purpose: before-cmh\n  record:\n    expert: Two experts are proposed.\n")],
        ..BRENNAN
    };
    unknown_field: "unknown-field" => Fixture {
        ..case("tests/fixtures/bad/misspelt-field.yaml")
    };
    unknown_meeting: "unknown-meeting" => Fixture {
        edits: &[("  type: pre-proceedings-meeting\n", "  type: pre-proceedings-meting\n")],
        ..HARTLEY_NOWAK
    };
    unknown_person: "unknown-person" => Fixture {
        edits: &[("  - person: chloe\n", "  - person: cloe\n")],
        ..HARTLEY_NOWAK
    };
    unknown_purpose: "unknown-purpose" => Fixture {
        edits: &[("  purpose: initial\n", "  purpose: inital\n")],
        ..HARTLEY_NOWAK
    };
    unknown_recipient: "unknown-recipient" => Fixture {
        args: &["--recipient", "kery"],
        ..HARTLEY_NOWAK
    };
    unknown_reference: "unknown-reference" => Fixture {
        edits: &[("      chronology: garden\n", "      chronology: gardn\n")],
        ..HARTLEY_NOWAK
    };
    unknown_step: "unknown-step" => Fixture {
        edits: &[("  papers-to-panel: 2026-11-06\n", "  papers-to-panl: 2026-11-06\n")],
        ..HARTLEY_NOWAK
    };
    unknown_value: "unknown-value" => Fixture {
        ..case("tests/fixtures/bad/unknown-outcome.yaml")
    };
    unsupported_characters: "unsupported-characters" => Fixture {
        edits: &[("      - Maisie told her teacher", "      - 漢字 Maisie told her teacher")],
        ..HARTLEY_NOWAK
    };
    unsupported_evidence: "unsupported-evidence" => Fixture {
        edits: &[("      chronology: cp-plan\n", "")],
        ..HARTLEY_NOWAK
    };
    withhold_not_text: "withhold-not-text" => Fixture {
        edits: &[("# Documents written elsewhere", "withhold:\n  - { field: \"people[kerry].born\", from: [tomasz] }\n\n# Documents written elsewhere")],
        ..HARTLEY_NOWAK
    };
    withhold_nothing: "withhold-nothing" => Fixture {
        edits: &[("# Documents written elsewhere", "withhold:\n  - { field: \"worries[7].worry\", from: [tomasz] }\n\n# Documents written elsewhere")],
        ..HARTLEY_NOWAK
    };
    not_a_reference: "not-a-reference" => Fixture {
        edits: &[("    must_change: Maisie goes to school every day and on time, unless she is ill.", "    must_change: \"{childern} go to school every day and on time.\"")],
        ..HARTLEY_NOWAK
    };
    reword_nothing: "reword-nothing" => Fixture {
        edits: &[("# Documents written elsewhere", "reword:\n  - { field: \"worries[7].worry\", for: tomasz, text: Words for Tomasz. }\n\n# Documents written elsewhere")],
        ..HARTLEY_NOWAK
    };
    attendee_unnamed: "attendee-unnamed" => Fixture {
        edits: &[("    - name: Priya Raman\n      role: Solicitor for the mother\n", "    - { as: advocate, for: kerry }\n")],
        ..HARTLEY_NOWAK
    };
    wording: "wording" => Fixture {
        files: &[("profile.yaml", Bytes::Literal(b"profile: westshore\nname: Westshore\nwording:\n  letter-before-proceedings:\n    next: |\n      We will see you soon.\n      Bring {{ child_name }} with you.\n"))],
        args: &["--profile", "profile.yaml"],
        ..HARTLEY_NOWAK
    };
}

// The scan: every finding code in `src/`, wherever the code lives.

/// A Rust token, as far as the scan needs one.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Lifetime(String),
    Punct(char),
}

/// The tokens of Rust source, without comments; char and byte literals
/// and numbers are dropped.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if (ch == 'r' || (ch == 'b' && c.get(i + 1) == Some(&'r')))
            && matches!(c.get(i + 1 + usize::from(ch == 'b')), Some('"' | '#'))
            && (i == 0 || !ident(c[i - 1]))
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut j = i + 1 + usize::from(ch == 'b');
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                // `r#ident`, not a string.
                i = j;
                continue;
            }
            let start = j + 1;
            let mut k = start;
            loop {
                if c[k] == '"' && (0..hashes).all(|h| c.get(k + 1 + h) == Some(&'#')) {
                    break;
                }
                k += 1;
            }
            out.push(Tok::Str(c[start..k].iter().collect()));
            i = k + 1 + hashes;
        } else if ch == '"' || (ch == 'b' && c.get(i + 1) == Some(&'"')) {
            let start = i + 1 + usize::from(ch == 'b');
            let mut k = start;
            while c[k] != '"' {
                k += if c[k] == '\\' { 2 } else { 1 };
            }
            out.push(Tok::Str(c[start..k].iter().collect()));
            i = k + 1;
        } else if ch == '\'' || (ch == 'b' && c.get(i + 1) == Some(&'\'')) {
            let j = i + 1 + usize::from(ch == 'b');
            if c.get(j) == Some(&'\\') {
                // An escaped char literal: '\n', '\'', '\u{200B}'.
                let mut k = j + 2;
                while c[k] != '\'' {
                    k += 1;
                }
                i = k + 1;
            } else if c.get(j + 1) == Some(&'\'') {
                i = j + 2;
            } else {
                let mut k = j;
                while k < c.len() && ident(c[k]) {
                    k += 1;
                }
                out.push(Tok::Lifetime(c[j..k].iter().collect()));
                i = k;
            }
        } else if ident(ch) {
            let mut k = i;
            while k < c.len() && ident(c[k]) {
                k += 1;
            }
            if !ch.is_ascii_digit() {
                out.push(Tok::Ident(c[i..k].iter().collect()));
            }
            i = k;
        } else {
            out.push(Tok::Punct(ch));
            i += 1;
        }
    }
    out
}

fn is(t: Option<&Tok>, p: char) -> bool {
    t == Some(&Tok::Punct(p))
}

fn word(t: Option<&Tok>, w: &str) -> bool {
    matches!(t, Some(Tok::Ident(x)) if x == w)
}

/// The index just past the group opened at `open` (a `(`, `[` or `{`).
fn close(toks: &[Tok], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// The tokens with `#[cfg(test)]` items (test modules) taken out.
fn without_tests(toks: Vec<Tok>) -> Vec<Tok> {
    let attr = [
        Tok::Punct('#'),
        Tok::Punct('['),
        Tok::Ident("cfg".into()),
        Tok::Punct('('),
        Tok::Ident("test".into()),
        Tok::Punct(')'),
        Tok::Punct(']'),
    ];
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i..].starts_with(&attr) {
            // Skip the item: up to its `;`, or its body's closing brace.
            let mut k = i + attr.len();
            while k < toks.len() && !is(toks.get(k), ';') && !is(toks.get(k), '{') {
                k += 1;
            }
            i = if is(toks.get(k), '{') {
                close(&toks, k)
            } else {
                k + 1
            };
        } else {
            out.push(toks[i].clone());
            i += 1;
        }
    }
    out
}

/// A function: its name, parameters, return type and body, as token ranges.
struct Func {
    name: String,
    params: std::ops::Range<usize>,
    returns: String,
    body: std::ops::Range<usize>,
}

fn functions(toks: &[Tok]) -> Vec<Func> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let (true, Some(Tok::Ident(name))) = (word(toks.get(i), "fn"), toks.get(i + 1)) else {
            continue;
        };
        let mut k = i + 2;
        while k < toks.len() && !is(toks.get(k), '(') {
            k += 1;
        }
        let params = k..close(toks, k);
        let mut r = params.end;
        let mut returns = String::new();
        while r < toks.len() && !is(toks.get(r), '{') && !is(toks.get(r), ';') {
            match &toks[r] {
                Tok::Ident(x) => returns.push_str(x),
                Tok::Lifetime(x) => {
                    returns.push('\'');
                    returns.push_str(x);
                }
                Tok::Punct(p) => returns.push(*p),
                Tok::Str(_) => {}
            }
            r += 1;
        }
        if is(toks.get(r), '{') {
            out.push(Func {
                name: name.clone(),
                params,
                returns,
                body: r..close(toks, r),
            });
        }
    }
    out
}

/// Whether `s` is written like a finding code.
fn code_like(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.all(|p| {
        !p.is_empty()
            && p.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    })
}

/// The code-like strings in `range` that are a match arm's value
/// (`=> "code"`) or a tuple's first item (`("code", …`).
fn codes_given(toks: &[Tok], range: std::ops::Range<usize>) -> Vec<String> {
    let mut out = Vec::new();
    for k in range {
        if let Some(Tok::Str(s)) = toks.get(k) {
            let arm = k >= 2 && is(toks.get(k - 2), '=') && is(toks.get(k - 1), '>');
            let first = k >= 1 && is(toks.get(k - 1), '(') && is(toks.get(k + 1), ',');
            if (arm || first) && code_like(s) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Every finding code in `src/**/*.rs` (tests left out), with the files
/// it is in. A code is the first argument of `Finding::error` or
/// `Finding::warning`; where that argument is not a string, the code
/// comes from what gives it: a function's parameter (its callers' first
/// argument), a variable (the match arms and tuples of the function that
/// sets it, and of the functions it calls that return a `&'static str`),
/// or a method (its arms). A finding printed by hand (`"warning[code]: …"`)
/// counts too. Also gives each argument the scan cannot follow, so that
/// the scan is taught rather than a code missed.
fn codes_under(src: &Path) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                // `tests/` folders and `tests.rs`, `*_tests.rs` files hold unit tests.
                if path.file_name().unwrap() != "tests" {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                if name != "tests" && !name.ends_with("_tests") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let parsed: Vec<(String, Vec<Tok>)> = files
        .iter()
        .map(|p| {
            let name = p.strip_prefix(src).unwrap().display().to_string();
            (
                name,
                without_tests(tokens(&std::fs::read_to_string(p).unwrap())),
            )
        })
        .collect();
    let funcs: Vec<Vec<Func>> = parsed.iter().map(|(_, t)| functions(t)).collect();
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut add = |code: String, file: &str| {
        let files = found.entry(code).or_default();
        if !files.iter().any(|f| f == file) {
            files.push(file.to_string());
        }
    };
    let printed = regex::Regex::new(r"\b(?:error|warning)\[([a-z][a-z0-9-]*)\]").unwrap();
    let mut unfollowed = Vec::new();
    for (f, (file, toks)) in parsed.iter().enumerate() {
        for t in toks {
            if let Tok::Str(s) = t {
                for m in printed.captures_iter(s) {
                    add(m[1].to_string(), file);
                }
            }
        }
        for i in 0..toks.len() {
            let call = word(toks.get(i), "Finding")
                && is(toks.get(i + 1), ':')
                && is(toks.get(i + 2), ':')
                && (word(toks.get(i + 3), "error") || word(toks.get(i + 3), "warning"))
                && is(toks.get(i + 4), '(');
            if !call {
                continue;
            }
            let arg_start = i + 5;
            let mut end = arg_start;
            while end < toks.len() && !is(toks.get(end), ',') {
                end = match toks[end] {
                    Tok::Punct('(' | '[' | '{') => close(toks, end),
                    _ => end + 1,
                };
            }
            let arg = &toks[arg_start..end];
            let mut followed = false;
            match arg {
                [Tok::Str(s)] => {
                    add(s.clone(), file);
                    followed = true;
                }
                [Tok::Ident(var)] => {
                    let within = funcs[f]
                        .iter()
                        .filter(|g| g.body.contains(&i))
                        .min_by_key(|g| g.body.len());
                    let Some(g) = within else {
                        unfollowed.push(format!("{file}: `{var}` outside a function"));
                        continue;
                    };
                    let param = toks[g.params.clone()].contains(&Tok::Ident(var.clone()));
                    if param {
                        // Its callers give it: `name("code", …)` anywhere.
                        for (file2, toks2) in &parsed {
                            for k in 0..toks2.len() {
                                if word(toks2.get(k), &g.name)
                                    && is(toks2.get(k + 1), '(')
                                    && !(k > 0 && word(toks2.get(k - 1), "fn"))
                                    && let Some(Tok::Str(s)) = toks2.get(k + 2)
                                {
                                    add(s.clone(), file2);
                                    followed = true;
                                }
                            }
                        }
                        // `Finding::warning` itself hands its code on.
                        followed |= g.name == "warning" || g.name == "error";
                    } else {
                        for code in codes_given(toks, g.body.clone()) {
                            add(code, file);
                            followed = true;
                        }
                        // And what the functions it calls return.
                        for k in g.body.clone() {
                            let (Some(Tok::Ident(name)), true) =
                                (toks.get(k), is(toks.get(k + 1), '('))
                            else {
                                continue;
                            };
                            for (h, (file2, toks2)) in parsed.iter().enumerate() {
                                for callee in funcs[h].iter().filter(|c| {
                                    &c.name == name && c.returns.contains("&'staticstr")
                                }) {
                                    for code in codes_given(toks2, callee.body.clone()) {
                                        add(code, file2);
                                        followed = true;
                                    }
                                }
                            }
                        }
                    }
                }
                [
                    Tok::Ident(_),
                    Tok::Punct('.'),
                    Tok::Ident(method),
                    Tok::Punct('('),
                    Tok::Punct(')'),
                ] => {
                    for (h, (file2, toks2)) in parsed.iter().enumerate() {
                        for callee in funcs[h]
                            .iter()
                            .filter(|c| &c.name == method && c.returns.contains("&'staticstr"))
                        {
                            for code in codes_given(toks2, callee.body.clone()) {
                                add(code, file2);
                                followed = true;
                            }
                        }
                    }
                }
                _ => {}
            }
            if !followed {
                unfollowed.push(format!("{file}: the code {arg:?}"));
            }
        }
    }
    (found, unfollowed)
}

/// Every finding code in `src/`, with the files it is in.
fn codes_in_src() -> BTreeMap<String, Vec<String>> {
    let (found, unfollowed) = codes_under(&root().join("src"));
    assert!(
        unfollowed.is_empty(),
        "the scan cannot tell which codes these findings have; teach `codes_under` where they come from:\n{}",
        unfollowed.join("\n")
    );
    found
}

#[test]
fn the_scan_finds_finding_codes_wherever_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "check/deep/new.rs",
        r##"
fn literal() -> Finding {
    Finding::error(
        "on-the-next-line",
        "",
        "a message with a } and a ' in it",
    )
}
fn by_tuple(missing: bool) -> Finding {
    let (code, message) = if missing { ("from-a-tuple", 'x') } else { ("from-another-tuple", ''') };
    Finding::warning(code, "", message)
}
fn by_match(k: Kind) -> Finding {
    let code = match k { Kind::A => "from-a-match", Kind::B => "from-a-second-arm" };
    Finding::warning(code, "", "m")
}
fn returned(&self) -> Vec<(&'static str, String)> {
    vec![("from-a-function", String::new())]
}
fn by_function(x: X) -> Finding {
    for (code, m) in x.returned() {
        return Finding::warning(code, "", m);
    }
    todo!()
}
fn helper<'a>(code: &'static str, at: &'a str) -> Finding {
    Finding::error(code, at, r#"raw "text""#)
}
fn calls() { helper("from-a-caller", ""); }
impl Problem {
    fn code(self) -> &'static str { match self { Problem::A => "from-a-method" } }
}
fn by_method(p: Problem) -> Finding { Finding::error(p.code(), "", p.message()) }
fn by_hand() -> String { format!("warning[printed-by-hand]: {}", 1) }
// Finding::error("in-a-comment", "", "")
/* Finding::error("in-a-block-comment", "", "") */
#[cfg(test)]
mod tests {
    fn t() { Finding::error("in-a-test-module", "", ""); }
}
"##,
    );
    write(
        "profile/tests.rs",
        r#"fn t() { Finding::error("in-a-test-file", "", ""); }"#,
    );
    write(
        "profile/tests/more.rs",
        r#"fn t() { Finding::error("in-a-test-folder", "", ""); }"#,
    );
    let (found, unfollowed) = codes_under(dir.path());
    let codes: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        codes,
        [
            "from-a-caller",
            "from-a-function",
            "from-a-match",
            "from-a-method",
            "from-a-second-arm",
            "from-a-tuple",
            "from-another-tuple",
            "on-the-next-line",
            "printed-by-hand",
        ]
    );
    assert_eq!(found["on-the-next-line"], ["check/deep/new.rs"]);
    assert!(unfollowed.is_empty(), "{unfollowed:?}");
    // A code the scan cannot follow is reported, not passed over.
    write(
        "unfollowable.rs",
        r#"fn f() -> Finding { Finding::error(CODES[0], "", "") }"#,
    );
    let (_, unfollowed) = codes_under(dir.path());
    assert_eq!(unfollowed.len(), 1, "{unfollowed:?}");
    assert!(
        unfollowed[0].starts_with("unfollowable.rs: "),
        "{unfollowed:?}"
    );
}

#[test]
fn every_finding_code_in_src_has_a_snapshot_or_a_reason_it_cannot_be_reached() {
    let found = codes_in_src();
    // The scan itself is checked: codes given each way it follows.
    for code in [
        "unknown-field",        // a string
        "attachment-missing",   // a variable set from a tuple
        "missing-document",     // a variable set by a match
        "reading-ease",         // a tuple returned by a function
        "attachment-encrypted", // a method's match arms
        "bundle-over-limit",    // printed by hand
    ] {
        assert!(
            found.contains_key(code),
            "the scan missed `{code}`: {found:?}"
        );
    }
    assert!(
        found.len() >= 80,
        "only {} codes found: {found:?}",
        found.len()
    );
    let snapshotted: Vec<&str> = KINDS
        .iter()
        .map(|(name, f)| if f.code.is_empty() { *name } else { f.code })
        .collect();
    let unaccounted: Vec<String> = found
        .iter()
        .filter(|(code, _)| {
            !snapshotted.contains(&code.as_str()) && !UNREACHABLE.iter().any(|(u, _)| u == code)
        })
        .map(|(code, files)| format!("`{code}` (in {})", files.join(", ")))
        .collect();
    assert!(
        unaccounted.is_empty(),
        "finding codes with no snapshot in tests/cli/snapshot_findings.rs and no reason in its UNREACHABLE:\n{}",
        unaccounted.join("\n")
    );
    // Nothing listed here that src/ no longer has, and no code both ways.
    for code in snapshotted.iter().chain(UNREACHABLE.iter().map(|(c, _)| c)) {
        assert!(
            found.contains_key(*code),
            "`{code}` is listed in tests/cli/snapshot_findings.rs but src/ has no such finding code"
        );
    }
    for (code, _) in UNREACHABLE {
        assert!(
            !snapshotted.contains(code),
            "`{code}` has a snapshot, so it is not unreachable"
        );
    }
}
