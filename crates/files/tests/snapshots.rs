//! The whole result of every realistic fixture, under both standards, as a reviewed snapshot
//! (model: numbat's `insta::glob!` over its examples). A change in any number, message or
//! field shows here and must be reviewed (`cargo insta review`) before it is accepted.

use junheng::evaluation::evaluate_grid;
use junheng::{Lang, Options, Standard};

#[test]
fn every_fixture_under_both_standards() {
    insta::glob!("../../../tests/fixtures", "*.{csv,tsv,txt,xlsx,xls}", |path| {
        let bytes = std::fs::read(path).unwrap();
        let (grid, _) = junheng_files::read_file_grid(&bytes, None, Lang::Zh).unwrap();
        for standard in [Standard::Basic2012, Standard::Quality2017] {
            let result = evaluate_grid(&grid, &Options { standard, ..Options::default() });
            insta::assert_json_snapshot!(standard.id(), result);
        }
    });
}
