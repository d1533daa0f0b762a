//! `impower-fuzz`: a bounded, deterministic fuzz run of the JSON contract, on stable.
//!
//! ```text
//! cargo run --release -p impower-fuzz -- [--iterations N] [--seed S] [--verb V]... [--root DIR]
//! cargo run --release -p impower-fuzz -- --replay FILE...
//! ```
//!
//! It replays the fuzz corpus (`tests/fuzz-corpus/<verb>/`) and an input one byte over
//! the size limit, then, for each verb, checks N generated inputs (arbitrary bytes, byte
//! edits and JSON-aware edits of the seed requests) against the invariants of
//! [`impower_fuzz::check`]. It prints the seed, per-verb counts and the elapsed time, and
//! exits 1 with each failing input saved under `tests/fuzz-corpus/crashes/` when any
//! invariant fails (a panic is saved by the panic hook before the process ends).
//! `--replay` checks saved inputs; a file's verb is its folder (`fees/…`) or the start of
//! its name (`fees-…`).
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use impower_fuzz::contract::check_contract;
use impower_fuzz::{
    check, corpus_dir, corpus_files, current_input, input_name, mutate, oversized, preview,
    save_crash, Outcome, Rng, Seeds,
};
use rules::json::VERBS;

static CRASH_DIR: OnceLock<PathBuf> = OnceLock::new();
static SEED: AtomicU64 = AtomicU64::new(0);
static ITERATION: AtomicU64 = AtomicU64::new(u64::MAX);

const USAGE: &str =
    "usage: impower-fuzz [--iterations N] [--seed S] [--verb VERB]... [--root DIR] [--contract]
       impower-fuzz [--root DIR] --replay FILE...
       impower-fuzz [--root DIR] --export-seeds DIR   (DIR/<verb>/: a libFuzzer corpus)";

struct Options {
    iterations: u64,
    seed: u64,
    verbs: Vec<&'static str>,
    root: PathBuf,
    replay: Vec<PathBuf>,
    export: Option<PathBuf>,
    contract: bool,
}

fn parse(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        iterations: 2_000,
        seed: clock_seed(),
        verbs: Vec::new(),
        root: Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .canonicalize()
            .unwrap_or_else(|_| PathBuf::from(".")),
        replay: Vec::new(),
        export: None,
        contract: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--iterations" => {
                options.iterations = value("--iterations")?
                    .parse()
                    .map_err(|e| format!("--iterations: {e}"))?;
            }
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            "--verb" => {
                let verb = value("--verb")?;
                let known = VERBS
                    .iter()
                    .find(|v| **v == verb)
                    .ok_or(format!("{verb} is not a verb: use one of {VERBS:?}"))?;
                options.verbs.push(known);
            }
            "--contract" => options.contract = true,
            "--root" => options.root = PathBuf::from(value("--root")?),
            "--export-seeds" => options.export = Some(PathBuf::from(value("--export-seeds")?)),
            "--replay" => {
                options.replay.extend(args.by_ref().map(PathBuf::from));
                if options.replay.is_empty() {
                    return Err("--replay needs files".to_string());
                }
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("{other} is not an option")),
        }
    }
    if options.verbs.is_empty() {
        options.verbs = VERBS.to_vec();
    }
    Ok(options)
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            d.as_nanos() as u64 ^ (u64::from(std::process::id()) << 32)
        })
}

/// Saves the input that panicked before the process ends (the release profile aborts
/// on panic), then lets the default hook print the panic.
fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let (verb, bytes) = current_input();
        if !verb.is_empty() {
            let saved = CRASH_DIR.get().map(|dir| save_crash(dir, &verb, &bytes));
            eprintln!(
                "PANIC in `{verb}` (seed {}, iteration {}) on: {}",
                SEED.load(Ordering::Relaxed),
                ITERATION.load(Ordering::Relaxed) as i64,
                preview(&bytes, 300)
            );
            match saved {
                Some(Ok(path)) => eprintln!("input saved to {}", path.display()),
                Some(Err(e)) => eprintln!("could not save the input: {e}"),
                None => {}
            }
        }
        default(info);
    }));
}

/// Checks one input, turning a panic (when the profile unwinds) into a violation.
/// With `contract`, also the input rules of `impower_fuzz::contract`.
fn guarded(verb: &str, bytes: &[u8], contract: bool) -> Result<Outcome, String> {
    let outcome = match panic::catch_unwind(AssertUnwindSafe(|| check(verb, bytes))) {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(v)) => return Err(v.0),
        Err(_) => return Err("panicked".to_string()),
    };
    if contract {
        check_contract(verb, &String::from_utf8_lossy(bytes)).map_err(|v| v.0)?;
    }
    Ok(outcome)
}

/// Violations printed and saved per verb; the rest are counted.
const SHOWN: u64 = 10;

#[derive(Default)]
struct Tally {
    inputs: u64,
    answered: u64,
    refused: u64,
    violations: u64,
    slowest: Duration,
    slowest_input: Vec<u8>,
    elapsed: Duration,
}

impl Tally {
    fn record(&mut self, verb: &str, bytes: &[u8], crash_dir: &Path, contract: bool) -> bool {
        let start = Instant::now();
        let result = guarded(verb, bytes, contract);
        let took = start.elapsed();
        self.inputs += 1;
        if took > self.slowest {
            self.slowest = took;
            self.slowest_input = bytes.to_vec();
        }
        match result {
            Ok(Outcome::Answered) => self.answered += 1,
            Ok(Outcome::Refused) => self.refused += 1,
            Err(what) => {
                self.violations += 1;
                if self.violations > SHOWN {
                    return false;
                }
                let saved = match save_crash(crash_dir, verb, bytes) {
                    Ok(path) => path.display().to_string(),
                    Err(e) => format!("(not saved: {e})"),
                };
                println!(
                    "VIOLATION in `{verb}`: {what}\n  input: {}\n  saved: {saved}",
                    preview(bytes, 300)
                );
                return false;
            }
        }
        true
    }
}

fn replay(files: &[PathBuf], contract: bool) -> ExitCode {
    let mut failed = 0;
    for file in files {
        let verb = verb_of(file);
        let Some(verb) = verb else {
            println!("{}: no verb in its folder or name", file.display());
            failed += 1;
            continue;
        };
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                println!("{}: {e}", file.display());
                failed += 1;
                continue;
            }
        };
        let outcome = guarded(verb, &bytes, contract);
        let answer = rules::respond(verb, &String::from_utf8_lossy(&bytes));
        println!(
            "{} ({verb}): {}\n  answer: {}",
            file.display(),
            match &outcome {
                Ok(o) => format!("ok, {o:?}"),
                Err(e) => format!("VIOLATION: {e}"),
            },
            match answer {
                Ok(_) => "an answer".to_string(),
                Err(e) => serde_json::to_string(&e).unwrap_or_default(),
            }
        );
        if outcome.is_err() {
            failed += 1;
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes every seed text as a file of `dir/<verb>/`, a starting corpus for libFuzzer;
/// `assess` also gets each verb's requests wrapped under its key.
fn export(seeds: &Seeds, dir: &Path) -> ExitCode {
    let mut written = 0;
    let mut inputs: Vec<(String, Vec<u8>)> = seeds.texts.clone();
    for (verb, value) in &seeds.values {
        if verb != "assess" {
            let wrapped = serde_json::json!({ verb.as_str(): value });
            inputs.push(("assess".to_string(), wrapped.to_string().into_bytes()));
        }
    }
    for (verb, bytes) in &inputs {
        let folder = dir.join(verb);
        let saved = std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(folder.join(input_name(verb, bytes)), bytes));
        if let Err(e) = saved {
            println!("could not write under {}: {e}", folder.display());
            return ExitCode::FAILURE;
        }
        written += 1;
    }
    println!("{written} seed inputs written under {}", dir.display());
    ExitCode::SUCCESS
}

fn verb_of(file: &Path) -> Option<&'static str> {
    let folder = file
        .parent()
        .and_then(Path::file_name)
        .and_then(|f| f.to_str());
    let name = file.file_name().and_then(|f| f.to_str()).unwrap_or("");
    VERBS
        .iter()
        .copied()
        .find(|v| folder == Some(*v) || name.strip_prefix(v).is_some_and(|r| r.starts_with('-')))
}

/// The generator of one verb: the run's seed mixed with the verb, so `--verb V` with the
/// same seed repeats that verb's inputs.
fn verb_rng(seed: u64, verb: &str) -> Rng {
    let mut mixed = seed;
    for b in input_name(verb, b"").bytes() {
        mixed = mixed.rotate_left(5) ^ u64::from(b);
    }
    Rng::new(mixed)
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1).collect()) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("{e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let crash_dir = corpus_dir(&options.root).join("crashes");
    let _ = CRASH_DIR.set(crash_dir.clone());
    SEED.store(options.seed, Ordering::Relaxed);
    install_panic_hook();
    if !options.replay.is_empty() {
        return replay(&options.replay, options.contract);
    }

    let started = Instant::now();
    let (seeds, skipped) = Seeds::load(&options.root);
    if let Some(dir) = &options.export {
        return export(&seeds, dir);
    }
    println!(
        "impower-fuzz: seed {} ({} iterations per verb; repeat with --seed {}){}",
        options.seed,
        options.iterations,
        options.seed,
        if options.contract {
            "; with the input rules (--contract)"
        } else {
            ""
        }
    );
    println!(
        "seeds: {} requests, {} texts from tests/cases and tests/fuzz-corpus ({skipped} case files skipped)",
        seeds.values.len(),
        seeds.texts.len()
    );
    if seeds.values.is_empty() {
        println!(
            "no seed requests under {}: give --root the repository",
            options.root.display()
        );
        return ExitCode::FAILURE;
    }

    // The corpus and the size limit, every run.
    let mut replayed = Tally::default();
    for verb in VERBS {
        for (_, bytes) in corpus_files(&options.root, verb) {
            replayed.record(verb, &bytes, &crash_dir, options.contract);
        }
        replayed.record(verb, &oversized(), &crash_dir, options.contract);
    }
    println!(
        "corpus replayed: {} inputs, {} answered, {} refused, {} violations",
        replayed.inputs, replayed.answered, replayed.refused, replayed.violations
    );

    let mut violations = replayed.violations;
    println!(
        "{:<10} {:>9} {:>9} {:>9} {:>10} {:>11} {:>9}",
        "verb", "inputs", "answered", "refused", "violations", "slowest ms", "elapsed s"
    );
    let mut total = Tally::default();
    for verb in &options.verbs {
        let mut rng = verb_rng(options.seed, verb);
        let mut tally = Tally::default();
        let start = Instant::now();
        for i in 0..options.iterations {
            ITERATION.store(i, Ordering::Relaxed);
            let bytes = mutate(&mut rng, verb, &seeds);
            if !tally.record(verb, &bytes, &crash_dir, options.contract)
                && tally.violations <= SHOWN
            {
                println!("  (seed {}, verb {verb}, iteration {i})", options.seed);
            }
        }
        tally.elapsed = start.elapsed();
        println!(
            "{:<10} {:>9} {:>9} {:>9} {:>10} {:>11.3} {:>9.2}",
            verb,
            tally.inputs,
            tally.answered,
            tally.refused,
            tally.violations,
            tally.slowest.as_secs_f64() * 1e3,
            tally.elapsed.as_secs_f64()
        );
        violations += tally.violations;
        total.inputs += tally.inputs;
        total.answered += tally.answered;
        total.refused += tally.refused;
        if tally.slowest > total.slowest {
            total.slowest = tally.slowest;
            total.slowest_input = tally.slowest_input;
        }
    }
    println!(
        "total: {} inputs, {} answered, {} refused, {violations} violations, in {:.2} s; slowest input {:.3} ms: {}",
        total.inputs,
        total.answered,
        total.refused,
        started.elapsed().as_secs_f64(),
        total.slowest.as_secs_f64() * 1e3,
        preview(&total.slowest_input, 80)
    );
    if violations == 0 {
        ExitCode::SUCCESS
    } else {
        println!(
            "FAILED: {violations} violations; the first {SHOWN} of each verb printed and saved under {}",
            crash_dir.display()
        );
        ExitCode::FAILURE
    }
}
