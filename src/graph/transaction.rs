//! All-or-nothing edits.

use std::ops::{Deref, DerefMut};

use super::Corpus;
use super::change::{Change, Changes};

/// A sequence of edits that lands whole or not at all.
///
/// Open one with [`Corpus::transaction`]. It dereferences to the corpus,
/// so every read and edit method of [`Corpus`] works on it, and every
/// change an edit makes is recorded. [`commit`](Transaction::commit) keeps
/// the edits and returns their [`Changes`], to undo or replay them later;
/// dropping the transaction without committing (an early return with `?`,
/// a panic unwinding) or calling [`rollback`](Transaction::rollback) undoes
/// every edit made through it, and the corpus is again equal to what it
/// was, ids included.
///
/// A transaction opened on a transaction is nested: its rollback undoes
/// only its own edits; its commit hands them to the outer one, which can
/// still roll them back.
///
/// ```
/// use historiograph::{Bearing, Claim, ClaimId, Corpus, EvidenceId, Position, Stance};
///
/// fn add_reading(corpus: &mut Corpus, evidence: &str) -> historiograph::Result<ClaimId> {
///     let (ideology, split) = (corpus.resolve("ideology")?, corpus.resolve("sino-soviet-split")?);
///     let luthi = corpus.resolve("luthi")?;
///     let mut tx = corpus.transaction();
///     let claim = tx.add_claim(Claim::new("new-reading", "A new reading"), ideology, [split])?;
///     tx.add_position(luthi, claim, Position::new(Stance::Advances).in_year(2008))?;
///     let evidence: EvidenceId = tx.resolve(evidence)?; // may fail: then nothing lands
///     tx.cite(claim, evidence, Bearing::Supports)?;
///     tx.commit();
///     Ok(claim)
/// }
///
/// let mut corpus = historiograph::sino_soviet_split();
/// let before = corpus.clone();
/// assert!(add_reading(&mut corpus, "no-such-evidence").is_err());
/// assert_eq!(corpus, before); // the claim and its position were rolled back
/// let claim = add_reading(&mut corpus, "luthi-2008-n27")?;
/// assert_eq!(corpus.citations(claim).count(), 1);
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug)]
#[must_use = "a transaction that is dropped rolls its edits back; call `commit` to keep them"]
pub struct Transaction<'c> {
    corpus: &'c mut Corpus,
    /// Where this transaction's changes start in the journal.
    start: usize,
    /// The corpus's version when it opened.
    version: u64,
    /// Whether this transaction opened the journal.
    outermost: bool,
    done: bool,
}

impl Corpus {
    /// Opens a transaction: edits made through it land together on
    /// [`commit`](Transaction::commit), or are all undone.
    pub fn transaction(&mut self) -> Transaction<'_> {
        let outermost = self.journal.is_none();
        let start = self.journal.get_or_insert_with(Vec::new).len();
        Transaction {
            version: self.version,
            corpus: self,
            start,
            outermost,
            done: false,
        }
    }
}

impl Transaction<'_> {
    /// The changes made so far.
    pub fn changes(&self) -> &[Change] {
        match &self.corpus.journal {
            Some(journal) if journal.len() >= self.start => &journal[self.start..],
            _ => &[],
        }
    }

    /// Keeps the edits, and returns the changes they made.
    pub fn commit(mut self) -> Changes {
        self.done = true;
        let changes = Changes {
            changes: self.changes().to_vec(),
            versions: Some((self.version, self.corpus.version)),
        };
        if self.outermost {
            self.corpus.journal = None;
        }
        changes
    }

    /// Undoes every edit made through the transaction.
    pub fn rollback(mut self) {
        self.roll_back();
    }

    fn roll_back(&mut self) {
        self.done = true;
        let tail = match &mut self.corpus.journal {
            Some(journal) if journal.len() >= self.start => journal.split_off(self.start),
            // The corpus was replaced through the transaction: nothing of
            // this transaction is left to undo.
            _ => Vec::new(),
        };
        for change in tail.iter().rev() {
            let undone = self.corpus.apply_change(&change.inverse());
            debug_assert!(undone.is_ok(), "undoing {change}: {undone:?}");
        }
        match &mut self.corpus.journal {
            Some(journal) if !self.outermost => journal.truncate(self.start),
            _ => self.corpus.journal = None,
        }
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.roll_back();
        }
    }
}

impl Deref for Transaction<'_> {
    type Target = Corpus;

    fn deref(&self) -> &Corpus {
        self.corpus
    }
}

impl DerefMut for Transaction<'_> {
    fn deref_mut(&mut self) -> &mut Corpus {
        self.corpus
    }
}
