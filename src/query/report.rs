//! What [`Corpus::compare`](crate::Corpus::compare) returns: a ranked list of
//! standings, each with the claims behind it, printable as a table and
//! serializable.

use std::fmt;

use serde::Serialize;

use crate::argument::Acceptance;
use crate::model::{AttackKind, Bearing, ClaimId, EventId, ExplanationId, Polarity, Stance};

/// What the debate concludes about one explanation of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The score reaches the threshold.
    Supported,
    /// Claims in view pull both ways; the score lies strictly between the thresholds.
    Contested,
    /// The score reaches the negative threshold.
    Rejected,
    /// Claims connect the explanation to the event, but none is in view (for
    /// the year or scholars asked about).
    Unaddressed,
}

impl Verdict {
    /// `supported`, `contested`, `rejected` or `unaddressed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contested => "contested",
            Verdict::Rejected => "rejected",
            Verdict::Unaddressed => "unaddressed",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A scholar's position, as shown in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionEntry {
    pub(crate) scholar: String,
    pub(crate) name: String,
    pub(crate) stance: Stance,
    pub(crate) year: Option<i32>,
    pub(crate) work: Option<String>,
}

impl PositionEntry {
    /// The scholar's key.
    pub fn scholar(&self) -> &str {
        &self.scholar
    }
    /// The scholar's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The stance.
    pub fn stance(&self) -> Stance {
        self.stance
    }
    /// The year the stance was taken.
    pub fn year(&self) -> Option<i32> {
        self.year
    }
    /// The key of the work that takes it.
    pub fn work(&self) -> Option<&str> {
        self.work.as_deref()
    }
}

/// A piece of evidence a claim cites, as shown in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceEntry {
    pub(crate) key: String,
    pub(crate) description: String,
    pub(crate) bearing: Bearing,
    pub(crate) locator: Option<String>,
    pub(crate) work: Option<String>,
}

impl EvidenceEntry {
    /// The evidence's key.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// Its description.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// How it bears on the claim.
    pub fn bearing(&self) -> Bearing {
        self.bearing
    }
    /// Where in its work it is.
    pub fn locator(&self) -> Option<&str> {
        self.locator.as_deref()
    }
    /// The key of its work.
    pub fn work(&self) -> Option<&str> {
        self.work.as_deref()
    }
}

/// One claim behind a standing, with its weight, its acceptance and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimEntry {
    #[serde(skip)]
    pub(crate) id: ClaimId,
    pub(crate) key: String,
    pub(crate) text: String,
    pub(crate) polarity: Polarity,
    pub(crate) explanation: String,
    pub(crate) events: Vec<String>,
    pub(crate) acceptance: Acceptance,
    pub(crate) strength: f64,
    pub(crate) weight: f64,
    pub(crate) rejections: usize,
    pub(crate) positions: Vec<PositionEntry>,
    pub(crate) evidence: Vec<EvidenceEntry>,
    pub(crate) attacked_by: Vec<(String, AttackKind, Acceptance)>,
}

impl ClaimEntry {
    /// The claim's id.
    pub fn id(&self) -> ClaimId {
        self.id
    }
    /// The claim's key.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The claim's paraphrase.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Whether it affirms or denies the explanation.
    pub fn polarity(&self) -> Polarity {
        self.polarity
    }
    /// The key of the explanation the claim itself invokes (a variant, when
    /// variants roll up into the family being compared).
    pub fn explanation(&self) -> &str {
        &self.explanation
    }
    /// The keys of the events in scope that the claim concerns.
    pub fn events(&self) -> &[String] {
        &self.events
    }
    /// Whether the claim stands in the debate in view: its grounded label,
    /// or under [`Weighing::Extensions`](crate::Weighing::Extensions) in for
    /// sceptically accepted, undecided for only credulously accepted, out
    /// for neither.
    pub fn acceptance(&self) -> Acceptance {
        self.acceptance
    }
    /// The factor *a(c)* the score weighs the claim by (see
    /// [`Corpus::compare`](crate::Corpus::compare)): 1, ½ or 0 from its
    /// acceptance, or its gradual strength.
    pub fn strength(&self) -> f64 {
        self.strength
    }
    /// The claim's weight before acceptance: backing × evidence factor
    /// (see [`Corpus::compare`](crate::Corpus::compare)).
    pub fn weight(&self) -> f64 {
        self.weight
    }
    /// How many scholars in view reject the claim (each counted once, by
    /// their latest position).
    pub fn rejections(&self) -> usize {
        self.rejections
    }
    /// The positions in view.
    pub fn positions(&self) -> &[PositionEntry] {
        &self.positions
    }
    /// The evidence in view.
    pub fn evidence(&self) -> &[EvidenceEntry] {
        &self.evidence
    }
    /// The claims in view that attack this one, with the kind of attack and
    /// their own acceptance: for a defeated claim, the `in` attackers say why.
    pub fn attacked_by(&self) -> &[(String, AttackKind, Acceptance)] {
        &self.attacked_by
    }
}

/// How one explanation stands for one event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    #[serde(skip)]
    pub(crate) id: ExplanationId,
    pub(crate) explanation: String,
    pub(crate) name: String,
    pub(crate) family: String,
    pub(crate) verdict: Verdict,
    pub(crate) score: f64,
    pub(crate) pro: f64,
    pub(crate) con: f64,
    pub(crate) defeated_pro: f64,
    pub(crate) defeated_con: f64,
    pub(crate) unseen: usize,
    pub(crate) supporting: Vec<ClaimEntry>,
    pub(crate) opposing: Vec<ClaimEntry>,
}

impl Standing {
    /// The explanation's id.
    pub fn id(&self) -> ExplanationId {
        self.id
    }
    /// The explanation's key.
    pub fn explanation(&self) -> &str {
        &self.explanation
    }
    /// The explanation's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The key of the explanation's family (its own key for a family).
    pub fn family(&self) -> &str {
        &self.family
    }
    /// The verdict.
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }
    /// The score, from -1 (all against) to +1 (all for).
    pub fn score(&self) -> f64 {
        self.score
    }
    /// *P*: the weight of the claims in view that stand for the explanation.
    pub fn pro(&self) -> f64 {
        self.pro
    }
    /// *N*: the weight of the claims in view that stand against the explanation.
    pub fn con(&self) -> f64 {
        self.con
    }
    /// *D⁺*: the weight the debate has defeated among the claims for it.
    pub fn defeated_pro(&self) -> f64 {
        self.defeated_pro
    }
    /// *D⁻*: the weight the debate has defeated among the claims against it.
    pub fn defeated_con(&self) -> f64 {
        self.defeated_con
    }
    /// Claims that connect the explanation to the event but are out of view.
    pub fn unseen(&self) -> usize {
        self.unseen
    }
    /// The claims in view that affirm the explanation.
    pub fn supporting(&self) -> &[ClaimEntry] {
        &self.supporting
    }
    /// The claims in view that deny the explanation.
    pub fn opposing(&self) -> &[ClaimEntry] {
        &self.opposing
    }
}

/// The scope a comparison was made with, for the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Scope {
    pub(crate) enclosing: bool,
    pub(crate) enclosed: bool,
    pub(crate) roll_up: bool,
    pub(crate) as_of: Option<i32>,
    pub(crate) scholars: Option<Vec<String>>,
    pub(crate) threshold: f64,
    pub(crate) weighing: super::view::Weighing,
}

/// The explanations of one event, ranked: what
/// [`Corpus::compare`](crate::Corpus::compare) returns.
///
/// `Display` prints a table followed by the claims behind each standing;
/// `Serialize` gives the same as structured data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    #[serde(skip)]
    pub(crate) id: EventId,
    pub(crate) event: String,
    pub(crate) name: String,
    pub(crate) when: Option<String>,
    pub(crate) scope: Scope,
    pub(crate) standings: Vec<Standing>,
}

impl Comparison {
    /// The event's id.
    pub fn event(&self) -> EventId {
        self.id
    }
    /// The event's key.
    pub fn event_key(&self) -> &str {
        &self.event
    }
    /// The event's name.
    pub fn event_name(&self) -> &str {
        &self.name
    }
    /// The standings, best first.
    pub fn standings(&self) -> &[Standing] {
        &self.standings
    }
    /// The standing of one explanation, if any claim connects it to the event.
    pub fn standing(&self, explanation: ExplanationId) -> Option<&Standing> {
        self.standings.iter().find(|s| s.id == explanation)
    }
    /// The best-ranked standing whose verdict is not unaddressed.
    pub fn leader(&self) -> Option<&Standing> {
        self.standings
            .first()
            .filter(|s| s.verdict != Verdict::Unaddressed)
    }
}

fn sign(x: f64) -> String {
    format!("{x:+.2}")
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let events = match (self.enclosing, self.enclosed) {
            (false, false) => "this event only",
            (true, false) => "with enclosing events",
            (false, true) => "with enclosed events",
            (true, true) => "with enclosing and enclosed events",
        };
        let variants = if self.roll_up {
            "variants rolled up"
        } else {
            "variants apart"
        };
        write!(f, "{events}; {variants}")?;
        match self.as_of {
            Some(year) => write!(f, "; as of {year}")?,
            None => write!(f, "; whole debate")?,
        }
        if let Some(scholars) = &self.scholars {
            write!(f, "; scholars: {}", scholars.join(", "))?;
        }
        if self.weighing != super::view::Weighing::Grounded {
            write!(f, "; weighed by {}", self.weighing)?;
        }
        Ok(())
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}", self.name, self.event)?;
        if let Some(when) = &self.when {
            write!(f, ", {when}")?;
        }
        writeln!(f, "]")?;
        writeln!(f, "  scope: {}", self.scope)?;
        if self.standings.is_empty() {
            return writeln!(f, "  no claim concerns this event");
        }
        writeln!(
            f,
            "  {:>2}  {:<34} {:<11} {:>6} {:>6} {:>7} {:>8} {:>6}",
            "#", "explanation", "verdict", "score", "for", "against", "defeated", "claims"
        )?;
        for (rank, s) in self.standings.iter().enumerate() {
            let claims = s.supporting.len() + s.opposing.len();
            writeln!(
                f,
                "  {:>2}  {:<34} {:<11} {:>6} {:>6.2} {:>7.2} {:>8.2} {:>6}",
                rank + 1,
                truncate(&s.name, 34),
                s.verdict,
                sign(s.score),
                s.pro,
                s.con,
                s.defeated_pro + s.defeated_con,
                claims
            )?;
        }
        for s in &self.standings {
            writeln!(f)?;
            write!(
                f,
                "  {} ({}): {} {}",
                s.name,
                s.explanation,
                s.verdict,
                sign(s.score)
            )?;
            if s.unseen > 0 {
                write!(f, "; {} claim(s) out of view", s.unseen)?;
            }
            writeln!(f)?;
            for c in s.supporting.iter().chain(&s.opposing) {
                write_claim(f, c)?;
            }
        }
        Ok(())
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}

fn write_claim(f: &mut fmt::Formatter<'_>, c: &ClaimEntry) -> fmt::Result {
    let mark = match c.polarity {
        Polarity::Affirms => '+',
        Polarity::Denies => '-',
    };
    let standing = if c.strength == c.acceptance.weight() {
        c.acceptance.as_str().to_owned()
    } else {
        format!("{}, strength {:.2}", c.acceptance.as_str(), c.strength)
    };
    writeln!(
        f,
        "    {mark} {} [{standing}, weight {:.2}]: {}",
        c.key, c.weight, c.text
    )?;
    if !c.positions.is_empty() {
        let positions: Vec<String> = c
            .positions
            .iter()
            .map(|p| {
                let mut s = format!("{} {}", p.name, p.stance.as_str());
                match (p.year, &p.work) {
                    (Some(year), Some(work)) => s += &format!(" ({year}, {work})"),
                    (Some(year), None) => s += &format!(" ({year})"),
                    (None, Some(work)) => s += &format!(" ({work})"),
                    (None, None) => {}
                }
                s
            })
            .collect();
        writeln!(f, "        by: {}", positions.join("; "))?;
    }
    if !c.evidence.is_empty() {
        let evidence: Vec<String> = c
            .evidence
            .iter()
            .map(|e| {
                let at = e.locator.as_deref().unwrap_or(&e.key);
                match e.bearing {
                    Bearing::Supports => at.to_owned(),
                    Bearing::Undermines => format!("{at} (undermines)"),
                }
            })
            .collect();
        writeln!(f, "        evidence: {}", evidence.join(", "))?;
    }
    let against: Vec<String> = c
        .attacked_by
        .iter()
        .filter(|(_, _, a)| *a != Acceptance::Out)
        .map(|(key, kind, a)| format!("{key} ({}, {})", attack_verb(*kind), a.as_str()))
        .collect();
    if !against.is_empty() {
        writeln!(f, "        attacked by: {}", against.join(", "))?;
    }
    Ok(())
}

fn attack_verb(kind: AttackKind) -> &'static str {
    match kind {
        AttackKind::Rebuts => "rebuts",
        AttackKind::Undercuts => "undercuts",
        AttackKind::Undermines => "undermines",
    }
}
