//! A strict JSON reader (RFC 8259) that keeps what a request says as written: numbers
//! as their literal text (so `2.9999999999999999` is not read as 3) and every key of
//! an object in order, refusing a key given twice (RULES.md "Input rules").
//!
//! It is small on purpose: no `serde_json::Value`, no float parsing. Nesting deeper
//! than [`MAX_DEPTH`] is refused, so hostile input cannot exhaust the stack.

use alloc::collections::BTreeSet;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{quote, ErrorCode, InputError};
use crate::path;

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;

/// A JSON value as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its literal text (`2.50`, `-1e3`).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its keys in order, each once.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value it is, for messages ("a string").
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value of `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Reads one JSON value from `text`; errors say where (line and column), and a key
/// given twice is `duplicate_field` at its path.
pub fn parse(text: &str) -> Result<Json, InputError> {
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        i: 0,
        duplicate: None,
    };
    p.ws();
    let v = p.value(&At::Root, 0)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.malformed("more text after the JSON value"));
    }
    // Text that is not JSON says so first; only JSON is judged for keys given twice.
    match p.duplicate {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

/// Where a value stands, built into a path only when an error needs it (building it for
/// every value would cost more than the parsing).
#[derive(Clone, Copy)]
enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

impl At<'_> {
    fn path(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Key(parent, key) => path::key(&parent.path(), key),
            At::Index(parent, i) => path::index(&parent.path(), *i),
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    /// The first key given twice, reported once the whole text has been read.
    duplicate: Option<InputError>,
}

impl Parser<'_> {
    fn malformed(&self, what: &str) -> InputError {
        let before = self.text.get(..self.i).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        InputError::new(
            ErrorCode::MalformedJson,
            "",
            format!(
                "the request is not valid JSON ({what} at line {line} column {column}): send one JSON object"
            ),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, InputError> {
        if self.b.get(self.i..self.i + word.len()) == Some(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.malformed("expected a value"))
        }
    }

    fn value(&mut self, at: &At<'_>, depth: usize) -> Result<Json, InputError> {
        match self.peek() {
            None => Err(self.malformed("the text ends where a value should be")),
            Some(b'{') => self.object(at, depth + 1),
            Some(b'[') => self.array(at, depth + 1),
            Some(b'"') => Ok(Json::String(self.string()?)),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.malformed("expected a value")),
        }
    }

    fn deep(&self, depth: usize) -> Result<(), InputError> {
        if depth > MAX_DEPTH {
            Err(self.malformed(&format!("nested deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(())
        }
    }

    fn object(&mut self, at: &At<'_>, depth: usize) -> Result<Json, InputError> {
        self.deep(depth)?;
        self.i += 1;
        let mut fields: Vec<(String, Json)> = Vec::new();
        // Objects of the contract have a handful of keys: look among them directly; only
        // a large (hostile) object gets a set, so it cannot cost quadratic time.
        const SMALL: usize = 32;
        let mut keys: BTreeSet<String> = BTreeSet::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.malformed("expected a key in double quotes"));
            }
            let key = self.string()?;
            let repeated = if fields.len() < SMALL {
                fields.iter().any(|(k, _)| *k == key)
            } else {
                if keys.is_empty() {
                    keys.extend(fields.iter().map(|(k, _)| k.clone()));
                }
                !keys.insert(key.clone())
            };
            if repeated && self.duplicate.is_none() {
                self.duplicate = Some(InputError::new(
                    ErrorCode::DuplicateField,
                    At::Key(at, &key).path(),
                    format!(
                        "{} is given twice in the same object: give each field once",
                        quote(&key)
                    ),
                ));
            }
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.malformed("expected ':' after the key"));
            }
            self.i += 1;
            self.ws();
            let v = self.value(&At::Key(at, &key), depth)?;
            if !repeated {
                fields.push((key, v));
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.malformed("expected ',' or '}'")),
            }
        }
    }

    fn array(&mut self, at: &At<'_>, depth: usize) -> Result<Json, InputError> {
        self.deep(depth)?;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            let v = self.value(&At::Index(at, items.len()), depth)?;
            items.push(v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.malformed("expected ',' or ']'")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, InputError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.malformed("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.malformed("expected a digit after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.malformed("expected a digit in the exponent"));
            }
        }
        let text = self.text.get(start..self.i).unwrap_or("");
        Ok(Json::Number(String::from(text)))
    }

    fn hex4(&mut self) -> Result<u32, InputError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| char::from(c).to_digit(16))
                .ok_or_else(|| self.malformed("expected four hex digits after \\u"))?;
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, InputError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once (the text is valid UTF-8, and
            // the run stops only at ASCII bytes, so it splits on char boundaries).
            let start = self.i;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            out.push_str(self.text.get(start..self.i).unwrap_or(""));
            match self.peek() {
                None => return Err(self.malformed("the text ends inside a string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self
                        .peek()
                        .ok_or_else(|| self.malformed("the text ends inside a string"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(self.malformed("a lone surrogate in \\u escapes"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.malformed("a lone surrogate in \\u escapes"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            let ch = char::from_u32(code)
                                .ok_or_else(|| self.malformed("a lone surrogate in \\u escapes"))?;
                            out.push(ch);
                        }
                        _ => return Err(self.malformed("an unknown escape in a string")),
                    }
                }
                Some(_) => {
                    return Err(self.malformed("a control character inside a string"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn ok(s: &str) -> Json {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn reads_values_as_written() {
        assert_eq!(
            ok(" 2.9999999999999999 "),
            Json::Number("2.9999999999999999".into())
        );
        assert_eq!(
            ok(r#"{"a": [1, true, null, "x\u00e9\ud83d\ude00\n"]}"#),
            Json::Object(vec![(
                "a".to_string(),
                Json::Array(vec![
                    Json::Number("1".into()),
                    Json::Bool(true),
                    Json::Null,
                    Json::String("xé😀\n".into()),
                ])
            )])
        );
        assert_eq!(ok("{}"), Json::Object(vec![]));
        assert_eq!(ok("[]"), Json::Array(vec![]));
        assert_eq!(ok("-0.5e+3"), Json::Number("-0.5e+3".into()));
    }

    #[test]
    fn refuses_a_key_given_twice_at_its_path() {
        let e = parse(r#"{"projects": 1, "projects": 100}"#).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::DuplicateField, "projects")
        );
        let e = parse(r#"{"team": {"people": [{"name": "a", "name": "b"}]}}"#).unwrap_err();
        assert_eq!(e.path, "team.people[0].name");
        // Past the first keys, a large object is checked by a set: the same answer.
        let mut big = String::from("{");
        for i in 0..40 {
            big.push_str(&alloc::format!("\"k{i}\": {i}, "));
        }
        big.push_str("\"k5\": 0, \"k39\": 1}");
        let e = parse(&big).unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::DuplicateField, "k5"));
        // Text that is not JSON is malformed first, wherever a key repeats.
        let e = parse(r#"{"a": 1, "a": 2, "b": }"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::MalformedJson);
    }

    #[test]
    fn refuses_what_is_not_json() {
        for s in [
            "",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "tru",
            "nul",
            "\"a",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\u{1}\"",
            "{a:1}",
            "[1 2]",
            "1 2",
            "NaN",
            "Infinity",
            "'a'",
        ] {
            let e = parse(s).unwrap_err();
            assert_eq!(e.code, ErrorCode::MalformedJson, "{s:?}");
            assert_eq!(e.path, "", "{s:?}");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().code, ErrorCode::MalformedJson);
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn says_where() {
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert!(e.message.contains("line 2 column 8"), "{}", e.message);
    }
}
