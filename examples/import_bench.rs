//! Native figures for importing LinkedIn's Connections.csv: reading, planning and applying
//! 5,000 rows. `cargo run --release --example import_bench`; `make bench` runs it too.

use std::time::Instant;

use reachout::format::import::{self, Read};
use reachout::model::Book;

fn main() {
    let rows = 5_000;
    let mut csv = String::from(
        "\u{feff}Notes:\r\n\"A sentence.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    );
    for i in 0..rows {
        let email = if i % 7 == 0 {
            format!("p{i}@example.com")
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "Person,Number {i},https://www.linkedin.com/in/person-{i},{email},\"Company {}, Inc.\",Role {},{:02} Mar 2024\r\n",
            i % 300,
            i % 40,
            1 + i % 28
        ));
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let now = today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    let start = Instant::now();
    let Ok(Read::Known(_, incoming)) = import::read("Connections.csv", csv.as_bytes()) else {
        panic!("not read as connections");
    };
    let read = start.elapsed();
    let start = Instant::now();
    let plan = Book::default().plan_import(incoming, today);
    let planned = start.elapsed();
    let start = Instant::now();
    let (book, summary) = Book::default()
        .apply_import(&plan, &plan.proposed(), now)
        .unwrap_or_else(|e| panic!("{e}"));
    let applied = start.elapsed();
    let start = Instant::now();
    let again = book.plan_import(
        match import::read("Connections.csv", csv.as_bytes()) {
            Ok(Read::Known(_, incoming)) => incoming,
            _ => panic!("not read"),
        },
        today,
    );
    let replanned = start.elapsed();
    println!(
        "import of {rows} LinkedIn connections (native, release): read {read:.1?}, plan {planned:.1?}, \
         apply {applied:.1?} ({} added); the same file again: read and plan {replanned:.1?} ({} already there)",
        summary.added,
        again.duplicates()
    );
}
