//! The calculus (`historiograph::calculus`, src/query/calculus.md) pinned
//! down by properties, through the public API only: every expectation here
//! is read off that page, not off the code that computes it.
//!
//! 1. The direction a rebuttal was written in never matters (§3).
//! 2. An unattacked affirming claim from a new voice never lowers its
//!    explanation's score (§2, §4).
//! 3. A work counts once, however many of its authors took the position
//!    there (§2).
//! 4. The view as of the corpus's last year, or later, is the whole debate
//!    (§1).
//! 5. Keys name things and decide nothing but the order of exact ties (§5).
//! 6. More evidence for a claim that stands never lowers its explanation
//!    (§4), under the evidential preferences only when the claim attacks
//!    nothing (§3).
//! 7. Margins are exact against brute force on small corpora (§6).
//! 8. The verdict table of §5 holds, and only a supported explanation leads.
//!
//! At the end, by hand: the smallest counterexamples the properties found
//! (how a claim is dated, §1, and how a scholars margin dates it anew, §6),
//! and beside the properties, the cases they leave out by design.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use historiograph::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};

// ---------------------------------------------------------------------------
// Comparing comparisons
// ---------------------------------------------------------------------------

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

/// What two comparisons must share besides verdicts and numbers.
#[derive(Debug, Clone, Copy)]
struct Same {
    /// The claims margin of every verdict and of the lead.
    claim_margins: bool,
    /// The scholars margin of every verdict and of the lead.
    scholar_margins: bool,
    /// The claims behind each standing, entry by entry, and `unseen`.
    entries: bool,
    /// The leader, and the margins of the lead (as far as the two fields
    /// above ask).
    lead: bool,
}

const MARGINS: Same = Same {
    claim_margins: true,
    scholar_margins: true,
    entries: false,
    lead: true,
};

const EVERYTHING: Same = Same {
    claim_margins: true,
    scholar_margins: true,
    entries: true,
    lead: true,
};

fn same_robustness(
    a: Option<&Robustness>,
    b: Option<&Robustness>,
    same: Same,
    what: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        a.is_some(),
        b.is_some(),
        "{}: robustness {:?} vs {:?}",
        what,
        a,
        b
    );
    if let (Some(a), Some(b)) = (a, b) {
        if same.claim_margins {
            prop_assert_eq!(a.claims(), b.claims(), "{}: claims margin", what);
        }
        if same.scholar_margins {
            prop_assert_eq!(a.scholars(), b.scholars(), "{}: scholars margin", what);
        }
    }
    Ok(())
}

fn same_entry(a: &ClaimEntry, b: &ClaimEntry, what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.key(), b.key(), "{}", what);
    prop_assert_eq!(
        a.polarity(),
        b.polarity(),
        "{}: polarity of {}",
        what,
        a.key()
    );
    prop_assert_eq!(a.explanation(), b.explanation(), "{}: {}", what, a.key());
    prop_assert_eq!(a.events(), b.events(), "{}: events of {}", what, a.key());
    prop_assert_eq!(
        a.acceptance(),
        b.acceptance(),
        "{}: acceptance of {}",
        what,
        a.key()
    );
    prop_assert_eq!(
        a.positions(),
        b.positions(),
        "{}: positions on {}",
        what,
        a.key()
    );
    prop_assert_eq!(
        a.evidence(),
        b.evidence(),
        "{}: evidence of {}",
        what,
        a.key()
    );
    prop_assert_eq!(
        a.attacked_by(),
        b.attacked_by(),
        "{}: attackers of {}",
        what,
        a.key()
    );
    for (name, x, y) in [
        ("strength", a.strength(), b.strength()),
        ("weight", a.weight(), b.weight()),
        ("backing", a.backing(), b.backing()),
        ("rejections", a.rejections(), b.rejections()),
    ] {
        prop_assert!(
            close(x, y),
            "{}: {} of {}: {} vs {}",
            what,
            name,
            a.key(),
            x,
            y
        );
    }
    Ok(())
}

fn same_entries(a: &[ClaimEntry], b: &[ClaimEntry], what: &str) -> Result<(), TestCaseError> {
    let a: BTreeMap<ClaimId, &ClaimEntry> = a.iter().map(|e| (e.id(), e)).collect();
    let b: BTreeMap<ClaimId, &ClaimEntry> = b.iter().map(|e| (e.id(), e)).collect();
    prop_assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{}: claims listed",
        what
    );
    for (id, e) in &a {
        same_entry(e, b[id], what)?;
    }
    Ok(())
}

/// Two standings of one explanation: the same verdict and numbers, and what
/// `same` asks for besides.
fn same_standing(a: &Standing, b: &Standing, same: Same, what: &str) -> Result<(), TestCaseError> {
    let what = format!(
        "{what}, explanation {} / {}",
        a.explanation_key(),
        b.explanation_key()
    );
    prop_assert_eq!(a.id(), b.id(), "{}", what);
    prop_assert_eq!(
        a.verdict(),
        b.verdict(),
        "{}: verdict\n{:#?}\nvs\n{:#?}",
        what,
        a,
        b
    );
    for (name, x, y) in [
        ("score", a.score(), b.score()),
        ("P", a.pro(), b.pro()),
        ("N", a.con(), b.con()),
        ("D+", a.defeated_pro(), b.defeated_pro()),
        ("D-", a.defeated_con(), b.defeated_con()),
    ] {
        prop_assert!(
            close(x, y),
            "{}: {} {} vs {}\n{:#?}\nvs\n{:#?}",
            what,
            name,
            x,
            y,
            a,
            b
        );
    }
    same_robustness(a.robustness(), b.robustness(), same, &what)?;
    if same.entries {
        prop_assert_eq!(a.unseen(), b.unseen(), "{}: unseen", what);
        same_entries(a.supporting(), b.supporting(), &what)?;
        same_entries(a.opposing(), b.opposing(), &what)?;
    }
    same_rows(
        a.variants(),
        b.variants(),
        same,
        &format!("{what}, variants"),
    )
}

/// Two lists of standings, matched by explanation (not by rank: among exact
/// ties the rank follows keys, §5).
fn same_rows(a: &[Standing], b: &[Standing], same: Same, what: &str) -> Result<(), TestCaseError> {
    let a: BTreeMap<ExplanationId, &Standing> = a.iter().map(|s| (s.id(), s)).collect();
    let b: BTreeMap<ExplanationId, &Standing> = b.iter().map(|s| (s.id(), s)).collect();
    prop_assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{}: explanations with a row",
        what
    );
    for (id, s) in &a {
        same_standing(s, b[id], same, what)?;
    }
    Ok(())
}

fn same_comparison(
    a: &Comparison,
    b: &Comparison,
    same: Same,
    what: &str,
) -> Result<(), TestCaseError> {
    same_rows(a.standings(), b.standings(), same, what)?;
    if !same.lead {
        return Ok(());
    }
    prop_assert_eq!(
        a.leader().map(Standing::id),
        b.leader().map(Standing::id),
        "{}: leader",
        what
    );
    same_robustness(a.lead(), b.lead(), same, &format!("{what}, lead"))
}

fn compare(c: &Corpus, event: EventId, o: &CompareOptions) -> Result<Comparison, TestCaseError> {
    let result = c.view(o).compare(event);
    prop_assert!(
        result.is_ok(),
        "compare({}) failed: {:?}",
        event,
        result.as_ref().err()
    );
    Ok(result.unwrap())
}

/// Every event of `a` compared in `a` and in `b` (which has the same ids).
fn same_everywhere(
    a: &Corpus,
    b: &Corpus,
    oa: &CompareOptions,
    ob: &CompareOptions,
    same: Same,
) -> Result<(), TestCaseError> {
    for e in a.ids::<EventId>() {
        let (x, y) = (compare(a, e, oa)?, compare(b, e, ob)?);
        let what = format!("event {} / {}", x.event_key(), y.event_key());
        same_comparison(&x, &y, same, &what).map_err(|err| {
            TestCaseError::fail(format!(
                "{err}\nbefore: {}\nafter: {}",
                a.to_json(),
                b.to_json()
            ))
        })?;
    }
    Ok(())
}

/// A standing of `explanation` in a comparison, on top or beneath its
/// family when rolled up.
fn find_row(c: &Comparison, explanation: ExplanationId) -> Option<&Standing> {
    c.standing(explanation).or_else(|| {
        c.standings()
            .iter()
            .flat_map(Standing::variants)
            .find(|v| v.id() == explanation)
    })
}

/// Random options apart from the year: scope, roll-up, scholars,
/// threshold, preferences.
fn options_plan() -> impl Strategy<Value = OptionsPlan> {
    common::options_plan().prop_map(|p| OptionsPlan { as_of: None, ..p })
}

/// A random corpus: a plan built, with some of its removals applied (works
/// too, so that positions lose their work).
fn corpus(plan: &Plan) -> Result<Corpus, TestCaseError> {
    let mut c = build(plan);
    apply_removals(&mut c, &plan.removals, true)?;
    Ok(c)
}

// ---------------------------------------------------------------------------
// 1. The direction of a rebuttal does not matter (§3)
// ---------------------------------------------------------------------------

/// Writes every rebuttal the other way round: a→b becomes b→a. Where b→a
/// is a rebuttal too, the pair already says both ways what one rebuttal
/// says; with `collapse`, one of the two is dropped. Where b→a is an
/// attack of another kind, the rebuttal cannot be turned (a pair of claims
/// holds one attack each way) and stays as written: dropping it would drop
/// the defeat a→b.
fn flip_rebuttals(c: &mut Corpus, collapse: bool) -> Result<usize, TestCaseError> {
    let attacks: BTreeMap<(ClaimId, ClaimId), AttackKind> = c
        .ids::<ClaimId>()
        .flat_map(|a| c.attacks_by(a).map(move |(b, kind)| ((a, b), kind)))
        .collect();
    let mut changed = 0;
    for (&(a, b), &kind) in &attacks {
        if kind != AttackKind::Rebuts {
            continue;
        }
        match attacks.get(&(b, a)) {
            None => {
                prop_assert_eq!(c.remove_attack(a, b).ok(), Some(AttackKind::Rebuts));
                prop_assert!(c.attack(b, a, AttackKind::Rebuts).is_ok());
                changed += 1;
            }
            Some(AttackKind::Rebuts) if collapse && a < b => {
                prop_assert!(c.remove_attack(a, b).is_ok());
                changed += 1;
            }
            Some(_) => {}
        }
    }
    Ok(changed)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Turning every rebuttal round changes no comparison: per event and
    /// explanation the verdict, the score, P, N, D⁺, D⁻ and the margins are
    /// the same, with no preferences and with the evidential ones (which
    /// only ever compare the two claims).
    #[test]
    fn rebuttal_direction_does_not_matter(
        plan in plan(3),
        rebut in vec(any::<bool>(), 10),
        collapse in any::<bool>(),
        roll_up in any::<bool>(),
    ) {
        // Most attacks rebuttals, so that most cases turn some.
        let mut plan = plan;
        for (attack, &rebut) in plan.attacks.iter_mut().zip(&rebut) {
            if rebut {
                attack.2 = AttackKind::Rebuts;
            }
        }
        let before = corpus(&plan)?;
        let mut after = before.clone();
        if flip_rebuttals(&mut after, collapse)? == 0 {
            return Ok(());
        }
        for prefs in [Preferences::None, Preferences::Evidential] {
            let o = CompareOptions::new().with_roll_up(roll_up).with_preferences(prefs);
            same_everywhere(&before, &after, &o, &o, MARGINS)?;
        }
    }
}

// ---------------------------------------------------------------------------
// 2. An unattacked affirming claim from a new voice (§2, §4)
// ---------------------------------------------------------------------------

/// A new voice: a brand-new scholar holding the claim, in no work or in a
/// brand-new work of their own.
#[derive(Debug, Clone)]
struct NewVoice {
    stance: Stance,
    in_new_work: Option<Option<Date>>,
    year: Option<i32>,
}

#[derive(Debug, Clone)]
struct NewClaim {
    explanation: Index,
    events: Vec<Index>,
    year: Option<i32>,
    voice: Option<NewVoice>,
    /// A new supporting evidence item: its date, and whether it is found in
    /// the new work (when there is one).
    evidence: Option<(Option<Date>, bool)>,
}

fn holding_stance() -> impl Strategy<Value = Stance> {
    select(vec![Stance::Advances, Stance::Endorses, Stance::Qualifies])
}

fn new_claim() -> impl Strategy<Value = NewClaim> {
    let voice = (
        holding_stance(),
        option::of(option::of(plausible_date())),
        option::of(1900i32..2030),
    )
        .prop_map(|(stance, in_new_work, year)| NewVoice {
            stance,
            in_new_work,
            year,
        });
    (
        any::<Index>(),
        vec(any::<Index>(), 1..=2),
        option::of(1900i32..2030),
        option::of(voice),
        option::of((option::of(plausible_date()), any::<bool>())),
    )
        .prop_map(|(explanation, events, year, voice, evidence)| NewClaim {
            explanation,
            events,
            year,
            voice,
            evidence,
        })
}

/// Adds the new claim; `None` when the corpus has no explanation or event.
fn add_new_claim(
    c: &mut Corpus,
    n: &NewClaim,
) -> Result<Option<(ClaimId, ExplanationId, Vec<EventId>)>, TestCaseError> {
    let (Some(x), Some(_)) = (
        pick::<ExplanationId>(c, n.explanation),
        pick::<EventId>(c, n.events[0]),
    ) else {
        return Ok(None);
    };
    let mut events: Vec<EventId> = Vec::new();
    for &i in &n.events {
        let e = pick::<EventId>(c, i).expect("an event");
        if !events.contains(&e) {
            events.push(e);
        }
    }
    let mut claim = Claim::new("new-claim", "A new claim");
    if let Some(y) = n.year {
        claim = claim.with_year(y);
    }
    let id = c.add_claim(claim, x, events.clone());
    prop_assert!(id.is_ok(), "{:?}", id);
    let id = id.unwrap();
    let mut work = None;
    if let Some(v) = &n.voice {
        let s = c
            .add_scholar(Scholar::new("new-scholar", "New Scholar"))
            .unwrap();
        let mut position = Position::new(v.stance);
        if let Some(issued) = v.in_new_work {
            let mut w = Work::new("new-work", "A new work");
            if let Some(d) = issued {
                w = w.with_issued(d);
            }
            let w = c.add_work(w, [s]).unwrap();
            position = position.in_work(w);
            work = Some(w);
        }
        if let Some(y) = v.year {
            position = position.in_year(y);
        }
        prop_assert!(c.add_position(s, id, position).is_ok());
    }
    if let Some((date, in_work)) = n.evidence {
        let mut item = Evidence::new(
            "new-evidence",
            EvidenceKind::ArchivalDocument,
            "A new document",
        );
        if let Some(d) = date {
            item = item.with_date(d);
        }
        let v = c.add_evidence(item, work.filter(|_| in_work)).unwrap();
        prop_assert!(c.cite(id, v, Bearing::Supports).is_ok());
    }
    Ok(Some((id, x, events)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A new claim affirming X about E, attacking and supporting nothing
    /// and attacked and supported by nothing, held by no one or by a
    /// brand-new scholar (in no work or a new work of their own), maybe
    /// citing a new supporting item: it stands (in), and X's score at E,
    /// over the whole debate, does not fall — nor does its family's when
    /// rolled up, nor under the evidential preferences (which only order
    /// claims that attack each other).
    ///
    /// Why a *new* voice: §2 counts a voice's rejection of a claim only
    /// while the voice holds no claim on the other side. An existing
    /// scholar (or a work) that rejects a claim against X and now backs a
    /// claim for X is heard through the new claim alone, so its rejection
    /// leaves R⁺; a qualified backing (weight ½) in place of a whole
    /// rejection (1) lowers X's score, by design.
    #[test]
    fn new_unattacked_affirming_claim_never_lowers_its_score(
        plan in plan(3),
        new in new_claim(),
    ) {
        let before = corpus(&plan)?;
        let mut after = before.clone();
        let Some((id, x, events)) = add_new_claim(&mut after, &new)? else {
            return Ok(());
        };
        let family = after.family(x).expect("live");
        for (roll_up, prefs) in [
            (false, Preferences::None),
            (true, Preferences::None),
            (false, Preferences::Evidential),
        ] {
            let o = CompareOptions::new()
                .with_roll_up(roll_up)
                .with_preferences(prefs)
                .with_margin_budget(0);
            for &e in &events {
                let (b, a) = (compare(&before, e, &o)?, compare(&after, e, &o)?);
                let entry = find_row(&a, x)
                    .into_iter()
                    .flat_map(Standing::supporting)
                    .find(|entry| entry.id() == id);
                prop_assert!(entry.is_some(), "the new claim is not in X's row");
                prop_assert_eq!(entry.unwrap().acceptance(), Acceptance::In);
                let mut rows = vec![x];
                if roll_up {
                    rows.push(family);
                }
                for row in rows {
                    let (Some(sb), Some(sa)) = (find_row(&b, row), find_row(&a, row)) else {
                        continue;
                    };
                    prop_assert!(
                        sa.score() >= sb.score() - 1e-12,
                        "roll-up {}: the score of {} at {} fell from {} to {}\nbefore: {:#?}\nafter: {:#?}\ncorpus after: {}",
                        roll_up, sa.explanation_key(), a.event_key(), sb.score(), sa.score(), sb, sa,
                        after.to_json()
                    );
                }
            }
        }
    }
}

/// The reason for the new voice, by hand (§2): c for x, unattributed
/// (w = 1), and d against x, advanced by t (w = 1) and rejected by s:
/// R⁺ = 1, P = 2, N = 1, s = ¼. Once s advances a new claim for x that
/// cites one undermining item (w = √½), s is heard through it alone:
/// R⁺ = 0, P = 1 + √½, N = 1, and the score falls to √½ / (3 + √½).
#[test]
fn an_existing_voice_backing_a_new_claim_can_lower_the_score() {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None).unwrap();
    let x = c.add_explanation(Explanation::new("x", "X"), None).unwrap();
    let s = c.add_scholar(Scholar::new("s", "S")).unwrap();
    let t = c.add_scholar(Scholar::new("t", "T")).unwrap();
    c.add_claim(Claim::new("c", "C"), x, [e]).unwrap();
    let denial = Claim::new("d", "D").with_polarity(Polarity::Denies);
    let d = c.add_claim(denial, x, [e]).unwrap();
    c.add_position(t, d, Position::new(Stance::Advances))
        .unwrap();
    c.add_position(s, d, Position::new(Stance::Rejects))
        .unwrap();
    let score = |c: &Corpus| {
        let cmp = c.view(&CompareOptions::new()).compare(e).unwrap();
        cmp.standing(x).unwrap().score()
    };
    assert!(close(score(&c), 0.25));
    let new = c.add_claim(Claim::new("n", "N"), x, [e]).unwrap();
    c.add_position(s, new, Position::new(Stance::Advances))
        .unwrap();
    let against = Evidence::new("u", EvidenceKind::Other, "U");
    let u = c.add_evidence(against, None).unwrap();
    c.cite(new, u, Bearing::Undermines).unwrap();
    let w = 0.5f64.sqrt();
    assert!(close(score(&c), w / (3.0 + w)));
}

// ---------------------------------------------------------------------------
// 3. A co-authored work counts once (§2)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct CoAuthors {
    claim: Index,
    /// An existing scholar without a position on the claim, or a new one.
    a: Option<Index>,
    b: Option<Index>,
    /// An existing work, or a new one.
    work: Option<Index>,
    stance: Stance,
    year: Option<i32>,
}

fn co_authors() -> impl Strategy<Value = CoAuthors> {
    (
        any::<Index>(),
        option::of(any::<Index>()),
        option::of(any::<Index>()),
        option::of(any::<Index>()),
        stance(),
        option::of(1900i32..2030),
    )
        .prop_map(|(claim, a, b, work, stance, year)| CoAuthors {
            claim,
            a,
            b,
            work,
            stance,
            year,
        })
}

/// Sets up the joint work: A (who holds no other position on c) takes a
/// position on c in W, which A and B wrote and in which no one else takes
/// a position on c. Returns A, B, c and the position B takes to split it,
/// or `None` when the corpus has no claim.
fn joint_work(
    c: &mut Corpus,
    p: &CoAuthors,
) -> Result<Option<(ScholarId, ScholarId, ClaimId, Position)>, TestCaseError> {
    let Some(claim) = pick::<ClaimId>(c, p.claim) else {
        return Ok(None);
    };
    let holders: BTreeSet<ScholarId> = c.positions_on(claim).map(|(_, s, _)| s).collect();
    let free: Vec<ScholarId> = c
        .ids::<ScholarId>()
        .filter(|s| !holders.contains(s))
        .collect();
    let a = match p.a.and_then(|i| pick_from(&free, i)) {
        Some(a) => a,
        None => c.add_scholar(Scholar::new("author-a", "Author A")).unwrap(),
    };
    let b = match p.b.and_then(|i| pick_from(&free, i)).filter(|&b| b != a) {
        Some(b) => b,
        None => c.add_scholar(Scholar::new("author-b", "Author B")).unwrap(),
    };
    // W's voice on c must be A's alone: with another member holding c in
    // W, B's position moves the mean of W's members (§2), by design.
    let unused: Vec<WorkId> = c
        .ids::<WorkId>()
        .filter(|&w| c.positions_on(claim).all(|(_, _, p)| p.work() != Some(w)))
        .collect();
    let w = match p.work.and_then(|i| pick_from(&unused, i)) {
        Some(w) => w,
        None => c
            .add_work(Work::new("joint-work", "A joint work"), [])
            .unwrap(),
    };
    let mut authors: Vec<ScholarId> = c.authors(w).collect();
    for s in [a, b] {
        if !authors.contains(&s) {
            authors.push(s);
        }
    }
    prop_assert!(c.set_authors(w, authors).is_ok());
    let mut position = Position::new(p.stance).in_work(w);
    if let Some(y) = p.year {
        position = position.in_year(y);
    }
    prop_assert!(c.add_position(a, claim, position).is_ok());
    Ok(Some((a, b, claim, position)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Work W by A and B; A's only position on claim c is in W, and B holds
    /// none on c. B taking the same position in W (same stance, same year)
    /// changes no verdict, no number and no claims margin: W's voice is the
    /// mean of its members (§2), unchanged.
    ///
    /// The scholars margin is not compared: after the split, removing A
    /// leaves B's position, so c stays in view where before it left (§6);
    /// see `splitting_a_joint_position_can_change_the_scholars_margin`.
    #[test]
    fn splitting_a_joint_position_changes_nothing(
        plan in plan(3),
        joint in co_authors(),
        opts in options_plan(),
    ) {
        let mut before = corpus(&plan)?;
        let Some((a, b, claim, position)) = joint_work(&mut before, &joint)? else {
            return Ok(());
        };
        let mut after = before.clone();
        prop_assert!(after.add_position(b, claim, position).is_ok());
        let mut o = options_for(&before, &opts);
        // With a set of scholars only their positions are in view (§1): B's
        // new position without A's would bring c into view. So A is asked
        // for whenever B is.
        if let Some(set) = o.scholars().map(|s| s.collect::<BTreeSet<ScholarId>>()) {
            if set.contains(&b) {
                o = o.with_scholars(set.into_iter().chain([a]));
            }
        }
        let same = Same { scholar_margins: false, ..MARGINS };
        same_everywhere(&before, &after, &o, &o, same)?;
    }
}

/// By design (§6), the scholars margin is not kept by the split: c, for
/// x and alone in its row, is held by A in W. Removing A removes c, and x
/// is left unaddressed: a margin of 1. Once B holds c in W too, it takes
/// removing both.
#[test]
fn splitting_a_joint_position_can_change_the_scholars_margin() {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None).unwrap();
    let x = c.add_explanation(Explanation::new("x", "X"), None).unwrap();
    let a = c.add_scholar(Scholar::new("a", "A")).unwrap();
    let b = c.add_scholar(Scholar::new("b", "B")).unwrap();
    let w = c.add_work(Work::new("w", "W"), [a, b]).unwrap();
    let claim = c.add_claim(Claim::new("c", "C"), x, [e]).unwrap();
    let position = Position::new(Stance::Advances).in_work(w);
    c.add_position(a, claim, position).unwrap();
    let margin = |c: &Corpus| {
        let cmp = c.view(&CompareOptions::new()).compare(e).unwrap();
        cmp.standing(x).unwrap().robustness().unwrap().scholars()
    };
    assert_eq!(margin(&c), Margin::Exactly(1));
    c.add_position(b, claim, position).unwrap();
    assert_eq!(margin(&c), Margin::Exactly(2));
}

// ---------------------------------------------------------------------------
// 4. As of the last year is the whole debate (§1)
// ---------------------------------------------------------------------------

/// Dates given to claims and evidence after building, so that some are
/// dated to a decade or century and some are undated: `None` keeps the
/// plan's, `Some(None)` removes it.
#[derive(Debug, Clone)]
struct Redating {
    claims: Vec<Option<Option<Date>>>,
    evidence: Vec<Option<Date>>,
}

fn redating() -> impl Strategy<Value = Redating> {
    (
        vec(option::of(option::of(plausible_date())), 8),
        vec(option::of(plausible_date()), 5),
    )
        .prop_map(|(claims, evidence)| Redating { claims, evidence })
}

fn redate(c: &mut Corpus, r: &Redating) -> Result<(), TestCaseError> {
    let claims: Vec<ClaimId> = c.ids().collect();
    for (&id, date) in claims.iter().zip(&r.claims) {
        let Some(date) = date else { continue };
        let old = c.claim(id).unwrap();
        let mut new = Claim::new(old.key(), old.text()).with_polarity(old.polarity());
        if let Some(d) = date {
            new = new.with_date(*d);
        }
        prop_assert!(c.replace(id, new).is_ok());
    }
    let evidence: Vec<EvidenceId> = c.ids().collect();
    for (&id, date) in evidence.iter().zip(&r.evidence) {
        let old = c.evidence(id).unwrap();
        let mut new = Evidence::new(old.key(), old.kind(), old.description());
        if let Some(l) = old.locator() {
            new = new.with_locator(l);
        }
        if let Some(d) = date {
            new = new.with_date(*d);
        }
        prop_assert!(c.replace(id, new).is_ok());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// With some claims, positions, works and evidence undated, comparing
    /// as of the corpus's last year, or any later year, gives the standings
    /// of the whole debate: numbers, verdicts, margins and the claims
    /// behind them, positions and evidence included.
    #[test]
    fn as_of_the_last_year_is_the_whole_debate(
        plan in plan(2),
        dates in redating(),
        opts in options_plan(),
        later in prop_oneof![Just(0i32), 1i32..3, 3i32..1000, Just(i32::MAX)],
    ) {
        let mut c = corpus(&plan)?;
        redate(&mut c, &dates)?;
        let Some(last) = c.last_year() else {
            return Ok(());
        };
        let whole = options_for(&c, &opts);
        let year = last.saturating_add(later);
        for as_of in [last, year] {
            let seen = whole.clone().with_as_of(Some(as_of));
            same_everywhere(&c, &c, &whole, &seen, EVERYTHING)
                .map_err(|e| TestCaseError::fail(format!("as of {as_of} (last year {last}): {e}")))?;
        }
    }
}

// ---------------------------------------------------------------------------
// 5. Renaming keys changes nothing (§5)
// ---------------------------------------------------------------------------

/// Gives every entity of one kind a new key, `ren-` and its rank in a
/// random order, keeping its id and everything else.
fn rename_all<I: EntityId>(
    c: &mut Corpus,
    order: &[u32],
    rebuild: fn(&I::Entity, String) -> I::Entity,
) -> Result<(), TestCaseError>
where
    I::Entity: PartialEq,
{
    let ids: Vec<I> = c.ids().collect();
    let mut ranked: Vec<usize> = (0..ids.len()).collect();
    ranked.sort_by_key(|&i| (order.get(i).copied().unwrap_or(0), i));
    for (rank, &i) in ranked.iter().enumerate() {
        let id = ids[i];
        let old = c.get(id).unwrap().clone();
        let key = c.key(id).unwrap().to_owned();
        // The rebuilt entity is the old one but for the key.
        prop_assert_eq!(&rebuild(&old, key), &old);
        let renamed = rebuild(&old, format!("ren-{rank:02}"));
        prop_assert!(c.replace(id, renamed).is_ok());
    }
    Ok(())
}

fn rebuild_scholar(s: &Scholar, key: String) -> Scholar {
    let mut new = Scholar::new(key, s.name());
    if let Some(y) = s.born() {
        new = new.with_born(y);
    }
    if let Some(y) = s.died() {
        new = new.with_died(y);
    }
    if let Some(a) = s.affiliation() {
        new = new.with_affiliation(a);
    }
    if let Some(parts) = s.parts() {
        new = new.with_parts(parts.clone());
    }
    if s.has_literal_name() {
        new = new.with_literal_name();
    }
    new
}

/// A work's optional text: how to read it and how to set it.
type WorkField = (fn(&Work) -> Option<&str>, fn(Work, String) -> Work);

fn rebuild_work(w: &Work, key: String) -> Work {
    let mut new = Work::new(key, w.title()).with_kind(w.kind());
    if let Some(d) = w.issued() {
        new = new.with_issued(d);
    }
    let fields: [WorkField; 9] = [
        (Work::container_title, Work::with_container_title),
        (Work::volume, Work::with_volume),
        (Work::issue, Work::with_issue),
        (Work::page, Work::with_page),
        (Work::publisher, Work::with_publisher),
        (Work::publisher_place, Work::with_publisher_place),
        (Work::archive, Work::with_archive),
        (Work::archive_location, Work::with_archive_location),
        (Work::note, Work::with_note),
    ];
    for (get, set) in fields {
        if let Some(value) = get(w) {
            new = set(new, value.to_owned());
        }
    }
    new
}

fn rebuild_event(e: &Event, key: String) -> Event {
    let mut new = Event::new(key, e.name());
    if let Some(w) = e.when() {
        new = new.with_when(w);
    }
    if let Some(d) = e.description() {
        new = new.with_description(d);
    }
    new
}

fn rebuild_explanation(x: &Explanation, key: String) -> Explanation {
    let mut new = Explanation::new(key, x.name());
    if let Some(d) = x.description() {
        new = new.with_description(d);
    }
    new
}

fn rebuild_evidence(v: &Evidence, key: String) -> Evidence {
    let mut new = Evidence::new(key, v.kind(), v.description());
    if let Some(l) = v.locator() {
        new = new.with_locator(l);
    }
    if let Some(d) = v.date() {
        new = new.with_date(d);
    }
    new
}

fn rebuild_claim(c: &Claim, key: String) -> Claim {
    let mut new = Claim::new(key, c.text()).with_polarity(c.polarity());
    if let Some(d) = c.date() {
        new = new.with_date(d);
    }
    if let Some(m) = c.markup() {
        new = new.with_markup(m);
    }
    new
}

fn rename_everything(c: &mut Corpus, order: &[u32]) -> Result<(), TestCaseError> {
    rename_all::<ScholarId>(c, order, rebuild_scholar)?;
    rename_all::<WorkId>(c, order, rebuild_work)?;
    rename_all::<EventId>(c, order, rebuild_event)?;
    rename_all::<ExplanationId>(c, order, rebuild_explanation)?;
    rename_all::<EvidenceId>(c, order, rebuild_evidence)?;
    rename_all::<ClaimId>(c, order, rebuild_claim)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every key of every kind renamed, in a random order (so that the
    /// order of keys changes too): per event and explanation (matched by
    /// id), the same verdicts, scores, P, N, D⁺, D⁻ and margins, and the
    /// same leader. Only the rank among exact ties follows the new keys
    /// (§5), and with it which of two exactly tied explanations leads.
    #[test]
    fn renaming_keys_changes_nothing(
        plan in plan(3),
        order in vec(any::<u32>(), 8),
        opts in options_plan(),
    ) {
        let before = corpus(&plan)?;
        let mut after = before.clone();
        rename_everything(&mut after, &order)?;
        // Scholars are chosen by id, which renaming keeps.
        let o = options_for(&before, &opts);
        same_everywhere(&before, &after, &o, &o, Same { lead: false, ..MARGINS })?;
        for e in after.ids::<EventId>() {
            let (b, a) = (compare(&before, e, &o)?, compare(&after, e, &o)?);
            // The renamed corpus ranks as §5 says: among exact ties by key.
            for pair in a.standings().windows(2) {
                let (x, y) = (&pair[0], &pair[1]);
                if tied(x, y) {
                    prop_assert!(x.explanation_key() < y.explanation_key(), "ties not by key: {:?}", a);
                }
            }
            // The same leader, unless an exact tie at the top is broken by
            // the new keys.
            match (b.leader(), a.leader()) {
                (Some(x), Some(y)) if x.id() != y.id() => {
                    let y = b.standing(y.id()).expect("a row before");
                    prop_assert!(tied(x, y), "the leader changed: {} then {}", x.explanation_key(), y.explanation_key());
                }
                (x, y) => prop_assert_eq!(x.map(Standing::id), y.map(Standing::id)),
            }
            // The lead's margins are not compared: a removal can leave two
            // explanations exactly tied at the top, and which of them then
            // leads follows the keys (§5), so the margin of the lead can too.
        }
    }
}

/// Two rows ranked only by key (§5): the same verdict, score and P + N.
fn tied(a: &Standing, b: &Standing) -> bool {
    a.verdict() == b.verdict() && a.score() == b.score() && a.pro() + a.con() == b.pro() + b.con()
}

// ---------------------------------------------------------------------------
// 6. More evidence on a claim that stands (§3, §4)
// ---------------------------------------------------------------------------

/// The new item is found in no work. In a dated work it would date the
/// claim (a claim enters with the earliest work that reports it, its
/// evidence's included, §1), and with it every undated position on the
/// claim (which enters with its claim): which of a scholar's positions is
/// the latest, and so counts (§2), could change.
#[derive(Debug, Clone)]
struct MoreEvidence {
    claim: Index,
    /// The new item's year, counted back from the corpus's last year.
    years_back: Option<i32>,
}

fn more_evidence() -> impl Strategy<Value = MoreEvidence> {
    (any::<Index>(), option::of(0i32..40))
        .prop_map(|(claim, years_back)| MoreEvidence { claim, years_back })
}

/// Claims that stand (in) and affirm their explanation in some comparison
/// of `c` under `o`, optionally only those that attack no claim.
fn standing_affirmations(
    c: &Corpus,
    o: &CompareOptions,
    attacking_nothing: bool,
) -> Result<Vec<ClaimId>, TestCaseError> {
    let mut found = BTreeSet::new();
    for e in c.ids::<EventId>() {
        for s in compare(c, e, o)?.standings() {
            for entry in s.supporting() {
                if entry.acceptance() == Acceptance::In
                    && (!attacking_nothing || c.attacks_by(entry.id()).next().is_none())
                {
                    found.insert(entry.id());
                }
            }
        }
    }
    Ok(found.into_iter().collect())
}

fn check_more_evidence(
    plan: &Plan,
    more: &MoreEvidence,
    prefs: Preferences,
    attacking_nothing: bool,
) -> Result<(), TestCaseError> {
    let before = corpus(plan)?;
    let o = CompareOptions::new()
        .with_preferences(prefs)
        .with_margin_budget(0);
    let Some(claim) = pick_from(
        &standing_affirmations(&before, &o, attacking_nothing)?,
        more.claim,
    ) else {
        return Ok(());
    };
    let mut after = before.clone();
    let mut item = Evidence::new(
        "more-evidence",
        EvidenceKind::ArchivalDocument,
        "One more document",
    );
    if let (Some(back), Some(last)) = (more.years_back, before.last_year()) {
        // Dated no later than the corpus's last year (positions may carry
        // years beyond the range of dates; then the item stays undated).
        let year = last.saturating_sub(back);
        if (-9999..=9999).contains(&year) {
            item = item.with_date(Date::from_year(year));
        }
    }
    let v = after.add_evidence(item, None).unwrap();
    prop_assert!(after.cite(claim, v, Bearing::Supports).is_ok());
    prop_assert_eq!(before.last_year(), after.last_year());
    let x = before.explanation_of(claim).expect("live");
    for e in before.events_of(claim) {
        let (b, a) = (compare(&before, e, &o)?, compare(&after, e, &o)?);
        let (Some(sb), Some(sa)) = (b.standing(x), a.standing(x)) else {
            return Err(TestCaseError::fail("no row for the claim's explanation"));
        };
        prop_assert!(
            sa.score() >= sb.score() - 1e-12,
            "{:?}: one more item for {} (in) lowered {} at {} from {} to {}\nbefore: {:#?}\nafter: {:#?}\ncorpus after: {}",
            o.preferences(),
            after.key(claim).unwrap(),
            sa.explanation_key(),
            a.event_key(),
            sb.score(),
            sa.score(),
            sb,
            sa,
            after.to_json()
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// One more supporting item (new, undated or dated no later than the
    /// corpus's last year) cited by a claim that is in and affirms its
    /// explanation: the explanation's score at each event the claim
    /// concerns does not fall. With no preferences, evidence weighs and
    /// decides nothing else (§3, §4).
    #[test]
    fn more_evidence_on_an_in_claim_never_lowers_it(plan in plan(3), more in more_evidence()) {
        check_more_evidence(&plan, &more, Preferences::None, false)?;
    }

    /// The same under the evidential preferences, for a claim that attacks
    /// no claim: the stronger claim can then only resist its attackers (or
    /// defeat, through a rebuttal's reply, a claim that is already out).
    /// A claim that attacks others, made stronger, may defeat a claim that
    /// protected it (§3), so it is left out here by design.
    #[test]
    fn more_evidence_on_an_in_claim_attacking_nothing_never_lowers_it_evidentially(
        plan in plan(3),
        more in more_evidence(),
    ) {
        check_more_evidence(&plan, &more, Preferences::Evidential, true)?;
    }
}

// ---------------------------------------------------------------------------
// 7. Margins against brute force (§6)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct SmallClaim {
    explanation: usize,
    polarity: Polarity,
    /// (scholar, stance, work, year); none: an anonymous claim.
    positions: Vec<(usize, Stance, Option<usize>, Option<i32>)>,
    cites: Vec<(usize, Bearing)>,
}

#[derive(Debug, Clone)]
struct Small {
    scholars: usize,
    works: Vec<Vec<usize>>,
    evidence: usize,
    claims: Vec<SmallClaim>,
    attacks: Vec<(usize, usize, AttackKind)>,
    supports: Vec<(usize, usize)>,
    roll_up: bool,
    evidential: bool,
}

fn small() -> impl Strategy<Value = Small> {
    let claim = (
        0usize..3,
        polarity(),
        prop_oneof![
            1 => Just(Vec::new()),
            2 => vec((0usize..4, stance(), option::of(0usize..2), option::of(1990i32..1994)), 1..4),
        ],
        vec((0usize..3, bearing()), 0..2),
    )
        .prop_map(|(explanation, polarity, positions, cites)| SmallClaim {
            explanation,
            polarity,
            positions,
            cites,
        });
    (
        0usize..=4,
        vec(vec(0usize..4, 1..3), 0..=2),
        0usize..=3,
        vec(claim, 1..=7),
        vec((0usize..7, 0usize..7, attack_kind()), 0..10),
        vec((0usize..7, 0usize..7), 0..3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(scholars, works, evidence, claims, attacks, supports, roll_up, evidential)| Small {
                scholars,
                works,
                evidence,
                claims,
                attacks,
                supports,
                roll_up,
                evidential,
            },
        )
}

/// One event, explanations x0, x1 (a variant of x0) and x2.
fn build_small(p: &Small) -> (Corpus, EventId) {
    let mut c = Corpus::new();
    let event = c.add_event(Event::new("e", "E"), None).unwrap();
    let x0 = c
        .add_explanation(Explanation::new("x0", "X0"), None)
        .unwrap();
    let x1 = c
        .add_explanation(Explanation::new("x1", "X1"), Some(x0))
        .unwrap();
    let x2 = c
        .add_explanation(Explanation::new("x2", "X2"), None)
        .unwrap();
    let xs = [x0, x1, x2];
    let scholars: Vec<ScholarId> = (0..p.scholars)
        .map(|i| c.add_scholar(Scholar::new(format!("s{i}"), "S")).unwrap())
        .collect();
    let mut works = Vec::new();
    for (i, authors) in p.works.iter().enumerate() {
        let authors: BTreeSet<ScholarId> = authors
            .iter()
            .filter_map(|&a| scholars.get(a).copied())
            .collect();
        let w = Work::new(format!("w{i}"), "W").with_issued(Date::from_year(1990 + i as i32));
        works.push(c.add_work(w, authors).unwrap());
    }
    let evidence: Vec<EvidenceId> = (0..p.evidence)
        .map(|i| {
            c.add_evidence(
                Evidence::new(format!("v{i}"), EvidenceKind::ArchivalDocument, "V"),
                None,
            )
            .unwrap()
        })
        .collect();
    let mut claims = Vec::new();
    for (i, sc) in p.claims.iter().enumerate() {
        let id = c
            .add_claim(
                Claim::new(format!("c{i}"), "C").with_polarity(sc.polarity),
                xs[sc.explanation],
                [event],
            )
            .unwrap();
        for &(s, stance, w, year) in &sc.positions {
            let (Some(&s), w) = (scholars.get(s), w.and_then(|w| works.get(w).copied())) else {
                continue;
            };
            let mut position = Position::new(stance);
            if let Some(w) = w {
                position = position.in_work(w);
            }
            if let Some(y) = year {
                position = position.in_year(y);
            }
            let _ = c.add_position(s, id, position);
        }
        for &(v, bearing) in &sc.cites {
            if let Some(&v) = evidence.get(v) {
                let _ = c.cite(id, v, bearing);
            }
        }
        claims.push(id);
    }
    let n = claims.len();
    for &(a, b, kind) in &p.attacks {
        let (a, b) = (a % n, b % n);
        if a != b {
            let _ = c.attack(claims[a], claims[b], kind);
        }
    }
    for &(a, b) in &p.supports {
        let (a, b) = (a % n, b % n);
        if a != b {
            let _ = c.support(claims[a], claims[b]);
        }
    }
    (c, event)
}

/// Each row's verdict, top-level rows and variants apart, and the leader.
type Outcome = (
    BTreeMap<(bool, ExplanationId), Verdict>,
    Option<ExplanationId>,
);

fn outcome(c: &Corpus, e: EventId, o: &CompareOptions) -> Result<Outcome, TestCaseError> {
    let cmp = compare(c, e, &o.clone().with_margin_budget(0))?;
    let mut verdicts = BTreeMap::new();
    for s in cmp.standings() {
        verdicts.insert((false, s.id()), s.verdict());
        for v in s.variants() {
            verdicts.insert((true, v.id()), v.verdict());
        }
    }
    Ok((verdicts, cmp.leader().map(Standing::id)))
}

/// The least size of a set, among `outcomes` (indexed by bit mask), whose
/// outcome differs from the first by `differs`.
fn least(outcomes: &[Outcome], differs: impl Fn(&Outcome) -> bool) -> Margin {
    (0..outcomes.len())
        .filter(|&m| differs(&outcomes[m]))
        .map(|m| m.count_ones() as usize)
        .min()
        .map_or(Margin::Never, Margin::Exactly)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Up to 7 claims about one event, up to 4 scholars, attacks of every
    /// kind, positions (in works and not) and anonymous claims: with an
    /// unbounded budget, each verdict's claims margin is exactly the least
    /// number of claims whose removal changes it (no row left: unaddressed),
    /// its scholars margin the least number of scholars (their positions
    /// gone, and the claims left with none), and the lead's margins the
    /// least that change who leads, `None` included; `Never` when nothing
    /// does. Brute force over every subset.
    #[test]
    fn margins_match_brute_force(p in small()) {
        let (c, e) = build_small(&p);
        let mut o = CompareOptions::new().with_roll_up(p.roll_up);
        if p.evidential {
            o = o.with_preferences(Preferences::Evidential);
        }
        let cmp = compare(&c, e, &o.clone().with_margin_budget(usize::MAX))?;

        let claims: Vec<ClaimId> = c.ids().collect();
        let by_claims: Vec<Outcome> = (0..1usize << claims.len())
            .map(|mask| {
                let mut d = c.clone();
                for (i, &id) in claims.iter().enumerate() {
                    if mask & (1 << i) != 0 {
                        d.remove(id).unwrap();
                    }
                }
                outcome(&d, e, &o)
            })
            .collect::<Result<_, _>>()?;

        let scholars: Vec<ScholarId> = c.ids().collect();
        let by_scholars: Vec<Outcome> = (0..1usize << scholars.len())
            .map(|mask| {
                let mut d = c.clone();
                let gone: BTreeSet<ScholarId> = scholars
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, &s)| s)
                    .collect();
                for &s in &gone {
                    let held: Vec<PositionId> = d.positions_of(s).map(|(id, _, _)| id).collect();
                    for id in held {
                        d.remove_position(id).unwrap();
                    }
                }
                // A claim left with no position leaves the view; one that
                // never had any stays, and so does one with a date of its
                // own, through its unnamed proponent (§1, §6).
                for &claim in &claims {
                    let dated = c.claim(claim).and_then(Claim::date).is_some();
                    if !dated
                        && c.positions_on(claim).next().is_some()
                        && d.positions_on(claim).next().is_none()
                    {
                        d.remove(claim).unwrap();
                    }
                }
                outcome(&d, e, &o)
            })
            .collect::<Result<_, _>>()?;

        prop_assert_eq!(&by_claims[0], &by_scholars[0]);
        let (verdicts, leader) = &by_claims[0];
        prop_assert_eq!(*leader, cmp.leader().map(Standing::id));
        let mut rows: Vec<(bool, &Standing)> = Vec::new();
        for s in cmp.standings() {
            rows.push((false, s));
            rows.extend(s.variants().iter().map(|v| (true, v)));
        }
        for (variant, s) in rows {
            let key = (variant, s.id());
            prop_assert_eq!(verdicts.get(&key), Some(&s.verdict()));
            let verdict_of = |o: &Outcome| o.0.get(&key).copied().unwrap_or(Verdict::Unaddressed);
            let want_claims = least(&by_claims, |o| verdict_of(o) != s.verdict());
            let want_scholars = least(&by_scholars, |o| verdict_of(o) != s.verdict());
            let r = s.robustness();
            prop_assert!(r.is_some(), "no margins for {:?}", s);
            let r = r.unwrap();
            prop_assert_eq!(
                (r.claims(), r.scholars()),
                (want_claims, want_scholars),
                "margins of {} ({}{}), in {}\n{}",
                s.explanation_key(), s.verdict(), if variant { ", a variant" } else { "" },
                c.to_json(), cmp
            );
        }
        match cmp.lead() {
            None => prop_assert!(leader.is_none(), "a leader without a lead margin"),
            Some(r) => {
                prop_assert!(leader.is_some(), "a lead margin without a leader");
                let want_claims = least(&by_claims, |o| o.1 != *leader);
                let want_scholars = least(&by_scholars, |o| o.1 != *leader);
                prop_assert_eq!(
                    (r.claims(), r.scholars()),
                    (want_claims, want_scholars),
                    "lead margins, in {}\n{}",
                    c.to_json(), cmp
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 8. The verdict table (§5)
// ---------------------------------------------------------------------------

/// The verdict §5's table gives a standing's numbers.
fn table_verdict(s: &Standing, theta: f64) -> Verdict {
    let (p, n) = (s.pro(), s.con());
    let (dp, dn, score) = (s.defeated_pro(), s.defeated_con(), s.score());
    if s.supporting().is_empty() && s.opposing().is_empty() {
        return Verdict::Unaddressed;
    }
    if p == 0.0 && n == 0.0 {
        return if s.supporting().is_empty() {
            Verdict::Contested
        } else {
            Verdict::Rejected
        };
    }
    let opposed = n > 0.0 || dp > 0.0;
    let backed = p > 0.0 || dn > 0.0;
    if p > 0.0 && (!opposed || score >= theta) {
        Verdict::Supported
    } else if n > 0.0 && (!backed || score <= -theta) {
        Verdict::Rejected
    } else {
        Verdict::Contested
    }
}

fn check_table(s: &Standing, theta: f64) -> Result<(), TestCaseError> {
    let (p, n) = (s.pro(), s.con());
    prop_assert!(close(s.score(), (p - n) / (p + n + 1.0)), "score: {:?}", s);
    prop_assert_eq!(
        s.verdict(),
        table_verdict(s, theta),
        "θ = {}: {:#?}",
        theta,
        s
    );
    for v in s.variants() {
        check_table(v, theta)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every standing of random comparisons (random scope, year, scholars,
    /// threshold, preferences) has the verdict §5's table gives its
    /// numbers, and the leader is the first row, supported; a rejected,
    /// contested or unaddressed explanation never leads.
    #[test]
    fn verdicts_follow_the_table(
        plan in plan(3),
        opts in options_plan(),
        as_of in option::of(1900i32..2030),
    ) {
        let c = corpus(&plan)?;
        let o = options_for(&c, &opts).with_as_of(as_of).with_margin_budget(0);
        for e in c.ids::<EventId>() {
            let cmp = compare(&c, e, &o)?;
            for s in cmp.standings() {
                check_table(s, o.threshold())?;
            }
            match cmp.leader() {
                Some(l) => {
                    prop_assert_eq!(l.verdict(), Verdict::Supported);
                    prop_assert_eq!(l.id(), cmp.standings()[0].id());
                }
                None => prop_assert!(
                    cmp.standings().iter().all(|s| s.verdict() != Verdict::Supported),
                    "a supported explanation and no leader: {}", cmp
                ),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The smallest counterexamples the properties found, by hand
// ---------------------------------------------------------------------------

/// A corpus with one event `e` and one explanation `x`.
fn one_event() -> (Corpus, EventId, ExplanationId) {
    let mut c = Corpus::new();
    let e = c.add_event(Event::new("e", "E"), None).unwrap();
    let x = c.add_explanation(Explanation::new("x", "X"), None).unwrap();
    (c, e, x)
}

fn dated_work(c: &mut Corpus, key: &str, year: i32, authors: &[ScholarId]) -> WorkId {
    let work = Work::new(key, key).with_issued(Date::from_year(year));
    c.add_work(work, authors.iter().copied()).unwrap()
}

/// §1: a claim is not dated by its positions, and an undated position on
/// an undated claim enters at the corpus's last year. Scholar s rejects
/// claim c in work w0, issued 1990, with a year of its own, 1991, and
/// advances c in no work and no year. c cites nothing and has no date, so
/// the advance enters at the corpus's last year, 1991, the year of the
/// rejection: between two positions of one year the one that backs the
/// claim more counts (§2). As of 1990 neither position is in view.
#[test]
fn a_claim_is_not_dated_by_its_positions() {
    let (mut c, e, x) = one_event();
    let s = c.add_scholar(Scholar::new("s", "S")).unwrap();
    let w0 = dated_work(&mut c, "w0", 1990, &[s]);
    let claim = c.add_claim(Claim::new("c", "C"), x, [e]).unwrap();
    c.add_position(s, claim, Position::new(Stance::Advances))
        .unwrap();
    let rejection = Position::new(Stance::Rejects).in_work(w0).in_year(1991);
    c.add_position(s, claim, rejection).unwrap();
    assert_eq!(c.last_year(), Some(1991));

    let as_of_1990 = CompareOptions::new().with_as_of(Some(1990));
    let seen = c.view(&as_of_1990).compare(e).unwrap();
    assert_eq!(
        seen.standing(x).map(Standing::verdict),
        Some(Verdict::Unaddressed),
        "no position on c is in view in 1990\n{seen}"
    );
    let cmp = c.view(&CompareOptions::new()).compare(e).unwrap();
    let row = cmp.standing(x).unwrap();
    let entry = &row.supporting()[0];
    assert_eq!(
        (entry.backing(), entry.rejections()),
        (1.0, 0.0),
        "s's advance, of the same year as the rejection, counts\n{cmp}"
    );
    assert_eq!(
        (row.verdict(), row.score()),
        (Verdict::Supported, 0.5),
        "{cmp}"
    );
    // With a cited item in w0, c enters in 1990, and so does the advance:
    // the rejection of 1991 is then s's latest position.
    let item = Evidence::new("v", EvidenceKind::SecondaryStudy, "V");
    let v = c.add_evidence(item, Some(w0)).unwrap();
    c.cite(claim, v, Bearing::Supports).unwrap();
    let cmp = c.view(&CompareOptions::new()).compare(e).unwrap();
    let row = cmp.standing(x).unwrap();
    assert_eq!(row.supporting()[0].rejections(), 1.0, "{cmp}");
    assert_eq!(row.verdict(), Verdict::Rejected, "{cmp}");
}

/// §1: a piece of evidence's own date is when it entered the debate, not
/// when the claims citing it did; a claim is dated by the works that
/// report it, and an item found in no work reports nothing. Claim c is
/// advanced by s in no work and no year, and qualified by s in w1 (1958):
/// c has no date, the advance enters at the corpus's last year (1958), so
/// both positions are of 1958, and the advance, which backs c more, counts
/// (§2). Citing an item dated 1957, found in no work, changes none of that.
#[test]
fn evidence_dated_on_its_own_does_not_date_the_claim() {
    let (mut c, e, x) = one_event();
    let s = c.add_scholar(Scholar::new("s", "S")).unwrap();
    let w1 = dated_work(&mut c, "w1", 1958, &[s]);
    let claim = c.add_claim(Claim::new("c", "C"), x, [e]).unwrap();
    c.add_position(s, claim, Position::new(Stance::Advances))
        .unwrap();
    c.add_position(s, claim, Position::new(Stance::Qualifies).in_work(w1))
        .unwrap();
    let item =
        Evidence::new("v", EvidenceKind::ArchivalDocument, "V").with_date(Date::from_year(1957));
    let v = c.add_evidence(item, None).unwrap();
    c.cite(claim, v, Bearing::Supports).unwrap();

    let cmp = c.view(&CompareOptions::new()).compare(e).unwrap();
    let entry = &cmp.standing(x).unwrap().supporting()[0];
    assert_eq!(entry.backing(), 1.0, "s's advance counts\n{cmp}");
    let as_of_1957 = CompareOptions::new().with_as_of(Some(1957));
    let seen = c.view(&as_of_1957).compare(e).unwrap();
    assert_eq!(
        seen.standing(x).map(Standing::verdict),
        Some(Verdict::Unaddressed),
        "c enters in 1958\n{seen}"
    );
}

/// §6: removing a scholar removes their positions and moves no other
/// scholar's in time (§1). c0 (for x, unattributed) stands; c1 (against x)
/// is advanced by s0 in w0 (1990) and by s2 in no work and no year, and
/// rejected by s2 in w1 (1991). c1 has no date, so s2's advance enters at
/// the corpus's last year, 1991, with the rejection, and counts (it backs
/// more): b(c1) = 2, P = 1, N = 2: contested. Without s0 or without s2,
/// P = N = 1: contested both times. Only removing both (c1 then leaves the
/// view) changes the verdict: the scholars margin is 2.
#[test]
fn removing_a_scholar_moves_no_other_scholars_position() {
    let (mut c, e, x) = one_event();
    let s0 = c.add_scholar(Scholar::new("s0", "S0")).unwrap();
    let s2 = c.add_scholar(Scholar::new("s2", "S2")).unwrap();
    let w0 = dated_work(&mut c, "w0", 1990, &[s0]);
    let w1 = dated_work(&mut c, "w1", 1991, &[s2]);
    c.add_claim(Claim::new("c0", "C0"), x, [e]).unwrap();
    let denial = Claim::new("c1", "C1").with_polarity(Polarity::Denies);
    let c1 = c.add_claim(denial, x, [e]).unwrap();
    c.add_position(s0, c1, Position::new(Stance::Advances).in_work(w0))
        .unwrap();
    c.add_position(s2, c1, Position::new(Stance::Advances))
        .unwrap();
    c.add_position(s2, c1, Position::new(Stance::Rejects).in_work(w1))
        .unwrap();

    let o = CompareOptions::new();
    let cmp = c.view(&o).compare(e).unwrap();
    let row = cmp.standing(x).unwrap();
    assert_eq!(row.verdict(), Verdict::Contested, "{cmp}");
    assert!(close(row.pro(), 1.0) && close(row.con(), 2.0), "{cmp}");
    for s in [s0, s2] {
        let mut d = c.clone();
        d.remove(s).unwrap();
        let without = d.view(&o).compare(e).unwrap();
        assert_eq!(
            without.standing(x).map(Standing::verdict),
            Some(Verdict::Contested),
            "{without}"
        );
    }
    let margin = row.robustness().unwrap().scholars();
    assert_eq!(margin, Margin::Exactly(2), "{cmp}");
}
