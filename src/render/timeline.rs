//! The timeline: events in date order, nested as they lie within each other.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::dot::header;
use super::options::PictureOptions;
use super::text::{clean, dot_string, wrap, xml};
use crate::graph::Corpus;
use crate::model::{Date, EventId, When};

/// Groups deeper than this are drawn in their ancestor's group (DOT).
const MAX_CLUSTER_DEPTH: usize = 6;

/// One event of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) event: EventId,
    pub(crate) key: String,
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) when: Option<When>,
    pub(crate) depth: usize,
    /// The row of the enclosing event.
    pub(crate) parent: Option<usize>,
    pub(crate) claims: Option<usize>,
}

/// Events in tree order: the outermost events by date, each followed by
/// the events within it, by date, at any depth.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Timeline {
    pub(crate) title: String,
    pub(crate) rows: Vec<Row>,
    pub(crate) wrap: usize,
}

pub(crate) fn build(corpus: &Corpus, options: &PictureOptions) -> Timeline {
    let ordered: Vec<EventId> = corpus.events_by_date().collect();
    let mut rows = Vec::with_capacity(ordered.len());
    let mut seen: HashSet<EventId> = HashSet::with_capacity(ordered.len());
    // Roots in date order; a stack walks each tree without recursion.
    let roots = ordered
        .iter()
        .copied()
        .filter(|&e| corpus.enclosing(e).is_none());
    for root in roots {
        let mut stack: Vec<(EventId, usize, Option<usize>)> = vec![(root, 0, None)];
        while let Some((event, depth, parent)) = stack.pop() {
            if !seen.insert(event) {
                continue;
            }
            let data = corpus.event(event);
            rows.push(Row {
                event,
                key: corpus.name_of(event),
                id: format!("event{}", event.index()),
                name: data.map_or_else(|| corpus.name_of(event), |e| clean(e.name())),
                when: data.and_then(|e| e.when()),
                depth,
                parent,
                claims: options.claims().then(|| corpus.claims_about(event).count()),
            });
            let row = rows.len() - 1;
            let mut children: Vec<EventId> = corpus.enclosed(event).collect();
            corpus.sort_by_date(&mut children);
            for &child in children.iter().rev() {
                stack.push((child, depth + 1, Some(row)));
            }
        }
    }
    let title = corpus.title().map_or_else(
        || "Timeline".to_owned(),
        |t| format!("Timeline: {}", clean(t)),
    );
    Timeline {
        title,
        rows,
        wrap: options.wrap(),
    }
}

impl Row {
    /// The date line under the name: the date and the number of claims.
    pub(crate) fn detail(&self) -> String {
        let mut detail = self
            .when
            .map_or_else(|| "undated".to_owned(), |w| w.to_string());
        match self.claims {
            Some(1) => detail.push_str(" · 1 claim"),
            Some(n) if n > 1 => {
                let _ = write!(detail, " · {n} claims");
            }
            _ => {}
        }
        detail
    }
}

/// The first year of a date or period, for the columns of the DOT timeline.
fn year_of(when: Option<When>) -> Option<i32> {
    when.map(|w| w.first_year())
}

impl Timeline {
    /// DOT: one column per year that an event starts in, the year heading
    /// it; events within another drawn inside its group.
    pub(crate) fn to_dot(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.title, "LR");
        let mut years: Vec<i32> = self.rows.iter().filter_map(|r| year_of(r.when)).collect();
        years.sort_unstable();
        years.dedup();
        let undated = self.rows.iter().any(|r| r.when.is_none());
        // The axis.
        for year in &years {
            let _ = writeln!(
                out,
                "  year{} [shape=plaintext, fontsize=16, label=<<B>{year}</B>>, tooltip=\"{year}\"];",
                year_id(*year)
            );
        }
        if undated {
            let _ = writeln!(
                out,
                "  undated [shape=plaintext, fontsize=16, label=<<B>undated</B>>, tooltip=\"undated\"];"
            );
        }
        let mut axis: Vec<String> = years
            .iter()
            .map(|&y| format!("year{}", year_id(y)))
            .collect();
        if undated {
            axis.push("undated".to_owned());
        }
        for pair in axis.windows(2) {
            let _ = writeln!(
                out,
                "  {} -> {} [color=\"#999999\", penwidth=2, arrowhead=none, weight=100];",
                pair[0], pair[1]
            );
        }
        // Events, nested in groups: a row with children opens a group that
        // closes after its last descendant. Rows are in tree order, so a
        // stack of open groups suffices.
        let last = self.last_descendants();
        let mut open: Vec<usize> = Vec::new();
        let mut cluster = 0;
        for (i, row) in self.rows.iter().enumerate() {
            while let Some(&top) = open.last() {
                if last.get(top).is_some_and(|&end| i <= end) {
                    break;
                }
                open.pop();
                let _ = writeln!(out, "{}}}", "  ".repeat(open.len() + 1));
            }
            let has_children = self
                .rows
                .get(i + 1)
                .is_some_and(|next| next.parent == Some(i));
            if has_children && open.len() < MAX_CLUSTER_DEPTH {
                let _ = writeln!(
                    out,
                    "{}subgraph cluster_{cluster} {{",
                    "  ".repeat(open.len() + 1)
                );
                let _ = writeln!(
                    out,
                    "{}graph [label=\"\", style=\"rounded,filled\", fillcolor=\"{}\", color=\"#aaaaaa\", tooltip={}];",
                    "  ".repeat(open.len() + 2),
                    shade(open.len()),
                    dot_string(&format!("within {}", row.name))
                );
                cluster += 1;
                open.push(i);
            }
            let mut label = format!(
                "<FONT POINT-SIZE=\"9\" COLOR=\"#333333\">{}</FONT>",
                xml(&row.detail())
            );
            for line in wrap(&row.name, self.wrap.min(28)) {
                let _ = write!(label, "<BR/>{}", xml(&line));
            }
            let _ = writeln!(
                out,
                "{}{} [label=<{label}>, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", \
                 penwidth={}, tooltip={}];",
                "  ".repeat(open.len() + 1),
                row.id,
                if row.depth == 0 { 2 } else { 1 },
                dot_string(&format!("{} ({})", row.name, row.detail()))
            );
        }
        while open.pop().is_some() {
            let _ = writeln!(out, "{}}}", "  ".repeat(open.len() + 1));
        }
        // Each event in its year's column.
        for year in &years {
            let members: Vec<&str> = self
                .rows
                .iter()
                .filter(|r| year_of(r.when) == Some(*year))
                .map(|r| r.id.as_str())
                .collect();
            let _ = writeln!(
                out,
                "  {{rank=same; year{}; {}}}",
                year_id(*year),
                members.join("; ")
            );
        }
        if undated {
            let members: Vec<&str> = self
                .rows
                .iter()
                .filter(|r| r.when.is_none())
                .map(|r| r.id.as_str())
                .collect();
            let _ = writeln!(out, "  {{rank=same; undated; {}}}", members.join("; "));
        }
        out.push_str("}\n");
        out
    }

    /// For each row, the row of its last descendant (itself if none): rows
    /// are in tree order, so a row's descendants are the rows up to it.
    pub(crate) fn last_descendants(&self) -> Vec<usize> {
        let mut size = vec![1usize; self.rows.len()];
        for i in (0..self.rows.len()).rev() {
            if let Some(p) = self.rows[i].parent {
                let add = size[i];
                if let Some(s) = size.get_mut(p) {
                    *s += add;
                }
            }
        }
        size.iter().enumerate().map(|(i, s)| i + s - 1).collect()
    }
}

/// A DOT-safe id for a year, negative years too.
fn year_id(year: i32) -> String {
    if year < 0 {
        format!("m{}", year.unsigned_abs())
    } else {
        year.to_string()
    }
}

/// Group fills, darker with depth.
fn shade(depth: usize) -> &'static str {
    [
        "#f4f4f4", "#e8eef6", "#e6f2ec", "#f6efe2", "#f3e6ef", "#ececec",
    ][depth % 6]
}

/// A date as a fractional year: its earliest (`end` false) or latest moment.
pub(crate) fn position(date: Date, end: bool) -> f64 {
    let (y, m, d) = if end { date.latest() } else { date.earliest() };
    let base = f64::from(y) + (f64::from(m) - 1.0) / 12.0 + (f64::from(d) - 1.0) / 365.0;
    // The latest moment is the end of the last day.
    if end { base + 1.0 / 365.0 } else { base }
}
