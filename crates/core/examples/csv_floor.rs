//! The floor for the CLI's whole-process benchmark (docs/PERFORMANCE.md): the csv crate
//! reading a table file and parsing every numeric cell to f64, the least any reader of the
//! same columns must do. `cargo run --release -p junheng --example csv_floor FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: csv_floor FILE");
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(path).expect("readable file");
    let (mut cells, mut sum) = (0_usize, 0.0);
    for record in reader.records() {
        for value in record.expect("a record").iter().filter_map(|cell| cell.parse::<f64>().ok()) {
            cells += 1;
            sum += value;
        }
    }
    println!("{cells} numbers, sum {sum}");
}
