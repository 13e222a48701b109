//! Reads the JSON that `argdown json` exports into a corpus (see `argdown.md`).

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::claim::{
    Draft, Named, RECORDS, canonical_text, claim_document, draft, import_error, wrong_type,
};
use super::json::{ArgdownJson, RelationJson, SectionJson};
use super::parse::parse;
use crate::error::{Error, Result};
use crate::graph::Corpus;
use crate::io::foreign::{parse_json, utf8};
use crate::io::{Imported, Unmapped};
use crate::model::AttackKind;

/// Everything read so far, on its way to a corpus document.
#[derive(Default)]
struct Reader {
    title: Option<String>,
    /// The record lists, each entry with where it came from.
    records: HashMap<&'static str, Vec<(Value, String)>>,
    drafts: Vec<Draft>,
    /// Statement title → draft.
    statements: HashMap<String, usize>,
    /// Argument title → draft (its conclusion's, when it has premises), and
    /// the drafts of its conclusions with their places in the pcs.
    arguments: HashMap<String, (usize, Vec<(usize, usize)>)>,
    supports: Vec<(usize, usize)>,
    attacks: Vec<(usize, usize, AttackKind)>,
    /// The (source, target) pairs in `supports` and `attacks`.
    supported: HashSet<(usize, usize)>,
    attacked: HashSet<(usize, usize)>,
    unmapped: Vec<Unmapped>,
}

impl Corpus {
    #[doc = include_str!("../argdown.md")]
    pub fn from_argdown_json(bytes: impl AsRef<[u8]>) -> Result<Imported> {
        let text = utf8(bytes.as_ref())?;
        let input: ArgdownJson = parse_json(text)?;
        read(&input)
    }

    /// Reads `.argdown` text directly, for a documented subset of Argdown
    /// (see "Native reading" in
    /// [`from_argdown_json`](Corpus::from_argdown_json)): what it reads is
    /// what `argdown json` would export, mapped by the same conventions.
    ///
    /// ```
    /// use historiograph::{AttackKind, ClaimId, Corpus};
    ///
    /// let text = "[Leap]: Mao shelled Jinmen to mobilize for the Leap. #domestic-politics\n  \
    ///             {scholar: christensen, year: 1996, event: taiwan-1958}\n  \
    ///             - [Balance]: Beijing balanced the superpowers. #(strategic triangle)\n";
    /// let corpus = Corpus::from_argdown(text.as_bytes())?.corpus;
    /// let leap: ClaimId = corpus.resolve("Leap")?;
    /// let balance: ClaimId = corpus.resolve("Balance")?;
    /// assert_eq!(corpus.attackers_of(leap).collect::<Vec<_>>(), [(balance, AttackKind::Rebuts)]);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Utf8`] for text that is not UTF-8 (with its line and
    /// column); [`Error::Syntax`] with the line for what the subset does not
    /// read; [`Error::Import`] (format `argdown`) as for
    /// [`from_argdown_json`](Corpus::from_argdown_json).
    pub fn from_argdown(bytes: impl AsRef<[u8]>) -> Result<Imported> {
        let text = utf8(bytes.as_ref())?;
        let input = parse(text)?;
        read(&input).map_err(|e| match e {
            Error::Import { at, message, .. } => Error::Import {
                format: "argdown",
                at,
                message,
            },
            other => other,
        })
    }
}

/// Maps Argdown's model of a map to a corpus.
fn read(input: &ArgdownJson) -> Result<Imported> {
    let mut reader = Reader::default();
    reader.read_sections(&input.sections)?;
    reader.read_statements(input)?;
    reader.read_arguments(input)?;
    for (i, relation) in input.relations.iter().enumerate() {
        reader.read_relation(i, relation)?;
    }
    reader.finish()
}

impl Reader {
    fn unmapped(&mut self, at: impl Into<String>, reason: impl Into<String>) {
        self.unmapped.push(Unmapped::new(at, reason));
    }

    /// Section data: the corpus title, the version mark and the records.
    fn read_sections(&mut self, sections: &[SectionJson]) -> Result<()> {
        // Pre-order, with an explicit stack: no recursion over input.
        let mut stack: Vec<&SectionJson> = sections.iter().rev().collect();
        while let Some(section) = stack.pop() {
            stack.extend(section.children.iter().rev());
            let at = format!("section `{}`", section.title);
            for tag in &section.tags {
                self.unmapped(&at, format!("tag `{tag}` of a heading has no place"));
            }
            let Some(data) = &section.data else {
                continue;
            };
            let Some(fields) = data.as_object() else {
                self.unmapped(&at, "data that is not a mapping has no place");
                continue;
            };
            for (field, value) in fields {
                let here = format!("{at} data.{field}");
                match field.as_str() {
                    "historiograph" => {
                        if value.as_u64() != Some(1) {
                            return Err(import_error(
                                here,
                                format!(
                                    "historiograph metadata of version {value}; this crate reads version 1"
                                ),
                            ));
                        }
                    }
                    "title" => match value.as_str() {
                        Some(title) if self.title.is_none() => self.title = Some(title.to_owned()),
                        _ => self.unmapped(here, "a second or non-text title has no place"),
                    },
                    _ => match RECORDS.iter().find(|r| **r == field) {
                        Some(&list) => {
                            let items = value
                                .as_array()
                                .ok_or_else(|| import_error(&here, "expected a list of records"))?;
                            let records = self.records.entry(list).or_default();
                            for (i, item) in items.iter().enumerate() {
                                records.push((item.clone(), format!("{here}[{i}]")));
                            }
                        }
                        None => self.unmapped(here, "this data field has no place in a corpus"),
                    },
                }
            }
        }
        Ok(())
    }

    fn read_statements(&mut self, input: &ArgdownJson) -> Result<()> {
        for (name, statement) in &input.statements.0 {
            let origin = format!("statement `{name}`");
            if statement.kind != "equivalence-class" {
                return Err(wrong_type(&origin, "equivalence-class", &statement.kind));
            }
            let draft = draft(
                origin,
                &statement.title,
                &statement.members,
                &statement.tags,
                statement.data.as_ref(),
                &mut self.unmapped,
            )?;
            self.statements.insert(name.clone(), self.drafts.len());
            self.drafts.push(draft);
        }
        Ok(())
    }

    /// An argument with premises is read as its main conclusion, which its
    /// premises support; one without premises is a claim of its own.
    fn read_arguments(&mut self, input: &ArgdownJson) -> Result<()> {
        for (name, argument) in &input.arguments.0 {
            let origin = format!("argument `{name}`");
            if argument.kind != "argument" {
                return Err(wrong_type(&origin, "argument", &argument.kind));
            }
            if argument.pcs.is_empty() {
                let draft = draft(
                    origin,
                    &argument.title,
                    &argument.members,
                    &argument.tags,
                    argument.data.as_ref(),
                    &mut self.unmapped,
                )?;
                self.arguments
                    .insert(name.clone(), (self.drafts.len(), Vec::new()));
                self.drafts.push(draft);
                continue;
            }
            let mut premises = Vec::new();
            let mut conclusions = Vec::new();
            for (i, step) in argument.pcs.iter().enumerate() {
                let &at = self.statements.get(&step.title).ok_or_else(|| {
                    import_error(
                        format!("{origin} pcs[{i}]"),
                        format!("no statement titled `{}`", step.title),
                    )
                })?;
                if step.role.ends_with("conclusion") {
                    for &premise in &premises {
                        if premise != at && self.supported.insert((premise, at)) {
                            self.supports.push((premise, at));
                        }
                    }
                    premises.clear();
                    conclusions.push((i, at));
                } else if step.role != "premise" {
                    return Err(import_error(
                        format!("{origin} pcs[{i}].role"),
                        format!("unknown role `{}`", step.role),
                    ));
                }
                premises.push(at);
                if let Some(inference) = &step.inference {
                    for rule in &inference.rules {
                        self.unmapped(
                            format!("{origin} pcs[{i}]"),
                            format!("inference rule `{rule}` has no place"),
                        );
                    }
                    if inference.data.is_some() {
                        self.unmapped(
                            format!("{origin} pcs[{i}]"),
                            "data of an inference has no place",
                        );
                    }
                }
            }
            let &(_, main) = conclusions.last().ok_or_else(|| {
                import_error(&origin, "premise-conclusion structure without a conclusion")
            })?;
            // The argument's tags and data go to its conclusion, which keeps its own.
            let description = canonical_text(&argument.members);
            let conclusion = &mut self.drafts[main];
            for tag in &argument.tags {
                if !conclusion.tags.contains(tag) {
                    conclusion.tags.push(tag.clone());
                }
            }
            if let Some(Value::Object(data)) = &argument.data {
                for (field, value) in data {
                    conclusion
                        .data
                        .entry(field.clone())
                        .or_insert_with(|| value.clone());
                }
            }
            let conclusion_title = conclusion.origin.clone();
            if let Some(description) = description {
                self.unmapped(
                    &origin,
                    format!(
                        "the description `{description}` has no place: the argument is read as its conclusion, {conclusion_title}"
                    ),
                );
            }
            self.arguments.insert(name.clone(), (main, conclusions));
        }
        Ok(())
    }

    fn endpoint(
        &self,
        at: &str,
        kind: &str,
        name: &str,
        conclusion: Option<usize>,
    ) -> Result<usize> {
        let missing = || import_error(at, format!("no {kind} titled `{name}`"));
        match kind {
            "equivalence-class" => self.statements.get(name).copied().ok_or_else(missing),
            "argument" | "inference" => {
                let (main, conclusions) = self.arguments.get(name).ok_or_else(missing)?;
                Ok(match (kind, conclusion) {
                    ("inference", Some(index)) => conclusions
                        .iter()
                        .find(|(at, _)| *at == index)
                        .map_or(*main, |(_, draft)| *draft),
                    _ => *main,
                })
            }
            other => Err(import_error(at, format!("unknown node type `{other}`"))),
        }
    }

    fn read_relation(&mut self, i: usize, relation: &RelationJson) -> Result<()> {
        let at = format!("relations[{i}]");
        let from = self.endpoint(
            &format!("{at}.from"),
            &relation.from_type,
            &relation.from,
            None,
        )?;
        let to = self.endpoint(
            &format!("{at}.to"),
            &relation.to_type,
            &relation.to,
            relation.conclusion,
        )?;
        if from == to {
            self.unmapped(
                at,
                format!(
                    "{} from `{}` to `{}` joins a claim to itself",
                    relation.relation, relation.from, relation.to
                ),
            );
            return Ok(());
        }
        let by_target = match relation.to_type.as_str() {
            "inference" => Some(AttackKind::Undercuts),
            "argument" => Some(AttackKind::Undermines),
            _ => None,
        };
        match relation.relation.as_str() {
            "support" | "entails" => {
                if self.supported.insert((from, to)) {
                    self.supports.push((from, to));
                }
            }
            "attack" | "contrary" => self.add_attack(from, to, by_target),
            "undercut" => self.add_attack(from, to, Some(AttackKind::Undercuts)),
            "contradictory" => {
                self.add_attack(from, to, by_target);
                self.add_attack(to, from, None);
            }
            other => {
                return Err(import_error(
                    format!("{at}.relationType"),
                    format!("unknown relation type `{other}`"),
                ));
            }
        }
        Ok(())
    }

    /// An attack; its kind from the target's type, else from the
    /// attacker's `undercuts`/`undermines` data, else a rebuttal.
    fn add_attack(&mut self, from: usize, to: usize, kind: Option<AttackKind>) {
        if !self.attacked.insert((from, to)) {
            return;
        }
        let target = &self.drafts[to].key;
        let listed = |field: &str| {
            self.drafts[from]
                .data
                .get(field)
                .and_then(Value::as_array)
                .is_some_and(|list| list.iter().any(|k| k.as_str() == Some(target)))
        };
        let kind = kind.unwrap_or(if listed("undercuts") {
            AttackKind::Undercuts
        } else if listed("undermines") {
            AttackKind::Undermines
        } else {
            AttackKind::Rebuts
        });
        self.attacks.push((from, to, kind));
    }

    /// Builds the corpus document and reads it.
    fn finish(mut self) -> Result<Imported> {
        let mut claims = Vec::with_capacity(self.drafts.len());
        let mut named: Vec<Named> = Vec::new();
        let drafts = std::mem::take(&mut self.drafts);
        // Each claim's relations, grouped once rather than searched per claim.
        let mut attacks: Vec<Vec<(usize, AttackKind)>> = vec![Vec::new(); drafts.len()];
        for &(from, to, kind) in &self.attacks {
            if let Some(out) = attacks.get_mut(from) {
                out.push((to, kind));
            }
        }
        let mut supports: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
        for &(from, to) in &self.supports {
            if let Some(out) = supports.get_mut(from) {
                out.push(to);
            }
        }
        for (index, draft) in drafts.iter().enumerate() {
            let outgoing = (
                attacks.get(index).map_or(&[][..], Vec::as_slice),
                supports.get(index).map_or(&[][..], Vec::as_slice),
            );
            let claim = claim_document(index, &drafts, outgoing, &mut named, &mut self.unmapped)?;
            claims.push((claim, format!("{} data", draft.origin)));
        }
        // Scholars, events and explanations named but not defined: created
        // from their keys.
        let mut defined: HashSet<(&'static str, String)> = HashSet::new();
        for (list, records) in &self.records {
            for (record, _) in records {
                if let Some(key) = record.get("key").and_then(Value::as_str) {
                    defined.insert((*list, key.to_owned()));
                }
            }
        }
        for (list, key, name, origin) in named {
            if defined.insert((list, key.clone())) {
                let records = self.records.entry(list).or_default();
                records.push((json!({"key": key, "name": name}), origin));
            }
        }
        let mut document = Map::new();
        document.insert("version".to_owned(), Value::from(1));
        if let Some(title) = self.title.take() {
            document.insert("title".to_owned(), Value::from(title));
        }
        let mut origins: HashMap<&'static str, Vec<String>> = HashMap::new();
        for list in RECORDS {
            let (items, places): (Vec<Value>, Vec<String>) = self
                .records
                .remove(list)
                .unwrap_or_default()
                .into_iter()
                .unzip();
            document.insert(list.to_owned(), Value::Array(items));
            origins.insert(list, places);
        }
        let (items, places): (Vec<Value>, Vec<String>) = claims.into_iter().unzip();
        document.insert("claims".to_owned(), Value::Array(items));
        origins.insert("claims", places);
        let text = Value::Object(document).to_string();
        let corpus = Corpus::from_json(&text).map_err(|e| relocate(e, &origins))?;
        Ok(Imported {
            corpus,
            unmapped: self.unmapped,
        })
    }
}

/// Points an error in the built document at the place in the Argdown JSON
/// the offending value came from.
fn relocate(error: Error, origins: &HashMap<&'static str, Vec<String>>) -> Error {
    let (path, message) = match error {
        Error::Document { path, rule, .. } => (path, rule.to_string()),
        Error::Json { path, message, .. } => (path, message),
        other => return other,
    };
    let place = path.split_once('[').and_then(|(list, rest)| {
        let (index, rest) = rest.split_once(']')?;
        let origin = origins.get(list)?.get(index.parse::<usize>().ok()?)?;
        Some(format!("{origin}{rest}"))
    });
    import_error(place.unwrap_or(path), message)
}
