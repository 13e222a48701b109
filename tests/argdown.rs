//! Argdown: the importer on JSON made by the real tool (`tests/data/argdown/`,
//! see its README), the exporter against the files it made, bad input, and
//! a round-trip property test through a model of Argdown's reading of the
//! exporter's subset (the real tool is checked by `tests/dev/argdown_check.py`).

mod common;

use historiograph::*;
use proptest::prelude::*;
use serde_json::{Value, json};

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/argdown/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(name: &str) -> String {
    String::from_utf8(data(name)).expect("UTF-8")
}

fn import(bytes: &[u8]) -> Imported {
    Corpus::from_argdown_json(bytes).unwrap_or_else(|e| panic!("import failed: {e}"))
}

fn unmapped(imported: &Imported) -> Vec<String> {
    imported.unmapped.iter().map(ToString::to_string).collect()
}

fn import_error(bytes: &[u8]) -> Error {
    match Corpus::from_argdown_json(bytes) {
        Ok(_) => panic!("imported: {}", String::from_utf8_lossy(bytes)),
        Err(e) => e,
    }
}

/// `at` of an import error, or the panic of a test that expected one.
fn import_at(bytes: &[u8]) -> (String, String) {
    match import_error(bytes) {
        Error::Import {
            format,
            at,
            message,
        } => {
            assert_eq!(format, "argdown-json");
            (at, message)
        }
        other => panic!("not an import error: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Golden files made by @argdown/cli 1.7.5
// ---------------------------------------------------------------------------

#[test]
fn hand_written_map_reads_as_reviewed() {
    let imported = import(&data("taiwan-1958.json"));
    assert_eq!(imported.corpus.to_json(), text("taiwan-1958.corpus.json"));
    assert_eq!(
        unmapped(&imported),
        [
            "argument `Triangle argument` pcs[2]: inference rule `Balancing` has no place",
            "argument `Triangle argument` pcs[2]: data of an inference has no place",
            "argument `Triangle argument`: the description `Balancing logic drove the shelling.` has no place: the argument is read as its conclusion, statement `Balance`",
            "statement `Balance`: data field `confidence` has no place in a claim",
            "statement `No triangle`: tag `archives`: a claim invokes one explanation, `strategic triangle`",
        ]
    );
}

#[test]
fn hand_written_map_follows_the_conventions() {
    let corpus = import(&data("taiwan-1958.json")).corpus;
    let claim = |key: &str| corpus.resolve::<ClaimId>(key).expect(key);
    let explanation = |key: &str| corpus.resolve::<ExplanationId>(key).expect(key);
    // Tags name explanations; `#(strategic triangle)` becomes a key with `-`.
    assert_eq!(
        corpus.explanation_of(claim("Balance")),
        Some(explanation("strategic-triangle"))
    );
    // No tag, no event: the documented defaults.
    assert_eq!(
        corpus.explanation_of(claim("Triangle-holds")),
        Some(explanation("unspecified"))
    );
    let unspecified: EventId = corpus.resolve("unspecified").expect("default event");
    assert_eq!(
        corpus
            .events_of(claim("Triangle-holds"))
            .collect::<Vec<_>>(),
        [unspecified]
    );
    // `scholar`, `work`, `year` make positions; `evidence` a citation.
    let christensen: ScholarId = corpus.resolve("christensen").expect("scholar");
    let positions: Vec<_> = corpus.positions_on(claim("Mobilize")).collect();
    assert_eq!(positions.len(), 1);
    assert_eq!(positions[0].1, christensen);
    assert_eq!(positions[0].2.stance(), Stance::Advances);
    assert_eq!(corpus.citations(claim("Mobilize")).count(), 1);
    // Premises support the conclusion; the argument is its conclusion.
    assert!(
        corpus
            .supporters_of(claim("Balance"))
            .any(|c| c == claim("Power-shift"))
    );
    assert!(
        corpus
            .supporters_of(claim("Balance"))
            .any(|c| c == claim("Untitled-1"))
    );
    // An undercut of the argument's inference undercuts its conclusion.
    assert_eq!(
        corpus.attackers_of(claim("Balance")).collect::<Vec<_>>(),
        [
            (claim("No-triangle"), AttackKind::Rebuts),
            (claim("Archives"), AttackKind::Undercuts)
        ]
    );
    // Contradictory: a rebuttal each way.
    assert!(
        corpus
            .attacks_by(claim("Triangle-holds"))
            .any(|(c, _)| c == claim("No-triangle"))
    );
    assert!(
        corpus
            .attacks_by(claim("No-triangle"))
            .any(|(c, _)| c == claim("Triangle-holds"))
    );
    assert_eq!(corpus.title(), Some("Why Mao shelled Jinmen"));
}

#[test]
fn strict_relations_map_to_supports_and_attacks() {
    let imported = import(&data("strict.json"));
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    assert_eq!(imported.corpus.to_json(), text("strict.corpus.json"));
    let corpus = imported.corpus;
    let claim = |key: &str| corpus.resolve::<ClaimId>(key).expect(key);
    // entails → support
    assert_eq!(
        corpus.supports_by(claim("B")).collect::<Vec<_>>(),
        [claim("A")]
    );
    // contrary → rebuttal, from → to only
    assert_eq!(
        corpus.attacks_by(claim("C")).collect::<Vec<_>>(),
        [(claim("A"), AttackKind::Rebuts)]
    );
    assert!(!corpus.attacks_by(claim("A")).any(|(c, _)| c == claim("C")));
    // attack on an argument → undermines
    assert!(
        corpus
            .attacks_by(claim("A"))
            .any(|a| a == (claim("Argument-E"), AttackKind::Undermines))
    );
}

#[test]
fn exporter_writes_the_golden_files() {
    assert_eq!(
        sino_soviet_split().to_argdown(),
        text("sino-soviet-split.argdown"),
        "the exporter changed: regenerate tests/data/argdown (see its README)"
    );
    let small = Corpus::from_json(
        String::from_utf8(
            std::fs::read(format!(
                "{}/tests/data/v1-small.json",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("v1-small"),
        )
        .expect("UTF-8"),
    )
    .expect("v1-small");
    assert_eq!(small.to_argdown(), text("v1-small.argdown"));
    let dates = Corpus::from_json(text("../v1-dates.json")).expect("v1-dates");
    assert_eq!(dates.to_argdown(), text("v1-dates.argdown"));
    let marked = Corpus::from_json(text("markup.corpus.json")).expect("markup");
    assert_eq!(marked.to_argdown(), text("markup.argdown"));
}

/// Markup the exporter shows as a statement's text (bold, italic, a link)
/// and markup it keeps in the data read back through the tool as written.
#[test]
fn markup_survives_the_real_tool() {
    let imported = import(&data("markup.json"));
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    assert_eq!(imported.corpus.to_json(), text("markup.corpus.json"));
    assert_eq!(
        markups_of(&imported.corpus),
        [
            Some("Ideology among **several** causes".to_owned()),
            Some(
                "Mao used the crisis to mobilize for the \
                 [Leap](https://en.wikipedia.org/wiki/Great_Leap_Forward)"
                    .to_owned()
            ),
            Some("*Threat perception* drove security policy".to_owned()),
            Some("Threats followed from __China's__ own commitments".to_owned()),
        ]
    );
}

#[test]
fn dated_corpus_survives_the_real_tool() {
    let imported = import(&data("v1-dates.json"));
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    assert_eq!(imported.corpus.to_json(), text("../v1-dates.json"));
}

#[test]
fn claim_dates_read_from_data_and_the_legacy_year() {
    let date = |data: Value| -> Result<Option<String>, Error> {
        let bytes = map(json!({"A": statement("A", data)}), json!([]), json!([]));
        let corpus = Corpus::from_argdown_json(&bytes)?.corpus;
        let a: ClaimId = corpus.resolve("A")?;
        Ok(corpus
            .claim(a)
            .and_then(|c| c.date())
            .map(|d| d.to_string()))
    };
    let date_of = |data: Value| date(data).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        date_of(json!({"date": "1958-08"})).as_deref(),
        Some("1958-08")
    );
    assert_eq!(date_of(json!({"date": "1921~"})).as_deref(), Some("1921~"));
    // An unquoted year is a number in YAML: that year.
    assert_eq!(date_of(json!({"date": 1958})).as_deref(), Some("1958"));
    assert_eq!(date_of(json!({"date": -44})).as_deref(), Some("-0044"));
    // The legacy `year`: the claim's own without a scholar, the positions' with one.
    assert_eq!(date_of(json!({"year": 1958})).as_deref(), Some("1958"));
    assert_eq!(date_of(json!({"scholar": "s", "year": 1990})), None);
    assert_eq!(
        date_of(json!({"scholar": "s", "year": 1990, "date": "1958-08-23"})).as_deref(),
        Some("1958-08-23")
    );
    let error = |data: Value| match date(data) {
        Err(Error::Import { at, message, .. }) => (at, message),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        error(json!({"year": 1958, "date": "1958"})),
        (
            "statement `A` data".to_owned(),
            "claim `A` has both `date` and `year` (the legacy spelling of `date`): give only `date`"
                .to_owned()
        )
    );
    assert_eq!(
        error(json!({"date": "1958-13"})),
        (
            "statement `A` data.date".to_owned(),
            "invalid date `1958-13`: month must be 1 to 12".to_owned()
        )
    );
    assert_eq!(error(json!({"date": 12345})).0, "statement `A` data.date");
    assert_eq!(error(json!({"date": true})).0, "statement `A` data.date");
    assert_eq!(error(json!({"year": 12345})).0, "statement `A` data.year");
    // Natively too, with the statement's place.
    let native = Corpus::from_argdown(b"[A]: a {date: \"1958-08\", year: 1958}");
    assert!(
        matches!(&native, Err(Error::Import { format: "argdown", at, .. }) if at == "statement `A` data"),
        "{native:?}"
    );
}

#[test]
fn builtin_corpus_survives_the_real_tool() {
    let imported = import(&data("sino-soviet-split.json"));
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    assert_eq!(imported.corpus.to_json(), sino_soviet_split().to_json());
}

#[test]
fn small_corpus_survives_the_real_tool() {
    let imported = import(&data("v1-small.json"));
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    let original = std::fs::read_to_string(format!(
        "{}/tests/data/v1-small.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("v1-small");
    assert_eq!(
        imported.corpus.to_json(),
        Corpus::from_json(&original).expect("v1-small").to_json()
    );
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

#[test]
fn every_truncation_fails_cleanly() {
    let bytes = data("strict.json");
    for end in 0..bytes.len() {
        let prefix = &bytes[..end];
        match Corpus::from_argdown_json(prefix) {
            Err(Error::Json { line, column, .. } | Error::Utf8 { line, column, .. }) => {
                assert!(line >= 1 && column >= 1, "at {end}: {line}:{column}")
            }
            Err(other) => panic!("truncated at {end}: {other:?}"),
            Ok(_) => {
                // Only a prefix that is itself a whole JSON value could pass.
                assert!(serde_json::from_slice::<Value>(prefix).is_ok(), "at {end}");
            }
        }
    }
}

#[test]
fn non_utf8_is_an_error_at_its_place() {
    let mut bytes = b"{\n  \"statements\": {\"A\xff".to_vec();
    bytes.extend_from_slice(b"\": 1}}");
    assert_eq!(
        import_error(&bytes),
        Error::Utf8 {
            line: 2,
            column: 20,
            byte: 0xff
        }
    );
}

#[test]
fn another_shape_is_refused_naming_the_field() {
    // The crate's own document is not Argdown JSON.
    let err = import_error(historiograph::SINO_SOVIET_SPLIT_JSON.as_bytes());
    assert!(
        matches!(&err, Error::Json { message, .. } if message.contains("unknown field `version`")),
        "{err}"
    );
    // A required field missing.
    let err = import_error(br#"{"statements": {}, "arguments": {}}"#);
    assert!(
        matches!(&err, Error::Json { message, .. } if message.contains("missing field `relations`")),
        "{err}"
    );
    // A statement of another type (an older export's shape).
    let (at, message) = import_at(
        br#"{"statements": {"A": {"type": "statement", "title": "A"}}, "arguments": {}, "relations": []}"#,
    );
    assert_eq!(at, "statement `A`.type");
    assert!(message.contains("equivalence-class"), "{message}");
    // A field of the wrong shape, with its path.
    let err = import_error(br#"{"statements": {"A": {"type": "equivalence-class", "title": 3}}, "arguments": {}, "relations": []}"#);
    assert!(
        matches!(&err, Error::Json { path, .. } if path == "statements.A.title"),
        "{err:?}"
    );
    // Another version of the conventions.
    let (at, _) = import_at(
        br#"{"statements": {}, "arguments": {}, "relations": [], "sections": [{"title": "T", "data": {"historiograph": 2}}]}"#,
    );
    assert_eq!(at, "section `T` data.historiograph");
}

fn statement(title: &str, data: Value) -> Value {
    json!({"type": "equivalence-class", "title": title,
           "members": [{"text": title}], "data": data})
}

fn map(statements: Value, relations: Value, sections: Value) -> Vec<u8> {
    json!({"statements": statements, "arguments": {}, "relations": relations, "sections": sections})
        .to_string()
        .into_bytes()
}

#[test]
fn dangling_references_name_their_place() {
    // A relation to a statement that is not there.
    let bytes = map(
        json!({"A": statement("A", json!({}))}),
        json!([{"relationType": "attack", "from": "A", "fromType": "equivalence-class",
                "to": "B", "toType": "equivalence-class"}]),
        json!([]),
    );
    assert_eq!(
        import_at(&bytes),
        (
            "relations[0].to".to_owned(),
            "no equivalence-class titled `B`".to_owned()
        )
    );
    // Evidence that no record defines.
    let bytes = map(
        json!({"A": statement("A", json!({"evidence": "n1"}))}),
        json!([]),
        json!([]),
    );
    let (at, message) = import_at(&bytes);
    assert_eq!(at, "statement `A` data.cites[0].evidence");
    assert_eq!(message, "unknown evidence key `n1`");
    // A record that refers to a missing work.
    let bytes = map(
        json!({}),
        json!([]),
        json!([{"title": "Records", "data": {"evidence": [
            {"key": "n1", "kind": "memoir", "description": "d", "work": "w"}]}}]),
    );
    let (at, message) = import_at(&bytes);
    assert_eq!(at, "section `Records` data.evidence[0].work");
    assert_eq!(message, "unknown work key `w`");
    // An unknown relation type.
    let bytes = map(
        json!({"A": statement("A", json!({})), "B": statement("B", json!({}))}),
        json!([{"relationType": "implies", "from": "A", "fromType": "equivalence-class",
                "to": "B", "toType": "equivalence-class"}]),
        json!([]),
    );
    assert_eq!(import_at(&bytes).0, "relations[0].relationType");
}

#[test]
fn missing_or_clashing_ids_are_errors() {
    // Two titles that make one key.
    let bytes = map(
        json!({"A b": statement("A b", json!({})), "A-b": statement("A-b", json!({}))}),
        json!([]),
        json!([]),
    );
    let (at, message) = import_at(&bytes);
    assert_eq!(at, "statement `A-b` data.key");
    assert_eq!(message, "duplicate claim key `A-b`");
    // A record without a key.
    let bytes = map(
        json!({}),
        json!([]),
        json!([{"title": "S", "data": {"scholars": [{"name": "X"}]}}]),
    );
    let (at, message) = import_at(&bytes);
    assert_eq!(at, "section `S` data.scholars[0]");
    assert!(message.contains("missing field `key`"), "{message}");
    // Data of the wrong type.
    let bytes = map(
        json!({"A": statement("A", json!({"event": 3}))}),
        json!([]),
        json!([]),
    );
    assert_eq!(import_at(&bytes).0, "statement `A` data.event");
}

#[test]
fn self_relations_and_unknown_fields_are_unmapped() {
    let bytes = map(
        json!({"A": statement("A", json!({"mood": "grim"}))}),
        json!([{"relationType": "support", "from": "A", "fromType": "equivalence-class",
                "to": "A", "toType": "equivalence-class"}]),
        json!([{"title": "S", "tags": ["t"], "data": {"colour": "red"}}]),
    );
    let imported = import(&bytes);
    assert_eq!(
        unmapped(&imported),
        [
            "section `S`: tag `t` of a heading has no place",
            "section `S` data.colour: this data field has no place in a corpus",
            "relations[0]: support from `A` to `A` joins a claim to itself",
            "statement `A`: data field `mood` has no place in a claim",
        ]
    );
}

// ---------------------------------------------------------------------------
// Round trip through a model of the tool
// ---------------------------------------------------------------------------

/// What `argdown json` makes of the subset `to_argdown` writes: headings
/// with data, statement definitions with a tag and a data line, and
/// relations under a statement reference. Flow YAML in that subset is JSON
/// with bare keys.
fn model_of_argdown(text: &str) -> Vec<u8> {
    // Argdown keeps statements in the order of first mention; serde_json's
    // map would sort them, so the object is written by hand.
    let mut statements: Vec<String> = Vec::new();
    let mut relations = Vec::new();
    let mut sections = Vec::new();
    let mut current: Option<String> = None;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix('#') {
            let heading = heading.trim_start_matches('#').trim_start();
            let (title, data) = match heading.split_once(" {") {
                Some((title, rest)) => (title, Some(flow_to_json(&format!("{{{rest}")))),
                None => (heading, None),
            };
            sections.push(json!({"title": title, "data": data}));
        } else if let Some(rest) = line.strip_prefix('[') {
            let (title, rest) = rest.split_once(']').expect("title");
            if let Some(text) = rest.strip_prefix(": ") {
                let data = lines
                    .next()
                    .map(|l| flow_to_json(l.trim()))
                    .expect("data line");
                let (tags, ranges) = match text.rsplit_once(" #") {
                    Some((before, tag)) if !tag.contains(' ') => {
                        let start = before.encode_utf16().count() + 1;
                        let stop = start + tag.encode_utf16().count();
                        (
                            json!([tag]),
                            json!([{"type": "tag", "start": start, "stop": stop}]),
                        )
                    }
                    _ => (json!([]), json!([])),
                };
                let statement = json!({"type": "equivalence-class", "title": title, "tags": tags,
                       "data": data, "members": [{"text": text, "ranges": ranges}]});
                statements.push(format!("{}: {statement}", Value::from(title)));
            } else {
                current = Some(title.to_owned());
            }
        } else if let Some(rest) = line
            .trim_start()
            .strip_prefix("-> [")
            .or_else(|| line.trim_start().strip_prefix("+> ["))
        {
            let kind = if line.trim_start().starts_with("->") {
                "attack"
            } else {
                "support"
            };
            let to = rest.trim_end_matches(']');
            relations.push(json!({"relationType": kind, "from": current, "to": to,
                                  "fromType": "equivalence-class", "toType": "equivalence-class"}));
        }
    }
    let rest = json!({"arguments": {}, "relations": relations, "sections": sections}).to_string();
    format!(
        "{{\"statements\": {{{}}}, {}",
        statements.join(", "),
        &rest[1..]
    )
    .into_bytes()
}

/// Quotes the bare keys of a YAML flow collection written by the exporter.
fn flow_to_json(flow: &str) -> Value {
    let chars: Vec<char> = flow.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '"' {
            out.push(c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(chars[i]);
                    i += 1;
                }
                out.push(chars[i]);
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '-')
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if chars.get(i) == Some(&':') {
                out.push_str(&format!("\"{word}\""));
            } else {
                out.push_str(&word);
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn model_of_the_tool_agrees_with_the_tool_on_the_builtin_corpus() {
    let modelled = import(&model_of_argdown(&text("sino-soviet-split.argdown")));
    let real = import(&data("sino-soviet-split.json"));
    assert_eq!(modelled.corpus.to_json(), real.corpus.to_json());
}

const ODD: &str = r#"[A-Za-z"\\é日😀{}\[\]#_*<>:./@=~-][A-Za-z0-9 "\\é日😀\t\n\x01\x7f\u{2028}{}\[\]#_*<>:./@=~-]{0,10}"#;

fn odd_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,6}",
        r#"[a-z"\\é日😀{}\[\]#_*<>:./@=~-]{1,6}"#,
    ]
}

/// Random corpora with odd keys and texts (and some plain words); with
/// `markup`, claims may have markup: their text emphasised or linked as
/// the reader writes it, or any other text.
fn corpus(markup: bool) -> impl Strategy<Value = Corpus> {
    let names = prop::collection::vec(ODD, 1..5);
    let text = prop_oneof![3 => ODD.boxed(), 1 => "[A-Z][a-z]{0,5}( [a-z]{1,6}){0,3}".boxed()];
    let marked = match markup {
        true => prop::option::of((0u8..4, ODD)).boxed(),
        false => Just(None).boxed(),
    };
    let claims = prop::collection::vec(
        (
            odd_key(),
            (text, marked),
            any::<prop::sample::Index>(),
            any::<bool>(),
            prop::option::of(common::any_date()),
        ),
        1..8,
    );
    let evidence = prop::collection::vec(
        (
            ODD,
            prop::option::of(common::plausible_date()),
            any::<bool>(),
        ),
        0..4,
    );
    let relations = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            0u8..4,
        ),
        0..12,
    );
    (prop::option::of(ODD), names, claims, relations, evidence).prop_map(
        |(title, names, claims, relations, evidence)| {
            let mut c = Corpus::new();
            c.set_title(title);
            let mut explanations = Vec::new();
            let mut parent = None;
            for (i, name) in names.iter().enumerate() {
                // Odd keys, made unique by their place: two names may be alike.
                let key = if i % 2 == 0 {
                    format!("x{i}")
                } else {
                    format!("{name:?}{i}").replace(' ', "_")
                };
                let x = c
                    .add_explanation(Explanation::new(key, name.clone()), parent)
                    .expect("explanation");
                parent = (i % 3 == 1).then_some(x);
                explanations.push(x);
            }
            let event = c
                .add_event(
                    Event::new("e", "E").with_when("1958/..".parse::<When>().expect("when")),
                    None,
                )
                .expect("event");
            let scholar = c
                .add_scholar(Scholar::new("s{", "S").with_born(1900))
                .expect("scholar");
            let mut cited = Vec::new();
            for (i, (description, date, cite)) in evidence.iter().enumerate() {
                let mut item =
                    Evidence::new(format!("v{i}"), EvidenceKind::Other, description.clone());
                if let Some(date) = date {
                    item = item.with_date(*date);
                }
                let id = c.add_evidence(item, None).expect("evidence");
                if *cite {
                    cited.push(id);
                }
            }
            let mut ids = Vec::new();
            for (i, (key, (text, marked), explanation, denies, date)) in claims.iter().enumerate() {
                let mut claim = Claim::new(format!("{key}{i}"), text.clone());
                if let Some((kind, other)) = marked {
                    claim = claim.with_markup(common::markup(text, *kind, other.clone()));
                }
                if *denies {
                    claim = claim.with_polarity(Polarity::Denies);
                }
                if let Some(date) = date {
                    claim = claim.with_date(*date);
                }
                let id = c
                    .add_claim(claim, *explanation.get(&explanations), [event])
                    .expect("claim");
                if i % 2 == 0 {
                    c.add_position(scholar, id, Position::new(Stance::Qualifies).in_year(1999))
                        .expect("position");
                }
                for &evidence in &cited {
                    c.cite(id, evidence, Bearing::Supports).expect("citation");
                }
                ids.push(id);
            }
            for (from, to, kind) in relations {
                let (from, to) = (*from.get(&ids), *to.get(&ids));
                let _ = match kind {
                    0 => c.attack(from, to, AttackKind::Rebuts),
                    1 => c.attack(from, to, AttackKind::Undercuts),
                    2 => c.attack(from, to, AttackKind::Undermines),
                    _ => c.support(from, to),
                };
            }
            c
        },
    )
}

proptest! {
    /// The model knows no inline formatting: markup is left to the native
    /// reader, which agrees with the tool on the formatting map.
    #[test]
    fn corpora_survive_the_model_of_the_tool(corpus in corpus(false)) {
        let text = corpus.to_argdown();
        let imported = Corpus::from_argdown_json(model_of_argdown(&text))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(imported.is_lossless(), "{:?}", imported.unmapped);
        prop_assert_eq!(imported.corpus.to_json(), corpus.to_json());
    }
}

// ---------------------------------------------------------------------------
// The native reader agrees with the tool
// ---------------------------------------------------------------------------

#[test]
fn native_reader_agrees_with_the_tool_on_every_golden_file() {
    for name in [
        "taiwan-1958",
        "strict",
        "features",
        "random-map-1",
        "random-map-2",
        "sino-soviet-split",
        "v1-small",
        "v1-dates",
        "markup",
    ] {
        let native = Corpus::from_argdown(data(&format!("{name}.argdown")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let tool = import(&data(&format!("{name}.json")));
        assert_eq!(native.corpus.to_json(), tool.corpus.to_json(), "{name}");
        assert_eq!(unmapped(&native), unmapped(&tool), "{name}");
    }
}

#[test]
fn more_of_argdown_reads_as_reviewed() {
    let imported = import(&data("features.json"));
    assert_eq!(imported.corpus.to_json(), text("features.corpus.json"));
    assert_eq!(
        unmapped(&imported),
        [
            "argument `Chain` pcs[4]: inference rule `Generalisation` has no place",
            "argument `Chain`: the description `A two-step argument.` has no place: the argument is read as its conclusion, statement `End`",
        ]
    );
}

fn syntax_error(text: &str) -> (usize, String) {
    match Corpus::from_argdown(text.as_bytes()) {
        Err(Error::Syntax {
            format,
            line,
            message,
        }) => {
            assert_eq!(format, "argdown");
            (line, message)
        }
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn native_reader_names_the_line_of_what_it_cannot_read() {
    assert_eq!(
        syntax_error("[A]: a\n\n  - [B]: b\n"),
        (3, "relation `-` with nothing to relate to".to_owned())
    );
    assert_eq!(
        syntax_error("[A]: a {event: [x}\n"),
        (1, "expected `,` or `]`, found `}`".to_owned())
    );
    assert_eq!(syntax_error("[A: a\n").0, 1);
    assert_eq!(syntax_error("===\nmodel: x\n").0, 1);
    assert_eq!(syntax_error("\n\n-- rule --\n").0, 3);
    assert_eq!(
        syntax_error("<A>\n\n(1) [P]: p\n(2) [Q]: q\n").0,
        3,
        "a structure must end with a conclusion: where it starts"
    );
    assert_eq!(syntax_error("{a: 1}\n").0, 1);
    assert_eq!(syntax_error("[A]: a\n  >< <B>\n").0, 2);
    // Not UTF-8: an error at the place.
    assert!(matches!(
        Corpus::from_argdown(b"[A]: a\n[B]: \xff"),
        Err(Error::Utf8 {
            line: 2,
            column: 6,
            ..
        })
    ));
    // Dangling: an undefined record is an import error naming the statement.
    match Corpus::from_argdown(b"[A]: a {evidence: n1}") {
        Err(Error::Import { format, at, .. }) => {
            assert_eq!(
                (format, at.as_str()),
                ("argdown", "statement `A` data.cites[0].evidence")
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn native_reader_never_panics_on_mangled_maps() {
    let text = text("taiwan-1958.argdown");
    let chars: Vec<char> = text.chars().collect();
    for end in 0..chars.len() {
        let prefix: String = chars[..end].iter().collect();
        let _ = Corpus::from_argdown(prefix.as_bytes());
    }
    for (i, c) in chars.iter().enumerate().step_by(7) {
        for replacement in ['[', ']', '{', '}', '<', '>', '(', '-', '#', '\n', '"', ' '] {
            if *c != replacement {
                let mut mangled = chars.clone();
                mangled[i] = replacement;
                let mangled: String = mangled.into_iter().collect();
                let _ = Corpus::from_argdown(mangled.as_bytes());
            }
        }
    }
}

proptest! {
    #[test]
    fn corpora_survive_the_native_reader(corpus in corpus(true)) {
        let text = corpus.to_argdown();
        let imported = Corpus::from_argdown(text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(imported.is_lossless(), "{:?}", imported.unmapped);
        prop_assert_eq!(imported.corpus.to_json(), corpus.to_json());
    }
}

// ---------------------------------------------------------------------------
// Hand-written maps in the styles of the Argdown documentation
// (`tests/data/argdown/styles/`, JSON by @argdown/cli 1.7.5)
// ---------------------------------------------------------------------------

/// The names of the hand-written maps, sorted.
fn styles() -> Vec<String> {
    let dir = format!("{}/tests/data/argdown/styles", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".argdown")?.to_owned())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn hand_written_maps_read_the_same_natively_and_through_the_tool() {
    let names = styles();
    assert!(names.len() >= 8, "{names:?}");
    for name in names {
        let native = Corpus::from_argdown(data(&format!("styles/{name}.argdown")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let tool = import(&data(&format!("styles/{name}.json")));
        assert!(native.corpus == tool.corpus, "{name}");
        assert_eq!(native.corpus.to_json(), tool.corpus.to_json(), "{name}");
        assert_eq!(unmapped(&native), unmapped(&tool), "{name}");
    }
}

fn native(text: &str) -> Imported {
    Corpus::from_argdown(text.as_bytes()).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// The keys and texts of the claims, in the corpus document's order.
fn claims_of(corpus: &Corpus) -> Vec<(String, String)> {
    let json: Value = serde_json::from_str(&corpus.to_json()).expect("JSON");
    json["claims"]
        .as_array()
        .map(|claims| {
            claims
                .iter()
                .map(|c| {
                    (
                        c["key"].as_str().unwrap_or_default().to_owned(),
                        c["text"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn texts_of(corpus: &Corpus) -> Vec<String> {
    claims_of(corpus)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

#[test]
fn every_kind_of_comment_is_skipped_and_untitled_numbers_follow_the_tool() {
    let text = "/* a block\n   comment */\n<!-- an html\ncomment -->\n// a line\n\
                [A]: a /* inline */ b\n  - first <!-- x --> one // end\n\n\
                second\n";
    let imported = native(text);
    let keys: Vec<String> = claims_of(&imported.corpus)
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    assert_eq!(keys, ["A", "Untitled-1", "Untitled-2"]);
    assert_eq!(texts_of(&imported.corpus), ["a b", "first one", "second"]);
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
}

#[test]
fn data_blocks_across_lines_are_read() {
    let text = "[A]: a\n  {\n    event: split\n    scholar:\n      - luthi\n    year: 2008\n  }\n\n\
                [B]: b\n  {event: split,\n   polarity: denies}\n";
    let corpus = native(text).corpus;
    let json: Value = serde_json::from_str(&corpus.to_json()).expect("JSON");
    assert_eq!(json["claims"][0]["events"], json!(["split"]));
    assert_eq!(json["claims"][0]["stances"][0]["scholar"], json!("luthi"));
    assert_eq!(json["claims"][0]["stances"][0]["year"], json!(2008));
    assert_eq!(json["claims"][1]["polarity"], json!("denies"));
    // An error inside names its own line.
    assert_eq!(syntax_error("[A]: a\n  {\n    a: 1\n    a: 2\n  }\n").0, 4);
}

/// The markup of each claim, in the corpus document's order.
fn markups_of(corpus: &Corpus) -> Vec<Option<String>> {
    let json: Value = serde_json::from_str(&corpus.to_json()).expect("JSON");
    json["claims"]
        .as_array()
        .map(|claims| {
            claims
                .iter()
                .map(|c| c["markup"].as_str().map(ToOwned::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn inline_formatting_is_stripped_and_kept_as_markup() {
    let imported =
        native("[A]: **Bold**, __strong__, *it* and _em_ with [a link](http://x.org) :+1: #x\n");
    assert_eq!(
        texts_of(&imported.corpus),
        ["Bold, strong, it and em with a link 👍"]
    );
    assert_eq!(
        markups_of(&imported.corpus),
        [Some(
            "**Bold**, **strong**, *it* and *em* with [a link](http://x.org) 👍".to_owned()
        )]
    );
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    // Data may give the markup; with its own `text`, the statement's
    // formatting is for show.
    let given = native("[A]: a *b* {markup: \"a **b**\"}\n[B]: c *d* {text: c d}\n");
    assert_eq!(
        markups_of(&given.corpus),
        [Some("a **b**".to_owned()), None]
    );
    assert!(given.is_lossless(), "{:?}", given.unmapped);
    // Markers that open nothing, and escaped ones, stay as written.
    let plain = native("[A]: 2 * 3 and a\\_b\n");
    assert_eq!(texts_of(&plain.corpus), ["2 * 3 and a_b"]);
    assert_eq!(markups_of(&plain.corpus), [None]);
    // A link at the start is text, not a title.
    let linked = native("[A]: a\n  + [the text](http://x.org) b\n");
    assert_eq!(texts_of(&linked.corpus), ["a", "the text b"]);
    let described = native("<A>: [the text](http://x.org) b\n");
    assert_eq!(texts_of(&described.corpus), ["the text b"]);
    assert!(plain.is_lossless());
    // Emphasis never closed is an error on its line, as for the tool.
    assert_eq!(syntax_error("[A]: a\n[B]: snake_case\n").0, 2);
    assert_eq!(syntax_error("[A]: a **b\n").0, 1);
}

#[test]
fn formatting_survives_argdown_to_corpus_and_back() {
    let line = "[A]: It was **not** *only* [ideology](http://x.org/a?b=1) #ideology";
    let first = native(&format!("{line}\n")).corpus;
    let argdown = first.to_argdown();
    assert!(argdown.contains(&format!("{line}\n")), "{argdown}");
    let again = native(&argdown);
    assert!(again.is_lossless(), "{:?}", again.unmapped);
    assert_eq!(again.corpus.to_json(), first.to_json());

    // Markup a statement cannot show as written travels in its data: here
    // the words are not plain Argdown, there the markup is not the words.
    let mut corpus = first;
    let x: ExplanationId = corpus.resolve("ideology").expect("explanation");
    let e: EventId = corpus.resolve("unspecified").expect("event");
    for (key, text, markup) in [("b", "a_b c", "a_b *c*"), ("c", "d e", "*f* e")] {
        let claim = Claim::new(key, text).with_markup(markup);
        corpus.add_claim(claim, x, [e]).expect("claim");
    }
    let argdown = corpus.to_argdown();
    assert!(argdown.contains("[b]: a b c #ideology\n  {text: \"a_b c\", events: [\"unspecified\"], markup: \"a_b *c*\"}"), "{argdown}");
    assert!(
        argdown.contains("[c]: d e #ideology\n  {events: [\"unspecified\"], markup: \"*f* e\"}"),
        "{argdown}"
    );
    let back = native(&argdown);
    assert!(back.is_lossless(), "{:?}", back.unmapped);
    assert_eq!(back.corpus.to_json(), corpus.to_json());
}

/// `text` with comment lines put before some of its lines.
fn with_comment_lines(text: &str, places: &[(usize, usize)]) -> String {
    const COMMENTS: [&str; 4] = [
        "// a comment",
        "/* a block */",
        "<!-- html -->",
        "/* two\nlines */",
    ];
    let mut lines: Vec<String> = text.lines().map(ToOwned::to_owned).collect();
    let mut sorted = places.to_vec();
    sorted.sort_unstable();
    for &(at, kind) in sorted.iter().rev() {
        let at = at % (lines.len() + 1);
        lines.insert(at, COMMENTS[kind % COMMENTS.len()].to_owned());
    }
    lines.join("\n") + "\n"
}

proptest! {
    #[test]
    fn comment_lines_change_nothing(
        corpus in corpus(true),
        places in proptest::collection::vec((0usize..200, 0usize..4), 0..6),
    ) {
        let text = corpus.to_argdown();
        let commented = with_comment_lines(&text, &places);
        let plain = Corpus::from_argdown(text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let read = Corpus::from_argdown(commented.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{commented}")))?;
        prop_assert_eq!(read.corpus.to_json(), plain.corpus.to_json(), "{}", commented);
        prop_assert_eq!(unmapped(&read), unmapped(&plain));
    }
}
