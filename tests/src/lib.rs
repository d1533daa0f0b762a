//! The rule-case corpus: one JSON file per case under `tests/cases/<verb>/`, each a
//! request and the exact answer (or error) the contract must give.
//!
//! The files are embedded at build time, so the very same cases run through
//! [`rules::respond`] natively (`cargo test -p impower-corpus`) and compiled to WASM in
//! headless Chromium (`wasm-pack`-free: `wasm-bindgen-test-runner`). A case file:
//!
//! ```json
//! { "about": "why this case exists",
//!   "verb": "fees",
//!   "request": {"projects": 3},            // or "request_text": "{not json" for raw text
//!   "answer": { … } }                      // or "error": {"code", "message", "path"}
//! ```
//!
//! Expectations are regenerated with `UPDATE_CASES=1 cargo test -p impower-corpus`;
//! review the diff before committing it.

use serde_json::{json, Value};

/// One embedded case file.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Its path under `tests/cases`, without `.json`.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// A case run: what the file expects and what the contract answered.
#[derive(Debug)]
pub struct Run {
    /// The case file, parsed.
    pub file: Value,
    /// `{"answer": …}` or `{"error": …}` as the file says it should be.
    pub expected: Option<Value>,
    /// The same shape, as the contract answered.
    pub actual: Value,
}

impl Run {
    /// Whether the contract answered as expected.
    pub fn passed(&self) -> bool {
        self.expected.as_ref() == Some(&self.actual)
    }

    /// The case file with its expectation replaced by the actual answer.
    pub fn updated(&self) -> Value {
        let mut file = self.file.clone();
        if let Some(o) = file.as_object_mut() {
            o.remove("answer");
            o.remove("error");
            if let Some(a) = self.actual.as_object() {
                o.extend(a.clone());
            }
        }
        file
    }
}

/// The request text of a case file: `request_text` verbatim, or `request` as JSON.
pub fn request_text(file: &Value) -> Result<String, String> {
    match (file.get("request_text"), file.get("request")) {
        (Some(Value::String(s)), None) => Ok(s.clone()),
        (None, Some(r)) => Ok(r.to_string()),
        _ => Err("a case needs exactly one of request (JSON) or request_text (a string)".into()),
    }
}

/// Runs one case through the contract's single entry point.
pub fn run(case: &Case) -> Result<Run, String> {
    let file: Value =
        serde_json::from_str(case.text).map_err(|e| format!("{}: not JSON: {e}", case.name))?;
    let verb = file
        .get("verb")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{}: no verb", case.name))?;
    let request = request_text(&file).map_err(|e| format!("{}: {e}", case.name))?;
    let actual = match rules::respond(verb, &request) {
        Ok(answer) => json!({ "answer": answer }),
        Err(e) => json!({ "error": e }),
    };
    let expected = match (file.get("answer"), file.get("error")) {
        (Some(a), None) => Some(json!({ "answer": a })),
        (None, Some(e)) => Some(json!({ "error": e })),
        _ => None,
    };
    Ok(Run {
        file,
        expected,
        actual,
    })
}

/// Runs every case; returns the names and details of the failures.
pub fn failures() -> Vec<String> {
    CASES
        .iter()
        .filter_map(|case| match run(case) {
            Ok(r) if r.passed() => None,
            Ok(r) => Some(format!(
                "{}: expected\n{}\nbut got\n{}",
                case.name,
                r.expected
                    .map_or_else(|| "(nothing: add answer or error)".into(), |e| pretty(&e)),
                pretty(&r.actual)
            )),
            Err(e) => Some(e),
        })
        .collect()
}

/// Pretty JSON for messages.
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}
