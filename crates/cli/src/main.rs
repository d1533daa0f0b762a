//! `impower`: the ImPower rule book's JSON contract on the command line.
//!
//! This binary is glue only: it reads the request (a file, or stdin), hands it to
//! [`rules::respond`] and prints the answer. All rules, checks and messages live in the
//! `rules` crate, so the command line, the browser and the JavaScript API agree.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use rules::{ErrorCode, InputError};

const HELP: &str = "\
impower: the ACR ImPower rule book as a command

USAGE:
    impower <VERB> [FILE|-] [--compact]

Reads a JSON request from FILE, or from stdin when FILE is '-' or absent, and prints
the JSON answer on stdout (exit 0). Bad input prints
{\"error\": {\"code\", \"message\", \"path\"}} on stdout, where path names the field, and
exits 2. Dates are YYYY-MM-DD; today's date is always part of the request.

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
    -h, --help Show this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let compact = args.iter().any(|a| a == "--compact");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--compact").collect();
    let outcome = match rest.as_slice() {
        [verb] => read("-").and_then(|text| rules::respond(verb, &text)),
        [verb, file] => read(file).and_then(|text| rules::respond(verb, &text)),
        _ => Err(InputError::new(
            ErrorCode::UnknownVerb,
            "",
            "usage: impower <VERB> [FILE|-]; see impower --help",
        )),
    };
    let (value, code) = match outcome {
        Ok(answer) => (answer, ExitCode::SUCCESS),
        Err(e) => (serde_json::json!({ "error": e }), ExitCode::from(2)),
    };
    let text = if compact {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    };
    let mut out = io::stdout().lock();
    match text {
        Ok(t) if writeln!(out, "{t}").is_ok() => code,
        _ => ExitCode::FAILURE,
    }
}

fn read(file: &str) -> Result<String, InputError> {
    let mut text = String::new();
    let result = if file == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    result.map(|()| text).map_err(|e| {
        let what = if file == "-" {
            "stdin".to_string()
        } else {
            file.to_string()
        };
        InputError::new(ErrorCode::Io, "", format!("could not read {what}: {e}"))
    })
}
