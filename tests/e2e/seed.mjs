// A record with the courage loop filled in, for the end-to-end tests and the screenshots. Every
// figure Insights shows for it is worked out by hand in courage.test.mjs.

const t = (day) => `${day}T09:00:00Z`;

export const COURAGE_SEED = {
  format: 'reachout',
  version: 3,
  revision: 1,
  saved_at: t('2026-11-26'),
  data: {
    next_id: 16,
    contacts: [
      { id: 1, name: 'Ana Lima', company: 'Acme', how_we_met: 'the design meetup', created: t('2026-10-01'), updated: t('2026-10-01') },
      { id: 2, name: 'Ben Okafor', company: 'Northwind', created: t('2026-10-01'), updated: t('2026-10-01') },
      { id: 3, name: 'Chiara Rossi', created: t('2026-10-01'), updated: t('2026-10-01') },
      { id: 4, name: 'Dmitri Ivanov', expected_fear: 3, created: t('2026-10-02'), updated: t('2026-10-02') },
      { id: 5, name: 'Elena Costa', expected_fear: 7, created: t('2026-10-02'), updated: t('2026-10-02') },
    ],
    reach_outs: [
      { id: 10, contact: 1, channel: 'email', date: '2026-11-02', created: t('2026-11-02'),
        outcome: 'accepted', outcome_date: '2026-11-03', outcome_note: 'Happy to chat next week',
        before: { fear: 8, expect: 'no' }, after: { feeling: 1 } },
      { id: 11, contact: 2, channel: 'email', date: '2026-11-04', created: t('2026-11-04'),
        outcome: 'declined', outcome_date: '2026-11-05',
        before: { fear: 6, yes_chance: 20 }, after: { feeling: 6, after_a_day: { felt: 2 } } },
      { id: 12, contact: 3, channel: 'linkedin', date: '2026-11-09', created: t('2026-11-09'),
        outcome: 'no_response', outcome_date: '2026-11-20',
        before: { fear: 7, expect: 'ignored', sting: 'week_or_more' }, after: { feeling: 3, after_a_day: { felt: 1 } } },
      { id: 13, contact: 1, channel: 'in_person', date: '2026-11-16', created: t('2026-11-16'),
        outcome: { met: { clicked: true } }, outcome_date: '2026-11-18', outcome_note: 'Great coffee, she offered an intro',
        before: { fear: 5, yes_chance: 60 } },
      { id: 14, contact: 2, channel: 'phone', date: '2026-11-23', created: t('2026-11-23'),
        outcome: 'accepted', outcome_date: '2026-11-24', before: { fear: 4, expect: 'yes' } },
      { id: 15, contact: 3, channel: 'email', date: '2026-11-25', created: t('2026-11-25') },
    ],
    settings: { follow_up_days: 7, max_tries: 3, weekly_goal: 2, week_start: 'monday' },
    near_misses: [
      { id: 1, date: '2026-11-26', contact: 4, note: 'Froze before sending', created: t('2026-11-26') },
    ],
  },
};

/** Stores `document` as the app's data before the app starts. */
export async function seed(page, document = COURAGE_SEED) {
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('reachout:document', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(document));
}
