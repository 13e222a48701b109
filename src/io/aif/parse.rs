//! From bytes to the AIF graph: UTF-8, JSON, then the shape of AIF (nodes,
//! edges, locutions, participants; plain AIFdb, OVA or xAIF). Nothing here
//! knows the corpus; `build` maps the graph into one.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::import;
use crate::error::Result;
use crate::io::import::Unmapped;
use crate::io::json::error::json_error;

/// The eight node types of AIF as AIFdb writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NodeType {
    /// Information: a proposition.
    I,
    /// Locution: an utterance, `Speaker : text`.
    L,
    /// Rule application: an inference.
    Ra,
    /// Conflict application: an attack.
    Ca,
    /// Rephrase: two I-nodes say the same.
    Ma,
    /// Preference application.
    Pa,
    /// Transition between locutions.
    Ta,
    /// Illocutionary connection: what a locution does with a proposition.
    Ya,
}

impl NodeType {
    fn parse(text: &str) -> Option<NodeType> {
        Some(match text {
            "I" => NodeType::I,
            "L" => NodeType::L,
            "RA" => NodeType::Ra,
            "CA" => NodeType::Ca,
            "MA" => NodeType::Ma,
            "PA" => NodeType::Pa,
            "TA" => NodeType::Ta,
            "YA" => NodeType::Ya,
            _ => return None,
        })
    }

    /// `an I-node`, `a CA-node`: the type with its article.
    pub(super) fn with_article(self) -> String {
        let article = match self {
            NodeType::I | NodeType::L | NodeType::Ra | NodeType::Ma => "an",
            _ => "a",
        };
        format!("{article} {}-node", self.as_str())
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            NodeType::I => "I",
            NodeType::L => "L",
            NodeType::Ra => "RA",
            NodeType::Ca => "CA",
            NodeType::Ma => "MA",
            NodeType::Pa => "PA",
            NodeType::Ta => "TA",
            NodeType::Ya => "YA",
        }
    }
}

/// One node, with its id as written (a string, or an integer as text).
#[derive(Debug)]
pub(super) struct Node {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) kind: NodeType,
    pub(super) scheme: Option<String>,
}

/// One edge, between node indices.
#[derive(Debug)]
pub(super) struct Edge {
    /// `edge 7`, or `edges[3]` for an edge with no id.
    pub(super) label: String,
    pub(super) from: usize,
    pub(super) to: usize,
}

/// Who uttered a locution: `locutions[at]` names `person` for node `node`.
#[derive(Debug)]
pub(super) struct Locution {
    pub(super) at: usize,
    pub(super) node: usize,
    pub(super) person: Option<String>,
}

/// A participant of xAIF or OVA: an id and a name.
#[derive(Debug)]
pub(super) struct Participant {
    pub(super) id: String,
    pub(super) name: String,
}

/// The AIF graph of one file.
#[derive(Debug, Default)]
pub(super) struct Graph {
    pub(super) nodes: Vec<Node>,
    pub(super) edges: Vec<Edge>,
    pub(super) locutions: Vec<Locution>,
    pub(super) participants: Vec<Participant>,
    /// Node index by id.
    pub(super) index: HashMap<String, usize>,
    /// Edge indices into and out of each node.
    pub(super) ins: Vec<Vec<usize>>,
    pub(super) outs: Vec<Vec<usize>>,
}

impl Graph {
    /// The nodes with an edge into `node`, in edge order.
    pub(super) fn sources(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.ins
            .get(node)
            .into_iter()
            .flatten()
            .filter_map(|&e| self.edges.get(e).map(|e| e.from))
    }

    /// The nodes `node` has an edge to, in edge order.
    pub(super) fn targets(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        self.outs
            .get(node)
            .into_iter()
            .flatten()
            .filter_map(|&e| self.edges.get(e).map(|e| e.to))
    }

    pub(super) fn kind(&self, node: usize) -> Option<NodeType> {
        self.nodes.get(node).map(|n| n.kind)
    }

    pub(super) fn id(&self, node: usize) -> &str {
        self.nodes.get(node).map_or("?", |n| n.id.as_str())
    }
}

/// The text of the file and its JSON, checked for UTF-8 and syntax.
pub(super) fn json(bytes: &[u8]) -> Result<(&str, Value)> {
    let text = crate::io::foreign::utf8(bytes)?;
    let value = serde_json::from_str(text).map_err(|e| json_error(text, e, String::new()))?;
    Ok((text, value))
}

/// Members of the document that the graph itself is made of.
const GRAPH_MEMBERS: [&str; 4] = ["nodes", "edges", "locutions", "participants"];

/// The graph of an AIF document (plain, OVA, or xAIF's `AIF` member), and
/// what of the document's members has no place in a corpus.
pub(super) fn graph(value: &Value, unmapped: &mut Vec<Unmapped>) -> Result<Graph> {
    let (body, prefix) = body(value, unmapped)?;
    let mut graph = Graph::default();
    let mut extras = Extras::default();
    graph.read_nodes(body, &prefix, &mut extras)?;
    graph.read_edges(body, &prefix, &mut extras, unmapped)?;
    graph.read_locutions(body, &prefix, &mut extras)?;
    graph.read_participants(body, &prefix, &mut extras)?;
    extras.report(&prefix, unmapped);
    Ok(graph)
}

/// The object the graph's members are in (the document, or xAIF's `AIF`
/// member) and the prefix of their paths (`AIF.`, or none); the document's
/// other members that say something go to `unmapped`.
fn body<'v>(
    value: &'v Value,
    unmapped: &mut Vec<Unmapped>,
) -> Result<(&'v Map<String, Value>, String)> {
    let Value::Object(top) = value else {
        return Err(import("document", "an AIF document is a JSON object"));
    };
    let (body, prefix) = match top
        .get("AIF")
        .map(|v| ("AIF", v))
        .or_else(|| top.get("aif").map(|v| ("aif", v)))
    {
        Some((name, Value::Object(inner))) => (inner, format!("{name}.")),
        Some((name, _)) => return Err(import(name, "the xAIF member is not an object")),
        None => (top, String::new()),
    };
    for (name, value) in top {
        let known = name == "historiograph"
            || (prefix.is_empty() && GRAPH_MEMBERS.contains(&name.as_str()))
            || format!("{name}.") == prefix;
        if !known && !is_empty(value) {
            unmapped.push(Unmapped::new(name.as_str(), member_reason(name)));
        }
    }
    if !prefix.is_empty() {
        for (name, value) in body {
            if !GRAPH_MEMBERS.contains(&name.as_str()) && !is_empty(value) {
                unmapped.push(Unmapped::new(
                    format!("{prefix}{name}"),
                    member_reason(name),
                ));
            }
        }
    }
    Ok((body, prefix))
}

/// Reading the graph's members, in the order `graph` calls them: edges,
/// locutions and participants name nodes read before them.
impl Graph {
    /// `nodes`: each node's id, type, text and scheme; ids are unique.
    fn read_nodes(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
    ) -> Result<()> {
        let nodes = match body.get("nodes") {
            Some(Value::Array(nodes)) => nodes,
            Some(_) => return Err(import(format!("{prefix}nodes"), "`nodes` is not an array")),
            None => {
                return Err(import(
                    format!("{prefix}nodes"),
                    "no `nodes`: not an AIF document",
                ));
            }
        };
        for (i, node) in nodes.iter().enumerate() {
            let here = format!("{prefix}nodes[{i}]");
            let node = object(node, &here, "a node")?;
            let id = id_member(node, "nodeID").ok_or_else(|| {
                import(
                    here.as_str(),
                    "a node needs a `nodeID` (a string or an integer)",
                )
            })?;
            let at = format!("node {id}");
            let kind = match node.get("type") {
                Some(Value::String(kind)) => NodeType::parse(kind).ok_or_else(|| {
                    import(
                        at.as_str(),
                        format!(
                            "unknown node type `{kind}` (AIF has I, L, RA, CA, MA, PA, TA and YA)"
                        ),
                    )
                })?,
                _ => return Err(import(at, "a node needs a `type` (a string)")),
            };
            let text = string_member(node, "text", &at)?.unwrap_or_default();
            let scheme = string_member(node, "scheme", &at)?;
            extras.count("nodes", node, &["nodeID", "type", "text", "scheme"]);
            if self.index.insert(id.clone(), self.nodes.len()).is_some() {
                return Err(import(at, "two nodes have this id"));
            }
            self.nodes.push(Node {
                id,
                text,
                kind,
                scheme,
            });
        }
        self.ins = vec![Vec::new(); self.nodes.len()];
        self.outs = vec![Vec::new(); self.nodes.len()];
        Ok(())
    }

    /// `edges`, between nodes of the file: an edge from a node to itself is
    /// listed in `unmapped`, a repeated one dropped.
    fn read_edges(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
        unmapped: &mut Vec<Unmapped>,
    ) -> Result<()> {
        let mut seen = HashSet::new();
        for (i, edge) in array(body, "edges", prefix)?.iter().enumerate() {
            let here = format!("{prefix}edges[{i}]");
            let edge = object(edge, &here, "an edge")?;
            let label = id_member(edge, "edgeID").map_or(here, |id| format!("edge {id}"));
            let end = |member: &str, direction: &str| -> Result<usize> {
                let id = id_member(edge, member).ok_or_else(|| {
                    import(
                        label.as_str(),
                        format!("an edge needs a `{member}` (a string or an integer)"),
                    )
                })?;
                self.index.get(&id).copied().ok_or_else(|| {
                    import(
                        label.as_str(),
                        format!("{direction} node `{id}`, which is not in the file"),
                    )
                })
            };
            let from = end("fromID", "comes from")?;
            let to = end("toID", "goes to")?;
            extras.count("edges", edge, &["edgeID", "fromID", "toID"]);
            if from == to {
                unmapped.push(Unmapped::new(
                    label,
                    "an edge from a node to itself has no meaning in AIF",
                ));
                continue;
            }
            if !seen.insert((from, to)) {
                continue;
            }
            let e = self.edges.len();
            if let Some(outs) = self.outs.get_mut(from) {
                outs.push(e);
            }
            if let Some(ins) = self.ins.get_mut(to) {
                ins.push(e);
            }
            self.edges.push(Edge { label, from, to });
        }
        Ok(())
    }

    /// `locutions`: which node each is, and who uttered it.
    fn read_locutions(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
    ) -> Result<()> {
        for (i, locution) in array(body, "locutions", prefix)?.iter().enumerate() {
            let here = format!("{prefix}locutions[{i}]");
            let locution = object(locution, &here, "a locution")?;
            let id = id_member(locution, "nodeID").ok_or_else(|| {
                import(
                    here.as_str(),
                    "a locution needs a `nodeID` (a string or an integer)",
                )
            })?;
            let node = self.index.get(&id).copied().ok_or_else(|| {
                import(
                    here.as_str(),
                    format!("names node `{id}`, which is not in the file"),
                )
            })?;
            let person = id_member(locution, "personID");
            extras.count("locutions", locution, &["nodeID", "personID"]);
            self.locutions.push(Locution {
                at: i,
                node,
                person,
            });
        }
        Ok(())
    }

    /// `participants`: unique ids, and names from first name and surname.
    fn read_participants(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
    ) -> Result<()> {
        let mut ids = HashSet::new();
        for (i, participant) in array(body, "participants", prefix)?.iter().enumerate() {
            let here = format!("{prefix}participants[{i}]");
            let participant = object(participant, &here, "a participant")?;
            let id = id_member(participant, "participantID").ok_or_else(|| {
                import(
                    here.as_str(),
                    "a participant needs a `participantID` (a string or an integer)",
                )
            })?;
            if !ids.insert(id.clone()) {
                return Err(import(here, format!("two participants have the id `{id}`")));
            }
            let first = string_member(participant, "firstname", &here)?.unwrap_or_default();
            let last = string_member(participant, "surname", &here)?.unwrap_or_default();
            extras.count(
                "participants",
                participant,
                &["participantID", "firstname", "surname"],
            );
            self.participants.push(Participant {
                name: join_name(&first, &last),
                id,
            });
        }
        Ok(())
    }
}

/// A person's name from first name and surname, as written; one of them
/// may be empty.
pub(super) fn join_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (true, _) => last.to_owned(),
        (false, true) => first.to_owned(),
        (false, false) => format!("{first} {last}"),
    }
}

/// Splits a name into first name and surname at its last space.
pub(super) fn split_name(name: &str) -> (&str, &str) {
    match name.rfind(' ') {
        Some(cut) => (&name[..cut], &name[cut + 1..]),
        None => ("", name),
    }
}

fn member_reason(name: &str) -> &'static str {
    match name {
        "text" => "the analysed text has no place in the corpus",
        "OVA" => "OVA's layout has no place in the corpus",
        "schemefulfillments" => "scheme ids are not kept (node texts name the schemes)",
        "descriptorfulfillments" | "cqdescriptorfulfillments" => {
            "descriptors of argumentation schemes have no place in the corpus"
        }
        _ => "a member AIF does not define has no place in the corpus",
    }
}

/// Whether a value says nothing: null, false, "", [] or {}, or an object
/// whose members all are one of these (OVA's empty layout).
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.values().all(is_blank),
        other => is_blank(other),
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn object<'a>(value: &'a Value, here: &str, what: &str) -> Result<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(import(here, format!("{what} is a JSON object"))),
    }
}

/// An optional array member of the graph's object.
fn array<'a>(body: &'a Map<String, Value>, name: &str, prefix: &str) -> Result<&'a [Value]> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(import(
            format!("{prefix}{name}"),
            format!("`{name}` is not an array"),
        )),
    }
}

/// An id: a string, or an integer written as text.
fn id_member(object: &Map<String, Value>, name: &str) -> Option<String> {
    match object.get(name)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

fn string_member(object: &Map<String, Value>, name: &str, at: &str) -> Result<Option<String>> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(import(at, format!("`{name}` is not a string"))),
    }
}

/// Members of nodes, edges, locutions and participants beyond those AIF
/// gives meaning to (timestamps, layout, scheme ids), counted per section
/// and name, and reported once each.
#[derive(Default)]
struct Extras(BTreeMap<(&'static str, String), usize>);

impl Extras {
    fn count(&mut self, section: &'static str, object: &Map<String, Value>, known: &[&str]) {
        for (name, value) in object {
            if !known.contains(&name.as_str()) && !is_empty(value) {
                *self.0.entry((section, name.clone())).or_default() += 1;
            }
        }
    }

    fn report(self, prefix: &str, unmapped: &mut Vec<Unmapped>) {
        for ((section, name), count) in self.0 {
            let plural = if count == 1 { "" } else { "s" };
            unmapped.push(Unmapped::new(
                format!("{prefix}{section}"),
                format!("`{name}` of {count} item{plural} has no place in the corpus"),
            ));
        }
    }
}
