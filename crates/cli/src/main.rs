//! `impower`: the ImPower rule book's JSON contract on the command line.
//!
//! This binary is glue only: it reads the request (a file, or stdin), hands it to
//! [`rules::respond`] and prints the answer. All rules, checks and messages about the
//! request live in the `rules` crate, so the command line, the browser and the
//! JavaScript API agree. The messages here are about the command line itself: its
//! arguments, reading the input, and the size limit while reading. `assess --csv` and
//! `--jsonl` check many files, one row each, the row defined in the rules crate
//! ([`rules::json::review`]; listing, reading and writing in `batch`).
//!
//! It never aborts: arguments that are not UTF-8, an endless or oversized input, a
//! request that is not UTF-8 and a closed stdout all end with exit 2 (and, where stdout
//! is still open, the JSON error), never with a panic. An answer that could not be
//! written whole (a closed pipe, a full device, a read-only stdout) ends with exit 2,
//! never 0.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod batch;

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use rules::json::MAX_INPUT_BYTES;
use rules::{ErrorCode, InputError};
use serde_json::Value;

const HELP: &str = "\
impower: the ACR ImPower rule book as a command

USAGE:
    impower <VERB> [FILE|-] [--compact] [--ics]
    impower assess --csv|--jsonl FILE_OR_DIR...

Reads a JSON request from FILE, or from stdin when FILE is '-' or absent, and prints
the JSON answer on stdout (exit 0). Bad input prints
{\"error\": {\"code\", \"message\", \"path\"}} on stdout, where path names the field, and
exits 2. Dates are YYYY-MM-DD; today's date is always part of the request.
A request is UTF-8 JSON of at most 1 MiB (1048576 bytes): reading stops after one byte
more and the request is refused (out_of_range). The verb is checked before any input is
read. Wrong arguments are refused as JSON too (code usage, exit 2); only --help prints
this text.

VERBS:
    fees       Fees per project, every third discounted (F1-F4)
               echo '{\"projects\": 7, \"prior_projects\": 0}' | impower fees
    schedule   The next cohorts and their calendar (P1-P6, CR7)
               echo '{\"date\": \"2026-11-22\"}' | impower schedule
    readiness  The three commitments and seven success factors (C1-C3, S1-S7)
               echo '{\"sponsor\": true, \"clinical_leader\": true, \"coach\": \"learning\",
                      \"can_audit\": true, \"can_report_data\": false}' | impower readiness
    team       Roles, counts and weekly hours per person (T1-T8)
               echo '{\"edition\": \"impower\", \"projects\": 1, \"people\": [{\"name\": \"Ana\",
                      \"hours_per_week\": 8, \"qi\": \"experienced\",
                      \"roles\": [{\"role\": \"qi_coach\", \"project\": 1}]}]}' | impower team
    credits    Continuing-education credit, claimability and deadline (CR1-CR9)
               echo '{\"physician\": true, \"stages\": [\"A\",\"B\",\"C\"], \"stage_c_complete\": true,
                      \"documents\": [\"team_roster\",\"project_charter\",\"a3\",\"sustain_plan\",
                      \"graduation_presentation\"], \"on_roster_at_start\": true,
                      \"opted_in\": true, \"graduation\": \"2025-02-18\", \"today\": \"2025-03-01\"}' \\
                      | impower credits
    assess     Any of the above in one request, keyed by verb
               echo '{\"fees\": {\"projects\": 3}, \"schedule\": {\"date\": \"2026-11-22\"}}' | impower assess

OPTIONS:
    --compact  Print the answer on one line
    --ics      With schedule: print the next cohort's dates as an iCalendar file
               (preparation, team start, the ten sessions as estimates, graduation,
               claim deadline) instead of JSON, to import into a calendar
               echo '{\"date\": \"2026-11-22\"}' | impower schedule --ics > impower.ics
    -h, --help Show this help

MANY APPLICATIONS (a program office):
    --csv      With assess: check each FILE, and each DIR's *.json files (not its
               subfolders) in name order, the arguments in the order given, and print
               one CSV row per file, a header row first
               impower assess --csv applications/ > applications.csv
    --jsonl    The same rows as JSON, one object per line, the columns as keys (numbers
               as numbers, yes/no as true/false, blank as null)

    Each file is read and answered as `impower assess FILE` reads and answers it (at
    most 1 MiB); every figure of its row is taken from that answer. The columns:
      file, organization (app.organization of an exported application),
      rule_book, rule_book_digest (the rules that answered),
      ready (C1-C3 all met), C1, C2, C3 (each met: yes, no, or blank when not asked),
      team_valid (yes/no; blank without a team, or while someone on it is not named),
      must_fix, to_check, to_come, too_late (findings over all parts, as the app labels
      them: errors to fix now, warnings, errors due by a day still ahead, errors
      whose last day has passed),
      projects, total_usd, total_usd_without_prior (F3's other reading, only where it
      differs), next_cohort (its month, YYYY-MM), claim_deadline (credits, YYYY-MM-DD),
      error (empty when the file was read; else the refusal: path, message and code)
    A file that is refused, or cannot be opened, still has its row, naming the problem
    in its error column, and the others are checked. One file is read, answered and
    written at a time; at most 100000 files a run (more is refused, code usage, before
    any is read). --compact and --ics do not go with --csv or --jsonl.

    In the CSV every cell is in double quotes, and a cell that starts with =, +, -, @,
    a tab or a carriage return has a single quote ' put before it, so that a spreadsheet
    program shows it as text and never runs it as a formula (OWASP, CSV injection): an
    organization named =HYPERLINK(\"x\") is written \"'=HYPERLINK(\"\"x\"\")\".

EXIT STATUS:
    0 the answer was printed; 2 the request or the command line was refused, or the
    answer could not be written whole (a closed pipe, a full device or a read-only
    stdout ends quietly with 2).
    With --csv or --jsonl: 0 every file was read and answered; 2 at least one was
    refused or could not be read (its row says why), the command line was refused
    (the JSON error on stdout, no rows), or the rows could not be written whole.
";

const USAGE: &str = "usage: impower <VERB> [FILE|-] [--compact] [--ics], \
or impower assess --csv|--jsonl FILE_OR_DIR...; see impower --help";

/// What the arguments ask for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Run {
        verb: OsString,
        file: Option<OsString>,
        compact: bool,
        ics: bool,
    },
    /// `assess --csv|--jsonl FILE_OR_DIR...`: one row per file.
    Batch {
        table: batch::Table,
        inputs: Vec<OsString>,
    },
}

fn main() -> ExitCode {
    let (answer, code) = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => return write_out(HELP.as_bytes(), ExitCode::SUCCESS),
        Ok(Command::Batch { table, inputs }) => return run_batch(&inputs, table),
        Ok(Command::Run {
            verb,
            file,
            compact,
            ics: true,
        }) => match read_request(&verb, file.as_deref())
            .and_then(|text| rules::json::schedule_ics(&text, now_utc()))
        {
            Ok(calendar) => (calendar, ExitCode::SUCCESS),
            Err(e) => (render_error(&e, compact), ExitCode::from(2)),
        },
        Ok(Command::Run {
            verb,
            file,
            compact,
            ics: false,
        }) => match run(&verb, file.as_deref()) {
            Ok(value) => (render(&value, compact), ExitCode::SUCCESS),
            Err(e) => (render_error(&e, compact), ExitCode::from(2)),
        },
        Err(e) => (render_error(&e, false), ExitCode::from(2)),
    };
    write_out(answer.as_bytes(), code)
}

/// `impower assess --csv|--jsonl`: the rows on stdout; exit 0 when every file was read,
/// 2 when one was refused or could not be read, when the command line is refused (the
/// JSON error, no rows) or when the rows could not be written whole.
fn run_batch(inputs: &[OsString], table: batch::Table) -> ExitCode {
    let Ok(out) = stdout() else {
        return ExitCode::from(2);
    };
    match batch::run(inputs, table, out) {
        Ok(batch::Outcome::AllRead) => ExitCode::SUCCESS,
        Ok(batch::Outcome::SomeRefused) | Err(batch::Failure::Write) => ExitCode::from(2),
        Err(batch::Failure::Usage(e)) => {
            write_out(render_error(&e, false).as_bytes(), ExitCode::from(2))
        }
    }
}

/// Reads the arguments (without the program name). `-h`/`--help` anywhere wins.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, InputError> {
    let args: Vec<OsString> = args.into_iter().collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help);
    }
    let mut compact = false;
    let mut ics = false;
    let mut table = None;
    let mut positional = Vec::new();
    for arg in args {
        if arg == "--compact" {
            compact = true;
        } else if arg == "--ics" {
            ics = true;
        } else if arg == "--csv" || arg == "--jsonl" {
            let this = if arg == "--csv" {
                batch::Table::Csv
            } else {
                batch::Table::Jsonl
            };
            if table.is_some_and(|t| t != this) {
                return Err(usage("give one of --csv and --jsonl".to_string()));
            }
            table = Some(this);
        } else if is_option(&arg) {
            return Err(usage(format!(
                "{} is not an option: use --compact, --ics, --csv, --jsonl or --help",
                quote_os(&arg)
            )));
        } else {
            positional.push(arg);
        }
    }
    if let Some(table) = table {
        return parse_batch(table, positional, compact, ics);
    }
    if positional.len() > 2 {
        return Err(usage(
            "too many arguments: give a verb and at most one FILE".to_string(),
        ));
    }
    let mut positional = positional.into_iter();
    match (positional.next(), positional.next()) {
        (Some(verb), _) if ics && verb != "schedule" => {
            Err(usage("--ics goes with the schedule verb only".to_string()))
        }
        (Some(verb), file) => Ok(Command::Run {
            verb,
            file: file.filter(|f| f != "-"),
            compact,
            ics,
        }),
        (None, _) => Err(usage("no verb given".to_string())),
    }
}

/// The arguments of `assess --csv|--jsonl FILE_OR_DIR...`, without the option itself.
fn parse_batch(
    table: batch::Table,
    positional: Vec<OsString>,
    compact: bool,
    ics: bool,
) -> Result<Command, InputError> {
    let option = match table {
        batch::Table::Csv => "--csv",
        batch::Table::Jsonl => "--jsonl",
    };
    for (given, other) in [(compact, "--compact"), (ics, "--ics")] {
        if given {
            return Err(usage(format!("{other} does not go with {option}")));
        }
    }
    let mut positional = positional.into_iter();
    match positional.next() {
        None => Err(usage("no verb given".to_string())),
        Some(verb) if verb != "assess" => {
            Err(usage(format!("{option} goes with the assess verb only")))
        }
        Some(_) => {
            let inputs: Vec<OsString> = positional.collect();
            if inputs.is_empty() {
                return Err(usage(format!(
                    "{option} needs at least one FILE or DIR to check"
                )));
            }
            if inputs.iter().any(|i| i == "-") {
                return Err(usage(format!(
                    "{option} checks files and folders, not stdin ('-')"
                )));
            }
            Ok(Command::Batch { table, inputs })
        }
    }
}

/// `-x` or `--xyz`; a lone `-` is stdin, not an option.
fn is_option(arg: &OsStr) -> bool {
    let bytes = arg.as_encoded_bytes();
    bytes.len() > 1 && bytes[0] == b'-'
}

fn usage(what: String) -> InputError {
    InputError::new(ErrorCode::Usage, "", format!("{what}. {USAGE}"))
}

/// Checks the verb, then reads the request (never more than the limit plus one byte)
/// and answers it.
fn run(verb: &OsStr, file: Option<&OsStr>) -> Result<Value, InputError> {
    let text = read_request(verb, file)?;
    rules::respond(&verb.to_string_lossy(), &text)
}

/// Checks the verb, then reads the request text: never more than the limit plus one
/// byte, and UTF-8.
fn read_request(verb: &OsStr, file: Option<&OsStr>) -> Result<String, InputError> {
    // The rules crate words the refusal of an unknown verb; a verb that is not UTF-8 is
    // checked lossily (its replacement characters never spell a verb).
    rules::json::check_verb(&verb.to_string_lossy())?;
    read_source(file, |e| {
        io_error(&file.map_or_else(|| "stdin".to_string(), quote_os), e)
    })
}

/// Reads request text from `file` (stdin when `None`): never more than the limit plus
/// one byte, and UTF-8. `unreadable` words a file that cannot be opened or read.
fn read_source(
    file: Option<&OsStr>,
    unreadable: impl Fn(&io::Error) -> InputError,
) -> Result<String, InputError> {
    let bytes = match file {
        None => read_limited(io::stdin().lock()),
        Some(path) => File::open(path).and_then(read_limited),
    }
    .map_err(|e| unreadable(&e))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(InputError::new(
            ErrorCode::OutOfRange,
            "",
            format!(
                "the request is over {MAX_INPUT_BYTES} bytes (reading stopped there): \
                 send at most {MAX_INPUT_BYTES}"
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            ErrorCode::MalformedJson,
            "",
            format!(
                "the request is not UTF-8 text (invalid bytes at offset {}): \
                 send one JSON object in UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Reads at most `MAX_INPUT_BYTES + 1` bytes: enough to know the request is too large,
/// whatever the source (a file, a pipe that never closes, `/dev/zero`).
fn read_limited(source: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn io_error(what: &str, e: &io::Error) -> InputError {
    InputError::new(ErrorCode::Io, "", format!("could not read {what}: {e}"))
}

/// An argument in double quotes, bytes that are not UTF-8 shown as U+FFFD.
fn quote_os(arg: &OsStr) -> String {
    format!("{:?}", arg.to_string_lossy())
}

fn render(value: &Value, compact: bool) -> String {
    let text = if compact {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    match text {
        Ok(t) => t + "\n",
        Err(e) => render_error(
            &InputError::new(
                ErrorCode::Io,
                "",
                format!("the answer could not be written: {e}"),
            ),
            compact,
        ),
    }
}

fn render_error(e: &InputError, compact: bool) -> String {
    let value = serde_json::json!({ "error": e });
    let text = if compact {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    };
    // Serializing an error (three strings) cannot fail; if it ever did, still say so in
    // the contract's shape.
    text.unwrap_or_else(|_| {
        r#"{"error": {"code": "io", "message": "the error could not be written", "path": ""}}"#
            .to_string()
    }) + "\n"
}

/// Writes the whole answer; any failure to write it whole ends with exit 2, quietly:
/// a closed pipe (EPIPE), a full device (ENOSPC), a read-only or closed descriptor
/// (EBADF), or a failed flush.
fn write_out(bytes: &[u8], code: ExitCode) -> ExitCode {
    match write_stdout(bytes) {
        Ok(()) => code,
        Err(_) => ExitCode::from(2),
    }
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = stdout()?;
    out.write_all(bytes)?;
    out.flush()
}

/// The process's stdout through its own descriptor: Rust's `io::stdout()` reports a
/// write refused with EBADF (stdout closed, or opened read-only) as done, and the
/// answer would be lost with exit 0.
#[cfg(unix)]
fn stdout() -> io::Result<File> {
    use std::os::fd::AsFd;
    Ok(File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

#[cfg(not(unix))]
fn stdout() -> io::Result<io::Stdout> {
    Ok(io::stdout())
}

/// This moment in UTC, to the second: the DTSTAMP of a calendar file made now (the rules
/// take the clock as an input; this program has one).
fn now_utc() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn usage_error(list: &[&str]) -> bool {
        matches!(parse_args(args(list)), Err(e) if e.code == ErrorCode::Usage && e.path.is_empty())
    }

    #[test]
    fn arguments_are_read_as_the_help_says() {
        assert_eq!(parse_args(args(&["x", "--help"])), Ok(Command::Help));
        assert_eq!(parse_args(args(&["-h"])), Ok(Command::Help));
        assert_eq!(
            parse_args(args(&["fees", "-", "--compact"])),
            Ok(Command::Run {
                verb: "fees".into(),
                file: None,
                compact: true,
                ics: false,
            })
        );
        assert_eq!(
            parse_args(args(&["fees", "f.json"])),
            Ok(Command::Run {
                verb: "fees".into(),
                file: Some("f.json".into()),
                compact: false,
                ics: false,
            })
        );
        assert_eq!(
            parse_args(args(&["schedule", "--ics"])),
            Ok(Command::Run {
                verb: "schedule".into(),
                file: None,
                compact: false,
                ics: true,
            })
        );
        assert!(usage_error(&["fees", "--ics"]));
        assert!(usage_error(&[]));
        assert!(usage_error(&["--compact"]));
        assert!(usage_error(&["fees", "a", "b"]));
        assert!(usage_error(&["fees", "--pretty"]));
        assert!(usage_error(&["fees", "-x"]));
    }

    #[test]
    fn batch_arguments_are_read_as_the_help_says() {
        assert_eq!(
            parse_args(args(&["assess", "--csv", "dir", "a.json"])),
            Ok(Command::Batch {
                table: batch::Table::Csv,
                inputs: args(&["dir", "a.json"]),
            })
        );
        assert_eq!(
            parse_args(args(&["--jsonl", "assess", "a.json", "--jsonl"])),
            Ok(Command::Batch {
                table: batch::Table::Jsonl,
                inputs: args(&["a.json"]),
            })
        );
        assert_eq!(
            parse_args(args(&["assess", "--csv", "--help"])),
            Ok(Command::Help)
        );
        // With assess only, with at least one FILE or DIR, never stdin.
        assert!(usage_error(&["fees", "--csv", "a.json"]));
        assert!(usage_error(&["assess", "--csv"]));
        assert!(usage_error(&["--csv"]));
        assert!(usage_error(&["assess", "--jsonl", "-"]));
        // One table; neither --compact nor --ics beside it.
        assert!(usage_error(&["assess", "--csv", "--jsonl", "a.json"]));
        assert!(usage_error(&["assess", "--csv", "--compact", "a.json"]));
        assert!(usage_error(&["assess", "--jsonl", "--ics", "a.json"]));
        assert!(usage_error(&["assess", "--tsv", "a.json"]));
    }

    #[test]
    fn the_help_names_every_column_and_the_bounds() {
        for column in rules::json::review::COLUMNS {
            assert!(HELP.contains(column), "{column}");
        }
        assert!(HELP.contains(&format!("at most {} files", batch::MAX_FILES)));
        assert!(HELP.contains(&format!("{MAX_INPUT_BYTES} bytes")));
        assert!(HELP.contains("\"'=HYPERLINK(\"\"x\"\")\""));
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = io::repeat(b' ');
        let bytes = read_limited(endless).unwrap_or_default();
        assert_eq!(bytes.len(), MAX_INPUT_BYTES + 1);
    }
}
