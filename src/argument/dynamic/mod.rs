//! Frameworks that change between questions: the dynamic track of ICCMA
//! 2023 and 2025, whose IPAFAIR interface adds and removes arguments and
//! attacks and asks acceptance questions in between, on one solver kept
//! for the whole sequence.
//!
//! # The encoding
//!
//! One SAT solver holds the whole framework, and changes only ever add
//! clauses (removals included), so what the solver learned stays valid.
//! Each argument *a* has a variable *x*ₐ (in the extension) and, for
//! complete and preferred semantics, *d*ₐ (attacked by the extension).
//! The arguments are cut into blocks of 8 (`BLOCK`; of 2 under stable
//! semantics, `STABLE_BLOCK`), by id; an argument
//! added once its block's clauses are written starts a block of its own.
//! Every clause about *a* and its attackers is guarded by its block's
//! literal *g*:
//!
//! - conflict-free, (¬*g* ∨ ¬*x*_b ∨ ¬*x*ₐ) for each attack *b* → *a*;
//! - complete and preferred semantics: admissible sets, with
//!   (¬*g* ∨ ¬*x*ₐ ∨ *d*_b) (each attacker attacked) and
//!   (¬*g* ∨ ¬*d*ₐ ∨ ⋁ *x*_b) (*d*ₐ only if some attacker is in);
//! - stable: (¬*g* ∨ *x*ₐ ∨ ⋁ *x*_b).
//!
//! Admissible sets answer for complete and preferred semantics (Dung
//! 1995): an argument is in some complete extension exactly when it is in
//! some admissible set, and the preferred extensions are the ⊆-maximal
//! admissible sets. A model is grown to a complete extension before it is
//! used (*closure*: while the set defends an argument outside it, add it;
//! each step stays admissible by Dung's fundamental lemma, Lemma 10, and
//! the fixpoint holds all it defends, so it is complete). The clauses
//! "in if defended" of the complete encoding (the first versions) made
//! each solve search more: the same sequence took a third longer on
//! complete semantics.
//!
//! Every solve assumes the guard of each block and ¬*x*ₐ for each
//! argument *a* out (defined below: the grounded extension attacks it).
//! No admissible set holds an argument out, nor does a stable extension
//! (it is admissible), so these assumptions leave the same sets as
//! models, and every answer and model stays the same; they spare the
//! search the arguments out (on the bench's sequence, 13–16 % less CPU
//! time on complete semantics, 19 % on stable, where unit propagation
//! under the guards would derive them anyway). A proof that used one of
//! them (a failed assumption) holds for the framework's labelling as it
//! stands only: it gives no support to rule 1 of the facts kept across
//! changes (below). A proof of "no stable extension" that did not use the
//! question's assumption may use them: every stable extension makes them
//! true, so there is still none.
//!
//! A change to the attackers of *a* retires *a*'s block (the unit clause
//! ¬*g*, which satisfies its old clauses for good) and writes the block
//! again under a fresh guard, once, before the next solve. A solve makes
//! one guard assumption per block, where one per attack (the first
//! version) made CaDiCaL spend
//! half its time propagating assumptions; and a change costs the clauses
//! of one block (removing an argument: of the blocks of its targets too).
//! Blocks of 64 made solves two to three times slower at 10⁴ arguments.
//! Under stable semantics, whose clauses are fewer, smaller blocks pay:
//! on the bench's sequence, blocks of 2 took 13 % less CPU time than
//! blocks of 8 (blocks of 4, 6 %; of 1, 5 %; of 16, 6 % more), where
//! complete semantics took 5 % more with blocks of 4. Removing an
//! argument also adds ¬*x*ₐ; ids are never reused.
//!
//! CaDiCaL runs in its `sat` configuration, which keeps the search in
//! its stable mode (target phases, few restarts), with two of its
//! inprocessing techniques off: bounded variable elimination, whose work
//! the clauses of a block written again undo (CaDiCaL restores the
//! clauses of an eliminated variable once a new clause names it), and
//! eager subsumption of learned clauses. On the bench's sequence this
//! took 19–25 % less CPU time than `sat` with both on under stable semantics,
//! 10–13 % less under preferred, and 25–33 % less than `plain` (no
//! inprocessing at all) under complete; `sat` with both on had been
//! 5–7 % slower than `plain` there, and CaDiCaL's default 20 % slower.
//! Other techniques off (probing, vivification, subsumption, compaction)
//! made no difference or were slower. The configuration changes how fast
//! a solve goes, never its answer.
//!
//! A finer encoding was tried and dropped: each attack's clauses under a
//! relaxation literal of its own, and each long clause weakened, when an
//! attacker is added, through a link from its old relaxation literal, so
//! that a change takes from the solver only what it learned from the
//! clauses changed. Answers were the same but solves were slower (16 to
//! 37 % more CPU time on complete semantics, 55 to 93 % on stable):
//! what the solver learns before a change helps little after it on these
//! frameworks, and the relaxation literals cost propagation.

//! # Answers without the solver
//!
//! *GE* is the grounded extension, computed again (linear time) after a
//! change when something needs it; an argument is *out* when *GE* attacks
//! it. Admissible sets never hold an argument out, and stay admissible
//! with *GE* added. Each rule below is exact:
//!
//! - **The grounded labelling.** An argument out is in no extension; one
//!   in *GE* is in every complete, preferred and stable extension (and
//!   *GE* is the complete certificate).
//! - **Witnesses.** The last extensions found (complete ones for complete
//!   and preferred semantics, stable ones for stable; at most 8) are
//!   checked again after a change. While one still is an extension it
//!   proves a credulous yes for its members and a sceptical no for the
//!   others. An argument added since a witness was last checked is put in
//!   it (unattacked when added, it is in every complete and stable
//!   extension of the framework it joined), one removed is taken out.
//!   Under preferred semantics a witness must also be preferred:
//!   a complete extension *W* is, if every argument outside it is refuted
//!   (below), out, attacked by *W* or attacks *W*, since a larger complete
//!   extension would add one that is none of these.
//! - **Witnesses checked where the changes were.** Read *W* as a
//!   labelling: in (*W*), out (attacked by *W*), undecided (the rest).
//!   *W* is complete exactly when each live argument *x* is *legal*: if
//!   in, no attacker is in and each attacker is out; if undecided, some
//!   attacker is not out. *W* is stable exactly when each live *x* is in
//!   or out, not both. Under complete semantics legality of *x* depends
//!   only on the attacks on *x* and on its attackers, and on which of
//!   *x*, its attackers and theirs are in *W*; under stable semantics,
//!   only on the attacks on *x* and on which of *x* and its attackers are
//!   in. Each change logs the arguments it *touched*: the target of an
//!   attack added or removed, the argument added, the argument removed
//!   and its targets. A change that touched neither *x* nor an attacker
//!   of *x* leaves all of that as it was: removing *r* takes *r* out of
//!   *W*, and *r*'s targets are touched; an argument added is put in *W*
//!   but attacks nothing until an attack touches its target; the attacks
//!   on an argument change only if it is touched. So a witness that was
//!   an extension when last checked is one now if every argument touched
//!   since, and (complete and preferred semantics) every target of one,
//!   is legal; the cost is that of the arguments around the changes, not
//!   of the framework. If not, or if the log was restarted since (it
//!   keeps about as many entries as there are arguments), the witness is
//!   checked in full (linear time), removed arguments put in for the
//!   check (they have no attacks, so they are legal in).
//! - **Repaired witnesses** (complete and preferred). A complete witness
//!   *W* that a change broke is replaced by the closure of the largest
//!   admissible set within it: first drop each member another member
//!   attacks (what is left, *W*₀, is conflict-free: none of its members
//!   has an attacker in *W* ⊇ *W*₀); then, while some member has an
//!   attacker the set does not attack, drop it. The fixpoint *A* is
//!   conflict-free and attacks every attacker of its members, so it is
//!   admissible, and its closure is a complete extension of the framework
//!   as it stands; every admissible subset of *W*₀ stays within *A* (by
//!   induction, its members are never dropped), so a change far from
//!   most of *W* keeps most of it. The witness is dropped if nothing is
//!   left. A repaired witness answers as any other, and is preferred only
//!   if it passes the check above.
//! - **Facts.** Preferred: a set *T* of undecided arguments
//!   no admissible set holds (*refuted*): *T* starts as the undecided
//!   arguments in no witness, and while a solve finds an admissible set
//!   holding one of *T* ("some *x* of *T* is in", under a switch), those
//!   leave *T* and its closure becomes a witness; the unsatisfiable solve
//!   proves the fact. Credulous questions on *T* are then answered no,
//!   and sceptical ones no with any preferred extension. Complete
//!   semantics proves no fact: a credulous question costs one solve
//!   anyway, and on 10⁴ arguments the cover cost more solves than the
//!   answers it gave saved (8.8 s of CPU time for the bench's sequence
//!   with facts, 6.0 s without). Stable: there is no stable extension,
//!   so every credulous answer is no and every sceptical one yes. It is
//!   proved by a question's own solve: a solve unsatisfiable under the
//!   guards and *x*_q (or ¬*x*_q) whose proof did not use *x*_q (the
//!   solver's failed assumptions) shows the guards alone unsatisfiable,
//!   that is, no stable extension. No solve is spent looking for one
//!   ahead of the question (that search found a stable extension in 114
//!   of 138 tries on the bench, each a solve the question then repeated).

//! # Facts kept across changes
//!
//! A fact proved for *F* is kept for the framework *F*′ after a change
//! when:
//!
//! 1. **Its proof is untouched.** The solver reports which guards the
//!    unsatisfiable solve used; if the change wrote none of their blocks
//!    again, the same clauses still refute the same question in *F*′
//!    (not if the proof used an argument's being out, which the change
//!    may undo: such a proof supports nothing).
//! 2. **The change cannot make new sets.** Adding *b* → *a*: an admissible
//!    set of *F*′ that is not one of *F* holds *b* (only *b* → *a* can
//!    defend it better), and so does a stable extension of *F*′ that is
//!    not one of *F*. Removing *b* → *a*: such a set holds *a* (only *a*
//!    lost an attacker); such a stable extension holds *a* and *b*. Call
//!    the argument named the *pivot* *p*. If *p* is out in *F*′ (stable,
//!    removing: or *b* is), nothing new exists. Also kept: *GE* unchanged
//!    and *b* or *a* out in both (then *S* ∪ *GE* is admissible in *F*
//!    for every admissible *S* of *F*′: the changed attack only touches
//!    what *GE* attacks anyway); stable, adding *b* → *a* with *a* out in
//!    *F* and *GE*(*F*) ⊆ *GE*(*F*′) (a stable extension of *F*′ holds
//!    *GE*(*F*), which attacks *a* in *F*). Adding an argument keeps every
//!    fact (it is unattacked and attacks nothing); removing one out in *F*
//!    does too (*GE* does not change, and *S* ∪ *GE* is admissible, or
//!    stable, in *F*).
//! 3. **The pivot is checked.** Otherwise, by 2, the fact holds in *F*′
//!    exactly when no admissible set (stable extension) of *F*′ holds the
//!    pivot: one solve with *x*_p assumed, made when the fact is next
//!    needed or before the next change. If it finds one, the model becomes
//!    a witness and the fact is forgotten.
//!
//! Removing an argument that is not out forgets the facts; the next
//! question that needs one proves it again. Under preferred
//! semantics, a fact forgotten after answering fewer than two questions
//! cost more solves than it saved (on frameworks where many arguments are
//! credulously accepted, pivots keep finding new sets): the next 16
//! questions (`BACKOFF`) go to the solver without proving one.
//! `tests/dynamic.rs` checks every answer and certificate against solving
//! from scratch, and that answers kept across changes, and answers from
//! repaired witnesses, occur ([`DynamicFramework::statistics`]).
//!
//! # The solver's questions
//!
//! Credulous acceptance under complete and stable semantics is one solve
//! with *x*_q assumed (complete: the admissible set found, grown to its
//! closure); under preferred semantics the model is grown to a
//! ⊆-maximal admissible set; sceptical stable acceptance is one solve
//! with ¬*x*_q. Sceptical preferred acceptance first looks for a preferred
//! extension holding an attacker of *q*, then runs the counter-example
//! guided loop of [`Framework::sceptical`], its exclusion clauses guarded
//! by a literal retired after the question (they hold for this framework
//! only). The loop starts with every witness that holds *q* excluded
//! (the clause "some argument outside *W* is in"): a preferred extension
//! *E* without *q* lies within no admissible set *W* holding *q*, since
//! *E* ⊆ *W* would make *E* = *W* by maximality, and *q* ∈ *W* \ *E*.
//! The loop then skips the sets within the witnesses (on the bench's
//! sequence, 7 % less CPU time on preferred semantics).

mod encoding;
mod facts;
mod framework;
mod questions;
mod statistics;
mod witnesses;

pub use framework::DynamicFramework;
pub use statistics::DynamicStatistics;
