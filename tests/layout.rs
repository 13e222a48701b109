//! Layouts as data: every picture's layout within its bounds, boxes that
//! never overlap, edges from border to border, every node of the scene
//! once (as DOT draws it), entities by id, through JSON and back, a golden
//! JSON file per kind of picture, and layouts from elsewhere drawn without
//! a panic.
//!
//! Golden files are in `tests/data/render/`; after a deliberate change,
//! rewrite them with `BLESS=1 cargo test --test layout` and review the
//! diff.

mod common;

use common::pictures::*;
use historiograph::render::{
    self, GraphLayout, HeatMapLayout, Label, Layout, Legend, MapOptions, PictureOptions, Rect,
    Sample, TimelineLayout, Xy,
};
use historiograph::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/// What a test that also reads JSON returns.
type Fallible = std::result::Result<(), Box<dyn std::error::Error>>;

/// Within the picture, give or take a rounding error.
fn check_point(p: Xy, width: f64, height: f64, what: &str) {
    let e = 1e-6;
    assert!(p.x.is_finite() && p.y.is_finite(), "{what}: {p:?}");
    assert!(
        p.x >= -e && p.x <= width + e && p.y >= -e && p.y <= height + e,
        "{what} {p:?} outside {width} x {height}"
    );
}

fn check_rect(r: Rect, width: f64, height: f64, what: &str) {
    assert!(r.width >= 0.0 && r.height >= 0.0, "{what}: {r:?}");
    check_point(Xy::new(r.x, r.y), width, height, what);
    check_point(Xy::new(r.right(), r.bottom()), width, height, what);
}

fn check_label(label: &Label, offset: Xy, width: f64, height: f64) {
    let at = Xy::new(offset.x + label.at().x, offset.y + label.at().y);
    check_point(at, width, height, label.text());
    assert!(label.size() > 0.0 && !label.text().contains('\n'));
}

fn check_legend(legend: &Legend, width: f64, height: f64) {
    let origin = Xy::default();
    if let Some(frame) = legend.frame() {
        check_rect(frame, width, height, "legend");
    }
    check_label(legend.heading(), origin, width, height);
    for entry in legend.entries() {
        if let Some(label) = entry.label() {
            check_label(label, origin, width, height);
        }
        let (rects, points): (Vec<Rect>, Vec<Xy>) = match entry.sample() {
            Some(Sample::Fill { rect, .. })
            | Some(Sample::Border { rect, .. })
            | Some(Sample::Bar { rect, .. })
            | Some(Sample::Quiet { rect }) => (vec![*rect], vec![]),
            Some(Sample::Arrow { line, .. }) => (vec![], line.to_vec()),
            Some(Sample::Diamond { points, .. }) => (vec![], points.to_vec()),
            Some(Sample::Scale { rect, ticks, .. }) => {
                for tick in ticks {
                    check_label(&tick.label, origin, width, height);
                }
                (vec![*rect], ticks.iter().flat_map(|t| t.line).collect())
            }
            Some(other) => panic!("a sample this test does not know: {other:?}"),
            None => (vec![], vec![]),
        };
        for r in rects {
            check_rect(r, width, height, "legend sample");
        }
        for p in points {
            check_point(p, width, height, "legend sample");
        }
    }
}

fn as_box(r: Rect) -> Box2 {
    Box2 {
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
    }
}

/// A graph's layout: every number finite and within the picture (boxes
/// and paths within the graph's area), no two boxes overlapping, every
/// edge from its source's border to its target's, no entity twice.
fn check_graph(g: &GraphLayout) {
    let (width, height) = (g.width(), g.height());
    assert!(width > 0.0 && height > 0.0 && width.fract() == 0.0 && height.fract() == 0.0);
    let area = g.area();
    check_rect(area, width, height, "area");
    let origin = Xy::new(area.x, area.y);
    check_label(g.title(), Xy::default(), width, height);
    let mut entities = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    for (i, node) in g.nodes().iter().enumerate() {
        assert!(entities.insert(node.entity()), "{:?} twice", node.entity());
        assert!(ids.insert(node.element_id()), "{} twice", node.element_id());
        let r = node.rect();
        assert!(r.width > 0.0 && r.height > 0.0, "{r:?}");
        check_rect(r, area.width, area.height, node.key());
        for label in node.caption().into_iter().chain(node.lines()) {
            check_label(label, origin, width, height);
            assert!(r.contains(label.at()), "{} outside its box", label.text());
        }
        for other in &g.nodes()[i + 1..] {
            let o = other.rect();
            let apart =
                r.right() <= o.x || o.right() <= r.x || r.bottom() <= o.y || o.bottom() <= r.y;
            assert!(apart, "{} {r:?} overlaps {} {o:?}", node.key(), other.key());
            assert!(!r.overlaps(&o));
        }
        if let Some(c) = node.cluster() {
            assert!(c < g.clusters().len());
        }
    }
    for edge in g.edges() {
        let (from, to) = (&g.nodes()[edge.from()], &g.nodes()[edge.to()]);
        let points = edge.points();
        assert!(points.len() >= 2 && edge.from() != edge.to());
        for &p in points {
            check_point(p, area.width, area.height, edge.tooltip());
        }
        let (start, end) = (points[0], points[points.len() - 1]);
        let (a, b) = (as_box(from.rect()), as_box(to.rect()));
        assert!(
            on_border_within(a, (start.x, start.y), 1e-6),
            "{} starts off its source: {start:?} {a:?}",
            edge.tooltip()
        );
        assert!(
            on_border_within(b, (end.x, end.y), 1e-6),
            "{} ends off its target: {end:?} {b:?}",
            edge.tooltip()
        );
        assert!(edge.head().is_some(), "{}", edge.tooltip());
        let middle = edge.midpoint().expect("a midpoint");
        check_point(middle, area.width, area.height, "midpoint");
    }
    if let Some(legend) = g.legend() {
        check_legend(legend, width, height);
        let frame = legend.frame().expect("a frame");
        assert!(
            frame.x >= area.right(),
            "the legend lies right of the graph"
        );
    }
}

/// The timeline's layout: every event once, every number within the
/// picture, rows one under another, marks on the axis.
fn check_timeline(t: &TimelineLayout) {
    let (width, height) = (t.width(), t.height());
    let origin = Xy::default();
    check_label(t.title(), origin, width, height);
    for heading in t.headings() {
        check_label(heading, origin, width, height);
    }
    let mut events = std::collections::HashSet::new();
    for (i, row) in t.rows().iter().enumerate() {
        assert!(events.insert(row.event()), "{} twice", row.key());
        check_rect(row.band(), width, height, row.key());
        if i > 0 {
            assert!(t.rows()[i - 1].band().bottom() <= row.band().y + 1e-9);
        }
        check_label(row.name(), origin, width, height);
        check_label(row.date(), origin, width, height);
        if let Some(p) = row.parent() {
            assert!(p < i && t.rows()[p].depth() + 1 == row.depth());
            assert!(row.branch().is_some());
        }
        for p in row.branch().into_iter().flatten() {
            check_point(p, width, height, "branch");
        }
        let (left, right) = t.axis().map_or((0.0, 0.0), |a| {
            (a.years().first().map_or(a.end(), |y| y.x()), a.end())
        });
        match row.mark() {
            Some(render::DateMark::Bar { rect, open, .. }) => {
                check_rect(*rect, width, height, row.key());
                assert!(rect.x >= left - 1e-9 && rect.right() <= right + 1e-9);
                if let Some(arrow) = open {
                    check_label(arrow, origin, width, height);
                }
            }
            Some(render::DateMark::Diamond { points, .. }) => {
                for &p in points {
                    check_point(p, width, height, row.key());
                }
            }
            Some(other) => panic!("a mark this test does not know: {other:?}"),
            None => assert!(t.axis().is_none() || row.date().text().starts_with("undated")),
        }
    }
    if let Some(axis) = t.axis() {
        let mut x = axis.years().first().map_or(axis.end(), |y| y.x());
        for year in axis.years() {
            assert!((year.x() - x).abs() < 1e-6 && year.width() > 0.0);
            x += year.width();
            assert_eq!(year.label().is_some(), year.is_busy());
            if let Some(label) = year.label() {
                check_label(label, origin, width, height);
            }
        }
        assert!((axis.end() - x).abs() < 1e-6 && axis.end() <= width);
    }
    check_legend(t.legend(), width, height);
}

/// The heat map's layout: every cell in the grid, in its row and column.
fn check_heat(h: &HeatMapLayout) {
    let (width, height) = (h.width(), h.height());
    let origin = Xy::default();
    check_label(h.title(), origin, width, height);
    let grid = h.grid();
    check_rect(grid, width, height, "grid");
    for column in h.columns() {
        check_rect(column.strip(), width, height, column.key());
        check_label(column.header(), origin, width, height);
    }
    for (i, row) in h.rows().iter().enumerate() {
        check_label(row.label(), origin, width, height);
        assert!(row.cells().is_empty() || row.cells().len() == h.columns().len());
        for (k, cell) in row.cells().iter().enumerate() {
            let r = cell.rect();
            check_rect(r, width, height, row.key());
            let strip = h.columns()[k].strip();
            assert!(
                r.x <= strip.x && strip.right() <= r.right(),
                "cell under its column"
            );
            assert!(
                (r.y - (grid.y + i as f64 * r.height)).abs() < 1e-6,
                "cell in its row"
            );
            assert!(
                grid.contains(Xy::new(r.x, r.y)) && grid.contains(Xy::new(r.right(), r.bottom()))
            );
            assert_eq!(cell.verdict().is_some(), cell.text().is_some());
            assert_eq!(cell.verdict().is_some(), cell.score().is_some());
            if let Some(text) = cell.text() {
                assert!(r.contains(text.at()));
            }
        }
    }
    check_legend(h.legend(), width, height);
}

// ---------------------------------------------------------------------------
// Texts apart: no label overlaps another, or a sample, a box or a mark
// ---------------------------------------------------------------------------

/// A convex outline in picture coordinates: its corners in order.
type Outline = Vec<Xy>;

/// What a text must keep clear of: a label, a legend sample, a box, a mark.
struct Area {
    what: String,
    outline: Outline,
    /// The box or cell a label belongs to, which it may sit on.
    owner: Option<usize>,
}

/// Overlaps smaller than this (in px) are rounding: JSON keeps a tenth.
const SLACK: f64 = 0.05;

/// The box of a label's text, as laid out: its estimated width (6.9 px a
/// column at 12 px, wide characters two), from 0.8 of its size above the
/// baseline to 0.2 below, placed by its anchor and turned about its point
/// as SVG turns it.
fn text_box(label: &Label, offset: Xy) -> Outline {
    let width = label.estimated_width();
    let size = label.size();
    let left = match label.anchor() {
        render::Anchor::Start => 0.0,
        render::Anchor::Middle => -width / 2.0,
        render::Anchor::End => -width,
    };
    let (sin, cos) = label.rotation().unwrap_or(0.0).to_radians().sin_cos();
    let at = Xy::new(offset.x + label.at().x, offset.y + label.at().y);
    [
        (left, -0.8 * size),
        (left + width, -0.8 * size),
        (left + width, 0.2 * size),
        (left, 0.2 * size),
    ]
    .into_iter()
    .map(|(x, y)| Xy::new(at.x + x * cos - y * sin, at.y + x * sin + y * cos))
    .collect()
}

fn rect_outline(r: Rect, offset: Xy) -> Outline {
    let (x, y) = (offset.x + r.x, offset.y + r.y);
    vec![
        Xy::new(x, y),
        Xy::new(x + r.width, y),
        Xy::new(x + r.width, y + r.height),
        Xy::new(x, y + r.height),
    ]
}

/// The bounding box of some points, as an outline.
fn hull(points: &[Xy]) -> Outline {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    rect_outline(Rect::new(x0, y0, x1 - x0, y1 - y0), Xy::default())
}

/// Whether two convex outlines overlap by more than [`SLACK`]: no axis
/// (an edge's normal) separates them (the separating axis theorem).
fn outlines_overlap(a: &Outline, b: &Outline) -> bool {
    for outline in [a, b] {
        for (i, p) in outline.iter().enumerate() {
            let q = outline[(i + 1) % outline.len()];
            let (nx, ny) = (p.y - q.y, q.x - p.x);
            let length = (nx * nx + ny * ny).sqrt();
            if length < 1e-9 {
                continue;
            }
            let project = |o: &Outline| {
                o.iter()
                    .map(|c| (c.x * nx + c.y * ny) / length)
                    .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
            };
            let ((a0, a1), (b0, b1)) = (project(a), project(b));
            if a1 <= b0 + SLACK || b1 <= a0 + SLACK {
                return false;
            }
        }
    }
    true
}

fn sample_outline(sample: &Sample) -> Option<Outline> {
    Some(match sample {
        Sample::Fill { rect, .. }
        | Sample::Border { rect, .. }
        | Sample::Bar { rect, .. }
        | Sample::Quiet { rect }
        | Sample::Scale { rect, .. } => rect_outline(*rect, Xy::default()),
        Sample::Arrow { line, head, .. } => {
            let mut points = line.to_vec();
            points.extend(head.iter().flat_map(head_points));
            hull(&points)
        }
        Sample::Diamond { points, .. } => points.to_vec(),
        other => panic!("a sample this test does not know: {other:?}"),
    })
}

fn head_points(head: &render::Arrowhead) -> Vec<Xy> {
    match head {
        render::Arrowhead::Normal { points } => points.to_vec(),
        render::Arrowhead::Tee { ends } => ends.to_vec(),
        render::Arrowhead::Dot { centre, radius } => vec![
            Xy::new(centre.x - radius, centre.y - radius),
            Xy::new(centre.x + radius, centre.y + radius),
        ],
        other => panic!("a head this test does not know: {other:?}"),
    }
}

/// A legend's texts (tick values too) and samples.
fn legend_shapes(legend: &Legend, texts: &mut Vec<Area>, marks: &mut Vec<Area>) {
    let origin = Xy::default();
    let text = |label: &Label| Area {
        what: format!("legend text {:?}", label.text()),
        outline: text_box(label, origin),
        owner: None,
    };
    texts.push(text(legend.heading()));
    for entry in legend.entries() {
        texts.extend(entry.label().map(text));
        if let Some(Sample::Scale { ticks, .. }) = entry.sample() {
            texts.extend(ticks.iter().map(|t| text(&t.label)));
        }
        if let Some(outline) = entry.sample().and_then(sample_outline) {
            let what = format!("the sample of {:?}", entry.label().map(Label::text));
            marks.push(Area {
                what,
                outline,
                owner: None,
            });
        }
    }
}

/// Every text of a layout, and what texts must keep clear of besides one
/// another, in picture coordinates.
fn shapes(layout: &Layout) -> (Vec<Area>, Vec<Area>) {
    let (mut texts, mut marks) = (Vec::new(), Vec::new());
    let origin = Xy::default();
    let text = |what: String, label: &Label, offset: Xy, owner: Option<usize>| Area {
        what: format!("{what} {:?}", label.text()),
        outline: text_box(label, offset),
        owner,
    };
    texts.push(text("the title".into(), layout.title(), origin, None));
    match layout {
        Layout::Graph(g) => {
            let area = Xy::new(g.area().x, g.area().y);
            for (i, node) in g.nodes().iter().enumerate() {
                for label in node.caption().into_iter().chain(node.lines()) {
                    texts.push(text(format!("in {}", node.key()), label, area, Some(i)));
                }
                marks.push(Area {
                    what: format!("the box of {}", node.key()),
                    outline: rect_outline(node.rect(), area),
                    owner: Some(i),
                });
            }
            if let Some(legend) = g.legend() {
                legend_shapes(legend, &mut texts, &mut marks);
            }
        }
        Layout::Timeline(t) => {
            for heading in t.headings() {
                texts.push(text("the heading".into(), heading, origin, None));
            }
            for year in t.axis().iter().flat_map(|a| a.years()) {
                if let Some(label) = year.label() {
                    texts.push(text("the year".into(), label, origin, None));
                }
            }
            for row in t.rows() {
                texts.push(text(
                    format!("the name of {}", row.key()),
                    row.name(),
                    origin,
                    None,
                ));
                texts.push(text(
                    format!("the date of {}", row.key()),
                    row.date(),
                    origin,
                    None,
                ));
                let what = format!("the mark of {}", row.key());
                match row.mark() {
                    Some(render::DateMark::Bar { rect, open, .. }) => {
                        marks.push(Area {
                            what,
                            outline: rect_outline(*rect, origin),
                            owner: None,
                        });
                        if let Some(arrow) = open {
                            texts.push(text(format!("after {}", row.key()), arrow, origin, None));
                        }
                    }
                    Some(render::DateMark::Diamond { points, .. }) => marks.push(Area {
                        what,
                        outline: points.to_vec(),
                        owner: None,
                    }),
                    Some(other) => panic!("a mark this test does not know: {other:?}"),
                    None => {}
                }
            }
            legend_shapes(t.legend(), &mut texts, &mut marks);
        }
        Layout::HeatMap(h) => {
            for column in h.columns() {
                texts.push(text(
                    format!("the header of {}", column.key()),
                    column.header(),
                    origin,
                    None,
                ));
                marks.push(Area {
                    what: format!("the strip of {}", column.key()),
                    outline: rect_outline(column.strip(), origin),
                    owner: None,
                });
            }
            let columns = h.columns().len().max(1);
            for (i, row) in h.rows().iter().enumerate() {
                texts.push(text(
                    format!("the row {}", row.key()),
                    row.label(),
                    origin,
                    None,
                ));
                for (k, cell) in row.cells().iter().enumerate() {
                    let owner = Some(i * columns + k);
                    if let Some(label) = cell.text() {
                        texts.push(text(
                            format!("in a cell of {}", row.key()),
                            label,
                            origin,
                            owner,
                        ));
                    }
                    marks.push(Area {
                        what: format!("a cell of {}", row.key()),
                        outline: rect_outline(cell.rect(), origin),
                        owner,
                    });
                }
            }
            legend_shapes(h.legend(), &mut texts, &mut marks);
        }
        other => panic!("a layout this test does not know: {other:?}"),
    }
    (texts, marks)
}

/// No text overlaps another text, or a legend sample, a box, a cell or a
/// mark other than its own; and every text lies within the picture.
fn check_texts_apart(layout: &Layout) {
    let (texts, marks) = shapes(layout);
    let (width, height) = (layout.width(), layout.height());
    for (i, a) in texts.iter().enumerate() {
        for p in &a.outline {
            assert!(
                p.x >= -SLACK && p.x <= width + SLACK && p.y >= -SLACK && p.y <= height + SLACK,
                "{} runs out of the picture ({width} x {height}): {:?}",
                a.what,
                a.outline
            );
        }
        for b in &texts[i + 1..] {
            assert!(
                !outlines_overlap(&a.outline, &b.outline),
                "{} overlaps {}: {:?} and {:?}",
                a.what,
                b.what,
                a.outline,
                b.outline
            );
        }
        for b in marks
            .iter()
            .filter(|b| b.owner.is_none() || b.owner != a.owner)
        {
            assert!(
                !outlines_overlap(&a.outline, &b.outline),
                "{} overlaps {}: {:?} and {:?}",
                a.what,
                b.what,
                a.outline,
                b.outline
            );
        }
    }
}

fn check_layout(layout: &Layout) {
    assert!(layout.width().is_finite() && layout.height().is_finite());
    match layout {
        Layout::Graph(g) => check_graph(g),
        Layout::Timeline(t) => check_timeline(t),
        Layout::HeatMap(h) => check_heat(h),
        other => panic!("a layout this test does not know: {other:?}"),
    }
}

/// The nodes (ids) and edges (pairs of ids) of our DOT.
fn dot_graph(dot: &str) -> (Vec<String>, Vec<(String, String)>) {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for line in dot.lines().map(str::trim_start) {
        let Some((head, _)) = line.split_once(" [") else {
            continue;
        };
        match head.split_once(" -> ") {
            Some((a, b)) => edges.push((a.to_owned(), b.to_owned())),
            None if !matches!(head, "graph" | "node" | "edge" | "legend") => {
                nodes.push(head.to_owned())
            }
            None => {}
        }
    }
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

/// A graph picture's layout holds every node of its DOT once, and every
/// edge: the two writers read one scene.
fn check_against_dot(picture: &render::Picture) {
    let layout = picture.layout();
    let graph = layout.as_graph().expect("a graph");
    let (dot_nodes, dot_edges) = dot_graph(&picture.to_dot());
    let mut nodes: Vec<String> = graph
        .nodes()
        .iter()
        .map(|n| n.element_id().to_owned())
        .collect();
    nodes.sort();
    let id = |i: usize| graph.nodes()[i].element_id().to_owned();
    let mut edges: Vec<(String, String)> = graph
        .edges()
        .iter()
        .map(|e| (id(e.from()), id(e.to())))
        .collect();
    edges.sort();
    assert_eq!(nodes, dot_nodes);
    assert_eq!(edges, dot_edges);
}

/// Through JSON and back: the second writing is the first, every number
/// as the first wrote it.
fn round_trip(layout: &Layout) -> Layout {
    let json = serde_json::to_string(layout).expect("serializable");
    let back: Layout = serde_json::from_str(&json).expect("readable");
    assert_eq!(serde_json::to_string(&back).expect("serializable"), json);
    back
}

// ---------------------------------------------------------------------------
// The built-in corpus and a small one
// ---------------------------------------------------------------------------

#[test]
fn every_layout_of_the_built_in_corpus_holds_and_round_trips() -> Fallible {
    let corpus = historiograph::sino_soviet_split();
    let mut all = pictures(&corpus)?;
    all.push((
        "map-full",
        render::argument_map(&corpus, &everything(MapOptions::new())),
    ));
    let mut kinds = std::collections::BTreeSet::new();
    for (name, picture) in &all {
        let layout = picture.layout();
        check_layout(&layout);
        if layout.as_graph().is_some() {
            check_against_dot(picture);
        }
        let back = round_trip(&layout);
        // A tool drawing from the JSON alone draws what the SVG shows.
        #[cfg(feature = "svg")]
        assert!(back.to_svg() == picture.to_svg(), "{name}");
        #[cfg(not(feature = "svg"))]
        let _ = (name, back);
        kinds.insert(serde_json::to_value(&layout)?["kind"].to_string());
    }
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    Ok(())
}

/// Every picture the `render` example writes, and every picture of the
/// test corpora: no text overlaps another, or a legend sample, a box, a
/// cell or a mark (the timeline's "a day or a month" ran into the
/// "approximate" swatch), and every text lies within its picture.
#[test]
fn no_text_overlaps_another_or_a_sample_in_any_picture() -> Fallible {
    let corpus = historiograph::sino_soviet_split();
    let crisis: EventId = corpus.resolve("taiwan-strait-crisis-1958")?;
    let leap: EventId = corpus.resolve("great-leap-forward")?;
    let mut all = pictures(&corpus)?;
    all.push((
        "map-scholars-evidence-1958",
        render::argument_map(
            &corpus,
            &everything(MapOptions::new()).with_events([crisis, leap]),
        ),
    ));
    all.push((
        "map-full",
        render::argument_map(&corpus, &everything(MapOptions::new())),
    ));
    let events: Vec<EventId> = corpus.events_by_date().collect();
    let matrix = corpus
        .view(&CompareOptions::new().with_roll_up(true))
        .matrix(events)?;
    all.push(("heat-map-rolled-up", render::heat_map(&corpus, &matrix)));
    for other in [small()?, hostile()?, Corpus::new()] {
        all.extend(pictures(&other)?);
    }
    for (_, picture) in &all {
        let layout = picture.layout();
        check_texts_apart(&layout);
        check_texts_apart(&round_trip(&layout));
    }
    Ok(())
}

#[test]
#[should_panic(expected = "overlaps")]
fn the_text_check_can_fail() {
    let corpus = small().expect("corpus");
    let layout = render::timeline(&corpus, &PictureOptions::new()).layout();
    let mut json = serde_json::to_value(&layout).expect("serializable");
    // The first row's date written where its name is.
    json["rows"][0]["date"]["at"] = json["rows"][0]["name"]["at"].clone();
    let odd: Layout = serde_json::from_value(json).expect("readable");
    check_texts_apart(&odd);
}

#[test]
fn a_layout_says_what_each_box_and_arrow_stands_for() -> Fallible {
    let corpus = small()?;
    let map = render::argument_map(&corpus, &everything(MapOptions::new())).layout();
    let graph = map.as_graph().expect("a graph");
    let ideas: ClaimId = corpus.resolve("ideas")?;
    let at = graph.node_of(Node::Claim(ideas)).expect("ideas drawn");
    let node = &graph.nodes()[at];
    assert_eq!(node.key(), "ideas");
    assert_eq!(node.shape(), render::Shape::Rounded);
    assert_eq!(node.border(), render::Stroke::Bold, "ideas is in");
    assert_eq!(node.lines()[0].text(), "Ideas drove the partners apart,");
    assert_eq!(
        graph.clusters()[node.cluster().expect("grouped")].label(),
        "The split"
    );
    let kinds: Vec<render::EdgeKind> = graph
        .edges()
        .iter()
        .filter(|e| e.to() == at)
        .map(|e| e.kind())
        .collect();
    assert!(kinds.contains(&render::EdgeKind::Attack(AttackKind::Rebuts)));
    assert!(kinds.contains(&render::EdgeKind::Support));
    assert!(kinds.contains(&render::EdgeKind::Stance(Stance::Advances)));
    assert!(kinds.contains(&render::EdgeKind::Evidence(Bearing::Supports)));
    let json = serde_json::to_value(graph)?;
    assert_eq!(
        json["nodes"][at]["entity"],
        format!("claim#{}", ideas.index())
    );
    // The comparison: explanations with their verdicts on the event.
    let crisis: EventId = corpus.resolve("crisis")?;
    let comparison = corpus.view(&CompareOptions::new()).compare(crisis)?;
    let layout = render::comparison(&corpus, &comparison, &PictureOptions::new()).layout();
    let graph = layout.as_graph().expect("a graph");
    assert!(graph.is_left_to_right());
    let event = graph.node_of(Node::Event(crisis)).expect("the event");
    for standing in comparison.standings() {
        let x = graph
            .node_of(Node::Explanation(standing.id()))
            .expect("drawn");
        let edge = graph
            .edges()
            .iter()
            .find(|e| e.from() == x && e.to() == event);
        assert_eq!(
            edge.map(|e| e.kind()),
            Some(render::EdgeKind::Verdict(standing.verdict()))
        );
    }
    // The timeline and the heat map speak in ids too.
    let timeline = render::timeline(&corpus, &PictureOptions::new()).layout();
    let rows = timeline.as_timeline().expect("a timeline").rows();
    assert_eq!(rows.len(), corpus.count::<EventId>());
    assert!(rows.iter().any(|r| r.event() == crisis && r.depth() == 1));
    let events: Vec<EventId> = corpus.events_by_date().collect();
    let matrix = corpus.view(&CompareOptions::new()).matrix(events)?;
    let heat = render::heat_map(&corpus, &matrix).layout();
    let heat = heat.as_heat_map().expect("a heat map");
    assert_eq!(heat.rows().len(), matrix.events().len());
    assert_eq!(
        heat.columns()
            .iter()
            .map(|c| c.explanation())
            .collect::<Vec<_>>(),
        matrix.explanations()
    );
    Ok(())
}

/// The layouts of a small debate (`tests/data/v1-small.json`) as JSON: a
/// change to the format, or to the layout, shows here.
#[test]
fn layouts_of_a_small_corpus_match_the_golden_json() -> Result<()> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1-small.json"),
    )
    .expect("the small corpus");
    let corpus = Corpus::from_json(&text)?;
    let map = render::argument_map(&corpus, &everything(MapOptions::new()));
    let timeline = render::timeline(&corpus, &PictureOptions::new());
    let events: Vec<EventId> = corpus.events_by_date().collect();
    let matrix = corpus.view(&CompareOptions::new()).matrix(events)?;
    let heat = render::heat_map(&corpus, &matrix);
    for (name, picture) in [("map", map), ("timeline", timeline), ("heat-map", heat)] {
        let layout = picture.layout();
        let json = serde_json::to_string_pretty(&layout).expect("serializable") + "\n";
        golden(&format!("layout-{name}.json"), &json);
        let back: Layout = serde_json::from_str(&json).expect("readable");
        check_layout(&back);
    }
    Ok(())
}

#[test]
#[should_panic(expected = "overlaps")]
fn the_layout_data_check_can_fail() {
    let corpus = small().expect("corpus");
    let layout = render::argument_map(&corpus, &MapOptions::new()).layout();
    let mut json = serde_json::to_value(&layout).expect("serializable");
    json["nodes"][1]["rect"] = json["nodes"][0]["rect"].clone();
    let odd: Layout = serde_json::from_value(json).expect("readable");
    check_layout(&odd);
}

/// A layout read from anywhere draws without a panic: indices that point
/// nowhere are skipped, texts escaped, odd numbers written as numbers.
#[cfg(feature = "svg")]
#[test]
fn a_layout_from_elsewhere_draws_well_formed_svg() -> Fallible {
    let corpus = small()?;
    let layout = render::argument_map(&corpus, &everything(MapOptions::new())).layout();
    let mut json = serde_json::to_value(&layout)?;
    json["edges"][0]["from"] = 999.into();
    json["edges"][1]["points"] = serde_json::json!([]);
    json["nodes"][0]["rect"]["width"] = (-5.0).into();
    json["nodes"][0]["lines"][0]["text"] = HOSTILE.into();
    json["nodes"][0]["lines"][0]["size"] = 1e300.into();
    json["title"]["text"] = "<&>".into();
    let odd: Layout = serde_json::from_value(json)?;
    let svg = odd.to_svg();
    parse_xml(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert!(svg.contains("&lt;script&gt;"));
    // What is not a layout is an error, not a panic.
    for wrong in [
        r#"{"kind":"pie"}"#,
        r#"{"kind":"graph"}"#,
        r##"{"kind":"heat_map","width":1,"height":1,"title":{"text":"","at":{"x":0,"y":0},"anchor":"start","size":12},"columns":[{"explanation":"claim#1","key":"k","name":"n","colour":"#000000","strip":{"x":0,"y":0,"width":1,"height":1},"header":{"text":"","at":{"x":0,"y":0},"anchor":"start","size":12}}],"rows":[],"grid":{"x":0,"y":0,"width":1,"height":1},"legend":{"heading":{"text":"","at":{"x":0,"y":0},"anchor":"start","size":12},"entries":[]}}"##,
    ] {
        assert!(serde_json::from_str::<Layout>(wrong).is_err(), "{wrong}");
    }
    let mut json = serde_json::to_value(&layout)?;
    json["nodes"][0]["entity"] = "claim-1".into();
    assert!(serde_json::from_value::<Layout>(json.clone()).is_err());
    json["nodes"][0]["entity"] = "claim#1".into();
    json["nodes"][0]["fill"] = "red".into();
    assert!(serde_json::from_value::<Layout>(json).is_err());
    Ok(())
}

// ---------------------------------------------------------------------------
// Random debates and corpora
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random attacks and supports among claims of random lengths: the
    /// map top to bottom, the comparison left to right.
    #[test]
    fn boxes_never_overlap_and_edges_run_from_border_to_border((lengths, edges) in debate()) {
        let (corpus, count) = build_debate(&lengths, &edges);
        let map = render::argument_map(&corpus, &MapOptions::new());
        let layout = map.layout();
        let graph = layout.as_graph().expect("a graph");
        check_graph(graph);
        check_texts_apart(&layout);
        check_against_dot(&map);
        // Every claim once, every attack and support once.
        let mut claims: Vec<Node> = graph.nodes().iter().map(|n| n.entity()).collect();
        claims.sort();
        let all: Vec<Node> = corpus.ids::<ClaimId>().map(Node::Claim).collect();
        prop_assert_eq!(claims, all);
        prop_assert_eq!(graph.edges().len(), count);
        let event = corpus.lookup::<EventId>("e").expect("event");
        let comparison = corpus.view(&CompareOptions::new()).compare(event).expect("compare");
        let picture = render::comparison(&corpus, &comparison, &PictureOptions::new());
        check_layout(&picture.layout());
        check_texts_apart(&picture.layout());
        check_against_dot(&picture);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random corpora (scholars, works, nested and dated events, variants,
    /// evidence): every picture laid out within its bounds, graphs as DOT
    /// draws them, and back from JSON.
    #[test]
    fn every_layout_of_a_random_corpus_holds(plan in common::plan(0)) {
        let corpus = common::build(&plan);
        for (name, picture) in pictures(&corpus).expect("pictures") {
            let layout = picture.layout();
            check_layout(&layout);
            check_texts_apart(&layout);
            if layout.as_graph().is_some() {
                check_against_dot(&picture);
            }
            let back = round_trip(&layout);
            prop_assert_eq!(back.title(), layout.title(), "{}", name);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Seeded synthetic corpora (`synthetic::Synthetic`: skewed authorship,
    /// nested events, variants, attacks mostly within an event): no text of
    /// any picture overlaps another text or a sample, a box, a cell or a
    /// mark.
    #[test]
    fn no_text_overlaps_in_the_pictures_of_a_synthetic_corpus(
        claims in 1usize..120,
        seed in any::<u64>(),
    ) {
        let corpus = synthetic::Synthetic::new(claims).with_seed(seed).build();
        for (_, picture) in pictures(&corpus).expect("pictures") {
            check_texts_apart(&picture.layout());
        }
    }
}
