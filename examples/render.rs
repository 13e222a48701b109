//! Writes pictures of the built-in corpus (the debate over the Sino-Soviet
//! split): the argument map, the comparison of the Second Taiwan Strait
//! Crisis, the timeline and the events × explanations heat map, each as
//! Graphviz DOT and, with the `svg` feature (on by default), as SVG; and
//! the argument map's layout as JSON, for a tool that draws it itself.
//!
//! ```text
//! cargo run --example render -- [DIRECTORY]     # default target/pictures
//! dot -Tsvg target/pictures/map.dot -o map-dot.svg
//! ```

#[path = "common/out.rs"]
#[macro_use]
mod out;

use std::path::PathBuf;
use std::process::ExitCode;

use historiograph::render::{self, MapOptions, Picture, PictureOptions};
use historiograph::{CompareOptions, EventId};

const EVENT: &str = "taiwan-strait-crisis-1958";

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/pictures"), PathBuf::from);
    match run(&dir) {
        Ok(written) => {
            for path in written {
                outln!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("render: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &std::path::Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let corpus = historiograph::sino_soviet_split();

    // Every claim; and again grouped by event (DOT only: the SVG layout
    // draws no groups).
    let map = render::argument_map(&corpus, &MapOptions::new());
    let by_event = render::argument_map(&corpus, &MapOptions::new().with_clusters(true));
    // The claims about the key event, with their scholars and evidence.
    let crisis: EventId = corpus.resolve(EVENT)?;
    let leap: EventId = corpus.resolve("great-leap-forward")?;
    let people = render::argument_map(
        &corpus,
        &MapOptions::new()
            .with_events([crisis, leap])
            .with_scholars(true)
            .with_evidence(true),
    );
    let compared = corpus.view(&CompareOptions::new()).compare(crisis)?;
    let comparison = render::comparison(&corpus, &compared, &PictureOptions::new());
    let timeline = render::timeline(&corpus, &PictureOptions::new());
    // Rows: the events some claim is about, in date order.
    let events: Vec<EventId> = corpus
        .events_by_date()
        .filter(|&e| corpus.claims_about(e).next().is_some())
        .collect();
    let matrix = corpus
        .view(&CompareOptions::new().with_roll_up(true))
        .matrix(events)?;
    let heat = render::heat_map(&corpus, &matrix);

    // (file name, picture, whether to write SVG too)
    let pictures: [(&str, &Picture, bool); 6] = [
        ("map", &map, true),
        ("map-by-event", &by_event, false),
        ("map-scholars-evidence-1958", &people, true),
        ("comparison-taiwan-strait-crisis-1958", &comparison, true),
        ("timeline", &timeline, true),
        ("heat-map", &heat, true),
    ];
    let mut written = Vec::new();
    // The map laid out: every box, arrow and label with its coordinates.
    let path = dir.join("map.layout.json");
    std::fs::write(&path, serde_json::to_string_pretty(&map.layout())?)?;
    written.push(path);
    for (name, picture, svg) in pictures {
        let path = dir.join(format!("{name}.dot"));
        std::fs::write(&path, picture.to_dot())?;
        written.push(path);
        #[cfg(feature = "svg")]
        if svg {
            let path = dir.join(format!("{name}.svg"));
            std::fs::write(&path, picture.to_svg())?;
            written.push(path);
        }
        #[cfg(not(feature = "svg"))]
        let _ = svg;
    }
    Ok(written)
}
