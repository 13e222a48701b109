//! Seeded synthetic corpora, for benchmarks, load tests and tools built on
//! this crate.
//!
//! [`Synthetic`] builds a corpus of any size, from a seed, through the public
//! editing API, with the skew of a real literature: a few scholars write
//! most claims, a few events draw most of the debate (power-law degrees),
//! events nest, explanation families have variants, and most attacks and
//! supports join claims about the same event, as real disputes do.
//!
//! The same settings and seed give the same corpus, byte for byte, on every
//! platform.
//!
//! ```
//! use historiograph::{ClaimId, synthetic::Synthetic};
//!
//! let corpus = Synthetic::new(1_000).with_seed(7).build();
//! assert_eq!(corpus.ids::<ClaimId>().count(), 1_000);
//! assert_eq!(corpus.to_json(), Synthetic::new(1_000).with_seed(7).build().to_json());
//! ```
//!
//! The example `synthetic` writes one to a file:
//!
//! ```text
//! cargo run --release --example synthetic -- --claims 1000000 --seed 1 big.json
//! ```

use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::model::{
    AttackKind, Bearing, Claim, ClaimId, Date, Event, EventId, Evidence, EvidenceId, EvidenceKind,
    Explanation, ExplanationId, Polarity, Position, Scholar, ScholarId, Stance, When, Work, WorkId,
    WorkKind,
};

/// The settings of a synthetic corpus: its size, its seed and its shape.
///
/// Counts of the other entities follow the number of claims: a scholar for
/// every 20 claims, two works per scholar, an event for every 10 claims, an
/// evidence item for every 2, and four families of explanation plus one for
/// every 50,000 claims, each with up to four variants.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Synthetic {
    claims: usize,
    seed: u64,
    attack_rate: f64,
    support_rate: f64,
    local: f64,
    skew: i32,
}

impl Synthetic {
    /// Settings for a corpus of `claims` claims, with seed 0.
    pub fn new(claims: usize) -> Synthetic {
        Synthetic {
            claims,
            seed: 0,
            attack_rate: 0.3,
            support_rate: 0.1,
            local: 0.8,
            skew: 3,
        }
    }

    /// The seed: the same seed gives the same corpus.
    pub fn with_seed(mut self, seed: u64) -> Synthetic {
        self.seed = seed;
        self
    }

    /// The share of claims that attack an earlier claim (default 0.3) and
    /// the share that support one (default 0.1), each clamped to \[0, 1\].
    pub fn with_rates(mut self, attack: f64, support: f64) -> Synthetic {
        self.attack_rate = clamp_unit(attack);
        self.support_rate = clamp_unit(support);
        self
    }

    /// The share of attacks and supports between claims about the same
    /// event (default 0.8, clamped to \[0, 1\]); the rest join claims across
    /// the corpus, so chains of attacks can run through the whole debate.
    pub fn with_locality(mut self, local: f64) -> Synthetic {
        self.local = clamp_unit(local);
        self
    }

    /// How strongly a few scholars and events draw most claims (default 3,
    /// at least 1 for uniform): the *i*-th most popular of *n* is picked
    /// with probability about proportional to (*i*/*n*)^(1/*skew* − 1).
    pub fn with_skew(mut self, skew: i32) -> Synthetic {
        self.skew = skew.max(1);
        self
    }

    /// The number of claims the corpus will have.
    pub fn claims(&self) -> usize {
        self.claims
    }

    /// Builds the corpus.
    ///
    /// # Panics
    /// Never on any settings: every entity is valid by construction, and
    /// relations that would repeat one already drawn are skipped.
    pub fn build(&self) -> Corpus {
        // Every edit below is valid by construction; `Builder` turns a
        // broken invariant into a skipped relation rather than a panic.
        Builder::new(self).run()
    }
}

fn clamp_unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

/// SplitMix64: small, seeded, the same on every platform (also drawn on
/// by the crate's own seeded tests).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `0..n`; `n` must be positive.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// In `0..n`, skewed towards 0 by a power law.
    fn skewed(&mut self, n: usize, skew: i32) -> usize {
        ((self.unit().powi(skew) * n as f64) as usize).min(n.saturating_sub(1))
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

const FAMILIES: [(&str, &str); 4] = [
    ("national-interest", "National interest"),
    ("strategic-triangle", "Strategic triangle"),
    ("domestic-politics", "Domestic politics"),
    ("ideology", "Ideology"),
];

const WORK_KINDS: [WorkKind; 4] = [
    WorkKind::Book,
    WorkKind::ArticleJournal,
    WorkKind::Chapter,
    WorkKind::Thesis,
];

struct Builder<'a> {
    settings: &'a Synthetic,
    rng: Rng,
    corpus: Corpus,
}

impl<'a> Builder<'a> {
    fn new(settings: &'a Synthetic) -> Builder<'a> {
        Builder {
            settings,
            rng: Rng(settings.seed),
            corpus: Corpus::new(),
        }
    }

    fn run(mut self) -> Corpus {
        let n = self.settings.claims;
        self.corpus.set_title(Some(format!(
            "Synthetic corpus of {n} claims (seed {})",
            self.settings.seed
        )));
        let scholars = self.scholars((n / 20).max(10));
        let works = self.works(&scholars);
        let events = self.events((n / 10).max(10));
        let explanations = self.explanations(4 + n / 50_000);
        let evidence = self.evidence((n / 2).max(10), &works);
        self.claims(n, &scholars, &works, &events, &explanations, &evidence);
        self.corpus
    }

    fn scholars(&mut self, count: usize) -> Vec<ScholarId> {
        (0..count)
            .filter_map(|i| {
                let born = 1900 + self.rng.below(80) as i32;
                let scholar = Scholar::new(format!("s{i}"), format!("Scholar {i}"))
                    .with_born(born)
                    .with_affiliation(format!("University {}", self.rng.below(200)));
                self.corpus.add_scholar(scholar).ok()
            })
            .collect()
    }

    fn works(&mut self, scholars: &[ScholarId]) -> Vec<(WorkId, i32)> {
        (0..scholars.len() * 2)
            .filter_map(|i| {
                let year = 1950 + self.rng.below(75) as i32;
                let kind = WORK_KINDS[self.rng.below(WORK_KINDS.len())];
                let mut authors =
                    vec![scholars[self.rng.skewed(scholars.len(), self.settings.skew)]];
                if self.rng.chance(0.2) {
                    let other = scholars[self.rng.below(scholars.len())];
                    if other != authors[0] {
                        authors.push(other);
                    }
                }
                let work = Work::new(format!("w{i}"), format!("A study of the debate, part {i}"))
                    .with_kind(kind)
                    .with_issued(Date::from_year(year));
                self.corpus
                    .add_work(work, authors)
                    .ok()
                    .map(|id| (id, year))
            })
            .collect()
    }

    /// Events nest in a random recursive tree (70% have a parent among the
    /// earlier ones); a child's date lies within its parent's period.
    fn events(&mut self, count: usize) -> Vec<EventId> {
        let mut events: Vec<(EventId, i32, i32)> = Vec::with_capacity(count);
        for i in 0..count {
            let parent =
                (i > 0 && self.rng.chance(0.7)).then(|| events[self.rng.below(events.len())]);
            let (start, end) = match parent {
                Some((_, from, to)) => {
                    let start = from + self.rng.below((to - from + 1) as usize) as i32;
                    (start, (start + self.rng.below(3) as i32).min(to))
                }
                None => {
                    let start = 1900 + self.rng.below(100) as i32;
                    (start, start + self.rng.below(15) as i32)
                }
            };
            let when: When = match When::between(Date::from_year(start), Date::from_year(end)) {
                Ok(period) if end > start => period,
                _ => Date::from_year(start).into(),
            };
            let event = Event::new(format!("e{i}"), format!("Event {i}")).with_when(when);
            if let Ok(id) = self.corpus.add_event(event, parent.map(|p| p.0)) {
                events.push((id, start, end));
            }
        }
        events.into_iter().map(|(id, _, _)| id).collect()
    }

    fn explanations(&mut self, families: usize) -> Vec<ExplanationId> {
        let mut all = Vec::new();
        for f in 0..families {
            let (key, name) = match FAMILIES.get(f) {
                Some(&(key, name)) => (key.to_owned(), name.to_owned()),
                None => (format!("family-{f}"), format!("Family {f}")),
            };
            let Ok(family) = self
                .corpus
                .add_explanation(Explanation::new(key.clone(), name.clone()), None)
            else {
                continue;
            };
            all.push(family);
            for v in 0..self.rng.below(5) {
                let variant =
                    Explanation::new(format!("{key}-{v}"), format!("{name}, variant {v}"));
                if let Ok(id) = self.corpus.add_explanation(variant, Some(family)) {
                    all.push(id);
                }
            }
        }
        all
    }

    fn evidence(&mut self, count: usize, works: &[(WorkId, i32)]) -> Vec<EvidenceId> {
        (0..count)
            .filter_map(|i| {
                let kind = EvidenceKind::ALL[self.rng.below(EvidenceKind::ALL.len())];
                let work = self.rng.pick(works).map(|(w, _)| w);
                let item =
                    Evidence::new(format!("v{i}"), kind, format!("Document {i} of the record"))
                        .with_locator(format!("p. {}", 1 + self.rng.below(400)));
                self.corpus.add_evidence(item, work).ok()
            })
            .collect()
    }

    fn claims(
        &mut self,
        count: usize,
        scholars: &[ScholarId],
        works: &[(WorkId, i32)],
        events: &[EventId],
        explanations: &[ExplanationId],
        evidence: &[EvidenceId],
    ) {
        let skew = self.settings.skew;
        // The claims made so far, overall and per event.
        let mut made: Vec<ClaimId> = Vec::with_capacity(count);
        let mut by_event: Vec<Vec<ClaimId>> = vec![Vec::new(); events.len()];
        for i in 0..count {
            let e = self.rng.skewed(events.len(), skew);
            let mut about = vec![events[e]];
            if self.rng.chance(0.15) {
                let other = events[self.rng.below(events.len())];
                if other != about[0] {
                    about.push(other);
                }
            }
            let polarity = if self.rng.chance(0.3) {
                Polarity::Denies
            } else {
                Polarity::Affirms
            };
            let Some(explanation) = self.rng.pick(explanations) else {
                return;
            };
            let text = format!(
                "Claim {i}: the course of event {e} owed most to this cause, as the record shows"
            );
            let claim = Claim::new(format!("c{i}"), text).with_polarity(polarity);
            let Ok(id) = self.corpus.add_claim(claim, explanation, about) else {
                continue;
            };

            // Who holds it: its author in a work, then others over the years.
            let author = scholars[self.rng.skewed(scholars.len(), skew)];
            if let Some((work, year)) = self.rng.pick(works) {
                ignore_repeat(self.corpus.add_position(
                    author,
                    id,
                    Position::new(Stance::Advances).in_work(work),
                ));
                for _ in 0..self.rng.below(3) {
                    let other = scholars[self.rng.skewed(scholars.len(), skew)];
                    let stance =
                        [Stance::Endorses, Stance::Qualifies, Stance::Rejects][self.rng.below(3)];
                    let later = year + self.rng.below(20) as i32;
                    ignore_repeat(self.corpus.add_position(
                        other,
                        id,
                        Position::new(stance).in_year(later),
                    ));
                }
            }
            for _ in 0..self.rng.below(4) {
                let bearing = if self.rng.chance(0.2) {
                    Bearing::Undermines
                } else {
                    Bearing::Supports
                };
                if let Some(item) = self.rng.pick(evidence) {
                    ignore_repeat(self.corpus.cite(id, item, bearing));
                }
            }

            // Disputes: mostly with claims about the same event.
            if self.rng.chance(self.settings.attack_rate) {
                if let Some(target) = self.earlier(&by_event[e], &made) {
                    let kind = [
                        AttackKind::Rebuts,
                        AttackKind::Undercuts,
                        AttackKind::Undermines,
                    ][self.rng.below(3)];
                    ignore_repeat(self.corpus.attack(id, target, kind));
                }
            }
            if self.rng.chance(self.settings.support_rate) {
                if let Some(target) = self.earlier(&by_event[e], &made) {
                    ignore_repeat(self.corpus.support(id, target));
                }
            }
            by_event[e].push(id);
            made.push(id);
        }
    }

    /// An earlier claim: about the same event (recent ones likelier) with
    /// the locality's probability, else any earlier claim (early, much
    /// discussed ones likelier).
    fn earlier(&mut self, local: &[ClaimId], all: &[ClaimId]) -> Option<ClaimId> {
        if !local.is_empty() && self.rng.chance(self.settings.local) {
            let back = self.rng.skewed(local.len(), 2);
            return Some(local[local.len() - 1 - back]);
        }
        (!all.is_empty()).then(|| all[self.rng.skewed(all.len(), self.settings.skew)])
    }
}

/// Drawing the same relation twice is skipped; nothing else can fail.
fn ignore_repeat<T: std::fmt::Debug>(result: Result<T>) {
    debug_assert!(
        matches!(result, Ok(_) | Err(Error::DuplicateRelation { .. })),
        "{result:?}"
    );
}
