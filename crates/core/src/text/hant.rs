//! 繁體中文: the core writes its Chinese in Simplified and, for `Lang::ZhHant`, converts it
//! here. The table (`hant_table.rs`, made by `tools/hant.mjs`) is the least that reproduces
//! `OpenCC`'s conversion on the core's own strings, which `crates/core/tests/hant.rs` checks.
//! A build without the feature `hant` has no table: `Lang::parse` never gives it `ZhHant`,
//! and what it would convert stays Simplified.

#[cfg(feature = "hant")]
use crate::hant_table::{PHRASES, SIMPLIFIED, TRADITIONAL};

/// `text` in Traditional characters: at each place the longest phrase that starts there,
/// else the character's own mapping (as tools/hant.mjs builds the table).
#[cfg(feature = "hant")]
pub fn convert(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let phrase = PHRASES.iter().filter(|(from, _)| rest.starts_with(from)).max_by_key(|(from, _)| from.len());
        if let Some((from, to)) = phrase {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            out.push_str(traditional(c).unwrap_or(&rest[..c.len_utf8()]));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[cfg(not(feature = "hant"))]
pub fn convert(text: &str) -> String {
    text.to_string()
}

/// The character's Traditional form, when it has one: a binary search of the table, whose
/// characters are three bytes each.
#[cfg(feature = "hant")]
fn traditional(c: char) -> Option<&'static str> {
    let (mut low, mut high) = (0, SIMPLIFIED.len() / 3);
    while low < high {
        let middle = usize::midpoint(low, high);
        match SIMPLIFIED[3 * middle..].chars().next()?.cmp(&c) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return TRADITIONAL.get(3 * middle..3 * middle + 3),
        }
    }
    None
}

/// `text` converted except where it quotes one of `kept` (the user's own words in a
/// message: a school's or a column's name stays as the user wrote it).
pub(crate) fn convert_keeping(text: &str, kept: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = kept.iter().filter(|k| !k.is_empty()).filter_map(|k| rest.find(k).map(|at| (at, k.len()))).min();
        let Some((at, len)) = next else {
            out.push_str(&convert(rest));
            return out;
        };
        out.push_str(&convert(&rest[..at]));
        out.push_str(&rest[at..at + len]);
        rest = &rest[at + len..];
    }
}

/// A fixed string's conversion, made once and kept for the life of the program: `Lang::pick`
/// hands out `&'static str`, and the core's fixed strings are a few hundred (each a literal,
/// found by its address and length).
#[cfg(feature = "hant")]
pub(crate) fn fixed(zh: &'static str) -> &'static str {
    thread_local! {
        static MADE: std::cell::RefCell<Vec<(&'static str, &'static str)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| {
        if let Some((_, done)) = made.iter().find(|(key, _)| std::ptr::eq(*key, zh)) {
            return *done;
        }
        let done: &'static str = Box::leak(convert(zh).into_boxed_str());
        made.push((zh, done));
        done
    })
}

#[cfg(not(feature = "hant"))]
pub(crate) fn fixed(zh: &'static str) -> &'static str {
    zh
}
