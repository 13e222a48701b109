//! The ideal extension (Dung, Mancarella and Toni 2007): the largest
//! admissible set contained in every preferred extension.
//!
//! It is computed with the characterization of Dunne (2009, "The
//! computational complexity of ideal semantics", *Artificial Intelligence*
//! 173): let *C* be the credulously accepted arguments (those in some
//! admissible set, equivalently in some preferred extension), and *T* the
//! members of *C* that no member of *C* attacks. The ideal extension is the
//! largest admissible subset of *T*.
//!
//! Why: an argument in every preferred extension cannot be attacked by a
//! credulously accepted one (that one's preferred extension would hold
//! both), so the ideal extension lies in *T*. Conversely, an admissible
//! *X* ⊆ *T* joins every preferred extension *P*: *P* cannot attack *X*
//! (its members are credulously accepted), and *X* cannot attack *P*
//! (*P* would have to attack back), so *X* ∪ *P* is admissible and, *P*
//! being maximal, contains *X*.
//!
//! *C* takes SAT calls on the arguments the grounded labelling leaves
//! undecided ([`Sat::covered`]); the grounded-in arguments are in *C* and
//! the grounded-out ones are not. The largest admissible subset of *T* is
//! then found in linear time, by removing from *T* every argument with an
//! attacker that what is left no longer attacks, until nothing changes
//! (the admissible subsets of *T* are closed under union, so the greatest
//! fixpoint is the largest of them).

use super::framework::{Argument, Framework};
use super::grounded::Acceptance;
use super::sat::{Base, Core, Sat};

/// The ideal extension, sorted, given the grounded labelling.
pub(crate) fn ideal_extension(framework: &Framework, grounded: &[Acceptance]) -> Vec<Argument> {
    let mut sat = Sat::new(
        Core::undecided(framework, grounded),
        Base::Admissible,
        false,
    );
    let covered = sat.covered();
    let n = framework.len();
    let credulous: Vec<bool> = (0..n)
        .map(|a| match grounded[a] {
            Acceptance::In => true,
            Acceptance::Out => false,
            Acceptance::Undecided => sat
                .core()
                .local(Argument::new(a as u32))
                .is_some_and(|l| covered[l]),
        })
        .collect();
    let attackers = framework.attacker_lists();
    let targets = framework.target_lists();
    let mut inside: Vec<bool> = (0..n)
        .map(|a| credulous[a] && !attackers[a].iter().any(|&b| credulous[b as usize]))
        .collect();
    // hits[b]: how many members of the set attack b.
    let mut hits: Vec<usize> = attackers
        .iter()
        .map(|list| list.iter().filter(|&&a| inside[a as usize]).count())
        .collect();
    let undefended = |x: usize, hits: &[usize]| attackers[x].iter().any(|&b| hits[b as usize] == 0);
    let mut queue: Vec<usize> = (0..n)
        .filter(|&x| inside[x] && undefended(x, &hits))
        .collect();
    while let Some(x) = queue.pop() {
        if !inside[x] {
            continue;
        }
        inside[x] = false;
        for &b in &targets[x] {
            let b = b as usize;
            hits[b] -= 1;
            if hits[b] == 0 {
                queue.extend(
                    targets[b]
                        .iter()
                        .map(|&z| z as usize)
                        .filter(|&z| inside[z]),
                );
            }
        }
    }
    (0..n)
        .filter(|&a| inside[a])
        .map(|a| Argument::new(a as u32))
        .collect()
}
