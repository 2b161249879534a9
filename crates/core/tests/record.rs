//! A record's cells in one buffer behave as the list of strings they replaced: the same
//! cells, lengths, JSON, and a plan's cell written back the same way.

use junheng::input::{read_grid, Record};
use proptest::prelude::*;

/// Cells as files have them: empty ones, CJK, commas, quotes, tabs.
fn cells() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec("[a-z甲乙丙，,\"\t 0-9]{0,6}", 0..12)
}

proptest! {
    #[test]
    fn a_record_holds_the_cells_it_was_made_of(list in cells()) {
        let record = Record::from(list.clone());
        prop_assert_eq!(record.len(), list.len());
        prop_assert_eq!(record.is_empty(), list.is_empty());
        prop_assert_eq!(record.iter().collect::<Vec<_>>(), list.iter().map(String::as_str).collect::<Vec<_>>());
        prop_assert_eq!(record.iter().rev().collect::<Vec<_>>(), list.iter().rev().map(String::as_str).collect::<Vec<_>>());
        for (i, cell) in list.iter().enumerate() {
            prop_assert_eq!(record.get(i), Some(cell.as_str()));
            prop_assert_eq!(&record[i], cell.as_str());
        }
        prop_assert_eq!(record.get(list.len()), None);
        prop_assert_eq!(record.text(), list.concat());
        prop_assert_eq!(serde_json::to_string(&record).unwrap(), serde_json::to_string(&list).unwrap());
        prop_assert_eq!(format!("{record:?}"), format!("{list:?}"));
        prop_assert!(record == list);
    }

    /// As `Vec::resize` then an assignment did.
    #[test]
    fn a_cell_written_back_extends_the_record_as_a_list_would(list in cells(), index in 0usize..16, cell in "[0-9.]{0,5}") {
        let mut expected = list.clone();
        if expected.len() <= index {
            expected.resize(index + 1, String::new());
        }
        expected[index].clone_from(&cell);
        prop_assert_eq!(Record::from(list).with_cell(index, &cell), Record::from(expected));
    }
}

#[test]
fn records_of_unequal_cells_differ_even_when_their_text_is_the_same() {
    assert_ne!(Record::from(vec!["ab", "c"]), Record::from(vec!["a", "bc"]));
    let record = Record::from(vec!["a", "b"]);
    assert!(record != ["a", "b", ""]);
    assert!(record == ["a", "b"]);
}

#[test]
fn a_read_grid_trims_each_cell_and_keeps_empty_ones() {
    let grid = read_grid("甲 , ,\"x, y\"\n\n 1,2,3\n");
    assert_eq!(grid.len(), 2);
    assert_eq!(grid[0], (1, Record::from(vec!["甲", "", "x, y"])));
    assert_eq!(grid[1], (3, Record::from(vec!["1", "2", "3"])));
}
