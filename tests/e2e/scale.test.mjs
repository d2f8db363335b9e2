// End-to-end: a long contact list (issue 11). Only the rows on screen are drawn, yet the list
// behaves as if every row were there: its full height, arrow keys across the drawn edge, the
// focus kept while scrolling, "Select all shown" reaching every match, search narrowing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPage, serveAndBrowse, visit } from './support.mjs';
import { seed } from './seed.mjs';

const setup = serveAndBrowse();
const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 360, height: 780 } };
const COUNT = 2000;

/** 2,000 contacts named "Person 0001" … "Person 2000", every tenth at Acme. */
function many() {
  const contacts = [];
  for (let i = 1; i <= COUNT; i += 1) {
    contacts.push({
      id: i, name: `Person ${String(i).padStart(4, '0')}`, company: i % 10 === 0 ? 'Acme' : 'Globex',
      created: '2026-10-05T09:00:00Z', updated: '2026-10-05T09:00:00Z',
    });
  }
  return { format: 'reachout', version: 1, revision: 1, saved_at: '2026-11-01T09:00:00Z',
    data: { next_id: COUNT + 1, contacts, reach_outs: [] } };
}

const list = (page) => page.getByRole('list', { name: 'Contacts' });
const rows = (page) => list(page).getByRole('listitem').filter({ has: page.locator('a.contact-name') });

for (const [width, options] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`${width}: 2,000 contacts draw only the rows on screen, in a list as tall as all of them`, async (t) => {
    const page = await freshPage(t, setup, options);
    await seed(page, many());
    await visit(page, setup.server.url, '/contacts');
    await page.getByRole('status').getByText('2,000 contacts').waitFor();
    const drawn = await rows(page).count();
    assert.ok(drawn > 5 && drawn < 40, `only the rows on screen are drawn: ${drawn}`);
    assert.equal(await rows(page).first().getAttribute('aria-setsize'), String(COUNT));
    const { height, stride } = await list(page).evaluate((ul) => {
      const [a, b] = [...ul.children].sort((x, y) => x.offsetTop - y.offsetTop);
      return { height: ul.getBoundingClientRect().height, stride: b.offsetTop - a.offsetTop };
    });
    assert.ok(Math.abs(height - (COUNT * stride - 8)) < 2, `the list is as tall as every row: ${height} for stride ${stride}`);
    // Every drawn row has the same height and none overlaps the next.
    const boxes = await rows(page).evaluateAll((items) => items.map((li) => li.getBoundingClientRect().height));
    assert.ok(boxes.every((h) => h === boxes[0] && h < stride), `equal rows shorter than the stride: ${boxes}`);

    // Scrolled to the end, the last contact is there and the first is no longer drawn.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole('link', { name: 'Person 2000' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Person 0001' }).count(), 0);
    assert.ok(await rows(page).count() < 40);
  });
}

test('desktop: arrow keys walk past the drawn rows, the focused row survives scrolling away, select all reaches every match', async (t) => {
  const page = await freshPage(t, setup, DESKTOP);
  await seed(page, many());
  await visit(page, setup.server.url, '/contacts');
  await page.getByRole('link', { name: 'Person 0001' }).focus();
  for (let i = 0; i < 40; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0041');
  const focused = await page.evaluate(() => document.activeElement.getBoundingClientRect());
  assert.ok(focused.top >= 0 && focused.bottom <= 860, 'the focused row is on screen');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0038');

  // Scroll far away with the wheel: the focused row stays in the page, and keeps the focus.
  await page.mouse.wheel(0, 40000);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0038');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0039');

  // Search narrows as you type; select all shown takes all 200 matches, not only those drawn.
  await page.getByLabel('Search contacts').fill('acm');
  await page.getByRole('status').getByText('200 contacts match').waitFor();
  await page.getByLabel('Search contacts').pressSequentially('e');
  await page.getByRole('status').getByText('200 contacts match').waitFor();
  await page.getByLabel('Select all shown').check();
  await page.getByText('200 selected').waitFor();
  assert.equal(await rows(page).first().locator('a.contact-name').textContent(), 'Person 0010');
  await page.getByLabel('Search contacts').fill('person 2000');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.equal(await rows(page).count(), 1);
  await page.getByText('1 selected').waitFor();

  // A change to one of 2,000 contacts is saved in parts (only the changed part is written
  // again) and is there after a reload.
  const bulk = page.getByRole('region', { name: 'Selected contacts' });
  await bulk.getByLabel('Tag to add').fill('vip');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await bulk.getByText('Tagged 1 contact with "vip".').waitFor();
  const stored = await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const parts = Object.keys(localStorage).filter((k) => k.startsWith('reachout:part:'));
    return { manifest: localStorage.getItem('reachout:document').slice(0, 60), parts: parts.length };
  });
  assert.ok(stored.manifest.startsWith('{"format":"reachout","version":1000,"layout":"parts"'), stored.manifest);
  assert.ok(stored.parts >= 8, `the record is kept in parts: ${stored.parts}`);
  await page.reload();
  await page.getByLabel('Search contacts').fill('vip');
  await page.getByRole('status').getByText('1 contact matches').waitFor();
  assert.equal(await rows(page).first().locator('a.contact-name').textContent(), 'Person 2000');
});

test('desktop: when another tab changes the list under a focused row, the focus stays with its contact', async (t) => {
  const page = await freshPage(t, setup, DESKTOP);
  await seed(page, many());
  await visit(page, setup.server.url, '/contacts');
  await page.getByRole('link', { name: 'Person 0005' }).focus();
  // In a second tab, Person 0002 is archived: every row below it moves up one place.
  const other = await page.context().newPage();
  await visit(other, setup.server.url, '/contacts/2');
  await other.getByRole('button', { name: 'More', exact: true }).click();
  await other.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('status').getByText('1,999 contacts').waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('li')?.dataset.at === '3');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0005');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Person 0006');
});
