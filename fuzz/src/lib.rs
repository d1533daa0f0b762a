//! What the libFuzzer targets share: the checks of `impower_fuzz` on every input, and a
//! custom mutator that mixes libFuzzer's byte mutations with the JSON-aware edits of
//! `impower_fuzz::mutate_input`, using the repository's requests as donors.

use std::path::Path;
use std::sync::OnceLock;

pub use impower_fuzz;
pub use libfuzzer_sys;

/// The seed requests of the repository (`tests/cases`, `tests/fuzz-corpus`), read once.
pub fn seeds() -> &'static impower_fuzz::Seeds {
    static SEEDS: OnceLock<impower_fuzz::Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        impower_fuzz::Seeds::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("..")).0
    })
}

/// Checks one input; a broken invariant is a crash that libFuzzer saves.
pub fn run(verb: &str, data: &[u8]) {
    if let Err(v) = impower_fuzz::check(verb, data) {
        panic!("`{verb}`: {v}");
    }
}

/// The custom mutator: half libFuzzer's own, half JSON-aware.
pub fn mutate(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> usize {
    let mut rng = impower_fuzz::Rng::new(u64::from(seed));
    if rng.percent(50) {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    let mutated = impower_fuzz::mutate_input(&mut rng, &data[..size.min(data.len())], seeds());
    let len = mutated.len().min(max_size).min(data.len());
    data[..len].copy_from_slice(&mutated[..len]);
    len
}

/// A fuzz target for one verb, with the custom mutator.
#[macro_export]
macro_rules! target {
    ($verb:literal) => {
        $crate::libfuzzer_sys::fuzz_target!(|data: &[u8]| {
            $crate::run($verb, data);
        });

        $crate::libfuzzer_sys::fuzz_mutator!(|data: &mut [u8],
                                              size: usize,
                                              max_size: usize,
                                              seed: u32| {
            $crate::mutate(data, size, max_size, seed)
        });
    };
}
