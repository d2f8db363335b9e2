//! What came of a reach-out. Reaching out is the win; the outcome is the evidence.

use serde::{Deserialize, Serialize};

/// The kind of opportunity a reach-out led to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Opportunity {
    Job,
    Client,
    Referral,
    Collaboration,
    Other,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// No answer yet; the default for a new reach-out.
    #[default]
    Awaiting,
    NoResponse,
    Declined,
    /// "Yes, let's talk."
    Accepted,
    /// They accepted a request to connect (on LinkedIn, say): they will see the next message,
    /// but nothing was asked yet, so it is neither a yes nor a no.
    Connected,
    /// They answered, but not with a yes or a no ("swamped this month, maybe in spring?").
    /// `sorted` is false for a reply an import brought in, until the person says what it was
    /// (Today's "sort the replies" card); a reply the person records themselves is sorted.
    Replied {
        sorted: bool,
    },
    /// They met; `clicked` says whether it went well.
    Met {
        clicked: bool,
    },
    Opportunity(Opportunity),
}

impl Outcome {
    /// Every outcome a person can pick, in the order a form lists them.
    pub const CHOICES: [Outcome; 13] = [
        Outcome::Awaiting,
        Outcome::NoResponse,
        Outcome::Declined,
        Outcome::Accepted,
        Outcome::Replied { sorted: true },
        Outcome::Connected,
        Outcome::Met { clicked: true },
        Outcome::Met { clicked: false },
        Outcome::Opportunity(Opportunity::Job),
        Outcome::Opportunity(Opportunity::Client),
        Outcome::Opportunity(Opportunity::Referral),
        Outcome::Opportunity(Opportunity::Collaboration),
        Outcome::Opportunity(Opportunity::Other),
    ];

    pub fn is_awaiting(&self) -> bool {
        *self == Outcome::Awaiting
    }

    /// True while trying again makes sense: no answer yet, or none came.
    pub fn is_unanswered(self) -> bool {
        matches!(self, Outcome::Awaiting | Outcome::NoResponse)
    }

    /// A "yes" of any strength: accepted, met, or more.
    pub fn is_yes(self) -> bool {
        matches!(
            self,
            Outcome::Accepted | Outcome::Met { .. } | Outcome::Opportunity(_)
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            Outcome::Awaiting => "Awaiting a reply",
            Outcome::NoResponse => "No response",
            Outcome::Declined => "Declined",
            Outcome::Accepted => "Yes, let's talk",
            Outcome::Connected => "Accepted the request to connect",
            Outcome::Replied { .. } => "Replied, not a yes or no yet",
            Outcome::Met { clicked: true } => "Met, and it clicked",
            Outcome::Met { clicked: false } => "Met, didn't click",
            Outcome::Opportunity(Opportunity::Job) => "Led to a job",
            Outcome::Opportunity(Opportunity::Client) => "Led to a client",
            Outcome::Opportunity(Opportunity::Referral) => "Led to a referral",
            Outcome::Opportunity(Opportunity::Collaboration) => "Led to a collaboration",
            Outcome::Opportunity(Opportunity::Other) => "Led to another opportunity",
        }
    }

    /// A stable short name, used as a form value.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Awaiting => "awaiting",
            Outcome::NoResponse => "no_response",
            Outcome::Declined => "declined",
            Outcome::Accepted => "accepted",
            Outcome::Connected => "connected",
            Outcome::Replied { sorted: true } => "replied",
            Outcome::Replied { sorted: false } => "replied_unsorted",
            Outcome::Met { clicked: true } => "met_clicked",
            Outcome::Met { clicked: false } => "met_not_clicked",
            Outcome::Opportunity(Opportunity::Job) => "job",
            Outcome::Opportunity(Opportunity::Client) => "client",
            Outcome::Opportunity(Opportunity::Referral) => "referral",
            Outcome::Opportunity(Opportunity::Collaboration) => "collaboration",
            Outcome::Opportunity(Opportunity::Other) => "other_opportunity",
        }
    }

    pub fn from_key(key: &str) -> Option<Outcome> {
        match key {
            "replied_unsorted" => Some(Outcome::Replied { sorted: false }),
            _ => Outcome::CHOICES.into_iter().find(|o| o.key() == key),
        }
    }

    /// A reply that an import brought in and the person has not sorted into a yes, a no or
    /// "not yet".
    pub fn is_unsorted_reply(self) -> bool {
        self == Outcome::Replied { sorted: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_for_every_outcome() {
        for outcome in Outcome::CHOICES
            .into_iter()
            .chain([Outcome::Replied { sorted: false }])
        {
            assert_eq!(Outcome::from_key(outcome.key()), Some(outcome));
        }
    }

    #[test]
    fn a_connection_and_a_reply_are_not_yeses() {
        for outcome in [Outcome::Connected, Outcome::Replied { sorted: false }] {
            assert!(!outcome.is_yes());
            assert!(!outcome.is_unanswered());
        }
    }

    #[test]
    fn stored_forms_are_readable_by_hand() {
        let json = |o: Outcome| serde_json::to_string(&o).unwrap();
        assert_eq!(json(Outcome::Declined), "\"declined\"");
        assert_eq!(
            json(Outcome::Met { clicked: true }),
            "{\"met\":{\"clicked\":true}}"
        );
        assert_eq!(
            json(Outcome::Opportunity(Opportunity::Job)),
            "{\"opportunity\":\"job\"}"
        );
        assert_eq!(json(Outcome::Connected), "\"connected\"");
        assert_eq!(
            json(Outcome::Replied { sorted: false }),
            "{\"replied\":{\"sorted\":false}}"
        );
    }
}
