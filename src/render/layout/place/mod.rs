//! How each kind of picture is placed: from the picture's data (a scene,
//! the timeline's rows, the heat map's matrix) to its layout.

mod graph;
mod heat;
mod timeline;
