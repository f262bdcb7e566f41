//! Search normalisation: case-, accent- and apostrophe-insensitive matching
//! ("hawaii" finds "Hawai’i", "cna" finds "CNA"), and locating the matched words
//! in the original text so that cards can highlight them.

/// The longest search text that is honoured; longer input is refused upstream.
pub const MAX_QUERY_CHARS: usize = 200;
/// More words than this add nothing but cost.
const MAX_WORDS: usize = 16;

/// Folds one character into `out`: lower case, accents removed, apostrophes
/// dropped, punctuation turned into a space.
///
/// Deliberately free of Unicode tables (`char::to_lowercase`,
/// `char::is_alphanumeric`): they cost about 7 KB of brotli-compressed wasm.
/// Latin letters with diacritics fold to their base letter, Greek and Cyrillic
/// capitals are lowered by their ranges, common punctuation becomes a space, and
/// any other character is kept as it is (a letter of another script).
fn fold_char(c: char, out: &mut String) {
    match c {
        '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' => {}
        c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(' '),
        c => {
            let base = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă'
                | 'Ą' => "a",
                'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
                'ď' | 'đ' | 'Ď' | 'Đ' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => {
                    "e"
                }
                'ğ' | 'Ğ' => "g",
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "i",
                'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
                'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => {
                    "o"
                }
                'ř' | 'Ř' => "r",
                'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
                'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => "u",
                'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
                'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
                'ß' => "ss",
                'æ' | 'Æ' => "ae",
                'œ' | 'Œ' => "oe",
                'þ' | 'Þ' => "th",
                // Typographic punctuation and spaces.
                '\u{a0}'
                | '\u{ad}'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '–'
                | '—'
                | '‐'
                | '‑'
                | '…'
                | '•'
                | '·'
                | '§'
                | '¶'
                | '©'
                | '®'
                | '™'
                | '°'
                | '×'
                | '÷'
                | '¡'
                | '¿'
                | '\u{2000}'..='\u{200f}'
                | '\u{2028}'..='\u{202f}'
                | '\u{3000}'
                | '\u{feff}' => " ",
                // Greek and Cyrillic capitals to small letters.
                'Α'..='Ω' | 'А'..='Я' => {
                    out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
                    return;
                }
                'Ѐ'..='Џ' => {
                    out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c));
                    return;
                }
                c => {
                    out.push(c);
                    return;
                }
            };
            out.push_str(base);
        }
    }
}

/// The folded form of `text`, used for the search index and for query words.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The distinct folded words of a search text; empty when there is nothing to search.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    // Folding leaves only ASCII spaces as separators.
    for word in fold(query).split(' ').filter(|w| !w.is_empty()) {
        if !words.iter().any(|w| w == word) && words.len() < MAX_WORDS {
            words.push(word.to_string());
        }
    }
    words
}

/// True when every word occurs in the folded haystack.
pub fn matches_all(folded_haystack: &str, words: &[String]) -> bool {
    words.iter().all(|w| folded_haystack.contains(w.as_str()))
}

/// Byte ranges of `text` (original, unfolded) where any of the folded `words`
/// occur, sorted and merged. Used to wrap matches in `<mark>`.
pub fn match_ranges(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    if words.is_empty() {
        return Vec::new();
    }
    // Fold while remembering, for each folded byte, the original char it came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        origin.extend(std::iter::repeat_n((start, start + c.len_utf8()), folded.len() - before));
    }
    // Mark the matched bytes, then read the marks off as ranges: overlapping and
    // adjacent matches merge, and no sort is needed.
    let mut marked = vec![false; text.len()];
    for word in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in folded.match_indices(word.as_str()) {
            let first = origin.get(at).map(|o| o.0);
            let last = origin.get(at + word.len() - 1).map(|o| o.1);
            if let (Some(a), Some(b)) = (first, last) {
                marked.get_mut(a..b).into_iter().flatten().for_each(|m| *m = true);
            }
        }
    }
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, &m) in marked.iter().chain(std::iter::once(&false)).enumerate() {
        match (m, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                ranges.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    ranges
}

/// Splits `text` into (segment, is_match) pieces along `match_ranges`.
pub fn segments<'a>(text: &'a str, words: &[String]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (a, b) in match_ranges(text, words) {
        if let (Some(before), Some(hit)) = (text.get(at..a), text.get(a..b)) {
            if !before.is_empty() {
                out.push((before, false));
            }
            out.push((hit, true));
            at = b;
        }
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() || out.is_empty() {
            out.push((rest, false));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_apostrophes() {
        assert_eq!(fold("Hawai’i Island"), "hawaii island");
        assert_eq!(fold("CNA to LPN"), "cna to lpn");
        assert_eq!(fold("Café Señor"), "cafe senor");
        assert_eq!(fold("Chicago's K-12"), "chicagos k 12");
        assert_eq!(fold("ʻokina"), "okina");
        assert_eq!(fold("ÉCOLE—Ñandú"), "ecole nandu");
        assert_eq!(fold("МОСКВА Ελλάδα"), "москва ελλάδα");
    }

    #[test]
    fn query_words_are_folded_and_distinct() {
        assert_eq!(query_words("  Hawaii hawaii  CNA "), ["hawaii", "cna"]);
        assert!(query_words(" ,.; ").is_empty());
    }

    #[test]
    fn ranges_point_at_the_original_text() {
        let text = "The Hawai’i Island Agricultural Partnership";
        let words = query_words("hawaii partner");
        let ranges = match_ranges(text, &words);
        let hits: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(hits, ["Hawai’i", "Partner"]);
        assert_eq!(segments(text, &words).iter().filter(|s| s.1).count(), 2);
        let joined: String = segments(text, &words).iter().map(|s| s.0).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn overlapping_matches_merge() {
        let ranges = match_ranges("healthcare", &query_words("health care healthcare"));
        assert_eq!(ranges, [(0, 10)]);
    }
}
