//! Where the parser's pieces go: to the builder on the parser's own thread
//! ([`Direct`]), or over a bounded channel to a builder on a second, scoped
//! thread ([`Channel`]), claims in batches that are handed back to be
//! freed on the thread that made them. Either way the builder takes the
//! pieces in document order, so one thread and two give the same corpus,
//! or the same error.

use super::document::ClaimDoc;
use super::load::{Failure, Loading};
use super::options::Threads;
use super::stream::{Piece, parse_into};
use crate::graph::Corpus;

/// What reading a document came to: the parser's verdict, and the first
/// rule the document breaks, if the builder met one.
pub(super) type Verdict = (serde_json::Result<()>, Option<Failure>);

/// Reads `text` into `corpus`, on one thread or two as `threads` says.
pub(super) fn read(text: &str, corpus: &mut Corpus, threads: Threads) -> Verdict {
    match threads.two_for(text.len()) {
        true => {
            read_on_two_threads(text, corpus).unwrap_or_else(|| read_on_one_thread(text, corpus))
        }
        false => read_on_one_thread(text, corpus),
    }
}

fn read_on_one_thread(text: &str, corpus: &mut Corpus) -> Verdict {
    let mut failure = None;
    let mut sink = Direct {
        loading: Loading::new(corpus),
        failure: &mut failure,
    };
    let read = parse_into(text, &mut sink);
    (read, failure)
}

/// The parser on this thread hands pieces over a bounded channel to a
/// builder on a scoped thread; `None` when that thread cannot be started.
///
/// A rule the builder finds broken is reported before any error the
/// parser meets later, as on one thread: the builder takes every piece
/// parsed before that error (the last batch of claims is handed on
/// whatever the parser's verdict), and the parser stops as soon as the
/// builder does.
fn read_on_two_threads(text: &str, corpus: &mut Corpus) -> Option<Verdict> {
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(8);
        let (returns, returned) = std::sync::mpsc::channel();
        let builder = std::thread::Builder::new()
            .name("historiograph-json".to_owned())
            .spawn_scoped(scope, move || {
                let mut loading = Loading::new(corpus);
                for piece in receiver {
                    loading.take_batch(piece, &returns)?;
                }
                Ok(())
            })
            .ok()?;
        let mut sink = Channel::new(sender, returned);
        let read = parse_into(text, &mut sink);
        sink.close();
        let failure = match builder.join() {
            Ok(built) => built.err(),
            Err(panic) => std::panic::resume_unwind(panic),
        };
        Some((read, failure))
    })
}

/// Where the parser hands its pieces.
pub(super) trait Sink<'a> {
    /// Hands on a piece; false when the builder has stopped on a rule the
    /// document breaks (the builder keeps the failure).
    fn put(&mut self, piece: Piece<'a>) -> bool;
}

/// Builds the corpus on the parser's own thread.
struct Direct<'c, 'a, 'f> {
    loading: Loading<'c, 'a>,
    failure: &'f mut Option<Failure>,
}

impl<'a> Sink<'a> for Direct<'_, 'a, '_> {
    fn put(&mut self, piece: Piece<'a>) -> bool {
        match self.loading.take(piece) {
            Ok(()) => true,
            Err(failure) => {
                *self.failure = Some(failure);
                false
            }
        }
    }
}

/// Hands pieces to a builder on another thread, claims in batches.
struct Channel<'a> {
    sender: std::sync::mpsc::SyncSender<Piece<'a>>,
    /// Batches the builder has finished with.
    returns: std::sync::mpsc::Receiver<Vec<ClaimDoc<'a>>>,
    batch: Vec<ClaimDoc<'a>>,
}

impl<'a> Channel<'a> {
    /// Claims per batch: enough that the channel costs little per claim,
    /// few enough that the builder starts at once.
    const BATCH: usize = 256;

    fn new(
        sender: std::sync::mpsc::SyncSender<Piece<'a>>,
        returns: std::sync::mpsc::Receiver<Vec<ClaimDoc<'a>>>,
    ) -> Channel<'a> {
        Channel {
            sender,
            returns,
            batch: Vec::with_capacity(Self::BATCH),
        }
    }

    /// Hands on the claims parsed so far, whatever the parser's verdict:
    /// on one thread they would have been added before any later error.
    fn close(mut self) {
        self.flush();
    }

    fn flush(&mut self) -> bool {
        if self.batch.is_empty() {
            return true;
        }
        // Reuse a batch the builder is done with: its claims are dropped
        // here, on the thread whose allocator made them.
        let next = match self.returns.try_recv() {
            Ok(mut used) => {
                used.clear();
                used
            }
            Err(_) => Vec::with_capacity(Self::BATCH),
        };
        let batch = std::mem::replace(&mut self.batch, next);
        self.sender.send(Piece::Claims(batch)).is_ok()
    }
}

impl<'a> Sink<'a> for Channel<'a> {
    fn put(&mut self, piece: Piece<'a>) -> bool {
        match piece {
            Piece::Claim(claim) => {
                self.batch.push(claim);
                self.batch.len() < Self::BATCH || self.flush()
            }
            piece => self.flush() && self.sender.send(piece).is_ok(),
        }
    }
}
