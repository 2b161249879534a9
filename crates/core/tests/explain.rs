//! The step-by-step view's numbers: the handout's published figures (SPEC §1), and each row
//! and sum against a computation written here.

use junheng::explain::explain_grid;
use junheng::input::read_grid;
use junheng::{Level, Options, Standard};

const HANDOUT: [(f64, f64); 5] = [(45.0, 279.0), (37.0, 137.0), (89.0, 935.0), (76.0, 160.0), (55.0, 402.0)];

fn handout_text() -> String {
    let mut text = String::from("学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数\n");
    for (i, (p, books)) in HANDOUT.iter().enumerate() {
        text += &format!("校{i},小学,{p},{books},1,1,1,1,1,1,1\n");
    }
    text
}

fn basic() -> Options {
    Options { standard: Standard::Basic2012, ..Options::default() }
}

#[test]
fn the_handout_example_gives_its_published_figures() {
    let e = explain_grid(&read_grid(&handout_text()), &basic(), Level::Primary, "books_per_student").unwrap();
    assert!((e.county_value - 6.33444).abs() < 5e-6, "{}", e.county_value);
    assert!((e.sd - 3.26386).abs() < 5e-6, "{}", e.sd);
    assert!((e.cv.unwrap() - 0.51526).abs() < 5e-6);
    assert!((e.unweighted.cv_population.unwrap() - 0.48877).abs() < 5e-6);
    assert!((e.unweighted.cv_sample.unwrap() - 0.54646).abs() < 5e-6);
}

#[test]
fn every_row_and_sum_equals_a_computation_written_here() {
    let e = explain_grid(&read_grid(&handout_text()), &basic(), Level::Primary, "books_per_student").unwrap();
    let p: f64 = HANDOUT.iter().map(|s| s.0).sum();
    let xbar = HANDOUT.iter().map(|s| s.1).sum::<f64>() / p;
    assert_eq!(e.steps.len(), 5);
    let mut variance = 0.0;
    for (step, &(students, books)) in e.steps.iter().zip(&HANDOUT) {
        let x = books / students;
        let term = students / p * (x - xbar).powi(2);
        variance += term;
        assert!((step.value - x).abs() < 1e-12 && (step.weight - students / p).abs() < 1e-15 && (step.term - term).abs() < 1e-12);
        assert_eq!(step.row, step.name[3..].parse::<usize>().unwrap() + 2, "rows are the file's lines");
    }
    assert!((e.variance - variance).abs() < 1e-12);
    for step in &e.steps {
        assert!((step.share - step.term / variance).abs() < 1e-12, "{}: its share of S²", step.name);
    }
    assert_eq!(e.students, p);
    // The same CV as the evaluation's.
    let whole = junheng::evaluate_text(&handout_text(), &basic());
    let cv = whole.levels[&Level::Primary].indicators.iter().find(|i| i.key == "books_per_student").unwrap().cv;
    assert_eq!(e.cv, cv);
}

#[test]
fn an_indicator_the_standard_has_not_is_refused_with_its_name() {
    let problems = explain_grid(&read_grid(&handout_text()), &basic(), Level::Primary, "backbone_teachers_per_100").unwrap_err();
    assert!(problems[0].message.contains("backbone_teachers_per_100"), "{}", problems[0].message);
    let problems = explain_grid(&read_grid(&handout_text()), &basic(), Level::Junior, "books_per_student").unwrap_err();
    assert!(problems[0].message.contains("初中"));
}

#[test]
fn under_quality2017_each_school_says_whether_it_reaches_the_standard() {
    let demo = include_str!("../../../www/demo/demo-county.csv");
    let e = explain_grid(&read_grid(demo), &Options::default(), Level::Primary, "teaching_area_per_student").unwrap();
    assert_eq!(e.standard, Some(4.5));
    let whole = junheng::evaluate_text(demo, &Options::default());
    for step in &e.steps {
        let school = whole.schools.iter().find(|s| s.row == step.row && s.level == Level::Primary).unwrap();
        assert_eq!(step.meets, Some(school.standing["teaching_area_per_student"].meets), "{}", step.name);
    }
    assert!(e.steps.iter().any(|s| s.meets == Some(false)), "the demo has schools below 4.5 ㎡");
}
