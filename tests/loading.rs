//! Reading documents as a stream: any order of sections gives the same
//! corpus, and what the reader checks by itself (repeats within a claim's
//! lists, self-attacks, keys of later sections) gives the same errors as the
//! editing API.

use historiograph::*;
use proptest::prelude::*;

mod common;
use common::{build, plan};

/// The top-level members of a document, in the document's order.
fn members(text: &str) -> Vec<(String, serde_json::Value)> {
    let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let serde_json::Value::Object(map) = value else {
        panic!("not an object")
    };
    map.into_iter().collect()
}

/// A document with the members in this order.
fn document(members: &[(String, serde_json::Value)]) -> String {
    let body: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}: {}", serde_json::to_string(k).unwrap(), v))
        .collect();
    format!("{{{}}}", body.join(",\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Sections in any order, and attacks on later claims, read to the
    /// corpus the canonical document gives.
    #[test]
    fn any_order_of_sections_reads_the_same(plan in plan(0), order in Just(()).prop_perturb(|_, mut rng| {
        let mut order: Vec<usize> = (0..8).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.random_range(0..=i));
        }
        order
    })) {
        let corpus = build(&plan);
        let text = corpus.to_json();
        let members = members(&text);
        let shuffled: Vec<_> = order.iter().filter_map(|&i| members.get(i).cloned()).collect();
        prop_assert_eq!(shuffled.len(), members.len());
        let back = Corpus::from_json(document(&shuffled));
        prop_assert!(back.is_ok(), "{:?}", back.as_ref().err());
        prop_assert_eq!(back.unwrap().to_json(), text);
    }
}

const SECTIONS: &str = r#""version": 1,
"scholars": [{"key": "s", "name": "S"}, {"key": "t", "name": "T"}],
"works": [{"key": "w", "title": "W", "authors": ["s"]}],
"events": [{"key": "e", "name": "E"}],
"explanations": [{"key": "x", "name": "X"}],
"evidence": [{"key": "v1", "kind": "memoir", "description": "V1"}, {"key": "v2", "kind": "memoir", "description": "V2"}]"#;

/// The claim `c` with one extra member, before and after the other
/// sections; both must fail with `expected`, at `path`.
fn check(member: &str, path: &str, expected: &str) {
    let claims = format!(
        r#""claims": [{{"key": "c", "text": "C", "explanation": "x", "events": ["e"], {member}}},
                      {{"key": "d", "text": "D", "explanation": "x", "events": ["e"]}}]"#
    );
    for text in [
        format!("{{{SECTIONS},\n{claims}}}"),
        format!("{{{claims},\n{SECTIONS}}}"),
    ] {
        let error = Corpus::from_json(&text).expect_err("a broken rule");
        let Error::Document { path: at, rule, .. } = &error else {
            panic!("not a document error: {error}")
        };
        assert_eq!(
            (at.as_str(), rule.to_string().as_str()),
            (path, expected),
            "{text}"
        );
    }
}

/// `n` copies of `item` joined, with `item` repeated at the end.
fn list(fill: impl Fn(usize) -> String, n: usize, repeat: &str) -> String {
    let mut items: Vec<String> = (0..n).map(fill).collect();
    items.push(repeat.to_owned());
    items.join(", ")
}

#[test]
fn repeats_in_a_claims_lists_are_errors_at_the_repeat() {
    check(
        r#""stances": [{"scholar": "s", "stance": "advances"}, {"scholar": "s", "stance": "rejects"}]"#,
        "claims[0].stances[1]",
        "stance from `s` to `c` exists already",
    );
    // The same scholar in another work is another position.
    let text = format!(
        r#"{{{SECTIONS}, "claims": [{{"key": "c", "text": "C", "explanation": "x", "events": ["e"],
            "stances": [{{"scholar": "s", "stance": "advances"}}, {{"scholar": "s", "stance": "rejects", "work": "w"}}]}}]}}"#
    );
    assert!(Corpus::from_json(&text).is_ok());
    check(
        r#""cites": [{"evidence": "v1"}, {"evidence": "v2"}, {"evidence": "v1"}]"#,
        "claims[0].cites[2].evidence",
        "citation from `c` to `v1` exists already",
    );
    check(
        r#""attacks": [{"claim": "d"}, {"claim": "d", "kind": "undercuts"}]"#,
        "claims[0].attacks[1].claim",
        "attack from `c` to `d` exists already",
    );
    check(
        r#""supports": ["d", "d"]"#,
        "claims[0].supports[1]",
        "support from `c` to `d` exists already",
    );
    check(
        r#""attacks": [{"claim": "c"}]"#,
        "claims[0].attacks[0].claim",
        "claim `c` cannot attack itself",
    );
    check(
        r#""supports": ["c"]"#,
        "claims[0].supports[0]",
        "claim `c` cannot support itself",
    );
}

#[test]
fn repeats_in_long_lists_are_found_too() {
    // Past 16 items the reader keeps a set instead of scanning.
    let stances = list(
        |i| {
            format!(
                r#"{{"scholar": "s", "stance": "endorses", "year": {}}}"#,
                1950 + i
            )
        },
        40,
        r#"{"scholar": "t", "stance": "advances"}"#,
    );
    // The same scholar outside any work twice is a repeat, whatever the years.
    let text = format!(
        r#"{{{SECTIONS}, "claims": [{{"key": "c", "text": "C", "explanation": "x", "events": ["e"], "stances": [{stances}]}}]}}"#
    );
    let error = Corpus::from_json(&text).expect_err("s repeats");
    assert!(
        error
            .to_string()
            .contains("(claims[0].stances[1]): stance from `s` to `c` exists already"),
        "{error}"
    );
    let keys: Vec<String> = (0..40)
        .map(|i| format!(r#"{{"key": "k{i}", "text": "K", "explanation": "x", "events": ["e"]}}"#))
        .collect();
    let attacks = list(
        |i| format!(r#"{{"claim": "k{i}"}}"#),
        40,
        r#"{"claim": "k7"}"#,
    );
    let text = format!(
        r#"{{{SECTIONS}, "claims": [{{"key": "c", "text": "C", "explanation": "x", "events": ["e"], "attacks": [{attacks}]}}, {}]}}"#,
        keys.join(", ")
    );
    let error = Corpus::from_json(&text).expect_err("k7 repeats");
    assert!(
        error
            .to_string()
            .contains("(claims[0].attacks[40].claim): attack from `c` to `k7` exists already"),
        "{error}"
    );
}

#[test]
fn unknown_keys_are_errors_whatever_the_order() {
    check(
        r#""stances": [{"scholar": "nobody", "stance": "advances"}]"#,
        "claims[0].stances[0].scholar",
        "unknown scholar key `nobody`",
    );
    check(
        r#""stances": [{"scholar": "s", "stance": "advances", "work": "nowhere"}]"#,
        "claims[0].stances[0].work",
        "unknown work key `nowhere`",
    );
    check(
        r#""cites": [{"evidence": "v9"}]"#,
        "claims[0].cites[0].evidence",
        "unknown evidence key `v9`",
    );
    check(
        r#""attacks": [{"claim": "zz"}]"#,
        "claims[0].attacks[0].claim",
        "unknown claim key `zz`",
    );
}

#[test]
fn a_claim_before_its_explanation_is_placed_at_the_end_in_order() {
    // Claims first: every claim waits for the sections, and ids follow the
    // document.
    let text = format!(
        r#"{{"claims": [{{"key": "b", "text": "B", "explanation": "x", "events": ["e"], "attacks": [{{"claim": "a"}}]}},
                       {{"key": "a", "text": "A", "explanation": "x", "events": ["e"]}}],
            {SECTIONS}}}"#
    );
    let corpus = Corpus::from_json(&text).expect("valid");
    let keys: Vec<&str> = corpus.entities::<ClaimId>().map(|(_, c)| c.key()).collect();
    assert_eq!(keys, ["b", "a"]);
    let a: ClaimId = corpus.resolve("a").unwrap();
    assert_eq!(corpus.attackers_of(a).count(), 1);
}

/// What reading gives, for comparing two ways of reading.
fn outcome(read: Result<Corpus, Error>) -> Result<String, String> {
    read.map(|c| c.to_json()).map_err(|e| e.to_string())
}

/// Both ways of reading `text`, into a new corpus and merged into `base`
/// (which a refused document must leave as it was).
fn threads(threads: Threads) -> JsonOptions {
    JsonOptions::new().with_threads(threads)
}

fn agree(text: &str, base: &Corpus) -> Result<(), TestCaseError> {
    let one = outcome(Corpus::from_json_with(text, &threads(Threads::One)));
    let two = outcome(Corpus::from_json_with(text, &threads(Threads::Two)));
    prop_assert_eq!(&one, &two, "{}", text);
    let before = base.to_json();
    let mut merged_one = base.clone();
    let mut merged_two = base.clone();
    let one = merged_one
        .merge_json_with(text, &threads(Threads::One))
        .map_err(|e| e.to_string());
    let two = merged_two
        .merge_json_with(text, &threads(Threads::Two))
        .map_err(|e| e.to_string());
    prop_assert_eq!(&one, &two);
    prop_assert_eq!(merged_one.to_json(), merged_two.to_json());
    if two.is_err() {
        prop_assert_eq!(merged_two.to_json(), before);
    }
    Ok(())
}

/// A change to a document's text: most break it, as a syntax error or as
/// a broken rule (a key cut short, a list entry lost).
#[derive(Debug, Clone)]
enum Cut {
    None,
    /// Removes `len` bytes at `at` (both as fractions of the text, in ‰).
    Remove {
        at: u16,
        len: u16,
    },
    /// Inserts a character at `at`.
    Insert {
        at: u16,
        c: char,
    },
    /// Ends the text at `at`.
    Truncate {
        at: u16,
    },
}

fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        Just(Cut::None),
        (0..1000u16, 1..40u16).prop_map(|(at, len)| Cut::Remove { at, len }),
        (
            0..1000u16,
            prop::sample::select(vec!['"', '}', ']', ',', 'x', '[', ' ', '1'])
        )
            .prop_map(|(at, c)| Cut::Insert { at, c }),
        (0..1000u16).prop_map(|at| Cut::Truncate { at }),
    ]
}

/// The byte offset `permille` ‰ into `text`, moved back to a char boundary.
fn offset(text: &str, permille: u16) -> usize {
    let mut at = text.len() * usize::from(permille) / 1000;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, cut: &Cut) -> String {
    let mut text = text.to_owned();
    match *cut {
        Cut::None => {}
        Cut::Remove { at, len } => {
            let start = offset(&text, at);
            let mut end = (start + usize::from(len)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, "");
        }
        Cut::Insert { at, c } => text.insert(offset(&text, at), c),
        Cut::Truncate { at } => text.truncate(offset(&text, at)),
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Reading on two threads gives the corpus, or the error, that reading
    /// on one does: for whole documents, documents in any order of
    /// sections, and documents cut or broken anywhere.
    #[test]
    fn one_and_two_threads_agree(
        plan in plan(0),
        base in plan(0),
        shuffle in any::<bool>(),
        cuts in prop::collection::vec(cut(), 1..3),
    ) {
        let text = build(&plan).to_json();
        let text = match shuffle {
            true => {
                let mut members = members(&text);
                members.reverse();
                document(&members)
            }
            false => text,
        };
        let base = build(&base);
        let text = cuts.iter().fold(text, |text, cut| apply(&text, cut));
        agree(&text, &base)?;
    }
}

/// A document of `n` claims, the `i`th with `extra` members, to cross
/// many batches of the two-thread reader.
fn many_claims(n: usize, extra: impl Fn(usize) -> String) -> String {
    let claims: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"key": "c{i}", "text": "C{i}", "explanation": "x", "events": ["e"]{}}}"#,
                extra(i)
            )
        })
        .collect();
    format!("{{{SECTIONS},\n\"claims\": [{}]}}", claims.join(",\n"))
}

fn both(text: &str) -> (Result<String, String>, Result<String, String>) {
    (
        outcome(Corpus::from_json_with(text, &threads(Threads::One))),
        outcome(Corpus::from_json_with(text, &threads(Threads::Two))),
    )
}

#[test]
fn two_threads_report_the_first_problem_in_the_document() {
    // A broken rule early, a syntax error late: the rule is reported.
    let mut text = many_claims(5000, |i| match i {
        7 => r#", "attacks": [{"claim": "c7"}]"#.to_owned(),
        _ => String::new(),
    });
    text.insert_str(text.len() - 300, "}}}");
    let (one, two) = both(&text);
    assert_eq!(one, two);
    let error = one.expect_err("a broken rule");
    assert!(
        error.contains("claims[7].attacks[0].claim") && error.contains("cannot attack itself"),
        "{error}"
    );

    // A syntax error early, a broken rule late: the syntax error.
    let mut text = many_claims(5000, |i| match i {
        4000 => r#", "attacks": [{"claim": "c4000"}]"#.to_owned(),
        _ => String::new(),
    });
    let at = text.find(r#""key": "c12""#).unwrap();
    text.insert(at, '}');
    let (one, two) = both(&text);
    assert_eq!(one, two);
    let error = one.expect_err("a syntax error");
    assert!(!error.contains("cannot attack itself"), "{error}");

    // The whole text parses, and the rule is broken only at the end, when
    // waiting references settle: an attack on a claim that never comes.
    let text = many_claims(5000, |i| match i {
        10 => r#", "attacks": [{"claim": "nowhere"}]"#.to_owned(),
        _ => String::new(),
    });
    let (one, two) = both(&text);
    assert_eq!(one, two);
    let error = one.expect_err("an unknown claim");
    assert!(error.contains("claims[10].attacks[0].claim"), "{error}");

    // Trailing text after a document that is otherwise fine.
    let text = format!("{} x", many_claims(3000, |_| String::new()));
    let (one, two) = both(&text);
    assert_eq!(one, two);
    assert!(one.is_err());

    // And a large document that is fine reads the same.
    let text = many_claims(5000, |i| match i % 3 {
        0 if i > 0 => format!(r#", "supports": ["c{}"]"#, i - 1),
        1 if i + 1 < 5000 => format!(r#", "attacks": [{{"claim": "c{}"}}]"#, i + 1),
        _ => String::new(),
    });
    let (one, two) = both(&text);
    assert_eq!(one, two);
    assert!(one.is_ok(), "{one:?}");
}

/// Claims still in the batch the parser had not handed on when it met an
/// error: the builder must see them, as one thread would have.
#[test]
fn claims_parsed_before_a_parse_error_are_checked_on_both() {
    let bad = r#"{"key": "c", "text": "C", "explanation": "x", "events": ["e"], "attacks": [{"claim": "c"}]}"#;
    let unknown = r#"{"key": "c", "text": "C", "explanation": "nope", "events": ["e"]}"#;
    let sections = SECTIONS.replace("\"version\": 1,\n", "");
    for (text, expected) in [
        // A syntax error inside the claims.
        (
            format!(r#"{{{SECTIONS}, "claims": [{bad}, }}"#),
            "cannot attack itself",
        ),
        // An unknown member after the claims.
        (
            format!(r#"{{{SECTIONS}, "claims": [{unknown}], "bogus": 1}}"#),
            "unknown explanation key",
        ),
        // No version at all.
        (
            format!(r#"{{{sections}, "claims": [{unknown}]}}"#),
            "unknown explanation key",
        ),
    ] {
        let (one, two) = both(&text);
        assert_eq!(one, two, "{text}");
        let error = one.expect_err("a broken rule");
        assert!(error.contains(expected), "{error}");
    }
}
