//! The storage benchmark's first half (run both with `make bench`): builds the sample books of
//! 1,000 and 10,000 contacts with 5 reach-outs each, prints their stored size in UTF-16 code
//! units in every form and the native encode, open and check times, and writes the stored text to
//! `target/bench/` for `scripts/bench.mjs`, which times loading and saving it in Chromium.

use std::time::Instant;

use reachout::format::{document, sample};

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// What Today and Insights compute on every drawing, at 10,000 contacts and 50,000 reach-outs:
/// the median of 9 runs of each, natively (the browser's figures come from `scripts/bench.mjs`).
fn courage(now: chrono::DateTime<chrono::Utc>) {
    use reachout::model::insights::Period;
    let book = sample::book(10_000, 5, now);
    let today = book
        .reach_outs
        .iter()
        .map(|r| r.date)
        .max()
        .unwrap_or(now.date_naive());
    let time = |f: &dyn Fn()| {
        let mut runs: Vec<f64> = (0..9)
            .map(|_| {
                let start = Instant::now();
                f();
                millis(start)
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        runs[4]
    };
    let all_time = Period {
        from: reachout::model::Limits::first_day(),
        to: today,
    };
    println!();
    println!("the courage loop at 10,000 contacts and 50,000 reach-outs (median of 9, native):");
    let run = |f: &dyn Fn() -> usize| {
        time(&|| {
            std::hint::black_box(f());
        })
    };
    let rows: [(&str, f64); 14] = [
        (
            "Contacts: index of every row",
            run(&|| book.contact_index(today).find(&Default::default()).len()),
        ),
        ("  of which stages", run(&|| book.stages().len())),
        (
            "  of which agenda",
            run(&|| book.agenda(today).follow_ups.len()),
        ),
        (
            "Insights, all time",
            run(&|| book.insights(all_time, today).reach_outs),
        ),
        (
            "Insights, last 12 weeks",
            run(&|| {
                book.insights(Period::last_weeks(12, today), today)
                    .reach_outs
            }),
        ),
        (
            "Today: this week and strength",
            run(&|| book.this_week(today).count),
        ),
        (
            "Today: courage ladder",
            run(&|| usize::from(book.ladder(today).easiest.is_some())),
        ),
        (
            "Today: sting check-ins due",
            run(&|| book.check_ins_due(today).len()),
        ),
        ("Weeks: last 52", run(&|| book.last_weeks(52, today).len())),
        (
            "Strength score",
            run(&|| book.strength(today).unwrap_or(0) as usize),
        ),
        (
            "Every reach-out's answer",
            run(&|| book.answers(today).len()),
        ),
        (
            "Reminders: the icon's count",
            run(&|| book.due_today_count(today)),
        ),
        (
            "Reminders: the digest, as JSON",
            run(&|| {
                reachout::format::digest::digest_json(&book.reminder_digest(today, false)).len()
            }),
        ),
        (
            "Drill-down: every yes, all time",
            run(&|| {
                book.records_of(
                    reachout::model::insights::Figure::Step(2),
                    Period::all_time(today),
                    today,
                )
                .len()
            }),
        ),
    ];
    for (what, ms) in rows {
        println!("  {what:<32} {ms:>7.1} ms");
    }
}

fn main() -> std::io::Result<()> {
    let now = chrono::Utc::now();
    std::fs::create_dir_all("target/bench")?;
    println!(
        "{:>9} {:>11} {:>12} {:>12} {:>12} {:>10} {:>10} {:>10}",
        "contacts",
        "reach-outs",
        "plain JSON",
        "columns",
        "stored",
        "encode",
        "open",
        "of it check"
    );
    for contacts in [100, 1_000, 10_000, 30_000] {
        let book = sample::book(contacts, 5, now);
        // The JSON a naive save would write: every record with its field names.
        let plain = serde_json::to_string(&book).unwrap_or_default();
        let columns = document::encode(&book, 1, now);
        let start = Instant::now();
        let stored = document::encode_packed(&book, 1, now);
        let encode = millis(start);
        // Opening as the app does: read, then check every value against the limits.
        let start = Instant::now();
        let opened = document::open(&stored).map(|o| (o.document.data == book, o.adjusted.len()));
        let open = millis(start);
        assert_eq!(
            opened,
            Ok((true, 0)),
            "the stored text reads back as the same book, every value in range"
        );
        let mut checked = book.clone();
        let start = Instant::now();
        let adjusted = checked.bring_into_range();
        let check = millis(start);
        assert!(adjusted.is_empty());
        let units = |text: &str| text.encode_utf16().count();
        println!(
            "{:>9} {:>11} {:>12} {:>12} {:>12} {:>8.0}ms {:>8.0}ms {:>8.1}ms",
            contacts,
            book.reach_outs.len(),
            units(&plain),
            units(&columns),
            units(&stored),
            encode,
            open,
            check
        );
        std::fs::write(format!("target/bench/stored-{contacts}.txt"), &stored)?;
        // The same data as plain JSON, for the browser half to time `JSON.parse` against.
        std::fs::write(format!("target/bench/plain-{contacts}.json"), &plain)?;
    }
    println!(
        "(sizes in UTF-16 code units; Safari allows at least 2,500,000, Chromium about 5,200,000)"
    );
    courage(now);
    Ok(())
}
