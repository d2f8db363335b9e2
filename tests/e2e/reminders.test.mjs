// End-to-end: reminders without a server (issue 25), as far as they are built: the weekly
// reminder and every follow-up date downloaded for the calendar, the count on the app's icon,
// and a person coming back after 20 days, met with one small step at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { freshPage, serveAndBrowse, visit, workerControls } from './support.mjs';
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
  await card.getByLabel('Day of the week').selectOption('Wednesday');
  await card.getByLabel('Time').fill('18:30');
  const weekly = await download(page, 'Add a weekly reminder to my calendar');
  assert.equal(weekly.name, 'reachout-weekly-reminder.ics');
  const lines = unfolded(weekly.text);
  assert.ok(weekly.text.endsWith('\r\n') && !weekly.text.replaceAll('\r\n', '').includes('\n'), 'CRLF lines');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  // 10 December 2026 is a Thursday: the first Wednesday after it is the 16th.
  for (const wanted of ['RRULE:FREQ=WEEKLY;BYDAY=WE', 'DTSTART:20261216T183000', `UID:weekly-reminder@${new URL(setup.server.url).host}`,
    `URL:${setup.server.url}/`]) {
    assert.ok(lines.includes(wanted), `${wanted} in ${lines.join(' | ')}`);
  }
  assert.ok(lines.some((l) => /^SUMMARY:Reachout: (one brave ask|\d+ brave asks) this week$/.test(l)));
  await card.getByRole('status').getByText('every Wednesday at 18:30').waitFor();

  const dates = await download(page, 'Add every follow-up date to my calendar');
  assert.equal(dates.name, 'reachout-follow-ups-2026-12-10.ics');
  assert.ok(unfolded(dates.text).includes('SUMMARY:Follow up with Chiara Rossi'));
  await page.screenshot({ path: 'test-results/reminders-settings-phone.png', fullPage: true });

  // One follow-up's date, from its row on Today: the same event as in the file of every date.
  await visit(page, setup.server.url, '/');
  const row = page.getByRole('region', { name: 'Follow-ups due' }).getByRole('listitem').filter({ hasText: 'Chiara Rossi' });
  const [one] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Add to my calendar' }).click()]);
  const oneLines = unfolded(await readFile(await one.path(), 'utf8'));
  assert.equal(oneLines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  assert.ok(oneLines.includes('SUMMARY:Follow up with Chiara Rossi'));
  const uid = oneLines.find((l) => l.startsWith('UID:'));
  assert.ok(unfolded(dates.text).includes(uid), 'the same UID as in the file of every date');
  await visit(page, setup.server.url, '/settings');

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
  // The focus goes where the next step is, not to the page's body.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
  assert.equal(await welcome.count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Follow-ups due' }).count(), 0, 'nothing overdue is left for today');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('region', { name: 'Follow-ups due' }).getByText('Chiara Rossi').waitFor();

  // The next visit is no return: the day of this one was remembered.
  await visit(page, setup.server.url, '/');
  await page.getByRole('region', { name: 'Follow-ups due' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Welcome back' }).count(), 0);
});

/** Wakes the app's service worker as the browser does about once a day (DevTools protocol). */
async function periodicSync(page, origin) {
  const cdp = await page.context().newCDPSession(page);
  const registrations = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  for (let waited = 0; registrations.length === 0 && waited < 5000; waited += 50) await page.waitForTimeout(50);
  const registration = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
  assert.ok(registration, 'the app has a service worker');
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin, registrationId: registration.registrationId, tag: 'reachout-digest' });
  await cdp.detach();
}

/**
 * The notifications the worker is showing: as soon as there are `expected` of them (polled for
 * up to 5 s), or, when none are expected, after giving the worker a second to show one anyway.
 */
async function notifications(page, expected) {
  const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())
    .map((n) => ({ title: n.title, body: n.body, tag: n.tag })));
  if (expected === 0) {
    await page.waitForTimeout(1000);
    return shown();
  }
  for (let waited = 0; waited < 5000; waited += 100) {
    const now = await shown();
    if (now.length >= expected) return now;
    await page.waitForTimeout(100);
  }
  return shown();
}

test('with notifications on, a daily wake-up shows one notification saying who is due; never twice a day; nothing once turned off', async (t) => {
  // The worker's day is the real one (its clock cannot be faked): the seed's follow-ups are
  // overdue on any day from December 2026.
  const page = await freshPage(t, setup, PHONE);
  await page.context().grantPermissions(['notifications'], { origin: setup.server.url });
  await seed(page, COURAGE_SEED);
  await visit(page, setup.server.url, '/');
  await workerControls(page);
  const due = await page.getByRole('region', { name: 'Follow-ups due' }).getByRole('listitem').count();
  assert.ok(due > 0);
  await visit(page, setup.server.url, '/settings');
  const card = page.getByRole('region', { name: 'Reminders' });
  await card.getByLabel('Notify me once a day when follow-ups are due').check();
  await card.getByRole('status').getByText(/^On/).waitFor();
  const digestKept = () => page.evaluate(async () => {
    const names = await caches.keys();
    return names.some((n) => n.startsWith('reachout-digest '));
  });
  await page.waitForFunction(async () => Boolean(await caches.match(new URL('reachout-digest.json', document.baseURI).href)));

  await periodicSync(page, setup.server.url);
  const shown = await notifications(page, 1);
  assert.equal(shown.length, 1, JSON.stringify(shown));
  assert.equal(shown[0].title, 'Reachout');
  assert.match(shown[0].body, new RegExp(`^${due} follow-ups? today: .*Chiara Rossi`));
  await page.screenshot({ path: 'test-results/reminders-notify-settings.png' });

  // Never twice a day.
  await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
  await periodicSync(page, setup.server.url);
  assert.deepEqual(await notifications(page, 0), []);

  // Hidden names: the digest is written again without them.
  await card.getByLabel('Hide names in reminders').check();
  await page.waitForFunction(async () => {
    const digest = await (await caches.match(new URL('reachout-digest.json', document.baseURI).href))?.json();
    const words = Object.values(digest?.days ?? {});
    return words.length > 0 && words.every((text) => /^\d+ follow-ups? today$/.test(text));
  });

  // Turned off: the digest is gone, and a wake-up shows nothing.
  await card.getByLabel('Notify me once a day when follow-ups are due').uncheck();
  await card.getByRole('status').getByText('Notifications are off').waitFor();
  await page.waitForFunction(async () => !(await caches.keys()).some((n) => n.startsWith('reachout-digest ')));
  assert.equal(await digestKept(), false);
  await periodicSync(page, setup.server.url);
  assert.deepEqual(await notifications(page, 0), []);
});

test('with notifications on and nothing due, a wake-up shows nothing', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.context().grantPermissions(['notifications'], { origin: setup.server.url });
  await visit(page, setup.server.url, '/');
  await workerControls(page);
  await visit(page, setup.server.url, '/settings');
  const card = page.getByRole('region', { name: 'Reminders' });
  await card.getByLabel('Hide names in reminders').check();
  await card.getByLabel('Notify me once a day when follow-ups are due').check();
  await card.getByRole('status').getByText(/^On/).waitFor();
  await page.waitForFunction(async () => Boolean(await caches.match(new URL('reachout-digest.json', document.baseURI).href)));
  const digest = await page.evaluate(async () => (await caches.match(new URL('reachout-digest.json', document.baseURI).href)).json());
  assert.deepEqual(digest, { format: 'reachout-digest', version: 1, days: {}, counts: {} });
  await periodicSync(page, setup.server.url);
  assert.deepEqual(await notifications(page, 0), []);
});

test('after the first reach-out, Today offers a weekly reminder once; either answer puts it away', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.clock.setFixedTime(LATER);
  await seed(page, COURAGE_SEED);
  await visit(page, setup.server.url, '/');
  const offer = page.getByRole('region', { name: 'A nudge each week?' });
  await offer.getByRole('link', { name: 'Set up a reminder' }).click();
  await page.getByRole('region', { name: 'Reminders' }).getByRole('button', { name: 'Add a weekly reminder to my calendar' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'reminders-heading');
  await visit(page, setup.server.url, '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await offer.count(), 0, 'offered once');
});

test('keyboard: "Show them" lists the overdue follow-ups and moves the focus to them', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.clock.setFixedTime(LATER);
  await seed(page, COURAGE_SEED);
  await page.addInitScript(() => localStorage.setItem('reachout:pref:last-seen', JSON.stringify('2026-11-01')));
  await visit(page, setup.server.url, '/');
  await page.getByRole('button', { name: 'Show them' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Follow-ups due' }).getByText('Chiara Rossi').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'due-heading');
});

test('a tap on the daily notification, in an open tab, shows Today there (the message the worker posts)', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await seed(page, COURAGE_SEED);
  await visit(page, setup.server.url, '/settings');
  await workerControls(page);
  // What assets/sw.js posts to the tab it focused; a notification itself cannot be clicked from
  // a test.
  await page.evaluate(() => navigator.serviceWorker.dispatchEvent(new MessageEvent('message', { data: 'reachout:open-today' })));
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
});
