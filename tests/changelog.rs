//! The change log's serde form: a golden file of a small hand-made log
//! that uses every kind of change, record and relation, checked byte for
//! byte; the names it shares with the corpus document; and bad logs, each
//! refused with an error that names the place. (Random edit sequences
//! round-trip in `edits.rs`.)
//!
//! Rewrite the golden file with `HISTORIOGRAPH_BLESS=1 cargo test --test
//! changelog` after a deliberate change of the format, and review the diff.

use std::path::PathBuf;

use historiograph::*;

fn golden_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/changes/v1-small.json")
}

/// The start: a corpus with a little in it, so the log names old ids too.
fn start() -> Result<Corpus> {
    let mut c = Corpus::new();
    let luthi = c.add_scholar(Scholar::new("luthi", "Lorenz M. Lüthi"))?;
    c.add_work(
        Work::new("luthi-2008", "The Sino-Soviet Split").with_issued("2008".parse()?),
        [luthi],
    )?;
    let split = c.add_event(
        Event::new("split", "The Sino-Soviet split").with_when("1956/1966".parse::<When>()?),
        None,
    )?;
    let ideology = c.add_explanation(Explanation::new("ideology", "Ideology"), None)?;
    c.add_claim(
        Claim::new("ideology-central", "Ideology was central"),
        ideology,
        [split],
    )?;
    c.add_scholar(Scholar::new("gone", "Left"))?;
    Ok(c)
}

/// Every kind of change, record and relation, made through the API.
fn edits(c: &mut Corpus) -> Result<Changes> {
    let (luthi, gone) = (
        c.resolve::<ScholarId>("luthi")?,
        c.resolve::<ScholarId>("gone")?,
    );
    let (split, ideology) = (c.resolve::<EventId>("split")?, c.resolve("ideology")?);
    let central = c.resolve::<ClaimId>("ideology-central")?;
    let mut tx = c.transaction();
    tx.set_title(Some("The split".to_owned()));
    let chen = tx.add_scholar(
        Scholar::new("chen-jian", "Chen Jian")
            .with_born(1952)
            .with_affiliation("Cornell University")
            .with_parts(
                NameParts::new("Chen")
                    .with_given("Jian")
                    .with_family_first(),
            ),
    )?;
    let ccp =
        tx.add_scholar(Scholar::new("ccp-cc", "Central Committee of the CCP").with_literal_name())?;
    let work = tx.add_work(
        Work::new("chen-2001", "Mao's China and the Cold War")
            .with_kind(WorkKind::Chapter)
            .with_issued("2001~".parse()?)
            .with_container_title("A volume")
            .with_page("49-84"),
        [chen],
    )?;
    tx.set_contributors(work, Role::Editor, [ccp])?;
    let letter = tx.add_evidence(
        Evidence::new("letter-1958", EvidenceKind::ArchivalDocument, "A letter")
            .with_locator("f. 3")
            .with_date("1958-08".parse()?),
        Some(work),
    )?;
    let crisis = tx.add_event(
        Event::new("taiwan-1958", "Second Taiwan Strait Crisis")
            .with_when("1958-08-23".parse::<When>()?)
            .with_description("Shelling of Jinmen"),
        Some(split),
    )?;
    let national = tx.add_explanation(
        Explanation::new("nationalism", "Nationalism").with_description("A variant"),
        Some(ideology),
    )?;
    let denial = tx.add_claim(
        Claim::new("no-triangle", "No triangle")
            .with_markup("No *triangle*")
            .with_polarity(Polarity::Denies)
            .with_date("1996".parse()?),
        national,
        [crisis],
    )?;
    let position = tx.add_position(
        chen,
        denial,
        Position::new(Stance::Advances).in_work(work).in_year(2001),
    )?;
    tx.replace_position(position, Position::new(Stance::Qualifies).in_work(work))?;
    tx.add_position(luthi, central, Position::new(Stance::Rejects))?;
    tx.cite(denial, letter, Bearing::Undermines)?;
    tx.attack(denial, central, AttackKind::Undercuts)?;
    tx.support(central, denial)?;
    tx.uncite(denial, letter)?;
    tx.replace(central, Claim::new("ideology-first", "Ideology came first"))?;
    tx.remove(gone)?;
    Ok(tx.commit())
}

/// The log built through the API writes the golden file, byte for byte,
/// and the golden file reads back as the same log, which replays on the
/// start to give the end.
#[test]
fn a_small_log_writes_the_golden_file() -> Result<()> {
    let before = start()?;
    let mut after = before.clone();
    let changes = edits(&mut after)?;
    let text = changes.to_json();
    let path = golden_path();
    if std::env::var_os("HISTORIOGRAPH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folder");
        std::fs::write(&path, &text).expect("write golden file");
    }
    let golden = std::fs::read_to_string(&path).expect("the golden file (bless to write it)");
    assert_eq!(text, golden, "{} differs", path.display());

    let read = Changes::from_json(&golden)?;
    assert_eq!(read, changes);
    let mut copy = before.clone();
    copy.apply(&read)?;
    assert_eq!(copy, after);
    assert_eq!(copy.to_json(), after.to_json());
    copy.undo(&read)?;
    assert_eq!(copy, before);

    // Every kind of change, record and relation is in it.
    for word in [
        "\"added\"",
        "\"removed\"",
        "\"replaced\"",
        "\"linked\"",
        "\"unlinked\"",
        "\"relinked\"",
        "\"titled\"",
        "\"scholar\"",
        "\"work\"",
        "\"evidence\"",
        "\"event\"",
        "\"explanation\"",
        "\"claim\"",
        "\"contributed_by\"",
        "\"found_in\"",
        "\"within\"",
        "\"variant_of\"",
        "\"invokes\"",
        "\"concerns\"",
        "\"takes\"",
        "\"cites\"",
        "\"attacks\"",
        "\"supports\"",
    ] {
        assert!(golden.contains(word), "{word} is not in the golden log");
    }
    Ok(())
}

/// Without indentation, through serde_json directly, the same log.
#[test]
fn serde_json_alone_round_trips() -> Result<()> {
    let mut c = start()?;
    let changes = edits(&mut c)?;
    let compact = serde_json::to_string(&changes).expect("serialize");
    assert!(
        compact.starts_with(r#"{"version":1,"changes":[{"titled":{"old":null,"new":"The split"}}"#)
    );
    let back: Changes = serde_json::from_str(&compact).expect("deserialize");
    assert_eq!(back, changes);
    for change in &changes {
        let one = serde_json::to_string(change).expect("serialize");
        assert_eq!(
            &serde_json::from_str::<Change>(&one).expect("deserialize"),
            change
        );
    }
    Ok(())
}

/// The relation fields a document lists with an entity, which a record
/// leaves to its links.
const RELATIONS: [&str; 12] = [
    "authors",
    "editors",
    "translators",
    "within",
    "variant_of",
    "work",
    "explanation",
    "events",
    "stances",
    "cites",
    "attacks",
    "supports",
];

/// One vocabulary: every entity serializes as its entry in the corpus
/// document, the relation fields taken out; a position with the fields of
/// a document's stance, its scholar taken out. On the built-in corpus and
/// on the corpus the hand-made log leaves (every optional field).
#[test]
fn records_use_the_names_of_the_document() -> Result<()> {
    let mut edited = start()?;
    edits(&mut edited)?;
    for corpus in [sino_soviet_split(), edited] {
        let document: serde_json::Value =
            serde_json::from_str(&corpus.to_json()).expect("a document");
        let entries = |section: &str| -> Vec<serde_json::Value> {
            let mut entries = document[section].as_array().cloned().unwrap_or_default();
            for entry in &mut entries {
                let object = entry.as_object_mut().expect("an object");
                for field in RELATIONS {
                    object.remove(field);
                }
            }
            entries
        };
        fn json<T: serde::Serialize>((_, entity): (impl Copy, &T)) -> serde_json::Value {
            serde_json::to_value(entity).expect("serialize")
        }
        let sections: [(&str, Vec<serde_json::Value>); 6] = [
            (
                "scholars",
                corpus.entities::<ScholarId>().map(json).collect(),
            ),
            ("works", corpus.entities::<WorkId>().map(json).collect()),
            ("events", corpus.entities::<EventId>().map(json).collect()),
            (
                "explanations",
                corpus.entities::<ExplanationId>().map(json).collect(),
            ),
            (
                "evidence",
                corpus.entities::<EvidenceId>().map(json).collect(),
            ),
            ("claims", corpus.entities::<ClaimId>().map(json).collect()),
        ];
        for (section, values) in sections {
            assert!(!values.is_empty(), "{section}");
            assert_eq!(entries(section), values, "{section}");
        }
        let mut fields = std::collections::BTreeSet::new();
        for claim in corpus.ids::<ClaimId>() {
            for (_, _, position) in corpus.positions_on(claim) {
                let value = serde_json::to_value(position).expect("serialize");
                fields.extend(value.as_object().expect("an object").keys().cloned());
            }
        }
        let mut stance_fields = std::collections::BTreeSet::new();
        for claim in document["claims"].as_array().expect("claims") {
            for stance in claim["stances"].as_array().into_iter().flatten() {
                stance_fields.extend(stance.as_object().expect("an object").keys().cloned());
            }
        }
        stance_fields.remove("scholar");
        assert_eq!(fields, stance_fields);
    }
    Ok(())
}

/// The message of the error reading `text` as a change log.
fn refused(text: &str) -> String {
    match Changes::from_json(text) {
        Ok(changes) => panic!("read: {changes:?}"),
        Err(e) => {
            assert!(matches!(e, Error::Json { .. }), "{e:?}");
            e.to_string()
        }
    }
}

/// A log of one change.
fn one(change: &str) -> String {
    format!("{{\"version\": 1, \"changes\": [\n{change}\n]}}")
}

#[test]
fn a_bad_key_is_refused_where_it_is() {
    assert_eq!(
        refused(&one(
            r#"{"added": {"claim": ["claim#0", {"key": "a b", "text": "T"}]}}"#
        )),
        "line 2, column 33 (changes[0].added.claim[1]): invalid claim key `a b`: \
         a key may not contain white space or control characters"
    );
    assert_eq!(
        refused(&one(
            r#"{"replaced": {"old": {"event": ["event#0", {"key": "e", "name": "E"}]},
"new": {"event": ["event#0", {"key": "", "name": "E"}]}}}"#
        )),
        "line 3, column 30 (changes[0].replaced.new.event[1]): invalid event key ``: a key may not be empty"
    );
}

#[test]
fn an_unknown_variant_is_refused_where_it_is() {
    assert_eq!(
        refused(&one(r#"{"moved": {"from": "claim#0", "to": "claim#1"}}"#)),
        "line 2, column 1 (changes[0]): unknown variant `moved`, expected one of \
         `added`, `removed`, `replaced`, `linked`, `unlinked`, `relinked`, `titled`"
    );
    let text = one(r#"{"linked": {"from": "claim#0", "to": "claim#1", "relation": "loves"}}"#);
    let message = refused(&text);
    assert!(
        message
            .starts_with("line 2, column 61 (changes[0].linked.relation): unknown variant `loves`"),
        "{message}"
    );
    let text = one(r#"{"added": {"person": ["scholar#0", {"key": "k", "name": "N"}]}}"#);
    assert!(refused(&text).contains("(changes[0].added): unknown variant `person`"));
}

#[test]
fn a_wrong_type_is_refused_where_it_is() {
    let text = one(
        r#"{"linked": {"from": "work#0", "to": "scholar#0", "relation": {"contributed_by": {"role": "author", "position": "first"}}}}"#,
    );
    assert_eq!(
        refused(&text),
        "line 2, column 112 (changes[0].linked.relation.contributed_by.position): \
         invalid type: string \"first\", expected u32"
    );
    assert_eq!(
        refused(r#"{"version": "1", "changes": []}"#),
        "line 1, column 13 (version): invalid type: string \"1\", expected u64"
    );
    assert_eq!(
        refused(&one(r#"{"titled": {"old": null, "new": 3}}"#)),
        "line 2, column 33 (changes[0].titled.new): invalid type: integer `3`, expected a string"
    );
}

#[test]
fn bad_ids_are_refused_where_they_are() {
    let cases = [
        (
            r#"{"added": {"claim": ["event#0", {"key": "k", "text": "T"}]}}"#,
            "(changes[0].added.claim[0]): invalid id `event#0`: expected a claim id, as `claim#12`",
        ),
        (
            r#"{"unlinked": {"from": "person#1", "to": "claim#0", "relation": "supports"}}"#,
            "(changes[0].unlinked.from): invalid id `person#1`: `person` is not a kind of entity: \
             expected one of scholar, work, event, explanation, evidence, claim",
        ),
        (
            r#"{"unlinked": {"from": "claim#4294967295", "to": "claim#0", "relation": "supports"}}"#,
            "(changes[0].unlinked.from): invalid id `claim#4294967295`: \
             `4294967295` is not a number from 0 to 4294967294",
        ),
        (
            r#"{"unlinked": {"from": "claim#-1", "to": "claim#0", "relation": "supports"}}"#,
            "(changes[0].unlinked.from): invalid id `claim#-1`: `-1` is not a number from 0 to 4294967294",
        ),
        (
            r#"{"unlinked": {"from": 3, "to": "claim#0", "relation": "supports"}}"#,
            "(changes[0].unlinked.from): invalid type: integer `3`, expected an id written `kind#number`, as `claim#12`",
        ),
        (
            r#"{"linked": {"from": "scholar#0", "to": "claim#0", "relation": {"takes": ["claim#0", {"stance": "advances"}]}}}"#,
            "(changes[0].linked.relation.takes[0]): invalid id `claim#0`: expected a position id, as `position#12`",
        ),
    ];
    for (change, expected) in cases {
        let message = refused(&one(change));
        assert!(
            message.ends_with(expected),
            "{message}\nexpected …{expected}"
        );
    }
}

#[test]
fn entities_that_a_corpus_would_refuse_are_refused() {
    let cases = [
        (
            r#"{"added": {"claim": ["claim#0", {"key": "c", "text": "  "}]}}"#,
            "(changes[0].added.claim[1]): claim `c` has an empty text",
        ),
        (
            r#"{"added": {"scholar": ["scholar#0", {"key": "s", "name": "S", "parts": {"family": "F"}, "literal": true}]}}"#,
            "(changes[0].added.scholar[1]): scholar `s` has both `parts` and `literal` \
             (a name cited as written has no parts): give one",
        ),
        (
            r#"{"added": {"scholar": ["scholar#0", {"key": "s", "name": "S", "parts": {"family": ""}}]}}"#,
            "(changes[0].added.scholar[1]): scholar `s` has an empty parts.family",
        ),
        (
            r#"{"added": {"work": ["work#0", {"key": "w", "title": "W", "authors": ["s"]}]}}"#,
            "(changes[0].added.work[1].authors): unknown field `authors`, expected one of",
        ),
        (
            r#"{"added": {"event": ["event#0", {"key": "e", "name": "E", "when": "1960/1950"}]}}"#,
            "(changes[0].added.event[1].when): period `1960/1950` ends before it starts",
        ),
        (
            r#"{"linked": {"from": "scholar#0", "to": "claim#0", "relation": {"takes": ["position#0", {"stance": "advances", "year": 12000}]}}}"#,
            "(changes[0].linked.relation.takes[1]): invalid date `12000`: year must be from -9999 to 9999",
        ),
        (
            r#"{"linked": {"from": "claim#0", "to": "claim#1", "relation": {"attacks": "ignores"}}}"#,
            "(changes[0].linked.relation.attacks): unknown attack kind `ignores`: expected one of rebuts, undercuts, undermines",
        ),
    ];
    for (change, expected) in cases {
        let message = refused(&one(change));
        assert!(
            message.contains(expected),
            "{message}\nexpected …{expected}"
        );
    }
}

#[test]
fn a_log_of_another_version_or_shape_is_refused() -> Result<()> {
    assert_eq!(
        refused(r#"{"version": 2, "changes": [{"a change of version 2": {}}]}"#),
        "line 1, column 13 (version): unsupported document version 2; this crate reads version 1"
    );
    assert_eq!(
        refused(r#"{"changes": []}"#),
        "line 1, column 15: missing field `version`"
    );
    assert_eq!(
        refused(r#""a log""#),
        "line 1, column 7: invalid type: string \"a log\", expected a change log: {\"version\": 1, \"changes\": [...]}"
    );
    // As serde reads structs, the fields in order also read (formats
    // without field names write them so), the version checked first.
    assert_eq!(
        Changes::from_json(r#"[1, [{"titled": {"old": null, "new": "T"}}]]"#)?.len(),
        1
    );
    assert!(
        refused(r#"[2, [{"a change of version 2": {}}]]"#)
            .ends_with("unsupported document version 2; this crate reads version 1")
    );
    assert!(
        refused(&one(
            r#"{"linked": {"from": "work#0", "to": "scholar#0", "relation": {"contributed_by": {"role": "author", "position": 0, "rank": 1}}}}"#
        ))
        .contains("(changes[0].linked.relation.contributed_by.rank): unknown field `rank`")
    );
    assert!(
        refused(&one(r#"{"titled": {"old": null, "new": "T", "by": "me"}}"#))
            .contains("unknown field `by`")
    );
    assert!(
        refused(r#"{"version": 1, "changes": [], "title": "T"}"#)
            .contains("unknown field `title`, expected `version` or `changes`")
    );
    assert!(matches!(
        Changes::from_json(b"{\"version\": 1, \"changes\": [\xff]}"),
        Err(Error::Utf8 {
            line: 1,
            column: 28,
            byte: 0xff
        })
    ));
    Ok(())
}

/// A log that reads but does not fit the corpus is refused by `apply`,
/// naming the change, and the corpus stays as it was.
#[test]
fn a_log_that_does_not_fit_is_refused_whole() -> Result<()> {
    let golden = std::fs::read_to_string(golden_path()).expect("the golden file");
    let changes = Changes::from_json(&golden)?;
    let mut empty = Corpus::new();
    let before = empty.clone();
    match empty.apply(&changes) {
        // The event the new one lies within is not in an empty corpus.
        Err(Error::Conflict {
            index: 9, reason, ..
        }) => {
            assert_eq!(reason, "event#0 is not live");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(empty, before);
    assert_eq!(empty.to_json(), before.to_json());
    Ok(())
}

/// An id far past the next one is refused, not allocated for; a few ids
/// passed over (a copy that missed rolled-back transactions) are not.
#[test]
fn ids_far_past_the_next_are_refused() -> Result<()> {
    let mut corpus = start()?;
    let before = corpus.clone();
    let far = Changes::from_json(one(
        r#"{"added": {"scholar": ["scholar#4000000000", {"key": "far", "name": "Far"}]}}"#,
    ))?;
    match corpus.apply(&far) {
        Err(Error::Conflict {
            index: 0, reason, ..
        }) => {
            assert_eq!(reason, "it passes over more than 65536 ids never issued");
        }
        other => panic!("{other:?}"),
    }
    let far = Changes::from_json(one(
        r#"{"linked": {"from": "scholar#0", "to": "claim#0", "relation": {"takes": ["position#4000000000", {"stance": "advances"}]}}}"#,
    ))?;
    assert!(matches!(
        corpus.apply(&far),
        Err(Error::Conflict { index: 0, .. })
    ));
    assert_eq!(corpus, before);

    let near = Changes::from_json(one(
        r#"{"added": {"scholar": ["scholar#9", {"key": "near", "name": "Near"}]}}"#,
    ))?;
    corpus.apply(&near)?;
    assert_eq!(corpus.resolve::<ScholarId>("near")?.index(), 9);
    Ok(())
}

/// A link that does not fit is named in the error whatever its numbers:
/// the last place in a list, written from 1, does not overflow.
#[test]
fn a_conflict_names_any_link() -> Result<()> {
    let mut corpus = start()?;
    let before = corpus.clone();
    let log = Changes::from_json(one(
        r#"{"unlinked": {"from": "work#0", "to": "scholar#0", "relation": {"contributed_by": {"role": "editor", "position": 4294967295}}}}"#,
    ))?;
    match corpus.apply(&log) {
        Err(e @ Error::Conflict { index: 0, .. }) => assert_eq!(
            e.to_string(),
            "change 0 (unlink work#0 -[editor 4294967296]-> scholar#0) does not apply: \
             there is no work#0 -[editor 4294967296]-> scholar#0"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(corpus, before);
    Ok(())
}
