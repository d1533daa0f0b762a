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

/// The request as JSON would carry it, walked by `tape.js`'s `encode` in one call (as
/// `JSON.stringify` reads a value: `undefined`, functions and symbols are left out of
/// objects and become `null` in arrays, non-finite numbers are `null`, a `toJSON`
/// method is honoured, boxed primitives are their values) and read from its tape. A
/// BigInt, nesting deeper than the rules read (or a value that contains itself), a
/// failing `toJSON` or a field that cannot be read is refused.
fn request_json(request: &JsValue) -> Result<Json, InputError> {
    let count = encode(request, MAX_DEPTH as u32);
    let Ok(count) = usize::try_from(count) else {
        return Err(not_plain(match count {
            -1 => "is undefined",
            -2 => "holds a BigInt, which JSON cannot carry",
            -3 => "nests too deeply or contains itself",
            -4 => "has a toJSON method that failed",
            _ => "has a field that cannot be read",
        }));
    };
    let mut words = vec![0u32; count];
    let mut text = vec![0u8; encoded_text() as usize];
    take(
        &wasm_bindgen::memory(),
        words.as_mut_ptr() as usize as u32,
        text.as_mut_ptr() as usize as u32,
    );
    tape::read(&words, &text).ok_or_else(|| not_plain("could not be read"))
}

/// Answers `verb` for a request given as a JS value.
pub fn call(verb: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let verb = rules::json::check_verb(verb).map_err(|e| throw(&e))?;
    let json = request_json(request).map_err(|e| throw(&e))?;
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

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    fn encode(request: &JsValue, limit: u32) -> i32;
    #[wasm_bindgen(js_name = encodedText)]
    fn encoded_text() -> u32;
    fn take(memory: &JsValue, words: u32, text: u32);
    fn failure(message: &str, code: &str, path: &str) -> JsValue;
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
