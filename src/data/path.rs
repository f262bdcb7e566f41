//! Where a value is in the dataset's JSON, as data: which list an entry is
//! in, and the keys and indices down to the value. Made where a problem is
//! found; turned into words only where it is shown: a field as people read it
//! (`members.approx`, `topics[1]`) or a JSON Pointer (`/members/approx`).

use std::fmt;

use serde_json::Value;

/// The dataset's lists of entries, in the order of the file (and of their problems).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum List {
    Sectors,
    Topics,
    Partnerships,
}

impl List {
    pub const ALL: [List; 3] = [List::Sectors, List::Topics, List::Partnerships];

    /// The list's key in the dataset.
    pub fn key(self) -> &'static str {
        match self {
            List::Sectors => "sectors",
            List::Topics => "topics",
            List::Partnerships => "partnerships",
        }
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One step down into a JSON value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field of an object, by its key.
    Field(String),
    /// An item of an array, from 0.
    Index(usize),
}

impl Segment {
    pub fn field(key: &str) -> Segment {
        Segment::Field(key.to_string())
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Field(key) => f.write_str(key),
            Segment::Index(index) => write!(f, "{index}"),
        }
    }
}

/// The steps down to a value; no step for the value itself. Shown as people
/// read a field: `members.approx`, `topics[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(Vec<Segment>);

impl Path {
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn push(&mut self, segment: Segment) {
        self.0.push(segment);
    }

    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// This path, then `rest`.
    pub fn join(&self, rest: &Path) -> Path {
        self.0.iter().chain(&rest.0).cloned().collect()
    }

    /// The first `len` steps.
    pub fn prefix(&self, len: usize) -> Path {
        self.0.iter().take(len).cloned().collect()
    }

    pub fn starts_with(&self, other: &Path) -> bool {
        self.0.starts_with(&other.0)
    }

    /// The first step, and the path from there.
    pub fn split_first(&self) -> Option<(&Segment, Path)> {
        let (first, rest) = self.0.split_first()?;
        Some((first, rest.iter().cloned().collect()))
    }

    /// `/members/approx`: the path as a JSON Pointer (RFC 6901).
    pub fn pointer(&self) -> String {
        self.0.iter().map(|s| format!("/{}", s.to_string().replace('~', "~0").replace('/', "~1"))).collect()
    }

    /// The value at the end of the path, when `json` has one there.
    pub fn find_in<'a>(&self, json: &'a Value) -> Option<&'a Value> {
        self.0.iter().try_fold(json, |value, segment| match (segment, value) {
            (Segment::Field(key), Value::Object(object)) => object.get(key),
            (Segment::Index(index), Value::Array(items)) => items.get(*index),
            _ => None,
        })
    }

    pub fn find_in_mut<'a>(&self, json: &'a mut Value) -> Option<&'a mut Value> {
        self.0.iter().try_fold(json, |value, segment| match (segment, value) {
            (Segment::Field(key), Value::Object(object)) => object.get_mut(key),
            (Segment::Index(index), Value::Array(items)) => items.get_mut(*index),
            _ => None,
        })
    }
}

impl FromIterator<Segment> for Path {
    fn from_iter<I: IntoIterator<Item = Segment>>(segments: I) -> Path {
        Path(segments.into_iter().collect())
    }
}

/// eserde's path of a value serde refused: an enum's variant is a key, as in the JSON.
impl From<&eserde::path::Path> for Path {
    fn from(path: &eserde::path::Path) -> Path {
        path.iter()
            .map(|segment| match segment {
                eserde::path::Segment::Seq { index } => Segment::Index(*index),
                eserde::path::Segment::Map { key } | eserde::path::Segment::Enum { variant: key } => {
                    Segment::Field(key.clone())
                }
            })
            .collect()
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        for segment in &self.0 {
            match segment {
                Segment::Index(index) => out.push_str(&format!("[{index}]")),
                Segment::Field(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
        }
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Path, Segment};

    fn path(segments: &[Segment]) -> Path {
        segments.iter().cloned().collect()
    }

    #[test]
    fn a_path_reads_as_a_field_and_as_a_json_pointer() {
        let topic = path(&[Segment::field("topics"), Segment::Index(1)]);
        assert_eq!((topic.to_string(), topic.pointer()), ("topics[1]".into(), "/topics/1".into()));
        let approx = path(&[Segment::field("members"), Segment::field("approx")]);
        assert_eq!((approx.to_string(), approx.pointer()), ("members.approx".into(), "/members/approx".into()));
        // RFC 6901 escapes `~` and `/` inside a key.
        assert_eq!(path(&[Segment::field("a/b~c")]).pointer(), "/a~1b~0c");
        assert_eq!((Path::default().to_string(), Path::default().pointer()), (String::new(), String::new()));
    }

    #[test]
    fn a_path_finds_its_value_by_key_and_index_only() {
        let json = json!({"topics": ["a", "b"], "members": {"approx": 4}});
        assert_eq!(path(&[Segment::field("topics"), Segment::Index(1)]).find_in(&json), Some(&json!("b")));
        assert_eq!(path(&[Segment::field("members"), Segment::field("approx")]).find_in(&json), Some(&json!(4)));
        // An index is no key, and a key is no index.
        assert_eq!(path(&[Segment::field("topics"), Segment::field("1")]).find_in(&json), None);
        assert_eq!(path(&[Segment::Index(0)]).find_in(&json), None);
    }
}
