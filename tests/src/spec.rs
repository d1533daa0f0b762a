//! Spec cases: hand-written expectations from `RULES.md` and the two source pages, checked
//! against [`rules::respond`] with a subset matcher.
//!
//! A spec case (`tests/spec/<family>/<name>.json`) says what a rule *decides* for one
//! request, and nothing else: no full answer, no message text. See the crate docs for the
//! format; [`check`] runs one case and names every difference.

use serde_json::{Map, Value};

use crate::Case;

/// The folders under `tests/spec`, one per family of rules (plus `input` for the bad-input
/// catalogue).
pub const FAMILIES: [&str; 7] = [
    "readiness",
    "team",
    "fees",
    "schedule",
    "credits",
    "assess",
    "input",
];

/// Every error code the contract gives (all of [`rules::ErrorCode`] but the command
/// line's own `usage` and `io`): the bad-input catalogue must show each at least once,
/// so a new code cannot come without its case.
pub fn error_codes() -> impl Iterator<Item = &'static str> {
    use rules::ErrorCode;
    ErrorCode::ALL
        .iter()
        .filter(|c| !matches!(c, ErrorCode::Usage | ErrorCode::Io))
        .map(|c| c.key())
}

/// The keys a spec case may have. Anything else (an `answer` snapshot, a typo) is refused.
pub const CASE_KEYS: [&str; 11] = [
    "about",
    "rule",
    "worked",
    "verb",
    "request",
    "request_text",
    "expect",
    "findings",
    "no_findings",
    "absent",
    "error",
];

/// The keys a finding pattern may have.
pub const PATTERN_KEYS: [&str; 7] = [
    "rule",
    "severity",
    "project",
    "person",
    "due",
    "passed",
    "message_contains",
];

/// The value of `rule` in a case that shows an input rule rather than a rule of the book.
pub const INPUT_RULE: &str = "input";

/// A spec case, parsed and its shape checked.
#[derive(Debug)]
pub struct Spec<'a> {
    /// Its name under `tests/spec`, e.g. `fees/f2-third-project`.
    pub name: &'a str,
    /// Its family: the first folder of its name.
    pub family: &'a str,
    /// The case file.
    pub file: Map<String, Value>,
}

impl Spec<'_> {
    /// The rule ID (or `input`) the case shows deciding.
    pub fn rule(&self) -> &str {
        self.file.get("rule").and_then(Value::as_str).unwrap_or("")
    }

    /// The verb.
    pub fn verb(&self) -> &str {
        self.file.get("verb").and_then(Value::as_str).unwrap_or("")
    }

    /// The expected refusal's code, when the case expects one.
    pub fn error_code(&self) -> Option<&str> {
        self.file
            .get("error")
            .and_then(|e| e.get("code"))
            .and_then(Value::as_str)
    }

    /// The `findings` and `no_findings` patterns.
    pub fn patterns(&self) -> impl Iterator<Item = &Value> {
        ["findings", "no_findings"]
            .into_iter()
            .filter_map(|k| self.file.get(k).and_then(Value::as_array))
            .flatten()
    }

    /// Whether the case asserts something `rule` decides: a non-empty `expect`, or a
    /// `findings`/`no_findings` pattern naming `rule` with a severity.
    pub fn decides(&self, rule: &str) -> bool {
        if self.rule() != rule {
            return false;
        }
        let expect = self
            .file
            .get("expect")
            .and_then(Value::as_object)
            .is_some_and(|o| !o.is_empty());
        expect
            || self.patterns().any(|p| {
                p.get("rule").and_then(Value::as_str) == Some(rule)
                    && p.get("severity").and_then(Value::as_str).is_some()
            })
    }
}

fn non_empty_str<'a>(file: &'a Map<String, Value>, key: &str) -> Result<&'a str, String> {
    match file.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s),
        Some(_) => Err(format!("`{key}` must be a non-empty string")),
        None => Err(format!("`{key}` is missing")),
    }
}

/// Parses a spec case and checks its shape (not yet its expectations).
pub fn parse(case: &Case) -> Result<Spec<'_>, String> {
    let at = |e: String| format!("{}: {e}", case.name);
    let value: Value = serde_json::from_str(case.text).map_err(|e| at(format!("not JSON: {e}")))?;
    let Value::Object(file) = value else {
        return Err(at("a spec case is a JSON object".into()));
    };
    if let Some(k) = file.keys().find(|k| !CASE_KEYS.contains(&k.as_str())) {
        return Err(at(format!(
            "unknown key `{k}` (a spec case asserts with expect/findings/no_findings/error, never a whole `answer`)"
        )));
    }
    let family = case.name.split('/').next().unwrap_or("");
    if !FAMILIES.contains(&family) || !case.name.contains('/') {
        return Err(at(format!(
            "spec cases live in one of the folders {FAMILIES:?}"
        )));
    }
    non_empty_str(&file, "about").map_err(at)?;
    non_empty_str(&file, "worked").map_err(at)?;
    non_empty_str(&file, "verb").map_err(at)?;
    let rule = non_empty_str(&file, "rule").map_err(at)?;
    if rule != INPUT_RULE && rules::RuleId::parse(rule).is_none() {
        return Err(at(format!(
            "`rule` {rule:?} is not a rule ID of the book (nor \"input\")"
        )));
    }
    if (rule == INPUT_RULE) != (family == "input") {
        return Err(at(
            "cases of rule \"input\" live in input/, and only they do".into(),
        ));
    }
    match (file.get("request"), file.get("request_text")) {
        (Some(_), None) | (None, Some(Value::String(_))) => {}
        _ => {
            return Err(at(
                "give exactly one of `request` (JSON) or `request_text` (a string)".into(),
            ))
        }
    }
    let asserts = ["expect", "findings", "no_findings", "absent"]
        .iter()
        .any(|k| file.contains_key(*k));
    match file.get("error") {
        Some(e) => {
            if asserts {
                return Err(at(
                    "a refusal case has `error` only, no expect/findings/no_findings/absent".into(),
                ));
            }
            if rule != INPUT_RULE {
                return Err(at("a refusal case has `rule`: \"input\"".into()));
            }
            let code = e.get("code").and_then(Value::as_str);
            let path = e.get("path").and_then(Value::as_str);
            if code.is_none() || path.is_none() || e.as_object().is_some_and(|o| o.len() != 2) {
                return Err(at(
                    "`error` is {\"code\": …, \"path\": …} (the message is not asserted)".into(),
                ));
            }
        }
        None if !asserts => {
            return Err(at(
                "the case asserts nothing: add expect, findings, no_findings, absent or error"
                    .into(),
            ))
        }
        None => {}
    }
    if let Some(e) = file.get("expect") {
        if !e.is_object() {
            return Err(at("`expect` is an object (a subset of the answer)".into()));
        }
    }
    if let Some(list) = file.get("absent") {
        let ok = list.as_array().is_some_and(|l| {
            !l.is_empty() && l.iter().all(|p| p.as_str().is_some_and(|p| !p.is_empty()))
        });
        if !ok {
            return Err(at(
                "`absent` is a non-empty array of dotted paths (`late_entry`, `fees.total_usd_without_prior`)".into(),
            ));
        }
    }
    for key in ["findings", "no_findings"] {
        let Some(list) = file.get(key) else { continue };
        let list = list
            .as_array()
            .filter(|l| !l.is_empty())
            .ok_or_else(|| at(format!("`{key}` is a non-empty array of patterns")))?;
        for (i, p) in list.iter().enumerate() {
            let o = p
                .as_object()
                .filter(|o| !o.is_empty())
                .ok_or_else(|| at(format!("{key}[{i}] is a non-empty object")))?;
            if let Some(k) = o.keys().find(|k| !PATTERN_KEYS.contains(&k.as_str())) {
                return Err(at(format!(
                    "{key}[{i}] has unknown key `{k}`: use {PATTERN_KEYS:?}"
                )));
            }
        }
    }
    Ok(Spec {
        name: case.name,
        family,
        file,
    })
}

/// The request text of a spec case: `request_text` verbatim, or `request` as JSON.
fn request_text(file: &Map<String, Value>) -> String {
    match (file.get("request_text"), file.get("request")) {
        (Some(Value::String(s)), _) => s.clone(),
        (_, Some(r)) => r.to_string(),
        _ => String::new(),
    }
}

/// Runs one spec case through [`rules::respond`]; `Err` names what differs.
pub fn check(case: &Case) -> Result<(), String> {
    let spec = parse(case)?;
    check_spec(&spec).map_err(|e| format!("{} ({}): {e}", spec.name, spec.rule()))
}

/// Checks a parsed spec case.
pub fn check_spec(spec: &Spec) -> Result<(), String> {
    let file = &spec.file;
    let text = request_text(file);
    let result = rules::respond(spec.verb(), &text);
    match (file.get("error"), result) {
        (Some(want), Err(got)) => {
            let code = serde_json::to_value(got.code).unwrap_or(Value::Null);
            let got = serde_json::json!({"code": code, "path": got.path});
            subset(want, &got, "error")
        }
        (Some(want), Ok(answer)) => Err(format!(
            "expected the refusal {want} but the request was answered: {}",
            short(&answer)
        )),
        (None, Err(e)) => Err(format!(
            "expected an answer but the request was refused: {}",
            serde_json::to_string(&e).unwrap_or_else(|_| e.to_string())
        )),
        (None, Ok(answer)) => {
            let mut problems = Vec::new();
            // Every answer says which rules decided it (RULES.md, the JSON contract).
            let book = serde_json::json!({
                "version": rules::book::RULE_BOOK_VERSION,
                "digest": rules::book::RULE_BOOK_DIGEST,
            });
            if answer.get("rule_book") != Some(&book) {
                problems.push(format!(
                    "rule_book is {:?}, not this build's {book}",
                    answer.get("rule_book")
                ));
            }
            if let Some(want) = file.get("expect") {
                if let Err(e) = subset(want, &answer, "expect") {
                    problems.push(e);
                }
            }
            let found = findings_in(&answer);
            if let Some(list) = file.get("findings").and_then(Value::as_array) {
                for (i, p) in list.iter().enumerate() {
                    if !found.iter().any(|f| matches(p, f)) {
                        problems.push(format!(
                            "findings[{i}] {p} matched none of the answer's findings: {}",
                            summary(&found)
                        ));
                    }
                }
            }
            if let Some(list) = file.get("no_findings").and_then(Value::as_array) {
                for (i, p) in list.iter().enumerate() {
                    let hits: Vec<&Value> =
                        found.iter().copied().filter(|f| matches(p, f)).collect();
                    if !hits.is_empty() {
                        problems.push(format!("no_findings[{i}] {p} matched: {}", summary(&hits)));
                    }
                }
            }
            for path in file
                .get("absent")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let found = path.split('.').try_fold(&answer, |v, key| v.get(key));
                if let Some(v) = found {
                    problems.push(format!("absent: the answer has {path}: {}", short(v)));
                }
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
    }
}

/// Runs every embedded spec case; returns one line per failure.
pub fn failures() -> Vec<String> {
    crate::SPEC.iter().filter_map(|c| check(c).err()).collect()
}

/// Whether two JSON numbers are the same number (`15000 == 15000.0`).
fn same_number(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return x == y;
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Subset match of `want` in `got`: objects compare only the keys `want` lists
/// (recursively), arrays have the same length and match element-wise, numbers compare as
/// numbers, everything else exactly. `Err` names the path of the first difference.
pub fn subset(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let at = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => subset(wv, gv, &at)?,
                    None => return Err(format!("{at}: expected {wv}, but the answer has no {k}")),
                }
            }
            Ok(())
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                return Err(format!(
                    "{path}: expected {} element(s), got {}: {}",
                    w.len(),
                    g.len(),
                    short(got)
                ));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                subset(wv, gv, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) if same_number(a, b) => Ok(()),
        (w, g) if w == g => Ok(()),
        (w, g) => Err(format!("{path}: expected {w}, got {}", short(g))),
    }
}

/// Every finding in an answer: each element of any array stored under a key named
/// `findings`, at any depth.
pub fn findings_in(answer: &Value) -> Vec<&Value> {
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k == "findings" {
                        if let Value::Array(list) = x {
                            out.extend(list.iter());
                        }
                    }
                    walk(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(answer, &mut out);
    out
}

/// Whether a finding matches a pattern: every key the pattern lists matches (`rule`,
/// `severity`, `project`, `person` by value; `message_contains` as a substring of
/// `message`).
pub fn matches(pattern: &Value, finding: &Value) -> bool {
    let Some(p) = pattern.as_object() else {
        return false;
    };
    p.iter().all(|(k, want)| {
        if k == "message_contains" {
            let needle = want.as_str().unwrap_or("\u{0}");
            return finding
                .get("message")
                .and_then(Value::as_str)
                .is_some_and(|m| m.contains(needle));
        }
        finding
            .get(k.as_str())
            .is_some_and(|got| subset(want, got, k).is_ok())
    })
}

fn summary(found: &[&Value]) -> String {
    let items: Vec<String> = found
        .iter()
        .map(|f| {
            let s = |k: &str| f.get(k).map(|v| v.to_string()).unwrap_or_default();
            let mut t = format!("{}/{}", s("rule"), s("severity")).replace('"', "");
            if f.get("project").is_some() {
                t.push_str(&format!(" project {}", s("project")));
            }
            if f.get("person").is_some() {
                t.push_str(&format!(" person {}", s("person")));
            }
            t
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        let cut: String = s.chars().take(300).collect();
        format!("{cut}…")
    } else {
        s
    }
}
