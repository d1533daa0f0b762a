//! The corpus again (snapshots and spec cases), compiled to WASM and run in headless
//! Chromium, so the rules the web app ships answer exactly as they do natively. Run it from the repo root with
//! `cargo xtask browser-tests corpus`, or by hand:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! cargo test -p impower-corpus --target wasm32-unknown-unknown
//! ```
//!
//! Cargo runs the test runner in `tests/`, where `webdriver.json` gives Chromium the flags it
//! needs headless, as root, offline.
#![cfg(target_arch = "wasm32")]

use corpus::{run, CASES, SPEC};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Every embedded case answers in the browser exactly as its file says.
#[wasm_bindgen_test]
fn every_case_answers_as_expected_in_the_browser() {
    let failed: Vec<&str> = CASES
        .iter()
        .filter(|case| !run(case).is_ok_and(|r| r.passed()))
        .map(|case| case.name)
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} case(s) failed in WASM: {failed:?}\n{}",
        failed.len(),
        CASES.len(),
        corpus::failures().join("\n\n")
    );
}

/// The corpus really is embedded in the WASM build: all of it, not an empty list.
#[wasm_bindgen_test]
fn the_corpus_is_embedded() {
    assert!(
        CASES.len() >= 60,
        "the corpus has only {} cases in WASM",
        CASES.len()
    );
}

/// Every hand-written spec case answers in the browser as RULES.md says.
#[wasm_bindgen_test]
fn every_spec_case_passes_in_the_browser() {
    let failures = corpus::spec::failures();
    assert!(
        failures.is_empty(),
        "{} of {} spec case(s) failed in WASM:\n\n{}",
        failures.len(),
        SPEC.len(),
        failures.join("\n\n")
    );
}

/// The spec cases really are embedded in the WASM build.
#[wasm_bindgen_test]
fn the_spec_is_embedded() {
    assert!(SPEC.len() >= 60, "only {} spec cases in WASM", SPEC.len());
}
