//! GraphML: the whole corpus as one directed graph in one XML document, for
//! Apache TinkerPop's `GraphMLReader`, Gephi, networkx and the like. Written
//! element by element to any writer.

use std::io::{self, BufWriter, Write};

use crate::graph::Corpus;
use crate::model::{
    ClaimId, EventId, EvidenceId, ExplanationId, Kind, NameParts, Role, ScholarId, WorkId,
};

/// The declared keys: (id, for, attr.name, attr.type). `labelV` and
/// `labelE` are TinkerPop's label keys, which its reader matches by id.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_title", "graph", "title", "string"),
    ("labelV", "node", "labelV", "string"),
    ("v_key", "node", "key", "string"),
    ("v_name", "node", "name", "string"),
    ("v_born", "node", "born", "int"),
    ("v_died", "node", "died", "int"),
    ("v_affiliation", "node", "affiliation", "string"),
    ("v_family", "node", "family", "string"),
    ("v_given", "node", "given", "string"),
    (
        "v_non_dropping_particle",
        "node",
        "non_dropping_particle",
        "string",
    ),
    ("v_dropping_particle", "node", "dropping_particle", "string"),
    ("v_suffix", "node", "suffix", "string"),
    ("v_family_first", "node", "family_first", "boolean"),
    ("v_literal", "node", "literal", "boolean"),
    ("v_type", "node", "type", "string"),
    ("v_title", "node", "title", "string"),
    ("v_issued", "node", "issued", "string"),
    ("v_year", "node", "year", "int"),
    ("v_container_title", "node", "container_title", "string"),
    ("v_volume", "node", "volume", "string"),
    ("v_issue", "node", "issue", "string"),
    ("v_page", "node", "page", "string"),
    ("v_publisher", "node", "publisher", "string"),
    ("v_publisher_place", "node", "publisher_place", "string"),
    ("v_archive", "node", "archive", "string"),
    ("v_archive_location", "node", "archive_location", "string"),
    ("v_note", "node", "note", "string"),
    ("v_kind", "node", "kind", "string"),
    ("v_description", "node", "description", "string"),
    ("v_locator", "node", "locator", "string"),
    ("v_when", "node", "when", "string"),
    ("v_date", "node", "date", "string"),
    ("v_text", "node", "text", "string"),
    ("v_markup", "node", "markup", "string"),
    ("v_polarity", "node", "polarity", "string"),
    ("labelE", "edge", "labelE", "string"),
    ("e_position", "edge", "position", "int"),
    ("e_stance", "edge", "stance", "string"),
    ("e_work", "edge", "work", "string"),
    ("e_year", "edge", "year", "int"),
    ("e_bearing", "edge", "bearing", "string"),
    ("e_kind", "edge", "kind", "string"),
];

impl Corpus {
    /// The corpus as a GraphML document; see [`write_graphml`](Corpus::write_graphml).
    ///
    /// # Errors
    /// [`Error::Unsupported`](crate::Error::Unsupported) when a text holds
    /// a character XML 1.0 cannot carry.
    pub fn to_graphml(&self) -> crate::Result<String> {
        let mut out = Vec::new();
        let unsupported = |reason: String| crate::Error::Unsupported {
            format: "graphml",
            reason,
        };
        self.write_graphml(&mut out)
            .map_err(|e| unsupported(e.to_string()))?;
        String::from_utf8(out).map_err(|e| unsupported(e.to_string()))
    }

    /// Writes the corpus as a GraphML document: one directed graph, a node
    /// per entity and an edge per relation, every property a declared
    /// `<key>` with its `attr.type`.
    ///
    /// - Node ids are `kind:key` (`claim:mobilize-for-leap`); a node's kind
    ///   is its `labelV` (`Claim`, ...), an edge's relation type its
    ///   `labelE` (`TAKES_POSITION`, ...), the names and directions of
    ///   [`write_neo4j_csv`](Corpus::write_neo4j_csv), so TinkerPop's
    ///   `GraphMLReader` gives vertices and edges those labels.
    /// - Other properties are named as in the JSON document (and the Neo4j
    ///   files), their key ids prefixed `v_` (nodes) or `e_` (edges), so
    ///   that `year` and `kind` can be typed apart on nodes and edges. The
    ///   corpus title is graph data (`g_title`).
    /// - A scholar's explicit name parts are node data named as in the
    ///   document's `parts` (`family`, `given`, ...); `family_first` and
    ///   `literal` are `boolean`s (`true`, `false`) on every scholar. A
    ///   work's authors, editors and translators are `AUTHORED_BY`,
    ///   `EDITED_BY` and `TRANSLATED_BY` edges, each with the scholar's
    ///   `position` (from 0) in that role.
    /// - Dates are EDTF strings (`issued`, `when`, `date`: `1958-08`,
    ///   `1921~`, `196X`, `1958/1960`), which keep their precision and
    ///   approximation; every dated node also has the derived `year`, an
    ///   `int` (of a work's `issued`, the first year of an event's `when`,
    ///   and of the `date` of evidence and claims; 1960 for `196X`), for
    ///   filtering in networkx or Gremlin without parsing dates.
    /// - Text is escaped for XML: `& < > " '`, and carriage returns as
    ///   `&#13;` so that they survive. Line breaks and tabs stay as they are.
    ///
    /// Load it with, for example, `networkx.read_graphml(path)` or, in the
    /// Gremlin console, `graph.io(graphml()).readGraph(path)`.
    ///
    /// # Errors
    /// Any [`io::Error`] from the writer, and an error of kind
    /// [`io::ErrorKind::InvalidData`] naming the node or edge when a text
    /// holds a character XML 1.0 cannot carry at all (the control
    /// characters other than tab, line feed and carriage return). The writer
    /// may have received part of the document by then.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let mut xml = Vec::new();
    /// corpus.write_graphml(&mut xml)?;
    /// let xml = String::from_utf8(xml).expect("UTF-8");
    /// assert!(xml.contains(r#"<key id="labelV" for="node" attr.name="labelV" attr.type="string"/>"#));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_graphml<W: Write>(&self, writer: W) -> io::Result<()> {
        let mut xml = Xml {
            out: BufWriter::with_capacity(1 << 16, writer),
            edges: 0,
        };
        xml.out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
              <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
              xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
              xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
              http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        )?;
        for (id, domain, name, kind) in KEYS {
            writeln!(
                xml.out,
                "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
            )?;
        }
        xml.out
            .write_all(b"  <graph id=\"corpus\" edgedefault=\"directed\">\n")?;
        if let Some(title) = self.title() {
            xml.out.write_all(b"    ")?;
            xml.data("g_title", title, Owner::Graph)?;
            xml.out.write_all(b"\n")?;
        }
        self.graphml_nodes(&mut xml)?;
        self.graphml_edges(&mut xml)?;
        xml.out.write_all(b"  </graph>\n</graphml>\n")?;
        xml.out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        Ok(())
    }

    fn graphml_nodes<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        for (_, s) in self.entities::<ScholarId>() {
            let mut node = xml.node(Kind::Scholar, s.key(), "Scholar")?;
            node.text("v_name", Some(s.name()))?;
            node.int("v_born", s.born())?;
            node.int("v_died", s.died())?;
            node.text("v_affiliation", s.affiliation())?;
            let parts = s.parts();
            node.text("v_family", parts.map(NameParts::family))?;
            node.text("v_given", parts.and_then(NameParts::given))?;
            node.text(
                "v_non_dropping_particle",
                parts.and_then(NameParts::non_dropping_particle),
            )?;
            node.text(
                "v_dropping_particle",
                parts.and_then(NameParts::dropping_particle),
            )?;
            node.text("v_suffix", parts.and_then(NameParts::suffix))?;
            node.boolean(
                "v_family_first",
                parts.is_some_and(NameParts::is_family_first),
            )?;
            node.boolean("v_literal", s.has_literal_name())?;
            node.close()?;
        }
        for (_, w) in self.entities::<WorkId>() {
            let mut node = xml.node(Kind::Work, w.key(), "Work")?;
            node.text("v_type", Some(w.kind().as_str()))?;
            node.text("v_title", Some(w.title()))?;
            node.text("v_issued", w.issued().map(|d| d.to_string()).as_deref())?;
            node.int("v_year", w.year())?;
            node.text("v_container_title", w.container_title())?;
            node.text("v_volume", w.volume())?;
            node.text("v_issue", w.issue())?;
            node.text("v_page", w.page())?;
            node.text("v_publisher", w.publisher())?;
            node.text("v_publisher_place", w.publisher_place())?;
            node.text("v_archive", w.archive())?;
            node.text("v_archive_location", w.archive_location())?;
            node.text("v_note", w.note())?;
            node.close()?;
        }
        for (_, e) in self.entities::<EvidenceId>() {
            let mut node = xml.node(Kind::Evidence, e.key(), "Evidence")?;
            node.text("v_kind", Some(e.kind().as_str()))?;
            node.text("v_description", Some(e.description()))?;
            node.text("v_locator", e.locator())?;
            node.text("v_date", e.date().map(|d| d.to_string()).as_deref())?;
            node.int("v_year", e.date().map(|d| d.year()))?;
            node.close()?;
        }
        for (_, e) in self.entities::<EventId>() {
            let mut node = xml.node(Kind::Event, e.key(), "Event")?;
            node.text("v_name", Some(e.name()))?;
            node.text("v_when", e.when().map(|w| w.to_string()).as_deref())?;
            node.int("v_year", e.when().map(|w| w.first_year()))?;
            node.text("v_description", e.description())?;
            node.close()?;
        }
        for (_, x) in self.entities::<ExplanationId>() {
            let mut node = xml.node(Kind::Explanation, x.key(), "Explanation")?;
            node.text("v_name", Some(x.name()))?;
            node.text("v_description", x.description())?;
            node.close()?;
        }
        for (_, c) in self.entities::<ClaimId>() {
            let mut node = xml.node(Kind::Claim, c.key(), "Claim")?;
            node.text("v_text", Some(c.text()))?;
            node.text("v_markup", c.markup())?;
            node.text("v_polarity", Some(c.polarity().as_str()))?;
            node.text("v_date", c.date().map(|d| d.to_string()).as_deref())?;
            node.int("v_year", c.date().map(|d| d.year()))?;
            node.close()?;
        }
        Ok(())
    }

    fn graphml_edges<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        for role in Role::ALL {
            let label = contributor_label(role);
            for (work, w) in self.entities::<WorkId>() {
                for (position, scholar) in self.contributors_as(work, role).enumerate() {
                    let mut edge = xml.edge(
                        (Kind::Work, w.key()),
                        (Kind::Scholar, self.key_or_empty(scholar)),
                        label,
                    )?;
                    edge.int("e_position", Some(position))?;
                    edge.close()?;
                }
            }
        }
        for (evidence, e) in self.entities::<EvidenceId>() {
            if let Some(work) = self.evidence_work(evidence) {
                let to = (Kind::Work, self.key_or_empty(work));
                xml.edge((Kind::Evidence, e.key()), to, "FOUND_IN")?
                    .close()?;
            }
        }
        for (event, e) in self.entities::<EventId>() {
            if let Some(parent) = self.enclosing(event) {
                let to = (Kind::Event, self.key_or_empty(parent));
                xml.edge((Kind::Event, e.key()), to, "WITHIN")?.close()?;
            }
        }
        for (explanation, x) in self.entities::<ExplanationId>() {
            if let Some(parent) = self.variant_of(explanation) {
                let to = (Kind::Explanation, self.key_or_empty(parent));
                xml.edge((Kind::Explanation, x.key()), to, "VARIANT_OF")?
                    .close()?;
            }
        }
        for (claim, c) in self.entities::<ClaimId>() {
            let from = (Kind::Claim, c.key());
            if let Some(explanation) = self.explanation_of(claim) {
                let to = (Kind::Explanation, self.key_or_empty(explanation));
                xml.edge(from, to, "INVOKES")?.close()?;
            }
            for event in self.events_of(claim) {
                let to = (Kind::Event, self.key_or_empty(event));
                xml.edge(from, to, "CONCERNS")?.close()?;
            }
            for (_, scholar, position) in self.positions_on(claim) {
                let by = (Kind::Scholar, self.key_or_empty(scholar));
                let mut edge = xml.edge(by, from, "TAKES_POSITION")?;
                edge.text("e_stance", Some(position.stance().as_str()))?;
                edge.text("e_work", position.work().map(|w| self.key_or_empty(w)))?;
                edge.int("e_year", position.year())?;
                edge.close()?;
            }
            for (evidence, b) in self.citations(claim) {
                let to = (Kind::Evidence, self.key_or_empty(evidence));
                let mut edge = xml.edge(from, to, "CITES")?;
                edge.text("e_bearing", Some(b.as_str()))?;
                edge.close()?;
            }
            for (target, kind) in self.attacks_by(claim) {
                let to = (Kind::Claim, self.key_or_empty(target));
                let mut edge = xml.edge(from, to, "ATTACKS")?;
                edge.text("e_kind", Some(kind.as_str()))?;
                edge.close()?;
            }
            for target in self.supports_by(claim) {
                let to = (Kind::Claim, self.key_or_empty(target));
                xml.edge(from, to, "SUPPORTS")?.close()?;
            }
        }
        Ok(())
    }
}

/// The edge label of a work's contributors in `role`: the relationship
/// type of [`Neo4jFile::for_role`](crate::Neo4jFile::for_role).
fn contributor_label(role: Role) -> &'static str {
    match role {
        Role::Author => "AUTHORED_BY",
        Role::Editor => "EDITED_BY",
        Role::Translator => "TRANSLATED_BY",
    }
}

/// The document being written, and the number of edges so far (edge ids).
struct Xml<W: Write> {
    out: BufWriter<W>,
    edges: u64,
}

/// What an element is, for error messages only (formatted on error).
#[derive(Clone, Copy)]
enum Owner<'a> {
    Graph,
    Node(Kind, &'a str),
    Edge(u64),
}

impl std::fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Owner::Graph => f.write_str("the graph"),
            Owner::Node(kind, key) => write!(f, "node {kind}:{key}"),
            Owner::Edge(id) => write!(f, "edge e{id}"),
        }
    }
}

/// An open `<node>` or `<edge>` element; `close` ends it.
struct Element<'a, 'k, W: Write> {
    xml: &'a mut Xml<W>,
    owner: Owner<'k>,
    end: &'static [u8],
}

impl<W: Write> Xml<W> {
    fn node<'k>(
        &mut self,
        kind: Kind,
        key: &'k str,
        label: &str,
    ) -> io::Result<Element<'_, 'k, W>> {
        let owner = Owner::Node(kind, key);
        write!(self.out, "    <node id=\"{kind}:")?;
        escape(&mut self.out, key, true).map_err(|e| bad(e, owner, "id"))?;
        self.out.write_all(b"\">")?;
        let mut element = Element {
            owner,
            xml: self,
            end: b"</node>\n",
        };
        element.text("labelV", Some(label))?;
        element.text("v_key", Some(key))?;
        Ok(element)
    }

    fn edge<'k>(
        &mut self,
        (from_kind, from): (Kind, &str),
        (to_kind, to): (Kind, &str),
        label: &str,
    ) -> io::Result<Element<'_, 'k, W>> {
        let id = self.edges;
        self.edges += 1;
        let owner = Owner::Edge(id);
        write!(self.out, "    <edge id=\"e{id}\" source=\"{from_kind}:")?;
        escape(&mut self.out, from, true).map_err(|e| bad(e, owner, "source"))?;
        write!(self.out, "\" target=\"{to_kind}:")?;
        escape(&mut self.out, to, true).map_err(|e| bad(e, owner, "target"))?;
        self.out.write_all(b"\">")?;
        let mut element = Element {
            owner,
            xml: self,
            end: b"</edge>\n",
        };
        element.text("labelE", Some(label))?;
        Ok(element)
    }

    fn data(&mut self, key: &str, value: &str, owner: Owner<'_>) -> io::Result<()> {
        write!(self.out, "<data key=\"{key}\">")?;
        escape(&mut self.out, value, false).map_err(|e| bad(e, owner, key))?;
        self.out.write_all(b"</data>")
    }
}

impl<W: Write> Element<'_, '_, W> {
    fn text(&mut self, key: &str, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(value) => self.xml.data(key, value, self.owner),
            None => Ok(()),
        }
    }

    fn int(&mut self, key: &str, value: Option<impl std::fmt::Display>) -> io::Result<()> {
        match value {
            Some(value) => write!(self.xml.out, "<data key=\"{key}\">{value}</data>"),
            None => Ok(()),
        }
    }

    fn boolean(&mut self, key: &str, value: bool) -> io::Result<()> {
        write!(self.xml.out, "<data key=\"{key}\">{value}</data>")
    }

    fn close(self) -> io::Result<()> {
        self.xml.out.write_all(self.end)
    }
}

/// What went wrong while escaping: the writer failed, or a character has no
/// place in XML 1.0.
enum EscapeError {
    Io(io::Error),
    Char(char),
}

impl From<io::Error> for EscapeError {
    fn from(error: io::Error) -> EscapeError {
        EscapeError::Io(error)
    }
}

fn bad(error: EscapeError, owner: Owner<'_>, key: &str) -> io::Error {
    match error {
        EscapeError::Io(error) => error,
        EscapeError::Char(c) => io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{owner}, {key}: the character U+{:04X} cannot be written in XML 1.0",
                u32::from(c)
            ),
        ),
    }
}

/// Writes `text` escaped for XML 1.0 character data, or for an attribute
/// value (where tabs and line breaks are escaped too, or the parser would
/// turn them into spaces).
///
/// Works on bytes: every byte it looks for is ASCII or the lead byte of
/// U+FFFE/U+FFFF, none of which occurs inside another UTF-8 sequence, so the
/// runs between them are whole characters.
fn escape<W: Write>(out: &mut W, text: &str, attribute: bool) -> Result<(), EscapeError> {
    let bytes = text.as_bytes();
    let mut rest = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let replacement: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&apos;",
            b'\r' => b"&#13;",
            b'\n' if attribute => b"&#10;",
            b'\t' if attribute => b"&#9;",
            b'\n' | b'\t' => continue,
            0..0x20 => return Err(EscapeError::Char(char::from(byte))),
            // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
            0xEF if matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => {
                let c = text.get(at..at + 3).and_then(|s| s.chars().next());
                return Err(EscapeError::Char(c.unwrap_or('\u{FFFF}')));
            }
            _ => continue,
        };
        out.write_all(bytes.get(rest..at).unwrap_or_default())?;
        out.write_all(replacement)?;
        rest = at + 1;
    }
    out.write_all(bytes.get(rest..).unwrap_or_default())?;
    Ok(())
}
