// Shared pieces of the end-to-end tests: the static server that `make serve` uses too, and
// Debian's Chromium driven by Playwright.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
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
 * origin (and blocks it) and every error the page reports, Content-Security-Policy violations
 * included.
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
  // A Content-Security-Policy violation is an error like any other.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('page', (page) => watch(page, errors));
  return { context, foreign, errors };
}

/**
 * A page in a fresh context of `setup`'s browser; when the test ends, the context closes and the
 * test fails if a request left the origin or the page reported an error. `page.ownContext` is
 * the context, for a second page in it.
 */
export async function freshPage(t, setup, options) {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url, options);
  t.after(async () => {
    await context.close();
    assert.deepEqual(foreign, [], 'no request may leave the page origin');
    assert.deepEqual(errors, [], 'the page logged no errors');
  });
  const page = await context.newPage();
  page.ownContext = context;
  return page;
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

/**
 * The app's stored document, decoded, or null. Saves are gathered for up to 300 ms; the page is
 * first told it is being hidden (the `pagehide` the browser sends when a tab closes), which
 * makes the app save at once, so the test reads what a closed tab would have left.
 */
export async function storedDocument(page) {
  const text = await page.evaluate(() => {
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    return localStorage.getItem('reachout:document');
  });
  return text === null ? null : decodeStored(text);
}

/**
 * Decodes stored text by the rules written in src/format/compact.rs, independently of the app:
 * 15 bits per character from U+4E00, raw DEFLATE, JSON, record lists as columns.
 */
export function decodeStored(text) {
  let json = text;
  const prefix = 'reachout-deflate15:';
  if (text.startsWith(prefix)) {
    const rest = text.slice(prefix.length);
    const colon = rest.indexOf(':');
    const count = Number(rest.slice(0, colon));
    const bytes = Buffer.alloc(count);
    let buffer = 0;
    let bits = 0;
    let at = 0;
    for (const char of rest.slice(colon + 1)) {
      buffer = ((buffer << 15) | (char.codePointAt(0) - 0x4e00)) & 0x3fffff;
      bits += 15;
      while (bits >= 8 && at < count) {
        bits -= 8;
        bytes[at++] = (buffer >> bits) & 0xff;
      }
    }
    json = inflateRawSync(bytes).toString('utf8');
  }
  const document = JSON.parse(json);
  for (const table of ['contacts', 'reach_outs']) {
    const columns = document.data?.[table];
    if (columns && !Array.isArray(columns)) {
      const names = Object.keys(columns);
      const count = names.length ? columns[names[0]].length : 0;
      document.data[table] = Array.from({ length: count }, (_, i) => Object.fromEntries(
        names.filter((name) => columns[name][i] !== null).map((name) => [name, columns[name][i]])));
    }
  }
  return document;
}

/** Adds a contact through the form (labels → values), then logs a reach-out on `channel` if given. */
export async function addContact(page, origin, fields, channel) {
  await visit(page, origin, '/contacts/new');
  if (Object.keys(fields).some((label) => label !== 'Name' && label !== 'Company')) {
    await moreDetails(page);
  }
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
  if (channel) {
    await page.getByRole('radio', { name: channel }).check();
    await page.getByRole('button', { name: 'Save reach-out' }).click();
    await page.getByRole('status').getByText('Logged.').waitFor();
  }
}

/** Unfolds the contact form's "More details", as a person does to fill in more than a name. */
export async function moreDetails(page) {
  const button = page.getByRole('button', { name: 'More details' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and returns its violations as readable lines. axe is evaluated
 * through the browser's debugging protocol: the page's Content-Security-Policy rightly refuses
 * a script added to it.
 */
export async function accessibilityProblems(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target).join(', ')}`);
}

/**
 * Controls on the page smaller than 44 × 44 CSS px, as "tag name: width×height". A radio or a
 * checkbox counts with its label (the label is what a finger presses); links inside a sentence
 * are exempt, as WCAG 2.5.8 allows.
 */
export async function smallTargets(page) {
  return page.evaluate(() => {
    const found = [];
    const controls = document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [role=button], [tabindex="0"]');
    for (const control of controls) {
      if (control.type === 'hidden' || control.closest('[hidden], .visually-hidden')) continue;
      const style = getComputedStyle(control);
      if (style.display === 'inline' && control.tagName === 'A' && control.closest('p')
        && control.parentElement.textContent.trim() !== control.textContent.trim()) continue;
      let box = control.getBoundingClientRect();
      const label = control.labels?.[0];
      if (label && (control.type === 'radio' || control.type === 'checkbox' || box.width < 2)) {
        const around = label.getBoundingClientRect();
        if (around.width * around.height > box.width * box.height) box = around;
      }
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (control.getAttribute('aria-label') || control.textContent || control.name || '').trim();
        found.push(`${control.tagName.toLowerCase()} "${name.slice(0, 30)}": ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  });
}

/** Waits until the service worker controls the page (it claims it right after installing). */
export async function workerControls(page) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), null, { timeout: 20_000 });
}
