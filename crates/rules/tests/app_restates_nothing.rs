//! The app asks the rules and never restates them: no string literal in `web/src` holds
//! a program number, a number word, or any text the rules crate owns (rule sources and
//! summaries, hours-table words, questions, risks, titles, messages' building blocks).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use rules::book::{Collaborative, FIVE_STEPS};
use rules::calendar::{COACH_TRAININGS, SESSION_TITLES};
use rules::credits::{Document, Stage};
use rules::readiness::{self, SuccessFactor};
use rules::team::{hours_table, Edition, Qi, Role};
use rules::RULES;

/// The string literals of the code (comments skipped) in every `.rs` file under `dir`.
fn literals(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read");
                // Code only: comments and attributes (`#[cfg(target_arch = "wasm32")]`)
                // are not text the app shows.
                for line in text.lines().filter(|l| {
                    let l = l.trim_start();
                    !l.starts_with("//") && !l.starts_with("#[") && !l.starts_with("#![")
                }) {
                    let mut chars = line.chars();
                    while let Some(c) = chars.next() {
                        if c != '"' {
                            continue;
                        }
                        let mut lit = String::new();
                        let mut escaped = false;
                        for c in chars.by_ref() {
                            match (escaped, c) {
                                (false, '\\') => escaped = true,
                                (false, '"') => break,
                                _ => {
                                    escaped = false;
                                    lit.push(c);
                                }
                            }
                        }
                        out.push((path.display().to_string(), lit));
                    }
                }
            }
        }
    }
    out
}

fn web_src() -> Vec<(String, String)> {
    let lits = literals(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/src"));
    assert!(
        lits.len() > 100,
        "only {} literals found in web/src",
        lits.len()
    );
    lits
}

/// Whether a literal holds a number the program could state: any digit but 0 or 1,
/// outside `\u{…}` escapes and the numbered legends of the readiness form ("2. ").
fn has_program_number(lit: &str) -> bool {
    // Technical text, not program facts: a character set, hex digits and the share
    // link's base64url alphabet.
    const TECHNICAL: [&str; 3] = [
        "data:text/calendar;charset=utf-8,",
        "0123456789ABCDEF",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    ];
    if TECHNICAL.contains(&lit) {
        return false;
    }
    let mut s = lit.to_string();
    // Unicode escapes (`\u{201c}`, read here without the backslash) and HTML tags
    // (`<h2>`) are not numbers anyone reads.
    for (open, close) in [("u{", '}'), ("<", '>')] {
        while let Some(i) = s.find(open) {
            let end = s[i..].find(close).map_or(s.len(), |j| i + j + 1);
            s.replace_range(i..end, "");
        }
    }
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < s.len() && rest.starts_with(". ") {
        s = rest.to_string();
    }
    s.chars()
        .any(|c| c.is_ascii_digit() && c != '0' && c != '1')
}

#[test]
fn no_program_number_or_number_word() {
    const WORDS: [&str; 18] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty",
        "third", "twice", "half", "month", "months", "$6", "$3",
    ];
    let mut bad = Vec::new();
    for (file, lit) in web_src() {
        let words: Vec<String> = lit
            .split(|c: char| !c.is_alphanumeric() && c != '$')
            .map(str::to_lowercase)
            .collect();
        if has_program_number(&lit) || WORDS.iter().any(|w| words.iter().any(|x| x == w)) {
            bad.push(format!("{file}: {lit:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "the app restates program numbers:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_text_the_rules_own() {
    let mut owned: Vec<String> = Vec::new();
    for row in RULES {
        owned.push(row.summary.into());
        owned.extend(row.sources.iter().map(|s| s.words.to_string()));
        owned.extend(row.interpretation.map(String::from));
    }
    for e in Edition::ALL {
        for (_, row) in hours_table(*e).iter() {
            owned.push(row.source.words.into());
            owned.extend(row.interpretation.map(String::from));
        }
    }
    for f in SuccessFactor::ALL {
        owned.push(f.question().into());
        owned.push(f.risk().into());
    }
    owned.extend(
        readiness::application_checklist()
            .into_iter()
            .map(String::from),
    );
    owned.push(readiness::FROM_ROSTER.into());
    owned.extend(
        [
            readiness::questions::SPONSOR,
            readiness::questions::CLINICAL_LEADER,
            readiness::questions::CAN_AUDIT,
            readiness::questions::CAN_REPORT_DATA,
            rules::credits::questions::STAGE_C_COMPLETE,
            rules::credits::questions::ON_ROSTER_AT_START,
            rules::credits::questions::OPTED_IN,
        ]
        .map(String::from),
    );
    owned.extend(SESSION_TITLES.map(String::from));
    owned.extend(COACH_TRAININGS.map(String::from));
    owned.extend(FIVE_STEPS.map(String::from));
    owned.extend(Collaborative::ALL.iter().map(|c| c.title().to_string()));
    owned.extend(Collaborative::ALL.iter().map(|c| c.focus().to_string()));
    owned.extend(Stage::ALL.iter().map(|s| s.title().to_string()));
    owned.extend(Document::ALL.iter().map(|d| d.title().to_string()));
    owned.extend(Role::ALL.iter().map(|r| r.title().to_string()));
    owned.extend(Qi::ALL.iter().map(|q| q.title().to_string()));
    owned.extend(
        rules::credits::CreditType::ALL
            .iter()
            .map(|c| c.title().to_string()),
    );
    owned.push(rules::vocab::PHYSICIAN_DEGREE.into());
    // Sentences and titles, not single terms such as "QI coach" that labels may use.
    let owned: Vec<String> = owned.into_iter().filter(|t| t.len() >= 16).collect();
    assert!(owned.len() > 120, "only {} texts collected", owned.len());
    let mut bad = Vec::new();
    for (file, lit) in web_src() {
        if lit.len() < 6 {
            continue;
        }
        for t in &owned {
            if lit.contains(t.as_str()) || (lit.len() >= 30 && t.contains(lit.as_str())) {
                bad.push(format!("{file}: {lit:?} restates {t:?}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the app restates the rules:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(has_program_number("$6,000 a project"));
    assert!(has_program_number("1 to 6 projects"));
    assert!(!has_program_number("2. Quality improvement coach"));
    assert!(!has_program_number("u{201c}{}u{201d}"));
    assert!(!has_program_number("<h2>Something went wrong</h2>"));
    assert!(has_program_number("3 months"));
    assert!(!has_program_number("1 day left"));
}
