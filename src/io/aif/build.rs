//! From the AIF graph to a corpus: rephrases merged, I-nodes as claims,
//! illocutions as positions, RA as supports, CA as attacks, and a list of
//! everything left out. The mapping is specified on the `format` page.

use std::collections::HashMap;

use super::ext::{ClaimExt, Extension, StanceExt};
use super::parse::{Graph, NodeType};
use super::{AifOptions, import};
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::import::{Imported, Unmapped};
use crate::io::locate::locate;
use crate::model::{
    AttackKind, Claim, ClaimId, EventId, EvidenceId, ExplanationId, Position, Scholar, ScholarId,
    Stance, WorkId,
};

/// Keys are cut to this many characters before a `-2` is added.
const KEY_BASE_CHARS: usize = 190;

/// The extension's entries, by the node they describe, with their index
/// in their list (for messages).
#[derive(Default)]
struct Index<'e> {
    claims: HashMap<&'e str, (usize, &'e ClaimExt)>,
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
    extension: Option<Extension>,
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
                    source: Box::new(source),
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

    /// Scholars for the participants that the extension does not name.
    fn participants(&mut self) -> Result<()> {
        for participant in &self.graph.participants {
            if self.by_participant.contains_key(&participant.id) {
                continue;
            }
            let name = if participant.name.trim().is_empty() {
                format!("participant {}", participant.id)
            } else {
                participant.name.clone()
            };
            let scholar = self.new_scholar(&name)?;
            self.by_participant.insert(participant.id.clone(), scholar);
        }
        Ok(())
    }

    fn new_scholar(&mut self, name: &str) -> Result<ScholarId> {
        let key = unique(&slug(name), |k| {
            self.corpus.lookup::<ScholarId>(k).is_some()
        });
        let scholar = self
            .corpus
            .add_scholar(Scholar::new(key, name))
            .map_err(|e| import(format!("scholar `{name}`"), e.to_string()))?;
        self.by_name.entry(name.to_owned()).or_insert(scholar);
        Ok(scholar)
    }

    /// The scholar who uttered L-node `node`: the participant or person its
    /// locution names, else the `Speaker :` its text begins with.
    fn speaker(&mut self, node: usize) -> Result<Option<ScholarId>> {
        if let Some(&known) = self.speakers.get(&node) {
            return Ok(known);
        }
        let graph = self.graph;
        let mut person: Option<(usize, &str)> = None;
        for &l in self.locutions.get(&node).into_iter().flatten() {
            let Some(locution) = graph.locutions.get(l) else {
                continue;
            };
            let Some(p) = locution.person.as_deref() else {
                continue;
            };
            match person {
                None => person = Some((locution.at, p)),
                Some((_, first)) if first != p => self.unmapped.push(Unmapped::new(
                    format!("locutions[{}]", locution.at),
                    format!(
                        "names a second speaker for node {}; the first is kept",
                        graph.id(node)
                    ),
                )),
                Some(_) => {}
            }
        }
        let text = graph.nodes.get(node).map_or("", |n| n.text.as_str());
        let speaker = match person {
            Some((at, p)) => {
                if let Some(&s) = self.by_participant.get(p).or(self.by_person.get(p)) {
                    Some(s)
                } else {
                    if !graph.participants.is_empty() {
                        self.unmapped.push(Unmapped::new(
                            format!("locutions[{at}]"),
                            format!(
                                "names person `{p}`, who is not among the participants: the speaker is named after the locution's text"
                            ),
                        ));
                    }
                    let name =
                        speaker_name(text).map_or_else(|| format!("person {p}"), ToOwned::to_owned);
                    let s = self.new_scholar(&name)?;
                    self.by_person.insert(p.to_owned(), s);
                    Some(s)
                }
            }
            None => match speaker_name(text) {
                Some(name) => match self.by_name.get(name) {
                    Some(&s) => Some(s),
                    None => Some(self.new_scholar(name)?),
                },
                None => None,
            },
        };
        self.speakers.insert(node, speaker);
        Ok(speaker)
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
                    if let Some(year) = c.year {
                        claim = claim.with_year(year);
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

    /// Positions from the YA-nodes: who asserts, agrees, concedes or
    /// disagrees with which claim.
    ///
    /// Illocutions on I-nodes come first: a stance taken directly wins over
    /// one implied by arguing for, or disagreeing through, an S-node.
    fn illocutions(&mut self, index: &Index<'_>) -> Result<()> {
        let graph = self.graph;
        let mut yas = self.nodes_of(NodeType::Ya);
        yas.sort_by_key(|&ya| {
            !graph
                .targets(ya)
                .any(|t| graph.kind(t) == Some(NodeType::I))
        });
        for ya in yas {
            let Some(node) = graph.nodes.get(ya) else {
                continue;
            };
            let named = if node.text.trim().is_empty() {
                node.scheme.as_deref().unwrap_or("")
            } else {
                node.text.as_str()
            };
            let force = normalize(named);
            let mut takes: Vec<(ClaimId, Stance)> = Vec::new();
            let mut problems: Vec<String> = Vec::new();
            let targets: Vec<usize> = graph.targets(ya).collect();
            if targets.is_empty() {
                problems.push(format!("the illocution `{named}` anchors nothing"));
            }
            for target in targets {
                let Some(kind) = graph.kind(target) else {
                    continue;
                };
                let stance = match (kind, force.as_str()) {
                    (NodeType::I, _) => stance_on_proposition(&force),
                    (NodeType::Ra, "arguing") => Some(Stance::Advances),
                    (NodeType::Ca, "disagreeing") => Some(Stance::Rejects),
                    (NodeType::Ma, "agreeing") => Some(Stance::Endorses),
                    (NodeType::Ma, "restating") => Some(Stance::Advances),
                    _ => None,
                };
                let Some(stance) = stance else {
                    problems.push(format!(
                        "the illocution `{named}` on {} takes no stance the corpus can hold",
                        kind.with_article()
                    ));
                    continue;
                };
                // Arguing holds the conclusion; disagreeing rejects what is
                // attacked; agreeing with a rephrase endorses the claim.
                let claims = match kind {
                    NodeType::I => self.claims_among(std::iter::once(target)),
                    NodeType::Ra | NodeType::Ca => self.claims_among(graph.targets(target)),
                    _ => self.claims_among(graph.sources(target).chain(graph.targets(target))),
                };
                takes.extend(claims.into_iter().map(|c| (c, stance)));
            }
            if !takes.is_empty() {
                let source = graph
                    .sources(ya)
                    .find(|&s| matches!(graph.kind(s), Some(NodeType::L | NodeType::Ta)));
                let locution = match source {
                    Some(s) if graph.kind(s) == Some(NodeType::Ta) => graph
                        .targets(s)
                        .find(|&l| graph.kind(l) == Some(NodeType::L)),
                    other => other,
                };
                let speaker = match locution {
                    Some(l) => self.speaker(l)?,
                    None => None,
                };
                match speaker {
                    Some(scholar) => {
                        let ext = index.stances.get(node.id.as_str()).copied();
                        for (claim, stance) in takes {
                            self.take(ya, scholar, claim, stance, ext)?;
                        }
                    }
                    None => problems.push(format!(
                        "no speaker: the illocution `{named}` comes from no locution that names one"
                    )),
                }
            }
            for problem in problems {
                self.left_out(ya, problem);
            }
        }
        Ok(())
    }

    fn take(
        &mut self,
        ya: usize,
        scholar: ScholarId,
        claim: ClaimId,
        stance: Stance,
        ext: Option<(usize, &StanceExt)>,
    ) -> Result<()> {
        let mut position = Position::new(stance);
        if let Some((i, s)) = ext {
            if let Some(work) = &s.work {
                let work = self.corpus.resolve::<WorkId>(work).map_err(|e| {
                    import(format!("historiograph.stances[{i}].work"), e.to_string())
                })?;
                position = position.in_work(work);
            }
            if let Some(year) = s.year {
                position = position.in_year(year);
            }
        }
        let existing = self
            .corpus
            .positions_on(claim)
            .find(|(s, p)| *s == scholar && p.work() == position.work());
        match existing {
            Some((_, old)) if old == position => {}
            Some((_, old)) => {
                let who = self.corpus.key(scholar).unwrap_or("?").to_owned();
                let what = self.corpus.key(claim).unwrap_or("?").to_owned();
                self.left_out(
                    ya,
                    format!(
                        "`{who}` already {} claim `{what}`; this illocution, which {} it, is not kept",
                        old.stance().as_str(),
                        stance.as_str()
                    ),
                );
            }
            None => {
                let at = self.at(ya);
                self.corpus
                    .add_position(scholar, claim, position)
                    .map_err(|e| import(at, e.to_string()))?;
            }
        }
        Ok(())
    }

    /// The premises and conclusions of an S-node; an S-node needs both.
    fn ends(&self, node: usize, kind: &str) -> Result<(Vec<usize>, Vec<usize>)> {
        let graph = self.graph;
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
        if from.is_empty() {
            return Err(import(
                self.at(node),
                format!("{kind} node needs a premise: no I-node has an edge into it"),
            ));
        }
        if to.is_empty() {
            return Err(import(
                self.at(node),
                format!("{kind} node needs a conclusion: it has no edge to another node"),
            ));
        }
        Ok((from, to))
    }

    /// Supports from the RA-nodes: each premise supports each conclusion.
    fn inferences(&mut self) -> Result<()> {
        for ra in self.nodes_of(NodeType::Ra) {
            let (from, to) = self.ends(ra, "an RA")?;
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
    fn i_claim(&self, node: usize) -> Option<ClaimId> {
        (self.graph.kind(node) == Some(NodeType::I))
            .then(|| self.claim(node))
            .flatten()
    }

    /// Attacks from the CA-nodes: on an I-node a rebuttal, on an RA-node an
    /// undercut of its conclusions (unless the extension names the kind).
    fn conflicts(&mut self, index: &Index<'_>) -> Result<()> {
        let graph = self.graph;
        for ca in self.nodes_of(NodeType::Ca) {
            let (from, to) = self.ends(ca, "a CA")?;
            let named = graph
                .nodes
                .get(ca)
                .and_then(|n| index.attacks.get(n.id.as_str()))
                .copied();
            let mut beyond = false;
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
                    if targets.is_empty() {
                        beyond = true;
                    }
                    for target in targets {
                        self.attack(ca, attacker, target, named.unwrap_or(kind))?;
                    }
                }
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

    fn attack(
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
                    format!("claim `{a}` already attacks `{t}` ({old:?}); this attack ({kind:?}) is not kept"),
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
    fn scheme(&mut self, node: usize, defaults: &[&str]) {
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

/// The stance an illocution anchored in an I-node takes on it; questions
/// and challenges commit the speaker to neither side.
fn stance_on_proposition(force: &str) -> Option<Stance> {
    match force {
        "asserting" | "restating" | "defaultillocuting" | "arguing" => Some(Stance::Advances),
        "agreeing" => Some(Stance::Endorses),
        "conceding" | "popularconceding" => Some(Stance::Qualifies),
        "disagreeing" => Some(Stance::Rejects),
        _ => None,
    }
}

/// `Popular Conceding` and `PopularConceding` alike: lowercase letters and
/// digits only.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The speaker's name in an L-node's text, `Speaker : what was said`.
fn speaker_name(text: &str) -> Option<&str> {
    let (name, rest) = text.split_once(':')?;
    let name = name.trim();
    (!name.is_empty() && !rest.trim().is_empty() && name.chars().count() <= 100).then_some(name)
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

/// A key from a name: `Lorenz M. Lüthi` → `lorenz-m-lüthi`.
fn slug(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !key.is_empty()
            && !key.ends_with('-')
        {
            key.push('-');
        }
    }
    let key: String = key
        .trim_end_matches('-')
        .chars()
        .take(KEY_BASE_CHARS)
        .collect();
    if key.is_empty() {
        "person".to_owned()
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
