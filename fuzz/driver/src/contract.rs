//! Opt-in checks of the contract's input rules (`RULES.md`, "Input rules"), beyond the
//! invariants every input must keep: `impower-fuzz --contract`.
//!
//! - Duplicate keys in any object are refused with `duplicate_field`.

use std::collections::BTreeSet;
use std::fmt;

use rules::json::MAX_INPUT_BYTES;
use rules::ErrorCode;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::Violation;

/// Whether some object of the JSON text has a key twice; `None` when it is not JSON.
pub fn has_duplicate_key(text: &str) -> Option<bool> {
    let mut de = serde_json::Deserializer::from_str(text);
    let found = DuplicateFinder.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(found)
}

struct DuplicateFinder;

impl<'de> DeserializeSeed<'de> for DuplicateFinder {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DuplicateFinder {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut found = false;
        while let Some(f) = seq.next_element_seed(DuplicateFinder)? {
            found |= f;
        }
        Ok(found)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut keys = BTreeSet::new();
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            found |= !keys.insert(key);
            found |= map.next_value_seed(DuplicateFinder)?;
        }
        Ok(found)
    }
}

/// The input rules that can be told from the text alone, for a known verb.
pub fn check_contract(verb: &str, text: &str) -> Result<(), Violation> {
    if text.len() > MAX_INPUT_BYTES || has_duplicate_key(text) != Some(true) {
        return Ok(());
    }
    match rules::respond(verb, text) {
        Err(e) if e.code == ErrorCode::DuplicateField => Ok(()),
        // Nested deeper than the rules read (serde_json reads twice as deep): malformed
        // before any key is judged.
        Err(e) if e.code == ErrorCode::MalformedJson && e.message.contains("nested deeper") => {
            Ok(())
        }
        Err(e) => Err(Violation(format!(
            "a request with a duplicate key was refused as {:?} at {:?}, not duplicate_field",
            e.code, e.path
        ))),
        Ok(_) => Err(Violation(
            "a request with a duplicate key was answered, not refused with duplicate_field"
                .to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_at_any_depth() {
        assert_eq!(has_duplicate_key(r#"{"a": 1, "b": 2}"#), Some(false));
        assert_eq!(has_duplicate_key(r#"{"a": 1, "a": 2}"#), Some(true));
        assert_eq!(
            has_duplicate_key(r#"[{"x": {"a": 1, "a": 1}}]"#),
            Some(true)
        );
        assert_eq!(
            has_duplicate_key(r#"{"a": {"b": 1}, "b": {"a": 1}}"#),
            Some(false)
        );
        assert_eq!(has_duplicate_key(r#"{"a": 1,"#), None);
    }
}
