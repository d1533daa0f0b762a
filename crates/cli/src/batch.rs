//! `impower assess --csv|--jsonl FILE_OR_DIR...`: one row per application file, for a
//! program office checking many (issue 22).
//!
//! The row is the rules crate's ([`rules::json::review`]): this module only lists the
//! files, reads each as `impower assess FILE` reads it, and writes the rows. It streams:
//! one file is read, answered, written and dropped before the next is opened, and the
//! rows are never held. What it holds is the list of paths, at most [`MAX_FILES`].

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rules::json::review::{self, Row, COLUMNS};
use rules::{ErrorCode, InputError};

/// The most files one run checks; a run that names more is refused (`usage`) before
/// any is read.
pub const MAX_FILES: usize = 100_000;

/// How the rows are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// CSV, a header row first (`--csv`).
    Csv,
    /// One JSON object per line, keyed by the columns (`--jsonl`).
    Jsonl,
}

/// One file to check, or a folder that could not be listed.
#[derive(Debug)]
enum Item {
    File(PathBuf),
    Unlisted(PathBuf, io::Error),
}

/// How a run ended.
pub enum Outcome {
    /// Every file was read and answered.
    AllRead,
    /// At least one file was refused or could not be read (its row says why).
    SomeRefused,
}

/// Every file `inputs` name, in order: a file as given, a folder's `*.json` files (not
/// its subfolders) in name order. More than [`MAX_FILES`] is refused, and listing stops
/// there, however many a folder holds.
fn files(inputs: &[OsString]) -> Result<Vec<Item>, InputError> {
    let mut items = Vec::new();
    let too_many = || {
        crate::usage(format!(
            "more than {MAX_FILES} files to check: check them in several runs"
        ))
    };
    for input in inputs {
        let path = PathBuf::from(input);
        if !path.is_dir() {
            // Not there, or not a folder: opening it says which.
            items.push(Item::File(path));
        } else {
            match listing(&path, MAX_FILES.saturating_sub(items.len())) {
                Ok(Some(mut names)) => {
                    names.sort();
                    items.extend(names.into_iter().map(Item::File));
                }
                Ok(None) => return Err(too_many()),
                Err(e) => items.push(Item::Unlisted(path, e)),
            }
        }
        if items.len() > MAX_FILES {
            return Err(too_many());
        }
    }
    Ok(items)
}

/// The `*.json` files directly in `dir`, unsorted; `None` past `room` of them.
fn listing(dir: &Path, room: usize) -> io::Result<Option<Vec<PathBuf>>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") && !path.is_dir() {
            if names.len() == room {
                return Ok(None);
            }
            names.push(path);
        }
    }
    Ok(Some(names))
}

/// Checks every file `inputs` name and writes a row for each to `out`, flushed row by
/// row. Err when the command line is refused (too many files: nothing is written) or
/// when `out` fails (the run stops there).
pub fn run(inputs: &[OsString], table: Table, out: impl Write) -> Result<Outcome, Failure> {
    let items = files(inputs).map_err(Failure::Usage)?;
    let mut sink = Sink::new(table, out).map_err(|_| Failure::Write)?;
    let mut outcome = Outcome::AllRead;
    for item in items {
        let row = match item {
            Item::File(path) => {
                let name = path.to_string_lossy();
                match crate::read_source(Some(path.as_os_str()), unreadable) {
                    Ok(text) => review::review(&name, &text),
                    Err(e) => review::row(&name, None, Err(&e)),
                }
            }
            Item::Unlisted(path, e) => review::row(
                &path.to_string_lossy(),
                None,
                Err(&InputError::new(
                    ErrorCode::Io,
                    "",
                    format!("could not list the folder: {}", words(&e)),
                )),
            ),
        };
        if row.error.is_some() {
            outcome = Outcome::SomeRefused;
        }
        sink.write(&row).map_err(|_| Failure::Write)?;
    }
    Ok(outcome)
}

/// Why a run did not end with its rows.
#[derive(Debug)]
pub enum Failure {
    /// The command line was refused.
    Usage(InputError),
    /// The rows could not be written whole (a closed pipe, a full device): the run
    /// stopped there.
    Write,
}

/// A file that could not be opened or read, in words (the row names the file).
fn unreadable(e: &io::Error) -> InputError {
    InputError::new(
        ErrorCode::Io,
        "",
        format!("could not read the file: {}", words(e)),
    )
}

/// An IO error in words, without the operating system's error number.
fn words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a folder".to_string(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error ") {
                Some(at) => text.get(..at).unwrap_or(&text).to_string(),
                None => text,
            }
        }
    }
}

/// Where the rows go: CSV (its header written first) or JSON lines.
enum Sink<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(io::BufWriter<W>),
}

impl<W: Write> Sink<W> {
    fn new(table: Table, out: W) -> io::Result<Self> {
        Ok(match table {
            Table::Csv => {
                // Every cell quoted, and a cell that a spreadsheet would read as a
                // formula written as text (review::spreadsheet_text).
                let mut w = csv::WriterBuilder::new()
                    .quote_style(csv::QuoteStyle::Always)
                    .from_writer(out);
                w.write_record(COLUMNS)?;
                w.flush()?;
                Sink::Csv(Box::new(w))
            }
            Table::Jsonl => Sink::Jsonl(io::BufWriter::new(out)),
        })
    }

    fn write(&mut self, row: &Row) -> io::Result<()> {
        match self {
            Sink::Csv(w) => {
                w.write_record(row.spreadsheet_cells())?;
                w.flush()
            }
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, row)?;
                w.write_all(b"\n")?;
                w.flush()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("impower-batch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_default();
        dir
    }

    fn names(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                Item::File(p) | Item::Unlisted(p, _) => p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            })
            .collect()
    }

    #[test]
    fn a_folder_gives_its_json_files_in_name_order_and_not_its_subfolders() {
        let dir = temp("order");
        for name in ["b.json", "a.json", "c.txt", "B.json"] {
            std::fs::write(dir.join(name), "{}").unwrap_or_default();
        }
        std::fs::create_dir_all(dir.join("sub.json")).unwrap_or_default();
        std::fs::write(dir.join("sub.json").join("d.json"), "{}").unwrap_or_default();
        let items = files(&[dir.clone().into(), "missing.json".into()]);
        let _ = std::fs::remove_dir_all(&dir);
        let items = items.unwrap_or_default();
        assert_eq!(
            names(&items),
            ["B.json", "a.json", "b.json", "missing.json"]
        );
    }

    #[test]
    fn more_files_than_the_bound_are_refused_as_usage() {
        let many: Vec<OsString> = (0..=MAX_FILES)
            .map(|i| format!("{i}.json").into())
            .collect();
        assert!(matches!(files(&many), Err(e) if e.code == ErrorCode::Usage));
        assert!(files(&many[1..]).is_ok());
    }

    #[test]
    fn io_errors_are_said_in_words() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(words(&e), "no such file");
        let e = io::Error::other("disk on fire");
        assert_eq!(words(&e), "disk on fire");
    }
}
