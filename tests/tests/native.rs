//! The corpus, natively, plus the checks that keep the corpus and the rule book whole.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use corpus::{run, CASES};
use rules::team::{hours_table, Edition};
use rules::{RuleId, RULES};
use serde_json::Value;

/// Every snapshot answers exactly as its file says. With `UPDATE_CASES=1`, rewrites the
/// files that differ and then fails, listing them, so an update is never silently green.
#[test]
fn every_case_answers_as_expected() {
    let update = std::env::var_os("UPDATE_CASES").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let mut failed = Vec::new();
    let mut rewrote = Vec::new();
    for case in CASES {
        let r = run(case).unwrap_or_else(|e| panic!("{e}"));
        if r.passed() {
            continue;
        }
        if update {
            let text = corpus::pretty(&r.updated()) + "\n";
            let path = dir.join(format!("{}.json", case.name));
            std::fs::write(&path, text).expect("write case");
            rewrote.push(format!("tests/cases/{}.json", case.name));
        } else {
            failed.push(case.name);
        }
    }
    assert!(
        !update,
        "UPDATE_CASES is set: rewrote {} snapshot(s){}{}\n\
         Snapshots freeze behaviour, they do not specify it: review the diff with \
         `git diff tests/cases`, then run again without UPDATE_CASES.",
        rewrote.len(),
        if rewrote.is_empty() { "" } else { ":\n  " },
        rewrote.join("\n  ")
    );
    // Details only when something failed (they run the corpus again).
    let details = if failed.is_empty() {
        String::new()
    } else {
        corpus::failures().join("\n\n")
    };
    assert!(
        failed.is_empty(),
        "{} snapshot(s) differ: {failed:?}\n{details}\n\
         If the change is intended, run with UPDATE_CASES=1, review `git diff tests/cases`, \
         and check the spec cases under tests/spec still say what RULES.md says.",
        failed.len()
    );
    assert!(
        CASES.len() >= 60,
        "the corpus has only {} cases",
        CASES.len()
    );
}

fn rule_ids_in(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "rule" || k == "id" {
                    if let Some(s) = x.as_str() {
                        out.insert(s.to_string());
                    }
                }
                rule_ids_in(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| rule_ids_in(x, out)),
        _ => {}
    }
}

/// Each rule ID of the book appears as a `rule` or `id` in some snapshot's answer. This
/// only says the snapshots mention every rule (info findings do); that each rule *decides*
/// something is checked on the spec cases (`tests/tests/spec.rs`).
#[test]
fn every_rule_has_a_case() {
    let mut seen = BTreeSet::new();
    for case in CASES {
        let file: Value = serde_json::from_str(case.text).expect("case is JSON");
        if let Some(a) = file.get("answer") {
            rule_ids_in(a, &mut seen);
        }
    }
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .filter(|r| !seen.contains(*r))
        .collect();
    assert!(missing.is_empty(), "rules with no case: {missing:?}");
}

fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed(page: rules::Page) -> String {
    let file = match page {
        rules::Page::LearningNetwork => "learning-network-page.txt",
        rules::Page::ImpowerProgram => "impower-program-page.txt",
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(file);
    normalized(&std::fs::read_to_string(path).expect("seed page"))
}

/// Every rule row lists its ID in order, has a source, and quotes its page word for word.
#[test]
fn every_row_cites_its_page_verbatim() {
    assert_eq!(RULES.len(), RuleId::ALL.len());
    for (row, id) in RULES.iter().zip(RuleId::ALL) {
        assert_eq!(row.id, *id, "RULES is out of order at {id}");
        assert!(!row.sources.is_empty(), "{id} has no source");
        for s in row.sources {
            assert!(!s.words.trim().is_empty(), "{id} has an empty source");
            assert!(
                seed(s.page).contains(&normalized(s.words)),
                "{id}: {:?} is not on the {} page",
                s.words,
                s.page.code()
            );
        }
    }
    for edition in Edition::ALL {
        for (role, row) in hours_table(*edition).iter() {
            assert_eq!(
                row.role,
                role,
                "{} hours table gives a row to the wrong role",
                edition.key()
            );
            assert!(
                seed(row.source.page).contains(&normalized(row.source.words)),
                "{} {}: {:?} is not on the page",
                edition.key(),
                role.key(),
                row.source.words
            );
        }
    }
}

/// The rule book's interpretations are the ones flagged in the data.
#[test]
fn interpretations_are_flagged() {
    for id in [
        "C1", "C2", "T1", "T6", "T7", "F2", "F3", "P2", "P3", "CR1", "CR2", "CR3", "CR7",
    ] {
        let id = RuleId::parse(id).expect("known id");
        assert!(
            id.def().interpretation.is_some(),
            "{id} should carry its interpretation"
        );
    }
    assert!(RuleId::C3.def().interpretation.is_none());
}
