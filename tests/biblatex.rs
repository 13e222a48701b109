//! BibLaTeX and BibTeX: import of a Zotero and a JabRef export (golden
//! corpora, exact unmapped lists), names found in a corpus, errors that
//! name the line, all-or-nothing merges, the format's answers, and no
//! panic on any truncation.

use historiograph::*;
use proptest::prelude::*;

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/bib/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn text(name: &str) -> String {
    String::from_utf8(data(name)).expect("UTF-8")
}

fn unmapped(imported: &Imported) -> Vec<String> {
    imported.unmapped.iter().map(ToString::to_string).collect()
}

fn bib_error(bib: &str) -> (String, String) {
    match Corpus::from_biblatex(bib.as_bytes()) {
        Err(Error::Import {
            format,
            at,
            message,
        }) => {
            assert_eq!(format, "biblatex");
            (at, message)
        }
        Err(other) => panic!("not an import error: {other:?}"),
        Ok(_) => panic!("imported: {bib}"),
    }
}

#[test]
fn a_zotero_export_reads_as_reviewed() {
    let imported = Corpus::from_biblatex(data("zotero.bib")).expect("import");
    assert_eq!(imported.corpus.to_json(), text("zotero.corpus.json"));
    assert_eq!(
        unmapped(&imported),
        [
            "line 5 (`luthi_sino-soviet_2008`.isbn): BibLaTeX field with no place in a work",
            "line 6 (`luthi_sino-soviet_2008`.shorttitle): BibLaTeX field with no place in a work",
            "line 10 (`luthi_sino-soviet_2008`.langid): BibLaTeX field with no place in a work",
            "line 16 (`chen_maos_2001`.series): BibLaTeX field with no place in a work",
            "line 25 (`walt_why_1997`.doi): BibLaTeX field with no place in a work",
            "line 76 (`wilson_center_telegram`.date): the end of a date range has no place: a work has one date",
            "line 73 (`wilson_center_telegram`.url): BibLaTeX field with no place in a work",
            "line 75 (`wilson_center_telegram`.urldate): BibLaTeX field with no place in a work",
            "line 79 (`nobody_patent_1960`): BibLaTeX type `patent` is read as `other`",
        ]
    );
}

#[test]
fn a_jabref_export_reads_as_reviewed() {
    let imported = Corpus::from_biblatex(data("jabref.bib")).expect("import");
    assert_eq!(imported.corpus.to_json(), text("jabref.corpus.json"));
    assert_eq!(
        unmapped(&imported),
        ["line 22 (`Walt1997`.doi): BibLaTeX field with no place in a work"]
    );
}

#[test]
fn roles_fields_and_names_land_where_they_belong() {
    let corpus = Corpus::from_biblatex(data("zotero.bib"))
        .expect("import")
        .corpus;
    let work = |key: &str| -> WorkId { corpus.resolve(key).expect(key) };
    let keys = |id: WorkId| -> Vec<(Role, &str)> {
        corpus
            .contributors(id)
            .map(|(role, s)| (role, corpus.key(s).expect("live")))
            .collect()
    };
    // An edited volume's editor is its editor, not its author.
    assert_eq!(
        keys(work("westad_brothers_1998")),
        [(Role::Editor, "westad")]
    );
    assert_eq!(
        keys(work("clausewitz_war_1976")),
        [
            (Role::Author, "clausewitz"),
            (Role::Editor, "howard"),
            (Role::Editor, "paret"),
            (Role::Translator, "howard"),
            (Role::Translator, "paret"),
        ]
    );
    let walt = corpus.work(work("walt_why_1997")).expect("live");
    assert_eq!(
        (walt.volume(), walt.issue(), walt.page(), walt.kind()),
        (
            Some("39"),
            Some("1"),
            Some("156-179"),
            WorkKind::ArticleJournal
        )
    );
    let ccp: ScholarId = corpus
        .resolve("central-committee-of-the-chinese-communist-party")
        .expect("ccp");
    assert!(corpus.scholar(ccp).is_some_and(Scholar::has_literal_name));
}

#[test]
fn names_find_the_scholars_of_the_corpus_in_either_order() {
    let mut corpus = sino_soviet_split();
    let chen: ScholarId = corpus.resolve("chen-jian").expect("chen");
    let shen = corpus
        .add_scholar(
            Scholar::new("shen-zhihua", "Shen Zhihua").with_parts(
                NameParts::new("Shen")
                    .with_given("Zhihua")
                    .with_family_first(),
            ),
        )
        .expect("shen");
    let scholars = corpus.count::<ScholarId>();
    let merged = corpus
        .merge_biblatex(
            "@book{chen2001, title = {Mao's China and the Cold War}, author = {Chen, Jian}}\n\
             @incollection{shen1998, title = {Entry into the Korean War}, author = {Shen Zhihua}}",
        )
        .expect("merge");
    // `Chen, Jian` is `Chen Jian` written in the other order; BibTeX reads
    // `Shen Zhihua` as given `Shen`, family `Zhihua`, the same display name.
    assert_eq!(corpus.authors(merged.works[0]).collect::<Vec<_>>(), [chen]);
    assert_eq!(corpus.authors(merged.works[1]).collect::<Vec<_>>(), [shen]);
    assert_eq!(corpus.count::<ScholarId>(), scholars);
}

#[test]
fn parse_errors_name_the_line() {
    assert_eq!(
        bib_error("@book{a,\n  title = {A},\n  publisher = {B,\n}\n"),
        ("line 5, column 1".to_owned(), "expected comma".to_owned())
    );
    assert_eq!(
        bib_error("@book{a,\n  title = {A},\n  publisher = pup,\n}\n").0,
        "line 3, column 15"
    );
    assert_eq!(
        bib_error("@book{a, title = {A}}\n\n@book{a, title = {B}}\n").0,
        "line 3, column 1"
    );
}

#[test]
fn entry_errors_name_the_line_entry_and_field() {
    assert_eq!(
        bib_error("\n@book{a,\n  author = {A, B},\n}\n"),
        (
            "line 2 (`a`)".to_owned(),
            "an entry needs a `title`".to_owned()
        )
    );
    assert_eq!(
        bib_error("@book{a,\n  title = {A},\n  date = {1958-13},\n}\n"),
        (
            "line 3 (`a`.date)".to_owned(),
            "invalid date `1958-13`: month must be 1 to 12".to_owned()
        )
    );
    assert_eq!(
        bib_error("@book{a,\n  title = {A},\n  year = {1958},\n  month = {Smarch},\n}\n"),
        (
            "line 4 (`a`.month)".to_owned(),
            "`Smarch` is not a month".to_owned()
        )
    );
    assert_eq!(
        bib_error("@book{a,\n  title = {A},\n  year = {nineteen},\n}\n").0,
        "line 3 (`a`.year)"
    );
    let mut corpus = sino_soviet_split();
    let before = corpus.clone();
    let taken = corpus.merge_biblatex("@book{x, title = {X}}\n@book{luthi-2008, title = {L}}");
    assert!(
        matches!(&taken, Err(Error::Import { at, .. }) if at == "line 2 (`luthi-2008`)"),
        "{taken:?}"
    );
    // All or nothing: the first entry did not land either.
    assert_eq!(corpus, before);
}

#[test]
fn the_format_reads_and_merges_but_never_writes() {
    let format: Format = "bib".parse().expect("format");
    assert_eq!(format, Format::BibLatex);
    assert_eq!("bibtex".parse::<Format>().ok(), Some(Format::BibLatex));
    assert_eq!(format.to_string(), "biblatex");
    assert_eq!(
        (format.extension(), format.media_type(), format.feature()),
        ("bib", "application/x-bibtex", Some("biblatex"))
    );
    assert!(format.is_available() && format.reads_corpus());
    assert!(!format.writes_corpus() && !format.is_framework());
    let read = Corpus::read(format, &data("jabref.bib"), &ReadOptions::new()).expect("read");
    assert_eq!(read.corpus.to_json(), text("jabref.corpus.json"));
    let mut corpus = Corpus::new();
    let unmapped = corpus
        .merge(format, &data("jabref.bib"), &ReadOptions::new())
        .expect("merge");
    assert_eq!(unmapped.len(), 1);
    assert!(matches!(
        corpus.write(format, &WriteOptions::new()),
        Err(Error::Unsupported {
            format: "biblatex",
            ..
        })
    ));
}

#[test]
fn text_that_is_not_utf8_fails_with_its_place() {
    assert!(matches!(
        Corpus::from_biblatex(b"@book{a,\n title = {\xff}}"),
        Err(Error::Utf8 { line: 2, .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every prefix of the fixtures, and every one with a byte changed,
    /// is a corpus or an error, never a panic.
    #[test]
    fn no_truncation_or_change_panics(cut in any::<prop::sample::Index>(), byte in any::<u8>(), which in any::<bool>()) {
        let bytes = data(if which { "zotero.bib" } else { "jabref.bib" });
        let at = cut.index(bytes.len());
        let _ = Corpus::from_biblatex(&bytes[..at]);
        let mut changed = bytes.clone();
        changed[at] = byte;
        let _ = Corpus::from_biblatex(&changed);
    }
}
