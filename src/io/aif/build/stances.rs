//! Positions from illocutions: who asserts, agrees, concedes or
//! disagrees with which claim.

use super::{Builder, Index};
use crate::error::Result;
use crate::io::aif::ext::StanceExt;
use crate::io::aif::import;
use crate::io::aif::parse::NodeType;
use crate::io::import::Unmapped;
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
                problems.push(format!(
                    "the illocution `{named}` anchors nothing{}",
                    Self::because(graph.lost_from(ya))
                ));
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
                if claims.is_empty() {
                    problems.push(format!(
                        "the illocution `{named}` on node {}, {}, reaches no claim",
                        graph.id(target),
                        kind.with_article()
                    ));
                }
                takes.extend(claims.into_iter().map(|c| (c, stance)));
            }
            if !takes.is_empty() {
                match self.speaker_of(ya, named)? {
                    Ok(scholar) => {
                        let (work, year) =
                            self.stance_ext(index.stances.get(node.id.as_str()).copied());
                        for (claim, stance) in takes {
                            let mut position = Position::new(stance);
                            if let Some(work) = work {
                                position = position.in_work(work);
                            }
                            if let Some(year) = year {
                                position = position.in_year(year);
                            }
                            self.take(ya, scholar, claim, position)?;
                        }
                    }
                    Err(problem) => problems.push(problem),
                }
            }
            for problem in problems {
                self.left_out(ya, problem);
            }
        }
        Ok(())
    }

    /// The scholar who uttered the locution illocution `ya` comes from
    /// (directly, or through a transition to a later L-node), or why there
    /// is none.
    fn speaker_of(
        &mut self,
        ya: usize,
        named: &str,
    ) -> Result<std::result::Result<ScholarId, String>> {
        let graph = self.graph;
        let source = graph
            .sources(ya)
            .find(|&s| matches!(graph.kind(s), Some(NodeType::L | NodeType::Ta)));
        let locution = match source {
            None => {
                return Ok(Err(format!(
                    "no speaker: the illocution `{named}` comes from no L-node{}",
                    Self::because(graph.lost_into(ya))
                )));
            }
            Some(ta) if graph.kind(ta) == Some(NodeType::Ta) => {
                match graph
                    .targets(ta)
                    .find(|&l| graph.kind(l) == Some(NodeType::L))
                {
                    Some(l) => l,
                    None => {
                        return Ok(Err(format!(
                            "no speaker: the illocution `{named}` comes from node {}, a TA-node that leads to no L-node{}",
                            graph.id(ta),
                            Self::because(graph.lost_from(ta))
                        )));
                    }
                }
            }
            Some(l) => l,
        };
        Ok(match self.speaker(locution)? {
            Some(scholar) => Ok(scholar),
            None => Err(format!(
                "no speaker: node {}, the L-node the illocution `{named}` comes from, has no locution naming a person and its text names no speaker (`Name : ...`)",
                graph.id(locution)
            )),
        })
    }

    /// The work and year the extension gives an illocution's position; a
    /// work its document leaves out is listed, and the position kept
    /// without it.
    fn stance_ext(&mut self, ext: Option<(usize, &StanceExt)>) -> (Option<WorkId>, Option<i32>) {
        let Some((i, s)) = ext else {
            return (None, None);
        };
        let work = s.work.as_deref().and_then(|key| {
            let found = self.corpus.lookup::<WorkId>(key);
            if found.is_none() {
                self.unmapped.push(Unmapped::new(
                    format!("historiograph.stances[{i}].work"),
                    format!(
                        "names work `{key}`, which is not in the file: the position is kept without its work"
                    ),
                ));
            }
            found
        });
        (work, s.year)
    }

    /// Adds `scholar`'s `position` on `claim`, unless the scholar already
    /// holds one there in the same work: the same is nothing new, another
    /// is listed.
    fn take(
        &mut self,
        ya: usize,
        scholar: ScholarId,
        claim: ClaimId,
        position: Position,
    ) -> Result<()> {
        let stance = position.stance();
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
