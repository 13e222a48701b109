//! The bulk-import layout of Neo4j's `neo4j-admin database import`: one CSV
//! file per kind of entity and one per relation type, each with a typed
//! header row. Written row by row to any writer, so a corpus of any size
//! exports in constant memory besides the corpus itself.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::graph::Corpus;
use crate::model::{ClaimId, EventId, EvidenceId, ExplanationId, ScholarId, WorkId};

/// One file of the Neo4j bulk-import layout written by
/// [`Corpus::write_neo4j_csv`].
///
/// Node files carry a `key:ID(<Label>)` column (an id space per kind, so a
/// scholar and a work may share a key, as in the document format) and a
/// `:LABEL` column; relationship files carry `:START_ID(<Label>)`,
/// `:END_ID(<Label>)` and `:TYPE`. [`header`](Neo4jFile::header) gives each
/// file's header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Neo4jFile {
    /// `corpus.csv`: one `Corpus` node holding the corpus title, if it has one.
    Corpus,
    /// `scholars.csv`: `Scholar` nodes.
    Scholars,
    /// `works.csv`: `Work` nodes.
    Works,
    /// `evidence.csv`: `Evidence` nodes.
    Evidence,
    /// `events.csv`: `Event` nodes.
    Events,
    /// `explanations.csv`: `Explanation` nodes.
    Explanations,
    /// `claims.csv`: `Claim` nodes.
    Claims,
    /// `authored_by.csv`: work → scholar, with the author's `position` (from 0).
    AuthoredBy,
    /// `found_in.csv`: evidence → work.
    FoundIn,
    /// `within.csv`: event → enclosing event.
    Within,
    /// `variant_of.csv`: explanation → the explanation it is a variant of.
    VariantOf,
    /// `invokes.csv`: claim → explanation.
    Invokes,
    /// `concerns.csv`: claim → event.
    Concerns,
    /// `takes_position.csv`: scholar → claim, with `stance`, `work` (a work
    /// key) and `year`.
    TakesPosition,
    /// `cites.csv`: claim → evidence, with `bearing`.
    Cites,
    /// `attacks.csv`: claim → claim, with `kind`.
    Attacks,
    /// `supports.csv`: claim → claim.
    Supports,
}

impl Neo4jFile {
    /// Every file, nodes first, in the order [`Corpus::write_neo4j_csv`]
    /// writes them.
    pub const ALL: [Neo4jFile; 17] = [
        Neo4jFile::Corpus,
        Neo4jFile::Scholars,
        Neo4jFile::Works,
        Neo4jFile::Evidence,
        Neo4jFile::Events,
        Neo4jFile::Explanations,
        Neo4jFile::Claims,
        Neo4jFile::AuthoredBy,
        Neo4jFile::FoundIn,
        Neo4jFile::Within,
        Neo4jFile::VariantOf,
        Neo4jFile::Invokes,
        Neo4jFile::Concerns,
        Neo4jFile::TakesPosition,
        Neo4jFile::Cites,
        Neo4jFile::Attacks,
        Neo4jFile::Supports,
    ];

    /// The file's name: `claims.csv`, `takes_position.csv`, ...
    pub fn file_name(self) -> &'static str {
        match self {
            Neo4jFile::Corpus => "corpus.csv",
            Neo4jFile::Scholars => "scholars.csv",
            Neo4jFile::Works => "works.csv",
            Neo4jFile::Evidence => "evidence.csv",
            Neo4jFile::Events => "events.csv",
            Neo4jFile::Explanations => "explanations.csv",
            Neo4jFile::Claims => "claims.csv",
            Neo4jFile::AuthoredBy => "authored_by.csv",
            Neo4jFile::FoundIn => "found_in.csv",
            Neo4jFile::Within => "within.csv",
            Neo4jFile::VariantOf => "variant_of.csv",
            Neo4jFile::Invokes => "invokes.csv",
            Neo4jFile::Concerns => "concerns.csv",
            Neo4jFile::TakesPosition => "takes_position.csv",
            Neo4jFile::Cites => "cites.csv",
            Neo4jFile::Attacks => "attacks.csv",
            Neo4jFile::Supports => "supports.csv",
        }
    }

    /// Whether the file holds relationships (`--relationships=`) rather
    /// than nodes (`--nodes=`).
    pub fn is_relationships(self) -> bool {
        self >= Neo4jFile::AuthoredBy
    }

    /// The header row, without its line end.
    ///
    /// ```
    /// use historiograph::Neo4jFile;
    ///
    /// assert_eq!(
    ///     Neo4jFile::Cites.header(),
    ///     ":START_ID(Claim),:END_ID(Evidence),:TYPE,bearing"
    /// );
    /// ```
    pub fn header(self) -> &'static str {
        match self {
            Neo4jFile::Corpus => ":ID(Corpus),:LABEL,title",
            Neo4jFile::Scholars => "key:ID(Scholar),:LABEL,name,born:int,died:int,affiliation",
            Neo4jFile::Works => {
                "key:ID(Work),:LABEL,type,title,issued,year:int,container_title,publisher,\
                 publisher_place,archive,archive_location,note"
            }
            Neo4jFile::Evidence => "key:ID(Evidence),:LABEL,kind,description,locator,date,year:int",
            Neo4jFile::Events => "key:ID(Event),:LABEL,name,when,year:int,description",
            Neo4jFile::Explanations => "key:ID(Explanation),:LABEL,name,description",
            Neo4jFile::Claims => "key:ID(Claim),:LABEL,text,polarity,date,year:int",
            Neo4jFile::AuthoredBy => ":START_ID(Work),:END_ID(Scholar),:TYPE,position:int",
            Neo4jFile::FoundIn => ":START_ID(Evidence),:END_ID(Work),:TYPE",
            Neo4jFile::Within => ":START_ID(Event),:END_ID(Event),:TYPE",
            Neo4jFile::VariantOf => ":START_ID(Explanation),:END_ID(Explanation),:TYPE",
            Neo4jFile::Invokes => ":START_ID(Claim),:END_ID(Explanation),:TYPE",
            Neo4jFile::Concerns => ":START_ID(Claim),:END_ID(Event),:TYPE",
            Neo4jFile::TakesPosition => {
                ":START_ID(Scholar),:END_ID(Claim),:TYPE,stance,work,year:int"
            }
            Neo4jFile::Cites => ":START_ID(Claim),:END_ID(Evidence),:TYPE,bearing",
            Neo4jFile::Attacks => ":START_ID(Claim),:END_ID(Claim),:TYPE,kind",
            Neo4jFile::Supports => ":START_ID(Claim),:END_ID(Claim),:TYPE",
        }
    }

    /// The label of a node file's nodes, or the type of a relationship
    /// file's relationships: `Claim`, `TAKES_POSITION`, ...
    pub fn label(self) -> &'static str {
        match self {
            Neo4jFile::Corpus => "Corpus",
            Neo4jFile::Scholars => "Scholar",
            Neo4jFile::Works => "Work",
            Neo4jFile::Evidence => "Evidence",
            Neo4jFile::Events => "Event",
            Neo4jFile::Explanations => "Explanation",
            Neo4jFile::Claims => "Claim",
            Neo4jFile::AuthoredBy => "AUTHORED_BY",
            Neo4jFile::FoundIn => "FOUND_IN",
            Neo4jFile::Within => "WITHIN",
            Neo4jFile::VariantOf => "VARIANT_OF",
            Neo4jFile::Invokes => "INVOKES",
            Neo4jFile::Concerns => "CONCERNS",
            Neo4jFile::TakesPosition => "TAKES_POSITION",
            Neo4jFile::Cites => "CITES",
            Neo4jFile::Attacks => "ATTACKS",
            Neo4jFile::Supports => "SUPPORTS",
        }
    }
}

/// What writing one [`Neo4jFile`] produced: how many rows, and whether any
/// field spans lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neo4jWritten {
    file: Neo4jFile,
    rows: u64,
    multiline: bool,
}

impl Neo4jWritten {
    /// The file written.
    pub fn file(&self) -> Neo4jFile {
        self.file
    }

    /// The number of data rows (nodes or relationships), not counting the header.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Whether some field holds a line break, so that the import needs
    /// `--multiline-fields=true`.
    pub fn has_multiline_fields(&self) -> bool {
        self.multiline
    }
}

/// The files [`Corpus::write_neo4j_csv`] wrote to a directory, and the
/// command that loads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neo4jFiles {
    dir: PathBuf,
    written: Vec<Neo4jWritten>,
}

impl Neo4jFiles {
    /// The directory the files are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every file written, in the order of [`Neo4jFile::ALL`].
    pub fn written(&self) -> impl Iterator<Item = &Neo4jWritten> + '_ {
        self.written.iter()
    }

    /// The path of one file.
    pub fn path(&self, file: Neo4jFile) -> PathBuf {
        self.dir.join(file.file_name())
    }

    /// Whether some field of some file spans lines.
    pub fn has_multiline_fields(&self) -> bool {
        self.written.iter().any(|w| w.multiline)
    }

    /// The `neo4j-admin` (Neo4j 5 and later) command that bulk-loads the
    /// files into the new database `database`.
    ///
    /// Files without rows are left out (all of them are still written). The
    /// database name comes right after `full`: `--nodes` and
    /// `--relationships` take lists of files and would swallow a trailing
    /// name. `--multiline-fields=true` is added when some text holds a line
    /// break. Paths that are not plain words are single-quoted for a POSIX
    /// shell; note that `neo4j-admin` reads file names as regular
    /// expressions, so a directory whose name has `(`, `[` or `+` needs
    /// escaping of its own.
    pub fn command(&self, database: &str) -> String {
        let mut command = format!("neo4j-admin database import full {}", shell_word(database));
        if self.has_multiline_fields() {
            command.push_str(" --multiline-fields=true");
        }
        for written in self.written.iter().filter(|w| w.rows > 0) {
            let option = if written.file.is_relationships() {
                "--relationships"
            } else {
                "--nodes"
            };
            let path = self.path(written.file);
            let _ = write!(command, " {option}={}", shell_word(&path.to_string_lossy()));
        }
        command
    }
}

fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_./-=:".contains(&b));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

impl Corpus {
    /// Writes the corpus to `dir` as the CSV files of Neo4j's bulk importer,
    /// `neo4j-admin database import`: one file per kind of entity and per
    /// relation type (see [`Neo4jFile`]). Creates `dir` if needed and
    /// overwrites the files. Returns what was written and the load command.
    ///
    /// Load the files into a new database with (Neo4j 5 and later; the
    /// `--multiline-fields=true` only when
    /// [`has_multiline_fields`](Neo4jFiles::has_multiline_fields), and files
    /// without rows may be left out, as [`Neo4jFiles::command`] does):
    ///
    /// ```text
    /// neo4j-admin database import full neo4j --multiline-fields=true \
    ///   --nodes=corpus.csv --nodes=scholars.csv --nodes=works.csv \
    ///   --nodes=evidence.csv --nodes=events.csv --nodes=explanations.csv \
    ///   --nodes=claims.csv \
    ///   --relationships=authored_by.csv --relationships=found_in.csv \
    ///   --relationships=within.csv --relationships=variant_of.csv \
    ///   --relationships=invokes.csv --relationships=concerns.csv \
    ///   --relationships=takes_position.csv --relationships=cites.csv \
    ///   --relationships=attacks.csv --relationships=supports.csv
    /// ```
    ///
    /// (Neo4j 4: `neo4j-admin import --database=neo4j` with the same
    /// options.) The files keep to the importer's defaults, and must be
    /// loaded with them: delimiter `,`, quote `"`, array delimiter `;`,
    /// `--legacy-style-quoting=false`, `--ignore-empty-strings=false`,
    /// `--trim-strings=false`.
    ///
    /// # The layout
    /// - Each kind of entity has its own id space, named after its label
    ///   (`key:ID(Claim)`); the key is kept as the property `key`.
    /// - Properties are named as in the JSON document (see the
    ///   [`format`](crate::format) page); years and positions are `int`.
    ///   Dates stay EDTF strings (`issued`, `when`, `date`: `1958-08`,
    ///   `1921~`, `196X`, `1958/1960`), since Neo4j's `date` has no
    ///   precision or approximation, and the string is the value itself, so
    ///   nothing is lost. Every dated node also gets the derived `year:int`
    ///   (of a work's `issued`, the first year of an event's `when`, and of
    ///   the `date` of evidence and claims; 1960 for `196X`), so that
    ///   queries filter and index on an integer (`WHERE c.year < 1960`)
    ///   without parsing dates, and queries written when a claim had only
    ///   its `year` still work.
    /// - Enumerations are written in full, defaults included (`polarity`,
    ///   `bearing`, attack `kind`, work `type`). A stance's work is the
    ///   property `work`, holding the work's key.
    /// - Every text field is quoted, with `"` inside doubled (RFC 4180).
    ///   An absent optional value is an empty unquoted field (no property);
    ///   an empty text is `""` (an empty string property).
    /// - Line breaks inside texts are written as they are, inside the
    ///   quotes: Neo4j reads them only with `--multiline-fields=true`
    ///   (slower), which the command carries when needed.
    /// - No property is an array, so no text is ever split on the array
    ///   delimiter: `;` in a text is safe. The only array column is `:LABEL`,
    ///   with one fixed label per node.
    ///
    /// # Errors
    /// Any [`io::Error`] from creating the directory or writing a file.
    /// Files written before the error stay on disk.
    ///
    /// ```
    /// let corpus = historiograph::sino_soviet_split();
    /// let dir = std::env::temp_dir().join("historiograph-neo4j-doctest");
    /// let files = corpus.write_neo4j_csv(&dir)?;
    /// assert!(files.command("neo4j").starts_with("neo4j-admin database import full neo4j"));
    /// let claims = std::fs::read_to_string(dir.join("claims.csv"))?;
    /// assert!(claims.starts_with("key:ID(Claim),:LABEL,text,polarity,date,year:int\n"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_neo4j_csv(&self, dir: &Path) -> io::Result<Neo4jFiles> {
        std::fs::create_dir_all(dir)?;
        let mut written = Vec::with_capacity(Neo4jFile::ALL.len());
        for file in Neo4jFile::ALL {
            let out = std::fs::File::create(dir.join(file.file_name()))?;
            written.push(self.write_neo4j_file(file, out)?);
        }
        Ok(Neo4jFiles {
            dir: dir.to_owned(),
            written,
        })
    }

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
        let mut csv = Csv {
            out: BufWriter::with_capacity(1 << 16, writer),
            rows: 0,
            multiline: false,
            first: true,
        };
        csv.out.write_all(file.header().as_bytes())?;
        csv.out.write_all(b"\n")?;
        let label = file.label();
        match file {
            Neo4jFile::Corpus => {
                if let Some(title) = self.title() {
                    csv.raw("corpus")?;
                    csv.raw(label)?;
                    csv.text(title)?;
                    csv.end()?;
                }
            }
            Neo4jFile::Scholars => {
                for (_, s) in self.entities::<ScholarId>() {
                    csv.node(s.key(), label)?;
                    csv.text(s.name())?;
                    csv.int(s.born())?;
                    csv.int(s.died())?;
                    csv.opt_text(s.affiliation())?;
                    csv.end()?;
                }
            }
            Neo4jFile::Works => {
                for (_, w) in self.entities::<WorkId>() {
                    csv.node(w.key(), label)?;
                    csv.text(w.kind().as_str())?;
                    csv.text(w.title())?;
                    csv.opt_display(w.issued())?;
                    csv.int(w.year())?;
                    csv.opt_text(w.container_title())?;
                    csv.opt_text(w.publisher())?;
                    csv.opt_text(w.publisher_place())?;
                    csv.opt_text(w.archive())?;
                    csv.opt_text(w.archive_location())?;
                    csv.opt_text(w.note())?;
                    csv.end()?;
                }
            }
            Neo4jFile::Evidence => {
                for (_, e) in self.entities::<EvidenceId>() {
                    csv.node(e.key(), label)?;
                    csv.text(e.kind().as_str())?;
                    csv.text(e.description())?;
                    csv.opt_text(e.locator())?;
                    csv.opt_display(e.date())?;
                    csv.int(e.date().map(|d| d.year()))?;
                    csv.end()?;
                }
            }
            Neo4jFile::Events => {
                for (_, e) in self.entities::<EventId>() {
                    csv.node(e.key(), label)?;
                    csv.text(e.name())?;
                    csv.opt_display(e.when())?;
                    csv.int(e.when().map(|w| w.first_year()))?;
                    csv.opt_text(e.description())?;
                    csv.end()?;
                }
            }
            Neo4jFile::Explanations => {
                for (_, x) in self.entities::<ExplanationId>() {
                    csv.node(x.key(), label)?;
                    csv.text(x.name())?;
                    csv.opt_text(x.description())?;
                    csv.end()?;
                }
            }
            Neo4jFile::Claims => {
                for (_, c) in self.entities::<ClaimId>() {
                    csv.node(c.key(), label)?;
                    csv.text(c.text())?;
                    csv.text(c.polarity().as_str())?;
                    csv.opt_display(c.date())?;
                    csv.int(c.date().map(|d| d.year()))?;
                    csv.end()?;
                }
            }
            Neo4jFile::AuthoredBy => {
                for (work, w) in self.entities::<WorkId>() {
                    for (position, scholar) in self.authors(work).enumerate() {
                        csv.edge(w.key(), self.key_or_empty(scholar), label)?;
                        csv.int(Some(i64::try_from(position).unwrap_or(i64::MAX)))?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::FoundIn => {
                for (evidence, e) in self.entities::<EvidenceId>() {
                    if let Some(work) = self.evidence_work(evidence) {
                        csv.edge(e.key(), self.key_or_empty(work), label)?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Within => {
                for (event, e) in self.entities::<EventId>() {
                    if let Some(parent) = self.enclosing(event) {
                        csv.edge(e.key(), self.key_or_empty(parent), label)?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::VariantOf => {
                for (explanation, x) in self.entities::<ExplanationId>() {
                    if let Some(parent) = self.variant_of(explanation) {
                        csv.edge(x.key(), self.key_or_empty(parent), label)?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Invokes => {
                for (claim, c) in self.entities::<ClaimId>() {
                    if let Some(explanation) = self.explanation_of(claim) {
                        csv.edge(c.key(), self.key_or_empty(explanation), label)?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Concerns => {
                for (claim, c) in self.entities::<ClaimId>() {
                    for event in self.events_of(claim) {
                        csv.edge(c.key(), self.key_or_empty(event), label)?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::TakesPosition => {
                for (claim, c) in self.entities::<ClaimId>() {
                    for (_, scholar, position) in self.positions_on(claim) {
                        csv.edge(self.key_or_empty(scholar), c.key(), label)?;
                        csv.text(position.stance().as_str())?;
                        csv.opt_text(position.work().map(|w| self.key_or_empty(w)))?;
                        csv.int(position.year())?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Cites => {
                for (claim, c) in self.entities::<ClaimId>() {
                    for (evidence, b) in self.citations(claim) {
                        csv.edge(c.key(), self.key_or_empty(evidence), label)?;
                        csv.text(b.as_str())?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Attacks => {
                for (claim, c) in self.entities::<ClaimId>() {
                    for (target, kind) in self.attacks_by(claim) {
                        csv.edge(c.key(), self.key_or_empty(target), label)?;
                        csv.text(kind.as_str())?;
                        csv.end()?;
                    }
                }
            }
            Neo4jFile::Supports => {
                for (claim, c) in self.entities::<ClaimId>() {
                    for target in self.supports_by(claim) {
                        csv.edge(c.key(), self.key_or_empty(target), label)?;
                        csv.end()?;
                    }
                }
            }
        }
        let Csv {
            out,
            rows,
            multiline,
            ..
        } = csv;
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok(Neo4jWritten {
            file,
            rows,
            multiline,
        })
    }
}

/// A CSV row writer with neo4j-admin's quoting: text fields always quoted,
/// `"` doubled, absent values empty and unquoted.
struct Csv<W: Write> {
    out: BufWriter<W>,
    rows: u64,
    multiline: bool,
    first: bool,
}

impl<W: Write> Csv<W> {
    fn separate(&mut self) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        Ok(())
    }

    /// A field that needs no quotes: a label, a type, a fixed id.
    fn raw(&mut self, value: &str) -> io::Result<()> {
        self.separate()?;
        self.out.write_all(value.as_bytes())
    }

    fn text(&mut self, value: &str) -> io::Result<()> {
        self.separate()?;
        if value.contains(['\n', '\r']) {
            self.multiline = true;
        }
        self.out.write_all(b"\"")?;
        let mut parts = value.split('"');
        if let Some(first) = parts.next() {
            self.out.write_all(first.as_bytes())?;
        }
        for part in parts {
            self.out.write_all(b"\"\"")?;
            self.out.write_all(part.as_bytes())?;
        }
        self.out.write_all(b"\"")
    }

    fn opt_text(&mut self, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(value) => self.text(value),
            None => self.separate(),
        }
    }

    fn opt_display(&mut self, value: Option<impl std::fmt::Display>) -> io::Result<()> {
        match value {
            Some(value) => self.text(&value.to_string()),
            None => self.separate(),
        }
    }

    fn int(&mut self, value: Option<impl Into<i64>>) -> io::Result<()> {
        self.separate()?;
        match value {
            Some(value) => write!(self.out, "{}", value.into()),
            None => Ok(()),
        }
    }

    fn node(&mut self, key: &str, label: &str) -> io::Result<()> {
        self.text(key)?;
        self.raw(label)
    }

    fn edge(&mut self, start: &str, end: &str, kind: &str) -> io::Result<()> {
        self.text(start)?;
        self.text(end)?;
        self.raw(kind)
    }

    fn end(&mut self) -> io::Result<()> {
        self.out.write_all(b"\n")?;
        self.rows += 1;
        self.first = true;
        Ok(())
    }
}

// The names the JSON document uses for the enumerations.
