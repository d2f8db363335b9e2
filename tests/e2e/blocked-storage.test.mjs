// End-to-end: a browser that refuses storage outright. Each way it can refuse (the property
// itself, getItem, setItem, length and key) is made to throw a SecurityError in an init script,
// as Safari's "Block all cookies" or a managed policy does; the app must open on every page,
// say so in one calm sentence, work in memory and offer the backup, and never panic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPage, serveAndBrowse, visit } from './support.mjs';

const setup = serveAndBrowse();

const BLOCKERS = {
  'the localStorage property throws': () => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
  'getItem throws': () => {
    Storage.prototype.getItem = function getItem() { throw new DOMException('blocked', 'SecurityError'); };
  },
  'setItem throws': () => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('blocked', 'SecurityError'); };
  },
  'length and key throw': () => {
    Object.defineProperty(Storage.prototype, 'length', {
      get() { throw new DOMException('blocked', 'SecurityError'); },
    });
    Storage.prototype.key = function key() { throw new DOMException('blocked', 'SecurityError'); };
  },
};

const SENTENCE = 'Nothing you add will be kept after you close this tab; download a backup before you leave, or allow storage for this site.';

for (const [how, block] of Object.entries(BLOCKERS)) {
  test(`storage refused (${how}): every page opens, says so, works in memory and offers a backup`, async (t) => {
    const page = await freshPage(t, setup);
    await page.addInitScript(block);
    for (const path of ['/', '/contacts', '/contacts/new', '/insights', '/settings', '/data']) {
      await visit(page, setup.server.url, path);
      await page.getByRole('alert').getByText(SENTENCE, { exact: false }).waitFor();
    }
    // It works in memory: a contact added is there until the tab closes.
    await visit(page, setup.server.url, '/contacts/new');
    await page.getByLabel('Name').fill('Ana Lima');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
    // The backup keeps this visit's work.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('alert').getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^reachout-backup-.*\.json$/);
    await page.getByRole('alert').getByText(/^Backup downloaded: 1 contact/).waitFor();
    // freshPage fails the test on any page error or console error: a panic would be one.
  });
}
