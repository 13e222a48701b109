//! One event's section of the report: its lead, the standings, the claims
//! for and against the leading explanation with their scholars and notes,
//! the strongest objection and its answer.

use std::fmt::Write as _;

use super::views::EventView;
use crate::argument::Acceptance;
use crate::query::{ClaimEntry, Comparison, Standing};
use crate::render::text::xml;

/// The event's `<article>`, as the whole debate in view shows it.
pub(super) fn section(comparison: &Comparison, when: Option<&str>) -> String {
    let mut out = String::new();
    let key = comparison.event_key();
    let _ = write!(
        out,
        "<article class=\"event\" id=\"event-{}\">\n<h3>{}</h3>\n",
        xml(key),
        xml(comparison.event_name())
    );
    if let Some(when) = when {
        let _ = writeln!(out, "<p class=\"when\">{}</p>", xml(when));
    }
    let view = EventView::of(comparison);
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", xml(&view.lead));
    standings_table(&mut out, &view);
    if let Some(focus) = comparison
        .leader()
        .or_else(|| comparison.standings().first())
    {
        claims(&mut out, focus);
        objection(&mut out, comparison, focus);
    }
    out.push_str("</article>\n");
    out
}

fn standings_table(out: &mut String, view: &EventView) {
    out.push_str(
        "<table class=\"standings\"><thead><tr><th>explanation</th><th>verdict</th>\
         <th>score</th><th>margin</th></tr></thead><tbody>\n",
    );
    for (name, verdict, score, margin) in &view.rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"verdict verdict-{v}\">{v}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            xml(name),
            xml(score),
            xml(margin),
            v = xml(verdict),
        );
    }
    out.push_str("</tbody></table>\n");
}

fn claims(out: &mut String, focus: &Standing) {
    let _ = writeln!(
        out,
        "<div class=\"columns\"><div><h4>For {}</h4>",
        xml(focus.name())
    );
    claim_list(out, focus.supporting());
    let _ = writeln!(out, "</div><div><h4>Against {}</h4>", xml(focus.name()));
    claim_list(out, focus.opposing());
    out.push_str("</div></div>\n");
}

fn claim_list(out: &mut String, claims: &[ClaimEntry]) {
    if claims.is_empty() {
        out.push_str("<p class=\"who\">No claim.</p>\n");
        return;
    }
    out.push_str("<ul class=\"claims\">\n");
    for claim in claims {
        let _ = write!(
            out,
            "<li data-claim=\"{}\">{}{}",
            xml(claim.key()),
            xml(claim.text()),
            standing_note(claim.acceptance())
        );
        let who = who(claim);
        if !who.is_empty() {
            let _ = write!(out, " <span class=\"who\">— {}</span>", xml(&who));
        }
        let notes: Vec<String> = claim
            .evidence()
            .iter()
            .map(|e| {
                let place = e.locator().map(|l| format!("{l}, ")).unwrap_or_default();
                format!("{place}{} ({})", e.description(), e.bearing())
            })
            .collect();
        if !notes.is_empty() {
            let _ = write!(
                out,
                "<br><span class=\"notes\">Evidence: {}</span>",
                xml(&notes.join("; "))
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn standing_note(acceptance: Acceptance) -> &'static str {
    match acceptance {
        Acceptance::In => "",
        Acceptance::Undecided => " (undecided: attacked and not answered)",
        Acceptance::Out => " (defeated)",
    }
}

/// "Lorenz M. Lüthi (advances, 2008); an unnamed literature".
fn who(claim: &ClaimEntry) -> String {
    let mut voices: Vec<String> = claim
        .positions()
        .iter()
        .map(|p| match p.year() {
            Some(year) => format!("{} ({}, {year})", p.name(), p.stance()),
            None => format!("{} ({})", p.name(), p.stance()),
        })
        .collect();
    if claim.has_unnamed_proponent() {
        voices.push("an unnamed literature".to_owned());
    }
    voices.join("; ")
}

/// The strongest objection to the leading explanation, and its answer:
/// among the claims against it and the claims attacking a claim for it,
/// the one of most weight (the calculus, §4); its answer, a claim that
/// defeats it and stands.
fn objection(out: &mut String, comparison: &Comparison, focus: &Standing) {
    let entry = |key: &str| -> Option<&ClaimEntry> {
        comparison
            .standings()
            .iter()
            .flat_map(|s| std::iter::once(s).chain(s.variants()))
            .flat_map(|s| s.supporting().iter().chain(s.opposing()))
            .find(|c| c.key() == key)
    };
    let mut candidates: Vec<(&ClaimEntry, Option<&ClaimEntry>)> =
        focus.opposing().iter().map(|c| (c, None)).collect();
    for claim in focus.supporting() {
        for attacker in claim.attacked_by().iter().filter(|a| !a.is_reply()) {
            if let Some(found) = entry(attacker.key()) {
                candidates.push((found, Some(claim)));
            }
        }
    }
    let strongest = candidates.into_iter().max_by(|(a, _), (b, _)| {
        (a.acceptance() != Acceptance::Out, a.weight())
            .partial_cmp(&(b.acceptance() != Acceptance::Out, b.weight()))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.key().cmp(a.key()))
    });
    let Some((claim, target)) = strongest else {
        return;
    };
    let against = match target {
        Some(target) => format!("against “{}”", target.text()),
        None => format!("against {}", focus.name()),
    };
    let by = who(claim);
    let by = if by.is_empty() {
        String::new()
    } else {
        format!(" ({by})")
    };
    let answer = claim
        .attacked_by()
        .iter()
        .filter(|a| a.defeats() && a.acceptance() == Acceptance::In)
        .find_map(|a| entry(a.key()).map(|e| (e, a.kind())));
    let answer = match answer {
        Some((e, kind)) => format!("Answered: “{}” {kind} it.", e.text()),
        None if claim.acceptance() == Acceptance::In => "It stands unanswered.".to_owned(),
        None => "No single claim answers it; it does not stand.".to_owned(),
    };
    let _ = writeln!(
        out,
        "<p class=\"objection\"><strong>Strongest objection</strong> in the whole debate, {}: “{}”{}. {}</p>",
        xml(&against),
        xml(claim.text()),
        xml(&by),
        xml(&answer)
    );
}
