// End-to-end: managing contacts. Delete asks about the reach-outs and can be undone; several
// contacts can be tagged, archived and deleted at once; duplicates merge with a choice per
// conflicting field; keyboard shortcuts work and stay quiet while typing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addContact, freshPage, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();

const add = (page, fields, channel) => addContact(page, setup.server.url, fields, channel);

const contactNames = (page) => page.getByRole('list', { name: 'Contacts' }).locator('a.contact-name').allTextContents();

test('deleting a contact with reach-outs asks first, and Undo brings everything back', async (t) => {
  const page = await freshPage(t, setup);
  await add(page, { Name: 'Ana Lima' }, 'Email');
  await page.getByRole('radio', { name: 'Phone' }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByText('Phone').first().waitFor();
  const before = await storedDocument(page);

  // The rarer actions wait behind "More".
  assert.equal(await page.getByRole('button', { name: 'Delete…' }).count(), 0);
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Ana Lima has 2 reach-outs. What should happen to them?').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'Esc closes the question');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete the contact and its reach-outs' }).click();

  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByText('No contacts yet.').waitFor();
  const toast = page.locator('.toast');
  await toast.getByText('Deleted Ana Lima and 2 reach-outs.').waitFor();
  const afterDelete = await storedDocument(page);
  assert.equal(afterDelete.data.contacts.length, 0);
  assert.equal(afterDelete.data.reach_outs.length, 0, 'no reach-out is left orphaned');

  await page.waitForTimeout(10_500);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Ana Lima' }).waitFor();
  const restored = await storedDocument(page);
  assert.deepEqual(restored.data.contacts, before.data.contacts);
  assert.deepEqual(restored.data.reach_outs, before.data.reach_outs);
});

test('several contacts are tagged, archived and deleted at once, with undo', async (t) => {
  const page = await freshPage(t, setup);
  await add(page, { Name: 'Ana Lima' });
  await add(page, { Name: 'Ben Okafor' });
  await add(page, { Name: 'Carla Ruiz' });
  await visit(page, setup.server.url, '/contacts');
  await page.getByLabel('Select Ana Lima').check();
  await page.getByLabel('Select Carla Ruiz').check();
  const bulk = page.getByRole('region', { name: 'Selected contacts' });
  await bulk.getByText('2 selected').waitFor();
  await bulk.getByLabel('Tag to add').fill('conference');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await bulk.getByText('Tagged 2 contacts with "conference".').waitFor();
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'conference' });
  await page.getByRole('status').getByText('2 contacts match').waitFor();
  assert.deepEqual(await contactNames(page), ['Ana Lima', 'Carla Ruiz']);

  await page.getByLabel('Select all shown').check();
  await bulk.getByRole('button', { name: 'Archive selected' }).click();
  await page.getByRole('status').getByText('No contacts match.').waitFor();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  assert.deepEqual(await contactNames(page), ['Ben Okafor']);

  await page.getByLabel('Show archived contacts').check();
  await page.getByLabel('Select all shown').check();
  await bulk.getByRole('button', { name: 'Delete selected…' }).click();
  await bulk.getByText('Delete 2 contacts?').waitFor();
  await bulk.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.locator('.toast').getByText('Deleted 2 contacts.').waitFor();
  assert.equal((await storedDocument(page)).data.contacts.length, 1);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('status').getByText('2 contacts match').waitFor();
  assert.equal((await storedDocument(page)).data.contacts.length, 3);
});

test('merging a duplicate keeps both histories and the values the user chose', async (t) => {
  const page = await freshPage(t, setup);
  await add(page, { Name: 'Ana L.', Email: 'ana@new.example', Role: 'Designer' }, 'LinkedIn');
  await add(page, { Name: 'Ana Lima', Email: 'ana@old.example', Company: 'Acme' }, 'Email');
  await page.getByRole('button', { name: 'More', exact: true }).click();
  await page.getByRole('button', { name: 'Merge with a duplicate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a duplicate into this contact' });
  await dialog.getByLabel('Duplicate to merge').selectOption({ label: 'Ana L.' });
  await dialog.getByText('Email: which value stays?').waitFor();
  await dialog.getByRole('radio', { name: 'ana@new.example' }).check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await page.locator('.toast').getByText('Merged Ana L. into Ana Lima.').waitFor();

  await page.getByRole('link', { name: 'ana@new.example' }).waitFor();
  await page.getByText('Designer at Acme').waitFor();
  const items = page.getByRole('list', { name: 'Reach-outs, newest first' }).getByRole('listitem');
  assert.equal(await items.count(), 2, 'both histories are kept');
  const stored = await storedDocument(page);
  assert.deepEqual(stored.data.contacts.map((c) => c.name), ['Ana Lima']);

  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'ana@old.example' }).waitFor();
  assert.equal((await storedDocument(page)).data.contacts.length, 2);
});

test('keyboard shortcuts move around and never fire while typing', async (t) => {
  const page = await freshPage(t, setup);
  await visit(page, setup.server.url);
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count(), 0);

  await page.keyboard.press('n');
  await page.getByRole('heading', { level: 1, name: 'Add a contact' }).waitFor();
  await page.getByLabel('Name').focus();
  await page.keyboard.type('Gina n/g');
  assert.equal(await page.getByLabel('Name').inputValue(), 'Gina n/g', 'typing is never a shortcut');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Gina n/g' }).waitFor();

  await page.locator('body').focus();
  await page.keyboard.press('l');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('type')), 'radio', 'l focuses the log form');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  await page.keyboard.press('/');
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'contact-search');
  await page.keyboard.type('gina');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
});
