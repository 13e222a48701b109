//! From bytes to the AIF graph: UTF-8, JSON, then the shape of AIF (nodes,
//! edges, locutions, participants; plain AIFdb, OVA or xAIF). Nothing here
//! knows the corpus; `build` maps the graph into one. `members.rs` reads
//! each member; `values.rs` holds the JSON helpers.
//!
//! The nodes must be understood (an id, a known type); what refers to
//! nodes (edges, locutions) may name one the file leaves out: that
//! reference is listed in `unmapped`, and the graph keeps the rest.

mod members;
mod values;

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::import;
use crate::error::Result;
use crate::io::import::Unmapped;
use crate::io::json::error::json_error;
use values::{Extras, is_empty, member_reason};

pub(super) use values::split_name;

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

/// Who uttered a locution: the locution at `label` (`locutions[3]`, or
/// `AIF.locutions[3]` in xAIF) names `person` for node `node`.
#[derive(Debug)]
pub(super) struct Locution {
    pub(super) label: String,
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
    /// For each node, the edges into it (`lost_ins`) or out of it
    /// (`lost_outs`) left out because their other end names no node of
    /// the file, each as a phrase: `edge e7 comes from node 99, which is
    /// not in the file`. What a node loses with them says why.
    pub(super) lost_ins: Vec<Vec<String>>,
    pub(super) lost_outs: Vec<Vec<String>>,
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

    /// The edges into `node` that were left out, as phrases.
    pub(super) fn lost_into(&self, node: usize) -> &[String] {
        self.lost_ins.get(node).map_or(&[], Vec::as_slice)
    }

    /// The edges out of `node` that were left out, as phrases.
    pub(super) fn lost_from(&self, node: usize) -> &[String] {
        self.lost_outs.get(node).map_or(&[], Vec::as_slice)
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
    graph.read_locutions(body, &prefix, &mut extras, unmapped)?;
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
