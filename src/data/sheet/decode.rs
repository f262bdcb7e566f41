//! A spreadsheet's bytes as text, the way the programs that save them write
//! them: UTF-8 with or without a byte-order mark (Google Sheets, LibreOffice,
//! Excel's "CSV UTF-8"), UTF-16 with its mark (Excel's "Unicode Text"), and
//! Windows-1252 (Excel's "CSV (Comma delimited)" on Windows). Decoded by
//! `encoding_rs`, as browsers decode these encodings; then which character
//! separates the cells, told by the header row.

use std::borrow::Cow;

use encoding_rs::{Encoding as Codec, UTF_8, WINDOWS_1252};

use super::columns::{header_key, COLUMNS};

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The file as text, and what could not be read of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    /// The lines (from 1) of the characters that could not be read, which show
    /// as U+FFFD; one entry per character.
    pub lost: Vec<usize>,
}

/// Decodes a spreadsheet's bytes. A byte-order mark says the encoding; bytes
/// that are UTF-8 are read as UTF-8; other bytes are Windows-1252 unless they
/// hold UTF-8's own multi-byte characters too (a UTF-8 file with a few broken
/// bytes), which are then kept and the broken bytes replaced.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((codec, bom)) = Codec::for_bom(bytes) {
        let encoding = match codec.name() {
            "UTF-16LE" => Encoding::Utf16Le,
            "UTF-16BE" => Encoding::Utf16Be,
            _ => Encoding::Utf8,
        };
        let (text, _) = codec.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return decoded(text, encoding, |c| c == char::REPLACEMENT_CHARACTER);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: text.to_string(), encoding: Encoding::Utf8, lost: Vec::new() };
    }
    let has_utf8_characters = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if has_utf8_characters {
        let (text, _) = UTF_8.decode_without_bom_handling(bytes);
        return decoded(text, Encoding::Utf8, |c| c == char::REPLACEMENT_CHARACTER);
    }
    // Windows-1252 gives every byte a character; the five it leaves undefined
    // come out as C1 control characters, shown as U+FFFD instead.
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let text: String = text.chars().map(|c| if is_c1(c) { char::REPLACEMENT_CHARACTER } else { c }).collect();
    decoded(Cow::Owned(text), Encoding::Windows1252, |c| c == char::REPLACEMENT_CHARACTER)
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

fn decoded(text: Cow<'_, str>, encoding: Encoding, lost: impl Fn(char) -> bool) -> Decoded {
    let text = text.into_owned();
    let lost = text
        .split('\n')
        .enumerate()
        .flat_map(|(line, l)| std::iter::repeat_n(line + 1, l.chars().filter(|&c| lost(c)).count()))
        .collect();
    Decoded { text, encoding, lost }
}

/// The separators spreadsheets save CSV with: comma; semicolon where the
/// decimal mark is a comma; tab in Excel's "Unicode Text".
pub const SEPARATORS: [char; 3] = [',', ';', '\t'];

/// The separator that splits the header row into the most known column
/// names (the names hold none of the three); a comma when none does better.
pub fn separator(text: &str) -> char {
    let header = text.lines().next().unwrap_or_default();
    let known = |sep: char| {
        header
            .split(sep)
            .filter(|cell| COLUMNS.iter().any(|c| c.name == header_key(cell.trim().trim_matches('"'))))
            .count()
    };
    SEPARATORS.into_iter().rev().max_by_key(|&sep| (known(sep), sep == ',')).unwrap_or(',')
}
