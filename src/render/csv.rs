//! CSV as RFC 4180 has it: CRLF line ends, one header row, every row as wide as the header.

use std::io::{self, Write};

use crate::report::Records;
use crate::sanitize::terminal_safe;

pub fn write(records: &Records, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(&records.header).map_err(io_error)?;
    for row in &records.rows {
        // CSV is often printed to a terminal too; quoting keeps line breaks inside a field.
        writer
            .write_record(row.iter().map(|field| terminal_safe(field).into_owned()))
            .map_err(io_error)?;
    }
    writer.flush()
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
    use super::write;
    use crate::report::Records;

    #[test]
    fn quotes_commas_quotes_and_line_breaks_and_ends_lines_with_crlf() {
        let records = Records {
            header: vec!["a", "b"],
            rows: vec![vec!["x, \"y\"".to_owned(), "1\n2".to_owned()]],
        };
        let mut out = Vec::new();
        write(&records, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\n\"x, \"\"y\"\"\",\"1\n2\"\r\n"
        );
    }
}
