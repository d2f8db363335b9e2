// End-to-end: the build made for GitHub Pages (`--public-url /reachout/`), served under that
// sub-path the way Pages serves a project site. Links, deep links and reloads stay inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { openContext, serveAndBrowse, workerControls } from './support.mjs';

const PAGES_DIST = resolve(import.meta.dirname, '../../target/dist-pages');
const setup = serveAndBrowse({ dir: PAGES_DIST, prefix: '/reachout/', record: true });

test('under a sub-path every link, deep link and reload stays inside the site', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));

  await page.goto(`${setup.server.url}/reachout/`);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByRole('link', { name: 'Add your first contact' }).click();
  await page.getByLabel('Name').fill('Pages Person');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pages Person' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/reachout\/contacts\/\d+$/);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Pages Person' }).waitFor();
  await page.getByRole('link', { name: '← All contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reachout/contacts');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/reachout/');

  // Offline, a deep link under the sub-path still opens (the service worker's scope is the site).
  await workerControls(page);
  assert.equal(
    await page.evaluate(async () => (await navigator.serviceWorker.ready).scope),
    `${setup.server.url}/reachout/`,
  );
  await page.goto(`${setup.server.url}/reachout/contacts`);
  const link = page.getByRole('link', { name: 'Pages Person' });
  const deep = new URL(await link.getAttribute('href'), setup.server.url).pathname;
  await context.setOffline(true);
  await page.goto(setup.server.url + deep);
  await page.getByRole('heading', { level: 1, name: 'Pages Person' }).waitFor();
  await context.setOffline(false);

  const outside = requested.filter((path) => !path.startsWith('/reachout/'));
  assert.deepEqual(outside, [], 'every request of the page stays under /reachout/');
  // The server saw the service worker's requests too.
  const outsideAtServer = setup.server.requests.filter((line) => !line.split(' ')[1].startsWith('/reachout/'));
  assert.deepEqual(outsideAtServer, [], 'every request the server answered was under /reachout/');
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});
