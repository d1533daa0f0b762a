//! libFuzzer target for `fees`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("fees");
