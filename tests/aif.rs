//! AIF: reading AIFdb, OVA and xAIF files, writing corpora as AIF, the
//! round trip through the `historiograph` extension, golden files and bad
//! input.

use historiograph::*;

#[test]
fn builtin_corpus_round_trips() -> Result<(), Error> {
    let corpus = sino_soviet_split();
    let aif = corpus.to_aif();
    let back = Corpus::from_aif(aif.as_bytes())?;
    assert_eq!(back.unmapped, []);
    assert_eq!(back.corpus.to_json(), corpus.to_json());
    Ok(())
}
