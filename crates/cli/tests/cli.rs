//! The binary as a user runs it: stdin or a file in, JSON out, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn impower(args: &[&str], stdin: &str) -> (Output, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_impower"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("impower starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("impower runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, json)
}

#[test]
fn fees_from_stdin_prints_the_itemised_answer() {
    let (out, v) = impower(&["fees", "-"], r#"{"projects": 7}"#);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(v["total_usd"], 36000);
    assert_eq!(v["coaches_needed"], 4);
    assert_eq!(v["projects"].as_array().map(Vec::len), Some(7));
    assert_eq!(v["projects"][2]["discounted"], true);
    assert_eq!(v["projects"][2]["rule"], "F2");
}

#[test]
fn reads_a_file_and_prints_compact() {
    let path = std::env::temp_dir().join(format!("impower-cli-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"date": "2026-11-22"}"#).expect("write request");
    let (out, v) = impower(
        &["schedule", path.to_str().expect("utf-8 path"), "--compact"],
        "",
    );
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(v["cohort"]["id"], "2027-03");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim().lines().count(),
        1
    );
}

#[test]
fn bad_input_exits_2_with_the_error_on_stdout() {
    let (out, v) = impower(
        &["team"],
        r#"{"projects": 1, "people": [{"name": "A", "hours_per_week": -1, "roles": []}]}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["error"]["path"], "people[0].hours_per_week");
    assert_eq!(v["error"]["code"], "out_of_range");
}

#[test]
fn a_missing_file_is_an_io_error() {
    let (out, v) = impower(&["fees", "/nonexistent/request.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["error"]["code"], "io");
}

#[test]
fn an_unknown_verb_is_refused() {
    let (out, v) = impower(&["price"], "{}");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["error"]["code"], "unknown_verb");
}

#[test]
fn help_lists_every_verb_with_an_example() {
    let out = Command::new(env!("CARGO_BIN_EXE_impower"))
        .arg("--help")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for verb in ["fees", "schedule", "readiness", "team", "credits", "assess"] {
        assert!(
            text.contains(&format!("| impower {verb}")),
            "no example for {verb}"
        );
    }
}
