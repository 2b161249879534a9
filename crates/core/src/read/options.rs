//! The options the browser's first module is sent (`{ standard, lang, answers }`, the JSON the
//! page's worker writes), read without serde's machinery: `serde_json`'s reader and the derived
//! ones for the answers were 10.3 KB of that module gzipped (docs/PERFORMANCE.md). It reads
//! what serde reads (a field the answers do not know is passed over, one given twice refused,
//! a key of a map given twice keeps its last value, at most `MAX_IDS` ids): tests/options.rs
//! checks it against the answers it is given, written by `serde_json`.
//!
//! Mistakes here are the caller's (the worker's), never a user's: they are said by their kind
//! and place only.

use crate::assessment::{Answers, ItemAnswer, SurveyCount};
use crate::keyed::{Ids, Keyed, MAX_IDS};

/// What the first module reads of its options: each field optional.
#[derive(Debug, Default, PartialEq)]
pub struct FirstOptions {
    pub standard: Option<String>,
    pub lang: Option<String>,
    pub answers: Answers,
}

/// Reads `{ standard, lang, answers }`; any other field is refused (a caller's bug), as the
/// first module refuses a profile or a mapping it cannot evaluate.
pub fn read_first_options(text: &str) -> Result<FirstOptions, String> {
    let value = Parser { text: text.as_bytes(), at: 0, depth: 0 }.document()?;
    let [standard, lang, answers] = fields(&value, "options", ["standard", "lang", "answers"], false)?;
    Ok(FirstOptions {
        standard: standard.map(optional_text).transpose()?.flatten(),
        lang: lang.map(optional_text).transpose()?.flatten(),
        answers: answers.map(read_answers).transpose()?.unwrap_or_default(),
    })
}

/// A JSON value, as far as the options need one.
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

fn read_answers(value: &Json) -> Result<Answers, String> {
    let names = ["school_standard_met", "government_points", "items", "survey", "vetoes"];
    let [met, points, items, survey, vetoes] = fields(value, "answers", names, true)?;
    Ok(Answers {
        school_standard_met: met.map(optional_bool).transpose()?.flatten(),
        government_points: points.map(|v| keyed(v, number)).transpose()?.unwrap_or_default(),
        items: items.map(|v| keyed(v, read_item)).transpose()?.unwrap_or_default(),
        survey: survey.map(|v| keyed(v, read_survey)).transpose()?.unwrap_or_default(),
        vetoes: vetoes.map(read_ids).transpose()?.unwrap_or_default(),
    })
}

fn read_item(value: &Json) -> Result<ItemAnswer, String> {
    let [met, values, comment] = fields(value, "an item's answer", ["met", "values", "comment"], true)?;
    Ok(ItemAnswer {
        met: met.map(optional_bool).transpose()?.flatten(),
        values: values.map(|v| keyed(v, number)).transpose()?.unwrap_or_default(),
        comment: comment.map(text).transpose()?.unwrap_or_default(),
    })
}

/// A survey's counts: both are needed (serde's derive has no default for them).
fn read_survey(value: &Json) -> Result<SurveyCount, String> {
    let [respondents, satisfied] = fields(value, "a survey's counts", ["respondents", "satisfied"], true)?;
    let count = |v: Option<&Json>| v.ok_or("a survey's counts: a count is missing".to_string()).and_then(number);
    Ok(SurveyCount { respondents: count(respondents)?, satisfied: count(satisfied)? })
}

/// The fields `names` of an object, each `None` where it is absent. Another field is passed
/// over where `others` (serde's derive does), else refused; a field given twice is refused.
fn fields<'j, const N: usize>(value: &'j Json, what: &str, names: [&str; N], others: bool) -> Result<[Option<&'j Json>; N], String> {
    let Json::Object(entries) = value else { return Err(format!("{what}: expected an object")) };
    let mut found = [None; N];
    for (key, field) in entries {
        match names.iter().position(|name| name == key) {
            Some(i) if found[i].is_some() => return Err(format!("{what}: the field {key} is given twice")),
            Some(i) => found[i] = Some(field),
            None if others => {}
            None => return Err(format!("{what}: unknown field {key}")),
        }
    }
    Ok(found)
}

/// An object's entries read by `read`, in a `Keyed` (a key given twice keeps its last value).
fn keyed<V>(value: &Json, read: impl Fn(&Json) -> Result<V, String>) -> Result<Keyed<V>, String> {
    let Json::Object(entries) = value else { return Err("expected an object of answers".to_string()) };
    let mut keyed = Keyed::new();
    for (key, entry) in entries {
        keyed.insert(key.clone(), read(entry)?);
        if keyed.len() > MAX_IDS {
            return Err(format!("more than {MAX_IDS} ids"));
        }
    }
    Ok(keyed)
}

/// An array of ids (an id given twice is one).
fn read_ids(value: &Json) -> Result<Ids, String> {
    let Json::List(items) = value else { return Err("expected an array of ids".to_string()) };
    let mut ids = Ids::default();
    for item in items {
        ids.insert(text(item)?);
        if ids.len() > MAX_IDS {
            return Err(format!("more than {MAX_IDS} ids"));
        }
    }
    Ok(ids)
}

fn number(value: &Json) -> Result<f64, String> {
    if let Json::Number(number) = value {
        Ok(*number)
    } else {
        Err("expected a number".to_string())
    }
}

fn text(value: &Json) -> Result<String, String> {
    if let Json::Text(text) = value {
        Ok(text.clone())
    } else {
        Err("expected a string".to_string())
    }
}

fn optional_text(value: &Json) -> Result<Option<String>, String> {
    if let Json::Null = value {
        Ok(None)
    } else {
        text(value).map(Some)
    }
}

fn optional_bool(value: &Json) -> Result<Option<bool>, String> {
    match value {
        Json::Null => Ok(None),
        Json::Bool(b) => Ok(Some(*b)),
        _ => Err("expected true, false or null".to_string()),
    }
}

/// Options are a few levels deep; anything deeper is no options (and would use the stack).
const MAX_DEPTH: usize = 16;

/// A recursive-descent reader of JSON (RFC 8259) over the text's bytes.
struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// The one value of the text, with nothing but spaces after it.
    fn document(mut self) -> Result<Json, String> {
        let value = self.value()?;
        self.space();
        if self.at < self.text.len() {
            return Err(self.fail("the end of the text"));
        }
        Ok(value)
    }

    fn fail(&self, expected: &str) -> String {
        format!("options: expected {expected} at byte {}", self.at)
    }

    fn space(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Takes `byte` after any spaces, if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let next = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(next);
        next
    }

    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.text.get(self.at) {
            Some(b'{' | b'[') if self.depth == MAX_DEPTH => Err(self.fail("less nesting")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::list),
            Some(b'"') => self.string().map(Json::Text),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail("a value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Json, String>) -> Result<Json, String> {
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if !self.text[self.at..].starts_with(word.as_bytes()) {
            return Err(self.fail(word));
        }
        self.at += word.len();
        Ok(value)
    }

    /// After `{`: members up to `}`.
    fn object(&mut self) -> Result<Json, String> {
        let mut entries = Vec::new();
        if self.eat(b'}') {
            return Ok(Json::Object(entries));
        }
        loop {
            self.space();
            if self.text.get(self.at) != Some(&b'"') {
                return Err(self.fail("a field's name"));
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.fail("':'"));
            }
            entries.push((key, self.value()?));
            if self.eat(b'}') {
                return Ok(Json::Object(entries));
            }
            if !self.eat(b',') {
                return Err(self.fail("',' or '}'"));
            }
        }
    }

    /// After `[`: elements up to `]`.
    fn list(&mut self) -> Result<Json, String> {
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Json::List(items));
        }
        loop {
            items.push(self.value()?);
            if self.eat(b']') {
                return Ok(Json::List(items));
            }
            if !self.eat(b',') {
                return Err(self.fail("',' or ']'"));
            }
        }
    }

    /// A number as JSON writes one, finite (JSON has no other; 1e400 is refused, as `serde_json` does).
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.text.get(p.at).is_some_and(u8::is_ascii_digit) {
                p.at += 1;
            }
            p.at > from
        };
        self.at += usize::from(self.text[self.at] == b'-');
        let leading_zero = self.text.get(self.at) == Some(&b'0');
        let whole = digits(self) && (!leading_zero || self.at == start + 1 + usize::from(self.text[start] == b'-'));
        let fraction = !self.eat_raw(b'.') || digits(self);
        let exponent = !(self.eat_raw(b'e') || self.eat_raw(b'E')) || {
            self.at += usize::from(matches!(self.text.get(self.at), Some(b'+' | b'-')));
            digits(self)
        };
        let lexeme = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        match lexeme.parse::<f64>() {
            Ok(number) if whole && fraction && exponent && number.is_finite() => Ok(Json::Number(number)),
            _ => Err(format!("options: expected a finite number at byte {start}")),
        }
    }

    /// Takes `byte` if it is next (no spaces skipped: inside a number).
    fn eat_raw(&mut self, byte: u8) -> bool {
        let next = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(next);
        next
    }

    /// A string, at its opening quote; escapes read, surrogate pairs joined.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            match self.text.get(self.at).copied() {
                Some(b'"') => {
                    self.at += 1;
                    // The text came as a &str and escapes write whole characters: valid UTF-8.
                    return String::from_utf8(out).map_err(|_| self.fail("UTF-8"));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                Some(byte) if byte >= 0x20 => {
                    out.push(byte);
                    self.at += 1;
                }
                _ => return Err(self.fail("a closing quote")),
            }
        }
    }

    /// After a backslash: the character it stands for.
    fn escape(&mut self) -> Result<char, String> {
        let byte = self.text.get(self.at).copied();
        self.at += 1;
        Ok(match byte {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(),
            _ => return Err(self.fail("an escape")),
        })
    }

    /// After `\u`: a character, or a surrogate pair's two escapes joined.
    fn unicode(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !(self.eat_raw(b'\\') && self.eat_raw(b'u')) {
                return Err(self.fail("a low surrogate"));
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.fail("a low surrogate"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.fail("a character, not a lone surrogate"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.at..self.at + 4).and_then(|d| std::str::from_utf8(d).ok());
        let value = digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())).and_then(|d| u32::from_str_radix(d, 16).ok());
        self.at += 4;
        value.ok_or_else(|| self.fail("four hex digits"))
    }
}
