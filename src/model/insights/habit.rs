//! The habit side of Insights and Today: reach-outs per week against the goal, the forgiving
//! strength score, this week's card, the courage ladder and the sting check-ins due.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::Period;
use crate::model::{Book, ContactId, Outcome, ReachOutId};

/// One week of reach-outs against the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Week {
    /// Its first day.
    pub start: NaiveDate,
    pub count: usize,
    /// `None` until the person chooses a goal.
    pub goal: Option<u32>,
}

impl Week {
    pub fn met(self) -> bool {
        self.goal.is_some_and(|goal| self.count >= goal as usize)
    }
}

/// How the goal went over a run of weeks, counted as the strength score counts them: from the
/// week of the first reach-out on, since weeks before it were not missed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GoalRecord {
    /// The weeks that count: from the first with a reach-out to the last.
    pub counted: usize,
    /// Of those, the weeks that met the goal.
    pub met: usize,
    /// True when the first reach-out falls inside the run, so fewer weeks count than it holds.
    pub since_first: bool,
}

impl GoalRecord {
    pub fn of(weeks: &[Week]) -> GoalRecord {
        let first = weeks
            .iter()
            .position(|w| w.count > 0)
            .unwrap_or(weeks.len());
        let counted = &weeks[first..];
        GoalRecord {
            counted: counted.len(),
            met: counted.iter().filter(|w| w.met()).count(),
            since_first: first > 0,
        }
    }
}

/// The forgiving strength score, 0 to 100, in tenths of a point (0 to 1,000) so that the
/// arithmetic stays exact. Each week that meets the goal closes a fifth of the gap to the top;
/// a week that misses it loses a twentieth of the score if there was at least one reach-out,
/// a tenth if there was none (rounded up, so a long pause does reach 0). The week in progress
/// counts only once it meets the goal, so a Monday never lowers the score. One missed week
/// after months of meeting the goal costs a few points, never the months.
pub fn strength(weeks: &[Week]) -> u32 {
    weeks.iter().fold(0u32, |score, week| match week.goal {
        Some(goal) => next_strength(score, week.count, goal),
        None => score,
    })
}

fn next_strength(score: u32, count: usize, goal: u32) -> u32 {
    if count >= goal as usize {
        score + (1_000 - score) / 5
    } else if count > 0 {
        score - score.div_ceil(20)
    } else {
        score - score.div_ceil(10)
    }
}

/// What this week's card on Today shows: this week only, from its first day to today. Its
/// counts are those of [`Book::insights`] for [`Period::this_week`], so the card, Insights and
/// the report agree, and each opens to the same list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThisWeek {
    pub period: Period,
    pub count: usize,
    /// Declines this week.
    pub noes: usize,
    /// `None` until the person chooses a goal.
    pub goal: Option<u32>,
    /// 0 to 100; `None` without a goal.
    pub strength: Option<u32>,
    /// The last complete week met the goal, or this one already has.
    pub good_week: bool,
    /// Anything logged before this week (the card then does not greet a first-timer).
    pub reached_out_before: bool,
}

impl Book {
    /// How many reach-outs each week holds, by its first day; nothing after `today` counts.
    fn week_counts(&self, today: NaiveDate) -> HashMap<NaiveDate, usize> {
        let week_start = self.settings.week_start;
        let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
        for r in self.reach_outs.iter().filter(|r| r.date <= today) {
            *counts.entry(week_start.week_of(r.date)).or_default() += 1;
        }
        counts
    }

    /// Every week from the one of the first reach-out up to the one that holds `today`,
    /// with its count; nothing dated after today counts.
    pub fn weeks(&self, today: NaiveDate) -> Vec<Week> {
        let goal = self.settings.weekly_goal;
        let counts = self.week_counts(today);
        let Some(first) = counts.keys().min().copied() else {
            return Vec::new();
        };
        let this = self.settings.week_start.week_of(today);
        let mut weeks = Vec::new();
        let mut start = first;
        while start <= this {
            weeks.push(Week {
                start,
                count: counts.get(&start).copied().unwrap_or(0),
                goal,
            });
            match start.checked_add_days(Days::new(7)) {
                Some(next) => start = next,
                None => break,
            }
        }
        weeks
    }

    /// The weeks the report shows for `period`: those that overlap it, counted whole, up to
    /// `today`; the last two years of them at most, which is what a chart and a printed page
    /// can show.
    pub fn report_weeks(&self, period: super::Period, today: NaiveDate) -> Vec<Week> {
        const MAX_REPORT_WEEKS: i64 = 104;
        let last = today.min(period.to);
        let first = self.settings.week_start.week_of(period.from);
        let span = ((last - first).num_days() / 7 + 1).clamp(1, MAX_REPORT_WEEKS);
        self.last_weeks(span as usize, last)
    }

    /// The last `n` weeks up to this one, empty weeks included, oldest first.
    pub fn last_weeks(&self, n: usize, today: NaiveDate) -> Vec<Week> {
        let goal = self.settings.weekly_goal;
        let this = self.settings.week_start.week_of(today);
        let counts = self.week_counts(today);
        (0..n)
            .rev()
            .filter_map(|back| this.checked_sub_days(Days::new(7 * back as u64)))
            .map(|start| Week {
                start,
                count: counts.get(&start).copied().unwrap_or(0),
                goal,
            })
            .collect()
    }

    /// The strength score as of `today`, 0 to 100, rounded: [`strength`] over every week
    /// since the first reach-out, the week in progress only once it meets the goal. Runs of
    /// empty weeks are stepped through only until the score is 0, so years without a
    /// reach-out cost no time. `None` until the person chooses a goal.
    pub fn strength(&self, today: NaiveDate) -> Option<u32> {
        self.strength_of(&self.week_counts(today), today)
    }

    /// [`Book::strength`] from counts already made.
    fn strength_of(&self, counts: &HashMap<NaiveDate, usize>, today: NaiveDate) -> Option<u32> {
        let goal = self.settings.weekly_goal?;
        let this = self.settings.week_start.week_of(today);
        let mut weeks: Vec<(NaiveDate, usize)> =
            counts.iter().map(|(week, count)| (*week, *count)).collect();
        weeks.sort_unstable();
        if weeks
            .last()
            .is_some_and(|(start, count)| *start == this && *count < goal as usize)
        {
            weeks.pop();
        }
        let mut score = 0u32;
        let mut previous: Option<NaiveDate> = None;
        let step = |score: &mut u32, count| *score = next_strength(*score, count, goal);
        for (start, count) in &weeks {
            if let Some(previous) = previous {
                let empty = (*start - previous).num_weeks() - 1;
                for _ in 0..empty {
                    if score == 0 {
                        break;
                    }
                    step(&mut score, 0);
                }
            }
            step(&mut score, *count);
            previous = Some(*start);
        }
        // The empty weeks since the last reach-out, up to (not including) this one.
        if let Some(previous) = previous {
            let empty = ((this - previous).num_weeks() - 1).max(0);
            for _ in 0..empty {
                if score == 0 {
                    break;
                }
                step(&mut score, 0);
            }
        }
        Some((score + 5) / 10)
    }

    /// The week card. Its count and noes are [`Figure::All`] and `Figure::Answer(Declined)` of
    /// [`Book::insights`] for the week: a decline is the recorded answer whatever the thread, so
    /// they are counted here without working out every thread (a native property test holds
    /// the two together).
    ///
    /// [`Figure::All`]: super::Figure::All
    pub fn this_week(&self, today: NaiveDate) -> ThisWeek {
        let period = Period::this_week(self.settings.week_start, today);
        let (count, noes) = self
            .reach_outs
            .iter()
            .filter(|r| period.contains(r.date))
            .fold((0, 0), |(count, noes), r| {
                (
                    count + 1,
                    noes + usize::from(r.outcome == Outcome::Declined),
                )
            });
        let counts = self.week_counts(today);
        ThisWeek {
            period,
            count,
            noes,
            goal: self.settings.weekly_goal,
            strength: self.strength_of(&counts, today),
            good_week: self.good_week(&counts, today),
            reached_out_before: self.reach_outs.iter().any(|r| r.date < period.from),
        }
    }

    /// The last complete week met the goal, or this one already has.
    fn good_week(&self, counts: &HashMap<NaiveDate, usize>, today: NaiveDate) -> bool {
        let week_start = self.settings.week_start.week_of(today);
        let Some(goal) = self.settings.weekly_goal.map(|g| g as usize) else {
            return false;
        };
        let count_of =
            |start: Option<NaiveDate>| start.and_then(|s| counts.get(&s).copied()).unwrap_or(0);
        count_of(week_start.checked_sub_days(Days::new(7))) >= goal
            || count_of(Some(week_start)) >= goal
    }
}

/// A contact not reached yet, with how hard reaching out to them feels.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rung {
    pub contact: ContactId,
    pub name: String,
    pub level: u32,
}

/// "Suggested next" from the courage ladder: the easiest step not taken yet, and after a good
/// week, the next harder one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ladder {
    pub easiest: Option<Rung>,
    pub harder: Option<Rung>,
}

impl Book {
    pub fn ladder(&self, today: NaiveDate) -> Ladder {
        let reached: std::collections::HashSet<ContactId> =
            self.reach_outs.iter().map(|r| r.contact).collect();
        let mut rungs: Vec<Rung> = self
            .contacts
            .iter()
            .filter(|c| !c.archived && !reached.contains(&c.id))
            .filter_map(|c| {
                c.expected_fear.map(|level| Rung {
                    contact: c.id,
                    name: c.name.clone(),
                    level,
                })
            })
            .collect();
        rungs.sort_by_cached_key(|r| (r.level, r.name.to_lowercase(), r.contact));
        let easiest = rungs.first().cloned();
        let harder = match &easiest {
            Some(first) if self.good_week(&self.week_counts(today), today) => {
                rungs.iter().find(|r| r.level > first.level).cloned()
            }
            _ => None,
        };
        Ladder { easiest, harder }
    }

    /// Check-ins due on Today: reach-outs whose "does it still sting?" question is due.
    pub fn check_ins_due(&self, today: NaiveDate) -> Vec<(ReachOutId, crate::model::CheckInDue)> {
        // A silence followed up is not over yet: the thread is asked about when it ends.
        let followed: std::collections::HashSet<ReachOutId> = self
            .reach_outs
            .iter()
            .filter_map(|r| r.follows_up)
            .collect();
        let mut due: Vec<(NaiveDate, ReachOutId, crate::model::CheckInDue)> = self
            .reach_outs
            .iter()
            .filter(|r| !followed.contains(&r.id))
            .filter_map(|r| {
                crate::model::courage::check_in_due(r.outcome, r.outcome_date, &r.after, today)
                    .map(|d| (r.outcome_date.unwrap_or(r.date), r.id, d))
            })
            .collect();
        due.sort_unstable_by_key(|(day, id, _)| (*day, *id));
        due.into_iter().map(|(_, id, d)| (id, d)).collect()
    }
}
