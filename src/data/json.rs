//! A small JSON reader for the dataset.
//!
//! Why not serde_json: in the wasm, its parser and the serde machinery behind
//! it were the largest piece of code after the framework (several KB after
//! brotli), while all this app needs is a tree of values and an error that says
//! where. The messages and positions follow serde_json's (line from 1, column
//! in bytes from 1, nesting limited to 127 levels), so reports read the same;
//! `tests/json.rs` checks this reader against serde_json on many inputs.

use std::fmt;

/// A JSON value. Numbers keep their text: the dataset only needs whole counts
/// (and float parsing would cost the wasm kilobytes).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as written (already checked against the JSON grammar).
#[derive(Debug, Clone, PartialEq)]
pub struct Number(String);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A JSON object's members in order; a repeated key keeps its last value, as in serde_json.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }
}

impl Value {
    /// A non-negative whole number written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number(text)) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }
}

/// Where and why the text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    /// In bytes from the start of the line, from 1 (as serde_json counts).
    pub column: usize,
    pub message: &'static str,
}

/// How deep arrays and objects may nest (the 128th opening bracket is refused).
const DEPTH: usize = 128;
pub const TOO_DEEP: &str = "nested more than 128 levels deep";

pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, depth: DEPTH };
    let value = reader.value()?;
    match reader.skip_whitespace() {
        Some(_) => Err(reader.error_at_peek("trailing characters")),
        None => Ok(value),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn position(&self, end: usize) -> (usize, usize) {
        let before = self.bytes.get(..end).unwrap_or(self.bytes);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count();
        (line, column)
    }

    /// An error at the last byte read.
    fn error(&self, message: &'static str) -> SyntaxError {
        let (line, column) = self.position(self.at);
        SyntaxError { line, column, message }
    }

    /// An error at the byte about to be read.
    fn error_at_peek(&self, message: &'static str) -> SyntaxError {
        let (line, column) = self.position((self.at + 1).min(self.bytes.len()));
        SyntaxError { line, column, message }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(b) = self.skip_whitespace() else { return Err(self.error_at_peek("EOF while parsing a value")) };
        match b {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.error_at_peek(TOO_DEEP));
                }
                self.at += 1;
                let value = if b == b'[' { self.array() } else { self.object() };
                self.depth += 1;
                value
            }
            _ => Err(self.error_at_peek("expected value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        for &expected in word {
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b != expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.next() {
            Some(b'0') => {
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.error_at_peek("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        // Only ASCII digits, signs, '.' and 'e' were read: always UTF-8. Kept as
        // text, never converted to a float, so there is no range to exceed.
        let text = std::str::from_utf8(self.bytes.get(start..self.at).unwrap_or_default()).unwrap_or_default();
        Ok(Value::Number(Number(text.to_string())))
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b) if b.is_ascii_digit() => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.error_at_peek("invalid number")),
            None => Err(self.error_at_peek("EOF while parsing a value")),
        }
    }

    /// The rest of a string, after its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.next() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| self.error("invalid unicode code point")),
                b'\\' => self.escape(&mut out)?,
                0x00..=0x1f => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
                _ => out.push(b),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), SyntaxError> {
        let Some(b) = self.next() else { return Err(self.error("EOF while parsing a string")) };
        let simple = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let c = self.unicode_escape()?;
                let mut buffer = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        out.push(simple);
        Ok(())
    }

    /// `XXXX` after `\u`, with a following `\uXXXX` when it is a surrogate
    /// pair. The messages (and their odd names) are serde_json's.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let code = match self.hex4()? {
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            first @ 0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b) if b != expected => return Err(self.error("unexpected end of hex escape")),
                        Some(_) => {}
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        if self.at + 4 > self.bytes.len() {
            self.at = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        }
        // All four bytes are taken before any is judged, as serde_json does.
        let digits = self.bytes.get(self.at..self.at + 4).unwrap_or_default();
        self.at += 4;
        digits
            .iter()
            .try_fold(0, |n, &b| char::from(b).to_digit(16).map(|d| n * 16 + d))
            .ok_or_else(|| self.error("invalid escape"))
    }

    /// The rest of an array, after `[`.
    fn array(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.skip_whitespace() else { return Err(self.error_at_peek("EOF while parsing a list")) };
            if b == b']' {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.error_at_peek("expected `,` or `]`"));
                }
                self.at += 1;
                match self.skip_whitespace() {
                    Some(b']') => return Err(self.error_at_peek("trailing comma")),
                    Some(_) => {}
                    None => return Err(self.error_at_peek("EOF while parsing a value")),
                }
            }
            items.push(self.value()?);
        }
    }

    /// The rest of an object, after `{`.
    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            let Some(b) = self.skip_whitespace() else { return Err(self.error_at_peek("EOF while parsing an object")) };
            if b == b'}' {
                self.at += 1;
                return Ok(Value::Object(map));
            }
            let key_start = if first {
                first = false;
                Some(b)
            } else if b == b',' {
                self.at += 1;
                match self.skip_whitespace() {
                    Some(b'}') => return Err(self.error_at_peek("trailing comma")),
                    None => return Err(self.error_at_peek("EOF while parsing a value")),
                    other => other,
                }
            } else {
                return Err(self.error_at_peek("expected `,` or `}`"));
            };
            if key_start != Some(b'"') {
                return Err(self.error_at_peek("key must be a string"));
            }
            self.at += 1;
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.error_at_peek("expected `:`")),
                None => return Err(self.error_at_peek("EOF while parsing an object")),
            }
            let value = self.value()?;
            map.insert(key, value);
        }
    }
}
