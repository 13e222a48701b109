//! ICCMA 2023, APX and TGF: round trips, golden text, and every kind of bad
//! input refused with its line.

use historiograph::{Acceptance, Argument, Error, Framework, Semantics, Why};
use proptest::prelude::*;

fn attacks(af: &Framework) -> Vec<(u64, u64)> {
    let mut out: Vec<(u64, u64)> = af
        .attacks()
        .map(|(a, b)| (a.number(), b.number()))
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn iccma_reads_comments_blank_lines_and_repeated_attacks() -> Result<(), Error> {
    let af = Framework::from_iccma("# made by hand\np af 4\n\n1 2\n2 3\n# a comment\n2 3\n4 4\n")?;
    assert_eq!(af.len(), 4);
    assert_eq!(attacks(&af), [(1, 2), (2, 3), (4, 4)]);
    assert_eq!(af.to_iccma(), "p af 4\n1 2\n2 3\n4 4\n");
    assert_eq!(af.argument("3"), Some(Argument::new(2)));
    assert_eq!(af.argument("03"), None);
    assert_eq!(af.argument("5"), None);
    Ok(())
}

#[test]
fn apx_and_tgf_keep_names() -> Result<(), Error> {
    let apx = "% a comment\narg(a). arg(b).\narg(c).\natt(a,b). att(b,c).\natt( b , a ).\n";
    let af = Framework::from_apx(apx)?;
    assert_eq!(af.name(Argument::new(2)).as_deref(), Some("c"));
    assert_eq!(
        af.to_apx(),
        "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(b,a).\n"
    );
    let tgf = af.to_tgf();
    assert_eq!(tgf, "a\nb\nc\n#\na b\nb c\nb a\n");
    let back = Framework::from_tgf(&tgf)?;
    assert_eq!(back.to_apx(), af.to_apx());
    assert_eq!(Framework::from_apx(af.to_apx())?, af);
    Ok(())
}

#[test]
fn names_with_dots_quotes_and_commas_survive_apx_and_tgf() -> Result<(), Error> {
    let mut af = Framework::new();
    let names = [
        "luthi-2008-n.24",
        "a,b",
        "say\"hi\"",
        "back\\slash",
        "plain_1",
        "é(1)",
    ];
    let ids: Vec<Argument> = names
        .iter()
        .map(|n| af.add_argument(*n))
        .collect::<Result<_, _>>()?;
    af.add_attack(ids[0], ids[1])?;
    af.add_attack(ids[2], ids[3])?;
    af.add_attack(ids[5], ids[4])?;
    let apx = af.to_apx();
    assert!(apx.contains("arg(plain_1).\n"), "{apx}");
    assert!(apx.contains("arg(\"luthi-2008-n.24\").\n"), "{apx}");
    assert_eq!(Framework::from_apx(&apx)?, af);
    assert_eq!(Framework::from_tgf(af.to_tgf())?, af);
    // Names that no format could write are refused.
    for bad in ["", "two words", "tab\there"] {
        assert!(matches!(
            af.add_argument(bad),
            Err(Error::InvalidArgumentName { .. })
        ));
    }
    Ok(())
}

#[test]
fn the_corpus_framework_writes_to_every_format() -> Result<(), Error> {
    let corpus = historiograph::sino_soviet_split();
    let view = corpus
        .view(&historiograph::CompareOptions::new())
        .framework();
    let af = view.framework();
    let names = |f: &Framework| f.arguments().map(|a| f.name(a)).collect::<Vec<_>>();
    for back in [
        Framework::from_apx(af.to_apx())?,
        Framework::from_tgf(af.to_tgf())?,
    ] {
        assert_eq!(names(&back), names(af));
        assert_eq!(attacks(&back), attacks(af));
    }
    let numbered = Framework::from_iccma(af.to_iccma())?;
    assert_eq!(attacks(&numbered), attacks(af));
    assert!(af.support_count() > 0);
    Ok(())
}

fn syntax(result: Result<Framework, Error>) -> (String, usize, String) {
    match result {
        Err(Error::Syntax {
            format,
            line,
            message,
        }) => (format.to_owned(), line, message),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn bad_files_are_refused_with_the_line_and_what_was_wrong() {
    let cases: Vec<(Result<Framework, Error>, &str, usize, &str)> = vec![
        (
            Framework::from_iccma("1 2\n"),
            "iccma",
            1,
            "an attack before the `p af N` header",
        ),
        (
            Framework::from_iccma("# nothing\n"),
            "iccma",
            0,
            "no `p af N` header",
        ),
        (
            Framework::from_iccma("p af\n"),
            "iccma",
            1,
            "expected `p af N`, found `p af`",
        ),
        (
            Framework::from_iccma("p aba 3\n"),
            "iccma",
            1,
            "expected `p af N`, found `p aba 3`",
        ),
        (
            Framework::from_iccma("p af x\n"),
            "iccma",
            1,
            "`x` is not a number of arguments",
        ),
        (
            // Found by the fuzzer: the header alone asked for 67 GB.
            Framework::from_iccma("p\raf\r2822222822"),
            "iccma",
            1,
            "`p af 2822222822` declares more than 33554432 arguments",
        ),
        (
            Framework::from_iccma("p af 2\np af 2\n"),
            "iccma",
            2,
            "a second `p af` header",
        ),
        (
            Framework::from_iccma("p af 2\n1 3\n"),
            "iccma",
            2,
            "argument 3 is out of range 1..=2",
        ),
        (
            Framework::from_iccma("p af 2\n0 1\n"),
            "iccma",
            2,
            "argument 0 is out of range 1..=2",
        ),
        (
            Framework::from_iccma("p af 2\n1 -2\n"),
            "iccma",
            2,
            "`-2` is not an argument number",
        ),
        (
            Framework::from_iccma("p af 2\n1\n"),
            "iccma",
            2,
            "expected an attack `a b`, found `1`",
        ),
        (
            Framework::from_iccma("p af 2\n1 2 3\n"),
            "iccma",
            2,
            "expected an attack `a b`, found `1 2 3`",
        ),
        (
            Framework::from_apx("arg(a).\narg(a).\n"),
            "apx",
            2,
            "argument `a` declared twice",
        ),
        (
            Framework::from_apx("arg(a).\natt(a,b).\n"),
            "apx",
            2,
            "attack names undeclared argument `b`",
        ),
        (
            Framework::from_apx("arg(a).\nattack(a,a).\n"),
            "apx",
            2,
            "expected `arg(x)` or `att(x,y)`, found `attack(a,a)`",
        ),
        (
            Framework::from_apx("arg(a b).\n"),
            "apx",
            1,
            "expected `arg(x)` or `att(x,y)`, found `arg(a b)`",
        ),
        (
            Framework::from_apx("arg(a).\natt(a).\n"),
            "apx",
            2,
            "expected `arg(x)` or `att(x,y)`, found `att(a)`",
        ),
        (
            Framework::from_tgf("a\na\n"),
            "tgf",
            2,
            "argument `a` listed twice",
        ),
        (
            Framework::from_tgf("a b\n"),
            "tgf",
            1,
            "expected one argument name, found `a b`",
        ),
        (
            Framework::from_tgf("a\n#\na c\n"),
            "tgf",
            3,
            "attack names unlisted argument `c`",
        ),
        (
            Framework::from_tgf("a\n#\na\n"),
            "tgf",
            3,
            "expected an attack `a b`, found `a`",
        ),
        (
            Framework::from_tgf("a\n#\n#\n"),
            "tgf",
            3,
            "a second `#` separator",
        ),
    ];
    for (result, format, line, message) in cases {
        assert_eq!(
            syntax(result),
            (format.to_owned(), line, message.to_owned())
        );
    }
    let err = Framework::from_iccma("p af 2\n1 3\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "iccma line 2: argument 3 is out of range 1..=2"
    );
}

#[test]
fn questions_about_missing_arguments_are_errors() {
    let af = Framework::with_arguments(2);
    let missing = Argument::new(7);
    for semantics in Semantics::ALL {
        assert!(matches!(
            af.credulous(semantics, missing),
            Err(Error::UnknownArgument { .. })
        ));
        assert!(matches!(
            af.sceptical(semantics, missing),
            Err(Error::UnknownArgument { .. })
        ));
    }
    assert!(af.is_admissible(&[missing]).is_err());
    let mut af = af;
    assert!(af.add_attack(Argument::new(0), missing).is_err());
    assert!(matches!(
        af.add_argument("1"),
        Err(Error::DuplicateArgument { .. })
    ));
}

#[test]
fn why_names_the_attackers_and_defenders() -> Result<(), Error> {
    // 1 -> 2 -> 3, and 4 <-> 5.
    let af = Framework::from_iccma("p af 5\n1 2\n2 3\n4 5\n5 4\n")?;
    let grounded = af.grounded();
    let [a1, a2, a3, a4, a5] = [0, 1, 2, 3, 4].map(Argument::new);
    assert_eq!(grounded.label(a3), Some(Acceptance::In));
    assert_eq!(
        grounded.why(&af, a3),
        Some(Why::In {
            defences: vec![(a2, Some(a1))]
        })
    );
    assert_eq!(
        grounded.why(&af, a2),
        Some(Why::Out {
            attackers: vec![a1]
        })
    );
    assert_eq!(grounded.why(&af, a1), Some(Why::In { defences: vec![] }));
    assert_eq!(
        grounded.why(&af, a4),
        Some(Why::Undecided {
            attackers: vec![a5]
        })
    );
    // In a preferred labelling the cycle is settled one way.
    for labelling in af.labellings(Semantics::Preferred) {
        let why = labelling.why(&af, a4).expect("in range");
        match labelling.label(a4) {
            Some(Acceptance::In) => assert_eq!(
                why,
                Why::In {
                    defences: vec![(a5, Some(a4))]
                }
            ),
            _ => assert_eq!(
                why,
                Why::Out {
                    attackers: vec![a5]
                }
            ),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn formats_round_trip(n in 0usize..30, raw in proptest::collection::vec((0usize..30, 0usize..30), 0..90)) {
        let mut af = Framework::with_arguments(n);
        for (a, b) in raw {
            if a < n && b < n {
                af.add_attack(Argument::new(a as u32), Argument::new(b as u32)).expect("in range");
            }
        }
        let iccma = Framework::from_iccma(af.to_iccma()).expect("our own output");
        prop_assert_eq!(attacks(&iccma), attacks(&af));
        prop_assert_eq!(iccma.len(), af.len());
        let apx = Framework::from_apx(af.to_apx()).expect("our own output");
        prop_assert_eq!(attacks(&apx), attacks(&af));
        let tgf = Framework::from_tgf(af.to_tgf()).expect("our own output");
        prop_assert_eq!(attacks(&tgf), attacks(&af));
    }

    #[test]
    fn readers_never_panic(text in "[pafrgt0-9 ()#,.%\\n\\-]{0,80}") {
        let _ = Framework::from_iccma(&text);
        let _ = Framework::from_apx(&text);
        let _ = Framework::from_tgf(&text);
    }
}

// ---------------------------------------------------------------------------
// One format API
// ---------------------------------------------------------------------------

mod one_api {
    use historiograph::{
        ClaimId, Corpus, Error, Format, Framework, ReadOptions, WriteOptions, sino_soviet_split,
    };

    /// Text whose third line starts with a byte that is not UTF-8.
    const BAD: &[u8] = b"first\nsecond\n\xffthird";

    #[test]
    fn every_reader_locates_bad_utf8() {
        for format in Format::ALL {
            let error = if format.is_framework() {
                Framework::read(format, BAD).map(drop)
            } else if format.reads_corpus() && format.is_available() {
                Corpus::read(format, BAD, &ReadOptions::new()).map(drop)
            } else {
                continue;
            };
            assert_eq!(
                error,
                Err(Error::Utf8 {
                    line: 3,
                    column: 1,
                    byte: 0xff
                }),
                "{format}"
            );
        }
        assert_eq!(
            Corpus::from_json(BAD).unwrap_err().to_string(),
            "not UTF-8: byte 0xff at line 3, column 1"
        );
    }

    #[test]
    fn what_a_format_cannot_do_is_an_error_that_says_so() {
        let corpus = sino_soviet_split();
        let read = |f: Format| Corpus::read(f, b"", &ReadOptions::new()).unwrap_err();
        let write = |f: Format| corpus.write(f, &WriteOptions::new()).unwrap_err();
        for format in Format::ALL {
            if !format.reads_corpus() {
                assert!(
                    matches!(read(format), Error::Unsupported { .. }),
                    "{format}"
                );
            }
            if !format.writes_corpus() {
                assert!(
                    matches!(write(format), Error::Unsupported { .. }),
                    "{format}"
                );
            }
            if !format.is_framework() {
                assert!(matches!(
                    Framework::read(format, b""),
                    Err(Error::Unsupported { .. })
                ));
            }
        }
        assert_eq!(
            read(Format::Iccma).to_string(),
            "format `iccma`: it holds an argumentation framework, not a corpus: read it with Framework::read"
        );
        if Format::Neo4jCsv.is_available() {
            assert_eq!(
                write(Format::Neo4jCsv).to_string(),
                "format `neo4j`: it is a directory of files: write it with Corpus::write_neo4j_csv"
            );
        }
    }

    #[test]
    fn a_build_without_a_format_names_its_feature() {
        for format in Format::ALL {
            if format.is_available() {
                continue;
            }
            let feature = format.feature().expect("only optional formats are missing");
            let error = Corpus::read(format, b"{}", &ReadOptions::new())
                .map(drop)
                .or_else(|_| {
                    sino_soviet_split()
                        .write(format, &WriteOptions::new())
                        .map(drop)
                })
                .unwrap_err();
            assert!(
                error.to_string().contains(&format!("`{feature}`")),
                "{error}"
            );
        }
    }

    /// Each format written through the one API is what its own writer
    /// writes, and reads back through the one API as through its own
    /// reader.
    #[test]
    fn the_one_api_is_each_formats_own_reader_and_writer() -> Result<(), Error> {
        let corpus = sino_soviet_split();
        let options = WriteOptions::new();
        for format in Format::ALL {
            if !format.is_available() || !format.writes_corpus() {
                continue;
            }
            let bytes = corpus.write(format, &options)?;
            let text = String::from_utf8(bytes.clone()).expect("text");
            let own = match format {
                Format::Json => corpus.to_json(),
                #[cfg(feature = "aif")]
                Format::Aif => corpus.to_aif(),
                #[cfg(feature = "argdown")]
                Format::Argdown => corpus.to_argdown(),
                #[cfg(feature = "csl")]
                Format::CslJson => corpus.to_csl_json(),
                Format::Iccma => corpus
                    .view(options.view())
                    .framework()
                    .framework()
                    .to_iccma(),
                Format::Apx => corpus.view(options.view()).framework().framework().to_apx(),
                Format::Tgf => corpus.view(options.view()).framework().framework().to_tgf(),
                #[cfg(feature = "render")]
                Format::Dot => historiograph::render::argument_map(&corpus, options.map()).to_dot(),
                #[cfg(feature = "svg")]
                Format::Svg => historiograph::render::argument_map(&corpus, options.map()).to_svg(),
                #[cfg(feature = "graphml")]
                Format::GraphMl => corpus.to_graphml()?,
                other => panic!("{other} is written but not checked here"),
            };
            assert_eq!(text, own, "{format}");
            if format.is_framework() {
                let framework = Framework::read(format, &bytes)?;
                assert_eq!(framework.len(), corpus.count::<ClaimId>(), "{format}");
            } else if format.reads_corpus() {
                let back = Corpus::read(format, &bytes, &ReadOptions::new())?;
                if format != Format::CslJson {
                    assert!(back.is_lossless(), "{format}: {:?}", back.unmapped);
                    assert_eq!(back.corpus.to_json(), corpus.to_json(), "{format}");
                }
            }
        }
        Ok(())
    }

    #[test]
    fn merge_reads_into_a_corpus_all_or_nothing() -> Result<(), Error> {
        let mut corpus = sino_soviet_split();
        let before = corpus.clone();
        let more = br#"{"version": 1, "scholars": [{"key": "jersild", "name": "Austin Jersild"}]}"#;
        assert!(
            corpus
                .merge(Format::Json, more, &ReadOptions::new())?
                .is_empty()
        );
        assert!(
            corpus
                .lookup::<historiograph::ScholarId>("jersild")
                .is_some()
        );
        let mut again = before.clone();
        let taken = br#"{"version": 1, "scholars": [{"key": "luthi", "name": "Twice"}]}"#;
        assert!(
            again
                .merge(Format::Json, taken, &ReadOptions::new())
                .is_err()
        );
        assert_eq!(again, before);
        assert!(matches!(
            again.merge(Format::Dot, b"", &ReadOptions::new()),
            Err(Error::Unsupported { .. })
        ));
        Ok(())
    }
}
