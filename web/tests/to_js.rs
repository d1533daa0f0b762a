//! `web::to_js`, which writes the widget's `impower-change` detail: what it writes is what
//! `serde_json` writes. Natively, its text is compared with `serde_json::to_string` byte
//! for byte; in the browser (`cargo xtask browser-tests corpus`), its JavaScript value with
//! `JSON.parse` of serde_json's text. The values are every answer the corpus's requests
//! get (fractional hours included), a type with every shape serde has, and floats.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// Every answer (not error) the requests of the corpus get: snapshots and spec cases.
fn answers() -> Vec<(&'static str, rules::json::Answer)> {
    let mut out = Vec::new();
    for case in corpus::CASES.iter().chain(corpus::SPEC) {
        let file: Value = serde_json::from_str(case.text).unwrap_or(Value::Null);
        let (Some(verb), Ok(request)) = (file["verb"].as_str(), corpus::request_text(&file)) else {
            panic!("{}: no verb or request", case.name);
        };
        if let Ok(answer) = rules::json::answer(verb, &request) {
            out.push((case.name, answer));
        }
    }
    out
}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i32, &'static str),
    Struct { a: bool, b: Option<u32> },
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(u16);

#[derive(Serialize)]
struct TupleStruct(i8, char);

#[derive(Serialize)]
struct Inner {
    #[serde(rename = "__proto__")]
    proto: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u32>,
}

#[derive(Serialize)]
struct Outer {
    text: &'static str,
    shapes: Vec<Shape>,
    none: Option<u8>,
    unit: (),
    unit_struct: Unit,
    newtype: Newtype,
    tuple: (u64, i64, i16),
    tuple_struct: TupleStruct,
    map: BTreeMap<String, Vec<u32>>,
    empty: Vec<u8>,
    empty_map: BTreeMap<String, u8>,
    #[serde(flatten)]
    inner: Inner,
}

fn every_shape() -> Outer {
    Outer {
        text: "quote \" backslash \\ newline \n return \r tab \t backspace \u{8} form feed \u{c} nul \u{0} unit separator \u{1f} é — 𝄞 \u{7f}",
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-3, "x"),
            Shape::Struct { a: true, b: None },
        ],
        none: None,
        unit: (),
        unit_struct: Unit,
        newtype: Newtype(65535),
        tuple: (u64::MAX, i64::MIN, -1),
        tuple_struct: TupleStruct(i8::MIN, '"'),
        map: BTreeMap::from([("b".to_string(), vec![1, 2]), ("a\"".to_string(), vec![])]),
        empty: vec![],
        empty_map: BTreeMap::new(),
        inner: Inner {
            proto: "own property",
            skipped: None,
        },
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use web::to_js::{to_json, Unsupported};

    /// Whether `v` holds a number that is not a whole one (an hours figure such as 7.25).
    fn has_fraction(v: &Value) -> bool {
        match v {
            Value::Number(n) => n.is_f64(),
            Value::Array(a) => a.iter().any(has_fraction),
            Value::Object(o) => o.values().any(has_fraction),
            _ => false,
        }
    }

    #[test]
    fn every_corpus_answer_is_written_as_serde_json_writes_it() {
        let all = answers();
        let mut fractions = 0;
        for (name, answer) in &all {
            let expected = serde_json::to_string(answer).unwrap_or_default();
            assert_eq!(to_json(answer).as_deref(), Ok(expected.as_str()), "{name}");
            let value: Value = serde_json::from_str(&expected).unwrap_or(Value::Null);
            fractions += usize::from(has_fraction(&value));
        }
        assert!(all.len() >= 100, "only {} answers", all.len());
        assert!(
            fractions > 0,
            "no answer with fractional hours: floats went untested"
        );
    }

    #[test]
    fn every_serde_shape_is_written_as_serde_json_writes_it() {
        let v = every_shape();
        let expected = serde_json::to_string(&v).unwrap_or_default();
        assert!(
            expected.contains(r#""__proto__":"own property""#),
            "{expected}"
        );
        assert_eq!(to_json(&v).as_deref(), Ok(expected.as_str()));
    }

    #[test]
    fn a_float_of_whole_hundredths_is_written_as_serde_json_writes_it() {
        let check = |x: f64| {
            let expected = serde_json::to_string(&x).unwrap_or_default();
            assert_eq!(to_json(&x).as_deref(), Ok(expected.as_str()), "{x:e}");
        };
        for n in 0..=200_000u32 {
            check(f64::from(n) / 100.0);
            check(-f64::from(n) / 100.0);
        }
        for n in [
            99_999_999_999_999_u64, // 999,999,999,999.99
            12_345_678_901_234,
            10_000_000_000_001,
        ] {
            check(n as f64 / 100.0);
        }
        check(-0.0);
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(
                to_json(&x).as_deref(),
                Ok("null"),
                "not finite: null, as serde_json writes"
            );
        }
    }

    #[test]
    fn what_serde_json_would_write_otherwise_is_refused() {
        // serde_json writes any float as its shortest text ("0.30000000000000004"), the
        // shortest f32 decimal ("0.1"), a number key as text ("1"), any 128-bit integer.
        for x in [0.1 + 0.2, 1.005, 5e-324, 1e12, 1e300] {
            assert_eq!(to_json(&x), Err(Unsupported), "{x:e}");
        }
        assert_eq!(to_json(&0.1f32), Err(Unsupported));
        assert_eq!(to_json(&BTreeMap::from([(1, 2)])), Err(Unsupported));
        assert_eq!(to_json(&(u128::from(u64::MAX) + 1)), Err(Unsupported));
        assert_eq!(to_json(&i128::from(i64::MIN)), Ok(i64::MIN.to_string()));
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::{Object, JSON};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use web::to_js::to_js;

    wasm_bindgen_test_configure!(run_in_browser);

    /// What the browser makes of serde_json's text for `v`.
    fn parsed<T: Serialize + ?Sized>(v: &T) -> JsValue {
        let text = serde_json::to_string(v).unwrap_or_default();
        JSON::parse(&text).unwrap_or(JsValue::UNDEFINED)
    }

    fn text(v: &JsValue) -> String {
        JSON::stringify(v).map(String::from).unwrap_or_default()
    }

    #[wasm_bindgen_test]
    fn every_corpus_answer_is_the_value_json_parse_gives_for_serde_json() {
        let all = answers();
        for (name, answer) in &all {
            let got = to_js(answer).unwrap_or(JsValue::UNDEFINED);
            assert_eq!(text(&got), text(&parsed(answer)), "{name}");
        }
        assert!(all.len() >= 100, "only {} answers", all.len());
    }

    #[wasm_bindgen_test]
    fn every_serde_shape_is_the_value_json_parse_gives() {
        let v = every_shape();
        let got = to_js(&v).unwrap_or(JsValue::UNDEFINED);
        assert_eq!(text(&got), text(&parsed(&v)));
        let own = Object::has_own(got.unchecked_ref::<Object>(), &"__proto__".into());
        assert!(own, "__proto__ is an own property, as JSON.parse makes it");
    }

    #[wasm_bindgen_test]
    fn floats_are_the_same_doubles() {
        for x in [7.25, 0.07, 0.5, 7.0, -0.0, 0.0, -2.5, 123_456_789.99] {
            let got = to_js(&x).unwrap_or(JsValue::UNDEFINED);
            assert!(Object::is(&got, &parsed(&x)), "{x:e}: got {got:?}");
        }
    }
}
