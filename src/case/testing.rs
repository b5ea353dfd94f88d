//! A small fictional case for unit tests: the council, four professionals
//! and an LPM around whatever people, children and extra fields a test gives.

use super::model::Case;

/// A case with `people` (YAML list items, indented two spaces), the
/// `children` ids and `extra` top-level YAML.
pub fn case(people: &str, children: &[&str], extra: &str) -> Case {
    let text = format!(
        "casepack: 2
reference: T/1
local_authority: {{ name: Testshire Council, team: Team 1, address: [Civic Centre, 1 High Street, Testtown, TT1 1AA], phone: 01632 960 000, email: team@testshire.example }}
people:
{people}
  - {{ id: sw, name: Sam Worker, phone: 01632 960 001 }}
  - {{ id: tm, name: Tess Manager, phone: 01632 960 002 }}
  - {{ id: hos, name: Hal Service }}
  - {{ id: la, name: Lee Adviser }}
children: [{}]
professionals: {{ social_worker: sw, team_manager: tm, head_of_service: hos, legal_adviser: la }}
lpm: {{ date: 2026-11-16, chair: Hal Service, purpose: consider-proceedings }}
worries:
  - {{ worry: The children are not safe., evidence: [It was seen.], must_change: They are kept safe. }}
{extra}",
        children.join(", ")
    );
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("test case: {e}\n{text}"))
}

/// The family the issue describes: a mother, the father of her eldest
/// (separated, living apart), and the father of her younger child and of
/// the baby she is expecting, in prison after domestic abuse towards her.
pub const BLENDED: &str = "  - { id: ava, name: Ava Whitfield, gender: female, born: 2016-05-01, parents: [dana, sam] }
  - { id: mason, name: Mason Cole, gender: male, born: 2022-02-02, parents: [dana, ryan] }
  - { id: bump, name: Baby Cole, expected: 2027-03-01, parents: [dana, ryan] }
  - { id: dana, name: Dana Whitfield, gender: female, parents: [june], parental_responsibility: [ava, mason], address: [Flat 2, 9 Pear Court, Testtown] }
  - { id: sam, name: Sam Okafor, gender: male, parental_responsibility: [ava], partners: [{ with: dana, status: separated }], address: [4 Elm Row, Testtown] }
  - { id: ryan, name: Ryan Cole, gender: male, parental_responsibility: [mason], partners: [{ with: dana, status: separated, domestic_abuse: true }], custody: { establishment: HMP Testmoor, address: [Prison Lane, Testmoor], prisoner_number: A1234BC, video_link: true } }
  - { id: june, name: June Whitfield, gender: female, born: 1970 }";
