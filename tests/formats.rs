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
    assert_eq!(Framework::from_apx(&af.to_apx())?, af);
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
    assert_eq!(Framework::from_tgf(&af.to_tgf())?, af);
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
    let view = corpus.framework(&historiograph::CompareOptions::new());
    let af = view.framework();
    let names = |f: &Framework| f.arguments().map(|a| f.name(a)).collect::<Vec<_>>();
    for back in [
        Framework::from_apx(&af.to_apx())?,
        Framework::from_tgf(&af.to_tgf())?,
    ] {
        assert_eq!(names(&back), names(af));
        assert_eq!(attacks(&back), attacks(af));
    }
    let numbered = Framework::from_iccma(&af.to_iccma())?;
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
        let iccma = Framework::from_iccma(&af.to_iccma()).expect("our own output");
        prop_assert_eq!(attacks(&iccma), attacks(&af));
        prop_assert_eq!(iccma.len(), af.len());
        let apx = Framework::from_apx(&af.to_apx()).expect("our own output");
        prop_assert_eq!(attacks(&apx), attacks(&af));
        let tgf = Framework::from_tgf(&af.to_tgf()).expect("our own output");
        prop_assert_eq!(attacks(&tgf), attacks(&af));
    }

    #[test]
    fn readers_never_panic(text in "[pafrgt0-9 ()#,.%\\n\\-]{0,80}") {
        let _ = Framework::from_iccma(&text);
        let _ = Framework::from_apx(&text);
        let _ = Framework::from_tgf(&text);
    }
}
