//! An answer as a tape of words that `tape.js` turns into the JS object `JSON.parse`
//! would have given for the answer's JSON text, without any text in between; and
//! [`read`], for a request `tape.js` wrote as the same words.
//!
//! The answer's own [`Serialize`] impls write it, so the tape has the contract's shapes
//! with the mapping `serde_json` uses (`None` and `()` as `null`, a unit variant as its
//! name, a sequence as an array, a struct or map as an object in field order, a newtype
//! variant as `{"Name": value}`, a tuple or struct variant as `{"Name": [..]}` /
//! `{"Name": {..}}`, a number as the double it reads as, a non-finite float as `null`).
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

use rules::json::walk::Unsupported;
use rules::json::{parse::MAX_DEPTH, Json};

use serde::ser::{self, Serialize};

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
    let mut t = Tape {
        words: Vec::with_capacity(1024),
        ..Tape::default()
    };
    value.serialize(&mut t)?;
    Ok(t)
}

type Done = Result<(), Unsupported>;

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
    fn word(&mut self, w: u32) -> Done {
        self.words.push(w);
        Ok(())
    }

    fn number(&mut self, n: f64) -> Done {
        if !n.is_finite() {
            return self.word(NULL);
        }
        self.numbers.push(n);
        self.word(NUMBER)
    }

    #[inline(never)]
    fn text(&mut self, s: &str) -> Done {
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
        Ok(())
    }

    /// `{"variant":` then an array or object: closed by [`ser::SerializeTupleVariant::end`].
    fn variant(&mut self, variant: &'static str, open: u32) -> Result<&mut Self, Unsupported> {
        self.word(OBJECT)?;
        self.text(variant)?;
        self.word(open)?;
        Ok(self)
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.text(key)?;
        value.serialize(&mut *self)
    }

    fn end(&mut self) -> Done {
        self.word(END)
    }

    fn end_variant(&mut self) -> Done {
        self.words.extend_from_slice(&[END, END]);
        Ok(())
    }
}

impl ser::Serializer for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.word(if v { TRUE } else { FALSE })
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.number(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.number(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.number(v.into())
    }
    // A JS number is a double: an integer beyond 2^53 reads as the nearest one, as
    // `JSON.parse` reads its digits.
    fn serialize_i64(self, v: i64) -> Done {
        self.number(v as f64)
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.number(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.number(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.number(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.number(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.number(v as f64)
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.number(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.number(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.word(ARRAY)?;
        for &b in v {
            self.number(b.into())?;
        }
        self.end()
    }
    fn serialize_none(self) -> Done {
        self.word(NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.word(NULL)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.word(NULL)
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, variant: &'static str) -> Done {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.word(OBJECT)?;
        self.field(variant, value)?;
        self.end()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Unsupported> {
        self.word(ARRAY)?;
        Ok(self)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self, Unsupported> {
        self.word(ARRAY)?;
        Ok(self)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self, Unsupported> {
        self.word(ARRAY)?;
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unsupported> {
        self.variant(variant, ARRAY)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Unsupported> {
        self.word(OBJECT)?;
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Unsupported> {
        self.word(OBJECT)?;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unsupported> {
        self.variant(variant, OBJECT)
    }
}

impl ser::SerializeSeq for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        Tape::end(self)
    }
}

impl ser::SerializeTuple for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        Tape::end(self)
    }
}

impl ser::SerializeTupleStruct for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        Tape::end(self)
    }
}

impl ser::SerializeTupleVariant for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        self.end_variant()
    }
}

impl ser::SerializeMap for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    /// Text keys only, as JSON has.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        let at = self.words.len();
        key.serialize(&mut **self)?;
        match self.words.get(at) {
            Some(&(CONST | TEXT)) if self.words.len() == at + 3 => Ok(()),
            _ => Err(Unsupported),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.item(value)
    }
    fn end(self) -> Done {
        Tape::end(self)
    }
}

impl ser::SerializeStruct for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        Tape::end(self)
    }
}

impl ser::SerializeStructVariant for &mut Tape {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.field(key, value)
    }
    fn end(self) -> Done {
        self.end_variant()
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
