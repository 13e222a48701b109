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

/// The nodes and edges written so far, numbered from 1 in the order they
/// are made, and the I-node of each claim.
#[derive(Default)]
struct Writer {
    nodes: Vec<NodeOut>,
    edges: Vec<EdgeOut>,
    node_of: HashMap<ClaimId, String>,
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

    /// The I-node of a claim written by [`claims`](Writer::claims).
    fn claim_node(&self, id: ClaimId) -> String {
        self.node_of.get(&id).cloned().unwrap_or_default()
    }

    /// An I-node per claim, and the extension's record of each.
    fn claims<'c>(&mut self, corpus: &'c Corpus) -> Vec<ClaimExt<'c>> {
        let mut claims = Vec::new();
        for (id, claim) in corpus.entities::<ClaimId>() {
            let node = self.node(claim.text().to_owned(), "I");
            claims.push(ClaimExt {
                node: node.clone(),
                key: claim.key().to_owned(),
                markup: claim.markup().map(ToOwned::to_owned),
                explanation: corpus.explanation_of(id).map(|x| corpus.name_of(x)),
                events: corpus.events_of(id).map(|e| corpus.name_of(e)).collect(),
                polarity: claim.polarity(),
                date: claim.date(),
                cites: corpus
                    .citations(id)
                    .map(|(evidence, bearing)| CiteDoc {
                        evidence: corpus.name_of(evidence).into(),
                        bearing,
                    })
                    .collect(),
            });
            self.node_of.insert(id, node);
        }
        claims
    }

    /// An RA-node per support, between the two claims' I-nodes.
    fn supports(&mut self, corpus: &Corpus) {
        for id in corpus.ids::<ClaimId>() {
            for target in corpus.supports_by(id) {
                let ra = self.node("Default Inference".to_owned(), "RA");
                self.edge(&self.claim_node(id), &ra);
                self.edge(&ra, &self.claim_node(target));
            }
        }
    }

    /// A CA-node per attack; the extension keeps the kind of those that
    /// are not rebuttals.
    fn attacks(&mut self, corpus: &Corpus) -> Vec<AttackExt> {
        let mut attacks = Vec::new();
        for id in corpus.ids::<ClaimId>() {
            for (target, kind) in corpus.attacks_by(id) {
                let ca = self.node("Default Conflict".to_owned(), "CA");
                self.edge(&self.claim_node(id), &ca);
                self.edge(&ca, &self.claim_node(target));
                if kind != AttackKind::Rebuts {
                    attacks.push(AttackExt { node: ca, kind });
                }
            }
        }
        attacks
    }

    /// A locution and its illocution (YA-node) per position; the extension
    /// keeps the work and year of those that have them.
    fn positions(
        &mut self,
        corpus: &Corpus,
        participant_of: &HashMap<ScholarId, String>,
    ) -> (Vec<LocutionOut>, Vec<StanceExt>) {
        let mut locutions = Vec::new();
        let mut stances = Vec::new();
        for (id, claim) in corpus.entities::<ClaimId>() {
            for (_, scholar, position) in corpus.positions_on(id) {
                let name = corpus.scholar(scholar).map_or("", |s| s.name());
                let l = self.node(format!("{name} : {}", claim.text()), "L");
                let ya = self.node(illocution(position.stance()).to_owned(), "YA");
                self.edge(&l, &ya);
                self.edge(&ya, &self.claim_node(id));
                locutions.push(LocutionOut {
                    node: l,
                    person: participant_of.get(&scholar).cloned().unwrap_or_default(),
                });
                if position.work().is_some() || position.year().is_some() {
                    stances.push(StanceExt {
                        node: ya,
                        work: position.work().map(|w| corpus.name_of(w)),
                        year: position.year(),
                    });
                }
            }
        }
        (locutions, stances)
    }
}

/// The AIF participants (one per scholar, numbered from 1), the
/// extension's link from each to its scholar, and each scholar's
/// participant id.
fn participants(
    corpus: &Corpus,
) -> (
    Vec<ParticipantOut>,
    Vec<ParticipantExt>,
    HashMap<ScholarId, String>,
) {
    let mut participant_of: HashMap<ScholarId, String> = HashMap::new();
    let mut participants = Vec::new();
    let mut links = Vec::new();
    for (i, (id, scholar)) in corpus.entities::<ScholarId>().enumerate() {
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
    (participants, links, participant_of)
}

impl Corpus {
    /// The corpus as an AIF file with the extension.
    pub(super) fn to_aif_file(&self) -> File<'_> {
        let mut document = self.to_document();
        document.claims.clear();
        let (participants, links, participant_of) = participants(self);
        let mut out = Writer::default();
        let claims = out.claims(self);
        out.supports(self);
        let attacks = out.attacks(self);
        let (locutions, stances) = out.positions(self, &participant_of);
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
