//! From the AIF graph to a corpus: rephrases merged, I-nodes as claims,
//! illocutions as positions, RA as supports, CA as attacks, and a list of
//! everything left out. The mapping is specified on the `format` page.

mod claims;
mod extension;
mod relations;
mod speakers;
mod stances;

use std::collections::HashMap;

use super::ext::{ClaimExt, Extension, StanceExt};
use super::parse::{Graph, NodeType};
use super::{AifOptions, import};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::import::{Imported, Unmapped};
use crate::io::locate::locate;
use crate::model::{AttackKind, ClaimId, ScholarId};

/// Keys are cut to this many characters before a `-2` is added.
const KEY_BASE_CHARS: usize = 190;

/// The extension's entries, by the node they describe, with their index
/// in their list (for messages).
#[derive(Default)]
struct Index<'e> {
    claims: HashMap<&'e str, (usize, &'e ClaimExt<'e>)>,
    attacks: HashMap<&'e str, AttackKind>,
    stances: HashMap<&'e str, (usize, &'e StanceExt)>,
}

struct Builder<'a> {
    graph: &'a Graph,
    corpus: Corpus,
    unmapped: Vec<Unmapped>,
    /// For each node, the first node of its rephrase class (itself unless
    /// an MA merged it).
    rep: Vec<usize>,
    /// The claim of each representative I-node.
    claims: HashMap<usize, ClaimId>,
    by_participant: HashMap<String, ScholarId>,
    by_person: HashMap<String, ScholarId>,
    by_name: HashMap<String, ScholarId>,
    /// The speaker of each L-node asked about so far.
    speakers: HashMap<usize, Option<ScholarId>>,
    /// Locution entries by node.
    locutions: HashMap<usize, Vec<usize>>,
}

/// Builds the corpus of an AIF graph; `text` is the document, for the
/// positions of errors in the extension.
pub(super) fn build(
    graph: &Graph,
    extension: Option<Extension<'_>>,
    options: &AifOptions,
    text: &str,
    unmapped: Vec<Unmapped>,
) -> Result<Imported> {
    let mut builder = Builder {
        graph,
        corpus: Corpus::new(),
        unmapped,
        rep: (0..graph.nodes.len()).collect(),
        claims: HashMap::new(),
        by_participant: HashMap::new(),
        by_person: HashMap::new(),
        by_name: HashMap::new(),
        speakers: HashMap::new(),
        locutions: HashMap::new(),
    };
    for (i, locution) in graph.locutions.iter().enumerate() {
        builder.locutions.entry(locution.node).or_default().push(i);
        if graph.kind(locution.node) != Some(NodeType::L) {
            let kind = graph
                .kind(locution.node)
                .map_or_else(String::new, NodeType::with_article);
            builder.unmapped.push(Unmapped::new(
                locution.label.clone(),
                format!(
                    "names node {}, {kind}, not a locution",
                    graph.id(locution.node)
                ),
            ));
        }
    }
    let (extension, participants) = match extension {
        Some(Extension {
            document,
            participants,
            claims,
            attacks,
            stances,
        }) => {
            if !document.claims.is_empty() {
                return Err(import(
                    "historiograph.document.claims",
                    "claims travel as I-nodes, not in the extension",
                ));
            }
            builder.corpus.absorb(document).map_err(|(path, source)| {
                let path = format!("historiograph.document.{path}");
                let (line, column) = locate(text, &path).unwrap_or((0, 0));
                Error::Document {
                    line,
                    column,
                    path,
                    rule: Box::new(source),
                }
            })?;
            (Some((claims, attacks, stances)), participants)
        }
        None => (None, Vec::new()),
    };
    builder.link_participants(&participants);
    let mut index = Index::default();
    if let Some((claims, attacks, stances)) = &extension {
        index = builder.index(claims, attacks, stances)?;
    }
    builder.rephrases();
    builder.participants()?;
    builder.claims(&index, options)?;
    builder.illocutions(&index)?;
    builder.inferences()?;
    builder.conflicts(&index)?;
    builder.rest();
    Ok(Imported {
        corpus: builder.corpus,
        unmapped: builder.unmapped,
    })
}

impl Builder<'_> {
    fn at(&self, node: usize) -> String {
        format!("node {}", self.graph.id(node))
    }

    fn left_out(&mut self, node: usize, reason: impl Into<String>) {
        let at = self.at(node);
        self.unmapped.push(Unmapped::new(at, reason));
    }

    /// ` (edge e7 comes from node 99, which is not in the file)`: why
    /// something is missing, from the edges left out; empty if none were.
    fn because(lost: &[String]) -> String {
        if lost.is_empty() {
            String::new()
        } else {
            format!(" ({})", lost.join("; "))
        }
    }

    fn nodes_of(&self, kind: NodeType) -> Vec<usize> {
        (0..self.graph.nodes.len())
            .filter(|&n| self.graph.kind(n) == Some(kind))
            .collect()
    }

    /// Merges the I-nodes each MA-node says are rephrases of each other,
    /// with union-find (no recursion, so chains and cycles of any length
    /// are fine); each class is represented by its first node. An MA-node
    /// without both ends merges nothing and is listed.
    fn rephrases(&mut self) {
        let graph = self.graph;
        let mut parent: Vec<usize> = (0..graph.nodes.len()).collect();
        for ma in self.nodes_of(NodeType::Ma) {
            let Some((from, to)) = self.ends(ma) else {
                continue;
            };
            let (ends, others): (Vec<usize>, Vec<usize>) = from
                .into_iter()
                .chain(to)
                .partition(|&n| graph.kind(n) == Some(NodeType::I));
            if !others.is_empty() {
                self.left_out(
                    ma,
                    "a rephrase of a node other than an I-node has no place in the corpus",
                );
            }
            for pair in ends.windows(2) {
                let (a, b) = (find(&mut parent, pair[0]), find(&mut parent, pair[1]));
                let (low, high) = if a < b { (a, b) } else { (b, a) };
                parent[high] = low;
            }
            self.scheme(ma, &["Default Rephrase", "MA"]);
        }
        for node in 0..graph.nodes.len() {
            let rep = find(&mut parent, node);
            self.rep[node] = rep;
            if rep != node && graph.kind(node) == Some(NodeType::I) {
                self.left_out(
                    node,
                    format!(
                        "rephrases node {} (MA): merged into one claim with it; this node's wording is not kept",
                        graph.id(rep)
                    ),
                );
            }
        }
    }

    /// The claim of an I-node (of its rephrase class).
    fn claim(&self, node: usize) -> Option<ClaimId> {
        let rep = self.rep.get(node).copied().unwrap_or(node);
        self.claims.get(&rep).copied()
    }

    /// The claims of the I-nodes among `nodes`.
    fn claims_among(&self, nodes: impl Iterator<Item = usize>) -> Vec<ClaimId> {
        let mut out = Vec::new();
        for node in nodes {
            if self.graph.kind(node) == Some(NodeType::I) {
                if let Some(claim) = self.claim(node) {
                    if !out.contains(&claim) {
                        out.push(claim);
                    }
                }
            }
        }
        out
    }

    /// What is left: transitions, preferences, locutions and edges that
    /// nothing above gave a meaning to.
    fn rest(&mut self) {
        let graph = self.graph;
        for node in 0..graph.nodes.len() {
            match graph.kind(node) {
                Some(NodeType::Ta) => self.left_out(
                    node,
                    "a transition between locutions (the course of the dialogue) has no place in the corpus",
                ),
                Some(NodeType::Pa) => self.left_out(
                    node,
                    "a preference between arguments (PA) has no place in the corpus",
                ),
                Some(NodeType::L) => {
                    let linked = graph
                        .sources(node)
                        .chain(graph.targets(node))
                        .any(|n| matches!(graph.kind(n), Some(NodeType::Ya | NodeType::Ta)));
                    if !linked {
                        let because = Self::because(graph.lost_from(node));
                        self.left_out(
                            node,
                            format!("a locution that no illocution anchors to a claim{because}"),
                        );
                    }
                }
                _ => {}
            }
        }
        for edge in &graph.edges {
            let kinds = (graph.kind(edge.from), graph.kind(edge.to));
            if let (Some(a @ (NodeType::I | NodeType::L)), Some(b @ (NodeType::I | NodeType::L))) =
                kinds
            {
                self.unmapped.push(Unmapped::new(
                    edge.label.clone(),
                    format!(
                        "an edge from {} to {} has no meaning in AIF",
                        a.with_article(),
                        b.with_article()
                    ),
                ));
            }
        }
    }
}

/// The representative of `node`'s class, halving paths as it goes.
fn find(parent: &mut [usize], mut node: usize) -> usize {
    while let Some(&up) = parent.get(node) {
        if up == node {
            break;
        }
        let grand = parent.get(up).copied().unwrap_or(up);
        parent[node] = grand;
        node = up;
    }
    node
}
