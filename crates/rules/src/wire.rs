//! One source for every wire name: a closed enum is declared with its contract name
//! beside each variant, and `key`, `parse`, `ALL`, `KEYS` and `Serialize` all read it.

/// Declares a closed enum whose variants carry their JSON contract names.
///
/// ```ignore
/// wire_enum! {
///     /// A PI-CME stage (CR1).
///     pub enum Stage { /// Stage A.
///         A = "A", /// Stage B.
///         B = "B" }
/// }
/// ```
macro_rules! wire_enum {
    // With a permanent one-byte code beside each variant (`Variant = "key" / 1`): what
    // the app's saved links, autosaves and exports store, so that reordering, inserting
    // or renaming variants never remaps saved work. Codes are 1 to 255 (0 is kept for
    // "none"), each used once: a repeat fails to compile.
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal / $code:literal ),+ $(,)?
        }
    ) => {
        wire_enum! {
            $(#[$meta])*
            pub enum $name {
                $( $(#[$vmeta])* $variant = $key ),+
            }
        }

        impl $name {
            /// Its permanent saved code (never 0, never reused).
            pub const fn code(self) -> u8 {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The variant saved as `code`, if any.
            pub const fn from_code(code: u8) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        #[allow(clippy::indexing_slicing)]
        const _: () = {
            let codes: &[u8] = &[$($code),+];
            let mut i = 0;
            while i < codes.len() {
                assert!(codes[i] != 0, "saved code 0 means none");
                let mut j = i + 1;
                while j < codes.len() {
                    assert!(codes[i] != codes[j], "a saved code is used twice");
                    j += 1;
                }
                i += 1;
            }
        };
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every contract name, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The contract's name for the variant.
            pub const fn key(self) -> &'static str {
                match self {
                    $( $name::$variant => $key ),+
                }
            }

            /// Parses the contract's name.
            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl $crate::wire::Closed for $name {
            const ALL: &'static [Self] = $name::ALL;
            const KEYS: &'static [&'static str] = $name::KEYS;
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }
    };
}

/// A closed set declared with [`wire_enum!`]: what the contract's reader and its
/// declarations need of it.
pub trait Closed: Copy + PartialEq + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// Every contract name, in the same order.
    const KEYS: &'static [&'static str];
    /// The contract's name for the variant.
    fn key(self) -> &'static str;
}

pub(crate) use wire_enum;
