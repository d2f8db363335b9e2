// End-to-end: the Data page and the faults of storage, as a user meets them: a real download,
// a real file chosen in the file input, a tab closed right after typing, a full storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  addContact, decodeStored, freshPage, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();
const HOSTILE = path.resolve('tests/fixtures/hostile');

const names = (document) => document.data.contacts.map((c) => c.name).sort();

async function downloadBackup(page) {
  await visit(page, setup.server.url, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  await page.getByRole('status').getByText('Backup downloaded').waitFor();
  const file = await download.path();
  return { file, name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

test('a backup is a real download of a readable JSON file', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima', Company: 'Acme' }, 'Email');
  const backup = await downloadBackup(page);
  assert.match(backup.name, /^reachout-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const document = decodeStored(backup.text);
  assert.equal(document.format, 'reachout');
  assert.deepEqual(names(document), ['Ana Lima']);
  assert.equal(document.data.contacts[0].company, 'Acme');
  assert.equal(document.data.reach_outs.length, 1);
  await page.getByText(/Last backup: /).waitFor();
});

test('restore shows what will change, replaces the data, and one click undoes it', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  const backup = await downloadBackup(page);
  await addContact(page, setup.server.url, { Name: 'Ben Okafor' }, 'Phone');

  await visit(page, setup.server.url, '/data');
  await page.getByLabel('Backup file').setInputFiles(backup.file);
  const preview = page.getByRole('group', { name: /saved on/ });
  await preview.getByText('Now: 2 contacts and 1 reach-out.').waitFor();
  await preview.getByText('After the restore: 1 contact and 0 reach-outs.').waitFor();
  await preview.getByText('0 contacts added, 1 removed, 0 changed.').waitFor();
  assert.deepEqual(names(await storedDocument(page)), ['Ana Lima', 'Ben Okafor'], 'nothing yet');

  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.getByRole('status').getByText('Restored 1 contact and 0 reach-outs').waitFor();
  assert.deepEqual(names(await storedDocument(page)), ['Ana Lima']);
  const snapshot = await page.evaluate(() => localStorage.getItem('reachout:snapshot'));
  assert.deepEqual(names(decodeStored(snapshot)), ['Ana Lima', 'Ben Okafor']);

  await page.getByRole('button', { name: 'Undo the restore' }).click();
  await page.getByRole('status').getByText('The data from before the restore is back.').waitFor();
  await page.reload();
  await page.getByText('2 contacts and 1 reach-out', { exact: true }).waitFor();
  assert.deepEqual(names(await storedDocument(page)), ['Ana Lima', 'Ben Okafor']);
  assert.equal((await storedDocument(page)).data.reach_outs.length, 1);
  assert.equal(await page.evaluate(() => localStorage.getItem('reachout:snapshot')), null);
});

test('every hostile file is refused with a clear message and changes nothing', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await visit(page, setup.server.url, '/data');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const expected = {
    'Connections.csv': 'not JSON text',
    'binary.vcf': 'not JSON text',
    'deep.json': 'nested far too deeply',
    'no-end.vcf': 'not JSON text',
    'not-a-backup.json': 'JSON, but of another kind',
    'truncated-backup.json': 'the file ends early',
    // Packed text that would inflate to more than 80 MB: refused while checking, quickly.
    'bomb.txt': 'would decompress to more than 80 MB',
  };
  // Files only: the backups with one value out of range each (values/) have their own test.
  const files = (await readdir(HOSTILE, { withFileTypes: true }))
    .filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
  assert.deepEqual(files, Object.keys(expected).sort(), 'every fixture has its message');
  for (const file of files) {
    await page.getByLabel('Backup file').setInputFiles(path.join(HOSTILE, file));
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was changed.' });
    await alert.getByText(expected[file]).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Replace my data with this backup' }).count(), 0);
  }
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
});

test('closing the tab right after typing keeps the change', async (t) => {
  const page = await freshPage(t, setup);
  await visit(page, setup.server.url, '/contacts/new');
  await page.getByLabel('Name').fill('Dana Scully');
  // No waiting for the gathered save: the tab closes right after the click, as a person would.
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.close({ runBeforeUnload: true });
  const again = await page.ownContext.newPage();
  await visit(again, setup.server.url, '/contacts');
  await again.getByRole('link', { name: 'Dana Scully' }).waitFor();
});

test('unreadable data: the banner offers its raw text as a download and removes it only when asked', async (t) => {
  const page = await freshPage(t, setup);
  await visit(page, setup.server.url);
  const broken = 'reachout-deflate15:999:\u4e01\u4e02';
  await page.evaluate((text) => localStorage.setItem('reachout:document', text), broken);
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Your saved data could not be read' });
  await banner.getByText('compressed').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the raw data' }).click(),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), broken);
  assert.match(download.suggestedFilename(), /^reachout-unreadable-\d+\.txt$/);

  await visit(page, setup.server.url, '/data');
  const aside = page.getByRole('heading', { name: 'Data set aside' });
  await aside.waitFor();
  await banner.getByRole('button', { name: 'Remove it…' }).click();
  await banner.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')).length), 1);
  await banner.getByRole('button', { name: 'Remove it…' }).click();
  await banner.getByRole('button', { name: 'Remove it for good' }).click();
  await banner.waitFor({ state: 'detached' });
  await aside.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('quarantine')).length), 0);
});

test('the storage meter warns when storage is nearly full, and persistence is reported', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await visit(page, setup.server.url, '/data');
  // Plain words first; the figures wait behind a disclosure.
  await page.getByText('Plenty of room: less than 1 % of what this browser keeps for a site is used.').waitFor();
  assert.equal(await page.getByText(/under the key/).isVisible(), false);
  await page.getByText(/Persistent storage: (Granted|Not granted)/).waitFor();
  assert.equal(await page.getByText('Storage is nearly full').count(), 0);
  await page.evaluate(() => localStorage.setItem('filler', 'x'.repeat(4_200_000)));
  await page.reload();
  await page.getByRole('alert').getByText('Storage is nearly full').waitFor();
  const meter = page.getByRole('meter', { name: 'Space used' });
  assert.ok(Number(await meter.getAttribute('value')) > 4_000_000);
});

test('a gentle reminder appears a month after the data changed without a backup', async (t) => {
  const page = await freshPage(t, setup);
  await page.clock.setFixedTime(new Date('2026-10-01T12:00:00'));
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await visit(page, setup.server.url, '/');
  assert.equal(await page.getByRole('heading', { name: 'Time for a backup' }).count(), 0);
  await page.clock.setFixedTime(new Date('2026-11-05T12:00:00'));
  await visit(page, setup.server.url, '/');
  const reminder = page.getByRole('region', { name: 'Time for a backup' });
  await reminder.getByRole('button', { name: 'Not now' }).click();
  await reminder.waitFor({ state: 'detached' });
  await page.clock.setFixedTime(new Date('2026-11-13T12:00:00'));
  await visit(page, setup.server.url, '/');
  await reminder.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reminder.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  assert.deepEqual(names(decodeStored(await readFile(await download.path(), 'utf8'))), ['Ana Lima']);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await reminder.count(), 0, 'no reminder right after a backup');
});

test('where the browser blocks storage, the app works in memory and says nothing will be kept', async (t) => {
  // A real Chromium profile with "block sites from saving data" (cookies: 2), under which
  // localStorage throws a SecurityError, as some private modes and settings do.
  const profile = await mkdtemp(path.join(tmpdir(), 'reachout-blocked-'));
  await mkdir(path.join(profile, 'Default'));
  await writeFile(path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  t.after(async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
  const errors = [];
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await visit(page, setup.server.url);
  assert.equal(await page.evaluate(() => {
    try { localStorage.length; return 'allowed'; } catch (error) { return error.name; }
  }), 'SecurityError');
  await page.getByRole('alert').getByText('Nothing you add will be kept after you close this tab').waitFor();
  // Still usable: a contact can be added and opened, in this tab's memory.
  await page.getByRole('link', { name: 'Add your first contact' }).click();
  await page.getByLabel('Name').fill('Ana Lima');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByText('1 contact and 0 reach-outs', { exact: true }).waitFor();
  assert.deepEqual(errors, []);
});

test('an export with nothing in it says so instead of downloading an empty file', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await visit(page, setup.server.url, '/data');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Follow-ups as a calendar file' }).click();
  await page.getByText('Nothing upcoming to put in a calendar: no follow-up or stay-in-touch date is open.').waitFor();
  await page.getByRole('button', { name: 'Reach-outs as CSV' }).click();
  await page.getByText('No reach-outs to export yet.').waitFor();
  assert.equal(downloads, 0);
});
