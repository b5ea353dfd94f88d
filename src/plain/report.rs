//! The plain-language report as `check` prints it: each letter's measures
//! against the profile's targets, and as JSON.

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::{Value, json};

use super::Report;

/// The report as a table, one row per letter, with the targets above it.
pub fn print(report: &Report) -> String {
    let t = &report.targets;
    let mut out = format!(
        "Plain language in letters to parents (targets: Reading Ease at least {}, sentences at most {} words on average and {} in any one, no jargon):\n",
        t.reading_ease, t.average_sentence, t.longest_sentence
    );
    if report.letters.is_empty() {
        out.push_str("  this pack holds no letter to a parent\n");
        out.push_str(&easy_read(report));
        return out;
    }
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([
            "Letter",
            "Reading Ease",
            "Grade",
            "Avg sentence",
            "Longest",
            "Long words",
            "Jargon",
            "",
        ]);
    for l in &report.letters {
        let c = &l.counts;
        table.add_row([
            l.title.clone(),
            format!("{:.0}", c.reading_ease()),
            format!("{:.1}", c.grade()),
            format!("{:.1}", c.average_sentence()),
            c.longest_sentence.to_string(),
            format!("{:.0}%", 100.0 * c.long_word_share()),
            l.jargon.len().to_string(),
            if l.passes(t) {
                "ok".into()
            } else {
                "misses".into()
            },
        ]);
    }
    for line in table.to_string().lines() {
        out.push_str("  ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for l in report.letters.iter().filter(|l| !l.explained.is_empty()) {
        out.push_str(&format!(
            "  {} explains in \"Words we use\": {}\n",
            l.title,
            l.explained.join(", ")
        ));
    }
    out.push_str(&easy_read(report));
    out
}

/// The Easy Read table, when the pack holds an Easy Read document.
fn easy_read(report: &Report) -> String {
    if report.easy_read.is_empty() {
        return String::new();
    }
    let t = &report.easy_targets;
    let mut out = format!(
        "Easy Read (targets: sentences at most {} words and {} on average, text at least {} pt, a picture on every row, every hard word explained):\n",
        t.longest_sentence, t.average_sentence, t.smallest_text
    );
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header([
            "Document",
            "Longest",
            "Avg sentence",
            "No picture",
            "Smallest text",
            "Pages",
            "Unexplained",
            "",
        ]);
    for e in &report.easy_read {
        let ok = e.misses(t).is_empty() && e.unexplained.is_empty();
        table.add_row([
            e.title.clone(),
            e.longest_sentence.to_string(),
            format!("{:.1}", e.average_sentence),
            e.rows_without_picture.to_string(),
            format!("{:.0} pt", e.smallest_text),
            e.pages.to_string(),
            e.unexplained.len().to_string(),
            if ok { "ok".into() } else { "misses".into() },
        ]);
    }
    for line in table.to_string().lines() {
        out.push_str("  ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The report as `check --format json` gives it, under `plain_language`.
pub fn to_json(report: &Report) -> Value {
    let t = &report.targets;
    json!({
        "targets": {
            "reading_ease": t.reading_ease,
            "average_sentence": t.average_sentence,
            "longest_sentence": t.longest_sentence,
        },
        "letters": report.letters.iter().map(|l| {
            let c = &l.counts;
            json!({
                "document": l.document,
                "title": l.title,
                "file": l.file_name,
                "reading_ease": round1(c.reading_ease()),
                "grade": round1(c.grade()),
                "average_sentence": round1(c.average_sentence()),
                "longest_sentence": c.longest_sentence,
                "long_words": round1(100.0 * c.long_word_share()),
                "words": c.words,
                "sentences": c.sentences,
                "syllables": c.syllables,
                "jargon": l.jargon,
                "explained": l.explained,
            })
        }).collect::<Vec<_>>(),
        "easy_read": {
            "targets": {
                "longest_sentence": report.easy_targets.longest_sentence,
                "average_sentence": report.easy_targets.average_sentence,
                "smallest_text": report.easy_targets.smallest_text,
            },
            "documents": report.easy_read.iter().map(|e| json!({
                "title": e.title,
                "file": e.file_name,
                "longest_sentence": e.longest_sentence,
                "average_sentence": round1(e.average_sentence),
                "rows_without_picture": e.rows_without_picture,
                "smallest_text": round1(e.smallest_text),
                "pages": e.pages,
                "unexplained": e.unexplained,
                "meets_targets": e.misses(&report.easy_targets).is_empty() && e.unexplained.is_empty(),
            })).collect::<Vec<_>>(),
        },
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
