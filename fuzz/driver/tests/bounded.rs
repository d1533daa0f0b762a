//! A short fuzz run inside `cargo test`: the corpus, an oversized input, and a few
//! hundred generated inputs per verb from a fixed seed, against the same invariants as
//! `impower-fuzz` and the libFuzzer targets.

use std::path::Path;

use impower_fuzz::{check, corpus_files, mutate, oversized, preview, Rng, Seeds};
use rules::json::VERBS;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn the_seeds_are_found() {
    let (seeds, _) = Seeds::load(root());
    for &verb in VERBS {
        assert!(
            !seeds.values_of(verb).is_empty() || verb == "assess",
            "no seed request for {verb}"
        );
    }
    assert!(seeds.values.len() >= 20, "{} seeds", seeds.values.len());
}

#[test]
fn the_corpus_and_the_size_limit_keep_the_invariants() {
    for verb in VERBS {
        for (file, bytes) in corpus_files(root(), verb) {
            assert_eq!(check(verb, &bytes).err(), None, "{}", file.display());
        }
        assert_eq!(check(verb, &oversized()).err(), None, "{verb}: oversized");
    }
}

#[test]
fn generated_inputs_keep_the_invariants() {
    let (seeds, _) = Seeds::load(root());
    let mut rng = Rng::new(20_261_122);
    for verb in VERBS {
        for _ in 0..300 {
            let bytes = mutate(&mut rng, verb, &seeds);
            if let Err(v) = check(verb, &bytes) {
                panic!("{verb}: {v}\ninput: {}", preview(&bytes, 2000));
            }
        }
    }
}
