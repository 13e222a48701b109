//! [`Neo4jFile`]: the files of the bulk-import layout, with each file's
//! name, header row and label or relationship type.

use crate::model::Role;

/// One file of the Neo4j bulk-import layout written by
/// [`Corpus::write_neo4j_csv`](crate::Corpus::write_neo4j_csv).
///
/// Every node file carries a `key:ID(<Label>)` column (an id space per
/// kind, so a scholar and a work may share a key, as in the document
/// format; the key is also the node's `key` property) and a `:LABEL`
/// column; relationship files carry `:START_ID(<Label>)`,
/// `:END_ID(<Label>)` and `:TYPE`. [`header`](Neo4jFile::header) gives each
/// file's header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Neo4jFile {
    /// `corpus.csv`: one `Corpus` node, keyed `corpus`, holding the corpus
    /// title, if it has one.
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
    /// `edited_by.csv`: work → scholar, with the editor's `position` (from 0).
    EditedBy,
    /// `translated_by.csv`: work → scholar, with the translator's `position`
    /// (from 0).
    TranslatedBy,
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
    /// Every file, nodes first, in the order
    /// [`Corpus::write_neo4j_csv`](crate::Corpus::write_neo4j_csv) writes them.
    pub const ALL: [Neo4jFile; 19] = [
        Neo4jFile::Corpus,
        Neo4jFile::Scholars,
        Neo4jFile::Works,
        Neo4jFile::Evidence,
        Neo4jFile::Events,
        Neo4jFile::Explanations,
        Neo4jFile::Claims,
        Neo4jFile::AuthoredBy,
        Neo4jFile::EditedBy,
        Neo4jFile::TranslatedBy,
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
            Neo4jFile::EditedBy => "edited_by.csv",
            Neo4jFile::TranslatedBy => "translated_by.csv",
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
            Neo4jFile::Corpus => "key:ID(Corpus),:LABEL,title",
            Neo4jFile::Scholars => {
                "key:ID(Scholar),:LABEL,name,born:int,died:int,affiliation,family,given,\
                 non_dropping_particle,dropping_particle,suffix,family_first:boolean,literal:boolean"
            }
            Neo4jFile::Works => {
                "key:ID(Work),:LABEL,type,title,issued,year:int,container_title,volume,issue,\
                 page,publisher,publisher_place,archive,archive_location,note"
            }
            Neo4jFile::Evidence => "key:ID(Evidence),:LABEL,kind,description,locator,date,year:int",
            Neo4jFile::Events => "key:ID(Event),:LABEL,name,when,year:int,description",
            Neo4jFile::Explanations => "key:ID(Explanation),:LABEL,name,description",
            Neo4jFile::Claims => "key:ID(Claim),:LABEL,text,markup,polarity,date,year:int",
            Neo4jFile::AuthoredBy | Neo4jFile::EditedBy | Neo4jFile::TranslatedBy => {
                ":START_ID(Work),:END_ID(Scholar),:TYPE,position:int"
            }
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
            Neo4jFile::EditedBy => "EDITED_BY",
            Neo4jFile::TranslatedBy => "TRANSLATED_BY",
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

    /// The relationship file of the contributors in `role`: the authors in
    /// `authored_by.csv`, the editors in `edited_by.csv`, the translators
    /// in `translated_by.csv`.
    ///
    /// ```
    /// use historiograph::{Neo4jFile, Role};
    ///
    /// assert_eq!(Neo4jFile::for_role(Role::Editor).label(), "EDITED_BY");
    /// ```
    pub fn for_role(role: Role) -> Neo4jFile {
        match role {
            Role::Author => Neo4jFile::AuthoredBy,
            Role::Editor => Neo4jFile::EditedBy,
            Role::Translator => Neo4jFile::TranslatedBy,
        }
    }
}
