//! What the bibliography importers (CSL-JSON, BibLaTeX) share: the scholars
//! their name lists stand for, found by name or added with a new key; a
//! work added with its contributors; what a merge returns.

use std::collections::HashMap;

use crate::error::Result;
use crate::graph::Corpus;
use crate::io::Unmapped;
use crate::model::{NameParts, Role, Scholar, ScholarId, Work, WorkId};

/// What a bibliography merge added ([`Corpus::merge_csl_json`],
/// [`Corpus::merge_biblatex`]): the works, in the order of the entries,
/// and what the entries held that has no place in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Merged {
    /// The works, in the order of the entries.
    pub works: Vec<WorkId>,
    /// What had no place.
    pub unmapped: Vec<Unmapped>,
}

/// A name as a bibliography gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Name {
    /// Cited as written: an institution (CSL `literal`, a BibLaTeX name in
    /// braces).
    Literal(String),
    /// A person's name in parts.
    Parts(NameParts),
}

impl Name {
    /// The display name: the literal, or the parts in their order.
    fn display(&self) -> String {
        match self {
            Name::Literal(name) => name.clone(),
            Name::Parts(parts) => parts.to_display_name(),
        }
    }

    /// The parts written in the other order (`Jian Chen` for `Chen Jian`),
    /// for a person named with both parts.
    fn swapped(&self) -> Option<String> {
        match self {
            Name::Parts(parts) if parts.given().is_some() => {
                Some(parts.in_other_order().to_display_name())
            }
            _ => None,
        }
    }
}

/// The scholars of a corpus by display name, to find the one a
/// bibliography's name stands for, and to add new ones under fresh keys.
pub(crate) struct People {
    by_name: HashMap<String, ScholarId>,
}

impl People {
    /// The corpus's scholars, the first (lowest id) of each display name.
    pub(crate) fn of(corpus: &Corpus) -> People {
        let mut by_name = HashMap::new();
        for (id, scholar) in corpus.entities::<ScholarId>() {
            by_name.entry(scholar.name().to_owned()).or_insert(id);
        }
        People { by_name }
    }

    /// The scholar a name stands for: the first with its display name,
    /// else (for a person named with family and given names) the first
    /// with the name written in the other order (`Chen Jian` for
    /// BibLaTeX's `Chen, Jian`); otherwise a new scholar. A new scholar's
    /// key is the family name (or the literal name) as a slug (`Lüthi` →
    /// `luthi`); if that key is taken, the given name is added
    /// (`jian-chen`), then `-2`, `-3`, ... It keeps the parts only where
    /// the usual reading of its display name would divide it otherwise
    /// (a family-first name), and a literal name as cited as written.
    ///
    /// `Err` carries the message of a scholar the corpus refuses.
    pub(crate) fn find_or_add(
        &mut self,
        corpus: &mut Corpus,
        name: &Name,
    ) -> std::result::Result<ScholarId, String> {
        let display = name.display();
        if let Some(&id) = self.by_name.get(&display) {
            return Ok(id);
        }
        if let Some(&id) = name.swapped().and_then(|s| self.by_name.get(&s)) {
            return Ok(id);
        }
        let (base, given) = match name {
            Name::Literal(literal) => (slug(literal), None),
            Name::Parts(parts) => (slug(parts.family()), parts.given().map(slug)),
        };
        let mut candidates = vec![base.clone()];
        if let Some(given) = given {
            candidates.push(format!("{base}-{given}"));
        }
        let mut n = 2usize;
        let key = loop {
            if let Some(key) = candidates
                .iter()
                .find(|k| corpus.lookup::<ScholarId>(k).is_none())
            {
                break key.clone();
            }
            candidates = vec![format!("{base}-{n}")];
            n += 1;
        };
        let scholar = Scholar::new(key, display.clone());
        let scholar = match name {
            Name::Literal(_) => scholar.with_literal_name(),
            Name::Parts(parts) if NameParts::parse(&display).as_ref() != Some(parts) => {
                scholar.with_parts(parts.clone())
            }
            Name::Parts(_) => scholar,
        };
        let id = corpus.add_scholar(scholar).map_err(|e| e.to_string())?;
        self.by_name.insert(display, id);
        Ok(id)
    }
}

/// A work's contributors as an importer collects them: each role's
/// scholars in order, a scholar named twice in a role listed once.
#[derive(Debug, Default)]
pub(crate) struct Contributors {
    lists: Vec<(Role, Vec<ScholarId>)>,
}

impl Contributors {
    /// Adds a scholar to a role's list; `false` if the scholar is in that
    /// list already (and is not added again).
    pub(crate) fn push(&mut self, role: Role, scholar: ScholarId) -> bool {
        let at = match self.lists.iter().position(|(r, _)| *r == role) {
            Some(at) => at,
            None => {
                self.lists.push((role, Vec::new()));
                self.lists.len() - 1
            }
        };
        let list = &mut self.lists[at].1;
        if list.contains(&scholar) {
            return false;
        }
        list.push(scholar);
        true
    }

    /// Adds the work with its contributors.
    pub(crate) fn add_work(self, corpus: &mut Corpus, work: Work) -> Result<WorkId> {
        let authors = self
            .lists
            .iter()
            .find(|(r, _)| *r == Role::Author)
            .map(|(_, list)| list.clone())
            .unwrap_or_default();
        let id = corpus.add_work(work, authors)?;
        for (role, list) in self.lists {
            if role != Role::Author {
                corpus.set_contributors(id, role, list)?;
            }
        }
        Ok(id)
    }
}

/// A scholar key from a name: lower case, Latin accents dropped, runs of
/// anything but letters and digits turned into `-`.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        match FOLDS
            .iter()
            .find(|(accented, _)| *accented == c)
            .map(|(_, plain)| plain)
        {
            Some(plain) => out.push_str(plain),
            None if c.is_alphanumeric() => out.push(c),
            None => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(150).collect();
    if out.is_empty() {
        "author".to_owned()
    } else {
        out
    }
}

const FOLDS: [(char, &str); 52] = [
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ä', "a"),
    ('å', "a"),
    ('ā', "a"),
    ('ą', "a"),
    ('ç', "c"),
    ('ć', "c"),
    ('č', "c"),
    ('ď', "d"),
    ('đ', "d"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ē', "e"),
    ('ė', "e"),
    ('ę', "e"),
    ('ě', "e"),
    ('ğ', "g"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ī', "i"),
    ('ı', "i"),
    ('ł', "l"),
    ('ñ', "n"),
    ('ń', "n"),
    ('ň', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ö', "o"),
    ('ø', "o"),
    ('ō', "o"),
    ('ő', "o"),
    ('ř', "r"),
    ('ś', "s"),
    ('š', "s"),
    ('ş', "s"),
    ('ß', "ss"),
    ('ť', "t"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('ž', "z"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_names() {
        assert_eq!(slug("Lüthi"), "luthi");
        assert_eq!(slug("MacFarquhar"), "macfarquhar");
        assert_eq!(slug("van der Berg, Jr."), "van-der-berg-jr");
        assert_eq!(slug("陈兼"), "陈兼");
        assert_eq!(slug("--"), "author");
    }

    #[test]
    fn names_match_in_either_order() {
        let mut corpus = Corpus::new();
        let chen = corpus
            .add_scholar(Scholar::new("chen-jian", "Chen Jian"))
            .expect("scholar");
        let mut people = People::of(&corpus);
        let bib = Name::Parts(NameParts::new("Chen").with_given("Jian"));
        assert_eq!(people.find_or_add(&mut corpus, &bib), Ok(chen));
        let mao = Name::Parts(
            NameParts::new("Mao")
                .with_given("Zedong")
                .with_family_first(),
        );
        let id = people.find_or_add(&mut corpus, &mao).expect("added");
        let scholar = corpus.scholar(id).expect("live");
        assert_eq!((scholar.key(), scholar.name()), ("mao", "Mao Zedong"));
        assert!(scholar.parts().is_some_and(NameParts::is_family_first));
        let luthi = Name::Parts(NameParts::new("Lüthi").with_given("Lorenz M."));
        let id = people.find_or_add(&mut corpus, &luthi).expect("added");
        // The usual reading divides it so: no explicit parts.
        assert_eq!(corpus.scholar(id).and_then(Scholar::parts), None);
    }
}
