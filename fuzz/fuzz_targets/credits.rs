//! libFuzzer target for `credits`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("credits");
