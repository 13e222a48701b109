//! The relations of the native reader, kept as Argdown's model builder keeps
//! them: each end is an object with its own list of relations, relations the
//! model has already are dropped, and once the map is read, relations of
//! reconstructed arguments move to their conclusions and inferences, strict
//! mode renames relations between statements, and attacks on an argument
//! that repeat an attack on one of its premises are dropped.

use std::collections::HashMap;

use super::json::{PcsJson, RelationJson};

/// An end of a relation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum End {
    Statement(String),
    Argument(String),
    /// The inference to the conclusion at this place of the argument's pcs.
    Inference(String, usize),
}

impl End {
    /// The title, JSON type and conclusion index Argdown exports for it.
    fn json(&self) -> (&str, &'static str, Option<usize>) {
        match self {
            End::Statement(t) => (t, "equivalence-class", None),
            End::Argument(t) => (t, "argument", None),
            End::Inference(t, at) => (t, "inference", Some(*at)),
        }
    }
}

#[derive(Debug, Clone)]
struct Relation {
    kind: &'static str,
    from: End,
    to: End,
}

/// The relations read so far, with each end's list.
#[derive(Debug, Default)]
pub(super) struct Relations {
    all: Vec<Relation>,
    /// The relations of the model, in order (indices into `all`).
    model: Vec<usize>,
    lists: HashMap<End, Vec<usize>>,
}

impl Relations {
    /// Adds a relation as the model builder does: unless the source's list
    /// has one of the same kind to the same target, or the same
    /// contradiction the other way.
    pub(super) fn add(&mut self, kind: &'static str, from: End, to: End) {
        let known = self.list(&from).iter().any(|&r| {
            let r = &self.all[r];
            (r.to == to && r.kind == kind)
                || (kind == "contradictory" && r.kind == kind && r.from == to && r.to == from)
        });
        if known {
            return;
        }
        let id = self.all.len();
        self.all.push(Relation {
            kind,
            from: from.clone(),
            to: to.clone(),
        });
        self.model.push(id);
        self.lists.entry(from).or_default().push(id);
        self.lists.entry(to).or_default().push(id);
    }

    fn list(&self, end: &End) -> &[usize] {
        self.lists.get(end).map_or(&[], Vec::as_slice)
    }

    /// Removes `id` from an end's list as JavaScript's
    /// `list.splice(list.indexOf(id), 1)` does: the last entry when `id` is
    /// not there.
    fn unlist(&mut self, end: &End, id: usize) {
        if let Some(list) = self.lists.get_mut(end) {
            match list.iter().position(|&r| r == id) {
                Some(at) => {
                    list.remove(at);
                }
                None => {
                    list.pop();
                }
            }
        }
    }

    /// The model's relations once the map is read, as Argdown exports them.
    /// `pcs` gives the structure of each reconstructed argument.
    pub(super) fn settle(
        mut self,
        pcs: &HashMap<String, &[PcsJson]>,
        strict: bool,
    ) -> Vec<RelationJson> {
        let mut kept = self.move_to_reconstructions(pcs);
        if strict {
            kept = self.strict_names(kept);
        }
        let settled = self.without_repeated_attacks(kept, pcs);
        settled.into_iter().map(|id| self.export(id)).collect()
    }

    /// Relations of reconstructed arguments: from the conclusion, and
    /// undercuts to the inference of the main conclusion. Returns the
    /// relations kept, in order: a relation the new end already has is
    /// dropped.
    fn move_to_reconstructions(&mut self, pcs: &HashMap<String, &[PcsJson]>) -> Vec<usize> {
        let mut kept = Vec::new();
        for id in std::mem::take(&mut self.model) {
            let start_kept = self.start_at_conclusion(id, pcs);
            let aim_kept = self.aim_at_inference(id, pcs);
            if start_kept && aim_kept {
                kept.push(id);
            }
        }
        kept
    }

    /// Moves the start of relation `id` from a reconstructed argument to
    /// its conclusion; false when the conclusion has that relation already.
    fn start_at_conclusion(&mut self, id: usize, pcs: &HashMap<String, &[PcsJson]>) -> bool {
        let from = self.all[id].from.clone();
        let Some(steps) = reconstructed(pcs, &from) else {
            return true;
        };
        self.unlist(&from, id);
        let conclusion = End::Statement(steps.last().map_or(String::new(), |s| s.title.clone()));
        self.all[id].from = conclusion.clone();
        let (to, kind) = (self.all[id].to.clone(), self.all[id].kind);
        let known = self
            .list(&conclusion)
            .iter()
            .any(|&r| self.all[r].to == to && self.all[r].kind == kind);
        if known {
            self.unlist(&to, id);
            false
        } else {
            self.lists.entry(conclusion).or_default().push(id);
            true
        }
    }

    /// Aims an undercut of a reconstructed argument at the inference to its
    /// main conclusion; false when the inference has that relation already.
    fn aim_at_inference(&mut self, id: usize, pcs: &HashMap<String, &[PcsJson]>) -> bool {
        let to = self.all[id].to.clone();
        let (Some(steps), "undercut", End::Argument(title)) =
            (reconstructed(pcs, &to), self.all[id].kind, &to)
        else {
            return true;
        };
        let inference = End::Inference(title.clone(), steps.len().saturating_sub(1));
        self.all[id].to = inference.clone();
        self.unlist(&inference, id);
        let (from, kind) = (self.all[id].from.clone(), self.all[id].kind);
        let known = self
            .list(&inference)
            .iter()
            .any(|&r| self.all[r].from == from && self.all[r].kind == kind);
        if known {
            self.unlist(&from, id);
            false
        } else {
            self.lists.entry(inference).or_default().push(id);
            true
        }
    }

    /// Strict mode: a support between statements is `entails`, an attack
    /// `contrary`, unless that contrariety is there already (then it is
    /// dropped).
    fn strict_names(&mut self, kept: Vec<usize>) -> Vec<usize> {
        let mut renamed = Vec::new();
        for id in kept {
            let (from, to) = (self.all[id].from.clone(), self.all[id].to.clone());
            let both = matches!((&from, &to), (End::Statement(_), End::Statement(_)));
            match (both, self.all[id].kind) {
                (true, "support") => self.all[id].kind = "entails",
                (true, "attack") => {
                    let known = self.list(&from).iter().any(|&r| {
                        let r = &self.all[r];
                        r.kind == "contrary"
                            && ((r.from == from && r.to == to) || (r.from == to && r.to == from))
                    });
                    if known {
                        self.unlist(&from, id);
                        self.unlist(&to, id);
                        continue;
                    }
                    self.all[id].kind = "contrary";
                }
                _ => {}
            }
            renamed.push(id);
        }
        renamed
    }

    /// Drops an attack on an argument that repeats its source's attack on
    /// (or contradiction of) one of the argument's premises.
    fn without_repeated_attacks(
        &mut self,
        kept: Vec<usize>,
        pcs: &HashMap<String, &[PcsJson]>,
    ) -> Vec<usize> {
        let mut settled = Vec::new();
        for id in kept {
            let relation = self.all[id].clone();
            if let (End::Statement(_), "attack", End::Argument(title)) =
                (&relation.from, relation.kind, &relation.to)
            {
                let steps = pcs.get(title).copied().unwrap_or_default();
                let source = &relation.from;
                let repeated = self.list(source).iter().any(|&r| {
                    let other = &self.all[r];
                    let far = if &other.from == source {
                        &other.to
                    } else {
                        &other.from
                    };
                    let End::Statement(far_title) = far else {
                        return false;
                    };
                    let fitting = (other.kind == "attack" && &other.from == source)
                        || other.kind == "contradictory"
                        || other.kind == "contrary";
                    fitting
                        && steps
                            .iter()
                            .any(|s| &s.title == far_title && s.role == "premise")
                });
                if repeated {
                    self.unlist(&relation.from, id);
                    self.unlist(&relation.to, id);
                    continue;
                }
            }
            settled.push(id);
        }
        settled
    }

    /// Relation `id` as Argdown exports it.
    fn export(&self, id: usize) -> RelationJson {
        let relation = &self.all[id];
        let (from, from_type, _) = relation.from.json();
        let (to, to_type, conclusion) = relation.to.json();
        RelationJson {
            relation: relation.kind.to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
            from_type: from_type.to_owned(),
            to_type: to_type.to_owned(),
            conclusion,
        }
    }
}

/// The structure of `end`, if it is an argument with one.
fn reconstructed<'p>(pcs: &HashMap<String, &'p [PcsJson]>, end: &End) -> Option<&'p [PcsJson]> {
    match end {
        End::Argument(title) => pcs.get(title).filter(|steps| !steps.is_empty()).copied(),
        _ => None,
    }
}
