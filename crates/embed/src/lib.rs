//! The JavaScript API: the rules' JSON contract as an ES module for browsers.
//!
//! Each export takes the contract's request as a plain JS object and returns the answer
//! as a plain JS object with the same fields as the `impower` command line. Bad input
//! throws an `Error` whose `code`, `message` and `path` are the contract's error.
//!
//! A request is walked once by `tape.js`, as `JSON.stringify` reads a value, into a tape
//! of words that `tape::read` makes the rules' JSON tree (no JSON text, no parsing in
//! WebAssembly), with the same checks and the same paths as [`rules::respond`]; the
//! answer crosses back as a tape too (`tape.rs`), which `tape.js` turns into the object
//! `JSON.parse` would give for the answer's text.
//! So the module needs no UI code and no per-type bindings, and it answers exactly what
//! the command line answers.
#![deny(missing_docs)]

use rules::json::walk::Unsupported;
use rules::json::{parse::MAX_DEPTH, Json, Verb, MAX_INPUT_BYTES};
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
    // Its fields cross as a tape too, so that no text crosses as text. An `InputError` is
    // text and a closed set: its tape is never refused.
    failure(js(e).unwrap_or(JsValue::UNDEFINED))
}

/// The request as JSON would carry it, walked by `tape.js`'s `encode` in one call (as
/// `JSON.stringify` reads a value: a `toJSON` method is called, boxed primitives are
/// their values, non-finite numbers are `null`) and read from its tape; or the `Error`
/// `encode` made where it met what it refuses (`undefined`, a function, a symbol, a
/// BigInt, a lone surrogate, nesting deeper than the rules read or a value that
/// contains itself, a failing `toJSON` or getter, more than [`MAX_INPUT_BYTES`] of JSON
/// text, a call made from inside it), named by its path as the rules name fields.
fn request_json(request: &JsValue) -> Result<Json, JsValue> {
    // Both are small constants (64, 1 MiB).
    let count = encode(request, MAX_DEPTH as i32, MAX_INPUT_BYTES as i32);
    let Ok(count) = usize::try_from(count) else {
        return Err(refused());
    };
    let mut words = vec![0u32; count];
    let mut text = vec![0u8; encoded_text() as usize];
    take(
        &wasm_bindgen::memory(),
        words.as_mut_ptr() as usize as u32,
        text.as_mut_ptr() as usize as u32,
    );
    tape::read(&words, &text).ok_or_else(|| {
        throw(&InputError::new(
            ErrorCode::WrongType,
            "",
            "the request could not be read: pass a plain object of JSON values".to_string(),
        ))
    })
}

/// Answers `verb` for a request given as a JS value.
pub fn call(verb: Verb, request: &JsValue) -> Result<JsValue, JsValue> {
    let json = request_json(request)?;
    let answer = rules::json::answer_value(verb, &json).map_err(|e| throw(&e))?;
    to_js(&answer)
}

/// `value` as the JS object `JSON.parse` would give for its JSON text, or the contract's
/// error when it cannot be written.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js(value).map_err(|_| {
        throw(&InputError::new(
            ErrorCode::OutOfRange,
            "",
            "the answer could not be written",
        ))
    })
}

/// `value` as the JS object `JSON.parse` would give for its JSON text.
fn js<T: serde::Serialize>(value: &T) -> Result<JsValue, Unsupported> {
    tape::write(value).map(|t| decoded(&t))
}

/// The JS object a tape describes. One copy for every type written (not generic).
#[inline(never)]
fn decoded(t: &tape::Tape) -> JsValue {
    // Addresses and lengths fit in a word in wasm32. The tape's buffers live until
    // `decode` returns.
    let data = tape::data_segment();
    decode(
        &wasm_bindgen::memory(),
        t.words.as_ptr() as usize as u32,
        t.words.len() as i32,
        t.numbers.as_ptr() as usize as u32,
        t.bytes.as_ptr() as usize as u32,
        data.start as i32,
        data.len() as i32,
    )
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    fn encode(request: &JsValue, limit: i32, largest: i32) -> i32;
    fn refused() -> JsValue;
    #[wasm_bindgen(js_name = encodedText)]
    fn encoded_text() -> u32;
    fn take(memory: &JsValue, words: u32, text: u32);
    /// The `Error` of the contract's error `{code, message, path}`.
    fn failure(error: JsValue) -> JsValue;
    /// The answer a tape describes, as a JS object (see [`tape`]).
    #[allow(clippy::too_many_arguments)]
    fn decode(
        memory: &JsValue,
        words: u32,
        count: i32,
        numbers: u32,
        copied: u32,
        data_base: i32,
        data_size: i32,
    ) -> JsValue;
}

/// Fees per project, every third discounted (F1–F4): `{projects, prior_projects}`.
#[wasm_bindgen]
pub fn fees(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Fees, &request)
}

/// The next cohorts and their calendar (P1–P6): `{date, count}`.
#[wasm_bindgen]
pub fn schedule(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Schedule, &request)
}

/// The three commitments and seven success factors (C1–C3, S1–S7).
#[wasm_bindgen]
pub fn readiness(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Readiness, &request)
}

/// Roles, counts and weekly hours per person (T1–T8).
#[wasm_bindgen]
pub fn team(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Team, &request)
}

/// Continuing-education credit, claimability and deadline (CR1–CR9).
#[wasm_bindgen]
pub fn credits(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Credits, &request)
}

/// Any of the above in one request, keyed by verb.
#[wasm_bindgen]
pub fn assess(request: JsValue) -> Result<JsValue, JsValue> {
    call(Verb::Assess, &request)
}

/// `{contract, package, rule_book}`: the contract version, this build's package version,
/// and the rule book every answer of this build carries.
#[wasm_bindgen]
pub fn version() -> JsValue {
    #[derive(serde::Serialize)]
    struct Version {
        contract: u32,
        package: &'static str,
        rule_book: rules::book::RuleBook,
    }
    // Numbers and texts: never refused.
    js(&Version {
        contract: CONTRACT_VERSION,
        package: env!("CARGO_PKG_VERSION"),
        rule_book: rules::book::RuleBook,
    })
    .unwrap_or(JsValue::UNDEFINED)
}
