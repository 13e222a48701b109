//! What [`View::compare`](crate::View::compare) returns: a ranked list of
//! standings, each with the claims behind it, printable as a table and
//! serializable.

use std::fmt;

use serde::Serialize;

use super::margin::Robustness;
use crate::argument::Acceptance;
use crate::model::{
    AttackKind, Bearing, ClaimId, EventId, EvidenceId, ExplanationId, Polarity, ScholarId, Stance,
    WorkId,
};

/// What the debate concludes about one explanation of one event.
///
/// One rule gives every verdict ([the calculus](crate::calculus), §5), from
/// *P* and *N*, the weight that stands for and against the explanation,
/// *D⁺* and *D⁻*, the weight the debate has defeated among the claims for
/// and against it, the score *s* = (*P* − *N*) / (*P* + *N* + 1) and the
/// threshold θ (default ½). An explanation is *opposed* when *N* > 0 or
/// *D⁺* > 0, *backed* when *P* > 0 or *D⁻* > 0. The order of the variants
/// is the order of rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Something stands for it (*P* > 0), and it is unopposed or *s* ≥ θ.
    Supported,
    /// Opposed and backed, with −θ < *s* < θ; or nothing stands either
    /// way and the claims in view, all against it, have fallen.
    Contested,
    /// Something stands against it (*N* > 0), and it is not backed or
    /// *s* ≤ −θ; or nothing stands either way and some claim for it is in
    /// view: its case was made and has fallen (the burden of proof).
    Rejected,
    /// Claims connect the explanation to the event, but none is in view (for
    /// the year or scholars asked about).
    Unaddressed,
}

names!(Verdict, "verdict", [
    Supported => "supported",
    Contested => "contested",
    Rejected => "rejected",
    Unaddressed => "unaddressed",
]);

/// A scholar's position, as shown in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionEntry {
    #[serde(skip)]
    pub(crate) scholar_id: ScholarId,
    #[serde(skip)]
    pub(crate) work_id: Option<WorkId>,
    pub(crate) scholar: String,
    pub(crate) name: String,
    pub(crate) stance: Stance,
    pub(crate) year: Option<i32>,
    pub(crate) work: Option<String>,
    pub(crate) counted: bool,
}

impl PositionEntry {
    /// The scholar.
    pub fn scholar(&self) -> ScholarId {
        self.scholar_id
    }
    /// The scholar's key.
    pub fn scholar_key(&self) -> &str {
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
    /// The work that takes it.
    pub fn work(&self) -> Option<WorkId> {
        self.work_id
    }
    /// The key of the work that takes it.
    pub fn work_key(&self) -> Option<&str> {
        self.work.as_deref()
    }
    /// Whether the position counts: it is the scholar's latest in view on
    /// the claim (a scholar counts once per claim, the calculus, §2).
    pub fn is_counted(&self) -> bool {
        self.counted
    }
}

/// A claim in view that attacks a claim of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attacker {
    #[serde(skip)]
    pub(crate) id: ClaimId,
    pub(crate) key: String,
    pub(crate) kind: AttackKind,
    pub(crate) acceptance: Acceptance,
    pub(crate) defeats: bool,
    pub(crate) reply: bool,
}

impl Attacker {
    /// The attacking claim.
    pub fn id(&self) -> ClaimId {
        self.id
    }
    /// Its key.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The kind of attack.
    pub fn kind(&self) -> AttackKind {
        self.kind
    }
    /// Its own acceptance: for a defeated claim, the `in` defeaters say why.
    pub fn acceptance(&self) -> Acceptance {
        self.acceptance
    }
    /// Whether the attack succeeds as a defeat under the preferences in use
    /// (the calculus, §3); a rebuttal or undermining of a preferred claim
    /// does not.
    pub fn defeats(&self) -> bool {
        self.defeats
    }
    /// Whether the attack is the reply to a rebuttal: the claim this entry
    /// is about rebuts the attacker, and a rebuttal is symmetric.
    pub fn is_reply(&self) -> bool {
        self.reply
    }
}

/// A piece of evidence a claim cites, as shown in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceEntry {
    #[serde(skip)]
    pub(crate) id: EvidenceId,
    #[serde(skip)]
    pub(crate) work_id: Option<WorkId>,
    pub(crate) key: String,
    pub(crate) description: String,
    pub(crate) bearing: Bearing,
    pub(crate) locator: Option<String>,
    pub(crate) work: Option<String>,
}

impl EvidenceEntry {
    /// The evidence.
    pub fn id(&self) -> EvidenceId {
        self.id
    }
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
    /// Its work.
    pub fn work(&self) -> Option<WorkId> {
        self.work_id
    }
    /// The key of its work.
    pub fn work_key(&self) -> Option<&str> {
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
    #[serde(skip)]
    pub(crate) explanation_id: ExplanationId,
    pub(crate) explanation: String,
    #[serde(skip)]
    pub(crate) event_ids: Vec<EventId>,
    pub(crate) events: Vec<String>,
    pub(crate) acceptance: Acceptance,
    pub(crate) strength: f64,
    pub(crate) weight: f64,
    pub(crate) backing: f64,
    pub(crate) rejections: f64,
    pub(crate) unnamed: bool,
    pub(crate) positions: Vec<PositionEntry>,
    pub(crate) evidence: Vec<EvidenceEntry>,
    pub(crate) attacked_by: Vec<Attacker>,
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
    /// The explanation the claim itself invokes (a variant, when variants
    /// roll up into the family being compared).
    pub fn explanation(&self) -> ExplanationId {
        self.explanation_id
    }
    /// The key of that explanation.
    pub fn explanation_key(&self) -> &str {
        &self.explanation
    }
    /// The events in scope that the claim concerns.
    pub fn events(&self) -> &[EventId] {
        &self.event_ids
    }
    /// The keys of those events.
    pub fn event_keys(&self) -> &[String] {
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
    /// [`View::compare`](crate::View::compare)): 1, ½ or 0 from its
    /// acceptance, or its gradual strength.
    pub fn strength(&self) -> f64 {
        self.strength
    }
    /// The claim's weight *w* before its standing: backing × evidence
    /// factor (the calculus, §4).
    pub fn weight(&self) -> f64 {
        self.weight
    }
    /// Its backing *b*: the sum over voices (works, or scholars writing in
    /// no work) of their mean backing (the calculus, §2).
    pub fn backing(&self) -> f64 {
        self.backing
    }
    /// Its rejections *r*: the sum over voices of their share of rejecting
    /// members; a work whose authors all reject it counts 1.
    pub fn rejections(&self) -> f64 {
        self.rejections
    }
    /// Whether its proponent is unnamed: no position in view advances it
    /// (a view of the literature that scholars only endorse, qualify or
    /// reject, or take no position on), so an unnamed proponent counts as
    /// one voice advancing it (the calculus, §2).
    pub fn has_unnamed_proponent(&self) -> bool {
        self.unnamed
    }
    /// The positions in view.
    pub fn positions(&self) -> &[PositionEntry] {
        &self.positions
    }
    /// The evidence in view.
    pub fn evidence(&self) -> &[EvidenceEntry] {
        &self.evidence
    }
    /// The claims in view that attack this one (and those it rebuts, which
    /// rebut it back), each with the kind of attack, its own acceptance
    /// and whether the attack defeats.
    pub fn attacked_by(&self) -> &[Attacker] {
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
    #[serde(skip)]
    pub(crate) family_id: ExplanationId,
    pub(crate) family: String,
    pub(crate) verdict: Verdict,
    pub(crate) score: f64,
    pub(crate) pro: f64,
    pub(crate) con: f64,
    pub(crate) defeated_pro: f64,
    pub(crate) defeated_con: f64,
    pub(crate) rejecting_pro: f64,
    pub(crate) rejecting_con: f64,
    pub(crate) evidence_for: usize,
    pub(crate) scholars_for: usize,
    pub(crate) unseen: usize,
    pub(crate) robustness: Option<Robustness>,
    pub(crate) supporting: Vec<ClaimEntry>,
    pub(crate) opposing: Vec<ClaimEntry>,
    pub(crate) variants: Vec<Standing>,
}

impl Standing {
    /// The explanation's id.
    pub fn id(&self) -> ExplanationId {
        self.id
    }
    /// The explanation's key.
    pub fn explanation_key(&self) -> &str {
        &self.explanation
    }
    /// The explanation's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The explanation's family (itself, for a family).
    pub fn family(&self) -> ExplanationId {
        self.family_id
    }
    /// The key of the explanation's family (its own key for a family).
    pub fn family_key(&self) -> &str {
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
    /// *R⁺*: the rejections of claims against the explanation that count
    /// for it (included in *P*): each rejecting voice's share, unless the
    /// voice says the same through a claim of its own (the calculus, §2).
    pub fn rejecting_pro(&self) -> f64 {
        self.rejecting_pro
    }
    /// *R⁻*: the rejections of claims for the explanation that count
    /// against it (included in *N*).
    pub fn rejecting_con(&self) -> f64 {
        self.rejecting_con
    }
    /// Independent evidence for it: the distinct evidence items supporting
    /// the claims for it that stand (the calculus, §7).
    pub fn evidence_for(&self) -> usize {
        self.evidence_for
    }
    /// Independent scholars for it: those backing the claims for it that
    /// stand, co-authors who backed one in the same work counted once.
    pub fn scholars_for(&self) -> usize {
        self.scholars_for
    }
    /// Claims that connect the explanation to the event but are out of view.
    pub fn unseen(&self) -> usize {
        self.unseen
    }
    /// How robust the verdict is: the fewest claims, and the fewest
    /// scholars, whose removal would change it (the calculus, §6). `None`
    /// for an unaddressed explanation, or with margins turned off
    /// ([`CompareOptions::with_margin_budget`](crate::CompareOptions::with_margin_budget)).
    pub fn robustness(&self) -> Option<&Robustness> {
        self.robustness.as_ref()
    }
    /// When variants are rolled up, the standing of each variant with
    /// claims in scope, counted on its own, ranked; empty otherwise.
    pub fn variants(&self) -> &[Standing] {
        &self.variants
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
    pub(crate) weighing: super::options::Weighing,
    pub(crate) preferences: super::defeat::Preferences,
}

/// The explanations of one event, ranked: what
/// [`View::compare`](crate::View::compare) returns.
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
    pub(crate) lead: Option<Robustness>,
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
    /// The leading explanation: the best-ranked standing, when it is
    /// supported; `None` when no explanation is (the calculus, §5).
    pub fn leader(&self) -> Option<&Standing> {
        self.standings
            .first()
            .filter(|s| s.verdict == Verdict::Supported)
    }
    /// How robust the lead is: the fewest claims, and the fewest scholars,
    /// whose removal would hand the lead to another explanation or leave
    /// none. `None` without a leader, or with margins turned off.
    pub fn lead(&self) -> Option<&Robustness> {
        self.lead.as_ref()
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
        if self.weighing != super::options::Weighing::Grounded {
            write!(f, "; weighed by {}", self.weighing)?;
        }
        if self.preferences != super::defeat::Preferences::default() {
            write!(f, "; {}", self.preferences)?;
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
            "  {:>2}  {:<34} {:<11} {:>6} {:>6} {:>7} {:>8} {:>6}  margin (claims/scholars)",
            "#", "explanation", "verdict", "score", "for", "against", "defeated", "claims",
        )?;
        for (rank, s) in self.standings.iter().enumerate() {
            write_row(f, &(rank + 1).to_string(), &s.name, s)?;
            for v in &s.variants {
                write_row(f, "", &format!("└ {}", v.name), v)?;
            }
        }
        match (self.leader(), &self.lead) {
            (Some(leader), Some(lead)) => {
                writeln!(f, "  {} leads; {lead}", leader.name)?;
            }
            (Some(leader), None) => writeln!(f, "  {} leads", leader.name)?,
            (None, _) => writeln!(f, "  no explanation is supported")?,
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

fn write_row(f: &mut fmt::Formatter<'_>, rank: &str, name: &str, s: &Standing) -> fmt::Result {
    let claims = s.supporting.len() + s.opposing.len();
    let margin = s
        .robustness
        .map(|r| format!("{}/{}", r.claims(), r.scholars()))
        .unwrap_or_default();
    writeln!(
        f,
        "  {:>2}  {:<34} {:<11} {:>6} {:>6.2} {:>7.2} {:>8.2} {:>6}  {}",
        rank,
        truncate(name, 34),
        s.verdict,
        sign(s.score),
        s.pro,
        s.con,
        s.defeated_pro + s.defeated_con,
        claims,
        margin
    )
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
    if !c.positions.is_empty() || c.unnamed {
        let unnamed = c
            .unnamed
            .then(|| "an unnamed proponent advances".to_owned());
        let positions: Vec<String> = unnamed
            .into_iter()
            .chain(c.positions.iter().map(|p| {
                let mut s = format!("{} {}", p.name, p.stance.as_str());
                match (p.year, &p.work) {
                    (Some(year), Some(work)) => s += &format!(" ({year}, {work})"),
                    (Some(year), None) => s += &format!(" ({year})"),
                    (None, Some(work)) => s += &format!(" ({work})"),
                    (None, None) => {}
                }
                s
            }))
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
        .filter(|a| a.acceptance != Acceptance::Out)
        .map(|a| {
            let how = match (a.reply, a.defeats) {
                (false, true) => a.kind.as_str(),
                (true, true) => "rebuts back",
                (_, false) => "fails: preferred",
            };
            let how = if !a.reply && !a.defeats {
                format!("{}, {how}", a.kind.as_str())
            } else {
                how.to_owned()
            };
            format!("{} ({how}, {})", a.key, a.acceptance.as_str())
        })
        .collect();
    if !against.is_empty() {
        writeln!(f, "        attacked by: {}", against.join(", "))?;
    }
    Ok(())
}
