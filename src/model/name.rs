//! The parts of a person's name, as citation styles need them.

/// The parts of a person's name, as CSL-JSON and BibLaTeX divide it: the
/// family name with its particles, the given name, a suffix, and the order
/// the name is written in.
///
/// Citation styles print names by their parts (`Lüthi, L. M.`, `Chen
/// 2001`), so a scholar whose name its usual reading
/// ([`NameParts::parse`]) divides wrongly carries them explicitly
/// ([`Scholar::with_parts`](crate::Scholar::with_parts)): a family-first
/// name (`Chen Jian`, `Mao Zedong`), a particle that styles drop
/// (`Clausewitz, Carl von`), a family name of two words (`García
/// Márquez`).
///
/// ```
/// use historiograph::NameParts;
///
/// let chen = NameParts::new("Chen").with_given("Jian").with_family_first();
/// assert_eq!(chen.to_display_name(), "Chen Jian");
/// // The usual reading takes the last word for the family name.
/// assert_eq!(NameParts::parse("Chen Jian").map(|p| p.family().to_owned()), Some("Jian".to_owned()));
/// let berg = NameParts::parse("Jan van der Berg").expect("a name");
/// assert_eq!((berg.given(), berg.non_dropping_particle(), berg.family()),
///            (Some("Jan"), Some("van der"), "Berg"));
/// ```
///
/// Serialized with the names of a scholar's `parts` in the corpus document
/// (CSL-JSON's, in snake case): `{"family": "Chen", "given": "Jian",
/// "family_first": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameParts {
    family: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    given: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    non_dropping_particle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dropping_particle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    family_first: bool,
}

impl NameParts {
    /// A name with only a family name, written given name first.
    pub fn new(family: impl Into<String>) -> NameParts {
        NameParts {
            family: family.into(),
            given: None,
            non_dropping_particle: None,
            dropping_particle: None,
            suffix: None,
            family_first: false,
        }
    }

    /// Sets the given name (`Lorenz M.`, `Jian`).
    #[must_use]
    pub fn with_given(mut self, given: impl Into<String>) -> NameParts {
        self.given = Some(given.into());
        self
    }

    /// Sets the particle kept with the family name, which styles print and
    /// sort with it (CSL `non-dropping-particle`: `van der` in `van der
    /// Berg`, `de` in `de Gaulle`).
    #[must_use]
    pub fn with_non_dropping_particle(mut self, particle: impl Into<String>) -> NameParts {
        self.non_dropping_particle = Some(particle.into());
        self
    }

    /// Sets the particle that styles move after the given name when they
    /// invert the name (CSL `dropping-particle`: `von` in `Clausewitz, Carl
    /// von`).
    #[must_use]
    pub fn with_dropping_particle(mut self, particle: impl Into<String>) -> NameParts {
        self.dropping_particle = Some(particle.into());
        self
    }

    /// Sets the suffix (`Jr.`, `III`).
    #[must_use]
    pub fn with_suffix(mut self, suffix: impl Into<String>) -> NameParts {
        self.suffix = Some(suffix.into());
        self
    }

    /// Marks the name as written family name first (`Chen Jian`, `Mao
    /// Zedong`): styles print it in that order, never inverted with a
    /// comma (CSL-JSON `static-ordering`).
    #[must_use]
    pub fn with_family_first(mut self) -> NameParts {
        self.family_first = true;
        self
    }

    /// The family name, without its particles.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// The given name.
    pub fn given(&self) -> Option<&str> {
        self.given.as_deref()
    }

    /// The particle kept with the family name.
    pub fn non_dropping_particle(&self) -> Option<&str> {
        self.non_dropping_particle.as_deref()
    }

    /// The particle styles drop after the given name.
    pub fn dropping_particle(&self) -> Option<&str> {
        self.dropping_particle.as_deref()
    }

    /// The suffix.
    pub fn suffix(&self) -> Option<&str> {
        self.suffix.as_deref()
    }

    /// Whether the name is written family name first.
    pub fn is_family_first(&self) -> bool {
        self.family_first
    }

    /// The name as it is written in running text: `Lorenz M. Lüthi`, `Jan
    /// van der Berg`, `Martin Luther King Jr.`; family first, `Chen Jian`.
    /// Blank parts are left out.
    pub fn to_display_name(&self) -> String {
        let family = Some(self.family.as_str());
        let words = if self.family_first {
            [
                self.dropping_particle(),
                self.non_dropping_particle(),
                family,
                self.given(),
                self.suffix(),
            ]
        } else {
            [
                self.given(),
                self.dropping_particle(),
                self.non_dropping_particle(),
                family,
                self.suffix(),
            ]
        };
        let words: Vec<&str> = words
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }

    /// The usual reading of a name written given name first, BibTeX's
    /// `First von Last`: the last word is the family name; lower-case
    /// words before it (and after the given name) are its particle, kept
    /// with it (`Jan van der Berg` → `van der` `Berg`); the words before
    /// are the given name. A name of one word is a family name alone.
    ///
    /// `None` for a name this reading cannot divide back into the same
    /// text: empty, or with white space other than single spaces between
    /// words.
    pub fn parse(name: &str) -> Option<NameParts> {
        if name.is_empty()
            || name
                .split(' ')
                .any(|w| w.is_empty() || w.contains(char::is_whitespace))
        {
            return None;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let (last, before) = words.split_last()?;
        let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
        // The particle runs from the first lower-case word to the last one
        // before the family name.
        let first_lower = before.iter().position(lower);
        let last_lower = before.iter().rposition(lower);
        let (given, particle, family) = match (first_lower, last_lower) {
            (Some(from), Some(to)) => (&before[..from], &before[from..=to], &words[to + 1..]),
            _ => (before, &before[..0], std::slice::from_ref(last)),
        };
        let join = |ws: &[&str]| (!ws.is_empty()).then(|| ws.join(" "));
        Some(NameParts {
            family: family.join(" "),
            given: join(given),
            non_dropping_particle: join(particle),
            dropping_particle: None,
            suffix: None,
            family_first: false,
        })
    }

    /// The same parts, written in the other order.
    #[cfg_attr(not(any(feature = "csl", feature = "biblatex")), allow(dead_code))]
    pub(crate) fn in_other_order(&self) -> NameParts {
        NameParts {
            family_first: !self.family_first,
            ..self.clone()
        }
    }

    pub(crate) fn empty_field(&self) -> Option<&'static str> {
        (!crate::model::non_empty(&self.family)).then_some("parts.family")
    }
}

#[cfg(test)]
mod tests {
    use super::NameParts;

    fn parts(name: &str) -> Option<(Option<String>, Option<String>, String)> {
        NameParts::parse(name).map(|p| {
            (
                p.given().map(str::to_owned),
                p.non_dropping_particle().map(str::to_owned),
                p.family().to_owned(),
            )
        })
    }

    fn some(
        g: Option<&str>,
        p: Option<&str>,
        f: &str,
    ) -> Option<(Option<String>, Option<String>, String)> {
        Some((g.map(str::to_owned), p.map(str::to_owned), f.to_owned()))
    }

    #[test]
    fn the_usual_reading() {
        assert_eq!(
            parts("Lorenz M. Lüthi"),
            some(Some("Lorenz M."), None, "Lüthi")
        );
        assert_eq!(parts("Plato"), some(None, None, "Plato"));
        assert_eq!(
            parts("Jan van der Berg"),
            some(Some("Jan"), Some("van der"), "Berg")
        );
        assert_eq!(parts("de Gaulle"), some(None, Some("de"), "Gaulle"));
        assert_eq!(
            parts("Charles de la Vallée Poussin"),
            some(Some("Charles"), Some("de la"), "Vallée Poussin")
        );
        assert_eq!(parts("a b"), some(None, Some("a"), "b"));
        assert_eq!(parts("a  b"), None);
        assert_eq!(parts(" a"), None);
        assert_eq!(parts("a\tb"), None);
        assert_eq!(parts(""), None);
    }

    #[test]
    fn the_usual_reading_joins_back() {
        for name in [
            "Lorenz M. Lüthi",
            "Jan van der Berg",
            "de Gaulle",
            "Plato",
            "x y z",
        ] {
            let parts = NameParts::parse(name).expect(name);
            assert_eq!(parts.to_display_name(), name);
        }
    }

    #[test]
    fn family_first_names_display_in_their_order() {
        let mao = NameParts::new("Mao")
            .with_given("Zedong")
            .with_family_first();
        assert_eq!(mao.to_display_name(), "Mao Zedong");
        let king = NameParts::new("King")
            .with_given("Martin Luther")
            .with_suffix("Jr.");
        assert_eq!(king.to_display_name(), "Martin Luther King Jr.");
        let carl = NameParts::new("Clausewitz")
            .with_given("Carl")
            .with_dropping_particle("von");
        assert_eq!(carl.to_display_name(), "Carl von Clausewitz");
    }
}
