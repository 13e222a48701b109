//! Transactions, undo, redo and replay, checked on random edit sequences:
//! every edit method of `Corpus`, valid and invalid, on random corpora.
//!
//! - a transaction that is dropped leaves the corpus equal to what it was,
//!   and its JSON byte for byte the same;
//! - committed changes, undone, give back the start (ids included); redone,
//!   the end; replayed on a copy of the start, the end;
//! - `remove` then `undo` of its changes gives back the corpus;
//! - the year counts kept up by every edit give the last year a fresh
//!   count gives;
//! - changes that do not fit are refused whole;
//! - a log written as JSON reads back equal, and replays and undoes as the
//!   log itself does; a log with arbitrary changes among the recorded ones
//!   (as another process may send) reads back equal and applies whole or
//!   not at all, never a panic.

mod common;

use common::{build, options_for, options_plan, pick, plan};
use historiograph::*;
use proptest::prelude::*;
use proptest::sample::Index;

/// One edit, as plain data that proptest can shrink: which method, and
/// indices that pick its arguments among the live entities when it runs.
#[derive(Debug, Clone)]
struct Op {
    method: u8,
    a: Index,
    b: Index,
    c: Index,
    small: u8,
}

fn op() -> impl Strategy<Value = Op> {
    (
        any::<u8>(),
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        any::<u8>(),
    )
        .prop_map(|(method, a, b, c, small)| Op {
            method,
            a,
            b,
            c,
            small,
        })
}

/// Keys from a small set, so that edits collide with existing keys.
fn key(small: u8) -> String {
    format!("k{}", small % 7)
}

fn stance(small: u8) -> Stance {
    Stance::ALL[small as usize % Stance::ALL.len()]
}

fn position_ids(c: &Corpus) -> Vec<PositionId> {
    c.ids::<ClaimId>()
        .flat_map(|claim| {
            c.positions_on(claim)
                .map(|(id, _, _)| id)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn a_position(c: &Corpus, op: &Op) -> Position {
    let mut p = Position::new(stance(op.small));
    if op.small % 3 == 0 {
        if let Some(w) = pick::<WorkId>(c, op.c) {
            p = p.in_work(w);
        }
    }
    if op.small % 2 == 0 {
        p = p.in_year(1950 + i32::from(op.small % 40));
    }
    p
}

/// A scholar named the usual way, by explicit parts (family first), or
/// cited as written.
fn a_scholar(key: String, small: u8) -> Scholar {
    match small % 3 {
        0 => Scholar::new(key, "S"),
        1 => Scholar::new(key, "Chen Jian").with_parts(
            NameParts::new("Chen")
                .with_given("Jian")
                .with_family_first(),
        ),
        _ => Scholar::new(key, "Central Committee").with_literal_name(),
    }
}

/// Runs one edit; `None` when there was nothing to pick from.
fn edit(c: &mut Corpus, op: &Op) -> Option<Result<()>> {
    let (a, b, small) = (op.a, op.b, op.small);
    let k = key(small);
    let year = 1950 + i32::from(small % 40);
    let done = |r: Result<()>| Some(r);
    match op.method % 26 {
        0 => done(c.add_scholar(a_scholar(k, small)).map(drop)),
        1 => {
            let authors: Vec<ScholarId> = [pick(c, a), pick(c, b)].into_iter().flatten().collect();
            let mut work = Work::new(k, "W").with_issued(Date::from_year(year));
            if small % 2 == 0 {
                work = work.with_volume("39").with_issue("1").with_page("156-179");
            }
            done(c.add_work(work, authors).map(drop))
        }
        2 => {
            let mut e = Evidence::new(k, EvidenceKind::ArchivalDocument, "E");
            if small % 2 == 0 {
                e = e.with_date(Date::from_year(year));
            }
            let work = pick(c, a);
            done(c.add_evidence(e, work).map(drop))
        }
        3 => {
            let within = pick(c, a).filter(|_| small % 2 == 0);
            done(c.add_event(Event::new(k, "E"), within).map(drop))
        }
        4 => {
            let parent = pick(c, a).filter(|_| small % 2 == 0);
            done(
                c.add_explanation(Explanation::new(k, "X"), parent)
                    .map(drop),
            )
        }
        5 => {
            let x = pick(c, a)?;
            let events: Vec<EventId> = [pick(c, b), pick(c, op.c).filter(|_| small % 3 == 0)]
                .into_iter()
                .flatten()
                .collect();
            let mut claim = Claim::new(k, "C");
            if small % 2 == 1 {
                claim = claim.with_year(year);
            }
            if small % 3 == 1 {
                claim = claim.with_markup("*C*");
            }
            done(c.add_claim(claim, x, events).map(drop))
        }
        6 => {
            let position = a_position(c, op);
            done(c.add_position(pick(c, a)?, pick(c, b)?, position).map(drop))
        }
        7 => {
            let ids = position_ids(c);
            let id = *a.get(ids.get(..).filter(|v| !v.is_empty())?);
            let position = a_position(c, op);
            done(c.replace_position(id, position).map(drop))
        }
        8 => {
            let ids = position_ids(c);
            let id = *a.get(ids.get(..).filter(|v| !v.is_empty())?);
            done(c.remove_position(id).map(drop))
        }
        9 => {
            let bearing = if small % 2 == 0 {
                Bearing::Supports
            } else {
                Bearing::Undermines
            };
            done(c.cite(pick(c, a)?, pick(c, b)?, bearing))
        }
        10 => done(c.uncite(pick(c, a)?, pick(c, b)?).map(drop)),
        11 => {
            let kind = AttackKind::ALL[small as usize % AttackKind::ALL.len()];
            done(c.attack(pick(c, a)?, pick(c, b)?, kind))
        }
        12 => done(c.remove_attack(pick(c, a)?, pick(c, b)?).map(drop)),
        13 => done(c.support(pick(c, a)?, pick(c, b)?)),
        14 => done(c.remove_support(pick(c, a)?, pick(c, b)?)),
        15 => done(c.add_concern(pick(c, a)?, pick(c, b)?)),
        16 => done(c.remove_concern(pick(c, a)?, pick(c, b)?)),
        17 => done(c.set_explanation(pick(c, a)?, pick(c, b)?)),
        18 => {
            let within = pick(c, b).filter(|_| small % 3 != 0);
            done(c.set_within(pick(c, a)?, within))
        }
        19 => {
            let parent = pick(c, b).filter(|_| small % 3 != 0);
            done(c.set_variant_of(pick(c, a)?, parent))
        }
        20 => {
            let scholars: Vec<ScholarId> =
                [pick(c, b), pick(c, op.c)].into_iter().flatten().collect();
            match small % 4 {
                0 => done(c.set_authors(pick(c, a)?, scholars)),
                role => {
                    let role = Role::ALL[usize::from(role) % Role::ALL.len()];
                    done(c.set_contributors(pick(c, a)?, role, scholars))
                }
            }
        }
        21 => {
            let work = pick(c, b).filter(|_| small % 3 != 0);
            done(c.set_evidence_work(pick(c, a)?, work))
        }
        22 => replace(c, op),
        23 | 24 => remove(c, op),
        _ => {
            let title = (small % 3 != 0).then(|| format!("Title {}", small % 5));
            c.set_title(title);
            done(Ok(()))
        }
    }
}

fn replace(c: &mut Corpus, op: &Op) -> Option<Result<()>> {
    let (k, year) = (key(op.small), 1950 + i32::from(op.small % 40));
    let r = match op.small % 6 {
        0 => c
            .replace(pick::<ScholarId>(c, op.a)?, a_scholar(k, op.small / 6))
            .map(drop),
        1 => {
            let work = Work::new(k, "W2")
                .with_issued(Date::from_year(year))
                .with_volume("II");
            c.replace(pick::<WorkId>(c, op.a)?, work).map(drop)
        }
        2 => {
            let e = Evidence::new(k, EvidenceKind::Memoir, "E2").with_date(Date::from_year(year));
            c.replace(pick::<EvidenceId>(c, op.a)?, e).map(drop)
        }
        3 => c
            .replace(pick::<EventId>(c, op.a)?, Event::new(k, "E2"))
            .map(drop),
        4 => c
            .replace(pick::<ExplanationId>(c, op.a)?, Explanation::new(k, "X2"))
            .map(drop),
        _ => {
            let mut claim = Claim::new(k, "C2").with_year(year);
            if (op.small / 6) % 2 == 1 {
                claim = claim.with_markup("**C2**");
            }
            c.replace(pick::<ClaimId>(c, op.a)?, claim).map(drop)
        }
    };
    Some(r)
}

fn remove(c: &mut Corpus, op: &Op) -> Option<Result<()>> {
    let r = match op.small % 6 {
        0 => c.remove(pick::<ScholarId>(c, op.a)?).map(drop),
        1 => c.remove(pick::<WorkId>(c, op.a)?).map(drop),
        2 => c.remove(pick::<EvidenceId>(c, op.a)?).map(drop),
        3 => c.remove(pick::<EventId>(c, op.a)?).map(drop),
        4 => c.remove(pick::<ExplanationId>(c, op.a)?).map(drop),
        _ => c.remove(pick::<ClaimId>(c, op.a)?).map(drop),
    };
    Some(r)
}

/// The last year counted afresh: the corpus read back from its JSON.
fn fresh_last_year(c: &Corpus) -> Option<i32> {
    Corpus::from_json(c.to_json())
        .expect("a corpus reads back")
        .last_year()
}

/// The options for a copy of the corpus read back from its JSON, whose
/// ids may differ: the same scholars by key; `None` when one is gone.
fn options_on(fresh: &Corpus, c: &Corpus, options: &CompareOptions) -> Option<CompareOptions> {
    let Some(scholars) = options.scholars() else {
        return Some(options.clone());
    };
    let mut keys = Vec::new();
    for s in scholars {
        keys.push(fresh.lookup::<ScholarId>(c.key(s)?)?);
    }
    Some(options.clone().with_scholars(keys))
}

fn weighing(choice: u8) -> Weighing {
    match choice % 4 {
        0 => Weighing::Grounded,
        1 => Weighing::Extensions(Semantics::Preferred),
        2 => Weighing::Extensions(Semantics::Stable),
        _ => Weighing::Gradual(Gradual::HCategoriser),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Verdicts kept across edits are the verdicts computed afresh: on the
    /// edited corpus, and on a copy read back from its JSON (new ids, the
    /// year counts made anew).
    #[test]
    fn live_verdicts_agree_with_fresh_ones(
        p in plan(0),
        steps in proptest::collection::vec(proptest::collection::vec(op(), 1..4), 1..6),
        o in options_plan(),
        w in any::<u8>(),
    ) {
        let mut c = build(&p);
        let options = options_for(&c, &o).with_weighing(weighing(w)).with_margin_budget(2_000);
        let mut live = LiveVerdicts::new(options.clone());
        for e in c.ids::<EventId>().collect::<Vec<_>>() {
            let _ = live.compare(&c, e);
        }
        let mut kept_through = 0;
        for step in &steps {
            let mut tx = c.transaction();
            for op in step {
                let _ = edit(&mut tx, op);
            }
            let changes = tx.commit();
            live.update(&c, &changes);
            let fresh = Corpus::from_json(c.to_json()).expect("reads back");
            let fresh_options = options_on(&fresh, &c, &options);
            for e in c.ids::<EventId>().collect::<Vec<_>>() {
                kept_through += usize::from(live.is_kept(e));
                let got = live.compare(&c, e).cloned();
                let want = c.view(&options).compare(e);
                prop_assert_eq!(&got, &want, "event {}", e);
                let (Ok(got), Some(fresh_options)) = (got, &fresh_options) else {
                    continue;
                };
                let again = fresh
                    .view(fresh_options).compare(fresh.resolve(c.key(e).expect("live"))?)
                    .map_err(|err| TestCaseError::fail(err.to_string()))?;
                prop_assert_eq!(
                    serde_json::to_string(&got).expect("serializes"),
                    serde_json::to_string(&again).expect("serializes")
                );
            }
        }
        let _ = kept_through;
    }

    /// Undo of committed changes gives back the start; redo and replay on
    /// a copy give the end.
    #[test]
    fn undo_redo_and_replay(p in plan(2), ops in proptest::collection::vec(op(), 1..40)) {
        let mut c = build(&p);
        let start = c.clone();
        let start_json = c.to_json();
        let _ = c.last_year(); // count the years, so the edits keep the counts
        let mut tx = c.transaction();
        let mut failed = 0;
        for op in &ops {
            if let Some(Err(_)) = edit(&mut tx, op) {
                failed += 1;
            }
        }
        let changes = tx.commit();
        let end = c.clone();
        let end_json = c.to_json();
        prop_assert_eq!(c.last_year(), fresh_last_year(&c), "last year kept up");

        c.undo(&changes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(c == start, "undo gives back the start ({} failed edits)", failed);
        prop_assert_eq!(c.to_json(), start_json.clone());
        prop_assert_eq!(c.last_year(), start.last_year());

        c.apply(&changes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(c == end, "redo gives the end");
        prop_assert_eq!(c.to_json(), end_json.clone());

        let mut copy = start.clone();
        copy.apply(&changes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(copy == end, "replay on a copy gives the end");
        prop_assert_eq!(copy.to_json(), end_json);
    }

    /// A transaction dropped after any edits, failed or not, leaves the
    /// corpus as it was, byte for byte; so does one edit that fails.
    #[test]
    fn rollback_leaves_the_corpus_unchanged(p in plan(2), ops in proptest::collection::vec(op(), 1..40)) {
        let mut c = build(&p);
        let start = c.clone();
        let start_json = c.to_json();
        {
            let mut tx = c.transaction();
            for op in &ops {
                let _ = edit(&mut tx, op);
            }
        }
        prop_assert!(c == start);
        prop_assert_eq!(c.to_json(), start_json);
        // A failed edit outside a transaction changes nothing either.
        for op in &ops {
            let before = c.to_json();
            let kept = c.clone();
            if let Some(Err(_)) = edit(&mut c, op) {
                prop_assert!(c == kept);
                prop_assert_eq!(c.to_json(), before);
            }
        }
    }

    /// `remove` returns enough to put the entity back exactly.
    #[test]
    fn remove_then_undo(p in plan(0), kind in 0u8..6, at in any::<Index>()) {
        let mut c = build(&p);
        let start = c.clone();
        let op = Op { method: 23, a: at, b: at, c: at, small: kind };
        let changes = {
            let mut tx = c.transaction();
            match edit(&mut tx, &op) {
                Some(Ok(())) => tx.commit(),
                _ => return Ok(()),
            }
        };
        prop_assert!(c != start);
        c.undo(&changes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(c == start);
    }

    /// Nested transactions: the inner one's rollback undoes only its own
    /// edits; the outer one's undoes everything.
    #[test]
    fn nested_transactions(p in plan(0), outer in proptest::collection::vec(op(), 1..10), inner in proptest::collection::vec(op(), 1..10)) {
        let mut c = build(&p);
        let start = c.clone();
        let mut tx = c.transaction();
        for op in &outer {
            let _ = edit(&mut tx, op);
        }
        let middle = (*tx).clone();
        {
            let mut nested = tx.transaction();
            for op in &inner {
                let _ = edit(&mut nested, op);
            }
        }
        prop_assert!(*tx == middle);
        {
            let mut nested = tx.transaction();
            for op in &inner {
                let _ = edit(&mut nested, op);
            }
            let _ = nested.commit();
        }
        tx.rollback();
        prop_assert!(c == start);
    }
}

#[test]
fn changes_that_do_not_fit_are_refused_whole() -> Result<()> {
    let mut c = historiograph::sino_soviet_split();
    let start = c.clone();
    let luthi: ScholarId = c.resolve("luthi")?;
    let mut tx = c.transaction();
    tx.add_scholar(Scholar::new("newcomer", "A Newcomer"))?;
    tx.replace(luthi, Scholar::new("luthi", "Lorenz Lüthi"))?;
    let changes = tx.commit();
    let end = c.clone();
    c.undo(&changes)?;
    assert_eq!(c, start);
    // Undone twice: the newcomer is gone already.
    let err = c.undo(&changes).unwrap_err();
    assert!(matches!(err, Error::Conflict { index: 0, .. }), "{err}");
    assert_eq!(c, start);
    c.apply(&changes)?;
    assert_eq!(c, end);
    // Replayed twice: the key is taken.
    let err = c.apply(&changes).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "change 0 (add scholar#{} (newcomer)) does not apply: scholar#{} is taken",
            c.count::<ScholarId>() - 1,
            c.count::<ScholarId>() - 1
        )
    );
    assert_eq!(c, end);
    Ok(())
}

#[test]
fn positions_keep_their_ids() -> Result<()> {
    let mut c = historiograph::sino_soviet_split();
    let luthi: ScholarId = c.resolve("luthi")?;
    let claim: ClaimId = c.resolve("luthi-ideology-central")?;
    let (id, _, position) = c
        .positions_on(claim)
        .find(|&(_, s, _)| s == luthi)
        .expect("Lüthi advances it");
    let old = c.replace_position(id, position.in_year(2010))?;
    assert_eq!(old, position);
    assert_eq!(c.position(id), Some((luthi, claim, position.in_year(2010))));
    assert_eq!(c.position_id(luthi, claim, position.work()), Some(id));
    let removed = c.remove_position(id)?;
    assert_eq!(removed, (luthi, claim, position.in_year(2010)));
    assert_eq!(c.position(id), None);
    assert_eq!(
        c.remove_position(id).unwrap_err().to_string(),
        format!("no live position with id {}", id.index())
    );
    // A new position never gets a removed one's id.
    let again = c.add_position(luthi, claim, position)?;
    assert_ne!(again, id);
    Ok(())
}

#[test]
fn a_relation_is_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Position>(), 12);
    assert_eq!(std::mem::size_of::<Relation>(), 16);
}

#[test]
fn imports_inside_a_transaction_undo_like_edits() -> Result<()> {
    let mut c = historiograph::sino_soviet_split();
    let start = c.clone();
    let more = r#"{"version": 1,
        "scholars": [{"key": "jersild", "name": "Austin Jersild"}],
        "claims": [{"key": "jersild-advisers", "text": "Soviet advisers strained the alliance",
                    "explanation": "national-interest", "events": ["sino-soviet-split"],
                    "stances": [{"scholar": "jersild", "stance": "advances", "year": 2014}]}]}"#;
    let mut tx = c.transaction();
    tx.merge_json(more)?;
    tx.add_scholar(Scholar::new("newcomer", "A Newcomer"))?;
    let changes = tx.commit();
    assert!(c.lookup::<ClaimId>("jersild-advisers").is_some());
    let end = c.clone();
    c.undo(&changes)?;
    assert_eq!(c, start);
    c.apply(&changes)?;
    assert_eq!(c, end);
    #[cfg(feature = "csl")]
    {
        let mut tx = c.transaction();
        tx.merge_csl_json(
            br#"[{"id": "jersild-2014", "type": "book", "title": "The Sino-Soviet Alliance"}]"#,
        )?;
    }
    assert_eq!(c, end);
    Ok(())
}

#[test]
fn live_verdicts_recompute_only_what_an_edit_touched() -> Result<()> {
    let mut c = historiograph::sino_soviet_split();
    let options = CompareOptions::new();
    let mut live = LiveVerdicts::new(options.clone());
    let events: Vec<EventId> = c.ids().collect();
    for &e in &events {
        live.compare(&c, e)?;
    }
    let crisis: EventId = c.resolve("taiwan-strait-crisis-1958")?;
    let claim = c
        .claims_about(crisis)
        .next()
        .expect("a claim about the crisis");
    let luthi: ScholarId = c.resolve("luthi")?;
    let mut tx = c.transaction();
    let position = match tx.position_id(luthi, claim, None) {
        Some(id) => {
            tx.remove_position(id)?;
            None
        }
        None => {
            Some(tx.add_position(luthi, claim, Position::new(Stance::Qualifies).in_year(2008))?)
        }
    };
    let changes = tx.commit();
    assert!(!changes.is_empty(), "{position:?}");
    let dropped = live.update(&c, &changes);
    assert!(dropped.contains(&crisis));
    assert!(
        dropped.len() < events.len() / 2,
        "{} of {} dropped",
        dropped.len(),
        events.len()
    );
    for &e in &events {
        assert_eq!(live.is_kept(e), !dropped.contains(&e));
        assert_eq!(live.compare(&c, e)?, &c.view(&options).compare(e)?);
    }
    // An edit made outside a transaction: its changes are not known, so
    // everything is computed again.
    c.set_title(Some("Edited".to_owned()));
    live.compare(&c, crisis)?;
    assert!(
        events
            .iter()
            .filter(|&&e| e != crisis)
            .all(|&e| !live.is_kept(e))
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Changes recorded on one corpus, cut and shuffled, replayed on
    /// another: each replay lands whole, leaving a corpus that keeps every
    /// invariant (it writes a document that reads back the same), or is
    /// refused with the corpus unchanged. Never a panic.
    #[test]
    fn replaying_foreign_changes_never_breaks_a_corpus(
        a in plan(1),
        b in plan(1),
        ops in proptest::collection::vec(op(), 1..30),
        keep in proptest::collection::vec(any::<bool>(), 0..60),
        swap in proptest::collection::vec((any::<Index>(), any::<Index>()), 0..4),
    ) {
        let mut source = build(&a);
        let mut tx = source.transaction();
        for op in &ops {
            let _ = edit(&mut tx, op);
        }
        let recorded: Vec<Change> = tx.commit().into_iter().collect();
        let mut picked: Vec<Change> = recorded
            .iter()
            .enumerate()
            .filter(|(i, _)| keep.get(*i).copied().unwrap_or(true))
            .map(|(_, c)| c.clone())
            .collect();
        for (x, y) in &swap {
            if !picked.is_empty() {
                let (i, j) = (x.index(picked.len()), y.index(picked.len()));
                picked.swap(i, j);
            }
        }
        let changes = Changes::from(picked);
        for mut target in [build(&a), build(&b)] {
            let before = target.clone();
            match target.apply(&changes) {
                Ok(_) => {
                    let json = target.to_json();
                    let back = Corpus::from_json(&json)
                        .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
                    prop_assert_eq!(back.to_json(), json);
                    for claim in target.ids::<ClaimId>() {
                        prop_assert!(target.explanation_of(claim).is_some());
                        prop_assert!(target.events_of(claim).next().is_some());
                    }
                }
                Err(e) => {
                    prop_assert!(matches!(e, Error::Conflict { .. }), "{}", e);
                    prop_assert!(target == before, "a refused replay changed the corpus");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A recorded log written as JSON reads back as the same log, which
    /// writes the same text; replayed on a copy of the start it gives the
    /// end (its document byte for byte), and undone it gives back the start.
    #[test]
    fn logs_round_trip_through_json(p in plan(2), ops in proptest::collection::vec(op(), 1..40)) {
        let mut c = build(&p);
        let start = c.clone();
        let start_json = c.to_json();
        let mut tx = c.transaction();
        for op in &ops {
            let _ = edit(&mut tx, op);
        }
        let changes = tx.commit();
        let end_json = c.to_json();

        let text = changes.to_json();
        let read = Changes::from_json(&text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&read, &changes);
        prop_assert_eq!(read.to_json(), text);
        let compact = serde_json::to_string(&changes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Changes = serde_json::from_str(&compact).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &changes);

        let mut copy = start.clone();
        copy.apply(&read).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(copy == c, "the log read back replays to the end");
        prop_assert_eq!(copy.to_json(), end_json);
        copy.undo(&read).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(copy == start, "the log read back undoes to the start");
        prop_assert_eq!(copy.to_json(), start_json);
    }
}

/// An id of any kind, near the ones in use or anywhere up to the last a
/// log may name.
fn any_node() -> impl Strategy<Value = Node> {
    (0..Kind::ALL.len(), any::<u32>()).prop_map(|(k, n)| node_of(Kind::ALL[k], n))
}

/// An id of `kind`: mostly near the ones in use, sometimes anywhere.
fn node_of(kind: Kind, n: u32) -> Node {
    let n = if n % 8 == 0 {
        n.min(u32::MAX - 1)
    } else {
        n % 5
    };
    format!("{kind}#{n}").parse().expect("an id reads")
}

/// A link: mostly between entities of the kinds its relation joins.
fn any_link() -> impl Strategy<Value = Link> {
    (
        any_relation(),
        any::<u32>(),
        any::<u32>(),
        0u8..5,
        any_node(),
        any_node(),
    )
        .prop_map(|(r, a, b, right_kinds, x, y)| {
            if right_kinds == 0 {
                return Link::new(x, y, r);
            }
            let (from, to) = r.ends();
            Link::new(node_of(from, a), node_of(to, b), r)
        })
}

/// Any relation, with any data a log may carry.
fn any_relation() -> impl Strategy<Value = Relation> {
    let position = (
        prop_oneof![3 => 0u32..12, 1 => 0..u32::MAX],
        0..Stance::ALL.len(),
        proptest::option::of(0u32..6),
        proptest::option::of(-9999i32..=9999),
    )
        .prop_map(|(id, stance, work, year)| {
            let mut p = Position::new(Stance::ALL[stance]);
            if let Some(w) = work {
                p = p.in_work(format!("work#{w}").parse().expect("an id reads"));
            }
            if let Some(y) = year {
                p = p.in_year(y);
            }
            Relation::Takes(format!("position#{id}").parse().expect("an id reads"), p)
        });
    prop_oneof![
        (0..Role::ALL.len(), prop_oneof![0u32..4, Just(u32::MAX)]).prop_map(|(r, position)| {
            Relation::ContributedBy {
                role: Role::ALL[r],
                position,
            }
        }),
        Just(Relation::FoundIn),
        Just(Relation::Within),
        Just(Relation::VariantOf),
        Just(Relation::Invokes),
        Just(Relation::Concerns),
        position,
        (0..Bearing::ALL.len()).prop_map(|b| Relation::Cites(Bearing::ALL[b])),
        (0..AttackKind::ALL.len()).prop_map(|k| Relation::Attacks(AttackKind::ALL[k])),
        Just(Relation::Supports),
    ]
}

/// A valid entity of the node's kind under it, with a key from a small set.
fn record_at(node: Node, small: u8) -> Record {
    let k = key(small);
    let text = if small % 2 == 0 { "T" } else { "U" };
    match node {
        Node::Scholar(id) => Record::Scholar(id, a_scholar(k, small)),
        Node::Work(id) => Record::Work(id, Work::new(k, text)),
        Node::Evidence(id) => Record::Evidence(id, Evidence::new(k, EvidenceKind::Memoir, text)),
        Node::Event(id) => Record::Event(id, Event::new(k, text)),
        Node::Explanation(id) => Record::Explanation(id, Explanation::new(k, text)),
        Node::Claim(id) => Record::Claim(
            id,
            Claim::new(k, text).with_year(1950 + i32::from(small % 40)),
        ),
    }
}

/// Any change a log read from elsewhere may hold: well-formed, and
/// mostly not fitting.
fn any_change() -> impl Strategy<Value = Change> {
    let record = || (any_node(), any::<u8>()).prop_map(|(n, s)| record_at(n, s));
    prop_oneof![
        3 => record().prop_map(Change::Added),
        3 => record().prop_map(Change::Removed),
        3 => (record(), any::<u8>()).prop_map(|(old, s)| {
            let new = record_at(old.node(), s);
            Change::Replaced { old, new }
        }),
        3 => any_link().prop_map(Change::Linked),
        3 => any_link().prop_map(Change::Unlinked),
        3 => (any_link(), any_relation()).prop_map(|(old, r)| Change::Relinked {
            old,
            new: Link::new(old.from(), old.to(), r),
        }),
        1 => (proptest::option::of(0u8..3), proptest::option::of(0u8..3)).prop_map(|(a, b)| {
            Change::Titled {
                old: a.map(|n| format!("Title {n}")),
                new: b.map(|n| format!("Title {n}")),
            }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A log as another process may send it: recorded changes with
    /// arbitrary ones put in among them (any ids, any relation data). It
    /// goes through JSON unchanged; applied, it lands whole, leaving a
    /// corpus that keeps every invariant (its document reads back the
    /// same), or is refused with `Conflict` and the corpus unchanged.
    /// Never a panic.
    #[test]
    fn logs_from_elsewhere_never_break_a_corpus(
        p in plan(1),
        ops in proptest::collection::vec(op(), 0..20),
        foreign in proptest::collection::vec((any::<Index>(), any_change()), 1..4),
    ) {
        let start = build(&p);
        let mut source = start.clone();
        let mut tx = source.transaction();
        for op in &ops {
            let _ = edit(&mut tx, op);
        }
        let mut log: Vec<Change> = tx.commit().into_iter().collect();
        for (at, change) in foreign {
            let at = at.index(log.len() + 1);
            log.insert(at, change);
        }
        let log = Changes::from(log);
        let text = log.to_json();
        let read = Changes::from_json(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&read, &log);

        let mut target = start.clone();
        match target.apply(&read) {
            Ok(_) => {
                let json = target.to_json();
                let back = Corpus::from_json(&json)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
                prop_assert_eq!(back.to_json(), json);
                let mut again = target.clone();
                again.undo(&read).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(again == start, "an applied log undoes");
            }
            Err(e) => {
                prop_assert!(matches!(e, Error::Conflict { .. }), "{}", e);
                prop_assert!(target == start, "a refused log changed the corpus");
                prop_assert_eq!(target.to_json(), start.to_json());
            }
        }
    }
}
