//! The panel's papers: the PLO summary, the chronology, the genogram and
//! the schedule of kinship carers, each checked by the text of its PDF.

use super::*;

/// The sample's LPM pack, by file name.
fn lpm_pack() -> BTreeMap<String, Vec<u8>> {
    let (_dir, out, entries) = build_with(&abs(SAMPLE), &["--meeting", "lpm"]);
    assert!(out.status.success(), "{}", stderr(&out));
    entries
}

#[test]
fn the_plo_summary_carries_every_part_004_asks_for_and_is_privileged() {
    let pack = lpm_pack();
    let text = squash(&pdf_text(&pack["plo-summary.pdf"]));
    for part in [
        "1. The child and family",
        "Maisie Nowak",
        "Born 14 March 2019",
        "Priya Raman, Raman & Cole Family Law",
        "Interpreter (Polish)",
        "2. The significant harm",
        "Maisie and Leo are suffering neglect.",
        "3. The key evidence",
        "4. Interventions so far",
        "Routines improved for a few weeks at a time but did not last.",
        "5. Options",
        "Proposed",
        "6. Proposed next steps",
        "7. The team manager",
        "plan is now needed.",
        "request approved Wednesday 4 November 2026",
    ] {
        assert!(text.contains(&squash(part)), "PLO summary lacks {part:?}");
    }
    // Each key evidence item says where it is shown: the chronology
    // entry's number as the chronology prints it, or the attachment.
    assert!(
        text.contains(&squash("Chronology entry 4 (3 October 2026)")),
        "{text}"
    );
    assert!(text.contains(&squash("Chronology entry 3 (18 June 2026)")));
    assert!(text.contains(&squash("Single assessment (30 October 2026), attached")));
    assert!(text.contains(&squash("LEGALLY PRIVILEGED")));
    let chronology = squash(&pdf_text(&pack["chronology.pdf"]));
    assert!(
        chronology.contains(&squash("4 Sat 3 Oct 2026 A neighbour found Leo")),
        "{chronology}"
    );
}

#[test]
fn the_chronology_is_sorted_and_marks_significant_events_but_is_not_privileged() {
    let pack = lpm_pack();
    let text = squash(&pdf_text(&pack["chronology.pdf"]));
    for header in [
        "No.",
        "Date",
        "Event",
        "Agency or source",
        "Impact on the child",
        "Significance",
    ] {
        assert!(text.contains(&squash(header)), "{header}");
    }
    assert!(text.contains(&squash("6 entries, 3 of them significant")));
    let order = [
        "Referral from the",
        "Child in need plan",
        "Child protection",
        "A neighbour found",
        "The police found",
        "Single assessment",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|e| text.find(&squash(e)).unwrap_or_else(|| panic!("{e}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "not in date order");
    assert!(text.contains(&squash("Second time in three weeks")));
    assert!(!text.contains(&squash("LEGALLY PRIVILEGED")));
}

#[test]
fn a_long_chronology_repeats_its_header_on_every_page() {
    let mut case = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let mut extra = String::from("chronology:\n");
    for i in 0..80 {
        extra.push_str(&format!(
            "  - date: 2026-{:02}-{:02}\n    event: Home visit number {i}; the flat was cold and there was little food\n    source: Children's Services\n    impact: The children were hungry\n",
            1 + i % 10,
            1 + i % 28
        ));
    }
    // The sample's own entries stay: the PLO summary points at them.
    let start = case.find("\nchronology:\n").unwrap() + 1;
    case.replace_range(start..start + "chronology:\n".len(), &extra);
    let dir = case_dir(&case);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--meeting", "lpm", "-o", "p.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = pdf_pages(&unzip(&dir.path().join("p.zip"))["chronology.pdf"]);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for page in &pages {
        assert!(
            squash(page).contains(&squash("Impact on the child")),
            "a page without the header: {page}"
        );
    }
}

#[test]
fn the_genogram_names_everyone_with_dates_and_notes_on_one_page() {
    let pack = lpm_pack();
    let pages = pdf_pages(&pack["genogram.pdf"]);
    assert_eq!(pages.len(), 1);
    let text = squash(&pages[0]);
    for who in [
        "Brenda Hartley",
        "Derek Hartley",
        "Jan Nowak",
        "Ewa Nowak",
        "Kerry Hartley",
        "Chloe Hartley",
        "Tomasz Nowak",
        "Maisie Nowak",
        "Leo Nowak",
    ] {
        assert!(text.contains(&squash(who)), "{who} missing");
    }
    assert!(text.contains(&squash("b. 21 Jul 1995")));
    assert!(text.contains(&squash("d. 11 Mar 2020")));
    assert!(text.contains(&squash("9 people over 3 generations")));
    assert!(text.contains(&squash("supportive, sees the children weekly")));
    for key in [
        "Male",
        "Female",
        "Child the case is about",
        "Died",
        "Married",
        "Separated",
        "Divorced",
        "Household",
    ] {
        assert!(text.contains(&squash(key)), "key lacks {key}");
    }
}

#[test]
fn twenty_five_people_over_four_generations_stay_on_one_page() {
    // Beside the samples' attachments, which its paths name.
    let case = case_dir(
        &std::fs::read_to_string(root().join("tests/fixtures/large-family.yaml")).unwrap(),
    );
    let (_dir, out, pack) = build_with(
        &case.path().join("case.yaml").display().to_string(),
        &["--meeting", "lpm"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pages = pdf_pages(&pack["genogram.pdf"]);
    assert_eq!(pages.len(), 1);
    let text = squash(&pages[0]);
    assert!(text.contains(&squash("25 people over 4 generations")));
    for who in [
        "Edith Marlow",
        "Barry Dunn",
        "Lee Cotton",
        "Isla Pike",
        "Ruby Reeve",
        "Baby Reeve",
    ] {
        assert!(text.contains(&squash(who)), "{who} missing");
    }
}

#[test]
fn the_kinship_schedule_shows_each_stage_of_each_carer() {
    let (_dir, out, pack) = build(&abs(SAMPLE));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&pdf_text(&pack["kinship-schedule.pdf"]));
    for part in [
        "Schedule of kinship carers",
        "Brenda Hartley",
        "Maternal grandmother",
        "by Kerry Hartley (mother)",
        "Started 18 November 2026 (Sunita Bains)",
        "Chloe Hartley",
        "Not started",
    ] {
        assert!(text.contains(&squash(part)), "{part} missing: {text}");
    }
}

#[test]
fn key_evidence_that_points_nowhere_is_a_finding_at_its_line() {
    let case = std::fs::read_to_string(root().join(SAMPLE))
        .unwrap()
        .replace("      chronology: garden\n", "      chronology: gardn\n");
    let dir = case_dir(&case);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[unknown-reference]: no chronology entry has the id `gardn`"),
        "{err}"
    );
    assert!(err.contains("did you mean `garden`?"), "{err}");
    assert!(err.contains("--> case.yaml:"), "{err}");
}

#[test]
fn the_advocates_agenda_lists_parties_positions_experts_and_hearings() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(ISSUE_SAMPLE),
            "-o",
            "p.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let text = squash(&pdf_text(&pack["advocates-agenda.pdf"]));
    for part in [
        "Family Court at Northmoor",
        "NM26C00412",
        "Tuesday 8 December 2026 (listed)",
        "by Thursday 1 April 2027 (target)",
        "1. Parties",
        "Owen Pritchard",
        "Daniel Okoro, Okoro Family Solicitors",
        "Femi Adebayo",
        "Laura Finch, Finch Solicitors",
        "Opposes removal",
        "2. Experts",
        "Paediatric overview",
        "Legal Services to draft by 11 December 2026",
        "3. Disclosure",
        "Police records of the call-outs",
        "4. Whether the interim care order is contested",
        "Contested by the mother; not by the father.",
        "5. The local authority",
        "draft case management order by 7 December 2026",
        "6. The next hearing",
    ] {
        assert!(text.contains(&squash(part)), "agenda lacks {part:?}");
    }
    assert!(!text.contains(&squash("LEGALLY PRIVILEGED")));
    super::pack::snapshot(
        &root().join("templates/preview/advocates-agenda.json"),
        &std::fs::read(dir.path().join("data/advocates-agenda.json")).unwrap(),
    );
}

#[test]
fn care_planning_papers_carry_the_procedures_agenda_and_prepared_notes() {
    use super::meetings::{case_dir, with_meeting};
    // 002's meeting, under 002's profile, with notes prepared for its record.
    let fixture = "tests/fixtures/authorities/metropolitan-looked-after.yaml";
    let dir = case_dir(&std::fs::read_to_string(root().join(fixture)).unwrap());
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&pdf_text(
        &unzip(&dir.path().join("p.zip"))["looked-after-cpm-record.pdf"],
    ));
    // 002 "Recording": the six areas the record must cover, in order.
    let areas = [
        "Key recommendations from the most recent looked-after review",
        "Health, education and placement stability",
        "Key issues relating to the care plan in achieving permanency",
        "Any key areas outstanding from the most recent looked-after review",
        "Any areas of concern around drift or delay identified for the child or young person",
        "Key actions and timescales",
    ];
    let record = text.find(&squash("Record")).unwrap();
    let mut at = record;
    for a in areas {
        let found = text[at..]
            .find(&squash(a))
            .unwrap_or_else(|| panic!("record lacks {a}"));
        at += found;
    }
    assert!(text.contains(&squash("Kai has had his initial health assessment")));
    assert!(text.contains(&squash("Bev Okonjo")));
    assert!(!text.contains(&squash("LEGALLY PRIVILEGED")));
    // CPM One in proceedings, under 001's profile, is privileged and carries
    // 001's items.
    let dir = case_dir(&with_meeting(
        "tests/fixtures/authorities/procedures-manual-2023.yaml",
        "\
meeting:
  type: cpm-one
  date: 2026-11-05
  chair: Claire Dunmore
  attendees:
    - { name: Claire Dunmore, role: Safeguarding team manager (chair) }
    - { name: Aisha Rahman, role: Social worker }
    - { name: Paul Grant, role: Supervising social worker (fostering) }
    - { name: Mina Shah, role: Contact centre manager }
",
    ));
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "-o", "p.zip", "--data-dir", "data"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = squash(&pdf_text(
        &unzip(&dir.path().join("p.zip"))["cpm-one-papers.pdf"],
    ));
    for part in [
        "LEGALLY PRIVILEGED",
        "CoramBAAF medical forms",
        "Viability assessments of connected persons",
        "001 \"Care Planning Meeting One\"",
        "Actions and timescales",
    ] {
        assert!(text.contains(&squash(part)), "CPM One lacks {part:?}");
    }
    super::pack::snapshot(
        &root().join("templates/preview/cpm-one-papers.json"),
        &std::fs::read(dir.path().join("data/cpm-one-papers.json")).unwrap(),
    );
}

/// A PDF's text with its lines as laid out, so a table row reads across.
fn layout_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Checks a pack's index against its own files: the cover comes first in
/// the manifest, and every row's page range is where that document really
/// falls when the pack is printed in order.
fn assert_index_matches(pack: &BTreeMap<String, Vec<u8>>) -> usize {
    let manifest: serde_json::Value = serde_json::from_slice(&pack["manifest.json"]).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert_eq!(files[0]["name"], "cover-and-index.pdf");
    let cover_pages = pdf_pages(&pack["cover-and-index.pdf"]).len();
    assert_eq!(files[0]["pages"].as_u64().unwrap() as usize, cover_pages);
    let text = squash(&layout_text(&pack["cover-and-index.pdf"]));
    let mut first = cover_pages + 1;
    let mut total = cover_pages;
    // Each row prints its page count and range on its title's line, before
    // its file name: look between the previous row's file name and this one's.
    let mut from = text.find(&squash("Pack pages")).unwrap();
    let attachments = manifest["attachments"].as_array().unwrap();
    for (n, f) in files[1..].iter().chain(attachments).enumerate() {
        let name = f["name"].as_str().unwrap();
        let pages = pdf_pages(&pack[name]).len();
        let last = first + pages - 1;
        let range = if pages == 1 {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        let at = from
            + text[from..]
                .find(&squash(name))
                .unwrap_or_else(|| panic!("index lacks {name}"));
        assert!(
            text[from..at].contains(&format!("{pages}{range}")),
            "row {} ({name}): expected pages {pages}, range {range}",
            n + 1
        );
        from = at;
        first = last + 1;
        total += pages;
    }
    assert!(text.contains(&format!("{total}pagesinall")), "{text}");
    cover_pages
}

#[test]
fn the_cover_indexes_every_document_with_its_real_page_range() {
    let pack = lpm_pack();
    assert_eq!(assert_index_matches(&pack), 1);
    let text = squash(&pdf_text(&pack["cover-and-index.pdf"]));
    for part in [
        "Pack cover and index",
        "Legal Planning Meeting",
        "Monday 16 November 2026",
        "Dr Helen Marsh",
        "Maisie and Leo",
        "This pack holds legally privileged documents",
    ] {
        assert!(text.contains(&squash(part)), "cover lacks {part:?}");
    }
}

#[test]
fn an_index_longer_than_a_page_counts_its_own_pages() {
    // Fourteen more people with parental responsibility: a letter of issue
    // each, so the index runs over onto a second page.
    let mut case = std::fs::read_to_string(root().join(ISSUE_SAMPLE)).unwrap();
    let mut more = String::from("people:\n");
    for i in 0..14 {
        more.push_str(&format!(
            "  - {{ id: relative{i}, name: Relative Number{i} Fictional, relationship: special guardian, parental_responsibility: [ruby], address: [{i} Example Street, Northmoor] }}\n"
        ));
    }
    let at = case.find("\npeople:\n").unwrap() + 1;
    case.replace_range(at..at + "people:\n".len(), &more);
    let dir = case_dir(&case);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--meeting", "lpm", "-o", "p.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    assert_eq!(assert_index_matches(&pack), 2);
}

#[test]
fn a_prepared_note_under_an_unknown_agenda_item_is_a_finding() {
    use super::meetings::case_dir;
    let fixture = "tests/fixtures/authorities/metropolitan-looked-after.yaml";
    let text = std::fs::read_to_string(root().join(fixture)).unwrap();
    let dir = case_dir(&text.replacen(
        "    health-education-placement: >-",
        "    helth-education-placement: >-",
        1,
    ));
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error[unknown-agenda-item]"), "{err}");
    assert!(
        err.contains("did you mean `health-education-placement`?"),
        "{err}"
    );
}
