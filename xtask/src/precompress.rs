//! `cargo xtask precompress [DIST]`: writes `FILE.br` (brotli, quality 11) and `FILE.gz`
//! (`gzip -9`) beside every page, script, stylesheet, WebAssembly module, SVG and JSON
//! file of the built site, for a host that serves precompressed files (README.md,
//! "Hosting": nginx `brotli_static`/`gzip_static`, Caddy `precompressed br gzip`). The
//! budget check measures the same compression (`cargo xtask budget` prints both).

use crate::util::{files_under, read_bytes, run, write, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The kinds of file worth compressing (the rest, like images, already are).
const COMPRESSIBLE: [&str; 7] = ["html", "js", "css", "wasm", "svg", "json", "ts"];

pub fn precompress(args: &[String]) -> Result {
    let dist = match args {
        [] => crate::util::root().join("dist"),
        [dir] => PathBuf::from(dir),
        _ => return Err("usage: cargo xtask precompress [DIST]".into()),
    };
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}: no index.html: build the site first (trunk build --release --offline)",
            dist.display()
        ));
    }
    let mut n = 0;
    for file in files_under(&dist)? {
        if !compressible(&file) {
            continue;
        }
        let bytes = read_bytes(&file)?;
        let name = file.display().to_string();
        write(
            &with_suffix(&file, "br"),
            crate::budget::brotli(&name, &bytes)?,
        )?;
        run(Command::new("gzip")
            .args(["-9", "-k", "-n", "-f"])
            .arg(&file))?;
        n += 1;
    }
    println!(
        "precompress: {n} files in {} now have a .br and a .gz beside them",
        dist.display()
    );
    Ok(())
}

fn compressible(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_both_beside_each_compressible_file_and_they_decompress() {
        let dir = std::env::temp_dir().join(format!("xtask-precompress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("embed")).unwrap();
        let page = "<!doctype html><p>ImPower ImPower ImPower</p>".repeat(20);
        std::fs::write(dir.join("index.html"), &page).unwrap();
        std::fs::write(dir.join("embed/a.wasm"), [0u8; 300]).unwrap();
        std::fs::write(dir.join("embed/a.png"), [1u8; 10]).unwrap();
        precompress(&[dir.display().to_string()]).unwrap();
        for f in ["index.html", "embed/a.wasm"] {
            let br = std::fs::read(dir.join(format!("{f}.br"))).unwrap();
            let mut back = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
            assert_eq!(back, std::fs::read(dir.join(f)).unwrap());
            assert!(dir.join(format!("{f}.gz")).is_file());
        }
        assert!(
            !dir.join("embed/a.png.br").exists(),
            "an image is left as it is"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
