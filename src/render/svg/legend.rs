//! Drawing a [`Legend`]: its frame, the gradient of a scale, its heading,
//! then each entry's sample and label.

use super::writer::{Svg, dash, point};
use crate::render::layout::{Legend, Sample, num};

/// A legend, in its own group.
pub(super) fn draw(svg: &mut Svg, legend: &Legend) {
    svg.open_group("legend", Some("legend"), None);
    if let Some(frame) = legend.frame() {
        svg.rect(frame, 4.0, "#ffffff", "stroke=\"#999999\"");
    }
    for entry in legend.entries() {
        if let Some(Sample::Scale { stops, .. }) = entry.sample() {
            let mut gradient = String::new();
            for stop in stops {
                let percent = (stop.offset * 100.0) as u32;
                gradient.push_str(&format!(
                    "<stop offset=\"{percent}%\" stop-color=\"{}\"/>",
                    stop.colour.hex()
                ));
            }
            svg.raw(&format!(
                "<defs><linearGradient id=\"scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">{gradient}</linearGradient></defs>\n"
            ));
        }
    }
    svg.label(legend.heading());
    for entry in legend.entries() {
        if let Some(sample) = entry.sample() {
            draw_sample(svg, sample);
        }
        if let Some(label) = entry.label() {
            svg.label(label);
        }
    }
    svg.close_group();
}

/// A sample, drawn as its picture draws what it stands for.
fn draw_sample(svg: &mut Svg, sample: &Sample) {
    match sample {
        Sample::Fill {
            rect,
            radius,
            colour,
            outline,
        } => svg.rect(
            *rect,
            *radius,
            &colour.hex(),
            &format!("stroke=\"{}\"", outline.hex()),
        ),
        Sample::Border {
            rect,
            radius,
            stroke,
            width,
        } => {
            let extra = format!(
                "stroke=\"#222222\" stroke-width=\"{}\" {}",
                num(*width),
                dash(*stroke)
            );
            svg.rect(*rect, *radius, "#ffffff", &extra);
        }
        Sample::Arrow {
            line,
            colour,
            stroke,
            width,
            head,
        } => {
            let hex = colour.hex();
            svg.line(line[0], line[1], &hex, *width, dash(*stroke));
            if let Some(head) = head {
                svg.head(head, &hex);
            }
        }
        Sample::Bar {
            rect,
            fill,
            approximate,
        } => {
            let extra = if *approximate {
                "fill-opacity=\"0.55\" stroke=\"#222222\" stroke-width=\"0.8\""
            } else {
                "stroke=\"#222222\" stroke-width=\"0.8\""
            };
            svg.rect(*rect, 3.0, &fill.hex(), extra);
        }
        Sample::Diamond { points, fill } => svg.raw(&format!(
            "<polygon points=\"{} {} {} {}\" fill=\"{}\" stroke=\"#222222\" stroke-width=\"0.8\"/>\n",
            point(points[0]),
            point(points[1]),
            point(points[2]),
            point(points[3]),
            fill.hex()
        )),
        Sample::Quiet { rect } => svg.rect(*rect, 0.0, "url(#quiet)", "stroke=\"#cccccc\""),
        Sample::Scale { rect, ticks, .. } => {
            svg.rect(*rect, 0.0, "url(#scale)", "stroke=\"#999999\"");
            for tick in ticks {
                svg.line(tick.line[0], tick.line[1], "#555555", 1.0, "");
                svg.label(&tick.label);
            }
        }
    }
}
