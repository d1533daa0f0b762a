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
    };
}

pub(crate) use wire_enum;
