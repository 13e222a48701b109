//! The crate's one error type.

use crate::model::Kind;

/// Everything that can go wrong when building, editing, loading or querying a
/// corpus.
///
/// Every variant names what was wrong: the key, the value, and for documents
/// the line and column. An operation that returns an error leaves the corpus
/// exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No entity of this kind has this key.
    #[error("unknown {kind} key `{key}`")]
    UnknownKey {
        /// The kind of entity looked for.
        kind: Kind,
        /// The key that was not found.
        key: String,
    },
    /// An entity of this kind already has this key.
    #[error("duplicate {kind} key `{key}`")]
    DuplicateKey {
        /// The kind of entity.
        kind: Kind,
        /// The key used twice.
        key: String,
    },
    /// A key breaks the rules for keys (1 to 200 characters, no white space,
    /// no control characters).
    #[error("invalid {kind} key `{key}`: {reason}")]
    InvalidKey {
        /// The kind of entity.
        kind: Kind,
        /// The offending key.
        key: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The id does not name a live entity: it was never issued by this corpus,
    /// or its entity has been removed.
    #[error("no live {kind} with id {id}")]
    UnknownId {
        /// The kind of entity.
        kind: Kind,
        /// The raw id.
        id: u32,
    },
    /// A text that should name an id is not one: ids are written
    /// `kind#number` (`claim#12`, `position#3`), as their `Display` writes
    /// them, with a number below 2^32 - 1.
    #[error("invalid id `{value}`: {reason}")]
    InvalidId {
        /// The text given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The position id does not name a live position: it was never issued
    /// by this corpus, or its position has been removed.
    #[error("no live position with id {id}")]
    UnknownPosition {
        /// The raw position id.
        id: u32,
    },
    /// A change replayed by [`Corpus::apply`](crate::Corpus::apply) or
    /// [`Corpus::undo`](crate::Corpus::undo) does not fit the corpus as it
    /// stands.
    #[error("change {index} ({change}) does not apply: {reason}")]
    Conflict {
        /// The change's place in the sequence, from 0.
        index: usize,
        /// The change, described.
        change: String,
        /// Why it does not fit.
        reason: String,
    },
    /// Input that should be UTF-8 text is not: the line and column (1-based,
    /// in characters) of the first bad byte.
    #[error("not UTF-8: byte 0x{byte:02x} at line {line}, column {column}")]
    Utf8 {
        /// The line of the first bad byte.
        line: usize,
        /// Its column.
        column: usize,
        /// The byte.
        byte: u8,
    },
    /// A format the operation cannot read or write, or that this build
    /// leaves out (see [`Format`](crate::Format)).
    #[error("format `{format}`: {reason}")]
    Unsupported {
        /// The format's name.
        format: &'static str,
        /// Why.
        reason: String,
    },
    /// A required text field is empty or only white space.
    #[error("{kind} `{key}` has an empty {field}")]
    Empty {
        /// The kind of entity.
        kind: Kind,
        /// The entity's key.
        key: String,
        /// The field that is empty (`name`, `title`, `text`, ...).
        field: &'static str,
    },
    /// A claim must concern at least one event.
    #[error("claim `{key}` concerns no event")]
    NoEvent {
        /// The claim's key.
        key: String,
    },
    /// A claim may not attack or support itself.
    #[error("claim `{key}` cannot {relation} itself")]
    SelfRelation {
        /// The claim's key.
        key: String,
        /// `attack` or `support`.
        relation: &'static str,
    },
    /// Nesting events, or making an explanation a variant of another, would
    /// close a cycle.
    #[error("{kind} `{key}` cannot lie under `{parent}`: that would form a cycle")]
    Cycle {
        /// The kind of entity (event or explanation).
        kind: Kind,
        /// The entity being placed.
        key: String,
        /// The intended parent.
        parent: String,
    },
    /// The same relation between the same two entities was added twice.
    #[error("{relation} from `{from}` to `{to}` exists already")]
    DuplicateRelation {
        /// The relation (`attack`, `support`, `citation`, `stance`, `author`,
        /// `editor`, `translator`, `event`).
        relation: &'static str,
        /// The key of the source entity.
        from: String,
        /// The key of the target entity.
        to: String,
    },
    /// A relation to remove does not exist.
    #[error("no {relation} from `{from}` to `{to}`")]
    NoRelation {
        /// The relation.
        relation: &'static str,
        /// The key of the source entity.
        from: String,
        /// The key of the target entity.
        to: String,
    },
    /// Removing an entity or relation would leave a claim without its
    /// explanation or without any event.
    #[error("{kind} `{key}` is still needed by claim `{claim}`")]
    InUse {
        /// The kind of entity that would be removed.
        kind: Kind,
        /// Its key.
        key: String,
        /// The claim that depends on it.
        claim: String,
    },
    /// A date or period could not be parsed or is impossible.
    #[error("invalid date `{value}`: {reason}")]
    InvalidDate {
        /// The offending text or value.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A period ends before it starts.
    #[error("period `{start}/{end}` ends before it starts")]
    PeriodEndsBeforeStart {
        /// The start, as written in a document.
        start: String,
        /// The end, as written in a document.
        end: String,
    },
    /// An option value that makes no sense (a negative threshold, ...).
    #[error("invalid option {option}: {reason}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A gradual semantics gave a strength that is not a finite number. The
    /// formulas keep every strength in \[0, 1\], so this is a defect of the
    /// crate, reported rather than passed on.
    #[error(
        "{semantics} gave argument {argument} the strength {value} in round {round}, which is not a finite number"
    )]
    NonFinite {
        /// The gradual semantics, in words.
        semantics: &'static str,
        /// The argument, by its 1-based number.
        argument: String,
        /// The value it got (`NaN`, `inf`).
        value: String,
        /// The round (1 for the one pass over an acyclic framework).
        round: usize,
    },
    /// An argument that is not in the framework (by index or by name).
    #[error("unknown argument `{argument}`")]
    UnknownArgument {
        /// The argument as given: its name, or its 1-based number.
        argument: String,
    },
    /// Two arguments of a framework have the same name.
    #[error("duplicate argument `{argument}`")]
    DuplicateArgument {
        /// The name used twice.
        argument: String,
    },
    /// An argument name that is empty or has white space or control characters.
    #[error(
        "invalid argument name `{argument}`: a name is not empty and has no white space or control characters"
    )]
    InvalidArgumentName {
        /// The offending name.
        argument: String,
    },
    /// A framework file (ICCMA, APX, TGF) is malformed.
    #[error("{format} line {line}: {message}")]
    Syntax {
        /// The format: `iccma`, `apx` or `tgf`.
        format: &'static str,
        /// The 1-based line (0 for the end of the input).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file in a foreign format (AIF, Argdown, CSL-JSON, ...) is well-formed
    /// but cannot be imported: an edge to a missing node, a node of unknown
    /// type, an item with no id. `at` names the place: a node id, a field, a
    /// line.
    #[error("{format} {at}: {message}")]
    Import {
        /// The format: `aif`, `argdown-json`, `argdown`, `csl-json`, ...
        format: &'static str,
        /// Where: `node 12`, `edge 7`, `items[3].id`, `line 4`.
        at: String,
        /// What is wrong.
        message: String,
    },
    /// More entities of one kind than ids can count (2^32).
    #[error("too many {kind}s: ids exhausted")]
    Capacity {
        /// The kind of entity.
        kind: Kind,
    },
    /// The document declares a format version this crate does not read.
    #[error("unsupported document version {found}; this crate reads version {supported}")]
    UnsupportedVersion {
        /// The version found in the document.
        found: u64,
        /// The version this crate reads.
        supported: u64,
    },
    /// The text is not well-formed JSON, or a value has the wrong shape
    /// (a missing or unknown field, a string where a number belongs).
    #[error("line {line}, column {column}{}: {message}", at_path(.path))]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Where in the document, as `claims[3].events[0]`; empty at the top.
        path: String,
        /// What the JSON reader reported.
        message: String,
    },
    /// A well-formed document broke a rule of the format; `rule` says which.
    /// The message includes the rule, so it is not also the error's
    /// `source()`: a chain of causes prints it once.
    #[error("line {line}, column {column}{}: {rule}", at_path(.path))]
    Document {
        /// 1-based line of the offending value (0 when unknown).
        line: usize,
        /// 1-based column of the offending value (0 when unknown).
        column: usize,
        /// Where in the document, as `claims[3].events[0]`.
        path: String,
        /// The rule that was broken.
        rule: Box<Error>,
    },
    /// A name that is not one of an enum's names (a stance, a kind of
    /// evidence, a verdict, ...).
    #[error("unknown {what} `{value}`: expected one of {}", expected.join(", "))]
    UnknownName {
        /// What was being named: `stance`, `evidence kind`, ...
        what: &'static str,
        /// The name given.
        value: String,
        /// The names there are.
        expected: &'static [&'static str],
    },
}

fn at_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" ({path})")
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
