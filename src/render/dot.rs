//! Graphviz DOT for a [`Scene`]: HTML-like labels (so every text is XML
//! escaped), one `subgraph cluster_N` per group, a legend table.

use std::fmt::Write as _;

use super::scene::{Head, Key, Scene, Shape, Stroke};
use super::text::{INK, dot_string, xml};

pub(crate) const FONT: &str = "Helvetica,Arial,sans-serif";

/// The opening lines every picture shares: the graph, node and edge defaults.
pub(crate) fn header(out: &mut String, title: &str, rankdir: &str) {
    let _ = writeln!(out, "digraph historiograph {{");
    let _ = writeln!(
        out,
        "  graph [rankdir={rankdir}, fontname=\"{FONT}\", fontsize=18, labelloc=t, \
         label=<<B>{}</B>>, nodesep=0.25, ranksep=0.45, newrank=true, \
         tooltip={}];",
        xml(title),
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
    header(
        &mut out,
        &scene.title,
        if scene.left_to_right { "LR" } else { "TB" },
    );
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
    if !scene.legend.is_empty() {
        write_legend(&mut out, &scene.legend);
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

/// The legend as one borderless node holding an HTML table.
pub(crate) fn write_legend(out: &mut String, legend: &[Key]) {
    let mut rows = String::new();
    for key in legend {
        let (swatch, label) = match key {
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
                        "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}{}</FONT></TD>",
                        colour.hex(),
                        line,
                        tip
                    ),
                    label,
                )
            }
        };
        let _ = write!(
            rows,
            "<TR>{swatch}<TD ALIGN=\"LEFT\">{}</TD></TR>",
            xml(label)
        );
    }
    let _ = writeln!(
        out,
        "  legend [shape=plain, fontsize=10, fontcolor=\"{}\", tooltip=\"legend\", label=<\
         <TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">\
         <TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>{rows}</TABLE>>];",
        INK.hex()
    );
}
