//! The shape of the JSON that `argdown json` (Argdown 1.x) exports: only
//! the fields the importer reads; the rest (colours, positions, the map)
//! is ignored.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The top level. Unknown fields are refused, so that JSON of another
/// shape (another tool, another Argdown version) fails on the field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ArgdownJson {
    pub arguments: Ordered<ArgumentJson>,
    pub statements: Ordered<StatementJson>,
    pub relations: Vec<RelationJson>,
    #[serde(default)]
    pub sections: Vec<SectionJson>,
    #[serde(default)]
    #[allow(dead_code)]
    pub tags: Option<IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    pub map: Option<IgnoredAny>,
}

/// An equivalence class: one statement and every place it is mentioned.
#[derive(Debug, Deserialize)]
pub(super) struct StatementJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub members: Vec<MemberJson>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub data: Option<Value>,
}

/// One mention of a statement, or one description of an argument.
#[derive(Debug, Deserialize)]
pub(super) struct MemberJson {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub ranges: Vec<RangeJson>,
}

/// A marked range of a text: a tag, a mention, bold or italic.
#[derive(Debug, Deserialize)]
pub(super) struct RangeJson {
    #[serde(rename = "type")]
    pub kind: String,
    /// First UTF-16 unit.
    #[serde(default)]
    pub start: Option<usize>,
    /// Last UTF-16 unit, included.
    #[serde(default)]
    pub stop: Option<usize>,
    /// Where a link points.
    #[serde(default)]
    pub url: Option<String>,
}

/// An argument, with its premise–conclusion structure if reconstructed.
#[derive(Debug, Deserialize)]
pub(super) struct ArgumentJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub members: Vec<MemberJson>,
    #[serde(default)]
    pub pcs: Vec<PcsJson>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub data: Option<Value>,
}

/// A statement of a premise–conclusion structure.
#[derive(Debug, Deserialize)]
pub(super) struct PcsJson {
    pub title: String,
    pub role: String,
    #[serde(default)]
    pub inference: Option<InferenceJson>,
}

/// The inference to a conclusion.
#[derive(Debug, Deserialize)]
pub(super) struct InferenceJson {
    #[serde(default, rename = "inferenceRules")]
    pub rules: Vec<String>,
    #[serde(default)]
    pub data: Option<Value>,
}

/// A relation between statements, arguments and inferences.
#[derive(Debug, Deserialize)]
pub(super) struct RelationJson {
    #[serde(rename = "relationType")]
    pub relation: String,
    pub from: String,
    pub to: String,
    #[serde(rename = "fromType")]
    pub from_type: String,
    #[serde(rename = "toType")]
    pub to_type: String,
    #[serde(default, rename = "conclusionIndex")]
    pub conclusion: Option<usize>,
}

/// A heading and what lies under it.
#[derive(Debug, Deserialize)]
pub(super) struct SectionJson {
    pub title: String,
    #[serde(default)]
    pub data: Option<Value>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub children: Vec<SectionJson>,
}

/// A JSON object read as its entries in the order written (Argdown lists
/// statements in the order they are first mentioned).
#[derive(Debug)]
pub(super) struct Ordered<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, T>()? {
                    entries.push((key, value));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}
