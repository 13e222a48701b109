//! A second debate as a fixture: the origins of the First World War
//! (`tests/data/first-world-war.json`, sources in its README). What the
//! historiography says at several years, as the calculus derives it from
//! the stances, attacks and evidence of the fixture — no rule here knows
//! which debate it is looking at.

use historiograph::*;

const EPS: f64 = 1e-9;

fn corpus() -> Corpus {
    Corpus::from_json(include_str!("data/first-world-war.json")).expect("the fixture loads")
}

/// The outbreak of the war and everything within it, families rolled up.
fn outbreak(c: &Corpus, as_of: Option<i32>) -> Result<Comparison> {
    let outbreak: EventId = c.resolve("outbreak")?;
    c.view(
        &CompareOptions::new()
            .with_enclosed(true)
            .with_roll_up(true)
            .with_as_of(as_of),
    )
    .compare(outbreak)
}

/// The standing of an explanation, a family or a variant beneath one.
fn standing<'a>(c: &Corpus, cmp: &'a Comparison, key: &str) -> Result<&'a Standing> {
    let x: ExplanationId = c.resolve(key)?;
    Ok(cmp
        .standings()
        .iter()
        .flat_map(|s| std::iter::once(s).chain(s.variants()))
        .find(|s| s.id() == x)
        .unwrap_or_else(|| panic!("{key} has claims about the outbreak")))
}

fn verdict(c: &Corpus, cmp: &Comparison, key: &str) -> Result<Verdict> {
    Ok(standing(c, cmp, key)?.verdict())
}

#[test]
fn the_fixture_is_a_debate_of_its_own() -> Result<()> {
    let c = corpus();
    assert_eq!(c.count::<ClaimId>(), 30);
    assert_eq!(c.last_year(), Some(2015));
    // Every claim is dated through its stances, its works or its own year.
    let cmp = outbreak(&c, Some(2015))?;
    let whole = outbreak(&c, None)?;
    assert_eq!(cmp.standings(), whole.standings());
    Ok(())
}

#[test]
fn before_fischer_his_readings_are_not_yet_in_the_debate() -> Result<()> {
    let c = corpus();
    let in_1930 = outbreak(&c, Some(1930))?;
    for key in [
        "german-war-aims",
        "calculated-risk",
        "contingent-decision-making",
    ] {
        assert_eq!(verdict(&c, &in_1930, key)?, Verdict::Unaddressed, "{key}");
    }
    // The war-guilt article of 1919: Lloyd George's endorsement as
    // signatory stands against the rejections of Barnes (1926) and Fay
    // (1928), two voices against one: opposed, and never supported since.
    let art = standing(&c, &in_1930, "war-guilt-article-231")?;
    assert!(art.con() > art.pro(), "{art:?}");
    assert!((art.rejecting_con() - 2.0).abs() < EPS);
    for year in [1930, 1955, 1975, 2000] {
        let cmp = outbreak(&c, Some(year))?;
        assert_ne!(
            verdict(&c, &cmp, "war-guilt-article-231")?,
            Verdict::Supported
        );
        assert_ne!(
            verdict(&c, &cmp, "franco-russian-responsibility")?,
            Verdict::Supported
        );
    }
    Ok(())
}

#[test]
fn lloyd_george_changes_his_mind_on_the_war_guilt_article() -> Result<()> {
    let c = corpus();
    let lloyd_george: ScholarId = c.resolve("lloyd-george")?;
    let art: ClaimId = c.resolve("art-231-war-guilt")?;
    let trajectory = c.view(&CompareOptions::new()).trajectory(lloyd_george)?;
    let on_art: Vec<(Option<Stance>, Stance, Option<i32>)> = trajectory
        .moves()
        .iter()
        .filter(|m| m.claim() == art)
        .map(|m| (m.from(), m.to(), m.year()))
        .collect();
    assert_eq!(
        on_art,
        [
            (None, Stance::Endorses, Some(1919)),
            (Some(Stance::Endorses), Stance::Qualifies, Some(1933))
        ]
    );
    // He counts once, by his latest position: half a voice after 1933,
    // beside the article's unnamed proponents (the Allied governments that
    // wrote it: no scholar advances it).
    let in_1930 = outbreak(&c, Some(1930))?;
    let in_1935 = outbreak(&c, Some(1935))?;
    let backing = |cmp: &Comparison| -> Result<f64> {
        let s = standing(&c, cmp, "war-guilt-article-231")?;
        Ok(s.supporting()
            .iter()
            .find(|e| e.id() == art)
            .expect("in view")
            .backing())
    };
    assert!((backing(&in_1930)? - 2.0).abs() < EPS);
    assert!((backing(&in_1935)? - 1.5).abs() < EPS);
    // And he holds "slithered", not the article, after 1933.
    let held: Vec<ClaimId> = c
        .view(&CompareOptions::new())
        .claims_held_by(lloyd_george)
        .map(|(c, _)| c)
        .collect();
    assert!(held.contains(&c.resolve("slithered")?));
    Ok(())
}

#[test]
fn after_the_second_world_war_shared_responsibility_has_its_formula() -> Result<()> {
    let c = corpus();
    let in_1955 = outbreak(&c, Some(1955))?;
    // The 1951 Franco-German theses and Lloyd George's "slithered".
    let shared = standing(&c, &in_1955, "shared-responsibility")?;
    assert!(shared.pro() > shared.con(), "{shared:?}");
    assert_eq!(
        verdict(&c, &in_1955, "slithered-into-war")?,
        Verdict::Supported
    );
    Ok(())
}

#[test]
fn the_fischer_controversy_turns_between_1965_and_1975() -> Result<()> {
    let c = corpus();
    // 1965: Ritter rejects Fischer's bid for world power, Zechlin
    // undermines it, Erdmann only qualifies it: against Fischer and Geiss,
    // German war aims are rejected.
    let in_1965 = outbreak(&c, Some(1965))?;
    let aims = standing(&c, &in_1965, "german-war-aims")?;
    assert_eq!(aims.verdict(), Verdict::Rejected);
    assert!(aims.defeated_pro() > 0.0);
    // 1975: Wehler, Berghahn and Röhl have taken up Fischer's readings; the
    // war of illusions (a preventive war planned from 1912) stands, and the
    // family is no longer rejected.
    let in_1975 = outbreak(&c, Some(1975))?;
    assert_ne!(verdict(&c, &in_1975, "german-war-aims")?, Verdict::Rejected);
    assert_eq!(verdict(&c, &in_1975, "preventive-war")?, Verdict::Supported);
    // Fischer and Ritter disagree once Fischer publishes (1961), each point
    // with the year and work of each side.
    let fischer: ScholarId = c.resolve("fischer")?;
    let ritter: ScholarId = c.resolve("ritter")?;
    let early = CompareOptions::new().with_as_of(Some(1960));
    assert!(
        c.view(&early)
            .disagreements(fischer, ritter, None)?
            .is_empty()
    );
    let points = c
        .view(&CompareOptions::new())
        .disagreements(fischer, ritter, None)?;
    let bid: ClaimId = c.resolve("fischer-bid")?;
    let on_bid = points
        .iter()
        .find(|d| d.point() == Point::Claim(bid))
        .expect("Ritter rejects Fischer's bid");
    assert_eq!(
        (on_bid.first().year(), on_bid.second().year()),
        (Some(1961), Some(1962))
    );
    Ok(())
}

#[test]
fn the_sleepwalkers_lead_in_2013_and_are_contested_after_their_critics() -> Result<()> {
    let c = corpus();
    // 2013: Clark (2012), Münkler and MacMillan (2013): the contingent
    // reading leads the outbreak.
    let in_2013 = outbreak(&c, Some(2013))?;
    let family: ExplanationId = c.resolve("contingent-decision-making")?;
    assert_eq!(in_2013.leader().map(Standing::id), Some(family));
    assert_eq!(verdict(&c, &in_2013, "sleepwalkers")?, Verdict::Supported);
    // Mombauer (2014) and Röhl (2015) reject it: contested.
    let whole = outbreak(&c, None)?;
    let sleepwalkers = standing(&c, &whole, "sleepwalkers")?;
    assert_eq!(sleepwalkers.verdict(), Verdict::Contested);
    assert!((sleepwalkers.rejecting_con() - 2.0).abs() < EPS);
    assert_ne!(whole.leader().map(Standing::id), Some(family));
    Ok(())
}
