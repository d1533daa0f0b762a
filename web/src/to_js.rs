//! A [`Serialize`] value as a JavaScript value: written as compact JSON text by
//! [`rules::json::text`] (the text `serde_json::to_string` writes, without `serde_json` in
//! the app), then read by the browser's `JSON.parse`. The widget's `impower-change`
//! detail uses it.

use serde::Serialize;
use wasm_bindgen::JsValue;

pub use rules::json::{text::to_json, walk::Unsupported};

/// `value` as a JavaScript value (see [`rules::json::walk`] for the mapping).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Unsupported> {
    js_sys::JSON::parse(&to_json(value)?).map_err(|_| Unsupported)
}
