// End-to-end: two tabs of one browser. A change in one shows in the other at once (the storage
// event), and a tab never writes over what the other saved: both tabs' edits are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openContext, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();

/** Adds a contact by clicking through the app, without reloading the tab. */
async function add(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Add contact' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('two tabs see each other\'s changes and lose neither', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const first = await context.newPage();
  const second = await context.newPage();
  await visit(first, setup.server.url, '/contacts');
  await visit(second, setup.server.url, '/contacts');

  await add(first, 'Ana Lima');
  // The other tab shows it without a reload, within a second.
  await second.getByRole('link', { name: 'Ana Lima' }).waitFor({ timeout: 1_000 });

  // The second tab edits while the first sits on an older page; then the first adds too.
  await add(second, 'Ben Okafor');
  await add(first, 'Carla Ruiz');
  const stored = await storedDocument(first);
  assert.deepEqual(stored.data.contacts.map((c) => c.name).sort(), ['Ana Lima', 'Ben Okafor', 'Carla Ruiz']);
  await second.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await second.getByRole('link', { name: 'Carla Ruiz' }).waitFor();

  // Both tabs add at the same moment, each within the other's 300 ms of gathering.
  await Promise.all([add(first, 'Dee Moreau'), add(second, 'Eli Tanaka')]);
  const both = await storedDocument(second);
  const afterFirst = await storedDocument(first);
  const all = ['Ana Lima', 'Ben Okafor', 'Carla Ruiz', 'Dee Moreau', 'Eli Tanaka'];
  assert.deepEqual(afterFirst.data.contacts.map((c) => c.name).sort(), all);
  assert.ok(both.data.contacts.length >= 4);
  const ids = afterFirst.data.contacts.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'no id is used twice');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('a backup, a restore and a removal made in one tab show in the other', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const first = await context.newPage();
  const second = await context.newPage();
  await visit(first, setup.server.url, '/contacts');
  await add(first, 'Ana Lima');
  await first.evaluate(() => localStorage.setItem('reachout:quarantine:2026-11-01T00:00:00.000Z', 'x'));
  await visit(first, setup.server.url, '/data');
  await visit(second, setup.server.url, '/data');
  await second.getByText('No backup from this browser yet.').waitFor();
  await second.getByRole('heading', { name: 'Data set aside' }).waitFor();

  const [download] = await Promise.all([
    first.waitForEvent('download'),
    first.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  await second.getByText(/^Last backup: /).waitFor({ timeout: 1_000 });

  await first.getByLabel('Backup file').setInputFiles(await download.path());
  await first.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await second.getByRole('button', { name: 'Undo the restore' }).waitFor({ timeout: 1_000 });

  await first.getByRole('button', { name: 'Remove it…' }).click();
  await first.getByRole('button', { name: 'Remove it for good' }).click();
  await second.getByRole('heading', { name: 'Data set aside' }).waitFor({ state: 'detached', timeout: 1_000 });
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});
