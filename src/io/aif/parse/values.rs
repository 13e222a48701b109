//! JSON helpers of the AIF reader: members of an object as ids, strings
//! and arrays, values that say nothing, the names of people, and the
//! members AIF does not define.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::Result;
use crate::io::aif::import;
use crate::io::import::Unmapped;

/// A person's name from first name and surname, as written; one of them
/// may be empty.
pub(super) fn join_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (true, _) => last.to_owned(),
        (false, true) => first.to_owned(),
        (false, false) => format!("{first} {last}"),
    }
}

/// Splits a name into first name and surname at its last space.
pub(in crate::io::aif) fn split_name(name: &str) -> (&str, &str) {
    match name.rfind(' ') {
        Some(cut) => (&name[..cut], &name[cut + 1..]),
        None => ("", name),
    }
}

pub(super) fn member_reason(name: &str) -> &'static str {
    match name {
        "text" => "the analysed text has no place in the corpus",
        "OVA" => "OVA's layout has no place in the corpus",
        "schemefulfillments" => "scheme ids are not kept (node texts name the schemes)",
        "descriptorfulfillments" | "cqdescriptorfulfillments" => {
            "descriptors of argumentation schemes have no place in the corpus"
        }
        _ => "a member AIF does not define has no place in the corpus",
    }
}

/// Whether a value says nothing: null, false, "", [] or {}, or an object
/// whose members all are one of these (OVA's empty layout).
pub(super) fn is_empty(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.values().all(is_blank),
        other => is_blank(other),
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

pub(super) fn object<'a>(
    value: &'a Value,
    here: &str,
    what: &str,
) -> Result<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(import(here, format!("{what} is a JSON object"))),
    }
}

/// An optional array member of the graph's object.
pub(super) fn array<'a>(
    body: &'a Map<String, Value>,
    name: &str,
    prefix: &str,
) -> Result<&'a [Value]> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(import(
            format!("{prefix}{name}"),
            format!("`{name}` is not an array"),
        )),
    }
}

/// An id: a string, or an integer written as text.
pub(super) fn id_member(object: &Map<String, Value>, name: &str) -> Option<String> {
    id_value(object.get(name)?)
}

fn id_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

/// A reference to a node (an edge's `fromID`, a locution's `nodeID`): none
/// if the member is absent or null, an error at `at` if it is not an id.
pub(super) fn reference(
    object: &Map<String, Value>,
    name: &str,
    at: &str,
) -> Result<Option<String>> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => id_value(value).map(Some).ok_or_else(|| {
            import(
                at,
                format!("`{name}` is not a node id (a string or an integer)"),
            )
        }),
    }
}

pub(super) fn string_member(
    object: &Map<String, Value>,
    name: &str,
    at: &str,
) -> Result<Option<String>> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(import(at, format!("`{name}` is not a string"))),
    }
}

/// Members of nodes, edges, locutions and participants beyond those AIF
/// gives meaning to (timestamps, layout, scheme ids), counted per section
/// and name, and reported once each.
#[derive(Default)]
pub(super) struct Extras(BTreeMap<(&'static str, String), usize>);

impl Extras {
    pub(super) fn count(
        &mut self,
        section: &'static str,
        object: &Map<String, Value>,
        known: &[&str],
    ) {
        for (name, value) in object {
            if !known.contains(&name.as_str()) && !is_empty(value) {
                *self.0.entry((section, name.clone())).or_default() += 1;
            }
        }
    }

    pub(super) fn report(self, prefix: &str, unmapped: &mut Vec<Unmapped>) {
        for ((section, name), count) in self.0 {
            let plural = if count == 1 { "" } else { "s" };
            unmapped.push(Unmapped::new(
                format!("{prefix}{section}"),
                format!("`{name}` of {count} item{plural} has no place in the corpus"),
            ));
        }
    }
}
