//! The historian's report: one self-contained HTML page of a debate.
//! `options.rs` holds [`ReportOptions`], `page.rs` writes the page,
//! `event.rs` one event's section, `views.rs` the views of every year that
//! the year control shows; `style.css` and `script.js` are inlined.

mod event;
mod options;
mod page;
mod views;

pub use options::ReportOptions;
pub use page::report;
