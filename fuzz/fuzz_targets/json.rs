//! Fuzzes a reader: any bytes give a value or an error, never a panic.
#![no_main]

use historiograph::Corpus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Corpus::from_json(text);
});
