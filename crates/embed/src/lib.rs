//! The JavaScript API: the rules' JSON contract as an ES module for browsers.
//!
//! Each export takes the contract's request as a plain JS object and returns the answer
//! as a plain JS object with the same fields as the `impower` command line. Bad input
//! throws an `Error` whose `code`, `message` and `path` are the contract's error.
//!
//! A request is read straight from the JS object into the rules' JSON tree (no
//! `JSON.stringify`, no text parsing in WebAssembly), with the same checks and the same
//! paths as [`rules::respond`]; the answer crosses back as a tape of words ([`tape`])
//! that `tape.js` turns into the object `JSON.parse` would give for the answer's text.
//! So the module needs no UI code and no per-type bindings, and it answers exactly what
//! the command line answers.
#![deny(missing_docs)]

use js_sys::{Array, Object, Reflect};
use rules::json::{parse::MAX_DEPTH, Json};
use rules::{ErrorCode, InputError};
use wasm_bindgen::prelude::*;

mod tape;

/// The allocator of the WebAssembly build: talc, which is smaller and faster there than
/// the default dlmalloc (the app pays for every kilobyte on a phone).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The version of the JSON contract this module serves. It changes only when a field's
/// name or meaning changes; fields may be added within a version.
pub const CONTRACT_VERSION: u32 = 1;

/// The `Error` an `InputError` is thrown as: its `code`, `message` and `path`.
fn throw(e: &InputError) -> JsValue {
    failure(&e.message, e.code.key(), &e.path)
}

fn not_plain(why: &str) -> InputError {
    InputError::new(
        ErrorCode::WrongType,
        "",
        format!("the request {why}: pass a plain object of JSON values"),
    )
}

/// Reads a JS value as JSON would carry it: `undefined`, functions and symbols are left
/// out of objects and become `null` in arrays (as `JSON.stringify` does), non-finite
/// numbers are `null`, a `toJSON` method is honoured; a BigInt, or nesting deeper than
/// the rules read (a value that contains itself), is refused. One call to `tape.js`'s
/// `kind` says what a value is.
fn to_json(v: &JsValue, depth: usize) -> Result<Option<Json>, InputError> {
    let k = kind(v);
    Ok(Some(match k {
        kind::LEFT_OUT => return Ok(None),
        kind::NULL => Json::Null,
        kind::FALSE => Json::Bool(false),
        kind::TRUE => Json::Bool(true),
        // JavaScript's own shortest text for the number (`2.5`, `1e+30`).
        kind::NUMBER => Json::Number(number_text(v)),
        kind::STRING => Json::String(v.as_string().unwrap_or_default()),
        kind::BIGINT => return Err(not_plain("holds a BigInt, which JSON cannot carry")),
        kind::HAS_TO_JSON | kind::ARRAY | kind::OBJECT if depth >= MAX_DEPTH => {
            return Err(not_plain("nests too deeply or contains itself"))
        }
        kind::HAS_TO_JSON => {
            let inner =
                call_to_json(v).map_err(|_| not_plain("has a toJSON method that failed"))?;
            return to_json(&inner, depth + 1);
        }
        kind::ARRAY => {
            let items = Array::from(v);
            let mut out = Vec::with_capacity(items.length() as usize);
            for item in items.iter() {
                out.push(to_json(&item, depth + 1)?.unwrap_or(Json::Null));
            }
            Json::Array(out)
        }
        kind::OBJECT => {
            let object = v.unchecked_ref::<Object>();
            let mut fields = Vec::new();
            for key in Object::keys(object).iter() {
                let Some(name) = key.as_string() else {
                    continue;
                };
                let value = Reflect::get(object, &key)
                    .map_err(|_| not_plain("has a field that cannot be read"))?;
                if let Some(j) = to_json(&value, depth + 1)? {
                    fields.push((name, j));
                }
            }
            Json::Object(fields)
        }
        // 10: an object whose `toJSON` cannot be read.
        _ => return Err(not_plain("has a field that cannot be read")),
    }))
}

/// Answers `verb` for a request given as a JS value.
pub fn call(verb: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let verb = rules::json::check_verb(verb).map_err(|e| throw(&e))?;
    let json = to_json(request, 0)
        .and_then(|j| j.ok_or_else(|| not_plain("is undefined")))
        .map_err(|e| throw(&e))?;
    let answer = rules::json::answer_value(verb, &json).map_err(|e| throw(&e))?;
    to_js(&answer)
}

/// `value` as the JS object `JSON.parse` would give for its JSON text.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let t = tape::write(value).map_err(|e| {
        throw(&InputError::new(
            ErrorCode::OutOfRange,
            "",
            format!("the answer could not be written: {e}"),
        ))
    })?;
    // Addresses and lengths fit in a word in wasm32. The tape's buffers live until
    // `decode` returns.
    let data = tape::data_segment();
    Ok(decode(
        &wasm_bindgen::memory(),
        t.words.as_ptr() as usize as u32,
        t.words.len() as u32,
        t.numbers.as_ptr() as usize as u32,
        t.bytes.as_ptr() as usize as u32,
        data.start as u32,
        data.len() as u32,
    ))
}

/// What a request value is, as `JSON.stringify` sees it: `tape.js`'s `kind`.
mod kind {
    pub const LEFT_OUT: u32 = 0;
    pub const NULL: u32 = 1;
    pub const FALSE: u32 = 2;
    pub const TRUE: u32 = 3;
    pub const NUMBER: u32 = 4;
    pub const STRING: u32 = 5;
    pub const BIGINT: u32 = 6;
    pub const HAS_TO_JSON: u32 = 7;
    pub const ARRAY: u32 = 8;
    pub const OBJECT: u32 = 9;
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    fn kind(v: &JsValue) -> u32;
    fn failure(message: &str, code: &str, path: &str) -> JsValue;
    #[wasm_bindgen(js_name = numberText)]
    fn number_text(v: &JsValue) -> String;
    #[wasm_bindgen(catch, js_name = callToJSON)]
    fn call_to_json(v: &JsValue) -> Result<JsValue, JsValue>;
    /// The answer a tape describes, as a JS object (see [`tape`]).
    #[allow(clippy::too_many_arguments)]
    fn decode(
        memory: &JsValue,
        words: u32,
        count: u32,
        numbers: u32,
        copied: u32,
        data_base: u32,
        data_size: u32,
    ) -> JsValue;
}

/// Fees per project, every third discounted (F1–F4): `{projects, prior_projects}`.
#[wasm_bindgen]
pub fn fees(request: JsValue) -> Result<JsValue, JsValue> {
    call("fees", &request)
}

/// The next cohorts and their calendar (P1–P6): `{date, count}`.
#[wasm_bindgen]
pub fn schedule(request: JsValue) -> Result<JsValue, JsValue> {
    call("schedule", &request)
}

/// The three commitments and seven success factors (C1–C3, S1–S7).
#[wasm_bindgen]
pub fn readiness(request: JsValue) -> Result<JsValue, JsValue> {
    call("readiness", &request)
}

/// Roles, counts and weekly hours per person (T1–T8).
#[wasm_bindgen]
pub fn team(request: JsValue) -> Result<JsValue, JsValue> {
    call("team", &request)
}

/// Continuing-education credit, claimability and deadline (CR1–CR9).
#[wasm_bindgen]
pub fn credits(request: JsValue) -> Result<JsValue, JsValue> {
    call("credits", &request)
}

/// Any of the above in one request, keyed by verb.
#[wasm_bindgen]
pub fn assess(request: JsValue) -> Result<JsValue, JsValue> {
    call("assess", &request)
}

/// `{contract, package}`: the contract version and this build's package version.
#[wasm_bindgen]
pub fn version() -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Version {
        contract: u32,
        package: &'static str,
    }
    to_js(&Version {
        contract: CONTRACT_VERSION,
        package: env!("CARGO_PKG_VERSION"),
    })
}
