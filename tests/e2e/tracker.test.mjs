// End-to-end: the daily loop across days. Playwright's clock sets the browser's date, so the
// app's own clock (read at the edge) moves with it; nothing in the app is mocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moreDetails, openContext, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();

/** A page whose clock reads noon on `day`; `moveTo` jumps to another day and reloads. */
async function pageOn(t, day) {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${day}T12:00:00`));
  t.after(async () => {
    await context.close();
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
  });
  page.moveTo = async (next) => {
    await page.clock.setFixedTime(new Date(`${next}T12:00:00`));
    await visit(page, setup.server.url, '/');
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  };
  return page;
}

function section(page, name) {
  return page.getByRole('region', { name });
}

async function addContactAndReachOut(page, name, channel = 'Email') {
  await visit(page, setup.server.url, '/contacts/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('radio', { name: channel }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('status').getByText('Logged.').waitFor();
}

test('the follow-up ladder: due after a week, logged from Today in 3 actions, then close the loop', async (t) => {
  const page = await pageOn(t, '2026-11-02');
  await addContactAndReachOut(page, 'Ana Lima');

  await page.moveTo('2026-11-08');
  await section(page, 'Awaiting a reply').getByText('Ana Lima').waitFor();
  assert.equal(await section(page, 'Follow-ups due').count(), 0, 'not due before seven days');

  await page.moveTo('2026-11-09');
  const due = section(page, 'Follow-ups due').getByRole('listitem').filter({ hasText: 'Ana Lima' });
  await due.getByText('Due today').waitFor();
  await due.getByText('Try 2 of 3').waitFor();
  let actions = 0;
  await due.getByRole('button', { name: 'Log follow-up' }).click(); actions += 1;
  await due.getByRole('radio', { name: 'Phone' }).check(); actions += 1;
  await due.getByRole('button', { name: 'Save follow-up' }).click(); actions += 1;
  assert.ok(actions <= 3, `logging a follow-up took ${actions} actions`);
  await section(page, 'Awaiting a reply').getByText('Ana Lima').waitFor();
  assert.equal(await section(page, 'Follow-ups due').count(), 0);
  const stored = await storedDocument(page);
  assert.equal(stored.data.reach_outs.length, 2);
  assert.equal(stored.data.reach_outs[1].follows_up, stored.data.reach_outs[0].id, 'the follow-up is linked');
  assert.equal(stored.data.reach_outs[0].outcome, 'no_response');

  await page.moveTo('2026-11-20');
  const late = section(page, 'Follow-ups due').getByRole('listitem').filter({ hasText: 'Ana Lima' });
  await late.getByText('Ready for a gentle nudge').waitFor();
  await late.getByText('4 days past the date you planned').waitFor();
  await late.getByText('Try 3 of 3').waitFor();
  await late.getByRole('button', { name: 'Log follow-up' }).click();
  await late.getByRole('radio', { name: 'LinkedIn' }).check();
  await late.getByRole('button', { name: 'Save follow-up' }).click();
  await section(page, 'Awaiting a reply').getByText('Ana Lima').waitFor();

  await page.moveTo('2026-12-10');
  const loop = section(page, 'Time to close the loop').getByRole('listitem').filter({ hasText: 'Ana Lima' });
  await loop.getByText('No answer after 3 tries').waitFor();
  assert.equal(await section(page, 'Follow-ups due').count(), 0, 'after three tries it stops nagging');
  await loop.getByRole('button', { name: 'Close the loop' }).click();
  await loop.getByRole('button', { name: 'Close without a note' }).click();
  await page.getByText('Nothing is due today.').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('list', { name: 'Contacts' }).getByText('Gone quiet').waitFor();
});

test('an outcome is recorded from Today in 2 actions and shows up as a win', async (t) => {
  const page = await pageOn(t, '2026-11-02');
  await addContactAndReachOut(page, 'Ben Okafor', 'LinkedIn');
  await page.moveTo('2026-11-04');
  const row = section(page, 'Awaiting a reply').getByRole('listitem').filter({ hasText: 'Ben Okafor' });
  let actions = 0;
  await row.getByRole('button', { name: 'Record outcome' }).click(); actions += 1;
  await row.getByRole('button', { name: "Yes, let's talk" }).click(); actions += 1;
  assert.ok(actions <= 2);
  await section(page, 'Recent wins').getByText("Ben Okafor · Yes, let's talk").waitFor();
  assert.equal(await section(page, 'Awaiting a reply').count(), 0);
  const stored = await storedDocument(page);
  assert.equal(stored.data.reach_outs[0].outcome, 'accepted');
  assert.equal(stored.data.reach_outs[0].outcome_date, '2026-11-04');

  await page.getByRole('link', { name: 'Ben Okafor' }).first().click();
  await page.getByText('Stage:').getByText('Replied').waitFor();
});

test('an outcome dated before its reach-out is refused with a message, and nothing changes', async (t) => {
  const page = await pageOn(t, '2026-11-10');
  await addContactAndReachOut(page, 'Carla Ruiz');
  const before = await storedDocument(page);
  // The answer awaited leads the contact's page.
  const item = page.getByRole('region', { name: 'Waiting for an answer' });
  await item.getByRole('button', { name: 'Record outcome' }).click();
  await item.getByLabel('When').fill('2026-11-01');
  await item.getByRole('button', { name: 'Declined' }).click();
  await item.getByText("The answer can't come before you reached out (10 Nov 2026).").waitFor();
  assert.deepEqual(await storedDocument(page), before);
});

test('snoozing a due follow-up hides it until the chosen day', async (t) => {
  const page = await pageOn(t, '2026-11-02');
  await addContactAndReachOut(page, 'Dana Scully');
  await page.moveTo('2026-11-10');
  const row = section(page, 'Follow-ups due').getByRole('listitem').filter({ hasText: 'Dana Scully' });
  await row.getByRole('button', { name: 'Snooze' }).click();
  await row.getByRole('button', { name: 'Until tomorrow' }).click();
  await section(page, 'Awaiting a reply').getByText('Dana Scully').waitFor();
  assert.equal(await section(page, 'Follow-ups due').count(), 0);
  await page.moveTo('2026-11-11');
  await section(page, 'Follow-ups due').getByText('Dana Scully').waitFor();
});

test('stay in touch: due when the rhythm comes round, done resets it, archiving leaves Today', async (t) => {
  const page = await pageOn(t, '2026-11-01');
  await visit(page, setup.server.url, '/contacts/new');
  await page.getByLabel('Name').fill('Eve Mentor');
  await moreDetails(page);
  await page.getByLabel('Stay in touch every … days').fill('0');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByText('Enter a number of days from 1 to 365').waitFor();
  await page.getByLabel('Stay in touch every … days').fill('14');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Eve Mentor' }).waitFor();

  await page.moveTo('2026-11-14');
  assert.equal(await section(page, 'Stay in touch').count(), 0);
  await page.moveTo('2026-11-15');
  const row = section(page, 'Stay in touch').getByRole('listitem').filter({ hasText: 'Eve Mentor' });
  await row.getByText('Every 14 days').waitFor();
  await row.getByRole('button', { name: "Done, we're in touch" }).click();
  assert.equal(await section(page, 'Stay in touch').count(), 0);
  await page.moveTo('2026-11-29');
  await section(page, 'Stay in touch').getByText('Eve Mentor').waitFor();

  await section(page, 'Stay in touch').getByRole('link', { name: 'Eve Mentor' }).click();
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await page.getByText('This contact is archived').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await section(page, 'Stay in touch').count(), 0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  assert.equal(await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Eve Mentor' }).count(), 0);
  await page.getByLabel('Show archived contacts').check();
  await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Eve Mentor' }).waitFor();
});

test('the follow-up rules in Settings change when Today nudges', async (t) => {
  const page = await pageOn(t, '2026-11-02');
  await visit(page, setup.server.url, '/settings');
  await page.getByLabel('Days to wait for an answer').fill('0');
  await page.getByLabel('Tries before closing the loop').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Enter a number of days from 1 to 90.').waitFor();
  assert.equal(await storedDocument(page), null, 'nothing is saved from a refused form');
  await page.getByLabel('Days to wait for an answer').fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();

  await addContactAndReachOut(page, 'Fay Wong');
  await page.moveTo('2026-11-05');
  const row = section(page, 'Follow-ups due').getByRole('listitem').filter({ hasText: 'Fay Wong' });
  await row.getByText('Try 2 of 2').waitFor();
  await row.getByRole('button', { name: 'Log follow-up' }).click();
  await row.getByRole('radio', { name: 'Text message' }).check();
  await row.getByRole('button', { name: 'Save follow-up' }).click();
  await page.moveTo('2026-11-08');
  await section(page, 'Time to close the loop').getByText('No answer after 2 tries').waitFor();
});
