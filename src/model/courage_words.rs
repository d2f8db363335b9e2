//! The app's words for the courage loop, kept with the model so that they are tested natively:
//! kind and also true, never shaming.

use super::insights::{Settled, ThisWeek};
use super::words::plural;
use super::{Before, Outcome};

/// What the app says right after an answer is recorded: after a no or silence, a word that is
/// kind and true; after a yes, a short celebration worth remembering the next time fear speaks.
pub fn after_answer(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::Declined => Some(
            "Reaching out is the win, whatever the answer: asking took courage, and you did it. \
             One no is not the end of the thread: a smaller ask later, or the same one at a \
             better time, often gets a yes.",
        ),
        Outcome::Connected => Some(
            "They accepted: your next message will reach them. That is not an answer to an ask \
             yet, so it is not counted as a yes.",
        ),
        Outcome::Replied { .. } => Some(
            "They answered. When you know what it means, change it to a yes or a no; until then \
             it counts as neither.",
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

/// The answer set against the prediction, in the person's own terms: "You gave it a 30 %
/// chance of a yes; they said yes." for a chance, "You expected no answer; they said yes." for
/// words. `None` without a prediction or a settled answer.
pub fn against_prediction(outcome: Outcome, before: &Before) -> Option<String> {
    let got = match outcome {
        Outcome::NoResponse => Settled::NoAnswer,
        Outcome::Declined => Settled::No,
        o if o.is_yes() => Settled::Yes,
        _ => return None,
    };
    match (before.yes_chance, before.expect) {
        (Some(chance), _) => Some(format!(
            "You gave it a {chance} % chance of a yes; {}.",
            got.words()
        )),
        (None, Some(expect)) if Settled::of_expectation(expect) == got => Some(format!(
            "You expected {}, and that is what came.",
            expect.label().to_lowercase()
        )),
        (None, Some(expect)) => Some(format!(
            "You expected {}; {}.",
            expect.label().to_lowercase(),
            got.words()
        )),
        (None, None) => None,
    }
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

/// What Today's week card leads with, in large type: this week only, never last week's or
/// all-time numbers under "This week". A goal passed says so rather than "3 of 2".
pub fn week_lead(week: &ThisWeek) -> String {
    match (week.count, week.goal) {
        (0, _) if !week.reached_out_before => "Your first brave ask is ahead".to_string(),
        (0, _) => "This week's first ask is ahead".to_string(),
        (n, Some(goal)) if n >= goal as usize => format!("{n} this week: goal of {goal} met"),
        (n, Some(goal)) => format!("{n} of {goal}"),
        (n, None) => format!("{n} this week"),
    }
}

/// The week's count in words: every ask counts, a no included.
pub fn this_week(count: usize, noes: usize) -> String {
    let asks = plural(count, "brave ask this week", "brave asks this week");
    match (count, noes) {
        (0, _) => "No reach-outs yet this week. One message is enough to start.".into(),
        (_, 0) => format!("{asks}. Each one counts."),
        (_, 1) => format!("{asks}, 1 no: that no is part of the work."),
        (_, n) => format!("{asks}, {n} noes: each no is part of the work."),
    }
}

/// How the strength score works, in one plain sentence; the formula is in
/// [`STRENGTH_FORMULA`], behind "How it's worked out".
pub const STRENGTH_SENTENCE: &str =
    "Your strength grows with every week you meet your goal, and a missed week only dents it.";

/// The strength score's arithmetic, for those who open "How it's worked out".
pub const STRENGTH_FORMULA: &str = "It runs from 0 to 100 and starts at 0. A week that meets \
    the goal closes a fifth of the gap to 100; a week that misses it with at least one \
    reach-out loses a twentieth of the score, an empty week a tenth. The week in progress \
    counts once it meets the goal, so a Monday never lowers it.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_is_counted_as_progress() {
        assert_eq!(
            this_week(3, 1),
            "3 brave asks this week, 1 no: that no is part of the work."
        );
        assert_eq!(this_week(1, 0), "1 brave ask this week. Each one counts.");
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
        use crate::model::Expectation;
        let chance = Before {
            yes_chance: Some(30),
            ..Before::default()
        };
        assert_eq!(
            against_prediction(Outcome::Accepted, &chance).as_deref(),
            Some("You gave it a 30 % chance of a yes; they said yes.")
        );
        let words = Before {
            expect: Some(Expectation::Ignored),
            ..Before::default()
        };
        assert_eq!(
            against_prediction(Outcome::Accepted, &words).as_deref(),
            Some("You expected no answer; they said yes.")
        );
        assert_eq!(
            against_prediction(Outcome::NoResponse, &words).as_deref(),
            Some("You expected no answer, and that is what came.")
        );
        assert_eq!(
            against_prediction(Outcome::Replied { sorted: true }, &words),
            None
        );
        assert_eq!(
            against_prediction(Outcome::Declined, &Before::default()),
            None
        );
        assert!(after_answer(Outcome::Declined).is_some());
        assert!(after_answer(Outcome::Accepted)
            .unwrap()
            .starts_with("A yes"));
        assert!(after_answer(Outcome::Awaiting).is_none());
    }
}
