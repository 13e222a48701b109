//! Supports from RA-nodes and attacks from CA-nodes.

use super::{Builder, Index};
use crate::error::Result;
use crate::io::aif::import;
use crate::io::aif::parse::NodeType;
use crate::model::{AttackKind, ClaimId};

impl Builder<'_> {
    /// The premises and conclusions of an S-node (RA, CA or MA). One
    /// without both relates nothing: it is listed, with the edges left out
    /// that would have given it the missing end, and none is returned.
    pub(super) fn ends(&mut self, node: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        let graph = self.graph;
        let kind = graph.kind(node)?;
        let from: Vec<usize> = graph
            .sources(node)
            .filter(|&n| {
                !matches!(
                    graph.kind(n),
                    Some(NodeType::Ya | NodeType::Ca | NodeType::Pa)
                )
            })
            .collect();
        let to: Vec<usize> = graph.targets(node).collect();
        if !from.is_empty() && !to.is_empty() {
            return Some((from, to));
        }
        let (first, second, relation) = match kind {
            NodeType::Ca => ("attacker", "target", "attack"),
            NodeType::Ma => ("rephrased node", "rephrasing node", "rephrase"),
            _ => ("premise", "conclusion", "support"),
        };
        let (what, lost) = match (from.is_empty(), to.is_empty()) {
            (true, true) => (
                format!("no {first} and no {second}"),
                [graph.lost_into(node), graph.lost_from(node)].concat(),
            ),
            (true, false) => (format!("no {first}"), graph.lost_into(node).to_vec()),
            _ => (format!("no {second}"), graph.lost_from(node).to_vec()),
        };
        self.left_out(
            node,
            format!(
                "{} with {what}{}: no {relation} is kept",
                kind.with_article(),
                Self::because(&lost)
            ),
        );
        None
    }

    /// Supports from the RA-nodes: each premise supports each conclusion.
    pub(super) fn inferences(&mut self) -> Result<()> {
        for ra in self.nodes_of(NodeType::Ra) {
            let Some((from, to)) = self.ends(ra) else {
                continue;
            };
            let mut beyond = false;
            for &p in &from {
                for &c in &to {
                    let (Some(a), Some(b)) = (self.i_claim(p), self.i_claim(c)) else {
                        beyond = true;
                        continue;
                    };
                    if a == b {
                        self.left_out(ra, format!(
                            "its premise (node {}) and conclusion (node {}) were merged by rephrase: a claim cannot support itself",
                            self.graph.id(p),
                            self.graph.id(c)
                        ));
                    } else if !self.corpus.supports_by(a).any(|t| t == b) {
                        let at = self.at(ra);
                        self.corpus
                            .support(a, b)
                            .map_err(|e| import(at, e.to_string()))?;
                    }
                }
            }
            if beyond {
                self.left_out(
                    ra,
                    "an inference from or to a node other than an I-node (an argument about an argument) has no place in the corpus; only its I-nodes are kept",
                );
            }
            self.scheme(ra, &["Default Inference", "RA"]);
        }
        Ok(())
    }

    /// The claim of `node` if it is an I-node.
    pub(super) fn i_claim(&self, node: usize) -> Option<ClaimId> {
        (self.graph.kind(node) == Some(NodeType::I))
            .then(|| self.claim(node))
            .flatten()
    }

    /// Attacks from the CA-nodes: on an I-node a rebuttal, on an RA-node an
    /// undercut of its conclusions (unless the extension names the kind).
    pub(super) fn conflicts(&mut self, index: &Index<'_>) -> Result<()> {
        let graph = self.graph;
        for ca in self.nodes_of(NodeType::Ca) {
            let Some((from, to)) = self.ends(ca) else {
                continue;
            };
            let named = graph
                .nodes
                .get(ca)
                .and_then(|n| index.attacks.get(n.id.as_str()))
                .copied();
            let mut beyond = false;
            let mut undercuts_nothing = Vec::new();
            for &p in &from {
                let Some(attacker) = self.i_claim(p) else {
                    beyond = true;
                    continue;
                };
                for &t in &to {
                    let (targets, kind) = match graph.kind(t) {
                        Some(NodeType::I) => {
                            (self.claims_among(std::iter::once(t)), AttackKind::Rebuts)
                        }
                        Some(NodeType::Ra) => {
                            (self.claims_among(graph.targets(t)), AttackKind::Undercuts)
                        }
                        _ => (Vec::new(), AttackKind::Rebuts),
                    };
                    if targets.is_empty() && graph.kind(t) == Some(NodeType::Ra) {
                        if graph.targets(t).next().is_none() {
                            undercuts_nothing.push(t);
                        } else {
                            beyond = true;
                        }
                    } else if targets.is_empty() {
                        beyond = true;
                    }
                    for target in targets {
                        self.attack(ca, attacker, target, named.unwrap_or(kind))?;
                    }
                }
            }
            undercuts_nothing.sort_unstable();
            undercuts_nothing.dedup();
            for ra in undercuts_nothing {
                self.left_out(
                    ca,
                    format!(
                        "attacks node {}, an RA-node with no conclusion: no attack on it is kept",
                        graph.id(ra)
                    ),
                );
            }
            if beyond {
                self.left_out(
                    ca,
                    "an attack from or on a node other than an I-node or an RA-node (an attack on an attack, a rephrase or a preference) has no place in the corpus; only its I-nodes are kept",
                );
            }
            self.scheme(ca, &["Default Conflict", "CA"]);
        }
        Ok(())
    }

    pub(super) fn attack(
        &mut self,
        ca: usize,
        attacker: ClaimId,
        target: ClaimId,
        kind: AttackKind,
    ) -> Result<()> {
        if attacker == target {
            self.left_out(
                ca,
                "its attacker and target were merged by rephrase: a claim cannot attack itself",
            );
            return Ok(());
        }
        let existing = self
            .corpus
            .attacks_by(attacker)
            .find(|&(t, _)| t == target)
            .map(|(_, old)| old);
        match existing {
            Some(old) if old == kind => {}
            Some(old) => {
                let (a, t) = (
                    self.corpus.key(attacker).unwrap_or("?").to_owned(),
                    self.corpus.key(target).unwrap_or("?").to_owned(),
                );
                self.left_out(
                    ca,
                    format!("claim `{a}` already attacks `{t}` ({old}); this attack ({kind}) is not kept"),
                );
            }
            None => {
                let at = self.at(ca);
                self.corpus
                    .attack(attacker, target, kind)
                    .map_err(|e| import(at, e.to_string()))?;
            }
        }
        Ok(())
    }

    /// Reports a scheme other than the default ones of an S-node.
    pub(super) fn scheme(&mut self, node: usize, defaults: &[&str]) {
        let Some(n) = self.graph.nodes.get(node) else {
            return;
        };
        let names = [n.scheme.as_deref(), Some(n.text.as_str())];
        if let Some(name) = names
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|s| !s.is_empty() && !defaults.contains(s))
        {
            self.left_out(
                node,
                format!("the scheme `{name}` is not kept: the corpus records that claims support or attack each other, not by which scheme"),
            );
        }
    }
}
