//! `impower assess --csv|--jsonl FILE_OR_DIR...` as a program office runs it: a folder
//! of applications in, one row per file out, every figure the one `impower assess FILE`
//! answers for that file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Map, Value};

const HEADER: [&str; 19] = [
    "file",
    "organization",
    "rule_book",
    "rule_book_digest",
    "ready",
    "C1",
    "C2",
    "C3",
    "team_valid",
    "must_fix",
    "to_check",
    "to_come",
    "too_late",
    "projects",
    "total_usd",
    "total_usd_without_prior",
    "next_cohort",
    "claim_deadline",
    "error",
];

fn impower(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_impower"))
        .args(args)
        .output()
        .expect("impower runs")
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read");
    serde_json::from_str(&text).expect("JSON")
}

/// A folder of applications, removed when dropped.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Folder {
    fn new(name: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("impower-batch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        Folder(dir)
    }

    fn put(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).expect("write");
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

/// The exported applications of the app's golden tests, two assess requests with a
/// team (one complete, one waiting for a name), and the bad ones: a file that is not
/// JSON, one refused by the rules, one over 1 MiB, and an organization that a
/// spreadsheet would run as a formula. A text file beside them is not read.
fn applications(name: &str) -> Folder {
    let f = Folder::new(name);
    let golden = read_json(&repo("web/tests/golden/6b69fe7-export.json"));
    for file in ["6b69fe7-export.json", "format2-2026-12-07-export.json"] {
        let text = std::fs::read_to_string(repo("web/tests/golden").join(file)).expect("golden");
        f.put(&format!("a-{file}"), &text);
    }
    let everything = read_json(&repo("tests/cases/assess/everything.json"));
    f.put("b-team-complete.json", &everything["request"].to_string());
    let waits = read_json(&repo("tests/spec/assess/c1-roster-waits-for-names.json"));
    f.put("b-team-waits.json", &waits["request"].to_string());
    f.put(
        "c-broken.json",
        "{\n  \"fees\": {\"projects\": 3},\n  oops\n}\n",
    );
    let mut refused = golden.clone();
    refused["fees"]["projects"] = json!(-1);
    f.put("d-refused.json", &refused.to_string());
    f.put("e-big.json", &" ".repeat((1 << 20) + 1));
    let mut formula = golden;
    formula["app"]["organization"] = json!("=HYPERLINK(\"x\")");
    f.put("f-formula.json", &formula.to_string());
    f.put("notes.txt", "not an application");
    f
}

/// The files the folder's rows name, in name order, and the missing one after it.
const FILES: [&str; 9] = [
    "a-6b69fe7-export.json",
    "a-format2-2026-12-07-export.json",
    "b-team-complete.json",
    "b-team-waits.json",
    "c-broken.json",
    "d-refused.json",
    "e-big.json",
    "f-formula.json",
    "missing.json",
];

/// The row `impower assess FILE` implies, column by column, from its JSON answer:
/// blank is null.
fn expected(f: &Folder, file: &str) -> Map<String, Value> {
    let path = f.path(file);
    if file == "missing.json" {
        // Not an answer: `impower assess FILE` names the file in its message, the row
        // names it in its file column.
        let mut row: Map<String, Value> = HEADER
            .iter()
            .map(|c| (c.to_string(), Value::Null))
            .collect();
        row.insert("file".into(), json!(path));
        row.insert(
            "error".into(),
            json!("could not read the file: no such file (io)"),
        );
        let out = impower(&["assess", &path]);
        assert_eq!(out.status.code(), Some(2));
        return row;
    }
    let out = impower(&["assess", &path]);
    let answer: Value = serde_json::from_slice(&out.stdout).expect("assess answers JSON");
    let mut row = Map::new();
    for column in HEADER {
        row.insert(column.to_string(), Value::Null);
    }
    row.insert("file".into(), json!(path));
    if let Ok(text) = std::fs::read_to_string(&path) {
        if let Ok(request) = serde_json::from_str::<Value>(&text) {
            if let Some(name) = request["app"]["organization"].as_str() {
                row.insert("organization".into(), json!(name));
            }
        }
    }
    if let Some(e) = answer.get("error") {
        assert_eq!(out.status.code(), Some(2), "{file}");
        let path = e["path"].as_str().unwrap_or_default();
        let message = e["message"].as_str().unwrap_or_default();
        let code = e["code"].as_str().unwrap_or_default();
        let error = if path.is_empty() {
            format!("{message} ({code})")
        } else {
            format!("{path}: {message} ({code})")
        };
        row.insert("error".into(), json!(error));
        return row;
    }
    assert_eq!(out.status.code(), Some(0), "{file}");
    row.insert("rule_book".into(), answer["rule_book"]["version"].clone());
    row.insert(
        "rule_book_digest".into(),
        answer["rule_book"]["digest"].clone(),
    );
    if let Some(r) = answer.get("readiness") {
        row.insert("ready".into(), r["ready"].clone());
        for c in r["commitments"].as_array().expect("commitments") {
            row.insert(c["id"].as_str().expect("id").into(), c["met"].clone());
        }
    }
    if let Some(t) = answer.get("team") {
        let waits = t["unanswered"].as_array().is_some_and(|u| {
            u.iter()
                .any(|x| x.as_str().is_some_and(|p| p.ends_with(".name")))
        });
        if !waits {
            row.insert("team_valid".into(), t["valid"].clone());
        }
    }
    // Counted as the app labels findings: an error with a `due` day is "To come", one
    // with a `passed` day (and no `due`) "Too late", any other "Must fix".
    let count = |keep: &dyn Fn(&Value) -> bool| {
        ["readiness", "team", "fees", "schedule", "credits"]
            .iter()
            .filter_map(|part| answer.get(*part))
            .flat_map(|p| p["findings"].as_array().cloned().unwrap_or_default())
            .filter(|x| keep(x))
            .count()
    };
    let error = |x: &Value| x["severity"] == "error";
    let due = |x: &Value| x.get("due").is_some();
    let passed = |x: &Value| x.get("passed").is_some();
    row.insert(
        "must_fix".into(),
        json!(count(&|x| error(x) && !due(x) && !passed(x))),
    );
    row.insert(
        "to_check".into(),
        json!(count(&|x| x["severity"] == "warning")),
    );
    row.insert("to_come".into(), json!(count(&|x| error(x) && due(x))));
    row.insert(
        "too_late".into(),
        json!(count(&|x| error(x) && !due(x) && passed(x))),
    );
    if let Some(fees) = answer.get("fees") {
        row.insert(
            "projects".into(),
            json!(fees["projects"].as_array().expect("projects").len()),
        );
        row.insert("total_usd".into(), fees["total_usd"].clone());
        if let Some(other) = fees.get("total_usd_without_prior") {
            if *other != fees["total_usd"] {
                row.insert("total_usd_without_prior".into(), other.clone());
            }
        }
    }
    if let Some(s) = answer.get("schedule") {
        row.insert("next_cohort".into(), s["cohort"]["id"].clone());
    }
    if let Some(c) = answer.get("credits") {
        row.insert("claim_deadline".into(), c["claim_deadline"].clone());
    }
    row
}

/// A JSON value as its CSV cell, a formula's start quoted.
fn cell(v: &Value) -> String {
    let text = match v {
        Value::Null => String::new(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

fn run(f: &Folder, option: &str) -> Output {
    let missing = f.path("missing.json");
    impower(&["assess", option, &f.0.to_string_lossy(), &missing])
}

#[test]
fn csv_has_a_row_per_file_with_the_figures_of_assess() {
    let f = applications("csv");
    let out = run(&f, "--csv");
    assert_eq!(out.status.code(), Some(2), "a file was refused");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // The formula comes out as text, in quotes, its quotes doubled.
    assert!(text.contains(r#","'=HYPERLINK(""x"")","#), "{text}");
    // Every cell is quoted.
    assert!(
        text.starts_with("\"file\",\"organization\",\"rule_book\","),
        "{text}"
    );

    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), FILES.len(), "{text}");
    for (row, file) in rows.iter().zip(FILES) {
        let want = expected(&f, file);
        for (i, column) in HEADER.iter().enumerate() {
            assert_eq!(
                row.get(i),
                Some(cell(&want[*column]).as_str()),
                "{file}: {column}"
            );
        }
    }
    let error = |file: &str| {
        let at = FILES.iter().position(|x| *x == file).expect("listed");
        rows[at].get(18).unwrap_or_default().to_string()
    };
    assert!(error("a-6b69fe7-export.json").is_empty());
    let broken = error("c-broken.json");
    assert!(
        broken.contains("not valid JSON") && broken.contains("line 3 column 3"),
        "{broken}"
    );
    assert!(broken.ends_with("(malformed_json)"), "{broken}");
    let refused = error("d-refused.json");
    assert!(
        refused.starts_with("fees.projects: -1 is negative"),
        "{refused}"
    );
    assert!(refused.ends_with("(out_of_range)"), "{refused}");
    let big = error("e-big.json");
    assert!(
        big.contains("over 1048576 bytes") && big.ends_with("(out_of_range)"),
        "{big}"
    );
    assert_eq!(
        error("missing.json"),
        "could not read the file: no such file (io)"
    );

    // The figures differ where the applications do: not one row copied.
    let team = |file: &str| {
        let at = FILES.iter().position(|x| *x == file).expect("listed");
        rows[at].get(8).unwrap_or_default().to_string()
    };
    assert_eq!(team("b-team-complete.json"), "yes");
    assert_eq!(team("b-team-waits.json"), "");
    assert_eq!(rows[0].get(15), Some("21000"));
    assert_eq!(rows[1].get(15), Some(""));
    // The golden exports' credits wait for stages still to come: "To come", not "Must
    // fix", as the app shows them.
    let column = |name: &str| HEADER.iter().position(|c| *c == name).expect("a column");
    assert_ne!(rows[0].get(column("to_come")), Some("0"));
    assert_eq!(rows[0].get(column("too_late")), Some("0"));
}

#[test]
fn jsonl_has_an_object_per_file_keyed_by_the_columns() {
    let f = applications("jsonl");
    let out = run(&f, "--jsonl");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), FILES.len(), "{text}");
    for (line, file) in lines.iter().zip(FILES) {
        let row: Map<String, Value> = serde_json::from_str(line).expect("one object a line");
        let keys: Vec<&str> = row.keys().map(String::as_str).collect();
        let mut header = HEADER.to_vec();
        header.sort_unstable();
        assert_eq!(keys, header, "{file}");
        assert_eq!(row, expected(&f, file), "{file}");
    }
    let formula: Value = serde_json::from_str(lines[7]).expect("JSON");
    // JSON is no spreadsheet: the name as typed.
    assert_eq!(formula["organization"], "=HYPERLINK(\"x\")");
    assert_eq!(formula["total_usd"], 18000);
    assert_eq!(formula["ready"], false);
}

#[test]
fn every_file_read_exits_0_and_files_come_in_the_order_given() {
    let f = Folder::new("good");
    let golden = repo("web/tests/golden/6b69fe7-export.json");
    let text = std::fs::read_to_string(&golden).expect("golden");
    f.put("z.json", &text);
    f.put("y.json", &text);
    let out = impower(&["assess", "--csv", &f.path("z.json"), &f.path("y.json")]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let files: Vec<String> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("row").get(0).unwrap_or_default().to_string())
        .collect();
    assert_eq!(files, [f.path("z.json"), f.path("y.json")]);

    // An empty folder: the header alone.
    let empty = Folder::new("empty");
    let out = impower(&["assess", "--csv", &empty.0.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn batch_usage_errors_are_json_with_exit_2() {
    for args in [
        &["fees", "--csv", "x.json"][..],
        &["assess", "--csv", "--compact", "x.json"],
        &["assess", "--jsonl", "--ics", "x.json"],
        &["assess", "--csv", "--jsonl", "x.json"],
        &["assess", "--csv"],
        &["assess", "--csv", "-"],
    ] {
        let out = impower(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON error");
        assert_eq!(v["error"]["code"], "usage", "{args:?}");
    }
}
