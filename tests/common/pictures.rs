//! Shared by the picture tests (`render`, `layout`): a small corpus with
//! every kind of thing a picture shows, a hostile one, every picture of a
//! corpus, golden files, an XML well-formedness check, and random debates.

use historiograph::render::{self, MapOptions, PictureOptions};
use historiograph::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Corpora and pictures
// ---------------------------------------------------------------------------

/// A small debate with every kind of thing a picture shows: a family with
/// a variant and another family, nested events, an attack chain (in, out,
/// reinstated), a support, a denial, scholars, a work and evidence.
pub fn small() -> Result<Corpus> {
    let mut c = Corpus::new();
    c.set_title(Some("A small debate".to_owned()));
    let ann = c.add_scholar(Scholar::new("ann", "Ann Archivist"))?;
    let bob = c.add_scholar(Scholar::new("bob", "Bob Builder"))?;
    let book = c.add_work(
        Work::new("ann-2001", "Archives of a split").with_issued(Date::from_year(2001)),
        [ann],
    )?;
    let split = c.add_event(
        Event::new("split", "The split").with_when("1956/1966".parse::<When>()?),
        None,
    )?;
    let crisis = c.add_event(
        Event::new("crisis", "The crisis").with_when("1958-08".parse::<When>()?),
        Some(split),
    )?;
    c.add_event(
        Event::new("later", "A later scare").with_when("1969".parse::<When>()?),
        None,
    )?;
    let ideology = c.add_explanation(Explanation::new("ideology", "Ideology"), None)?;
    let model = c.add_explanation(Explanation::new("model", "Economic model"), Some(ideology))?;
    let power = c.add_explanation(Explanation::new("power", "Power politics"), None)?;
    let a = c.add_claim(
        Claim::new(
            "ideas",
            "Ideas drove the partners apart, over how to build socialism",
        ),
        ideology,
        [split],
    )?;
    let b = c.add_claim(
        Claim::new("no-ideas", "Ideas were a cover").with_polarity(Polarity::Denies),
        ideology,
        [split],
    )?;
    let d = c.add_claim(
        Claim::new("power", "The crisis was about power"),
        power,
        [crisis],
    )?;
    let e = c.add_claim(
        Claim::new("model", "The Soviet model was dropped"),
        model,
        [crisis, split],
    )?;
    c.attack(b, a, AttackKind::Rebuts)?;
    c.attack(d, b, AttackKind::Undercuts)?;
    c.support(e, a)?;
    c.add_position(ann, a, Position::new(Stance::Advances).in_work(book))?;
    c.add_position(bob, b, Position::new(Stance::Advances).in_year(1990))?;
    c.add_position(ann, b, Position::new(Stance::Rejects).in_work(book))?;
    c.add_position(bob, d, Position::new(Stance::Qualifies).in_year(1995))?;
    let n1 = c.add_evidence(
        Evidence::new("n1", EvidenceKind::ArchivalDocument, "A party letter").with_locator("n.1"),
        Some(book),
    )?;
    let n2 = c.add_evidence(
        Evidence::new("n2", EvidenceKind::Memoir, "An interpreter's memoir"),
        Some(book),
    )?;
    c.cite(a, n1, Bearing::Supports)?;
    c.cite(b, n2, Bearing::Undermines)?;
    Ok(c)
}

/// The text a hostile corpus puts everywhere.
pub const HOSTILE: &str =
    "Quote \" back\\slash <script>&amp; & é 漢字 🙂\nnew line\ttab \u{7}bell \u{0}nul ]]> --> '";

pub fn hostile() -> Result<Corpus> {
    let mut c = Corpus::new();
    c.set_title(Some(HOSTILE.to_owned()));
    let s = c.add_scholar(Scholar::new("s\"<&", HOSTILE))?;
    let e = c.add_event(
        Event::new("e<&>\"", HOSTILE).with_when("1958".parse::<When>()?),
        None,
    )?;
    let x = c.add_explanation(Explanation::new("x&", HOSTILE), None)?;
    let a = c.add_claim(Claim::new("a\"\\", HOSTILE), x, [e])?;
    let b = c.add_claim(
        Claim::new("b<>", HOSTILE).with_polarity(Polarity::Denies),
        x,
        [e],
    )?;
    c.attack(b, a, AttackKind::Rebuts)?;
    c.add_position(s, a, Position::new(Stance::Advances))?;
    let v = c.add_evidence(
        Evidence::new("v&", EvidenceKind::Other, HOSTILE).with_locator(HOSTILE),
        None,
    )?;
    c.cite(a, v, Bearing::Supports)?;
    Ok(c)
}

pub fn everything(options: MapOptions) -> MapOptions {
    options
        .with_scholars(true)
        .with_evidence(true)
        .with_clusters(true)
}

/// Every picture of a corpus, named.
pub fn pictures(corpus: &Corpus) -> Result<Vec<(&'static str, render::Picture)>> {
    let mut out = vec![
        ("map", render::argument_map(corpus, &MapOptions::new())),
        (
            "map-full",
            render::argument_map(
                corpus,
                &everything(MapOptions::new()).with_semantics(Some(Semantics::Preferred)),
            ),
        ),
        (
            "map-plain",
            render::argument_map(
                corpus,
                &MapOptions::new().with_semantics(None).with_wrap(12),
            ),
        ),
        ("timeline", render::timeline(corpus, &PictureOptions::new())),
    ];
    let events: Vec<EventId> = corpus.events_by_date().collect();
    if let Some(&first) = events.first() {
        let crisis = corpus.lookup::<EventId>("crisis").unwrap_or(first);
        let comparison = corpus
            .view(&CompareOptions::new().with_enclosing(true))
            .compare(crisis)?;
        out.push((
            "comparison",
            render::comparison(corpus, &comparison, &PictureOptions::new()),
        ));
        out.push((
            "comparison-bare",
            render::comparison(
                corpus,
                &comparison,
                &PictureOptions::new().with_claims(false),
            ),
        ));
    }
    let matrix = corpus.view(&CompareOptions::new()).matrix(events)?;
    out.push(("heat-map", render::heat_map(corpus, &matrix)));
    Ok(out)
}

// ---------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------

/// Compares `actual` with `tests/data/render/<name>`; with `BLESS` set,
/// writes it there instead.
pub fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/render")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with BLESS=1 to create it)", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output; rerun with BLESS=1 and review the diff\n--- output ---\n{actual}",
        path.display()
    );
}

// ---------------------------------------------------------------------------
// XML well-formedness
// ---------------------------------------------------------------------------

/// An element of a parsed XML document.
#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub parent: Option<usize>,
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')
}

/// Checks character data: no `<`, every `&` starts a known entity, no
/// character XML 1.0 forbids.
pub fn check_chars(text: &str) -> std::result::Result<(), String> {
    if let Some(c) = text.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    }) {
        return Err(format!("forbidden character {c:?}"));
    }
    if text.contains('<') {
        return Err(format!("raw `<` in {text:?}"));
    }
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        rest = &rest[at + 1..];
        let end = rest
            .find(';')
            .ok_or_else(|| format!("unterminated entity in {text:?}"))?;
        let entity = &rest[..end];
        let known = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
            || entity.strip_prefix('#').is_some_and(|n| {
                n.parse::<u32>().is_ok()
                    || n.strip_prefix('x')
                        .is_some_and(|h| u32::from_str_radix(h, 16).is_ok())
            });
        if !known {
            return Err(format!("unknown entity &{entity}; in {text:?}"));
        }
    }
    Ok(())
}

/// A small XML 1.0 well-formedness check (enough for SVG as we write it:
/// no DTD, no CDATA): matching tags, one root, quoted attributes, no
/// duplicate attributes, escaped text. Returns the elements in order.
pub fn parse_xml(doc: &str) -> std::result::Result<Vec<Element>, String> {
    let mut elements: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut roots = 0;
    let mut rest = doc;
    if let Some(after) = rest.strip_prefix("<?xml") {
        let end = after.find("?>").ok_or("unterminated declaration")?;
        rest = &after[end + 2..];
    }
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if !rest.trim().is_empty() && open.is_empty() {
                return Err("text after the root".into());
            }
            check_chars(rest)?;
            break;
        };
        let text = &rest[..lt];
        if open.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        check_chars(text)?;
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").ok_or("unterminated comment")?;
            rest = &after[end + 3..];
            continue;
        }
        let gt = rest.find('>').ok_or("unterminated tag")?;
        // `>` may not appear inside attribute values as we write them.
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let top = open.pop().ok_or_else(|| format!("stray </{name}>"))?;
            if elements[top].name != name.trim() {
                return Err(format!("</{name}> closes <{}>", elements[top].name));
            }
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || !name.chars().all(is_name_char) {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attributes: Vec<(String, String)> = Vec::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or_else(|| format!("attribute without value in <{name}>"))?;
            let key = a[..eq].trim();
            if key.is_empty() || !key.chars().all(is_name_char) {
                return Err(format!("bad attribute name {key:?}"));
            }
            let v = a[eq + 1..].trim_start();
            let quote = v.chars().next().ok_or("missing value")?;
            if quote != '"' && quote != '\'' {
                return Err(format!("unquoted attribute {key}"));
            }
            let close = v[1..].find(quote).ok_or("unterminated value")?;
            let value = &v[1..1 + close];
            check_chars(value)?;
            if attributes.iter().any(|(k, _)| k == key) {
                return Err(format!("duplicate attribute {key}"));
            }
            attributes.push((key.to_owned(), value.to_owned()));
            a = v[close + 2..].trim_start();
        }
        if open.is_empty() {
            roots += 1;
        }
        elements.push(Element {
            name: name.to_owned(),
            attributes,
            parent: open.last().copied(),
        });
        if !empty {
            open.push(elements.len() - 1);
        }
    }
    if !open.is_empty() {
        return Err(format!(
            "unclosed <{}>",
            elements[open[open.len() - 1]].name
        ));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(elements)
}

// ---------------------------------------------------------------------------
// Boxes and borders
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
pub struct Box2 {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Whether a point lies on the border of a box (coordinates carry one decimal).
pub fn on_border(b: Box2, point: (f64, f64)) -> bool {
    on_border_within(b, point, 0.11)
}

/// Whether a point lies on the border of a box, give or take `e`.
pub fn on_border_within(b: Box2, (x, y): (f64, f64), e: f64) -> bool {
    let inside_x = x >= b.x - e && x <= b.x + b.w + e;
    let inside_y = y >= b.y - e && y <= b.y + b.h + e;
    let on_x = (x - b.x).abs() <= e || (x - b.x - b.w).abs() <= e;
    let on_y = (y - b.y).abs() <= e || (y - b.y - b.h).abs() <= e;
    (inside_x && on_y) || (inside_y && on_x)
}

// ---------------------------------------------------------------------------
// Random debates
// ---------------------------------------------------------------------------

/// A random debate: `n` claims with random texts and random attacks
/// and supports between them (cycles and two-way edges included), all
/// about one event.
pub fn debate() -> impl Strategy<Value = (Vec<usize>, Vec<(usize, usize, bool)>)> {
    (1usize..24).prop_flat_map(|n| {
        (
            proptest::collection::vec(1usize..160, n),
            proptest::collection::vec((0..n, 0..n, any::<bool>()), 0..(3 * n)),
        )
    })
}

pub fn build_debate(lengths: &[usize], edges: &[(usize, usize, bool)]) -> (Corpus, usize) {
    let mut c = Corpus::new();
    let event = c
        .add_event(Event::new("e", "The event"), None)
        .expect("event");
    let xs: Vec<ExplanationId> = (0..3)
        .map(|i| {
            c.add_explanation(
                Explanation::new(format!("x{i}"), format!("Family {i}")),
                None,
            )
            .expect("explanation")
        })
        .collect();
    let words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor";
    let claims: Vec<ClaimId> = lengths
        .iter()
        .enumerate()
        .map(|(i, &len)| {
            let text: String = words.chars().cycle().skip(i).take(len).collect();
            let claim =
                Claim::new(format!("c{i}"), format!("{i} {text}")).with_polarity(if i % 4 == 3 {
                    Polarity::Denies
                } else {
                    Polarity::Affirms
                });
            c.add_claim(claim, xs[i % 3], [event]).expect("claim")
        })
        .collect();
    let mut count = 0;
    let mut seen = std::collections::HashSet::new();
    for &(a, b, attack) in edges {
        if a == b || !seen.insert((a, b)) {
            continue;
        }
        let done = if attack {
            c.attack(claims[a], claims[b], AttackKind::Rebuts)
        } else {
            c.support(claims[a], claims[b])
        };
        if done.is_ok() {
            count += 1;
        }
    }
    (c, count)
}
