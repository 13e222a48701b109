//! Comparing the explanations of one event.

use std::collections::BTreeMap;

use super::debate::{Absent, Debate, LinkPool, Outcome, Reading};
use super::margin::Robustness;
use super::options::CompareOptions;
use super::report::{
    Attacker, ClaimEntry, Comparison, EvidenceEntry, PositionEntry, Scope, Standing,
};
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{AttackKind, ClaimId, EventId};

impl Corpus {
    /// [`View::compare`](crate::View::compare) with the options as an argument.
    pub(crate) fn compare(&self, event: EventId, options: &CompareOptions) -> Result<Comparison> {
        self.compare_reading(event, options, None)
            .map(|(comparison, _)| comparison)
    }

    /// [`compare`](crate::View::compare), with what it read of the corpus
    /// when given a pool of claims' relations to read from (see
    /// [`Corpus::debate_reading`]; empty otherwise).
    pub(crate) fn compare_reading(
        &self,
        event: EventId,
        options: &CompareOptions,
        pool: Option<&LinkPool>,
    ) -> Result<(Comparison, Reading)> {
        options.check(self)?;
        self.live(event)?;
        let about = self.about(event, options);
        let mut debate = match pool {
            Some(pool) => self.debate_reading(&about, options, pool),
            None => self.debate(&about, options),
        };
        let (claims, scholars) = debate.nothing();
        let outcome = debate.evaluate(Absent {
            claims: &claims,
            scholars: &scholars,
        });
        let (robustness, lead) = if options.margin_budget() > 0 {
            debate.robustness(&outcome, options.margin_budget())
        } else {
            (vec![None; debate.rows.len()], None)
        };
        let standings = self.standings(&debate, &outcome, &robustness, true);
        let data = self.event(event);
        let read = std::mem::take(&mut debate.read);
        let comparison = Comparison {
            id: event,
            event: self.name_of(event),
            name: data.map(|e| e.name().to_owned()).unwrap_or_default(),
            when: data.and_then(|e| e.when()).map(|w| w.to_string()),
            scope: Scope {
                enclosing: options.enclosing(),
                enclosed: options.enclosed(),
                roll_up: options.roll_up(),
                as_of: options.as_of(),
                scholars: options
                    .scholars()
                    .map(|s| s.map(|id| self.name_of(id)).collect()),
                threshold: options.threshold(),
                weighing: options.weighing(),
                preferences: options.preferences().clone(),
            },
            standings,
            lead,
        };
        Ok((comparison, read))
    }

    /// The standings of the explanations of an event, scores and verdicts
    /// only: as [`compare`](crate::View::compare), without the claim entries and
    /// margins, for queries that need only the numbers.
    pub(crate) fn tally(&self, event: EventId, options: &CompareOptions) -> Result<Vec<Standing>> {
        options.check(self)?;
        self.live(event)?;
        let about = self.about(event, options);
        Ok(self.standings_of(&about, options))
    }

    /// The claims about the events in scope, each with the events it concerns.
    pub(crate) fn about(
        &self,
        event: EventId,
        options: &CompareOptions,
    ) -> BTreeMap<ClaimId, Vec<EventId>> {
        let mut about: BTreeMap<ClaimId, Vec<EventId>> = BTreeMap::new();
        for e in self.scope_events(event, options) {
            for claim in self.claims_about(e) {
                about.entry(claim).or_default().push(e);
            }
        }
        about
    }

    /// The ranked standings (numbers only) of the explanations the claims
    /// in `about` invoke.
    pub(crate) fn standings_of(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
    ) -> Vec<Standing> {
        let debate = self.debate(about, options);
        let (claims, scholars) = debate.nothing();
        let outcome = debate.evaluate(Absent {
            claims: &claims,
            scholars: &scholars,
        });
        self.standings(&debate, &outcome, &vec![None; debate.rows.len()], false)
    }

    /// The standings of an evaluated debate, ranked, variants beneath their
    /// families.
    fn standings(
        &self,
        debate: &Debate,
        outcome: &Outcome,
        robustness: &[Option<Robustness>],
        detail: bool,
    ) -> Vec<Standing> {
        let mut top: Vec<Standing> = Vec::new();
        let mut beneath: Vec<(usize, Standing)> = Vec::new();
        for r in debate.ranking(outcome) {
            let standing = self.standing(debate, outcome, r, robustness[r], detail);
            match debate.rows[r].parent {
                None => top.push(standing),
                Some(parent) => beneath.push((
                    debate
                        .rows
                        .iter()
                        .position(|row| row.id == parent)
                        .unwrap_or(r),
                    standing,
                )),
            }
        }
        for (parent, standing) in beneath {
            let id = debate.rows[parent].id;
            if let Some(family) = top.iter_mut().find(|s| s.id == id) {
                family.variants.push(standing);
            }
        }
        top
    }

    fn standing(
        &self,
        debate: &Debate,
        outcome: &Outcome,
        r: usize,
        robustness: Option<Robustness>,
        detail: bool,
    ) -> Standing {
        let row = &debate.rows[r];
        let t = &outcome.tallies[r];
        let data = self.explanation(row.id);
        let mut standing = Standing {
            id: row.id,
            explanation: row.key.clone(),
            name: data.map(|x| x.name().to_owned()).unwrap_or_default(),
            family_id: self.family(row.id).unwrap_or(row.id),
            family: self
                .family(row.id)
                .map(|f| self.name_of(f))
                .unwrap_or_default(),
            verdict: t.verdict(debate.threshold),
            score: t.score(),
            pro: t.pro,
            con: t.con,
            defeated_pro: t.defeated_pro,
            defeated_con: t.defeated_con,
            rejecting_pro: t.rejecting_pro,
            rejecting_con: t.rejecting_con,
            evidence_for: t.evidence_for,
            scholars_for: t.scholars_for,
            unseen: t.unseen,
            robustness,
            supporting: Vec::new(),
            opposing: Vec::new(),
            variants: Vec::new(),
        };
        if detail {
            for &i in &row.members {
                let i = i as usize;
                if !outcome.present[i] {
                    continue;
                }
                let Some(entry) = self.claim_entry(debate, outcome, i) else {
                    continue;
                };
                match entry.polarity {
                    crate::model::Polarity::Affirms => standing.supporting.push(entry),
                    crate::model::Polarity::Denies => standing.opposing.push(entry),
                }
            }
        }
        standing
    }

    /// The entry of a claim of the debate (`None` only for a claim with no
    /// explanation, which the corpus never holds).
    fn claim_entry(&self, debate: &Debate, outcome: &Outcome, i: usize) -> Option<ClaimEntry> {
        let local = &debate.claims[i];
        let explanation = self.explanation_of(local.id)?;
        let numbers = outcome.numbers[i];
        let data = self.claim(local.id);
        let positions = local
            .positions
            .iter()
            .map(|&(scholar, p)| PositionEntry {
                scholar_id: scholar,
                work_id: p.work(),
                scholar: self.name_of(scholar),
                name: self
                    .scholar(scholar)
                    .map(|s| s.name().to_owned())
                    .unwrap_or_default(),
                stance: p.stance(),
                year: self.position_year(&p),
                work: p.work().map(|w| self.name_of(w)),
                counted: local
                    .held
                    .iter()
                    .any(|(_, h)| h.scholar == scholar && h.position == p),
            })
            .collect();
        let evidence = local
            .evidence
            .iter()
            .map(|&(e, bearing)| {
                let item = self.evidence(e);
                EvidenceEntry {
                    id: e,
                    work_id: self.evidence_work(e),
                    key: self.name_of(e),
                    description: item.map(|i| i.description().to_owned()).unwrap_or_default(),
                    bearing,
                    locator: item.and_then(|i| i.locator()).map(ToOwned::to_owned),
                    work: self.evidence_work(e).map(|w| self.name_of(w)),
                }
            })
            .collect();
        let local_index = |c: ClaimId| {
            debate
                .index
                .get(&c)
                .map(|&j| j as usize)
                .filter(|&j| outcome.present[j])
        };
        let defeats = |j: usize| debate.defeaters[i].contains(&(j as u32));
        let attacker = |j: usize, kind: AttackKind, reply: bool| Attacker {
            id: debate.claims[j].id,
            key: self.name_of(debate.claims[j].id),
            kind,
            acceptance: outcome.numbers[j].acceptance,
            defeats: defeats(j),
            reply,
        };
        let mut attacked_by: Vec<Attacker> = self
            .attackers_of(local.id)
            .filter_map(|(a, kind)| Some(attacker(local_index(a)?, kind, false)))
            .collect();
        let replies: Vec<Attacker> = self
            .attacks_by(local.id)
            .filter(|&(t, kind)| {
                kind == AttackKind::Rebuts && !attacked_by.iter().any(|x| x.id == t)
            })
            .filter_map(|(t, kind)| Some(attacker(local_index(t)?, kind, true)))
            .collect();
        attacked_by.extend(replies);
        Some(ClaimEntry {
            id: local.id,
            key: self.name_of(local.id),
            text: data.map(|c| c.text().to_owned()).unwrap_or_default(),
            polarity: local.polarity,
            explanation_id: explanation,
            explanation: self.name_of(explanation),
            event_ids: debate.events[i].clone(),
            events: debate.events[i].iter().map(|&e| self.name_of(e)).collect(),
            acceptance: numbers.acceptance,
            strength: numbers.strength,
            weight: numbers.weight,
            backing: numbers.backing,
            rejections: numbers.rejections,
            unnamed: local.unnamed_counts && local.advancers.is_empty(),
            positions,
            evidence,
            attacked_by,
        })
    }

    /// The event, plus enclosing and enclosed events as the options ask.
    /// Iterative: long chains of nesting cannot overflow the stack.
    pub(crate) fn scope_events(&self, event: EventId, options: &CompareOptions) -> Vec<EventId> {
        let mut scope = vec![event];
        if options.enclosing() {
            let mut at = event;
            while let Some(parent) = self.enclosing(at) {
                scope.push(parent);
                at = parent;
            }
        }
        if options.enclosed() {
            let mut stack = vec![event];
            while let Some(at) = stack.pop() {
                for child in self.enclosed(at) {
                    scope.push(child);
                    stack.push(child);
                }
            }
        }
        scope
    }

    /// The explanation a claim counts for: its own, or its family when rolling up.
    pub(crate) fn target_explanation(
        &self,
        claim: ClaimId,
        options: &CompareOptions,
    ) -> Option<crate::model::ExplanationId> {
        let own = self.explanation_of(claim)?;
        if options.roll_up() {
            self.family(own)
        } else {
            Some(own)
        }
    }
}
