//! One name for every format, and one pair of entry points that read and
//! write them all.

use crate::argument::Framework;
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::import::{Imported, Unmapped};
use crate::io::json::JsonOptions;
use crate::query::CompareOptions;

/// A format the crate reads or writes.
///
/// Its name (`Display`, `FromStr`, serde) is what a command line or a
/// configuration file would write: `json`, `aif`, `argdown`,
/// `argdown-json`, `csl-json`, `biblatex`, `iccma`, `apx`, `tgf`, `dot`,
/// `svg`, `graphml`, `neo4j`. Read a corpus with [`Corpus::read`], write one with
/// [`Corpus::write`]; the three framework formats are read and written by
/// [`Framework::read`] and [`Framework::write`] too.
///
/// Some formats need a cargo feature (all on by default, so that a small
/// tool can depend on the core alone): [`feature`](Format::feature) names
/// it, and reading or writing a format whose feature is off is an
/// [`Error::Unsupported`].
///
/// ```
/// use historiograph::{ClaimId, Corpus, Format, Framework, ReadOptions, WriteOptions};
///
/// let corpus = historiograph::sino_soviet_split();
/// let format: Format = "json".parse()?;
/// assert_eq!((format.extension(), format.media_type()), ("json", "application/json"));
/// let bytes = corpus.write(format, &WriteOptions::new())?;
/// let back = Corpus::read(format, &bytes, &ReadOptions::new())?;
/// assert!(back.is_lossless());
/// assert_eq!(back.corpus.to_json(), corpus.to_json());
///
/// // The claims' argumentation framework, for an ICCMA solver.
/// let iccma = corpus.write(Format::Iccma, &WriteOptions::new())?;
/// let framework = Framework::read(Format::Iccma, &iccma)?;
/// assert_eq!(framework.len(), corpus.count::<ClaimId>());
/// // A framework is no corpus.
/// assert!(Corpus::read(Format::Iccma, &iccma, &ReadOptions::new()).is_err());
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// The corpus's own versioned JSON document (the [`format`](crate::format) page).
    Json,
    /// The Argument Interchange Format as AIFdb, OVA and xAIF write it,
    /// lossless with the crate's extension.
    Aif,
    /// Argdown text (a documented subset on reading).
    Argdown,
    /// What `argdown json` (@argdown/cli 1.x) writes; read only.
    ArgdownJson,
    /// CSL-JSON: the works and their authors, editors and translators.
    CslJson,
    /// BibLaTeX and BibTeX (`.bib`, what Zotero and JabRef export): the
    /// works and their authors, editors and translators; read only.
    BibLatex,
    /// ICCMA 2023 abstract frameworks (`p af n`, one attack per line).
    Iccma,
    /// ASPARTIX `arg(a). att(a,b).` frameworks.
    Apx,
    /// Trivial Graph Format frameworks.
    Tgf,
    /// The argument map as Graphviz DOT; written only.
    Dot,
    /// The argument map laid out as SVG; written only.
    Svg,
    /// GraphML, for graph tools; written only.
    GraphMl,
    /// The neo4j-admin bulk-import CSV files: a directory, written by
    /// `Corpus::write_neo4j_csv`.
    Neo4jCsv,
}

names!(Format, "format", [
    Json => "json",
    Aif => "aif",
    Argdown => "argdown",
    ArgdownJson => "argdown-json" | "argdown_json",
    CslJson => "csl-json" | "csl_json" | "csl",
    BibLatex => "biblatex" | "bibtex" | "bib",
    Iccma => "iccma" | "af",
    Apx => "apx",
    Tgf => "tgf",
    Dot => "dot",
    Svg => "svg",
    GraphMl => "graphml",
    Neo4jCsv => "neo4j" | "neo4j-csv",
]);

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json | Format::Aif | Format::ArgdownJson | Format::CslJson => "json",
            Format::Argdown => "argdown",
            Format::BibLatex => "bib",
            Format::Iccma => "af",
            Format::Apx => "apx",
            Format::Tgf => "tgf",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::GraphMl => "graphml",
            Format::Neo4jCsv => "csv",
        }
    }

    /// The media type: the registered one where there is one
    /// (`application/vnd.citationstyles.csl+json`, `text/vnd.graphviz`,
    /// `image/svg+xml`), else the generic type of its text.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json | Format::Aif | Format::ArgdownJson => "application/json",
            Format::CslJson => "application/vnd.citationstyles.csl+json",
            Format::BibLatex => "application/x-bibtex",
            Format::Argdown | Format::Iccma | Format::Apx | Format::Tgf => "text/plain",
            Format::Dot => "text/vnd.graphviz",
            Format::Svg => "image/svg+xml",
            Format::GraphMl => "application/graphml+xml",
            Format::Neo4jCsv => "text/csv",
        }
    }

    /// The cargo feature the format needs, if any.
    pub fn feature(self) -> Option<&'static str> {
        match self {
            Format::Json | Format::Iccma | Format::Apx | Format::Tgf => None,
            Format::Aif => Some("aif"),
            Format::Argdown | Format::ArgdownJson => Some("argdown"),
            Format::CslJson => Some("csl"),
            Format::BibLatex => Some("biblatex"),
            Format::Dot => Some("render"),
            Format::Svg => Some("svg"),
            Format::GraphMl => Some("graphml"),
            Format::Neo4jCsv => Some("neo4j"),
        }
    }

    /// Whether this build has the format (its feature is on).
    pub fn is_available(self) -> bool {
        match self {
            Format::Json | Format::Iccma | Format::Apx | Format::Tgf => true,
            Format::Aif => cfg!(feature = "aif"),
            Format::Argdown | Format::ArgdownJson => cfg!(feature = "argdown"),
            Format::CslJson => cfg!(feature = "csl"),
            Format::BibLatex => cfg!(feature = "biblatex"),
            Format::Dot => cfg!(feature = "render"),
            Format::Svg => cfg!(feature = "svg"),
            Format::GraphMl => cfg!(feature = "graphml"),
            Format::Neo4jCsv => cfg!(feature = "neo4j"),
        }
    }

    /// Whether [`Corpus::read`] reads it.
    pub fn reads_corpus(self) -> bool {
        matches!(
            self,
            Format::Json
                | Format::Aif
                | Format::Argdown
                | Format::ArgdownJson
                | Format::CslJson
                | Format::BibLatex
        )
    }

    /// Whether [`Corpus::write`] writes it (as bytes; the Neo4j files are a
    /// directory).
    pub fn writes_corpus(self) -> bool {
        !matches!(
            self,
            Format::ArgdownJson | Format::BibLatex | Format::Neo4jCsv
        )
    }

    /// Whether it holds an abstract argumentation framework
    /// ([`Framework::read`], [`Framework::write`]).
    pub fn is_framework(self) -> bool {
        matches!(self, Format::Iccma | Format::Apx | Format::Tgf)
    }

    fn unsupported(self, reason: String) -> Error {
        Error::Unsupported {
            format: self.as_str(),
            reason,
        }
    }

    /// An error unless the build has the format.
    fn check_available(self) -> Result<()> {
        match (self.is_available(), self.feature()) {
            (false, Some(feature)) => Err(self.unsupported(format!(
                "this build of historiograph leaves it out: it needs the cargo feature `{feature}`"
            ))),
            _ => Ok(()),
        }
    }
}

/// How [`Corpus::read`] and [`Corpus::merge`] read each format.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    json: JsonOptions,
    #[cfg(feature = "aif")]
    aif: crate::io::aif::AifOptions,
}

impl ReadOptions {
    /// The defaults of every format.
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// How the corpus document is read.
    #[must_use]
    pub fn with_json(mut self, json: JsonOptions) -> ReadOptions {
        self.json = json;
        self
    }

    /// How AIF is read (the event and explanation of claims it cannot place).
    #[cfg(feature = "aif")]
    #[must_use]
    pub fn with_aif(mut self, aif: crate::io::aif::AifOptions) -> ReadOptions {
        self.aif = aif;
        self
    }

    /// How the corpus document is read.
    pub fn json(&self) -> &JsonOptions {
        &self.json
    }

    /// How AIF is read.
    #[cfg(feature = "aif")]
    pub fn aif(&self) -> &crate::io::aif::AifOptions {
        &self.aif
    }
}

/// How [`Corpus::write`] writes each format.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct WriteOptions {
    view: CompareOptions,
    #[cfg(feature = "render")]
    map: crate::render::MapOptions,
}

impl WriteOptions {
    /// The defaults of every format.
    pub fn new() -> WriteOptions {
        WriteOptions::default()
    }

    /// The view whose claims the framework formats (ICCMA, APX, TGF)
    /// write, as [`View::framework`](crate::View::framework) builds it; default the whole debate.
    #[must_use]
    pub fn with_view(mut self, view: CompareOptions) -> WriteOptions {
        self.view = view;
        self
    }

    /// What the argument map shows (DOT, SVG).
    #[cfg(feature = "render")]
    #[must_use]
    pub fn with_map(mut self, map: crate::render::MapOptions) -> WriteOptions {
        self.map = map;
        self
    }

    /// The view of the framework formats.
    pub fn view(&self) -> &CompareOptions {
        &self.view
    }

    /// What the argument map shows.
    #[cfg(feature = "render")]
    pub fn map(&self) -> &crate::render::MapOptions {
        &self.map
    }
}

impl Corpus {
    /// Reads a corpus in any format that holds one: the corpus with what
    /// the input held that it has no place for ([`Imported::unmapped`];
    /// empty for the corpus's own document).
    ///
    /// Input is bytes; text that is not UTF-8 is an error at its line and
    /// column. Each format's own reader documents its errors
    /// ([`from_json`](Corpus::from_json), `from_aif`, `from_argdown`,
    /// `from_argdown_json`, `from_csl_json`, `from_biblatex`).
    ///
    /// # Errors
    /// [`Error::Unsupported`] for a format that holds no corpus (a
    /// framework, a picture) or whose feature this build leaves out; the
    /// format's own errors otherwise.
    pub fn read(format: Format, bytes: &[u8], options: &ReadOptions) -> Result<Imported> {
        format.check_available()?;
        match format {
            Format::Json => Corpus::from_json_with(bytes, &options.json).map(Imported::new),
            #[cfg(feature = "aif")]
            Format::Aif => Corpus::from_aif_with(bytes, &options.aif),
            #[cfg(feature = "argdown")]
            Format::Argdown => Corpus::from_argdown(bytes),
            #[cfg(feature = "argdown")]
            Format::ArgdownJson => Corpus::from_argdown_json(bytes),
            #[cfg(feature = "csl")]
            Format::CslJson => Corpus::from_csl_json(bytes),
            #[cfg(feature = "biblatex")]
            Format::BibLatex => Corpus::from_biblatex(bytes),
            _ => Err(format.unsupported(match format.is_framework() {
                true => "it holds an argumentation framework, not a corpus: read it with Framework::read".to_owned(),
                false => "it is written, never read".to_owned(),
            })),
        }
    }

    /// Reads a document into this corpus, all or nothing (inside a
    /// [`Transaction`](crate::Transaction), the merge is undone with it):
    /// the corpus's own document ([`merge_json`](Corpus::merge_json)) or
    /// a bibliography: CSL-JSON (`merge_csl_json`) or BibLaTeX
    /// (`merge_biblatex`), which add works and their contributors.
    /// Returns what the input held that has no place in the corpus.
    ///
    /// # Errors
    /// [`Error::Unsupported`] for the other formats, or one whose feature
    /// this build leaves out; the format's own errors otherwise, and then
    /// the corpus is unchanged.
    pub fn merge(
        &mut self,
        format: Format,
        bytes: &[u8],
        options: &ReadOptions,
    ) -> Result<Vec<Unmapped>> {
        format.check_available()?;
        match format {
            Format::Json => self
                .merge_json_with(bytes, &options.json)
                .map(|()| Vec::new()),
            #[cfg(feature = "csl")]
            Format::CslJson => self.merge_csl_json(bytes).map(|merged| merged.unmapped),
            #[cfg(feature = "biblatex")]
            Format::BibLatex => self.merge_biblatex(bytes).map(|merged| merged.unmapped),
            _ => Err(format.unsupported(
                "only the corpus document, CSL-JSON and BibLaTeX merge into a corpus".to_owned(),
            )),
        }
    }

    /// Writes the corpus in any format that holds it, as bytes (UTF-8
    /// text for all of them): the document, AIF, Argdown, CSL-JSON (the
    /// works), the claims' argumentation framework in view (ICCMA, APX,
    /// TGF), the argument map (DOT, SVG), GraphML.
    ///
    /// # Errors
    /// [`Error::Unsupported`] for a format that is only read, for the
    /// Neo4j files (a directory: `write_neo4j_csv`),
    /// or for one whose feature this build leaves out;
    /// [`Error::InvalidOption`] for a view that does not fit the corpus.
    pub fn write(&self, format: Format, options: &WriteOptions) -> Result<Vec<u8>> {
        format.check_available()?;
        let text = match format {
            Format::Json => self.to_json(),
            #[cfg(feature = "aif")]
            Format::Aif => self.to_aif(),
            #[cfg(feature = "argdown")]
            Format::Argdown => self.to_argdown(),
            #[cfg(feature = "csl")]
            Format::CslJson => self.to_csl_json(),
            Format::Iccma | Format::Apx | Format::Tgf => {
                options.view.check(self)?;
                let view = self.framework(&options.view);
                return view.framework().write(format);
            }
            #[cfg(feature = "render")]
            Format::Dot => crate::render::argument_map(self, &options.map).to_dot(),
            #[cfg(feature = "svg")]
            Format::Svg => crate::render::argument_map(self, &options.map).to_svg(),
            #[cfg(feature = "graphml")]
            Format::GraphMl => self.to_graphml()?,
            Format::Neo4jCsv => {
                return Err(format.unsupported(
                    "it is a directory of files: write it with Corpus::write_neo4j_csv".to_owned(),
                ));
            }
            _ => return Err(format.unsupported("it is read, never written".to_owned())),
        };
        Ok(text.into_bytes())
    }
}

impl Framework {
    /// Reads an abstract framework in ICCMA, APX or TGF. Text that is not
    /// UTF-8 is an error at its line and column.
    ///
    /// # Errors
    /// [`Error::Unsupported`] for a format that holds no framework; the
    /// format's own errors otherwise ([`from_iccma`](Framework::from_iccma),
    /// [`from_apx`](Framework::from_apx), [`from_tgf`](Framework::from_tgf)).
    pub fn read(format: Format, bytes: &[u8]) -> Result<Framework> {
        match format {
            Format::Iccma => Framework::from_iccma(bytes),
            Format::Apx => Framework::from_apx(bytes),
            Format::Tgf => Framework::from_tgf(bytes),
            _ => Err(format.unsupported(
                "it holds no argumentation framework: ICCMA, APX and TGF do".to_owned(),
            )),
        }
    }

    /// Writes the framework in ICCMA, APX or TGF, as bytes.
    ///
    /// # Errors
    /// [`Error::Unsupported`] for a format that holds no framework.
    pub fn write(&self, format: Format) -> Result<Vec<u8>> {
        let text = match format {
            Format::Iccma => self.to_iccma(),
            Format::Apx => self.to_apx(),
            Format::Tgf => self.to_tgf(),
            _ => {
                return Err(format.unsupported(
                    "it holds no argumentation framework: ICCMA, APX and TGF do".to_owned(),
                ));
            }
        };
        Ok(text.into_bytes())
    }
}
