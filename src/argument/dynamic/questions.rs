//! The questions: acceptance and one extension, answered by the grounded
//! labelling, a witness, a fact, or the solver.

use super::super::backend::Lit;
use super::super::extensions::{Decision, Semantics};
use super::super::framework::Argument;
use super::super::grounded::Acceptance;
use super::DynamicFramework;
use crate::error::Result;

impl DynamicFramework {
    /// Grows the last model (its closure) to a ⊆-maximal admissible set,
    /// a preferred extension, under `extra` assumptions; returns it. The growth clauses are
    /// guarded by a literal retired at the end.
    pub(super) fn maximize(&mut self, extra: &[Lit]) -> Vec<bool> {
        let mut set = self.model();
        let switch = self.encoding.fresh();
        loop {
            let mut assumptions = vec![switch];
            assumptions.extend_from_slice(extra);
            assumptions.extend(
                (0..set.len())
                    .filter(|&a| set[a])
                    .map(|a| self.encoding.x(a)),
            );
            let mut grow = vec![!switch];
            grow.extend(
                (0..set.len())
                    .filter(|&a| !set[a] && self.alive[a])
                    .map(|a| self.encoding.x(a)),
            );
            if grow.len() == 1 {
                break;
            }
            self.clause(&grow);
            if !self.solve(&assumptions) {
                break;
            }
            set = self.model();
        }
        self.clause(&[!switch]);
        set
    }

    /// A preferred extension: a witness still preferred, or one grown
    /// from a new model.
    pub(super) fn preferred(&mut self) -> Vec<Argument> {
        self.fact();
        if let Some(extension) = self.witness(|_| true) {
            return extension;
        }
        // The empty set is admissible: there is a complete extension.
        self.solve(&[]);
        let set = self.maximize(&[]);
        self.keep_witness(&set);
        Self::extension_of(&set)
    }

    /// One extension of the semantics, or `None` if there is none (only
    /// stable semantics can have none).
    pub fn extension(&mut self) -> Option<Vec<Argument>> {
        self.statistics.questions += 1;
        match self.semantics {
            Semantics::Grounded | Semantics::Complete => Some(Self::extension_of(&self.grounded())),
            Semantics::Preferred => Some(self.preferred()),
            _ => {
                if let Some(w) = self.witness(|_| true) {
                    return Some(w);
                }
                if self.no_stable() {
                    return None;
                }
                if !self.solve(&[]) {
                    self.no_stable_proved(None);
                    return None;
                }
                let model = self.model();
                self.keep_witness(&model);
                Some(Self::extension_of(&model))
            }
        }
    }

    /// Whether `argument` is in some extension, with one containing it as
    /// certificate (see [`Framework::credulous`](crate::Framework::credulous)).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`](crate::Error::UnknownArgument) if it is not there.
    pub fn credulous(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        self.statistics.questions += 1;
        let label = self.label(a);
        if self.semantics == Semantics::Grounded
            || (self.semantics == Semantics::Complete && label == Acceptance::In)
        {
            return Ok(self.grounded_decision(a));
        }
        if label == Acceptance::Out {
            return Ok(Decision::no(None));
        }
        if self.semantics == Semantics::Preferred {
            self.fact();
        }
        if let Some(w) = self.witness(|m| m[a]) {
            return Ok(Decision::yes(Some(w)));
        }
        let rejected = match self.semantics {
            Semantics::Stable => self.no_stable(),
            _ => self.refuted(a),
        };
        if rejected {
            return Ok(Decision::no(None));
        }
        if self.semantics != Semantics::Stable
            && let Some(w) = self.witness(|m| m[a])
        {
            return Ok(Decision::yes(Some(w)));
        }
        let x = self.encoding.x(a);
        if !self.solve(&[x]) {
            if self.semantics == Semantics::Stable {
                self.no_stable_proved(Some(x));
            }
            return Ok(Decision::no(None));
        }
        let set = match self.semantics {
            Semantics::Preferred => self.maximize(&[]),
            _ => self.model(),
        };
        self.keep_witness(&set);
        Ok(Decision::yes(Some(Self::extension_of(&set))))
    }

    /// Whether `argument` is in every extension, with one without it as
    /// certificate when it is not (see [`Framework::sceptical`](crate::Framework::sceptical)).
    ///
    /// # Errors
    /// [`Error::UnknownArgument`](crate::Error::UnknownArgument) if it is not there.
    pub fn sceptical(&mut self, argument: Argument) -> Result<Decision> {
        let a = self.check(argument)?;
        self.statistics.questions += 1;
        if matches!(self.semantics, Semantics::Grounded | Semantics::Complete) {
            return Ok(self.grounded_decision(a));
        }
        if self.label(a) == Acceptance::In {
            // In every complete extension, so in every preferred and
            // stable one.
            return Ok(Decision::yes(None));
        }
        if self.semantics == Semantics::Preferred {
            self.fact();
        }
        if let Some(w) = self.witness(|m| !m[a]) {
            return Ok(Decision::no(Some(w)));
        }
        if self.semantics == Semantics::Stable {
            if self.no_stable() {
                return Ok(Decision::yes(None));
            }
            let x = self.encoding.x(a);
            return Ok(if self.solve(&[!x]) {
                let model = self.model();
                self.keep_witness(&model);
                Decision::no(Some(Self::extension_of(&model)))
            } else {
                self.no_stable_proved(Some(!x));
                Decision::yes(None)
            });
        }
        if self.label(a) == Acceptance::Out || self.refuted(a) {
            // In no preferred extension: any one proves it.
            return Ok(Decision::no(Some(self.preferred())));
        }
        Ok(self.sceptical_preferred(a))
    }

    /// A preferred extension holding an attacker of the argument, if an
    /// admissible set does (the early stop of
    /// [`Framework::sceptical`](crate::Framework::sceptical)); otherwise
    /// counter-example guided: an admissible set without the argument,
    /// grown to a preferred extension; if that one holds the argument,
    /// every set within it is excluded (under a switch retired at the end,
    /// as the exclusions hold for this framework only) and the search goes
    /// on.
    pub(super) fn sceptical_preferred(&mut self, a: usize) -> Decision {
        let attackers: Vec<Lit> = self.framework.attacker_lists()[a]
            .iter()
            .map(|&b| self.encoding.x(b as usize))
            .collect();
        let x = self.encoding.x(a);
        let switch = self.encoding.fresh();
        let mut some = vec![!switch];
        some.extend(attackers);
        self.clause(&some);
        let attacked = self.solve(&[switch]);
        let answer = if attacked {
            let preferred = self.maximize(&[switch]);
            self.keep_witness(&preferred);
            Some(Decision::no(Some(Self::extension_of(&preferred))))
        } else {
            None
        };
        self.clause(&[!switch]);
        if let Some(answer) = answer {
            return answer;
        }
        let switch = self.encoding.fresh();
        // A preferred extension without the argument lies within no
        // admissible set holding it: each witness holding it is excluded
        // from the start.
        self.check_witnesses();
        let holding: Vec<Vec<bool>> = self
            .witnesses
            .iter()
            .filter(|w| w.set.get(a).copied().unwrap_or(false))
            .map(|w| w.set.clone())
            .collect();
        self.statistics.excluded += holding.len() as u64;
        for set in &holding {
            let exclude = self.exclusion(switch, set);
            self.clause(&exclude);
        }
        let answer = loop {
            if !self.solve(&[switch, !x]) {
                break Decision::yes(None);
            }
            let preferred = self.maximize(&[switch]);
            self.keep_witness(&preferred);
            if !preferred[a] {
                break Decision::no(Some(Self::extension_of(&preferred)));
            }
            let exclude = self.exclusion(switch, &preferred);
            self.clause(&exclude);
        };
        self.clause(&[!switch]);
        answer
    }

    /// "Some live argument outside `set` is in", under `switch`: excludes
    /// every subset of `set`.
    fn exclusion(&self, switch: Lit, set: &[bool]) -> Vec<Lit> {
        let mut clause = vec![!switch];
        clause.extend(
            (0..self.alive.len())
                .filter(|&b| self.alive[b] && !set.get(b).copied().unwrap_or(false))
                .map(|b| self.encoding.x(b)),
        );
        clause
    }

    pub(super) fn grounded_decision(&mut self, a: usize) -> Decision {
        let grounded = self.grounded();
        let extension = Self::extension_of(&grounded);
        if grounded[a] {
            Decision::yes(Some(extension))
        } else {
            Decision::no(Some(extension))
        }
    }
}
