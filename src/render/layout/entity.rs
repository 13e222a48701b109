//! A node's entity written as the crate writes ids, `claim#12`.

use serde::{Deserialize, Deserializer, Serializer};

use crate::graph::Node;
use crate::model::{ClaimId, EventId, EvidenceId, ExplanationId, Kind, ScholarId, WorkId};

/// `kind#index`, as the ids' `Display` writes them.
pub(crate) fn serialize<S: Serializer>(node: &Node, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&format_args!("{}#{}", node.kind(), node.raw()))
}

/// Reads `kind#index`.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{text}` is not an entity written kind#index, as `claim#12`"
        ))
    })
}

fn parse(text: &str) -> Option<Node> {
    let (kind, index) = text.split_once('#')?;
    let kind: Kind = kind.parse().ok()?;
    let n: u32 = index.parse().ok()?;
    Some(match kind {
        Kind::Scholar => Node::Scholar(ScholarId(n)),
        Kind::Work => Node::Work(WorkId(n)),
        Kind::Evidence => Node::Evidence(EvidenceId(n)),
        Kind::Event => Node::Event(EventId(n)),
        Kind::Explanation => Node::Explanation(ExplanationId(n)),
        Kind::Claim => Node::Claim(ClaimId(n)),
    })
}

/// The same for an event or an explanation alone.
pub(crate) mod event {
    use serde::{Deserializer, Serializer};

    use crate::graph::Node;
    use crate::model::EventId;

    pub(crate) fn serialize<S: Serializer>(id: &EventId, serializer: S) -> Result<S::Ok, S::Error> {
        super::serialize(&Node::Event(*id), serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<EventId, D::Error> {
        match super::deserialize(deserializer)? {
            Node::Event(id) => Ok(id),
            other => Err(serde::de::Error::custom(format!(
                "expected an event, found a {}",
                other.kind()
            ))),
        }
    }
}

/// The same for an explanation.
pub(crate) mod explanation {
    use serde::{Deserializer, Serializer};

    use crate::graph::Node;
    use crate::model::ExplanationId;

    pub(crate) fn serialize<S: Serializer>(
        id: &ExplanationId,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        super::serialize(&Node::Explanation(*id), serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<ExplanationId, D::Error> {
        match super::deserialize(deserializer)? {
            Node::Explanation(id) => Ok(id),
            other => Err(serde::de::Error::custom(format!(
                "expected an explanation, found a {}",
                other.kind()
            ))),
        }
    }
}
