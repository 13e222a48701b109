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
use crate::query::{Comparison, Verdict};

fn verdict_stroke(verdict: Verdict) -> Stroke {
    match verdict {
        Verdict::Supported => Stroke::Bold,
        Verdict::Contested => Stroke::Dotted,
        Verdict::Rejected => Stroke::Dashed,
        Verdict::Unaddressed => Stroke::Solid,
    }
}

pub(crate) fn scene(corpus: &Corpus, comparison: &Comparison, options: &PictureOptions) -> Scene {
    let families = Families::new(corpus);
    let when = corpus
        .event(comparison.event())
        .and_then(|e| e.when())
        .map(|w| w.to_string());
    let name = clean(comparison.event_name());
    let mut scene = Scene {
        title: format!("Explanations of {name}"),
        left_to_right: true,
        ..Scene::default()
    };
    let event = scene.node(Node {
        entity: Entity::Event(comparison.event()),
        key: comparison.event_key().to_owned(),
        id: format!("event{}", comparison.event().index()),
        caption: Some(match &when {
            Some(when) => format!("event · {when}"),
            None => "event".to_owned(),
        }),
        lines: wrap(&name, options.wrap()),
        fill: Rgb(0xFF, 0xFF, 0xFF),
        shape: Shape::Double,
        border: Stroke::Solid,
        faded: false,
        tooltip: format!("{}: {name}", comparison.event_key()),
        cluster: None,
    });

    let mut claims: HashMap<ClaimId, usize> = HashMap::new();
    let mut attacks: Vec<(ClaimId, ClaimId, AttackKind)> = Vec::new();
    let mut explanations: Vec<ExplanationId> = Vec::new();
    for (rank, standing) in comparison.standings().iter().enumerate() {
        explanations.push(standing.id());
        let x = scene.node(Node {
            entity: Entity::Explanation(standing.id()),
            key: standing.explanation_key().to_owned(),
            id: format!("explanation{}", standing.id().index()),
            caption: Some(format!(
                "#{} · {} · {}",
                rank + 1,
                standing.verdict(),
                signed(standing.score())
            )),
            lines: wrap(standing.name(), options.wrap()),
            fill: families.colour(corpus, standing.id()),
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
        scene.edges.push(Edge {
            from: x,
            to: event,
            kind: EdgeKind::Verdict(standing.verdict()),
            colour: INK,
            stroke: verdict_stroke(standing.verdict()),
            head: Head::Normal,
            tooltip: format!("{}: {}", standing.name(), standing.verdict()),
        });
        if !options.claims() {
            continue;
        }
        let sides = [(standing.supporting(), true), (standing.opposing(), false)];
        for (entries, affirms) in sides {
            for entry in entries {
                let c = *claims.entry(entry.id()).or_insert_with(|| {
                    scene.node(claim_node(
                        corpus,
                        &families,
                        entry.id(),
                        Some(entry.acceptance()),
                        options.wrap(),
                    ))
                });
                scene.edges.push(Edge {
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

    // The attackers behind the claims' standing, with their own acceptance.
    attacks.sort();
    attacks.dedup();
    let acceptance_of: HashMap<&str, Acceptance> = comparison
        .standings()
        .iter()
        .flat_map(|s| s.supporting().iter().chain(s.opposing()))
        .flat_map(|e| e.attacked_by().iter().map(|a| (a.key(), a.acceptance())))
        .collect();
    for (attacker, target, kind) in attacks {
        let Some(&to) = claims.get(&target) else {
            continue;
        };
        let from = match claims.get(&attacker) {
            Some(&from) => from,
            None => {
                let key = corpus.name_of(attacker);
                let acceptance = acceptance_of.get(key.as_str()).copied();
                let node = claim_node(corpus, &families, attacker, acceptance, options.wrap());
                let from = scene.node(node);
                claims.insert(attacker, from);
                from
            }
        };
        scene.edges.push(Edge {
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
    for &c in claims.keys() {
        if let Some(x) = corpus.explanation_of(c) {
            explanations.push(x);
        }
    }
    explanations.sort_unstable();
    scene.legend = families.legend(corpus, explanations);
    scene.legend.extend([
        Key::Border(Stroke::Bold, "supported explanation".to_owned()),
        Key::Border(Stroke::Dotted, "contested explanation".to_owned()),
        Key::Border(Stroke::Dashed, "rejected explanation".to_owned()),
        Key::Border(Stroke::Solid, "unaddressed explanation".to_owned()),
    ]);
    if options.claims() {
        scene.legend.extend([
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
    scene
}
