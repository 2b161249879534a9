//! Unusable input gives clear messages naming row, column and what was expected; never a panic.

use junheng::input::Problem;
use junheng::{evaluate_text, Lang, Options, Standard};
use proptest::prelude::*;

/// The errors of an unusable table: nothing passes, and figures are shown only as the
/// provisional figures of the rows that read.
fn errors(text: &str, standard: Standard) -> Vec<Problem> {
    let result = evaluate_text(text, &Options { standard, ..Options::default() });
    assert!(!result.errors.is_empty());
    assert!(result.overall.is_none() && result.levels.values().all(|l| !l.passed) && result.parts.iter().all(|p| !p.passed));
    assert!(result.provisional || (result.levels.is_empty() && result.schools.is_empty()));
    result.errors
}

fn find<'a>(errors: &'a [Problem], row: Option<usize>, column: Option<&str>) -> &'a Problem {
    errors
        .iter()
        .find(|e| e.row == row && e.column.as_deref() == column)
        .unwrap_or_else(|| panic!("no error at {row:?} {column:?} in {errors:#?}"))
}

const BOOKS: &str = "学校名称,学段,在校生数,图书册数,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,计算机台数,专任教师数,高于规定学历教师数,中级及以上职称教师数";

#[test]
fn empty_input() {
    for text in ["", "   \n\n", "\u{feff}", ",,,\n,,\n"] {
        let e = errors(text, Standard::Basic2012);
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("没有数据"), "{e:?}");
    }
}

#[test]
fn header_only() {
    let e = errors(&format!("{BOOKS}\n"), Standard::Basic2012);
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("只有表头"), "{e:?}");
}

#[test]
fn non_numeric_cells_name_row_column_and_text() {
    let text = format!("{BOOKS}\n甲,小学,100,三百,1,1,1,1,1,1,1\n乙,小学,50,200,1,1,1,1,1,1,abc\n");
    let e = errors(&text, Standard::Basic2012);
    let books = find(&e, Some(2), Some("图书册数"));
    assert!(books.message.contains("「三百」不是数字") && books.message.contains("应为不小于0的数"), "{books:?}");
    let title = find(&e, Some(3), Some("中级及以上职称教师数"));
    assert!(title.message.contains("abc"));
    assert_eq!(books.describe(Lang::Zh), "第2行「图书册数」：「三百」不是数字，应为不小于0的数");
}

#[test]
fn rows_are_numbered_as_the_file_numbers_them() {
    // Blank lines and a quoted cell across two lines still count as lines of the file.
    let text = format!("{BOOKS}\n\n甲,小学,100,1,1,1,1,1,1,1,1\n\n\n\"乙\n校\",小学,100,1,1,1,1,1,1,1,1\n丙,小学,x,1,1,1,1,1,1,1,1\n");
    let e = errors(&text, Standard::Basic2012);
    assert_eq!(e.len(), 1, "{e:?}");
    find(&e, Some(8), Some("在校生数"));
    let grid = junheng::input::read_grid(&text);
    let lines: Vec<usize> = grid.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 3, 6, 8]);
}

#[test]
fn infinite_and_nan_are_not_numbers() {
    let text = format!("{BOOKS}\n甲,小学,100,inf,1,1,1,1,1,1,1\n乙,小学,100,NaN,1,1,1,1,1,1,1\n");
    let e = errors(&text, Standard::Basic2012);
    find(&e, Some(2), Some("图书册数"));
    find(&e, Some(3), Some("图书册数"));
}

#[test]
fn zero_negative_and_empty_students() {
    let text = format!("{BOOKS}\n甲,小学,0,1,1,1,1,1,1,1,1\n乙,小学,-5,1,1,1,1,1,1,1,1\n丙,小学,,1,1,1,1,1,1,1,1\n");
    let e = errors(&text, Standard::Basic2012);
    assert!(find(&e, Some(2), Some("在校生数")).message.contains("应大于0"));
    assert!(find(&e, Some(3), Some("在校生数")).message.contains("不能为负数"));
    assert!(find(&e, Some(4), Some("在校生数")).message.contains("为空"));
}

#[test]
fn negative_resources() {
    let text = format!("{BOOKS}\n甲,小学,100,-1,1,1,1,1,1,1,1\n");
    assert!(find(&errors(&text, Standard::Basic2012), Some(2), Some("图书册数")).message.contains("不能为负数"));
}

#[test]
fn missing_required_columns() {
    let e = errors("学校名称,图书册数\n甲,3\n", Standard::Basic2012);
    assert!(find(&e, None, Some("学段")).message.contains("缺少必填列"));
    assert!(find(&e, None, Some("在校生数")).message.contains("students"));
}

#[test]
fn missing_columns_the_standard_needs_are_named() {
    let e = errors("学校名称,学段,在校生数,图书册数\n甲,小学,100,300\n", Standard::Quality2017);
    for column in ["高于规定学历教师数", "县级及以上骨干教师数", "体育艺术专任教师数", "网络多媒体教室数"]
    {
        let problem = find(&e, None, Some(column));
        assert!(problem.message.contains("缺少此列") && problem.message.contains("优质均衡"), "{problem:?}");
    }
    // A column the standard does not need may be absent: books are not a quality2017 indicator.
    assert!(e.iter().all(|p| p.column.as_deref() != Some("图书册数")));
}

#[test]
fn empty_needed_cells_are_named() {
    let text = format!("{BOOKS}\n甲,小学,100,,1,1,1,1,1,1,1\n");
    assert!(find(&errors(&text, Standard::Basic2012), Some(2), Some("图书册数")).message.contains("为空"));
}

#[test]
fn duplicate_school_and_level_rows() {
    let text = format!("{BOOKS}\n甲,小学,100,1,1,1,1,1,1,1,1\n乙,小学,100,1,1,1,1,1,1,1,1\n甲 ,小学,90,1,1,1,1,1,1,1,1\n");
    let e = errors(&text, Standard::Basic2012);
    let problem = find(&e, Some(4), Some("学校名称"));
    assert!(problem.message.contains("与第2行重复"), "{problem:?}");
}

#[test]
fn a_wrong_row_leaves_the_others_evaluated_as_provisional_figures_with_no_verdict() {
    let good = "甲,小学,100,279,230,380,92000,9,3,3,1\n乙,小学,80,137,190,300,70000,6,3,2,1\n丙,小学,120,935,400,700,120000,12,6,5,3";
    let with_bad = format!("{BOOKS}\n{good}\n丁,,,,,,,,,,\n");
    let options = Options { standard: Standard::Basic2012, ..Options::default() };
    let provisional = evaluate_text(&with_bad, &options);
    assert!(provisional.provisional);
    assert!(provisional.errors.iter().all(|e| e.row == Some(5)), "{:?}", provisional.errors);
    assert!(provisional.overall.is_none());
    let level = &provisional.levels[&junheng::model::Level::Primary];
    assert!(!level.passed);
    assert!(level.reasons[0].contains("数据有误，结论待定"), "{:?}", level.reasons);
    // Row 5 has a mistake in every column: it is one row with mistakes, counted once.
    assert!(provisional.errors.len() > 1 && level.reasons[0].contains("：1 行有错"), "{:?}", level.reasons);
    // The figures are those of the rows that read, exactly.
    let alone = evaluate_text(&format!("{BOOKS}\n{good}\n"), &options);
    assert!(!alone.provisional && alone.errors.is_empty());
    let cvs = |e: &junheng::Evaluation| e.levels.values().flat_map(|l| l.indicators.iter().map(|i| i.cv)).collect::<Vec<_>>();
    assert_eq!(cvs(&provisional), cvs(&alone));
    // A mistake outside the rows (a missing column) stops everything, as before.
    let e = evaluate_text("学校名称,学段\n甲,小学\n", &options);
    assert!(!e.provisional && e.levels.is_empty());
}

#[test]
fn same_school_on_two_levels_is_not_a_duplicate() {
    let text = format!("{BOOKS}\n甲,小学,100,1,1,1,1,1,1,1,1\n甲,初中,100,1,1,1,1,1,1,1,1\n");
    let result = evaluate_text(&text, &Options { standard: Standard::Basic2012, ..Options::default() });
    // 甲 is written with the default type of each level: two separate schools that share a name.
    assert!(result.errors.is_empty(), "{:?}", result.errors);
}

#[test]
fn bad_level_type_and_unit() {
    let text = "学校名称,学段,学校类型,在校生数,教学仪器设备值(美元)\n甲,高中,小学,100,1\n乙,初中,幼儿园,100,1\n";
    let e = errors(text, Standard::Quality2017);
    assert!(find(&e, Some(1), Some("教学仪器设备值(美元)")).message.contains("万元"));
    let text = "学校名称,学段,学校类型,在校生数\n甲,高中,小学,100\n乙,初中,幼儿园,100\n丙,初中,小学,100\n";
    let e = junheng::input::read_table(text, Lang::Zh).unwrap_err();
    assert!(find(&e, Some(2), Some("学段")).message.contains("小学"));
    assert!(find(&e, Some(3), Some("学校类型")).message.contains("九年一贯制"));
    // A 小学's 初中 row is an attached class (附设班), which needs its school's own row.
    assert!(find(&e, Some(4), Some("学段")).message.contains("只能是附设班"));
}

#[test]
fn a_column_written_twice() {
    let e = junheng::input::read_table("学校名称,学段,在校生数,students\n甲,小学,1,1\n", Lang::Zh).unwrap_err();
    assert!(find(&e, Some(1), Some("students")).message.contains("只能出现一次"));
}

#[test]
fn unknown_columns_are_a_notice_not_an_error() {
    let text = format!("{BOOKS},备注\n甲,小学,100,1,1,1,1,1,1,1,1,新建校\n");
    let result = evaluate_text(&text, &Options { standard: Standard::Basic2012, ..Options::default() });
    assert!(result.errors.is_empty());
    assert_eq!(result.warnings[0].column.as_deref(), Some("备注"));
}

proptest! {
    /// Whatever arrives, the core answers with a value: errors, or a result. Never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = evaluate_text(&text, &Options::default());
    }

    #[test]
    fn arbitrary_cells_under_a_real_header_never_panic(cells in prop::collection::vec("[0-9a-z,.\\-\t 　，小学初中九年一贯制教学点]{0,12}", 0..40)) {
        let text = format!("{BOOKS}\n{}", cells.join(","));
        for standard in [Standard::Basic2012, Standard::Quality2017] {
            let result = evaluate_text(&text, &Options { standard, ..Options::default() });
            for level in result.levels.values() {
                for i in &level.indicators {
                    prop_assert!(i.cv.is_none_or(f64::is_finite));
                }
            }
        }
    }
}

#[test]
fn an_unknown_locality_names_its_row_and_the_three_words() {
    let text =
        format!("{BOOKS},城乡类型\n甲,小学,100,300,1,1,1,1,1,1,1,乡村\n乙,小学,50,200,1,1,1,1,1,1,1,郊区\n丙,小学,50,200,1,1,1,1,1,1,1,\n");
    let e = errors(&text, Standard::Basic2012);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(find(&e, Some(3), Some("城乡类型")).message.contains("城区"));
    // Also read: the statistics' older words and English.
    let ok = text.replace("郊区", "农村").replace(",乡村", ",urban");
    assert!(evaluate_text(&ok, &Options { standard: Standard::Basic2012, ..Options::default() }).errors.is_empty());
}

#[test]
fn a_text_that_is_not_a_table_shape_is_refused_at_its_row_before_it_is_held() {
    let options = Options { standard: Standard::Basic2012, ..Options::default() };
    // 100 000 columns: refused at the header row, in one pass.
    let wide = format!("{BOOKS},{}\n", (0..100_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(","));
    let e = evaluate_text(&wide, &options);
    assert_eq!((e.errors.len(), e.errors[0].row), (1, Some(1)), "{:?}", e.errors);
    assert!(e.errors[0].message.contains("超过 2000 列"), "{}", e.errors[0].message);
    // A million commas on the third line.
    let commas = format!("{BOOKS}\n甲,小学,100,1,1,1,1,1,1,1,1\n{}\n", ",".repeat(1_000_000));
    assert_eq!(evaluate_text(&commas, &options).errors[0].row, Some(3));
    // A quote opened on line 3 and never closed: the rest of the file is one cell.
    let unclosed =
        format!("{BOOKS}\n甲,小学,100,1,1,1,1,1,1,1,1\n\"乙,小学,100,1,1,1,1,1,1,1,1\n{}", "丙,小学,100,1,1,1,1,1,1,1,1\n".repeat(40_000));
    let e = evaluate_text(&unclosed, &options);
    assert_eq!(e.errors[0].row, Some(3));
    assert!(e.errors[0].message.contains("引号"), "{}", e.errors[0].message);
    // Quotes as the csv crate reads them: a quote inside a cell is text, "" inside quotes a quote.
    let quoted = format!("{BOOKS}\n\"甲\"\"校\",小学,100,1,1,1,1,1,1,1,1\n乙5\"校,小学,100,1,1,1,1,1,1,1,1\n");
    assert!(junheng::input::check_shape(&quoted, Lang::Zh).is_ok());
    assert!(evaluate_text(&quoted, &options).errors.is_empty());
    // At the bounds: 2 000 columns and a cell of 1 MiB are read.
    let at = format!("{}\n", vec!["x"; junheng::input::MAX_COLUMNS].join(","));
    assert!(junheng::input::check_shape(&at, Lang::Zh).is_ok());
    let long = format!("{BOOKS}\n{},小学\n", "名".repeat(junheng::input::MAX_CELL_BYTES / 3));
    assert!(junheng::input::check_shape(&long, Lang::Zh).is_ok());
}
