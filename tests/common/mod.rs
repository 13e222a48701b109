//! Shared by the property tests (`properties`, `aif`, `argdown`, `export`,
//! `layout`): random corpora generated as a [`Plan`] (plain data, so
//! proptest can shrink it), built through the public API only, and the
//! removals a plan may carry. `pictures` is shared by the picture tests.
//!
//! Not every test binary uses every item.
#![allow(dead_code)]

use std::collections::HashSet;

#[cfg(feature = "render")]
pub mod pictures;

use historiograph::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if leap { 29 } else { 28 }
        }
    }
}

/// A valid date with a year drawn from `years`: mostly to the year, month
/// or day, sometimes a decade or century (`196X`, `19XX`) holding that year.
pub fn date_in(years: impl Strategy<Value = i32> + Clone) -> impl Strategy<Value = Date> + Clone {
    let precision = prop_oneof![
        3 => Just(Precision::Year),
        3 => Just(Precision::Month),
        3 => Just(Precision::Day),
        1 => Just(Precision::Decade),
        1 => Just(Precision::Century),
    ];
    (years, precision, 1u8..=12, 1u8..=31, any::<bool>()).prop_map(|(y, precision, m, d, circa)| {
        let date = match precision {
            Precision::Century => Date::century_of(y),
            Precision::Decade => Date::decade_of(y),
            Precision::Year => Date::from_year(y),
            Precision::Month => Date::from_year_month(y, m).expect("valid month"),
            Precision::Day => {
                Date::from_ymd(y, m, (d - 1) % days_in_month(y, m) + 1).expect("valid day")
            }
            other => panic!("{other}: a new precision needs a generator here"),
        };
        if circa { date.approximate() } else { date }
    })
}

pub fn any_date() -> impl Strategy<Value = Date> + Clone {
    date_in(prop_oneof![
        -9999i32..=9999,
        Just(-9999),
        Just(9999),
        Just(0)
    ])
}

/// A valid date or period.
pub fn when_in(dates: impl Strategy<Value = Date> + Clone) -> impl Strategy<Value = When> {
    prop_oneof![
        dates.clone().prop_map(When::on),
        dates.clone().prop_map(When::since),
        (dates.clone(), dates).prop_map(|(a, b)| {
            let (a, b) = if b.latest() >= a.earliest() {
                (a, b)
            } else {
                (b, a)
            };
            When::between(a, b).expect("ordered period")
        }),
    ]
}

/// Years mostly in a modern window (so `as_of` bites), sometimes anywhere.
pub fn year() -> impl Strategy<Value = i32> {
    prop_oneof![8 => 1900i32..2030, 1 => any::<i32>()]
}

pub fn plausible_date() -> impl Strategy<Value = Date> + Clone {
    date_in(prop_oneof![8 => 1900i32..2030, 1 => -9999i32..=9999])
}

// ---------------------------------------------------------------------------
// Corpus plans
// ---------------------------------------------------------------------------

/// Non-blank text with everything the formats must escape: quotes and
/// backslashes (JSON, CSV), `,` and `;` (CSV and its array delimiter), `<`,
/// `&` and `'` (XML), `:` (AIF), non-ASCII, and control characters, some of
/// which XML cannot hold at all.
pub fn text() -> impl Strategy<Value = String> {
    r#"[A-Za-z"\\,;:é日😀<&'\x01][A-Za-z0-9 "\\,;:é日😀<>&'/\n\r\t\x01\x7f]{0,8}"#
}

/// An optional text that may also be empty.
pub fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        1 => Just(Some(String::new())),
        2 => text().prop_map(Some),
    ]
}

/// Key prefixes, so keys hold what the formats must escape too.
pub const PREFIXES: [&str; 12] = [
    "", "é", "k\"", "b\\", "日本-", "a/b.", "x~", "😀", "a,b", ";", "<&>", "'",
];

#[derive(Debug, Clone)]
pub struct ScholarPlan {
    pub name: String,
    pub born: Option<i32>,
    pub died: Option<i32>,
    pub affiliation: Option<String>,
    pub naming: Naming,
}

/// How a planned scholar's name divides: the usual reading, explicit
/// parts, or none (cited as written).
#[derive(Debug, Clone)]
pub enum Naming {
    Usual,
    Parts(NameParts),
    Literal,
}

pub fn naming() -> impl Strategy<Value = Naming> {
    let parts = (text(), vec(option::of(text()), 4), any::<bool>()).prop_map(
        |(family, optional, family_first)| {
            let mut parts = NameParts::new(family);
            let setters: [fn(NameParts, String) -> NameParts; 4] = [
                NameParts::with_given,
                NameParts::with_non_dropping_particle,
                NameParts::with_dropping_particle,
                NameParts::with_suffix,
            ];
            for (value, set) in optional.into_iter().zip(setters) {
                if let Some(value) = value {
                    parts = set(parts, value);
                }
            }
            if family_first {
                parts = parts.with_family_first();
            }
            Naming::Parts(parts)
        },
    );
    prop_oneof![
        3 => Just(Naming::Usual),
        2 => parts,
        1 => Just(Naming::Literal),
    ]
}

#[derive(Debug, Clone)]
pub struct WorkPlan {
    pub title: String,
    pub kind: WorkKind,
    pub issued: Option<Date>,
    pub authors: Vec<Index>,
    pub editors: Vec<Index>,
    pub translators: Vec<Index>,
    pub extras: Vec<Option<String>>,
}

#[derive(Debug, Clone)]
pub struct EventPlan {
    pub name: String,
    pub when: Option<When>,
    pub parent: Option<Index>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ExplanationPlan {
    pub name: String,
    pub parent: Option<Index>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EvidencePlan {
    pub kind: EvidenceKind,
    pub description: String,
    pub work: Option<Index>,
    pub locator: Option<String>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct PositionPlan {
    pub scholar: Index,
    pub stance: Stance,
    pub work: Option<Index>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone)]
pub struct ClaimPlan {
    pub text: String,
    pub markup: Option<String>,
    pub explanation: Index,
    pub events: Vec<Index>,
    pub polarity: Polarity,
    pub date: Option<Date>,
    pub positions: Vec<PositionPlan>,
    pub cites: Vec<(Index, Bearing)>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub prefix: &'static str,
    pub title: Option<String>,
    pub scholars: Vec<ScholarPlan>,
    pub works: Vec<WorkPlan>,
    pub events: Vec<EventPlan>,
    pub explanations: Vec<ExplanationPlan>,
    pub evidence: Vec<EvidencePlan>,
    pub claims: Vec<ClaimPlan>,
    pub attacks: Vec<(Index, Index, AttackKind)>,
    pub supports: Vec<(Index, Index)>,
    /// (kind 0..6, which live entity) removed after building.
    pub removals: Vec<(u8, Index)>,
}

pub fn stance() -> impl Strategy<Value = Stance> {
    select(vec![
        Stance::Advances,
        Stance::Endorses,
        Stance::Qualifies,
        Stance::Rejects,
    ])
}

pub fn polarity() -> impl Strategy<Value = Polarity> {
    select(vec![Polarity::Affirms, Polarity::Denies])
}

pub fn bearing() -> impl Strategy<Value = Bearing> {
    select(vec![Bearing::Supports, Bearing::Undermines])
}

pub fn attack_kind() -> impl Strategy<Value = AttackKind> {
    select(vec![
        AttackKind::Rebuts,
        AttackKind::Undercuts,
        AttackKind::Undermines,
    ])
}

pub fn scholar_plan() -> impl Strategy<Value = ScholarPlan> {
    (
        text(),
        option::of(year()),
        option::of(year()),
        optional_text(),
        naming(),
    )
        .prop_map(|(name, born, died, affiliation, naming)| ScholarPlan {
            name,
            born,
            died,
            affiliation,
            naming,
        })
}

pub fn work_plan() -> impl Strategy<Value = WorkPlan> {
    (
        text(),
        select(WorkKind::ALL.to_vec()),
        option::of(plausible_date()),
        vec(any::<Index>(), 0..4),
        vec(any::<Index>(), 0..3),
        vec(any::<Index>(), 0..2),
        vec(optional_text(), 9),
    )
        .prop_map(
            |(title, kind, issued, authors, editors, translators, extras)| WorkPlan {
                title,
                kind,
                issued,
                authors,
                editors,
                translators,
                extras,
            },
        )
}

pub fn event_plan() -> impl Strategy<Value = EventPlan> {
    (
        text(),
        option::of(when_in(plausible_date())),
        option::of(any::<Index>()),
        optional_text(),
    )
        .prop_map(|(name, when, parent, description)| EventPlan {
            name,
            when,
            parent,
            description,
        })
}

pub fn explanation_plan() -> impl Strategy<Value = ExplanationPlan> {
    (text(), option::of(any::<Index>()), optional_text()).prop_map(|(name, parent, description)| {
        ExplanationPlan {
            name,
            parent,
            description,
        }
    })
}

pub fn evidence_plan() -> impl Strategy<Value = EvidencePlan> {
    (
        select(EvidenceKind::ALL.to_vec()),
        text(),
        option::of(any::<Index>()),
        optional_text(),
        option::of(plausible_date()),
    )
        .prop_map(|(kind, description, work, locator, date)| EvidencePlan {
            kind,
            description,
            work,
            locator,
            date,
        })
}

pub fn position_plan() -> impl Strategy<Value = PositionPlan> {
    (
        any::<Index>(),
        stance(),
        option::of(any::<Index>()),
        option::of(year()),
    )
        .prop_map(|(scholar, stance, work, year)| PositionPlan {
            scholar,
            stance,
            work,
            year,
        })
}

/// A claim's markup: its text emphasised or linked, as the Argdown
/// reader writes it, or any other text (which need not match the words).
pub fn markup(text: &str, kind: u8, other: String) -> String {
    match kind {
        0 => format!("*{text}*"),
        1 => format!("**{text}**"),
        2 => format!("[{text}](https://example.org/a?b=1&c=\"d\")"),
        _ => other,
    }
}

pub fn claim_plan() -> impl Strategy<Value = ClaimPlan> {
    (
        (text(), option::of((0u8..4, text()))),
        any::<Index>(),
        vec(any::<Index>(), 1..=3),
        polarity(),
        option::of(plausible_date()),
        vec(position_plan(), 0..4),
        vec((any::<Index>(), bearing()), 0..3),
    )
        .prop_map(
            |((text, markup), explanation, events, polarity, date, positions, cites)| {
                let markup = markup.map(|(kind, other)| self::markup(&text, kind, other));
                ClaimPlan {
                    text,
                    markup,
                    explanation,
                    events,
                    polarity,
                    date,
                    positions,
                    cites,
                }
            },
        )
}

/// A random valid corpus plan (possibly without claims); `removals` is the
/// most removals after building.
pub fn plan(removals: usize) -> impl Strategy<Value = Plan> {
    let entities = (
        select(PREFIXES.to_vec()),
        option::of(text()),
        vec(scholar_plan(), 0..5),
        vec(work_plan(), 0..5),
        vec(event_plan(), 1..6),
        vec(explanation_plan(), 1..5),
        vec(evidence_plan(), 0..5),
    );
    let relations = (
        vec(claim_plan(), 0..8),
        vec((any::<Index>(), any::<Index>(), attack_kind()), 0..10),
        vec((any::<Index>(), any::<Index>()), 0..6),
        vec((0u8..6, any::<Index>()), 0..=removals),
    );
    (entities, relations).prop_map(
        |(
            (prefix, title, scholars, works, events, explanations, evidence),
            (claims, attacks, supports, removals),
        )| Plan {
            prefix,
            title,
            scholars,
            works,
            events,
            explanations,
            evidence,
            claims,
            attacks,
            supports,
            removals,
        },
    )
}

pub fn pick_from<T: Copy>(items: &[T], index: Index) -> Option<T> {
    (!items.is_empty()).then(|| *index.get(items))
}

/// Builds the plan's corpus (without its removals); every step must succeed.
pub fn build(plan: &Plan) -> Corpus {
    let mut c = Corpus::new();
    c.set_title(plan.title.clone());
    let key = |letter: &str, i: usize| format!("{}{letter}{i}", plan.prefix);

    let mut scholars = Vec::new();
    for (i, s) in plan.scholars.iter().enumerate() {
        let mut scholar = Scholar::new(key("s", i), s.name.clone());
        if let Some(y) = s.born {
            scholar = scholar.with_born(y);
        }
        if let Some(y) = s.died {
            scholar = scholar.with_died(y);
        }
        if let Some(a) = &s.affiliation {
            scholar = scholar.with_affiliation(a.clone());
        }
        scholar = match &s.naming {
            Naming::Usual => scholar,
            Naming::Parts(parts) => scholar.with_parts(parts.clone()),
            Naming::Literal => scholar.with_literal_name(),
        };
        scholars.push(c.add_scholar(scholar).expect("valid scholar"));
    }

    let mut works = Vec::new();
    for (i, w) in plan.works.iter().enumerate() {
        let mut work = Work::new(key("w", i), w.title.clone()).with_kind(w.kind);
        if let Some(d) = w.issued {
            work = work.with_issued(d);
        }
        let setters: [fn(Work, String) -> Work; 9] = [
            Work::with_container_title,
            Work::with_volume,
            Work::with_issue,
            Work::with_page,
            Work::with_publisher,
            Work::with_publisher_place,
            Work::with_archive,
            Work::with_archive_location,
            Work::with_note,
        ];
        for (value, set) in w.extras.iter().zip(setters) {
            if let Some(value) = value {
                work = set(work, value.clone());
            }
        }
        let distinct = |picks: &[Index]| {
            let mut chosen = Vec::new();
            for &a in picks {
                if let Some(s) = pick_from(&scholars, a) {
                    if !chosen.contains(&s) {
                        chosen.push(s);
                    }
                }
            }
            chosen
        };
        let id = c.add_work(work, distinct(&w.authors)).expect("valid work");
        for (role, picks) in [
            (Role::Editor, &w.editors),
            (Role::Translator, &w.translators),
        ] {
            c.set_contributors(id, role, distinct(picks))
                .expect("valid contributors");
        }
        works.push(id);
    }

    let mut events: Vec<EventId> = Vec::new();
    for (i, e) in plan.events.iter().enumerate() {
        let mut event = Event::new(key("e", i), e.name.clone());
        if let Some(w) = e.when {
            event = event.with_when(w);
        }
        if let Some(d) = &e.description {
            event = event.with_description(d.clone());
        }
        let parent = e.parent.and_then(|p| pick_from(&events, p));
        events.push(c.add_event(event, parent).expect("valid event"));
    }

    let mut explanations: Vec<ExplanationId> = Vec::new();
    for (i, x) in plan.explanations.iter().enumerate() {
        let mut explanation = Explanation::new(key("x", i), x.name.clone());
        if let Some(d) = &x.description {
            explanation = explanation.with_description(d.clone());
        }
        let parent = x.parent.and_then(|p| pick_from(&explanations, p));
        explanations.push(
            c.add_explanation(explanation, parent)
                .expect("valid explanation"),
        );
    }

    let mut evidence = Vec::new();
    for (i, e) in plan.evidence.iter().enumerate() {
        let mut item = Evidence::new(key("v", i), e.kind, e.description.clone());
        if let Some(l) = &e.locator {
            item = item.with_locator(l.clone());
        }
        if let Some(d) = e.date {
            item = item.with_date(d);
        }
        let work = e.work.and_then(|w| pick_from(&works, w));
        evidence.push(c.add_evidence(item, work).expect("valid evidence"));
    }

    let mut claims = Vec::new();
    for (i, p) in plan.claims.iter().enumerate() {
        let mut claim = Claim::new(key("c", i), p.text.clone()).with_polarity(p.polarity);
        if let Some(m) = &p.markup {
            claim = claim.with_markup(m.clone());
        }
        if let Some(d) = p.date {
            claim = claim.with_date(d);
        }
        let mut about = Vec::new();
        for &e in &p.events {
            let e = *e.get(&events);
            if !about.contains(&e) {
                about.push(e);
            }
        }
        let id = c
            .add_claim(claim, *p.explanation.get(&explanations), about)
            .expect("valid claim");
        let mut taken = HashSet::new();
        for pos in &p.positions {
            let Some(scholar) = pick_from(&scholars, pos.scholar) else {
                continue;
            };
            let work = pos.work.and_then(|w| pick_from(&works, w));
            if !taken.insert((scholar, work)) {
                continue;
            }
            let mut position = Position::new(pos.stance);
            if let Some(w) = work {
                position = position.in_work(w);
            }
            if let Some(y) = pos.year {
                position = position.in_year(y);
            }
            c.add_position(scholar, id, position)
                .expect("valid position");
        }
        let mut cited = HashSet::new();
        for &(e, b) in &p.cites {
            if let Some(e) = pick_from(&evidence, e) {
                if cited.insert(e) {
                    c.cite(id, e, b).expect("valid citation");
                }
            }
        }
        claims.push(id);
    }

    let mut attacks = HashSet::new();
    for &(a, t, kind) in &plan.attacks {
        if let (Some(a), Some(t)) = (pick_from(&claims, a), pick_from(&claims, t)) {
            if a != t && attacks.insert((a, t)) {
                c.attack(a, t, kind).expect("valid attack");
            }
        }
    }
    let mut supports = HashSet::new();
    for &(a, t) in &plan.supports {
        if let (Some(a), Some(t)) = (pick_from(&claims, a), pick_from(&claims, t)) {
            if a != t && supports.insert((a, t)) {
                c.support(a, t).expect("valid support");
            }
        }
    }
    c
}

pub fn pick<I: EntityId>(c: &Corpus, index: Index) -> Option<I> {
    let ids: Vec<I> = c.ids().collect();
    pick_from(&ids, index)
}

/// Removes a live entity of a kind whose removal may not fail.
pub fn remove_ok<I: EntityId>(c: &mut Corpus, index: Index) -> Result<(), TestCaseError> {
    if let Some(id) = pick::<I>(c, index) {
        let key = c.key(id).expect("live").to_owned();
        let result = c.remove(id);
        prop_assert!(result.is_ok(), "removing {} failed: {:?}", id, result);
        prop_assert!(!c.contains(id));
        prop_assert!(c.get(id).is_none());
        prop_assert_eq!(c.lookup::<I>(&key), None);
    }
    Ok(())
}

/// Removes a live event or explanation: `Error::InUse` exactly when `in_use`
/// says so, and then the corpus is unchanged.
pub fn remove_guarded<I: EntityId>(
    c: &mut Corpus,
    index: Index,
    in_use: fn(&Corpus, I) -> bool,
) -> Result<(), TestCaseError> {
    if let Some(id) = pick::<I>(c, index) {
        let expect_in_use = in_use(c, id);
        let before = c.to_json();
        let result = c.remove(id);
        if expect_in_use {
            prop_assert!(
                matches!(result, Err(Error::InUse { .. })),
                "removing {} should be InUse, got {:?}",
                id,
                result
            );
            prop_assert!(c.to_json() == before, "failed removal changed the corpus");
            prop_assert!(c.contains(id));
        } else {
            prop_assert!(result.is_ok(), "removing {} failed: {:?}", id, result);
            prop_assert!(!c.contains(id));
        }
    }
    Ok(())
}

pub fn event_in_use(c: &Corpus, e: EventId) -> bool {
    c.claims_about(e).any(|cl| c.events_of(cl).count() == 1)
}

pub fn explanation_in_use(c: &Corpus, x: ExplanationId) -> bool {
    c.claims_invoking(x).next().is_some()
}

/// Applies removals; works only when `works_too`.
pub fn apply_removals(
    c: &mut Corpus,
    removals: &[(u8, Index)],
    works_too: bool,
) -> Result<(), TestCaseError> {
    for &(kind, index) in removals {
        match kind % 6 {
            0 => remove_ok::<ScholarId>(c, index)?,
            1 if works_too => remove_ok::<WorkId>(c, index)?,
            1 => {}
            2 => remove_ok::<EvidenceId>(c, index)?,
            3 => remove_guarded::<EventId>(c, index, event_in_use)?,
            4 => remove_guarded::<ExplanationId>(c, index, explanation_in_use)?,
            _ => remove_ok::<ClaimId>(c, index)?,
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// View options
// ---------------------------------------------------------------------------

/// Random view options: scope, roll-up, year, scholars, threshold,
/// preferences (none or evidential).
#[derive(Debug, Clone)]
pub struct OptionsPlan {
    pub enclosing: bool,
    pub enclosed: bool,
    pub roll_up: bool,
    pub as_of: Option<i32>,
    pub scholars: Option<Vec<Index>>,
    pub threshold: f64,
    pub evidential: bool,
}

pub fn options_plan() -> impl Strategy<Value = OptionsPlan> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        option::of(prop_oneof![4 => 1890i32..2040, 1 => any::<i32>()]),
        option::of(vec(any::<Index>(), 0..4)),
        prop_oneof![
            Just(1.0),
            Just(0.5),
            (1u32..=1000).prop_map(|n| f64::from(n) / 1000.0),
            (f64::MIN_POSITIVE..=1.0f64),
        ],
        any::<bool>(),
    )
        .prop_map(
            |(enclosing, enclosed, roll_up, as_of, scholars, threshold, evidential)| OptionsPlan {
                enclosing,
                enclosed,
                roll_up,
                as_of,
                scholars,
                threshold,
                evidential,
            },
        )
}

pub fn options_for(c: &Corpus, p: &OptionsPlan) -> CompareOptions {
    let mut o = CompareOptions::new()
        .with_enclosing(p.enclosing)
        .with_enclosed(p.enclosed)
        .with_roll_up(p.roll_up)
        .with_as_of(p.as_of)
        .with_threshold(p.threshold);
    if p.evidential {
        o = o.with_preferences(Preferences::Evidential);
    }
    if let Some(picks) = &p.scholars {
        let live: Vec<ScholarId> = c.ids().collect();
        o = o.with_scholars(picks.iter().filter_map(|&i| pick_from(&live, i)));
    }
    o
}
