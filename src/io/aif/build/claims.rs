//! Claims from I-nodes: keys, the default event and explanation, and what
//! the extension's entry gives a claim. An entry's reference to a key the
//! extension's document leaves out (an explanation, an event, evidence) is
//! listed in `unmapped` and the claim takes the default, or goes without.

use std::collections::HashSet;

use super::{Builder, Index, KEY_BASE_CHARS};
use crate::error::{Error, Result};
use crate::io::aif::AifOptions;
use crate::io::aif::ext::ClaimExt;
use crate::io::aif::import;
use crate::io::aif::parse::NodeType;
use crate::io::import::Unmapped;
use crate::model::{Bearing, Claim, ClaimId, EventId, EvidenceId, ExplanationId};

/// What an entry of the extension gives a claim, its keys resolved: no
/// explanation or no events means the defaults.
struct Placed<'e> {
    ext: &'e ClaimExt<'e>,
    explanation: Option<ExplanationId>,
    events: Vec<EventId>,
    /// Whether the entry names the default event, which the document need
    /// not hold.
    default_event: bool,
    /// Each citation with where it is in the extension.
    cites: Vec<(String, EvidenceId, Bearing)>,
}

impl Builder<'_> {
    /// A claim for each I-node that no rephrase merged into another.
    pub(super) fn claims(&mut self, index: &Index<'_>, options: &AifOptions) -> Result<()> {
        let graph = self.graph;
        let reps: Vec<usize> = self
            .nodes_of(NodeType::I)
            .into_iter()
            .filter(|&n| self.rep.get(n) == Some(&n))
            .collect();
        self.merged_entries(index);
        let mut placed = Vec::with_capacity(reps.len());
        for &node in &reps {
            let entry = index.claims.get(graph.id(node)).copied();
            let place = entry.map(|(i, c)| self.place(i, c, options));
            placed.push((node, place));
        }
        let event = match placed.iter().any(|(_, p)| {
            p.as_ref()
                .is_none_or(|p| p.events.is_empty() || p.default_event)
        }) {
            true => Some(self.default_event(options)?),
            false => None,
        };
        let explanation = match placed
            .iter()
            .any(|(_, p)| p.as_ref().is_none_or(|p| p.explanation.is_none()))
        {
            true => Some(self.default_explanation(options)?),
            false => None,
        };
        // Keys the extension gives are kept for their claims: a node
        // without an entry does not take one.
        let reserved: HashSet<&str> = placed
            .iter()
            .filter_map(|(_, p)| p.as_ref().map(|p| p.ext.key.as_str()))
            .collect();
        for (node, place) in &placed {
            let node = *node;
            let text = graph.nodes.get(node).map_or("", |n| n.text.as_str());
            let at = self.at(node);
            let claim = match place {
                Some(p) => {
                    let mut claim =
                        Claim::new(p.ext.key.clone(), text).with_polarity(p.ext.polarity);
                    if let Some(markup) = &p.ext.markup {
                        claim = claim.with_markup(markup.clone());
                    }
                    if let Some(date) = p.ext.date {
                        claim = claim.with_date(date);
                    }
                    claim
                }
                None => {
                    let key = unique(&node_key(graph.id(node)), |k| {
                        reserved.contains(k) || self.corpus.lookup::<ClaimId>(k).is_some()
                    });
                    Claim::new(key, text)
                }
            };
            let invokes = place
                .as_ref()
                .and_then(|p| p.explanation)
                .or(explanation)
                .ok_or_else(|| import(at.as_str(), "no explanation"))?;
            let concerns: Vec<EventId> = match place {
                Some(p) if !p.events.is_empty() => {
                    let default = event.filter(|_| p.default_event);
                    p.events.iter().copied().chain(default).collect()
                }
                _ => event.into_iter().collect(),
            };
            let id = self
                .corpus
                .add_claim(claim, invokes, concerns)
                .map_err(|e| import(at.as_str(), e.to_string()))?;
            self.claims.insert(node, id);
            for (here, evidence, bearing) in place.iter().flat_map(|p| &p.cites) {
                self.corpus
                    .cite(id, *evidence, *bearing)
                    .map_err(|e| import(here.as_str(), e.to_string()))?;
            }
        }
        Ok(())
    }

    /// Lists the entries of I-nodes a rephrase merged into another: their
    /// claim is the other node's.
    fn merged_entries(&mut self, index: &Index<'_>) {
        let graph = self.graph;
        let mut merged: Vec<(usize, String)> = Vec::new();
        for (node, &(i, _)) in &index.claims {
            let Some(&n) = graph.index.get(*node) else {
                continue;
            };
            let rep = self.rep.get(n).copied().unwrap_or(n);
            if rep != n {
                merged.push((
                    i,
                    format!(
                        "names node {node}, which a rephrase merged into node {}: the entry is not used",
                        graph.id(rep)
                    ),
                ));
            }
        }
        merged.sort();
        for (i, reason) in merged {
            self.unmapped
                .push(Unmapped::new(format!("historiograph.claims[{i}]"), reason));
        }
    }

    /// Resolves the keys of entry `i`; those the extension's document
    /// leaves out are listed (the default key of `options` is no such key:
    /// it means the default).
    fn place<'e>(&mut self, i: usize, c: &'e ClaimExt<'e>, options: &AifOptions) -> Placed<'e> {
        let here = format!("historiograph.claims[{i}]");
        let default_event = options.event().key();
        let default_explanation = options.explanation().key();
        let explanation = c.explanation.as_deref().and_then(|key| {
            let found = self.corpus.lookup::<ExplanationId>(key);
            if found.is_none() && key != default_explanation {
                self.unmapped.push(Unmapped::new(
                    format!("{here}.explanation"),
                    format!(
                        "names explanation `{key}`, which is not in the file: the claim invokes `{default_explanation}`"
                    ),
                ));
            }
            found
        });
        let mut events = Vec::new();
        let mut missing = Vec::new();
        let mut names_default = false;
        for (j, key) in c.events.iter().enumerate() {
            match self.corpus.lookup::<EventId>(key) {
                Some(event) => events.push(event),
                None if key == default_event => names_default = true,
                None => missing.push((j, key)),
            }
        }
        let instead = match events.is_empty() && !names_default {
            true => format!(": the claim concerns `{default_event}`"),
            false => String::new(),
        };
        for (j, key) in missing {
            self.unmapped.push(Unmapped::new(
                format!("{here}.events[{j}]"),
                format!("names event `{key}`, which is not in the file{instead}"),
            ));
        }
        let mut cites = Vec::new();
        for (j, cite) in c.cites.iter().enumerate() {
            let at = format!("{here}.cites[{j}]");
            match self.corpus.lookup::<EvidenceId>(&cite.evidence) {
                Some(evidence) => cites.push((at, evidence, cite.bearing)),
                None => self.unmapped.push(Unmapped::new(
                    at,
                    format!(
                        "names evidence `{}`, which is not in the file: the citation is not kept",
                        &*cite.evidence
                    ),
                )),
            }
        }
        let default_event = names_default;
        Placed {
            ext: c,
            explanation,
            events,
            default_event,
            cites,
        }
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
}

/// A key from a node id: white space and control characters become `_`.
pub(super) fn node_key(id: &str) -> String {
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
pub(super) fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|k| !taken(k))
        .unwrap_or_else(|| base.to_owned())
}
