// End-to-end: reminders without a server (issue 25), as far as they are built: the weekly
// reminder and every follow-up date downloaded for the calendar, the count on the app's icon,
// and a person coming back after 20 days, met with one small step at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { freshPage, serveAndBrowse, visit } from './support.mjs';
import { COURAGE_SEED, seed } from './seed.mjs';

const setup = serveAndBrowse();
const PHONE = { viewport: { width: 360, height: 780 } };
// Chiara Rossi's follow-up in the seed falls due before this day.
const LATER = new Date('2026-12-10T12:00:00');

/** The content lines of an iCalendar file, unfolded. */
const unfolded = (ics) => ics.replaceAll('\r\n ', '').split('\r\n').filter(Boolean);

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('Settings: a weekly reminder on the chosen day and time, and every follow-up date, download for the calendar', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.clock.setFixedTime(LATER);
  await seed(page, COURAGE_SEED);
  await visit(page, setup.server.url, '/settings');
  const card = page.getByRole('region', { name: 'Reminders' });
  await card.getByLabel('Day').selectOption('Wednesday');
  await card.getByLabel('Time').fill('18:30');
  const weekly = await download(page, 'Add a weekly reminder to my calendar');
  assert.equal(weekly.name, 'reachout-weekly-reminder.ics');
  const lines = unfolded(weekly.text);
  assert.ok(weekly.text.endsWith('\r\n') && !weekly.text.replaceAll('\r\n', '').includes('\n'), 'CRLF lines');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  // 10 December 2026 is a Thursday: the first Wednesday after it is the 16th.
  for (const wanted of ['RRULE:FREQ=WEEKLY;BYDAY=WE', 'DTSTART:20261216T183000', 'UID:weekly-reminder@reachout',
    `URL:${setup.server.url}/`]) {
    assert.ok(lines.includes(wanted), `${wanted} in ${lines.join(' | ')}`);
  }
  assert.ok(lines.some((l) => /^SUMMARY:Reachout: (one brave ask|\d+ brave asks) this week$/.test(l)));
  await card.getByRole('status').getByText('every Wednesday at 18:30').waitFor();

  const dates = await download(page, 'Add every follow-up date to my calendar');
  assert.equal(dates.name, 'reachout-follow-ups-2026-12-10.ics');
  assert.ok(unfolded(dates.text).includes('SUMMARY:Follow up with Chiara Rossi'));
  await page.screenshot({ path: 'test-results/reminders-settings-phone.png', fullPage: true });

  // A time that is not one is refused in words, and nothing downloads.
  await card.getByLabel('Time').fill('');
  await card.getByRole('button', { name: 'Add a weekly reminder to my calendar' }).click();
  await card.getByRole('status').getByText('Enter a time like 09:00.').waitFor();
});

test('the app icon counts the follow-ups due, and is cleared when none are', async (t) => {
  for (const [when, expected] of [[LATER, (calls) => calls.some((c) => c.startsWith('set '))], [new Date('2026-10-02T12:00:00'), (calls) => calls.includes('clear')]]) {
    const page = await freshPage(t, setup, PHONE);
    // The Badging API, observed: every call is recorded.
    await page.addInitScript(() => {
      window.badgeCalls = [];
      Navigator.prototype.setAppBadge = function setAppBadge(count) { window.badgeCalls.push(`set ${count}`); return Promise.resolve(); };
      Navigator.prototype.clearAppBadge = function clearAppBadge() { window.badgeCalls.push('clear'); return Promise.resolve(); };
    });
    await page.clock.setFixedTime(when);
    await seed(page, COURAGE_SEED);
    await visit(page, setup.server.url, '/');
    await page.waitForFunction(() => window.badgeCalls.length > 0);
    const calls = await page.evaluate(() => window.badgeCalls);
    assert.ok(expected(calls), `${when.toISOString()}: ${calls}`);
    if (calls[0].startsWith('set ')) {
      const due = await page.getByRole('region', { name: 'Follow-ups due' }).getByRole('listitem').count();
      assert.equal(calls.at(-1), `set ${due}`, 'the count is what Today lists as due');
    }
  }
});

test('phone: back after 20 days, Today leads with one small step; overdue follow-ups wait behind a count; Start fresh moves them, and undo brings them back', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.clock.setFixedTime(LATER);
  await seed(page, COURAGE_SEED);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seen')) {
      localStorage.setItem('reachout:pref:last-seen', JSON.stringify('2026-11-20'));
      sessionStorage.setItem('seen', '1');
    }
  });
  await visit(page, setup.server.url, '/');
  const welcome = page.getByRole('region', { name: 'Welcome back' });
  await welcome.waitFor();
  const box = await welcome.getByRole('button', { name: 'Start fresh' }).boundingBox();
  assert.ok(box && box.y + box.height <= 780, 'Start fresh is on the first screen');
  await welcome.getByText(/follow-ups? waited for you/).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Follow-ups due' }).count(), 0, 'the overdue rows are folded away');
  await page.screenshot({ path: 'test-results/reminders-welcome-back-phone.png' });

  await welcome.getByRole('button', { name: 'Start fresh' }).click();
  await page.getByText(/Moved \d+ overdue follow-ups? to the next days\./).waitFor();
  assert.equal(await welcome.count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Follow-ups due' }).count(), 0, 'nothing overdue is left for today');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('region', { name: 'Follow-ups due' }).getByText('Chiara Rossi').waitFor();

  // The next visit is no return: the day of this one was remembered.
  await visit(page, setup.server.url, '/');
  await page.getByRole('region', { name: 'Follow-ups due' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Welcome back' }).count(), 0);
});
