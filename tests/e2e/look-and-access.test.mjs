// End-to-end: every page at phone and desktop width, light and dark, checked with axe-core for
// accessibility problems and for sideways scrolling, and on the phone for touch targets under
// 44 px; screenshots land in test-results/ to look at.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { accessibilityProblems, moreDetails, openContext, serveAndBrowse, smallTargets, visit } from './support.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const setup = serveAndBrowse();
before(() => mkdir(SHOTS, { recursive: true }));

async function checkPage(page, name, label) {
  assert.deepEqual(await accessibilityProblems(page), [], `${name} (${label}) has no accessibility problems`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} (${label}) scrolls sideways by ${overflow}px`);
  if (label.startsWith('360')) {
    assert.deepEqual(await smallTargets(page), [], `${name} (${label}): every control is 44 px square`);
  }
  await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
}

for (const [width, height] of [[360, 740], [1280, 860]]) {
  for (const colorScheme of ['light', 'dark']) {
    const label = `${width}-${colorScheme}`;
    test(`every page reads well and passes axe at ${width}px in ${colorScheme}`, async (t) => {
      const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, {
        viewport: { width, height },
        colorScheme,
      });
      t.after(() => context.close());
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2026-11-02T12:00:00'));

      await visit(page, setup.server.url);
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await checkPage(page, 'today-empty', label);

      await visit(page, setup.server.url, '/contacts/new');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByText('Please enter a name.').waitFor();
      await checkPage(page, 'contact-form-errors', label);

      await page.getByLabel('Name').fill('Ana Lima-Fernández de la Torre');
      await page.getByLabel('Company').fill('Acme Design Studio');
      await moreDetails(page);
      await page.getByLabel('Role').fill('Product designer');
      await page.getByLabel('Email').fill('ana.lima@example.com');
      await page.getByLabel('LinkedIn profile').fill('https://www.linkedin.com/in/ana-lima-fernandez-de-la-torre');
      await page.getByLabel('Tags').fill('mentor, design, Berlin');
      await page.getByLabel('Notes').fill('Met at the design meetup.\nAsk about her move from engineering.');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Lima-Fernández de la Torre' }).waitFor();
      await page.getByRole('radio', { name: 'Video call' }).check();
      await page.getByLabel('What was it about?').fill('A 20-minute call about design careers.');
      await page.getByRole('button', { name: 'Save reach-out' }).click();
      await page.getByRole('status').getByText('Logged.').waitFor();
      await checkPage(page, 'contact', label);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
      await page.getByRole('list', { name: 'Contacts' }).waitFor();
      await checkPage(page, 'contacts', label);

      // A week later: a follow-up is due, with its in-place actions open.
      await page.clock.setFixedTime(new Date('2026-11-10T12:00:00'));
      await visit(page, setup.server.url, '/contacts/new');
      await page.getByLabel('Name').fill('Ben Okafor');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ben Okafor' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
      const due = page.getByRole('region', { name: 'Follow-ups due' }).getByRole('listitem').first();
      await due.getByText('Ready for a gentle nudge').waitFor();
      await page.getByRole('region', { name: 'Suggested next' }).getByRole('link', { name: 'Reach out to Ben Okafor' }).waitFor();
      await due.getByRole('button', { name: 'Log follow-up' }).click();
      await due.getByRole('button', { name: 'Record outcome' }).click();
      await checkPage(page, 'today', label);

      // The Data page after a backup, with that backup chosen for a restore and its preview open.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download a backup' }).click(),
      ]);
      await page.getByLabel('Backup file').setInputFiles(await download.path());
      await page.getByRole('button', { name: 'Replace my data with this backup' }).waitFor();
      await checkPage(page, 'data', label);

      // The import preview: a duplicate's choice, new people, rows left out.
      await visit(page, setup.server.url, '/import');
      await page.getByLabel('Files to import').setInputFiles(
        ['Connections.csv', 'Invitations.csv'].map((f) => resolve('tests/fixtures/linkedin', f)));
      await page.getByRole('heading', { name: 'Before anything changes' }).waitFor();
      await checkPage(page, 'import', label);

      // Unreadable stored data: the banner with its two actions.
      await page.evaluate(() => localStorage.setItem('reachout:document', '{"format":"reachout","version":2,'));
      await visit(page, setup.server.url, '/data');
      await page.getByRole('button', { name: 'Download the raw data' }).first().waitFor();
      await checkPage(page, 'data-unreadable', label);

      assert.deepEqual(foreign, []);
      assert.deepEqual(errors, []);
    });
  }
}

test('the keyboard alone reaches the form, and focus is always visible', async (t) => {
  const { context } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  await visit(page, setup.server.url);

  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  const reached = [];
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { text: el.textContent.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.ok(focused.outline !== 'none' && focused.width >= 2, `focus on "${focused.text}" is visible`);
    reached.push(focused.text);
    if (focused.text === 'Add your first contact') break;
  }
  assert.equal(reached.at(-1), 'Add your first contact', `reached: ${reached.join(' → ')}`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Add a contact' }).waitFor();
  await page.getByLabel('Name').focus();
  await page.keyboard.type('Keyboard Kim');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Keyboard Kim' }).waitFor();
});

test('the skip link moves the focus to the content of the page showing, on every page', async (t) => {
  const { context } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  for (const path of ['/contacts', '/insights', '/settings']) {
    await visit(page, setup.server.url, path);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).pathname, path, 'the page stays');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', `focus in the content of ${path}`);
  }
});
