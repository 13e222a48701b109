//! Positions from illocutions: who asserts, agrees, concedes or
//! disagrees with which claim.

use super::{Builder, Index};
use crate::error::Result;
use crate::io::aif::ext::StanceExt;
use crate::io::aif::import;
use crate::io::aif::parse::NodeType;
use crate::model::{ClaimId, Position, ScholarId, Stance, WorkId};

impl Builder<'_> {
    /// Positions from the YA-nodes: who asserts, agrees, concedes or
    /// disagrees with which claim.
    ///
    /// Illocutions on I-nodes come first: a stance taken directly wins over
    /// one implied by arguing for, or disagreeing through, an S-node.
    pub(super) fn illocutions(&mut self, index: &Index<'_>) -> Result<()> {
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

    pub(super) fn take(
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
            .find(|(_, s, p)| *s == scholar && p.work() == position.work());
        match existing {
            Some((_, _, old)) if old == position => {}
            Some((_, _, old)) => {
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
