//! The exports for graph databases, checked against the formats' rules by
//! checkers written here (not by "contains"), and read back: the Neo4j
//! bulk-import CSV files and the GraphML document each rebuild the corpus
//! document, field for field.
//!
//! - `check_neo4j` parses every file under RFC 4180 with neo4j-admin's
//!   defaults (delimiter `,`, quote `"` doubled inside quotes, array
//!   delimiter `;`, line breaks inside quotes only with
//!   `--multiline-fields=true`), checks each header (one `:ID(space)` per
//!   node file, `:START_ID(space)`, `:END_ID(space)` and `:TYPE` per
//!   relationship file, typed columns from the allowed set), each row's
//!   column count, unique ids per space, typed values (a boolean is `true`
//!   or `false`, where neo4j-admin would read any other word as false),
//!   and that every
//!   relationship's ends exist in the named spaces.
//! - `check_graphml` parses the XML (roxmltree), checks keys, ids, edge ends
//!   and data keys.
//! - Both give a `Graph`, which `rebuild` turns into a corpus document that
//!   must load and write the same JSON as the corpus exported.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};

use historiograph::*;
use proptest::prelude::*;
use serde_json::{Map, Value as Json, json};

use common::{build, plan};

// ---------------------------------------------------------------------------
// The graph both formats are read into
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<Value>),
}

type Props = BTreeMap<String, Value>;

/// A node or relationship end: (label, key).
type End = (String, String);

#[derive(Debug, Default)]
struct Graph {
    title: Option<String>,
    /// (label, key, properties), in file order.
    nodes: Vec<(String, String, Props)>,
    /// (type, start, end, properties).
    edges: Vec<(String, End, End, Props)>,
}

// ---------------------------------------------------------------------------
// CSV under neo4j-admin's rules
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Field {
    /// Unquoted; empty means "no value".
    Bare(String),
    /// Quoted, with `""` read as `"`.
    Quoted(String),
}

struct Csv {
    rows: Vec<Vec<Field>>,
    /// Whether some quoted field spans lines.
    multiline: bool,
}

/// RFC 4180 with neo4j-admin's defaults. Rows end with `\n`; a quote may
/// only open a field and close it (before `,` or the line end); inside
/// quotes a quote is doubled; unquoted fields hold no quote and no line break.
fn parse_csv(bytes: &[u8]) -> Result<Csv, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    if text.is_empty() {
        return Err("empty file: a header row is required".into());
    }
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut multiline = false;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    loop {
        if chars.peek() == Some(&'"') {
            chars.next();
            let mut value = String::new();
            loop {
                match chars.next() {
                    None => return Err(format!("line {line}: unterminated quoted field")),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        value.push('"');
                    }
                    Some('"') => break,
                    Some(c) => {
                        if c == '\n' || c == '\r' {
                            multiline = true;
                            line += usize::from(c == '\n');
                        }
                        value.push(c);
                    }
                }
            }
            row.push(Field::Quoted(value));
        } else {
            let mut value = String::new();
            while let Some(&c) = chars.peek() {
                match c {
                    ',' | '\n' => break,
                    '"' => return Err(format!("line {line}: a quote inside an unquoted field")),
                    '\r' => return Err(format!("line {line}: a bare carriage return")),
                    _ => value.push(c),
                }
                chars.next();
            }
            row.push(Field::Bare(value));
        }
        match chars.next() {
            Some(',') => {}
            Some('\n') => {
                rows.push(std::mem::take(&mut row));
                line += 1;
                if chars.peek().is_none() {
                    break;
                }
            }
            None => return Err(format!("line {line}: the last row has no line end")),
            Some(c) => return Err(format!("line {line}: {c:?} after a closing quote")),
        }
    }
    Ok(Csv { rows, multiline })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Type {
    Int,
    Long,
    Float,
    Double,
    Boolean,
    Byte,
    Short,
    Char,
    String,
}

#[derive(Debug, Clone, PartialEq)]
enum Column {
    /// The node's id; `name` is the property that keeps it (empty: none).
    Id {
        name: String,
        space: String,
    },
    Label,
    RelType,
    StartId {
        space: String,
    },
    EndId {
        space: String,
    },
    Property {
        name: String,
        ty: Type,
        array: bool,
    },
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn id_space(spec: &str, field: &str) -> Result<String, String> {
    let space = spec
        .strip_prefix(field)
        .and_then(|s| s.strip_prefix('('))
        .and_then(|s| s.strip_suffix(')'))
        .ok_or_else(|| format!("`{spec}`: expected {field}(<space>)"))?;
    if !is_identifier(space) {
        return Err(format!("`{spec}`: bad id space `{space}`"));
    }
    Ok(space.to_owned())
}

/// One header: `<name>:<field_type>` per column.
fn parse_header(fields: &[Field], relationships: bool) -> Result<Vec<Column>, String> {
    let mut columns = Vec::new();
    let mut names = HashSet::new();
    for field in fields {
        let Field::Bare(spec) = field else {
            return Err(format!("header field {field:?} is quoted"));
        };
        let (name, kind) = spec.split_once(':').unwrap_or((spec.as_str(), "string"));
        let column = match kind {
            "LABEL" => Column::Label,
            "TYPE" => Column::RelType,
            k if k.starts_with("ID") => Column::Id {
                name: name.to_owned(),
                space: id_space(k, "ID")?,
            },
            k if k.starts_with("START_ID") => Column::StartId {
                space: id_space(k, "START_ID")?,
            },
            k if k.starts_with("END_ID") => Column::EndId {
                space: id_space(k, "END_ID")?,
            },
            k => {
                let (base, array) = match k.strip_suffix("[]") {
                    Some(base) => (base, true),
                    None => (k, false),
                };
                let ty = match base {
                    "int" => Type::Int,
                    "long" => Type::Long,
                    "float" => Type::Float,
                    "double" => Type::Double,
                    "boolean" => Type::Boolean,
                    "byte" => Type::Byte,
                    "short" => Type::Short,
                    "char" => Type::Char,
                    "string" => Type::String,
                    other => return Err(format!("`{spec}`: unknown type `{other}`")),
                };
                if !is_identifier(name) {
                    return Err(format!("`{spec}`: bad property name"));
                }
                Column::Property {
                    name: name.to_owned(),
                    ty,
                    array,
                }
            }
        };
        // The name of an ID column is a property too.
        let property = match &column {
            Column::Property { name, .. } => Some(name.as_str()),
            Column::Id { .. } if !name.is_empty() => Some(name),
            _ => None,
        };
        if let Some(property) = property {
            if !names.insert(property.to_owned()) {
                return Err(format!("property `{property}` twice"));
            }
        }
        columns.push(column);
    }
    let count = |f: fn(&Column) -> bool| columns.iter().filter(|c| f(c)).count();
    let ids = count(|c| matches!(c, Column::Id { .. }));
    let labels = count(|c| matches!(c, Column::Label));
    let types = count(|c| matches!(c, Column::RelType));
    let starts = count(|c| matches!(c, Column::StartId { .. }));
    let ends = count(|c| matches!(c, Column::EndId { .. }));
    let shape = if relationships {
        (ids, labels, types, starts, ends) == (0, 0, 1, 1, 1)
    } else {
        (ids, labels, types, starts, ends) == (1, 1, 0, 0, 0)
    };
    if !shape {
        return Err(format!(
            "header has {ids} ID, {labels} LABEL, {types} TYPE, {starts} START_ID, {ends} END_ID columns"
        ));
    }
    Ok(columns)
}

/// `true` or `false`, the only booleans the writers write.
fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn typed(text: &str, ty: Type) -> Result<Value, String> {
    let bad = || format!("`{text}` is not a {ty:?}");
    Ok(match ty {
        Type::Int => Value::Int(text.parse::<i32>().map_err(|_| bad())?.into()),
        Type::Long => Value::Int(text.parse::<i64>().map_err(|_| bad())?),
        Type::Short => Value::Int(text.parse::<i16>().map_err(|_| bad())?.into()),
        Type::Byte => Value::Int(text.parse::<i8>().map_err(|_| bad())?.into()),
        Type::Float | Type::Double => {
            text.parse::<f64>().map_err(|_| bad())?;
            Value::Str(text.to_owned())
        }
        // neo4j-admin reads any text but `true` as false: only the two
        // words are allowed here.
        Type::Boolean => Value::Bool(boolean(text).ok_or_else(bad)?),
        Type::Char | Type::String => Value::Str(text.to_owned()),
    })
}

/// A property value: `None` when absent (an empty unquoted field).
/// Texts must be quoted, numbers not (the writer's rules, stricter than
/// neo4j-admin's).
fn property(field: &Field, ty: Type, array: bool) -> Result<Option<Value>, String> {
    let text = match (field, ty) {
        (Field::Bare(t), _) if t.is_empty() => return Ok(None),
        (Field::Quoted(t), Type::String) => t,
        (Field::Bare(t), Type::String) => return Err(format!("text `{t}` is not quoted")),
        (Field::Bare(t), _) => t,
        (Field::Quoted(t), _) => return Err(format!("{ty:?} `{t}` is quoted")),
    };
    if array {
        let items = text.split(';').map(|item| typed(item, ty));
        return Ok(Some(Value::List(items.collect::<Result<_, _>>()?)));
    }
    typed(text, ty).map(Some)
}

fn field_text(field: &Field) -> &str {
    match field {
        Field::Bare(t) | Field::Quoted(t) => t,
    }
}

/// Checks a whole Neo4j export against the format's rules and reads it.
/// `files` holds each file's bytes and what the writer said of it.
fn check_neo4j(files: &[(Neo4jWritten, Vec<u8>)]) -> Result<Graph, String> {
    let mut graph = Graph::default();
    let mut spaces: HashMap<String, HashSet<String>> = HashMap::new();
    // Node files first, so that relationship ends can be looked up.
    let mut ordered: Vec<&(Neo4jWritten, Vec<u8>)> = files.iter().collect();
    ordered.sort_by_key(|(w, _)| w.file().is_relationships());
    for (written, bytes) in ordered {
        let file = written.file();
        let at = |e: String| format!("{}: {e}", file.file_name());
        let csv = parse_csv(bytes).map_err(at)?;
        if csv.multiline != written.has_multiline_fields() {
            return Err(at(format!(
                "multiline fields: file {}, writer {}",
                csv.multiline,
                written.has_multiline_fields()
            )));
        }
        let (header, rows) = csv
            .rows
            .split_first()
            .ok_or_else(|| at("no header".into()))?;
        let columns = parse_header(header, file.is_relationships()).map_err(at)?;
        if rows.len() as u64 != written.rows() {
            return Err(at(format!(
                "{} rows, writer says {}",
                rows.len(),
                written.rows()
            )));
        }
        for (n, row) in rows.iter().enumerate() {
            let at = |e: String| format!("{} row {}: {e}", file.file_name(), n + 1);
            if row.len() != columns.len() {
                return Err(at(format!(
                    "{} fields, header has {}",
                    row.len(),
                    columns.len()
                )));
            }
            let (mut id, mut label, mut kind, mut start, mut end) = (None, None, None, None, None);
            let mut props = Props::new();
            for (column, field) in columns.iter().zip(row) {
                let text = field_text(field);
                match column {
                    Column::Id { name, space } => {
                        // Every node file has its key, as a property.
                        if name != "key" {
                            return Err(at(format!("the id column is `{name}`, not `key`")));
                        }
                        if text.is_empty() {
                            return Err(at("empty id".into()));
                        }
                        if !spaces
                            .entry(space.clone())
                            .or_default()
                            .insert(text.to_owned())
                        {
                            return Err(at(format!("id `{text}` twice in space {space}")));
                        }
                        id = Some((space.clone(), text.to_owned()));
                    }
                    Column::Label => {
                        let labels: Vec<&str> = text.split(';').collect();
                        if !labels.iter().all(|l| is_identifier(l)) {
                            return Err(at(format!("bad labels `{text}`")));
                        }
                        label = labels.first().map(|l| l.to_string());
                    }
                    Column::RelType => {
                        if !is_identifier(text) {
                            return Err(at(format!("bad type `{text}`")));
                        }
                        kind = Some(text.to_owned());
                    }
                    Column::StartId { space } | Column::EndId { space } => {
                        if !spaces.get(space).is_some_and(|ids| ids.contains(text)) {
                            return Err(at(format!("no node `{text}` in space {space}")));
                        }
                        let end_point = Some((space.clone(), text.to_owned()));
                        if matches!(column, Column::StartId { .. }) {
                            start = end_point;
                        } else {
                            end = end_point;
                        }
                    }
                    Column::Property { name, ty, array } => {
                        if let Some(value) = property(field, *ty, *array).map_err(at)? {
                            props.insert(name.clone(), value);
                        }
                    }
                }
            }
            if file.is_relationships() {
                let (Some(kind), Some(start), Some(end)) = (kind, start, end) else {
                    return Err(at("incomplete relationship".into()));
                };
                graph.edges.push((kind, start, end, props));
            } else {
                let (Some((space, key)), Some(label)) = (id, label) else {
                    return Err(at("incomplete node".into()));
                };
                // This export names each id space after its label.
                if space != label {
                    return Err(at(format!("label {label} in id space {space}")));
                }
                if label == "Corpus" {
                    if key != "corpus" {
                        return Err(at(format!("the corpus node's key is `{key}`")));
                    }
                    graph.title = match props.remove("title") {
                        Some(Value::Str(title)) => Some(title),
                        other => return Err(at(format!("corpus title {other:?}"))),
                    };
                    if !props.is_empty() {
                        return Err(at(format!("corpus properties {props:?}")));
                    }
                } else {
                    graph.nodes.push((label, key, props));
                }
            }
        }
    }
    Ok(graph)
}

// ---------------------------------------------------------------------------
// GraphML
// ---------------------------------------------------------------------------

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

fn elements<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    name: &str,
) -> Vec<roxmltree::Node<'a, 'input>> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .collect()
}

/// Keys: id → (for, attr.name, attr.type).
type Keys<'a> = HashMap<&'a str, (&'a str, &'a str, &'a str)>;

/// The `<data>` of an element, by attr.name, typed by attr.type.
fn data(keys: &Keys<'_>, element: roxmltree::Node<'_, '_>, domain: &str) -> Result<Props, String> {
    let mut props = Props::new();
    for d in elements(element, "data") {
        let key = d.attribute("key").ok_or("data without key")?;
        let &(for_, name, ty) = keys.get(key).ok_or(format!("undeclared key {key}"))?;
        if for_ != domain && for_ != "all" {
            return Err(format!("key {key} is for {for_}, used on {domain}"));
        }
        let text = d.text().unwrap_or("");
        let bad = || format!("{key}: `{text}` is not an {ty}");
        let value = match ty {
            "int" => Value::Int(text.parse::<i32>().map_err(|_| bad())?.into()),
            "long" => Value::Int(text.parse::<i64>().map_err(|_| bad())?),
            "boolean" => Value::Bool(boolean(text).ok_or_else(bad)?),
            _ => Value::Str(text.to_owned()),
        };
        if props.insert(name.to_owned(), value).is_some() {
            return Err(format!("property {name} twice"));
        }
    }
    Ok(props)
}

fn check_graphml(xml: &[u8]) -> Result<Graph, String> {
    let text = std::str::from_utf8(xml).map_err(|e| format!("not UTF-8: {e}"))?;
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not well-formed: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "graphml" || root.tag_name().namespace() != Some(GRAPHML_NS) {
        return Err(format!("root element {:?}", root.tag_name()));
    }
    let mut keys: Keys<'_> = HashMap::new();
    for key in elements(root, "key") {
        let attr = |name| key.attribute(name).ok_or(format!("key without {name}"));
        let (id, domain, name, ty) = (
            attr("id")?,
            attr("for")?,
            attr("attr.name")?,
            attr("attr.type")?,
        );
        if !["graph", "node", "edge", "all"].contains(&domain) {
            return Err(format!("key {id}: for={domain}"));
        }
        if !["boolean", "int", "long", "float", "double", "string"].contains(&ty) {
            return Err(format!("key {id}: attr.type={ty}"));
        }
        if keys.insert(id, (domain, name, ty)).is_some() {
            return Err(format!("key {id} declared twice"));
        }
    }
    let graphs = elements(root, "graph");
    let [graph_element] = graphs.as_slice() else {
        return Err(format!("{} graph elements", graphs.len()));
    };
    if graph_element.attribute("edgedefault") != Some("directed") {
        return Err("the graph is not directed".into());
    }
    let mut graph = Graph::default();
    let mut graph_data = data(&keys, *graph_element, "graph")?;
    graph.title = match graph_data.remove("title") {
        Some(Value::Str(title)) => Some(title),
        None => None,
        other => return Err(format!("graph title {other:?}")),
    };
    let mut ids: HashMap<String, End> = HashMap::new();
    for node in elements(*graph_element, "node") {
        let id = node.attribute("id").ok_or("node without id")?;
        let mut props = data(&keys, node, "node")?;
        let (Some(Value::Str(label)), Some(Value::Str(key))) =
            (props.remove("labelV"), props.remove("key"))
        else {
            return Err(format!("node {id} without labelV or key"));
        };
        if id != format!("{}:{key}", label.to_lowercase()) {
            return Err(format!("node id {id} for {label} {key}"));
        }
        if ids
            .insert(id.to_owned(), (label.clone(), key.clone()))
            .is_some()
        {
            return Err(format!("node id {id} twice"));
        }
        graph.nodes.push((label, key, props));
    }
    let mut edge_ids = HashSet::new();
    for edge in elements(*graph_element, "edge") {
        let id = edge.attribute("id").unwrap_or("");
        if !id.is_empty() && !edge_ids.insert(id) {
            return Err(format!("edge id {id} twice"));
        }
        let end = |name| -> Result<End, String> {
            let node = edge
                .attribute(name)
                .ok_or(format!("edge {id} without {name}"))?;
            ids.get(node)
                .cloned()
                .ok_or(format!("edge {id}: undeclared {name} {node}"))
        };
        let (source, target) = (end("source")?, end("target")?);
        let mut props = data(&keys, edge, "edge")?;
        let Some(Value::Str(label)) = props.remove("labelE") else {
            return Err(format!("edge {id} without labelE"));
        };
        graph.edges.push((label, source, target, props));
    }
    Ok(graph)
}

// ---------------------------------------------------------------------------
// From the graph back to the corpus document
// ---------------------------------------------------------------------------

fn json_of(value: Value) -> Json {
    match value {
        Value::Str(s) => Json::String(s),
        Value::Int(i) => json!(i),
        Value::Bool(b) => json!(b),
        Value::List(items) => Json::Array(items.into_iter().map(json_of).collect()),
    }
}

/// The section, the properties a node of this label may have, and which of
/// them is the derived `year` (checked, then dropped).
fn section(label: &str) -> Option<(&'static str, &'static [&'static str])> {
    Some(match label {
        "Scholar" => (
            "scholars",
            &[
                "name",
                "born",
                "died",
                "affiliation",
                "family",
                "given",
                "non_dropping_particle",
                "dropping_particle",
                "suffix",
                "family_first",
                "literal",
            ],
        ),
        "Work" => (
            "works",
            &[
                "type",
                "title",
                "issued",
                "year",
                "container_title",
                "volume",
                "issue",
                "page",
                "publisher",
                "publisher_place",
                "archive",
                "archive_location",
                "note",
            ],
        ),
        "Event" => ("events", &["name", "when", "year", "description"]),
        "Explanation" => ("explanations", &["name", "description"]),
        "Evidence" => (
            "evidence",
            &["kind", "description", "locator", "date", "year"],
        ),
        "Claim" => ("claims", &["text", "markup", "polarity", "date", "year"]),
        _ => return None,
    })
}

/// The derived year of a work (of `issued`), an event (the first of
/// `when`), or evidence or a claim (of `date`).
fn derived_year(label: &str, props: &Props) -> Option<i64> {
    let text = |name| match props.get(name) {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    };
    match label {
        "Work" => text("issued").map(|d| d.parse::<Date>().expect("issued is EDTF").year().into()),
        "Event" => {
            text("when").map(|w| w.parse::<When>().expect("when is EDTF").first_year().into())
        }
        "Evidence" | "Claim" => {
            text("date").map(|d| d.parse::<Date>().expect("date is EDTF").year().into())
        }
        _ => None,
    }
}

/// The relationship types: (type, start label, end label, properties).
const RELATIONS: &[(&str, &str, &str, &[&str])] = &[
    ("AUTHORED_BY", "Work", "Scholar", &["position"]),
    ("EDITED_BY", "Work", "Scholar", &["position"]),
    ("TRANSLATED_BY", "Work", "Scholar", &["position"]),
    ("FOUND_IN", "Evidence", "Work", &[]),
    ("WITHIN", "Event", "Event", &[]),
    ("VARIANT_OF", "Explanation", "Explanation", &[]),
    ("INVOKES", "Claim", "Explanation", &[]),
    ("CONCERNS", "Claim", "Event", &[]),
    (
        "TAKES_POSITION",
        "Scholar",
        "Claim",
        &["stance", "work", "year"],
    ),
    ("CITES", "Claim", "Evidence", &["bearing"]),
    ("ATTACKS", "Claim", "Claim", &["kind"]),
    ("SUPPORTS", "Claim", "Claim", &[]),
];

fn set(entry: &mut Map<String, Json>, field: &str, value: Json) -> Result<(), String> {
    match entry.insert(field.to_owned(), value) {
        None => Ok(()),
        Some(_) => Err(format!("{field} twice on {:?}", entry.get("key"))),
    }
}

fn push(entry: &mut Map<String, Json>, field: &str, value: Json) {
    if let Json::Array(list) = entry.entry(field).or_insert_with(|| json!([])) {
        list.push(value);
    }
}

/// Moves a scholar's name properties from `props` to the document's
/// `parts` and `literal`. Both flags must be there, on every scholar;
/// `false` is the document's default and left out.
fn name_of_scholar(entry: &mut Map<String, Json>, props: &mut Props) -> Result<(), String> {
    let mut flag = |name: &str| match props.remove(name) {
        Some(Value::Bool(b)) => Ok(b),
        other => Err(format!("{name} is {other:?}, not a boolean")),
    };
    let (family_first, literal) = (flag("family_first")?, flag("literal")?);
    let mut parts = Map::new();
    for name in [
        "family",
        "given",
        "non_dropping_particle",
        "dropping_particle",
        "suffix",
    ] {
        if let Some(value) = props.remove(name) {
            parts.insert(name.into(), json_of(value));
        }
    }
    if family_first {
        parts.insert("family_first".into(), json!(true));
    }
    match (parts.contains_key("family"), parts.is_empty()) {
        (true, _) => set(entry, "parts", Json::Object(parts))?,
        (false, false) => return Err(format!("name parts without a family name: {parts:?}")),
        (false, true) => {}
    }
    if literal {
        set(entry, "literal", json!(true))?;
    }
    Ok(())
}

/// The corpus document the graph describes. Fails on any property or
/// relationship the document has no place for, so nothing is read past.
fn rebuild(graph: Graph) -> Result<String, String> {
    let mut doc = Map::new();
    doc.insert("version".into(), json!(1));
    if let Some(title) = graph.title {
        doc.insert("title".into(), json!(title));
    }
    let mut sections: BTreeMap<&str, Vec<Map<String, Json>>> = BTreeMap::new();
    let mut place: HashMap<End, (&str, usize)> = HashMap::new();
    for (label, key, mut props) in graph.nodes {
        let (name, allowed) = section(&label).ok_or(format!("unknown label {label}"))?;
        if let Some(extra) = props.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(format!("{label} {key}: unknown property {extra}"));
        }
        if allowed.contains(&"year") {
            let year = props.remove("year");
            let expected = derived_year(&label, &props);
            if year != expected.map(Value::Int) {
                return Err(format!(
                    "{label} {key}: year {year:?}, expected {expected:?}"
                ));
            }
        }
        let mut entry = Map::new();
        entry.insert("key".into(), json!(key));
        if label == "Scholar" {
            name_of_scholar(&mut entry, &mut props).map_err(|e| format!("{label} {key}: {e}"))?;
        }
        entry.extend(props.into_iter().map(|(k, v)| (k, json_of(v))));
        let list = sections.entry(name).or_default();
        if place
            .insert((label.clone(), key.clone()), (name, list.len()))
            .is_some()
        {
            return Err(format!("{label} {key} twice"));
        }
        list.push(entry);
    }
    // (work, list) → (position, scholar)
    let mut contributors: BTreeMap<(usize, &str), Vec<(i64, String)>> = BTreeMap::new();
    for (kind, start, end, mut props) in graph.edges {
        let &(_, from, to, allowed) = RELATIONS
            .iter()
            .find(|r| r.0 == kind)
            .ok_or(format!("unknown relationship type {kind}"))?;
        if start.0 != from || end.0 != to {
            return Err(format!("{kind} from {start:?} to {end:?}"));
        }
        if let Some(extra) = props.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(format!("{kind}: unknown property {extra}"));
        }
        for node in [&start, &end] {
            if !place.contains_key(node) {
                return Err(format!("{kind}: no node {node:?}"));
            }
        }
        // A stance is listed on its claim, every other relation on its start.
        let (owner, other) = if kind == "TAKES_POSITION" {
            (&end, &start)
        } else {
            (&start, &end)
        };
        let &(name, at) = place.get(owner).ok_or("no node")?;
        let entry = &mut sections.get_mut(name).ok_or("no section")?[at];
        let other = json!(other.1);
        let mut take = |name: &str| props.remove(name).map(json_of);
        match kind.as_str() {
            "AUTHORED_BY" | "EDITED_BY" | "TRANSLATED_BY" => {
                let list = match kind.as_str() {
                    "AUTHORED_BY" => "authors",
                    "EDITED_BY" => "editors",
                    _ => "translators",
                };
                let Some(Json::Number(position)) = take("position") else {
                    return Err(format!("{kind} without position"));
                };
                let position = position.as_i64().ok_or("position")?;
                contributors
                    .entry((at, list))
                    .or_default()
                    .push((position, end.1.clone()));
            }
            "FOUND_IN" => set(entry, "work", other)?,
            "WITHIN" => set(entry, "within", other)?,
            "VARIANT_OF" => set(entry, "variant_of", other)?,
            "INVOKES" => set(entry, "explanation", other)?,
            "CONCERNS" => push(entry, "events", other),
            "TAKES_POSITION" => {
                let mut stance = Map::new();
                stance.insert("scholar".into(), other);
                for field in ["stance", "work", "year"] {
                    if let Some(value) = take(field) {
                        stance.insert(field.into(), value);
                    }
                }
                push(entry, "stances", Json::Object(stance));
            }
            "CITES" => {
                let bearing = take("bearing").ok_or("a citation without bearing")?;
                push(
                    entry,
                    "cites",
                    json!({ "evidence": other, "bearing": bearing }),
                );
            }
            "ATTACKS" => {
                let kind = take("kind").ok_or("an attack without kind")?;
                push(entry, "attacks", json!({ "claim": other, "kind": kind }));
            }
            "SUPPORTS" => push(entry, "supports", other),
            unhandled => return Err(format!("unhandled {unhandled}")),
        }
    }
    for ((at, name), mut list) in contributors {
        list.sort();
        let positions: Vec<i64> = list.iter().map(|(p, _)| *p).collect();
        if positions != (0..list.len() as i64).collect::<Vec<_>>() {
            return Err(format!("{name}: positions {positions:?}"));
        }
        let keys: Vec<String> = list.into_iter().map(|(_, k)| k).collect();
        sections.get_mut("works").ok_or("no works")?[at].insert(name.into(), json!(keys));
    }
    for (name, list) in sections {
        doc.insert(
            name.into(),
            Json::Array(list.into_iter().map(Json::Object).collect()),
        );
    }
    Ok(Json::Object(doc).to_string())
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn neo4j_files(corpus: &Corpus) -> Vec<(Neo4jWritten, Vec<u8>)> {
    Neo4jFile::ALL
        .iter()
        .map(|&file| {
            let mut bytes = Vec::new();
            let written = corpus
                .write_neo4j_file(file, &mut bytes)
                .expect("write to memory");
            (written, bytes)
        })
        .collect()
}

fn graphml(corpus: &Corpus) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    corpus.write_graphml(&mut bytes)?;
    Ok(bytes)
}

/// The corpus the files describe, as its JSON document.
fn neo4j_round_trip(corpus: &Corpus) -> Result<String, String> {
    let document = rebuild(check_neo4j(&neo4j_files(corpus))?)?;
    Corpus::from_json(&document)
        .map(|c| c.to_json())
        .map_err(|e| format!("{e}\n{document}"))
}

fn graphml_round_trip(corpus: &Corpus) -> Result<String, String> {
    let xml = graphml(corpus).map_err(|e| e.to_string())?;
    let document = rebuild(check_graphml(&xml)?)?;
    Corpus::from_json(&document)
        .map(|c| c.to_json())
        .map_err(|e| format!("{e}\n{document}"))
}

/// A small corpus whose every text is hostile to CSV and XML.
fn hostile() -> Corpus {
    let mut c = Corpus::new();
    c.set_title(Some("A \"hostile\" corpus, with; everything\nin it".into()));
    let s = c
        .add_scholar(
            Scholar::new("k\"ey,;<&>'", " Leading and trailing \t")
                .with_born(-44)
                .with_died(2024)
                .with_affiliation(""),
        )
        .unwrap();
    let t = c
        .add_scholar(Scholar::new("日本-😀", "Ends in a backslash \\"))
        .unwrap();
    let u = c
        .add_scholar(
            Scholar::new("u", "Chen \"Jian\", Jr.").with_parts(
                NameParts::new("Chen, \"C\"")
                    .with_given("Jian;J")
                    .with_non_dropping_particle("van <der>")
                    .with_dropping_particle("von & zu")
                    .with_suffix("Jr.\r\nIII")
                    .with_family_first(),
            ),
        )
        .unwrap();
    let v = c
        .add_scholar(Scholar::new("v", "Central Committee; \"CCP\"").with_literal_name())
        .unwrap();
    let w = c
        .add_work(
            Work::new(
                "w;1",
                "Title with \"\"double quotes\"\" and \\\"escaped\\\"",
            )
            .with_kind(WorkKind::ArticleJournal)
            .with_issued("1958-08~".parse().unwrap())
            .with_container_title("a,b,c")
            .with_volume("39,\"a\"")
            .with_issue("1;2")
            .with_page("156–179 & <n>")
            .with_publisher("line one\r\nline two")
            .with_publisher_place("\"")
            .with_archive("]]> <![CDATA[ &amp;")
            .with_archive_location(";;;")
            .with_note("tab\there"),
            [t, s],
        )
        .unwrap();
    c.set_contributors(w, Role::Editor, [u]).unwrap();
    c.set_contributors(w, Role::Translator, [v, s]).unwrap();
    let split = c
        .add_event(
            Event::new("split", "Split, \"the\"").with_when("1956/1966".parse::<When>().unwrap()),
            None,
        )
        .unwrap();
    let crisis = c
        .add_event(
            Event::new("crisis\"", "Crisis").with_when("-0044-03-15/..".parse::<When>().unwrap()),
            Some(split),
        )
        .unwrap();
    let family = c
        .add_explanation(Explanation::new("x", "X").with_description("\n"), None)
        .unwrap();
    let variant = c
        .add_explanation(Explanation::new("x,v", "X; V"), Some(family))
        .unwrap();
    let e = c
        .add_evidence(
            Evidence::new("n.1", EvidenceKind::Memoir, "\"quoted\" note")
                .with_locator("p. 1, n. 2")
                .with_date("-0044-03~".parse::<Date>().unwrap()),
            Some(w),
        )
        .unwrap();
    let a = c
        .add_claim(
            Claim::new("a", "Text, with \"quotes\"\nand lines;\r\nand more")
                .with_date("1961-02~".parse::<Date>().unwrap()),
            variant,
            [crisis, split],
        )
        .unwrap();
    let b = c
        .add_claim(
            Claim::new("b\"", "😀 <b>bold</b> & 'single'")
                .with_markup("😀 **<b>bold</b>** & [\"single\"](http://x.org/?a=1&b=;)")
                .with_polarity(Polarity::Denies),
            family,
            [crisis],
        )
        .unwrap();
    c.add_position(
        s,
        a,
        Position::new(Stance::Advances).in_work(w).in_year(1960),
    )
    .unwrap();
    c.add_position(s, a, Position::new(Stance::Rejects).in_year(1970))
        .unwrap();
    c.add_position(t, b, Position::new(Stance::Qualifies))
        .unwrap();
    c.cite(a, e, Bearing::Undermines).unwrap();
    c.cite(b, e, Bearing::Supports).unwrap();
    c.attack(b, a, AttackKind::Undercuts).unwrap();
    c.attack(a, b, AttackKind::Rebuts).unwrap();
    c.support(a, b).unwrap();
    c
}

// ---------------------------------------------------------------------------
// Tests: the built-in corpus, hostile text, the command, golden files
// ---------------------------------------------------------------------------

#[test]
fn built_in_corpus_follows_neo4j_rules_and_round_trips() {
    let corpus = sino_soviet_split();
    assert_eq!(neo4j_round_trip(&corpus).unwrap(), corpus.to_json());
}

#[test]
fn built_in_corpus_graphml_is_well_formed_and_round_trips() {
    let corpus = sino_soviet_split();
    assert_eq!(graphml_round_trip(&corpus).unwrap(), corpus.to_json());
}

#[test]
fn row_counts_match_the_corpus() {
    let corpus = sino_soviet_split();
    let rows: HashMap<Neo4jFile, u64> = neo4j_files(&corpus)
        .into_iter()
        .map(|(w, _)| (w.file(), w.rows()))
        .collect();
    assert_eq!(rows[&Neo4jFile::Claims], corpus.count::<ClaimId>() as u64);
    assert_eq!(rows[&Neo4jFile::Invokes], corpus.count::<ClaimId>() as u64);
    assert_eq!(
        rows[&Neo4jFile::Scholars],
        corpus.count::<ScholarId>() as u64
    );
    assert_eq!(rows[&Neo4jFile::Corpus], 1);
    let relations: u64 = rows
        .iter()
        .filter(|(f, _)| f.is_relationships())
        .map(|(_, n)| n)
        .sum();
    assert_eq!(relations, corpus.as_petgraph().edge_count() as u64);
}

#[test]
fn dates_and_their_years_are_written_and_read_back() {
    let text = std::fs::read_to_string("tests/data/v1-dates.json").unwrap();
    let corpus = Corpus::from_json(&text).unwrap();
    assert_eq!(neo4j_round_trip(&corpus).unwrap(), text);
    assert_eq!(graphml_round_trip(&corpus).unwrap(), text);
    let files = neo4j_files(&corpus);
    let file = |which: Neo4jFile| {
        let (_, bytes) = files.iter().find(|(w, _)| w.file() == which).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    assert_eq!(
        file(Neo4jFile::Evidence),
        "key:ID(Evidence),:LABEL,kind,description,locator,date,year:int\n\
         \"christensen-1996-ch6\",Evidence,\"secondary_study\",\"Christensen on the crisis and the Leap\",\"ch. 6\",,\n\
         \"telegram\",Evidence,\"archival_document\",\"A telegram on the shelling, opened to researchers after 1991\",\"d. 3\",\"1992~\",1992\n\
         \"memoir-excerpt\",Evidence,\"memoir\",\"A participant's memoir, excerpted in a journal\",,\"1994-11\",1994\n\
         \"speech\",Evidence,\"published_primary_source\",\"Mao's speech of 5 September\",,\"1958-09-05\",1958\n\
         \"ancient-precedent\",Evidence,\"other\",\"An ancient precedent, cited by way of analogy\",,\"-0044-03-15\",-44\n\
         \"recollections\",Evidence,\"interview\",\"Interviews with veterans, recorded some time in the 1990s\",,\"199X~\",1990\n"
    );
    let claims = file(Neo4jFile::Claims);
    let dated: Vec<&str> = claims
        .lines()
        .map(|l| l.rsplit(",\"").next().unwrap())
        .collect();
    assert_eq!(
        dated,
        [
            "key:ID(Claim),:LABEL,text,markup,polarity,date,year:int",
            "affirms\",,",
            "1958\",1958",
            "1958-10\",1958",
            "1960-05-01\",1960",
            "1959~\",1959",
            "1955-01-20~\",1955",
            "denies\",,",
            "196X\",1960",
        ]
    );
    let xml = String::from_utf8(graphml(&corpus).unwrap()).unwrap();
    assert!(xml.contains(r#"<key id="v_date" for="node" attr.name="date" attr.type="string"/>"#));
    assert!(xml.contains(
        r#"<data key="v_polarity">denies</data><data key="v_date">1955-01-20~</data><data key="v_year">1955</data></node>"#
    ));
    assert!(xml.contains(
        r#"<data key="v_description">An ancient precedent, cited by way of analogy</data><data key="v_date">-0044-03-15</data><data key="v_year">-44</data></node>"#
    ));
}

#[test]
fn contributors_have_one_relationship_type_per_role() {
    let corpus = hostile();
    let files = neo4j_files(&corpus);
    let file = |which: Neo4jFile| {
        let (_, bytes) = files.iter().find(|(w, _)| w.file() == which).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let header = ":START_ID(Work),:END_ID(Scholar),:TYPE,position:int\n";
    assert_eq!(
        file(Neo4jFile::AuthoredBy),
        format!(
            "{header}\"w;1\",\"日本-😀\",AUTHORED_BY,0\n\"w;1\",\"k\"\"ey,;<&>'\",AUTHORED_BY,1\n"
        )
    );
    assert_eq!(
        file(Neo4jFile::EditedBy),
        format!("{header}\"w;1\",\"u\",EDITED_BY,0\n")
    );
    assert_eq!(
        file(Neo4jFile::TranslatedBy),
        format!(
            "{header}\"w;1\",\"v\",TRANSLATED_BY,0\n\"w;1\",\"k\"\"ey,;<&>'\",TRANSLATED_BY,1\n"
        )
    );
    for role in Role::ALL {
        let file = Neo4jFile::for_role(role);
        assert!(file.is_relationships());
        assert_eq!(
            file.file_name(),
            format!("{}.csv", file.label().to_lowercase())
        );
    }
    assert_eq!(Neo4jFile::for_role(Role::Author), Neo4jFile::AuthoredBy);
    assert_eq!(Neo4jFile::for_role(Role::Editor), Neo4jFile::EditedBy);
    assert_eq!(
        Neo4jFile::for_role(Role::Translator),
        Neo4jFile::TranslatedBy
    );

    // GraphML: the same types as edge labels, the parts and flags as node
    // data, volume, issue and page on the work.
    let xml = String::from_utf8(graphml(&corpus).unwrap()).unwrap();
    for (id, name, ty) in [
        ("v_family", "family", "string"),
        ("v_family_first", "family_first", "boolean"),
        ("v_literal", "literal", "boolean"),
        ("v_volume", "volume", "string"),
        ("v_page", "page", "string"),
    ] {
        let key = format!(r#"<key id="{id}" for="node" attr.name="{name}" attr.type="{ty}"/>"#);
        assert!(xml.contains(&key), "{key}");
    }
    assert!(xml.contains(
        r#"<data key="v_family">Chen, &quot;C&quot;</data><data key="v_given">Jian;J</data><data key="v_non_dropping_particle">van &lt;der&gt;</data><data key="v_dropping_particle">von &amp; zu</data><data key="v_suffix">Jr.&#13;
III</data><data key="v_family_first">true</data><data key="v_literal">false</data></node>"#
    ));
    assert!(xml.contains(
        r#"<data key="v_name">Central Committee; &quot;CCP&quot;</data><data key="v_family_first">false</data><data key="v_literal">true</data></node>"#
    ));
    assert!(xml.contains(
        r#"<data key="v_container_title">a,b,c</data><data key="v_volume">39,&quot;a&quot;</data><data key="v_issue">1;2</data><data key="v_page">156–179 &amp; &lt;n&gt;</data>"#
    ));
    assert!(xml.contains(
        r#"source="work:w;1" target="scholar:u"><data key="labelE">EDITED_BY</data><data key="e_position">0</data></edge>"#
    ));
    assert!(xml.contains(
        r#"source="work:w;1" target="scholar:v"><data key="labelE">TRANSLATED_BY</data><data key="e_position">0</data></edge>"#
    ));
}

#[test]
fn hostile_text_survives_both_formats() {
    let corpus = hostile();
    let json = corpus.to_json();
    // The markup is a property of its own, beside the plain text.
    let xml = String::from_utf8(graphml(&corpus).unwrap()).unwrap();
    assert!(xml.contains(
        r#"<data key="v_text">😀 &lt;b&gt;bold&lt;/b&gt; &amp; &apos;single&apos;</data><data key="v_markup">😀 **&lt;b&gt;bold&lt;/b&gt;** &amp; [&quot;single&quot;](http://x.org/?a=1&amp;b=;)</data>"#
    ));
    assert_eq!(neo4j_round_trip(&corpus).unwrap(), json);
    assert_eq!(graphml_round_trip(&corpus).unwrap(), json);
}

#[test]
fn empty_texts_stay_apart_from_absent_ones() {
    let corpus = hostile();
    let files = neo4j_files(&corpus);
    let scholars = &files
        .iter()
        .find(|(w, _)| w.file() == Neo4jFile::Scholars)
        .unwrap()
        .1;
    let text = String::from_utf8(scholars.clone()).unwrap();
    // The first scholar's affiliation is "", the second has none; the
    // booleans are there for every scholar, `false` too.
    assert_eq!(
        text,
        "key:ID(Scholar),:LABEL,name,born:int,died:int,affiliation,family,given,\
         non_dropping_particle,dropping_particle,suffix,family_first:boolean,literal:boolean\n\
         \"k\"\"ey,;<&>'\",Scholar,\" Leading and trailing \t\",-44,2024,\"\",,,,,,false,false\n\
         \"日本-😀\",Scholar,\"Ends in a backslash \\\",,,,,,,,,false,false\n\
         \"u\",Scholar,\"Chen \"\"Jian\"\", Jr.\",,,,\"Chen, \"\"C\"\"\",\"Jian;J\",\"van <der>\",\
         \"von & zu\",\"Jr.\r\nIII\",true,false\n\
         \"v\",Scholar,\"Central Committee; \"\"CCP\"\"\",,,,,,,,,false,true\n"
    );
}

#[test]
fn line_breaks_ask_for_multiline_fields() {
    let dir = tempdir("multiline");
    let files = hostile().write_neo4j_csv(&dir).unwrap();
    assert!(files.has_multiline_fields());
    assert!(files.command("neo4j").contains(" --multiline-fields=true "));
    let written: Vec<_> = files
        .written()
        .filter(|w| w.has_multiline_fields())
        .map(|w| w.file())
        .collect();
    assert_eq!(
        written,
        [
            Neo4jFile::Corpus,
            Neo4jFile::Scholars,
            Neo4jFile::Works,
            Neo4jFile::Explanations,
            Neo4jFile::Claims
        ]
    );

    let files = sino_soviet_split().write_neo4j_csv(&dir).unwrap();
    assert!(!files.has_multiline_fields());
    assert!(!files.command("neo4j").contains("--multiline-fields"));
}

#[test]
fn the_command_loads_every_file_with_rows() {
    let dir = tempdir("command dir's");
    let mut corpus = Corpus::new();
    let event = corpus.add_event(Event::new("e", "E"), None).unwrap();
    let x = corpus
        .add_explanation(Explanation::new("x", "X"), None)
        .unwrap();
    corpus.add_claim(Claim::new("c", "C"), x, [event]).unwrap();
    let files = corpus.write_neo4j_csv(&dir).unwrap();
    let d = dir.display().to_string().replace('\'', r"'\''");
    assert_eq!(
        files.command("graph"),
        format!(
            "neo4j-admin database import full graph --nodes='{d}/events.csv' \
             --nodes='{d}/explanations.csv' --nodes='{d}/claims.csv' \
             --relationships='{d}/invokes.csv' --relationships='{d}/concerns.csv'"
        )
    );
    // Every file is written, with rows or without.
    for file in Neo4jFile::ALL {
        let on_disk = std::fs::read(files.path(file)).unwrap();
        let mut in_memory = Vec::new();
        corpus.write_neo4j_file(file, &mut in_memory).unwrap();
        assert_eq!(on_disk, in_memory, "{}", file.file_name());
    }
    assert_eq!(files.dir(), dir.as_path());
    assert_eq!(files.written().count(), Neo4jFile::ALL.len());
}

#[test]
fn headers_are_what_the_files_start_with() {
    let corpus = sino_soviet_split();
    for (written, bytes) in neo4j_files(&corpus) {
        let file = written.file();
        assert!(
            bytes.starts_with(format!("{}\n", file.header()).as_bytes()),
            "{file:?}"
        );
        let fields = parse_csv(format!("{}\n", file.header()).as_bytes())
            .unwrap()
            .rows
            .remove(0);
        parse_header(&fields, file.is_relationships()).unwrap();
        // Every node file has its key.
        assert_eq!(
            file.header().starts_with("key:ID("),
            !file.is_relationships(),
            "{file:?}"
        );
        assert_eq!(
            file.header().contains(file.label()),
            !file.is_relationships(),
            "{file:?}"
        );
    }
}

#[test]
fn graphml_refuses_what_xml_cannot_hold() {
    let mut corpus = Corpus::new();
    corpus
        .add_scholar(Scholar::new("s", "Bell \u{7} rings"))
        .unwrap();
    let err = graphml(&corpus).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert_eq!(
        err.to_string(),
        "node scholar:s, v_name: the character U+0007 cannot be written in XML 1.0"
    );
    // The CSV files carry it as it is.
    assert_eq!(neo4j_round_trip(&corpus).unwrap(), corpus.to_json());

    let mut corpus = Corpus::new();
    let e = corpus.add_event(Event::new("e", "E"), None).unwrap();
    let x = corpus
        .add_explanation(Explanation::new("x", "X"), None)
        .unwrap();
    corpus
        .add_claim(Claim::new("c", "Not \u{FFFE} a character"), x, [e])
        .unwrap();
    let err = graphml(&corpus).unwrap_err();
    assert_eq!(
        err.to_string(),
        "node claim:c, v_text: the character U+FFFE cannot be written in XML 1.0"
    );
    // Its neighbours U+FFFD and U+10000 are fine.
    corpus
        .add_claim(Claim::new("d", "\u{FFFD}\u{10000}\u{EFFFF}"), x, [e])
        .unwrap();
    let c: ClaimId = corpus.lookup("c").unwrap();
    corpus.remove(c).unwrap();
    assert_eq!(graphml_round_trip(&corpus).unwrap(), corpus.to_json());
}

#[test]
fn writer_errors_are_returned() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let corpus = sino_soviet_split();
    assert!(corpus.write_graphml(Full).is_err());
    for file in Neo4jFile::ALL {
        assert!(corpus.write_neo4j_file(file, Full).is_err(), "{file:?}");
    }
}

#[test]
fn golden_files() {
    let text = std::fs::read_to_string("tests/data/v1-small.json").unwrap();
    let corpus = Corpus::from_json(&text).unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let check = |path: String, bytes: Vec<u8>| {
        if update {
            std::fs::write(&path, &bytes).unwrap();
        }
        let golden = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            golden == bytes,
            "{path} differs from what the writer gives now"
        );
    };
    for (written, bytes) in neo4j_files(&corpus) {
        check(
            format!("tests/data/neo4j/{}", written.file().file_name()),
            bytes,
        );
    }
    check(
        "tests/data/graphml/v1-small.graphml".into(),
        graphml(&corpus).unwrap(),
    );
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("historiograph-export-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---------------------------------------------------------------------------
// The checkers catch what they are there to catch
// ---------------------------------------------------------------------------

/// A well-formed pair of files, changed by `edit` at one place.
fn mutated(edit: impl Fn(&mut Vec<(Neo4jWritten, Vec<u8>)>)) -> Result<Graph, String> {
    let mut files = neo4j_files(&hostile());
    edit(&mut files);
    check_neo4j(&files)
}

fn replace_in(files: &mut [(Neo4jWritten, Vec<u8>)], file: Neo4jFile, from: &str, to: &str) {
    let (_, bytes) = files.iter_mut().find(|(w, _)| w.file() == file).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(from), "{from} not in {}", file.file_name());
    *bytes = text.replacen(from, to, 1).into_bytes();
}

#[test]
fn the_csv_checker_rejects_broken_files() {
    assert!(mutated(|_| {}).is_ok());
    let cases: &[(Neo4jFile, &str, &str, &str)] = &[
        (
            Neo4jFile::Claims,
            "key:ID(Claim)",
            "key:ID(Claim),other:ID(Claim)",
            "has 2 ID,",
        ),
        (
            Neo4jFile::Claims,
            "key:ID(Claim)",
            "key:ID",
            "expected ID(<space>)",
        ),
        (Neo4jFile::Claims, ":LABEL,", "", "0 LABEL"),
        (
            Neo4jFile::Claims,
            "year:int",
            "year:integer",
            "unknown type",
        ),
        (Neo4jFile::Claims, "polarity", "text", "twice"),
        (Neo4jFile::Cites, ":TYPE,", "", "0 TYPE"),
        (
            Neo4jFile::Cites,
            ",CITES,",
            ",CITES,,",
            "fields, header has",
        ),
        (
            Neo4jFile::Cites,
            "\"a\",\"n.1\"",
            "\"a\",\"n.2\"",
            "no node `n.2` in space Evidence",
        ),
        (
            Neo4jFile::Concerns,
            "\"split\"",
            "\"x\"",
            "no node `x` in space Event",
        ),
        (Neo4jFile::Scholars, "-44", "minus", "not a Int"),
        (Neo4jFile::Scholars, "-44", "\"-44\"", "is quoted"),
        (
            Neo4jFile::Events,
            "\"split\",Event",
            "\"crisis\"\"\",Event",
            "twice in space Event",
        ),
        (
            Neo4jFile::Events,
            "\"Split, \"\"the\"\"\"",
            "\"Split, \"the\"\"\"",
            "after a closing quote",
        ),
        (
            Neo4jFile::Events,
            "\"Crisis\"",
            "Cri\"sis",
            "quote inside an unquoted",
        ),
        (Neo4jFile::Events, "\"Crisis\"", "Crisis", "is not quoted"),
        (
            Neo4jFile::Claims,
            ",1961\n",
            ",1961",
            "quote inside an unquoted",
        ),
        (Neo4jFile::Supports, "SUPPORTS\n", "SUPPORTS", "no line end"),
        (
            Neo4jFile::Attacks,
            "\"undercuts\"",
            "\"undercuts",
            "unterminated quoted field",
        ),
        (
            Neo4jFile::Works,
            "1958,",
            "1959,",
            "year Some(Int(1959)), expected Some(1958)",
        ),
        (Neo4jFile::Claims, ",Claim,", ",Claim;9lives,", "bad labels"),
        // Every node file has its key: the corpus's too.
        (
            Neo4jFile::Corpus,
            "key:ID(Corpus)",
            ":ID(Corpus)",
            "the id column is ``, not `key`",
        ),
        (
            Neo4jFile::Scholars,
            "key:ID(Scholar)",
            "id:ID(Scholar)",
            "not `key`",
        ),
        (
            Neo4jFile::Corpus,
            "\"corpus\",Corpus",
            "\"title\",Corpus",
            "the corpus node's key is `title`",
        ),
        // Booleans are the two words, bare, on every scholar.
        (
            Neo4jFile::Scholars,
            ",false,true\n",
            ",false,yes\n",
            "`yes` is not a Boolean",
        ),
        (
            Neo4jFile::Scholars,
            ",true,false\n",
            ",\"true\",false\n",
            "Boolean `true` is quoted",
        ),
        (
            Neo4jFile::Scholars,
            ",false,true\n",
            ",false,\n",
            "literal is None, not a boolean",
        ),
        (
            Neo4jFile::Scholars,
            "\"Chen, \"\"C\"\"\"",
            "",
            "name parts without a family name",
        ),
        // Each role's positions count from 0.
        (
            Neo4jFile::EditedBy,
            ",EDITED_BY,0",
            ",EDITED_BY,1",
            "editors: positions [1]",
        ),
        (
            Neo4jFile::TranslatedBy,
            ",TRANSLATED_BY,1",
            ",TRANSLATED_BY,0",
            "translators: positions [0, 0]",
        ),
        (
            Neo4jFile::TranslatedBy,
            "\"w;1\",\"v\"",
            "\"w;1\",\"x\"",
            "no node `x` in space Scholar",
        ),
    ];
    for &(file, from, to, message) in cases {
        let result = mutated(|files| replace_in(files, file, from, to)).and_then(rebuild);
        match result {
            Err(e) => assert!(
                e.contains(message),
                "{from} → {to}: `{e}` lacks `{message}`"
            ),
            Ok(_) => panic!("{from} → {to} in {} passed the checker", file.file_name()),
        }
    }
}

#[test]
fn the_csv_checker_notices_unflagged_line_breaks() {
    // The same claims, none with a line break: what its writer says of the
    // claims file does not fit the hostile claims file.
    let mut quiet = hostile();
    let a: ClaimId = quiet.lookup("a").unwrap();
    quiet
        .replace(a, Claim::new("a", "One line").with_year(1961))
        .unwrap();
    let said = quiet
        .write_neo4j_file(Neo4jFile::Claims, std::io::sink())
        .unwrap();
    assert!(!said.has_multiline_fields());
    let e = mutated(|files| {
        let (written, _) = files
            .iter_mut()
            .find(|(w, _)| w.file() == Neo4jFile::Claims)
            .unwrap();
        *written = said;
    })
    .expect_err("caught");
    assert!(
        e.contains("claims.csv: multiline fields: file true, writer false"),
        "{e}"
    );
}

#[test]
fn the_graphml_checker_rejects_broken_documents() {
    let xml = String::from_utf8(graphml(&hostile()).unwrap()).unwrap();
    assert!(check_graphml(xml.as_bytes()).is_ok());
    let cases = [
        (
            "<graph id=\"corpus\"",
            "<graph id=\"corpus\" x=\"<\"",
            "not well-formed",
        ),
        (
            "target=\"claim:a\"",
            "target=\"claim:zz\"",
            "undeclared target",
        ),
        (
            "<key id=\"e_kind\"",
            "<key id=\"e_kinds\"",
            "undeclared key e_kind",
        ),
        (
            "attr.type=\"int\"",
            "attr.type=\"integer\"",
            "attr.type=integer",
        ),
        (
            "<data key=\"v_born\">-44",
            "<data key=\"v_born\">-4x4",
            "v_born: `-4x4` is not an int",
        ),
        (
            "edgedefault=\"directed\"",
            "edgedefault=\"undirected\"",
            "not directed",
        ),
        (
            "<node id=\"scholar:日本-😀\">",
            "<node id=\"scholar:x\">",
            "node id scholar:x",
        ),
        (
            "<data key=\"labelE\">ATTACKS",
            "<data key=\"labelE\">ATTACK",
            "unknown relationship type",
        ),
        (
            "<data key=\"e_bearing\">",
            "<data key=\"v_note\">",
            "is for node, used on edge",
        ),
        (
            "<data key=\"v_literal\">true",
            "<data key=\"v_literal\">True",
            "v_literal: `True` is not an boolean",
        ),
        (
            "<data key=\"v_family_first\">true</data>",
            "",
            "family_first is None, not a boolean",
        ),
        (
            "<data key=\"labelE\">EDITED_BY",
            "<data key=\"labelE\">EDITOR",
            "unknown relationship type",
        ),
        (
            "<data key=\"labelE\">TRANSLATED_BY</data><data key=\"e_position\">0",
            "<data key=\"labelE\">TRANSLATED_BY</data><data key=\"e_position\">2",
            "translators: positions [1, 2]",
        ),
    ];
    for (from, to, message) in cases {
        assert!(xml.contains(from), "{from}");
        let result = check_graphml(xml.replacen(from, to, 1).as_bytes()).and_then(rebuild);
        match result {
            Err(e) => assert!(
                e.contains(message),
                "{from} → {to}: `{e}` lacks `{message}`"
            ),
            Ok(_) => panic!("{from} → {to} passed the checker"),
        }
    }
}

// ---------------------------------------------------------------------------
// Random corpora (the strategy is in `tests/common`)
// ---------------------------------------------------------------------------

/// Whether every text of the corpus can be written in XML 1.0.
fn xml_safe(corpus: &Corpus) -> bool {
    fn safe(value: &Json) -> bool {
        match value {
            Json::String(s) => s
                .chars()
                .all(|c| c >= ' ' || ['\t', '\n', '\r'].contains(&c)),
            Json::Array(items) => items.iter().all(safe),
            Json::Object(map) => map.values().all(safe),
            _ => true,
        }
    }
    safe(&serde_json::from_str(&corpus.to_json()).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_corpora_round_trip_through_neo4j_csv(plan in plan(0)) {
        let corpus = build(&plan);
        let back = neo4j_round_trip(&corpus);
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        prop_assert_eq!(back.unwrap(), corpus.to_json());
    }

    #[test]
    fn random_corpora_round_trip_through_graphml(plan in plan(0)) {
        let corpus = build(&plan);
        match graphml(&corpus) {
            Ok(_) => {
                prop_assert!(xml_safe(&corpus));
                let back = graphml_round_trip(&corpus);
                prop_assert!(back.is_ok(), "{}", back.unwrap_err());
                prop_assert_eq!(back.unwrap(), corpus.to_json());
            }
            Err(e) => {
                prop_assert!(!xml_safe(&corpus), "refused a writable corpus: {}", e);
                prop_assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
            }
        }
    }
}
