//! CSL-JSON: import of a bibliography (golden file), export (golden file),
//! round trips, all-or-nothing merges and bad input.

use historiograph::*;
use proptest::prelude::*;

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/csl/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(name: &str) -> String {
    String::from_utf8(data(name)).expect("UTF-8")
}

fn csl_error(bytes: &[u8]) -> (String, String) {
    match Corpus::from_csl_json(bytes) {
        Err(Error::Import {
            format,
            at,
            message,
        }) => {
            assert_eq!(format, "csl-json");
            (at, message)
        }
        Err(other) => panic!("not an import error: {other:?}"),
        Ok(_) => panic!("imported: {}", String::from_utf8_lossy(bytes)),
    }
}

/// A corpus with the scholars of `corpus` and nothing else.
fn scholars_of(corpus: &Corpus) -> Corpus {
    let mut out = Corpus::new();
    for (_, scholar) in corpus.entities::<ScholarId>() {
        out.add_scholar(scholar.clone()).expect("scholar");
    }
    out
}

/// A corpus with the scholars and works of `corpus` and nothing else.
fn bibliography_of(corpus: &Corpus) -> Corpus {
    let mut out = scholars_of(corpus);
    for (id, work) in corpus.entities::<WorkId>() {
        let copy = out.add_work(work.clone(), []).expect("work");
        for role in Role::ALL {
            let scholars: Vec<ScholarId> = corpus
                .contributors_as(id, role)
                .map(|s| out.resolve(corpus.key(s).expect("live")).expect("copied"))
                .collect();
            out.set_contributors(copy, role, scholars)
                .expect("contributors");
        }
    }
    out
}

#[test]
fn bibliography_reads_as_reviewed() {
    let imported = Corpus::from_csl_json(data("bibliography.json")).expect("import");
    assert_eq!(imported.corpus.to_json(), text("bibliography.corpus.json"));
    let unmapped: Vec<String> = imported.unmapped.iter().map(ToString::to_string).collect();
    assert_eq!(
        unmapped,
        [
            "items[0].ISBN: CSL variable with no place in a work",
            "items[0].number-of-pages: CSL variable with no place in a work",
            "items[1].DOI: CSL variable with no place in a work",
            "items[3].issued.date-parts[1]: the end of a date range has no place: a work has one date",
            "items[4].type: CSL type `legal_case` is read as `other`",
            "items[4].issued.literal: date variable with no place in a work",
            "items[4].issued.season: date variable with no place in a work",
            "items[4].author[1].parse-names: name part with no place in a scholar",
            "items[4].URL: CSL variable with no place in a work",
        ]
    );
}

#[test]
fn authors_become_scholars_by_the_documented_rule() {
    let corpus = Corpus::from_csl_json(data("bibliography.json"))
        .expect("import")
        .corpus;
    let name = |key: &str| {
        let id: ScholarId = corpus.resolve(key).expect(key);
        corpus.scholar(id).map(|s| s.name().to_owned())
    };
    assert_eq!(name("luthi").as_deref(), Some("Lorenz M. Lüthi"));
    assert_eq!(
        name("central-committee-of-the-ccp").as_deref(),
        Some("Central Committee of the CCP")
    );
    assert_eq!(name("jian").as_deref(), Some("Chen Jian"));
    // Family name `Chen` is free, so the particle does not enter the key.
    assert_eq!(name("chen").as_deref(), Some("Jian de Chen"));
    // A family-first name keeps its parts; a usual one needs none.
    let mao: ScholarId = corpus.resolve("mao").expect("mao");
    let mao = corpus.scholar(mao).expect("live");
    assert_eq!(mao.name(), "Mao Zedong");
    assert!(mao.parts().is_some_and(NameParts::is_family_first));
    let luthi: ScholarId = corpus.resolve("luthi").expect("luthi");
    assert_eq!(corpus.scholar(luthi).and_then(Scholar::parts), None);
    // An institution is cited as written.
    let ccp: ScholarId = corpus.resolve("central-committee-of-the-ccp").expect("ccp");
    assert!(corpus.scholar(ccp).is_some_and(Scholar::has_literal_name));
    // Editors and translators keep their roles; one scholar may hold both.
    let on_war: WorkId = corpus.resolve("clausewitz-1976").expect("On War");
    let roles: Vec<(Role, &str)> = corpus
        .contributors(on_war)
        .map(|(role, s)| (role, corpus.key(s).expect("live")))
        .collect();
    assert_eq!(
        roles,
        [
            (Role::Author, "clausewitz"),
            (Role::Editor, "howard"),
            (Role::Editor, "paret"),
            (Role::Translator, "howard"),
            (Role::Translator, "paret"),
        ]
    );
    let walt: WorkId = corpus.resolve("walt-1997").expect("walt");
    let walt = corpus.work(walt).expect("live");
    assert_eq!(
        (walt.volume(), walt.issue(), walt.page()),
        (Some("39"), Some("1"), Some("156-179"))
    );
    let work: WorkId = corpus.resolve("42").expect("numeric id");
    assert_eq!(corpus.work(work).map(|w| w.kind()), Some(WorkKind::Other));
    let telegram: WorkId = corpus.resolve("telegram-1958").expect("telegram");
    let issued = corpus
        .work(telegram)
        .and_then(|w| w.issued())
        .expect("dated");
    assert_eq!(issued.to_string(), "1958-08-23~");
}

#[test]
fn existing_scholars_are_matched_by_name_and_keys_stay_unique() {
    let mut corpus = Corpus::new();
    let luthi = corpus
        .add_scholar(Scholar::new("lorenz", "Lorenz M. Lüthi"))
        .expect("scholar");
    corpus
        .add_scholar(Scholar::new("walt", "Someone Else Walt"))
        .expect("scholar");
    let works = corpus
        .merge_csl_json(data("bibliography.json"))
        .expect("merge")
        .works;
    assert_eq!(works.len(), 7);
    assert_eq!(corpus.authors(works[0]).collect::<Vec<_>>(), [luthi]);
    // `walt` is taken by another name: the given name is added.
    let walt: ScholarId = corpus.resolve("walt-stephen-m").expect("second walt");
    assert_eq!(corpus.authors(works[1]).collect::<Vec<_>>(), [walt]);
}

#[test]
fn exporter_writes_the_golden_file() {
    assert_eq!(
        sino_soviet_split().to_csl_json(),
        text("sino-soviet-split.json"),
        "the exporter changed: regenerate tests/data/csl/sino-soviet-split.json"
    );
}

#[test]
fn builtin_works_survive_the_round_trip() {
    let corpus = sino_soviet_split();
    let mut back = scholars_of(&corpus);
    let Merged {
        works, unmapped, ..
    } = back.merge_csl_json(corpus.to_csl_json()).expect("merge");
    assert!(unmapped.is_empty(), "{unmapped:?}");
    assert_eq!(works.len(), corpus.count::<WorkId>());
    assert_eq!(back.to_json(), bibliography_of(&corpus).to_json());
}

#[test]
fn fresh_import_keeps_works_and_author_names() {
    let corpus = sino_soviet_split();
    let imported = Corpus::from_csl_json(corpus.to_csl_json().as_bytes()).expect("import");
    assert!(imported.is_lossless());
    let back = imported.corpus;
    for (id, work) in corpus.entities::<WorkId>() {
        let other: WorkId = back.resolve(work.key()).expect("same key");
        assert_eq!(back.work(other), Some(work));
        let names = |c: &Corpus, w: WorkId| -> Vec<String> {
            c.authors(w)
                .filter_map(|s| c.scholar(s).map(|s| s.name().to_owned()))
                .collect()
        };
        assert_eq!(names(&back, other), names(&corpus, id));
    }
}

#[test]
fn a_failed_merge_changes_nothing() {
    let mut corpus = sino_soviet_split();
    let before = corpus.to_json();
    // The second item clashes with a work the corpus has.
    let csl =
        br#"[{"id": "new-work", "title": "New", "author": [{"family": "Newman", "given": "A."}]},
                  {"id": "luthi-2008", "title": "Again"}]"#;
    match corpus.merge_csl_json(csl) {
        Err(Error::Import { at, message, .. }) => {
            assert_eq!(at, "items[1].id");
            assert_eq!(message, "duplicate work key `luthi-2008`");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(corpus.to_json(), before);
    assert!(corpus.lookup::<ScholarId>("newman").is_none());
}

#[test]
fn bad_input_names_item_and_field() {
    let cases: [(&[u8], &str, &str); 12] = [
        (
            br#"{"items": []}"#,
            "top level",
            "expected an array of CSL items, found an object",
        ),
        (br#"[{"title": "T"}]"#, "items[0].id", "an item needs an id"),
        (
            br#"[{"id": "a", "title": "T"}, {"id": "b"}]"#,
            "items[1].title",
            "a work needs a title",
        ),
        (
            br#"[{"id": "a", "title": " "}]"#,
            "items[0].title",
            "work `a` has an empty title",
        ),
        (
            br#"[{"id": "a b", "title": "T"}]"#,
            "items[0].id",
            "invalid work key `a b`: a key may not contain white space or control characters",
        ),
        (
            br#"[{"id": true, "title": "T"}]"#,
            "items[0].id",
            "expected a text or a number, found a boolean",
        ),
        (br#"[3]"#, "items[0]", "expected an object, found a number"),
        (
            br#"[{"id": "a", "title": "T", "issued": {"date-parts": [[1958, 13]]}}]"#,
            "items[0].issued.date-parts[0]",
            "invalid date `1958-13`: month must be 1 to 12",
        ),
        (
            br#"[{"id": "a", "title": "T", "issued": {"date-parts": [[1958, 2, 30]]}}]"#,
            "items[0].issued.date-parts[0]",
            "invalid date `1958-02-30`: no such day in that month",
        ),
        (
            br#"[{"id": "a", "title": "T", "issued": {"raw": "May 1958"}}]"#,
            "items[0].issued.raw",
            "invalid date `May 1958`: expected a four-digit year (YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            br#"[{"id": "a", "title": "T", "issued": {"date-parts": [["x"]]}}]"#,
            "items[0].issued.date-parts[0]",
            "date parts must be whole numbers",
        ),
        (
            br#"[{"id": "a", "title": "T", "author": [{"suffix": "Jr."}]}]"#,
            "items[0].author[0]",
            "a name needs `family`, `given` or `literal`",
        ),
    ];
    for (input, at, message) in cases {
        assert_eq!(
            csl_error(input),
            (at.to_owned(), message.to_owned()),
            "{}",
            String::from_utf8_lossy(input)
        );
    }
    // The crate's own document is another format: refused at the top.
    let (at, _) = csl_error(historiograph::SINO_SOVIET_SPLIT_JSON.as_bytes());
    assert_eq!(at, "top level");
}

#[test]
fn truncated_and_non_utf8_input_fail_with_a_position() {
    let bytes = data("bibliography.json");
    for end in 0..bytes.len() {
        match Corpus::from_csl_json(&bytes[..end]) {
            Err(Error::Json { line, column, .. } | Error::Utf8 { line, column, .. }) => {
                assert!(line >= 1 && column >= 1, "at {end}")
            }
            Ok(_) => assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes[..end]).is_ok(),
                "at {end}"
            ),
            Err(other) => panic!("truncated at {end}: {other:?}"),
        }
    }
    let bad = b"[\n {\"id\": \"a\xc3\", \"title\": \"T\"}]";
    assert!(matches!(
        Corpus::from_csl_json(bad),
        Err(Error::Utf8 {
            line: 2,
            column: 11,
            ..
        })
    ));
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-zé]{1,6} [A-Z]\\. [A-Z][a-zü]{1,8}",
        "[A-Za-z][A-Za-z\"\\\\é日😀{}\t ]{0,8}",
        "[A-Za-z]{1,4}  [A-Za-z]{1,4}",
    ]
}

fn date() -> impl Strategy<Value = Option<Date>> {
    prop::option::of(
        (-9999i32..=9999, 0u8..=14, 0u8..=28, any::<bool>()).prop_map(|(y, m, d, circa)| {
            let date = match (m, d) {
                (13, _) => Date::decade_of(y),
                (14, _) => Date::century_of(y),
                (0, _) => Date::from_year(y),
                (m, 0) => Date::from_year_month(y, m).expect("month"),
                (m, d) => Date::from_ymd(y, m, d).expect("day"),
            };
            if circa { date.approximate() } else { date }
        }),
    )
}

/// A scholar: a name read the usual way, a family-first name with its
/// parts, or a name cited as written.
fn scholar() -> impl Strategy<Value = (String, u8)> {
    prop_oneof![
        name().prop_map(|n| (n, 0)),
        "[A-Z][a-z]{1,5} [A-Z][a-z]{1,6}".prop_map(|n| (n, 1)),
        "[A-Z][a-z]{1,5} (von|van der) [A-Z][a-z]{1,6}".prop_map(|n| (n, 2)),
        "[A-Z][a-z]{0,5}( [a-zA-Z]{1,5}){0,3}".prop_map(|n| (n, 3)),
    ]
}

fn with_naming(scholar: Scholar, naming: u8) -> Scholar {
    let name = scholar.name().to_owned();
    let words: Vec<&str> = name.split(' ').collect();
    match (naming, words.as_slice()) {
        (1, [family, given]) => scholar.with_parts(
            NameParts::new(*family)
                .with_given(*given)
                .with_family_first(),
        ),
        // A particle that styles drop: the usual reading keeps it.
        (2, [given, particle @ .., family]) => scholar.with_parts(
            NameParts::new(*family)
                .with_given(*given)
                .with_dropping_particle(particle.join(" ")),
        ),
        (3, _) => scholar.with_literal_name(),
        _ => scholar,
    }
}

prop_compose! {
    fn bibliography()(
        names in prop::collection::btree_map(scholar(), any::<()>(), 0..5),
        works in prop::collection::vec(
            ("[a-z0-9\"é{}:/.-]{1,10}", "[A-Za-z \"\\\\é日\n]{0,10}[A-Za-z]", date(),
             prop::collection::vec((any::<prop::sample::Index>(), 0usize..3), 0..5),
             prop::collection::vec(prop::option::of("[A-Za-z0-9 ,.\"-]{1,12}"), 9),
             0usize..15),
            0..6),
    ) -> Corpus {
        let mut corpus = Corpus::new();
        let mut seen = std::collections::BTreeSet::new();
        let scholars: Vec<ScholarId> = names
            .keys()
            .filter(|(n, _)| seen.insert(n.clone()))
            .enumerate()
            .map(|(i, (n, naming))| {
                let scholar = with_naming(Scholar::new(format!("s{i}"), n.clone()), *naming);
                corpus.add_scholar(scholar).expect("scholar")
            })
            .collect();
        let kinds = WorkKind::ALL;
        for (i, (key, title, issued, contributors, extras, kind)) in works.into_iter().enumerate() {
            let mut work = Work::new(format!("{key}{i}"), title).with_kind(kinds[kind]);
            if let Some(date) = issued {
                work = work.with_issued(date);
            }
            let setters: [fn(Work, String) -> Work; 9] = [Work::with_container_title, Work::with_volume,
                Work::with_issue, Work::with_page, Work::with_publisher,
                Work::with_publisher_place, Work::with_archive, Work::with_archive_location, Work::with_note];
            for (value, set) in extras.into_iter().zip(setters) {
                if let Some(value) = value {
                    work = set(work, value);
                }
            }
            let mut lists: [Vec<ScholarId>; 3] = Default::default();
            if !scholars.is_empty() {
                for (a, role) in contributors {
                    let s = *a.get(&scholars);
                    if !lists[role].contains(&s) {
                        lists[role].push(s);
                    }
                }
            }
            let [authors, editors, translators] = lists;
            let id = corpus.add_work(work, authors).expect("work");
            corpus.set_contributors(id, Role::Editor, editors).expect("editors");
            corpus.set_contributors(id, Role::Translator, translators).expect("translators");
        }
        corpus
    }
}

proptest! {
    #[test]
    fn works_survive_csl(corpus in bibliography()) {
        let mut back = scholars_of(&corpus);
        let unmapped = back
            .merge_csl_json(corpus.to_csl_json())
            .map(|merged| merged.unmapped)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", corpus.to_csl_json())))?;
        prop_assert!(unmapped.is_empty(), "{:?}", unmapped);
        prop_assert_eq!(back.to_json(), corpus.to_json());
    }
}
