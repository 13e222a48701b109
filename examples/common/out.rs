//! Writing to standard output as a Unix tool does, shared by the examples.
//!
//! `println!` panics when standard output is a pipe whose reader has gone
//! (`cargo run --example compare ... | head -1`). `out!` and `outln!` take
//! the same arguments as `print!` and `println!`, but a closed pipe ends the
//! program quietly with status 0, and any other write error ends it with a
//! message on standard error and status 1. An example pulls them in with
//!
//! ```text
//! #[path = "common/out.rs"]
//! #[macro_use]
//! mod out;
//! ```
//!
//! (Cargo takes no file in a subdirectory of `examples/` for an example of
//! its own unless it is a `main.rs`.)

use std::io::{self, Write};

/// Like `print!`, on standard output; see the module documentation.
#[allow(unused_macros)]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::out::write_fmt(format_args!($($arg)*))
    };
}

/// Like `println!`, on standard output; see the module documentation.
#[allow(unused_macros)]
macro_rules! outln {
    () => {
        $crate::out::write_fmt(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::out::write_fmt(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Writes `args` to standard output and flushes what it wrote, so that no
/// error waits for the exit (where it would go unseen). Unused by an
/// example whose only use of `outln!` is behind a feature that is off.
#[allow(dead_code)]
pub fn write_fmt(args: std::fmt::Arguments<'_>) {
    let mut stdout = io::stdout().lock();
    if let Err(error) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        end_if_broken_pipe(&error);
        eprintln!("error: cannot write to standard output: {error}");
        std::process::exit(1);
    }
}

/// Ends the program quietly, with status 0, if `error` says the reader of
/// the output has gone (a closed pipe, as after `| head -1`), as a Unix tool
/// ends. For the examples that write to a file named on the command line,
/// which may be `/dev/stdout`.
pub fn end_if_broken_pipe(error: &io::Error) {
    if error.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
}
