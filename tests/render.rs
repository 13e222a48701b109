//! Pictures: golden DOT and SVG files for a small corpus, determinism,
//! escaping of hostile text, well-formed SVG, the layered layout (no
//! overlapping boxes, edges that start and end on their nodes) and long
//! chains.
//!
//! Golden files (DOT, and SVG with the `svg` feature) are in
//! `tests/data/render/`; after a deliberate change, rewrite them with
//! `BLESS=1 cargo test --test render` and review the diff.

mod common;

use common::pictures::*;
use historiograph::render::{self, MapOptions, PictureOptions};
use historiograph::*;

// ---------------------------------------------------------------------------
// Checks: DOT lexing and XML well-formedness
// ---------------------------------------------------------------------------

/// Every statement of our DOT sits on one line: each line has its quotes
/// closed and its HTML label's angle brackets balanced, and braces
/// balance over the file.
fn check_dot(dot: &str) {
    assert!(dot.starts_with("digraph historiograph {\n"), "{dot}");
    assert!(dot.ends_with("}\n"));
    let mut braces = 0i64;
    for (n, line) in dot.lines().enumerate() {
        let (mut quoted, mut escaped, mut angle) = (false, false, 0i64);
        let mut previous = ' ';
        for c in line.chars() {
            let arrow = c == '>' && previous == '-' && angle == 0;
            previous = c;
            if arrow {
                continue;
            }
            if quoted {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => quoted = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' if angle == 0 => quoted = true,
                '<' => angle += 1,
                '>' => angle -= 1,
                '{' if angle == 0 => braces += 1,
                '}' if angle == 0 => braces -= 1,
                _ => {}
            }
            assert!(angle >= 0, "line {}: unbalanced `>`: {line}", n + 1);
        }
        assert!(!quoted, "line {}: open quote: {line}", n + 1);
        assert_eq!(angle, 0, "line {}: unbalanced label: {line}", n + 1);
        assert!(
            !line.contains('\u{0}') && !line.contains('\u{7}'),
            "control character"
        );
    }
    assert_eq!(braces, 0, "braces do not balance");
}

#[test]
fn the_xml_check_can_fail() {
    assert!(parse_xml("<a><b></a></b>").is_err());
    assert!(parse_xml("<a x=1/>").is_err());
    assert!(parse_xml("<a>x < y</a>").is_err());
    assert!(parse_xml("<a>&nbsp;</a>").is_err());
    assert!(parse_xml("<a/><b/>").is_err());
    assert!(parse_xml("<a x=\"1\" x=\"2\"/>").is_err());
    assert!(parse_xml("<a>\u{7}</a>").is_err());
    assert!(parse_xml("<?xml version=\"1.0\"?>\n<a t=\"&amp;&#39;\">&lt;ok&gt;</a>\n").is_ok());
}

#[test]
#[should_panic(expected = "open quote")]
fn the_dot_check_can_fail() {
    check_dot("digraph historiograph {\n  a [label=\"x];\n}\n");
}

// ---------------------------------------------------------------------------
// Golden files and determinism
// ---------------------------------------------------------------------------

#[test]
fn dot_of_the_small_corpus_matches_the_golden_files() -> Result<()> {
    let corpus = small()?;
    for (name, picture) in pictures(&corpus)? {
        let dot = picture.to_dot();
        check_dot(&dot);
        golden(&format!("{name}.dot"), &dot);
    }
    Ok(())
}

/// The SVG of every picture, laid out in pure Rust, byte for byte: a change
/// to the layout or the writer shows here.
#[cfg(feature = "svg")]
#[test]
fn svg_of_the_small_corpus_matches_the_golden_files() -> Result<()> {
    let corpus = small()?;
    for (name, picture) in pictures(&corpus)? {
        golden(&format!("{name}.svg"), &picture.to_svg());
    }
    Ok(())
}

/// The argument map of the built-in corpus was a strip (Graphviz drew
/// about 40 components in one row, 15,109 × 648 pt, the legend at its far
/// end): the graph pictures now pack their components into a near-square
/// page, and the legend is a table under the title, at the top. The
/// timeline and the heat map keep `newrank` (Graphviz 2.43 crashes on
/// `pack` with `newrank`).
#[test]
fn graph_pictures_pack_their_components_with_the_legend_at_the_top() -> Result<()> {
    let corpus = historiograph::sino_soviet_split();
    for (name, picture) in pictures(&corpus)? {
        let dot = picture.to_dot();
        let graph = dot
            .lines()
            .find(|l| l.starts_with("  graph ["))
            .expect("graph attributes");
        if name.starts_with("map") || name.starts_with("comparison") {
            assert!(
                graph.contains(r#"pack=true, packmode="graph""#),
                "{name}: {graph}"
            );
            assert!(!graph.contains("newrank"), "{name}: {graph}");
            // The legend is in the graph's label, at the top (labelloc=t):
            // no legend node that packing could put anywhere.
            assert!(graph.contains("labelloc=t"), "{name}");
            assert!(graph.contains("<B>Legend</B>"), "{name}: {graph}");
            assert!(!dot.contains("\n  legend ["), "{name}");
        } else {
            assert!(
                graph.contains("newrank=true") && !graph.contains("pack"),
                "{name}"
            );
        }
    }
    Ok(())
}

#[test]
fn the_map_shows_families_attacks_supports_and_acceptance() -> Result<()> {
    let corpus = small()?;
    let dot = render::argument_map(&corpus, &MapOptions::new()).to_dot();
    // ideas is reinstated (its attacker no-ideas is out, defeated by power).
    assert!(dot.contains("Ideology · in</FONT>"), "{dot}");
    assert!(dot.contains("Ideology · denies · out"), "{dot}");
    // The variant takes its family's colour.
    let fill = |key: &str| -> String {
        let id = corpus.lookup::<ClaimId>(key).expect("claim").index();
        let line = dot
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("claim{id} [")))
            .expect("node line");
        let at = line.find("fillcolor=\"").expect("fill") + 11;
        line[at..at + 7].to_owned()
    };
    assert_eq!(fill("model"), fill("ideas"));
    assert_ne!(fill("power"), fill("ideas"));
    assert!(dot.contains("arrowhead=tee"));
    assert!(dot.contains("style=dashed, penwidth=1.3, arrowhead=normal"));
    assert!(dot.contains("Ideology (with Economic model)"));
    // No semantics: no status and no acceptance legend.
    let plain = render::argument_map(&corpus, &MapOptions::new().with_semantics(None)).to_dot();
    assert!(!plain.contains(" · in") && !plain.contains(" · out"));
    assert!(!plain.contains("grounded"));
    // Only some events.
    let crisis: EventId = corpus.resolve("crisis")?;
    let some = render::argument_map(&corpus, &MapOptions::new().with_events([crisis])).to_dot();
    assert!(some.contains("about power") && !some.contains("were a cover"));
    Ok(())
}

#[test]
fn output_is_deterministic() -> Result<()> {
    for corpus in [small()?, historiograph::sino_soviet_split()] {
        let again = Corpus::from_json(corpus.to_json())?;
        let first = pictures(&corpus)?;
        let second = pictures(&again)?;
        assert_eq!(first.len(), second.len());
        for ((name, a), (_, b)) in first.iter().zip(&second) {
            assert_eq!(a.to_dot(), b.to_dot(), "{name}");
            #[cfg(feature = "svg")]
            assert_eq!(a.to_svg(), b.to_svg(), "{name}");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------

#[test]
fn hostile_text_is_escaped_in_dot() -> Result<()> {
    let corpus = hostile()?;
    for (name, picture) in pictures(&corpus)? {
        let dot = picture.to_dot();
        check_dot(&dot);
        assert!(!dot.contains("<script>"), "{name}: raw markup");
        assert!(!dot.contains("\u{7}") && !dot.contains('\u{0}'), "{name}");
        assert!(dot.contains("&lt;script&gt;"), "{name}: {dot}");
        assert!(
            dot.contains("&amp;amp;"),
            "{name}: an entity in the text stays text"
        );
        assert!(dot.contains("漢字"), "{name}: unicode kept");
    }
    let map = render::argument_map(&corpus, &everything(MapOptions::new())).to_dot();
    // In tooltips (escStrings) quotes and backslashes are escaped.
    assert!(map.contains("Quote \\\" back\\\\slash"), "{map}");
    // In HTML labels quotes are entities.
    assert!(map.contains("Quote &quot; back\\slash"), "{map}");
    Ok(())
}

#[cfg(feature = "svg")]
#[test]
fn hostile_text_is_escaped_in_svg() -> Result<()> {
    let corpus = hostile()?;
    for (name, picture) in pictures(&corpus)? {
        let svg = picture.to_svg();
        parse_xml(&svg).unwrap_or_else(|e| panic!("{name}: {e}\n{svg}"));
        assert!(svg.contains("&lt;script&gt;"), "{name}");
        assert!(svg.contains("漢字"), "{name}");
    }
    Ok(())
}

#[cfg(feature = "svg")]
#[test]
fn every_svg_is_well_formed() -> Result<()> {
    for corpus in [small()?, historiograph::sino_soviet_split(), Corpus::new()] {
        for (name, picture) in pictures(&corpus)? {
            let svg = picture.to_svg();
            let elements = parse_xml(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(elements.first().map(|e| e.name.as_str()), Some("svg"));
            assert!(svg.contains("id=\"legend\""), "{name}: no legend");
        }
    }
    Ok(())
}

/// A decade (`196X`) is drawn as a faded bar over its ten years, like an
/// approximate date, and wider than a year inside it; the DOT timeline puts
/// it in the column of its first year and labels it as written.
#[test]
fn a_decade_spans_its_years_on_the_timeline() -> Result<()> {
    let mut c = Corpus::new();
    c.add_event(
        Event::new("sixties", "Sixties").with_when("196X".parse::<When>()?),
        None,
    )?;
    c.add_event(
        Event::new("year", "A year").with_when("1965".parse::<When>()?),
        None,
    )?;
    let picture = render::timeline(&c, &PictureOptions::new());
    let dot = picture.to_dot();
    check_dot(&dot);
    assert!(dot.contains("year1960"), "{dot}");
    assert!(dot.contains("196X"), "{dot}");
    #[cfg(feature = "svg")]
    {
        let svg = picture.to_svg();
        parse_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        // The bar of an event: the one rect in its group, after its title.
        let bar = |title: &str| -> (f64, bool) {
            let start = svg
                .find(&format!("<title>{title}"))
                .expect("the event's group");
            let group = &svg[start..];
            let group = &group[..group.find("</g>").expect("closed group")];
            let rect = &group[group.find("<rect").expect("a bar")..];
            let rect = &rect[..rect.find("/>").expect("closed rect")];
            let width = rect
                .split("width=\"")
                .nth(1)
                .and_then(|w| w.split('"').next())
                .and_then(|w| w.parse::<f64>().ok())
                .expect("a width");
            (width, rect.contains("fill-opacity"))
        };
        let (decade, decade_faded) = bar("Sixties (196X)");
        let (year, year_faded) = bar("A year (1965)");
        assert!(decade_faded && !year_faded, "{svg}");
        assert!(decade > 3.0 * year, "decade {decade}, year {year}\n{svg}");
        // Its last year has a column of its own on the axis.
        assert!(svg.contains(">1969</text>"), "{svg}");
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

/// An edge as drawn: from id, to id, points.
#[cfg(feature = "svg")]
type Path = (String, String, Vec<(f64, f64)>);

/// The node boxes (by id) and edge paths (from id, to id, points) of one
/// of our graph SVGs.
#[cfg(feature = "svg")]
fn geometry(svg: &str) -> (Vec<(String, Box2)>, Vec<Path>) {
    let elements = parse_xml(svg).expect("well-formed");
    let number = |e: &Element, a: &str| -> f64 {
        e.attribute(a)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{a} of {e:?}"))
    };
    let mut boxes: Vec<(String, Box2)> = Vec::new();
    let mut paths = Vec::new();
    for (i, e) in elements.iter().enumerate() {
        if e.name == "rect" {
            let Some(p) = e.parent else { continue };
            let group = &elements[p];
            let first = !elements[p + 1..i].iter().any(|x| x.name == "rect");
            if group.attribute("class") == Some("node") && first {
                boxes.push((
                    group.attribute("id").unwrap_or_default().to_owned(),
                    Box2 {
                        x: number(e, "x"),
                        y: number(e, "y"),
                        w: number(e, "width"),
                        h: number(e, "height"),
                    },
                ));
            }
        }
        if e.name == "path" {
            if let (Some(from), Some(to), Some(d)) = (
                e.attribute("data-from"),
                e.attribute("data-to"),
                e.attribute("d"),
            ) {
                let points = d
                    .split_whitespace()
                    .map(|p| {
                        let (x, y) = p
                            .trim_start_matches(['M', 'L'])
                            .split_once(',')
                            .expect("x,y");
                        (x.parse().expect("x"), y.parse().expect("y"))
                    })
                    .collect();
                paths.push((from.to_owned(), to.to_owned(), points));
            }
        }
    }
    (boxes, paths)
}

#[cfg(feature = "svg")]
fn check_layout(svg: &str, counts: Option<(usize, usize)>) {
    let (boxes, paths) = geometry(svg);
    if let Some((nodes, edges)) = counts {
        assert_eq!(boxes.len(), nodes, "every node drawn once");
        assert_eq!(paths.len(), edges, "every edge drawn once");
    }
    for (i, (a_id, a)) in boxes.iter().enumerate() {
        assert!(a.w > 0.0 && a.h > 0.0);
        for (b_id, b) in &boxes[i + 1..] {
            let apart = a.x + a.w <= b.x + 0.05
                || b.x + b.w <= a.x + 0.05
                || a.y + a.h <= b.y + 0.05
                || b.y + b.h <= a.y + 0.05;
            assert!(apart, "{a_id} {a:?} overlaps {b_id} {b:?}");
        }
    }
    let find = |id: &str| boxes.iter().find(|(i, _)| i == id).map(|(_, b)| *b);
    for (from, to, points) in &paths {
        assert!(points.len() >= 2);
        let (a, b) = (find(from).expect("from node"), find(to).expect("to node"));
        let (start, end) = (points[0], points[points.len() - 1]);
        assert!(
            on_border(a, start),
            "edge {from}->{to} starts off {from}: {start:?} {a:?}"
        );
        assert!(
            on_border(b, end),
            "edge {from}->{to} ends off {to}: {end:?} {b:?}"
        );
    }
}

#[cfg(feature = "svg")]
mod layout {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn boxes_never_overlap_and_edges_end_on_their_nodes((lengths, edges) in debate()) {
            let (corpus, count) = build_debate(&lengths, &edges);
            // Top to bottom: the argument map.
            let svg = render::argument_map(&corpus, &MapOptions::new()).to_svg();
            check_layout(&svg, Some((lengths.len(), count)));
            // Left to right: the comparison (event, explanations, claims, attacks).
            let event = corpus.lookup::<EventId>("e").expect("event");
            let comparison = corpus.view(&CompareOptions::new()).compare(event).expect("compare");
            let picture = render::comparison(&corpus, &comparison, &PictureOptions::new());
            check_layout(&picture.to_svg(), None);
        }
    }
}

#[test]
fn the_layout_check_can_fail() {
    let a = Box2 {
        x: 0.0,
        y: 0.0,
        w: 10.0,
        h: 10.0,
    };
    assert!(on_border(a, (5.0, 10.0)));
    assert!(!on_border(a, (5.0, 5.0)));
    assert!(!on_border(a, (15.0, 10.0)));
}

// ---------------------------------------------------------------------------
// Long chains
// ---------------------------------------------------------------------------

#[test]
fn long_chains_do_not_overflow_the_stack() -> Result<()> {
    const N: usize = 20_000;
    let mut c = Corpus::new();
    let x = c.add_explanation(Explanation::new("x", "X"), None)?;
    let mut events = Vec::with_capacity(N);
    let mut parent = None;
    for i in 0..N {
        let when: When = format!("{}", 1000 + (i % 1000)).parse()?;
        let e = c.add_event(
            Event::new(format!("e{i}"), format!("Event {i}")).with_when(when),
            parent,
        )?;
        parent = Some(e);
        events.push(e);
    }
    let mut previous = None;
    for (i, &event) in events.iter().enumerate() {
        let claim = c.add_claim(
            Claim::new(format!("c{i}"), format!("Claim {i}")),
            x,
            [event],
        )?;
        if let Some(p) = previous {
            c.attack(p, claim, AttackKind::Rebuts)?;
        }
        previous = Some(claim);
    }
    // Run on a thread with a small stack: recursion over depth would overflow.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let map = render::argument_map(&c, &MapOptions::new().with_clusters(true));
            let timeline = render::timeline(&c, &PictureOptions::new());
            #[cfg_attr(not(feature = "svg"), allow(unused_mut))]
            let mut sizes = vec![map.to_dot().len(), timeline.to_dot().len()];
            #[cfg(feature = "svg")]
            {
                let svg = map.to_svg();
                sizes.push(svg.matches("class=\"node\"").count());
                sizes.push(timeline.to_svg().len());
            }
            sizes
        })
        .expect("spawn");
    let sizes = handle.join().expect("no stack overflow");
    assert!(sizes.iter().all(|&s| s > 0));
    #[cfg(feature = "svg")]
    assert_eq!(sizes[2], N);
    Ok(())
}
