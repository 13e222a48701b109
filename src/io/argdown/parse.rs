//! A native reader for a subset of `.argdown` text: it builds what
//! `argdown json` would export and reads that (see `argdown.md`, "Native
//! reading").

use std::collections::HashMap;

use serde_json::Value;

use super::flow::parse_flow;
use super::json::{
    ArgdownJson, ArgumentJson, InferenceJson, MemberJson, Ordered, PcsJson, RelationJson,
    SectionJson, StatementJson,
};
use crate::error::{Error, Result};

const FORMAT: &str = "argdown";

fn syntax(line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        format: FORMAT,
        line,
        message: message.into(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Element {
    Statement(String),
    Argument(String),
}

impl Element {
    fn title(&self) -> &str {
        match self {
            Element::Statement(t) | Element::Argument(t) => t,
        }
    }

    fn json_type(&self) -> &'static str {
        match self {
            Element::Statement(_) => "equivalence-class",
            Element::Argument(_) => "argument",
        }
    }
}

/// What follows a title on a line: text, tags and data.
struct Rest {
    text: String,
    tags: Vec<String>,
    data: Option<Value>,
}

/// A premise–conclusion structure being read.
struct Pcs {
    argument: usize,
    steps: Vec<(String, Option<InferenceJson>, usize)>,
}

#[derive(Default)]
struct Builder {
    statements: Vec<(String, StatementJson)>,
    statement_at: HashMap<String, usize>,
    arguments: Vec<(String, ArgumentJson)>,
    argument_at: HashMap<String, usize>,
    relations: Vec<RelationJson>,
    sections: Vec<SectionJson>,
    untitled_statements: usize,
    untitled_arguments: usize,
}

/// Reads `.argdown` text into the shape of Argdown's JSON export.
pub(super) fn parse(text: &str) -> Result<ArgdownJson> {
    let mut builder = Builder::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = skip_front_matter(&lines)?;
    let mut stack: Vec<(usize, Element)> = Vec::new();
    let mut last: Option<Element> = None;
    let mut top_argument: Option<usize> = None;
    let mut pcs: Option<Pcs> = None;
    let mut inference: Option<InferenceJson> = None;
    while let Some(raw) = lines.get(i) {
        i += 1;
        let line = i;
        let indent: usize = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let t = raw.trim();
        if t.is_empty() {
            stack.clear();
            last = None;
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        if indent == 0 && is_heading(t) {
            builder.finish_pcs(pcs.take(), line)?;
            let rest = rest(line, t.trim_start_matches('#'))?;
            builder.sections.push(SectionJson {
                title: rest.text,
                data: rest.data,
                tags: rest.tags,
                children: Vec::new(),
            });
            stack.clear();
            last = None;
            top_argument = None;
            continue;
        }
        if t.starts_with("--") {
            if pcs.is_none() {
                return Err(syntax(
                    line,
                    "an inference outside a premise–conclusion structure",
                ));
            }
            inference = Some(parse_inference(line, t)?);
            stack.clear();
            last = None;
            continue;
        }
        if let Some(content) = pcs_step(t) {
            let (element, definition, rest) = builder.element(line, content)?;
            let Element::Statement(title) = &element else {
                return Err(syntax(line, "a premise or conclusion must be a statement"));
            };
            let current = match pcs.take() {
                Some(current) => current,
                None => {
                    let argument = match top_argument {
                        Some(at) => at,
                        None => {
                            builder.untitled_arguments += 1;
                            let title = format!("Untitled {}", builder.untitled_arguments);
                            builder.member(&Element::Argument(title.clone()), false, &empty())?;
                            builder.argument_at.get(&title).copied().unwrap_or_default()
                        }
                    };
                    Pcs {
                        argument,
                        steps: Vec::new(),
                    }
                }
            };
            let mut current = current;
            current.steps.push((title.clone(), inference.take(), line));
            pcs = Some(current);
            builder.member(&element, definition, &rest)?;
            stack = vec![(indent, element.clone())];
            last = Some(element);
            continue;
        }
        if t.starts_with('{') {
            let Some(element) = &last else {
                return Err(syntax(line, "data with nothing before it to belong to"));
            };
            let data = parse_flow(t).map_err(|m| syntax(line, m))?;
            let rest = Rest {
                text: String::new(),
                tags: Vec::new(),
                data: Some(data),
            };
            builder.member_data(element, &rest);
            continue;
        }
        if let Some((op, content)) = relation(t) {
            while stack.last().is_some_and(|(at, _)| *at >= indent) {
                stack.pop();
            }
            let Some((_, parent)) = stack.last().cloned() else {
                return Err(syntax(
                    line,
                    format!("relation `{op}` with nothing to relate to"),
                ));
            };
            let (child, definition, rest) = builder.element(line, content)?;
            builder.member(&child, definition, &rest)?;
            builder.relate(line, op, &parent, &child)?;
            stack.push((indent, child.clone()));
            last = Some(child);
            continue;
        }
        builder.finish_pcs(pcs.take(), line)?;
        let (element, definition, rest) = builder.element(line, t)?;
        builder.member(&element, definition, &rest)?;
        top_argument = match &element {
            Element::Argument(title) => builder.argument_at.get(title).copied(),
            Element::Statement(_) => None,
        };
        stack = vec![(indent, element.clone())];
        last = Some(element);
    }
    builder.finish_pcs(pcs.take(), lines.len())?;
    if inference.is_some() {
        return Err(syntax(
            lines.len(),
            "an inference with no conclusion after it",
        ));
    }
    Ok(ArgdownJson {
        arguments: Ordered(builder.arguments),
        statements: Ordered(builder.statements),
        relations: builder.relations,
        sections: builder.sections,
        tags: None,
        map: None,
    })
}

fn empty() -> Rest {
    Rest {
        text: String::new(),
        tags: Vec::new(),
        data: None,
    }
}

/// Skips a front matter block (`===` to `===`): settings of the tool.
fn skip_front_matter(lines: &[&str]) -> Result<usize> {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first.filter(|&at| lines[at].trim().starts_with("===")) else {
        return Ok(0);
    };
    match lines
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, l)| l.trim().starts_with("==="))
    {
        Some((end, _)) => Ok(end + 1),
        None => Err(syntax(first + 1, "front matter `===` is never closed")),
    }
}

fn is_heading(t: &str) -> bool {
    let rest = t.trim_start_matches('#');
    rest.len() < t.len() && rest.starts_with([' ', '\t'])
}

/// `(3) content` → `content`.
fn pcs_step(t: &str) -> Option<&str> {
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let number = &inner[..close];
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| inner[close + 1..].trim())
}

/// `-> content` → (`->`, `content`).
fn relation(t: &str) -> Option<(&'static str, &str)> {
    for op in ["+>", "->", "<+", "<-", "<_", "_>", "><", "+", "-"] {
        if let Some(rest) = t.strip_prefix(op) {
            if rest.starts_with([' ', '\t']) {
                return Some((op, rest.trim()));
            }
        }
    }
    None
}

/// `-- rule, rule {data} --` → the inference.
fn parse_inference(line: usize, t: &str) -> Result<InferenceJson> {
    let inner = t.trim_start_matches('-').trim_end_matches('-').trim();
    let rest = rest(line, inner)?;
    Ok(InferenceJson {
        rules: rest
            .text
            .split(',')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(ToOwned::to_owned)
            .collect(),
        data: rest.data,
    })
}

/// Splits what follows a title into text (tags and escapes removed, white
/// space collapsed), tags and data (from the first `{` to the end).
fn rest(line: usize, text: &str) -> Result<Rest> {
    let (body, data) = match text.find('{') {
        Some(at) => (
            &text[..at],
            Some(parse_flow(text[at..].trim()).map_err(|m| syntax(line, m))?),
        ),
        None => (text, None),
    };
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::new();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        at += 1;
        match c {
            '\\' => {
                if let Some(&next) = chars.get(at) {
                    out.push(next);
                    at += 1;
                }
            }
            '#' if chars.get(at) == Some(&'(') => {
                match chars[at..].iter().position(|&c| c == ')') {
                    Some(close) => {
                        tags.push(
                            chars[at + 1..at + close]
                                .iter()
                                .collect::<String>()
                                .trim()
                                .to_owned(),
                        );
                        at += close + 1;
                    }
                    None => out.push(c),
                }
            }
            '#' => {
                let start = at;
                while chars.get(at).is_some_and(|&c| is_tag_char(c)) {
                    at += 1;
                }
                if at > start {
                    tags.push(chars[start..at].iter().collect());
                } else {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    let text = out.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(Rest { text, tags, data })
}

/// The characters of a tag without brackets, as in Argdown's lexer.
fn is_tag_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '-' | '_' | '[' | '\\' | ']' | '^' | '`')
        || matches!(c as u32, 0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF)
}

/// `[T]: text` or `<T>: text` (a definition: the text after `:`), `[T]`
/// or `<T>` (a reference: `None`).
fn split_element(t: &str) -> Option<(bool, &str, Option<&str>)> {
    let (argument, inner) = match t.strip_prefix('[') {
        Some(inner) => (false, inner),
        None => (true, t.strip_prefix('<')?),
    };
    let close = inner.find(if argument { '>' } else { ']' })?;
    let title = inner[..close].trim();
    let after = &inner[close + 1..];
    Some(match after.strip_prefix(':') {
        Some(text) => (argument, title, Some(text)),
        None => (argument, title, None),
    })
}

impl Builder {
    /// Reads an element and what follows it: (element, is a definition, rest).
    fn element(&mut self, line: usize, t: &str) -> Result<(Element, bool, Rest)> {
        if t.starts_with('[') || t.starts_with('<') {
            let Some((argument, title, text)) = split_element(t) else {
                return Err(syntax(line, format!("unclosed title in `{t}`")));
            };
            if title.is_empty() {
                return Err(syntax(line, "an empty title"));
            }
            let after = match text {
                Some(text) => text,
                None => {
                    let close = t.find(if argument { '>' } else { ']' }).unwrap_or(0);
                    &t[close + 1..]
                }
            };
            let rest = rest(line, after)?;
            let element = if argument {
                Element::Argument(title.to_owned())
            } else {
                Element::Statement(title.to_owned())
            };
            return Ok((element, text.is_some(), rest));
        }
        self.untitled_statements += 1;
        let title = format!("Untitled {}", self.untitled_statements);
        Ok((Element::Statement(title), true, rest(line, t)?))
    }

    /// Records a mention of an element.
    fn member(&mut self, element: &Element, definition: bool, rest: &Rest) -> Result<()> {
        let member = MemberJson {
            text: definition.then(|| rest.text.clone()),
            ranges: Vec::new(),
        };
        match element {
            Element::Statement(title) => {
                let at = match self.statement_at.get(title) {
                    Some(&at) => at,
                    None => {
                        self.statement_at
                            .insert(title.clone(), self.statements.len());
                        self.statements.push((
                            title.clone(),
                            StatementJson {
                                kind: "equivalence-class".to_owned(),
                                title: title.clone(),
                                members: Vec::new(),
                                tags: Vec::new(),
                                data: None,
                            },
                        ));
                        self.statements.len() - 1
                    }
                };
                if let Some((_, statement)) = self.statements.get_mut(at) {
                    statement.members.push(member);
                }
            }
            Element::Argument(title) => {
                let at = match self.argument_at.get(title) {
                    Some(&at) => at,
                    None => {
                        self.argument_at.insert(title.clone(), self.arguments.len());
                        self.arguments.push((
                            title.clone(),
                            ArgumentJson {
                                kind: "argument".to_owned(),
                                title: title.clone(),
                                members: Vec::new(),
                                pcs: Vec::new(),
                                tags: Vec::new(),
                                data: None,
                            },
                        ));
                        self.arguments.len() - 1
                    }
                };
                if let Some((_, argument)) = self.arguments.get_mut(at) {
                    argument.members.push(member);
                }
            }
        }
        self.member_data(element, rest);
        Ok(())
    }

    /// Adds the tags and data of a mention to its element.
    fn member_data(&mut self, element: &Element, rest: &Rest) {
        let (tags, data) = match element {
            Element::Statement(title) => match self.statement_at.get(title) {
                Some(&at) => match self.statements.get_mut(at) {
                    Some((_, s)) => (&mut s.tags, &mut s.data),
                    None => return,
                },
                None => return,
            },
            Element::Argument(title) => match self.argument_at.get(title) {
                Some(&at) => match self.arguments.get_mut(at) {
                    Some((_, a)) => (&mut a.tags, &mut a.data),
                    None => return,
                },
                None => return,
            },
        };
        for tag in &rest.tags {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        match (data, &rest.data) {
            (_, None) => {}
            (Some(Value::Object(old)), Some(Value::Object(new))) => {
                for (field, value) in new {
                    old.insert(field.clone(), value.clone());
                }
            }
            (data, Some(new)) => *data = Some(new.clone()),
        }
    }

    fn relate(&mut self, line: usize, op: &str, parent: &Element, child: &Element) -> Result<()> {
        let both_statements =
            matches!(parent, Element::Statement(_)) && matches!(child, Element::Statement(_));
        let (relation, from, to) = match op {
            "+" | "<+" => ("support", child, parent),
            "-" | "<-" => ("attack", child, parent),
            "+>" => ("support", parent, child),
            "->" => ("attack", parent, child),
            "><" if both_statements => ("contradictory", parent, child),
            "><" => return Err(syntax(line, "`><` relates two statements")),
            "_>" => ("undercut", parent, child),
            _ => ("undercut", child, parent),
        };
        // An undercut of an argument attacks its inference; Argdown lets
        // one point at a statement too, and the importer reads that as an
        // undercut of the statement's claim.
        let to_type = match (relation, to) {
            ("undercut", Element::Argument(_)) => "inference",
            _ => to.json_type(),
        };
        self.relations.push(RelationJson {
            relation: relation.to_owned(),
            from: from.title().to_owned(),
            to: to.title().to_owned(),
            from_type: from.json_type().to_owned(),
            to_type: to_type.to_owned(),
            conclusion: None,
        });
        Ok(())
    }

    /// Gives a finished structure its roles: a step after an inference is a
    /// conclusion, the last one the main conclusion.
    fn finish_pcs(&mut self, pcs: Option<Pcs>, line: usize) -> Result<()> {
        let Some(pcs) = pcs else {
            return Ok(());
        };
        let last = pcs.steps.len().saturating_sub(1);
        let mut steps = Vec::with_capacity(pcs.steps.len());
        for (i, (title, inference, at)) in pcs.steps.into_iter().enumerate() {
            let role = match (&inference, i == last) {
                (Some(_), true) => "main-conclusion",
                (Some(_), false) => "intermediary-conclusion",
                (None, true) => {
                    return Err(syntax(
                        at,
                        "a premise–conclusion structure ends with a conclusion",
                    ));
                }
                (None, false) => "premise",
            };
            steps.push(PcsJson {
                title,
                role: role.to_owned(),
                inference,
            });
        }
        let Some((title, argument)) = self.arguments.get_mut(pcs.argument) else {
            return Err(syntax(
                line,
                "a premise–conclusion structure without its argument",
            ));
        };
        if !argument.pcs.is_empty() {
            return Err(syntax(
                line,
                format!("argument `{title}` is reconstructed twice"),
            ));
        }
        argument.pcs = steps;
        Ok(())
    }
}
