//! Building a debate from the corpus: the claims in scope, then every claim
//! that can reach them.

use std::collections::BTreeMap;

use super::model::{Debate, HashMap, List, Local, Reading, Row, Seen};
use super::pool::{Entry, LinkPool};
use crate::argument::Semantics;
use crate::graph::{ClaimLinks, Corpus, Node};
use crate::model::{
    AttackKind, Bearing, ClaimId, EventId, EvidenceId, ExplanationId, ScholarId, Stance,
};
use crate::query::defeat::{Order, defeats_among};
use crate::query::options::{CompareOptions, Weighing};

impl Corpus {
    /// The debate about the claims in `about` (each mapped to the events in
    /// scope it concerns), as the options see it.
    pub(crate) fn debate(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
    ) -> Debate {
        self.gather_debate(about, options, None)
    }

    /// [`debate`](Corpus::debate), recording in `Debate::read` every claim
    /// it looked at, in view or not (those about the events in scope and
    /// those that could reach them): what the debate read of the corpus is
    /// those claims, their relations, and what each one's place depends on
    /// beyond them ([`Corpus::claim_reads`]). Claims' relations, and how
    /// each is seen ([`Corpus::seen`]), are taken from `pool` where it has
    /// them (it must hold them as the corpus has them now, seen under
    /// these same `options`); those read from the corpus are handed back in
    /// `Reading::fresh`, for the pool.
    pub(crate) fn debate_reading(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
        pool: &LinkPool,
    ) -> Debate {
        self.gather_debate(about, options, Some(pool))
    }

    fn gather_debate(
        &self,
        about: &BTreeMap<ClaimId, Vec<EventId>>,
        options: &CompareOptions,
        pool: Option<&LinkPool>,
    ) -> Debate {
        let mut gather = Gather {
            unseen: pool.map(|_| Vec::new()),
            pool,
            corpus: self,
            options,
            index: HashMap::default(),
            order: Vec::new(),
            got: Vec::new(),
            visible: HashMap::default(),
        };
        let mut rows = Rows::default();
        let mut events = Vec::new();
        let mut claim_rows: Vec<Vec<u32>> = Vec::new();
        for (&claim, concerns) in about {
            let Some(own) = self.explanation_of(claim) else {
                continue;
            };
            let family = if options.roll_up() {
                self.family(own).unwrap_or(own)
            } else {
                own
            };
            let mut keys = vec![rows.row(self, family, None)];
            if family != own {
                keys.push(rows.row(self, own, Some(family)));
            }
            if gather.push_if_visible(claim) {
                events.push(concerns.clone());
                claim_rows.push(keys);
            } else {
                for k in keys {
                    rows.rows[k as usize].unseen += 1;
                }
            }
        }
        let scope = gather.order.len();
        gather.reach(scope);
        let Gather {
            order, got, unseen, ..
        } = gather;
        let mut debate = self.assemble(order, &got, scope, events, claim_rows, rows.rows, options);
        if let Some(unseen) = unseen {
            let looked = debate.claims.iter().map(|local| local.id).zip(got);
            let looked = looked.chain(unseen);
            let mut claims = Vec::with_capacity(debate.claims.len());
            let mut fresh = Vec::new();
            for (claim, got) in looked {
                claims.push(claim);
                if let Got::Read(read) = got {
                    let (links, seen) = *read;
                    fresh.push((claim, links, seen));
                }
            }
            debate.read = Reading { claims, fresh };
        }
        debate
    }

    /// What a claim's place in a debate depends on beyond the claim and
    /// its relations (`links`, as [`Corpus::claim_links`] reads them): its
    /// explanation and that explanation's family, the scholars and works
    /// of its positions, its evidence and the evidence's works; each once,
    /// sorted.
    pub(crate) fn claim_reads(&self, links: &ClaimLinks) -> Vec<Node> {
        let mut read: Vec<Node> = Vec::new();
        let mut explanation = links.explanation;
        while let Some(x) = explanation.filter(|&x| !read.contains(&Node::Explanation(x))) {
            read.push(Node::Explanation(x));
            explanation = self.variant_of(x);
        }
        for &(scholar, position) in &links.positions {
            read.push(Node::Scholar(scholar));
            read.extend(position.work().map(Node::Work));
        }
        for &(e, _) in &links.citations {
            read.push(Node::Evidence(e));
            read.extend(self.evidence_work(e).map(Node::Work));
        }
        read.sort_unstable();
        read.dedup();
        read
    }

    /// How a claim is seen under `options`, from its relations `links`
    /// (as [`Corpus::claim_links`] reads them): whether it is in view, its
    /// positions in view, each holder's latest, and its evidence in view.
    /// It depends on nothing beyond the claim, its relations, what
    /// [`Corpus::claim_reads`] lists and the corpus's last year.
    pub(crate) fn seen(
        &self,
        claim: ClaimId,
        links: &ClaimLinks,
        options: &CompareOptions,
    ) -> Seen {
        let (visible, positions) =
            options.sees_claim_among(self, claim, links.date, &links.positions);
        if !visible {
            return Seen::default();
        }
        let held = self.latest_held(claim, &positions);
        let evidence = links
            .citations
            .iter()
            .copied()
            .filter(|&(e, _)| options.sees_evidence(self, e))
            .collect();
        Seen {
            visible,
            positions,
            held,
            evidence,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        order: Vec<ClaimId>,
        got: &[Got<'_>],
        scope: usize,
        events: Vec<Vec<EventId>>,
        claim_rows: Vec<Vec<u32>>,
        mut rows: Vec<Row>,
        options: &CompareOptions,
    ) -> Debate {
        let index: HashMap<ClaimId, u32> = order
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, i as u32))
            .collect();
        let mut scholars: Vec<ScholarId> = Vec::new();
        let mut scholar_index: HashMap<ScholarId, u32> = HashMap::default();
        let mut claims: Vec<Local> = Vec::with_capacity(order.len());
        for (i, (&id, got)) in order.iter().zip(got).enumerate() {
            let (links, seen) = (got.links(), got.seen());
            let mut local = |scholar: ScholarId| {
                *scholar_index.entry(scholar).or_insert_with(|| {
                    scholars.push(scholar);
                    scholars.len() as u32 - 1
                })
            };
            let held = seen.held.iter().map(|&h| (local(h.scholar), h)).collect();
            let mut advancers: List<u32> = seen
                .positions
                .iter()
                .filter(|(_, p)| p.stance() == Stance::Advances)
                .map(|&(s, _)| local(s))
                .collect();
            advancers.sort_unstable();
            advancers.dedup();
            for &r in claim_rows.get(i).map(Vec::as_slice).unwrap_or_default() {
                rows[r as usize].members.push(i as u32);
            }
            claims.push(Local {
                id,
                polarity: links.polarity,
                anonymous: seen.positions.is_empty(),
                advancers,
                unnamed_counts: options.scholars().is_none(),
                dated: options.sees_unnamed_view(links.date, &[]),
                held,
                positions: seen.positions.clone(),
                evidence: seen.evidence.clone(),
            });
        }
        let epsilon = |c: ClaimId| -> i64 {
            index
                .get(&c)
                .map_or(0, |&i| net_evidence(&claims[i as usize].evidence))
        };
        let attacks = order.iter().zip(got).flat_map(|(&from, g)| {
            g.links()
                .attacks
                .iter()
                .filter(|(to, _)| index.contains_key(to))
                .map(move |&(to, kind)| (from, to, kind))
        });
        let edges = defeats_among(&Order::new(options.preferences()), attacks, epsilon);
        let n = order.len();
        let (mut defeaters, mut defeated) = (vec![List::new(); n], vec![List::new(); n]);
        for e in &edges {
            let (from, to) = (index[&e.from], index[&e.to]);
            defeaters[to as usize].push(from);
            defeated[from as usize].push(to);
        }
        let supporters = got
            .iter()
            .map(|g| {
                g.links()
                    .supporters
                    .iter()
                    .filter_map(|d| index.get(d).copied())
                    .collect()
            })
            .collect();
        Debate {
            claims,
            scope,
            events,
            defeaters,
            defeated,
            supporters,
            scholars,
            rows,
            index,
            read: Reading::default(),
            lists: std::cell::OnceCell::new(),
            weighing: options.weighing(),
            threshold: options.threshold(),
        }
    }
}

/// The rows of a debate, each made on first use.
#[derive(Default)]
struct Rows {
    rows: Vec<Row>,
    index: HashMap<ExplanationId, u32>,
}

impl Rows {
    fn row(&mut self, corpus: &Corpus, id: ExplanationId, parent: Option<ExplanationId>) -> u32 {
        let rows = &mut self.rows;
        *self.index.entry(id).or_insert_with(|| {
            rows.push(Row {
                id,
                key: corpus.name_of(id),
                parent,
                members: Vec::new(),
                unseen: 0,
            });
            rows.len() as u32 - 1
        })
    }
}

/// Whether a weighing is directional (Baroni and Giacomin 2007): a claim's
/// standing depends only on the claims that can reach it. Grounded,
/// complete, preferred and ideal semantics and the gradual semantics are
/// (`tests/semantics.rs` checks the extension-based ones); stable,
/// semi-stable and stage semantics are not.
pub(crate) fn directional(weighing: Weighing) -> bool {
    !matches!(
        weighing,
        Weighing::Extensions(Semantics::Stable | Semantics::SemiStable | Semantics::Stage)
    )
}

/// *ε*: supporting minus undermining evidence items.
pub(crate) fn net_evidence(evidence: &[(EvidenceId, Bearing)]) -> i64 {
    evidence
        .iter()
        .map(|(_, b)| match b {
            Bearing::Supports => 1,
            Bearing::Undermines => -1,
        })
        .sum()
}

/// A claim's relations and how it is seen: kept in the pool, or read now
/// (boxed, so that lists of them stay small to move).
enum Got<'a> {
    Pooled(&'a Entry),
    Read(Box<(ClaimLinks, Seen)>),
}

impl Got<'_> {
    fn links(&self) -> &ClaimLinks {
        match self {
            Got::Pooled(entry) => &entry.links,
            Got::Read(read) => &read.0,
        }
    }

    fn seen(&self) -> &Seen {
        match self {
            Got::Pooled(entry) => &entry.seen,
            Got::Read(read) => &read.1,
        }
    }
}

/// Collects the claims of a debate: those in scope, then what reaches them.
struct Gather<'a> {
    corpus: &'a Corpus,
    options: &'a CompareOptions,
    /// Relations read before, when recording.
    pool: Option<&'a LinkPool>,
    index: HashMap<ClaimId, u32>,
    order: Vec<ClaimId>,
    /// Each gathered claim's direct relations and how it is seen, read
    /// now or taken from the pool.
    got: Vec<Got<'a>>,
    /// When recording what the debate reads: the claims looked at and not
    /// in view, with their relations and how they are seen.
    unseen: Option<Vec<(ClaimId, Got<'a>)>>,
    visible: HashMap<ClaimId, bool>,
}

impl Gather<'_> {
    /// Adds a claim if it is in view and not yet there; whether it is now there.
    fn push_if_visible(&mut self, claim: ClaimId) -> bool {
        if self.index.contains_key(&claim) {
            return true;
        }
        if self.visible.get(&claim) == Some(&false) {
            return false;
        }
        let got = match self.pool.and_then(|pool| pool.entry(claim)) {
            Some(entry) => Got::Pooled(entry),
            None => {
                let links = self.corpus.claim_links(claim);
                let seen = self.corpus.seen(claim, &links, self.options);
                Got::Read(Box::new((links, seen)))
            }
        };
        let visible = got.seen().visible;
        self.visible.insert(claim, visible);
        if visible {
            self.index.insert(claim, self.order.len() as u32);
            self.order.push(claim);
            self.got.push(got);
        } else if let Some(unseen) = &mut self.unseen {
            unseen.push((claim, got));
        }
        visible
    }

    /// Adds the supporters of the scope claims, then, breadth first, every
    /// claim in view that can defeat one already there (its attackers and
    /// the claims it rebuts, which rebut it back), and under gradual
    /// weighing every supporter too. A claim's standing depends only on
    /// these, so the debate gives it the standing it has in the whole
    /// debate in view.
    fn reach(&mut self, scope: usize) {
        let corpus = self.corpus;
        if !directional(self.options.weighing()) {
            // Stable, semi-stable and stage extensions are not directional:
            // a claim's acceptance can depend on claims it cannot reach
            // (Baroni and Giacomin 2007). They need the whole debate in view.
            for claim in corpus.ids::<ClaimId>() {
                self.push_if_visible(claim);
            }
            return;
        }
        for i in 0..scope {
            for supporter in self.got[i].links().supporters.clone() {
                self.push_if_visible(supporter);
            }
        }
        let gradual = matches!(self.options.weighing(), Weighing::Gradual(_));
        let mut next = 0;
        while next < self.order.len() {
            // The claims that can defeat this one: its attackers, and the
            // claims it rebuts (which rebut it back); and its supporters
            // under gradual weighing.
            let links = self.got[next].links();
            let mut reaching: smallvec::SmallVec<[ClaimId; 8]> = links
                .attackers
                .iter()
                .map(|&(attacker, _)| attacker)
                .collect();
            reaching.extend(
                links
                    .attacks
                    .iter()
                    .filter(|&&(_, kind)| kind == AttackKind::Rebuts)
                    .map(|&(target, _)| target),
            );
            if gradual {
                reaching.extend(links.supporters.iter().copied());
            }
            for claim in reaching {
                self.push_if_visible(claim);
            }
            next += 1;
        }
    }
}
