//! The export writer is the reader's declaration (`rules::json::declare`): every request
//! of the corpus that is accepted, read as its declared type, written back with the
//! declared `Serialize` and read again, is the same request. So what the app exports is
//! read by `impower assess` exactly as the app built it.

use corpus::{request_text, CASES, SPEC};
use rules::json::declare::Wire;
use rules::json::requests::{self as r, AssessJson, ReadinessJson, ScheduleRequest, TeamJson};
use rules::json::{parse, text::to_json, Json, Verb};

/// Reads `text` as `T`, writes it, reads that again: equal, or why not.
fn round_trip<T: Wire + serde::Serialize + PartialEq + std::fmt::Debug>(
    json: &Json,
) -> Option<Result<(), String>> {
    let first: T = r::read(json, "").ok()?;
    let written = match to_json(&first) {
        Ok(t) => t,
        Err(e) => return Some(Err(format!("not written: {e}"))),
    };
    let again = parse(&written)
        .and_then(|j| r::read::<T>(&j, ""))
        .map_err(|e| format!("{written} is not read back: {e}"));
    Some(again.and_then(|again| {
        if again == first {
            Ok(())
        } else {
            Err(format!("{written} reads back as {again:?}, not {first:?}"))
        }
    }))
}

#[test]
fn every_accepted_request_reads_back_as_written() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for case in CASES.iter().chain(SPEC) {
        let file: serde_json::Value = serde_json::from_str(case.text).expect("a case is JSON");
        let Some(verb) = file
            .get("verb")
            .and_then(|v| v.as_str())
            .and_then(Verb::parse)
        else {
            continue;
        };
        let Ok(text) = request_text(&file) else {
            continue;
        };
        let Ok(json) = parse(&text) else { continue };
        let outcome = match verb {
            Verb::Fees => round_trip::<rules::fees::FeeRequest>(&json),
            Verb::Schedule => round_trip::<ScheduleRequest>(&json),
            Verb::Readiness => round_trip::<ReadinessJson>(&json),
            Verb::Team => round_trip::<TeamJson>(&json),
            Verb::Credits => round_trip::<rules::credits::CreditInput>(&json),
            Verb::Assess => round_trip::<AssessJson>(&json),
        };
        match outcome {
            None => {}
            Some(Ok(())) => checked += 1,
            Some(Err(why)) => wrong.push(format!("{}: {why}", case.name)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 100, "only {checked} requests read back");
}
