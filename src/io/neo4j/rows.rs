//! The rows of each file of the layout: [`Corpus::write_neo4j_file`]
//! writes the header, then hands the rows to the file's own writer below,
//! nodes first, then relationships, in the order of [`Neo4jFile::ALL`].

use std::io::{self, Write};

use super::csv::Csv;
use super::{Neo4jFile, Neo4jWritten};
use crate::graph::Corpus;
use crate::model::{
    ClaimId, EventId, EvidenceId, ExplanationId, NameParts, Role, ScholarId, WorkId,
};

impl Corpus {
    /// Writes one file of the Neo4j bulk-import layout to `writer`: its
    /// header row, then one row per node or relationship, in id order. The
    /// writer is buffered here; nothing but the current row is held in
    /// memory. See [`write_neo4j_csv`](Corpus::write_neo4j_csv) for the
    /// layout and the load command.
    ///
    /// # Errors
    /// Any [`io::Error`] from the writer.
    ///
    /// ```
    /// use historiograph::Neo4jFile;
    ///
    /// let corpus = historiograph::sino_soviet_split();
    /// let mut csv = Vec::new();
    /// let written = corpus.write_neo4j_file(Neo4jFile::Attacks, &mut csv)?;
    /// let text = String::from_utf8(csv).expect("UTF-8");
    /// assert_eq!(text.lines().count() as u64, 1 + written.rows());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_neo4j_file<W: Write>(
        &self,
        file: Neo4jFile,
        writer: W,
    ) -> io::Result<Neo4jWritten> {
        let mut csv = Csv::new(writer);
        csv.header(file.header())?;
        let label = file.label();
        match file {
            Neo4jFile::Corpus => self.corpus_row(&mut csv, label),
            Neo4jFile::Scholars => self.scholar_rows(&mut csv, label),
            Neo4jFile::Works => self.work_rows(&mut csv, label),
            Neo4jFile::Evidence => self.evidence_rows(&mut csv, label),
            Neo4jFile::Events => self.event_rows(&mut csv, label),
            Neo4jFile::Explanations => self.explanation_rows(&mut csv, label),
            Neo4jFile::Claims => self.claim_rows(&mut csv, label),
            Neo4jFile::AuthoredBy => self.contributor_rows(&mut csv, Role::Author, label),
            Neo4jFile::EditedBy => self.contributor_rows(&mut csv, Role::Editor, label),
            Neo4jFile::TranslatedBy => self.contributor_rows(&mut csv, Role::Translator, label),
            Neo4jFile::FoundIn => self.found_in_rows(&mut csv, label),
            Neo4jFile::Within => self.within_rows(&mut csv, label),
            Neo4jFile::VariantOf => self.variant_of_rows(&mut csv, label),
            Neo4jFile::Invokes => self.invokes_rows(&mut csv, label),
            Neo4jFile::Concerns => self.concerns_rows(&mut csv, label),
            Neo4jFile::TakesPosition => self.takes_position_rows(&mut csv, label),
            Neo4jFile::Cites => self.cites_rows(&mut csv, label),
            Neo4jFile::Attacks => self.attacks_rows(&mut csv, label),
            Neo4jFile::Supports => self.supports_rows(&mut csv, label),
        }?;
        let (rows, multiline) = csv.finish()?;
        Ok(Neo4jWritten {
            file,
            rows,
            multiline,
        })
    }

    // The node files.

    fn corpus_row<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        if let Some(title) = self.title() {
            csv.node("corpus", label)?;
            csv.text(title)?;
            csv.end()?;
        }
        Ok(())
    }

    fn scholar_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, s) in self.entities::<ScholarId>() {
            csv.node(s.key(), label)?;
            csv.text(s.name())?;
            csv.int(s.born())?;
            csv.int(s.died())?;
            csv.opt_text(s.affiliation())?;
            let parts = s.parts();
            csv.opt_text(parts.map(NameParts::family))?;
            csv.opt_text(parts.and_then(NameParts::given))?;
            csv.opt_text(parts.and_then(NameParts::non_dropping_particle))?;
            csv.opt_text(parts.and_then(NameParts::dropping_particle))?;
            csv.opt_text(parts.and_then(NameParts::suffix))?;
            csv.boolean(parts.is_some_and(NameParts::is_family_first))?;
            csv.boolean(s.has_literal_name())?;
            csv.end()?;
        }
        Ok(())
    }

    fn work_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, w) in self.entities::<WorkId>() {
            csv.node(w.key(), label)?;
            csv.text(w.kind().as_str())?;
            csv.text(w.title())?;
            csv.opt_display(w.issued())?;
            csv.int(w.year())?;
            csv.opt_text(w.container_title())?;
            csv.opt_text(w.volume())?;
            csv.opt_text(w.issue())?;
            csv.opt_text(w.page())?;
            csv.opt_text(w.publisher())?;
            csv.opt_text(w.publisher_place())?;
            csv.opt_text(w.archive())?;
            csv.opt_text(w.archive_location())?;
            csv.opt_text(w.note())?;
            csv.end()?;
        }
        Ok(())
    }

    fn evidence_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, e) in self.entities::<EvidenceId>() {
            csv.node(e.key(), label)?;
            csv.text(e.kind().as_str())?;
            csv.text(e.description())?;
            csv.opt_text(e.locator())?;
            csv.opt_display(e.date())?;
            csv.int(e.date().map(|d| d.year()))?;
            csv.end()?;
        }
        Ok(())
    }

    fn event_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, e) in self.entities::<EventId>() {
            csv.node(e.key(), label)?;
            csv.text(e.name())?;
            csv.opt_display(e.when())?;
            csv.int(e.when().map(|w| w.first_year()))?;
            csv.opt_text(e.description())?;
            csv.end()?;
        }
        Ok(())
    }

    fn explanation_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, x) in self.entities::<ExplanationId>() {
            csv.node(x.key(), label)?;
            csv.text(x.name())?;
            csv.opt_text(x.description())?;
            csv.end()?;
        }
        Ok(())
    }

    fn claim_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (_, c) in self.entities::<ClaimId>() {
            csv.node(c.key(), label)?;
            csv.text(c.text())?;
            csv.opt_text(c.markup())?;
            csv.text(c.polarity().as_str())?;
            csv.opt_display(c.date())?;
            csv.int(c.date().map(|d| d.year()))?;
            csv.end()?;
        }
        Ok(())
    }

    // The relationship files.

    fn contributor_rows<W: Write>(
        &self,
        csv: &mut Csv<W>,
        role: Role,
        label: &str,
    ) -> io::Result<()> {
        for (work, w) in self.entities::<WorkId>() {
            for (position, scholar) in self.contributors_as(work, role).enumerate() {
                csv.edge(w.key(), self.key_or_empty(scholar), label)?;
                csv.int(Some(i64::try_from(position).unwrap_or(i64::MAX)))?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn found_in_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (evidence, e) in self.entities::<EvidenceId>() {
            if let Some(work) = self.evidence_work(evidence) {
                csv.edge(e.key(), self.key_or_empty(work), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn within_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (event, e) in self.entities::<EventId>() {
            if let Some(parent) = self.enclosing(event) {
                csv.edge(e.key(), self.key_or_empty(parent), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn variant_of_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (explanation, x) in self.entities::<ExplanationId>() {
            if let Some(parent) = self.variant_of(explanation) {
                csv.edge(x.key(), self.key_or_empty(parent), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn invokes_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            if let Some(explanation) = self.explanation_of(claim) {
                csv.edge(c.key(), self.key_or_empty(explanation), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn concerns_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            for event in self.events_of(claim) {
                csv.edge(c.key(), self.key_or_empty(event), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn takes_position_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            for (_, scholar, position) in self.positions_on(claim) {
                csv.edge(self.key_or_empty(scholar), c.key(), label)?;
                csv.text(position.stance().as_str())?;
                csv.opt_text(position.work().map(|w| self.key_or_empty(w)))?;
                csv.int(position.year())?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn cites_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            for (evidence, b) in self.citations(claim) {
                csv.edge(c.key(), self.key_or_empty(evidence), label)?;
                csv.text(b.as_str())?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn attacks_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            for (target, kind) in self.attacks_by(claim) {
                csv.edge(c.key(), self.key_or_empty(target), label)?;
                csv.text(kind.as_str())?;
                csv.end()?;
            }
        }
        Ok(())
    }

    fn supports_rows<W: Write>(&self, csv: &mut Csv<W>, label: &str) -> io::Result<()> {
        for (claim, c) in self.entities::<ClaimId>() {
            for target in self.supports_by(claim) {
                csv.edge(c.key(), self.key_or_empty(target), label)?;
                csv.end()?;
            }
        }
        Ok(())
    }
}
