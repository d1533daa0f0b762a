//! The contract's declarations describe fields, never program facts: a fee, a count or
//! a period is stated once, in `program.rs`, and reaches the TypeScript only through the
//! bounds the declared types carry. So no declaration's doc holds a number (but in a rule
//! ID such as F3) or a number word.

use rules::json::declare::{Shape, Ty};
use rules::json::{requests, Verb};

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "first",
    "second", "third", "fourth", "fifth", "half", "dozen",
];

fn docs(shape: &Shape, out: &mut Vec<(String, String)>) {
    out.push((shape.name.to_string(), shape.doc.to_string()));
    for f in &shape.fields {
        out.push((format!("{}.{}", shape.name, f.name), f.doc.to_string()));
        let mut ty = &f.ty;
        while let Ty::List(t) | Ty::OrNull(t) = ty {
            ty = t;
        }
        if let Ty::Object(nested) = ty {
            docs(&nested(), out);
        }
    }
}

/// `text` without rule IDs (`F3`, `CR7`), paths (`people[2]`) and `RULES.md`.
fn without_ids(text: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_alphanumeric() || c == '[' || c == ']' || c == '_' || c == '.' {
            word.push(c);
            continue;
        }
        let w = word.trim_end_matches('.');
        let id = w.len() <= 4
            && w.chars().take_while(char::is_ascii_uppercase).count() >= 1
            && w.chars()
                .skip_while(char::is_ascii_uppercase)
                .all(|d| d.is_ascii_digit());
        if !(id || w.contains('[') || w == "RULES.md") {
            out.push_str(w);
        }
        out.push(c);
        word.clear();
    }
    out
}

#[test]
fn no_declaration_states_a_program_fact() {
    let mut all = Vec::new();
    for verb in Verb::ALL {
        docs(&requests::declared(*verb), &mut all);
    }
    assert!(all.len() > 40, "only {} docs", all.len());
    for (what, doc) in all {
        assert!(!doc.is_empty(), "{what} has no doc");
        // Session 1 is the session's name (and `session_1` a field's), not a count.
        let named = doc
            .replace("Session 1", "Session")
            .replace("session_1", "session");
        let plain = without_ids(&named).to_lowercase();
        assert!(
            !plain.chars().any(|c| c.is_ascii_digit()),
            "{what}: a number in {doc:?}"
        );
        for w in plain.split(|c: char| !c.is_alphanumeric()) {
            assert!(!NUMBER_WORDS.contains(&w), "{what}: {w:?} in {doc:?}");
        }
    }
}
