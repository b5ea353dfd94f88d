//! Easy Read and large print, read from the PDFs: the sample's mother
//! needs Easy Read and has an advocate; its father needs large print.
//! Sentence lengths and the words are read from the Easy Read PDFs' text;
//! text sizes and fonts from `pdftohtml -xml` (poppler-utils); the pictures
//! and their alternative text from the data each template was given.

use super::*;

/// Each text run's font size (pt) and font name, from `pdftohtml -xml`.
fn fonts(pdf: &[u8]) -> Vec<(f64, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-zoom", "1", "-stdout"])
        .arg(&path)
        .output()
        .expect("pdftohtml (poppler-utils) must be installed to run these tests");
    assert!(out.status.success(), "pdftohtml failed");
    let xml = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> Option<String> {
        let at = line.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(line[at..at + line[at..].find('"')?].to_string())
    };
    xml.lines()
        .filter(|l| l.trim_start().starts_with("<fontspec"))
        .map(|l| {
            (
                attr(l, "size").unwrap().parse::<f64>().unwrap(),
                attr(l, "family").unwrap_or_default(),
            )
        })
        .collect()
}

/// The sample built for each parent, with the data each template read.
fn parents_packs() -> (
    tempfile::TempDir,
    BTreeMap<String, BTreeMap<String, Vec<u8>>>,
) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("packs")).unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "--audience",
            "parents",
            "-o",
            "packs",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut packs = BTreeMap::new();
    for entry in std::fs::read_dir(dir.path().join("packs")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        packs.insert(name, unzip(&path));
    }
    (dir, packs)
}

fn pack_of<'a>(
    packs: &'a BTreeMap<String, BTreeMap<String, Vec<u8>>>,
    who: &str,
) -> &'a BTreeMap<String, Vec<u8>> {
    packs
        .iter()
        .find(|(n, _)| n.contains(&format!("-{who}-")))
        .map(|(_, p)| p)
        .unwrap_or_else(|| panic!("no pack for {who}: {:?}", packs.keys()))
}

/// The sentences of an Easy Read document's text: its page furniture and
/// the `headings` (the title, section headings and words to know, which
/// end with no full stop) left out.
fn sentences(text: &str, headings: &[String]) -> Vec<String> {
    let body: String = text
        .lines()
        .filter(|l| {
            let l = l.trim();
            !(l.starts_with("Reference ")
                || l.starts_with("Page ")
                || l == "Official sensitive"
                || headings.iter().any(|h| h == l))
        })
        .collect::<Vec<_>>()
        .join(" ");
    body.split(['.', '?', '!'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

const EASY_LETTER: &str = "easy-read-letter-before-proceedings-kerry.pdf";
const EASY_AGREEMENT: &str = "easy-read-pre-proceedings-agreement-kerry.pdf";

#[test]
fn kerrys_easy_read_letter_keeps_the_rules_and_says_everything_her_letter_must() {
    let (dir, packs) = parents_packs();
    let kerry = pack_of(&packs, "kerry");
    for file in [EASY_LETTER, EASY_AGREEMENT] {
        assert!(kerry.contains_key(file), "{file} in {:?}", kerry.keys());
        // The formal one is there beside it (the agreement is one for
        // the case, the letter one for her).
        let formal = file.trim_start_matches("easy-read-");
        let formal = if formal.starts_with("pre-proceedings-agreement") {
            "pre-proceedings-agreement.pdf"
        } else {
            formal
        };
        assert!(kerry.contains_key(formal), "{formal} beside {file}");
        let pdf = &kerry[file];
        let text = pdf_text(pdf);
        let data: serde_json::Value = serde_json::from_slice(
            &std::fs::read(
                dir.path()
                    .join("data/kerry")
                    .join(file.replace(".pdf", ".json")),
            )
            .unwrap(),
        )
        .unwrap();
        let mut headings = vec![
            data["title"].as_str().unwrap().to_string(),
            "Words to know".to_string(),
        ];
        for s in data["sections"].as_array().unwrap() {
            headings.push(s["heading"].as_str().unwrap().to_string());
        }
        for w in data["words"].as_array().unwrap() {
            headings.push(w["word"].as_str().unwrap().to_string());
        }
        // The meeting's address, a line at a time as on an envelope, and
        // the line that leads into it.
        for line in data["meeting"]["place"].as_array().into_iter().flatten() {
            headings.push(line.as_str().unwrap().to_string());
        }
        headings.push("The meeting is at:".to_string());
        // Every sentence 15 words or fewer.
        for s in sentences(&text, &headings) {
            let n = s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert!(n <= 15, "{file}: a sentence of {n} words: {s:?}");
        }
        // No word split across lines, not even at its own hyphen.
        for line in text.lines() {
            assert!(
                !line.trim_end().ends_with(['-', '\u{2011}', '\u{ad}']),
                "{file}: split at {line:?}"
            );
        }
        // No word in capitals (a postcode or reference is not a word).
        for w in text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let coded = w.chars().any(|c| c.is_ascii_digit());
            assert!(
                coded || letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()),
                "{file}: {w:?} is in capitals"
            );
        }
        // 14 pt or more throughout, the body at 16; Liberation Sans, never italic.
        let sizes = fonts(pdf);
        assert!(!sizes.is_empty());
        for (size, family) in &sizes {
            assert!(*size >= 14.0, "{file}: text at {size} pt ({family})");
            assert!(
                !family.to_lowercase().contains("italic"),
                "{file}: {family}"
            );
            assert!(
                family.contains("Liberation") || family.contains("DejaVu"),
                "{file}: {family}"
            );
        }
        assert!(
            sizes.iter().any(|(s, _)| (*s - 16.0).abs() < 0.6),
            "{file}: a 16 pt body: {sizes:?}"
        );
        assert!(
            sizes.iter().any(|(s, _)| *s >= 22.0),
            "{file}: larger headings"
        );
        let squashed = squash(&text);
        for part in [
            "Words to know",
            "Jo Whitfield is your advocate. They will go through this with you.",
            "What we are worried about",
            "What must change",
            "Help for you",
            "Call Grace Adeyemi, your social worker",
            "01632 960 118",
            "The pictures are from OpenMoji",
        ] {
            assert!(
                squashed.contains(&squash(part)),
                "{file} lacks {part:?}:\n{text}"
            );
        }
        // Nothing about the other parent beyond what his own letter shares.
        for theirs in ["07700 900 388", "82 Mill Road", "Polish"] {
            assert!(!text.contains(theirs), "{file} shows {theirs}");
        }
    }
    // The letter holds every item the formal letter must say.
    let squashed = squash(&pdf_text(&kerry[EASY_LETTER]));
    for part in [
        "Thursday 26 November 2026",
        "10am",
        "Meeting Room 2, Eastfield Family Hub",
        "Take this letter to a solicitor",
        "It does not matter how much money you have",
        "Your solicitor is Priya Raman",
        "family court",
        "This is the Easy Read version of our letter before proceedings",
        "A solicitor is a lawyer who is on your side.",
    ] {
        assert!(
            squashed.contains(&squash(part)),
            "the letter lacks {part:?}"
        );
    }
    // A picture, with its alternative text, on every row.
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            dir.path()
                .join("data/kerry/easy-read-letter-before-proceedings-kerry.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut rows = data["opening"].as_array().unwrap().clone();
    for s in data["sections"].as_array().unwrap() {
        rows.extend(s["rows"].as_array().unwrap().iter().cloned());
    }
    assert!(rows.len() >= 12, "{} rows", rows.len());
    for row in &rows {
        let picture = row["picture"].as_str().unwrap();
        assert!(
            picture.starts_with("/pictures/") && picture.ends_with(".svg"),
            "{row}"
        );
        assert!(!row["alt"].as_str().unwrap().is_empty(), "{row}");
    }
    let phone_row = rows
        .iter()
        .find(|r| r["big"] == true)
        .expect("the telephone row");
    assert_eq!(phone_row["picture"], "/pictures/telephone.svg");
    // Tomasz's pack holds no Easy Read document: he does not need one, and
    // Kerry's is hers.
    let tomasz = pack_of(&packs, "tomasz");
    assert!(
        !tomasz.keys().any(|k| k.starts_with("easy-read-")),
        "{:?}",
        tomasz.keys()
    );
}

#[test]
fn the_authority_pack_holds_each_easy_read_version_beside_its_formal_one() {
    let (_dir, _, pack) = build(&abs(SAMPLE));
    let names: Vec<&String> = pack.keys().collect();
    for want in [EASY_LETTER, EASY_AGREEMENT] {
        assert!(pack.contains_key(want), "{want} in {names:?}");
    }
    let manifest = String::from_utf8_lossy(&pack["manifest.json"]).into_owned();
    assert!(
        manifest.contains("Letter before proceedings in Easy Read for Kerry Hartley"),
        "{manifest}"
    );
    let cover = pdf_text(&pack["cover-and-index.pdf"]);
    assert!(
        squash(&cover).contains(&squash("in Easy Read for Kerry Hartley")),
        "{cover}"
    );
}

#[test]
fn tomasz_gets_everything_in_large_print_and_kerry_does_not() {
    let (_dir, packs) = parents_packs();
    let tomasz = pack_of(&packs, "tomasz");
    let mut documents = 0;
    for (name, pdf) in tomasz
        .iter()
        .filter(|(n, _)| n.ends_with(".pdf") && !n.starts_with("attachments/"))
    {
        let sizes = fonts(pdf);
        for (size, family) in &sizes {
            assert!(
                *size >= 15.5,
                "{name}: text at {size} pt ({family}) in large print"
            );
        }
        documents += 1;
    }
    assert!(documents >= 3, "{documents} documents");
    let letter = &tomasz["letter-before-proceedings-tomasz.pdf"];
    assert!(
        pdf_pages(letter).len() >= 4,
        "the large-print letter reflows onto more pages"
    );
    // Kerry's letter is standard print: an 11 pt body.
    let kerry = pack_of(&packs, "kerry");
    let sizes = fonts(&kerry["letter-before-proceedings-kerry.pdf"]);
    assert!(
        sizes.iter().any(|(s, _)| (*s - 11.0).abs() < 0.6),
        "{sizes:?}"
    );
}

/// Kerry's own pack of the case in `dir`, built; its entries.
fn kerrys_pack(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = casepack(
        dir,
        &["build", "case.yaml", "--recipient", "kerry", "-o", "k.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    unzip(&dir.join("k.zip"))
}

/// The sample with `edit` applied to its text.
fn sample_with(edit: impl Fn(String) -> String) -> String {
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    let changed = edit(text.clone());
    assert_ne!(changed, text, "the edit changed nothing");
    changed
}

#[test]
fn a_typed_text_that_breaks_an_easy_read_rule_is_an_error_at_its_field_and_nothing_is_written() {
    // Without its Easy Read wording, the first worry's must_change is used
    // as typed, and it is too long for Easy Read.
    let text = sample_with(|t| {
        let start = t
            .find("    easy_read:\n      must_change:")
            .expect("the sample's first Easy Read wording");
        let end = start + t[start..].find("\n    help:").unwrap();
        format!("{}{}", &t[..start], &t[end + 1..])
    });
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[easy-read-words]"), "{err}");
    assert!(
        err.contains(
            "16 words; Easy Read sentences have 15 or fewer: \"An adult who can keep them safe must"
        ),
        "{err}"
    );
    let line = text[..text
        .find("must_change: An adult who can keep them safe")
        .unwrap()]
        .lines()
        .count();
    assert!(
        err.contains(&format!("case.yaml:{line}:")),
        "at line {line}: {err}"
    );
    assert!(err.contains("`worries[0].easy_read.must_change`"), "{err}");
    let out = casepack(dir.path(), &["build", "case.yaml", "-o", "p.zip"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("p.zip").exists(), "nothing is written");
}

#[test]
fn words_in_capitals_a_number_in_words_and_an_unexplained_hard_word_are_errors_at_their_fields() {
    let text = sample_with(|t| {
        t.replace(
            "    easy_read: A family support worker will visit you 2 times a week.",
            "    easy_read: A family support worker will visit you TWICE a week.",
        )
        .replace(
            "easy_read: You will go to a parenting course.",
            "easy_read: You will go to a parenting course for ten weeks. It is part of the CP plan.",
        )
    });
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "easy-read-words")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let at = |path: &str, says: &str| {
        assert!(
            found.iter().any(|(p, m)| p == path && m.contains(says)),
            "{path}: {says} in {found:?}"
        )
    };
    at("support[0].easy_read", "\"TWICE\" is in capitals");
    at("plan[1].easy_read", "\"ten\" is a number in words");
    at("plan[1].easy_read", "\"CP plan\" is a hard word");
    // The table says so too.
    let easy = &json["plain_language"]["easy_read"]["documents"];
    assert!(
        easy.as_array().unwrap().iter().any(|d| d["unexplained"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "cp plan")),
        "{easy}"
    );
}

#[test]
fn check_prints_the_easy_read_table_and_json_carries_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(dir.path(), &["check", &abs(SAMPLE)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out) + &stdout(&out);
    assert!(
        err.contains("Easy Read (targets: sentences at most 15 words"),
        "{err}"
    );
    assert!(
        err.contains("Letter before proceedings in Easy Read for Kerry Hartley"),
        "{err}"
    );
    let out = casepack(dir.path(), &["check", &abs(SAMPLE), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["plain_language"]["easy_read"]["documents"]
        .as_array()
        .unwrap();
    assert_eq!(docs.len(), 2, "{docs:?}");
    for d in docs {
        assert!(d["longest_sentence"].as_u64().unwrap() <= 15, "{d}");
        assert!(d["smallest_text"].as_f64().unwrap() >= 14.0, "{d}");
        assert_eq!(d["rows_without_picture"], 0, "{d}");
        assert_eq!(d["meets_targets"], true, "{d}");
    }
}

#[test]
fn a_parent_who_needs_easy_read_with_no_advocate_at_the_meeting_is_warned_about() {
    let text = sample_with(|t| {
        t.replace(
            "    - { as: advocate, for: kerry, name: Jo Whitfield }\n",
            "",
        )
    });
    let dir = case_dir(&text);
    let out = casepack(dir.path(), &["check", "case.yaml"]);
    let err = stderr(&out);
    assert!(err.contains("warning[easy-read-advocate]"), "{err}");
    assert!(err.contains("Kerry Hartley needs Easy Read"), "{err}");
    // Without the advocate, her social worker goes through it with her.
    let pack = kerrys_pack(dir.path());
    let text = squash(&pdf_text(&pack[EASY_LETTER]));
    assert!(text.contains(&squash(
        "Grace Adeyemi is your social worker. They will go through this with you."
    )));
}

#[test]
fn the_guard_searches_easy_read_documents_too() {
    // Tomasz's telephone number typed into a wording only Kerry's Easy
    // Read letter prints: her pack is refused, at that field.
    let text = sample_with(|t| {
        t.replace(
            "    easy_read: A family support worker will visit you 2 times a week.",
            "    easy_read: A family support worker will visit you 2 times a week. Call 07700 900 388.",
        )
    });
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--recipient", "kerry", "-o", "k.zip"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("support[0].easy_read"), "{err}");
    assert!(!dir.path().join("k.zip").exists());
}

#[test]
fn an_authoritys_own_pictures_replace_casepacks_and_a_missing_one_is_refused_at_load() {
    let dir = case_dir(&std::fs::read_to_string(root().join(SAMPLE)).unwrap());
    let pics = dir.path().join("our-pictures");
    std::fs::create_dir(&pics).unwrap();
    // A 1×1 PNG for every name but one.
    let png: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0x00, 0x01, 0xff,
        0x89, 0x99, 0x3d, 0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    let names = [
        "meeting",
        "solicitor",
        "court",
        "telephone",
        "worry",
        "must-change",
        "help",
        "home",
        "school",
        "child",
        "baby",
        "letter",
        "calendar",
        "time",
        "place",
        "interpreter",
        "advocate",
        "video",
        "next",
        "health",
        "plan",
        "family",
        "words",
        "good",
        "warning",
    ];
    for n in names {
        std::fs::write(pics.join(format!("{n}.png")), png).unwrap();
    }
    std::fs::write(
        dir.path().join("ours.yaml"),
        "profile: ours\nname: Our council\npictures: our-pictures\n",
    )
    .unwrap();
    let out = casepack(
        dir.path(),
        &["check", "case.yaml", "--profile", "ours.yaml"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("has no picture for social-worker"),
        "{}",
        stderr(&out)
    );
    std::fs::write(pics.join("social-worker.png"), png).unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            "case.yaml",
            "--profile",
            "ours.yaml",
            "--recipient",
            "kerry",
            "-o",
            "k.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data = std::fs::read_to_string(
        dir.path()
            .join("data/easy-read-letter-before-proceedings-kerry.json"),
    )
    .unwrap();
    assert!(data.contains("\"/pictures/meeting.png\""), "{data}");
    assert!(
        !data.contains(".svg\""),
        "only the authority's own pictures"
    );
    let pack = unzip(&dir.path().join("k.zip"));
    assert!(
        !pdf_text(&pack[EASY_LETTER]).contains("OpenMoji"),
        "their credit is theirs"
    );
}

#[test]
fn the_genogram_says_the_family_in_words_for_a_screen_reader() {
    let dir = tempfile::tempdir().unwrap();
    let out = casepack(
        dir.path(),
        &[
            "build",
            &abs(SAMPLE),
            "--meeting",
            "lpm",
            "-o",
            "p.zip",
            "--data-dir",
            "data",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("data/genogram.json")).unwrap())
            .unwrap();
    let said = data["description"].as_str().unwrap();
    for part in [
        "The children the case is about: Maisie Nowak (b. 14 Mar 2019) and Leo Nowak (b. 2 Aug 2023).",
        "Maisie Nowak's parents are Kerry Hartley (birth mother) and Tomasz Nowak (birth father).",
        "Kerry Hartley and Tomasz Nowak are separated.",
        "Derek Hartley has died.",
    ] {
        assert!(said.contains(part), "{part:?} in {said}");
    }
    // It is the figure's alternative text in the PDF's structure tree.
    let pack = unzip(&dir.path().join("p.zip"));
    let alts = alt_texts(&pack["genogram.pdf"]);
    assert!(
        alts.iter()
            .any(|a| a.contains("Kerry Hartley (birth mother)")),
        "the description is a structure element's /Alt: {alts:?}"
    );
}

/// Every `/Alt` of a PDF's objects, decoded (UTF-16 or PDFDocEncoding).
fn alt_texts(pdf: &[u8]) -> Vec<String> {
    use hayro_syntax::object::Object;
    let pdf = hayro_syntax::Pdf::new(pdf.to_vec()).unwrap();
    let mut out = Vec::new();
    for object in pdf.objects() {
        let Object::Dict(d) = object else { continue };
        let Some(alt) = d.get::<hayro_syntax::object::String>(b"Alt") else {
            continue;
        };
        let bytes = alt.as_bytes();
        out.push(match bytes {
            [0xfe, 0xff, rest @ ..] => String::from_utf16_lossy(
                &rest
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect::<Vec<_>>(),
            ),
            _ => String::from_utf8_lossy(bytes).into_owned(),
        });
    }
    out
}

#[test]
fn hostile_text_in_an_easy_read_wording_prints_literally() {
    // Markup that keeps the Easy Read rules, typed where only the Easy
    // Read letter prints it: it is data, and prints as typed.
    let hostile = "#panic(\"x\") $x$ [a] *b* _c_ <l> @r.";
    let text = sample_with(|t| {
        t.replace(
            "    easy_read: A family support worker will visit you 2 times a week.",
            &format!("    easy_read: '{hostile}'"),
        )
    });
    let dir = case_dir(&text);
    let pack = kerrys_pack(dir.path());
    assert!(squash(&pdf_text(&pack[EASY_LETTER])).contains(&squash(hostile)));
}

#[test]
fn the_letter_of_issue_has_its_easy_read_version_with_why_and_a_solicitor_today() {
    // Shannon needs Easy Read; the letter's `why` is too long for it, so
    // the case gives its Easy Read wording.
    let text = std::fs::read_to_string(root().join(ISSUE_SAMPLE))
        .unwrap()
        .replacen("  - id: shannon\n", "  - id: shannon\n    easy_read: true\n", 1)
        .replacen(
            "  date: 2026-11-04\n  why: >-\n",
            "  date: 2026-11-04\n  easy_read: We have not seen enough change since our meeting. Ruby is not safe at home yet.\n  why: >-\n",
            1,
        )
        .replacen(
            "    must_change: Ruby must be kept safe from harm,",
            "    easy_read: { worry: Ruby has been hurt 2 times. We do not know how it happened. }\n    must_change: Ruby must be kept safe from harm,",
            1,
        );
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--meeting", "lpm", "-o", "p.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("p.zip"));
    let easy = &pack["easy-read-letter-of-issue-shannon.pdf"];
    let text = squash(&pdf_text(easy));
    for part in [
        "We have asked the court to help keep Ruby safe",
        "This is the Easy Read version of our letter of issue",
        "Why we are going to court",
        "We have not seen enough change since our meeting. Ruby is not safe at home yet.",
        "Please talk to a solicitor today.",
        "It does not matter how much money you have.",
        "Ruby has been hurt 2 times. We do not know how it happened.",
        "Words to know",
    ] {
        assert!(text.contains(&squash(part)), "lacks {part:?}: {text}");
    }
    for (size, family) in fonts(easy) {
        assert!(size >= 14.0, "{size} pt ({family})");
    }
    // Only Shannon's: Jordan does not need Easy Read.
    assert!(
        !pack
            .keys()
            .any(|k| k.starts_with("easy-read-") && k.contains("jordan"))
    );
}

#[test]
fn a_parent_who_needs_easy_read_and_large_print_gets_nothing_under_16_pt() {
    let text = sample_with(|t| {
        t.replacen(
            "    easy_read: true\n",
            "    easy_read: true\n    large_print: true\n",
            1,
        )
    });
    let dir = case_dir(&text);
    let pack = kerrys_pack(dir.path());
    let mut easy = 0;
    for (name, pdf) in pack
        .iter()
        .filter(|(n, _)| n.ends_with(".pdf") && !n.starts_with("attachments/"))
    {
        for (size, family) in fonts(pdf) {
            assert!(size >= 15.5, "{name}: text at {size} pt ({family})");
        }
        easy += usize::from(name.starts_with("easy-read-"));
    }
    assert_eq!(easy, 2);
}

#[test]
fn a_parent_of_three_is_written_to_about_your_children_where_three_names_would_break_the_limit() {
    // Lena Ward has three children of the case: "Ella, Finn and Noah"
    // inside a longer sentence would be more than 15 words, and no field
    // of the case could mend it, so her Easy Read letter says "your children".
    let text = super::meetings::with_meeting(
        "tests/fixtures/families/ward-lindqvist.yaml",
        super::meetings::REVIEW_LPM,
    )
    .replacen(
        "    parental_responsibility: [ella, finn, noah]\n",
        "    parental_responsibility: [ella, finn, noah]\n    easy_read: true\n",
        1,
    ) + "
pre_proceedings_end:
  date: 2027-02-16
  progress:
    - The children have had food and a warm home on every visit.
  continues: a child in need plan, reviewed every 3 months
  easy_read:
    continues: We will keep helping you. We will meet every 3 months.
";
    let dir = case_dir(&text);
    let out = casepack(
        dir.path(),
        &["build", "case.yaml", "--recipient", "lena", "-o", "l.zip"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pack = unzip(&dir.path().join("l.zip"));
    let easy = squash(&pdf_text(
        &pack["easy-read-letter-ending-pre-proceedings-lena.pdf"],
    ));
    assert!(
        easy.contains(&squash(
            "We are not going to court about your children now."
        )),
        "{easy}"
    );
}
