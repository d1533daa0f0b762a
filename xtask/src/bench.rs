//! `cargo xtask bench`: speed figures, in this order, then a summary table.
//! 1. criterion, natively: every verb through rules::respond, and split into parse,
//!    read, evaluate (the typed functions, no JSON) and write (crates/rules/benches/verbs.rs);
//! 2. the JS API against json-rules-engine in Node (e2e/bench/js-api.mjs);
//! 3. keystroke to painted result, Team view with 10 people and Fees view
//!    (e2e/bench/browser.mjs);
//! 4. first question visible at Fast 3G, cold cache, as served then gzipped
//!    (e2e/bench/first-content.mjs);
//! 5. a program office's batch: `impower assess --csv` over 10,000 exports, files a
//!    second and peak memory (crates/cli/benches/batch.rs).
//!
//! Figures only: nothing passes or fails on a time. It fails when a bench does not run
//! (a build fails, a page or a field is missing, the engines disagree), after running the
//! others. The figures are as noisy as the machine: other work on the same cores moves them.
//!
//! ## Why the JS API answers as a tape, as measured here (moved from ARCHITECTURE.md)
//!
//! Writing 5 KB of JSON text, decoding it to a JS string and `JSON.parse` cost more than
//! the rules: of 24.5 µs for a `readiness` call, `JSON.parse` alone was 8 µs. Now the
//! WebAssembly writes words (object, key, value, end; a string as its address and length)
//! and `tape.js` builds the objects. The answers' fixed text lies in the module's data
//! segment, never changes, and is decoded once per address and kept (a JS `Map` keyed by
//! address cost 3 µs a call; a dense array by offset in the segment costs almost
//! nothing); text made at run time is copied beside the tape. Messages that are always
//! fixed became `&'static str` / `Cow<'static, str>` in the rules, so they are neither
//! allocated nor copied. The request is walked in JavaScript into a tape too (one call,
//! where reading it through `Reflect` took up to eight calls a value; short ASCII text
//! copied without `encodeInto`, whose call costs more than the copy), and fields' paths
//! are written only for a refusal. Measured in one Node process: `readiness` 24.5 → 7.1
//! µs (json-rules-engine 27.4 µs: 3.9×), `team` 123 → 53 µs, `assess` 217 → 93 µs, and
//! the JS API 49.0 → 47.0 KB gzip (`tape.js` folded into `impower.js`, its comments
//! stripped; the request readers' helpers kept out of line, −0.5 KB). Measured and not
//! kept: the request as `JSON.stringify` text parsed in WebAssembly (+2 KB for the
//! parser, no faster). Where a `readiness` call's time goes now (V8's profiler): building
//! the answer's objects 38 %, writing the tape 10 %, allocation 8 %, the rules 2 %.

use crate::util::{cargo, root, say, which, Result};
use serde_json::{json, Map, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

const VERBS: [&str; 6] = ["fees", "schedule", "readiness", "team", "credits", "assess"];
const PARTS: [&str; 5] = ["respond", "parse", "read", "evaluate", "write"];

/// Runs `cmd`, its output shown as it comes, and returns the object on its last
/// `BENCH_JSON ` line; Err when it fails or prints none.
fn figures(name: &str, cmd: &mut Command) -> std::result::Result<Value, String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{name}: did not start ({e})"))?;
    let mut last = None;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            if let Some(j) = line.strip_prefix("BENCH_JSON ") {
                last = serde_json::from_str(j).ok();
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{name}: {e}"))?;
    match (status.success(), last) {
        (true, Some(v)) => Ok(v),
        (true, None) => Err(format!("{name}: printed no BENCH_JSON line")),
        (false, _) => Err(format!("{name}: {status}")),
    }
}

/// The criterion medians (ns) by "part/verb", from CRITERION_HOME's estimates.json files.
fn medians(home: &Path) -> std::result::Result<Value, String> {
    let mut ns = Map::new();
    for part in PARTS {
        for verb in VERBS {
            let file = home.join(part).join(verb).join("new/estimates.json");
            let text =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let v: Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let median = v["median"]["point_estimate"]
                .as_f64()
                .ok_or_else(|| format!("{}: no median", file.display()))?;
            ns.insert(format!("{part}/{verb}"), json!(median));
        }
    }
    println!("\nmedians, µs per call (criterion estimates.json):");
    println!(
        "{:<10}{}",
        "verb",
        PARTS.iter().map(|p| format!("{p:>9}")).collect::<String>()
    );
    for verb in VERBS {
        let cells: String = PARTS
            .iter()
            .map(|p| {
                format!(
                    "{:>9.2}",
                    ns.get(&format!("{p}/{verb}"))
                        .and_then(Value::as_f64)
                        .unwrap_or(f64::NAN)
                        / 1000.0
                )
            })
            .collect();
        println!("{verb:<10}{cells}");
    }
    Ok(Value::Object(ns))
}

pub fn bench(dist: &Path, prepare: impl FnOnce() -> Result) -> Result {
    let home = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
    let mut failed = Vec::new();
    let mut keep = |r: std::result::Result<Value, String>| match r {
        Ok(v) => Some(v),
        Err(e) => {
            eprintln!("{e}: did not run to the end (see above)");
            failed.push(e);
            None
        }
    };

    say("1/5 criterion: every verb natively (warm-up 1 s, measurement 2 s each)");
    // A fresh CRITERION_HOME: no earlier run's figures can be read back as this run's.
    let ran = crate::util::run(
        cargo(&[
            "bench",
            "-p",
            "impower-rules",
            "--bench",
            "verbs",
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "2",
        ])
        .env("CRITERION_HOME", &home),
    );
    let criterion = keep(ran.and_then(|_| medians(&home)));
    let _ = std::fs::remove_dir_all(&home);

    prepare()?;
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| which("chromium"));
    let node = |script: &str| {
        let mut cmd = Command::new("node");
        cmd.arg(root().join("e2e/bench").join(script))
            .env("DIST", dist)
            .env("CHROMIUM", &chromium);
        cmd
    };
    say("2/5 the JS API against json-rules-engine, in Node");
    let js = keep(figures("js-api", &mut node("js-api.mjs")));
    say("3/5 keystroke to painted result: Team view, 10 people, headless Chromium");
    let browser = keep(figures("browser", &mut node("browser.mjs")));
    say("4/5 first question visible at Fast 3G, cold cache");
    let first = keep(figures("first-content", &mut node("first-content.mjs")));
    say("5/5 impower assess --csv over 10,000 exports (files a second, peak memory)");
    let batch = keep(figures(
        "batch",
        &mut cargo(&["bench", "-q", "-p", "impower-cli", "--bench", "batch"]),
    ));

    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    say(&format!(
        "summary ({cores} cores; figures move with the machine's other work)"
    ));
    summary(
        criterion.as_ref(),
        js.as_ref(),
        browser.as_ref(),
        first.as_ref(),
    );
    match &batch {
        Some(b) => println!(
            "  impower assess --csv, {} files: {:.0} files/s, peak RSS {:.1} MiB",
            b["files"],
            b["csv_files_per_s"].as_f64().unwrap_or(f64::NAN),
            b["csv_peak_rss_kib"].as_f64().unwrap_or(f64::NAN) / 1024.0
        ),
        None => println!("  impower assess --csv: DID NOT RUN"),
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("benches that did not run: {}", failed.join("; ")))
    }
}

fn summary(c: Option<&Value>, j: Option<&Value>, b: Option<&Value>, f: Option<&Value>) {
    let n = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let us = |x: f64| format!("{x:.2} µs");
    let ms = |x: f64| format!("{x:.1} ms");
    let mut rows: Vec<(String, String)> = Vec::new();
    match c {
        Some(c) => {
            for v in VERBS {
                let respond = n(c, &format!("respond/{v}")) / 1000.0;
                let evaluate = n(c, &format!("evaluate/{v}")) / 1000.0;
                rows.push((
                    format!("native {v}: respond (evaluate only)"),
                    format!("{} ({})", us(respond), us(evaluate)),
                ));
            }
        }
        None => rows.push(("native verbs (criterion)".into(), "DID NOT RUN".into())),
    }
    match j {
        Some(j) => {
            rows.push(("JS API readiness".into(), us(n(j, "readiness_impower_us"))));
            rows.push((
                format!("{} readiness", j["engine"].as_str().unwrap_or("?")),
                us(n(j, "readiness_jre_us")),
            ));
            rows.push((
                "ratio json-rules-engine / JS API".into(),
                format!("{:.2}", n(j, "ratio")),
            ));
            rows.push((
                "JS API fees / team / assess".into(),
                format!(
                    "{} / {} / {}",
                    us(n(j, "fees_us")),
                    us(n(j, "team_us")),
                    us(n(j, "assess_us"))
                ),
            ));
        }
        None => rows.push(("JS API vs json-rules-engine".into(), "DID NOT RUN".into())),
    }
    match b {
        Some(b) => {
            let pair = |a: &str, z: &str| format!("{} / {}", ms(n(b, a)), ms(n(b, z)));
            rows.push((
                format!(
                    "keystroke, Team ({} people): the app's work / to frame (median / p95)",
                    b["people"]
                ),
                format!(
                    "{} / {}",
                    pair("app_median_ms", "app_p95_ms"),
                    pair("frame_median_ms", "frame_p95_ms")
                ),
            ));
            // Each figure as median / p95, from the keys `{key}median_ms`, `{key}p95_ms`.
            for (what, key) in [
                ("4x CPU throttling, Team: the app's work", "throttled_app_"),
                ("4x CPU throttling, Team: to frame", "throttled_frame_"),
                (
                    "4x CPU throttling, Team: the browser alone, one character",
                    "throttled_browser_",
                ),
                ("Fees view: to frame", "fees_frame_"),
                (
                    "4x CPU throttling, Fees: the app's work",
                    "fees_throttled_app_",
                ),
                ("4x CPU throttling, Fees: to frame", "fees_throttled_frame_"),
                (
                    "4x CPU throttling, Fees: the browser alone, one character",
                    "fees_throttled_browser_",
                ),
            ] {
                rows.push((
                    format!("{what} (median / p95)"),
                    pair(&format!("{key}median_ms"), &format!("{key}p95_ms")),
                ));
            }
        }
        None => rows.push(("keystroke in the browser".into(), "DID NOT RUN".into())),
    }
    match f {
        Some(f) => {
            let loads = &f["loads"];
            rows.push((
                format!("first question at Fast 3G, no compression (median of {loads} cold loads)"),
                format!(
                    "{} ({:.1} kB)",
                    ms(n(f, "median_ms")),
                    n(f, "bytes") / 1000.0
                ),
            ));
            rows.push((
                format!("first question at Fast 3G, gzipped (median of {loads} cold loads)"),
                format!(
                    "{} ({:.1} kB)",
                    ms(n(f, "gzip_median_ms")),
                    n(f, "gzip_bytes") / 1000.0
                ),
            ));
            rows.push((
                "answerable (the app running) at Fast 3G, no compression / gzipped".into(),
                format!(
                    "{} / {}",
                    ms(n(f, "answerable_median_ms")),
                    ms(n(f, "gzip_answerable_median_ms"))
                ),
            ));
        }
        None => rows.push(("first question at Fast 3G".into(), "DID NOT RUN".into())),
    }
    let w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    for (what, figure) in rows {
        println!("{what:<w$}  {figure}");
    }
}
