//! Embeds every file under `cases/` (regression snapshots) and `spec/` (hand-written spec
//! cases) into the crate, so the same files run natively and in a browser, where there is
//! no file system.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes `pub static <name>: &[Case] = &[…];` listing every JSON file under `dir`.
fn embed(
    code: &mut String,
    name: &str,
    doc: &str,
    dir: &Path,
) -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    writeln!(code, "/// {doc}\npub static {name}: &[Case] = &[")?;
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(dir)?.with_extension("");
        writeln!(
            code,
            "    Case {{ name: {:?}, text: include_str!({:?}) }},",
            rel.to_string_lossy().replace('\\', "/"),
            f.display().to_string()
        )?;
    }
    code.push_str("];\n");
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let mut code = String::new();
    embed(
        &mut code,
        "CASES",
        "Every regression snapshot, by name relative to `tests/cases`.",
        &root.join("cases"),
    )?;
    embed(
        &mut code,
        "SPEC",
        "Every hand-written spec case, by name relative to `tests/spec`.",
        &root.join("spec"),
    )?;
    fs::write(PathBuf::from(env::var("OUT_DIR")?).join("cases.rs"), code)?;
    Ok(())
}
