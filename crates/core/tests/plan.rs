//! The rectification plan: every plan passes when its additions are written into the data and
//! evaluated again; whole units never break the pass; it is never costlier than the simple
//! baseline below; its lower bound holds; and the single-indicator solver is checked against
//! brute force on small counties.

use junheng::evaluation::Evaluation;
use junheng::plan::waterfill::{self, Prepared, Unit};
use junheng::plan::{make_plan, Plan, PlanOptions, UnitCosts};
use junheng::{evaluate_text, Level, Options, Standard};
use proptest::prelude::*;

/// The template columns the generated counties fill, in this order.
const COLUMNS: [&str; 15] = [
    "学校名称",
    "学段",
    "学校类型",
    "在校生数",
    "专任教师数",
    "高于规定学历教师数",
    "中级及以上职称教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积",
    "体育运动场馆面积",
    "教学仪器设备值",
    "网络多媒体教室数",
    "计算机台数",
    "图书册数",
];
/// The English keys of the resource columns (from index 4 on), as the plan names them.
const KEYS: [&str; 11] = [
    "teachers",
    "qualified_teachers",
    "senior_title_teachers",
    "backbone_teachers",
    "pe_art_teachers",
    "teaching_area",
    "sports_area",
    "equipment_value",
    "multimedia_rooms",
    "computers",
    "books",
];

/// One row of a generated county: name, level, type, students, then the 11 resources.
#[derive(Clone, Debug)]
struct School {
    name: String,
    level: &'static str,
    kind: &'static str,
    students: f64,
    resources: [f64; 11],
}

/// A county from a tape of numbers in [0, 1): resources spread by a factor up to e^±`spread`
/// per school, so that CVs (from about 0.8 on, basic2012's composite too) and per-school
/// rules fail; with `mixed`, a nine-year school with a row per level.
fn county(tape: &[f64], primary: usize, junior: usize, mixed: bool, spread: f64) -> Vec<School> {
    let mut at = 0;
    let mut next = || {
        at += 1;
        tape[at % tape.len()]
    };
    let mut schools = Vec::new();
    let school = |name: String, level: &'static str, kind: &'static str, next: &mut dyn FnMut() -> f64| {
        let students = (80.0 + 1500.0 * next()).round();
        let stretch = |u: f64| (spread * (2.0 * u - 1.0)).exp();
        let teachers = (students / (12.0 + 14.0 * next()) * stretch(next())).round().max(4.0);
        let kind_of = |share: f64| (teachers * share).floor();
        let resources = [
            teachers,
            kind_of(0.5 + 0.5 * next()),
            kind_of(0.2 + 0.6 * next()),
            kind_of(0.3 * next()),
            kind_of(0.15 * next()),
            ((students * (2.0 + 6.0 * next())) * stretch(next())).round(),
            ((students * (3.0 + 14.0 * next())) * stretch(next())).round(),
            ((students * (800.0 + 3000.0 * next())) * stretch(next())).round(),
            ((students / 100.0 * (0.8 + 3.5 * next())) * stretch(next())).round(),
            ((students / 100.0 * (4.0 + 16.0 * next())) * stretch(next())).round(),
            ((students * (8.0 + 40.0 * next())) * stretch(next())).round(),
        ];
        School { name, level, kind, students, resources }
    };
    for i in 0..primary {
        schools.push(school(format!("第{i}小学"), "小学", "小学", &mut next));
    }
    for i in 0..junior {
        schools.push(school(format!("第{i}中学"), "初中", "初中", &mut next));
    }
    if mixed {
        schools.push(school("一贯制学校".into(), "小学", "九年一贯制", &mut next));
        schools.push(school("一贯制学校".into(), "初中", "九年一贯制", &mut next));
    }
    schools
}

fn csv(schools: &[School]) -> String {
    let mut text = COLUMNS.join(",") + "\n";
    for s in schools {
        let numbers: Vec<String> = s.resources.iter().map(f64::to_string).collect();
        text += &format!("{},{},{},{},{}\n", s.name, s.level, s.kind, s.students, numbers.join(","));
    }
    text
}

fn options(standard: Standard) -> Options {
    Options { standard, ..Options::default() }
}

fn plan(schools: &[School], standard: Standard, plan_options: &PlanOptions) -> Plan {
    let table = junheng::input::read_table(&csv(schools), junheng::Lang::Zh).expect("the county reads");
    make_plan(&table, &options(standard), plan_options).expect("a plan is made")
}

/// The data with the plan written into it by this test (rows are lines: the header is 1).
fn planned(schools: &[School], plan: &Plan) -> Vec<School> {
    let mut out = schools.to_vec();
    let column = |key: &str| KEYS.iter().position(|k| *k == key).expect("a resource column");
    for a in &plan.additions {
        assert_eq!(a.add, a.add.round(), "whole units: {a:?}");
        assert!(a.add > 0.0, "{a:?}");
        out[a.row - 2].resources[column(a.column)] += a.add;
    }
    for t in &plan.transfers {
        for (row, sign) in [(t.from.row, -1.0), (t.to.row, 1.0)] {
            out[row - 2].resources[column(t.column)] += sign * t.count as f64;
            if t.column != "teachers" {
                out[row - 2].resources[0] += sign * t.count as f64;
            }
        }
    }
    out
}

/// The student-weighted population CV of SPEC §1, computed here from the rows.
fn weighted_cv(pairs: &[(f64, f64)], scale: f64) -> f64 {
    let students: f64 = pairs.iter().map(|p| p.0).sum();
    let county = scale * pairs.iter().map(|p| p.1).sum::<f64>() / students;
    let variance: f64 = pairs.iter().map(|(p, r)| p / students * (scale * r / p - county).powi(2)).sum();
    variance.sqrt() / county
}

fn limit(standard: Standard, level: Level) -> f64 {
    match (standard, level) {
        (Standard::Basic2012, Level::Primary) => 0.65,
        (Standard::Basic2012, Level::Junior) => 0.55,
        (Standard::Quality2017, Level::Primary) => 0.50,
        (Standard::Quality2017, Level::Junior) => 0.45,
    }
}

/// Checks the proof: the data with the plan written in, evaluated afresh, passes with the
/// margin, and its CVs are the plan's `after`.
#[track_caller]
fn assert_proven(schools: &[School], standard: Standard, plan: &Plan) {
    let after_rows = planned(schools, plan);
    let again = evaluate_text(&csv(&after_rows), &options(standard));
    assert!(again.errors.is_empty(), "{:?}", again.errors);
    assert!(
        plan.feasible,
        "{:?}\n{}\n{:?}",
        plan.problems,
        csv(schools),
        plan.after.levels.values().map(|l| &l.reasons).collect::<Vec<_>>()
    );
    assert_eq!(cvs(&again), cvs(&plan.after));
    for (level, l) in &again.levels {
        let target = limit(standard, *level) - plan.margin;
        match standard {
            Standard::Basic2012 => assert!(l.composite_cv.unwrap() <= target, "{level:?} {:?}", l.composite_cv),
            Standard::Quality2017 => {
                assert_eq!(l.schools_passed, Some(l.schools), "{level:?}: {:?}", l.reasons);
                for i in &l.indicators {
                    assert!(i.cv.unwrap() <= target, "{level:?} {} {:?}", i.key, i.cv);
                }
            }
        }
    }
    let total: f64 = plan.additions.iter().map(|a| a.cost).sum::<f64>() + plan.transfers.iter().map(|t| t.cost).sum::<f64>();
    assert!((total - plan.total_cost).abs() <= 1e-6 * total.max(1.0));
    // The ledger's totals add up, per school and per resource, to the plan's cost.
    let by_school: f64 = plan.totals.schools.iter().map(|s| s.cost).sum();
    let by_resource: f64 = plan.totals.resources.iter().map(|r| r.cost).sum();
    for sum in [by_school + plan.totals.transfers, by_resource + plan.totals.transfers] {
        assert!((sum - plan.total_cost).abs() <= 1e-6 * total.max(1.0), "{sum} vs {}", plan.total_cost);
    }
    for a in plan.additions.iter().filter(|a| a.indicator.is_some()) {
        assert!(a.target >= a.current, "an addition never lowers a value: {a:?}");
    }
    if let Some(bound) = plan.lower_bound {
        assert!(bound <= plan.total_cost * (1.0 + 1e-9) + 1e-6, "bound {bound} > cost {}", plan.total_cost);
    }
}

fn cvs(e: &Evaluation) -> Vec<Option<f64>> {
    e.levels.values().flat_map(|l| l.indicators.iter().map(|i| i.cv)).collect()
}

/// Index of an indicator's resource among the 11, and its scale.
fn indicator_column(key: &str) -> (usize, f64) {
    match key {
        "teaching_area_per_student" => (5, 1.0),
        "sports_area_per_student" => (6, 1.0),
        "equipment_value_per_student" => (7, 1.0),
        "computers_per_100" => (9, 100.0),
        "books_per_student" => (10, 1.0),
        "teacher_student_ratio" => (0, 1.0),
        "qualified_teachers_per_student" => (1, 1.0),
        "senior_title_teachers_per_student" => (2, 1.0),
        "qualified_teachers_per_100" => (1, 100.0),
        "backbone_teachers_per_100" => (3, 100.0),
        "pe_art_teachers_per_100" => (4, 100.0),
        "multimedia_rooms_per_100" => (8, 100.0),
        other => panic!("{other}"),
    }
}

const QUALITY: [(&str, f64, f64); 7] = [
    ("qualified_teachers_per_100", 4.2, 5.3),
    ("backbone_teachers_per_100", 1.0, 1.0),
    ("pe_art_teachers_per_100", 0.9, 0.9),
    ("teaching_area_per_student", 4.5, 5.8),
    ("sports_area_per_student", 7.5, 10.2),
    ("equipment_value_per_student", 2000.0, 2500.0),
    ("multimedia_rooms_per_100", 2.3, 2.4),
];
const BASIC: [&str; 8] = [
    "teaching_area_per_student",
    "sports_area_per_student",
    "equipment_value_per_student",
    "computers_per_100",
    "books_per_student",
    "teacher_student_ratio",
    "qualified_teachers_per_student",
    "senior_title_teachers_per_student",
];

/// The simple baseline of the issue, in whole units: raise every school to each standard
/// (quality2017), then the lowest school of the worst indicator to the county value, until
/// every CV (basic2012: the composite) passes. Its cost in 元 with the default unit costs.
fn baseline_cost(schools: &[School], standard: Standard, margin: f64) -> f64 {
    let costs = UnitCosts::default();
    let price = |column: usize| costs.resources[KEYS[column]];
    let mut rows = schools.to_vec();
    let mut cost = 0.0;
    for level in ["小学", "初中"] {
        let lv = if level == "小学" { Level::Primary } else { Level::Junior };
        let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].level == level).collect();
        let keys: Vec<&str> = match standard {
            Standard::Quality2017 => QUALITY.iter().map(|q| q.0).collect(),
            Standard::Basic2012 => BASIC.to_vec(),
        };
        if standard == Standard::Quality2017 {
            for (key, primary, junior) in QUALITY {
                let (column, scale) = indicator_column(key);
                let minimum = if lv == Level::Primary { primary } else { junior };
                for &i in &members {
                    let need = (minimum * rows[i].students / scale - rows[i].resources[column] - 1e-9).ceil().max(0.0);
                    rows[i].resources[column] += need;
                    cost += need * price(column);
                }
            }
        }
        let cv_of = |rows: &[School], key: &str| {
            let (column, scale) = indicator_column(key);
            weighted_cv(&members.iter().map(|&i| (rows[i].students, rows[i].resources[column])).collect::<Vec<_>>(), scale)
        };
        let target = limit(standard, lv) - margin;
        for _ in 0..10_000 {
            let all: Vec<f64> = keys.iter().map(|k| cv_of(&rows, k)).collect();
            let failing = match standard {
                Standard::Quality2017 => all.iter().any(|cv| *cv > target),
                Standard::Basic2012 => all.iter().sum::<f64>() / all.len() as f64 > target,
            };
            if !failing {
                break;
            }
            let worst = (0..keys.len()).max_by(|&a, &b| all[a].total_cmp(&all[b])).unwrap();
            let (column, scale) = indicator_column(keys[worst]);
            let value = |r: &School| scale * r.resources[column] / r.students;
            let county = scale * members.iter().map(|&i| rows[i].resources[column]).sum::<f64>()
                / members.iter().map(|&i| rows[i].students).sum::<f64>();
            let lowest = *members.iter().min_by(|&&a, &&b| value(&rows[a]).total_cmp(&value(&rows[b]))).unwrap();
            let need = ((county - value(&rows[lowest])) * rows[lowest].students / scale).ceil().max(1.0);
            rows[lowest].resources[column] += need;
            cost += need * price(column);
        }
    }
    cost
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_plan_passes_and_is_never_costlier_than_the_baseline(
        tape in prop::collection::vec(0.0f64..1.0, 97),
        primary in 3usize..12,
        junior in 2usize..6,
        basic in any::<bool>(),
        margin in prop::sample::select(vec![0.0, 0.02, 0.05]),
        spread in 0.0f64..1.5,
    ) {
        let standard = if basic { Standard::Basic2012 } else { Standard::Quality2017 };
        let schools = county(&tape, primary, junior, false, spread);
        let made = plan(&schools, standard, &PlanOptions { margin, ..PlanOptions::default() });
        assert_proven(&schools, standard, &made);
        let baseline = baseline_cost(&schools, standard, margin);
        prop_assert!(
            made.total_cost <= baseline + 1e-6,
            "{standard:?}: plan {} > baseline {baseline}\n{}\n{:?}",
            made.total_cost,
            csv(&schools),
            made.additions.iter().map(|a| (a.row, a.column, a.add)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn plans_with_mixed_schools_and_rotation_pass(
        tape in prop::collection::vec(0.0f64..1.0, 89),
        primary in 2usize..8,
        junior in 1usize..4,
        basic in any::<bool>(),
        spread in 0.0f64..1.5,
    ) {
        let standard = if basic { Standard::Basic2012 } else { Standard::Quality2017 };
        let schools = county(&tape, primary, junior, true, spread);
        let hiring = plan(&schools, standard, &PlanOptions::default());
        assert_proven(&schools, standard, &hiring);
        let rotating = plan(&schools, standard, &PlanOptions { rotation: true, ..PlanOptions::default() });
        assert_proven(&schools, standard, &rotating);
    }

    #[test]
    fn rotation_never_costs_more_than_hiring(
        tape in prop::collection::vec(0.0f64..1.0, 83),
        primary in 3usize..10,
        spread in 0.0f64..1.5,
    ) {
        let schools = county(&tape, primary, 2, false, spread);
        let hiring = plan(&schools, Standard::Quality2017, &PlanOptions::default());
        let rotating = plan(&schools, Standard::Quality2017, &PlanOptions { rotation: true, ..PlanOptions::default() });
        assert_proven(&schools, Standard::Quality2017, &rotating);
        prop_assert!(rotating.total_cost <= hiring.total_cost + 1e-6, "{} > {}", rotating.total_cost, hiring.total_cost);
    }

    /// Brute force over whole units on three schools: the continuous optimum is a lower bound,
    /// and whole units cost at most one unit per raised school more than the best whole plan.
    #[test]
    fn whole_units_are_within_one_unit_per_school_of_brute_force(
        raw in prop::collection::vec((5.0f64..40.0, 0u32..20), 3),
        floors in prop::collection::vec(0.0f64..0.6, 3),
        tau in 0.05f64..0.4,
    ) {
        let units: Vec<Unit> = raw
            .iter()
            .zip(&floors)
            .map(|(&(students, resource), &floor)| {
                Unit { students: students.round(), resource: f64::from(resource), scale: 1.0, part: 1.0, floor }
            })
            .collect();
        let most: u64 = 30;
        let passes = |counts: &[u64]| {
            waterfill::cv_after(&units, counts) <= tau
                && units.iter().zip(counts).all(|(u, &n)| u.after(n) >= u.floor)
        };
        let mut best: Option<u64> = None;
        for a in 0..=most {
            for b in 0..=most {
                for c in 0..=most {
                    if passes(&[a, b, c]) && best.is_none_or(|x| a + b + c < x) {
                        best = Some(a + b + c);
                    }
                }
            }
        }
        let Some(best) = best else { return Ok(()) };
        let continuous = Prepared::new(&units).least_units(tau).expect("a whole plan exists, so a continuous one does");
        prop_assert!(continuous <= best as f64 + 1e-9, "continuous {continuous} > brute force {best}");
        let whole = waterfill::whole_units(&units, tau).expect("the solver finds a plan");
        prop_assert!(passes(&whole), "{whole:?}");
        let raised = whole.iter().filter(|n| **n > 0).count() as u64;
        prop_assert!(whole.iter().sum::<u64>() <= best + raised, "{whole:?} vs brute force {best}");
    }
}

#[test]
fn a_fixed_school_that_misses_the_rule_makes_the_plan_infeasible_with_its_name() {
    let tape: Vec<f64> = (0..97).map(|i| f64::from(i * 37 % 97) / 97.0).collect();
    let mut schools = county(&tape, 4, 2, false, 0.0);
    schools[0].resources[6] = 10.0; // 第0小学's sports ground: far below 85% of 7.5 ㎡ per student
    let made = plan(&schools, Standard::Quality2017, &PlanOptions { fixed: vec![2], ..PlanOptions::default() });
    assert!(!made.feasible);
    assert!(made.problems.iter().any(|p| p.message.contains("第0小学")), "{:?}", made.problems);
    assert!(made.additions.iter().all(|a| a.row != 2), "nothing added to the fixed school");
}

#[test]
fn unit_costs_from_a_file_replace_the_defaults_and_refuse_unknown_keys() {
    let costs = UnitCosts::from_json(r#"{"teaching_area": 2500, "transfer": 5000}"#, junheng::Lang::Zh).unwrap();
    assert_eq!(costs.resources["teaching_area"], 2500.0);
    assert_eq!(costs.transfer, 5000.0);
    assert_eq!(costs.resources["books"], UnitCosts::default().resources["books"]);
    let unknown = UnitCosts::from_json(r#"{"classrooms": 1}"#, junheng::Lang::Zh).unwrap_err();
    assert!(unknown.message.contains("classrooms"), "{}", unknown.message);
    let negative = UnitCosts::from_json(r#"{"books": -3}"#, junheng::Lang::En).unwrap_err();
    assert!(negative.message.contains("books"), "{}", negative.message);
    // Costs given as options (the page's) are checked too: the plan is refused, naming the key.
    let mut costs = UnitCosts::default();
    costs.resources.insert("books".into(), f64::NAN);
    let schools = county(&[0.5; 97], 3, 2, false, 0.5);
    let table = junheng::input::read_table(&csv(&schools), junheng::Lang::Zh).unwrap();
    let refused = make_plan(&table, &options(Standard::Basic2012), &PlanOptions { costs, ..PlanOptions::default() }).unwrap_err();
    assert_eq!(refused[0].column.as_deref(), Some("books"));
}

/// The plan written into the user's own cells (`apply`), 万元 header included, evaluates to
/// the plan's proof.
#[test]
fn a_plan_applied_to_the_cells_evaluates_to_its_proof() {
    let demo = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/demo/demo-county.csv")).unwrap();
    let tape: Vec<f64> = (0..97).map(|i| f64::from(i * 37 % 97) / 97.0).collect();
    let uneven = csv(&county(&tape, 6, 3, true, 1.2));
    // The same county with its equipment in 万元, as many bureaus' sheets have it.
    let mut lines: Vec<String> = uneven.lines().map(str::to_string).collect();
    lines[0] = lines[0].replace("教学仪器设备值", "教学仪器设备值（万元）");
    for line in &mut lines[1..] {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        cells[11] = (cells[11].parse::<f64>().unwrap() / 10_000.0).to_string();
        *line = cells.join(",");
    }
    let in_wan = lines.join("\n") + "\n";
    for (text, standard) in [(demo.as_str(), Standard::Quality2017), (&uneven, Standard::Basic2012), (&in_wan, Standard::Quality2017)] {
        let grid = junheng::input::read_grid(text);
        let made = junheng::plan::plan_grid(&grid, &options(standard), &PlanOptions { rotation: true, ..PlanOptions::default() }).unwrap();
        assert!(made.feasible);
        let applied =
            junheng::plan::apply(&grid, &junheng::input::Mapping::new(), &made.additions, &made.transfers, junheng::Lang::Zh).unwrap();
        let text: String = applied.iter().map(|(_, cells)| cells.iter().collect::<Vec<_>>().join(",") + "\n").collect();
        let again = evaluate_text(&text, &options(standard));
        assert!(junheng::plan::meets_target(&again, &options(standard), made.margin), "{standard:?}");
        for (a, b) in cvs(&again).iter().zip(cvs(&made.after)) {
            assert!((a.unwrap() - b.unwrap()).abs() < 1e-9, "{a:?} {b:?}");
        }
    }
}
