//! The grounded labelling of an abstract argumentation framework (Dung 1995):
//! the least complete labelling, computed in linear time.

use std::collections::VecDeque;

use super::framework::Framework;
use super::labelling::Labelling;

/// Whether an argument (a claim) stands in the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
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

    /// `in`, `undecided` or `out`.
    pub fn as_str(self) -> &'static str {
        match self {
            Acceptance::In => "in",
            Acceptance::Undecided => "undecided",
            Acceptance::Out => "out",
        }
    }
}

/// The grounded labelling of arguments `0..attackers.len()`, where
/// `attackers[i]` lists the arguments attacking `i` (each index below the
/// length; repeats allowed).
///
/// An argument is in once all its attackers are out, out once an attacker is
/// in; what is left is undecided. Each attack is looked at a bounded number
/// of times: O(arguments + attacks), no recursion.
pub(crate) fn grounded_labelling(attackers: &[Vec<usize>]) -> Vec<Acceptance> {
    let attackers: Vec<Vec<u32>> = attackers
        .iter()
        .map(|list| list.iter().map(|&a| a as u32).collect())
        .collect();
    let mut targets: Vec<Vec<u32>> = vec![Vec::new(); attackers.len()];
    for (target, list) in attackers.iter().enumerate() {
        for &attacker in list {
            targets[attacker as usize].push(target as u32);
        }
    }
    grounded_labelling_u32(&attackers, &targets)
}

impl Framework {
    /// The grounded labelling: the least complete labelling, the sceptical
    /// core every complete extension contains.
    ///
    /// # Complexity
    /// O(n + attacks), iterative.
    pub fn grounded(&self) -> Labelling {
        Labelling::from_labels(grounded_labelling_u32(
            self.attacker_lists(),
            self.target_lists(),
        ))
    }
}

/// As [`grounded_labelling`], over attacker and target lists the caller has.
pub(crate) fn grounded_labelling_u32(
    attackers: &[Vec<u32>],
    targets: &[Vec<u32>],
) -> Vec<Acceptance> {
    let n = attackers.len();
    let mut live: Vec<usize> = attackers.iter().map(Vec::len).collect();
    let mut label: Vec<Option<Acceptance>> = vec![None; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| live[i] == 0).collect();
    for &i in &queue {
        label[i] = Some(Acceptance::In);
    }
    while let Some(accepted) = queue.pop_front() {
        for &defeated in &targets[accepted] {
            let defeated = defeated as usize;
            if label[defeated].is_some() {
                continue;
            }
            label[defeated] = Some(Acceptance::Out);
            for &next in &targets[defeated] {
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
    use Acceptance::*;

    #[test]
    fn chains_cycles_and_reinstatement() {
        // 0 -> 1 -> 2: 0 in, 1 out, 2 reinstated.
        assert_eq!(
            grounded_labelling(&[vec![], vec![0], vec![1]]),
            [In, Out, In]
        );
        // 0 <-> 1, 1 -> 2: all undecided.
        assert_eq!(
            grounded_labelling(&[vec![1], vec![0], vec![1]]),
            [Undecided, Undecided, Undecided]
        );
        // An unattacked attacker breaks the cycle: 2 -> 1, 0 <-> 1.
        assert_eq!(
            grounded_labelling(&[vec![1], vec![0, 2], vec![]]),
            [In, Out, In]
        );
    }

    #[test]
    fn repeated_attacks_count_once_each() {
        // 1 attacked twice by 0 (out), 2 attacked by 1 twice.
        assert_eq!(
            grounded_labelling(&[vec![], vec![0, 0], vec![1, 1]]),
            [In, Out, In]
        );
    }
}
