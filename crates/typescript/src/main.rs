//! Prints `impower.d.ts`, or writes it where it is shipped from:
//!
//! ```text
//! cargo run -p impower-typescript              # to stdout
//! cargo run -p impower-typescript -- --write   # to crates/embed/npm/impower.d.ts
//! ```

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use impower_typescript::{contract, render, DTS_PATH};

fn main() -> ExitCode {
    let text = render(&contract());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => std::io::stdout().write_all(text.as_bytes()),
        [w] if w == "--write" => {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(DTS_PATH);
            std::fs::write(&path, text).map(|()| eprintln!("wrote {DTS_PATH}"))
        }
        _ => {
            eprintln!("usage: impower-typescript [--write]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("impower-typescript: {e}");
            ExitCode::FAILURE
        }
    }
}
