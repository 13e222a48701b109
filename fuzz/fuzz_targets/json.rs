//! Fuzzes the JSON reader: any text gives a corpus or an error, never a
//! panic, and reading on two threads gives what reading on one does.
#![no_main]

use historiograph::{Corpus, JsonOptions, Threads};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let one = Corpus::from_json_with(text, &JsonOptions::new().with_threads(Threads::One));
    let two = Corpus::from_json_with(text, &JsonOptions::new().with_threads(Threads::Two));
    match (one, two) {
        (Ok(one), Ok(two)) => assert_eq!(one.to_json(), two.to_json()),
        (Err(one), Err(two)) => assert_eq!(one.to_string(), two.to_string()),
        (one, two) => panic!("one thread: {one:?}\ntwo threads: {two:?}"),
    }
});
