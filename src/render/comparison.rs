//! A comparison as a picture: the event, its explanations with verdict and
//! score, and the claims for and against each, with the attacks on them.

use std::collections::HashMap;

use super::map::{Families, claim_node};
use super::options::PictureOptions;
use super::scene::{Edge, EdgeKind, Head, Key, Node, Scene, Shape, Stroke};
use super::text::{ATTACK, INK, Rgb, SUPPORT, clean, signed, wrap};
use crate::argument::Acceptance;
use crate::graph::{Corpus, Node as Entity};
use crate::model::{AttackKind, ClaimId, ExplanationId};
use crate::query::{Comparison, Standing, Verdict};

fn verdict_stroke(verdict: Verdict) -> Stroke {
    match verdict {
        Verdict::Supported => Stroke::Bold,
        Verdict::Contested => Stroke::Dotted,
        Verdict::Rejected => Stroke::Dashed,
        Verdict::Unaddressed => Stroke::Solid,
    }
}

/// What the comparison's picture is built from, and the claims drawn so
/// far (by id, their node).
struct Builder<'a> {
    corpus: &'a Corpus,
    options: &'a PictureOptions,
    families: Families,
    scene: Scene,
    claims: HashMap<ClaimId, usize>,
}

pub(crate) fn scene(corpus: &Corpus, comparison: &Comparison, options: &PictureOptions) -> Scene {
    let name = clean(comparison.event_name());
    let mut b = Builder {
        corpus,
        options,
        families: Families::new(corpus),
        scene: Scene {
            title: format!("Explanations of {name}"),
            left_to_right: true,
            ..Scene::default()
        },
        claims: HashMap::new(),
    };
    let event = b.scene.node(event_node(corpus, comparison, &name, options));
    let mut attacks: Vec<(ClaimId, ClaimId, AttackKind)> = Vec::new();
    let mut explanations: Vec<ExplanationId> = Vec::new();
    for (rank, standing) in comparison.standings().iter().enumerate() {
        explanations.push(standing.id());
        let x = b.explanation(rank, standing, event);
        if options.claims() {
            b.claims_of(standing, x, &mut attacks);
        }
    }
    b.attackers(comparison, attacks);
    for &c in b.claims.keys() {
        if let Some(x) = corpus.explanation_of(c) {
            explanations.push(x);
        }
    }
    explanations.sort_unstable();
    let mut scene = b.scene;
    scene.legend = b.families.legend(corpus, explanations);
    scene.legend.extend(legend(options.claims()));
    scene
}

/// The event's box, with its date.
fn event_node(
    corpus: &Corpus,
    comparison: &Comparison,
    name: &str,
    options: &PictureOptions,
) -> Node {
    let when = corpus
        .event(comparison.event())
        .and_then(|e| e.when())
        .map(|w| w.to_string());
    Node {
        entity: Entity::Event(comparison.event()),
        key: comparison.event_key().to_owned(),
        id: format!("event{}", comparison.event().index()),
        caption: Some(match &when {
            Some(when) => format!("event · {when}"),
            None => "event".to_owned(),
        }),
        lines: wrap(name, options.wrap()),
        fill: Rgb(0xFF, 0xFF, 0xFF),
        shape: Shape::Double,
        border: Stroke::Solid,
        faded: false,
        tooltip: format!("{}: {name}", comparison.event_key()),
        cluster: None,
    }
}

impl Builder<'_> {
    /// An explanation's box, with its rank, verdict and score, and its
    /// arrow to the event; returns its node.
    fn explanation(&mut self, rank: usize, standing: &Standing, event: usize) -> usize {
        let x = self.scene.node(Node {
            entity: Entity::Explanation(standing.id()),
            key: standing.explanation_key().to_owned(),
            id: format!("explanation{}", standing.id().index()),
            caption: Some(format!(
                "#{} · {} · {}",
                rank + 1,
                standing.verdict(),
                signed(standing.score())
            )),
            lines: wrap(standing.name(), self.options.wrap()),
            fill: self.families.colour(self.corpus, standing.id()),
            shape: Shape::Rounded,
            border: verdict_stroke(standing.verdict()),
            faded: false,
            tooltip: format!(
                "{}: {} {} (for {:.2}, against {:.2})",
                standing.explanation_key(),
                standing.verdict(),
                signed(standing.score()),
                standing.pro(),
                standing.con()
            ),
            cluster: None,
        });
        self.scene.edges.push(Edge {
            from: x,
            to: event,
            kind: EdgeKind::Verdict(standing.verdict()),
            colour: INK,
            stroke: verdict_stroke(standing.verdict()),
            head: Head::Normal,
            tooltip: format!("{}: {}", standing.name(), standing.verdict()),
        });
        x
    }

    /// The claims for and against an explanation, each drawn once, with
    /// their arrows to it; the attacks on them (replies aside) are noted
    /// in `attacks`.
    fn claims_of(
        &mut self,
        standing: &Standing,
        x: usize,
        attacks: &mut Vec<(ClaimId, ClaimId, AttackKind)>,
    ) {
        let sides = [(standing.supporting(), true), (standing.opposing(), false)];
        for (entries, affirms) in sides {
            for entry in entries {
                let c = match self.claims.get(&entry.id()) {
                    Some(&c) => c,
                    None => {
                        let node = claim_node(
                            self.corpus,
                            &self.families,
                            entry.id(),
                            Some(entry.acceptance()),
                            self.options.wrap(),
                        );
                        let c = self.scene.node(node);
                        self.claims.insert(entry.id(), c);
                        c
                    }
                };
                self.scene.edges.push(Edge {
                    from: c,
                    to: x,
                    kind: if affirms {
                        EdgeKind::Supporting
                    } else {
                        EdgeKind::Opposing
                    },
                    colour: if affirms { SUPPORT } else { ATTACK },
                    stroke: if affirms {
                        Stroke::Dashed
                    } else {
                        Stroke::Solid
                    },
                    head: if affirms { Head::Normal } else { Head::Tee },
                    tooltip: format!(
                        "{} {} {}",
                        entry.key(),
                        entry.polarity(),
                        standing.explanation_key()
                    ),
                });
                for attacker in entry.attacked_by().iter().filter(|a| !a.is_reply()) {
                    attacks.push((attacker.id(), entry.id(), attacker.kind()));
                }
            }
        }
    }

    /// The attackers behind the claims' standing, with their own
    /// acceptance, and their attacks.
    fn attackers(
        &mut self,
        comparison: &Comparison,
        mut attacks: Vec<(ClaimId, ClaimId, AttackKind)>,
    ) {
        let corpus = self.corpus;
        attacks.sort();
        attacks.dedup();
        let acceptance_of: HashMap<&str, Acceptance> = comparison
            .standings()
            .iter()
            .flat_map(|s| s.supporting().iter().chain(s.opposing()))
            .flat_map(|e| e.attacked_by().iter().map(|a| (a.key(), a.acceptance())))
            .collect();
        for (attacker, target, kind) in attacks {
            let Some(&to) = self.claims.get(&target) else {
                continue;
            };
            let from = match self.claims.get(&attacker) {
                Some(&from) => from,
                None => {
                    let key = corpus.name_of(attacker);
                    let acceptance = acceptance_of.get(key.as_str()).copied();
                    let wrap_at = self.options.wrap();
                    let node = claim_node(corpus, &self.families, attacker, acceptance, wrap_at);
                    let from = self.scene.node(node);
                    self.claims.insert(attacker, from);
                    from
                }
            };
            self.scene.edges.push(Edge {
                from,
                to,
                kind: EdgeKind::Attack(kind),
                colour: ATTACK,
                stroke: Stroke::Solid,
                head: Head::Tee,
                tooltip: format!(
                    "{} {} {}",
                    corpus.name_of(attacker),
                    kind.as_str(),
                    corpus.name_of(target)
                ),
            });
        }
    }
}

/// The legend's lines after the families: the verdicts' borders, and with
/// claims drawn, their arrows and acceptance.
fn legend(claims: bool) -> Vec<Key> {
    let mut legend = vec![
        Key::Border(Stroke::Bold, "supported explanation".to_owned()),
        Key::Border(Stroke::Dotted, "contested explanation".to_owned()),
        Key::Border(Stroke::Dashed, "rejected explanation".to_owned()),
        Key::Border(Stroke::Solid, "unaddressed explanation".to_owned()),
    ];
    if claims {
        legend.extend([
            Key::Arrow(
                SUPPORT,
                Stroke::Dashed,
                Head::Normal,
                "claim affirms the explanation".to_owned(),
            ),
            Key::Arrow(
                ATTACK,
                Stroke::Solid,
                Head::Tee,
                "claim denies it, or attacks a claim".to_owned(),
            ),
            Key::Border(Stroke::Bold, "claim in".to_owned()),
            Key::Border(Stroke::Dotted, "claim undecided".to_owned()),
            Key::Border(Stroke::Dashed, "claim out".to_owned()),
        ]);
    }
    legend
}
