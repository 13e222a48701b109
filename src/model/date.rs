//! Dates with a precision, and periods, written in the EDTF profile of ISO 8601.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// How much of a [`Date`] is known, coarsest first: `Century < Decade <
/// Year < Month < Day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Precision {
    /// Only the century, the last two digits of the year unspecified:
    /// `19XX` (some year from 1900 to 1999).
    Century,
    /// Only the decade, the last digit of the year unspecified: `196X`
    /// (some year from 1960 to 1969).
    Decade,
    /// Only the year: `1958`.
    Year,
    /// Year and month: `1958-08`.
    Month,
    /// Year, month and day: `1960-05-01`.
    Day,
}

names!(Precision, "precision", [
    Century => "century",
    Decade => "decade",
    Year => "year",
    Month => "month",
    Day => "day",
]);

/// A calendar date known to the century, decade, year, month or day,
/// possibly approximate.
///
/// Written and parsed as EDTF: `1958`, `1958-08`, `1960-05-01`, `1921~` for
/// "circa 1921", and (EDTF level 1) `196X` for some year of the 1960s and
/// `19XX` for some year from 1900 to 1999. Only the last one or two digits
/// of the year may be `X`, and such a date has no month or day. Years run
/// from -9999 to 9999; before the common era the digits count back, so
/// `-004X` is some year from -49 to -40.
///
/// Dates order by their earliest possible day, then coarser before finer,
/// then exact before approximate:
/// `19XX < 195X < 1958 < 1958-01 < 1958-08 < 1958-08-23`.
///
/// ```
/// use historiograph::{Date, Precision};
///
/// let crisis: Date = "1958-08".parse()?;
/// assert_eq!(crisis.year(), 1958);
/// assert_eq!(crisis.precision(), Precision::Month);
/// assert_eq!(crisis.to_string(), "1958-08");
/// assert!(Date::from_year(1921).approximate().is_circa());
///
/// let sixties: Date = "196X".parse()?;
/// assert_eq!(sixties.precision(), Precision::Decade);
/// assert_eq!((sixties.year(), sixties.last_year()), (1960, 1969));
/// assert_eq!(sixties.earliest(), (1960, 1, 1));
/// assert_eq!(sixties.latest(), (1969, 12, 31));
/// assert_eq!(sixties, Date::decade_of(1964));
/// # Ok::<(), historiograph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year; with unspecified digits, the first year allowed.
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    circa: bool,
    /// How many trailing digits of the year are `X`: 0, 1 (a decade) or 2
    /// (a century). Never with a month.
    unspecified: u8,
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
            unspecified: 0,
        }
    }

    /// The decade that contains `year`, written with its last digit
    /// unspecified: `196X` (1960 to 1969) for 1964, `-004X` (-49 to -40) for
    /// -44. Year 0 gives `000X` (0 to 9); -1 gives `-000X` (-9 to 0). Years
    /// outside -9999..=9999 are clamped into that range.
    ///
    /// ```
    /// use historiograph::{Date, Precision};
    ///
    /// let sixties = Date::decade_of(1964);
    /// assert_eq!(sixties.to_string(), "196X");
    /// assert_eq!(sixties.precision(), Precision::Decade);
    /// assert_eq!(Date::decade_of(-44).to_string(), "-004X");
    /// assert_eq!((Date::decade_of(-44).year(), Date::decade_of(-44).last_year()), (-49, -40));
    /// ```
    pub fn decade_of(year: i32) -> Date {
        Date::unspecified_of(year, 1)
    }

    /// The century that contains `year`, written with its last two digits
    /// unspecified: `19XX` (1900 to 1999) for 1964, `-00XX` (-99 to 0) for
    /// -44. Year 0 gives `00XX` (0 to 99). Years outside -9999..=9999 are
    /// clamped into that range.
    ///
    /// ```
    /// use historiograph::{Date, Precision};
    ///
    /// let century = Date::century_of(1964);
    /// assert_eq!(century.to_string(), "19XX");
    /// assert_eq!(century.precision(), Precision::Century);
    /// assert_eq!((century.year(), century.last_year()), (1900, 1999));
    /// ```
    pub fn century_of(year: i32) -> Date {
        Date::unspecified_of(year, 2)
    }

    /// The range of years with the last `digits` (1 or 2) of the year
    /// unspecified that contains `year`.
    fn unspecified_of(year: i32, digits: u8) -> Date {
        let year = year.clamp(MIN_YEAR, MAX_YEAR);
        let span = span(digits);
        let first = if year >= 0 {
            year - year % span
        } else {
            // The digits count back: -0044 is in -004X, from -49 to -40.
            -((-year) / span * span + span - 1)
        };
        Date {
            year: first,
            month: None,
            day: None,
            circa: false,
            unspecified: digits,
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
            unspecified: 0,
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

    /// The year; for a decade or century, the first year it allows:
    /// 1960 for `196X`, 1900 for `19XX`, -49 for `-004X`. See
    /// [`last_year`](Date::last_year) for the last.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The last year the date allows: 1969 for `196X`, 1999 for `19XX`, -40
    /// for `-004X`, and the year itself for a date known to the year, month
    /// or day. Whatever the date stands for happened by the end of this
    /// year at the latest (approximation aside).
    ///
    /// ```
    /// use historiograph::Date;
    ///
    /// assert_eq!("196X".parse::<Date>()?.last_year(), 1969);
    /// assert_eq!("1958-08".parse::<Date>()?.last_year(), 1958);
    /// # Ok::<(), historiograph::Error>(())
    /// ```
    pub fn last_year(&self) -> i32 {
        self.year + span(self.unspecified) - 1
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
        match (self.unspecified, self.month, self.day) {
            (2.., _, _) => Precision::Century,
            (1, _, _) => Precision::Decade,
            (0, None, _) => Precision::Year,
            (0, Some(_), None) => Precision::Month,
            (0, Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day the date can mean, as (year, month, day): 1960-01-01
    /// for `196X`.
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, as (year, month, day): 1969-12-31
    /// for `196X`.
    pub fn latest(&self) -> (i32, u8, u8) {
        let year = self.last_year();
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(year, month));
        (year, month, day)
    }
}

/// How many years a year with `digits` unspecified trailing digits covers.
fn span(digits: u8) -> i32 {
    10i32.pow(u32::from(digits))
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
        if self.unspecified > 0 {
            // The digits written are those of the year nearest zero: `-004X`
            // runs from -49 to -40.
            let (sign, shown) = if self.year < 0 {
                ("-", -self.last_year())
            } else {
                ("", self.year)
            };
            let digits = format!("{shown:04}");
            let known = digits.len().saturating_sub(usize::from(self.unspecified));
            f.write_str(sign)?;
            f.write_str(digits.get(..known).unwrap_or_default())?;
            for _ in 0..self.unspecified {
                f.write_str("X")?;
            }
        } else if self.year < 0 {
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

/// A two-digit month or day; unspecified digits (`1960-XX`) are refused
/// with their own reason.
fn month_or_day(text: &str, whole: &str, what: &'static str) -> Result<u32, Error> {
    if text.bytes().any(|b| matches!(b, b'X' | b'x')) {
        return Err(invalid(
            whole,
            "only digits of the year may be unspecified (196X, 19XX), not of a month or day",
        ));
    }
    digits(text, 2, whole, what)
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
        if let Some(date) = unspecified_year(year_text, negative, whole)? {
            if parts.next().is_some() {
                return Err(invalid(
                    whole,
                    "a year with unspecified digits (196X, 19XX) cannot have a month or day",
                ));
            }
            return Ok(if circa { date.approximate() } else { date });
        }
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
            .map(|m| month_or_day(m, whole, "expected a two-digit month"))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| month_or_day(d, whole, "expected a two-digit day"))
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

/// A four-character year with unspecified trailing digits (`196X`, `19XX`)
/// as a decade or century; `None` when the text has no `X` (nor `x`).
fn unspecified_year(text: &str, negative: bool, whole: &str) -> Result<Option<Date>, Error> {
    let is_x = |b: &u8| matches!(b, b'X' | b'x');
    let bytes = text.as_bytes();
    if !bytes.iter().any(is_x) {
        return Ok(None);
    }
    if bytes.len() != 4 || !bytes.iter().all(|b| b.is_ascii_digit() || is_x(b)) {
        return Err(invalid(
            whole,
            "expected a four-digit year, its last one or two digits possibly X (196X, 19XX)",
        ));
    }
    let known = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (digits, xs) = bytes.split_at(known);
    if !xs.iter().all(is_x) {
        return Err(invalid(
            whole,
            "only the last digits of the year may be unspecified (196X, 19XX)",
        ));
    }
    let unspecified = match xs.len() {
        1 => 1,
        2 => 2,
        _ => {
            return Err(invalid(
                whole,
                "at most the last two digits of the year may be unspecified (196X, 19XX)",
            ));
        }
    };
    if xs.contains(&b'x') {
        return Err(invalid(
            whole,
            "unspecified digits of the year are written with a capital X (196X)",
        ));
    }
    // The known digits, with the unspecified ones as zeros: 1960 for `196X`,
    // 40 for `-004X`.
    let span = span(unspecified);
    let written = digits
        .iter()
        .fold(0i32, |n, b| n * 10 + i32::from(b - b'0'))
        * span;
    // Before the common era the digits count back: `-004X` is the decade
    // from -49 to -40.
    let within = if negative {
        -written - (span - 1)
    } else {
        written
    };
    Ok(Some(Date::unspecified_of(within, unspecified)))
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

    /// The first year this covers: the [`year`](Date::year) of its start
    /// (1960 for `196X` and for `196X/197X`).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse()
            .unwrap_or_else(|e| panic!("{text} should parse: {e}"))
    }

    fn reason(text: &str) -> &'static str {
        match text.parse::<Date>() {
            Err(Error::InvalidDate { value, reason }) => {
                assert_eq!(value, text, "the error names the whole value");
                reason
            }
            other => panic!("{text} should be an invalid date, got {other:?}"),
        }
    }

    #[test]
    fn unspecified_years_round_trip() {
        for text in [
            "196X", "19XX", "196X~", "19XX~", "000X", "00XX", "999X", "99XX", "-004X", "-004X~",
            "-000X", "-00XX", "-99XX", "-999X", "-01XX",
        ] {
            let d = date(text);
            assert_eq!(d.to_string(), text);
            assert_eq!(date(&d.to_string()), d);
            assert_eq!(d.month(), None);
            assert_eq!(d.day(), None);
            assert_eq!(d.is_circa(), text.ends_with('~'));
            assert!(d.earliest() <= d.latest(), "{text}");
        }
    }

    #[test]
    fn unspecified_years_cover_their_range() {
        let cases = [
            ("196X", Precision::Decade, 1960, 1969),
            ("19XX", Precision::Century, 1900, 1999),
            ("000X", Precision::Decade, 0, 9),
            ("-000X", Precision::Decade, -9, 0),
            ("-004X", Precision::Decade, -49, -40),
            ("-00XX", Precision::Century, -99, 0),
            ("-01XX", Precision::Century, -199, -100),
            ("-99XX", Precision::Century, -9999, -9900),
            ("99XX", Precision::Century, 9900, 9999),
        ];
        for (text, precision, first, last) in cases {
            let d = date(text);
            assert_eq!(d.precision(), precision, "{text}");
            assert_eq!((d.year(), d.last_year()), (first, last), "{text}");
            assert_eq!(d.earliest(), (first, 1, 1), "{text}");
            assert_eq!(d.latest(), (last, 12, 31), "{text}");
        }
    }

    #[test]
    fn decade_of_and_century_of_hold_the_year() {
        for year in [
            -9999, -9990, -101, -100, -99, -45, -40, -10, -9, -1, 0, 1, 9, 10, 1964, 9999,
        ] {
            for d in [Date::decade_of(year), Date::century_of(year)] {
                assert!((d.year()..=d.last_year()).contains(&year), "{year}: {d}");
                assert_eq!(date(&d.to_string()), d, "{year}: {d}");
            }
        }
        assert_eq!(Date::decade_of(1964), date("196X"));
        assert_eq!(Date::decade_of(-44), date("-004X"));
        assert_eq!(Date::decade_of(-1), date("-000X"));
        assert_eq!(Date::decade_of(0), date("000X"));
        assert_eq!(Date::century_of(1964), date("19XX"));
        assert_eq!(Date::century_of(-44), date("-00XX"));
        assert_eq!(Date::decade_of(i32::MAX), date("999X"));
        assert_eq!(Date::century_of(i32::MIN), date("-99XX"));
    }

    #[test]
    fn ordinary_dates_are_their_own_last_year() {
        assert_eq!(date("1958").last_year(), 1958);
        assert_eq!(date("1958-08~").last_year(), 1958);
        assert_eq!(date("-0044-03-15").last_year(), -44);
        assert_eq!(date("1958").precision(), Precision::Year);
    }

    #[test]
    fn precision_orders_coarsest_first() {
        use Precision::*;
        assert!(Century < Decade && Decade < Year && Year < Month && Month < Day);
    }

    #[test]
    fn order_is_earliest_day_then_coarser_then_exact() {
        let ordered = [
            "19XX",
            "19XX~",
            "195X",
            "195X~",
            "1950",
            "1950~",
            "1950-01",
            "1958",
            "196X",
            "1960",
            "1960-01-01",
            "1969",
            "197X",
        ];
        let dates: Vec<Date> = ordered.iter().map(|t| date(t)).collect();
        for pair in dates.windows(2) {
            assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
        }
        assert!(date("-000X") < date("000X"));
        assert!(date("-00XX") < date("-000X"));
    }

    #[test]
    fn unspecified_years_are_refused_with_a_reason() {
        let only_last = "only the last digits of the year may be unspecified (196X, 19XX)";
        let at_most_two = "at most the last two digits of the year may be unspecified (196X, 19XX)";
        let no_month = "a year with unspecified digits (196X, 19XX) cannot have a month or day";
        let four = "expected a four-digit year, its last one or two digits possibly X (196X, 19XX)";
        let not_month =
            "only digits of the year may be unspecified (196X, 19XX), not of a month or day";
        let cases = [
            ("1X6X", only_last),
            ("X960", only_last),
            ("19X0", only_last),
            ("-X960", only_last),
            ("1XXX", at_most_two),
            ("XXXX", at_most_two),
            ("-1XXX", at_most_two),
            ("196X-05", no_month),
            ("196X-05-01", no_month),
            ("19XX-05~", no_month),
            ("196X-", no_month),
            ("96X", four),
            ("1960X", four),
            ("19 X", four),
            ("196Xé", four),
            (
                "196x",
                "unspecified digits of the year are written with a capital X (196X)",
            ),
            ("1960-XX", not_month),
            ("1960-05-XX", not_month),
            ("1960-0x", not_month),
        ];
        for (text, want) in cases {
            assert_eq!(reason(text), want, "{text}");
        }
        assert!("196X~~".parse::<Date>().is_err());
        assert!("~196X".parse::<Date>().is_err());
        assert!("--196X".parse::<Date>().is_err());
    }

    #[test]
    fn periods_with_unspecified_ends_follow_the_rule() {
        let when: When = "196X/197X".parse().expect("ordered");
        assert_eq!(when.start(), date("196X"));
        assert_eq!(when.end(), Some(date("197X")));
        assert_eq!(when.to_string(), "196X/197X");
        assert_eq!(when.first_year(), 1960);
        // The end's last day (1969-12-31) is on or after the start's first.
        assert!("1965/196X".parse::<When>().is_ok());
        assert!("196X/1960".parse::<When>().is_ok());
        assert!("19XX/195X~".parse::<When>().is_ok());
        assert!("196X/..".parse::<When>().is_ok());
        assert!(matches!(
            "197X/196X".parse::<When>(),
            Err(Error::PeriodEndsBeforeStart { .. })
        ));
        assert!(matches!(
            "1970/196X".parse::<When>(),
            Err(Error::PeriodEndsBeforeStart { .. })
        ));
    }

    #[test]
    fn serde_goes_through_the_text() {
        for text in ["196X", "19XX~", "-004X"] {
            let d = date(text);
            let json = serde_json::to_string(&d).expect("serialize");
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Date>(&json).expect("deserialize"), d);
        }
        assert!(serde_json::from_str::<Date>("\"1X6X\"").is_err());
        let precision = serde_json::to_string(&Precision::Decade).expect("serialize");
        assert_eq!(precision, "\"decade\"");
    }
}
