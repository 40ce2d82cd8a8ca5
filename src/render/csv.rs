//! CSV as RFC 4180 has it: CRLF line ends, one header row, every row as wide as the header.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::report::Records;
use crate::sanitize::terminal_safe;

/// Writes `records`; unless `raw`, a cell that a spreadsheet would run as a formula gets a `'`
/// in front (see [`formula_safe`]) and control characters are escaped, since CSV is often
/// printed to a terminal. With `raw`, for data pipelines, every cell is written byte for byte.
pub fn write(records: &Records, raw: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(&records.header).map_err(io_error)?;
    for row in &records.rows {
        // CSV is often printed to a terminal too; quoting keeps line breaks inside a field.
        writer
            .write_record(row.iter().map(|field| {
                if raw {
                    Cow::Borrowed(field.as_bytes())
                } else {
                    Cow::Owned(
                        formula_safe(&terminal_safe(field))
                            .into_owned()
                            .into_bytes(),
                    )
                }
            }))
            .map_err(io_error)?;
    }
    writer.flush()
}

/// A cell that spreadsheets (Excel, `LibreOffice`, Google Sheets) cannot take for a formula: one
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front, as OWASP
/// recommends against CSV injection (a data file could otherwise make a reader's spreadsheet
/// run `=HYPERLINK(…)` or `=cmd|…`). The spreadsheet shows the text as it was.
pub fn formula_safe(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Keeps the underlying I/O error as it is, so a closed pipe is still seen as one.
fn io_error(error: ::csv::Error) -> io::Error {
    match error.into_kind() {
        ::csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::{formula_safe, write};
    use crate::report::Records;

    #[test]
    fn cells_that_start_like_formulas_get_a_quote_unless_raw() {
        for formula in ["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x"] {
            assert_eq!(formula_safe(formula), format!("'{formula}"));
        }
        assert_eq!(formula_safe("a = b - c"), "a = b - c");
        let records = Records {
            header: vec!["a"],
            rows: vec![vec!["=HYPERLINK(\"x\")".to_owned()]],
        };
        let (mut guarded, mut raw) = (Vec::new(), Vec::new());
        write(&records, false, &mut guarded).unwrap();
        write(&records, true, &mut raw).unwrap();
        assert_eq!(guarded, b"a\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n");
        assert_eq!(raw, b"a\r\n\"=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    #[test]
    fn raw_cells_are_written_byte_for_byte() {
        let records = Records {
            header: vec!["a"],
            rows: vec![vec!["tab\there \u{1b}[1m".to_owned()]],
        };
        let mut raw = Vec::new();
        write(&records, true, &mut raw).unwrap();
        assert_eq!(raw, "a\r\ntab\there \u{1b}[1m\r\n".as_bytes());
    }

    #[test]
    fn quotes_commas_quotes_and_line_breaks_and_ends_lines_with_crlf() {
        let records = Records {
            header: vec!["a", "b"],
            rows: vec![vec!["x, \"y\"".to_owned(), "1\n2".to_owned()]],
        };
        let mut out = Vec::new();
        write(&records, false, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\n\"x, \"\"y\"\"\",\"1\n2\"\r\n"
        );
    }
}
