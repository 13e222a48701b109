//! A corpus as AIF: claims as I-nodes, supports as RA-nodes, attacks as
//! CA-nodes, positions as locutions with their illocutions, scholars as
//! participants; everything else in the `historiograph` extension.

use std::collections::HashMap;

use serde::Serialize;

use super::ext::{AttackExt, ClaimExt, Extension, ParticipantExt, StanceExt};
use super::parse::split_name;
use crate::graph::Corpus;
use crate::io::json::document::CiteDoc;
use crate::model::{AttackKind, ClaimId, ScholarId, Stance};

#[derive(Serialize)]
pub(super) struct File<'a> {
    nodes: Vec<NodeOut>,
    edges: Vec<EdgeOut>,
    locutions: Vec<LocutionOut>,
    participants: Vec<ParticipantOut>,
    historiograph: Extension<'a>,
}

#[derive(Serialize)]
struct NodeOut {
    #[serde(rename = "nodeID")]
    id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct EdgeOut {
    #[serde(rename = "edgeID")]
    id: String,
    #[serde(rename = "fromID")]
    from: String,
    #[serde(rename = "toID")]
    to: String,
}

#[derive(Serialize)]
struct LocutionOut {
    #[serde(rename = "nodeID")]
    node: String,
    #[serde(rename = "personID")]
    person: String,
}

#[derive(Serialize)]
struct ParticipantOut {
    #[serde(rename = "participantID")]
    id: String,
    firstname: String,
    surname: String,
}

/// The illocution AIF names for a stance (read back by `build`).
fn illocution(stance: Stance) -> &'static str {
    match stance {
        Stance::Advances => "Asserting",
        Stance::Endorses => "Agreeing",
        Stance::Qualifies => "Conceding",
        Stance::Rejects => "Disagreeing",
    }
}

struct Writer {
    nodes: Vec<NodeOut>,
    edges: Vec<EdgeOut>,
}

impl Writer {
    fn node(&mut self, text: String, kind: &'static str) -> String {
        let id = (self.nodes.len() + 1).to_string();
        self.nodes.push(NodeOut {
            id: id.clone(),
            text,
            kind,
        });
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.edges.len() + 1).to_string();
        self.edges.push(EdgeOut {
            id,
            from: from.to_owned(),
            to: to.to_owned(),
        });
    }
}

impl Corpus {
    /// The corpus as an AIF file with the extension.
    pub(super) fn to_aif_file(&self) -> File<'_> {
        let mut out = Writer {
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        let mut document = self.to_document();
        document.claims.clear();

        let mut participant_of: HashMap<ScholarId, String> = HashMap::new();
        let mut participants = Vec::new();
        let mut links = Vec::new();
        for (i, (id, scholar)) in self.entities::<ScholarId>().enumerate() {
            let pid = (i + 1).to_string();
            let (first, last) = split_name(scholar.name());
            participants.push(ParticipantOut {
                id: pid.clone(),
                firstname: first.to_owned(),
                surname: last.to_owned(),
            });
            links.push(ParticipantExt {
                participant: pid.clone(),
                scholar: scholar.key().to_owned(),
            });
            participant_of.insert(id, pid);
        }

        let mut node_of: HashMap<ClaimId, String> = HashMap::new();
        let mut claims = Vec::new();
        for (id, claim) in self.entities::<ClaimId>() {
            let node = out.node(claim.text().to_owned(), "I");
            claims.push(ClaimExt {
                node: node.clone(),
                key: claim.key().to_owned(),
                explanation: self.explanation_of(id).map(|x| self.name_of(x)),
                events: self.events_of(id).map(|e| self.name_of(e)).collect(),
                polarity: claim.polarity(),
                date: claim.date(),
                cites: self
                    .citations(id)
                    .map(|(evidence, bearing)| CiteDoc {
                        evidence: self.name_of(evidence).into(),
                        bearing,
                    })
                    .collect(),
            });
            node_of.insert(id, node);
        }
        let node = |id: ClaimId| node_of.get(&id).cloned().unwrap_or_default();

        for id in self.ids::<ClaimId>() {
            for target in self.supports_by(id) {
                let ra = out.node("Default Inference".to_owned(), "RA");
                out.edge(&node(id), &ra);
                out.edge(&ra, &node(target));
            }
        }
        let mut attacks = Vec::new();
        for id in self.ids::<ClaimId>() {
            for (target, kind) in self.attacks_by(id) {
                let ca = out.node("Default Conflict".to_owned(), "CA");
                out.edge(&node(id), &ca);
                out.edge(&ca, &node(target));
                if kind != AttackKind::Rebuts {
                    attacks.push(AttackExt { node: ca, kind });
                }
            }
        }
        let mut locutions = Vec::new();
        let mut stances = Vec::new();
        for (id, claim) in self.entities::<ClaimId>() {
            for (_, scholar, position) in self.positions_on(id) {
                let name = self.scholar(scholar).map_or("", |s| s.name());
                let l = out.node(format!("{name} : {}", claim.text()), "L");
                let ya = out.node(illocution(position.stance()).to_owned(), "YA");
                out.edge(&l, &ya);
                out.edge(&ya, &node(id));
                locutions.push(LocutionOut {
                    node: l,
                    person: participant_of.get(&scholar).cloned().unwrap_or_default(),
                });
                if position.work().is_some() || position.year().is_some() {
                    stances.push(StanceExt {
                        node: ya,
                        work: position.work().map(|w| self.name_of(w)),
                        year: position.year(),
                    });
                }
            }
        }
        File {
            nodes: out.nodes,
            edges: out.edges,
            locutions,
            participants,
            historiograph: Extension {
                document,
                participants: links,
                claims,
                attacks,
                stances,
            },
        }
    }
}
