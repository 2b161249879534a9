//! One record of a table (a line of a CSV, a row of a sheet): its cells' text end to end in
//! one buffer.

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use std::ops::Index;

/// A record's cells. Their text is kept in one `String`, with where each cell ends: a
/// province's 200 000 rows of 20-odd cells were 4 million allocations as a `String` each,
/// before anything was evaluated (docs/PERFORMANCE.md). Written as JSON, a list of strings.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Record {
    text: String,
    ends: Vec<usize>,
}

/// A table's records, each with the line of the user's file it starts on.
pub type Grid = Vec<(usize, Record)>;

impl Record {
    /// A record with room for `cells` cells of `bytes` bytes in all.
    pub fn with_capacity(cells: usize, bytes: usize) -> Record {
        Record { text: String::with_capacity(bytes), ends: Vec::with_capacity(cells) }
    }

    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Its cells' text end to end.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        Some(&self.text[start..end])
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator + Clone + '_ {
        (0..self.len()).map(|index| &self[index])
    }

    /// Whether its cells are `cells`, one for one.
    fn holds<S: AsRef<str>>(&self, cells: &[S]) -> bool {
        self.len() == cells.len() && self.iter().zip(cells).all(|(a, b)| a == b.as_ref())
    }

    /// The record with its cell at `index` replaced, empty cells added up to it if the
    /// record is shorter (a plan's cells written back).
    #[must_use]
    pub fn with_cell(&self, index: usize, cell: &str) -> Record {
        let mut out = Record::with_capacity(self.len().max(index + 1), self.text.len() + cell.len());
        for k in 0..self.len().max(index + 1) {
            out.push(if k == index { cell } else { self.get(k).unwrap_or("") });
        }
        out
    }
}

impl Index<usize> for Record {
    type Output = str;

    /// Like a slice's: out of range is a bug of the caller's.
    fn index(&self, index: usize) -> &str {
        self.get(index).unwrap_or_else(|| panic!("cell {index} of a record of {}", self.len()))
    }
}

impl<S: AsRef<str>> FromIterator<S> for Record {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Record {
        let mut record = Record::default();
        for cell in cells {
            record.push(cell.as_ref());
        }
        record
    }
}

/// Shown as its cells.
impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Equal to a list of the same cells.
impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Record {
    fn eq(&self, cells: &[S; N]) -> bool {
        self.holds(cells)
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Record {
    fn eq(&self, cells: &Vec<S>) -> bool {
        self.holds(cells)
    }
}

impl<S: AsRef<str>> From<Vec<S>> for Record {
    fn from(cells: Vec<S>) -> Record {
        cells.into_iter().collect()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for cell in self.iter() {
            seq.serialize_element(cell)?;
        }
        seq.end()
    }
}
