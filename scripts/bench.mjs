// The storage benchmark's second half (run both with `make bench`): opens the release build in
// Chromium with the sample data that `cargo run --release --example storage_bench` wrote to
// target/bench/, and prints how long the app takes to open with it and to save a change.
// It prints figures and asserts nothing: speed is reported, not gated.
import { readFile } from 'node:fs/promises';
import { startServer } from './static-server.mjs';
import { launchBrowser } from '../tests/e2e/support.mjs';

const ROUNDS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launchBrowser();
try {
  console.log('contacts  stored units   open (median)   save (median)   rounds   open to drawn (median)');
  for (const contacts of [1000, 10000]) {
    const stored = await readFile(`target/bench/stored-${contacts}.txt`, 'utf8');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await page.evaluate((text) => localStorage.setItem('reachout:document', text), stored);
    const opens = [];
    const saves = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Open: from navigation until the settings form is drawn from the stored data.
      const start = performance.now();
      await page.goto(`${server.url}/settings`);
      await page.getByRole('button', { name: 'Save settings' }).waitFor();
      opens.push(performance.now() - start);
      // Save: a change, then the save it schedules, forced at once and timed inside the page.
      await page.getByLabel('Days to wait for an answer').fill(String(5 + (round % 3)));
      saves.push(await page.evaluate(() => {
        document.querySelector('form button[type=submit]').click();
        const begin = performance.now();
        window.dispatchEvent(new PageTransitionEvent('pagehide'));
        return performance.now() - begin;
      }));
    }
    // Drawing the pages that compute the most from the whole record: Today and Insights.
    const draws = {};
    for (const [path, heading] of [['/', 'This week'], ['/insights', 'Where reaching out led']]) {
      const times = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const start = performance.now();
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        times.push(performance.now() - start);
      }
      draws[path] = median(times);
    }
    // Per keystroke: typing into the contact search (the list is filtered and drawn again) and
    // into a new contact's name (the "you already have …" check runs over every contact), from
    // the input event until the next frame may be drawn.
    const keystroke = async (path, label, text) => {
      await page.goto(`${server.url}${path}`);
      await page.getByLabel(label).waitFor({ timeout: 120_000 });
      return page.evaluate(async ({ label, text }) => {
        const field = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(label)).control;
        const times = [];
        for (let i = 1; i <= text.length; i += 1) {
          const begin = performance.now();
          field.value = text.slice(0, i);
          field.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((done) => requestAnimationFrame(() => done()));
          times.push(performance.now() - begin);
        }
        times.sort((a, b) => a - b);
        return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
      }, { label, text });
    };
    const search = await keystroke('/contacts', 'Search contacts', 'chiara ross');
    const naming = await keystroke('/contacts/new', 'Name', 'Chiara Rossi');
    const units = await page.evaluate(() => localStorage.getItem('reachout:document').length);
    console.log(`${String(contacts).padStart(8)}  ${String(units).padStart(12)}  `
      + `${median(opens).toFixed(0).padStart(11)} ms  ${median(saves).toFixed(0).padStart(11)} ms  `
      + `${String(ROUNDS).padStart(7)}   Today ${draws['/'].toFixed(0)} ms, Insights ${draws['/insights'].toFixed(0)} ms`);
    console.log(`          per keystroke (median / p95): contact search ${search.median.toFixed(0)} / ${search.p95.toFixed(0)} ms, `
      + `new contact's name with the duplicate check ${naming.median.toFixed(0)} / ${naming.p95.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
