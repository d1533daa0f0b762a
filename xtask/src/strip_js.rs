//! Minifies the JavaScript the pages load with terser (npm), a real ES-module parser:
//! Trunk's own minifier cannot parse ours (web/boot.js's top-level `await import()`, the
//! wasm-bindgen module's `export { … as default }`) and ships it as written. Exported
//! names are kept (`--module` mangles only what is local), so the module's interface,
//! and the wasm-bindgen imports the .wasm names, do not change. On this build it takes a
//! fifth of each module's gzip bytes (the JS API's `impower.js` 3,790 -> ~3,030).

use crate::util::{run, Result};
use std::path::Path;
use std::process::Command;

/// The terser version `cargo xtask tools` installs in .tools/.
pub const TERSER_VERSION: &str = "5.51.4";

/// Minifies `path` in place.
pub fn strip_file(path: &Path) -> Result {
    let tmp = path.with_extension("min.js");
    run(Command::new("terser")
        .arg(path)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: cannot replace it ({e})", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// terser is installed by `cargo xtask tools` (and by `./dev test` before the tests).
    #[test]
    fn a_module_keeps_its_exports_and_loses_comments_and_locals() {
        crate::tools::set_path();
        let dir = std::env::temp_dir().join(format!("xtask-terser-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("m.js");
        std::fs::write(
            &file,
            "// a comment\nconst longLocalName = 40;\n/* block */\nexport function answer() {\n  return longLocalName + 2;\n}\nexport { answer as default };\nconst { x } = await import('./y.js');\nconsole.log(x, import.meta.url);\n",
        )
        .unwrap();
        strip_file(&file).unwrap();
        let out = std::fs::read_to_string(&file).unwrap();
        assert!(!out.contains("comment") && !out.contains("block"), "{out}");
        assert!(!out.contains("longLocalName"), "{out}");
        assert!(
            out.contains("answer") && out.contains("as default"),
            "{out}"
        );
        assert!(
            out.contains("await")
                && out.contains("import(\"./y.js\")")
                && out.contains("import.meta.url"),
            "{out}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
