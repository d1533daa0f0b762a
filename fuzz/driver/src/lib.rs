//! Fuzzing the ImPower JSON contract.
//!
//! One set of invariants ([`check`]) and one set of input generators ([`Rng`],
//! [`mutate`], [`arbitrary_bytes`]), shared by the libFuzzer targets in `fuzz/` (nightly
//! or `RUSTC_BOOTSTRAP=1`, through `cargo fuzz`) and by the stable, bounded driver
//! (`cargo run --release -p impower-fuzz`) that CI runs.
//!
//! The invariants, checked on every input, for every verb:
//! - [`rules::respond`] does not panic;
//! - a refusal has a non-empty message, and its `path` is either `""` (a whole-input
//!   error: malformed JSON, a request that is not an object, its size) or names a field
//!   that is present in the request (`team.people[2].hours_per_week`: keys joined by
//!   `.`, indexes as `[i]`); for `missing_field` the path's parent is present and is an
//!   object without that key;
//! - an answer serializes to JSON text that reads back as the same value, and was given
//!   for a request that is JSON.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rules::json::{MAX_INPUT_BYTES, VERBS};
use rules::ErrorCode;
use serde_json::{Map, Value};

pub mod contract;
pub mod mutate;

pub use mutate::{arbitrary_bytes, mutate, mutate_input, Rng};

/// How an input was answered, when every invariant held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// An answer.
    Answered,
    /// A refusal with an error.
    Refused,
}

/// An invariant that did not hold, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation(pub String);

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

thread_local! {
    /// The input being checked on this thread, for a panic hook to save.
    static CURRENT: RefCell<(String, Vec<u8>)> = const { RefCell::new((String::new(), Vec::new())) };
}

/// The verb and the bytes being checked on this thread right now (empty when none):
/// a panic hook reads it to save the input that panicked.
pub fn current_input() -> (String, Vec<u8>) {
    CURRENT.with(|c| c.borrow().clone())
}

/// Checks every invariant for one input. Bytes that are not UTF-8 are read lossily
/// (U+FFFD), as a transport that must hand the rules a `&str` would.
pub fn check(verb: &str, bytes: &[u8]) -> Result<Outcome, Violation> {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.0.clear();
        c.0.push_str(verb);
        c.1.clear();
        c.1.extend_from_slice(bytes);
    });
    let text = String::from_utf8_lossy(bytes);
    let outcome = check_text(verb, &text);
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        c.0.clear();
        c.1.clear();
    });
    outcome
}

/// [`check`] for text.
pub fn check_text(verb: &str, text: &str) -> Result<Outcome, Violation> {
    match rules::respond(verb, text) {
        Ok(answer) => {
            let written = serde_json::to_string(&answer)
                .map_err(|e| Violation(format!("the answer does not serialize: {e}")))?;
            let back: Value = serde_json::from_str(&written).map_err(|e| {
                Violation(format!(
                    "the answer's JSON does not read back: {e}: {written}"
                ))
            })?;
            if back != answer {
                return Err(Violation(format!(
                    "the answer's JSON reads back differently: {written}"
                )));
            }
            if rules::json::parse(text).is_err() {
                return Err(Violation(
                    "an answer was given for a request that is not JSON".to_string(),
                ));
            }
            Ok(Outcome::Answered)
        }
        Err(e) => {
            if e.message.trim().is_empty() {
                return Err(Violation(format!(
                    "a refusal without a message: code {:?}, path {:?}",
                    e.code, e.path
                )));
            }
            if e.message.starts_with("the answer could not be written") {
                return Err(Violation(format!(
                    "the answer could not be serialized: {}",
                    e.message
                )));
            }
            if e.path.is_empty() {
                return Ok(Outcome::Refused);
            }
            if e.code == ErrorCode::DuplicateField {
                // JSON but for the repeated key. The rules keep its first value and name
                // the first repetition in the text, which may lie inside that first value
                // (`{"app": {"a": 1, "a": 2}, "app": {}}` names `app.a`): the path must
                // name a field of the reading that keeps the first value of each key.
                // Where serde_json cannot read it (a number past f64), the rules' reader
                // must find JSON once the repeated key is renamed.
                return match serde_json::from_str::<FirstKept>(text) {
                    Ok(FirstKept(request)) if !locate(&request, &e.path).is_empty() => {
                        Ok(Outcome::Refused)
                    }
                    Ok(_) => Err(Violation(format!(
                        "duplicate_field at {:?} names no field of the request",
                        e.path
                    ))),
                    Err(_) => Ok(Outcome::Refused),
                };
            }
            // The rules' own reader (serde_json refuses numbers past f64, which JSON allows).
            let request = to_value(&rules::json::parse(text).map_err(|_| {
                Violation(format!(
                    "path {:?} ({:?}: {}) for a request that is not JSON",
                    e.path, e.code, e.message
                ))
            })?);
            let named = if e.code == ErrorCode::MissingField {
                names_missing_field(&request, &e.path)
            } else {
                !locate(&request, &e.path).is_empty()
            };
            if named {
                Ok(Outcome::Refused)
            } else {
                Err(Violation(format!(
                    "path {:?} names no field of the request ({:?}: {})",
                    e.path, e.code, e.message
                )))
            }
        }
    }
}

/// A parsed request as a `serde_json::Value` for locating paths: numbers are kept as
/// 0 (only their place matters here), keys in order.
fn to_value(j: &rules::json::Json) -> Value {
    use rules::json::Json;
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(_) => Value::from(0),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_value(v)))
                .collect(),
        ),
    }
}

/// JSON read as the rules read it where a key is repeated: the first value kept
/// (serde_json's own `Value` keeps the last).
struct FirstKept(Value);

impl<'de> serde::Deserialize<'de> for FirstKept {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FirstKeptVisitor).map(FirstKept)
    }
}

struct FirstKeptVisitor;

impl<'de> serde::de::Visitor<'de> for FirstKeptVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(FirstKept(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some((key, FirstKept(v))) = map.next_entry::<String, FirstKept>()? {
            out.entry(key).or_insert(v);
        }
        Ok(Value::Object(out))
    }
}

/// Every value the path can name in `root`. Keys are joined by `.` and indexes written
/// `[i]`; since a key may itself hold `.` or `[`, every reading is tried.
pub fn locate<'a>(root: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut found = Vec::new();
    match root {
        // A key that is not a plain name is written `["key"]`, at the root too.
        Value::Object(_) if path.starts_with("[\"") => after_value(root, path, &mut found),
        Value::Object(map) => keys_from(map, path, &mut found),
        // A request that is an array: its paths start with an index (`[1].key`).
        Value::Array(_) if path.starts_with('[') => after_value(root, path, &mut found),
        _ => {}
    }
    found
}

/// `rest` starts with a key of `map`.
fn keys_from<'a>(map: &'a Map<String, Value>, rest: &str, found: &mut Vec<&'a Value>) {
    for (key, value) in map {
        if let Some(after) = rest.strip_prefix(key.as_str()) {
            after_value(value, after, found);
        }
    }
}

/// `rest` follows the path of `value`.
fn after_value<'a>(value: &'a Value, rest: &str, found: &mut Vec<&'a Value>) {
    if rest.is_empty() {
        found.push(value);
        return;
    }
    match value {
        Value::Array(items) => {
            if let Some((index, after)) = index_prefix(rest) {
                if let Some(item) = items.get(index) {
                    after_value(item, after, found);
                }
            }
        }
        Value::Object(map) => {
            if let Some(after) = rest.strip_prefix('.') {
                keys_from(map, after, found);
            }
            // `["key"]`: a key that is not a plain name, as a JSON string.
            if let Some((key, after)) = bracketed_key(rest) {
                if let Some(value) = map.get(&key) {
                    after_value(value, after, found);
                }
            }
            // `join` writes a key that begins with `[` without a dot.
            if rest.starts_with('[') {
                keys_from(map, rest, found);
            }
        }
        _ => {}
    }
}

/// `["k\"ey"]rest` → (`k"ey`, rest).
fn bracketed_key(rest: &str) -> Option<(String, &str)> {
    let inner = rest.strip_prefix('[')?;
    if !inner.starts_with('"') {
        return None;
    }
    // The JSON string ends at the first `"` not escaped by a backslash.
    let mut escaped = false;
    for (i, c) in inner.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                let key = serde_json::from_str(&inner[..=i]).ok()?;
                return Some((key, inner[i + 1..].strip_prefix(']')?));
            }
            _ => escaped = false,
        }
    }
    None
}

/// `[12]rest` → (12, rest).
fn index_prefix(rest: &str) -> Option<(usize, &str)> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    let digits = &inner[..close];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, &inner[close + 1..]))
}

/// A `missing_field` path: its last key (a field name of the contract, so without `.`
/// or `[`) is absent from an object that the rest of the path names in the request.
fn names_missing_field(root: &Value, path: &str) -> bool {
    let absent_in =
        |parent: &Value, key: &str| parent.as_object().is_some_and(|map| !map.contains_key(key));
    let (parent, key) = match path.rfind('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    if key.is_empty() || key.contains('[') {
        return false;
    }
    if parent.is_empty() {
        return absent_in(root, key);
    }
    locate(root, parent).into_iter().any(|p| absent_in(p, key))
}

/// A stable file name for an input: the verb and a 64-bit FNV-1a hash of the bytes.
pub fn input_name(verb: &str, bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{verb}-{hash:016x}")
}

/// Saves an input that broke an invariant under `dir` (created if needed) and returns
/// the file's path.
pub fn save_crash(dir: &Path, verb: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(input_name(verb, bytes));
    std::fs::write(&path, bytes)?;
    Ok(path)
}

/// Seed requests, per verb: parsed values (for JSON-aware mutations) and raw texts.
#[derive(Clone, Debug, Default)]
pub struct Seeds {
    /// `(verb, request)` pairs.
    pub values: Vec<(String, Value)>,
    /// `(verb, text)` pairs, including those that are not JSON.
    pub texts: Vec<(String, Vec<u8>)>,
}

impl Seeds {
    /// The parsed seeds of `verb`.
    pub fn values_of(&self, verb: &str) -> Vec<&Value> {
        self.values
            .iter()
            .filter(|(v, _)| v == verb)
            .map(|(_, r)| r)
            .collect()
    }

    /// The raw seeds of `verb`.
    pub fn texts_of(&self, verb: &str) -> Vec<&[u8]> {
        self.texts
            .iter()
            .filter(|(v, _)| v == verb)
            .map(|(_, t)| t.as_slice())
            .collect()
    }

    fn add_text(&mut self, verb: &str, bytes: Vec<u8>) {
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
            self.values.push((verb.to_string(), value));
        }
        self.texts.push((verb.to_string(), bytes));
    }

    /// Reads the case corpus (`tests/cases/**/*.json`: `verb` with `request` or
    /// `request_text`) and the fuzz corpus (`tests/fuzz-corpus/<verb>/*`, raw inputs)
    /// under the repository root. Files it cannot read are skipped and counted.
    pub fn load(root: &Path) -> (Seeds, usize) {
        let mut seeds = Seeds::default();
        let mut skipped = 0;
        let mut files = Vec::new();
        walk(&root.join("tests").join("cases"), &mut files);
        files.sort();
        for file in files {
            let case = std::fs::read(&file)
                .ok()
                .and_then(|b| serde_json::from_slice::<Value>(&b).ok());
            let Some(case) = case else {
                skipped += 1;
                continue;
            };
            let Some(verb) = case.get("verb").and_then(Value::as_str) else {
                skipped += 1;
                continue;
            };
            if let Some(request) = case.get("request") {
                seeds
                    .texts
                    .push((verb.to_string(), request.to_string().into_bytes()));
                seeds.values.push((verb.to_string(), request.clone()));
            } else if let Some(text) = case.get("request_text").and_then(Value::as_str) {
                seeds.add_text(verb, text.as_bytes().to_vec());
            } else {
                skipped += 1;
            }
        }
        for verb in VERBS {
            for (_, bytes) in corpus_files(root, verb) {
                seeds.add_text(verb, bytes);
            }
        }
        (seeds, skipped)
    }
}

/// The fuzz corpus folder: `tests/fuzz-corpus`.
pub fn corpus_dir(root: &Path) -> PathBuf {
    root.join("tests").join("fuzz-corpus")
}

/// The raw inputs kept for `verb` in the fuzz corpus, with their paths, sorted.
pub fn corpus_files(root: &Path, verb: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    walk(&corpus_dir(root).join(verb), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|f| std::fs::read(&f).ok().map(|b| (f, b)))
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

/// A short, printable view of an input for a report.
pub fn preview(bytes: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            let _ = write!(out, "… ({} bytes)", bytes.len());
            break;
        }
        out.extend(c.escape_debug());
    }
    out
}

/// An input one byte over the size limit, which must be refused with path "".
pub fn oversized() -> Vec<u8> {
    let mut bytes = br#"{"projects": 1}"#.to_vec();
    bytes.resize(MAX_INPUT_BYTES + 1, b' ');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Value {
        serde_json::json!({
            "team": {"people": [{"name": "A", "roles": [{"role": "x"}]}, {"a.b": {"[c": 1}}]},
            "x.y": [1, [2, 3]],
        })
    }

    #[test]
    fn paths_are_located_in_the_request() {
        let r = request();
        for path in [
            "team",
            "team.people",
            "team.people[0].roles[0].role",
            "team.people[1].a.b[c",
            "x.y[1][0]",
        ] {
            assert_eq!(locate(&r, path).len(), 1, "{path}");
        }
        for path in [
            "people",
            "team.people[2]",
            "team.people[0].roles[1]",
            "team.people[0]name",
            "team.people.0",
            "x.y[1][2]",
            "x.y[-1]",
            "team.",
        ] {
            assert!(locate(&r, path).is_empty(), "{path}");
        }
    }

    #[test]
    fn a_missing_field_names_its_parent() {
        let r = request();
        assert!(names_missing_field(&r, "fees"));
        assert!(names_missing_field(&r, "team.projects"));
        assert!(names_missing_field(&r, "team.people[0].roles[0].project"));
        assert!(!names_missing_field(&r, "team.people[0].name"));
        assert!(!names_missing_field(&r, "team.people[5].name"));
        assert!(!names_missing_field(&r, "x.y[0].z"));
    }

    #[test]
    fn the_invariants_hold_for_plain_answers_and_refusals() {
        assert_eq!(check("fees", br#"{"projects": 3}"#), Ok(Outcome::Answered));
        assert_eq!(check("fees", br#"{"projects": -1}"#), Ok(Outcome::Refused));
        assert_eq!(check("fees", b"{"), Ok(Outcome::Refused));
        assert_eq!(check("fees", b"\xff"), Ok(Outcome::Refused));
        assert_eq!(check("fees", b"{}"), Ok(Outcome::Refused));
        assert_eq!(check("fees", &oversized()), Ok(Outcome::Refused));
        assert_eq!(check("nope", b"{}"), Ok(Outcome::Refused));
    }
}
