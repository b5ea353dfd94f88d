//! The templates, embedded in the binary: the `.typ` files under
//! `templates/`, each a real Typst file that previews on its own, and the
//! paths at which a document's world holds what its template reads. A
//! profile may replace any of them with its own ([`text_of`]).

use std::collections::BTreeMap;

/// The templates, embedded: (file name, source).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("common.typ", include_str!("../templates/common.typ")),
    (
        "advocates-agenda.typ",
        include_str!("../templates/advocates-agenda.typ"),
    ),
    ("bundle.typ", include_str!("../templates/bundle.typ")),
    (
        "pack-cover.typ",
        include_str!("../templates/pack-cover.typ"),
    ),
    (
        "meeting-papers.typ",
        include_str!("../templates/meeting-papers.typ"),
    ),
    ("genogram.typ", include_str!("../templates/genogram.typ")),
    (
        "letter-of-issue.typ",
        include_str!("../templates/letter-of-issue.typ"),
    ),
    (
        "letter-ending-pre-proceedings.typ",
        include_str!("../templates/letter-ending-pre-proceedings.typ"),
    ),
    (
        "chronology.typ",
        include_str!("../templates/chronology.typ"),
    ),
    (
        "kinship-schedule.typ",
        include_str!("../templates/kinship-schedule.typ"),
    ),
    (
        "plo-summary.typ",
        include_str!("../templates/plo-summary.typ"),
    ),
    (
        "letter-before-proceedings.typ",
        include_str!("../templates/letter-before-proceedings.typ"),
    ),
    (
        "lpm-minutes.typ",
        include_str!("../templates/lpm-minutes.typ"),
    ),
    (
        "pre-proceedings-agreement.typ",
        include_str!("../templates/pre-proceedings-agreement.typ"),
    ),
    (
        "timeline-sheet.typ",
        include_str!("../templates/timeline-sheet.typ"),
    ),
    (
        "caseload-sheet.typ",
        include_str!("../templates/caseload-sheet.typ"),
    ),
    ("easy-read.typ", include_str!("../templates/easy-read.typ")),
];

/// The pictures of Easy Read documents, embedded: (name, SVG, alternative
/// text). OpenMoji 17.0.0 (CC BY-SA 4.0), one for each kind of row, chosen
/// by the row's meaning (`templates/pictures/README.md`). An authority's
/// own set replaces them by the same names; the alternative text says what
/// the row's picture stands for, so it holds for any set.
pub const PICTURES: &[(&str, &[u8], &str)] = &[
    (
        "meeting",
        include_bytes!("../templates/pictures/meeting.svg"),
        "A meeting of people around a table",
    ),
    (
        "solicitor",
        include_bytes!("../templates/pictures/solicitor.svg"),
        "Scales, for the law and a solicitor",
    ),
    (
        "court",
        include_bytes!("../templates/pictures/court.svg"),
        "A court building",
    ),
    (
        "telephone",
        include_bytes!("../templates/pictures/telephone.svg"),
        "A telephone",
    ),
    (
        "worry",
        include_bytes!("../templates/pictures/worry.svg"),
        "A worried face",
    ),
    (
        "must-change",
        include_bytes!("../templates/pictures/must-change.svg"),
        "A tick",
    ),
    (
        "help",
        include_bytes!("../templates/pictures/help.svg"),
        "Two hands shaking",
    ),
    (
        "home",
        include_bytes!("../templates/pictures/home.svg"),
        "A house",
    ),
    (
        "school",
        include_bytes!("../templates/pictures/school.svg"),
        "A school",
    ),
    (
        "child",
        include_bytes!("../templates/pictures/child.svg"),
        "A child",
    ),
    (
        "baby",
        include_bytes!("../templates/pictures/baby.svg"),
        "A baby",
    ),
    (
        "letter",
        include_bytes!("../templates/pictures/letter.svg"),
        "A letter in an envelope",
    ),
    (
        "calendar",
        include_bytes!("../templates/pictures/calendar.svg"),
        "A calendar",
    ),
    (
        "time",
        include_bytes!("../templates/pictures/time.svg"),
        "A clock",
    ),
    (
        "place",
        include_bytes!("../templates/pictures/place.svg"),
        "A pin on a map",
    ),
    (
        "interpreter",
        include_bytes!("../templates/pictures/interpreter.svg"),
        "A person speaking",
    ),
    (
        "advocate",
        include_bytes!("../templates/pictures/advocate.svg"),
        "Two people holding hands",
    ),
    (
        "video",
        include_bytes!("../templates/pictures/video.svg"),
        "A laptop for a video call",
    ),
    (
        "next",
        include_bytes!("../templates/pictures/next.svg"),
        "An arrow pointing to what happens next",
    ),
    (
        "health",
        include_bytes!("../templates/pictures/health.svg"),
        "A doctor's stethoscope",
    ),
    (
        "plan",
        include_bytes!("../templates/pictures/plan.svg"),
        "A page and a pencil",
    ),
    (
        "family",
        include_bytes!("../templates/pictures/family.svg"),
        "A family",
    ),
    (
        "words",
        include_bytes!("../templates/pictures/words.svg"),
        "An open book",
    ),
    (
        "good",
        include_bytes!("../templates/pictures/good.svg"),
        "A thumbs up",
    ),
    (
        "warning",
        include_bytes!("../templates/pictures/warning.svg"),
        "A warning sign",
    ),
    (
        "social-worker",
        include_bytes!("../templates/pictures/social-worker.svg"),
        "A person at work",
    ),
];

/// Where the pictures sit in the world: `/pictures/NAME.EXT`.
pub const PICTURES_DIR: &str = "/pictures";

/// The alternative text of the picture called `name`.
pub fn picture_alt(name: &str) -> Option<&'static str> {
    PICTURES
        .iter()
        .find(|(n, ..)| *n == name)
        .map(|(.., alt)| *alt)
}

/// Where a template finds its data in the in-memory world.
pub const DATA_PATH: &str = "/data.json";

/// Where the profile's logo sits in the world, before its extension.
pub const LOGO_PATH: &str = "/logo";

/// The file names of the templates, in the order above.
pub fn names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}

/// A template's text: a profile's own (`overrides`, by file name), else casepack's.
pub fn text_of<'a>(name: &str, overrides: &'a BTreeMap<String, String>) -> Option<&'a str> {
    overrides.get(name).map(String::as_str).or_else(|| {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
    })
}
