//! The page: head, overview, events, pictures, the debate over time, and
//! the views of the year control.

use std::fmt::Write as _;

use super::event::section;
use super::options::ReportOptions;
use super::views::Views;
use crate::error::Result;
use crate::graph::Corpus;
use crate::model::{ClaimId, EventId, ExplanationId, Role, ScholarId, Stance, WorkId};
use crate::render::text::xml;
use crate::render::{MapOptions, PictureOptions, argument_map, heat_map, timeline};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// Writes one self-contained HTML page of the debate, for a historian to
/// read: an overview (scholars, works, schools of explanation, the events
/// in date order); for each event, the leading explanation in words, the
/// claims for and against it with their scholars and evidence, the
/// strongest objection and its answer, and the margin of the verdict; the
/// argument map, the timeline and the events × explanations heat map; and
/// the debate over time. A year control shows every verdict as of any year
/// in which the scholarship moved, from views computed into the page.
///
/// The page needs nothing else: no network request (its content security
/// policy forbids them), no external script, font or image; everything is
/// inline. It reads on a phone and prints cleanly (the control is left
/// out of print).
///
/// # Errors
/// As [`View::compare`](crate::View::compare), for options that do not
/// fit the corpus.
///
/// # Complexity
/// One comparison per event for each year the control offers, plus the
/// pictures.
///
/// ```
/// use historiograph::render::{self, ReportOptions};
///
/// let corpus = historiograph::sino_soviet_split();
/// let html = render::report(&corpus, &ReportOptions::new())?;
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("id=\"event-sino-soviet-split\""));
/// assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
/// # Ok::<(), historiograph::Error>(())
/// ```
pub fn report(corpus: &Corpus, options: &ReportOptions) -> Result<String> {
    let view = options.view();
    view.check(corpus)?;
    let events: Vec<EventId> = corpus.events_by_date().collect();
    let years = Views::years(corpus, view)?;
    let views = Views::compute(corpus, view, &events, &years)?;
    let title = options
        .title()
        .or(corpus.title())
        .unwrap_or("A debate")
        .to_owned();
    let whole = match years.last() {
        Some(&year) => view.clone().with_as_of(Some(year)),
        None => view.clone(),
    };
    let seen = corpus.view(&whole);
    let mut comparisons = Vec::with_capacity(events.len());
    for &event in &events {
        comparisons.push(seen.compare(event)?);
    }

    let mut out = String::with_capacity(1 << 20);
    head(&mut out, &title);
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"sub\">{} scholars, {} works, {} claims about {} events.</p>",
        xml(&title),
        corpus.count::<ScholarId>(),
        corpus.count::<WorkId>(),
        corpus.count::<ClaimId>(),
        events.len()
    );
    out.push_str(
        "<nav><ul><li><a href=\"#overview\">Overview</a></li><li><a href=\"#events\">Events</a></li>\
         <li><a href=\"#pictures\">Pictures</a></li><li><a href=\"#over-time\">Over time</a></li></ul></nav>\n",
    );
    year_control(&mut out, &years);
    out.push_str("</header>\n<main>\n");
    overview(&mut out, corpus, &comparisons);
    out.push_str("<section id=\"events\">\n<h2>Events</h2>\n");
    for (comparison, &event) in comparisons.iter().zip(&events) {
        let when = corpus
            .event(event)
            .and_then(|e| e.when())
            .map(|w| w.to_string());
        out.push_str(&section(comparison, when.as_deref()));
    }
    out.push_str("</section>\n");
    pictures(&mut out, corpus, &whole, &events)?;
    over_time(&mut out, corpus, view)?;
    out.push_str("</main>\n<footer>Made by historiograph from the corpus; every verdict follows the calculus in its documentation.</footer>\n");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"views\">{}</script>",
        views.to_script_json()
    );
    let _ = writeln!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>");
    Ok(out)
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        xml(title)
    );
}

fn year_control(out: &mut String, years: &[i32]) {
    let Some(&last) = years.last() else {
        return;
    };
    let _ = writeln!(
        out,
        "<div id=\"year-control\"><label for=\"year\">As of <output id=\"year-out\">{last}</output></label>\
         <input type=\"range\" id=\"year\" min=\"0\" max=\"{}\" step=\"1\" value=\"{}\" \
         aria-label=\"The year the debate is seen as of\"></div>",
        years.len() - 1,
        years.len() - 1
    );
}

fn overview(out: &mut String, corpus: &Corpus, comparisons: &[crate::query::Comparison]) {
    out.push_str("<section id=\"overview\">\n<h2>Overview</h2>\n<h3>Events in date order</h3>\n");
    out.push_str("<table><thead><tr><th>when</th><th>event</th><th>leading explanation</th></tr></thead><tbody>\n");
    for c in comparisons {
        let when = corpus
            .event(c.event())
            .and_then(|e| e.when())
            .map(|w| w.to_string())
            .unwrap_or_default();
        let leader = super::views::EventView::of(c).leader;
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><a href=\"#event-{}\">{}</a></td><td class=\"leader\" data-event=\"{}\">{}</td></tr>",
            xml(&when),
            xml(c.event_key()),
            xml(c.event_name()),
            xml(c.event_key()),
            xml(&leader)
        );
    }
    out.push_str("</tbody></table>\n<h3>Schools of explanation</h3>\n<ul>\n");
    for (id, x) in corpus.entities::<ExplanationId>() {
        if corpus.variant_of(id).is_some() {
            continue;
        }
        let variants: Vec<String> = corpus
            .variants(id)
            .filter_map(|v| corpus.explanation(v).map(|v| v.name().to_owned()))
            .collect();
        let claims = corpus.claims_invoking(id).count()
            + corpus
                .variants(id)
                .map(|v| corpus.claims_invoking(v).count())
                .sum::<usize>();
        let noun = if claims == 1 { "claim" } else { "claims" };
        let _ = write!(
            out,
            "<li><strong>{}</strong> ({claims} {noun})",
            xml(x.name())
        );
        if !variants.is_empty() {
            let _ = write!(out, ": {}", xml(&variants.join(", ")));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n<h3>Scholars</h3>\n<table><thead><tr><th>scholar</th><th>works</th><th>claims advanced</th><th>positions</th></tr></thead><tbody>\n");
    for (id, s) in corpus.entities::<ScholarId>() {
        let positions: Vec<_> = corpus.positions_of(id).collect();
        let advanced = positions
            .iter()
            .filter(|(_, _, p)| p.stance() == Stance::Advances)
            .count();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{advanced}</td><td class=\"num\">{}</td></tr>",
            xml(s.name()),
            {
                let mut works: Vec<_> = corpus.contributions(id).map(|(_, w)| w).collect();
                works.sort_unstable();
                works.dedup();
                works.len()
            },
            positions.len()
        );
    }
    out.push_str("</tbody></table>\n<h3>Works</h3>\n<ul>\n");
    for (id, w) in corpus.entities::<WorkId>() {
        let names = |role| -> Vec<String> {
            corpus
                .contributors_as(id, role)
                .filter_map(|a| corpus.scholar(a).map(|s| s.name().to_owned()))
                .collect()
        };
        // The authors; for an edited volume, its editors, marked.
        let mut by = names(Role::Author).join(", ");
        let editors = names(Role::Editor);
        if by.is_empty() && !editors.is_empty() {
            let mark = if editors.len() == 1 { "ed." } else { "eds." };
            by = format!("{} ({mark})", editors.join(", "));
        }
        let year = w.issued().map(|d| format!(" ({d})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li>{}{}. <em>{}</em>.</li>",
            xml(&by),
            xml(&year),
            xml(w.title())
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn pictures(
    out: &mut String,
    corpus: &Corpus,
    view: &crate::query::CompareOptions,
    events: &[EventId],
) -> Result<()> {
    out.push_str("<section id=\"pictures\">\n<h2>Pictures</h2>\n");
    let map = argument_map(corpus, &MapOptions::new().with_view(view.clone()));
    figure(
        out,
        "map",
        "The argument map: claims, their attacks and supports, by event.",
        &map.to_svg(),
        false,
    );
    let line = timeline(corpus, &PictureOptions::new());
    figure(
        out,
        "timeline",
        "The timeline of events.",
        &line.to_svg(),
        true,
    );
    let matrix = corpus.view(view).matrix(events.iter().copied())?;
    let heat = heat_map(corpus, &matrix);
    figure(
        out,
        "heat",
        "Events × explanations: each verdict and its score.",
        &heat.to_svg(),
        true,
    );
    out.push_str("</section>\n");
    Ok(())
}

/// An SVG picture inline, its ids made unique to the figure.
fn figure(out: &mut String, name: &str, caption: &str, svg: &str, fit: bool) {
    let body = svg
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .unwrap_or(svg)
        .replace(" id=\"", &format!(" id=\"{name}-"))
        .replace("url(#", &format!("url(#{name}-"))
        .replace("href=\"#", &format!("href=\"#{name}-"));
    let class = if fit { " class=\"fit\"" } else { "" };
    let _ = writeln!(
        out,
        "<figure id=\"figure-{name}\"{class}>\n{body}<figcaption>{}</figcaption></figure>",
        xml(caption)
    );
}

fn over_time(out: &mut String, corpus: &Corpus, view: &crate::query::CompareOptions) -> Result<()> {
    let history = corpus.view(view).history(None)?;
    out.push_str("<section id=\"over-time\">\n<h2>The debate over time</h2>\n");
    out.push_str("<p class=\"sub\">Each explanation's verdict over the whole debate, as of each year in which the scholarship moved.</p>\n<div style=\"overflow-x:auto\"><table><thead><tr><th>explanation</th>");
    for year in history.years() {
        let _ = write!(out, "<th>{year}</th>");
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in history.rows() {
        let name = corpus
            .explanation(row.explanation())
            .map_or(row.key(), |x| x.name());
        let _ = write!(out, "<tr><td>{}</td>", xml(name));
        for cell in row.standings() {
            match cell {
                Some((verdict, score)) => {
                    let _ = write!(
                        out,
                        "<td class=\"verdict-{v}\" title=\"{v}, {score:+.2}\">{}</td>",
                        &verdict.as_str()[..1],
                        v = verdict.as_str()
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n<p class=\"who\">s: supported, c: contested, r: rejected, u: unaddressed.</p>\n</section>\n");
    Ok(())
}
