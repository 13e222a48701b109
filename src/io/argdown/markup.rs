//! The markup of a statement's text that carries meaning: emphasis and
//! links. Argdown strips it from the text and keeps it as ranges; a claim's
//! text is the stripped text, and its markup ([`Claim::markup`]) the text
//! written back in Markdown (`**bold**`, `*italic*`, `[text](url)`) from
//! the ranges, so that nothing it said is lost. Both readers (the tool's
//! JSON and the native one) give the same ranges, so the same markup.
//!
//! [`Claim::markup`]: crate::Claim::markup

use super::json::MemberJson;

/// The text of `member` (its tags cut out, as in the claim's text) with its
/// bold, italic and link ranges written back as Markdown; `None` when it
/// has none.
pub(super) fn marked_up(text: &str, member: &MemberJson) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    // (place, closing first, inner first, marker)
    let mut inserts: Vec<(usize, u8, usize, String)> = Vec::new();
    for range in &member.ranges {
        let (Some(start), Some(stop)) = (range.start, range.stop) else {
            continue;
        };
        let end = stop.saturating_add(1).min(units.len());
        if end <= start {
            continue;
        }
        let (open, close) = match range.kind.as_str() {
            "bold" => ("**".to_owned(), "**".to_owned()),
            "italic" => ("*".to_owned(), "*".to_owned()),
            "link" => (
                "[".to_owned(),
                format!("]({})", range.url.as_deref().unwrap_or_default()),
            ),
            _ => continue,
        };
        inserts.push((start, 1, usize::MAX - end, open));
        inserts.push((end, 0, usize::MAX - start, close));
    }
    if inserts.is_empty() {
        return None;
    }
    inserts.sort();
    let cuts: Vec<(usize, usize)> = member
        .ranges
        .iter()
        .filter(|r| r.kind == "tag")
        .filter_map(|r| Some((r.start?, r.stop?.saturating_add(1))))
        .collect();
    let is_space = |u: u16| char::from_u32(u32::from(u)).is_some_and(char::is_whitespace);
    let mut out: Vec<u16> = Vec::new();
    let mut next = inserts.iter().peekable();
    let mut after_cut = false;
    let mut trimming = false;
    for i in 0..=units.len() {
        while let Some((_, _, _, marker)) = next.next_if(|insert| insert.0 == i) {
            out.extend(marker.encode_utf16());
            trimming = false;
        }
        let Some(&unit) = units.get(i) else {
            break;
        };
        if cuts.iter().any(|&(start, end)| start <= i && i < end) {
            after_cut = true;
            continue;
        }
        if after_cut {
            trimming = out.last().is_some_and(|&u| is_space(u));
            after_cut = false;
        }
        if trimming && is_space(unit) {
            continue;
        }
        trimming = false;
        out.push(unit);
    }
    Some(String::from_utf16_lossy(&out).trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::argdown::json::RangeJson;

    fn range(kind: &str, start: usize, stop: usize, url: Option<&str>) -> RangeJson {
        RangeJson {
            kind: kind.to_owned(),
            start: Some(start),
            stop: Some(stop),
            url: url.map(ToOwned::to_owned),
        }
    }

    #[test]
    fn writes_ranges_back_as_markdown() {
        // `x **a _b_** see [it](http://a) #t y`, as Argdown reports it.
        let text = "x a b see it #t y";
        let member = MemberJson {
            text: Some(text.to_owned()),
            ranges: vec![
                range("bold", 2, 4, None),
                range("italic", 4, 4, None),
                range("link", 10, 11, Some("http://a")),
                range("tag", 13, 15, None),
            ],
        };
        assert_eq!(
            marked_up(text, &member).as_deref(),
            Some("x **a *b*** see [it](http://a) y")
        );
        let plain = MemberJson {
            text: Some(text.to_owned()),
            ranges: vec![range("tag", 13, 15, None)],
        };
        assert_eq!(marked_up(text, &plain), None);
    }
}
