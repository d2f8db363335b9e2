//! What the chosen files hold, read by `format::import_files` and not yet compared with the
//! book: the people, their reach-outs, the rows left out, and the rows of one file taken as
//! one person.

use chrono::NaiveDate;

use crate::model::quick_add::{link_key, name_key};
use crate::model::{Channel, ContactDraft, IdMap, Outcome, SameAs};

/// One person a file names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IncomingPerson {
    /// Where they are in the file, for the preview: "Connections.csv, line 5".
    pub place: String,
    pub draft: ContactDraft,
    /// They are among the LinkedIn connections (an invitation to them was accepted), and on
    /// which day, when the file says.
    pub connected: Option<Option<NaiveDate>>,
}

/// One reach-out a file records, to `people[person]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingReachOut {
    pub person: usize,
    pub channel: Channel,
    pub date: NaiveDate,
    pub note: String,
    pub outcome: Outcome,
    pub outcome_date: Option<NaiveDate>,
    pub outcome_note: String,
    /// A LinkedIn invitation: accepted when its person is among the connections.
    pub invitation: bool,
    /// The thread is closed: no follow-up is suggested.
    pub closed: bool,
    /// It follows up the person's previous reach-out on the same channel (a second message
    /// before any reply).
    pub follow_up: bool,
}

/// A row or card that is not imported, and why, in the person's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub place: String,
    pub reason: String,
}

/// A row of a file of people taken as a person read earlier from the same file (the same
/// LinkedIn profile, or the same name and the same e-mail): the preview shows each, and the
/// person may keep the row apart as a contact of its own ([`Incoming::keep_apart`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    /// Where the row is: "people.csv, line 7".
    pub place: String,
    /// Where the row it was joined with is.
    pub with: String,
    /// The name on the row.
    pub name: String,
    /// Why: [`SameAs::Linkedin`], or [`SameAs::Email`] for the same name and e-mail.
    pub same: SameAs,
    /// Kept apart by the person's choice: a contact of its own.
    pub apart: bool,
}

/// Everything read from the chosen files, before it is compared with the book.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    pub people: Vec<IncomingPerson>,
    pub reach_outs: Vec<IncomingReachOut>,
    pub skipped: Vec<Skipped>,
    /// Things the preview should say about the files as a whole ("read as Latin-1").
    pub notes: Vec<String>,
    /// Rows joined with another row of the same file, in the order read.
    pub joined: Vec<Joined>,
    /// The rows behind each person that rows were joined into, as read, the first one first:
    /// what [`Incoming::keep_apart`] rebuilds them from.
    rows_of: IdMap<usize, Vec<IncomingPerson>>,
    /// Where each person is, by LinkedIn profile, email and name: a file of thousands of
    /// rows must not compare every row with every other.
    found: Keys,
}

/// The people of an [`Incoming`] by their keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Keys {
    link: IdMap<String, usize>,
    email: IdMap<String, usize>,
    name: IdMap<String, usize>,
}

impl Keys {
    fn add(&mut self, draft: &ContactDraft, at: usize) {
        let link = link_key(&draft.linkedin);
        if !draft.linkedin.trim().is_empty() {
            self.link.entry(link).or_insert(at);
        }
        let email = draft.email.trim().to_lowercase();
        if !email.is_empty() {
            self.email.entry(email).or_insert(at);
        }
        let name = name_key(&draft.name);
        if !name.is_empty() {
            self.name.entry(name).or_insert(at);
        }
    }
}

impl Incoming {
    /// Adds a person named by a row of a file that names the same people again and again
    /// (invitations, messages, a table of reach-outs), or fills in the one already read from
    /// it under a strong key: the same LinkedIn profile, or the same name and the same e-mail
    /// (or the same name, for a row with neither). Three "John Smith" rows with three
    /// addresses, or three people sharing `info@acme.example`, stay three people. Returns
    /// their index.
    pub fn add_person(&mut self, person: IncomingPerson) -> usize {
        // A row that names someone by name alone (an older invitations file, a message from a
        // member without a profile link) is the person of that name read already: such files
        // name the same people again and again.
        let found = self.find_strong(&person.draft).or_else(|| {
            let draft = &person.draft;
            if draft.linkedin.trim().is_empty() && draft.email.trim().is_empty() {
                self.found.name.get(&name_key(&draft.name)).copied()
            } else {
                None
            }
        });
        self.add_found(person, found)
    }

    /// Adds a person read from a row of a file of people (a contacts table, vCards, LinkedIn
    /// connections) as [`Incoming::add_person`] does, and notes a row joined with an earlier
    /// one, for the preview to show with a choice.
    pub fn add_contact_row(&mut self, person: IncomingPerson) -> usize {
        let found = self.find_strong(&person.draft);
        if let Some(at) = found {
            let known = &self.people[at];
            let same = if !person.draft.linkedin.trim().is_empty()
                && link_key(&person.draft.linkedin) == link_key(&known.draft.linkedin)
            {
                SameAs::Linkedin
            } else {
                SameAs::Email
            };
            self.joined.push(Joined {
                place: person.place.clone(),
                with: known.place.clone(),
                name: person.draft.name.clone(),
                same,
                apart: false,
            });
            let first = known.clone();
            self.rows_of
                .entry(at)
                .or_insert_with(|| vec![first])
                .push(person.clone());
        }
        self.add_found(person, found)
    }

    /// This file's people with the joined rows at `places` kept apart, each a person of its
    /// own, and the people they had been joined into made again from their other rows. Only
    /// for the people of one file, before it is put with others ([`Incoming::extend`]).
    #[must_use]
    pub fn keep_apart(mut self, places: &std::collections::HashSet<String>) -> Incoming {
        if places.is_empty() || self.rows_of.is_empty() {
            return self;
        }
        let mut targets: Vec<usize> = self.rows_of.keys().copied().collect();
        targets.sort_unstable();
        let mut apart: Vec<IncomingPerson> = Vec::new();
        for at in targets {
            let Some(rows) = self.rows_of.get(&at) else {
                continue;
            };
            if !rows.iter().skip(1).any(|r| places.contains(&r.place)) {
                continue;
            }
            let mut kept = rows[0].clone();
            for row in rows.iter().skip(1) {
                if places.contains(&row.place) {
                    apart.push(row.clone());
                } else {
                    join(&mut kept, row);
                }
            }
            self.people[at] = kept;
        }
        for joined in &mut self.joined {
            joined.apart = places.contains(&joined.place);
        }
        self.people.extend(apart);
        self
    }

    /// Adds a person from another file, or fills in the one already read under the same
    /// LinkedIn profile, e-mail or name: several files of one export name the same people
    /// (an older connections file has no profile links).
    fn add_from_other_file(&mut self, person: IncomingPerson, earlier: usize) -> usize {
        let found = self.find(&person.draft).filter(|at| *at < earlier);
        self.add_found(person, found)
    }

    fn add_found(&mut self, person: IncomingPerson, found: Option<usize>) -> usize {
        match found {
            Some(at) => {
                let known = &mut self.people[at];
                join(known, &person);
                let draft = known.draft.clone();
                self.found.add(&draft, at);
                at
            }
            None => {
                let at = self.people.len();
                self.found.add(&person.draft, at);
                self.people.push(person);
                at
            }
        }
    }

    /// The person read already who is `draft` by a strong key: the same LinkedIn profile, or
    /// the same name with the same e-mail.
    fn find_strong(&self, draft: &ContactDraft) -> Option<usize> {
        if !draft.linkedin.trim().is_empty() {
            if let Some(at) = self.found.link.get(&link_key(&draft.linkedin)) {
                return Some(*at);
            }
        }
        let email = draft.email.trim().to_lowercase();
        if email.is_empty() {
            return None;
        }
        let at = *self.found.email.get(&email)?;
        (name_key(&self.people[at].draft.name) == name_key(&draft.name)).then_some(at)
    }

    /// The person read already who is `draft`: the same LinkedIn profile, email, or name (two
    /// different profiles under one name are two people).
    fn find(&self, draft: &ContactDraft) -> Option<usize> {
        if !draft.linkedin.trim().is_empty() {
            if let Some(at) = self.found.link.get(&link_key(&draft.linkedin)) {
                return Some(*at);
            }
        }
        let email = draft.email.trim().to_lowercase();
        if !email.is_empty() {
            if let Some(at) = self.found.email.get(&email) {
                return Some(*at);
            }
        }
        let at = *self.found.name.get(&name_key(&draft.name))?;
        let both_linked =
            !draft.linkedin.trim().is_empty() && !self.people[at].draft.linkedin.trim().is_empty();
        (!both_linked).then_some(at)
    }

    /// Takes in what another file holds.
    pub fn extend(&mut self, other: Incoming) {
        // A person of `other` is matched with the people of the files before it only: the
        // rows of one file were told apart (or joined) by its reader already.
        let earlier = self.people.len();
        let mut moved = Vec::with_capacity(other.people.len());
        for person in other.people {
            moved.push(self.add_from_other_file(person, earlier));
        }
        self.joined.extend(other.joined);
        for mut reach_out in other.reach_outs {
            reach_out.person = moved[reach_out.person];
            self.reach_outs.push(reach_out);
        }
        self.skipped.extend(other.skipped);
        for note in other.notes {
            if !self.notes.contains(&note) {
                self.notes.push(note);
            }
        }
    }
}

/// Takes `row` into the person `known`: empty fields filled, tags joined, and the day they
/// connected kept where known.
fn join(known: &mut IncomingPerson, row: &IncomingPerson) {
    fill(&mut known.draft, &row.draft);
    if row.connected.is_some() {
        known.connected = match (known.connected, row.connected) {
            (Some(Some(day)), _) => Some(Some(day)),
            (_, other) => other,
        };
    }
}

/// Fills the empty fields of `into` from `from`; tags are joined.
fn fill(into: &mut ContactDraft, from: &ContactDraft) {
    for (mine, theirs) in [
        (&mut into.name, &from.name),
        (&mut into.company, &from.company),
        (&mut into.role, &from.role),
        (&mut into.email, &from.email),
        (&mut into.linkedin, &from.linkedin),
        (&mut into.notes, &from.notes),
        (&mut into.phone, &from.phone),
        (&mut into.other_link, &from.other_link),
        (&mut into.how_we_met, &from.how_we_met),
    ] {
        if mine.trim().is_empty() && !theirs.trim().is_empty() {
            mine.clone_from(theirs);
        }
    }
    if !from.tags.trim().is_empty() {
        into.tags = if into.tags.trim().is_empty() {
            from.tags.clone()
        } else {
            format!("{}, {}", into.tags, from.tags)
        };
    }
}
