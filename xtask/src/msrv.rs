//! `cargo xtask msrv`: is the workspace's rust-version (root Cargo.toml) true of
//! Cargo.lock? Prints the locked packages that declare the highest rust-version (from
//! `cargo metadata`, which lists every locked package of every target and kind:
//! dev-dependencies count, since the tests build them) and fails when a workspace crate
//! declares less than the highest.
//!
//! What it cannot see: packages that declare no rust-version, and language or std
//! features our own code uses (clippy's incompatible_msrv lint, in `cargo xtask test`,
//! checks std APIs against rust-version). It derives the minimum; it does not build with
//! that toolchain.

use crate::util::{cargo, output, Result};
use serde_json::Value;

/// `1.85` as `[1, 85, 0]`; a missing part or version counts as 0.
fn key(v: Option<&str>) -> [u64; 3] {
    let mut k = [0; 3];
    for (slot, part) in k.iter_mut().zip(v.unwrap_or("0").split('.')) {
        *slot = part.parse().unwrap_or(0);
    }
    k
}

/// A package's declared rust-version.
fn rv(p: &Value) -> Option<&str> {
    p["rust_version"].as_str()
}

/// What the check prints, and whether the workspace's rust-version is high enough.
#[derive(Debug, PartialEq, Eq)]
pub struct Verdict {
    pub lines: Vec<String>,
    pub low: Vec<String>,
}

/// Decides from `cargo metadata --format-version 1` output.
pub fn check(metadata: &Value) -> Result<Verdict> {
    let packages = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata has no \"packages\" list")?;
    let ours: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .ok_or("cargo metadata has no \"workspace_members\" list")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let is_ours = |p: &Value| p["id"].as_str().is_some_and(|id| ours.contains(&id));
    let mut deps: Vec<&Value> = packages
        .iter()
        .filter(|p| !is_ours(p) && rv(p).is_some())
        .collect();
    deps.sort_by_key(|p| std::cmp::Reverse(key(rv(p))));
    let need = deps.first().and_then(|p| rv(p)).unwrap_or("0");
    let mut lines = vec![format!(
        "the locked dependencies need Rust {need} or newer; highest declared:"
    )];
    for p in deps.iter().take(6) {
        lines.push(format!(
            "  {:<8} {} {}",
            rv(p).unwrap_or_default(),
            p["name"].as_str().unwrap_or("?"),
            p["version"].as_str().unwrap_or("?")
        ));
    }
    let low: Vec<String> = packages
        .iter()
        .filter(|p| is_ours(p) && key(rv(p)) < key(Some(need)))
        .map(|p| {
            format!(
                "{} declares rust-version {}, below {need}: raise [workspace.package] rust-version in Cargo.toml",
                p["name"].as_str().unwrap_or("?"),
                rv(p).unwrap_or("(none)")
            )
        })
        .collect();
    if low.is_empty() {
        let mine = packages
            .iter()
            .find(|p| is_ours(p))
            .and_then(|p| rv(p))
            .unwrap_or("(none)");
        lines.push(format!("workspace rust-version: {mine} (ok)"));
    }
    Ok(Verdict { lines, low })
}

pub fn msrv() -> Result {
    let text = output(cargo(&["metadata", "--format-version", "1", "--locked"]))?;
    let metadata: Value = serde_json::from_str(&text)
        .map_err(|e| format!("cargo metadata printed no JSON ({e}): run it by hand"))?;
    let verdict = check(&metadata)?;
    for line in &verdict.lines {
        println!("{line}");
    }
    for line in &verdict.low {
        eprintln!("{line}");
    }
    if verdict.low.is_empty() {
        Ok(())
    } else {
        Err("msrv: the workspace's rust-version is below what Cargo.lock needs (see above)".into())
    }
}
