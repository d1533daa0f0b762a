//! Small helpers for messages built from program values: number words and plurals.

use alloc::borrow::Cow;
use alloc::format;

/// A small count as a word ("two"), larger ones as digits, for sentences such as
/// "one coach serves up to two teams".
pub fn number_word(n: u32) -> Cow<'static, str> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match WORDS.get(n as usize) {
        Some(w) => Cow::Borrowed(w),
        None => Cow::Owned(format!("{n}")),
    }
}

/// An ordinal as a word for small numbers ("third"), else digits with a suffix.
pub fn ordinal_word(n: u32) -> Cow<'static, str> {
    const WORDS: [&str; 13] = [
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth",
    ];
    match WORDS.get(n as usize) {
        Some(w) => Cow::Borrowed(w),
        None => Cow::Owned(format!("{n}th")),
    }
}

/// `""` for one, `"s"` otherwise.
pub fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_plurals() {
        assert_eq!(number_word(2), "two");
        assert_eq!(number_word(12), "twelve");
        assert_eq!(number_word(13), "13");
        assert_eq!(ordinal_word(3), "third");
        assert_eq!(plural(1), "");
        assert_eq!(plural(2), "s");
    }
}
