//! Comparing what the files hold with the book ([`Book::plan_import`]) and applying the
//! person's choices ([`Book::apply_import`]): every value brought within the contact form's
//! rules first, a match found by LinkedIn profile, email or name, a merge that fills only what
//! is empty.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::draft::{checked, cut, fills, merge_into};
use super::{
    Existing, ImportAction, ImportPlan, ImportSummary, Incoming, Planned, Skipped, STALE_AFTER_DAYS,
};
use crate::model::quick_add::{link_key, name_key};
use crate::model::validate::{check_day, Limits};
use crate::model::{
    Book, Channel, Contact, ContactId, IdMap, ModelError, Outcome, ReachOut, ReachOutId, SameAs,
};

impl Book {
    /// Compares what the files hold with the book: the preview of an import.
    pub fn plan_import(&self, incoming: Incoming, today: NaiveDate) -> ImportPlan {
        let by_link: IdMap<String, usize> = index(self, |c| link_key(&c.linkedin));
        let by_email: IdMap<String, usize> = index(self, |c| c.email.trim().to_lowercase());
        let by_name: IdMap<String, usize> = index(self, |c| name_key(&c.name));
        let mut plan = ImportPlan {
            skipped: incoming.skipped,
            notes: incoming.notes,
            joined: incoming.joined,
            ..ImportPlan::default()
        };
        // Where each incoming person went in the plan; `None` when left out.
        let mut placed: Vec<Option<usize>> = Vec::with_capacity(incoming.people.len());
        for person in incoming.people {
            let (draft, warnings) = match checked(person.draft) {
                Ok(checked) => checked,
                Err(reason) => {
                    plan.skipped.push(Skipped {
                        place: person.place,
                        reason,
                    });
                    placed.push(None);
                    continue;
                }
            };
            let found = [
                (
                    by_link.get(&link_key(&draft.linkedin)),
                    SameAs::Linkedin,
                    !draft.linkedin.is_empty(),
                ),
                (
                    by_email.get(&draft.email.to_lowercase()),
                    SameAs::Email,
                    !draft.email.is_empty(),
                ),
                (by_name.get(&name_key(&draft.name)), SameAs::Name, true),
            ]
            .into_iter()
            .filter(|(_, _, usable)| *usable)
            .find_map(|(at, same, _)| at.map(|at| (&self.contacts[*at], same)));
            // A namesake with another LinkedIn profile is another person.
            let found = found.filter(|(contact, same)| {
                *same != SameAs::Name
                    || contact.linkedin.is_empty()
                    || draft.linkedin.is_empty()
                    || link_key(&contact.linkedin) == link_key(&draft.linkedin)
            });
            let existing = found.map(|(contact, same)| Existing {
                id: contact.id,
                name: contact.name.clone(),
                same,
                fills: fills(contact, &draft),
            });
            let proposed = if existing.is_some() {
                ImportAction::Merge
            } else {
                ImportAction::Add
            };
            placed.push(Some(plan.people.len()));
            plan.people.push(Planned {
                place: person.place,
                draft,
                warnings,
                existing,
                proposed,
                reach_outs: 0,
                connected: person.connected,
            });
        }
        let mut seen: std::collections::HashSet<(usize, Channel, NaiveDate)> =
            std::collections::HashSet::new();
        let in_book: std::collections::HashSet<(ContactId, Channel, NaiveDate)> = self
            .reach_outs
            .iter()
            .map(|r| (r.contact, r.channel, r.date))
            .collect();
        for mut reach_out in incoming.reach_outs {
            let Some(Some(at)) = placed.get(reach_out.person).copied() else {
                continue;
            };
            if check_day(reach_out.date).is_err() || reach_out.date > today {
                plan.skipped.push(Skipped {
                    place: plan.people[at].place.clone(),
                    reason: format!(
                        "a reach-out dated {} is outside the dates Reachout keeps",
                        crate::model::words::long_day(reach_out.date)
                    ),
                });
                continue;
            }
            if reach_out
                .outcome_date
                .is_some_and(|d| check_day(d).is_err() || d > today || d < reach_out.date)
            {
                reach_out.outcome_date = Some(reach_out.date);
            }
            let mut note_warnings = Vec::new();
            cut(
                &mut reach_out.note,
                Limits::REACH_OUT_NOTE,
                "A message",
                &mut note_warnings,
            );
            cut(
                &mut reach_out.outcome_note,
                Limits::REACH_OUT_NOTE,
                "A reply",
                &mut note_warnings,
            );
            plan.people[at].warnings.extend(note_warnings);
            // One reach-out per person, channel and day: an invitation and a first message
            // sent the same morning are one step.
            if !seen.insert((at, reach_out.channel, reach_out.date)) {
                if let Some(kept) = plan.reach_outs.iter_mut().find(|r| {
                    r.person == at && r.channel == reach_out.channel && r.date == reach_out.date
                }) {
                    if kept.outcome.is_awaiting() && !reach_out.outcome.is_awaiting() {
                        kept.outcome = reach_out.outcome;
                        kept.outcome_date = reach_out.outcome_date;
                        kept.outcome_note = reach_out.outcome_note;
                    }
                    // One step: the invitation and its message (either may come first).
                    kept.invitation |= reach_out.invitation;
                    if kept.note.is_empty() {
                        kept.note = reach_out.note;
                    }
                }
                continue;
            }
            if let Some(existing) = &plan.people[at].existing {
                if in_book.contains(&(existing.id, reach_out.channel, reach_out.date)) {
                    plan.known.push(plan.reach_outs.len());
                }
            }
            reach_out.person = at;
            plan.people[at].reach_outs += 1;
            plan.reach_outs.push(reach_out);
        }
        // Invitations to people among the connections were accepted: connected, which is
        // not a yes to anything asked. Unanswered ones long past are closed.
        for reach_out in &mut plan.reach_outs {
            if reach_out.invitation && reach_out.outcome.is_awaiting() {
                if let Some(day) = plan.people[reach_out.person].connected {
                    reach_out.outcome = Outcome::Connected;
                    reach_out.outcome_date = day
                        .filter(|d| *d >= reach_out.date && *d <= today)
                        .or(Some(reach_out.date));
                    reach_out.outcome_note = "Accepted the invitation to connect.".into();
                }
            }
            if reach_out.outcome.is_awaiting()
                && (today - reach_out.date).num_days() > STALE_AFTER_DAYS
            {
                reach_out.outcome = Outcome::NoResponse;
                reach_out.outcome_date = None;
                reach_out.closed = true;
            }
        }
        plan
    }

    /// The book with the import applied, as `actions` (one per planned person) say; the book
    /// itself is not touched, so an import happens entirely or not at all.
    pub fn apply_import(
        &self,
        plan: &ImportPlan,
        actions: &[ImportAction],
        now: DateTime<Utc>,
    ) -> Result<(Book, ImportSummary), ModelError> {
        let mut book = self.clone();
        // One tally, the preview's: what the plan says these actions do.
        let summary = plan.summary(actions);
        let needed = plan.people.len() + plan.reach_outs.len();
        if book.next_id.max(1).saturating_add(needed as u64) > Limits::MAX_ID.saturating_add(1) {
            return Err(ModelError::OutOfIds);
        }
        let mut ids: Vec<Option<ContactId>> = Vec::with_capacity(plan.people.len());
        for (at, person) in plan.people.iter().enumerate() {
            let action = plan.action(actions, at);
            let existing = person
                .existing
                .as_ref()
                .filter(|e| book.contact(e.id).is_some());
            match (action, existing) {
                (ImportAction::Skip, _) => ids.push(None),
                (ImportAction::Merge, Some(existing)) => {
                    let contact = book
                        .contacts
                        .iter_mut()
                        .find(|c| c.id == existing.id)
                        .ok_or(ModelError::UnknownContact(existing.id))?;
                    merge_into(contact, &person.draft, now);
                    ids.push(Some(existing.id));
                }
                _ => {
                    let id = book.add_contact(&person.draft, now)?;
                    ids.push(Some(id));
                }
            }
        }
        let mut follow_ups: Vec<ReachOutId> = Vec::new();
        let mut known: std::collections::HashSet<(ContactId, Channel, NaiveDate)> = book
            .reach_outs
            .iter()
            .map(|r| (r.contact, r.channel, r.date))
            .collect();
        for reach_out in &plan.reach_outs {
            let Some(Some(contact)) = ids.get(reach_out.person).copied() else {
                continue;
            };
            if !known.insert((contact, reach_out.channel, reach_out.date)) {
                continue;
            }
            let id = ReachOutId(book.take_id()?);
            book.reach_outs.push(ReachOut {
                id,
                contact,
                channel: reach_out.channel,
                date: reach_out.date,
                note: reach_out.note.clone(),
                created: now,
                follows_up: None,
                outcome: reach_out.outcome,
                outcome_date: if reach_out.outcome.is_awaiting() {
                    None
                } else {
                    reach_out.outcome_date.or(Some(reach_out.date))
                },
                outcome_note: reach_out.outcome_note.clone(),
                snoozed_until: None,
                loop_closed: reach_out.closed,
                before: Default::default(),
                after: Default::default(),
            });
            if reach_out.follow_up {
                follow_ups.push(id);
            }
        }
        link_follow_ups(&mut book, &follow_ups);
        Ok((book, summary))
    }
}

/// Links each imported follow-up to the same person's latest earlier reach-out on the same
/// channel, so the thread counts its tries (and an earlier unanswered try is not lost in a
/// later answer).
fn link_follow_ups(book: &mut Book, follow_ups: &[ReachOutId]) {
    if follow_ups.is_empty() {
        return;
    }
    let wanted: std::collections::HashSet<ReachOutId> = follow_ups.iter().copied().collect();
    // Each person's reach-outs on each channel, in order: one pass, then a search per link.
    let mut by_thread: HashMap<(ContactId, Channel), Vec<(NaiveDate, ReachOutId)>> = HashMap::new();
    for r in &book.reach_outs {
        by_thread
            .entry((r.contact, r.channel))
            .or_default()
            .push((r.date, r.id));
    }
    for list in by_thread.values_mut() {
        list.sort_unstable();
    }
    for r in book
        .reach_outs
        .iter_mut()
        .filter(|r| wanted.contains(&r.id))
    {
        let Some(list) = by_thread.get(&(r.contact, r.channel)) else {
            continue;
        };
        let at = list.partition_point(|key| *key < (r.date, r.id));
        if let Some((_, earlier)) = at.checked_sub(1).and_then(|i| list.get(i)) {
            r.follows_up = Some(*earlier);
        }
    }
}

/// Where each key of the book's contacts is; empty keys are left out.
fn index(book: &Book, key: impl Fn(&Contact) -> String) -> IdMap<String, usize> {
    let mut map = IdMap::default();
    for (at, contact) in book.contacts.iter().enumerate() {
        let key = key(contact);
        if !key.is_empty() {
            map.entry(key).or_insert(at);
        }
    }
    map
}
