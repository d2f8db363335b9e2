// End-to-end: values at the edges, through every door, in time zones east and west of UTC.
// A backup holding one is refused by name and field and changes nothing; stored data holding
// one (an earlier build's) is kept aside and opened in range; every page then draws without an
// error. Also: a stored deflate bomb, a save the browser drops, a stale edit form in a second
// tab, and a tab left open past midnight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { addContact, freshPage, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();
const VALUES = path.resolve('tests/fixtures/hostile/values');
const BOMB = path.resolve('tests/fixtures/hostile/bomb.txt');
// Kiritimati is 14 hours east of UTC, Pago Pago 11 hours west: the far ends of local time.
const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const PAGES = [
  ['/', 'Today'],
  ['/contacts', 'Contacts'],
  ['/contacts/1', null],
  ['/contacts/1/edit', null],
  ['/insights', 'Insights'],
  ['/data', 'Your data'],
  ['/import', 'Import contacts'],
  ['/settings', 'Settings'],
];

/** Visits every page; each must draw its heading (the page's error listener fails the test otherwise). */
async function everyPageDraws(page, what = '') {
  for (const [route, heading] of PAGES) {
    try {
      await visit(page, setup.server.url, route);
      const h1 = page.getByRole('heading', { level: 1 }).first();
      await h1.waitFor();
      if (heading) assert.equal(await h1.textContent(), heading, route);
    } catch (error) {
      // A page that did not draw (seen once in a while in a full run, never alone): what the
      // page showed, for the next person to read.
      const name = `hostile-stuck-${what}-${route.replaceAll('/', '_')}.png`.replace(/[^\w.-]/g, '');
      await page.screenshot({ path: `test-results/${name}` }).catch(() => {});
      const shown = await page.evaluate(() => document.body?.innerText.slice(0, 300)).catch(() => '(no page)');
      error.message = `${what} ${route}: ${error.message}\nthe page showed: ${shown}`;
      throw error;
    }
  }
}

const fixtures = async () => (await readdir(VALUES)).filter((f) => f.endsWith('.json')).sort();

for (const timezoneId of ZONES) {
  test(`a backup with a value out of range is refused by name and changes nothing (${timezoneId})`, async (t) => {
    const page = await freshPage(t, setup, { timezoneId });
    await addContact(page, setup.server.url, { Name: 'Ana Lima', Company: 'Acme' }, 'Email');
    await visit(page, setup.server.url, '/data');
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    for (const file of await fixtures()) {
      await page.getByLabel('Backup file').setInputFiles(path.join(VALUES, file));
      const alert = page.getByRole('alert').filter({ hasText: 'does not accept' });
      await alert.waitFor();
      const message = await alert.textContent();
      assert.match(message, /: .+; .+\. Nothing was changed\.$/, file);
      assert.equal(await page.getByRole('button', { name: 'Replace my data with this backup' }).count(), 0);
      assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, file);
    }
    await page.getByLabel('Backup file').setInputFiles(path.join(VALUES, 'rhythm-max.json'));
    await page.getByText(
      "This backup holds values that Reachout does not accept: Contact 'Evil Rhythm': stay in touch every 4,294,967,295 days; at most 365. Nothing was changed.",
    ).waitFor();
    await everyPageDraws(page);
  });

  test(`stored values out of range are kept aside, brought into range, and every page draws (${timezoneId})`, async (t) => {
    const page = await freshPage(t, setup, { timezoneId });
    await visit(page, setup.server.url, '/settings');
    for (const file of await fixtures()) {
      const text = await readFile(path.join(VALUES, file), 'utf8');
      // As an earlier build (or a hand edit) would have left it.
      await page.evaluate((raw) => {
        localStorage.clear();
        localStorage.setItem('reachout:document', raw);
      }, text);
      await visit(page, setup.server.url, '/');
      await page.getByRole('alert').getByText('Some saved values were outside what Reachout accepts').waitFor();
      // The banner can be put away; the data, now in range, is saved, so it does not come back.
      await page.getByRole('button', { name: 'Got it' }).click();
      assert.equal(await page.getByText('Some saved values were outside').count(), 0);
      const kept = await page.evaluate(() => Object.keys(localStorage)
        .filter((k) => k.startsWith('reachout:quarantine:')).map((k) => localStorage.getItem(k)));
      assert.deepEqual(kept, [text], `${file}: the original is kept byte for byte`);
      await everyPageDraws(page, file);
      assert.equal(await page.getByText('Some saved values were outside').count(), 0);
      // The copy of the original stays listed on the Data page.
      await visit(page, setup.server.url, '/data');
      await page.getByRole('heading', { name: 'Data set aside' }).waitFor();
    }
  });
}

test('a stored deflate bomb is set aside and the app opens quickly', async (t) => {
  const page = await freshPage(t, setup);
  await visit(page, setup.server.url, '/settings');
  const bomb = await readFile(BOMB, 'utf8');
  await page.evaluate((raw) => localStorage.setItem('reachout:document', raw), bomb);
  const started = performance.now();
  await visit(page, setup.server.url, '/');
  await page.getByRole('alert').getByText('it would decompress to more than 80 MB').waitFor();
  const took = performance.now() - started;
  console.log(`opening with an 81 MB deflate bomb stored: ${Math.round(took)} ms`);
  // Inflating 81 MB and more would take many seconds (a 3 GB one crashed the page); the cap
  // stops it in well under one. The bound is loose so that a busy machine cannot fail it.
  assert.ok(took < 10_000, `took ${took} ms`);
  await everyPageDraws(page);
  // After the first change the app saves its own document; the bomb stays in quarantine.
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  assert.deepEqual((await storedDocument(page)).data.contacts.map((c) => c.name), ['Ana Lima']);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('reachout:quarantine:')));
  assert.equal(kept.length, 1);
});

test('a save the browser accepts but does not keep is reported, and the change stays in the tab', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  assert.ok(await storedDocument(page), 'saved while the browser still kept saves');
  await page.evaluate(() => {
    Storage.prototype.setItem = function setItemThatKeepsNothing() {};
  });
  await page.getByRole('link', { name: 'Edit contact' }).click();
  await page.getByLabel('Company').fill('Acme');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').getByText('Not saved: the browser accepted your data but did not keep it').waitFor();
  await page.getByText('Acme').first().waitFor();
  const stored = await page.evaluate(() => localStorage.getItem('reachout:document'));
  assert.ok(stored, 'the last good copy is still there');
});

test('an edit form left open in another tab changes only what was changed there', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima', Company: 'Acme' });
  const other = await page.ownContext.newPage();
  await visit(page, setup.server.url, '/contacts/1/edit');
  await visit(other, setup.server.url, '/contacts/1/edit');
  await page.getByLabel('Company').fill('Globex');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  assert.equal((await storedDocument(page)).data.contacts[0].company, 'Globex');
  // The other tab still shows "Acme" in its form; it changes only the role.
  assert.equal(await other.getByLabel('Company').inputValue(), 'Acme');
  await other.getByLabel('Role').fill('Designer');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  const ana = (await storedDocument(other)).data.contacts[0];
  assert.equal(ana.company, 'Globex');
  assert.equal(ana.role, 'Designer');
  await other.getByText('Designer at Globex').waitFor();
});

test('two tabs, one field: the notes another tab saved are never dropped without a word', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima', Notes: 'Met at the meetup.' });
  const other = await page.ownContext.newPage();
  await visit(page, setup.server.url, '/contacts/1/edit');
  await visit(other, setup.server.url, '/contacts/1/edit');
  await page.getByLabel('Notes').fill('Their text: ask about the design job.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  // Saved, as when the person switches to the other tab (a hidden page saves at once).
  await storedDocument(page);

  // The other tab edits the same notes: saving asks first, and saves nothing yet.
  await other.getByLabel('Notes').fill('My text: she likes climbing.');
  await other.getByRole('button', { name: 'Save changes' }).click();
  const conflict = other.getByRole('alert').filter({ hasText: 'Another tab changed this contact while you were editing' });
  await other.waitForTimeout(1500);
  await other.screenshot({ path: 'test-results/debug-conflict.png', fullPage: true });
  await conflict.getByText('Their text: ask about the design job.').waitFor();
  await conflict.getByText('My text: she likes climbing.').waitFor();
  assert.equal((await storedDocument(other)).data.contacts[0].notes, 'Their text: ask about the design job.');

  // Keep theirs: the form takes their text, and saving keeps it.
  await conflict.getByRole('button', { name: 'Keep theirs: Notes' }).click();
  assert.equal(await other.getByLabel('Notes').inputValue(), 'Their text: ask about the design job.');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  assert.equal((await storedDocument(other)).data.contacts[0].notes, 'Their text: ask about the design job.');

  // Again, and this time "Use mine": the form's text is saved over theirs, knowingly.
  await visit(page, setup.server.url, '/contacts/1/edit');
  await visit(other, setup.server.url, '/contacts/1/edit');
  await page.getByLabel('Notes').fill('Theirs again.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  await storedDocument(page);
  await other.getByLabel('Notes').fill('Mine again.');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('button', { name: 'Use mine: Notes' }).click();
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  assert.equal((await storedDocument(other)).data.contacts[0].notes, 'Mine again.');
});

test('two tabs saving the same field at the same moment: the other text is offered back', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima', Notes: 'Met at the meetup.' });
  await storedDocument(page);
  // This tab's clock is held: its save waits, as a save gathered a moment too late would.
  await page.clock.install();
  await visit(page, setup.server.url, '/contacts/1/edit');
  const other = await page.ownContext.newPage();
  await visit(other, setup.server.url, '/contacts/1/edit');
  await page.getByLabel('Notes').fill('Mine: ask about climbing.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  await other.getByLabel('Notes').fill('Theirs: ask about the design job.');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await other.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  await storedDocument(other);

  // The held tab takes in the other's save: its own text is kept, the other's offered back.
  const notice = page.getByRole('alert').filter({ hasText: 'Another tab saved a change to the same field at the same moment' });
  await notice.getByText('Theirs: ask about the design job.').waitFor();
  await page.screenshot({ path: 'test-results/clash-notice.png' });
  await page.clock.runFor(1000);
  assert.equal((await storedDocument(page)).data.contacts[0].notes, 'Mine: ask about climbing.');
  await notice.getByRole('button', { name: 'Use theirs: Ana Lima, Notes' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.clock.runFor(1000);
  assert.equal((await storedDocument(page)).data.contacts[0].notes, 'Theirs: ask about the design job.');
});

test('two tabs adding a contact in the same moment: each page keeps showing its own contact', async (t) => {
  const page = await freshPage(t, setup);
  await visit(page, setup.server.url, '/contacts/new');
  const other = await page.ownContext.newPage();
  await visit(other, setup.server.url, '/contacts/new');
  await page.getByLabel('Name').fill('Ana Lima');
  await other.getByLabel('Name').fill('Sam Lee');
  // Saved within one gathered-save window, both take the same id at first; the save that
  // lands second gives its contact a new id, and its page follows it.
  await Promise.all([
    page.getByRole('button', { name: 'Add contact' }).click(),
    other.getByRole('button', { name: 'Add contact' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  await other.getByRole('heading', { level: 1, name: 'Sam Lee' }).waitFor();
  await storedDocument(page);
  const stored = await storedDocument(other);
  const byName = Object.fromEntries(stored.data.contacts.map((c) => [c.name, c.id]));
  assert.deepEqual(Object.keys(byName).sort(), ['Ana Lima', 'Sam Lee'], 'both kept');
  assert.notEqual(byName['Ana Lima'], byName['Sam Lee']);
  for (const [tab, name] of [[page, 'Ana Lima'], [other, 'Sam Lee']]) {
    await tab.waitForFunction(([want, path]) =>
      document.querySelector('h1')?.textContent === want && location.pathname === path,
    [name, `/contacts/${byName[name]}`]);
  }
});

test('a tab left open past midnight shows the new day without a reload', async (t) => {
  const page = await freshPage(t, setup, { timezoneId: 'Europe/Berlin' });
  // 23:58 in Berlin on 27 November.
  await page.clock.install({ time: new Date('2026-11-27T22:58:00Z') });
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await page.getByLabel('Date').fill('2026-11-21');
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('status').getByText('Logged.').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByText('27 Nov 2026').waitFor();
  await page.getByRole('heading', { name: 'Awaiting a reply' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Follow-ups due' }).count(), 0);

  await page.clock.runFor('03:00');
  await page.getByText('28 Nov 2026').waitFor();
  await page.getByRole('heading', { name: 'Follow-ups due' }).waitFor();
  await page.getByRole('list', { name: 'Follow-ups due' }).getByRole('link', { name: 'Ana Lima' }).waitFor();
});

test('a reach-out form left open overnight logs the new day, not the day it was drawn', async (t) => {
  const page = await freshPage(t, setup, { timezoneId: 'Europe/Berlin' });
  await page.clock.install({ time: new Date('2026-11-27T22:58:00Z') });
  await addContact(page, setup.server.url, { Name: 'Ben Okafor' });
  assert.equal(await page.getByLabel('Date').inputValue(), '2026-11-27');
  await page.clock.runFor('03:00');
  // The field itself moves on: what it shows is what is saved.
  assert.equal(await page.getByLabel('Date').inputValue(), '2026-11-28');
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('status').getByText('Logged.').waitFor();
  const logged = (await storedDocument(page)).data.reach_outs[0];
  assert.equal(logged.date, '2026-11-28');
});
