//! Fuzzes the change log reader and `apply`: any bytes give a log or an
//! error, never a panic; a log that reads writes text that reads back as
//! the same log; applied to the built-in corpus it lands whole, leaving a
//! corpus whose document reads back the same, or is refused with the
//! corpus unchanged.
#![no_main]

use historiograph::{Changes, Corpus, sino_soviet_split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(changes) = Changes::from_json(data) else { return };
    let again = Changes::from_json(changes.to_json()).expect("a log written reads back");
    assert_eq!(again, changes);
    let mut corpus = sino_soviet_split();
    let before = corpus.clone();
    match corpus.apply(&changes) {
        Ok(_) => {
            let json = corpus.to_json();
            let back = Corpus::from_json(&json).expect("an applied log leaves a valid corpus");
            assert_eq!(back.to_json(), json);
        }
        Err(_) => assert!(corpus == before, "a refused log changed the corpus"),
    }
});
