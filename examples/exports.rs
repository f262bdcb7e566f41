//! The bundled list as partners' programs really save it: Excel's default
//! CSV in Windows-1252, its semicolon CSV, its "Unicode Text", UTF-16 with
//! either byte order, Google Sheets' and LibreOffice's UTF-8, a column of the
//! partner's own, Excel's dates in `launched`, formatted member counts, and a
//! list of many rows. Made from `public/data/partnerships.csv` (what
//! `./run data export` writes) with the csv crate and `encoding_rs`.
//!
//!     cargo run --example exports -- DIR [ROWS...]
//!
//! writes each file into DIR, and `rows-N.csv` for each ROWS given. The Rust
//! tests (`tests/exports.rs`, `tests/cli.rs`) build the same files in memory
//! from this module; the end-to-end tests and `./run bench` use the command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, dead_code)]

/// The bundled list in the template's form.
pub const BUNDLED_CSV: &str = include_str!("../public/data/partnerships.csv");

/// The rows of the bundled CSV as lists of cells, the header first.
pub fn rows() -> Vec<Vec<String>> {
    let text = BUNDLED_CSV.strip_prefix('\u{feff}').unwrap_or(BUNDLED_CSV);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

/// Rows as CSV text with a separator and line end.
pub fn write(rows: &[Vec<String>], separator: u8, crlf: bool) -> String {
    let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
    let mut writer =
        csv::WriterBuilder::new().delimiter(separator).terminator(terminator).flexible(true).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// Text as Windows-1252, as Excel on Windows saves "CSV (Comma delimited)".
pub fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "the bundled list has a character Windows-1252 lacks");
    bytes.into_owned()
}

/// Text as UTF-16 with its byte-order mark (encoding_rs decodes UTF-16 but
/// only encodes UTF-8, as the WHATWG standard has it).
pub fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    std::iter::once('\u{feff}')
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|unit| if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() })
        .collect()
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|c| c == name).unwrap()
}

/// The launch months as Excel shows them once it has made them dates: `2018-05` → `5/1/2018`.
pub fn excel_dates(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let launched = column(&rows, "launched");
    for row in rows.iter_mut().skip(1) {
        if let Some((year, month)) = row[launched].split_once('-') {
            row[launched] = format!("{}/1/{year}", month.parse::<u32>().unwrap());
        }
    }
    rows
}

/// Member counts as a spreadsheet's number format shows them: `40` → `40.0`.
pub fn formatted_numbers(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let approx = column(&rows, "members_approx");
    for row in rows.iter_mut().skip(1).filter(|r| !r[approx].is_empty()) {
        row[approx] = format!("{}.0", row[approx]);
    }
    rows
}

/// A column of the partner's own at the end: `notes`.
pub fn extra_column(mut rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    for (i, row) in rows.iter_mut().enumerate() {
        row.push(if i == 0 { "notes".into() } else { format!("called on {i} May") });
    }
    rows
}

/// `count` rows: the bundled ones again and again, each id made unique.
pub fn many(count: usize) -> String {
    let rows = rows();
    let id = column(&rows, "id");
    let mut out = vec![rows[0].clone()];
    for n in 0..count {
        let mut row = rows[1 + n % (rows.len() - 1)].clone();
        row[id] = format!("{}-{n}", row[id]);
        out.push(row);
    }
    write(&out, b',', true)
}

/// Every export: its file name and bytes.
pub fn exports() -> Vec<(&'static str, Vec<u8>)> {
    let rows = rows();
    let comma = write(&rows, b',', true);
    vec![
        ("excel-csv-utf8.csv", BUNDLED_CSV.as_bytes().to_vec()),
        ("excel-comma-delimited-windows-1252.csv", windows_1252(&comma)),
        ("excel-semicolon-windows-1252.csv", windows_1252(&write(&rows, b';', true))),
        ("excel-unicode-text.txt", utf16(&write(&rows, b'\t', true), true)),
        ("utf-16-be.csv", utf16(&comma, false)),
        ("google-sheets.csv", write(&rows, b',', true).into_bytes()),
        ("libreoffice.csv", write(&rows, b',', false).into_bytes()),
        ("trailing-empty-rows.csv", format!("{comma},,,,,,,,,,,,,\r\n,,,,,,,,,,,,,\r\n").into_bytes()),
        ("extra-column.csv", write(&extra_column(rows.clone()), b',', true).into_bytes()),
        ("excel-dates.csv", write(&excel_dates(rows.clone()), b',', true).into_bytes()),
        ("formatted-numbers.csv", write(&formatted_numbers(rows.clone()), b',', true).into_bytes()),
        ("header-only.csv", write(&rows[..1], b',', true).into_bytes()),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dir, counts)) = args.split_first() else {
        eprintln!("usage: cargo run --example exports -- DIR [ROWS...]");
        std::process::exit(2);
    };
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in exports() {
        std::fs::write(format!("{dir}/{name}"), bytes).unwrap();
    }
    for count in counts {
        let count: usize = count.parse().expect("ROWS is a number");
        std::fs::write(format!("{dir}/rows-{count}.csv"), many(count)).unwrap();
    }
}
