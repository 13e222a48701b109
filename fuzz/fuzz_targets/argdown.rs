//! Fuzzes a reader: any bytes give a value or an error, never a panic.
#![no_main]

use historiograph::Corpus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Corpus::from_argdown(data);
});
