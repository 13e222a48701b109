//! Who speaks: scholars for participants, and the speaker of each
//! L-node (its locution's participant or person, else the `Speaker :` its
//! text begins with).

use super::claims::unique;
use super::{Builder, KEY_BASE_CHARS};
use crate::error::Result;
use crate::io::aif::import;
use crate::io::import::Unmapped;
use crate::model::{Scholar, ScholarId};

impl Builder<'_> {
    /// Scholars for the participants that the extension does not name.
    pub(super) fn participants(&mut self) -> Result<()> {
        for participant in &self.graph.participants {
            if self.by_participant.contains_key(&participant.id) {
                continue;
            }
            let name = if participant.name.trim().is_empty() {
                format!("participant {}", participant.id)
            } else {
                participant.name.clone()
            };
            let scholar = self.new_scholar(&name)?;
            self.by_participant.insert(participant.id.clone(), scholar);
        }
        Ok(())
    }

    pub(super) fn new_scholar(&mut self, name: &str) -> Result<ScholarId> {
        let key = unique(&slug(name), |k| {
            self.corpus.lookup::<ScholarId>(k).is_some()
        });
        let scholar = self
            .corpus
            .add_scholar(Scholar::new(key, name))
            .map_err(|e| import(format!("scholar `{name}`"), e.to_string()))?;
        self.by_name.entry(name.to_owned()).or_insert(scholar);
        Ok(scholar)
    }

    /// The scholar who uttered L-node `node`: the participant or person its
    /// locution names, else the `Speaker :` its text begins with.
    pub(super) fn speaker(&mut self, node: usize) -> Result<Option<ScholarId>> {
        if let Some(&known) = self.speakers.get(&node) {
            return Ok(known);
        }
        let graph = self.graph;
        let mut person: Option<(&str, &str)> = None;
        for &l in self.locutions.get(&node).into_iter().flatten() {
            let Some(locution) = graph.locutions.get(l) else {
                continue;
            };
            let Some(p) = locution.person.as_deref() else {
                continue;
            };
            match person {
                None => person = Some((locution.label.as_str(), p)),
                Some((_, first)) if first != p => self.unmapped.push(Unmapped::new(
                    locution.label.clone(),
                    format!(
                        "names a second speaker for node {}; the first is kept",
                        graph.id(node)
                    ),
                )),
                Some(_) => {}
            }
        }
        let text = graph.nodes.get(node).map_or("", |n| n.text.as_str());
        let speaker = match person {
            Some((at, p)) => {
                if let Some(&s) = self.by_participant.get(p).or(self.by_person.get(p)) {
                    Some(s)
                } else {
                    if !graph.participants.is_empty() {
                        self.unmapped.push(Unmapped::new(
                            at,
                            format!(
                                "names person `{p}`, who is not among the participants: the speaker is named after the locution's text"
                            ),
                        ));
                    }
                    let name =
                        speaker_name(text).map_or_else(|| format!("person {p}"), ToOwned::to_owned);
                    let s = self.new_scholar(&name)?;
                    self.by_person.insert(p.to_owned(), s);
                    Some(s)
                }
            }
            None => match speaker_name(text) {
                Some(name) => match self.by_name.get(name) {
                    Some(&s) => Some(s),
                    None => Some(self.new_scholar(name)?),
                },
                None => None,
            },
        };
        self.speakers.insert(node, speaker);
        Ok(speaker)
    }
}

/// The speaker's name in an L-node's text, `Speaker : what was said`.
fn speaker_name(text: &str) -> Option<&str> {
    let (name, rest) = text.split_once(':')?;
    let name = name.trim();
    (!name.is_empty() && !rest.trim().is_empty() && name.chars().count() <= 100).then_some(name)
}

/// A key from a name: `Lorenz M. Lüthi` → `lorenz-m-lüthi`.
fn slug(name: &str) -> String {
    let mut key = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            key.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !key.is_empty()
            && !key.ends_with('-')
        {
            key.push('-');
        }
    }
    let key: String = key
        .trim_end_matches('-')
        .chars()
        .take(KEY_BASE_CHARS)
        .collect();
    if key.is_empty() {
        "person".to_owned()
    } else {
        key
    }
}
