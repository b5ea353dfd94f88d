//! Draws each shape to PDF with the real template, to look at:
//! `GENOGRAM_PDFS=/tmp/geno cargo test -- --ignored genogram_pdfs`.

use super::shapes;
use crate::case::Date;
use crate::documents::genogram::{GenoFamily, layout};
use crate::pipeline::{Settings, prepare};

#[test]
#[ignore = "writes PDFs for a person to look at"]
fn genogram_pdfs() {
    let Some(dir) = std::env::var_os("GENOGRAM_PDFS") else {
        panic!("set GENOGRAM_PDFS to a folder");
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("samples/hartley-nowak.yaml")).expect("the sample");
    let mut settings = Settings::new(Date::parse("2026-11-16").expect("a date"));
    settings.meeting = Some("lpm".to_string());
    settings.case_dir = root.join("samples");
    let run = prepare(&text, &settings);
    let findings = run.findings;
    let prepared = run
        .prepared
        .unwrap_or_else(|| panic!("the sample checks: {findings:?}"));
    let checked = &prepared.checked;
    let job = prepared.packs[0]
        .jobs
        .iter()
        .find(|j| j.template == "genogram.typ")
        .cloned()
        .expect("the LPM pack has a genogram");
    // The sample case's own genogram, as the pack has it.
    let pdf = crate::render::render(&job, &checked.profile).expect("the template draws it");
    std::fs::write(dir.join("0-sample.pdf"), pdf.pdf).expect("the PDF is written");
    let families: Vec<(&str, GenoFamily)> = vec![
        ("1-three-fathers", shapes::three_fathers().0),
        ("2-both-repartnered", shapes::both_repartnered().0),
        ("3-with-grandparents", shapes::with_grandparents().0),
        ("4-twins", shapes::twins().0),
        ("5-looked-after-mother", shapes::looked_after_mother().0),
        ("6-deceased-parent", shapes::deceased_parent().0),
        ("7-unborn-abuse", shapes::unborn_with_abuse().0),
        ("8-year-and-adoptive", shapes::year_and_adoptive().0),
        ("9-reported", shapes::reported().0),
        ("10-twenty-five", super::families::twenty_five()),
        ("11-stepmother", super::blended::stepmother(true).0),
        ("12-foster-carer", super::blended::with_carer(false).0),
        (
            "13-stepmother-from-a-case",
            crate::documents::genogram::family(
                &crate::case::Family::resolve(&super::blended::step_case()).expect("it resolves"),
            ),
        ),
    ];
    for (name, family) in families {
        let mut job = job.clone();
        job.data["layout"] = serde_json::to_value(layout(&family)).expect("a layout is JSON");
        job.data["people"] = family.people.len().into();
        job.data["has_household"] = (!family.households.is_empty()).into();
        let pdf = crate::render::render(&job, &checked.profile).expect("the template draws it");
        std::fs::write(dir.join(format!("{name}.pdf")), pdf.pdf).expect("the PDF is written");
    }
}
