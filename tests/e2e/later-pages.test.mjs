// End-to-end: the pages that load later (issue 24). The first screen needs none of their code;
// once it is drawn their chunks arrive in the background, so that on the same first visit they
// open offline; and a chunk that cannot be fetched says so in place of its page, with a button
// that tries again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openContext, serveAndBrowse, startServer, visit } from './support.mjs';
import { COURAGE_SEED, seed } from './seed.mjs';

const setup = serveAndBrowse();
const PHONE = { viewport: { width: 360, height: 780 } };
/** The chunk files of the later pages (scripts/split-build.mjs names them). */
const CHUNK = /\/(split|chunk)_[a-z0-9]+-[0-9a-f]{16}\.wasm$/;

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

test('the first screen draws while every chunk is held back; the chunks come after, and on the same visit Insights, Import and the report open offline', { timeout: 120_000 }, async (t) => {
  // A server of its own, closed once the chunks are in: nothing could answer a file the page
  // did not already have.
  const server = await startServer();
  // No service worker: what opens offline here was fetched by the page itself, in the background.
  const { context, foreign, errors } = await openContext(setup.browser, server.url, { ...PHONE, serviceWorkers: 'block' });
  t.after(async () => {
    await context.close();
    await server.close();
  });
  const held = [];
  await context.route(CHUNK, (route) => held.push(route));
  const page = await context.newPage();
  await seed(page, COURAGE_SEED);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(new URL(request.url()).pathname));
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Add a contact' }).waitFor();
  // Asked for in the browser's first idle moment after the first screen.
  for (let waited = 0; held.length === 0 && waited < 10_000; waited += 50) await page.waitForTimeout(50);
  assert.ok(held.length > 0, 'the chunks are asked for once the first screen is drawn');
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Today' }).count(), 1);

  await context.unroute(CHUNK);
  for (const route of held.splice(0)) await route.continue();
  await page.waitForFunction(() => performance.getEntriesByName('reachout:later-pages-fetched').length > 0);
  await server.close();
  await context.setOffline(true);
  // Each page is known by a control only it has (a page that could not open keeps its heading).
  const opened = async (heading, control) => {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await control.waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'could not open' }).count(), 0, heading);
  };
  await nav(page, 'Insights').click();
  await opened('Insights', page.getByLabel('Period'));
  await nav(page, 'Data').click();
  await opened('Your data', page.getByRole('heading', { name: 'Data set aside' }).or(page.getByRole('button', { name: /backup/i }).first()));
  await nav(page, 'Settings').click();
  await opened('Settings', page.getByRole('button', { name: 'Save settings' }));
  await nav(page, 'Data').click();
  await page.getByRole('link', { name: 'Import contacts' }).click();
  await opened('Import contacts', page.getByLabel('Files to import'));
  await nav(page, 'Insights').click();
  await page.getByRole('link', { name: /report/i }).first().click();
  await opened('Progress report', page.getByRole('button', { name: /print|PDF/i }).first());
  await page.screenshot({ path: 'test-results/later-pages-offline-report.png', fullPage: true });
  await context.setOffline(false);
  assert.deepEqual(foreign, []);
  // Offline without a service worker, the browser asks again for the page's icon as the address
  // changes; that is all that failed: no code was missing.
  assert.deepEqual(failed.filter((path) => !/^\/icon-[0-9a-f]+\.svg$/.test(path)), []);
  assert.deepEqual(errors.filter((error) => error !== 'console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED'), []);
});

test('a chunk that fails to load shows a message with "Try again" in place of the page, and the page opens on retry', { timeout: 120_000 }, async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, { ...PHONE, serviceWorkers: 'block' });
  t.after(() => context.close());
  let failing = true;
  const asked = [];
  await context.route(CHUNK, (route) => {
    asked.push(route.request().url());
    return failing ? route.abort('connectionreset') : route.continue();
  });
  const page = await context.newPage();
  await seed(page, COURAGE_SEED);
  await visit(page, setup.server.url);
  await nav(page, 'Insights').click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not open' });
  await alert.waitFor();
  await alert.getByText('Your contacts are safe').waitFor();
  await page.screenshot({ path: 'test-results/later-pages-chunk-failed.png' });
  // The rest of the app works meanwhile.
  await nav(page, 'Contacts').click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await nav(page, 'Insights').click();
  await alert.waitFor();

  failing = false;
  const before = asked.length;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Period').waitFor();
  assert.ok(asked.length > before, 'the retry fetched the chunk again');
  assert.equal(await alert.count(), 0);
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  assert.deepEqual(foreign, []);
  // The only errors are the failed fetches themselves, which the browser and the loader report.
  const expected = (error) => error === 'console: Failed to load resource: net::ERR_CONNECTION_RESET'
    || error.startsWith('console: TypeError: Failed to fetch\n');
  assert.deepEqual(errors.filter((error) => !expected(error)), []);
  assert.ok(errors.length > 0, 'the failed fetches were reported');
});
