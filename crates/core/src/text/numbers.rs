//! How the core writes a number into a sentence (reasons, details, messages); the page
//! formats the numbers it shows with Intl (www/lib/format.js). One policy per kind of number.

/// A coefficient of variation: three decimals, as reports print them (SPEC §1).
pub fn cv(value: f64) -> String {
    format!("{value:.3}")
}

/// A limit such as 0.50: two decimals.
pub fn limit(value: f64) -> String {
    format!("{value:.2}")
}

/// An indicator value in a sentence: two decimals, enough for every indicator's unit.
pub fn value(value: f64) -> String {
    format!("{value:.2}")
}

/// A share as a percentage with one decimal: 0.9312 → "93.1".
pub fn percent(share: f64) -> String {
    format!("{:.1}", share * 100.0)
}

/// Any other number: at most three decimals, without trailing zeros or a trailing point
/// (2.0001 → "2", 84.5 → "84.5", 4466 → "4466"); one past any count (10¹⁵) in exponent
/// form (1e308, not 309 digits).
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        // No count or margin is infinite; said as such rather than failing the sentence.
        return if value.is_nan() {
            "NaN".into()
        } else if value > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    if value.abs() >= 1e15 {
        // Display's digits, read as mantissa and exponent (`{:e}` would cost the page 0.7 KB).
        let digits = format!("{:.0}", value.abs());
        let mantissa = plain(format!("{}.{}", &digits[..1], &digits[1..4]).parse().unwrap_or(0.0));
        return format!("{}{mantissa}e{}", if value < 0.0 { "-" } else { "" }, digits.len() - 1);
    }
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plain_numbers_have_no_trailing_point() {
        for (value, text) in [
            (2.0001, "2"),
            (84.5, "84.5"),
            (4466.0, "4466"),
            (0.1 + 0.2, "0.3"),
            (-0.0001, "0"),
            (1e12, "1000000000000"),
            (1e308, "1e308"),
            (-2.5e20, "-2.5e20"),
            (f64::INFINITY, "∞"),
            (f64::NEG_INFINITY, "-∞"),
            (f64::NAN, "NaN"),
            (f64::MAX, "1.797e308"), // the mantissa cut, not rounded (never "10e308")
        ] {
            assert_eq!(super::plain(value), text, "{value}");
        }
    }
}
