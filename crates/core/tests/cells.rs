//! How cells read as spreadsheets write them: one line a case. The reader takes fast paths
//! for plain ASCII cells (issue 9); these pin that every other spelling still reads alike.

use junheng::input::{parse_number, read_table};
use junheng::model::{Level, SchoolType};
use junheng::Lang;

#[track_caller]
fn number(text: &str, expected: Option<f64>) {
    assert_eq!(parse_number(text), expected, "{text:?}");
}

#[test]
fn numbers_as_spreadsheets_write_them() {
    number("2150", Some(2150.0));
    number(" 9684.2 ", Some(9684.2));
    number("１２３４", Some(1234.0));
    number("　１２．５　", Some(12.5));
    number("12,345.6", Some(12345.6));
    number("１２，３４５", Some(12345.0));
    number("1,234,567", Some(1_234_567.0));
    number("12,34", None);
    number("-5", Some(-5.0));
    number("1e3", Some(1000.0));
    number("inf", None);
    number("NaN", None);
    number("", None);
    number("abc", None);
}

const HEAD: &str = "学校名称,学段,学校类型,办学性质,在校生数";

/// The one school read from a row under `HEAD` (with a totals row after it), or why not.
#[track_caller]
fn school(cells: &str) -> (Level, SchoolType, usize) {
    let text = format!("{HEAD}\n{cells}\n合计,,,,100\n");
    let table = read_table(&text, Lang::Zh).unwrap_or_else(|e| panic!("{cells}: {e:?}"));
    assert_eq!(table.rows.len(), 1, "{cells}");
    let private = usize::from(table.rows[0].ownership == junheng::model::Ownership::Private);
    (table.rows[0].level, table.rows[0].school_type, private)
}

#[test]
fn words_ignore_case_width_and_spaces() {
    assert_eq!(school("甲,小学,小学,公办,100"), (Level::Primary, SchoolType::Primary, 0));
    assert_eq!(school("甲, Primary ,,PUBLIC,100"), (Level::Primary, SchoolType::Primary, 0));
    assert_eq!(school("甲,ｊｕｎｉｏｒ,初级中学,民办,100"), (Level::Junior, SchoolType::Junior, 1));
    assert_eq!(school("甲,初中,Nine_Year,Private,100"), (Level::Junior, SchoolType::NineYear, 1));
    assert_eq!(school("甲,　小学　,教学点,,100"), (Level::Primary, SchoolType::TeachingPoint, 0));
}

#[track_caller]
fn totals(name: &str, skipped: bool) {
    let text = format!("{HEAD}\n甲,小学,小学,公办,100\n{name},小学,小学,公办,100\n");
    let table = read_table(&text, Lang::Zh);
    let rows = table.map_or(0, |t| t.rows.len());
    assert_eq!(rows, if skipped { 1 } else { 2 }, "{name:?}");
}

#[test]
fn totals_rows_in_every_spelling() {
    totals("合计", true);
    totals("合 计", true);
    totals("全县合计", true);
    totals("小计", true);
    totals("总计（公办）", true);
    totals("Total", true);
    totals("ＴＯＴＡＬ", true);
    totals("grand total", true);
    totals("小河小学", false);
    totals("合肥路小学", false);
    totals("Totally New School", false);
}

#[test]
fn a_tab_inside_a_quoted_csv_cell_is_text_and_a_tab_outside_quotes_makes_tsv() {
    let csv = "学校名称,学段,在校生数\n\"甲\t校\",小学,10\n乙校,小学,20\n";
    let grid = junheng::input::read_grid(csv);
    assert_eq!(grid[0].1, ["学校名称", "学段", "在校生数"]);
    assert_eq!(grid[1].1, ["甲\t校", "小学", "10"]);
    let tsv = "说明\n学校名称\t学段\t在校生数\n甲校\t小学\t10\n";
    assert_eq!(junheng::input::read_grid(tsv)[1].1, ["学校名称", "学段", "在校生数"]);
    // A quoted cell spanning lines does not hide the tabs after it.
    let spanning = "\"备注\n第二行\"\n学校名称\t学段\n";
    assert_eq!(junheng::input::read_grid(spanning).last().unwrap().1, ["学校名称", "学段"]);
}
