//! `impower assess --csv` over many small exported applications: files a second, and
//! the peak memory (resident set) of the process. Figures only, nothing passes or fails
//! on them; it fails only when the run does not give a row per file.
//!
//!     cargo bench -p impower-cli --bench batch
//!     IMPOWER_BATCH_FILES=100000 cargo bench -p impower-cli --bench batch
//!
//! Writes N files (10,000 unless `IMPOWER_BATCH_FILES` says) into a temporary folder, each
//! the app's golden export under its own organization name, then times three runs of
//! `impower assess --csv FOLDER > file`, and one of `--jsonl`, as built by the bench
//! profile (the release one: `opt-level = "z"`). The peak memory is `/usr/bin/time -v`'s
//! "Maximum resident set size" where it is installed, else the child's `VmHWM` in
//! `/proc/PID/status`, read while it runs (Linux); else it is not given. A run over a
//! tenth of the files beside it shows how memory grows with the file count: only by the
//! list of paths (one file is held at a time; on a 2-core machine, 10,000 files peaked
//! at 3.4 MiB, 100,000 at 15 MiB). The last line is `BENCH_JSON {…}`, the figures.
//! Without `--bench` (as `cargo test --benches` runs it): 20 files, once, to check that
//! it runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `n` exported applications in a fresh folder.
fn applications(n: usize, tag: &str) -> Folder {
    let dir = std::env::temp_dir().join(format!("impower-bench-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../web/tests/golden/format2-2026-12-07-export.json");
    let text = std::fs::read_to_string(golden).expect("the golden export");
    let mut export: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for i in 0..n {
        export["app"]["organization"] = format!("Organization {i:06}").into();
        let body = serde_json::to_string_pretty(&export).expect("JSON");
        std::fs::write(dir.join(format!("{i:06}.json")), body).expect("write");
    }
    Folder(dir)
}

/// One run: wall time, peak RSS in KiB if known, and the output's line count.
struct Run {
    seconds: f64,
    peak_kib: Option<u64>,
    lines: usize,
}

fn run(option: &str, dir: &Path) -> Run {
    let out_path = dir.with_extension("out");
    let out = std::fs::File::create(&out_path).expect("output file");
    let time = Path::new("/usr/bin/time");
    let bin = env!("CARGO_BIN_EXE_impower");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(["assess", option])
        .arg(dir)
        .stdout(out)
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("impower starts");
    let mut polled = None;
    if !time.exists() {
        let status = format!("/proc/{}/status", child.id());
        while child.try_wait().ok().flatten().is_none() {
            if let Some(kib) = vm_hwm(&status) {
                polled = Some(kib);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    let output = child.wait_with_output().expect("impower runs");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak_kib = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .or(polled);
    let lines = std::fs::read_to_string(&out_path)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    let _ = std::fs::remove_file(&out_path);
    Run {
        seconds,
        peak_kib,
        lines,
    }
}

fn vm_hwm(status: &str) -> Option<u64> {
    let text = std::fs::read_to_string(status).ok()?;
    let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "not measured".to_string(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize = if benching {
        std::env::var("IMPOWER_BATCH_FILES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000)
    } else {
        20
    };
    println!("writing {n} exported applications…");
    let folder = applications(n, "many");
    let bytes: u64 = std::fs::read_dir(&folder.0)
        .expect("list")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{n} files, {:.1} MB in all ({} bytes each on average)",
        bytes as f64 / 1e6,
        bytes / n.max(1) as u64
    );
    let rounds = if benching { 3 } else { 1 };
    let mut csv = Vec::new();
    for round in 1..=rounds {
        let r = run("--csv", &folder.0);
        assert_eq!(r.lines, n + 1, "a header and a row per file");
        println!(
            "--csv   run {round}: {:.3} s, {:.0} files/s, peak RSS {}",
            r.seconds,
            n as f64 / r.seconds,
            mib(r.peak_kib)
        );
        csv.push(r);
    }
    let jsonl = run("--jsonl", &folder.0);
    assert_eq!(jsonl.lines, n, "a line per file");
    println!(
        "--jsonl run 1: {:.3} s, {:.0} files/s, peak RSS {}",
        jsonl.seconds,
        n as f64 / jsonl.seconds,
        mib(jsonl.peak_kib)
    );
    drop(folder);
    let tenth = (n / 10).max(1);
    let small = applications(tenth, "tenth");
    let few = run("--csv", &small.0);
    assert_eq!(few.lines, tenth + 1);
    println!(
        "--csv   over {tenth} files: {:.3} s, peak RSS {} (beside it, memory grows only by the list of paths)",
        few.seconds,
        mib(few.peak_kib)
    );
    drop(small);

    let mut seconds: Vec<f64> = csv.iter().map(|r| r.seconds).collect();
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    let peak = csv.iter().filter_map(|r| r.peak_kib).max();
    println!(
        "summary: {n} files, --csv median {:.3} s = {:.0} files/s, peak RSS {}; --jsonl {:.0} files/s; {tenth} files peak RSS {}",
        median,
        n as f64 / median,
        mib(peak),
        n as f64 / jsonl.seconds,
        mib(few.peak_kib)
    );
    println!(
        "BENCH_JSON {}",
        serde_json::json!({
            "files": n,
            "csv_median_s": median,
            "csv_files_per_s": n as f64 / median,
            "csv_peak_rss_kib": peak,
            "jsonl_files_per_s": n as f64 / jsonl.seconds,
            "jsonl_peak_rss_kib": jsonl.peak_kib,
            "tenth_files": tenth,
            "tenth_peak_rss_kib": few.peak_kib,
        })
    );
}
