// End-to-end: the courage loop as a person uses it. Fear and a prediction before, how it felt
// after, the sting check-ins later, a near miss, a template copied, Insights with exact numbers
// from a seeded record, and the printable report; axe and screenshots at phone and desktop width.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { accessibilityProblems, freshPage, openContext, serveAndBrowse, storedDocument, visit } from './support.mjs';
import { COURAGE_SEED, seed } from './seed.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const setup = serveAndBrowse();
before(() => mkdir(SHOTS, { recursive: true }));

const NOON = new Date('2026-11-27T12:00:00');

async function seeded(t, document = COURAGE_SEED, options) {
  const page = await freshPage(t, setup, options);
  await page.clock.setFixedTime(NOON);
  await seed(page, document);
  return page;
}

const reachOut = (doc, id) => doc.data.reach_outs.find((r) => r.id === id);

test('logging from Today takes three actions; the "before" step adds fear and a prediction and stays as it was left', async (t) => {
  // Farid has not answered a message of 10 November: a follow-up is due.
  const doc = structuredClone(COURAGE_SEED);
  doc.data.contacts.push({ id: 6, name: 'Farid Haddad', created: '2026-10-02T09:00:00Z', updated: '2026-10-02T09:00:00Z' });
  doc.data.reach_outs.push({ id: 16, contact: 6, channel: 'email', date: '2026-11-10', created: '2026-11-10T09:00:00Z' });
  doc.data.next_id = 17;
  const page = await seeded(t, doc);
  await visit(page, setup.server.url);
  const due = page.getByRole('region', { name: 'Follow-ups due' });
  // Three actions: open the form, pick the channel, save.
  await due.getByRole('button', { name: 'Log follow-up' }).click();
  await due.getByRole('radio', { name: 'Email' }).check();
  await due.getByRole('button', { name: 'Save follow-up' }).click();
  // Followed up, the thread leaves "Follow-ups due" for "Awaiting a reply", and the page says so.
  await due.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('Logged your follow-up to Farid Haddad.').waitFor();
  let stored = await storedDocument(page);
  assert.equal(stored.data.reach_outs.length, 8);
  const plain = stored.data.reach_outs.at(-1);
  assert.equal(plain.before, undefined, 'nothing noted, nothing stored');

  // The near miss becomes a reach-out, with the "before" step (open from the start) filled.
  const near = page.getByRole('region', { name: 'Almost reached out' });
  await near.getByRole('button', { name: 'Reach out now' }).click();
  await near.getByRole('group', { name: 'How afraid are you?' }).getByRole('radio', { name: '7', exact: true }).check();
  await near.getByRole('group', { name: 'What do you expect?' }).getByRole('radio', { name: 'A no' }).check();
  await near.getByRole('button', { name: 'More questions (optional)' }).click();
  await near.getByLabel('Or: the chance of a yes, in %').fill('25');
  await near.getByRole('group', { name: 'If it is a no, how long will it bother you?' }).getByRole('radio', { name: 'A few days' }).check();
  await near.getByLabel('What could you gain?').fill('An introduction');
  await near.getByRole('radio', { name: 'Email' }).check();
  await near.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('region', { name: 'Almost reached out' }).waitFor({ state: 'detached' });
  stored = await storedDocument(page);
  const brave = stored.data.reach_outs.at(-1);
  assert.equal(brave.contact, 4);
  assert.deepEqual(brave.before, { fear: 7, expect: 'no', yes_chance: 25, sting: 'few_days', gain: 'An introduction' });
  assert.equal(brave.note, undefined, 'what held them back is not the topic of the reach-out');
  assert.equal(stored.data.near_misses[0].reached, brave.id);

  // The step was left open: the next form opens with it open, after a reload too.
  await page.reload();
  await page.getByRole('region', { name: 'Awaiting a reply' }).getByRole('button', { name: 'Record outcome' }).first().waitFor();
  await visit(page, setup.server.url, '/contacts/2');
  await page.getByRole('group', { name: 'How afraid are you?' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Before you reach out (optional)' }).getAttribute('aria-expanded'), 'true');
});

test('an outcome takes two actions; then how it feels, with a kind word after a no', async (t) => {
  const page = await seeded(t);
  await visit(page, setup.server.url);
  const awaiting = page.getByRole('region', { name: 'Awaiting a reply' });
  await awaiting.getByRole('button', { name: 'Record outcome' }).click();
  await awaiting.getByRole('button', { name: 'Declined' }).click();
  const prompt = page.getByRole('form', { name: 'Chiara Rossi: Declined' });
  await prompt.waitFor();
  await prompt.getByText('One no is not the end of the thread').waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Chiara Rossi: Declined' }).evaluate((h) => h === document.activeElement),
    'the prompt takes the focus');
  await prompt.getByRole('radio', { name: '2', exact: true }).check();
  await prompt.getByLabel('A line of reflection (optional)').fill('Less bad than I thought');
  await prompt.getByRole('button', { name: 'Save how it felt' }).click();
  await prompt.waitFor({ state: 'detached' });
  const stored = await storedDocument(page);
  const answered = reachOut(stored, 15);
  assert.equal(answered.outcome, 'declined');
  assert.deepEqual(answered.after, { feeling: 2, reflection: 'Less bad than I thought' });
  // This week now counts the no as progress.
  await page.getByText('2 brave asks this week, 1 no: that no is part of the work.').waitFor();
});

test('a day after a no, Today asks if it still stings; a week after, once more; one tap each', async (t) => {
  const doc = structuredClone(COURAGE_SEED);
  doc.data.reach_outs.push({ id: 16, contact: 5, channel: 'email', date: '2026-11-26', created: '2026-11-26T09:00:00Z',
    outcome: 'declined', outcome_date: '2026-11-26', before: { fear: 9, sting: 'week_or_more' } });
  doc.data.next_id = 17;
  const page = await seeded(t, doc);
  await visit(page, setup.server.url);
  const stings = page.getByRole('region', { name: 'Does it still sting?' });
  const elena = stings.getByRole('listitem').filter({ hasText: 'Elena Costa' });
  await elena.getByText('You guessed a no would bother you: a week or more.').waitFor();
  await elena.getByRole('group', { name: 'Elena Costa (Declined), after a day' })
    .getByRole('button', { name: '3 of 10' }).click();
  await elena.waitFor({ state: 'detached' });
  await page.getByText('Noted: 3 of 10 about Elena Costa, after a day.').waitFor();
  let stored = await storedDocument(page);
  assert.deepEqual(reachOut(stored, 16).after, { after_a_day: { felt: 3 } });

  // A week later: asked again; "Not now" puts it away.
  await page.clock.setFixedTime(new Date('2026-12-03T12:00:00'));
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const later = page.getByRole('region', { name: 'Does it still sting?' });
  const again = later.getByRole('listitem').filter({ hasText: 'Elena Costa' });
  await again.getByRole('group', { name: 'Elena Costa (Declined), after a week' }).waitFor();
  await again.getByRole('button', { name: 'Skip' }).click();
  await again.waitFor({ state: 'detached' });
  stored = await storedDocument(page);
  assert.deepEqual(reachOut(stored, 16).after, { after_a_day: { felt: 3 }, after_a_week: 'skipped' });
});

test('a near miss is noted from any page, about the contact on screen, and can be let go', async (t) => {
  const page = await seeded(t);
  await visit(page, setup.server.url, '/contacts/2');
  await page.getByRole('button', { name: 'I almost reached out' }).click();
  const panel = page.getByRole('region', { name: 'A near miss' });
  assert.equal(await panel.getByLabel('Who was it? (optional)').inputValue(), '2', 'the contact on screen');
  await panel.getByLabel('What held you back? (optional)').fill('Worried it was too soon');
  await panel.getByRole('button', { name: 'Note the near miss' }).click();
  await page.getByText('Noted, without judgement.').waitFor();
  let stored = await storedDocument(page);
  assert.deepEqual(
    stored.data.near_misses.map(({ id, contact, note, date }) => ({ id, contact, note, date })),
    [
      { id: 1, contact: 4, note: 'Froze before sending', date: '2026-11-26' },
      { id: 2, contact: 2, note: 'Worried it was too soon', date: '2026-11-27' },
    ]);

  await page.getByRole('link', { name: 'Today' }).click();
  const near = page.getByRole('region', { name: 'Almost reached out' });
  await near.getByText('Worried it was too soon').waitFor();
  await near.getByRole('listitem').filter({ hasText: 'Dmitri Ivanov' }).getByRole('button', { name: 'Let it go' }).click();
  await near.getByText('Dmitri Ivanov').waitFor({ state: 'detached' });
  stored = await storedDocument(page);
  assert.equal(stored.data.near_misses[0].let_go, true);
  // Insights counts both.
  await page.getByRole('link', { name: 'Insights' }).click();
  await page.getByText('You noted 2 near misses; 0 became reach-outs.').waitFor();

  // About someone not in the contacts: add them, then reach out, from the same row.
  await page.getByRole('button', { name: 'I almost reached out' }).click();
  await panel.getByLabel('Who was it? (optional)').selectOption('');
  await panel.getByLabel('What held you back? (optional)').fill('The new neighbour, too shy');
  await panel.getByRole('button', { name: 'Note the near miss' }).click();
  await page.getByRole('link', { name: 'Today' }).click();
  const stranger = near.getByRole('listitem').filter({ hasText: 'The new neighbour, too shy' });
  await stranger.getByRole('button', { name: 'Add them and reach out' }).click();
  await stranger.getByLabel('Their name').fill('Lena Park');
  await stranger.getByRole('button', { name: 'Add them', exact: true }).click();
  const lena = near.getByRole('listitem').filter({ hasText: 'Lena Park' });
  await lena.getByRole('button', { name: 'Reach out now' }).click();
  await lena.getByRole('radio', { name: 'Email' }).check();
  await lena.getByRole('button', { name: 'Save reach-out' }).click();
  await lena.waitFor({ state: 'detached' });
  stored = await storedDocument(page);
  const added = stored.data.contacts.find((c) => c.name === 'Lena Park');
  assert.ok(added, 'Lena Park was added');
  assert.equal(stored.data.near_misses[2].contact, added.id);
  assert.ok(stored.data.near_misses[2].reached, 'the near miss became a reach-out');
});

test('a template is picked while logging, filled with the contact, copied in one click, and edited', async (t) => {
  const page = await seeded(t);
  await page.ownContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: setup.server.url });
  await visit(page, setup.server.url, '/contacts/1');
  await page.getByLabel('Start from a message template').selectOption({ label: 'Reconnecting after years' });
  const message = page.getByLabel('Message to send');
  const text = await message.inputValue();
  assert.match(text, /^Hi Ana,/);
  assert.match(text, /since the design meetup\./);
  assert.equal(await page.getByLabel('What was it about?').inputValue(), 'Reconnecting after years');
  await page.getByRole('button', { name: 'Copy message' }).click();
  await page.getByText('Copied. Paste it where you write to them.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  // Saved: the form starts afresh, the message and "Copied." included.
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('status').getByText('Logged.').waitFor();
  assert.equal(await page.getByLabel('Message to send').count(), 0);
  assert.equal(await page.getByText('Copied. Paste it where you write to them.').count(), 0);
  assert.equal(await page.getByLabel('Start from a message template').inputValue(), '');

  // A contact without a company: the gap is shown, not hidden.
  await visit(page, setup.server.url, '/contacts/3');
  await page.getByLabel('Start from a message template').selectOption({ label: 'A first note' });
  await page.getByText('Fill in before sending: company.').waitFor();

  // Edit a starter and delete another; the list is stored from then on.
  await visit(page, setup.server.url, '/templates');
  await page.getByRole('button', { name: 'Edit “A first note”' }).click();
  await page.getByLabel('Name').fill('First hello');
  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Saved “First hello”.').waitFor();
  await page.getByRole('button', { name: 'Delete “A thank-you”' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('Deleted “A thank-you”.').waitFor();
  const stored = await storedDocument(page);
  assert.deepEqual(stored.data.templates.map((tpl) => tpl.name),
    ['First hello', 'A gentle follow-up', 'Reconnecting after years', 'A kind last note']);
});

/** The cells of the table under the details summary `name`, row by row. */
async function tableRows(page, name) {
  await page.getByText(name, { exact: true }).click();
  const table = page.locator('details', { has: page.getByText(name, { exact: true }) }).locator('table');
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

test('Insights shows the seeded record\'s numbers exactly, each chart with its table', async (t) => {
  const page = await seeded(t);
  await visit(page, setup.server.url, '/insights');
  // Predictions: 0 (a no), 20, 0 (no answer), 60, 100 → 36 %; yeses 3 of 5 → 60 %.
  await page.getByText('You expected a yes 36 % of the time. They said yes 60 % of the time: 3 times of 5.').waitFor();
  assert.deepEqual(await tableRows(page, 'Predicted against actual: as a table'), [
    ['All', '5', '36 %', '3', '60 %'],
    ['Email', '2', '10 %', '1', '50 %'],
    ['Phone', '1', '100 %', '1', '100 %'],
    ['LinkedIn', '1', '0 %', '0', '0 %'],
    ['In person', '1', '60 %', '1', '100 %'],
  ]);
  // Words against words: "a no" got a yes, "no answer" got none, "a yes" got a yes.
  await page.getByText('When you were 41–60 % sure, they said yes 100 % of the time (1 of 1).').waitFor();
  // How sure you were takes the percentages only: 20 (a no) and 60 (met).
  assert.deepEqual(await tableRows(page, 'How sure you were: as a table'), [
    ['0–20 %', '1', '20 %', '0', '0 %'],
    ['41–60 %', '1', '60 %', '1', '100 %'],
  ]);
  // The sting: Ben (no guess) 6 then 2; Chiara (a week or more) 3 then 1, gone within a day.
  await page.getByText('Faded sooner than you feared: 1 of 1.').waitFor();
  assert.deepEqual(await tableRows(page, 'The sting, by how long you guessed it would last: as a table'), [
    ['A week or more', '1', '3.0', '1.0', '–'],
    ['No guess', '1', '6.0', '2.0', '–'],
  ]);
  // Fear 8, 6, 7 against feeling 1, 6, 3.
  await page.getByText('Before: 7.0 of 10 afraid on average. After: 3.3 of 10.').waitFor();
  assert.deepEqual(await tableRows(page, 'The funnel: as a table'), [
    ['Reached out', '6', '–', '100 %'],
    ['Replied', '4', '67 %', '67 %'],
    ['Yes', '3', '75 %', '50 %'],
    ['Met', '1', '33 %', '17 %'],
    ['Opportunity', '0', '0 %', '0 %'],
  ]);
  // Goal 2: met the weeks of 2 and 23 November; 0 → 200 → 190 → 180 → 344, shown as 34.
  await page.getByText('Strength 34 of 100. Goal met in 2 of 4 weeks since your first reach-out.').waitFor();
  await page.getByRole('region', { name: 'The wall of good replies' }).getByText('Great coffee, she offered an intro').waitFor();
  // A shorter period leaves the early weeks out: only the week of 23 November in the last 5 days.
  await page.getByLabel('Period').selectOption({ label: 'Last 4 weeks' });
  await page.getByText('You expected a yes 36 % of the time.').waitFor();
  assert.equal(await page.getByRole('img', { name: /Reach-outs each week/ }).count(), 1);
});

test('the progress report is one printable page for a chosen period', async (t) => {
  const page = await seeded(t);
  await visit(page, setup.server.url, '/report');
  await page.getByLabel('From', { exact: true }).fill('2026-11-15');
  await page.getByLabel('To', { exact: true }).fill('2026-11-27');
  await page.getByText('15 Nov 2026 to 27 Nov 2026').waitFor();
  const summary = page.getByRole('region', { name: 'In short' });
  assert.deepEqual(await summary.getByRole('listitem').allTextContents(), [
    '3 reach-outs: each one an act of courage',
    '2 yes answers, 0 noes, no answer 0 times',
    '1 near miss noted',
    'Strength score: 34 of 100',
  ]);
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.equal(await page.evaluate(() => window.printed), true);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'no navigation on paper');
  assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false);
  assert.equal(await page.getByRole('table').first().isVisible(), true, 'tables are open on paper');
  await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByLabel('To', { exact: true }).fill('2026-11-01');
  await page.getByText('The first day must come before the last.').waitFor();
});

for (const [width, height] of [[360, 780], [1280, 900]]) {
  for (const colorScheme of ['light', 'dark']) {
    const label = `${width}-${colorScheme}`;
    test(`the courage pages pass axe and fit at ${width}px in ${colorScheme}`, async (t) => {
      const { context } = await openContext(setup.browser, setup.server.url, { viewport: { width, height }, colorScheme });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.clock.setFixedTime(NOON);
      await seed(page);
      for (const [path, name, ready] of [
        ['/', 'today-courage', 'Does it still sting?'],
        ['/insights', 'insights', 'What you feared against what happened'],
        ['/report', 'report', 'In short'],
        ['/templates', 'templates', 'A gentle follow-up'],
        ['/contacts/1', 'contact-before', 'Timeline'],
      ]) {
        await visit(page, setup.server.url, path);
        await page.getByRole('heading', { name: ready }).first().waitFor();
        if (path === '/contacts/1') {
          await page.getByRole('button', { name: 'More questions (optional)' }).click();
          await page.getByRole('button', { name: 'I almost reached out' }).click();
        }
        assert.deepEqual(await accessibilityProblems(page), [], `${name} (${label})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} (${label}) scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
      }
    });
  }
}
