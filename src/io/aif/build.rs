//! From the AIF graph to a corpus: rephrases merged, I-nodes as claims,
//! illocutions as positions, RA as supports, CA as attacks, and a list of
//! everything left out. The mapping is specified on the `format` page.

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
use crate::model::{AttackKind, Claim, ClaimId, EventId, EvidenceId, ExplanationId, ScholarId};

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
                format!("locutions[{}]", locution.at),
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
    for (i, link) in participants.iter().enumerate() {
        let scholar = builder
            .corpus
            .resolve::<ScholarId>(&link.scholar)
            .map_err(|e| import(format!("historiograph.participants[{i}]"), e.to_string()))?;
        builder
            .by_participant
            .insert(link.participant.clone(), scholar);
    }
    let mut index = Index::default();
    if let Some((claims, attacks, stances)) = &extension {
        index = builder.index(claims, attacks, stances)?;
    }
    builder.rephrases()?;
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

    fn nodes_of(&self, kind: NodeType) -> Vec<usize> {
        (0..self.graph.nodes.len())
            .filter(|&n| self.graph.kind(n) == Some(kind))
            .collect()
    }

    /// Indexes the extension's entries by node; an entry for a node that is
    /// not there, or not of the right type, is reported and ignored.
    fn index<'e>(
        &mut self,
        claims: &'e [ClaimExt],
        attacks: &'e [super::ext::AttackExt],
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
                        format!("names node `{node}`, which is not in the file"),
                    ));
                    continue;
                }
            }
            let fresh = match list {
                "claims" => index.claims.insert(node, (i, &claims[i])).is_none(),
                "attacks" => index.attacks.insert(node, attacks[i].kind).is_none(),
                _ => index.stances.insert(node, (i, &stances[i])).is_none(),
            };
            if !fresh {
                return Err(import(here, format!("a second entry for node `{node}`")));
            }
        }
        Ok(index)
    }

    /// Merges the I-nodes each MA-node says are rephrases of each other,
    /// with union-find (no recursion, so chains and cycles of any length
    /// are fine); each class is represented by its first node.
    fn rephrases(&mut self) -> Result<()> {
        let graph = self.graph;
        let mut parent: Vec<usize> = (0..graph.nodes.len()).collect();
        for ma in self.nodes_of(NodeType::Ma) {
            let from: Vec<usize> = graph
                .sources(ma)
                .filter(|&n| {
                    !matches!(
                        graph.kind(n),
                        Some(NodeType::Ya | NodeType::Ca | NodeType::Pa)
                    )
                })
                .collect();
            let to: Vec<usize> = graph.targets(ma).collect();
            if from.is_empty() {
                return Err(import(
                    self.at(ma),
                    "an MA node needs the node it rephrases: no edge comes into it",
                ));
            }
            if to.is_empty() {
                return Err(import(
                    self.at(ma),
                    "an MA node needs the rephrasing node: no edge goes out of it",
                ));
            }
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
        Ok(())
    }

    /// A claim for each I-node that no rephrase merged into another.
    fn claims(&mut self, index: &Index<'_>, options: &AifOptions) -> Result<()> {
        let graph = self.graph;
        let reps: Vec<usize> = self
            .nodes_of(NodeType::I)
            .into_iter()
            .filter(|&n| self.rep[n] == n)
            .collect();
        let entry = |n: usize| index.claims.get(graph.id(n)).copied();
        let event = match reps
            .iter()
            .any(|&n| entry(n).is_none_or(|(_, c)| c.events.is_empty()))
        {
            true => Some(self.default_event(options)?),
            false => None,
        };
        let explanation = match reps
            .iter()
            .any(|&n| entry(n).is_none_or(|(_, c)| c.explanation.is_none()))
        {
            true => Some(self.default_explanation(options)?),
            false => None,
        };
        for (node, ext) in reps.iter().map(|&n| (n, entry(n))) {
            let text = graph.nodes.get(node).map_or("", |n| n.text.as_str());
            let at = self.at(node);
            let (claim, invokes, concerns) = match ext {
                Some((i, c)) => {
                    let here = format!("historiograph.claims[{i}]");
                    let invokes = match &c.explanation {
                        Some(key) => self
                            .corpus
                            .resolve::<ExplanationId>(key)
                            .map_err(|e| import(format!("{here}.explanation"), e.to_string()))?,
                        None => explanation.ok_or_else(|| import(at.as_str(), "no explanation"))?,
                    };
                    let mut concerns = Vec::new();
                    for (j, key) in c.events.iter().enumerate() {
                        let event = self
                            .corpus
                            .resolve::<EventId>(key)
                            .map_err(|e| import(format!("{here}.events[{j}]"), e.to_string()))?;
                        concerns.push(event);
                    }
                    if concerns.is_empty() {
                        concerns.extend(event);
                    }
                    let mut claim = Claim::new(c.key.clone(), text).with_polarity(c.polarity);
                    if let Some(date) = c.date {
                        claim = claim.with_date(date);
                    }
                    (claim, invokes, concerns)
                }
                None => {
                    let key = unique(&node_key(graph.id(node)), |k| {
                        self.corpus.lookup::<ClaimId>(k).is_some()
                    });
                    let invokes =
                        explanation.ok_or_else(|| import(at.as_str(), "no explanation"))?;
                    (Claim::new(key, text), invokes, event.into_iter().collect())
                }
            };
            let id = self
                .corpus
                .add_claim(claim, invokes, concerns)
                .map_err(|e| import(at.as_str(), e.to_string()))?;
            self.claims.insert(node, id);
            if let Some((i, c)) = ext {
                for (j, cite) in c.cites.iter().enumerate() {
                    let here = format!("historiograph.claims[{i}].cites[{j}]");
                    let evidence = self
                        .corpus
                        .resolve::<EvidenceId>(&cite.evidence)
                        .map_err(|e| import(here.as_str(), e.to_string()))?;
                    self.corpus
                        .cite(id, evidence, cite.bearing)
                        .map_err(|e| import(here, e.to_string()))?;
                }
            }
        }
        Ok(())
    }

    fn default_event(&mut self, options: &AifOptions) -> Result<EventId> {
        let event = options.event();
        match self.corpus.lookup(event.key()) {
            Some(id) => Ok(id),
            None => self
                .corpus
                .add_event(event.clone(), None)
                .map_err(|e| Error::InvalidOption {
                    option: "event",
                    reason: e.to_string(),
                }),
        }
    }

    fn default_explanation(&mut self, options: &AifOptions) -> Result<ExplanationId> {
        let explanation = options.explanation();
        match self.corpus.lookup(explanation.key()) {
            Some(id) => Ok(id),
            None => self
                .corpus
                .add_explanation(explanation.clone(), None)
                .map_err(|e| Error::InvalidOption {
                    option: "explanation",
                    reason: e.to_string(),
                }),
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
                        self.left_out(node, "a locution that no illocution anchors to a claim");
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

/// A key from a node id: white space and control characters become `_`.
fn node_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(KEY_BASE_CHARS)
        .collect();
    if key.is_empty() {
        "node".to_owned()
    } else {
        key
    }
}

/// `base`, or `base-2`, `base-3`, ... whichever is not `taken`.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|k| !taken(k))
        .unwrap_or_else(|| base.to_owned())
}
