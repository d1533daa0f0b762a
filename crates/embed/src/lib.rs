//! The JavaScript API: the rules' JSON contract as an ES module for browsers.
//!
//! Each export takes the contract's request as a plain JS object and returns the answer
//! as a plain JS object with the same fields as the `impower` command line. Bad input
//! throws an `Error` whose `code`, `message` and `path` are the contract's error.
//!
//! A request is read straight from the JS object into the rules' JSON tree (no
//! `JSON.stringify`, no text parsing in WebAssembly), with the same checks and the same
//! paths as [`rules::respond`]; the answer crosses back as JSON text for `JSON.parse`.
//! So the module needs no UI code and no per-type bindings, and it answers exactly what
//! the command line answers.
#![deny(missing_docs)]

use js_sys::{Array, Error, Object, Reflect, JSON};
use rules::json::{parse::MAX_DEPTH, Json};
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
/// the rules read (a value that contains itself), is refused.
fn to_json(v: &JsValue, depth: usize) -> Result<Option<Json>, InputError> {
    if v.is_undefined() || v.is_function() || v.is_symbol() {
        return Ok(None);
    }
    if v.is_null() {
        return Ok(Some(Json::Null));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Some(Json::Bool(b)));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Some(if n.is_finite() {
            // JavaScript's own shortest text for the number (`2.5`, `1e+30`).
            Json::Number(
                js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default(),
            )
        } else {
            Json::Null
        }));
    }
    if let Some(s) = v.as_string() {
        return Ok(Some(Json::String(s)));
    }
    if v.is_bigint() {
        return Err(not_plain("holds a BigInt, which JSON cannot carry"));
    }
    if depth >= MAX_DEPTH {
        return Err(not_plain("nests too deeply or contains itself"));
    }
    if let Ok(f) = Reflect::get(v, &"toJSON".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let inner = f
                .call0(v)
                .map_err(|_| not_plain("has a toJSON method that failed"))?;
            return to_json(&inner, depth + 1);
        }
    }
    if Array::is_array(v) {
        let items = Array::from(v);
        let mut out = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            out.push(to_json(&item, depth + 1)?.unwrap_or(Json::Null));
        }
        return Ok(Some(Json::Array(out)));
    }
    let Some(object) = v.dyn_ref::<Object>() else {
        return Err(not_plain("is not made of JSON values"));
    };
    let mut fields = Vec::new();
    for key in Object::keys(object).iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        let value =
            Reflect::get(object, &key).map_err(|_| not_plain("has a field that cannot be read"))?;
        if let Some(j) = to_json(&value, depth + 1)? {
            fields.push((name, j));
        }
    }
    Ok(Some(Json::Object(fields)))
}

/// Answers `verb` for a request given as a JS value.
pub fn call(verb: &str, request: &JsValue) -> Result<JsValue, JsValue> {
    let answer = (|| {
        let verb = rules::json::check_verb(verb)?;
        let json = to_json(request, 0)?.ok_or_else(|| not_plain("is undefined"))?;
        let answer = rules::json::answer_value(verb, &json)?;
        rules::json::text::to_json(&answer).map_err(|e| {
            InputError::new(
                ErrorCode::OutOfRange,
                "",
                format!("the answer could not be written: {e}"),
            )
        })
    })()
    .map_err(|e| throw(&e))?;
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
