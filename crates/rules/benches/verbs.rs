//! What each verb costs natively, and where the time goes.
//!
//! `cargo bench -p impower-rules --bench verbs -- --warm-up-time 1 --measurement-time 2`
//! (`./dev bench` runs it and prints the medians in a table).
//!
//! The requests are those of `requests.json` (a 3-project, 12-person team; an `assess`
//! with all five parts), the same ones the JS API bench sends. Per verb, five benches:
//!
//! - `respond/<verb>`: [`rules::respond`], the whole contract: text in, JSON value out;
//! - `parse/<verb>`: the request text to a parsed [`rules::json::Json`];
//! - `read/<verb>`: every field read and checked from the parsed request, nothing
//!   evaluated ([`rules::json::check_value`]);
//! - `evaluate/<verb>`: the typed rule functions on a checked request, no JSON at all
//!   (`fees::estimate`, `calendar::schedule`, `readiness::assess`, `team::validate`,
//!   `credits::assess`; for `assess`, all five in turn);
//! - `write/<verb>`: the typed answer to a JSON value.
//!
//! So `respond` is roughly `parse + read + evaluate + write`. Figures only: nothing here
//! passes or fails on a time.

// Criterion is a native-only dev-dependency (like proptest), so on wasm32 (the clippy of
// `./dev test` builds every target for it) this bench is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{criterion_group, Criterion};
    use rules::json::{self, Json, Verb};
    use rules::{calendar, credits, fees, readiness, team};

    /// The requests, keyed by verb.
    const REQUESTS: &str = include_str!("requests.json");

    /// The verbs, in the contract's order.
    const VERBS: [(&str, Verb); 6] = [
        ("fees", Verb::Fees),
        ("schedule", Verb::Schedule),
        ("readiness", Verb::Readiness),
        ("team", Verb::Team),
        ("credits", Verb::Credits),
        ("assess", Verb::Assess),
    ];

    /// The request text of `verb`, as a caller would send it (compact JSON).
    fn request_text(verb: &str) -> String {
        let all: serde_json::Value = serde_json::from_str(REQUESTS).expect("requests.json is JSON");
        let request = all
            .get(verb)
            .unwrap_or_else(|| panic!("requests.json has no {verb}"));
        serde_json::to_string(request).expect("a request writes as JSON")
    }

    /// One request, already checked, as the typed functions take it.
    enum Typed {
        Fees(fees::FeeRequest),
        Schedule(chrono::NaiveDate, u32),
        Readiness(readiness::ReadinessInput),
        Team(team::TeamRequest),
        Credits(credits::CreditInput),
        Assess {
            fees: fees::FeeRequest,
            schedule: (chrono::NaiveDate, u32),
            readiness: readiness::ReadinessInput,
            team: team::TeamRequest,
            credits: credits::CreditInput,
        },
    }

    fn field<'a>(v: &'a Json, key: &str) -> &'a Json {
        match v {
            Json::Object(fields) => fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("the assess request has no {key}")),
            _ => panic!("the assess request is not an object"),
        }
    }

    fn typed(verb: Verb, v: &Json) -> Typed {
        let ok = "the bench request is valid";
        match verb {
            Verb::Fees => Typed::Fees(json::fee_request(v, "").expect(ok)),
            Verb::Schedule => {
                let r = json::schedule_request(v, "").expect(ok);
                Typed::Schedule(r.date, r.count)
            }
            Verb::Readiness => Typed::Readiness(json::readiness_request(v, "", None).expect(ok)),
            Verb::Team => Typed::Team(json::team_request(v, "").expect(ok)),
            Verb::Credits => Typed::Credits(json::credit_request(v, "").expect(ok)),
            Verb::Assess => {
                let team = json::team_request(field(v, "team"), "team").expect(ok);
                let derived = readiness::from_team(&team);
                Typed::Assess {
                    fees: json::fee_request(field(v, "fees"), "fees").expect(ok),
                    schedule: {
                        let r = json::schedule_request(field(v, "schedule"), "schedule").expect(ok);
                        (r.date, r.count)
                    },
                    readiness: json::readiness_request(
                        field(v, "readiness"),
                        "readiness",
                        Some(derived),
                    )
                    .expect(ok),
                    team,
                    credits: json::credit_request(field(v, "credits"), "credits").expect(ok),
                }
            }
        }
    }

    /// Evaluates a typed request; the answers are dropped through `black_box`.
    fn evaluate(t: &Typed) {
        match t {
            Typed::Fees(r) => drop(black_box(fees::estimate(*r))),
            Typed::Schedule(d, n) => drop(black_box(calendar::schedule(*d, *n))),
            Typed::Readiness(r) => drop(black_box(readiness::assess(r))),
            Typed::Team(r) => drop(black_box(team::validate(r))),
            Typed::Credits(r) => drop(black_box(credits::assess(r))),
            Typed::Assess {
                fees: f,
                schedule: (d, n),
                readiness: r,
                team: t,
                credits: c,
            } => {
                black_box(readiness::from_team(t));
                drop(black_box(fees::estimate(*f)));
                drop(black_box(calendar::schedule(*d, *n)));
                drop(black_box(readiness::assess(r)));
                drop(black_box(team::validate(t)));
                drop(black_box(credits::assess(c)));
            }
        }
    }

    fn verbs(c: &mut Criterion) {
        let requests: Vec<_> = VERBS
            .iter()
            .map(|&(name, verb)| {
                let text = request_text(name);
                // A refused request would time the error path: refuse to bench it instead.
                rules::respond(name, &text)
                    .unwrap_or_else(|e| panic!("the {name} request is refused: {e:?}"));
                let parsed = json::parse(&text).expect("the request parses");
                let answer = json::answer(name, &text).expect("the request is answered");
                let typed = typed(verb, &parsed);
                (name, verb, text, parsed, answer, typed)
            })
            .collect();

        let mut g = c.benchmark_group("respond");
        for (name, _, text, ..) in &requests {
            g.bench_function(*name, |b| {
                b.iter(|| rules::respond(black_box(name), black_box(text)))
            });
        }
        g.finish();

        let mut g = c.benchmark_group("parse");
        for (name, _, text, ..) in &requests {
            g.bench_function(*name, |b| b.iter(|| json::parse(black_box(text))));
        }
        g.finish();

        let mut g = c.benchmark_group("read");
        for (name, verb, _, parsed, ..) in &requests {
            g.bench_function(*name, |b| {
                b.iter(|| json::check_value(*verb, black_box(parsed)))
            });
        }
        g.finish();

        let mut g = c.benchmark_group("evaluate");
        for (name, _, _, _, _, typed) in &requests {
            g.bench_function(*name, |b| b.iter(|| evaluate(black_box(typed))));
        }
        g.finish();

        let mut g = c.benchmark_group("write");
        for (name, _, _, _, answer, _) in &requests {
            g.bench_function(*name, |b| {
                b.iter(|| serde_json::to_value(black_box(answer)))
            });
        }
        g.finish();
    }

    criterion_group!(benches, verbs);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
