// Shared pieces of the end-to-end tests: the static server that `make serve` uses too, and
// Debian's Chromium driven by Playwright.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';

export { DIST, startServer } from '../../scripts/static-server.mjs';

/**
 * Starts a server for a build and a browser before the file's tests, and stops both after them.
 * The returned object's `server` and `browser` are set once the tests run.
 */
export function serveAndBrowse(options) {
  const setup = {};
  before(async () => {
    setup.server = await startServer(options);
    setup.browser = await launchBrowser();
  });
  after(async () => {
    await setup.browser?.close();
    await setup.server?.close();
  });
  return setup;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser context (its own empty localStorage) that records every request leaving the
 * origin (and blocks it) and every error the page reports.
 */
export async function openContext(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const foreign = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  context.on('page', (page) => watch(page, errors));
  return { context, foreign, errors };
}

function watch(page, errors) {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The Pages-like 404 answer for a deep link is expected; any other error is not.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
}

/** Opens `path` and waits until the app has drawn its navigation. */
export async function visit(page, origin, path = '/') {
  await page.goto(origin + path);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** The app's stored document, parsed, or null. */
export async function storedDocument(page) {
  const text = await page.evaluate(() => localStorage.getItem('reachout:document'));
  return text === null ? null : JSON.parse(text);
}

/** Adds a contact through the form (labels → values), then logs a reach-out on `channel` if given. */
export async function addContact(page, origin, fields, channel) {
  await visit(page, origin, '/contacts/new');
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
  if (channel) {
    await page.getByRole('radio', { name: channel }).check();
    await page.getByRole('button', { name: 'Log reach-out' }).click();
    await page.getByRole('status').getByText('Logged.').waitFor();
  }
}
