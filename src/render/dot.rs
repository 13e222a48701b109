//! Graphviz DOT for a [`Scene`]: HTML-like labels (so every text is XML
//! escaped), one `subgraph cluster_N` per group; a graph picture's components packed
//! into a near-square page, its legend a table under the title, at the top.

use std::fmt::Write as _;

use super::scene::{Head, Key, Scene, Shape, Stroke};
use super::text::{INK, dot_string, xml};

pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// The opening lines of the timeline and the heat map: [`opening`] with
/// the bold title as the label and ranks across clusters (`newrank`).
pub(crate) fn header(out: &mut String, title: &str, rankdir: &str) {
    let label = format!("<B>{}</B>", xml(title));
    opening(out, title, &label, rankdir, "newrank=true");
}

/// How a graph picture is laid out: each weakly connected component on its
/// own, packed as polyominoes into a near-square page (`packmode=graph`),
/// rather than side by side in one row. Without `newrank`: Graphviz 2.43
/// crashes on `pack` with `newrank`, and the scenes need no ranks across
/// clusters.
pub(crate) const PACK: &str = "pack=true, packmode=\"graph\"";

/// The opening lines every picture shares: the graph, with `label` (the
/// content of an HTML label) at the top and the graph attributes `layout`;
/// the node and edge defaults.
fn opening(out: &mut String, title: &str, label: &str, rankdir: &str, layout: &str) {
    let _ = writeln!(out, "digraph historiograph {{");
    let _ = writeln!(
        out,
        "  graph [rankdir={rankdir}, fontname=\"{FONT}\", fontsize=18, labelloc=t, \
         label=<{label}>, nodesep=0.25, ranksep=0.45, {layout}, \
         tooltip={}];",
        dot_string(title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"{FONT}\", fontsize=11, margin=\"0.12,0.06\"];"
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"{FONT}\", fontsize=9, arrowsize=0.8];"
    );
}

fn style(shape: Shape, border: Stroke) -> (&'static str, String, f64) {
    let (shape, mut style) = match shape {
        Shape::Rounded => ("box", "rounded,filled".to_owned()),
        Shape::Ellipse => ("ellipse", "filled".to_owned()),
        Shape::Note => ("note", "filled".to_owned()),
        Shape::Double => ("box", "filled".to_owned()),
    };
    let pen = match border {
        Stroke::Bold => 2.4,
        Stroke::Solid => 1.0,
        Stroke::Dashed => {
            style.push_str(",dashed");
            1.4
        }
        Stroke::Dotted => {
            style.push_str(",dotted");
            1.8
        }
    };
    (shape, style, pen)
}

pub(crate) fn edge_style(stroke: Stroke) -> (&'static str, f64) {
    match stroke {
        Stroke::Bold => ("solid", 2.4),
        Stroke::Solid => ("solid", 1.3),
        Stroke::Dashed => ("dashed", 1.3),
        Stroke::Dotted => ("dotted", 1.5),
    }
}

pub(crate) fn arrowhead(head: Head) -> &'static str {
    match head {
        Head::Normal => "normal",
        Head::Tee => "tee",
        Head::Dot => "odot",
    }
}

/// The scene as DOT.
pub(crate) fn write(scene: &Scene) -> String {
    let mut out = String::new();
    let rankdir = if scene.left_to_right { "LR" } else { "TB" };
    let mut label = format!("<B>{}</B>", xml(&scene.title));
    if !scene.legend.is_empty() {
        // The legend at the top, under the title: a table in the label.
        label = format!(
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\">\
             <TR><TD ALIGN=\"LEFT\">{label}</TD></TR>\
             <TR><TD ALIGN=\"LEFT\">{}</TD></TR></TABLE>",
            legend_table(&scene.legend)
        );
    }
    opening(&mut out, &scene.title, &label, rankdir, PACK);
    // Nodes, grouped by cluster: the ungrouped first, then each cluster.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); scene.clusters.len()];
    for (i, node) in scene.nodes.iter().enumerate() {
        match node.cluster.and_then(|c| groups.get_mut(c)) {
            Some(group) => group.push(i),
            None => write_node(&mut out, scene, i, "  "),
        }
    }
    for (c, members) in groups.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let label = scene.clusters.get(c).map_or("", |c| c.label.as_str());
        let _ = writeln!(out, "  subgraph cluster_{c} {{");
        let _ = writeln!(
            out,
            "    graph [label=<{}>, style=\"rounded,dashed\", color=\"#999999\", \
             fontsize=12, fontcolor=\"#444444\", tooltip={}];",
            xml(label),
            dot_string(label)
        );
        for &i in members {
            write_node(&mut out, scene, i, "    ");
        }
        let _ = writeln!(out, "  }}");
    }
    for edge in &scene.edges {
        let (Some(from), Some(to)) = (scene.nodes.get(edge.from), scene.nodes.get(edge.to)) else {
            continue;
        };
        let (line, pen) = edge_style(edge.stroke);
        let _ = writeln!(
            out,
            "  {} -> {} [color=\"{}\", style={line}, penwidth={pen}, arrowhead={}, tooltip={}];",
            from.id,
            to.id,
            edge.colour.hex(),
            arrowhead(edge.head),
            dot_string(&edge.tooltip)
        );
    }
    out.push_str("}\n");
    out
}

fn write_node(out: &mut String, scene: &Scene, i: usize, indent: &str) {
    let Some(node) = scene.nodes.get(i) else {
        return;
    };
    let (shape, style, pen) = style(node.shape, node.border);
    let mut label = String::new();
    if let Some(caption) = &node.caption {
        let _ = write!(
            label,
            "<FONT POINT-SIZE=\"9\" COLOR=\"#333333\">{}</FONT>",
            xml(caption)
        );
    }
    for line in &node.lines {
        if !label.is_empty() {
            label.push_str("<BR/>");
        }
        if node.faded {
            let _ = write!(label, "<FONT COLOR=\"#555555\">{}</FONT>", xml(line));
        } else {
            label.push_str(&xml(line));
        }
    }
    let peripheries = if node.shape == Shape::Double {
        ", peripheries=2"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{indent}{} [label=<{label}>, shape={shape}, style=\"{style}\", fillcolor=\"{}\", \
         color=\"{}\", penwidth={pen}{peripheries}, tooltip={}];",
        node.id,
        node.fill.hex(),
        if node.faded { "#666666" } else { "#222222" },
        dot_string(&node.tooltip)
    );
}

/// Keys on a line of the legend: a wide, short table, for the top of the
/// page.
const KEYS_PER_ROW: usize = 4;

/// The legend as an HTML table in 10 pt grey text, [`KEYS_PER_ROW`] keys
/// (a sample and its text) a row.
fn legend_table(legend: &[Key]) -> String {
    let mut rows = String::new();
    for line in legend.chunks(KEYS_PER_ROW) {
        rows.push_str("<TR>");
        for key in line {
            let (sample, label) = legend_cells(key);
            let _ = write!(rows, "{sample}<TD ALIGN=\"LEFT\">{}</TD>", xml(label));
        }
        rows.push_str("</TR>");
    }
    format!(
        "<FONT POINT-SIZE=\"10\" COLOR=\"{}\">\
         <TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">\
         <TR><TD COLSPAN=\"{}\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>{rows}</TABLE></FONT>",
        INK.hex(),
        2 * KEYS_PER_ROW.min(legend.len())
    )
}

/// A key's sample cell, and its text.
fn legend_cells(key: &Key) -> (String, &str) {
    match key {
        Key::Fill(colour, label) => (
            format!(
                "<TD BGCOLOR=\"{}\" WIDTH=\"28\" BORDER=\"1\"> </TD>",
                colour.hex()
            ),
            label,
        ),
        Key::Border(stroke, label) => {
            let cell = match stroke {
                Stroke::Bold => "BORDER=\"3\"",
                Stroke::Solid => "BORDER=\"1\"",
                Stroke::Dashed => "BORDER=\"1\" STYLE=\"dashed\"",
                Stroke::Dotted => "BORDER=\"2\" STYLE=\"dotted\"",
            };
            (
                format!("<TD {cell} WIDTH=\"28\" COLOR=\"#222222\"> </TD>"),
                label,
            )
        }
        Key::Arrow(colour, stroke, head, label) => {
            let line = match stroke {
                Stroke::Dashed => "- - -",
                Stroke::Dotted => "·····",
                _ => "─────",
            };
            let tip = match head {
                Head::Normal => "▶",
                Head::Tee => "┤",
                Head::Dot => "○",
            };
            (
                format!(
                    "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{line}{tip}</FONT></TD>",
                    colour.hex()
                ),
                label,
            )
        }
    }
}
