//! Weighing the evidence: the ACH matrix against hand-computed values and
//! its invariants, standards of proof, sensitivity, the debate over time.

use std::collections::BTreeMap;

use historiograph::*;
use proptest::prelude::*;

const EPS: f64 = 1e-9;

/// Two explanations `x` and `y` of event `e`; claims citing evidence `v1`..`v3`.
fn small() -> Result<(
    Corpus,
    EventId,
    ExplanationId,
    ExplanationId,
    [EvidenceId; 3],
)> {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None)?;
    let x = c.add_explanation(Explanation::new("x", "X"), None)?;
    let y = c.add_explanation(Explanation::new("y", "Y"), None)?;
    let v = [1, 2, 3].map(|i| {
        c.add_evidence(
            Evidence::new(
                format!("v{i}"),
                EvidenceKind::ArchivalDocument,
                format!("Item {i}"),
            ),
            None,
        )
        .expect("valid")
    });
    // For x: v1 supports twice (two claims), v2 undermines once.
    let a = c.add_claim(Claim::new("a", "X explains E"), x, [e])?;
    let b = c.add_claim(Claim::new("b", "X explains E, again"), x, [e])?;
    c.cite(a, v[0], Bearing::Supports)?;
    c.cite(b, v[0], Bearing::Supports)?;
    c.cite(a, v[1], Bearing::Undermines)?;
    // Against y: a denial that v3 supports (so v3 is inconsistent with y).
    let d = c.add_claim(
        Claim::new("d", "Y does not explain E").with_polarity(Polarity::Denies),
        y,
        [e],
    )?;
    c.cite(d, v[2], Bearing::Supports)?;
    Ok((c, e, x, y, v))
}

#[test]
fn derived_ratings_and_scores_match_hand_computation() -> Result<()> {
    let (c, e, x, y, v) = small()?;
    let m = c.ach(&[e], &AchOptions::new())?;
    assert_eq!(m.rating(x, v[0]), Rating::VeryConsistent);
    assert_eq!(m.rating(x, v[1]), Rating::Inconsistent);
    assert_eq!(m.rating(x, v[2]), Rating::NotApplicable);
    assert_eq!(m.rating(y, v[2]), Rating::Inconsistent);
    // x: ratings (2, -1, NA=0): consistency 4, inconsistency 1, mean 1/3.
    assert!((m.consistency(x).expect("column") - 4.0).abs() < EPS);
    assert!((m.inconsistency(x).expect("column") - 1.0).abs() < EPS);
    assert!((m.mean_rating(x).expect("column") - 1.0 / 3.0).abs() < EPS);
    // v1: (2, 0) across x, y: population std dev 1.
    assert!((m.diagnosticity(v[0]).expect("row") - 1.0).abs() < EPS);
    // Weights multiply: credibility 2 × relevance 0.5 on v2 leaves it at 1; 3 on v1 triples it.
    let weighted = c.ach(
        &[e],
        &AchOptions::new()
            .with_credibility(v[0], 3.0)
            .with_credibility(v[1], 2.0)
            .with_relevance(v[1], 0.5),
    )?;
    assert!((weighted.consistency(x).expect("column") - 12.0).abs() < EPS);
    assert!((weighted.inconsistency(x).expect("column") - 1.0).abs() < EPS);
    // Heuer: least inconsistent first.
    let ranking: Vec<ExplanationId> = m.ranking().map(|(x, _)| x).collect();
    assert_eq!(ranking, [x, y]);
    // A hand rating overrides the corpus.
    let rated = c.ach(
        &[e],
        &AchOptions::new().with_rating(y, v[0], Rating::VeryInconsistent),
    )?;
    assert_eq!(rated.rating(y, v[0]), Rating::VeryInconsistent);
    assert!((rated.inconsistency(y).expect("column") - 5.0).abs() < EPS);
    assert!(rated.to_string().contains("II"));
    Ok(())
}

#[test]
fn consensus_rounds_halves_to_even() {
    assert_eq!(Rating::from_mean(0.5), Rating::Neutral);
    assert_eq!(Rating::from_mean(1.5), Rating::VeryConsistent);
    assert_eq!(Rating::from_mean(-0.5), Rating::Neutral);
    assert_eq!(Rating::from_mean(-1.5), Rating::VeryInconsistent);
    assert_eq!(Rating::from_mean(0.6), Rating::Consistent);
}

#[test]
fn scholars_matrices_consensus_and_differences() -> Result<()> {
    let (mut c, e, x, _, v) = small()?;
    let s = c.add_scholar(Scholar::new("s", "S"))?;
    let t = c.add_scholar(Scholar::new("t", "T"))?;
    let a: ClaimId = c.resolve("a")?;
    let d: ClaimId = c.resolve("d")?;
    c.add_position(s, a, Position::new(Stance::Advances))?;
    c.add_position(t, d, Position::new(Stance::Advances))?;
    c.add_position(t, a, Position::new(Stance::Rejects))?;
    let ms = c.ach_of_scholar(&[e], s, &AchOptions::new())?;
    let mt = c.ach_of_scholar(&[e], t, &AchOptions::new())?;
    // s holds a: v1 consistent (once), v2 inconsistent; t holds only d.
    assert_eq!(ms.rating(x, v[0]), Rating::Consistent);
    assert_eq!(mt.rating(x, v[0]), Rating::NotApplicable);
    let differences = ms.differences(&mt);
    assert_eq!(differences.len(), 3);
    let consensus = AchMatrix::consensus(&[ms.clone(), mt.clone()]).expect("two matrices");
    // Where only one rates, the consensus is that rating.
    assert_eq!(consensus.rating(x, v[0]), Rating::Consistent);
    assert!(AchMatrix::consensus(&[]).is_none());
    Ok(())
}

#[test]
fn bad_weighing_input_is_refused() -> Result<()> {
    let (mut c, e, x, _, v) = small()?;
    assert!(matches!(
        c.ach(&[], &AchOptions::new()),
        Err(Error::InvalidOption {
            option: "events",
            ..
        })
    ));
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let err = c
            .ach(&[e], &AchOptions::new().with_credibility(v[0], bad))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "credibility",
                    ..
                }
            ),
            "{err}"
        );
        let err = c
            .ach(&[e], &AchOptions::new().with_relevance(v[0], bad))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "relevance",
                    ..
                }
            ),
            "{err}"
        );
    }
    let gone = c.add_evidence(Evidence::new("gone", EvidenceKind::Other, "Gone"), None)?;
    c.remove(gone)?;
    assert!(matches!(
        c.ach(
            &[e],
            &AchOptions::new().with_rating(x, gone, Rating::Consistent)
        ),
        Err(Error::UnknownId { .. })
    ));
    let thresholds = ProofThresholds::new().with_score(2.0);
    assert!(
        c.view(&CompareOptions::new())
            .standards_of_proof(e, &thresholds)
            .is_err()
    );
    Ok(())
}

#[test]
fn standards_of_proof_rest_on_independent_support() -> Result<()> {
    let (mut c, e, x, y, v) = small()?;
    let met = |c: &Corpus,
               t: &ProofThresholds|
     -> Result<BTreeMap<ExplanationId, Option<StandardOfProof>>> {
        Ok(c.view(&CompareOptions::new())
            .standards_of_proof(e, t)?
            .into_iter()
            .collect())
    };
    // x: two unopposed claims (score over 0.5) but both anonymous and citing
    // the same item: one independent item, no scholar: preponderance only.
    let standing = c.view(&CompareOptions::new()).compare(e)?;
    let sx = standing.standing(x).expect("x");
    assert_eq!((sx.evidence_for(), sx.scholars_for()), (1, 0));
    assert_eq!(
        met(&c, &ProofThresholds::new())?[&x],
        Some(StandardOfProof::Preponderance)
    );
    // y: only a denial: P = 0, no standard.
    assert_eq!(met(&c, &ProofThresholds::new())?[&y], None);

    // Two scholars of one co-authored work are one independent voice.
    let ann = c.add_scholar(Scholar::new("ann", "Ann"))?;
    let bob = c.add_scholar(Scholar::new("bob", "Bob"))?;
    let joint = c.add_work(Work::new("joint", "Joint"), [ann, bob])?;
    let a: ClaimId = c.resolve("a")?;
    let b: ClaimId = c.resolve("b")?;
    c.cite(b, v[2], Bearing::Supports)?;
    c.add_position(ann, a, Position::new(Stance::Advances).in_work(joint))?;
    c.add_position(bob, a, Position::new(Stance::Advances).in_work(joint))?;
    let sx = c
        .view(&CompareOptions::new())
        .compare(e)?
        .standing(x)
        .cloned()
        .expect("x");
    assert_eq!((sx.evidence_for(), sx.scholars_for()), (2, 1));
    assert_eq!(
        met(&c, &ProofThresholds::new())?[&x],
        Some(StandardOfProof::Preponderance)
    );
    // A third scholar, writing alone: two independent voices, two items.
    let cy = c.add_scholar(Scholar::new("cy", "Cy"))?;
    c.add_position(cy, b, Position::new(Stance::Endorses))?;
    assert_eq!(
        met(&c, &ProofThresholds::new())?[&x],
        Some(StandardOfProof::ClearAndConvincing)
    );
    // Lower demands for the strongest standard reach it.
    let lenient = ProofThresholds::new().with_beyond_reasonable_doubt(2, 2);
    assert_eq!(
        met(&c, &lenient)?[&x],
        Some(StandardOfProof::BeyondReasonableDoubt)
    );
    // A demanding score leaves only preponderance.
    let strict = ProofThresholds::new().with_score(0.99);
    assert_eq!(met(&c, &strict)?[&x], Some(StandardOfProof::Preponderance));
    // Named once: the same name in Display, FromStr and serde; words for people.
    let beyond = StandardOfProof::BeyondReasonableDoubt;
    assert_eq!(beyond.to_string(), "beyond_reasonable_doubt");
    assert_eq!(
        "beyond_reasonable_doubt".parse::<StandardOfProof>(),
        Ok(beyond)
    );
    let json = serde_json::to_string(&beyond).expect("serializable");
    assert_eq!(json, "\"beyond_reasonable_doubt\"");
    assert_eq!(beyond.name(), "beyond reasonable doubt");
    Ok(())
}

#[test]
fn sensitivity_finds_the_pivots_and_the_smallest_set() -> Result<()> {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None)?;
    let x = c.add_explanation(Explanation::new("x", "X"), None)?;
    let y = c.add_explanation(Explanation::new("y", "Y"), None)?;
    let cx = c.add_claim(Claim::new("cx", "X"), x, [e])?;
    let cy = c.add_claim(Claim::new("cy", "Y"), y, [e])?;
    let v = c.add_evidence(Evidence::new("v", EvidenceKind::Statistic, "Figures"), None)?;
    c.cite(cx, v, Bearing::Supports)?;
    let s = c.add_scholar(Scholar::new("s", "S"))?;
    c.add_position(s, cy, Position::new(Stance::Advances))?;
    let u = c.add_evidence(Evidence::new("u", EvidenceKind::Other, "Doubts"), None)?;
    c.cite(cy, u, Bearing::Undermines)?;
    // x leads (weight √2 against √½). Without v, x still leads (1 against
    // √½); without cx, y does.
    let report = c.view(&CompareOptions::new()).sensitivity(e, 2)?;
    assert_eq!(report.leader(), Some(x));
    assert!(report.pivots().contains(&(Removal::Claim(cx), Some(y))));
    assert!(
        !report
            .pivots()
            .iter()
            .any(|(r, _)| *r == Removal::Evidence(v))
    );
    let (set, after) = report.smallest().expect("a set");
    assert_eq!(set.len(), 1);
    assert_eq!(after, Some(y));
    Ok(())
}

#[test]
fn history_lists_each_year_and_writes_csv() -> Result<()> {
    let corpus = sino_soviet_split();
    let split: EventId = corpus.resolve("sino-soviet-split")?;
    let families = CompareOptions::new().with_roll_up(true);
    let history = corpus.view(&families).history(Some(split))?;
    assert_eq!(history.years().first(), Some(&1952));
    assert_eq!(history.years().last(), Some(&2008));
    let triangle = history
        .rows()
        .iter()
        .find(|r| r.key() == "strategic-triangle")
        .expect("a row");
    assert_eq!(
        triangle.standings().last().and_then(|c| c.map(|(v, _)| v)),
        Some(Verdict::Rejected)
    );
    assert!(triangle.standings()[0].is_none());
    let csv = history.to_csv();
    assert!(csv.starts_with("explanation,1952,"), "{csv}");
    assert_eq!(csv.lines().count(), history.rows().len() + 1);
    let whole = corpus.view(&families).history(None)?;
    assert!(whole.rows().len() >= history.rows().len());
    let json = serde_json::to_value(&history).expect("serializable");
    assert_eq!(json["years"][0], 1952);
    Ok(())
}

/// A claim: its explanation (0..3), whether it denies, and the items (0..6) it
/// cites with whether each undermines it.
type ClaimSpec = (usize, bool, Vec<(usize, bool)>);

/// Ratings by (explanation key, evidence key), and (inconsistency,
/// consistency) by explanation key, in millionths.
type Keyed = (
    BTreeMap<(String, String), Rating>,
    BTreeMap<String, (i64, i64)>,
);

/// A random corpus: one event, three explanations, up to six evidence items
/// and up to ten claims citing them.
fn corpora() -> impl Strategy<Value = Vec<ClaimSpec>> {
    proptest::collection::vec(
        (
            0usize..3,
            any::<bool>(),
            proptest::collection::vec((0usize..6, any::<bool>()), 0..4),
        ),
        1..10,
    )
}

fn build(claims: &[ClaimSpec], reversed: bool) -> (Corpus, EventId) {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None).expect("valid");
    let mut xs: Vec<usize> = (0..3).collect();
    let mut vs: Vec<usize> = (0..6).collect();
    if reversed {
        xs.reverse();
        vs.reverse();
    }
    for i in xs {
        c.add_explanation(Explanation::new(format!("x{i}"), format!("X{i}")), None)
            .expect("valid");
    }
    for i in vs {
        c.add_evidence(
            Evidence::new(format!("v{i}"), EvidenceKind::Other, format!("V{i}")),
            None,
        )
        .expect("valid");
    }
    let order: Vec<usize> = if reversed {
        (0..claims.len()).rev().collect()
    } else {
        (0..claims.len()).collect()
    };
    for k in order {
        let (x, denies, cites) = &claims[k];
        let polarity = if *denies {
            Polarity::Denies
        } else {
            Polarity::Affirms
        };
        let explanation: ExplanationId = c.resolve(&format!("x{x}")).expect("made");
        let claim = c
            .add_claim(
                Claim::new(format!("c{k}"), format!("C{k}")).with_polarity(polarity),
                explanation,
                [e],
            )
            .expect("valid");
        for (v, undermines) in cites {
            let item: EvidenceId = c.resolve(&format!("v{v}")).expect("made");
            let bearing = if *undermines {
                Bearing::Undermines
            } else {
                Bearing::Supports
            };
            let _ = c.cite(claim, item, bearing);
        }
    }
    (c, e)
}

/// Cells and scores by key, independent of ids.
fn by_key(c: &Corpus, m: &AchMatrix) -> Keyed {
    let mut cells = BTreeMap::new();
    for &x in m.explanations() {
        for &v in m.evidence() {
            cells.insert(
                (
                    c.key(x).unwrap_or("").to_owned(),
                    c.key(v).unwrap_or("").to_owned(),
                ),
                m.rating(x, v),
            );
        }
    }
    let scores = m
        .explanations()
        .iter()
        .map(|&x| {
            let round = |f: Option<f64>| (f.unwrap_or(0.0) * 1e6).round() as i64;
            (
                c.key(x).unwrap_or("").to_owned(),
                (round(m.inconsistency(x)), round(m.consistency(x))),
            )
        })
        .collect();
    (cells, scores)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn ach_invariants(claims in corpora()) {
        let (mut c, e) = build(&claims, false);
        let m = c.ach(&[e], &AchOptions::new()).expect("valid");

        // Results do not depend on the order things were added.
        let (r, re) = build(&claims, true);
        let mr = r.ach(&[re], &AchOptions::new()).expect("valid");
        prop_assert_eq!(by_key(&c, &m), by_key(&r, &mr));

        // Evidence rated not applicable everywhere changes no score.
        let blank = c.add_evidence(Evidence::new("blank", EvidenceKind::Other, "Blank"), None).expect("valid");
        let mut options = AchOptions::new();
        for &x in m.explanations() {
            options = options.with_rating(x, blank, Rating::NotApplicable);
        }
        let with_blank = c.ach(&[e], &options).expect("valid");
        for &x in m.explanations() {
            prop_assert!((with_blank.inconsistency(x).unwrap_or(0.0) - m.inconsistency(x).unwrap_or(0.0)).abs() < EPS);
            prop_assert!((with_blank.consistency(x).unwrap_or(0.0) - m.consistency(x).unwrap_or(0.0)).abs() < EPS);
        }

        // An item rated alike for every explanation has diagnosticity 0.
        let mut same = AchOptions::new();
        for &x in m.explanations() {
            same = same.with_rating(x, blank, Rating::Inconsistent);
        }
        let alike = c.ach(&[e], &same).expect("valid");
        prop_assert!(alike.diagnosticity(blank).unwrap_or(1.0).abs() < EPS);

        // Adding an item consistent with an explanation never raises its inconsistency.
        if let Some(&x) = m.explanations().first() {
            let helped = c.ach(&[e], &AchOptions::new().with_rating(x, blank, Rating::VeryConsistent)).expect("valid");
            prop_assert!(helped.inconsistency(x).unwrap_or(0.0) <= m.inconsistency(x).unwrap_or(0.0) + EPS);
        }

        // Diagnosticity is never negative; scores are finite.
        for &v in m.evidence() {
            prop_assert!(m.diagnosticity(v).unwrap_or(0.0) >= 0.0);
        }
    }
}
