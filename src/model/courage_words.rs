//! The app's words for the courage loop, kept with the model so that they are tested natively:
//! kind and also true, never shaming.

use super::Outcome;

/// What the app says right after an answer is recorded: after a no or silence, a word that is
/// kind and true; after a yes, nothing needs saying.
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
    fn the_answer_is_set_against_the_prediction() {
        assert_eq!(
            against_prediction(Outcome::Accepted, Some(30)).as_deref(),
            Some("You gave it a 30 % chance of a yes; it was a yes.")
        );
        assert_eq!(against_prediction(Outcome::Declined, None), None);
        assert!(after_answer(Outcome::Declined).is_some());
        assert!(after_answer(Outcome::Accepted).is_none());
    }
}
