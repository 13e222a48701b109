//! What a report shows.

use crate::query::CompareOptions;

/// Options of [`report`](crate::render::report): the view every verdict is
/// computed under (the year control then moves its year), and a title.
///
/// ```
/// use historiograph::CompareOptions;
/// use historiograph::render::ReportOptions;
///
/// let options = ReportOptions::new()
///     .with_view(CompareOptions::new().with_roll_up(false))
///     .with_title("The Sino-Soviet split, variants apart");
/// assert_eq!(options.title(), Some("The Sino-Soviet split, variants apart"));
/// ```
#[derive(Debug, Clone)]
pub struct ReportOptions {
    view: CompareOptions,
    title: Option<String>,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            view: CompareOptions::new().with_roll_up(true),
            title: None,
        }
    }
}

impl ReportOptions {
    /// Families rolled up with their variants, every scholar, the whole
    /// debate; the corpus's title.
    pub fn new() -> ReportOptions {
        ReportOptions::default()
    }

    /// The view the verdicts are computed under. Its year, if any, is where
    /// the year control starts; the control offers every year in which the
    /// scholarship moved.
    #[must_use]
    pub fn with_view(mut self, view: CompareOptions) -> ReportOptions {
        self.view = view;
        self
    }

    /// The page's title (default: the corpus's, or "A debate").
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> ReportOptions {
        self.title = Some(title.into());
        self
    }

    /// The view the verdicts are computed under.
    pub fn view(&self) -> &CompareOptions {
        &self.view
    }

    /// The title given, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}
