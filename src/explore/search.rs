//! Search normalisation: case-, accent- and apostrophe-insensitive matching
//! ("hawaii" finds "Hawai’i", "cna" finds "CNA"), and locating the matched words
//! in the original text so that cards can highlight them.

/// The longest search text that is honoured; longer input is refused upstream.
pub const MAX_QUERY_CHARS: usize = 200;
/// More words than this add nothing but cost.
const MAX_WORDS: usize = 16;

/// Folds one character into `out`: lower case, accents removed, apostrophes
/// dropped, anything else that is not a letter or digit turned into a space.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' => {}
        c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(' '),
        c => {
            let base = match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "a",
                'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
                'ď' | 'đ' | 'Ď' | 'Đ' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => "e",
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
                'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
                'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "o",
                'ř' | 'Ř' => "r",
                'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
                'ť' | 'ţ' | 'Ť' => "t",
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
                'ý' | 'ÿ' | 'Ý' => "y",
                'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
                'ß' => "ss",
                'æ' | 'Æ' => "ae",
                'œ' | 'Œ' => "oe",
                c if c.is_alphanumeric() => {
                    out.extend(c.to_lowercase());
                    return;
                }
                _ => " ",
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
    for word in fold(query).split_whitespace() {
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
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in folded.match_indices(word.as_str()) {
            let first = origin.get(at).map(|o| o.0);
            let last = origin.get(at + word.len() - 1).map(|o| o.1);
            if let (Some(a), Some(b)) = (first, last) {
                ranges.push((a, b));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
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
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_apostrophes() {
        assert_eq!(fold("Hawai’i Island"), "hawaii island");
        assert_eq!(fold("CNA to LPN"), "cna to lpn");
        assert_eq!(fold("Café Señor"), "cafe senor");
        assert_eq!(fold("Chicago's K-12"), "chicagos k 12");
        assert_eq!(fold("ʻokina"), "okina");
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
