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
    // A refusal that needs no input (an unknown verb, a missing file) may exit before
    // reading stdin: the write then fails with EPIPE, which is not the test's concern.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
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

// ---- The command line never aborts -------------------------------------------------

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::Child;
use std::time::{Duration, Instant};

/// The largest request accepted, in bytes (`rules::json::MAX_INPUT_BYTES`).
const MAX: usize = 1 << 20;

/// A bound generous enough for a loaded machine, far below "reads until memory runs out"
/// or "waits for stdin to close".
const PATIENCE: Duration = Duration::from_secs(20);

fn spawn(args: &[&OsStr], stdin: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_impower"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("impower starts")
}

/// Waits for the child at most `limit`; kills it and fails the test when it takes longer.
/// The answers here are small, so they fit the pipe while the child runs.
fn finish_within(mut child: Child, limit: Duration, what: &str) -> (Output, Value, Duration) {
    let start = Instant::now();
    loop {
        match child.try_wait().expect("try_wait") {
            Some(_) => break,
            None if start.elapsed() > limit => {
                child.kill().ok();
                child.wait().ok();
                panic!("{what}: impower still running after {limit:?}");
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let took = start.elapsed();
    let out = child.wait_with_output().expect("output");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, json, took)
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn assert_error(out: &Output, v: &Value, code: &str) {
    assert_eq!(out.status.code(), Some(2), "exit status; stdout: {v}");
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "a message: {v}"
    );
    assert!(v["error"]["path"].is_string(), "a path: {v}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

#[test]
fn a_file_name_that_is_not_utf8_is_still_a_path() {
    let dir = std::env::temp_dir().join(format!("impower-cli-nonutf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let name = OsStr::from_bytes(b"caf\xe9-request.json");
    let path = dir.join(name);
    std::fs::write(&path, r#"{"projects": 3}"#).expect("write request");
    let child = spawn(&[os("fees"), path.as_os_str()], Stdio::null());
    let (out, v, _) = finish_within(child, PATIENCE, "non-UTF-8 path");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{v}");
    assert_eq!(v["total_usd"], 15000);
}

#[test]
fn a_missing_file_with_a_name_that_is_not_utf8_is_an_io_error_naming_it() {
    let child = spawn(
        &[os("fees"), OsStr::from_bytes(b"/nonexistent/\xff.json")],
        Stdio::null(),
    );
    let (out, v, _) = finish_within(child, PATIENCE, "missing non-UTF-8 path");
    assert_error(&out, &v, "io");
    assert_eq!(v["error"]["path"], "");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"/nonexistent/\u{fffd}.json\""),
        "{message}"
    );
}

#[test]
fn a_verb_that_is_not_utf8_is_an_unknown_verb() {
    let child = spawn(&[OsStr::from_bytes(b"fe\xffes")], Stdio::null());
    let (out, v, _) = finish_within(child, PATIENCE, "non-UTF-8 verb");
    assert_error(&out, &v, "unknown_verb");
    assert_eq!(v["error"]["path"], "");
}

#[test]
fn an_unknown_option_that_is_not_utf8_is_a_usage_error() {
    let child = spawn(&[os("fees"), OsStr::from_bytes(b"--\xff")], Stdio::null());
    let (out, v, _) = finish_within(child, PATIENCE, "non-UTF-8 option");
    assert_error(&out, &v, "usage");
}

#[test]
fn dev_zero_is_refused_quickly_after_one_mebibyte() {
    let child = spawn(&[os("fees"), os("/dev/zero")], Stdio::null());
    let (out, v, took) = finish_within(child, PATIENCE, "/dev/zero");
    assert_error(&out, &v, "out_of_range");
    assert_eq!(v["error"]["path"], "");
    assert!(took < PATIENCE, "took {took:?}");
}

/// Writes `bytes` to the child's stdin from another thread and keeps the pipe open until
/// `keep_open` has passed, so the child cannot rely on the end of the input.
fn feed(child: &mut Child, bytes: Vec<u8>, keep_open: Duration) -> std::thread::JoinHandle<()> {
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        // The child may stop reading (and exit) before all is written: that is the point.
        let _ = stdin.write_all(&bytes);
        std::thread::sleep(keep_open);
    })
}

#[test]
fn a_stream_over_the_limit_is_refused_without_waiting_for_its_end() {
    // One byte over the limit, and the pipe stays open far longer than the patience:
    // the answer proves the command stopped reading at MAX + 1 bytes.
    let mut child = spawn(&[os("fees")], Stdio::piped());
    let writer = feed(&mut child, vec![b' '; MAX + 1], PATIENCE * 2);
    let (out, v, _) = finish_within(child, PATIENCE, "stream over the limit");
    assert_error(&out, &v, "out_of_range");
    assert_eq!(v["error"]["path"], "");
    drop(writer);
}

#[test]
fn a_stream_far_over_the_limit_is_refused() {
    let mut child = spawn(&[os("fees"), os("-")], Stdio::piped());
    let writer = feed(&mut child, vec![b'{'; 8 * MAX], Duration::ZERO);
    let (out, v, _) = finish_within(child, PATIENCE, "stream far over the limit");
    assert_error(&out, &v, "out_of_range");
    writer.join().ok();
}

#[test]
fn a_file_over_the_limit_is_refused() {
    let path = std::env::temp_dir().join(format!("impower-cli-big-{}.json", std::process::id()));
    let mut request = br#"{"projects": 2}"#.to_vec();
    request.resize(MAX + 1, b' ');
    std::fs::write(&path, &request).expect("write request");
    let child = spawn(&[os("fees"), path.as_os_str()], Stdio::null());
    let (out, v, _) = finish_within(child, PATIENCE, "file over the limit");
    std::fs::remove_file(&path).ok();
    assert_error(&out, &v, "out_of_range");
    assert_eq!(v["error"]["path"], "");
}

#[test]
fn a_request_of_exactly_the_limit_is_read() {
    let mut request = br#"{"projects": 2}"#.to_vec();
    request.resize(MAX, b' ');
    let mut child = spawn(&[os("fees")], Stdio::piped());
    let writer = feed(&mut child, request, Duration::ZERO);
    let (out, v, _) = finish_within(child, PATIENCE, "a request of MAX bytes");
    writer.join().ok();
    assert_eq!(out.status.code(), Some(0), "{v}");
    assert_eq!(v["total_usd"], 12000);
}

#[test]
fn an_unknown_verb_answers_without_reading_stdin() {
    let mut child = spawn(&[os("nope")], Stdio::piped());
    // Hold the write end open and write nothing: reading stdin would wait forever.
    let stdin = child.stdin.take().expect("stdin");
    let (out, v, took) = finish_within(child, PATIENCE, "unknown verb, open stdin");
    drop(stdin);
    assert_error(&out, &v, "unknown_verb");
    assert!(took < PATIENCE);
}

#[test]
fn a_request_that_is_not_utf8_is_a_json_error() {
    let mut child = spawn(&[os("fees")], Stdio::piped());
    let writer = feed(
        &mut child,
        b"{\"projects\": \"\xff\xfe\"}".to_vec(),
        Duration::ZERO,
    );
    let (out, v, _) = finish_within(child, PATIENCE, "non-UTF-8 request");
    writer.join().ok();
    assert_error(&out, &v, "malformed_json");
    assert_eq!(v["error"]["path"], "");
}

#[test]
fn usage_mistakes_are_json_errors_with_code_usage() {
    let cases: &[&[&str]] = &[
        &[],
        &["--compact"],
        &["fees", "a.json", "b.json"],
        &["fees", "-", "-"],
        &["fees", "--pretty"],
        &["-x", "fees"],
    ];
    for args in cases {
        let args: Vec<&OsStr> = args.iter().map(|a| os(a)).collect();
        let child = spawn(&args, Stdio::null());
        let (out, v, _) = finish_within(child, PATIENCE, "usage");
        assert_error(&out, &v, "usage");
        assert_eq!(v["error"]["path"], "", "{args:?}");
    }
}

#[test]
fn only_help_prints_plain_text() {
    for flag in ["-h", "--help"] {
        let child = spawn(&[os("fees"), os(flag)], Stdio::null());
        let (out, v, _) = finish_within(child, PATIENCE, "help");
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(v, Value::Null, "help is not JSON");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("impower: "));
    }
}

#[test]
fn a_closed_stdout_ends_with_exit_2_quietly() {
    for args in [&["fees"][..], &["nope"][..]] {
        let args: Vec<&OsStr> = args.iter().map(|a| os(a)).collect();
        let mut child = spawn(&args, Stdio::piped());
        // Close the read end of stdout before the command can write: it is still
        // waiting for its request (or, for the unknown verb, a racing write either
        // fails with EPIPE or lands in a pipe nobody reads; both must end with 2).
        drop(child.stdout.take());
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(br#"{"projects": 99}"#).ok();
        drop(stdin);
        let (out, _, _) = finish_within(child, PATIENCE, "closed stdout");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "stderr: {stderr}");
        assert!(stderr.is_empty(), "quietly: {stderr}");
    }
}

/// Opens a stdout for the child; the argument is a file it may open read-only.
type OpenStdout = fn(&std::path::Path) -> Stdio;

/// Runs `impower` on a request file with stdout as given, stdin empty.
fn exit_with_stdout(args: &[&str], stdout: Stdio) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_impower"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("impower runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// RULES.md: "An answer that could not be written whole (a closed, full or read-only
/// output) ends with exit 2, never 0": for an answer, a refusal and the help alike.
#[test]
fn an_answer_not_written_whole_ends_with_exit_2() {
    let dir = std::env::temp_dir().join(format!("impower-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let request = dir.join("request.json");
    std::fs::write(&request, r#"{"projects": 3}"#).expect("write request");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"projects": 2.5}"#).expect("write request");
    let (request, bad) = (
        request.to_str().expect("utf-8"),
        bad.to_str().expect("utf-8"),
    );
    let answer = dir.join("answer.json");
    let outputs: [(&str, OpenStdout); 4] = [
        ("a read-only file", |p| {
            Stdio::from(std::fs::File::open(p).expect("open read-only"))
        }),
        ("/dev/null opened read-only", |_| {
            Stdio::from(std::fs::File::open("/dev/null").expect("open /dev/null"))
        }),
        ("/dev/full", |_| {
            Stdio::from(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .expect("open /dev/full"),
            )
        }),
        ("a pipe whose reader is closed", |_| {
            let (reader, writer) = std::io::pipe().expect("pipe");
            drop(reader);
            Stdio::from(writer)
        }),
    ];
    for args in [
        &["fees", request][..],
        &["fees", bad],
        &["--help"],
        &["nope"],
    ] {
        for (what, stdout) in outputs {
            std::fs::write(&answer, "").expect("answer file");
            let (code, stderr) = exit_with_stdout(args, stdout(&answer));
            assert_eq!(code, Some(2), "{args:?} to {what}: stderr {stderr}");
            assert!(stderr.is_empty(), "{args:?} to {what}: quietly: {stderr}");
        }
        // The same answer to a writable file is written whole: 0 for the answer and the
        // help, 2 only for a refusal.
        let file = std::fs::File::create(&answer).expect("answer file");
        let (code, stderr) = exit_with_stdout(args, Stdio::from(file));
        let written = std::fs::read_to_string(&answer).expect("read answer");
        let refused = args.contains(&bad) || args == ["nope"];
        assert_eq!(
            code,
            Some(if refused { 2 } else { 0 }),
            "{args:?}: {stderr}"
        );
        assert!(
            written.ends_with('\n') && written.len() > 10,
            "{args:?}: {written}"
        );
        if args[0] == "fees" {
            let v: Value = serde_json::from_str(&written).expect("the answer is JSON");
            assert_eq!(v.get("error").is_some(), refused, "{v}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The bad-input catalogue (`tests/spec/input/`, and every other spec case that expects
/// a refusal) through the command line: each request, written to a file exactly as the
/// case gives it, is refused with the case's code and path, exit 2.
#[test]
fn the_bad_input_catalogue_is_refused_the_same_way_on_the_command_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/spec");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("spec folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("impower-catalogue-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut ran = 0;
    for f in &files {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("JSON");
        let Some(want) = case.get("error") else {
            continue;
        };
        let verb = case["verb"].as_str().expect("a verb");
        let text = match (&case.get("request_text"), &case.get("request")) {
            (Some(Value::String(t)), _) => t.clone(),
            (_, Some(r)) => r.to_string(),
            _ => panic!("{}: no request", f.display()),
        };
        let req = dir.join("request.json");
        std::fs::write(&req, &text).expect("write request");
        let out = Command::new(env!("CARGO_BIN_EXE_impower"))
            .args([verb, req.to_str().expect("a UTF-8 temp path")])
            .output()
            .expect("impower runs");
        let got: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        assert_eq!(out.status.code(), Some(2), "{}: {got}", f.display());
        assert_eq!(got["error"]["code"], want["code"], "{}: {got}", f.display());
        assert_eq!(got["error"]["path"], want["path"], "{}: {got}", f.display());
        ran += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ran >= 30, "only {ran} refusal cases ran");
}

#[test]
fn schedule_ics_prints_an_icalendar_file_of_the_next_cohort() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_impower"))
        .args(["schedule", "--ics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("impower starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(br#"{"date": "2026-11-22"}"#)
        .expect("write");
    let out = child.wait_with_output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 14);
    assert!(
        text.contains("DTSTART;VALUE=DATE:20270301\r\n"),
        "the team starts 1 March 2027"
    );
    assert!(
        text.contains("DTSTART;VALUE=DATE:20271130\r\n"),
        "claims due 30 November 2027"
    );
    // DTSTAMP is when the file was made, in UTC, not the planning date (issue 21).
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let stamp = text
        .lines()
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .expect("a DTSTAMP");
    let made = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .expect("a UTC date-time")
        .and_utc()
        .timestamp();
    let now = i64::try_from(now).expect("seconds");
    assert!((now - made).abs() <= 120, "{stamp} is not now");
    let (out, v) = impower(&["schedule", "--ics"], r#"{"date": "soon"}"#);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["error"]["path"], "date");
}
