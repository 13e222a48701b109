//! Names of enums, defined once: one table per enum gives `as_str`, `ALL`,
//! `Display`, `FromStr` and serde, so no writer, report or picture retypes
//! a name (after hayagriva's `EntryType`).

/// Gives a fieldless enum its names. Each variant has one name, which
/// `as_str`, `Display` and serialization write, and may have aliases,
/// which `FromStr` and deserialization also accept. `ALL` lists the
/// variants in the order of the table.
///
/// ```text
/// names!(Stance, "stance", [
///     Advances => "advances",
///     ArticleJournal => "article-journal" | "article_journal",
/// ]);
/// ```
macro_rules! names {
    ($ty:ident, $what:literal, [$($variant:ident => $name:literal $(| $alias:literal)*),+ $(,)?]) => {
        impl $ty {
            /// Every variant, in order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];

            /// The name, as documents and tables write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl std::fmt::Display for $ty {
            /// As [`as_str`](Self::as_str).
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::error::Error;

            /// The variant of this name (or alias).
            fn from_str(text: &str) -> Result<$ty, crate::error::Error> {
                match text {
                    $($name $(| $alias)* => Ok($ty::$variant),)+
                    _ => Err(crate::error::Error::UnknownName {
                        what: $what,
                        value: text.to_owned(),
                        expected: &[$($name),+],
                    }),
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                struct Name;
                impl serde::de::Visitor<'_> for Name {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(f, "a {} ({})", $what, [$($name),+].join(", "))
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$ty, E> {
                        text.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Name)
            }
        }
    };
}
