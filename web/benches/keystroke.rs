//! What one keystroke costs: the app re-derives every answer from the state on each
//! change, so `evaluate` must stay far inside a 16 ms frame. Prints figures; the budget
//! check fails only when the median passes a quarter of a frame (4 ms), natively.
//!
//! `cargo bench -p impower-web --bench keystroke`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use web::eval::evaluate;
use web::state::{Action, PersonEdit, State};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn measure(name: &str, state: &State, runs: usize) -> Duration {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        black_box(evaluate(black_box(state)));
        times.push(t.elapsed());
    }
    let m = median(times.clone());
    let max = times.iter().max().copied().unwrap_or_default();
    println!(
        "{name:<44} median {:>9.1} µs   max {:>9.1} µs   ({runs} runs)",
        m.as_secs_f64() * 1e6,
        max.as_secs_f64() * 1e6
    );
    m
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let starter = State::new(today);
    let mut big = State::new(today);
    big.apply(Action::Projects("10".into()));
    big.apply(Action::PriceOther(Some("100".into())));
    for i in 0..60 {
        big.apply(Action::AddPerson);
        let id = big.people.last().map(|p| p.id).unwrap_or(0);
        big.apply(Action::Person(
            id,
            PersonEdit::Role(rules::team::Role::TeamMember, 1 + i % 10, true),
        ));
        // Named, so each is a person of the application with a credit claim.
        big.apply(Action::Person(id, PersonEdit::Name(format!("Member {i}"))));
        big.apply(Action::Person(
            id,
            PersonEdit::Stage(1 + i % 10, rules::credits::Stage::A, true),
        ));
    }
    let worst = [
        measure("evaluate: starter state", &starter, 2000),
        measure(
            "evaluate: 10 projects, 64 people, 60 credit claims",
            &big,
            300,
        ),
    ];
    let limit = Duration::from_millis(4);
    if worst.iter().any(|m| *m > limit) {
        eprintln!("over budget: a keystroke must re-derive every answer in under {limit:?}");
        std::process::exit(1);
    }
}
