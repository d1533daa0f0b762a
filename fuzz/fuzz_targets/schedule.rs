//! libFuzzer target for `schedule`: see `fuzz/README.md`.
#![no_main]

impower_fuzz_targets::target!("schedule");
