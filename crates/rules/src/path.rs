//! Field paths as the contract writes them: `team.people[2].hours_per_week`. A key that
//! is not a plain name (empty, or holding anything but ASCII letters, digits and `_`) is
//! written as a JSON string in brackets, so every key of a request has a path that names
//! it and no other: `price[""].edition`, `team["a.b"]`.

use alloc::format;
use alloc::string::{String, ToString};

/// The path of `key`, a key as the request writes it, in the object at `prefix`.
pub fn key(prefix: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain {
        return join(prefix, key);
    }
    let mut out = String::with_capacity(prefix.len() + key.len() + 4);
    out.push_str(prefix);
    out.push('[');
    crate::escape::json_string(&mut out, key);
    out.push(']');
    out
}

/// Two paths as one: `prefix.rest`, `prefix[i]…` when `rest` starts with an index or a
/// bracketed key, or `rest` at the root.
pub fn join(prefix: &str, key: &str) -> String {
    match (prefix.is_empty(), key.is_empty()) {
        (true, _) => key.to_string(),
        (_, true) => prefix.to_string(),
        _ if key.starts_with('[') => format!("{prefix}{key}"),
        _ => format!("{prefix}.{key}"),
    }
}

/// `prefix[i]`.
pub fn index(prefix: &str, i: usize) -> String {
    format!("{prefix}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_written() {
        assert_eq!(join("", "projects"), "projects");
        assert_eq!(join("team", "projects"), "team.projects");
        assert_eq!(join("team", ""), "team");
        assert_eq!(join("people", "[2]"), "people[2]");
        assert_eq!(index("people", 2), "people[2]");
    }

    #[test]
    fn every_key_has_a_path_of_its_own() {
        assert_eq!(key("", "projects"), "projects");
        assert_eq!(key("team", "people"), "team.people");
        assert_eq!(key("price", ""), r#"price[""]"#);
        assert_eq!(key("", ""), r#"[""]"#);
        assert_eq!(key("team", "a.b"), r#"team["a.b"]"#);
        assert_eq!(key("team", "[2]"), r#"team["[2]"]"#);
        assert_eq!(key("x", "say \"hi\"\\\n"), r#"x["say \"hi\"\\\n"]"#);
        assert_eq!(join(&key("price", ""), "edition"), r#"price[""].edition"#);
    }
}
