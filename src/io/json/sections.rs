//! The sections before `claims`, added to the corpus whole: scholars,
//! works (their authors), events and explanations (their nesting, with one
//! cycle check per section), evidence (its work). Each entity goes through
//! the public editing API, its errors pointed at the field they are about.

use super::document::{EventDoc, EvidenceDoc, ExplanationDoc, ScholarDoc, WorkDoc};
use super::load::{Outcome, at, at_entity};
use super::text::Text;
use crate::graph::entity::is;
use crate::graph::{Corpus, EntityId, Relation};
use crate::model::{
    Event, EventId, Evidence, EvidenceId, Explanation, ExplanationId, Role, Scholar, ScholarId,
    Work, WorkId,
};

impl Corpus {
    pub(super) fn absorb_scholars(&mut self, docs: Vec<ScholarDoc<'_>>) -> Outcome {
        self.bulk_reserve::<ScholarId>(docs.len(), 0);
        for (i, s) in docs.into_iter().enumerate() {
            let mut scholar = Scholar::new(s.key, s.name);
            if let Some(year) = s.born {
                scholar = scholar.with_born(year);
            }
            if let Some(year) = s.died {
                scholar = scholar.with_died(year);
            }
            if let Some(affiliation) = s.affiliation {
                scholar = scholar.with_affiliation(affiliation);
            }
            if let Some(parts) = s.parts {
                scholar = scholar.with_parts(parts.into_owned());
            } else if s.literal {
                scholar = scholar.with_literal_name();
            }
            self.add_scholar(scholar)
                .map_err(at_entity(|| format!("scholars[{i}]")))?;
        }
        Ok(())
    }

    pub(super) fn absorb_works(&mut self, docs: Vec<WorkDoc<'_>>) -> Outcome {
        let contributors: usize = docs
            .iter()
            .map(|w| w.authors.len() + w.editors.len() + w.translators.len())
            .sum();
        self.bulk_reserve::<WorkId>(docs.len(), contributors);
        for (i, w) in docs.into_iter().enumerate() {
            let authors = self.scholars_at(i, Role::Author, &w.authors)?;
            let editors = self.scholars_at(i, Role::Editor, &w.editors)?;
            let translators = self.scholars_at(i, Role::Translator, &w.translators)?;
            let mut work = Work::new(w.key, w.title).with_kind(w.kind);
            if let Some(issued) = w.issued {
                work = work.with_issued(issued);
            }
            for (value, set) in [
                (
                    w.container_title,
                    Work::with_container_title as fn(Work, String) -> Work,
                ),
                (w.volume, Work::with_volume),
                (w.issue, Work::with_issue),
                (w.page, Work::with_page),
                (w.publisher, Work::with_publisher),
                (w.publisher_place, Work::with_publisher_place),
                (w.archive, Work::with_archive),
                (w.archive_location, Work::with_archive_location),
                (w.note, Work::with_note),
            ] {
                if let Some(value) = value {
                    work = set(work, value.into());
                }
            }
            let id = self
                .add_work(work, authors)
                .map_err(at_entity(|| format!("works[{i}]")))?;
            for (role, scholars) in [(Role::Editor, editors), (Role::Translator, translators)] {
                if !scholars.is_empty() {
                    self.set_contributors(id, role, scholars)
                        .map_err(at_entity(|| format!("works[{i}]")))?;
                }
            }
        }
        Ok(())
    }

    /// The scholars of one of a work's lists (`works[i].editors`).
    fn scholars_at(&self, i: usize, role: Role, keys: &[Text<'_>]) -> Outcome<Vec<ScholarId>> {
        let mut out = Vec::with_capacity(keys.len());
        for (j, k) in keys.iter().enumerate() {
            out.push(
                self.resolve::<ScholarId>(k)
                    .map_err(at(|| format!("works[{i}].{}[{j}]", role.list_name())))?,
            );
        }
        Ok(out)
    }

    pub(super) fn absorb_events(&mut self, docs: Vec<EventDoc<'_>>) -> Outcome {
        self.bulk_reserve::<EventId>(docs.len(), docs.len());
        let mut nesting = Vec::new();
        for (i, e) in docs.into_iter().enumerate() {
            let mut event = Event::new(e.key, e.name);
            if let Some(when) = e.when {
                event = event.with_when(when);
            }
            if let Some(description) = e.description {
                event = event.with_description(description);
            }
            let id = self
                .add_event(event, None)
                .map_err(at_entity(|| format!("events[{i}]")))?;
            if let Some(parent) = e.within {
                nesting.push((i, id, parent));
            }
        }
        self.nest(&nesting, "events", "within", Relation::Within, is::within)
    }

    pub(super) fn absorb_explanations(&mut self, docs: Vec<ExplanationDoc<'_>>) -> Outcome {
        self.bulk_reserve::<ExplanationId>(docs.len(), docs.len());
        let mut nesting = Vec::new();
        for (i, x) in docs.into_iter().enumerate() {
            let mut explanation = Explanation::new(x.key, x.name);
            if let Some(description) = x.description {
                explanation = explanation.with_description(description);
            }
            let id = self
                .add_explanation(explanation, None)
                .map_err(at_entity(|| format!("explanations[{i}]")))?;
            if let Some(parent) = x.variant_of {
                nesting.push((i, id, parent));
            }
        }
        self.nest(
            &nesting,
            "explanations",
            "variant_of",
            Relation::VariantOf,
            is::variant_of,
        )
    }

    pub(super) fn absorb_evidence(&mut self, docs: Vec<EvidenceDoc<'_>>) -> Outcome {
        self.bulk_reserve::<EvidenceId>(docs.len(), docs.len());
        for (i, e) in docs.into_iter().enumerate() {
            let work = e
                .work
                .as_deref()
                .map(|k| self.resolve::<WorkId>(k))
                .transpose()
                .map_err(at(|| format!("evidence[{i}].work")))?;
            let mut evidence = Evidence::new(e.key, e.kind, e.description);
            if let Some(locator) = e.locator {
                evidence = evidence.with_locator(locator);
            }
            if let Some(date) = e.date {
                evidence = evidence.with_date(date);
            }
            self.add_evidence(evidence, work)
                .map_err(at_entity(|| format!("evidence[{i}]")))?;
        }
        Ok(())
    }

    /// Links the `(document index, child, parent key)` triples of one
    /// section, with one cycle check for all of them.
    fn nest<I: EntityId>(
        &mut self,
        nesting: &[(usize, I, Text<'_>)],
        section: &str,
        field: &str,
        relation: Relation,
        keep: fn(&Relation) -> bool,
    ) -> Outcome {
        let mut links = Vec::with_capacity(nesting.len());
        for (i, child, parent) in nesting {
            let parent = self
                .resolve::<I>(parent)
                .map_err(at(|| format!("{section}[{i}].{field}")))?;
            links.push((*child, parent));
        }
        self.bulk_set_parents(&links, relation, keep)
            .map_err(|(at, error)| (format!("{section}[{}].{field}", nesting[at].0), error))
    }
}
