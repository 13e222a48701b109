//! Behaviour through the public API: building, validation, the document
//! format, and query results on small hand-built corpora.

use historiograph::*;

/// A small debate whose scores can be worked out by hand:
///
/// - `e` (2000s crisis) lies within `p` (the period).
/// - `a` is a family with the variant `a1`; `b` is a family.
/// - `c1` affirms `a` for `e`: `s1` advances it in `w2000`; it cites `ev1` (from `w2000`).
/// - `c2` denies `a` for `e`: `s2` advances it in 2010; it attacks (rebuts) `c1`.
/// - `c3` affirms `b` for `e`: nobody's position, no year.
/// - `c4` affirms `a1` for `e`: `s1` qualifies it in 2001.
/// - `c5` affirms `b` for `p`: `s2` advances it in 2010.
struct Fixture {
    corpus: Corpus,
    s1: ScholarId,
    s2: ScholarId,
    e: EventId,
    p: EventId,
    a: ExplanationId,
    a1: ExplanationId,
    b: ExplanationId,
    c1: ClaimId,
    c2: ClaimId,
    c3: ClaimId,
    c4: ClaimId,
}

fn fixture() -> Result<Fixture> {
    let mut corpus = Corpus::new();
    let s1 = corpus.add_scholar(Scholar::new("s1", "Scholar One"))?;
    let s2 = corpus.add_scholar(Scholar::new("s2", "Scholar Two"))?;
    let w2000 = corpus.add_work(
        Work::new("w2000", "A Study").with_issued(Date::from_year(2000)),
        [s1],
    )?;
    let p = corpus.add_event(
        Event::new("p", "The period").with_when("1990/2010".parse::<When>()?),
        None,
    )?;
    let e = corpus.add_event(
        Event::new("e", "The crisis").with_when(Date::from_year_month(2003, 4)?),
        Some(p),
    )?;
    let a = corpus.add_explanation(Explanation::new("a", "Explanation A"), None)?;
    let a1 = corpus.add_explanation(Explanation::new("a1", "Variant A1"), Some(a))?;
    let b = corpus.add_explanation(Explanation::new("b", "Explanation B"), None)?;
    let ev1 = corpus.add_evidence(
        Evidence::new("ev1", EvidenceKind::ArchivalDocument, "A telegram"),
        Some(w2000),
    )?;
    let c1 = corpus.add_claim(Claim::new("c1", "A explains the crisis"), a, [e])?;
    corpus.add_position(s1, c1, Position::new(Stance::Advances).in_work(w2000))?;
    corpus.cite(c1, ev1, Bearing::Supports)?;
    let c2 = corpus.add_claim(
        Claim::new("c2", "A does not explain the crisis").with_polarity(Polarity::Denies),
        a,
        [e],
    )?;
    corpus.add_position(s2, c2, Position::new(Stance::Advances).in_year(2010))?;
    corpus.attack(c2, c1, AttackKind::Rebuts)?;
    let c3 = corpus.add_claim(Claim::new("c3", "B explains the crisis"), b, [e])?;
    let c4 = corpus.add_claim(Claim::new("c4", "A1 explains the crisis"), a1, [e])?;
    corpus.add_position(s1, c4, Position::new(Stance::Qualifies).in_year(2001))?;
    let c5 = corpus.add_claim(Claim::new("c5", "B explains the period"), b, [p])?;
    corpus.add_position(s2, c5, Position::new(Stance::Advances).in_year(2010))?;
    Ok(Fixture {
        corpus,
        s1,
        s2,
        e,
        p,
        a,
        a1,
        b,
        c1,
        c2,
        c3,
        c4,
    })
}

const EPS: f64 = 1e-9;

fn standing(c: &Comparison, x: ExplanationId) -> &Standing {
    c.standing(x).expect("explanation in the comparison")
}

fn entry(s: &Standing, claim: ClaimId) -> &ClaimEntry {
    s.supporting()
        .iter()
        .chain(s.opposing())
        .find(|c| c.id() == claim)
        .expect("claim in the standing")
}

#[test]
fn compare_scores_follow_the_documented_formula() -> Result<()> {
    let f = fixture()?;
    let c = f.corpus.view(&CompareOptions::new()).compare(f.e)?;

    // c2 rebuts c1, and a rebuttal is symmetric: with no preferences each
    // defeats the other, and both are undecided.
    let a = standing(&c, f.a);
    assert_eq!(entry(a, f.c1).acceptance(), Acceptance::Undecided);
    assert_eq!(entry(a, f.c2).acceptance(), Acceptance::Undecided);
    // c1: backing 1, evidence factor sqrt(2); half stands, half is defeated.
    let w1 = 2f64.sqrt();
    assert!((entry(a, f.c1).weight() - w1).abs() < EPS);
    assert!((a.pro() - w1 / 2.0).abs() < EPS);
    assert!((a.con() - 0.5).abs() < EPS);
    assert!((a.defeated_pro() - w1 / 2.0).abs() < EPS);
    assert!((a.defeated_con() - 0.5).abs() < EPS);
    let score = (w1 / 2.0 - 0.5) / (w1 / 2.0 + 0.5 + 1.0);
    assert!((a.score() - score).abs() < EPS);
    assert_eq!(a.verdict(), Verdict::Contested);

    // c3 has no positions: it counts as advanced once; 1 / (1 + 1) = 0.5.
    let b = standing(&c, f.b);
    assert!((b.pro() - 1.0).abs() < EPS);
    assert!((b.score() - 0.5).abs() < EPS);
    assert_eq!(b.verdict(), Verdict::Supported);

    // c4 counts for the variant a1, apart from a. s1 only qualifies it, so
    // someone unnamed put it forward: backing 1 (the unnamed proponent) +
    // 1/2 (s1's qualification); nothing opposes it: 1.5 / 2.5.
    let a1 = standing(&c, f.a1);
    assert!(entry(a1, f.c4).has_unnamed_proponent());
    assert!(!entry(a, f.c1).has_unnamed_proponent());
    assert!((a1.pro() - 1.5).abs() < EPS);
    assert!((a1.score() - 0.6).abs() < EPS);
    assert_eq!(a1.verdict(), Verdict::Supported);
    assert_eq!((a1.family(), a1.family_key()), (f.a, "a"));

    // Ranking: verdict, then score, then weight, then key.
    let order: Vec<&str> = c.standings().iter().map(|s| s.explanation_key()).collect();
    assert_eq!(order, ["a1", "b", "a"]);
    assert_eq!(c.leader().map(|s| s.id()), Some(f.a1));

    // Evidential preferences: c1 cites one item, c2 none, so c1 is preferred:
    // c2's rebuttal fails and c1's reply defeats c2.
    let evidential = CompareOptions::new().with_preferences(Preferences::Evidential);
    let c = f.corpus.view(&evidential).compare(f.e)?;
    let a = standing(&c, f.a);
    assert_eq!(entry(a, f.c1).acceptance(), Acceptance::In);
    assert_eq!(entry(a, f.c2).acceptance(), Acceptance::Out);
    assert!((a.pro() - w1).abs() < EPS && a.con().abs() < EPS);
    assert_eq!(a.verdict(), Verdict::Supported);
    let failed = &entry(a, f.c1).attacked_by()[0];
    assert_eq!((failed.key(), failed.defeats()), ("c2", false));

    // An explicit preference the other way: c2 stands, c1 falls.
    let explicit = CompareOptions::new().with_preferences(Preferences::explicit([(f.c2, f.c1)]));
    let c = f.corpus.view(&explicit).compare(f.e)?;
    let a = standing(&c, f.a);
    assert_eq!(entry(a, f.c1).acceptance(), Acceptance::Out);
    assert!((a.pro()).abs() < EPS && (a.con() - 1.0).abs() < EPS);
    assert_eq!(a.verdict(), Verdict::Rejected);
    Ok(())
}

#[test]
fn as_of_a_year_hides_later_positions_and_undated_claims() -> Result<()> {
    let f = fixture()?;
    let c = f
        .corpus
        .view(&CompareOptions::new().with_as_of(Some(2005)))
        .compare(f.e)?;
    // c2 (2010) is out of view, so c1 stands, with its evidence (2000).
    let a = standing(&c, f.a);
    assert_eq!(entry(a, f.c1).acceptance(), Acceptance::In);
    assert!((a.pro() - 2f64.sqrt()).abs() < EPS);
    assert_eq!(a.verdict(), Verdict::Supported);
    assert_eq!(a.unseen(), 1);
    // c3 has no date at all: out of view.
    let b = standing(&c, f.b);
    assert_eq!(b.verdict(), Verdict::Unaddressed);
    assert_eq!(b.unseen(), 1);
    assert_eq!(c.standings().last().map(|s| s.id()), Some(f.b));

    // Before any work: everything is unaddressed, nothing is a leader.
    let c = f
        .corpus
        .view(&CompareOptions::new().with_as_of(Some(1999)))
        .compare(f.e)?;
    assert!(
        c.standings()
            .iter()
            .all(|s| s.verdict() == Verdict::Unaddressed)
    );
    assert!(c.leader().is_none());

    // Evidence published after the year does not count.
    let c = f
        .corpus
        .view(&CompareOptions::new().with_as_of(Some(2001)))
        .compare(f.e)?;
    assert!(entry(standing(&c, f.a), f.c1).evidence().len() == 1);
    Ok(())
}

#[test]
fn scholar_filter_roll_up_and_scope() -> Result<()> {
    let f = fixture()?;
    let only_s2 = CompareOptions::new().with_scholars([f.s2]);
    let c = f.corpus.view(&only_s2).compare(f.e)?;
    let a = standing(&c, f.a);
    assert_eq!(a.supporting().len(), 0);
    assert_eq!(a.opposing().len(), 1);
    assert_eq!(a.verdict(), Verdict::Rejected);
    assert_eq!(standing(&c, f.b).verdict(), Verdict::Unaddressed);

    // Rolled up, c4 counts for the family a, and a1 is a row beneath it.
    let c = f
        .corpus
        .view(&CompareOptions::new().with_roll_up(true))
        .compare(f.e)?;
    assert!(c.standing(f.a1).is_none());
    let a = standing(&c, f.a);
    let half_c1 = 2f64.sqrt() / 2.0;
    assert!((a.pro() - (half_c1 + 1.5)).abs() < EPS);
    assert_eq!(entry(a, f.c4).explanation(), f.a1);
    assert_eq!(entry(a, f.c4).explanation_key(), "a1");
    // c4 stands for a (1.5) beside half of c1; half of c2 stands against.
    let score = (half_c1 + 1.5 - 0.5) / (half_c1 + 1.5 + 0.5 + 1.0);
    assert!((a.score() - score).abs() < EPS);
    assert_eq!(a.verdict(), Verdict::Contested);
    let beneath: Vec<(ExplanationId, Verdict)> =
        a.variants().iter().map(|v| (v.id(), v.verdict())).collect();
    assert_eq!(beneath, [(f.a1, Verdict::Supported)]);
    assert!((a.variants()[0].pro() - 1.5).abs() < EPS);

    // Claims about the enclosing period count only when asked.
    let narrow = f.corpus.view(&CompareOptions::new()).compare(f.e)?;
    assert_eq!(standing(&narrow, f.b).supporting().len(), 1);
    let wide = f
        .corpus
        .view(&CompareOptions::new().with_enclosing(true))
        .compare(f.e)?;
    let b = standing(&wide, f.b);
    assert_eq!(b.supporting().len(), 2);
    assert!((b.pro() - 2.0).abs() < EPS);
    // And claims about the crisis count for the period only when asked.
    let period = f.corpus.view(&CompareOptions::new()).compare(f.p)?;
    assert_eq!(period.standings().len(), 1);
    let period = f
        .corpus
        .view(&CompareOptions::new().with_enclosed(true))
        .compare(f.p)?;
    assert_eq!(period.standings().len(), 3);
    Ok(())
}

#[test]
fn rejections_count_against_and_ties_are_contested() -> Result<()> {
    let mut corpus = Corpus::new();
    let s = corpus.add_scholar(Scholar::new("s", "S"))?;
    let t = corpus.add_scholar(Scholar::new("t", "T"))?;
    let e = corpus.add_event(Event::new("e", "E"), None)?;
    let x = corpus.add_explanation(Explanation::new("x", "X"), None)?;
    let for_x = corpus.add_claim(Claim::new("for", "X explains E"), x, [e])?;
    corpus.add_position(s, for_x, Position::new(Stance::Advances))?;
    corpus.add_position(t, for_x, Position::new(Stance::Rejects))?;
    let c = corpus.view(&CompareOptions::new()).compare(e)?;
    let row = standing(&c, x);
    assert!((row.pro() - 1.0).abs() < EPS);
    assert!((row.con() - 1.0).abs() < EPS);
    assert_eq!(row.verdict(), Verdict::Contested);
    assert!((row.score()).abs() < EPS);
    // A lower threshold does not turn a tie into a verdict either way.
    let c = corpus
        .view(&CompareOptions::new().with_threshold(0.1))
        .compare(e)?;
    assert_eq!(standing(&c, x).verdict(), Verdict::Contested);
    // Thresholds outside (0, 1] are refused.
    for bad in [0.0, -0.5, 1.5, f64::NAN] {
        let err = corpus
            .view(&CompareOptions::new().with_threshold(bad))
            .compare(e)
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidOption {
                    option: "threshold",
                    ..
                }
            ),
            "{err}"
        );
    }
    Ok(())
}

#[test]
fn attack_cycles_leave_claims_undecided_and_supports_add_weight() -> Result<()> {
    let mut corpus = Corpus::new();
    let e = corpus.add_event(Event::new("e", "E"), None)?;
    let x = corpus.add_explanation(Explanation::new("x", "X"), None)?;
    let y = corpus.add_explanation(Explanation::new("y", "Y"), None)?;
    let cx = corpus.add_claim(Claim::new("cx", "X explains E"), x, [e])?;
    let cy = corpus.add_claim(Claim::new("cy", "Y explains E"), y, [e])?;
    corpus.attack(cx, cy, AttackKind::Rebuts)?;
    corpus.attack(cy, cx, AttackKind::Undercuts)?;
    let helper = corpus.add_claim(Claim::new("helper", "More for X"), x, [e])?;
    corpus.support(helper, cx)?;
    let c = corpus.view(&CompareOptions::new()).compare(e)?;
    let sx = standing(&c, x);
    assert_eq!(entry(sx, cx).acceptance(), Acceptance::Undecided);
    // cx: supporter `helper` is in, so e = sqrt((1 + 1/2) / 1).
    assert!((entry(sx, cx).weight() - 1.5f64.sqrt()).abs() < EPS);
    // Undecided: half stands, half is defeated.
    let half = 1.5f64.sqrt() / 2.0;
    assert!((sx.pro() - (1.0 + half)).abs() < EPS);
    assert!((sx.con()).abs() < EPS);
    assert!((sx.defeated_pro() - half).abs() < EPS);
    let attackers: Vec<(&str, AttackKind, Acceptance, bool)> = entry(sx, cx)
        .attacked_by()
        .iter()
        .map(|a| (a.key(), a.kind(), a.acceptance(), a.defeats()))
        .collect();
    assert_eq!(
        attackers,
        [("cy", AttackKind::Undercuts, Acceptance::Undecided, true)]
    );
    Ok(())
}

#[test]
fn display_and_serialize_name_everything_by_key() -> Result<()> {
    let f = fixture()?;
    let c = f.corpus.view(&CompareOptions::new()).compare(f.e)?;
    let table = c.to_string();
    assert!(table.starts_with("The crisis [e, 2003-04]"), "{table}");
    assert!(table.contains("Explanation A"));
    assert!(table.contains("- c2 [undecided, weight 1.00]: A does not explain the crisis"));
    assert!(table.contains("by: Scholar One advances (2000, w2000)"));
    assert!(table.contains("attacked by: c2 (rebuts, undecided)"));
    assert!(table.contains("attacked by: c1 (rebuts back, undecided)"));
    assert!(
        table.contains("Variant A1 leads; it would take removing 1 claim"),
        "{table}"
    );
    let json: serde_json::Value = serde_json::to_value(&c).map_err(|e| Error::InvalidOption {
        option: "json",
        reason: e.to_string(),
    })?;
    assert_eq!(json["event"], "e");
    assert_eq!(json["standings"][0]["explanation"], "a1");
    assert_eq!(json["standings"][2]["verdict"], "contested");
    assert_eq!(json["standings"][2]["opposing"][0]["key"], "c2");
    Ok(())
}

#[test]
fn matrix_and_accounts() -> Result<()> {
    let f = fixture()?;
    let m = f.corpus.view(&CompareOptions::new()).matrix([f.p, f.e])?;
    assert_eq!(m.events(), [f.p, f.e]);
    assert_eq!(m.explanations(), [f.a, f.a1, f.b]);
    assert_eq!(m.cell(f.p, f.a), None);
    assert_eq!(
        m.cell(f.e, f.a).map(|c| c.verdict()),
        Some(Verdict::Contested)
    );
    assert_eq!(
        m.cell(f.p, f.b).map(|c| c.verdict()),
        Some(Verdict::Supported)
    );
    let text = m.to_string();
    assert!(text.contains("C+0.09"), "{text}");
    assert!(text.contains("  1  Explanation A (a)"), "{text}");

    let accounts = f.corpus.view(&CompareOptions::new()).accounts(f.b)?;
    let events: Vec<EventId> = accounts.accounts_for().iter().map(|e| e.event()).collect();
    assert_eq!(events, [f.p, f.e]);
    let accounts = f.corpus.view(&CompareOptions::new()).accounts(f.a)?;
    assert_eq!(
        accounts
            .contested_at()
            .iter()
            .map(|e| e.key())
            .collect::<Vec<_>>(),
        ["e"]
    );
    assert!(accounts.accounts_for().is_empty());
    // As of 2005, c1 stands: a accounts for e.
    let accounts = f
        .corpus
        .view(&CompareOptions::new().with_as_of(Some(2005)))
        .accounts(f.a)?;
    assert_eq!(
        accounts
            .accounts_for()
            .iter()
            .map(|e| e.key())
            .collect::<Vec<_>>(),
        ["e"]
    );
    // With claims about enclosed events counted, a's claims speak to p as well.
    let accounts = f
        .corpus
        .view(&CompareOptions::new().with_enclosed(true))
        .accounts(f.a)?;
    assert_eq!(
        accounts
            .contested_at()
            .iter()
            .map(|e| e.key())
            .collect::<Vec<_>>(),
        ["p", "e"]
    );
    Ok(())
}

#[test]
fn provenance_holdings_disagreements_and_timelines() -> Result<()> {
    let f = fixture()?;
    let all = CompareOptions::new();
    let prov = f.corpus.view(&all).provenance(f.c1).expect("live claim");
    assert_eq!(prov.evidence().len(), 1);
    assert_eq!(prov.works().len(), 1);
    assert_eq!(prov.positions()[0].0, f.s1);
    // Before the work of 2000, neither its evidence nor its position is in view.
    let early = f
        .corpus
        .view(&all.clone().with_as_of(Some(1999)))
        .provenance(f.c1)
        .unwrap();
    assert!(early.evidence().is_empty() && early.positions().is_empty());

    let held: Vec<ClaimId> = f
        .corpus
        .view(&all)
        .claims_held_by(f.s1)
        .map(|(c, _)| c)
        .collect();
    assert_eq!(held, [f.c1, f.c4]);
    let held: Vec<ClaimId> = f
        .corpus
        .view(&all.clone().with_as_of(Some(2000)))
        .claims_held_by(f.s1)
        .map(|(c, _)| c)
        .collect();
    assert_eq!(held, [f.c1]);

    // s2's c2 rebuts s1's c1: one point, with each side's year and work.
    let d = f.corpus.view(&all).disagreements(f.s1, f.s2, None)?;
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].point(),
        Point::Attack {
            attacker: f.c2,
            target: f.c1,
            kind: AttackKind::Rebuts
        }
    );
    assert_eq!((d[0].first().scholar(), d[0].first().claim()), (f.s1, f.c1));
    assert_eq!(d[0].first().year(), Some(2000));
    assert_eq!(d[0].second().year(), Some(2010));
    assert_eq!(
        d[0].to_string(),
        "s2's `c2` (2010) rebuts s1's `c1` (2000, w2000)"
    );
    // The other order gives the same point, sides swapped; no one disagrees with himself.
    let back = f.corpus.view(&all).disagreements(f.s2, f.s1, None)?;
    assert_eq!((back.len(), back[0].first().scholar()), (1, f.s2));
    assert!(
        f.corpus
            .view(&all)
            .disagreements(f.s1, f.s1, None)?
            .is_empty()
    );
    // Before s2's position of 2010 there is nothing to disagree about.
    let before = all.clone().with_as_of(Some(2005));
    assert!(
        f.corpus
            .view(&before)
            .disagreements(f.s1, f.s2, None)?
            .is_empty()
    );
    // Only about the period itself (not the crisis within it): nothing.
    assert!(
        f.corpus
            .view(&all)
            .disagreements(f.s1, f.s2, Some(f.p))?
            .is_empty()
    );
    let within = all.clone().with_enclosed(true);
    assert_eq!(
        f.corpus
            .view(&within)
            .disagreements(f.s1, f.s2, Some(f.p))?
            .len(),
        1
    );

    let mut corpus = f.corpus.clone();
    corpus.add_position(f.s2, f.c4, Position::new(Stance::Rejects).in_year(2011))?;
    let d = corpus.view(&all).disagreements(f.s1, f.s2, Some(f.e))?;
    let on_c4 = d
        .iter()
        .find(|d| d.point() == Point::Claim(f.c4))
        .expect("opposite stances on c4");
    assert_eq!(
        (on_c4.first().stance(), on_c4.second().stance()),
        (Stance::Qualifies, Stance::Rejects)
    );
    // When s1 later rejects c4 too, they agree, and s1 no longer holds it.
    let w2012 = corpus.add_work(
        Work::new("w2012", "A Second Look").with_issued(Date::from_year(2012)),
        [f.s1],
    )?;
    corpus.add_position(f.s1, f.c4, Position::new(Stance::Rejects).in_work(w2012))?;
    let d = corpus.view(&all).disagreements(f.s1, f.s2, None)?;
    assert!(d.iter().all(|d| d.point() != Point::Claim(f.c4)));
    assert!(
        corpus
            .view(&all)
            .claims_held_by(f.s1)
            .all(|(c, _)| c != f.c4)
    );
    // The trajectory shows the change of mind.
    let t = corpus.view(&all).trajectory(f.s1)?;
    let on_c4: Vec<(Option<Stance>, Stance, Option<i32>)> = t
        .moves()
        .iter()
        .filter(|m| m.claim() == f.c4)
        .map(|m| (m.from(), m.to(), m.year()))
        .collect();
    assert_eq!(
        on_c4,
        [
            (None, Stance::Qualifies, Some(2001)),
            (Some(Stance::Qualifies), Stance::Rejects, Some(2012))
        ]
    );
    assert_eq!(t.reversals().count(), 1);
    assert!(
        t.to_string()
            .contains("2012 (w2012): qualifies → rejects `c4`"),
        "{t}"
    );
    // As of 2005, only the first stance.
    let t = corpus
        .view(&all.clone().with_as_of(Some(2005)))
        .trajectory(f.s1)?;
    assert_eq!(t.reversals().count(), 0);

    let events: Vec<EventId> = f.corpus.events_by_date().collect();
    assert_eq!(events, [f.p, f.e]);
    let claims: Vec<(ClaimId, Option<i32>)> = f.corpus.claims_by_publication().collect();
    let keys: Vec<&str> = claims
        .iter()
        .filter_map(|(c, _)| f.corpus.key(*c))
        .collect();
    assert_eq!(keys, ["c1", "c4", "c2", "c5", "c3"]);
    assert_eq!(claims[0].1, Some(2000));
    assert_eq!(claims[4].1, None);
    Ok(())
}

#[test]
fn validation_names_what_is_wrong_and_changes_nothing() -> Result<()> {
    let f = fixture()?;
    let mut corpus = f.corpus.clone();
    let before = corpus.to_json();
    let w2000: WorkId = corpus.resolve("w2000")?;
    let errors = [
        corpus.add_scholar(Scholar::new("s1", "Again")).map(|_| ()),
        corpus
            .add_scholar(Scholar::new("has space", "X"))
            .map(|_| ()),
        corpus.add_scholar(Scholar::new("", "X")).map(|_| ()),
        corpus.add_scholar(Scholar::new("x", "  ")).map(|_| ()),
        corpus
            .add_claim(Claim::new("c9", "No event"), f.a, [])
            .map(|_| ()),
        corpus
            .add_claim(Claim::new("c9", "Twice"), f.a, [f.e, f.e])
            .map(|_| ()),
        corpus
            .add_claim(Claim::new("c9", ""), f.a, [f.e])
            .map(|_| ()),
        corpus.attack(f.c1, f.c1, AttackKind::Rebuts),
        corpus.support(f.c2, f.c2),
        corpus.attack(f.c2, f.c1, AttackKind::Undercuts),
        corpus.set_within(f.p, Some(f.e)),
        corpus.set_within(f.p, Some(f.p)),
        corpus.set_variant_of(f.a, Some(f.a1)),
        corpus.remove(f.a).map(|_| ()),
        corpus.remove(f.e).map(|_| ()),
        corpus.remove_concern(f.c1, f.e),
        corpus
            .add_position(f.s1, f.c1, Position::new(Stance::Rejects).in_work(w2000))
            .map(|_| ()),
        corpus.remove_attack(f.c1, f.c2).map(|_| ()),
        corpus
            .replace(f.s2, Scholar::new("s1", "Clash"))
            .map(|_| ()),
    ];
    let messages: Vec<String> = errors
        .into_iter()
        .map(|r| r.expect_err("the edit is invalid").to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "duplicate scholar key `s1`",
            "invalid scholar key `has space`: a key may not contain white space or control characters",
            "invalid scholar key ``: a key may not be empty",
            "scholar `x` has an empty name",
            "claim `c9` concerns no event",
            "event from `c9` to `e` exists already",
            "claim `c9` has an empty text",
            "claim `c1` cannot attack itself",
            "claim `c2` cannot support itself",
            "attack from `c2` to `c1` exists already",
            "event `p` cannot lie under `e`: that would form a cycle",
            "event `p` cannot lie under `p`: that would form a cycle",
            "explanation `a` cannot lie under `a1`: that would form a cycle",
            "explanation `a` is still needed by claim `c1`",
            "event `e` is still needed by claim `c1`",
            "event `e` is still needed by claim `c1`",
            "stance from `s1` to `c1` exists already",
            "no attack from `c1` to `c2`",
            "duplicate scholar key `s1`",
        ]
    );
    assert_eq!(corpus.to_json(), before);

    let err = When::between(Date::from_year(1960), Date::from_year_month(1958, 8)?).unwrap_err();
    assert_eq!(
        err.to_string(),
        "period `1960/1958-08` ends before it starts"
    );
    assert!("1958-13".parse::<Date>().is_err());
    assert!("1958-02-29".parse::<Date>().is_err());
    assert!("1960-02-29".parse::<Date>().is_ok());
    Ok(())
}

#[test]
fn removal_keeps_other_ids_and_never_reuses_them() -> Result<()> {
    let f = fixture()?;
    let mut corpus = f.corpus.clone();
    let removed = corpus.remove(f.c2)?;
    assert_eq!(removed.entity().key(), "c2");
    assert!(!corpus.contains(f.c2));
    assert_eq!(corpus.attackers_of(f.c1).count(), 0);
    assert_eq!(corpus.positions_of(f.s2).count(), 1);
    assert_eq!(
        corpus.remove(f.c2).unwrap_err(),
        Error::UnknownId {
            kind: Kind::Claim,
            id: f.c2.index()
        }
    );
    let again = corpus.add_claim(Claim::new("c2", "Back"), f.a, [f.e])?;
    assert_ne!(again, f.c2);
    assert_eq!(corpus.claim(f.c1).map(Claim::key), Some("c1"));
    // Removing a work keeps the year of the positions taken in it.
    let w: WorkId = corpus.resolve("w2000")?;
    corpus.remove(w)?;
    let (_, _, position) = corpus.positions_on(f.c1).next().expect("position kept");
    assert_eq!(position.work(), None);
    assert_eq!(corpus.position_year(&position), Some(2000));
    // Removing the enclosing event makes the crisis top-level.
    corpus.remove_concern(f.c3, f.e).unwrap_err();
    let c5: ClaimId = corpus.resolve("c5")?;
    corpus.add_concern(c5, f.e)?;
    corpus.remove(f.p)?;
    assert_eq!(corpus.enclosing(f.e), None);
    assert_eq!(corpus.events_of(c5).collect::<Vec<_>>(), [f.e]);
    Ok(())
}

#[test]
fn documents_round_trip_byte_for_byte() -> Result<()> {
    // Dates of every precision on claims and evidence, in canonical form.
    let text = include_str!("data/v1-dates.json");
    let corpus = Corpus::from_json(text)?;
    assert_eq!(corpus.to_json(), text);
    let f = fixture()?;
    let json = f.corpus.to_json();
    assert_eq!(Corpus::from_json(&json)?.to_json(), json);
    Ok(())
}

/// A claim's `markup` is read and written beside its text, after it; a
/// markup equal to the text is not kept, and a blank one is refused.
#[test]
fn a_claims_markup_is_kept_beside_its_plain_text() -> Result<()> {
    let doc = |markup: &str| {
        format!(
            "{{\n  \"version\": 1,\n  \"events\": [\n    {{\n      \"key\": \"e\",\n      \"name\": \"E\"\n    }}\n  ],\n  \"explanations\": [\n    {{\n      \"key\": \"x\",\n      \"name\": \"X\"\n    }}\n  ],\n  \"claims\": [\n    {{\n      \"key\": \"c\",\n      \"text\": \"It was central\",{markup}\n      \"explanation\": \"x\",\n      \"events\": [\n        \"e\"\n      ]\n    }}\n  ]\n}}\n"
        )
    };
    let text = doc("\n      \"markup\": \"It was *central*\",");
    let corpus = Corpus::from_json(&text)?;
    let c: ClaimId = corpus.resolve("c")?;
    let claim = corpus.claim(c).expect("live");
    assert_eq!(claim.text(), "It was central");
    assert_eq!(claim.markup(), Some("It was *central*"));
    assert_eq!(corpus.to_json(), text);
    // Without markup, or with markup that says nothing more, there is none.
    let plain = doc("");
    assert_eq!(Corpus::from_json(&plain)?.to_json(), plain);
    let same = Corpus::from_json(doc("\"markup\": \"It was central\","))?;
    assert_eq!(same.to_json(), plain);
    assert_eq!(
        load_error(&doc("\"markup\": \" \",")),
        "line 18, column 42 (claims[0].markup): claim `c` has an empty markup"
    );
    Ok(())
}

/// `v1-small.json` was written before claims had EDTF dates: its claim
/// `threat` has the legacy `"year": 1981`, which reads as the date `1981`
/// and is written as `"date": "1981"`; nothing else changes.
#[test]
fn the_legacy_year_of_a_claim_reads_as_its_date() -> Result<()> {
    let text = include_str!("data/v1-small.json");
    assert_eq!(text.matches("\"year\": 1981").count(), 1);
    let corpus = Corpus::from_json(text)?;
    let threat: ClaimId = corpus.resolve("threat")?;
    let date = corpus.claim(threat).and_then(|c| c.date());
    assert_eq!(date, Some(Date::from_year(1981)));
    let canonical = text.replace("\"year\": 1981", "\"date\": \"1981\"");
    assert_eq!(corpus.to_json(), canonical);
    assert_eq!(Corpus::from_json(&canonical)?.to_json(), canonical);
    // Negative years and the ends of the range are years too.
    for (year, date) in [
        (-44, "-0044"),
        (9999, "9999"),
        (-9999, "-9999"),
        (0, "0000"),
    ] {
        let doc = format!(
            r#"{{"version": 1, "events": [{{"key": "e", "name": "E"}}], "explanations": [{{"key": "x", "name": "X"}}],
               "claims": [{{"key": "c", "text": "C", "explanation": "x", "events": ["e"], "year": {year}}}]}}"#
        );
        let corpus = Corpus::from_json(&doc)?;
        let c: ClaimId = corpus.resolve("c")?;
        assert_eq!(
            corpus
                .claim(c)
                .and_then(|c| c.date())
                .map(|d| d.to_string()),
            Some(date.to_owned())
        );
    }
    Ok(())
}

#[test]
fn claim_and_evidence_dates_read_at_every_precision() -> Result<()> {
    let corpus = Corpus::from_json(include_str!("data/v1-dates.json"))?;
    let claim_date = |key: &str| {
        let id: ClaimId = corpus.resolve(key).expect("claim");
        corpus
            .claim(id)
            .and_then(|c| c.date())
            .map(|d| d.to_string())
    };
    let expected = [
        ("mobilize", None),
        ("probe", Some("1958")),
        ("probe-soviet", Some("1958-10")),
        ("leap-first", Some("1960-05-01")),
        ("rumoured", Some("1959~")),
        ("rumoured-earlier", Some("1955-01-20~")),
        ("sixties-reading", Some("196X")),
    ];
    for (key, date) in expected {
        assert_eq!(claim_date(key).as_deref(), date, "{key}");
    }
    let evidence_date = |key: &str| {
        let id: EvidenceId = corpus.resolve(key).expect("evidence");
        corpus
            .evidence(id)
            .and_then(|e| e.date())
            .map(|d| d.to_string())
    };
    let expected = [
        ("christensen-1996-ch6", None),
        ("telegram", Some("1992~")),
        ("memoir-excerpt", Some("1994-11")),
        ("speech", Some("1958-09-05")),
        ("ancient-precedent", Some("-0044-03-15")),
        ("recollections", Some("199X~")),
    ];
    for (key, date) in expected {
        assert_eq!(evidence_date(key).as_deref(), date, "{key}");
    }
    Ok(())
}

#[test]
fn bad_claim_and_evidence_dates_are_refused_with_line_column_and_key() {
    let doc = |claim: &str, evidence: &str| {
        format!(
            "{{\"version\": 1,\n \"events\": [{{\"key\": \"e\", \"name\": \"E\"}}],\n \"explanations\": [{{\"key\": \"x\", \"name\": \"X\"}}],\n \"evidence\": [{{\"key\": \"v\", \"kind\": \"memoir\", \"description\": \"V\"{evidence}}}],\n \"claims\": [\n  {{\"key\": \"c\", \"text\": \"C\", \"explanation\": \"x\", \"events\": [\"e\"]}},\n  {{\"key\": \"d\", \"text\": \"D\", \"explanation\": \"x\", \"events\": [\"e\"]{claim}}}\n ]}}"
        )
    };
    assert!(Corpus::from_json(doc(", \"date\": \"1958-08\"", ", \"date\": \"1996~\"")).is_ok());
    assert_eq!(
        load_error(&doc(", \"date\": \"1958-08\", \"year\": 1958", "")),
        "line 7, column 3 (claims[1]): claim `d` has both `date` and `year` (the legacy spelling of `date`): give only `date`"
    );
    assert_eq!(
        load_error(&doc(", \"year\": 1958, \"date\": \"1958\"", "")),
        "line 7, column 3 (claims[1]): claim `d` has both `date` and `year` (the legacy spelling of `date`): give only `date`"
    );
    // The same when a second thread builds the corpus.
    let two = JsonOptions::new().with_threads(Threads::Two);
    let both = doc(", \"year\": 1958, \"date\": \"1958\"", "");
    assert_eq!(
        Corpus::from_json_with(&both, &two)
            .map(|_| ())
            .unwrap_err()
            .to_string(),
        load_error(&both)
    );
    assert_eq!(
        load_error(&doc(", \"year\": 10000", "")),
        "line 7, column 74 (claims[1].year): invalid date `10000`: year must be from -9999 to 9999"
    );
    assert_eq!(
        load_error(&doc(", \"year\": \"1958\"", "")),
        "line 7, column 74 (claims[1].year): invalid type: string \"1958\", expected i32"
    );
    assert_eq!(
        load_error(&doc(", \"date\": \"1958-13\"", "")),
        "line 7, column 74 (claims[1].date): invalid date `1958-13`: month must be 1 to 12"
    );
    assert_eq!(
        load_error(&doc(", \"date\": 1958", "")),
        "line 7, column 74 (claims[1].date): invalid type: integer `1958`, expected a string"
    );
    assert_eq!(
        load_error(&doc("", ", \"date\": \"1996/1997\"")),
        "line 4, column 74 (evidence[0].date): invalid date `1996/1997`: expected a four-digit year (YYYY, YYYY-MM or YYYY-MM-DD)"
    );
    // Evidence has no legacy spelling.
    let message = load_error(&doc("", ", \"year\": 1996"));
    assert!(
        message.starts_with("line 4, column 71 (evidence[0].year): unknown field `year`"),
        "{message}"
    );
}

#[test]
fn the_built_in_corpus_round_trips_and_is_the_embedded_document() -> Result<()> {
    let corpus = sino_soviet_split();
    let json = corpus.to_json();
    assert!(
        json == SINO_SOVIET_SPLIT_JSON,
        "src/corpus/sino_soviet_split.json is not in canonical form: write it anew with `Corpus::to_json`"
    );
    assert_eq!(Corpus::from_json(&json)?.to_json(), json);
    Ok(())
}

fn load_error(text: &str) -> String {
    Corpus::from_json(text)
        .expect_err("the document is invalid")
        .to_string()
}

#[test]
fn bad_documents_are_refused_with_line_column_and_key() {
    assert_eq!(
        load_error(
            "{\"version\": 1,\n \"scholars\": [{\"key\": \"a\", \"name\": \"A\"},\n {\"key\": \"a\", \"name\": \"B\"}]}"
        ),
        "line 3, column 10 (scholars[1].key): duplicate scholar key `a`"
    );
    assert_eq!(
        load_error("{\"version\": 7}"),
        "line 1, column 13 (version): unsupported document version 7; this crate reads version 1"
    );
    assert_eq!(
        load_error("{\"scholars\": []}"),
        "line 1, column 1: missing field `version`"
    );
    assert_eq!(
        load_error("{\"version\": 1, \"scholars\": [{\"key\": \"a\", \"name\": \"A\",}]}"),
        "line 1, column 54: key must be a string"
    );
    assert_eq!(
        load_error("{\"version\": 1, \"scholars\": [{\"key\": \"a\", \"nmae\": \"A\"}]}"),
        "line 1, column 47 (scholars[0].nmae): unknown field `nmae`, expected one of `key`, `name`, `born`, `died`, `affiliation`, `parts`, `literal`"
    );
    assert_eq!(
        load_error(
            "{\"version\": 1, \"events\": [{\"key\": \"e\", \"name\": \"E\", \"when\": \"1960/1958\"}]}"
        ),
        "line 1, column 61 (events[0].when): period `1960/1958` ends before it starts"
    );
    let claims = r#"{"version": 1,
      "events": [{"key": "e", "name": "E"}],
      "explanations": [{"key": "x", "name": "X"}],
      "claims": [
        {"key": "c", "text": "C", "explanation": "x", "events": ["e"], "attacks": [{"claim": "d"}]},
        {"key": "d", "text": "D", "explanation": "x", "events": ["e"], "attacks": [{"claim": "d"}]}
      ]}"#;
    assert_eq!(
        load_error(claims),
        "line 6, column 94 (claims[1].attacks[0].claim): claim `d` cannot attack itself"
    );
    let dangling = claims.replace(
        "[{\"claim\": \"d\"}]}\n      ]",
        "[{\"claim\": \"zz\"}]}\n      ]",
    );
    assert_eq!(
        load_error(&dangling),
        "line 6, column 94 (claims[1].attacks[0].claim): unknown claim key `zz`"
    );
    assert_eq!(
        load_error(
            r#"{"version": 1, "events": [{"key": "e", "name": "E"}], "explanations": [{"key": "x", "name": "X"}], "claims": [{"key": "c", "text": "C", "explanation": "x", "events": []}]}"#
        ),
        "line 1, column 167 (claims[0].events): claim `c` concerns no event"
    );
    assert!(load_error("").starts_with("line 1, column 0: EOF while parsing"));
    assert!(load_error("[1, 2").starts_with("line 1, column 5:"));
}

#[test]
fn a_failed_merge_leaves_the_corpus_as_it_was() -> Result<()> {
    let f = fixture()?;
    let mut corpus = f.corpus.clone();
    let before = corpus.to_json();
    // Fails on the last claim, after scholars and events were added.
    let doc = r#"{"version": 1,
      "scholars": [{"key": "new", "name": "New"}],
      "events": [{"key": "new-event", "name": "New event", "within": "p"}],
      "claims": [{"key": "c9", "text": "C9", "explanation": "a", "events": ["new-event"],
                  "stances": [{"scholar": "s1", "stance": "endorses"}],
                  "attacks": [{"claim": "c1"}, {"claim": "missing"}]}]}"#;
    let err = corpus.merge_json(doc).unwrap_err();
    assert!(
        err.to_string().contains("unknown claim key `missing`"),
        "{err}"
    );
    assert_eq!(corpus.to_json(), before);
    // The same document without the bad attack merges, referring to what was there.
    corpus.merge_json(doc.replace(", {\"claim\": \"missing\"}", ""))?;
    let c9: ClaimId = corpus.resolve("c9")?;
    assert_eq!(
        corpus.attacks_by(c9).map(|(t, _)| t).collect::<Vec<_>>(),
        [f.c1]
    );
    assert_eq!(corpus.enclosing(corpus.resolve("new-event")?), Some(f.p));
    Ok(())
}

#[test]
fn unknown_ids_and_keys_are_errors_in_queries() -> Result<()> {
    let f = fixture()?;
    let mut corpus = f.corpus.clone();
    let gone = corpus.add_event(Event::new("gone", "Gone"), None)?;
    corpus.remove(gone)?;
    assert_eq!(
        corpus
            .view(&CompareOptions::new())
            .compare(gone)
            .unwrap_err(),
        Error::UnknownId {
            kind: Kind::Event,
            id: gone.index()
        }
    );
    assert_eq!(
        corpus.resolve::<EventId>("nope").unwrap_err().to_string(),
        "unknown event key `nope`"
    );
    corpus.remove(f.s2)?;
    assert!(
        corpus
            .view(&CompareOptions::new().with_scholars([f.s2]))
            .compare(f.e)
            .is_err()
    );
    assert!(corpus.view(&CompareOptions::new()).accounts(f.b).is_ok());
    Ok(())
}

#[test]
fn a_scholar_counts_once_per_claim_by_their_latest_position() -> Result<()> {
    let mut corpus = Corpus::new();
    let s = corpus.add_scholar(Scholar::new("s", "S"))?;
    let e = corpus.add_event(Event::new("e", "E"), None)?;
    let x = corpus.add_explanation(Explanation::new("x", "X"), None)?;
    let claim = corpus.add_claim(Claim::new("c", "X explains E"), x, [e])?;
    let early = corpus.add_work(
        Work::new("early", "Early").with_issued(Date::from_year(1990)),
        [s],
    )?;
    let again = corpus.add_work(
        Work::new("again", "Again").with_issued(Date::from_year(1995)),
        [s],
    )?;
    let late = corpus.add_work(
        Work::new("late", "Late").with_issued(Date::from_year(2010)),
        [s],
    )?;
    corpus.add_position(s, claim, Position::new(Stance::Advances).in_work(early))?;
    corpus.add_position(s, claim, Position::new(Stance::Endorses).in_work(again))?;
    corpus.add_position(s, claim, Position::new(Stance::Rejects).in_work(late))?;

    // In 2000: advanced twice, but by one scholar: backing 1, not 2.
    let c = corpus
        .view(&CompareOptions::new().with_as_of(Some(2000)))
        .compare(e)?;
    let row = standing(&c, x);
    assert!((row.pro() - 1.0).abs() < EPS);
    assert_eq!(entry(row, claim).positions().len(), 2);
    // Today: the scholar has changed their mind.
    let c = corpus.view(&CompareOptions::new()).compare(e)?;
    let row = standing(&c, x);
    assert!((row.pro()).abs() < EPS);
    assert!((row.con() - 1.0).abs() < EPS);
    assert_eq!(entry(row, claim).rejections(), 1.0);
    assert_eq!(row.verdict(), Verdict::Rejected);
    Ok(())
}

#[test]
fn compare_can_weigh_by_other_semantics() -> Result<()> {
    // Two claims for rival explanations rebut each other; a third, unattacked,
    // attacks the second.
    let mut corpus = Corpus::new();
    let e = corpus.add_event(Event::new("e", "E"), None)?;
    let x = corpus.add_explanation(Explanation::new("x", "X"), None)?;
    let y = corpus.add_explanation(Explanation::new("y", "Y"), None)?;
    let cx = corpus.add_claim(Claim::new("cx", "X explains E"), x, [e])?;
    let cy = corpus.add_claim(Claim::new("cy", "Y explains E"), y, [e])?;
    corpus.attack(cx, cy, AttackKind::Rebuts)?;
    corpus.attack(cy, cx, AttackKind::Rebuts)?;

    // Grounded: both undecided, half each.
    let c = corpus.view(&CompareOptions::new()).compare(e)?;
    assert_eq!(entry(standing(&c, x), cx).strength(), 0.5);
    // Preferred: each is in some extension but not all: half each, undecided.
    let preferred = CompareOptions::new().with_weighing(Weighing::Extensions(Semantics::Preferred));
    let c = corpus.view(&preferred).compare(e)?;
    assert_eq!(
        entry(standing(&c, x), cx).acceptance(),
        Acceptance::Undecided
    );
    assert_eq!(entry(standing(&c, y), cy).strength(), 0.5);
    assert!(c.to_string().contains("weighed by preferred semantics"));

    // Break the tie: an unattacked claim attacks cy.
    let z = corpus.add_claim(Claim::new("z", "Against Y"), y, [e])?;
    corpus.attack(z, cy, AttackKind::Undercuts)?;
    for weighing in [
        Weighing::Grounded,
        Weighing::Extensions(Semantics::Preferred),
        Weighing::Extensions(Semantics::Stable),
        Weighing::Extensions(Semantics::SemiStable),
    ] {
        let c = corpus
            .view(&CompareOptions::new().with_weighing(weighing))
            .compare(e)?;
        assert_eq!(
            entry(standing(&c, x), cx).acceptance(),
            Acceptance::In,
            "{weighing}"
        );
        assert_eq!(
            entry(standing(&c, y), cy).acceptance(),
            Acceptance::Out,
            "{weighing}"
        );
    }

    // Gradual (h-categoriser), base weights (1 + b + s) / (2 + b + s + r + u) = 2/3:
    // z is unattacked: 2/3; cy = (2/3) / (1 + cx + z); cx = (2/3) / (1 + cy).
    let gradual = CompareOptions::new().with_weighing(Weighing::Gradual(Gradual::HCategoriser));
    let c = corpus.view(&gradual).compare(e)?;
    let (sx, sy) = (
        entry(standing(&c, x), cx).strength(),
        entry(standing(&c, y), cy).strength(),
    );
    let w = 2.0 / 3.0;
    assert!((sx - w / (1.0 + sy)).abs() < 1e-6, "{sx} {sy}");
    assert!((sy - w / (1.0 + sx + w)).abs() < 1e-6, "{sx} {sy}");
    assert!(sx > sy);
    assert!(c.to_string().contains("strength"));
    Ok(())
}

mod never_panics {
    use historiograph::Corpus;
    use proptest::prelude::*;

    const DOC: &str = include_str!("data/v1-small.json");

    #[test]
    fn every_truncation_of_a_document_is_an_error_not_a_panic() {
        // Every cut before the closing brace leaves invalid JSON.
        let body = DOC.trim_end().len();
        for (cut, _) in DOC.char_indices().skip(1).filter(|&(cut, _)| cut < body) {
            let err = Corpus::from_json(&DOC[..cut]).expect_err("a truncated document is invalid");
            let message = err.to_string();
            assert!(message.starts_with("line "), "{message}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Replacing a stretch of a valid document with arbitrary text gives
        /// a corpus or an error that names a line, never a panic.
        #[test]
        fn mutated_documents_load_or_fail_cleanly(
            at in 0usize..DOC.len(),
            len in 0usize..12,
            insert in "[a-z0-9{}\\[\\]\":,. /~-]{0,12}",
        ) {
            let mut start = at.min(DOC.len());
            while !DOC.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(DOC.len());
            while !DOC.is_char_boundary(end) {
                end -= 1;
            }
            let text = format!("{}{}{}", &DOC[..start], insert, &DOC[end..]);
            match Corpus::from_json(&text) {
                Ok(corpus) => prop_assert_eq!(Corpus::from_json(corpus.to_json()).map(|c| c.to_json()).ok(), Some(corpus.to_json())),
                Err(err) => prop_assert!(err.to_string().starts_with("line "), "{}", err),
            }
        }
    }
}

#[test]
fn nesting_cycles_in_documents_are_refused_where_they_close() {
    let doc = r#"{"version": 1,
      "events": [
        {"key": "a", "name": "A", "within": "c"},
        {"key": "b", "name": "B", "within": "a"},
        {"key": "c", "name": "C", "within": "b"},
        {"key": "d", "name": "D", "within": "d"}
      ]}"#;
    assert_eq!(
        load_error(doc),
        "line 3, column 45 (events[0].within): event `a` cannot lie under `c`: that would form a cycle"
    );
    let doc = r#"{"version": 1, "explanations": [{"key": "x", "name": "X", "variant_of": "x"}]}"#;
    assert!(load_error(doc).contains("explanation `x` cannot lie under `x`"));
}

/// Long chains must not overflow the stack or take quadratic time: 10^5
/// nested events and 10^5 successive attacks, built, saved, loaded, queried.
#[test]
fn long_chains_of_nesting_and_attacks_hold() -> Result<()> {
    const N: usize = 100_000;
    let mut corpus = Corpus::new();
    let x = corpus.add_explanation(Explanation::new("x", "X"), None)?;
    let y = corpus.add_explanation(Explanation::new("y", "Y"), None)?;
    let mut events = vec![corpus.add_event(Event::new("e0", "E0"), None)?];
    for i in 1..N {
        let parent = events[i - 1];
        events.push(corpus.add_event(Event::new(format!("e{i}"), format!("E{i}")), Some(parent))?);
    }
    let deepest = events[N - 1];
    let mut claims = vec![corpus.add_claim(Claim::new("c0", "C0"), x, [deepest])?];
    for i in 1..N {
        let explanation = if i % 2 == 0 { x } else { y };
        let claim = corpus.add_claim(
            Claim::new(format!("c{i}"), format!("C{i}")),
            explanation,
            [deepest],
        )?;
        corpus.attack(claim, claims[i - 1], AttackKind::Undercuts)?;
        claims.push(claim);
    }
    // The last claim is unattacked: in; the chain of undercuts (one-way,
    // unlike rebuttals) alternates down to c0.
    let json = corpus.to_json();
    let corpus = Corpus::from_json(&json)?;
    let deepest: EventId = corpus.resolve(&format!("e{}", N - 1))?;
    let top: EventId = corpus.resolve("e0")?;
    let c = corpus
        .view(&CompareOptions::new().with_enclosing(true))
        .compare(deepest)?;
    let last = (N - 1) % 2;
    let expected_leader = if last == 0 { "x" } else { "y" };
    assert_eq!(
        c.leader().map(|s| s.explanation_key()),
        Some(expected_leader)
    );
    let c = corpus
        .view(&CompareOptions::new().with_enclosed(true))
        .compare(top)?;
    assert_eq!(c.standings().len(), 2);
    let preferred = CompareOptions::new().with_weighing(Weighing::Extensions(Semantics::Preferred));
    let c = corpus.view(&preferred).compare(deepest)?;
    assert_eq!(
        c.leader().map(|s| s.explanation_key()),
        Some(expected_leader)
    );
    assert_eq!(corpus.events_by_date().count(), N);
    Ok(())
}

#[test]
fn contributions_list_every_role_a_scholar_had() -> Result<()> {
    let mut c = Corpus::new();
    let [a, b] = [("a", "Ann"), ("b", "Bo")].map(|(k, n)| c.add_scholar(Scholar::new(k, n)));
    let (a, b) = (a?, b?);
    let volume = c.add_work(Work::new("volume", "A Volume"), [])?;
    let book = c.add_work(Work::new("book", "A Book"), [])?;
    c.set_contributors(volume, Role::Author, [a])?;
    c.set_contributors(volume, Role::Editor, [b])?;
    c.set_contributors(book, Role::Translator, [b])?;
    c.set_contributors(book, Role::Author, [b])?;
    let mut of_b: Vec<_> = c.contributions(b).collect();
    of_b.sort();
    assert_eq!(
        of_b,
        [
            (Role::Author, book),
            (Role::Editor, volume),
            (Role::Translator, book)
        ]
    );
    assert_eq!(
        c.contributions(a).collect::<Vec<_>>(),
        [(Role::Author, volume)]
    );
    // `works_by` is authorship only.
    assert_eq!(c.works_by(b).collect::<Vec<_>>(), [book]);
    Ok(())
}
