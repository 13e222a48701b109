//! Dates with a precision, and periods, written in the EDTF profile of ISO 8601.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// How much of a [`Date`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year: `1958`.
    Year,
    /// Year and month: `1958-08`.
    Month,
    /// Year, month and day: `1960-05-01`.
    Day,
}

/// A calendar date known to the year, month or day, possibly approximate.
///
/// Written and parsed as EDTF: `1958`, `1958-08`, `1960-05-01`, and `1921~`
/// for "circa 1921". Years run from -9999 to 9999.
///
/// Dates order by their earliest possible day, then coarser before finer,
/// then exact before approximate: `1958 < 1958-01 < 1958-08 < 1958-08-23`.
///
/// ```
/// use historiograph::{Date, Precision};
///
/// let crisis: Date = "1958-08".parse()?;
/// assert_eq!(crisis.year(), 1958);
/// assert_eq!(crisis.precision(), Precision::Month);
/// assert_eq!(crisis.to_string(), "1958-08");
/// assert!(Date::from_year(1921).approximate().is_circa());
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    circa: bool,
}

const MIN_YEAR: i32 = -9999;
const MAX_YEAR: i32 = 9999;

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if leap { 29 } else { 28 }
        }
    }
}

fn invalid(value: impl fmt::Display, reason: &'static str) -> Error {
    Error::InvalidDate {
        value: value.to_string(),
        reason,
    }
}

impl Date {
    /// A date known to the year. Years outside -9999..=9999 are clamped into
    /// that range; use [`Date::from_ymd`] or parsing for a checked date.
    pub fn from_year(year: i32) -> Date {
        Date {
            year: year.clamp(MIN_YEAR, MAX_YEAR),
            month: None,
            day: None,
            circa: false,
        }
    }

    /// A date known to the month.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] when the year is out of range or the month is
    /// not 1 to 12.
    pub fn from_year_month(year: i32, month: u8) -> Result<Date, Error> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(invalid(
                format!("{year:04}-{month:02}"),
                "month must be 1 to 12",
            ));
        }
        Ok(Date {
            year,
            month: Some(month),
            day: None,
            circa: false,
        })
    }

    /// A date known to the day.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] when the year is out of range, the month is not
    /// 1 to 12 or the day does not exist in that month.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<Date, Error> {
        let mut date = Date::from_year_month(year, month)?;
        if day == 0 || day > days_in_month(year, month) {
            return Err(invalid(
                format!("{year:04}-{month:02}-{day:02}"),
                "no such day in that month",
            ));
        }
        date.day = Some(day);
        Ok(date)
    }

    /// The same date marked approximate ("circa").
    #[must_use]
    pub fn approximate(mut self) -> Date {
        self.circa = true;
        self
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month (1 to 12), if known.
    pub fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// Whether the date is approximate ("circa").
    pub fn is_circa(&self) -> bool {
        self.circa
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day the date can mean, as (year, month, day).
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, as (year, month, day).
    pub fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }
}

fn check_year(year: i32) -> Result<(), Error> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(invalid(year, "year must be from -9999 to 9999"))
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then(self.precision().cmp(&other.precision()))
            .then(self.circa.cmp(&other.circa))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        if self.circa {
            f.write_str("~")?;
        }
        Ok(())
    }
}

fn digits(text: &str, len: usize, whole: &str, what: &'static str) -> Result<u32, Error> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(whole, what));
    }
    text.parse().map_err(|_| invalid(whole, what))
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(whole: &str) -> Result<Date, Error> {
        let (body, circa) = match whole.strip_suffix('~') {
            Some(body) => (body, true),
            None => (whole, false),
        };
        let (negative, body) = match body.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, body),
        };
        let mut parts = body.split('-');
        let year_text = parts.next().unwrap_or_default();
        let year = digits(
            year_text,
            4,
            whole,
            "expected a four-digit year (YYYY, YYYY-MM or YYYY-MM-DD)",
        )?;
        let year = if negative {
            -(year as i32)
        } else {
            year as i32
        };
        let month = parts
            .next()
            .map(|m| digits(m, 2, whole, "expected a two-digit month"))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| digits(d, 2, whole, "expected a two-digit day"))
            .transpose()?;
        if parts.next().is_some() {
            return Err(invalid(
                whole,
                "too many parts; expected YYYY, YYYY-MM or YYYY-MM-DD",
            ));
        }
        let date = match (month, day) {
            (None, _) => check_year(year).map(|()| Date::from_year(year)),
            (Some(m), None) => Date::from_year_month(year, m as u8),
            (Some(m), Some(d)) => Date::from_ymd(year, m as u8, d as u8),
        }
        .map_err(|e| match e {
            Error::InvalidDate { reason, .. } => invalid(whole, reason),
            other => other,
        })?;
        Ok(if circa { date.approximate() } else { date })
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// When an event happened: on a date, or over a period.
///
/// Written as EDTF: a date (`1958-08`), a closed period (`1958/1960`) or a
/// period with an open end (`1965-01/..`). A period never ends before it
/// starts: its end's last possible day is on or after its start's first.
///
/// ```
/// use historiograph::{Date, When};
///
/// let leap: When = "1958/1960".parse()?;
/// assert_eq!(leap.start(), Date::from_year(1958));
/// assert_eq!(leap.end(), Some(Date::from_year(1960)));
/// assert!("1960/1958".parse::<When>().is_err());
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    start: Date,
    end: End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum End {
    Single,
    Open,
    At(Date),
}

impl When {
    /// A single date.
    pub fn on(date: Date) -> When {
        When {
            start: date,
            end: End::Single,
        }
    }

    /// A closed period from `start` to `end`, both included.
    ///
    /// # Errors
    /// [`Error::PeriodEndsBeforeStart`] when `end` ends before `start` begins.
    pub fn between(start: Date, end: Date) -> Result<When, Error> {
        if end.latest() < start.earliest() {
            return Err(Error::PeriodEndsBeforeStart {
                start: start.to_string(),
                end: end.to_string(),
            });
        }
        Ok(When {
            start,
            end: End::At(end),
        })
    }

    /// A period from `start` with no known end.
    pub fn since(start: Date) -> When {
        When {
            start,
            end: End::Open,
        }
    }

    /// The date, or the start of the period.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The end of a closed period; `None` for a single date or an open period.
    pub fn end(&self) -> Option<Date> {
        match self.end {
            End::At(date) => Some(date),
            End::Single | End::Open => None,
        }
    }

    /// Whether this is a period (closed or open) rather than a single date.
    pub fn is_period(&self) -> bool {
        !matches!(self.end, End::Single)
    }

    /// Whether this is a period with an open end.
    pub fn is_open(&self) -> bool {
        matches!(self.end, End::Open)
    }

    /// The first year this covers.
    pub fn first_year(&self) -> i32 {
        self.start.year()
    }
}

impl Ord for When {
    /// By start, then single dates before periods, then by end (open last).
    fn cmp(&self, other: &Self) -> Ordering {
        fn rank(end: &End) -> (u8, Option<Date>) {
            match end {
                End::Single => (0, None),
                End::At(date) => (1, Some(*date)),
                End::Open => (2, None),
            }
        }
        self.start
            .cmp(&other.start)
            .then_with(|| rank(&self.end).cmp(&rank(&other.end)))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            End::Single => write!(f, "{}", self.start),
            End::Open => write!(f, "{}/..", self.start),
            End::At(end) => write!(f, "{}/{}", self.start, end),
        }
    }
}

impl FromStr for When {
    type Err = Error;

    fn from_str(text: &str) -> Result<When, Error> {
        match text.split_once('/') {
            None => Ok(When::on(text.parse()?)),
            Some((start, "..")) => Ok(When::since(start.parse()?)),
            Some((start, end)) => When::between(start.parse()?, end.parse()?),
        }
    }
}

impl From<Date> for When {
    fn from(date: Date) -> When {
        When::on(date)
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
