//! The rule-case corpus, in two parts that both run natively (`cargo test -p
//! impower-corpus`) and compiled to WASM in headless Chromium (`wasm-bindgen-test-runner`),
//! through [`rules::respond`], the contract's one entry point. All files are embedded at
//! build time (`build.rs`), since the browser has no file system.
//!
//! # Spec cases: `tests/spec/<family>/<name>.json` (the specification)
//!
//! Written **by hand** from `RULES.md` and the two source pages, never generated from the
//! code's output. Each case says what one rule decides for one request, and nothing else.
//! Families: `readiness`, `team`, `fees`, `schedule`, `credits`, `assess`, and `input` (the
//! bad-input catalogue). A case:
//!
//! ```json
//! { "about": "F2: the organization's 3rd project costs $3,000",
//!   "rule": "F2",
//!   "worked": "6000 + 6000 + 3000 = 15000: projects 1 and 2 at F1's $6,000, project 3 at F2's $3,000",
//!   "verb": "fees",
//!   "request": {"projects": 3},
//!   "expect": {"total_usd": 15000, "projects": [{"fee_usd": 6000}, {"fee_usd": 6000}, {"fee_usd": 3000, "discounted": true}]},
//!   "findings": [{"rule": "F2", "severity": "info"}],
//!   "no_findings": [{"rule": "T5", "severity": "error"}] }
//! ```
//!
//! - `about`: what the case shows; `worked`: the calculation or the quoted source words
//!   that justify the expectation. Both required, non-empty.
//! - `rule`: the rule ID of the book the case shows deciding, or `"input"` for a case of
//!   the input rules (those, and only those, live in `input/`).
//! - `verb` and exactly one of `request` (JSON) or `request_text` (raw text: malformed
//!   JSON, duplicate keys, number literals such as `2.9999999999999999`).
//! - `expect`: a **subset** of the answer. Objects: only the listed keys, recursively;
//!   arrays: the same length, matched element-wise (`{}` matches any element); numbers
//!   compare as numbers (`15000 == 15000.0`); anything else exactly.
//! - `findings`: each pattern must match at least one finding; `no_findings`: no finding
//!   may match any pattern. A pattern lists any of `rule`, `severity`, `project`,
//!   `person` (compared by value) and `message_contains` (a substring of `message`).
//!   Findings are every element of any array under a key named `findings`, at any depth
//!   (so `assess` answers work).
//! - `error`: `{"code", "path"}` of the expected refusal, instead of
//!   `expect`/`findings`/`no_findings` (the message is not asserted); `rule` is `"input"`.
//!
//! Unknown keys are refused, `answer` included: no snapshots in `spec/`. Assert only what
//! the rule decides (amounts, dates, verdicts, counts, rule IDs and severities), never
//! whole messages. [`spec::check`] runs one case and names every difference; the tests
//! also check that every rule ID of the book has a case that asserts something it decides,
//! and every error code a refusal case.
//!
//! # Snapshots: `tests/cases/<verb>/<name>.json` (regression only)
//!
//! Each file is a request and the exact answer (or error, message included) the code gave
//! when the file was last written, so any change of behaviour shows up as a diff:
//!
//! ```json
//! { "about": "why this case exists",
//!   "verb": "fees",
//!   "request": {"projects": 3},            // or "request_text": "{not json" for raw text
//!   "answer": { … } }                      // or "error": {"code", "message", "path"}
//! ```
//!
//! Snapshots freeze behaviour; they do not specify it. After an intended change,
//! `UPDATE_CASES=1 cargo test -p impower-corpus` rewrites the files that differ and then
//! **fails**, listing what it rewrote: review the diff with `git diff tests/cases`, then run
//! again without `UPDATE_CASES`. It never passes while `UPDATE_CASES` is set.

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

pub mod spec;

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
        Ok(mut answer) => {
            stamp_free(&mut answer);
            json!({ "answer": answer })
        }
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

/// What a snapshot holds in place of this build's rule book digest (which changes with
/// every edit of the rules crate): [`THIS_BUILD`]. A digest that is not this build's is
/// left as it is, so it shows.
pub const THIS_BUILD: &str = "sha256:(this build's)";

/// Replaces this build's digest in every `rule_book` of `v` by [`THIS_BUILD`].
pub fn stamp_free(v: &mut Value) {
    match v {
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "rule_book" {
                    if let Some(d) = x.get_mut("digest") {
                        if d == rules::book::RULE_BOOK_DIGEST {
                            *d = Value::from(THIS_BUILD);
                        }
                    }
                } else {
                    stamp_free(x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(stamp_free),
        _ => {}
    }
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
