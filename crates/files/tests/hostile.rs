//! Hostile files: workbooks whose cell references, size or XML would exhaust a reader, and
//! files that are not tables, are refused with a reason; no bytes make the reader panic.

use junheng::Lang;
use junheng_files as files;
use proptest::prelude::*;
use std::path::Path;

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile").join(name)).unwrap()
}

/// Numbers a hostile or careless file may hold: ordinary, extreme, tiny, negative, words.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => prop::sample::select(vec!["1e308", "1e-300", "0", "-1", "NaN", "—", ""]).prop_map(String::from),
        1 => any::<f64>().prop_map(|v| format!("{v:e}")),
    ]
}

#[track_caller]
fn unreadable(name: &str, says: &str) {
    let problem = files::read_file_grid(&hostile(name), None, Lang::Zh).map(|(grid, _)| grid.len()).unwrap_err();
    assert!(problem.message.contains(says), "{name}: {}", problem.message);
}

#[test]
fn hostile_workbooks_are_refused_with_a_reason() {
    unreadable("far-cell-zzzzzz.xlsx", "ZZZZZZ40");
    unreadable("far-row-2e9.xlsx", "超出 Excel 的范围");
    unreadable("wrapping-row.xlsx", "4294967297");
    unreadable("corner-cells.xlsx", "1048576 行 × 16384 列");
    unreadable("dtd-entities.xlsx", "DTD");
    unreadable("truncated.xlsx", "无法读取电子表格");
    unreadable("letter.docx", "Word 文档");
    unreadable("picture.png", "不是表格文件");
    // A million rows of 16 384 cells from a file of a few hundred bytes: refused by its
    // expanded size before calamine allocates it.
    unreadable("repeated-rows.ods", "1000000 行 × 16384 列");
    let (grid, _) = files::read_file_grid(&hostile("schools.ods"), None, Lang::Zh).unwrap();
    assert_eq!(grid.len(), 4);
    assert_eq!(&grid[1].1[0], "甲小学");
}

proptest! {
    /// Any bytes as a file: the file reader never panics.
    #[test]
    fn any_bytes_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = files::read_file_grid(&bytes, None, Lang::Zh);
    }

}

/// A workbook whose one sheet is `cells` (stored, not compressed, so every byte counts).
fn workbook(cells: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#)),
    ];
    for (name, text) in files {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn reference() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ("[A-Z]{1,2}", 1u64..200).prop_map(|(c, r)| format!("{c}{r}")),
        1 => ("[A-Za-z]{0,8}", any::<u64>()).prop_map(|(c, r)| format!("{c}{r}")),
        1 => "[A-Z0-9]{0,12}",
    ]
}

proptest! {
    // 300 cases in every run; PROPTEST_CASES=N for a longer fuzzing run.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)))]

    /// Workbooks with any cell references and values: read or refused, never a panic or an
    /// allocation beyond the cap.
    #[test]
    fn any_workbook_reads_without_panic(cells in prop::collection::vec((reference(), cell()), 0..12), flip in any::<(usize, u8)>()) {
        let xml = cells.iter().fold(String::new(), |mut xml, (r, v)| {
            xml += &format!(r#"<row><c r="{r}"><v>{v}</v></c></row>"#);
            xml
        });
        let bytes = workbook(&xml);
        let _ = files::read_file_grid(&bytes, None, Lang::Zh);
        let mut broken = bytes.clone();
        let at = flip.0 % broken.len();
        broken[at] ^= flip.1 | 1;
        let _ = files::read_file_grid(&broken, None, Lang::Zh);
    }
}

/// The fixture .ods with a document type (and an entity) in its content.xml, as an attacker
/// would write it: every other part as it was.
fn ods_with_dtd() -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(hostile("schools.ods"))).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "content.xml" {
            let text = String::from_utf8(bytes).unwrap();
            let at = text.find("?>").unwrap() + 2;
            bytes = format!("{}<!DOCTYPE office:document-content [<!ENTITY a \"甲\">]>{}", &text[..at], &text[at..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn an_ods_with_a_dtd_is_refused_as_an_xlsx_is() {
    let problem = files::read_file_grid(&ods_with_dtd(), None, Lang::Zh).map(|(grid, _)| grid.len()).unwrap_err();
    assert!(problem.message.contains("DTD"), "{}", problem.message);
}
