// End-to-end: what shipping promises. The app keeps working offline after one visit, a new build
// is noticed ("Updated: Reload"), the Content-Security-Policy is in force without getting in the
// app's way, the manifest makes it installable, and touch targets are large enough on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accessibilityProblems, DIST, launchBrowser, openContext, serveAndBrowse, smallTargets, startServer,
  workerControls,
} from './support.mjs';
import { COURAGE_SEED, seed } from './seed.mjs';

const setup = serveAndBrowse();

/** Every route, with the heading that says it was drawn. */
const ROUTES = [
  ['/', 'Today'],
  ['/contacts', 'Contacts'],
  ['/contacts/1', 'Ana Lima'],
  ['/contacts/1/edit', 'Edit Ana Lima'],
  ['/contacts/new', 'Add a contact'],
  ['/insights', 'Insights'],
  ['/data', 'Your data'],
  ['/import', 'Import contacts'],
  ['/settings', 'Settings'],
  ['/templates', 'Message templates'],
  ['/report', 'Progress report'],
];

/**
 * Lets the page's update check finish: it reads the cache names once at start, so two more
 * reads from the page after its own have surely returned.
 */
async function settled(page) {
  for (let i = 0; i < 2; i += 1) await page.evaluate(() => caches.keys());
}


test('after one visit every route opens offline, with the data', async (t) => {
  // A server of its own, stopped once the app is loaded: the worker's own requests are not
  // covered by setOffline, so nothing could answer a file it failed to keep.
  const server = await startServer();
  const { context, foreign, errors } = await openContext(setup.browser, server.url);
  t.after(async () => {
    await context.close();
    await server.close();
  });
  const page = await context.newPage();
  await seed(page, COURAGE_SEED);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await workerControls(page);

  await server.close();
  await context.setOffline(true);
  for (const [path, heading] of ROUTES) {
    await page.goto(server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  await page.goto(`${server.url}/contacts`);
  await page.getByRole('list', { name: 'Contacts' }).getByRole('link', { name: 'Elena Costa' }).waitFor();
  await context.setOffline(false);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('a new build is noticed on the next visit: "Updated: Reload"', async (t) => {
  // A copy of the build, so that a "new build" can be published under the same address.
  const site = await mkdtemp(join(tmpdir(), 'reachout-site-'));
  await cp(DIST, site, { recursive: true });
  const server = await startServer({ dir: site });
  const browser = await launchBrowser();
  t.after(async () => {
    await browser.close();
    await server.close();
    await rm(site, { recursive: true, force: true });
  });
  const { context, foreign, errors } = await openContext(browser, server.url);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await workerControls(page);
  // The same build again says nothing; the page checks at start, once its worker has control.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await settled(page);
  assert.equal(await page.getByText('Updated:').count(), 0, 'no notice without a new build');

  // Publish a new build: finish-build gives each build its own version, in sw.js and in the page.
  const before = (await readFile(join(site, 'sw.js'), 'utf8')).match(/const VERSION = '([0-9a-f]+)'/)[1];
  const after = 'a'.repeat(16);
  for (const file of ['sw.js', 'index.html', '404.html']) {
    const text = await readFile(join(site, file), 'utf8');
    await writeFile(join(site, file), text.replaceAll(before, after));
  }
  const pageVersion = () => page.locator('meta[name=reachout-version]').getAttribute('content');
  const kept = () => page.evaluate(async () => (await caches.keys()).map((name) => name.split(' ').at(-1)));
  await page.reload();
  assert.equal(await pageVersion(), before, 'the visit itself still runs the version it had');
  const notice = page.getByRole('status').filter({ hasText: 'Updated:' });
  await notice.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  assert.equal(await pageVersion(), after, 'the reloaded page is the new version');
  // The new version, and the built files of the one before for tabs still running it (sw.js).
  assert.deepEqual((await kept()).sort(), [after, 'previous'], 'only the new version is kept, with the files of the last');
  const previous = await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.endsWith(' previous'));
    return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname.split('/').pop());
  });
  assert.ok(previous.length > 0 && previous.every((file) => /-[0-9a-f]{12,}(_bg)?\.[a-z]+$/.test(file)),
    `only built files whose names carry their hash are kept of the last version: ${previous}`);
  await settled(page);
  assert.equal(await page.getByText('Updated:').count(), 0, 'and it says nothing more');
  await context.close();
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('the Content-Security-Policy is in force and the app never trips it', async (t) => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html carries the policy');
  for (const directive of ["default-src 'none'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'",
    "form-action 'none'", "manifest-src 'self'", "worker-src 'self'", "'wasm-unsafe-eval'"]) {
    assert.ok(policy.includes(directive), `the policy has ${directive}`);
  }

  const { context, foreign } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation',
      (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await seed(page, COURAGE_SEED);
  for (const [path, heading] of ROUTES) {
    await page.goto(setup.server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }
  assert.deepEqual(violations, [], 'no page of the app trips the policy');

  // And it is really in force: a script added to the page does not run.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    document.head.append(script);
    await new Promise((ok) => setTimeout(ok, 100));
    return window.injected === true;
  });
  assert.equal(ran, false, 'an injected inline script is refused');
  // The report comes through the exposed function; wait for it (up to a second).
  for (let tries = 0; violations.length === 0 && tries < 50; tries += 1) await page.waitForTimeout(20);
  assert.equal(violations.length, 1, `the refusal is reported: ${violations.join('; ')}`);
  assert.match(violations[0], /^script-src/);
  assert.deepEqual(foreign, []);
});

test('the manifest makes the app installable, with icons the browser can load', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(setup.server.url);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  const href = await page.locator('link[rel=manifest]').evaluate((link) => link.href);
  const manifest = await (await page.request.get(href)).json();
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  const purposes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  for (const wanted of ['192x192 any', '512x512 any', '512x512 maskable']) {
    assert.ok(purposes.includes(wanted), `an icon ${wanted}`);
  }
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, href).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], 'image/png', icon.src);
  }
  // Chromium's own reading of the manifest, and its installability check (the one behind
  // "Install app"); a test browser's context is always private, which only that check minds.
  const session = await context.newCDPSession(page);
  const { errors: manifestErrors } = await session.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, []);
  await workerControls(page);
  const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('on a 360 px phone every control on every page is at least 44 px square', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, {
    viewport: { width: 360, height: 780 },
  });
  t.after(() => context.close());
  const page = await context.newPage();
  await seed(page, COURAGE_SEED);
  const problems = [];
  for (const [path, heading] of ROUTES) {
    await page.goto(setup.server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    for (const small of await smallTargets(page)) problems.push(`${path}: ${small}`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('the README screenshots come from the real build: Today, a contact, Insights', async (t) => {
  const shots = join(import.meta.dirname, '../../docs/screenshots');
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
  });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-11-27T10:00:00'));
  await seed(page, COURAGE_SEED);
  for (const [path, heading, file] of [
    ['/', 'Today', 'today.png'],
    ['/contacts/1', 'Ana Lima', 'contact.png'],
    ['/insights', 'Insights', 'insights.png'],
  ]) {
    await page.goto(setup.server.url + path);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    const image = await page.screenshot({ path: join(shots, file) });
    assert.ok(image.length > 10_000, `${file} shows the page (${image.length} bytes)`);
  }
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('the colours: as the system is set, or light or dark by choice, remembered', async (t) => {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, {
    colorScheme: 'light',
  });
  t.after(() => context.close());
  const page = await context.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const headerColour = () => page.evaluate(
    () => [...document.querySelectorAll('meta[name=theme-color]')].map((m) => m.content));
  await page.goto(`${setup.server.url}/settings`);
  const colours = page.getByRole('group', { name: 'Colours' });
  assert.equal(await colours.getByRole('radio', { name: 'Follow my system' }).isChecked(), true);
  assert.equal(await background(), 'rgb(246, 246, 243)');

  await colours.getByRole('radio', { name: 'Dark' }).check();
  assert.equal(await background(), 'rgb(18, 20, 23)');
  assert.deepEqual(await headerColour(), ['#1c1f24', '#1c1f24']);
  assert.deepEqual(await accessibilityProblems(page), [], 'dark by choice reads well');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.equal(await background(), 'rgb(18, 20, 23)', 'the choice is remembered');
  assert.equal(await colours.getByRole('radio', { name: 'Dark' }).isChecked(), true);

  // Light by choice on a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await colours.getByRole('radio', { name: 'Light' }).check();
  assert.equal(await background(), 'rgb(246, 246, 243)');
  assert.deepEqual(await accessibilityProblems(page), [], 'light by choice reads well');
  await colours.getByRole('radio', { name: 'Follow my system' }).check();
  assert.equal(await background(), 'rgb(18, 20, 23)', 'back to the dark system');
  assert.deepEqual(await headerColour(), ['#ffffff', '#1c1f24']);

  // A choice made in another tab shows here at once, radios included.
  const other = await context.newPage();
  await other.goto(`${setup.server.url}/settings`);
  await other.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Light' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await background(), 'rgb(246, 246, 243)');
  assert.equal(await colours.getByRole('radio', { name: 'Light' }).isChecked(), true);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});

test('a first visit downloads the app once: the worker keeps the copies the page just loaded', async (t) => {
  // Cached for ten minutes, as GitHub Pages answers.
  const server = await startServer({ cacheControl: 'max-age=600', record: true });
  // Not openContext: routing requests (how it blocks other origins) turns the HTTP cache off.
  // Every request the page or the worker makes is recorded by the server instead.
  const context = await setup.browser.newContext();
  const foreign = [];
  const errors = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(server.url)) foreign.push(request.url());
  });
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)));
  t.after(async () => {
    await context.close();
    await server.close();
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await workerControls(page);
  const count = (pattern) => server.requests.filter((line) => pattern.test(line)).length;
  const all = server.requests.join(', ');
  // The worker asks for the hashed files again, and the site confirms the page's copy (304).
  assert.equal(count(/^200 .*_bg\.wasm$/), 1, `the .wasm downloaded once: ${all}`);
  assert.equal(count(/^304 .*_bg\.wasm$/), 1, `and confirmed current: ${all}`);
  assert.equal(count(/^200 \/reachout-[0-9a-f]+\.js$/), 1, `the JavaScript downloaded once: ${all}`);
  // index.html is asked for again by the worker, with its version, past any cache in between.
  assert.equal(count(/^200 \/(index\.html)?$/), 2, all);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
});
