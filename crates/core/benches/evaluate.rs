//! How long an evaluation takes against two floors measured in the same run: the csv crate
//! reading every numeric column of the same text into f64 (the least any reader must do),
//! and the core's own text → cells. Compare the ratios, not the seconds, on a noisy machine.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use junheng::{evaluate_text, input, Options, Standard};
use std::hint::black_box;

/// The demo county repeated to `schools` rows, with names made unique.
fn county(schools: usize) -> String {
    let demo = include_str!("../../../www/demo/demo-county.csv");
    let mut lines = demo.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut text = format!("{header}\n");
    for i in 0..schools {
        let row = rows[i % rows.len()];
        text += &format!("{}{}\n", i / rows.len(), row);
    }
    text
}

/// The floor: the csv crate reads the same text and parses every numeric cell to f64.
fn csv_floor(text: &str) -> f64 {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let mut sum = 0.0;
    for record in reader.records() {
        sum += record.unwrap().iter().filter_map(|cell| cell.parse::<f64>().ok()).sum::<f64>();
    }
    sum
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("county");
    // A nation's 200 000 rows take a second or more a run: ten samples keep the whole bench
    // to minutes on these machines (the figures are medians against the floor in each run).
    group.sample_size(10);
    for schools in [1000, 20_000, 200_000] {
        let text = county(schools);
        group.bench_with_input(BenchmarkId::new("floor_csv_numbers", schools), &text, |b, text| {
            b.iter(|| csv_floor(black_box(text)));
        });
        group.bench_with_input(BenchmarkId::new("baseline_read_grid", schools), &text, |b, text| {
            b.iter(|| input::read_grid(black_box(text)));
        });
        for standard in [Standard::Basic2012, Standard::Quality2017] {
            let options = Options { standard, ..Options::default() };
            group.bench_with_input(BenchmarkId::new(standard.id(), schools), &text, |b, text| {
                b.iter(|| evaluate_text(black_box(text), &options));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
