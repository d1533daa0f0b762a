//! libFuzzer target for `team`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("team");
