//! A native reader for a subset of `.argdown` text: it builds what
//! `argdown json` would export and reads that (see `argdown.md`, "Native
//! reading").
//!
//! It follows the order in which Argdown's model builder meets things: an
//! element is recorded when its line and everything indented below it is
//! done (so the members of a statement, the tags of its class and the list
//! of relations come in that order), but a statement or argument with
//! relations below it gets its entry when the first of them is met.

use std::collections::HashMap;

use serde_json::Value;

use super::block::parse_data;
use super::json::{
    ArgdownJson, ArgumentJson, InferenceJson, MemberJson, Ordered, PcsJson, SectionJson,
    StatementJson,
};
use super::line::{Kind, Open, element, front_matter, is_heading, pcs_step, relation, syntax};
use super::relations::{End, Relations};
use super::scan::logical_lines;
use super::text::{Mode, Rest, rest};
use crate::error::Result;
/// A premise–conclusion structure being read.
struct Pcs {
    argument: String,
    steps: Vec<PcsJson>,
    inference: Option<InferenceJson>,
    line: usize,
}

#[derive(Default)]
struct Builder {
    statements: Vec<(String, StatementJson)>,
    statement_at: HashMap<String, usize>,
    arguments: Vec<(String, ArgumentJson)>,
    argument_at: HashMap<String, usize>,
    relations: Relations,
    sections: Vec<SectionJson>,
    untitled: usize,
    open: Vec<Open>,
    pcs: Option<Pcs>,
    /// The last inference read anywhere: Argdown aims `<_` below a
    /// statement at it.
    last_inference: Option<(String, usize)>,
    /// The argument a structure starting now would belong to: the
    /// top-level argument just before it.
    preceding_argument: Option<String>,
    /// Front matter set `model: mode: strict`: relations between
    /// statements are `entails` and `contrary`.
    strict: bool,
}

/// Reads `.argdown` text into the shape of Argdown's JSON export.
pub(super) fn parse(text: &str) -> Result<ArgdownJson> {
    let mut b = Builder::default();
    let lines = logical_lines(text);
    let (start, strict) = front_matter(&lines)?;
    b.strict = strict;
    for logical in lines.iter().skip(start) {
        b.line(logical.number, &logical.text)?;
    }
    b.close_all()?;
    let end = lines
        .last()
        .map_or(1, |l| l.number + l.text.matches('\n').count());
    b.finish_pcs(end)?;
    let structures: HashMap<String, &[PcsJson]> = b
        .arguments
        .iter()
        .map(|(title, argument)| (title.clone(), argument.pcs.as_slice()))
        .collect();
    let relations = std::mem::take(&mut b.relations).settle(&structures, b.strict);
    Ok(ArgdownJson {
        arguments: Ordered(b.arguments),
        statements: Ordered(b.statements),
        relations,
        sections: b.sections,
        tags: None,
        map: None,
    })
}

impl Builder {
    /// Reads one line, by what it starts with: a blank line or a heading
    /// closes everything open; `--` is an inference, a numbered line a step
    /// of a premise–conclusion structure, `{` data for the element above,
    /// a relation operator a relation to the element it hangs from, and
    /// anything else a new top-level element.
    fn line(&mut self, line: usize, raw: &str) -> Result<()> {
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let t = raw.trim();
        if t.is_empty() {
            self.close_all()?;
            return self.finish_pcs(line);
        }
        if indent == 0 && is_heading(t) {
            return self.heading(line, t);
        }
        if t.starts_with("--") {
            return self.inference(line, t);
        }
        if let Some(content) = pcs_step(t) {
            return self.step(line, indent, content);
        }
        if t.starts_with('{') {
            return self.data(line, t);
        }
        if let Some((op, content)) = relation(t) {
            return self.relation(line, indent, op, content);
        }
        self.top_level(line, indent, t)
    }

    /// Any other line: a new element, not related to the ones above.
    fn top_level(&mut self, line: usize, indent: usize, t: &str) -> Result<()> {
        self.close_all()?;
        self.finish_pcs(line)?;
        let mut open = element(line, t)?;
        open.indent = indent;
        self.preceding_argument = None;
        if open.kind == Kind::Argument {
            self.preceding_argument = open.title.clone();
        }
        self.open.push(open);
        Ok(())
    }

    /// A heading: a new section.
    fn heading(&mut self, line: usize, t: &str) -> Result<()> {
        self.close_all()?;
        self.finish_pcs(line)?;
        let level = t.len() - t.trim_start_matches('#').len();
        let rest = rest(line, &t[level..], Mode::Default)?;
        self.sections.push(SectionJson {
            title: rest.text.trim().to_owned(),
            data: rest.data,
            tags: rest.tags,
            children: Vec::new(),
        });
        self.preceding_argument = None;
        Ok(())
    }

    /// `-- rules --`: the inference to the next step of the structure.
    fn inference(&mut self, line: usize, t: &str) -> Result<()> {
        self.close_all()?;
        let Some(pcs) = &mut self.pcs else {
            return Err(syntax(
                line,
                "an inference outside a premise–conclusion structure",
            ));
        };
        let inner = t.trim_start_matches('-').trim_end_matches('-');
        let rest = rest(line, inner, Mode::Inference)?;
        let rules = rest
            .text
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(ToOwned::to_owned)
            .collect();
        pcs.inference = Some(InferenceJson {
            rules,
            data: rest.data,
        });
        self.last_inference = Some((pcs.argument.clone(), pcs.steps.len()));
        Ok(())
    }

    /// `(n) statement`: a step of the structure being read, which it starts
    /// if there is none.
    fn step(&mut self, line: usize, indent: usize, content: &str) -> Result<()> {
        self.close_all()?;
        if self.pcs.is_none() {
            self.start_pcs(line)?;
        }
        let mut open = element(line, content)?;
        if open.kind == Kind::Argument {
            return Err(syntax(line, "a premise or conclusion must be a statement"));
        }
        open.indent = indent;
        open.step = true;
        self.open.push(open);
        Ok(())
    }

    /// A structure starting at `line`: it belongs to the argument just
    /// before it, or to a new untitled one.
    fn start_pcs(&mut self, line: usize) -> Result<()> {
        let argument = match self.preceding_argument.take() {
            Some(title) => title,
            None => {
                let title = self.untitled_title();
                self.argument_entry(&title);
                title
            }
        };
        if self
            .argument_at
            .get(&argument)
            .and_then(|&at| self.arguments.get(at))
            .is_some_and(|(_, a)| !a.pcs.is_empty())
        {
            return Err(syntax(
                line,
                format!("argument `{argument}` is reconstructed twice"),
            ));
        }
        self.pcs = Some(Pcs {
            argument,
            steps: Vec::new(),
            inference: None,
            line,
        });
        Ok(())
    }

    /// `{ ... }`: data for the element open above.
    fn data(&mut self, line: usize, t: &str) -> Result<()> {
        let Some(open) = self.open.last_mut() else {
            return Err(syntax(line, "data with nothing before it to belong to"));
        };
        let data = parse_data(t).map_err(|e| syntax(line + e.line, e.message))?;
        if data.is_some() {
            open.rest.data = data;
        }
        Ok(())
    }

    /// `<+ element` and the like: an element related to the one it hangs
    /// from, whose entry Argdown makes first.
    fn relation(
        &mut self,
        line: usize,
        indent: usize,
        op: &'static str,
        content: &str,
    ) -> Result<()> {
        self.close_above(indent)?;
        let Some(parent) = self.open.last_mut() else {
            return Err(syntax(
                line,
                format!("relation `{op}` with nothing to relate to"),
            ));
        };
        let entered = std::mem::replace(&mut parent.has_relations, true);
        let (kind, title) = (parent.kind, parent.title.clone());
        if !entered {
            // Argdown makes the entry of a relation's parent first.
            let title = match title {
                Some(title) => title,
                None => {
                    let title = self.untitled_title();
                    if let Some(parent) = self.open.last_mut() {
                        parent.title = Some(title.clone());
                    }
                    title
                }
            };
            self.entry(kind, &title);
        }
        let mut child = element(line, content)?;
        child.indent = indent;
        child.relation = Some(op);
        if op == "><" && (kind, child.kind) != (Kind::Statement, Kind::Statement) {
            return Err(syntax(line, "`><` relates two statements"));
        }
        self.open.push(child);
        Ok(())
    }

    fn untitled_title(&mut self) -> String {
        self.untitled += 1;
        format!("Untitled {}", self.untitled)
    }

    fn close_all(&mut self) -> Result<()> {
        self.close_above(0)
    }

    /// Closes the open elements indented at least `indent`, innermost first.
    fn close_above(&mut self, indent: usize) -> Result<()> {
        while self.open.last().is_some_and(|o| o.indent >= indent) {
            if let Some(open) = self.open.pop() {
                self.close(open)?;
            }
        }
        Ok(())
    }

    /// An element is done: its member is recorded, then its relation to the
    /// element it hangs from, then (for a step) its place in the structure.
    fn close(&mut self, open: Open) -> Result<()> {
        let title = match &open.title {
            Some(title) => title.clone(),
            None => self.untitled_title(),
        };
        self.entry(open.kind, &title);
        self.member(open.kind, &title, open.rest);
        if let Some(op) = open.relation {
            let parent = self
                .open
                .last()
                .map(|p| (p.kind, p.title.clone().unwrap_or_default()));
            if let Some((parent_kind, parent_title)) = parent {
                self.relate(op, (parent_kind, &parent_title), (open.kind, &title));
            }
        }
        if open.step {
            if let Some(pcs) = &mut self.pcs {
                let inference = pcs.inference.take();
                let role = if inference.is_some() {
                    "intermediary-conclusion"
                } else {
                    "premise"
                };
                pcs.steps.push(PcsJson {
                    title,
                    role: role.to_owned(),
                    inference,
                });
            }
        }
        Ok(())
    }

    fn entry(&mut self, kind: Kind, title: &str) {
        match kind {
            Kind::Statement => {
                if !self.statement_at.contains_key(title) {
                    self.statement_at
                        .insert(title.to_owned(), self.statements.len());
                    self.statements.push((
                        title.to_owned(),
                        StatementJson {
                            kind: "equivalence-class".to_owned(),
                            title: title.to_owned(),
                            members: Vec::new(),
                            tags: Vec::new(),
                            data: None,
                        },
                    ));
                }
            }
            Kind::Argument => self.argument_entry(title),
        }
    }

    fn argument_entry(&mut self, title: &str) {
        if !self.argument_at.contains_key(title) {
            self.argument_at
                .insert(title.to_owned(), self.arguments.len());
            self.arguments.push((
                title.to_owned(),
                ArgumentJson {
                    kind: "argument".to_owned(),
                    title: title.to_owned(),
                    members: Vec::new(),
                    pcs: Vec::new(),
                    tags: Vec::new(),
                    data: None,
                },
            ));
        }
    }

    /// Records a mention: its text, the union of tags, data merged in.
    fn member(&mut self, kind: Kind, title: &str, rest: Rest) {
        let (members, tags, data) = match kind {
            Kind::Statement => match self
                .statement_at
                .get(title)
                .and_then(|&at| self.statements.get_mut(at))
            {
                Some((_, s)) => (&mut s.members, &mut s.tags, &mut s.data),
                None => return,
            },
            Kind::Argument => match self
                .argument_at
                .get(title)
                .and_then(|&at| self.arguments.get_mut(at))
            {
                Some((_, a)) => (&mut a.members, &mut a.tags, &mut a.data),
                None => return,
            },
        };
        for tag in &rest.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        if let Some(new) = &rest.data {
            match data {
                Some(old) => merge(old, new),
                None => *data = Some(new.clone()),
            }
        }
        members.push(MemberJson {
            text: Some(rest.text),
            ranges: rest.ranges,
        });
    }

    /// Records a relation between a parent and a child line.
    fn relate(&mut self, op: &str, parent: (Kind, &str), child: (Kind, &str)) {
        let end = |(kind, title): (Kind, &str)| match kind {
            Kind::Statement => End::Statement(title.to_owned()),
            Kind::Argument => End::Argument(title.to_owned()),
        };
        let (kind, from, to) = match op {
            "+" | "<+" => ("support", end(child), end(parent)),
            "-" | "<-" => ("attack", end(child), end(parent)),
            "+>" => ("support", end(parent), end(child)),
            "->" => ("attack", end(parent), end(child)),
            "><" => ("contradictory", end(parent), end(child)),
            "_>" => ("undercut", end(parent), end(child)),
            // `<_` below a statement aims at the last inference read, if any.
            _ => match (parent.0, &self.last_inference) {
                (Kind::Statement, Some((argument, at))) => (
                    "undercut",
                    end(child),
                    End::Inference(argument.clone(), *at),
                ),
                _ => ("undercut", end(child), end(parent)),
            },
        };
        self.relations.add(kind, from, to);
    }

    /// Gives a finished structure to its argument: the last step must be a
    /// conclusion, and becomes the main one.
    fn finish_pcs(&mut self, line: usize) -> Result<()> {
        let Some(mut pcs) = self.pcs.take() else {
            return Ok(());
        };
        if pcs.inference.is_some() {
            return Err(syntax(line, "an inference with no conclusion after it"));
        }
        match pcs.steps.last_mut() {
            Some(last) if last.role == "intermediary-conclusion" => {
                last.role = "main-conclusion".to_owned();
            }
            _ => {
                return Err(syntax(
                    pcs.line,
                    "a premise–conclusion structure ends with a conclusion",
                ));
            }
        }
        if let Some((_, argument)) = self
            .argument_at
            .get(&pcs.argument)
            .and_then(|&at| self.arguments.get_mut(at))
        {
            argument.pcs = pcs.steps;
        }
        Ok(())
    }
}

/// Merges `new` into `old` as lodash's `merge` does, which Argdown uses for
/// the data of an element's mentions: mappings and lists member by member.
fn merge(old: &mut Value, new: &Value) {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            for (field, value) in new {
                match old.get_mut(field) {
                    Some(slot) => merge(slot, value),
                    None => {
                        old.insert(field.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            for (i, value) in new.iter().enumerate() {
                match old.get_mut(i) {
                    Some(slot) => merge(slot, value),
                    None => old.push(value.clone()),
                }
            }
        }
        (old, new) => *old = new.clone(),
    }
}
