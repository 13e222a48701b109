//! The built-in corpus, read as a historian reads Lüthi's introduction:
//! each test checks one point of the book's reading through `compare` and
//! the other queries (fact sheet: `shared/reference/sino-soviet-split.md`,
//! "Precise readings", "Dating the literature", "What the chapter outlines
//! argue"). Events are compared on their own, without enclosing events.

use historiograph::*;

fn corpus() -> Corpus {
    sino_soviet_split()
}

/// The comparison of an event on its own, variants apart or rolled up.
fn compare(c: &Corpus, event: &str, roll_up: bool) -> Comparison {
    let event: EventId = c.resolve(event).expect("event");
    c.view(&CompareOptions::new().with_roll_up(roll_up))
        .compare(event)
        .expect("compare")
}

/// The verdict of an explanation at an event (a family's, or a variant's
/// beneath it when rolled up); `None` when no claim connects them.
fn verdict(c: &Corpus, cmp: &Comparison, explanation: &str) -> Option<Verdict> {
    standing(c, cmp, explanation).map(Standing::verdict)
}

fn standing<'a>(c: &Corpus, cmp: &'a Comparison, explanation: &str) -> Option<&'a Standing> {
    let x: ExplanationId = c.resolve(explanation).expect("explanation");
    cmp.standings()
        .iter()
        .flat_map(|s| std::iter::once(s).chain(s.variants()))
        .find(|s| s.id() == x)
}

fn leader(c: &Corpus, event: &str, roll_up: bool) -> Option<String> {
    let cmp = compare(c, event, roll_up);
    cmp.leader().map(|s| s.explanation_key().to_owned())
}

fn claim(c: &Corpus, key: &str) -> ClaimId {
    c.resolve(key).expect("claim")
}

fn entry<'a>(c: &Corpus, cmp: &'a Comparison, key: &str) -> &'a ClaimEntry {
    let id = claim(c, key);
    cmp.standings()
        .iter()
        .flat_map(|s| s.supporting().iter().chain(s.opposing()))
        .find(|e| e.id() == id)
        .expect("claim in the comparison")
}

fn stance_of(c: &Corpus, scholar: &str, claim_key: &str) -> Option<Stance> {
    let s: ScholarId = c.resolve(scholar).expect("scholar");
    c.positions_on(claim(c, claim_key))
        .find(|(_, x, _)| *x == s)
        .map(|(_, _, p)| p.stance())
}

fn cites(c: &Corpus, note: &str) -> Vec<String> {
    let evidence: EvidenceId = c.resolve(note).expect("note");
    c.citing(evidence)
        .map(|(claim, _)| c.key(claim).unwrap_or_default().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------
// The split
// ---------------------------------------------------------------------------

#[test]
fn split_ideology_leads_with_variants_apart() {
    let c = corpus();
    assert_eq!(
        leader(&c, "sino-soviet-split", false).as_deref(),
        Some("ideology")
    );
}

#[test]
fn split_ideology_leads_with_variants_rolled_up() {
    let c = corpus();
    assert_eq!(
        leader(&c, "sino-soviet-split", true).as_deref(),
        Some("ideology")
    );
}

#[test]
fn split_domestic_politics_is_supported_and_second() {
    let c = corpus();
    for roll_up in [false, true] {
        let cmp = compare(&c, "sino-soviet-split", roll_up);
        let second = &cmp.standings()[1];
        assert_eq!(
            second.explanation_key(),
            "domestic-politics",
            "roll-up {roll_up}"
        );
        assert_eq!(second.verdict(), Verdict::Supported);
    }
}

#[test]
fn split_national_interest_the_triangle_and_security_are_rejected() {
    let c = corpus();
    for roll_up in [false, true] {
        let cmp = compare(&c, "sino-soviet-split", roll_up);
        for x in ["national-interest", "strategic-triangle", "security"] {
            assert_eq!(
                verdict(&c, &cmp, x),
                Some(Verdict::Rejected),
                "{x}, roll-up {roll_up}"
            );
        }
    }
}

#[test]
fn split_personality_contributed_but_did_not_cause() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", false);
    let personality = standing(&c, &cmp, "personality").expect("row");
    assert_eq!(personality.verdict(), Verdict::Contested);
    // Both halves stand, and both are Lüthi's.
    let contributed = entry(&c, &cmp, "personality-view");
    let not_caused = entry(&c, &cmp, "luthi-personality-not-cause");
    assert_eq!(contributed.acceptance(), Acceptance::In);
    assert_eq!(not_caused.acceptance(), Acceptance::In);
    assert_eq!(
        stance_of(&c, "luthi", "personality-view"),
        Some(Stance::Qualifies)
    );
    assert_eq!(
        stance_of(&c, "luthi", "luthi-personality-not-cause"),
        Some(Stance::Advances)
    );
}

#[test]
fn split_westad_and_luthi_both_stand_the_difference_visible() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", false);
    assert_eq!(
        entry(&c, &cmp, "luthi-ideology-central").acceptance(),
        Acceptance::In
    );
    assert_eq!(
        entry(&c, &cmp, "westad-ideology-not-sufficient").acceptance(),
        Acceptance::In
    );
    // A mild difference: Lüthi concedes part of Westad's point.
    assert_eq!(
        stance_of(&c, "luthi", "westad-ideology-not-sufficient"),
        Some(Stance::Qualifies)
    );
    assert!(standing(&c, &cmp, "ideology").expect("row").con() > 0.0);
}

#[test]
fn split_us_role_was_real_but_late_not_rejected() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", false);
    assert_ne!(
        verdict(&c, &cmp, "us-wedge-strategy"),
        Some(Verdict::Rejected)
    );
    assert_eq!(
        entry(&c, &cmp, "luthi-us-late-exacerbator").acceptance(),
        Acceptance::In
    );
    // The nuclear-threat reading has no evidence behind it.
    assert_eq!(
        verdict(&c, &cmp, "us-nuclear-threat"),
        Some(Verdict::Rejected)
    );
}

#[test]
fn split_realist_expectation_does_not_apply() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", false);
    assert_eq!(verdict(&c, &cmp, "realism"), Some(Verdict::Rejected));
    assert_eq!(
        entry(&c, &cmp, "realist-power-shift").acceptance(),
        Acceptance::Out
    );
}

#[test]
fn split_ideology_leads_by_several_claims_rolled_up() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", true);
    let lead = cmp.lead().expect("a leader has a margin");
    assert!(lead.claims().lower().is_some_and(|n| n >= 3), "{lead}");
}

#[test]
fn split_thesis_runs_through_every_chapter() {
    let c = corpus();
    let cmp = compare(&c, "sino-soviet-split", false);
    let ideology = standing(&c, &cmp, "ideology").expect("row");
    let luthi_claims = ideology
        .supporting()
        .iter()
        .filter(|e| e.positions().iter().any(|p| p.scholar_key() == "luthi"))
        .count();
    // The three disagreements (two here; the economic model is a variant),
    // the derived security, economic and territorial disputes, the collapse
    // of military relations, and the thesis itself.
    assert!(luthi_claims >= 7, "{luthi_claims}");
}

// ---------------------------------------------------------------------------
// The chapter outlines, event by event
// ---------------------------------------------------------------------------

#[test]
fn socialist_high_tide_was_the_first_ideological_disagreement() {
    let c = corpus();
    assert_eq!(
        leader(&c, "socialist-high-tide", false).as_deref(),
        Some("economic-model")
    );
    assert_eq!(
        leader(&c, "socialist-high-tide", true).as_deref(),
        Some("ideology")
    );
    let cmp = compare(&c, "socialist-high-tide", false);
    assert_eq!(
        verdict(&c, &cmp, "national-interest"),
        Some(Verdict::Rejected)
    );
}

#[test]
fn secret_speech_was_launched_for_soviet_domestic_reasons() {
    let c = corpus();
    assert_eq!(
        leader(&c, "secret-speech", false).as_deref(),
        Some("domestic-politics")
    );
    let cmp = compare(&c, "secret-speech", false);
    assert_eq!(verdict(&c, &cmp, "ideology"), Some(Verdict::Supported));
}

#[test]
fn polish_october_and_hungary_shaped_maos_domestic_course() {
    let c = corpus();
    for event in ["polish-october", "hungarian-revolution"] {
        assert_eq!(
            leader(&c, event, false).as_deref(),
            Some("domestic-politics"),
            "{event}"
        );
    }
}

#[test]
fn opposite_political_paths_in_1957() {
    let c = corpus();
    for event in [
        "failure-of-political-liberalization",
        "anti-party-group-attempt",
    ] {
        assert_eq!(
            leader(&c, event, false).as_deref(),
            Some("domestic-politics"),
            "{event}"
        );
    }
}

#[test]
fn moscow_meeting_1957_papered_over_ideological_differences() {
    let c = corpus();
    assert_eq!(
        leader(&c, "moscow-meeting-1957", false).as_deref(),
        Some("ideology")
    );
}

#[test]
fn sputnik_persuaded_mao_that_imperialism_was_weak() {
    let c = corpus();
    assert_eq!(leader(&c, "sputnik", false).as_deref(), Some("ideology"));
}

#[test]
fn great_leap_challenged_the_soviet_model_and_backed_maos_claim_to_lead() {
    let c = corpus();
    let cmp = compare(&c, "great-leap-forward", false);
    assert_eq!(
        verdict(&c, &cmp, "economic-model"),
        Some(Verdict::Supported)
    );
    assert_eq!(
        entry(&c, &cmp, "luthi-leap-bid-to-lead").acceptance(),
        Acceptance::In
    );
    assert_eq!(
        leader(&c, "great-leap-forward", true).as_deref(),
        Some("ideology")
    );
}

#[test]
fn taiwan_strait_crisis_served_mobilization_for_the_leap() {
    let c = corpus();
    assert_eq!(
        leader(&c, "taiwan-strait-crisis-1958", false).as_deref(),
        Some("domestic-politics")
    );
    assert_eq!(
        stance_of(&c, "luthi", "christensen-taiwan-mobilization"),
        Some(Stance::Endorses)
    );
    // And it challenged peaceful coexistence: ideology stands beside it.
    let cmp = compare(&c, "taiwan-strait-crisis-1958", false);
    assert_eq!(verdict(&c, &cmp, "ideology"), Some(Verdict::Supported));
}

#[test]
fn leap_critics_suppressed_in_1959() {
    let c = corpus();
    assert_eq!(
        leader(&c, "suppression-of-leap-critics", false).as_deref(),
        Some("domestic-politics")
    );
}

#[test]
fn tibet_and_india_clumsily_handled_before_khrushchevs_visit() {
    let c = corpus();
    for event in [
        "tibetan-uprising",
        "sino-indian-border-clashes",
        "khrushchev-us-visit",
    ] {
        assert_eq!(
            leader(&c, event, false).as_deref(),
            Some("alliance-dynamics"),
            "{event}"
        );
    }
}

#[test]
fn lenin_polemics_made_the_ideological_quarrel_public() {
    let c = corpus();
    assert_eq!(
        leader(&c, "lenin-polemics", false).as_deref(),
        Some("ideology")
    );
}

#[test]
fn u2_incident_was_exploited_not_a_us_cause() {
    let c = corpus();
    let cmp = compare(&c, "u2-incident", false);
    assert_eq!(verdict(&c, &cmp, "accidents"), Some(Verdict::Supported));
    assert_eq!(
        verdict(&c, &cmp, "us-wedge-strategy"),
        Some(Verdict::Rejected)
    );
}

#[test]
fn advisers_withdrawn_after_chinese_ideological_campaigns() {
    let c = corpus();
    assert_eq!(
        leader(&c, "withdrawal-of-soviet-advisers", false).as_deref(),
        Some("ideology")
    );
    assert_eq!(
        leader(&c, "collapse-of-economic-relations", false).as_deref(),
        Some("ideology")
    );
}

#[test]
fn second_moscow_meeting_compromise_under_the_leaps_collapse() {
    let c = corpus();
    let cmp = compare(&c, "moscow-meeting-1960", false);
    assert_eq!(
        verdict(&c, &cmp, "domestic-politics"),
        Some(Verdict::Supported)
    );
}

#[test]
fn recovery_of_1961_curbed_mao_and_albania_kept_up_pressure() {
    let c = corpus();
    assert_eq!(
        leader(&c, "economic-recovery-1961", false).as_deref(),
        Some("domestic-politics")
    );
    assert_eq!(
        leader(&c, "albania-destalinization-disputes-1961", false).as_deref(),
        Some("ideology")
    );
}

#[test]
fn beidaihe_comeback_and_cuba_exploited() {
    let c = corpus();
    for event in ["beidaihe-conference-1962", "cuban-missile-crisis"] {
        assert_eq!(
            leader(&c, event, false).as_deref(),
            Some("domestic-politics"),
            "{event}"
        );
    }
}

#[test]
fn test_ban_treaty_us_role_real_but_late() {
    let c = corpus();
    assert_eq!(
        leader(&c, "test-ban-treaty", false).as_deref(),
        Some("us-wedge-strategy")
    );
    let cmp = compare(&c, "test-ban-treaty", true);
    assert_eq!(verdict(&c, &cmp, "us-role"), Some(Verdict::Supported));
}

#[test]
fn moscow_talks_1963_failed_through_maos_intransigence() {
    let c = corpus();
    assert_eq!(
        leader(&c, "moscow-talks-1963", false).as_deref(),
        Some("alliance-dynamics")
    );
}

#[test]
fn european_congress_attacks_were_ideological_and_aimed_at_home() {
    let c = corpus();
    let cmp = compare(&c, "european-congress-polemics", false);
    assert_eq!(verdict(&c, &cmp, "ideology"), Some(Verdict::Supported));
    assert_eq!(
        verdict(&c, &cmp, "domestic-politics"),
        Some(Verdict::Supported)
    );
}

#[test]
fn cultural_revolution_made_the_collapse_a_function_of_domestic_politics() {
    let c = corpus();
    assert_eq!(
        leader(&c, "cultural-revolution", false).as_deref(),
        Some("domestic-politics")
    );
    assert_eq!(
        leader(&c, "anti-soviet-purge-preparation", false).as_deref(),
        Some("domestic-politics")
    );
}

#[test]
fn military_relations_real_threat_ideological_response() {
    let c = corpus();
    assert_eq!(
        leader(&c, "collapse-of-military-relations", false).as_deref(),
        Some("ideology")
    );
    let cmp = compare(&c, "collapse-of-military-relations", false);
    assert_eq!(verdict(&c, &cmp, "security"), Some(Verdict::Supported));
    assert_eq!(
        verdict(&c, &cmp, "alliance-dynamics"),
        Some(Verdict::Supported)
    );
}

#[test]
fn border_war_scare_1969_reads_as_territory_through_ideology() {
    let c = corpus();
    assert_eq!(
        leader(&c, "border-war-scare-1969", false).as_deref(),
        Some("ideology")
    );
    let cmp = compare(&c, "border-war-scare-1969", false);
    assert_eq!(verdict(&c, &cmp, "strategic-triangle"), None);
    assert_eq!(verdict(&c, &cmp, "territorial-disputes"), None);
}

#[test]
fn every_event_of_the_outlines_carries_an_argument() {
    let c = corpus();
    let background: EventId = c.resolve("ccp-moscow-background").expect("event");
    for event in c.ids::<EventId>().filter(|&e| e != background) {
        assert!(
            c.claims_about(event).next().is_some(),
            "no claim about {}",
            c.key(event).unwrap_or_default()
        );
    }
}

// ---------------------------------------------------------------------------
// The notes and the strength of each stance
// ---------------------------------------------------------------------------

#[test]
fn n1_is_framing_not_evidence() {
    assert!(cites(&corpus(), "luthi-2008-n1").is_empty());
}

#[test]
fn n17_is_not_a_claim_about_1969() {
    let c = corpus();
    let scare: EventId = c.resolve("border-war-scare-1969").expect("event");
    for key in cites(&c, "luthi-2008-n17") {
        assert!(!c.events_of(claim(&c, &key)).any(|e| e == scare), "{key}");
    }
}

#[test]
fn n36_is_one_claim_with_ideology_as_the_channel() {
    let c = corpus();
    let citing = cites(&c, "luthi-2008-n36");
    assert_eq!(citing, ["luthi-territory-through-ideology"]);
    let ideology: ExplanationId = c.resolve("ideology").expect("ideology");
    assert_eq!(c.explanation_of(claim(&c, &citing[0])), Some(ideology));
}

#[test]
fn n38_is_alliance_theory_not_the_triangle() {
    let c = corpus();
    let triangle: ExplanationId = c.resolve("strategic-triangle").expect("triangle");
    for key in cites(&c, "luthi-2008-n38") {
        let own = c.explanation_of(claim(&c, &key)).expect("explanation");
        assert_ne!(c.family(own), Some(triangle), "{key}");
    }
}

#[test]
fn n27_and_n28_cite_the_views_luthi_criticises() {
    let c = corpus();
    let luthi: ScholarId = c.resolve("luthi").expect("luthi");
    for note in ["luthi-2008-n27", "luthi-2008-n28"] {
        for key in cites(&c, note) {
            let advanced_by_luthi = c
                .positions_on(claim(&c, &key))
                .any(|(_, s, p)| s == luthi && p.stance() == Stance::Advances);
            assert!(!advanced_by_luthi, "{note} cited by Lüthi's own {key}");
        }
    }
}

#[test]
fn domestic_politics_literature_is_qualified_not_endorsed() {
    let c = corpus();
    for key in [
        "dp-leadership-conflicts",
        "dp-mao-undermined-opponents",
        "dp-diversion-legitimacy",
        "dp-soviet-factionalism",
    ] {
        assert_eq!(
            stance_of(&c, "luthi", key),
            Some(Stance::Qualifies),
            "{key}"
        );
    }
}

#[test]
fn christensen_and_chen_jian_are_endorsed_and_extended() {
    let c = corpus();
    for key in [
        "christensen-taiwan-mobilization",
        "chen-jian-foreign-enemies",
    ] {
        assert_eq!(stance_of(&c, "luthi", key), Some(Stance::Endorses), "{key}");
        let extended = c
            .supporters_of(claim(&c, key))
            .any(|s| c.key(s).is_some_and(|k| k.starts_with("luthi-")));
        assert!(extended, "{key}: no claim of Lüthi's own supports it");
    }
}

#[test]
fn haas_root_cause_is_qualified_and_his_territorial_part_rejected() {
    let c = corpus();
    assert_eq!(
        stance_of(&c, "luthi", "haas-leap-root"),
        Some(Stance::Qualifies)
    );
    assert_eq!(
        stance_of(&c, "luthi", "haas-territorial-ultimate"),
        Some(Stance::Rejects)
    );
    let cmp = compare(&c, "sino-soviet-split", false);
    assert_eq!(
        verdict(&c, &cmp, "territorial-disputes"),
        Some(Verdict::Rejected)
    );
}

#[test]
fn snyder_is_qualified_by_luthis_own_claims() {
    let c = corpus();
    assert_eq!(
        stance_of(&c, "luthi", "snyder-entrapment"),
        Some(Stance::Qualifies)
    );
    let own: Vec<String> = c
        .supporters_of(claim(&c, "snyder-entrapment"))
        .filter_map(|s| c.key(s).map(ToOwned::to_owned))
        .filter(|k| k.starts_with("luthi-"))
        .collect();
    assert!(own.len() >= 3, "{own:?}");
}

#[test]
fn zagoria_binding_force_is_a_disagreement_between_the_two() {
    let c = corpus();
    let luthi: ScholarId = c.resolve("luthi").expect("luthi");
    let zagoria: ScholarId = c.resolve("zagoria").expect("zagoria");
    let points = c
        .view(&CompareOptions::new())
        .disagreements(luthi, zagoria, None)
        .expect("disagreements");
    let binding = claim(&c, "zagoria-binding-force");
    assert!(points.iter().any(|d| d.point() == Point::Claim(binding)));
}

#[test]
fn zagoria_is_dated_once_by_the_imprint() {
    let c = corpus();
    let work: WorkId = c.resolve("zagoria-1962").expect("work");
    assert_eq!(c.work(work).and_then(Work::year), Some(1962));
    assert!(c.lookup::<WorkId>("zagoria-1961").is_none());
}

// ---------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------

#[test]
fn every_claim_and_work_has_a_date() {
    let c = corpus();
    for (id, work) in c.entities::<WorkId>() {
        assert!(work.issued().is_some(), "{}", c.key(id).unwrap_or_default());
    }
    // Every claim enters the debate in a year of its own, of a position or
    // of a work that reports it: none waits for the corpus's last year.
    let before = CompareOptions::new().with_as_of(Some(2007));
    let as_of_2008 = CompareOptions::new().with_as_of(Some(2008));
    for claim in c.ids::<ClaimId>() {
        let p = c.view(&as_of_2008).provenance(claim).expect("live");
        let dated = c.claim(claim).and_then(Claim::date).is_some()
            || !p.positions().is_empty()
            || p.works()
                .iter()
                .any(|&w| c.work(w).and_then(Work::issued).is_some());
        assert!(dated, "{}", c.key(claim).unwrap_or_default());
    }
    // Christensen's later work, cited by Lüthi, is there before Lüthi.
    let christensen: ScholarId = c.resolve("christensen").expect("christensen");
    assert!(c.view(&before).claims_held_by(christensen).count() >= 1);
}

#[test]
fn the_readings_before_luthi_appear_with_their_periods() {
    let c = corpus();
    let split: EventId = c.resolve("sino-soviet-split").expect("split");
    let families = CompareOptions::new().with_roll_up(true);
    let at = |year: i32, x: &str| -> Option<Verdict> {
        let cmp = c
            .view(&families.clone().with_as_of(Some(year)))
            .compare(split)
            .expect("compare");
        verdict(&c, &cmp, x).filter(|&v| v != Verdict::Unaddressed)
    };
    // The 1960s ideological readings (Zagoria, the purely ideological and
    // the mixed readings), the triangle literature of the 1970s, the
    // "China under threat" reading of the 1980s.
    assert!(at(1962, "ideology").is_some());
    assert!(at(1975, "strategic-triangle").is_none());
    assert!(at(1979, "strategic-triangle").is_some());
    let cmp = c
        .view(&families.clone().with_as_of(Some(1989)))
        .compare(split)
        .expect("compare");
    assert!(standing(&c, &cmp, "china-under-threat").is_some_and(|s| !s.supporting().is_empty()));
    // Before Lüthi, the triangle was not rejected; after him it is.
    assert_ne!(at(2007, "strategic-triangle"), Some(Verdict::Rejected));
    assert_eq!(at(2008, "strategic-triangle"), Some(Verdict::Rejected));
}

#[test]
fn as_of_2008_the_view_is_the_whole_debate() {
    let c = corpus();
    assert_eq!(c.last_year(), Some(2008));
    for event in c.ids::<EventId>() {
        let whole = c
            .view(&CompareOptions::new())
            .compare(event)
            .expect("compare");
        let then = c
            .view(&CompareOptions::new().with_as_of(Some(2008)))
            .compare(event)
            .expect("compare");
        assert_eq!(whole.standings(), then.standings());
    }
}
