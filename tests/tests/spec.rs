//! The hand-written spec cases (`tests/spec/`), natively, plus the checks that keep them a
//! specification: every rule of the book shown deciding, every error code refused, every
//! case justified, no snapshots.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use corpus::spec::{self, FAMILIES};
use corpus::SPEC;
use rules::RuleId;

fn parsed() -> Vec<spec::Spec<'static>> {
    SPEC.iter()
        .map(|c| spec::parse(c).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Every spec case answers as RULES.md says.
#[test]
fn every_spec_case_passes() {
    let failures = spec::failures();
    assert!(
        failures.is_empty(),
        "{} of {} spec case(s) failed:\n\n{}",
        failures.len(),
        SPEC.len(),
        failures.join("\n\n")
    );
}

/// Each spec case is well formed: `about` and `worked` non-empty, a known rule, one
/// request, something asserted, no `answer` snapshot (`spec::parse` checks all of it).
#[test]
fn every_spec_case_is_well_formed() {
    assert!(SPEC.len() >= 60, "only {} spec cases", SPEC.len());
    let bad: Vec<String> = SPEC.iter().filter_map(|c| spec::parse(c).err()).collect();
    assert!(bad.is_empty(), "malformed spec cases:\n{}", bad.join("\n"));
}

/// No spec case carries an `answer`: spec/ holds expectations, not snapshots.
#[test]
fn no_spec_case_is_a_snapshot() {
    for case in SPEC {
        let v: serde_json::Value = serde_json::from_str(case.text).expect("spec case is JSON");
        assert!(
            v.get("answer").is_none(),
            "{} carries an answer: spec cases assert with expect/findings/error",
            case.name
        );
    }
}

/// Every spec case has a non-empty `about` and `worked`.
#[test]
fn every_spec_case_is_justified() {
    for s in parsed() {
        for key in ["about", "worked"] {
            let text = s.file.get(key).and_then(|v| v.as_str()).unwrap_or("");
            assert!(!text.trim().is_empty(), "{}: empty {key}", s.name);
        }
    }
}

/// Each rule ID of the book has a spec case of that `rule` that asserts something the
/// rule decides: a non-empty `expect`, or a finding pattern naming the rule with a severity.
#[test]
fn every_rule_has_a_deciding_spec_case() {
    let specs = parsed();
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .filter(|r| !specs.iter().any(|s| s.decides(r)))
        .collect();
    assert!(
        missing.is_empty(),
        "rules with no spec case showing them decide: {missing:?}"
    );
}

/// Each kind of refused input has a spec case in the bad-input catalogue.
#[test]
fn every_error_code_has_a_spec_case() {
    let seen: BTreeSet<String> = parsed()
        .iter()
        .filter_map(|s| s.error_code().map(String::from))
        .collect();
    let missing: Vec<&str> = spec::error_codes().filter(|c| !seen.contains(*c)).collect();
    assert!(
        spec::error_codes().count() >= 14,
        "the codes come from rules::ErrorCode"
    );
    assert!(
        missing.is_empty(),
        "error codes with no spec case: {missing:?}"
    );
}

/// Every family folder exists and holds cases; nothing lies outside them.
#[test]
fn every_family_has_cases() {
    let specs = parsed();
    for family in FAMILIES {
        assert!(
            specs.iter().any(|s| s.family == family),
            "tests/spec/{family}/ has no case"
        );
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec");
    for entry in std::fs::read_dir(&dir).expect("tests/spec") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(
            (path.is_dir() && FAMILIES.contains(&name)) || name == "README.md",
            "unexpected {} in tests/spec",
            path.display()
        );
    }
}

/// The matcher itself: subset semantics, numbers as numbers, findings at any depth,
/// and a wrong expectation fails with the path that differs.
#[test]
fn the_matcher_matches_as_documented() {
    use serde_json::json;
    let got = json!({"total_usd": 15000.0, "projects": [{"fee_usd": 6000, "x": 1}, {"fee_usd": 3000}],
                     "a": {"findings": [{"rule": "T5", "severity": "warning", "project": 1, "message": "one member"}]}});
    assert!(spec::subset(&json!({"total_usd": 15000}), &got, "expect").is_ok());
    assert!(spec::subset(
        &json!({"projects": [{}, {"fee_usd": 3000}]}),
        &got,
        "expect"
    )
    .is_ok());
    let e = spec::subset(&json!({"projects": [{"fee_usd": 6000}]}), &got, "expect")
        .expect_err("length differs");
    assert!(e.contains("expect.projects"), "{e}");
    let e = spec::subset(
        &json!({"projects": [{}, {"fee_usd": 6000}]}),
        &got,
        "expect",
    )
    .expect_err("value differs");
    assert!(e.starts_with("expect.projects[1].fee_usd"), "{e}");
    assert!(spec::subset(&json!({"nope": 1}), &got, "expect").is_err());
    let found = spec::findings_in(&got);
    assert_eq!(found.len(), 1);
    assert!(spec::matches(
        &json!({"rule": "T5", "severity": "warning", "project": 1.0, "message_contains": "one"}),
        found[0]
    ));
    assert!(!spec::matches(
        &json!({"rule": "T5", "severity": "error"}),
        found[0]
    ));
    assert!(!spec::matches(
        &json!({"message_contains": "two"}),
        found[0]
    ));
    assert!(!spec::matches(&json!({"person": "Ann"}), found[0]));
}
