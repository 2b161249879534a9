//! The student-weighted coefficient of variation of SPEC §1.
//!
//! The county value is the ratio of totals, not the mean of school values, and the
//! deviation is weighted by students in the population form (no n − 1): a large school
//! counts as many students, not as one school.

use serde::Serialize;

/// One school's contribution: its students `P_i` and its resource `R_i`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    pub students: f64,
    pub resource: f64,
}

/// County value X̄, standard deviation S and CV = S / X̄ (undefined when X̄ is 0).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(export))]
pub struct Dispersion {
    pub county_value: f64,
    pub sd: f64,
    pub cv: Option<f64>,
}

/// Computes X̄ = s·ΣR/ΣP, S = sqrt(Σ (`P_i/P)(x_i` − X̄)²) and CV = S/X̄ for schools with `P_i` > 0.
/// Returns `None` when there are no students at all.
pub fn weighted_dispersion(shares: &[Share], scale: f64) -> Option<Dispersion> {
    let students: f64 = shares.iter().map(|s| s.students).sum();
    // Also refuses NaN, which no comparison orders.
    if students.is_nan() || students <= 0.0 {
        return None;
    }
    let county_value = scale * shares.iter().map(|s| s.resource).sum::<f64>() / students;
    let variance: f64 = shares
        .iter()
        .map(|s| {
            let deviation = scale * s.resource / s.students - county_value;
            s.students / students * deviation * deviation
        })
        .sum();
    let sd = variance.sqrt();
    let cv = (county_value > 0.0).then(|| sd / county_value);
    Some(Dispersion { county_value, sd, cv })
}

/// Each school's part of the weighted variance, (`P_i/P)(x_i` − X̄)² / S², in the order given,
/// with whether its value is below X̄. The parts sum to 1 (S² is their sum before dividing);
/// there are none when S is 0 (or rounding noise beside X̄), for then nobody stands apart.
pub fn variance_parts(shares: &[Share], scale: f64, dispersion: &Dispersion) -> Vec<(f64, bool)> {
    let students: f64 = shares.iter().map(|s| s.students).sum();
    let variance = dispersion.sd * dispersion.sd;
    // Values equal but for the last bits of f64 (resources proportional to students) have an
    // S of rounding noise: sharing that out would rank schools by noise.
    if !(variance.is_finite() && dispersion.sd > dispersion.county_value.abs() * 1e-12) {
        return Vec::new();
    }
    shares
        .iter()
        .map(|s| {
            let deviation = scale * s.resource / s.students - dispersion.county_value;
            (s.students / students * deviation * deviation / variance, deviation < 0.0)
        })
        .collect()
}

/// The plain mean of CVs: basic2012's composite (综合差异系数), from unrounded CVs.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}
