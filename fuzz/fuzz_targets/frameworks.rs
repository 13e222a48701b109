//! Fuzzes a reader: any bytes give a value or an error, never a panic.
#![no_main]

use historiograph::Framework;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Framework::from_iccma(text);
    let _ = Framework::from_apx(text);
    let _ = Framework::from_tgf(text);
});
