//! [`Csv`], the row writer of the layout, with neo4j-admin's quoting.

use std::io::{self, BufWriter, Write};

/// A CSV row writer with neo4j-admin's quoting: text fields always quoted,
/// `"` doubled, absent values empty and unquoted.
pub(super) struct Csv<W: Write> {
    out: BufWriter<W>,
    rows: u64,
    multiline: bool,
    first: bool,
}

impl<W: Write> Csv<W> {
    /// A writer of rows to `writer`, buffered here.
    pub(super) fn new(writer: W) -> Csv<W> {
        Csv {
            out: BufWriter::with_capacity(1 << 16, writer),
            rows: 0,
            multiline: false,
            first: true,
        }
    }

    /// The header row, which is not counted as a row.
    pub(super) fn header(&mut self, header: &str) -> io::Result<()> {
        self.out.write_all(header.as_bytes())?;
        self.out.write_all(b"\n")
    }

    /// Flushes the rows to the writer: how many rows were written, and
    /// whether any field spans lines.
    pub(super) fn finish(self) -> io::Result<(u64, bool)> {
        let Csv {
            out,
            rows,
            multiline,
            ..
        } = self;
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        Ok((rows, multiline))
    }

    fn separate(&mut self) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b",")?;
        }
        self.first = false;
        Ok(())
    }

    /// A field that needs no quotes: a label, a type, a fixed id.
    pub(super) fn raw(&mut self, value: &str) -> io::Result<()> {
        self.separate()?;
        self.out.write_all(value.as_bytes())
    }

    pub(super) fn text(&mut self, value: &str) -> io::Result<()> {
        self.separate()?;
        if value.contains(['\n', '\r']) {
            self.multiline = true;
        }
        self.out.write_all(b"\"")?;
        let mut parts = value.split('"');
        if let Some(first) = parts.next() {
            self.out.write_all(first.as_bytes())?;
        }
        for part in parts {
            self.out.write_all(b"\"\"")?;
            self.out.write_all(part.as_bytes())?;
        }
        self.out.write_all(b"\"")
    }

    pub(super) fn opt_text(&mut self, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(value) => self.text(value),
            None => self.separate(),
        }
    }

    pub(super) fn opt_display(&mut self, value: Option<impl std::fmt::Display>) -> io::Result<()> {
        match value {
            Some(value) => self.text(&value.to_string()),
            None => self.separate(),
        }
    }

    pub(super) fn int(&mut self, value: Option<impl Into<i64>>) -> io::Result<()> {
        self.separate()?;
        match value {
            Some(value) => write!(self.out, "{}", value.into()),
            None => Ok(()),
        }
    }

    /// A boolean, `true` or `false`, unquoted.
    pub(super) fn boolean(&mut self, value: bool) -> io::Result<()> {
        self.raw(if value { "true" } else { "false" })
    }

    pub(super) fn node(&mut self, key: &str, label: &str) -> io::Result<()> {
        self.text(key)?;
        self.raw(label)
    }

    pub(super) fn edge(&mut self, start: &str, end: &str, kind: &str) -> io::Result<()> {
        self.text(start)?;
        self.text(end)?;
        self.raw(kind)
    }

    pub(super) fn end(&mut self) -> io::Result<()> {
        self.out.write_all(b"\n")?;
        self.rows += 1;
        self.first = true;
        Ok(())
    }
}
