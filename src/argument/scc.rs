//! Preferred semantics solved one strongly connected component at a time.
//!
//! SCC-recursiveness (Baroni, Giacomin and Guida, "SCC-recursiveness: a
//! general schema for argumentation semantics", *Artificial Intelligence*
//! 168, 2005) builds an extension along the condensation of the attack
//! graph: the components in topological order, each solved in the light of
//! what the earlier ones decided. Here it runs on the grounded core (the
//! arguments the grounded labelling leaves undecided, see `sat.rs`), with
//! the grounded extension fixed in.
//!
//! Let *E* be an admissible set and *S* a component, *E*< the part of *E*
//! in the components before *S*. Every attacker of an argument of *S*, and
//! every attacker of such an attacker, lies in *S* or before it, so the
//! part of an admissible set in a down-closed union of components is
//! admissible. For the arguments of *S*, the paper's three sets are:
//!
//! - *D*(*S*, *E*): attacked by *E*<. Never in; they need no answer.
//! - *P*(*S*, *E*): not in *D*, but attacked from before *S* by an
//!   argument that *E*< neither holds nor attacks. Never in (nothing can
//!   defend them), yet they still attack inside *S*.
//! - *U*(*S*, *E*): the rest.
//!
//! *E* is preferred if and only if, in every component *S*, *E* ∩ *S* is a
//! ⊆-maximal admissible set of the framework restricted to *S* \ *D* among
//! those inside *U* (the base function of preferred semantics in the
//! paper). One direction: were *E* ⊊ *E'* admissible, the first component
//! where they differ would hold a larger such set. The other: were *T* ⊋
//! *E* ∩ *S* such a set, *E* ∪ *T* would be admissible (a later member of
//! *E* attacked by *T* would need a defender attacking *T*, which lies in
//! *E*< or *E* ∩ *S* ⊆ *T*, a conflict), so *E* was not maximal.
//!
//! So one preferred extension is found by one small maximisation per
//! component instead of one over the whole core. Inside a component, a
//! linear pass first settles what the grounded labelling of the component
//! settles (an argument of *U* with no remaining attacker is in every such
//! maximal set, and what it attacks in none); only what is left goes to a
//! SAT solver of its own. Growing an admissible set *M* into a preferred
//! extension works the same way, each component's set required to hold
//! *M*'s part of it (it can: the union with *E*< stays admissible).
//!
//! Sceptical preferred acceptance of an argument *q* uses directionality
//! (Baroni and Giacomin, *Artificial Intelligence* 171, 2007): only the
//! components that can reach *q* matter. It is the counter-example guided
//! loop of the CEGAR solvers (Dvořák, Järvisalo, Wallner and Woltran,
//! "Complexity-sensitive decision procedures for abstract argumentation",
//! *Artificial Intelligence* 206, 2014): an admissible set without *q*
//! among those ancestors is grown component by component into a preferred
//! extension of the ancestors; in *q*'s own component the local problem is
//! asked for a maximal set without *q*. If that fails, the extension found
//! holds *q*, every set within it is ruled out, and the loop goes on. An
//! admissible set holding an attacker of *q* answers at once (crustabri's
//! early stop). When one component holds more than half of the ancestors,
//! the loop runs on one solver for all of them instead (as many small
//! solvers would rebuild that component for every candidate), and the
//! components serve only to extend its answer to the whole framework.
//!
//! On the structured families of BENCHMARKS.md ("Benchmark families"),
//! where the core splits into many components, this took SE-PR and DS-PR
//! from 0.1–5 s to 0.05–0.9 s.

use super::backend::Lit;
use super::framework::{Argument, Framework};
use super::grounded::Acceptance;
use super::sat::{Base, Core, Measure, Sat};

/// No local index: the argument is outside the component being settled.
const NONE: u32 = u32::MAX;

/// The strongly connected components of the core, in topological order of
/// the condensation: a component comes after every component that attacks it.
struct Components {
    /// The arguments (global indices) of all components, one after another.
    members: Vec<u32>,
    /// Where each component starts in `members`, and the end, last.
    starts: Vec<usize>,
}

impl Components {
    /// Tarjan's algorithm, iterative, on the arguments `keep` marks.
    fn of(framework: &Framework, keep: &[bool]) -> Components {
        let n = framework.len();
        let targets = framework.target_lists();
        let mut index = vec![NONE; n];
        let mut low = vec![0u32; n];
        let mut on_stack = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        let mut calls: Vec<(u32, usize)> = Vec::new();
        let mut next = 0u32;
        // Tarjan emits a component after every component it reaches: in
        // reverse topological order.
        let mut found: Vec<Vec<u32>> = Vec::new();
        for root in 0..n {
            if !keep[root] || index[root] != NONE {
                continue;
            }
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root as u32);
            on_stack[root] = true;
            calls.push((root as u32, 0));
            while let Some(&mut (v, ref mut position)) = calls.last_mut() {
                let v = v as usize;
                if let Some(&w) = targets[v].get(*position) {
                    *position += 1;
                    let w = w as usize;
                    if !keep[w] {
                        continue;
                    }
                    if index[w] == NONE {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w as u32);
                        on_stack[w] = true;
                        calls.push((w as u32, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(u, _)) = calls.last() {
                    low[u as usize] = low[u as usize].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w as usize] = false;
                        component.push(w);
                        if w as usize == v {
                            break;
                        }
                    }
                    found.push(component);
                }
            }
        }
        let mut members = Vec::with_capacity(found.iter().map(Vec::len).sum());
        let mut starts = Vec::with_capacity(found.len() + 1);
        for component in found.into_iter().rev() {
            starts.push(members.len());
            members.extend(component);
        }
        starts.push(members.len());
        Components { members, starts }
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn get(&self, c: usize) -> &[u32] {
        &self.members[self.starts[c]..self.starts[c + 1]]
    }
}

/// What the extension being built says of an argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// In a component not settled yet.
    Open,
    /// In the extension.
    In,
    /// Attacked by the extension.
    Out,
    /// Neither: an argument it neither holds nor attacks.
    Blocked,
}

/// What a component's own pass decides before any SAT call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Local {
    Open,
    In,
    Out,
}

/// One preferred extension under construction, component by component.
pub(crate) struct Recursion<'f> {
    framework: &'f Framework,
    components: Components,
    /// The component of each core argument (`NONE` outside the core).
    component: Vec<u32>,
    label: Vec<Label>,
    /// Scratch: the index inside the component being settled, else `NONE`.
    local: Vec<u32>,
}

impl<'f> Recursion<'f> {
    /// The components of the grounded core, nothing settled yet.
    pub(crate) fn new(framework: &'f Framework, grounded: &[Acceptance]) -> Recursion<'f> {
        let keep: Vec<bool> = grounded
            .iter()
            .map(|l| *l == Acceptance::Undecided)
            .collect();
        let components = Components::of(framework, &keep);
        let mut component = vec![NONE; framework.len()];
        for c in 0..components.len() {
            for &a in components.get(c) {
                component[a as usize] = c as u32;
            }
        }
        let label = grounded
            .iter()
            .map(|l| match l {
                Acceptance::In => Label::In,
                Acceptance::Out => Label::Out,
                Acceptance::Undecided => Label::Open,
            })
            .collect();
        Recursion {
            framework,
            components,
            component,
            label,
            local: vec![NONE; framework.len()],
        }
    }

    /// A preferred extension holding `seed` (an admissible set of the
    /// framework, as a mask over its arguments), or any preferred
    /// extension without a seed. Sorted.
    pub(crate) fn preferred(&mut self, seed: Option<&[bool]>) -> Vec<Argument> {
        for c in 0..self.components.len() {
            if self.label[self.components.get(c)[0] as usize] == Label::Open {
                self.settle(c, seed, None);
            }
        }
        self.extension()
    }

    /// A preferred extension without `query`, or `None` if every preferred
    /// extension holds it. `query` must be in the core.
    pub(crate) fn without(&mut self, query: Argument) -> Option<Vec<Argument>> {
        let ancestors = self.ancestors(query);
        let inside: Vec<usize> = (0..self.components.len())
            .filter(|&c| ancestors[self.components.get(c)[0] as usize])
            .collect();
        let home = self.component[query.index()] as usize;
        // One component holding most of the ancestors: nothing to gain by
        // components there, and one solver for them all does not build
        // that component's clauses again for every candidate.
        let size = |c: usize| self.components.get(c).len();
        let largest = inside.iter().map(|&c| size(c)).max().unwrap_or(0);
        let dominated = 2 * largest > inside.iter().map(|&c| size(c)).sum::<usize>();
        let part = Core::restricted(self.framework, &ancestors, Vec::new());
        let mut abstraction = Sat::new(part, Base::Admissible, false);
        // The query is among its own ancestors.
        let q = abstraction.x(abstraction.core().local(query)?);
        // An admissible set holding an attacker of the query: it grows
        // into a preferred extension that attacks the query.
        let attackers: Vec<Lit> = self
            .framework
            .attackers(query)
            .filter_map(|b| abstraction.core().local(b))
            .map(|l| abstraction.x(l))
            .collect();
        if !attackers.is_empty() {
            let switch = abstraction.fresh_switch();
            let mut clause = vec![!switch];
            clause.extend(attackers);
            abstraction.clause(clause);
            let found = abstraction.solve(&[switch]);
            abstraction.clause(vec![!switch]);
            if found && dominated {
                abstraction.maximize_once();
                self.adopt(&abstraction);
                return Some(self.preferred(None));
            }
            if found {
                let seed = self.mask(&abstraction.model_arguments());
                return Some(self.preferred(Some(&seed)));
            }
        }
        if dominated {
            if !abstraction.maximal(Measure::Members, Some(!q)) {
                return None;
            }
            self.adopt(&abstraction);
            return Some(self.preferred(None));
        }
        loop {
            if !abstraction.solve(&[!q]) {
                return None;
            }
            let seed = self.mask(&abstraction.model_arguments());
            for &c in &inside {
                for &a in self.components.get(c) {
                    self.label[a as usize] = Label::Open;
                }
            }
            for &c in &inside {
                let avoid = (c == home).then_some(query);
                self.settle(c, Some(&seed), avoid);
            }
            if self.label[query.index()] != Label::In {
                return Some(self.preferred(None));
            }
            // A preferred extension of the ancestors that holds the query:
            // no counter-example lies within it.
            let members: Vec<bool> = abstraction
                .core()
                .arguments()
                .map(|a| self.label[a.index()] == Label::In)
                .collect();
            abstraction.exclude_within(Measure::Members, &members);
        }
    }

    /// Takes the last model of a solver on a down-closed part of the core
    /// (the ancestors of a query), a preferred extension of that part, as
    /// the extension there; the rest stays open.
    fn adopt(&mut self, sat: &Sat) {
        for (a, &inside) in sat.core().arguments().zip(sat.model()) {
            self.label[a.index()] = if inside { Label::In } else { Label::Open };
        }
        for a in sat.core().arguments() {
            if self.label[a.index()] == Label::In {
                continue;
            }
            let attacked = self.framework.attacker_lists()[a.index()]
                .iter()
                .any(|&b| self.label[b as usize] == Label::In);
            self.label[a.index()] = if attacked { Label::Out } else { Label::Blocked };
        }
    }

    /// The core arguments that can reach `query` (it included).
    fn ancestors(&self, query: Argument) -> Vec<bool> {
        let mut keep = vec![false; self.framework.len()];
        keep[query.index()] = true;
        let mut stack = vec![query.index()];
        while let Some(a) = stack.pop() {
            for &b in self.framework.attacker_lists()[a].iter() {
                let b = b as usize;
                if self.component[b] != NONE && !keep[b] {
                    keep[b] = true;
                    stack.push(b);
                }
            }
        }
        keep
    }

    fn mask(&self, arguments: &[Argument]) -> Vec<bool> {
        let mut mask = vec![false; self.framework.len()];
        for a in arguments {
            mask[a.index()] = true;
        }
        mask
    }

    fn extension(&self) -> Vec<Argument> {
        (0..self.label.len())
            .filter(|&a| self.label[a] == Label::In)
            .map(|a| Argument::new(a as u32))
            .collect()
    }

    /// Settles component `c`: a ⊆-maximal admissible set of the component
    /// less *D*, inside *U* (see the module docs), holding the seed's part
    /// of it. With `avoid`, an argument of the component, one without it
    /// if there is one (any seed then ignored in the search, and used only
    /// if every such set holds it).
    fn settle(&mut self, c: usize, seed: Option<&[bool]>, avoid: Option<Argument>) {
        let framework = self.framework;
        let attackers = framework.attacker_lists();
        let targets = framework.target_lists();
        let members: Vec<u32> = self.components.get(c).to_vec();
        for (i, &a) in members.iter().enumerate() {
            self.local[a as usize] = i as u32;
        }
        let k = members.len();
        let mut state = vec![Local::Open; k];
        // Attacked from before the component by an argument neither in
        // nor out: never in.
        let mut excluded = vec![false; k];
        for (i, &a) in members.iter().enumerate() {
            for &b in attackers[a as usize].iter() {
                if self.local[b as usize] != NONE {
                    continue;
                }
                match self.label[b as usize] {
                    Label::In => state[i] = Local::Out,
                    Label::Blocked | Label::Open => excluded[i] = true,
                    Label::Out => {}
                }
            }
        }
        // The component's own grounded pass.
        let mut live = vec![0usize; k];
        for (i, &a) in members.iter().enumerate() {
            live[i] = attackers[a as usize]
                .iter()
                .filter(|&&b| {
                    let l = self.local[b as usize];
                    l != NONE && state[l as usize] != Local::Out
                })
                .count();
        }
        let mut queue: Vec<usize> = (0..k)
            .filter(|&i| state[i] == Local::Open && live[i] == 0 && !excluded[i])
            .collect();
        while let Some(i) = queue.pop() {
            if state[i] != Local::Open {
                continue;
            }
            state[i] = Local::In;
            for &t in targets[members[i] as usize].iter() {
                let j = self.local[t as usize];
                if j == NONE || state[j as usize] != Local::Open {
                    continue;
                }
                state[j as usize] = Local::Out;
                for &u in targets[t as usize].iter() {
                    let l = self.local[u as usize];
                    if l == NONE || state[l as usize] != Local::Open {
                        continue;
                    }
                    live[l as usize] -= 1;
                    if live[l as usize] == 0 && !excluded[l as usize] {
                        queue.push(l as usize);
                    }
                }
            }
        }
        let rest: Vec<usize> = (0..k).filter(|&i| state[i] == Local::Open).collect();
        if !rest.is_empty() {
            for i in self.solve_rest(&members, &rest, &excluded, seed, avoid) {
                state[i] = Local::In;
            }
        }
        // Labels: in, attacked by the extension, or neither.
        for i in 0..k {
            if state[i] == Local::In {
                self.label[members[i] as usize] = Label::In;
            }
        }
        for (i, &a) in members.iter().enumerate() {
            if state[i] == Local::In {
                continue;
            }
            let attacked = attackers[a as usize]
                .iter()
                .any(|&b| self.label[b as usize] == Label::In);
            self.label[a as usize] = if attacked { Label::Out } else { Label::Blocked };
        }
        for &a in &members {
            self.local[a as usize] = NONE;
        }
    }

    /// The SAT part of [`Recursion::settle`]: the arguments `rest` (indices
    /// into `members`) that the component's grounded pass left open, with
    /// the attacks among them. Returns the indices that go in.
    fn solve_rest(
        &self,
        members: &[u32],
        rest: &[usize],
        excluded: &[bool],
        seed: Option<&[bool]>,
        avoid: Option<Argument>,
    ) -> Vec<usize> {
        let attackers = self.framework.attacker_lists();
        let mut position = vec![NONE; members.len()];
        for (r, &i) in rest.iter().enumerate() {
            position[i] = r as u32;
        }
        let build = || {
            let args: Vec<u32> = rest.iter().map(|&i| members[i]).collect();
            let lists: Vec<Vec<u32>> = args
                .iter()
                .map(|&a| {
                    attackers[a as usize]
                        .iter()
                        .filter_map(|&b| {
                            let l = self.local[b as usize];
                            (l != NONE && position[l as usize] != NONE)
                                .then(|| position[l as usize])
                        })
                        .collect()
                })
                .collect();
            let mut sat = Sat::new(Core::listed(args, lists), Base::Admissible, false);
            for (r, &i) in rest.iter().enumerate() {
                if excluded[i] {
                    let x = sat.x(r);
                    sat.clause(vec![!x]);
                }
            }
            sat
        };
        let avoided = avoid.and_then(|q| {
            let l = self.local[q.index()];
            let r = position[l as usize];
            if r == NONE {
                return None;
            }
            let mut sat = build();
            let x = sat.x(r as usize);
            sat.maximal(Measure::Members, Some(!x)).then_some(sat)
        });
        let sat = match avoided {
            Some(sat) => sat,
            None => {
                let mut sat = build();
                if let Some(seed) = seed {
                    for (r, &i) in rest.iter().enumerate() {
                        if seed[members[i] as usize] {
                            let x = sat.x(r);
                            sat.clause(vec![x]);
                        }
                    }
                }
                // Always satisfiable: the empty set, or the seed's part.
                if sat.solve(&[]) {
                    sat.maximize_once();
                }
                sat
            }
        };
        sat.model()
            .iter()
            .enumerate()
            .filter(|(_, v)| **v)
            .map(|(r, _)| rest[r])
            .collect()
    }
}
