//! The change log's serde form: [`Changes`] as `{"version": 1,
//! "changes": [...]}`, its version checked where it is read. The changes,
//! records, links and entities in it derive or define their own.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::change::{Change, Changes};

/// The version of the change log format this crate reads and writes.
const LOG_VERSION: u64 = 1;

/// A change log as written: the format's version and the changes. The
/// corpus versions a transaction's `Changes` carry are left out: they
/// name states of one process (see [`Corpus::version`](crate::Corpus::version)),
/// and mean nothing to another.
#[derive(Serialize)]
#[serde(rename = "Changes")]
struct LogRef<'a> {
    version: u64,
    changes: &'a [Change],
}

impl Serialize for Changes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LogRef {
            version: LOG_VERSION,
            changes: &self.changes,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Changes {
    /// Refuses a log of another version, checked as soon as `version` is
    /// read (it comes first as this crate writes it), before the changes
    /// whose shape it decides.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Changes, D::Error> {
        deserializer.deserialize_struct("Changes", &["version", "changes"], LogVisitor)
    }
}

struct LogVisitor;

impl<'de> serde::de::Visitor<'de> for LogVisitor {
    type Value = Changes;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a change log: {\"version\": 1, \"changes\": [...]}")
    }

    /// The fields in order, as formats that do not name them write a struct.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Changes, A::Error> {
        use serde::de::Error as _;
        seq.next_element::<LogVersion>()?
            .ok_or_else(|| A::Error::invalid_length(0, &self))?;
        let changes = seq
            .next_element::<Vec<Change>>()?
            .ok_or_else(|| A::Error::invalid_length(1, &self))?;
        Ok(Changes::from(changes))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Changes, A::Error> {
        use serde::de::Error as _;
        let (mut version, mut changes) = (None, None);
        while let Some(field) = map.next_key::<LogField>()? {
            match field {
                LogField::Version if version.is_some() => {
                    return Err(A::Error::duplicate_field("version"));
                }
                LogField::Version => version = Some(map.next_value::<LogVersion>()?),
                LogField::Changes if changes.is_some() => {
                    return Err(A::Error::duplicate_field("changes"));
                }
                LogField::Changes => changes = Some(map.next_value::<Vec<Change>>()?),
            }
        }
        version.ok_or_else(|| A::Error::missing_field("version"))?;
        let changes = changes.ok_or_else(|| A::Error::missing_field("changes"))?;
        Ok(Changes::from(changes))
    }
}

/// The version of a log read, checked where it is read, so that an error
/// names its place.
struct LogVersion;

impl<'de> Deserialize<'de> for LogVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<LogVersion, D::Error> {
        match u64::deserialize(deserializer)? {
            LOG_VERSION => Ok(LogVersion),
            found => Err(serde::de::Error::custom(
                crate::error::Error::UnsupportedVersion {
                    found,
                    supported: LOG_VERSION,
                },
            )),
        }
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum LogField {
    Version,
    Changes,
}
