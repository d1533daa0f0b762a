//! An answer as a tape of words that `tape.js` turns into the JS object `JSON.parse`
//! would have given for the answer's JSON text, without any text in between; and
//! [`read`], for a request `tape.js` wrote as the same words.
//!
//! The answer is walked by `rules::json::walk`, the walk that also writes the widget's
//! JSON text, so the tape has the contract's shapes with the mapping `serde_json` uses;
//! the tape is that walk's [`Sink`]: a number as the double it reads as (any finite
//! double: the text's hundredths rule is its printer's, not the tape's), text kept in
//! place or copied (below).
//!
//! Words (`u32`):
//!
//! | word | then | value |
//! |---|---|---|
//! | `NULL`, `TRUE`, `FALSE` | | |
//! | `NUMBER` | | the next of [`Tape::numbers`] |
//! | `CONST` | address, length | UTF-8 text of the program's own data: the same bytes on every call |
//! | `TEXT` | offset, length | UTF-8 text copied into [`Tape::bytes`] |
//! | `ARRAY`, `OBJECT` | the items (an object: key, value, key, value, ..) | |
//! | `END` | | closes the innermost array or object |
//!
//! A key is a `CONST` or `TEXT` word. `CONST` text lies in the module's data segment
//! (field names, variant names, rule-book prose, messages: all `&'static str`), which
//! never changes, so `tape.js` decodes each once and keeps the JS string; any other text
//! (names, dates, messages written at run time, which may be temporaries) is copied.

use rules::json::walk::{walk, Sink, Unsupported};
use rules::json::{parse::MAX_DEPTH, Json};

use serde::Serialize;

pub(crate) const NULL: u32 = 0;
pub(crate) const TRUE: u32 = 1;
pub(crate) const FALSE: u32 = 2;
pub(crate) const NUMBER: u32 = 3;
pub(crate) const CONST: u32 = 4;
pub(crate) const TEXT: u32 = 5;
pub(crate) const ARRAY: u32 = 6;
pub(crate) const OBJECT: u32 = 7;
pub(crate) const END: u32 = 8;

/// An answer written as words, numbers and copied text.
#[derive(Default)]
pub(crate) struct Tape {
    pub(crate) words: Vec<u32>,
    pub(crate) numbers: Vec<f64>,
    pub(crate) bytes: Vec<u8>,
}

/// `value` as a tape.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Unsupported> {
    let t = Tape {
        words: Vec::with_capacity(1024),
        ..Tape::default()
    };
    walk(value, t)
}

/// Where the module's data segment lies: from the linker's `__global_base` to its
/// `__data_end`. The stack and the heap lie outside it (below or above), so a temporary
/// never lies in it, and the text there is the program's constants: the rules never
/// write to a static buffer.
#[cfg(target_arch = "wasm32")]
pub(crate) fn data_segment() -> core::ops::Range<usize> {
    extern "C" {
        static __global_base: u8;
        static __data_end: u8;
    }
    // Only the symbols' addresses are taken, never their bytes.
    core::ptr::addr_of!(__global_base) as usize..core::ptr::addr_of!(__data_end) as usize
}

/// Natively there is no JS side to keep strings: all text is copied.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn data_segment() -> core::ops::Range<usize> {
    0..0
}

/// Whether all of `s` lies in the module's data segment.
fn constant(s: &str) -> bool {
    let data = data_segment();
    let at = s.as_ptr() as usize;
    data.start <= at && at.saturating_add(s.len()) <= data.end
}

impl Tape {
    fn number(&mut self, n: f64) {
        self.numbers.push(n);
        self.words.push(NUMBER);
    }
}

/// The tape as the answer's [`Sink`]: one word (and its operands) per JSON token, every
/// number as the double it reads as.
impl Sink for Tape {
    fn null(&mut self) {
        self.words.push(NULL);
    }

    fn bool(&mut self, v: bool) {
        self.words.push(if v { TRUE } else { FALSE });
    }

    // A JS number is a double: an integer beyond 2^53 reads as the nearest one, as
    // `JSON.parse` reads its digits.
    fn signed(&mut self, v: i64) {
        self.number(v as f64);
    }

    fn unsigned(&mut self, v: u64) {
        self.number(v as f64);
    }

    /// Any finite double: the tape carries it as it is.
    fn float(&mut self, v: f64) -> Result<(), Unsupported> {
        self.number(v);
        Ok(())
    }

    /// A `CONST` word when all of `s` lies in the data segment, else `TEXT` and a copy.
    #[inline(never)]
    fn str(&mut self, s: &str) {
        // Lengths and addresses fit in a word: a wasm32 address is 32 bits, and the
        // `TEXT` buffer stays far below 4 GiB (answers are bounded by the requests').
        let (kind, at) = if constant(s) {
            (CONST, s.as_ptr() as usize as u32)
        } else {
            let at = self.bytes.len() as u32;
            self.bytes.extend_from_slice(s.as_bytes());
            (TEXT, at)
        };
        // By value, not `extend_from_slice`: three stores rather than a `memory.copy`.
        self.words.extend([kind, at, s.len() as u32]);
    }

    fn key(&mut self, key: &str) {
        self.str(key);
    }

    fn element(&mut self) {}

    fn open_array(&mut self) {
        self.words.push(ARRAY);
    }

    fn close_array(&mut self) {
        self.words.push(END);
    }

    fn open_object(&mut self) {
        self.words.push(OBJECT);
    }

    fn close_object(&mut self) {
        self.words.push(END);
    }
}

/// A request `tape.js`'s `encode` wrote (the same words; a string or a number's text as
/// offset and length in `text`) as the rules' JSON tree. `None` for a tape that is not
/// one value (which `encode` never writes).
pub(crate) fn read(words: &[u32], text: &[u8]) -> Option<Json> {
    let mut r = Reader { words, text, at: 0 };
    let v = r.value(0)?;
    (r.at == words.len()).then_some(v)
}

struct Reader<'a> {
    words: &'a [u32],
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u32> {
        let w = *self.words.get(self.at)?;
        self.at += 1;
        Some(w)
    }

    fn string(&mut self) -> Option<String> {
        let from = self.next()? as usize;
        let len = self.next()? as usize;
        let bytes = self.text.get(from..from.checked_add(len)?)?;
        core::str::from_utf8(bytes).ok().map(String::from)
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        // `encode` stops at the rules' depth; a deeper tape is not one of its.
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.next()? {
            NULL => Json::Null,
            TRUE => Json::Bool(true),
            FALSE => Json::Bool(false),
            NUMBER => Json::Number(self.string()?),
            TEXT => Json::String(self.string()?),
            ARRAY => {
                let mut items = Vec::new();
                while self.words.get(self.at) != Some(&END) {
                    items.push(self.value(depth + 1)?);
                }
                self.at += 1;
                Json::Array(items)
            }
            OBJECT => {
                let mut fields = Vec::new();
                while self.words.get(self.at) != Some(&END) {
                    if self.next()? != TEXT {
                        return None;
                    }
                    let key = self.string()?;
                    fields.push((key, self.value(depth + 1)?));
                }
                self.at += 1;
                Json::Object(fields)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::{json, Value};

    use super::*;

    /// The value a tape describes, as `tape.js` decodes it (natively all text is `TEXT`).
    fn decode(t: &Tape) -> Value {
        fn value(t: &Tape, at: &mut usize, number: &mut usize) -> Value {
            let word = |at: &mut usize| {
                *at += 1;
                t.words[*at - 1]
            };
            match word(at) {
                NULL => Value::Null,
                TRUE => Value::Bool(true),
                FALSE => Value::Bool(false),
                NUMBER => {
                    *number += 1;
                    json!(t.numbers[*number - 1])
                }
                TEXT => {
                    let from = word(at) as usize;
                    let len = word(at) as usize;
                    Value::String(String::from_utf8(t.bytes[from..from + len].to_vec()).unwrap())
                }
                ARRAY => {
                    let mut items = Vec::new();
                    while t.words[*at] != END {
                        items.push(value(t, at, number));
                    }
                    *at += 1;
                    Value::Array(items)
                }
                OBJECT => {
                    let mut fields = serde_json::Map::new();
                    while t.words[*at] != END {
                        let Value::String(key) = value(t, at, number) else {
                            panic!("a key that is not text");
                        };
                        fields.insert(key, value(t, at, number));
                    }
                    *at += 1;
                    Value::Object(fields)
                }
                w => panic!("word {w}"),
            }
        }
        let (mut at, mut number) = (0, 0);
        let v = value(t, &mut at, &mut number);
        assert_eq!((at, number), (t.words.len(), t.numbers.len()), "one value");
        v
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Newtype(u16);

    #[derive(Serialize)]
    enum Variant {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { a: bool, b: Option<u32> },
    }

    #[derive(Serialize)]
    struct Inner {
        inner: f64,
    }

    #[derive(Serialize)]
    struct Every {
        text: String,
        unit: (),
        unit_struct: UnitStruct,
        none: Option<u8>,
        some: Option<i16>,
        bools: (bool, bool),
        ints: (i8, i16, i32, i64, i128),
        uints: (u8, u16, u32, u64, u128),
        floats: Vec<f64>,
        character: char,
        newtype: Newtype,
        variants: Vec<Variant>,
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        map: BTreeMap<String, Vec<u32>>,
        #[serde(flatten)]
        flat: Inner,
    }

    /// Every case of serde's data model gives the tape of the JS value `JSON.parse` gives
    /// for serde_json's text (numbers as the doubles they read as).
    #[test]
    fn the_tape_holds_what_serde_json_writes() {
        let every = Every {
            text: "quote \" é — 𝄞 \u{0}".to_string(),
            unit: (),
            unit_struct: UnitStruct,
            none: None,
            some: Some(-12),
            bools: (true, false),
            ints: (i8::MIN, -1, 0, i64::MIN, i128::from(i64::MAX)),
            uints: (0, 1, u32::MAX, u64::MAX, u128::from(u64::MAX)),
            floats: vec![0.0, 7.25, -3.05, 123456789.99, f64::NAN],
            character: 'c',
            newtype: Newtype(65535),
            variants: vec![
                Variant::Unit,
                Variant::Newtype(7),
                Variant::Tuple(-3, "x"),
                Variant::Struct { a: true, b: None },
            ],
            empty: vec![],
            empty_map: BTreeMap::new(),
            map: BTreeMap::from([("b".to_string(), vec![1, 2]), ("a".to_string(), vec![])]),
            flat: Inner { inner: 0.01 },
        };
        // serde_json's value of the text, with every number read as a double, as JS does.
        fn doubles(v: Value) -> Value {
            match v {
                Value::Number(n) => json!(n.as_f64().unwrap()),
                Value::Array(items) => Value::Array(items.into_iter().map(doubles).collect()),
                Value::Object(fields) => {
                    Value::Object(fields.into_iter().map(|(k, v)| (k, doubles(v))).collect())
                }
                v => v,
            }
        }
        let expected = doubles(serde_json::to_value(&every).unwrap());
        let tape = write(&every).unwrap();
        assert_eq!(decode(&tape), expected);
        assert!(
            tape.bytes.starts_with(b"textquote"),
            "all text copied natively"
        );
        // The integers beyond 2^53 are the doubles `JSON.parse` reads their digits as.
        let big = write(&(i64::MIN, u64::MAX, -1i64)).unwrap();
        assert_eq!(big.numbers, [i64::MIN as f64, u64::MAX as f64, -1.0]);
    }

    #[test]
    fn the_tape_refuses_what_the_walk_refuses() {
        assert!(write(&0.5f32).is_err());
        assert_eq!(
            write(&[1.0f64 / 3.0]).map(|t| t.numbers).ok(),
            Some(vec![1.0 / 3.0])
        );
        assert!(write(&(u128::from(u64::MAX) + 1)).is_err());
        assert!(write(&BTreeMap::from([(1, 2)])).is_err());
    }
}
