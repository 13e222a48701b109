//! AIF: reading AIFdb, OVA and xAIF files, writing corpora as AIF, the
//! lossless round trip through the `historiograph` extension, golden files
//! (real AIFdb/OVA files and hand-written ones) and bad input.
//!
//! Golden outputs are `tests/data/aif/NAME.corpus.json` (the corpus as a
//! document) and `NAME.unmapped.txt` (what was left out, one per line).
//! Run with `HISTORIOGRAPH_BLESS=1` to rewrite them after a deliberate change.

mod common;

use std::path::PathBuf;

use historiograph::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use common::{build, markup, plan, text};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/aif")
        .join(name)
}

fn bless() -> bool {
    std::env::var_os("HISTORIOGRAPH_BLESS").is_some()
}

/// Compares `actual` with the golden file `name` (or writes it, blessing).
fn check_golden(name: &str, actual: &str) {
    let path = data(name);
    if bless() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with HISTORIOGRAPH_BLESS=1)", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

/// Imports `NAME.json` and compares the corpus and the unmapped list with
/// their golden files; returns the import for further checks.
fn golden(name: &str) -> Imported {
    let bytes = std::fs::read(data(&format!("{name}.json"))).expect("read input");
    let imported = Corpus::from_aif(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    check_golden(&format!("{name}.corpus.json"), &imported.corpus.to_json());
    let unmapped: String = imported.unmapped.iter().map(|u| format!("{u}\n")).collect();
    check_golden(&format!("{name}.unmapped.txt"), &unmapped);
    // What was read writes as AIF that reads back to the same corpus.
    let again = Corpus::from_aif(imported.corpus.to_aif().as_bytes()).expect("read own AIF");
    assert!(again.is_lossless(), "{name}: {:?}", again.unmapped);
    assert_eq!(again.corpus.to_json(), imported.corpus.to_json());
    imported
}

fn reasons(imported: &Imported) -> Vec<String> {
    imported.unmapped.iter().map(ToString::to_string).collect()
}

fn claim(corpus: &Corpus, key: &str) -> ClaimId {
    corpus
        .lookup(key)
        .unwrap_or_else(|| panic!("no claim `{key}`"))
}

fn scholar(corpus: &Corpus, key: &str) -> ScholarId {
    corpus
        .lookup(key)
        .unwrap_or_else(|| panic!("no scholar `{key}`"))
}

fn stance(corpus: &Corpus, who: &str, what: &str) -> Option<Stance> {
    let (who, what) = (scholar(corpus, who), claim(corpus, what));
    corpus
        .positions_on(what)
        .find(|(_, s, _)| *s == who)
        .map(|(_, _, p)| p.stance())
}

// ---------------------------------------------------------------------------
// Real files
// ---------------------------------------------------------------------------

#[test]
fn moral_maze_aifdb_file() {
    let imported = golden("moral-maze-6064");
    let c = &imported.corpus;
    assert_eq!(c.count::<ClaimId>(), 9);
    // CL (person 409) and NL (person 437), named after their locutions.
    assert_eq!(c.count::<ScholarId>(), 2);
    assert_eq!(stance(c, "cl", "111805"), Some(Stance::Advances));
    assert_eq!(stance(c, "cl", "111816"), Some(Stance::Qualifies));
    assert_eq!(stance(c, "nl", "111833"), Some(Stance::Qualifies));
    // Five inferences, each a support.
    let supports: usize = c.ids::<ClaimId>().map(|id| c.supports_by(id).count()).sum();
    assert_eq!(supports, 5);
    // The question commits CL to nothing.
    let question = claim(c, "111829");
    assert_eq!(c.positions_on(question).count(), 0);
    assert!(
        reasons(&imported)
            .iter()
            .any(|r| r.starts_with("node 111830: the illocution `Pure Questioning`"))
    );
}

/// Supports, attacks and positions in `c`.
fn relations(c: &Corpus) -> (usize, usize, usize) {
    let sum = |f: &dyn Fn(ClaimId) -> usize| c.ids::<ClaimId>().map(f).sum::<usize>();
    (
        sum(&|id| c.supports_by(id).count()),
        sum(&|id| c.attacks_by(id).count()),
        sum(&|id| c.positions_on(id).count()),
    )
}

/// The reasons that start with one of `prefixes`.
fn reasons_starting(imported: &Imported, prefixes: &[&str]) -> Vec<String> {
    reasons(imported)
        .into_iter()
        .filter(|r| prefixes.iter().any(|p| r.starts_with(p)))
        .collect()
}

#[test]
fn moral_maze_reconstructed_file_loads_without_its_locutions() {
    // AIFdb's "reconstructed" export of nodeset 6064: the argument only,
    // with the locutions of the L-nodes it leaves out. It was refused
    // whole ("names node `29056`, which is not in the file").
    let imported = golden("moral-maze-6064-reconstructed");
    let c = &imported.corpus;
    // Nine I-nodes, four of them one claim by three rephrases (MA).
    assert_eq!(c.count::<ClaimId>(), 6);
    assert_eq!(c.count::<ScholarId>(), 0);
    assert_eq!(relations(c), (5, 0, 0));
    let missing: Vec<String> = [
        (0, "29056"),
        (1, "29058"),
        (2, "29069"),
        (3, "29056"),
        (4, "29058"),
        (5, "111807"),
        (6, "111811"),
        (7, "111818"),
        (8, "29069"),
        (9, "111831"),
        (10, "111835"),
        (11, "111841"),
        (12, "111835"),
    ]
    .into_iter()
    .map(|(i, node)| format!("locutions[{i}]: names node {node}, which is not in the file"))
    .collect();
    assert_eq!(reasons_starting(&imported, &["locutions["]), missing);
    assert_eq!(imported.unmapped.len(), 13 + 2 + 3);
}

#[test]
fn moral_maze_file_cut_to_one_nodeset_loads_the_rest() {
    // Nodeset 6064 without the six nodes (three I, three L) it shares with
    // a nodeset of 2014: fifteen edges and six locutions name them.
    let imported = golden("moral-maze-6064-2015");
    let c = &imported.corpus;
    assert_eq!(c.count::<ClaimId>(), 6);
    assert_eq!(c.count::<ScholarId>(), 2);
    // Of five inferences, 111803 lost both ends and 111824 its conclusion.
    // CL advances 111805 and 111809 and qualifies 111816; NL qualifies
    // 111833 and advances 111839.
    assert_eq!(relations(c), (3, 0, 5));
    assert_eq!(reasons_starting(&imported, &["edge "]).len(), 15);
    assert_eq!(
        reasons_starting(&imported, &["locutions["]),
        [
            "locutions[0]: names node 29056, which is not in the file",
            "locutions[1]: names node 29058, which is not in the file",
            "locutions[2]: names node 29069, which is not in the file",
            "locutions[3]: names node 29056, which is not in the file",
            "locutions[4]: names node 29058, which is not in the file",
            "locutions[8]: names node 29069, which is not in the file",
        ]
    );
    assert_eq!(
        reasons_starting(
            &imported,
            &[
                "node 111800",
                "node 111801",
                "node 111803",
                "node 111804",
                "node 111824",
                "node 111825",
                "node 111826"
            ]
        ),
        [
            "node 111800: the illocution `Asserting` anchors nothing (edge 148463 goes to node 29053, which is not in the file)",
            "node 111801: the illocution `Asserting` anchors nothing (edge 148465 goes to node 29054, which is not in the file)",
            "node 111804: the illocution `Arguing` on node 111803, an RA-node, reaches no claim",
            "node 111825: the illocution `Arguing` on node 111824, an RA-node, reaches no claim",
            "node 111826: the illocution `Asserting` anchors nothing (edge 148497 goes to node 29045, which is not in the file)",
            "node 111803: an RA-node with no premise and no conclusion (edge 148470 comes from node 29053, which is not in the file; edge 148469 goes to node 29054, which is not in the file): no support is kept",
            "node 111824: an RA-node with no conclusion (edge 148494 goes to node 29053, which is not in the file): no support is kept",
        ]
    );
}

#[test]
fn xaif_file_with_dangling_references_loads_the_rest() {
    // An OVA edit that deleted nodes 40 to 45 and participant 3, and left
    // the references to them: edges, locutions and extension entries.
    let imported = golden("dangling-xaif");
    let c = &imported.corpus;
    assert_eq!(c.count::<ClaimId>(), 4);
    assert_eq!(c.count::<ScholarId>(), 3);
    // CA 4 (undermines, as the extension says); RA 12 lost its conclusion,
    // so CA 13 undercuts nothing; three positions have a speaker.
    assert_eq!(relations(c), (0, 1, 3));
    assert_eq!(
        c.attacks_by(claim(c, "no-triangle")).collect::<Vec<_>>(),
        [(claim(c, "balance"), AttackKind::Undermines)]
    );
    // What names something deleted, in the order the reader meets it.
    assert_eq!(
        reasons_starting(
            &imported,
            &["edge ", "AIF.locutions[", "historiograph.", "node "]
        ),
        [
            "edge 10: goes to node 40, which is not in the file",
            "edge 13: comes from node 41, which is not in the file",
            "edge 16: goes to node 42, which is not in the file",
            "edge 21: comes from node 43, which is not in the file",
            "edge 23: comes from node 44 and goes to node 45, neither of which is in the file",
            "edge 24: goes to no node (it has no `toID`)",
            "AIF.locutions[3]: names node 42, which is not in the file",
            "AIF.locutions[4]: names no node (it has no `nodeID`)",
            "historiograph.participants[2]: names participant 3, which is not in the file",
            "historiograph.participants[3]: names scholar `chen-jian`, which is not in the file: participant 4 becomes a scholar of their own name",
            "historiograph.claims[3]: names node 40, which is not in the file",
            "historiograph.attacks[1]: names node 46, which is not in the file",
            "historiograph.stances[2]: names node 47, which is not in the file",
            "node 14: an MA-node with no rephrased node (edge 13 comes from node 41, which is not in the file): no rephrase is kept",
            "historiograph.claims[0].cites[1]: names evidence `luthi-2008-n99`, which is not in the file: the citation is not kept",
            "historiograph.claims[1].explanation: names explanation `realism`, which is not in the file: the claim invokes `aif-unclassified`",
            "historiograph.claims[2].events[0]: names event `cold-war`, which is not in the file: the claim concerns `aif-debate`",
            "historiograph.stances[1].work: names work `luthi-2009`, which is not in the file: the position is kept without its work",
            "node 16: no speaker: the illocution `Asserting` comes from node 15, a TA-node that leads to no L-node (edge 16 goes to node 42, which is not in the file)",
            "node 18: no speaker: node 17, the L-node the illocution `Asserting` comes from, has no locution naming a person and its text names no speaker (`Name : ...`)",
            "node 19: no speaker: the illocution `Disagreeing` comes from no L-node (edge 21 comes from node 43, which is not in the file)",
            "node 20: the illocution `Arguing` on node 12, an RA-node, reaches no claim",
            "node 12: an RA-node with no conclusion (edge 10 goes to node 40, which is not in the file): no support is kept",
            "node 13: attacks node 12, an RA-node with no conclusion: no attack on it is kept",
            "node 15: a transition between locutions (the course of the dialogue) has no place in the corpus",
        ]
    );
    assert_eq!(imported.unmapped.len(), 25 + 4);
}

#[test]
fn microtexts_file_with_an_attack_on_an_attack() {
    let imported = golden("microtexts-6361");
    let c = &imported.corpus;
    assert_eq!(c.count::<ClaimId>(), 5);
    let (concession, thesis) = (claim(c, "119927"), claim(c, "119931"));
    assert_eq!(
        c.attacks_by(concession).collect::<Vec<_>>(),
        [(thesis, AttackKind::Rebuts)]
    );
    // 119934 attacks the attack 119932: no place in the corpus, reported.
    assert!(
        reasons(&imported)
            .iter()
            .any(|r| r.starts_with("node 119934: an attack from or on a node other than"))
    );
    let attacks: usize = c.ids::<ClaimId>().map(|id| c.attacks_by(id).count()).sum();
    assert_eq!(attacks, 1);
}

#[test]
fn ova_xaif_file() {
    let imported = golden("ova-xaif");
    let c = &imported.corpus;
    // Fourteen participants, one of whom speaks.
    assert_eq!(c.count::<ScholarId>(), 14);
    let rachel = scholar(c, "participant-rachel");
    assert_eq!(c.positions_of(rachel).count(), 2);
    let (a, b) = (
        claim(c, "2_164926129380455983"),
        claim(c, "15_164926162804546033"),
    );
    assert_eq!(c.supporters_of(a).collect::<Vec<_>>(), [b]);
    let reasons = reasons(&imported);
    assert!(reasons.iter().any(|r| r.starts_with("OVA: ")));
    assert!(reasons.iter().any(|r| r.starts_with("text: ")));
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("AIF.schemefulfillments: "))
    );
}

#[test]
fn empty_ova_xaif_file() {
    let imported = golden("ova-xaif-empty");
    assert!(imported.corpus.is_empty());
    // Only `dialog: true` says anything, and it has no place.
    assert_eq!(
        reasons(&imported),
        ["dialog: a member AIF does not define has no place in the corpus"]
    );
}

// ---------------------------------------------------------------------------
// Hand-written files
// ---------------------------------------------------------------------------

#[test]
fn every_node_type() {
    let imported = golden("every-node-type");
    let c = &imported.corpus;
    // Nodes 1 and 5 rephrase each other (a cycle of two MAs): one claim.
    assert!(c.lookup::<ClaimId>("5").is_none());
    let leap = claim(c, "1");
    assert_eq!(
        c.claim(leap).map(Claim::text),
        Some("Mao used the 1958 crisis to mobilize the country for the Great Leap")
    );
    // The RA with two premises: each premise supports the conclusion.
    let mut supporters: Vec<ClaimId> = c.supporters_of(leap).collect();
    supporters.sort();
    assert_eq!(supporters, [claim(c, "2"), claim(c, "7")]);
    // CA on an I-node rebuts; CA on the RA undercuts its conclusion.
    assert_eq!(
        c.attacks_by(claim(c, "4")).collect::<Vec<_>>(),
        [(claim(c, "3"), AttackKind::Rebuts)]
    );
    assert_eq!(
        c.attacks_by(claim(c, "6")).collect::<Vec<_>>(),
        [(leap, AttackKind::Undercuts)]
    );
    // Stances: asserting, arguing (on the RA: holds the conclusion),
    // agreeing with a rephrase, disagreeing via a CA, conceding.
    assert_eq!(
        stance(c, "thomas-j-christensen", "1"),
        Some(Stance::Advances)
    );
    assert_eq!(
        stance(c, "thomas-j-christensen", "2"),
        Some(Stance::Advances)
    );
    assert_eq!(stance(c, "lorenz-m-lüthi", "4"), Some(Stance::Advances));
    assert_eq!(stance(c, "lorenz-m-lüthi", "1"), Some(Stance::Endorses));
    assert_eq!(stance(c, "lorenz-m-lüthi", "3"), Some(Stance::Rejects));
    assert_eq!(stance(c, "a-reviewer", "3"), Some(Stance::Advances));
    assert_eq!(stance(c, "odd-arne-westad", "6"), Some(Stance::Qualifies));
    // The silent participant is a scholar too.
    assert!(c.lookup::<ScholarId>("chen-jian").is_some());
    // Every claim has the default event and explanation.
    let debate: EventId = c.lookup("aif-debate").expect("default event");
    assert_eq!(c.claims_about(debate).count(), c.count::<ClaimId>());
    assert!(c.lookup::<ExplanationId>("aif-unclassified").is_some());
    let reasons = reasons(&imported);
    for expected in [
        "node 5: rephrases node 1 (MA)",
        "node 10: the scheme `Argument From Sign` is not kept",
        "node 30: a preference between arguments (PA)",
        "node 44: a transition between locutions",
        "node 58: the illocution `Pure Questioning` on an I-node takes no stance",
        "locutions[5]: names person `9`, who is not among the participants",
        "node 61: a locution that no illocution anchors",
        "edge 36: an edge from an I-node to an I-node",
        "analysis: a member AIF does not define",
        "nodes: `schemeID` of 1 item",
        "nodes: `timestamp` of 2 items",
        "locutions: `timestamp` of 1 item",
    ] {
        assert!(
            reasons.iter().any(|r| r.starts_with(expected)),
            "no `{expected}` in {reasons:#?}"
        );
    }
}

#[test]
fn extension_places_claims_and_keeps_the_rest() -> Result<(), Error> {
    let imported = golden("extension");
    assert!(imported.is_lossless(), "{:?}", imported.unmapped);
    let c = &imported.corpus;
    assert_eq!(c.title(), Some("The extension, written by hand"));
    let (mobilize, balance, no_triangle) = (
        claim(c, "mobilize"),
        claim(c, "balance"),
        claim(c, "no-triangle"),
    );
    assert_eq!(
        c.claim(no_triangle).map(Claim::polarity),
        Some(Polarity::Denies)
    );
    assert_eq!(
        c.claim(no_triangle).and_then(Claim::date),
        Some(Date::from_year(2008))
    );
    assert_eq!(c.events_of(no_triangle).count(), 2);
    assert_eq!(
        c.attacks_by(no_triangle).collect::<Vec<_>>(),
        [(balance, AttackKind::Undermines)]
    );
    assert_eq!(c.citations(mobilize).count(), 1);
    let christensen = scholar(c, "christensen");
    let work = c.resolve::<WorkId>("christensen-1996")?;
    let positions: Vec<_> = c.positions_of(christensen).collect();
    assert_eq!(positions.len(), 1);
    assert_eq!(positions[0].2.work(), Some(work));
    assert_eq!(c.position_year(&positions[0].2), Some(1996));
    let luthi = scholar(c, "luthi");
    let endorsement = c
        .positions_on(mobilize)
        .find(|(_, s, _)| *s == luthi)
        .expect("Lüthi agrees");
    assert_eq!(endorsement.2.stance(), Stance::Endorses);
    assert_eq!(endorsement.2.year(), Some(2009));
    // Node 9 has no entry: the default event and explanation.
    let other = claim(c, "9");
    assert_eq!(c.explanation_of(other), c.lookup("aif-unclassified"));
    Ok(())
}

#[test]
fn export_of_the_small_document_is_golden() -> Result<(), Error> {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1-small.json"),
    )
    .expect("read v1-small.json");
    let corpus = Corpus::from_json(&text)?;
    let aif = corpus.to_aif();
    check_golden("v1-small.aif.json", &aif);
    let back = Corpus::from_aif(aif.as_bytes())?;
    assert!(back.is_lossless());
    assert_eq!(back.corpus.to_json(), corpus.to_json());
    // The compact writer writes the same JSON.
    let mut compact = Vec::new();
    corpus.write_aif(&mut compact).expect("write to a Vec");
    let pretty: serde_json::Value = serde_json::from_str(&aif).expect("valid JSON");
    let compact: serde_json::Value = serde_json::from_slice(&compact).expect("valid JSON");
    assert_eq!(pretty, compact);
    Ok(())
}

#[test]
fn claim_and_evidence_dates_travel_in_the_extension() -> Result<(), Error> {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1-dates.json"),
    )
    .expect("read v1-dates.json");
    let corpus = Corpus::from_json(&text)?;
    let aif = corpus.to_aif();
    let value: serde_json::Value = serde_json::from_str(&aif).expect("JSON");
    let ext = &value["historiograph"];
    let dates: Vec<&str> = ext["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["date"].as_str())
        .collect();
    assert_eq!(
        dates,
        [
            "1958",
            "1958-10",
            "1960-05-01",
            "1959~",
            "1955-01-20~",
            "196X"
        ]
    );
    assert!(
        ext["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .all(|c| c.get("year").is_none())
    );
    let dates: Vec<&str> = ext["document"]["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert_eq!(
        dates,
        ["1992~", "1994-11", "1958-09-05", "-0044-03-15", "199X~"]
    );
    let back = Corpus::from_aif(aif.as_bytes())?;
    assert!(back.is_lossless(), "{:?}", back.unmapped);
    assert_eq!(back.corpus.to_json(), text);
    Ok(())
}

#[test]
fn the_legacy_year_of_a_claim_reads_in_the_extension() -> Result<(), Error> {
    let aif = |entry: &str| {
        format!(
            "{{\"nodes\": [{{\"nodeID\": \"1\", \"text\": \"A\", \"type\": \"I\"}}],\n \"historiograph\": {{\"document\": {{\"version\": 1}},\n  \"claims\": [{{\"node\": \"1\", \"key\": \"a\"{entry}}}]}}}}"
        )
    };
    let date = |entry: &str| -> Result<Option<String>, Error> {
        let imported = Corpus::from_aif(aif(entry).as_bytes())?;
        let a: ClaimId = imported.corpus.resolve("a")?;
        Ok(imported
            .corpus
            .claim(a)
            .and_then(|c| c.date())
            .map(|d| d.to_string()))
    };
    assert_eq!(date(", \"year\": 2008")?.as_deref(), Some("2008"));
    assert_eq!(date(", \"year\": -44")?.as_deref(), Some("-0044"));
    assert_eq!(
        date(", \"date\": \"2008-03~\"")?.as_deref(),
        Some("2008-03~")
    );
    assert_eq!(date("")?, None);
    for (entry, path, message) in [
        (
            ", \"date\": \"2008\", \"year\": 2008",
            "historiograph.claims[0]",
            "claim `a` has both `date` and `year` (the legacy spelling of `date`): give only `date`",
        ),
        (
            ", \"year\": 12345",
            "historiograph.claims[0].year",
            "invalid date `12345`: year must be from -9999 to 9999",
        ),
        (
            ", \"date\": \"2008-02-30\"",
            "historiograph.claims[0].date",
            "invalid date `2008-02-30`: no such day in that month",
        ),
    ] {
        match Corpus::from_aif(aif(entry).as_bytes()) {
            Err(Error::Json {
                line,
                path: found,
                message: said,
                ..
            }) => {
                assert_eq!((line, found.as_str(), said.as_str()), (3, path, message));
            }
            other => panic!("{entry}: {other:?}"),
        }
    }
    Ok(())
}

/// Gives every claim a markup; every other claim gets plain `words` as
/// its text. Returns the start of the Argdown statements that must show
/// their markup: plain words, emphasised or linked.
fn with_markup_everywhere(
    corpus: &mut Corpus,
    words: &[String],
    kinds: &[(u8, String)],
) -> Vec<String> {
    let ids: Vec<ClaimId> = corpus.ids::<ClaimId>().collect();
    let mut shown = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let old = corpus.claim(id).expect("live").clone();
        let plain = i % 2 == 0;
        let text = match plain {
            true => words[i % words.len()].clone(),
            false => old.text().to_owned(),
        };
        let (kind, other) = &kinds[i % kinds.len()];
        let marked = markup(&text, *kind, other.clone());
        if plain && *kind < 3 {
            shown.push(format!("]: {marked}"));
        }
        let mut claim = Claim::new(old.key(), text)
            .with_markup(marked)
            .with_polarity(old.polarity());
        if let Some(date) = old.date() {
            claim = claim.with_date(date);
        }
        corpus.replace(id, claim).expect("same key");
    }
    shown
}

#[test]
fn json_through_aif_and_argdown_is_identical_on_the_golden_documents() -> Result<(), Error> {
    let builtin = SINO_SOVIET_SPLIT_JSON.to_owned();
    let dates = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1-dates.json"),
    )
    .expect("read v1-dates.json");
    for text in [builtin, dates] {
        let aif = Corpus::from_json(&text)?.to_aif();
        let argdown = Corpus::from_aif(aif.as_bytes())?.corpus.to_argdown();
        let back = Corpus::from_argdown(argdown.as_bytes())?;
        assert!(back.is_lossless(), "{:?}", back.unmapped);
        assert!(
            back.corpus.to_json() == text,
            "JSON → AIF → Argdown → JSON changed it"
        );
    }
    Ok(())
}

#[test]
fn builtin_corpus_round_trips() -> Result<(), Error> {
    let corpus = sino_soviet_split();
    let aif = corpus.to_aif();
    let back = Corpus::from_aif(aif.as_bytes())?;
    assert_eq!(back.unmapped, []);
    assert_eq!(back.corpus.to_json(), corpus.to_json());
    Ok(())
}

#[test]
fn export_without_the_extension_still_reads_as_plain_aif() -> Result<(), Error> {
    let corpus = sino_soviet_split();
    let mut aif: serde_json::Value = serde_json::from_str(&corpus.to_aif()).expect("JSON");
    aif.as_object_mut()
        .expect("an object")
        .remove("historiograph");
    let plain = Corpus::from_aif(aif.to_string().as_bytes())?;
    let c = &plain.corpus;
    assert_eq!(c.count::<ClaimId>(), corpus.count::<ClaimId>());
    assert_eq!(c.count::<ScholarId>(), corpus.count::<ScholarId>());
    let positions = |c: &Corpus| -> usize {
        c.ids::<ClaimId>()
            .map(|id| c.positions_on(id).count())
            .sum()
    };
    assert!(positions(c) <= positions(&corpus));
    assert!(positions(c) > 0);
    let attacks =
        |c: &Corpus| -> usize { c.ids::<ClaimId>().map(|id| c.attacks_by(id).count()).sum() };
    assert_eq!(attacks(c), attacks(&corpus));
    // Stances taken on the same claim in several works collapse to one.
    assert!(plain.unmapped.iter().all(|u| u.reason.contains("already")));
    Ok(())
}

#[test]
fn options_choose_the_default_event_and_explanation() -> Result<(), Error> {
    let aif = br#"{"nodes": [{"nodeID": 1, "text": "A claim", "type": "I"}]}"#;
    let options = AifOptions::new()
        .with_event(Event::new("split", "The split"))
        .with_explanation(Explanation::new("ideology", "Ideology"));
    let imported = Corpus::from_aif_with(aif, &options)?;
    let c = &imported.corpus;
    let id = claim(c, "1");
    assert_eq!(c.explanation_of(id), c.lookup("ideology"));
    assert_eq!(
        c.events_of(id).collect::<Vec<_>>(),
        [c.resolve::<EventId>("split")?]
    );
    let bad = AifOptions::new().with_event(Event::new("no spaces", "Bad key"));
    assert!(matches!(
        Corpus::from_aif_with(aif, &bad),
        Err(Error::InvalidOption {
            option: "event",
            ..
        })
    ));
    // Nothing needs the defaults when there are no claims.
    let empty = Corpus::from_aif_with(br#"{"nodes": []}"#, &bad)?;
    assert!(empty.corpus.is_empty());
    Ok(())
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

fn import_error(bytes: &[u8]) -> (String, String) {
    match Corpus::from_aif(bytes) {
        Err(Error::Import {
            format,
            at,
            message,
        }) => {
            assert_eq!(format, "aif");
            (at, message)
        }
        other => panic!("expected an import error, got {other:?}"),
    }
}

#[test]
fn truncated_file_is_a_json_error_with_its_position() {
    let full = std::fs::read(data("microtexts-6361.json")).expect("read");
    let cut = &full[..full.len() / 2];
    match Corpus::from_aif(cut) {
        Err(Error::Json { line, column, .. }) => {
            let text = std::str::from_utf8(cut).expect("ASCII");
            assert_eq!(line, text.lines().count());
            assert!(column > 0);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn non_utf8_is_an_error_at_the_byte() {
    let bytes = b"{\"nodes\": [\n  {\"nodeID\": \"1\", \"text\": \"caf\xe9\", \"type\": \"I\"}]}";
    assert_eq!(
        Corpus::from_aif(bytes).map(drop),
        Err(Error::Utf8 {
            line: 2,
            column: 31,
            byte: 0xe9
        })
    );
}

#[test]
fn edge_to_a_missing_node_is_listed_and_the_rest_loads() -> Result<(), Error> {
    let imported = Corpus::from_aif(
        br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}],
            "edges": [{"edgeID": "e7", "fromID": "1", "toID": "99"}]}"#,
    )?;
    assert_eq!(imported.corpus.count::<ClaimId>(), 1);
    assert_eq!(
        reasons(&imported),
        ["edge e7: goes to node 99, which is not in the file"]
    );
    // An edge without an id is named by its place; one without an end too.
    let imported = Corpus::from_aif(
        br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}],
            "edges": [{"fromID": 5, "toID": "1"}, {"fromID": "1"}, {"fromID": "8", "toID": "9"}]}"#,
    )?;
    assert_eq!(imported.corpus.count::<ClaimId>(), 1);
    assert_eq!(
        reasons(&imported),
        [
            "edges[0]: comes from node 5, which is not in the file",
            "edges[1]: goes to no node (it has no `toID`)",
            "edges[2]: comes from node 8 and goes to node 9, neither of which is in the file",
        ]
    );
    // An end that is not an id at all is not AIF.
    let (at, message) = import_error(
        br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], "edges": [{"fromID": [1], "toID": "1"}]}"#,
    );
    assert_eq!(
        (at.as_str(), message.as_str()),
        (
            "edges[0]",
            "`fromID` is not a node id (a string or an integer)"
        )
    );
    Ok(())
}

#[test]
fn unknown_node_type_names_the_node() {
    let (at, message) =
        import_error(br#"{"nodes": [{"nodeID": 3, "text": "?", "type": "XA"}], "edges": []}"#);
    assert_eq!(at, "node 3");
    assert!(message.starts_with("unknown node type `XA`"), "{message}");
}

#[test]
fn s_nodes_without_an_end_are_listed_with_the_edges_they_lost() -> Result<(), Error> {
    let imported = Corpus::from_aif(
        br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "Default Inference", "type": "RA"},
                       {"nodeID": "3", "text": "Default Conflict", "type": "CA"}, {"nodeID": "4", "text": "Default Rephrase", "type": "MA"}],
            "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "3", "toID": "1"},
                      {"edgeID": "3", "fromID": "2", "toID": "77"}, {"edgeID": "4", "fromID": "1", "toID": "4"}]}"#,
    )?;
    assert_eq!(imported.corpus.count::<ClaimId>(), 1);
    assert_eq!(
        reasons(&imported),
        [
            "edge 3: goes to node 77, which is not in the file",
            "node 4: an MA-node with no rephrasing node: no rephrase is kept",
            "node 2: an RA-node with no conclusion (edge 3 goes to node 77, which is not in the file): no support is kept",
            "node 3: a CA-node with no attacker: no attack is kept",
        ]
    );
    Ok(())
}

#[test]
fn a_cycle_of_rephrases_merges_and_is_reported() -> Result<(), Error> {
    // 1 → 2 → 3 → 1 by rephrase, and 3 supports 4.
    let aif = br#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "A again", "type": "I"},
        {"nodeID": "3", "text": "A once more", "type": "I"}, {"nodeID": "4", "text": "B", "type": "I"},
        {"nodeID": "m1", "text": "Default Rephrase", "type": "MA"}, {"nodeID": "m2", "text": "Default Rephrase", "type": "MA"},
        {"nodeID": "m3", "text": "Default Rephrase", "type": "MA"}, {"nodeID": "r", "text": "Default Inference", "type": "RA"}],
      "edges": [
        {"fromID": "1", "toID": "m1"}, {"fromID": "m1", "toID": "2"}, {"fromID": "2", "toID": "m2"}, {"fromID": "m2", "toID": "3"},
        {"fromID": "3", "toID": "m3"}, {"fromID": "m3", "toID": "1"}, {"fromID": "3", "toID": "r"}, {"fromID": "r", "toID": "4"}]}"#;
    let imported = Corpus::from_aif(aif)?;
    let c = &imported.corpus;
    assert_eq!(c.count::<ClaimId>(), 2);
    assert_eq!(
        c.supports_by(claim(c, "1")).collect::<Vec<_>>(),
        [claim(c, "4")]
    );
    assert_eq!(
        reasons(&imported),
        [
            "node 2: rephrases node 1 (MA): merged into one claim with it; this node's wording is not kept",
            "node 3: rephrases node 1 (MA): merged into one claim with it; this node's wording is not kept",
        ]
    );
    Ok(())
}

#[test]
fn a_long_chain_of_rephrases_does_not_recurse() -> Result<(), Error> {
    let n = 20_000;
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        nodes.push(format!(
            r#"{{"nodeID": "i{i}", "text": "p{i}", "type": "I"}}"#
        ));
        if i > 0 {
            nodes.push(format!(
                r#"{{"nodeID": "m{i}", "text": "Default Rephrase", "type": "MA"}}"#
            ));
            // Each rephrases the next, so the last merges with the first.
            edges.push(format!(r#"{{"fromID": "i{i}", "toID": "m{i}"}}"#));
            edges.push(format!(r#"{{"fromID": "m{i}", "toID": "i{}"}}"#, i - 1));
        }
    }
    let aif = format!(
        r#"{{"nodes": [{}], "edges": [{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    let imported = Corpus::from_aif(aif.as_bytes())?;
    assert_eq!(imported.corpus.count::<ClaimId>(), 1);
    assert_eq!(imported.unmapped.len(), n - 1);
    Ok(())
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "{{\"nodes\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(
        Corpus::from_aif(deep.as_bytes()),
        Err(Error::Json { .. })
    ));
}

#[test]
fn locution_naming_a_missing_person_is_reported_and_named_from_its_text() -> Result<(), Error> {
    let aif = br#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "Chen Jian : A", "type": "L"},
        {"nodeID": "3", "text": "Asserting", "type": "YA"}],
      "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
      "locutions": [{"nodeID": "2", "personID": "7"}],
      "participants": [{"participantID": "1", "firstname": "Lorenz", "surname": "Luthi"}]}"#;
    let imported = Corpus::from_aif(aif)?;
    assert_eq!(
        reasons(&imported),
        [
            "locutions[0]: names person `7`, who is not among the participants: the speaker is named after the locution's text"
        ]
    );
    assert_eq!(
        stance(&imported.corpus, "chen-jian", "1"),
        Some(Stance::Advances)
    );
    // A locution of a node that is not there is listed.
    let imported = Corpus::from_aif(
        br#"{"nodes": [], "locutions": [{"nodeID": "5", "personID": "1"}, {"personID": "1"}]}"#,
    )?;
    assert!(imported.corpus.is_empty());
    assert_eq!(
        reasons(&imported),
        [
            "locutions[0]: names node 5, which is not in the file",
            "locutions[1]: names no node (it has no `nodeID`)",
        ]
    );
    Ok(())
}

#[test]
fn malformed_shapes_are_import_errors() {
    for (input, at) in [
        (&br#"[1, 2]"#[..], "document"),
        (br#"{"edges": []}"#, "nodes"),
        (br#"{"nodes": {}}"#, "nodes"),
        (br#"{"nodes": [5]}"#, "nodes[0]"),
        (br#"{"nodes": [{"text": "A", "type": "I"}]}"#, "nodes[0]"),
        (br#"{"nodes": [{"nodeID": 1.5, "text": "A", "type": "I"}]}"#, "nodes[0]"),
        (br#"{"nodes": [{"nodeID": "1", "text": "A"}]}"#, "node 1"),
        (br#"{"nodes": [{"nodeID": "1", "text": 5, "type": "I"}]}"#, "node 1"),
        (br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": 1, "text": "B", "type": "I"}]}"#, "node 1"),
        (br#"{"nodes": [{"nodeID": "1", "text": " ", "type": "I"}]}"#, "node 1"),
        (br#"{"AIF": 3}"#, "AIF"),
        (br#"{"nodes": [], "participants": [{"participantID": 1}, {"participantID": "1"}]}"#, "participants[1]"),
        (br#"{"AIF": {"edges": []}}"#, "AIF.nodes"),
        (br#"{"nodes": [], "edges": {}}"#, "edges"),
        (br#"{"nodes": [], "edges": [3]}"#, "edges[0]"),
        (br#"{"nodes": [], "edges": [{"edgeID": 4, "fromID": true, "toID": "1"}]}"#, "edge 4"),
        (br#"{"nodes": [], "locutions": "none"}"#, "locutions"),
        (br#"{"AIF": {"nodes": [], "locutions": [[]]}}"#, "AIF.locutions[0]"),
        (br#"{"nodes": [], "locutions": [{"nodeID": {"id": 1}}]}"#, "locutions[0]"),
    ] {
        let (found, _) = import_error(input);
        assert_eq!(found, at, "{}", String::from_utf8_lossy(input));
    }
}

#[test]
fn extension_naming_a_key_its_document_leaves_out_is_listed() -> Result<(), Error> {
    let aif = br#"{"nodes": [{"nodeID": "1", "text": "A", "type": "I"}],
      "historiograph": {"document": {"version": 1}, "claims": [{"node": "1", "key": "a", "explanation": "nope"}]}}"#;
    let imported = Corpus::from_aif(aif)?;
    let c = &imported.corpus;
    assert_eq!(
        c.explanation_of(claim(c, "a")),
        c.lookup("aif-unclassified")
    );
    assert_eq!(
        reasons(&imported),
        [
            "historiograph.claims[0].explanation: names explanation `nope`, which is not in the file: the claim invokes `aif-unclassified`"
        ]
    );
    Ok(())
}

#[test]
fn broken_extension_is_an_error_with_its_path() {
    let aif = br#"{"nodes": [],
      "historiograph": {"document": {"version": 1, "works": [{"key": "w", "title": "W", "authors": ["x"]}]}}}"#;
    match Corpus::from_aif(aif) {
        Err(Error::Document { line, path, .. }) => {
            assert_eq!(path, "historiograph.document.works[0].authors[0]");
            assert_eq!(line, 2);
        }
        other => panic!("{other:?}"),
    }
    let aif = br#"{"nodes": [], "historiograph": {"document": {"version": 1}, "typo": 1}}"#;
    match Corpus::from_aif(aif) {
        Err(Error::Json {
            line,
            path,
            message,
            ..
        }) => {
            assert_eq!(path, "historiograph.typo");
            assert_eq!(line, 1);
            assert!(message.contains("unknown field `typo`"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// The valid AIF files the deletion property starts from.
const WHOLE_FILES: [&str; 5] = [
    "moral-maze-6064.json",
    "microtexts-6361.json",
    "ova-xaif.json",
    "every-node-type.json",
    "extension.json",
];

/// An id as the reader takes it: a string, or an integer as text.
fn id_of(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What a file refers to that deleting nodes left out, counted by kind.
#[derive(Debug, Default, PartialEq)]
struct Dangling {
    edges: usize,
    locutions: usize,
    entries: usize,
}

/// Deletes the nodes at `picks` from the AIF file `aif` (plain or xAIF);
/// gives the file, and what in it now names a node it leaves out.
fn delete_nodes(aif: &str, picks: &[proptest::sample::Index]) -> (String, Dangling) {
    let mut value: serde_json::Value = serde_json::from_str(aif).expect("valid JSON");
    let body = match value.get("AIF") {
        Some(_) => &mut value["AIF"],
        None => &mut value,
    };
    let nodes = body["nodes"].as_array_mut().expect("nodes");
    let mut gone = std::collections::HashSet::new();
    if !nodes.is_empty() {
        let len = nodes.len();
        let mut at: Vec<usize> = picks.iter().map(|p| p.index(len)).collect();
        at.sort_unstable();
        at.dedup();
        for i in at.into_iter().rev() {
            gone.extend(id_of(nodes.remove(i).get("nodeID")));
        }
    }
    let names_gone = |item: &serde_json::Value, member: &str| {
        id_of(item.get(member)).is_some_and(|id| gone.contains(&id))
    };
    let list = |body: &serde_json::Value, name: &str| -> Vec<serde_json::Value> {
        body.get(name)
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut dangling = Dangling {
        edges: list(body, "edges")
            .iter()
            .filter(|e| names_gone(e, "fromID") || names_gone(e, "toID"))
            .count(),
        locutions: list(body, "locutions")
            .iter()
            .filter(|l| names_gone(l, "nodeID"))
            .count(),
        entries: 0,
    };
    if let Some(ext) = value.get("historiograph") {
        for name in ["claims", "attacks", "stances"] {
            dangling.entries += list(ext, name)
                .iter()
                .filter(|e| names_gone(e, "node"))
                .count();
        }
    }
    (value.to_string(), dangling)
}

/// The deleted file loads; what it lists as naming a left-out node matches
/// `dangling`, and every relation it loads joins things that exist.
fn check_deleted(aif: &str, dangling: &Dangling) -> Result<(), TestCaseError> {
    let imported =
        Corpus::from_aif(aif.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{aif}")))?;
    let missing = |at: &dyn Fn(&str) -> bool| {
        imported
            .unmapped
            .iter()
            .filter(|u| at(&u.at) && u.reason.contains("in the file"))
            .count()
    };
    let found = Dangling {
        edges: missing(&|at| at.starts_with("edge")),
        locutions: missing(&|at| at.contains("locutions[")),
        entries: imported
            .unmapped
            .iter()
            .filter(|u| {
                [
                    "historiograph.claims[",
                    "historiograph.attacks[",
                    "historiograph.stances[",
                ]
                .iter()
                .any(|p| u.at.starts_with(p) && !u.at.contains("]."))
                    && u.reason.starts_with("names node")
                    && u.reason.ends_with("which is not in the file")
            })
            .count(),
    };
    prop_assert_eq!(&found, dangling, "{:#?}", imported.unmapped);
    let c = &imported.corpus;
    for claim in c.ids::<ClaimId>() {
        for target in c.supports_by(claim) {
            prop_assert!(c.key(target).is_some());
        }
        for (target, _) in c.attacks_by(claim) {
            prop_assert!(c.key(target).is_some());
        }
        for (_, scholar, position) in c.positions_on(claim) {
            prop_assert!(c.key(scholar).is_some());
            if let Some(work) = position.work() {
                prop_assert!(c.key(work).is_some());
            }
        }
    }
    let json = c.to_json();
    let back = Corpus::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(back.to_json(), json);
    Ok(())
}

#[test]
fn deleting_no_node_changes_nothing() {
    for name in WHOLE_FILES {
        let text = std::fs::read_to_string(data(name)).expect("read");
        let (same, dangling) = delete_nodes(&text, &[]);
        assert_eq!(dangling, Dangling::default());
        let (a, b) = (
            Corpus::from_aif(text.as_bytes()).expect("whole file"),
            Corpus::from_aif(same.as_bytes()).expect("same file"),
        );
        assert_eq!(a.unmapped, b.unmapped, "{name}");
        assert_eq!(a.corpus.to_json(), b.corpus.to_json(), "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// corpus → AIF → corpus gives the same document, and nothing is left out.
    #[test]
    fn aif_round_trip_is_lossless(plan in plan(0)) {
        let corpus = build(&plan);
        let aif = corpus.to_aif();
        let back = Corpus::from_aif(aif.as_bytes()).expect("read own AIF");
        prop_assert!(back.is_lossless(), "{:?}", back.unmapped);
        prop_assert_eq!(back.corpus.to_json(), corpus.to_json());
    }

    /// JSON → AIF → Argdown → JSON gives the same bytes, as CI checks on
    /// the built-in corpus with the `convert` example.
    #[test]
    fn json_through_aif_and_argdown_is_identical(plan in plan(0)) {
        let text = build(&plan).to_json();
        let corpus = Corpus::from_json(&text).expect("read own JSON");
        let aif = Corpus::from_aif(corpus.to_aif().as_bytes()).expect("read own AIF");
        prop_assert!(aif.is_lossless(), "{:?}", aif.unmapped);
        let argdown = aif.corpus.to_argdown();
        let back = Corpus::from_argdown(argdown.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{argdown}")))?;
        prop_assert!(back.is_lossless(), "{:?}", back.unmapped);
        prop_assert_eq!(back.corpus.to_json(), text);
    }

    /// Claims with markup (plain words among them, emphasised or linked as
    /// the Argdown reader writes it, or with any other markup) survive
    /// JSON → AIF → Argdown → JSON; where the words are plain, the
    /// statement shows the formatting itself.
    #[test]
    fn markup_survives_json_through_aif_and_argdown(
        plan in plan(0),
        words in vec("[A-Z][a-z]{0,5}( [a-z]{1,6}){0,3}", 1..4),
        kinds in vec((0u8..4, text()), 1..4),
    ) {
        let mut corpus = build(&plan);
        let shown = with_markup_everywhere(&mut corpus, &words, &kinds);
        let text = corpus.to_json();
        let aif = corpus.to_aif();
        let nodes: serde_json::Value = serde_json::from_str(&aif).expect("JSON");
        let mut texts: Vec<&str> = nodes["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter(|n| n["type"] == "I")
            .filter_map(|n| n["text"].as_str())
            .collect();
        let mut plain: Vec<&str> = corpus.entities::<ClaimId>().map(|(_, c)| c.text()).collect();
        texts.sort_unstable();
        plain.sort_unstable();
        prop_assert_eq!(texts, plain, "I-nodes keep the plain text");
        let aif = Corpus::from_aif(aif.as_bytes()).expect("read own AIF");
        prop_assert!(aif.is_lossless(), "{:?}", aif.unmapped);
        prop_assert_eq!(aif.corpus.to_json(), text.clone());
        let argdown = aif.corpus.to_argdown();
        for statement in &shown {
            prop_assert!(argdown.contains(statement.as_str()), "{}\n{}", statement, argdown);
        }
        let back = Corpus::from_argdown(argdown.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{argdown}")))?;
        prop_assert!(back.is_lossless(), "{:?}", back.unmapped);
        prop_assert_eq!(back.corpus.to_json(), text);
    }

    /// Deleting nodes from a real or hand-written AIF file: it still
    /// loads, each edge, locution and extension entry that names a deleted
    /// node is listed, and what loads joins only things that exist.
    #[test]
    fn deleting_nodes_from_a_file_lists_what_named_them(
        name in select(WHOLE_FILES.to_vec()),
        picks in vec(any::<proptest::sample::Index>(), 0..12),
    ) {
        let text = std::fs::read_to_string(data(name)).expect("read");
        let (cut, dangling) = delete_nodes(&text, &picks);
        check_deleted(&cut, &dangling)?;
    }

    /// The same for what `to_aif` writes of random corpora, with the
    /// `historiograph` extension naming the deleted nodes too.
    #[test]
    fn deleting_nodes_from_a_written_file_lists_what_named_them(
        plan in plan(0),
        picks in vec(any::<proptest::sample::Index>(), 0..12),
    ) {
        let (cut, dangling) = delete_nodes(&build(&plan).to_aif(), &picks);
        check_deleted(&cut, &dangling)?;
    }

    /// Any bytes: an answer, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..200)) {
        let _ = Corpus::from_aif(&bytes);
    }

    /// AIF-shaped JSON with random ids, types and edges: an answer, never a
    /// panic, and what loads is a valid corpus.
    #[test]
    fn random_aif_graphs_never_panic(
        nodes in vec((0u8..12, select(vec!["I", "L", "RA", "CA", "MA", "PA", "TA", "YA", "XX"]),
                      select(vec!["Asserting", "Arguing", "Disagreeing", "Agreeing", "Default Inference", "A : b", "", "Pure Questioning"])), 0..14),
        edges in vec((0u8..14, 0u8..14), 0..24),
        locutions in vec((0u8..14, option::of(0u8..4)), 0..6),
        participants in vec(0u8..4, 0..3),
    ) {
        let nodes_json: Vec<String> = nodes.iter().map(|(id, kind, text)| {
            format!(r#"{{"nodeID": "{id}", "text": "{text}", "type": "{kind}"}}"#)
        }).collect();
        let edges_json: Vec<String> = edges.iter().map(|(a, b)| {
            format!(r#"{{"fromID": "{a}", "toID": "{b}"}}"#)
        }).collect();
        let locutions_json: Vec<String> = locutions.iter().map(|(n, p)| match p {
            Some(p) => format!(r#"{{"nodeID": "{n}", "personID": {p}}}"#),
            None => format!(r#"{{"nodeID": "{n}"}}"#),
        }).collect();
        let participants_json: Vec<String> = participants.iter().map(|p| {
            format!(r#"{{"participantID": {p}, "firstname": "P", "surname": "{p}"}}"#)
        }).collect();
        let aif = format!(
            r#"{{"nodes": [{}], "edges": [{}], "locutions": [{}], "participants": [{}]}}"#,
            nodes_json.join(","), edges_json.join(","), locutions_json.join(","), participants_json.join(",")
        );
        if let Ok(imported) = Corpus::from_aif(aif.as_bytes()) {
            let json = imported.corpus.to_json();
            prop_assert_eq!(Corpus::from_json(&json).expect("valid corpus").to_json(), json);
        }
    }
}
