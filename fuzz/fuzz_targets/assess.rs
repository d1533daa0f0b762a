//! libFuzzer target for `assess`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("assess");
