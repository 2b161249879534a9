//! The CV of SPEC §1 against the public worked example and against independent formulas.

use junheng::statistics::{mean, weighted_dispersion, Share};
use proptest::prelude::*;

const STUDENTS: [f64; 5] = [45.0, 37.0, 89.0, 76.0, 55.0];
const BOOKS: [f64; 5] = [279.0, 137.0, 935.0, 160.0, 402.0];

fn shares(students: &[f64], resources: &[f64]) -> Vec<Share> {
    students.iter().zip(resources).map(|(&students, &resource)| Share { students, resource }).collect()
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn handout_example_gives_the_published_weighted_cv() {
    let d = weighted_dispersion(&shares(&STUDENTS, &BOOKS), 1.0).unwrap();
    assert!(close(d.county_value, 6.33444, 5e-6), "{}", d.county_value);
    assert!(close(d.sd, 3.26386, 5e-6), "{}", d.sd);
    assert!(close(d.cv.unwrap(), 0.51526, 5e-6), "{:?}", d.cv);
    // The handout prints 0.52: above the 0.50 limit of quality2017 primary.
    assert_eq!(format!("{:.2}", d.cv.unwrap()), "0.52");
}

#[test]
fn the_spreadsheet_recipes_differ_from_the_standard() {
    // Unweighted CVs, written out here independently of the crate.
    let x: Vec<f64> = BOOKS.iter().zip(STUDENTS).map(|(b, s)| b / s).collect();
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let ss = x.iter().map(|v| (v - m).powi(2)).sum::<f64>();
    let population = (ss / n).sqrt() / m;
    let sample = (ss / (n - 1.0)).sqrt() / m;
    assert!(close(population, 0.48877, 5e-6), "{population}");
    assert!(close(sample, 0.54646, 5e-6), "{sample}");
    let weighted = weighted_dispersion(&shares(&STUDENTS, &BOOKS), 1.0).unwrap().cv.unwrap();
    // The three methods fall on both sides of the 0.50 limit.
    assert!(population < 0.50 && weighted > 0.50 && sample > 0.50);
    assert!(!close(weighted, population, 0.01) && !close(weighted, sample, 0.01));
}

#[test]
fn published_composites_are_the_means_of_their_cvs() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/published_composites.json"))
        .expect("../shared/data");
    let rows: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(rows.len() >= 6);
    for row in rows {
        let cvs: Vec<f64> = row["cvs"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let published = row["composite"].as_f64().unwrap();
        assert_eq!(cvs.len(), 8);
        // The printed CVs are rounded to 3 decimals, so their mean may differ by up to 0.0005
        // from the mean of the unrounded CVs, which itself was rounded for print.
        let composite = mean(&cvs).unwrap();
        assert!(close(composite, published, 0.0010), "{}: {composite} vs {published}", row["county"]);
    }
}

#[test]
fn a_county_of_equal_schools_has_no_variation() {
    let d = weighted_dispersion(&shares(&[100.0, 300.0, 50.0], &[450.0, 1350.0, 225.0]), 1.0).unwrap();
    assert!(close(d.county_value, 4.5, 1e-12));
    assert!(d.sd.abs() < 1e-12);
    assert!(d.cv.unwrap().abs() < 1e-12);
}

#[test]
fn zero_resources_leave_the_cv_undefined() {
    let d = weighted_dispersion(&shares(&[100.0, 300.0], &[0.0, 0.0]), 100.0).unwrap();
    assert_eq!(d.county_value, 0.0);
    assert_eq!(d.cv, None);
    assert!(weighted_dispersion(&[], 1.0).is_none());
}

#[test]
fn per_100_scale_multiplies_value_and_sd_but_not_the_cv() {
    let one = weighted_dispersion(&shares(&STUDENTS, &BOOKS), 1.0).unwrap();
    let hundred = weighted_dispersion(&shares(&STUDENTS, &BOOKS), 100.0).unwrap();
    assert!(close(hundred.county_value, 100.0 * one.county_value, 1e-9));
    assert!(close(hundred.sd, 100.0 * one.sd, 1e-9));
    assert!(close(hundred.cv.unwrap(), one.cv.unwrap(), 1e-12));
}

fn county() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((1.0f64..3000.0, 0.0f64..50_000.0), 1..40)
}

proptest! {
    /// The variance by its second form: S² = Σ P_i x_i² / P − X̄².
    #[test]
    fn sd_equals_the_moment_formula(schools in county()) {
        let (p, r): (Vec<f64>, Vec<f64>) = schools.iter().copied().unzip();
        let d = weighted_dispersion(&shares(&p, &r), 1.0).unwrap();
        let total: f64 = p.iter().sum();
        let xbar = r.iter().sum::<f64>() / total;
        let second: f64 = p.iter().zip(&r).map(|(p, r)| p * (r / p).powi(2)).sum::<f64>() / total;
        let sd = (second - xbar * xbar).max(0.0).sqrt();
        prop_assert!((d.county_value - xbar).abs() <= 1e-9 * xbar.max(1.0));
        prop_assert!((d.sd - sd).abs() <= 1e-6 * xbar.max(1.0), "{} vs {}", d.sd, sd);
    }

    /// Weighting by students is the same as listing every student with the school's value.
    #[test]
    fn weighting_equals_counting_students(schools in prop::collection::vec((1u32..60, 0.0f64..100.0), 1..12)) {
        let shares: Vec<Share> = schools.iter().map(|&(p, x)| Share { students: f64::from(p), resource: x * f64::from(p) }).collect();
        let d = weighted_dispersion(&shares, 1.0).unwrap();
        let pupils: Vec<f64> = schools.iter().flat_map(|&(p, x)| std::iter::repeat_n(x, p as usize)).collect();
        let n = pupils.len() as f64;
        let m = pupils.iter().sum::<f64>() / n;
        let sd = (pupils.iter().map(|v| (v - m).powi(2)).sum::<f64>() / n).sqrt();
        prop_assert!((d.county_value - m).abs() < 1e-9);
        prop_assert!((d.sd - sd).abs() < 1e-9);
    }

    /// The CV has no unit: 万元 or 元, ㎡ or 100 ㎡ give the same CV.
    #[test]
    fn cv_does_not_depend_on_the_unit(schools in county(), factor in 0.001f64..10_000.0) {
        let (p, r): (Vec<f64>, Vec<f64>) = schools.iter().copied().unzip();
        let scaled: Vec<f64> = r.iter().map(|r| r * factor).collect();
        let a = weighted_dispersion(&shares(&p, &r), 1.0).unwrap().cv;
        let b = weighted_dispersion(&shares(&p, &scaled), 1.0).unwrap().cv;
        match (a, b) {
            (Some(a), Some(b)) => prop_assert!((a - b).abs() <= 1e-9 * a.max(1.0)),
            (a, b) => prop_assert_eq!(a.is_none(), b.is_none()),
        }
    }
}
