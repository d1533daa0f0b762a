//! Embeds every file under `cases/` into the crate, so the same corpus runs natively and
//! in a browser, where there is no file system.

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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let cases = root.join("cases");
    println!("cargo:rerun-if-changed={}", cases.display());
    let mut files = Vec::new();
    collect(&cases, &mut files)?;
    files.sort();
    let mut code = String::from(
        "/// Every case file, by name relative to `tests/cases`.\npub static CASES: &[Case] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.strip_prefix(&cases)?.with_extension("");
        writeln!(
            code,
            "    Case {{ name: {:?}, text: include_str!({:?}) }},",
            name.to_string_lossy().replace('\\', "/"),
            f.display().to_string()
        )?;
    }
    code.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR")?).join("cases.rs"), code)?;
    Ok(())
}
