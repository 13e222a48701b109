//! The historian's report: self-contained, every event, and views for the
//! year control that are the comparisons of each year. Its behaviour in a
//! browser is checked by `tests/browser/report_check.mjs` (`.ci/run`).

mod common;

use common::{build, plan};
use historiograph::render::{self, ReportOptions};
use historiograph::*;
use proptest::prelude::*;
use serde_json::Value;

/// The JSON of the views computed into the page.
fn views(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/json\" id=\"views\">")
        .expect("the views")
        + "<script type=\"application/json\" id=\"views\">".len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end].replace("<\\/", "</")).expect("views are JSON")
}

/// Nothing the page loads comes from elsewhere.
fn self_contained(html: &str) {
    for outside in [
        "src=\"http",
        "href=\"http",
        "<link",
        "<script src",
        "@import",
        "url(http",
        "<iframe",
    ] {
        assert!(!html.contains(outside), "the page holds `{outside}`");
    }
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert_eq!(
        html.matches("<script").count(),
        2,
        "one data block, one script"
    );
}

#[test]
fn the_report_of_the_built_in_corpus_shows_every_event_as_of_every_year() -> Result<()> {
    let corpus = sino_soviet_split();
    let options = ReportOptions::new();
    let html = render::report(&corpus, &options)?;
    self_contained(&html);
    let events: Vec<EventId> = corpus.events_by_date().collect();
    assert_eq!(
        html.matches("<article class=\"event\"").count(),
        events.len()
    );
    for picture in ["figure-map", "figure-timeline", "figure-heat"] {
        assert!(html.contains(picture), "{picture}");
    }
    // An edited volume is listed under its editors, marked as such.
    assert!(
        html.contains("<li>Vojtech Mastny, Malcolm Byrne (eds.) (2005). <em>A Cardboard Castle?")
    );
    assert!(html.contains("<li>O. Arne Westad (ed.) (1998). <em>Brothers in Arms:"));
    assert!(html.contains("<li>Chen Jian (2001). <em>Mao&#39;s China"));
    let views = views(&html);
    let years: Vec<i32> = views["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| y.as_i64().expect("a year") as i32)
        .collect();
    assert_eq!(years.last().copied(), corpus.last_year());
    assert!(years.windows(2).all(|w| w[0] < w[1]));
    // Each year's view of each event is that year's comparison.
    for (i, &year) in years.iter().enumerate() {
        let as_of = options.view().clone().with_as_of(Some(year));
        for &event in &events {
            let comparison = corpus.view(&as_of).compare(event)?;
            let view = &views["events"][comparison.event_key()][i];
            let names: Vec<&str> = view["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| r[0].as_str().expect("a name"))
                .collect();
            let verdicts: Vec<&str> = view["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| r[1].as_str().expect("a verdict"))
                .collect();
            let mut want_names = Vec::new();
            let mut want_verdicts = Vec::new();
            for s in comparison.standings() {
                for s in std::iter::once(s).chain(s.variants()) {
                    want_names.push(s.name());
                    want_verdicts.push(s.verdict().as_str());
                }
            }
            assert_eq!(names, want_names, "{year} {}", comparison.event_key());
            assert_eq!(verdicts, want_verdicts, "{year} {}", comparison.event_key());
            let lead = view["lead"].as_str().expect("a lead");
            match comparison.leader() {
                Some(leader) => assert!(lead.starts_with(leader.name()), "{year}: {lead}"),
                None => assert!(!lead.contains(" leads "), "{year}: {lead}"),
            }
        }
    }
    // The split's verdicts do move with the literature.
    let split = &views["events"]["sino-soviet-split"];
    let first = &split[0]["rows"];
    assert!(
        split
            .as_array()
            .expect("views")
            .iter()
            .any(|v| &v["rows"] != first)
    );
    Ok(())
}

#[test]
fn corpus_text_cannot_break_out_of_the_page() -> Result<()> {
    let mut c = Corpus::new();
    c.set_title(Some("<script>alert(1)</script>".to_owned()));
    let s = c.add_scholar(Scholar::new("s", "O'Brien & \"Sons\" </script>"))?;
    let e = c.add_event(
        Event::new("e", "</script><img src=x onerror=alert(1)>"),
        None,
    )?;
    let x = c.add_explanation(Explanation::new("x", "<b>bold</b>"), None)?;
    let claim = c.add_claim(
        Claim::new("c", "</script><script>alert(2)</script>").with_year(1990),
        x,
        [e],
    )?;
    c.add_position(s, claim, Position::new(Stance::Advances).in_year(1990))?;
    let html = render::report(&c, &ReportOptions::new())?;
    self_contained(&html);
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    let views = views(&html);
    assert!(views["events"]["e"][0]["lead"].is_string());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Any corpus makes a report: self-contained, an article per event,
    /// views for every event in every year offered.
    #[test]
    fn every_corpus_makes_a_report(p in plan(2)) {
        let c = build(&p);
        let html = render::report(&c, &ReportOptions::new())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        self_contained(&html);
        prop_assert_eq!(html.matches("<article class=\"event\"").count(), c.count::<EventId>());
        let views = views(&html);
        let years = views["years"].as_array().expect("years").len();
        for (_, per_year) in views["events"].as_object().expect("events") {
            prop_assert_eq!(per_year.as_array().expect("views").len(), years);
        }
    }
}
