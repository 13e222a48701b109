//! Writing a document: [`Corpus::to_json`] and `write_json`, through the
//! [`Document`] built from the graph (entities in id order, relation lists
//! sorted by target id, defaults omitted).

use super::document::{
    AttackDoc, CiteDoc, ClaimDoc, Document, EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc,
    StanceDoc, VERSION, WorkDoc,
};
use super::text::Text;
use crate::graph::{Corpus, EntityId};
use crate::model::{Claim, ClaimId, EventId, EvidenceId, ExplanationId, Role, ScholarId, WorkId};

impl Corpus {
    /// Writes the corpus as a JSON document, pretty-printed, entities in the
    /// order their ids were issued and relation lists sorted by target id.
    ///
    /// Reading the text back with [`from_json`](Corpus::from_json) gives a
    /// corpus that writes the same text.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.to_document())
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    }

    /// Writes the corpus as a JSON document to `writer`, without indentation.
    ///
    /// # Errors
    /// An [`std::io::Error`] from the writer.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> std::io::Result<()> {
        serde_json::to_writer(writer, &self.to_document()).map_err(std::io::Error::from)
    }

    pub(crate) fn to_document(&self) -> Document<'_> {
        let key = |id| self.key_text(id);
        Document {
            version: VERSION,
            title: self.title().map(Text::from),
            scholars: self
                .entities::<ScholarId>()
                .map(|(_, s)| ScholarDoc {
                    key: s.key().into(),
                    name: s.name().into(),
                    born: s.born(),
                    died: s.died(),
                    affiliation: s.affiliation().map(Text::from),
                    parts: s.parts().map(std::borrow::Cow::Borrowed),
                    literal: s.has_literal_name(),
                })
                .collect(),
            works: self
                .entities::<WorkId>()
                .map(|(id, w)| WorkDoc {
                    key: w.key().into(),
                    kind: w.kind(),
                    title: w.title().into(),
                    issued: w.issued(),
                    authors: self.authors(id).map(key).collect(),
                    editors: self.contributors_as(id, Role::Editor).map(key).collect(),
                    translators: self
                        .contributors_as(id, Role::Translator)
                        .map(key)
                        .collect(),
                    container_title: w.container_title().map(Text::from),
                    volume: w.volume().map(Text::from),
                    issue: w.issue().map(Text::from),
                    page: w.page().map(Text::from),
                    publisher: w.publisher().map(Text::from),
                    publisher_place: w.publisher_place().map(Text::from),
                    archive: w.archive().map(Text::from),
                    archive_location: w.archive_location().map(Text::from),
                    note: w.note().map(Text::from),
                })
                .collect(),
            events: self
                .entities::<EventId>()
                .map(|(id, e)| EventDoc {
                    key: e.key().into(),
                    name: e.name().into(),
                    when: e.when(),
                    within: self.enclosing(id).map(|p| self.key_text(p)),
                    description: e.description().map(Text::from),
                })
                .collect(),
            explanations: self
                .entities::<ExplanationId>()
                .map(|(id, x)| ExplanationDoc {
                    key: x.key().into(),
                    name: x.name().into(),
                    variant_of: self.variant_of(id).map(|p| self.key_text(p)),
                    description: x.description().map(Text::from),
                })
                .collect(),
            evidence: self
                .entities::<EvidenceId>()
                .map(|(id, e)| EvidenceDoc {
                    key: e.key().into(),
                    kind: e.kind(),
                    description: e.description().into(),
                    work: self.evidence_work(id).map(|w| self.key_text(w)),
                    locator: e.locator().map(Text::from),
                    date: e.date(),
                })
                .collect(),
            claims: self
                .entities::<ClaimId>()
                .map(|(id, c)| self.claim_doc(id, c))
                .collect(),
        }
    }

    fn claim_doc<'a>(&'a self, id: ClaimId, claim: &'a Claim) -> ClaimDoc<'a> {
        ClaimDoc {
            key: claim.key().into(),
            text: claim.text().into(),
            markup: claim.markup().map(Text::from),
            explanation: self
                .explanation_of(id)
                .map(|x| self.key_text(x))
                .unwrap_or(Text::from("")),
            events: self.events_of(id).map(|e| self.key_text(e)).collect(),
            polarity: claim.polarity(),
            date: claim.date(),
            stances: self
                .positions_on(id)
                .map(|(_, scholar, p)| StanceDoc {
                    scholar: self.key_text(scholar),
                    stance: p.stance(),
                    work: p.work().map(|w| self.key_text(w)),
                    year: p.year(),
                })
                .collect(),
            cites: self
                .citations(id)
                .map(|(evidence, bearing)| CiteDoc {
                    evidence: self.key_text(evidence),
                    bearing,
                })
                .collect(),
            attacks: self
                .attacks_by(id)
                .map(|(target, kind)| AttackDoc {
                    claim: self.key_text(target),
                    kind,
                })
                .collect(),
            supports: self.supports_by(id).map(|t| self.key_text(t)).collect(),
        }
    }

    /// The key of a live entity, borrowed for writing.
    fn key_text<I: EntityId>(&self, id: I) -> Text<'_> {
        Text::from(self.key(id).unwrap_or_default())
    }

    /// The key of an id the graph just handed out (always live), for the
    /// writers of other formats.
    #[cfg_attr(not(any(feature = "neo4j", feature = "graphml")), allow(dead_code))]
    pub(crate) fn key_or_empty<I: EntityId>(&self, id: I) -> &str {
        self.key(id).unwrap_or_default()
    }
}
