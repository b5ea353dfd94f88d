//! The report's pure parts on the pre-proceedings sample and a small test
//! case: who is responsible, which steps are in, the groups' order; and
//! the sheet's data against its template preview.

use std::path::{Path, PathBuf};

use super::*;
use crate::case::testing;
use crate::pipeline::Settings;
use crate::profile::default_profile;

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The test case's professionals: Sam Worker, Tess Manager, Hal Service, Lee Adviser.
fn team_case() -> Case {
    testing::case(
        "  - { id: amy, name: Amy Test, born: 2020-01-01 }",
        &["amy"],
        "",
    )
}

#[test]
fn a_step_is_led_by_the_role_named_first_and_names_who_holds_each() {
    let case = team_case();
    let p = default_profile();
    let r = Responsible::of("Social worker, team manager, Legal Services", &case, p);
    let ids: Vec<&str> = r.roles.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["social-worker", "team-manager", "legal-adviser"]);
    assert_eq!(r.lead(), "The child's social worker");
    assert_eq!(r.post(), Some("social_worker"));
    assert_eq!(r.people(), ["Sam Worker", "Tess Manager", "Lee Adviser"]);
    // The profile's words for the social worker include the team.
    let team = Responsible::of("Social work team", &case, p);
    assert_eq!(team.lead(), "The child's social worker");
    // The longer role wins where two start together, and a role no case
    // post holds names nobody.
    let f = Responsible::of("Supervising social worker (fostering)", &case, p);
    assert_eq!(f.lead(), "A representative of the fostering service");
    assert_eq!(f.roles.len(), 1);
    assert!(f.people().is_empty());
    // Words naming no role stand for themselves.
    let court = Responsible::of("Court", &case, p);
    assert!(court.roles.is_empty());
    assert_eq!(court.lead(), "Court");
    assert_eq!(court.post(), None);
    // Named twice, listed once.
    let twice = Responsible::of("Legal adviser, Legal Services", &case, p);
    assert_eq!(twice.people(), ["Lee Adviser"]);
}

fn row(reference: &str, responsible: &str, due: &str, standing: Standing) -> Row {
    Row {
        reference: reference.into(),
        file: PathBuf::from(format!("{reference}.yaml")),
        timeline: "t".into(),
        step: format!("{reference}-{due}"),
        action: "Something".into(),
        due: date(due),
        earliest: None,
        limit: false,
        standing,
        responsible: Responsible::of(responsible, &team_case(), default_profile()),
    }
}

#[test]
fn groups_run_social_worker_team_manager_legal_then_other_roles_then_the_rest() {
    use Standing::*;
    let rows = vec![
        row("C", "Court", "2026-12-01", Next),
        row("B", "Head of service", "2026-11-20", Overdue),
        row("A", "Legal Services", "2026-11-27", DueSoon),
        row("A", "Team manager (chair)", "2026-12-02", Next),
        row("B", "Social worker", "2026-12-03", Next),
        row("A", "Social worker", "2026-11-26", DueSoon),
        row("C", "Social work team", "2026-11-23", Overdue),
        row("B", "Independent reviewing officer", "2026-11-24", Overdue),
        row("A", "Social worker, head of service", "2026-11-18", Overdue),
    ];
    let report = report(date("2026-11-25"), 3, rows, Vec::new(), 0);
    let groups: Vec<&str> = report.groups.iter().map(|g| g.role.as_str()).collect();
    // Other roles in the default profile's order: head of service before the IRO.
    assert_eq!(
        groups,
        [
            "The child's social worker",
            "Team manager",
            "The local authority's legal adviser",
            "Head of service",
            "The independent reviewing officer",
            "Court"
        ]
    );
    let sw: Vec<(&str, Standing, String)> = report.groups[0]
        .rows
        .iter()
        .map(|r| (r.reference.as_str(), r.standing, r.due.iso()))
        .collect();
    assert_eq!(
        sw,
        [
            ("A", Overdue, "2026-11-18".to_string()),
            ("C", Overdue, "2026-11-23".to_string()),
            ("A", DueSoon, "2026-11-26".to_string()),
            ("B", Next, "2026-12-03".to_string()),
        ]
    );
    assert_eq!(report.groups[0].post.as_deref(), Some("social_worker"));
    assert_eq!(report.count(Overdue), 4);
    assert_eq!(
        print::summary(&report),
        "3 cases: 4 overdue, 2 due soon, 3 next steps"
    );
}

/// The pre-proceedings sample, checked as at `today` from its own folder.
fn sample(today: &str) -> crate::pipeline::Checked {
    let text = std::fs::read_to_string(root().join("samples/hartley-nowak.yaml")).unwrap();
    let mut settings = Settings::new(date(today));
    settings.case_dir = root().join("samples");
    let (checked, findings) = crate::pipeline::check(&text, &settings);
    checked.unwrap_or_else(|| panic!("{findings:?}"))
}

#[test]
fn a_case_gives_its_overdue_and_due_soon_steps_and_then_its_next() {
    let checked = sample("2026-11-25");
    let case = CaseDeadlines {
        file: Path::new("samples/hartley-nowak.yaml"),
        case: &checked.loaded.case,
        schedule: &checked.schedule,
        profile: &checked.profile,
    };
    let cal = crate::calendar::Calendar::england_and_wales();
    let got: Vec<(String, Standing, String)> = rows(case, cal, date("2026-11-25"))
        .into_iter()
        .map(|r| (r.step, r.standing, r.due.iso()))
        .collect();
    // LPM Mon 16 Nov 2026. Overdue: 5 working days after it is Mon 23 Nov
    // (advice, letter, minutes on file); the agreement goes 2 working days before the first
    // meeting booked for Thu 26 Nov: Tue 24 Nov. Due soon (within 5 working
    // days of Wed 25 Nov): the assessment plan the day before the meeting,
    // Wed 25 Nov; the stage 2 referrals 2 days after it, Sat 28 Nov brought
    // forward to Fri 27 Nov. Next: the agreement signed in week 2 of App. 2,
    // the week of the meeting being week 1: 26 Nov + 13 days, Wed 9 Dec. The
    // meeting itself is booked, so it is not in the report.
    let want = [
        ("advice-recorded", Standing::Overdue, "2026-11-23"),
        ("letter-before-proceedings", Standing::Overdue, "2026-11-23"),
        ("minutes-on-file", Standing::Overdue, "2026-11-23"),
        ("agreement-to-legal", Standing::Overdue, "2026-11-24"),
        ("assessment-plan-to-legal", Standing::DueSoon, "2026-11-25"),
        ("stage-2-referrals", Standing::DueSoon, "2026-11-27"),
        ("agreement-signed", Standing::Next, "2026-12-09"),
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort_by(|a, b| (a.1, &a.2, &a.0).cmp(&(b.1, &b.2, &b.0)));
    let want: Vec<(String, Standing, String)> = want
        .iter()
        .map(|(s, st, d)| (s.to_string(), *st, d.to_string()))
        .collect();
    assert_eq!(got_sorted, want, "{got:#?}");
}

#[test]
fn the_sheet_data_is_the_template_preview() {
    // The fixture caseload as at Wed 25 Nov 2026: what the sheet is given
    // is the preview the template shows on its own.
    let dir = root().join("tests/fixtures/caseload");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    found.sort();
    assert_eq!(found.len(), 3);
    let settings = Settings::new(date("2026-11-25"));
    let (reported, not_reported) = read::read(&found, &settings);
    assert!(not_reported.is_empty(), "{not_reported:?}");
    let rows = reported.iter().flat_map(|c| c.rows.clone()).collect();
    let report = report(settings.today, reported.len(), rows, not_reported, 0);
    let profile = default_profile();
    let job = sheet::job(&report, &reported, profile, usize::MAX);
    let json = serde_json::to_vec_pretty(&job.data).unwrap();
    let path = root().join("templates/preview/caseload-sheet.json");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    assert!(
        expected == json,
        "{} differs from the sheet's data now; if the change is intended, run `UPDATE_SNAPSHOTS=1 cargo test` and review the diff",
        path.display()
    );
}
