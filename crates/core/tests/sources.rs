//! Where each CV comes from (issue 11): every school's share of the weighted variance,
//! checked against a computation written here from the numbers alone, and for every indicator
//! and level of the demo county (mixed schools included) under both standards: sum, order,
//! side; and the variance split by 乡镇 into within- and between-group parts, exactly.

use junheng::resources::Direction;
use junheng::{evaluate_text, Options, Standard};

const DEMO: &str = include_str!("../../../www/demo/demo-county.csv");

#[test]
fn shares_sum_to_one_are_ranked_and_say_their_side() {
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let e = evaluate_text(DEMO, &Options { standard, ..Options::default() });
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        for (level, result) in &e.levels {
            for indicator in &result.indicators {
                let c = &indicator.contributions;
                assert_eq!(c.len(), result.schools, "{level:?} {}: one share per school", indicator.key);
                let sum: f64 = c.iter().map(|c| c.share).sum();
                assert!((sum - 1.0).abs() < 1e-12, "{level:?} {}: shares sum to {sum}", indicator.key);
                assert!(c.windows(2).all(|w| w[0].share >= w[1].share), "{}: largest first", indicator.key);
                for contribution in c {
                    let school = e.schools.iter().find(|s| s.row == contribution.row && s.level == *level).unwrap();
                    let value = school.values[indicator.key];
                    let below = value < indicator.county_value;
                    assert_eq!(contribution.direction == Direction::Below, below, "{} {}", school.name, indicator.key);
                }
            }
        }
    }
}

/// The handout's five schools (SPEC §1): students and books.
const HANDOUT: [(&str, f64, f64); 5] =
    [("甲校", 45.0, 279.0), ("乙校", 37.0, 137.0), ("丙校", 89.0, 935.0), ("丁校", 76.0, 160.0), ("戊校", 55.0, 402.0)];

/// The handout's schools as a table (books vary, every other resource is 1), under basic2012.
fn evaluate_handout() -> junheng::Evaluation {
    let mut text = String::from("学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n");
    for (name, p, books) in HANDOUT {
        text += &format!("{name},小学,{p},{books},1,1,1,1,1,1,1\n");
    }
    evaluate_text(&text, &Options { standard: Standard::Basic2012, ..Options::default() })
}

#[test]
fn each_share_equals_an_independent_computation() {
    let e = evaluate_handout();
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    let books = e.levels[&junheng::Level::Primary].indicators.iter().find(|i| i.key == "books_per_student").unwrap();
    // Written here from the numbers alone: X̄ = ΣR/ΣP, S² = Σ (P_i/P)(x_i − X̄)².
    let students: f64 = HANDOUT.iter().map(|s| s.1).sum();
    let county = HANDOUT.iter().map(|s| s.2).sum::<f64>() / students;
    let part = |p: f64, r: f64| p / students * (r / p - county).powi(2);
    let variance: f64 = HANDOUT.iter().map(|s| part(s.1, s.2)).sum();
    let mut want: Vec<(&str, f64, bool)> = HANDOUT.iter().map(|s| (s.0, part(s.1, s.2) / variance, s.2 / s.1 < county)).collect();
    want.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(books.contributions.len(), 5);
    for (got, (name, share, below)) in books.contributions.iter().zip(want) {
        assert_eq!(&*got.name, name, "ranked by share");
        assert!((got.share - share).abs() < 1e-12, "{name}: {} vs {share}", got.share);
        assert_eq!(got.direction == Direction::Below, below, "{name}");
    }
}

#[test]
fn a_county_where_every_school_has_the_county_value_has_no_contributions() {
    let text = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n\
                甲,小学,100,3000,500,800,200000,20,6,5,3\n乙,小学,200,6000,1000,1600,400000,40,12,10,6\n";
    let e = evaluate_text(text, &Options { standard: Standard::Basic2012, ..Options::default() });
    assert!(e.errors.is_empty(), "{:?}", e.errors);
    for indicator in &e.levels[&junheng::Level::Primary].indicators {
        assert!(indicator.contributions.is_empty(), "{}: S = 0, nobody stands apart", indicator.key);
    }
}

#[test]
fn the_variance_splits_exactly_into_within_and_between_townships() {
    check_split(|i| i.groups.as_ref(), |s| s.group.clone().unwrap_or_default());
}

#[test]
fn the_variance_splits_exactly_into_urban_town_and_rural() {
    check_split(|i| i.localities.as_ref(), |s| s.locality.map(|l| l.key().to_string()).unwrap_or_default());
    let e = evaluate_text(DEMO, &Options::default());
    let names: Vec<&str> =
        e.levels[&junheng::Level::Primary].indicators[0].localities.as_ref().unwrap().groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["urban", "town", "rural"], "the demo's 城区, 镇区, 乡村 in the order they appear");
}

/// For every indicator of the demo county: within + between = S², and each group's value
/// and students equal what its schools (named by `group_of`) give, computed here.
fn check_split(
    split: impl Fn(&junheng::resources::IndicatorResult) -> Option<&junheng::resources::Decomposition>,
    group_of: impl Fn(&junheng::resources::SchoolResult) -> String,
) {
    for standard in [Standard::Basic2012, Standard::Quality2017] {
        let e = evaluate_text(DEMO, &Options { standard, ..Options::default() });
        for (level, result) in &e.levels {
            for indicator in &result.indicators {
                let d = split(indicator).expect("the demo has the column");
                let variance = indicator.sd * indicator.sd;
                assert!(
                    (d.within + d.between - variance).abs() <= variance * 1e-12,
                    "{level:?} {}: {} + {} vs {variance}",
                    indicator.key,
                    d.within,
                    d.between
                );
                assert_eq!(d.groups.iter().map(|g| g.schools).sum::<usize>(), result.schools);
                // The shares of S² (the indicator's own SD), and the extremes of the values computed here.
                let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() <= 1e-9);
                assert!(close(d.within_share, d.within / variance) && close(d.between_share, d.between / variance), "{}", indicator.key);
                let mut values = Vec::new();
                // Each group's value, from the schools' own values here: Σ P·x / Σ P.
                for group in &d.groups {
                    let members: Vec<_> =
                        e.schools.iter().filter(|s| s.level == *level && s.included && group_of(s) == group.name).collect();
                    assert_eq!(members.len(), group.schools, "{}", group.name);
                    let students: f64 = members.iter().map(|s| s.students).sum();
                    let value = members.iter().map(|s| s.students * s.values[indicator.key]).sum::<f64>() / students;
                    assert!(
                        (value - group.value).abs() <= value.abs() * 1e-12,
                        "{} {}: {value} vs {}",
                        group.name,
                        indicator.key,
                        group.value
                    );
                    assert!((students - group.students).abs() < 1e-9);
                    values.push(value);
                }
                let lowest = (0..values.len()).fold(0, |best, k| if values[k] < values[best] { k } else { best });
                let highest = (0..values.len()).fold(0, |best, k| if values[k] >= values[best] { k } else { best });
                assert_eq!((d.lowest, d.highest), (lowest, highest), "{} {}", level.key(), indicator.key);
            }
        }
    }
}

#[test]
fn a_table_without_townships_has_no_decomposition() {
    let e = evaluate_handout();
    assert!(e.levels[&junheng::Level::Primary].indicators.iter().all(|i| i.groups.is_none()));
}
