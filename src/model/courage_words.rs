//! The app's words for the courage loop, kept with the model so that they are tested natively:
//! kind and also true, never shaming.

use super::dates::plural;
use super::insights::ThisWeek;
use super::Outcome;

/// What the app says right after an answer is recorded: after a no or silence, a word that is
/// kind and true; after a yes, a short celebration worth remembering the next time fear speaks.
pub fn after_answer(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::Declined => Some(
            "Asking took courage, and you did it. One no is not the end of the thread: a smaller \
             ask later, or the same one at a better time, often gets a yes.",
        ),
        Outcome::NoResponse => Some(
            "Silence is rarely a verdict: messages get buried. A short, friendly follow-up often \
             gets the answer the first one did not.",
        ),
        o if o.is_yes() => Some(
            "A yes: you asked, and it worked. Remember this one the next time the fear speaks up.",
        ),
        _ => None,
    }
}

/// The answer set against the prediction, when there was one: "You gave it a 30 % chance; it
/// was a yes."
pub fn against_prediction(outcome: Outcome, predicted_yes: Option<u32>) -> Option<String> {
    let predicted = predicted_yes?;
    if outcome.is_awaiting() {
        return None;
    }
    let got = if outcome.is_yes() {
        "it was a yes"
    } else if outcome == Outcome::NoResponse {
        "no answer came"
    } else {
        "it was a no"
    };
    Some(format!(
        "You gave it a {predicted} % chance of a yes; {got}."
    ))
}

/// The courage loop of one reach-out in a line, for its timeline entry: "Afraid 8 of 10,
/// expected a no · felt 1 of 10 after · 2 a day later". `None` when nothing was noted.
pub fn timeline_line(reach_out: &super::ReachOut) -> Option<String> {
    let (before, after) = (&reach_out.before, &reach_out.after);
    let mut parts = Vec::new();
    let mut first = Vec::new();
    if let Some(fear) = before.fear {
        first.push(format!("afraid {fear} of 10"));
    }
    match (before.yes_chance, before.expect) {
        (Some(chance), _) => first.push(format!("gave it a {chance} % chance")),
        (None, Some(expect)) => first.push(format!("expected {}", expect.label().to_lowercase())),
        (None, None) => {}
    }
    if !first.is_empty() {
        parts.push(first.join(", "));
    }
    if let Some(feeling) = after.feeling {
        parts.push(format!("felt {feeling} of 10 after"));
    }
    if let Some(level) = after.after_a_day.and_then(|c| c.felt()) {
        parts.push(format!("stung {level} a day later"));
    }
    if let Some(level) = after.after_a_week.and_then(|c| c.felt()) {
        parts.push(format!("stung {level} a week later"));
    }
    let line = parts.join(" · ");
    let mut chars = line.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>())
}

/// What Today's week card leads with, in large type. A week not begun leads with something
/// already true (last week's asks, or everything so far and its yeses) rather than a bare 0;
/// a goal passed says so rather than "3 of 2".
pub fn week_lead(week: &ThisWeek) -> String {
    let goal = week.goal as usize;
    match week.count {
        n if n >= goal && n > 0 => format!("{n} this week: goal of {goal} met"),
        0 if week.last_week > 0 => format!(
            "Last week: {}",
            plural(week.last_week, "brave ask", "brave asks")
        ),
        0 if week.all_time > 0 => format!(
            "{} so far, {}",
            plural(week.all_time, "reach-out", "reach-outs"),
            plural(week.yeses, "yes", "yeses")
        ),
        0 if week.all_time == 0 => "Your first brave ask is ahead".to_string(),
        n => format!("{n} of {goal}"),
    }
}

/// The week's count in words: every ask counts, a no included.
pub fn this_week(count: usize, noes: usize) -> String {
    let asks = if count == 1 {
        "1 brave ask this week".to_string()
    } else {
        format!("{count} brave asks this week")
    };
    match (count, noes) {
        (0, _) => "No reach-outs yet this week. One message is enough to start.".into(),
        (_, 0) => format!("{asks}. Each one counts, whatever the answer."),
        (_, 1) => format!("{asks}, 1 no: that no is part of the work."),
        (_, n) => format!("{asks}, {n} noes: each no is part of the work."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_is_counted_as_progress() {
        assert_eq!(
            this_week(3, 1),
            "3 brave asks this week, 1 no: that no is part of the work."
        );
        assert_eq!(
            this_week(1, 0),
            "1 brave ask this week. Each one counts, whatever the answer."
        );
        assert!(this_week(0, 0).starts_with("No reach-outs yet"));
    }

    #[test]
    fn a_timeline_line_says_what_was_noted_and_nothing_else() {
        use crate::model::{After, Before, CheckIn, Expectation, ReachOut};
        let json = r#"{"id":1,"contact":1,"channel":"email","date":"2026-11-02",
                       "created":"2026-11-02T09:00:00Z"}"#;
        let mut r: ReachOut = serde_json::from_str(json).unwrap();
        assert_eq!(timeline_line(&r), None);
        r.before = Before {
            fear: Some(8),
            expect: Some(Expectation::No),
            ..Before::default()
        };
        r.after = After {
            feeling: Some(1),
            after_a_day: Some(CheckIn::Felt(0)),
            after_a_week: Some(CheckIn::Skipped),
            ..After::default()
        };
        assert_eq!(
            timeline_line(&r).as_deref(),
            Some("Afraid 8 of 10, expected a no · felt 1 of 10 after · stung 0 a day later")
        );
    }

    #[test]
    fn the_answer_is_set_against_the_prediction() {
        assert_eq!(
            against_prediction(Outcome::Accepted, Some(30)).as_deref(),
            Some("You gave it a 30 % chance of a yes; it was a yes.")
        );
        assert_eq!(against_prediction(Outcome::Declined, None), None);
        assert!(after_answer(Outcome::Declined).is_some());
        assert!(after_answer(Outcome::Accepted)
            .unwrap()
            .starts_with("A yes"));
        assert!(after_answer(Outcome::Awaiting).is_none());
    }
}
