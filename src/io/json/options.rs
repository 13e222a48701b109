//! How to read a document: [`JsonOptions`] and [`Threads`].

/// How to read a JSON document: see
/// [`Corpus::from_json_with`](crate::Corpus::from_json_with).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct JsonOptions {
    threads: Threads,
}

impl JsonOptions {
    /// The defaults: [`Threads::Auto`].
    pub fn new() -> JsonOptions {
        JsonOptions::default()
    }

    /// How many threads reading may use.
    #[must_use]
    pub fn with_threads(mut self, threads: Threads) -> JsonOptions {
        self.threads = threads;
        self
    }

    /// How many threads reading may use.
    pub fn threads(&self) -> Threads {
        self.threads
    }
}

/// How many threads reading a JSON document may use: see [`JsonOptions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Threads {
    /// Two for a document of 1 MiB or more when the machine has more than
    /// one core, otherwise one.
    #[default]
    Auto,
    /// Parse the text and build the corpus on the calling thread.
    One,
    /// Parse the text on the calling thread and build the corpus on a
    /// second, scoped thread that has ended when the call returns. One
    /// thread when no thread can be started.
    Two,
}

impl Threads {
    const AUTO_MIN_BYTES: usize = 1 << 20;

    /// Whether to read a document of `bytes` bytes on two threads.
    pub(super) fn two_for(self, bytes: usize) -> bool {
        match self {
            Threads::One => false,
            Threads::Two => true,
            Threads::Auto => {
                bytes >= Threads::AUTO_MIN_BYTES
                    && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
            }
        }
    }
}
