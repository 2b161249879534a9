//! The first module's reader of its options (`junheng::options`, no serde) against the answers
//! it is given: any answers `serde_json` writes are read back as they were (property runs), the
//! JSON the page's worker writes (JavaScript's numbers and escapes) is read as `serde_json`
//! reads it, and what is not the options is refused, never read as something else.

use junheng::assessment::{Answers, ItemAnswer, SurveyCount};
use junheng::keyed::{Ids, Keyed, MAX_IDS};
use junheng::options::{read_first_options, FirstOptions};
use proptest::prelude::*;

fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z_0-9]{1,8}", "\\PC{0,6}", Just("\"\\/\u{1}\u{7f}\u{2028}😀".to_string())]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>().prop_filter("finite", |v| v.is_finite()), Just(-0.0), Just(5e-324), Just(f64::MAX), -1e6..1e6f64]
}

fn keyed<V: std::fmt::Debug>(value: impl Strategy<Value = V>) -> impl Strategy<Value = Keyed<V>> {
    prop::collection::vec((id(), value), 0..5).prop_map(|entries| entries.into_iter().collect())
}

fn ids(list: Vec<String>) -> Ids {
    let mut ids = Ids::default();
    for id in list {
        ids.insert(id);
    }
    ids
}

fn answers() -> impl Strategy<Value = Answers> {
    let item = (proptest::option::of(any::<bool>()), keyed(number()), "\\PC{0,12}").prop_map(|(met, values, comment)| ItemAnswer {
        met,
        values,
        comment,
    });
    let survey = (number(), number()).prop_map(|(respondents, satisfied)| SurveyCount { respondents, satisfied });
    let vetoes = prop::collection::vec(id(), 0..5).prop_map(ids);
    (proptest::option::of(any::<bool>()), keyed(number()), keyed(item), keyed(survey), vetoes).prop_map(
        |(school_standard_met, government_points, items, survey, vetoes)| Answers {
            school_standard_met,
            government_points,
            items,
            survey,
            vetoes,
        },
    )
}

proptest! {
    /// Whatever the answers, `serde_json`'s writing of them is read back as they were: every
    /// number to the bit (shortest round-trip digits, read correctly rounded), every id and
    /// comment to the character.
    #[test]
    fn the_answers_written_are_the_answers_read(answers in answers(), standard in proptest::option::of("[a-z0-9]{1,12}")) {
        let json = serde_json::json!({ "standard": standard, "lang": "zh", "answers": answers }).to_string();
        let read = read_first_options(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
        prop_assert_eq!(&read.answers, &answers);
        let bits = |a: &Answers| a.government_points.values().map(|v| v.to_bits()).collect::<Vec<_>>();
        prop_assert_eq!(bits(&read.answers), bits(&answers));
        prop_assert_eq!(read.standard, standard);
        prop_assert_eq!(read.lang.as_deref(), Some("zh"));
    }
}

/// What the page's worker writes (`JSON.stringify`: JavaScript's exponents, `-0`, escapes of
/// control and astral characters, a field of a newer page) reads as `serde_json` reads it.
#[test]
fn javascripts_json_reads_as_serde_reads_it() {
    let answers = r#"{"school_standard_met":null,"government_points":{"a1":1e+21,"a2":-0,"a3":5e-324,"a1":7},
        "items":{"g1":{"met":true,"values":{"m":0.15,"n":1.7976931348623157e+308},"comment":"tab\there \u00e9 \ud83d\ude00 \"q\" \\ \/"}},
        "survey":{"students":{"respondents":100,"satisfied":85.5,"extra":[1,{"x":null}]}},"vetoes":["x","y","x"],"future":{"a":[true,false]}}"#;
    let read = read_first_options(&format!(r#"{{"standard":"basic2012","lang":"en","answers":{answers}}}"#)).unwrap();
    let expected: Answers = serde_json::from_str(answers).unwrap();
    assert_eq!(read.answers, expected);
    assert_eq!(read.answers.government_points.get("a1"), Some(&7.0), "a key given twice keeps its last value");
    assert_eq!(read.answers.vetoes.iter().collect::<Vec<_>>(), ["x", "y"]);
    assert_eq!(read.answers.items.get("g1").unwrap().comment, "tab\there é 😀 \"q\" \\ /");
    assert_eq!((read.standard.as_deref(), read.lang.as_deref()), (Some("basic2012"), Some("en")));
    assert_eq!(read_first_options(r#" { "standard" : null } "#).unwrap(), FirstOptions::default());
}

/// Refused, each by its kind and place: what is no JSON, a field the first module does not
/// read, a field given twice, a value of the wrong kind, a number JSON cannot hold, a lone
/// surrogate, a survey without both counts, more ids than any profile has, nesting no
/// options have (without running out of stack).
#[test]
fn what_is_not_the_options_is_refused() {
    let too_many = (0..=MAX_IDS).map(|i| format!("\"v{i}\"")).collect::<Vec<_>>().join(",");
    let deep = format!(r#"{{"answers":{{"future":{}}}}}"#, "[".repeat(100_000));
    let refused = [
        "",
        "{",
        "[]",
        "{} x",
        r#"{"standard":1}"#,
        r#"{"profile":{}}"#,
        r#"{"mapping":{"3":"students"}}"#,
        r#"{"lang":"zh","lang":"en"}"#,
        r#"{"answers":null}"#,
        r#"{"answers":{"vetoes":"x"}}"#,
        r#"{"answers":{"government_points":{"a":"5"}}}"#,
        r#"{"answers":{"government_points":{"a":1e400}}}"#,
        r#"{"answers":{"government_points":{"a":01}}}"#,
        r#"{"answers":{"government_points":{"a":1.}}}"#,
        r#"{"answers":{"government_points":{"a":-}}}"#,
        r#"{"answers":{"government_points":{"a":NaN}}}"#,
        r#"{"answers":{"items":{"g":{"comment":null}}}}"#,
        r#"{"answers":{"items":{"g":{"met":1}}}}"#,
        r#"{"answers":{"survey":{"s":{"respondents":1}}}}"#,
        r#"{"answers":{"vetoes":["\ud800"]}}"#,
        r#"{"answers":{"vetoes":["\x"]}}"#,
        "{\"answers\":{\"vetoes\":[\"a\u{1}\"]}}",
        &format!(r#"{{"answers":{{"vetoes":[{too_many}]}}}}"#),
        &deep,
    ];
    for text in refused {
        let shown = text.chars().take(80).collect::<String>();
        assert!(read_first_options(text).is_err(), "read: {shown}");
    }
    assert!(
        read_first_options(&format!(r#"{{"answers":{{"vetoes":[{}]}}}}"#, too_many.rsplit_once(',').unwrap().0)).is_ok(),
        "4 096 ids are read"
    );
}
