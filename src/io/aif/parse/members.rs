//! Reading the members of an AIF graph: nodes, edges, locutions and
//! participants.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::values::{Extras, array, id_member, join_name, object, reference, string_member};
use super::{Edge, Graph, Locution, Node, NodeType, Participant};
use crate::error::Result;
use crate::io::aif::import;
use crate::io::import::Unmapped;

/// What a reference to a node names.
enum End {
    /// A node of the file.
    Found(usize),
    /// An id no node of the file has.
    Missing(String),
    /// Nothing: the member is absent or null.
    Absent,
}

impl End {
    /// `comes from node 99, which is not in the file`, or `comes from no
    /// node (it has no `fromID`)`; none for a node of the file.
    fn phrase(&self, verb: &str, member: &str) -> Option<String> {
        match self {
            End::Found(_) => None,
            End::Missing(id) => Some(format!("{verb} node {id}, which is not in the file")),
            End::Absent => Some(format!("{verb} no node (it has no `{member}`)")),
        }
    }
}

/// Reading the graph's members, in the order `graph` calls them: edges,
/// locutions and participants name nodes read before them.
impl Graph {
    /// `nodes`: each node's id, type, text and scheme; ids are unique.
    pub(super) fn read_nodes(
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
    /// listed in `unmapped`, a repeated one dropped. An edge an end of
    /// which names no node of the file (or is not given) is listed, and
    /// the node at its other end keeps a note of it ([`Graph::lost_ins`]).
    pub(super) fn read_edges(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
        unmapped: &mut Vec<Unmapped>,
    ) -> Result<()> {
        let mut seen = HashSet::new();
        self.lost_ins = vec![Vec::new(); self.nodes.len()];
        self.lost_outs = vec![Vec::new(); self.nodes.len()];
        for (i, edge) in array(body, "edges", prefix)?.iter().enumerate() {
            let here = format!("{prefix}edges[{i}]");
            let edge = object(edge, &here, "an edge")?;
            let label = id_member(edge, "edgeID").map_or(here, |id| format!("edge {id}"));
            let from = self.end(reference(edge, "fromID", &label)?);
            let to = self.end(reference(edge, "toID", &label)?);
            let (from, to) = match (from, to) {
                (End::Found(from), End::Found(to)) => (from, to),
                (from, to) => {
                    self.lose(&label, &from, &to, unmapped);
                    continue;
                }
            };
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

    /// The node a reference names, if the file has it.
    fn end(&self, id: Option<String>) -> End {
        match id {
            None => End::Absent,
            Some(id) => match self.index.get(&id) {
                Some(&node) => End::Found(node),
                None => End::Missing(id),
            },
        }
    }

    /// Lists an edge with an end that names nothing, and notes it at the
    /// end that is there.
    fn lose(&mut self, label: &str, from: &End, to: &End, unmapped: &mut Vec<Unmapped>) {
        let reason = match (from, to) {
            (End::Missing(a), End::Missing(b)) if a == b => {
                format!("comes from and goes to node {a}, which is not in the file")
            }
            (End::Missing(a), End::Missing(b)) => {
                format!("comes from node {a} and goes to node {b}, neither of which is in the file")
            }
            (End::Absent, End::Absent) => {
                "joins no nodes (it has neither `fromID` nor `toID`)".to_owned()
            }
            _ => {
                let phrases: Vec<String> = [
                    from.phrase("comes from", "fromID"),
                    to.phrase("goes to", "toID"),
                ]
                .into_iter()
                .flatten()
                .collect();
                phrases.join(", and ")
            }
        };
        if let End::Found(node) = *from {
            if let Some(lost) = self.lost_outs.get_mut(node) {
                lost.push(format!("{label} {reason}"));
            }
        }
        if let End::Found(node) = *to {
            if let Some(lost) = self.lost_ins.get_mut(node) {
                lost.push(format!("{label} {reason}"));
            }
        }
        unmapped.push(Unmapped::new(label, reason));
    }

    /// `locutions`: which node each is, and who uttered it. A locution that
    /// names no node of the file is listed, and nothing else of it kept.
    pub(super) fn read_locutions(
        &mut self,
        body: &Map<String, Value>,
        prefix: &str,
        extras: &mut Extras,
        unmapped: &mut Vec<Unmapped>,
    ) -> Result<()> {
        for (i, locution) in array(body, "locutions", prefix)?.iter().enumerate() {
            let label = format!("{prefix}locutions[{i}]");
            let locution = object(locution, &label, "a locution")?;
            let node = match self.end(reference(locution, "nodeID", &label)?) {
                End::Found(node) => node,
                End::Missing(id) => {
                    let reason = format!("names node {id}, which is not in the file");
                    unmapped.push(Unmapped::new(label, reason));
                    continue;
                }
                End::Absent => {
                    unmapped.push(Unmapped::new(label, "names no node (it has no `nodeID`)"));
                    continue;
                }
            };
            let person = id_member(locution, "personID");
            extras.count("locutions", locution, &["nodeID", "personID"]);
            self.locutions.push(Locution {
                label,
                node,
                person,
            });
        }
        Ok(())
    }

    /// `participants`: unique ids, and names from first name and surname.
    pub(super) fn read_participants(
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
