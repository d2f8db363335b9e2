// Shared pieces of the end-to-end tests: a static server for dist/ that behaves like GitHub Pages
// (unknown paths get 404.html with status 404), and Debian's Chromium driven by Playwright.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * Serves a build on 127.0.0.1 at a free port, under `prefix` (as GitHub Pages serves a project
 * site under `/REPO/`). Defaults to dist/ at the root.
 */
export async function startServer({ dir = DIST, prefix = '/' } = {}) {
  await stat(join(dir, 'index.html')).catch(() => {
    throw new Error(`${dir}/index.html is missing: build the app first (trunk build --release)`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const inside = path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : null;
    const file = inside && normalize(join(dir, inside.endsWith('/') ? `${inside}index.html` : inside));
    let status = 200;
    let body;
    let type = TYPES[extname(file ?? '')] ?? 'application/octet-stream';
    try {
      if (!file || !file.startsWith(dir)) throw new Error('outside the site');
      body = await readFile(file);
    } catch {
      status = 404;
      type = TYPES['.html'];
      body = await readFile(join(dir, '404.html'));
    }
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
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
