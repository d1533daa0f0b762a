//! The JavaScript API: the rules' JSON contract as an ES module for browsers.
//!
//! Each export takes the contract's request as a plain JS object and returns the answer
//! as a plain JS object with the same fields as the `impower` command line. Bad input
//! throws an `Error` whose `code`, `message` and `path` are the contract's error.
//!
//! The objects cross the boundary as JSON text (`JSON.stringify` in, `JSON.parse` out),
//! so this module needs no UI code and no per-type bindings: it stays small, and it
//! answers exactly what [`rules::respond`] answers natively.
#![deny(missing_docs)]

use js_sys::{Error, Reflect, JSON};
use rules::{ErrorCode, InputError};
use wasm_bindgen::prelude::*;

/// The allocator of the WebAssembly build: talc, which is smaller and faster there than
/// the default dlmalloc (the app pays for every kilobyte on a phone).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The version of the JSON contract this module serves. It changes only when a field's
/// name or meaning changes; fields may be added within a version.
pub const CONTRACT_VERSION: u32 = 1;

fn throw(e: &InputError) -> JsValue {
    let err = Error::new(&e.message);
    let code = e.code.key();
    // Setting properties on a fresh Error cannot fail.
    let _ = Reflect::set(&err, &"code".into(), &code.into());
    let _ = Reflect::set(&err, &"path".into(), &e.path.as_str().into());
    let _ = Reflect::set(&err, &"name".into(), &"ImpowerError".into());
    err.into()
}

/// Answers `verb` for a request given as a JS value.
pub fn call(verb: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let text = JSON::stringify(request)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            throw(&InputError::new(
                ErrorCode::WrongType,
                "",
                "the request cannot be written as JSON: pass a plain object",
            ))
        })?;
    let answer = rules::json::respond_text(verb, &text).map_err(|e| throw(&e))?;
    JSON::parse(&answer).map_err(|_| {
        throw(&InputError::new(
            ErrorCode::MalformedJson,
            "",
            "the answer could not be read",
        ))
    })
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
pub fn version() -> JsValue {
    let v = js_sys::Object::new();
    let _ = Reflect::set(&v, &"contract".into(), &CONTRACT_VERSION.into());
    let _ = Reflect::set(&v, &"package".into(), &env!("CARGO_PKG_VERSION").into());
    v.into()
}
