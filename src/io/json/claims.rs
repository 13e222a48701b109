//! Claims, added one by one as the parser reaches them: each with its
//! explanation and events, then its stances, citations, attacks and
//! supports. A relation whose target lies in a section not yet read is
//! kept as a [`Later`] and settled once the whole document is read.

use super::document::{AttackDoc, CiteDoc, ClaimDoc, StanceDoc};
use super::load::{Outcome, Read, at, at_entity, unknown};
use super::text::Text;
use crate::error::Error;
use crate::graph::first_repeat;
use crate::graph::{Corpus, Relation};
use crate::model::{
    Claim, ClaimId, EventId, EvidenceId, ExplanationId, Position, ScholarId, WorkId,
};

/// A relation of a claim already added whose target lies in a section not
/// yet read.
pub(super) enum Later<'a> {
    Stance(ClaimId, usize, usize, StanceDoc<'a>),
    Cite(ClaimId, usize, usize, CiteDoc<'a>),
    Attack(ClaimId, usize, usize, AttackDoc<'a>),
    Support(ClaimId, usize, usize, Text<'a>),
}

impl Corpus {
    /// Adds the claim at `claims[i]` and those of its relations whose
    /// targets are in sections already read; the others go to `later`.
    /// False, with nothing added, when its explanation or an event lies in
    /// a section not yet read.
    ///
    /// A new claim's relations can repeat only within its own lists, so
    /// repeats are caught there, by key, and each relation is added without
    /// searching the graph.
    pub(super) fn absorb_claim<'a>(
        &mut self,
        i: usize,
        c: &ClaimDoc<'a>,
        read: Read,
        later: &mut Vec<Later<'a>>,
    ) -> Outcome<bool> {
        let Some((_, explanation)) = self.bulk_locate::<ExplanationId>(&c.explanation) else {
            if !read.explanations {
                return Ok(false);
            }
            let path = format!("claims[{i}].explanation");
            return Err((path, unknown::<ExplanationId>(&c.explanation)));
        };
        let mut events = Vec::with_capacity(c.events.len());
        for (j, k) in c.events.iter().enumerate() {
            match self.bulk_locate::<EventId>(k) {
                Some(event) => events.push(event),
                None if !read.events => return Ok(false),
                None => {
                    let path = format!("claims[{i}].events[{j}]");
                    return Err((path, unknown::<EventId>(k)));
                }
            }
        }
        let key = &c.key;
        let mut claim = Claim::new(&*c.key, &*c.text).with_polarity(c.polarity);
        if let Some(markup) = &c.markup {
            claim = claim.with_markup(&**markup);
        }
        if let Some(date) = c.date {
            claim = claim.with_date(date);
        }
        let id = self
            .bulk_add_claim(claim, explanation, &events)
            .map_err(at_entity(|| format!("claims[{i}]")))?;

        let repeat = first_repeat(&c.stances, |s| (&s.scholar, &s.work));
        for (j, s) in c.stances.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].stances[{j}]"),
                    repeated("stance", &s.scholar, key),
                ));
            }
            if !self.stance(id, i, j, s, read)? {
                later.push(Later::Stance(id, i, j, s.clone()));
            }
        }
        let repeat = first_repeat(&c.cites, |cite| &cite.evidence);
        for (j, cite) in c.cites.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].cites[{j}].evidence"),
                    repeated("citation", key, &cite.evidence),
                ));
            }
            if !self.cite_doc(id, i, j, cite, read)? {
                later.push(Later::Cite(id, i, j, cite.clone()));
            }
        }
        let repeat = first_repeat(&c.attacks, |a| &a.claim);
        for (j, a) in c.attacks.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].attacks[{j}].claim"),
                    repeated("attack", key, &a.claim),
                ));
            }
            let path = || format!("claims[{i}].attacks[{j}].claim");
            if !self.claim_link(
                id,
                &a.claim,
                Relation::Attacks(a.kind),
                "attack",
                read,
                path,
            )? {
                later.push(Later::Attack(id, i, j, a.clone()));
            }
        }
        let repeat = first_repeat(&c.supports, |target| target);
        for (j, target) in c.supports.iter().enumerate() {
            if repeat == Some(j) {
                return Err((
                    format!("claims[{i}].supports[{j}]"),
                    repeated("support", key, target),
                ));
            }
            let path = || format!("claims[{i}].supports[{j}]");
            if !self.claim_link(id, target, Relation::Supports, "support", read, path)? {
                later.push(Later::Support(id, i, j, target.clone()));
            }
        }
        Ok(true)
    }

    /// Adds a claim's relation that waited for the rest of the document.
    pub(super) fn settle(&mut self, later: Later<'_>) -> Outcome {
        let read = Read::all();
        let added = match later {
            Later::Stance(id, i, j, s) => self.stance(id, i, j, &s, read)?,
            Later::Cite(id, i, j, c) => self.cite_doc(id, i, j, &c, read)?,
            Later::Attack(id, i, j, a) => {
                let path = || format!("claims[{i}].attacks[{j}].claim");
                self.claim_link(
                    id,
                    &a.claim,
                    Relation::Attacks(a.kind),
                    "attack",
                    read,
                    path,
                )?
            }
            Later::Support(id, i, j, target) => {
                let path = || format!("claims[{i}].supports[{j}]");
                self.claim_link(id, &target, Relation::Supports, "support", read, path)?
            }
        };
        debug_assert!(added, "every section is read");
        Ok(())
    }

    /// Adds the stance at `claims[i].stances[j]`; false when its scholar or
    /// work lies in a section not yet read.
    fn stance(
        &mut self,
        claim: ClaimId,
        i: usize,
        j: usize,
        s: &StanceDoc<'_>,
        read: Read,
    ) -> Outcome<bool> {
        let Some((_, scholar)) = self.bulk_locate::<ScholarId>(&s.scholar) else {
            if !read.scholars {
                return Ok(false);
            }
            let path = format!("claims[{i}].stances[{j}].scholar");
            return Err((path, unknown::<ScholarId>(&s.scholar)));
        };
        let mut position = Position::new(s.stance);
        if let Some(work) = &s.work {
            match self.bulk_locate::<WorkId>(work) {
                Some((work, _)) => position = position.in_work(work),
                None if !read.works => return Ok(false),
                None => {
                    let path = format!("claims[{i}].stances[{j}].work");
                    return Err((path, unknown::<WorkId>(work)));
                }
            }
        }
        if let Some(year) = s.year {
            position = position.in_year(year);
        }
        let claim = self
            .live(claim)
            .map_err(|e| (format!("claims[{i}].stances[{j}]"), e))?;
        self.bulk_add_position(scholar, claim, position);
        Ok(true)
    }

    /// Adds the citation at `claims[i].cites[j]`; false when its evidence
    /// lies in a section not yet read.
    fn cite_doc(
        &mut self,
        claim: ClaimId,
        i: usize,
        j: usize,
        c: &CiteDoc<'_>,
        read: Read,
    ) -> Outcome<bool> {
        let here = || format!("claims[{i}].cites[{j}].evidence");
        let Some((_, evidence)) = self.bulk_locate::<EvidenceId>(&c.evidence) else {
            if !read.evidence {
                return Ok(false);
            }
            return Err((here(), unknown::<EvidenceId>(&c.evidence)));
        };
        let claim = self.live(claim).map_err(at(here))?;
        self.bulk_link(claim, evidence, Relation::Cites(c.bearing));
        Ok(true)
    }

    /// Adds an attack or support from `claim` to the claim keyed `target`;
    /// false when no such claim has been read yet.
    fn claim_link(
        &mut self,
        claim: ClaimId,
        target: &str,
        relation: Relation,
        name: &'static str,
        read: Read,
        path: impl Fn() -> String,
    ) -> Outcome<bool> {
        let Some((target_id, target_node)) = self.bulk_locate::<ClaimId>(target) else {
            if !read.claims {
                return Ok(false);
            }
            return Err((path(), unknown::<ClaimId>(target)));
        };
        if target_id == claim {
            let key = self.key(claim).unwrap_or_default().to_owned();
            let error = Error::SelfRelation {
                key,
                relation: name,
            };
            return Err((path(), error));
        }
        let claim = self.live(claim).map_err(at(path))?;
        self.bulk_link(claim, target_node, relation);
        Ok(true)
    }
}

fn repeated(relation: &'static str, from: &str, to: &str) -> Error {
    Error::DuplicateRelation {
        relation,
        from: from.to_owned(),
        to: to.to_owned(),
    }
}
