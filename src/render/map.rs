//! The argument map: claims coloured by family, attacks and supports,
//! accepted, defeated and undecided claims told apart; scholars, evidence
//! and groups by event on request.

use std::collections::{BTreeMap, HashMap};

use super::options::MapOptions;
use super::scene::{Cluster, Edge, EdgeKind, Head, Key, Node, Scene, Shape, Stroke};
use super::text::{ATTACK, GREY, INK, Rgb, SUPPORT, clean, family_colour, wrap};
use crate::argument::{Acceptance, Framework, Semantics};
use crate::graph::{Corpus, Node as Entity};
use crate::model::{
    Bearing, ClaimId, EventId, EvidenceId, ExplanationId, Polarity, ScholarId, Stance,
};

/// The colours of a corpus's families: the n-th family (in id order) gets
/// the n-th colour, so every picture of a corpus colours a family alike.
pub(crate) struct Families {
    index: HashMap<ExplanationId, usize>,
}

impl Families {
    pub(crate) fn new(corpus: &Corpus) -> Families {
        let index = corpus
            .ids::<ExplanationId>()
            .filter(|&x| corpus.variant_of(x).is_none())
            .enumerate()
            .map(|(i, x)| (x, i))
            .collect();
        Families { index }
    }

    /// The colour of an explanation's family.
    pub(crate) fn colour(&self, corpus: &Corpus, explanation: ExplanationId) -> Rgb {
        corpus
            .family(explanation)
            .and_then(|f| self.index.get(&f))
            .map_or(GREY, |&i| family_colour(i))
    }

    /// Legend lines for these explanations' families, each with the
    /// variants among them, in family order.
    pub(crate) fn legend(
        &self,
        corpus: &Corpus,
        explanations: impl IntoIterator<Item = ExplanationId>,
    ) -> Vec<Key> {
        let mut families: BTreeMap<usize, (ExplanationId, Vec<ExplanationId>)> = BTreeMap::new();
        for x in explanations {
            let Some(family) = corpus.family(x) else {
                continue;
            };
            let Some(&i) = self.index.get(&family) else {
                continue;
            };
            let entry = families.entry(i).or_insert((family, Vec::new()));
            if x != family && !entry.1.contains(&x) {
                entry.1.push(x);
            }
        }
        families
            .into_iter()
            .map(|(i, (family, mut variants))| {
                variants.sort_unstable();
                let mut label = name(corpus, family);
                if !variants.is_empty() {
                    let names: Vec<String> = variants.iter().map(|&v| name(corpus, v)).collect();
                    label = format!("{label} (with {})", names.join(", "));
                }
                Key::Fill(family_colour(i), label)
            })
            .collect()
    }
}

fn name(corpus: &Corpus, explanation: ExplanationId) -> String {
    corpus
        .explanation(explanation)
        .map_or_else(|| corpus.name_of(explanation), |x| clean(x.name()))
}

/// The border that shows a claim's acceptance.
pub(crate) fn acceptance_stroke(acceptance: Option<Acceptance>) -> Stroke {
    match acceptance {
        None => Stroke::Solid,
        Some(Acceptance::In) => Stroke::Bold,
        Some(Acceptance::Out) => Stroke::Dashed,
        Some(Acceptance::Undecided) => Stroke::Dotted,
    }
}

/// A claim's box: caption "explanation · denies · status", the text wrapped.
pub(crate) fn claim_node(
    corpus: &Corpus,
    families: &Families,
    claim: ClaimId,
    acceptance: Option<Acceptance>,
    wrap_at: usize,
) -> Node {
    let data = corpus.claim(claim);
    let explanation = corpus.explanation_of(claim);
    let mut caption = explanation.map_or_else(String::new, |x| name(corpus, x));
    if data.map(|c| c.polarity()) == Some(Polarity::Denies) {
        caption.push_str(" · denies");
    }
    if let Some(a) = acceptance {
        caption.push_str(" · ");
        caption.push_str(a.as_str());
    }
    let text = data.map_or("", |c| c.text());
    let fill = explanation.map_or(GREY, |x| families.colour(corpus, x));
    let faded = acceptance == Some(Acceptance::Out);
    Node {
        entity: Entity::Claim(claim),
        key: corpus.name_of(claim),
        id: format!("claim{}", claim.index()),
        caption: Some(caption),
        lines: wrap(text, wrap_at),
        fill: if faded { fade(fill) } else { fill },
        shape: Shape::Rounded,
        border: acceptance_stroke(acceptance),
        faded,
        tooltip: format!("{}: {}", corpus.name_of(claim), text),
        cluster: None,
    }
}

/// A paler version of a fill, for defeated claims.
fn fade(colour: Rgb) -> Rgb {
    let m = |c: u8| ((u16::from(c) + 255 * 2) / 3) as u8;
    Rgb(m(colour.0), m(colour.1), m(colour.2))
}

/// The legend lines for acceptance under a semantics.
pub(crate) fn acceptance_legend(semantics: Semantics) -> Vec<Key> {
    let (accepted, undecided, defeated) = if semantics == Semantics::Grounded {
        (
            "accepted (grounded: in)".to_owned(),
            "undecided (grounded)".to_owned(),
            "defeated (grounded: out)".to_owned(),
        )
    } else {
        let s = semantics.name();
        (
            format!("in every {s} extension"),
            format!("in some {s} extension"),
            format!("in no {s} extension"),
        )
    };
    vec![
        Key::Border(Stroke::Bold, accepted),
        Key::Border(Stroke::Dotted, undecided),
        Key::Border(Stroke::Dashed, defeated),
    ]
}

pub(crate) fn relation_legend() -> Vec<Key> {
    vec![
        Key::Arrow(ATTACK, Stroke::Solid, Head::Tee, "attacks".to_owned()),
        Key::Arrow(SUPPORT, Stroke::Dashed, Head::Normal, "supports".to_owned()),
    ]
}

/// Builds the argument map.
pub(crate) fn scene(corpus: &Corpus, options: &MapOptions) -> Scene {
    let view = corpus.framework(options.view());
    let labels: Option<Vec<Acceptance>> =
        options.semantics().map(|s| acceptance(view.framework(), s));
    let families = Families::new(corpus);
    let wanted: Option<std::collections::HashSet<EventId>> =
        options.events().map(|events| events.collect());
    let shown: Vec<(usize, ClaimId)> = view
        .claims()
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, c)| {
            wanted
                .as_ref()
                .is_none_or(|w| corpus.events_of(c).any(|e| w.contains(&e)))
        })
        .collect();
    let claims: Vec<ClaimId> = shown.iter().map(|&(_, c)| c).collect();
    let claims = &claims[..];
    let mut scene = Scene {
        title: corpus.title().map_or_else(
            || "Argument map".to_owned(),
            |t| format!("Argument map: {}", clean(t)),
        ),
        ..Scene::default()
    };

    // Claims, in id order, grouped by their earliest event on request.
    let mut at: HashMap<ClaimId, usize> = HashMap::with_capacity(claims.len());
    let mut clusters: BTreeMap<EventId, usize> = BTreeMap::new();
    for &(i, claim) in &shown {
        let acceptance = labels.as_ref().and_then(|l| l.get(i).copied());
        let mut node = claim_node(corpus, &families, claim, acceptance, options.wrap());
        if options.clusters() {
            let mut events: Vec<EventId> = corpus.events_of(claim).collect();
            corpus.sort_by_date(&mut events);
            if let Some(&event) = events.first() {
                let next = clusters.len();
                let c = *clusters.entry(event).or_insert(next);
                if c == next {
                    let label = corpus
                        .event(event)
                        .map_or_else(|| corpus.name_of(event), |e| clean(e.name()));
                    scene.clusters.push(Cluster { event, label });
                }
                node.cluster = Some(c);
            }
        }
        at.insert(claim, scene.node(node));
    }

    // Attacks and supports among them.
    for &claim in claims {
        let Some(&from) = at.get(&claim) else {
            continue;
        };
        let key = corpus.name_of(claim);
        for (target, kind) in corpus.attacks_by(claim) {
            if let Some(&to) = at.get(&target) {
                scene.edges.push(Edge {
                    from,
                    to,
                    kind: EdgeKind::Attack(kind),
                    colour: ATTACK,
                    stroke: Stroke::Solid,
                    head: Head::Tee,
                    tooltip: format!("{key} {} {}", kind.as_str(), corpus.name_of(target)),
                });
            }
        }
        for target in corpus.supports_by(claim) {
            if let Some(&to) = at.get(&target) {
                scene.edges.push(Edge {
                    from,
                    to,
                    kind: EdgeKind::Support,
                    colour: SUPPORT,
                    stroke: Stroke::Dashed,
                    head: Head::Normal,
                    tooltip: format!("{key} supports {}", corpus.name_of(target)),
                });
            }
        }
    }

    if options.scholars() {
        add_scholars(corpus, options, claims, &at, &mut scene);
    }
    if options.evidence() {
        add_evidence(corpus, options, claims, &at, &mut scene);
    }

    let explanations = claims.iter().filter_map(|&c| corpus.explanation_of(c));
    scene.legend = families.legend(corpus, explanations);
    scene.legend.extend(legend(options));
    scene
}

/// Every argument's acceptance under a semantics: grounded labels, or in
/// every extension (in), some (undecided) or none (out).
fn acceptance(af: &Framework, semantics: Semantics) -> Vec<Acceptance> {
    match semantics {
        Semantics::Grounded => af.grounded().labels().to_vec(),
        s => af
            .acceptance_of_all(s)
            .into_iter()
            .map(|(credulous, sceptical)| match (credulous, sceptical) {
                (_, true) => Acceptance::In,
                (true, false) => Acceptance::Undecided,
                (false, false) => Acceptance::Out,
            })
            .collect(),
    }
}

/// The legend's lines after the families: relations, acceptance, and the
/// scholars' and evidence's arrows when drawn.
fn legend(options: &MapOptions) -> Vec<Key> {
    let mut legend = relation_legend();
    if let Some(s) = options.semantics() {
        legend.extend(acceptance_legend(s));
    }
    if options.scholars() {
        legend.extend([
            Key::Arrow(
                INK,
                Stroke::Solid,
                Head::Normal,
                "advances or endorses".to_owned(),
            ),
            Key::Arrow(INK, Stroke::Dotted, Head::Normal, "qualifies".to_owned()),
            Key::Arrow(INK, Stroke::Solid, Head::Tee, "rejects".to_owned()),
        ]);
    }
    if options.evidence() {
        legend.extend([
            Key::Arrow(INK, Stroke::Dashed, Head::Dot, "evidence for".to_owned()),
            Key::Arrow(
                INK,
                Stroke::Dashed,
                Head::Tee,
                "evidence against".to_owned(),
            ),
        ]);
    }
    legend
}

fn add_scholars(
    corpus: &Corpus,
    options: &MapOptions,
    claims: &[ClaimId],
    at: &HashMap<ClaimId, usize>,
    scene: &mut Scene,
) {
    // Each scholar's latest position on each claim in view.
    let mut latest: BTreeMap<ScholarId, Vec<(ClaimId, Stance)>> = BTreeMap::new();
    for &claim in claims {
        let (_, positions) = options.view().sees_claim(corpus, claim);
        let mut best: BTreeMap<ScholarId, (i32, Stance)> = BTreeMap::new();
        for (scholar, p) in positions {
            let year = corpus.position_year(&p).unwrap_or(i32::MIN);
            let slot = best.entry(scholar).or_insert((year, p.stance()));
            if (year, std::cmp::Reverse(p.stance())) > (slot.0, std::cmp::Reverse(slot.1)) {
                *slot = (year, p.stance());
            }
        }
        for (scholar, (_, stance)) in best {
            latest.entry(scholar).or_default().push((claim, stance));
        }
    }
    for (scholar, held) in latest {
        let name = corpus
            .scholar(scholar)
            .map_or_else(|| corpus.name_of(scholar), |s| clean(s.name()));
        let from = scene.node(Node {
            entity: Entity::Scholar(scholar),
            key: corpus.name_of(scholar),
            id: format!("scholar{}", scholar.index()),
            caption: None,
            lines: wrap(&name, 20),
            fill: Rgb(0xF2, 0xF2, 0xF2),
            shape: Shape::Ellipse,
            border: Stroke::Solid,
            faded: false,
            tooltip: name.clone(),
            cluster: None,
        });
        for (claim, stance) in held {
            let Some(&to) = at.get(&claim) else {
                continue;
            };
            let (stroke, head) = match stance {
                Stance::Advances | Stance::Endorses => (Stroke::Solid, Head::Normal),
                Stance::Qualifies => (Stroke::Dotted, Head::Normal),
                Stance::Rejects => (Stroke::Solid, Head::Tee),
            };
            scene.edges.push(Edge {
                from,
                to,
                kind: EdgeKind::Stance(stance),
                colour: INK,
                stroke,
                head,
                tooltip: format!("{name} {} {}", stance.as_str(), corpus.name_of(claim)),
            });
        }
    }
}

fn add_evidence(
    corpus: &Corpus,
    options: &MapOptions,
    claims: &[ClaimId],
    at: &HashMap<ClaimId, usize>,
    scene: &mut Scene,
) {
    let mut cited: BTreeMap<EvidenceId, Vec<(ClaimId, Bearing)>> = BTreeMap::new();
    for &claim in claims {
        for (evidence, bearing) in corpus.citations(claim) {
            if options.view().sees_evidence(corpus, evidence) {
                cited.entry(evidence).or_default().push((claim, bearing));
            }
        }
    }
    for (evidence, citing) in cited {
        let data = corpus.evidence(evidence);
        let description = data.map_or("", |e| e.description());
        let mut caption = data
            .and_then(|e| e.locator())
            .map_or_else(|| corpus.name_of(evidence), clean);
        if let Some(work) = corpus.evidence_work(evidence) {
            caption = format!("{caption} · {}", corpus.name_of(work));
        }
        let from = scene.node(Node {
            entity: Entity::Evidence(evidence),
            key: corpus.name_of(evidence),
            id: format!("evidence{}", evidence.index()),
            caption: Some(caption),
            lines: wrap(description, 24),
            fill: Rgb(0xFF, 0xFF, 0xFF),
            shape: Shape::Note,
            border: Stroke::Solid,
            faded: false,
            tooltip: format!("{}: {description}", corpus.name_of(evidence)),
            cluster: None,
        });
        for (claim, bearing) in citing {
            let Some(&to) = at.get(&claim) else {
                continue;
            };
            let (head, verb) = match bearing {
                Bearing::Supports => (Head::Dot, "supports"),
                Bearing::Undermines => (Head::Tee, "undermines"),
            };
            scene.edges.push(Edge {
                from,
                to,
                kind: EdgeKind::Evidence(bearing),
                colour: INK,
                stroke: Stroke::Dashed,
                head,
                tooltip: format!(
                    "{} {verb} {}",
                    corpus.name_of(evidence),
                    corpus.name_of(claim)
                ),
            });
        }
    }
}
