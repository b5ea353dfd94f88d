//! Reading a caseload: each case file read and checked on its own, in
//! parallel, against its own folder (for the profile and attachments it
//! names). A case that cannot be read or has errors is set aside with the
//! reason; the others go on. Only what the report, the sheet and the
//! calendar need is kept of each case.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{CaseDeadlines, NotReported, Row, Why, rows};
use crate::deadlines::Schedule;
use crate::diagnostics::Severity;
use crate::pipeline::{self, Settings};
use crate::profile::Profile;

/// A case that checked: its rows, and what the sheet and calendar need.
#[derive(Debug, Clone)]
pub struct Reported {
    /// The case file.
    pub file: PathBuf,
    /// The case's reference.
    pub reference: String,
    /// Its overdue, due-soon and next steps.
    pub rows: Vec<Row>,
    /// Every dated step, for the calendar.
    pub schedule: Schedule,
    /// How many warnings `check` gives it.
    pub warnings: usize,
    /// The profile it was checked against.
    pub profile: Arc<Profile>,
    /// The council (a profile's letterhead speaks for it) and its service.
    pub authority: (String, Option<String>),
    /// The team holding the case.
    pub team: String,
}

/// Every case file, read and checked: those reported, in the order given,
/// and those not, in the order given. `settings` are the command's; each
/// case is read from its own folder. Of two cases with one reference, the
/// first is reported and the second set aside.
pub fn read(files: &[PathBuf], settings: &Settings) -> (Vec<Reported>, Vec<NotReported>) {
    let results: Vec<Result<Reported, NotReported>> =
        crate::parallel::each(files, |f| read_one(f, settings));
    let mut reported: Vec<Reported> = Vec::with_capacity(results.len());
    let mut not_reported = Vec::new();
    for result in results {
        match result {
            Ok(case) => match reported.iter().find(|r| r.reference == case.reference) {
                Some(first) => not_reported.push(NotReported {
                    why: Why::SameReference(first.file.clone()),
                    file: case.file,
                    reference: Some(case.reference),
                }),
                None => reported.push(case),
            },
            Err(not) => not_reported.push(not),
        }
    }
    (reported, not_reported)
}

fn read_one(file: &Path, settings: &Settings) -> Result<Reported, NotReported> {
    let not = |reference: Option<String>, why: Why| NotReported {
        file: file.to_path_buf(),
        reference,
        why,
    };
    let text =
        std::fs::read_to_string(file).map_err(|e| not(None, Why::Unreadable(e.to_string())))?;
    let mut settings = settings.clone();
    settings.case_dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let (checked, findings) = pipeline::check(&text, &settings);
    let Some(checked) = checked else {
        // Named by its reference where the file gets that far.
        let reference = crate::case::parse(&text)
            .ok()
            .map(|(loaded, _)| loaded.case.reference);
        return Err(not(reference, Why::Errors(findings.count(Severity::Error))));
    };
    let case = &checked.loaded.case;
    let rows = rows(
        CaseDeadlines {
            file,
            case,
            schedule: &checked.schedule,
            profile: &checked.profile,
        },
        &settings.calendar,
        settings.today,
    );
    let la = &case.local_authority;
    let authority = match &checked.profile.letterhead {
        Some(l) => (l.name.clone(), l.service.clone()),
        None => (la.name.clone(), la.service.clone()),
    };
    Ok(Reported {
        file: file.to_path_buf(),
        reference: case.reference.clone(),
        rows,
        warnings: findings.count(Severity::Warning),
        team: la.team.clone(),
        authority,
        profile: checked.profile,
        schedule: checked.schedule,
    })
}
