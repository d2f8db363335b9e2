//! A deterministic, realistic-looking book of any size, for the storage benchmark and the size
//! tests. Names, companies, notes and outcomes are drawn from word lists with a fixed seed, so
//! the text compresses about as well as a real person's record, not better.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::model::{
    After, Before, Book, Channel, CheckIn, Contact, ContactId, Expectation, Opportunity, Outcome,
    ReachOut, ReachOutId, Settings, StingGuess,
};

const FIRST: &[&str] = &[
    "Ada", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonas",
    "Kwame", "Leila", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tove",
    "Umar", "Valeria", "Wen", "Ximena", "Yusuf", "Zofia", "Amara", "Björn", "Camille", "Diego",
    "Esther", "Florian", "Gabriela", "Henrik", "Ingrid", "Jamal", "Kaori", "Luca", "Maya", "Noor",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Moreau",
    "Rossi",
    "Ivanov",
    "García",
    "Haddad",
    "Hopper",
    "Tanaka",
    "Silva",
    "Schmidt",
    "Mensah",
    "Nasser",
    "López",
    "Kowalski",
    "Lindqvist",
    "Sharma",
    "Dubois",
    "Ferreira",
    "Khan",
    "Berg",
    "Okafor",
    "Castillo",
    "Zhang",
    "Navarro",
    "Demir",
    "Nowak",
    "Eze",
    "Johansson",
    "Petit",
    "Herrera",
    "Cohen",
    "Bauer",
    "Santos",
    "Larsen",
    "Andersen",
    "Ali",
    "Sato",
    "Romano",
];
const COMPANIES: &[&str] = &[
    "Northwind",
    "Acme Robotics",
    "Blue Harbor",
    "Cedar Health",
    "Brightline Labs",
    "Orbital",
    "Greenfield Foods",
    "Kite Analytics",
    "Lumen Studio",
    "Meridian Bank",
    "Nimbus Cloud",
    "Oakridge School",
    "Pioneer Energy",
    "Quill Press",
    "Riverbend Clinic",
    "Summit Legal",
    "Tidewater Logistics",
    "Umbra Games",
    "Vantage Partners",
    "Willow Design",
];
const ROLES: &[&str] = &[
    "Engineering manager",
    "Product designer",
    "Recruiter",
    "Founder",
    "Data scientist",
    "Head of sales",
    "Teacher",
    "Nurse",
    "Journalist",
    "Researcher",
    "CTO",
    "Marketing lead",
    "Architect",
    "Consultant",
    "Editor",
    "Operations director",
];
const TAGS: &[&str] = &[
    "mentor",
    "hiring",
    "conference",
    "alumni",
    "investor",
    "client",
    "friend-of-friend",
    "podcast",
    "meetup",
    "design",
];
const WORDS: &[&str] = &[
    "met",
    "at",
    "the",
    "conference",
    "talked",
    "about",
    "their",
    "new",
    "team",
    "and",
    "hiring",
    "plans",
    "wants",
    "to",
    "hear",
    "more",
    "on",
    "our",
    "project",
    "next",
    "quarter",
    "coffee",
    "intro",
    "from",
    "a",
    "friend",
    "asked",
    "for",
    "advice",
    "career",
    "change",
    "sent",
    "my",
    "portfolio",
    "follow",
    "up",
    "after",
    "launch",
    "busy",
    "until",
    "March",
    "prefers",
    "email",
    "over",
    "calls",
    "kind",
    "reply",
    "said",
    "yes",
    "lunch",
    "maybe",
    "later",
    "referred",
    "me",
    "colleague",
    "workshop",
    "book",
    "recommendation",
    "open",
    "role",
    "remote",
    "Berlin",
    "Lisbon",
    "Toronto",
    "talk",
    "went",
    "well",
    "nervous",
    "but",
    "glad",
    "I",
    "did",
    "it",
];
const CHANNELS: [Channel; 7] = Channel::ALL;
const OUTCOMES: [Outcome; 9] = [
    Outcome::Awaiting,
    Outcome::NoResponse,
    Outcome::NoResponse,
    Outcome::Declined,
    Outcome::Accepted,
    Outcome::Accepted,
    Outcome::Met { clicked: true },
    Outcome::Met { clicked: false },
    Outcome::Opportunity(Opportunity::Referral),
];

/// A small xorshift generator: the sample must be the same on every run and every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn sentence(&mut self, min: usize, max: usize) -> String {
        let length = min + self.below(max - min + 1);
        let words: Vec<&str> = (0..length).map(|_| self.pick(WORDS)).collect();
        let mut text = words.join(" ");
        if let Some(first) = text.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        text.push('.');
        text
    }
}

const EXPECT: [Expectation; 3] = [Expectation::Ignored, Expectation::No, Expectation::Yes];

/// A book of `contacts` contacts with `per_contact` reach-outs each, as of `now`.
pub fn book(contacts: usize, per_contact: usize, now: DateTime<Utc>) -> Book {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut book = Book {
        next_id: 1,
        contacts: Vec::with_capacity(contacts),
        reach_outs: Vec::with_capacity(contacts * per_contact),
        settings: Settings {
            weekly_goal: Some(3),
            ..Settings::default()
        },
        near_misses: Vec::new(),
        templates: None,
        deleted: Vec::new(),
    };
    for _ in 0..contacts {
        let id = ContactId(book.next_id);
        book.next_id += 1;
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        let company = rng.pick(COMPANIES);
        let created = now - Duration::minutes(rng.below(3 * 365 * 24 * 60) as i64);
        let domain: String = company
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        let tags = (0..rng.below(3))
            .map(|_| rng.pick(TAGS).to_string())
            .collect();
        book.contacts.push(Contact {
            id,
            name: format!("{first} {last}"),
            company: company.into(),
            role: rng.pick(ROLES).into(),
            email: if rng.chance(70) {
                format!(
                    "{}.{}@{domain}.com",
                    first.to_lowercase(),
                    last.to_lowercase()
                )
            } else {
                String::new()
            },
            linkedin: if rng.chance(60) {
                format!(
                    "https://www.linkedin.com/in/{}-{}-{:04x}",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    rng.below(0x10000)
                )
            } else {
                String::new()
            },
            tags,
            notes: if rng.chance(50) {
                rng.sentence(4, 20)
            } else {
                String::new()
            },
            created,
            updated: created,
            stay_in_touch_days: rng.chance(10).then_some(90),
            stay_in_touch_snoozed_until: None,
            archived: rng.chance(5),
            phone: if rng.chance(30) {
                format!("+49 30 {:07}", rng.below(10_000_000))
            } else {
                String::new()
            },
            other_link: String::new(),
            how_we_met: if rng.chance(30) {
                rng.sentence(3, 8)
            } else {
                String::new()
            },
            expected_fear: rng.chance(20).then(|| rng.below(11) as u32),
        });
        let mut day: NaiveDate = created.date_naive();
        let mut previous: Option<ReachOutId> = None;
        for _ in 0..per_contact {
            day += Duration::days(1 + rng.below(20) as i64);
            let outcome = OUTCOMES[rng.below(OUTCOMES.len())];
            let answered = !outcome.is_awaiting();
            let reach_out_id = ReachOutId(book.next_id);
            book.next_id += 1;
            book.reach_outs.push(ReachOut {
                id: reach_out_id,
                contact: id,
                channel: CHANNELS[rng.below(CHANNELS.len())],
                date: day,
                note: if rng.chance(50) {
                    rng.sentence(3, 12)
                } else {
                    String::new()
                },
                created: now - Duration::minutes(rng.below(1000 * 24 * 60) as i64),
                follows_up: previous.filter(|_| rng.chance(40)),
                outcome,
                outcome_date: answered.then(|| day + Duration::days(rng.below(10) as i64)),
                outcome_note: if answered && rng.chance(30) {
                    rng.sentence(2, 10)
                } else {
                    String::new()
                },
                snoozed_until: None,
                loop_closed: rng.chance(5),
                before: if rng.chance(60) {
                    Before {
                        fear: Some(rng.below(11) as u32),
                        expect: Some(EXPECT[rng.below(EXPECT.len())]),
                        yes_chance: rng.chance(30).then(|| rng.below(101) as u32),
                        sting: Some(StingGuess::ALL[rng.below(StingGuess::ALL.len())]),
                        gain: String::new(),
                        worst: String::new(),
                    }
                } else {
                    Before::default()
                },
                after: if answered && rng.chance(40) {
                    After {
                        feeling: Some(rng.below(11) as u32),
                        reflection: String::new(),
                        after_a_day: rng.chance(50).then(|| CheckIn::Felt(rng.below(8) as u32)),
                        after_a_week: rng.chance(40).then(|| CheckIn::Felt(rng.below(4) as u32)),
                    }
                } else {
                    After::default()
                },
            });
            previous = Some(reach_out_id);
        }
    }
    book
}
