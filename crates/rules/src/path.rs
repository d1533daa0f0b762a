//! Field paths as the contract writes them: `team.people[2].hours_per_week`.

use alloc::format;
use alloc::string::{String, ToString};

/// `prefix.key`, `prefix[i]` when `key` is an index, or `key` at the root.
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
}
