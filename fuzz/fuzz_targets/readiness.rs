//! libFuzzer target for `readiness`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("readiness");
