//! The generator's choices: each draws on the fuzzer's bytes. When the
//! bytes run out every choice falls to its first, ordinary option, so a
//! short input is still a whole, plausible case.

use arbitrary::Unstructured;
use chrono::{Days, NaiveDate};
use serde_json::Value;

/// Draws choices from the fuzzer's bytes.
pub struct Gen<'a, 'b> {
    u: &'b mut Unstructured<'a>,
    /// The LPM's date: every other date is counted from it.
    pub lpm: NaiveDate,
}

/// Text no ordinary case needs but a social worker might paste: jargon,
/// other scripts, control characters, template syntax, a long sentence,
/// another adult's contact details.
const ODD_TEXT: &[&str] = &[
    "We will consider s20 and whether the threshold is met under the PLO.",
    "Zażółć gęślą jaźń",
    "مرحبا بالعالم",
    "你好，世界",
    "ሰላም ለዓለም",
    "😀 🏠",
    "a\u{7}bell and a\u{1b}[31m colour",
    "tab\there and line\u{2028}separator",
    "",
    " ",
    "[withheld]",
    "{{ name }} {% if x %}",
    "#set page(width: 1pt) $x^2$ <label> @ref",
    "\\ \" ' ` * _ = - + # [ ] { } < > | ~",
    "Ms Hartley lives at 14 Larch Close and her number is 07700 900 214.",
    "Mr Nowak's number is 07700 900388 and email tomasz@mail.example.",
    "Leo told Ruby that Ava was at the refuge in Eastfield.",
    "This sentence goes on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on and on.",
    "\u{200b}\u{feff}\u{202e}reversed",
    "ﬁ ligature, e\u{301} combining, Å",
];

impl<'a, 'b> Gen<'a, 'b> {
    /// Draws on `u`; the LPM's date is drawn first.
    pub fn new(u: &'b mut Unstructured<'a>) -> Gen<'a, 'b> {
        let base = NaiveDate::from_ymd_opt(2026, 11, 16).expect("a real date");
        let back = u.int_in_range(0..=400u64).unwrap_or(0);
        let lpm = base.checked_sub_days(Days::new(back)).unwrap_or(base);
        Gen { u, lpm }
    }

    /// True about `percent` times in a hundred; false when the bytes run out.
    pub fn chance(&mut self, percent: u8) -> bool {
        let x = self.u.int_in_range(0..=99u8).unwrap_or(0);
        x >= 100 - percent.min(100)
    }

    /// One of `options`; the first when the bytes run out.
    pub fn pick<T: Copy>(&mut self, options: &[T]) -> T {
        let i = self.u.choose_index(options.len()).unwrap_or(0);
        options[i]
    }

    /// A number in `lo..=hi`; `lo` when the bytes run out.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        self.u.int_in_range(lo..=hi).unwrap_or(lo)
    }

    /// How many of something: `lo..=hi`.
    pub fn count(&mut self, lo: usize, hi: usize) -> usize {
        self.u.int_in_range(lo..=hi).unwrap_or(lo)
    }

    /// Each of `options`, kept unless dropped about `percent` times in a hundred.
    pub fn most_of<T: Copy>(&mut self, options: &[T], percent: u8) -> Vec<T> {
        options
            .iter()
            .copied()
            .filter(|_| !self.chance(percent))
            .collect()
    }

    /// Each of `options`, kept about `percent` times in a hundred.
    pub fn some_of<T: Copy>(&mut self, options: &[T], percent: u8) -> Vec<T> {
        options
            .iter()
            .copied()
            .filter(|_| self.chance(percent))
            .collect()
    }

    /// The LPM's date moved by `lo..=hi` days (`hi` when the bytes run
    /// out: the latest is the freshest), written as the case writes dates;
    /// now and then a date that is no date, or one far away.
    pub fn date(&mut self, lo: i64, hi: i64) -> Value {
        if self.chance(1) {
            return self
                .pick(&[
                    "2026-02-30",
                    "2026-13-01",
                    "1899-12-31",
                    "2199-01-01",
                    "9999-12-31",
                    "0001-01-01",
                    "2026-1-5",
                    "tomorrow",
                ])
                .into();
        }
        let shift = hi - self.int(0, hi - lo);
        let day = if shift >= 0 {
            self.lpm.checked_add_days(Days::new(shift.unsigned_abs()))
        } else {
            self.lpm.checked_sub_days(Days::new(shift.unsigned_abs()))
        };
        day.unwrap_or(self.lpm)
            .format("%Y-%m-%d")
            .to_string()
            .into()
    }

    /// A time of day, `"HH:MM"`; now and then one that is not.
    pub fn time(&mut self) -> Value {
        if self.chance(2) {
            return self.pick(&["25:00", "9am", "10:60", "noon"]).into();
        }
        let hour = self.int(9, 17);
        let minute = self.pick(&[0, 30, 15, 45]);
        format!("{hour:02}:{minute:02}").into()
    }

    /// Text: one of `ordinary`, now and then something odd (jargon, other
    /// scripts, control characters, the fuzzer's own bytes).
    pub fn text(&mut self, ordinary: &[&str]) -> Value {
        if self.chance(1) {
            return self.pick(ODD_TEXT).into();
        }
        if self.chance(1) {
            let s: &str = self.u.arbitrary().unwrap_or("");
            return s.chars().take(200).collect::<String>().into();
        }
        self.pick(ordinary).into()
    }

    /// Several texts from `ordinary`, `lo..=hi` of them.
    pub fn texts(&mut self, ordinary: &[&str], lo: usize, hi: usize) -> Value {
        let n = self.count(lo, hi);
        (0..n)
            .map(|_| self.text(ordinary))
            .collect::<Vec<_>>()
            .into()
    }

    /// The profile the case names: none (the default) or a built-in one,
    /// now and then one that is not there.
    pub fn profile(&mut self) -> Option<&'static str> {
        let named = self.pick(&[
            None,
            Some("gloucestershire"),
            Some("blackpool"),
            Some("procedures-manual-2023"),
            Some("metropolitan-looked-after"),
            Some("wokingham"),
            Some("default"),
        ]);
        if self.chance(2) {
            return Some(self.pick(&[
                "northmoor",
                "missing.yaml",
                "profiles/none.yml",
                "GLOUCESTERSHIRE",
            ]));
        }
        named
    }
}
