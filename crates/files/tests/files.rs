//! The corpus of realistic files (tests/fixtures, made by make.py): each reads back to
//! exactly the values of expected.csv, and says what it skipped and why.

use junheng::input::{read_grid_reviewed, read_grid_table, Column, ColumnIndex, Mapping, Problem, Table};
use junheng::model::{Resource, SchoolRow};
use junheng::{Lang, Level, Standard};
use junheng_files::{decode, read_file_grid};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/{name}", concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read(name: &str) -> (Table, String) {
    let (grid, source) = read_file_grid(&fixture(name), None, Lang::Zh).unwrap();
    let table = read_grid_table(&grid, &Mapping::new(), Lang::Zh).unwrap_or_else(|e| panic!("{name}: {e:#?}"));
    (table, source)
}

/// The five schools as make.py writes them, read by hand from the plain CSV.
fn expected() -> Vec<(String, Level, Vec<f64>)> {
    let text = String::from_utf8(fixture("expected.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let level = if cells[1] == "小学" { Level::Primary } else { Level::Junior };
            (cells[0].to_string(), level, cells[3..].iter().map(|c| c.parse().unwrap()).collect())
        })
        .collect()
}

/// students, then the resources in the column order of expected.csv (which is
/// `Resource::ALL`'s order).
fn values(row: &SchoolRow) -> Vec<f64> {
    std::iter::once(row.students).chain(Resource::ALL.iter().map(|r| row.resource(*r).unwrap_or(f64::NAN))).collect()
}

fn assert_same_as_expected(name: &str, table: &Table) {
    let expected = expected();
    assert_eq!(table.rows.len(), expected.len(), "{name}");
    for (row, (school, level, want)) in table.rows.iter().zip(&expected) {
        assert_eq!(&row.name, school, "{name}");
        assert_eq!(row.level, *level, "{name}");
        for (got, want) in values(row).iter().zip(want) {
            assert!((got - want).abs() <= 1e-9 * want.abs().max(1.0), "{name} {school}: {got} vs {want}");
        }
    }
}

fn mentions(problems: &[Problem], text: &str) -> bool {
    problems.iter().any(|p| p.message.contains(text))
}

#[test]
fn every_encoding_reads_the_same_values() {
    for (name, encoding) in [
        ("expected.csv", "UTF-8"),
        ("01-utf8-bom.csv", "UTF-8"),
        ("02-gbk.csv", "gb18030"),
        ("04-utf16le-unicode-text.txt", "UTF-16LE"),
        ("05-pasted-from-excel.tsv", "UTF-8"),
    ] {
        let (table, source) = read(name);
        assert_eq!(source, encoding, "{name}");
        assert_same_as_expected(name, &table);
        assert!(table.warnings.is_empty() && table.review.skipped.is_empty(), "{name}: {:?}", table.warnings);
    }
}

#[test]
fn gb18030_keeps_a_character_gbk_lacks() {
    let (text, encoding) = decode(&fixture("03-gb18030-rare-name.csv"));
    assert_eq!(encoding, "gb18030");
    assert!(text.contains("石门\u{4dae}小学"));
    let (table, _) = read("03-gb18030-rare-name.csv");
    assert_eq!(table.rows[2].name, "西山乡石门\u{4dae}小学");
}

#[test]
fn title_rows_above_the_header_are_skipped_with_a_notice() {
    let (table, _) = read("06-title-rows.csv");
    assert_same_as_expected("06", &table);
    let skipped: Vec<Option<usize>> = table.review.skipped.iter().map(|p| p.row).collect();
    assert_eq!(skipped, [Some(1), Some(2)]);
    assert!(mentions(&table.review.skipped, "标题行"));
    assert_eq!(table.review.header_rows, [3]);
    assert_eq!(table.rows[0].row, 4, "rows keep the file's numbering");
}

#[test]
fn a_two_row_merged_header_is_read_as_one() {
    for name in ["07-merged-two-row-header.csv", "21-merged-header-numbers-as-text.xlsx"] {
        let (table, _) = read(name);
        assert_same_as_expected(name, &table);
        assert_eq!(table.review.header_rows, [1, 2], "{name}");
        let mapped: Vec<(&str, Option<&str>)> = table.review.columns[4..9].iter().map(|c| (c.header.as_str(), c.column)).collect();
        assert_eq!(
            mapped,
            [
                ("专任教师合计", Some("teachers")),
                ("专任教师/高于规定学历", Some("qualified_teachers")),
                ("专任教师/中级及以上", Some("senior_title_teachers")),
                ("专任教师/县级及以上骨干", Some("backbone_teachers")),
                ("专任教师/体育艺术", Some("pe_art_teachers")),
            ],
            "{name}"
        );
        assert_eq!(table.rows[0].row, 3);
    }
}

#[test]
fn totals_rows_are_skipped_and_used_to_check_the_sums() {
    let (table, _) = read("08-totals-row.csv");
    assert_same_as_expected("08", &table);
    assert_eq!(table.review.skipped.len(), 1);
    assert_eq!(table.review.skipped[0].row, Some(7));
    let students = &table.review.sums[0];
    assert_eq!((students.read, students.file_total), (4466.0, Some(4466.0)));
    assert_eq!(table.review.sums[1].file_total, Some(289.0));
    assert!(table.warnings.is_empty());
    let (table, _) = read("09-totals-row-mismatch.csv");
    assert_eq!(table.review.sums[0].file_total, Some(4566.0));
    assert!(mentions(&table.warnings, "读入合计 4466 与文件合计行 4566 不符"), "{:?}", table.warnings);
}

#[test]
fn blank_rows_are_passed_over_and_rows_keep_their_lines() {
    let (table, _) = read("10-blank-rows.csv");
    assert_same_as_expected("10", &table);
    let lines: Vec<usize> = table.rows.iter().map(|r| r.row).collect();
    assert_eq!(lines, [3, 4, 6, 9, 10]);
}

#[test]
fn full_width_digits_separators_and_quotes_read_as_numbers() {
    for name in ["11-fullwidth-digits.csv", "12-thousands-separators.csv", "15-trailing-spaces.csv", "19-semicolon-free-quoted.csv"] {
        let (table, _) = read(name);
        assert_same_as_expected(name, &table);
    }
}

#[test]
fn units_in_headers_are_converted() {
    let (table, _) = read("13-units-mu-wanyuan.csv");
    assert_same_as_expected("13", &table);
    assert_eq!(table.rows[0].resource(Resource::EquipmentValue), Some(4_650_000.0));
}

#[test]
fn dashes_for_none_read_as_zero_with_a_notice() {
    let (grid, _) = read_file_grid(&fixture("14-dashes-for-none.csv"), None, Lang::Zh).unwrap();
    let table = read_grid_table(&grid, &Mapping::new(), Lang::Zh).unwrap();
    assert_eq!(table.rows[2].resource(Resource::PeArtTeachers), Some(0.0));
    assert_eq!(table.rows[2].resource(Resource::MultimediaRooms), Some(0.0));
    assert!(mentions(&table.warnings, "2 个单元格为「—」「/」等"));
}

#[test]
fn statistics_report_field_names_are_aliases() {
    let (table, source) = read("16-statistics-report-names.csv");
    assert_eq!(source, "gb18030");
    assert_same_as_expected("16", &table);
}

#[test]
fn more_qualified_than_all_teachers_is_an_error_at_the_cell() {
    let (grid, _) = read_file_grid(&fixture("17-more-qualified-than-teachers.csv"), None, Lang::Zh).unwrap();
    let errors = read_grid_table(&grid, &Mapping::new(), Lang::Zh).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].row, errors[0].column.as_deref()), (Some(3), Some("高于规定学历教师数")));
}

#[test]
fn a_probable_unit_mistake_is_flagged_not_rejected() {
    let (table, _) = read("18-unit-mistake.csv");
    assert_eq!(table.rows[0].resource(Resource::EquipmentValue), Some(4_650_000.0 * 10_000.0));
    let flagged: Vec<Option<usize>> = table.warnings.iter().filter(|w| w.message.contains("可能是单位错误")).map(|w| w.row).collect();
    assert_eq!(flagged, [Some(2), Some(3), Some(4), Some(5), Some(6)]);
}

#[test]
fn the_workbook_sheet_that_looks_like_the_table_is_chosen() {
    let (table, sheet) = read("20-workbook-several-sheets.xlsx");
    assert_eq!(sheet, "学校数据");
    assert_same_as_expected("20", &table);
    assert_eq!(table.review.header_rows, [2]);
    assert_eq!(table.review.skipped.len(), 2, "the title and the totals row");
    assert_eq!(table.review.sums[0].file_total, Some(4466.0));
    let named = read_file_grid(&fixture("20-workbook-several-sheets.xlsx"), Some("汇总"), Lang::Zh).unwrap();
    assert_eq!(named.1, "汇总");
    let missing = read_file_grid(&fixture("20-workbook-several-sheets.xlsx"), Some("无此表"), Lang::Zh).unwrap_err();
    assert!(missing.message.contains("没有名为「无此表」的工作表"));
}

#[test]
fn an_old_binary_xls_reads_as_the_xlsx_does() {
    let (table, sheet) = read("22-legacy-workbook.xls");
    assert_eq!(sheet, "学校数据", "the sheet with the table, not the first");
    assert_same_as_expected("22", &table);
    assert_eq!(table.review.header_rows, [2]);
    assert_eq!(table.review.sums[0].file_total, Some(4466.0));
}

#[test]
fn a_column_can_be_mapped_by_hand() {
    // "人数" is no template name: unmapped, the students column is missing.
    let text = "学校名称,学段,人数,图书册数\n甲,小学,100,300\n乙,小学,50,200\n";
    let grid = junheng::input::read_grid(text);
    let (errors, review) = read_grid_reviewed(&grid, &Mapping::new(), Lang::Zh).unwrap_err();
    assert!(mentions(&errors, "缺少必填列「在校生数」"));
    assert_eq!(review.columns[2].column, None);
    let mapping = Mapping::from([(ColumnIndex(2), "students".to_string()), (ColumnIndex(3), String::new())]);
    let table = read_grid_table(&grid, &mapping, Lang::Zh).unwrap();
    assert_eq!(table.rows[1].students, 50.0);
    assert_eq!(table.rows[1].resource(Resource::Books), None, "column 3 ignored by hand");
    assert!(table.review.columns[2].by_user);
}

#[test]
fn the_page_templates_match_the_template_and_the_demo() {
    let (grid, sheet) =
        read_file_grid(&std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/templates/template.xlsx")).unwrap(), None, Lang::Zh)
            .unwrap();
    assert_eq!(sheet, "学校数据");
    // Every template column, in order, each header with its unit read as the core's own (no
    // conversion), and nothing else.
    let review = read_grid_reviewed(&grid, &Mapping::new(), Lang::Zh).map_or_else(|(_, review)| review, |table| table.review);
    let english = junheng::input::template_header(Lang::En);
    let keys: Vec<&str> = english.split(',').map(str::trim).collect();
    let read: Vec<&str> = review.columns.iter().map(|c| c.column.expect("every column read")).collect();
    assert_eq!(read, keys);
    assert!(review.columns.iter().all(|c| c.factor == 1.0), "{:?}", review.columns);
    assert!(grid[0].1.iter().any(|h| h == "教学仪器设备值（元）"), "units in the headers: {:?}", grid[0].1);
    // Its 填写说明 sheet: a line per column, in the same order, and which standard uses each
    // resource column as the core has it.
    let notes = read_file_grid(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/templates/template.xlsx")).unwrap(),
        Some("填写说明"),
        Lang::Zh,
    )
    .unwrap()
    .0;
    assert_eq!(notes[0].1.iter().take(6).collect::<Vec<_>>(), ["列名", "含义", "单位", "数据来源", "基本均衡（2012）", "优质均衡（2017）"]);
    for (i, key) in read.iter().enumerate() {
        let line = &notes[i + 1].1;
        assert!(grid[0].1[i].starts_with(&line[0]), "{} / {}", &grid[0].1[i], &line[0]);
        let Some(Column::Resource(resource)) = Column::from_key(key) else { continue };
        for (standard, cell) in [(Standard::Basic2012, &line[4]), (Standard::Quality2017, &line[5])] {
            assert_eq!(cell == "用到", standard.resources().contains(&resource), "{key} under {standard:?}: {cell}");
        }
    }
    let (grid, _) =
        read_file_grid(&std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/templates/example.xlsx")).unwrap(), None, Lang::Zh)
            .unwrap();
    let example = read_grid_table(&grid, &Mapping::new(), Lang::Zh).unwrap();
    let demo = junheng::input::read_table(include_str!("../../../www/demo/demo-county.csv"), Lang::Zh).unwrap();
    assert_eq!(example.rows, demo.rows);
}
