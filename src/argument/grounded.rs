//! The grounded labelling of an abstract argumentation framework (Dung 1995):
//! the least complete labelling, computed in linear time.

use std::collections::VecDeque;

use super::framework::Framework;
use super::labelling::Labelling;

/// Whether an argument (a claim) stands in the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Acceptance {
    /// Accepted: every attacker is defeated (or there is none).
    In,
    /// Undecided: neither accepted nor defeated (attack cycles leave claims here).
    Undecided,
    /// Defeated: some accepted claim attacks it.
    Out,
}

impl Acceptance {
    /// The share of a claim's weight that counts for what it asserts:
    /// 1 for in, ½ for undecided, 0 for out.
    pub fn weight(self) -> f64 {
        match self {
            Acceptance::In => 1.0,
            Acceptance::Undecided => 0.5,
            Acceptance::Out => 0.0,
        }
    }
}

names!(Acceptance, "acceptance", [
    In => "in",
    Undecided => "undecided",
    Out => "out",
]);

impl Framework {
    /// The grounded labelling: the least complete labelling, the sceptical
    /// core every complete extension contains.
    ///
    /// # Complexity
    /// O(n + attacks), iterative.
    pub fn grounded(&self) -> Labelling {
        Labelling::from_labels(grounded_labels(self.attacker_lists(), self.target_lists()))
    }
}

/// The grounded labels of arguments `0..n`, from each one's attackers and
/// targets: in once every attacker is out, out once an attacker is in, the
/// rest undecided. O(n + attacks), with a queue, no recursion.
pub(crate) fn grounded_labels<L: AsRef<[u32]>>(attackers: &[L], targets: &[L]) -> Vec<Acceptance> {
    grounded_labels_among(attackers, targets, None)
}

/// As [`grounded_labels`], on the arguments `present` marks only (all when
/// `None`): the others neither attack nor count, and are labelled out.
pub(crate) fn grounded_labels_among<L: AsRef<[u32]>>(
    attackers: &[L],
    targets: &[L],
    present: Option<&[bool]>,
) -> Vec<Acceptance> {
    let n = attackers.len();
    let here = |i: usize| present.is_none_or(|p| p[i]);
    let mut live: Vec<usize> = match present {
        None => attackers.iter().map(|a| a.as_ref().len()).collect(),
        Some(p) => attackers
            .iter()
            .map(|a| a.as_ref().iter().filter(|&&x| p[x as usize]).count())
            .collect(),
    };
    let mut label: Vec<Option<Acceptance>> = (0..n)
        .map(|i| (!here(i)).then_some(Acceptance::Out))
        .collect();
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| here(i) && live[i] == 0).collect();
    for &i in &queue {
        label[i] = Some(Acceptance::In);
    }
    while let Some(accepted) = queue.pop_front() {
        for &defeated in targets[accepted].as_ref() {
            let defeated = defeated as usize;
            if label[defeated].is_some() {
                continue;
            }
            label[defeated] = Some(Acceptance::Out);
            for &next in targets[defeated].as_ref() {
                let next = next as usize;
                live[next] -= 1;
                if live[next] == 0 && label[next].is_none() {
                    label[next] = Some(Acceptance::In);
                    queue.push_back(next);
                }
            }
        }
    }
    label
        .into_iter()
        .map(|l| l.unwrap_or(Acceptance::Undecided))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::argument::Argument;
    use Acceptance::*;

    fn labels(n: usize, attacks: &[(u32, u32)]) -> Vec<Acceptance> {
        let mut af = Framework::with_arguments(n);
        for &(a, b) in attacks {
            af.add_attack(Argument::new(a), Argument::new(b))
                .expect("in range");
        }
        af.grounded().labels().to_vec()
    }

    #[test]
    fn chains_cycles_reinstatement_and_self_attacks() {
        // 0 -> 1 -> 2: 0 in, 1 out, 2 reinstated.
        assert_eq!(labels(3, &[(0, 1), (1, 2)]), [In, Out, In]);
        // 0 <-> 1, 1 -> 2: all undecided.
        assert_eq!(
            labels(3, &[(0, 1), (1, 0), (1, 2)]),
            [Undecided, Undecided, Undecided]
        );
        // An unattacked attacker breaks the cycle: 2 -> 1, 0 <-> 1.
        assert_eq!(labels(3, &[(0, 1), (1, 0), (2, 1)]), [In, Out, In]);
        // A self-attacker is undecided, and so is what it alone attacks.
        assert_eq!(labels(2, &[(0, 0), (0, 1)]), [Undecided, Undecided]);
    }
}
