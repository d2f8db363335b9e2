// End-to-end: finding contacts. Search as you type ignores case and accents; filters and sort
// live in the URL, so they survive a reload and Back undoes them; arrow keys move along the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addContact, openContext, serveAndBrowse, visit } from './support.mjs';

const setup = serveAndBrowse();

const add = (page, fields, channel) => addContact(page, setup.server.url, fields, channel);

async function names(page) {
  return page.getByRole('list', { name: 'Contacts' }).locator('a.contact-name').allTextContents();
}

test('search, filters and sort live in the URL, survive a reload, and Back undoes them', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  await add(page, { Name: 'José Núñez', Company: 'Café Ñandú', Tags: 'mentor' }, 'In person');
  await add(page, { Name: 'Ana Lima', Tags: 'design' }, 'Email');
  await add(page, { Name: 'Ben Okafor', Notes: 'Met at the pâtisserie' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  assert.deepEqual(await names(page), ['Ana Lima', 'Ben Okafor', 'José Núñez']);

  await page.getByLabel('Search contacts').fill('jose');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.deepEqual(await names(page), ['José Núñez']);
  // The list follows each keystroke; the address catches up a moment after typing stops.
  await page.waitForURL((u) => u.searchParams.get('q') === 'jose');
  await page.getByLabel('Search contacts').fill('PATISSERIE');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.deepEqual(await names(page), ['Ben Okafor']);
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.getByRole('status').getByText('3 contacts').waitFor();

  await page.getByLabel('Stage').selectOption({ label: 'New' });
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.deepEqual(await names(page), ['Ben Okafor']);
  await page.getByLabel('Stage').selectOption({ label: 'All stages' });
  await page.getByLabel('Channel used').selectOption({ label: 'In person' });
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.deepEqual(await names(page), ['José Núñez']);
  await page.getByLabel('Channel used').selectOption({ label: 'Any channel' });
  await page.getByLabel('Tag', { exact: true }).selectOption({ label: 'design' });
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.deepEqual(await names(page), ['Ana Lima']);
  await page.getByLabel('Sort by').selectOption({ label: 'Date added' });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('tag'), 'design');
  assert.equal(url.searchParams.get('sort'), 'added');

  await page.reload();
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.equal(await page.getByLabel('Tag', { exact: true }).inputValue(), 'design');
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'added');

  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('sort'));
  assert.equal(new URL(page.url()).searchParams.get('tag'), 'design');
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('tag'));
  await page.getByRole('status').getByText('3 contacts').waitFor();

  await page.getByLabel('Sort by').selectOption({ label: 'Date added' });
  await page.getByRole('status').getByText('3 contacts').waitFor();
  assert.deepEqual(await names(page), ['Ben Okafor', 'Ana Lima', 'José Núñez']);

  // Clearing right after typing, before the address has caught up (here already without a
  // search), clears the search and it does not come back.
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.getByRole('status').getByText('3 contacts').waitFor();
  await page.getByLabel('Search contacts').fill('zz');
  await page.getByRole('status').getByText('No contacts match.').waitFor();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await page.getByRole('status').getByText('3 contacts').waitFor();
  await page.waitForTimeout(600);
  assert.equal(await page.getByLabel('Search contacts').inputValue(), '');
  assert.equal(new URL(page.url()).search, '');
  await page.getByRole('status').getByText('3 contacts').waitFor();

  // Leaving right after typing, before the address has caught up, stays on the page left for.
  await page.getByLabel('Search contacts').fill('ana');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.waitForTimeout(600);
  assert.equal(new URL(page.url()).pathname, '/');
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('the list moves with the arrow keys and opens with Enter', async (t) => {
  const { context } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  await add(page, { Name: 'Ana Lima' });
  await add(page, { Name: 'Ben Okafor' });
  await visit(page, setup.server.url, '/contacts');
  await page.getByRole('link', { name: 'Ana Lima' }).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ben Okafor');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ben Okafor', 'stops at the end');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ana Lima');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ben Okafor', 'End goes to the last');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ana Lima', 'Home goes to the first');
  // Down from the search box enters the list.
  await page.getByLabel('Search contacts').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ana Lima');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
});
