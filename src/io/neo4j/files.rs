//! The layout written to a directory: [`Corpus::write_neo4j_csv`], what it
//! wrote ([`Neo4jWritten`] per file, [`Neo4jFiles`] in all), and the
//! `neo4j-admin` command that loads the files.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use super::Neo4jFile;
use crate::graph::Corpus;

/// What writing one [`Neo4jFile`] produced: how many rows, and whether any
/// field spans lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neo4jWritten {
    pub(super) file: Neo4jFile,
    pub(super) rows: u64,
    pub(super) multiline: bool,
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
    ///   --relationships=authored_by.csv --relationships=edited_by.csv \
    ///   --relationships=translated_by.csv --relationships=found_in.csv \
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
    ///   (`key:ID(Claim)`); the key is kept as the property `key`. Every
    ///   node file has its key, the corpus's one node too (`corpus`, in
    ///   the id space `Corpus`), so `MATCH (n {key: ...})` finds any node.
    /// - Properties are named as in the JSON document (see the
    ///   [`format`](crate::format) page); years and positions are `int`,
    ///   the flags of a name `boolean` (`true`, `false`, unquoted).
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
    /// - A scholar's name parts, where the document gives them, are
    ///   properties of the scholar node, named as in the document's `parts`
    ///   (`family`, `given`, `non_dropping_particle`, `dropping_particle`,
    ///   `suffix`), so `ORDER BY s.family` sorts the scholars who have them.
    ///   The two booleans `family_first` and `literal` are written for every
    ///   scholar, `false` included (Cypher's `WHERE NOT s.literal` skips a
    ///   missing property): `family_first` is `true` only for explicit
    ///   parts written family name first (`Chen Jian`), `literal` for a
    ///   name cited as written.
    /// - A work's contributors are relationships from the work to the
    ///   scholar, one type per role, each with the scholar's `position:int`
    ///   (from 0) in that role's list: `AUTHORED_BY`, `EDITED_BY`,
    ///   `TRANSLATED_BY` (see [`Neo4jFile::for_role`]). A query for
    ///   authors keeps meaning authors; every contributor is
    ///   `(w:Work)-[:AUTHORED_BY|EDITED_BY|TRANSLATED_BY]->(s:Scholar)`, with
    ///   `type(r)` saying the role.
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
    /// assert!(claims.starts_with("key:ID(Claim),:LABEL,text,markup,polarity,date,year:int\n"));
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
}
