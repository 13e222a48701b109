//! The references of the `historiograph` extension: entries by the node
//! they describe, and each participant's scholar. An entry that names a
//! node or participant the file leaves out, or a node of another type, is
//! listed in `unmapped` and not used; the rest is.

use std::collections::HashSet;

use super::{Builder, Index};
use crate::error::Result;
use crate::io::aif::ext::{AttackExt, ClaimExt, ParticipantExt, StanceExt};
use crate::io::aif::import;
use crate::io::aif::parse::NodeType;
use crate::io::import::Unmapped;
use crate::model::ScholarId;

impl Builder<'_> {
    /// Which scholar each participant is, by the extension: a link naming
    /// a participant the file leaves out, or a scholar its document
    /// leaves out, is listed and not used (a participant without a link
    /// becomes a scholar of its own name).
    pub(super) fn link_participants(&mut self, links: &[ParticipantExt]) {
        let graph = self.graph;
        let known: HashSet<&str> = graph.participants.iter().map(|p| p.id.as_str()).collect();
        for (i, link) in links.iter().enumerate() {
            let here = format!("historiograph.participants[{i}]");
            if !known.contains(link.participant.as_str()) {
                self.unmapped.push(Unmapped::new(
                    here,
                    format!(
                        "names participant {}, which is not in the file",
                        link.participant
                    ),
                ));
                continue;
            }
            match self.corpus.lookup::<ScholarId>(&link.scholar) {
                Some(scholar) => {
                    self.by_participant
                        .insert(link.participant.clone(), scholar);
                }
                None => self.unmapped.push(Unmapped::new(
                    here,
                    format!(
                        "names scholar `{}`, which is not in the file: participant {} becomes a scholar of their own name",
                        link.scholar, link.participant
                    ),
                )),
            }
        }
    }

    /// Indexes the extension's entries by node; an entry for a node that is
    /// not there, or not of the right type, is listed and ignored.
    pub(super) fn index<'e>(
        &mut self,
        claims: &'e [ClaimExt],
        attacks: &'e [AttackExt],
        stances: &'e [StanceExt],
    ) -> Result<Index<'e>> {
        let mut index = Index::default();
        let entries = claims
            .iter()
            .enumerate()
            .map(|(i, c)| ("claims", i, c.node.as_str(), NodeType::I))
            .chain(
                attacks
                    .iter()
                    .enumerate()
                    .map(|(i, a)| ("attacks", i, a.node.as_str(), NodeType::Ca)),
            )
            .chain(
                stances
                    .iter()
                    .enumerate()
                    .map(|(i, s)| ("stances", i, s.node.as_str(), NodeType::Ya)),
            );
        for (list, i, node, kind) in entries {
            let here = format!("historiograph.{list}[{i}]");
            match self.graph.index.get(node).and_then(|&n| self.graph.kind(n)) {
                Some(found) if found == kind => {}
                Some(found) => {
                    self.unmapped.push(Unmapped::new(
                        here,
                        format!(
                            "names node {node}, {}, not {}",
                            found.with_article(),
                            kind.with_article()
                        ),
                    ));
                    continue;
                }
                None => {
                    self.unmapped.push(Unmapped::new(
                        here,
                        format!("names node {node}, which is not in the file"),
                    ));
                    continue;
                }
            }
            let fresh = match list {
                "claims" => claims
                    .get(i)
                    .is_some_and(|c| index.claims.insert(node, (i, c)).is_none()),
                "attacks" => attacks
                    .get(i)
                    .is_some_and(|a| index.attacks.insert(node, a.kind).is_none()),
                _ => stances
                    .get(i)
                    .is_some_and(|s| index.stances.insert(node, (i, s)).is_none()),
            };
            if !fresh {
                return Err(import(here, format!("a second entry for node `{node}`")));
            }
        }
        Ok(index)
    }
}
