// End-to-end: the passphrase lock (issue 26), in real Chromium as a person uses it: turned on
// in Settings, nothing readable left in storage, the unlock screen, a wrong passphrase and the
// wait after several, Lock now, a second tab, locking after a while unused, locked backups down
// and up, a new passphrase, the lock turned off, and a tab closed between any two writes of
// each of those changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { freshPage, openContext, serveAndBrowse, visit } from './support.mjs';
import { COURAGE_SEED, seed } from './seed.mjs';

const setup = serveAndBrowse();
const PHONE = { viewport: { width: 360, height: 780 } };
const PASS = 'correct horse battery';
const PASS2 = 'another fine passphrase';

// The seed with an e-mail address and a note, so that the scan has those to look for.
const SEED = structuredClone(COURAGE_SEED);
SEED.data.contacts[0].email = 'ana.lima@acme.example';
SEED.data.contacts[0].how_we_met = 'the Zanzibar pottery class';
SEED.data.contacts[1].notes = 'Prefers calls on Tuesdays';
/** What must never be readable in storage while locked. */
const SECRETS = ['Ana Lima', 'Ben Okafor', 'Chiara Rossi', 'ana.lima@acme.example', 'Prefers calls on Tuesdays',
  'Happy to chat', 'Froze before sending', 'Zanzibar pottery'];

/**
 * Opens `path` as a person would type it: a new page load, so a locked app asks for the
 * passphrase first. Already there, nothing is loaded again.
 */
async function go(page, path, passphrase = PASS) {
  if (new URL(page.url()).pathname === path && (await page.getByRole('navigation', { name: 'Main' }).count()) > 0) return;
  await page.goto(setup.server.url + path);
  const seen = await Promise.race([
    page.getByRole('navigation', { name: 'Main' }).waitFor().then(() => 'open'),
    page.getByRole('heading', { name: 'Reachout is locked' }).waitFor().then(() => 'locked'),
  ]);
  if (seen === 'locked') await unlocked(page, passphrase);
}

async function turnLockOn(page, passphrase = PASS) {
  await visit(page, setup.server.url, '/settings');
  const card = page.getByRole('region', { name: 'Lock with a passphrase' });
  await card.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Repeat the passphrase').fill(passphrase);
  await card.getByRole('button', { name: 'Turn the lock on' }).click();
  await card.getByRole('status').filter({ hasText: 'Locked.' }).waitFor();
  return card;
}

async function unlock(page, passphrase = PASS) {
  await page.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

async function unlocked(page, passphrase = PASS) {
  await unlock(page, passphrase);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Every value in localStorage, and every response in Cache Storage, as text. */
async function everythingStored(page) {
  return page.evaluate(async () => {
    const texts = Object.entries(localStorage).map(([key, value]) => `${key}=${value}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        texts.push(`${name} ${request.url}=${await (await cache.match(request)).text()}`);
      }
    }
    return texts;
  });
}

/** Waits until nothing readable is stored (the reminders' digest is rewritten in idle time). */
async function nothingReadableSoon(page) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const texts = await everythingStored(page);
    if (!SECRETS.some((s) => texts.some((t) => t.includes(s))) || Date.now() > deadline) return assertNothingReadable(texts);
    await page.waitForTimeout(200);
  }
}

function assertNothingReadable(texts) {
  for (const secret of SECRETS) {
    const found = texts.filter((t) => t.includes(secret));
    assert.deepEqual(found.map((t) => t.slice(0, 60)), [], `"${secret}" is stored readable`);
  }
}

/** On the Data page of a locked app: the Back up card and the backup it downloads. */
async function downloadLockedBackup(page) {
  await go(page, '/data');
  const backupCard = page.locator('.card', { has: page.getByRole('heading', { name: 'Back up' }) });
  const locked = await download(page, backupCard.getByRole('button', { name: 'Download a backup' }));
  return { backupCard, locked };
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), path: await file.path(), text: await readFile(await file.path(), 'utf8') };
}

test('locked: nothing readable in storage, the unlock screen, wrong passphrases, Lock now', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  // A day on which Chiara Rossi's follow-up is due, so that the digest names her (whatever
  // day the test runs).
  await page.clock.setFixedTime(new Date('2026-12-10T12:00:00'));
  await seed(page, SEED);
  // A restore's snapshot and a quarantine copy beside the document are sealed too.
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('beside')) {
      localStorage.setItem('reachout:snapshot', text);
      localStorage.setItem('reachout:quarantine:2026-11-01T00:00:00.000Z', 'Ana Lima, damaged {');
      sessionStorage.setItem('beside', '1');
    }
    // Daily notifications on: the digest for the service worker names who is due.
    localStorage.setItem('reachout:pref:remind-notify', 'true');
  }, JSON.stringify(SEED));
  await visit(page, setup.server.url, '/');
  await page.waitForFunction(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) if ((await (await cache.match(request)).text()).includes('Chiara Rossi')) return true;
    }
    return false;
  }, null, { timeout: 10_000 });
  await turnLockOn(page);
  // Locked, the digest keeps the counts and loses the names.
  await nothingReadableSoon(page);
  const stored = await everythingStored(page);
  assert.ok(stored.some((t) => t.startsWith('reachout:document=reachout-locked1:{"format":"reachout-lock"')));
  assert.ok(stored.some((t) => t.startsWith('reachout:snapshot=reachout-sealed1:')));
  assert.ok(stored.some((t) => t.startsWith('reachout:quarantine:2026-11-01T00:00:00.000Z=reachout-sealed1:')));
  // The tab's title names no one, on a contact's page either.
  await page.getByRole('link', { name: 'Contacts' }).first().click();
  await page.getByRole('link', { name: 'Ana Lima' }).first().click();
  await page.getByRole('heading', { name: 'Ana Lima' }).waitFor();
  await page.waitForTimeout(100);
  assert.ok(!(await page.title()).includes('Ana'), await page.title());

  await page.reload();
  await page.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  const lockedText = await page.locator('body').innerText();
  for (const secret of SECRETS) assert.ok(!lockedText.includes(secret), `${secret} shown before unlocking`);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
  await page.screenshot({ path: 'test-results/lock-unlock-screen-360.png' });

  await unlock(page, 'not the passphrase');
  await page.getByRole('alert').filter({ hasText: 'That passphrase is not the right one.' }).waitFor();
  await unlocked(page);
  // The page asked for (a contact's) opens once unlocked, with its data.
  await page.getByRole('heading', { name: 'Ana Lima' }).waitFor();
  await page.getByText('ana.lima@acme.example').first().waitFor();
  // Lock now: back to the unlock screen, the data gone from the page.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await page.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  // After three wrong tries in a row, the next one waits.
  for (let i = 0; i < 3; i += 1) {
    await unlock(page, `wrong ${i}`);
    await page.getByRole('alert').waitFor();
    await page.waitForFunction(() => !document.querySelector('button[type=submit]').textContent.includes('Unlocking'));
  }
  await page.getByRole('status').filter({ hasText: /wait [1-5] seconds? before the next/ }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Unlock' }).isDisabled());
  // Five seconds later (the page's clock is fixed: moved on by hand), it may be tried again.
  await page.clock.setFixedTime(new Date('2026-12-10T12:00:06'));
  await page.waitForFunction(() => !document.querySelector('button[type=submit]').disabled, null, { timeout: 8000 });
  await unlocked(page);
  const doc = await page.evaluate(() => localStorage.getItem('reachout:document'));
  assert.ok(doc.startsWith('reachout-locked1:'), 'still locked after unlocking');
});

test('a forgotten passphrase: everything erased, after a confirmation, and the app starts empty', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await seed(page, SEED);
  await turnLockOn(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  await page.getByRole('button', { name: 'Forgot the passphrase?' }).click();
  await page.getByRole('button', { name: 'Erase everything and start again…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.ok((await page.evaluate(() => localStorage.getItem('reachout:document'))).startsWith('reachout-locked1:'), 'Cancel erases nothing');
  await page.getByRole('button', { name: 'Erase everything and start again…' }).click();
  await page.getByRole('group', { name: 'Erase everything' }).getByText('for good').waitFor();
  await page.getByRole('button', { name: 'Erase it all' }).click();
  await page.getByRole('heading', { name: 'Everything was erased' }).waitFor();
  assert.equal(await page.getByLabel('Passphrase').count(), 0, 'no passphrase asked for any more');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Start again');
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('reachout:') && !k.includes(':pref:'))), []);
  await go(page, '/contacts');
  assert.equal(await page.getByRole('link', { name: 'Ana Lima' }).count(), 0);
  // Nothing is locked any more: a reload opens the app.
  await visit(page, setup.server.url, '/');
});

test('a lock or a locked backup from a newer Reachout is refused in words and left exactly as it is', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await seed(page, SEED);
  await turnLockOn(page);
  const { locked } = await downloadLockedBackup(page);
  const newer = JSON.stringify({ ...JSON.parse(locked.text), version: 9 });
  await page.getByLabel('Backup file').setInputFiles({ name: 'newer-locked.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await page.getByRole('alert').filter({ hasText: 'This locked backup cannot be opened: it was locked by a newer Reachout (lock version 9; this one reads version 1). Nothing was changed.' }).waitFor();
  // The stored lock itself written by a newer Reachout: opened read-only, with the reason.
  const stored = await page.evaluate(() => localStorage.getItem('reachout:document'));
  const newerLock = stored.replace('"version":1,', '"version":2,');
  assert.notEqual(newerLock, stored);
  await page.evaluate((text) => localStorage.setItem('reachout:document', text), newerLock);
  await page.goto(`${setup.server.url}/`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByText(/locked by a newer Reachout \(lock version 2/).waitFor();
  await page.getByText('It is left untouched').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('reachout:document')), newerLock, 'left byte for byte');
});

test('a large record, stored in parts, locks, unlocks and saves whole', async (t) => {
  const page = await freshPage(t, setup);
  const big = structuredClone(SEED);
  for (let i = 0; i < 1500; i += 1) {
    big.data.contacts.push({ id: 100 + i, name: `Person ${i} Quintero`, notes: `secret note ${i}`, created: SEED.data.contacts[0].created, updated: SEED.data.contacts[0].updated });
  }
  big.data.next_id = 2000;
  await seed(page, big);
  const card = await turnLockOn(page);
  void card;
  const stored = await page.evaluate(() => Object.entries(localStorage));
  const parts = stored.filter(([k]) => k.startsWith('reachout:part:'));
  assert.ok(parts.length > 3, `stored in ${parts.length} parts`);
  assert.ok(parts.every(([, v]) => v.startsWith('reachout-sealed1:')), 'every part sealed');
  assert.ok(stored.every(([, v]) => !v.includes('Quintero') && !v.includes('secret note')));
  await page.reload();
  await unlocked(page);
  await go(page, '/contacts');
  await page.getByText('1,505 contacts').first().waitFor();
  // A change after unlocking saves sealed, into the parts.
  await go(page, '/contacts/new');
  await page.getByLabel('Name').fill('Farah Haddad');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { name: 'Farah Haddad' }).waitFor();
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  const after = await page.evaluate(() => Object.entries(localStorage));
  assert.ok(after.every(([, v]) => !v.includes('Farah') && !v.includes('Quintero')));
  await page.reload();
  await unlocked(page);
  await page.getByRole('heading', { name: 'Farah Haddad' }).waitFor();
});

test('a second tab: locked on its own, unlocked on its own, then both save and merge', async (t) => {
  const first = await freshPage(t, setup);
  await seed(first, SEED);
  await turnLockOn(first);
  const second = await first.ownContext.newPage();
  await second.goto(`${setup.server.url}/contacts`);
  await second.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  // Unlocking the first tab again does not unlock the second.
  await first.reload();
  await unlocked(first);
  await second.waitForTimeout(300);
  assert.equal(await second.getByRole('heading', { name: 'Reachout is locked' }).count(), 1);
  await unlocked(second);
  await second.getByRole('link', { name: 'Ana Lima' }).first().waitFor();
  // A contact added in the first tab shows in the second, and the second's in the first.
  await go(first, '/contacts/new');
  await first.getByLabel('Name').fill('Farah Haddad');
  await first.getByRole('button', { name: 'Add contact' }).click();
  await first.getByRole('heading', { name: 'Farah Haddad' }).waitFor();
  await second.getByRole('link', { name: 'Farah Haddad' }).first().waitFor();
  await go(second, '/contacts/new');
  await second.getByLabel('Name').fill('Goran Petrov');
  await second.getByRole('button', { name: 'Add contact' }).click();
  await second.getByRole('heading', { name: 'Goran Petrov' }).waitFor();
  await go(first, '/contacts');
  await first.getByRole('link', { name: 'Goran Petrov' }).first().waitFor();
  assertNothingReadable(await everythingStored(first));
  // The passphrase changed in the first tab: the second no longer holds the key and locks.
  await go(first, '/settings');
  const card = first.getByRole('region', { name: 'Lock with a passphrase' });
  await card.getByLabel('Current passphrase').fill(PASS);
  await card.getByLabel('New passphrase', { exact: true }).fill(PASS2);
  await card.getByLabel('Repeat the new passphrase').fill(PASS2);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await card.getByRole('status').filter({ hasText: 'Passphrase changed.' }).waitFor();
  await second.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  await unlocked(second, PASS2);
  await second.getByRole('heading', { name: 'Goran Petrov' }).waitFor();
  // Lock now in one tab locks the other too (a person walking away expects it).
  await second.getByRole('button', { name: 'Lock now' }).click();
  await second.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  await first.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
});

test('locks by itself after the chosen minutes unused', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await page.clock.install();
  await seed(page, SEED);
  await turnLockOn(page);
  const card = page.getByRole('region', { name: 'Lock with a passphrase' });
  assert.equal(await card.getByLabel('Lock automatically').inputValue(), '15');
  await card.getByLabel('Lock automatically').selectOption('5');
  await card.getByRole('status').filter({ hasText: 'Saved: it locks after 5 minutes unused.' }).waitFor();
  await page.clock.fastForward('04:00');
  assert.equal(await page.getByRole('heading', { name: 'Settings' }).count(), 1, 'not yet after 4 minutes');
  await page.clock.fastForward('01:30');
  await page.getByRole('heading', { name: 'Reachout is locked' }).waitFor();
  await unlocked(page);
  // Still 5 minutes (remembered), and use keeps it open.
  for (let i = 0; i < 3; i += 1) {
    await page.clock.fastForward('03:00');
    await page.keyboard.press('Shift');
  }
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
});

test('locked backups down and up, a new passphrase, the old one refused, the lock turned off', async (t) => {
  const page = await freshPage(t, setup, PHONE);
  await seed(page, SEED);
  await turnLockOn(page);
  const { backupCard, locked } = await downloadLockedBackup(page);
  assert.match(locked.name, /^reachout-backup-\d{4}-\d\d-\d\d-locked\.json$/);
  const envelope = JSON.parse(locked.text);
  assert.deepEqual(Object.keys(envelope).sort(), ['ciphertext', 'compression', 'format', 'iterations', 'kdf', 'nonce', 'salt', 'version']);
  assert.equal(envelope.format, 'reachout-backup-locked');
  assert.equal(envelope.kdf, 'PBKDF2-SHA-256');
  assert.ok(envelope.iterations >= 600000);
  assertNothingReadable([locked.text]);
  await page.getByText('Locked backup downloaded').waitFor();
  // The exports say they stay readable.
  await page.getByText('These files are not locked').waitFor();
  // An unlocked backup, behind a confirmation.
  await backupCard.getByRole('button', { name: 'Download an unlocked backup…' }).click();
  const plain = await download(page, page.getByRole('button', { name: 'Download it unlocked' }));
  assert.ok(plain.text.includes('Ana Lima'));
  assert.ok(!plain.name.includes('locked'));

  // A new passphrase; then the locked backup, made with the old one, asks for it.
  await go(page, '/settings');
  const card = page.getByRole('region', { name: 'Lock with a passphrase' });
  await card.getByLabel('Current passphrase').fill('wrong passphrase');
  await card.getByLabel('New passphrase', { exact: true }).fill(PASS2);
  await card.getByLabel('Repeat the new passphrase').fill(PASS2);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await card.getByRole('alert').filter({ hasText: 'That passphrase is not the right one.' }).waitFor();
  // The field it is about is marked, described by the message, and has the focus.
  const currentField = card.getByLabel('Current passphrase');
  assert.equal(await currentField.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'change-current');
  await card.getByLabel('Current passphrase').fill(PASS);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await card.getByRole('status').filter({ hasText: 'Passphrase changed.' }).waitFor();
  assertNothingReadable(await everythingStored(page));

  await go(page, '/data', PASS2);
  await page.getByLabel('Backup file').setInputFiles(locked.path);
  await page.getByLabel("Backup's passphrase").fill(PASS2);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await page.getByRole('alert').filter({ hasText: 'That passphrase does not open this backup. Nothing was changed.' }).waitFor();
  await page.getByLabel("Backup's passphrase").fill(PASS);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await page.getByText(/Restored 5 contacts/).waitFor();
  await page.screenshot({ path: 'test-results/lock-restore-360.png', fullPage: true });

  // The old passphrase no longer opens the data; the new one does.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await unlock(page, PASS);
  await page.getByRole('alert').filter({ hasText: 'That passphrase is not the right one.' }).waitFor();
  await unlocked(page, PASS2);

  // Turned off: stored readable again, no unlock screen, the data whole.
  await go(page, '/settings', PASS2);
  const off = page.getByRole('region', { name: 'Lock with a passphrase' });
  await off.getByLabel('Passphrase', { exact: true }).fill(PASS2);
  await off.getByRole('button', { name: 'Turn the lock off' }).click();
  await off.getByRole('status').filter({ hasText: 'The lock is off' }).waitFor();
  const stored = await everythingStored(page);
  // (The app's own code, cached by the service worker, names the formats: only stored values count.)
  assert.deepEqual(stored.filter((t) => t.startsWith('reachout:')).filter((t) => t.includes('reachout-sealed1:') || t.includes('reachout-locked1:')).map((t) => t.slice(0, 60)), [],
    'nothing left sealed');
  await visit(page, setup.server.url, '/contacts');
  await page.getByRole('link', { name: 'Ana Lima' }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Lock now' }).count(), 0);
});

/**
 * Runs `change` with storage cut after `writes` writes (every later setItem and removeItem is
 * dropped, as if the tab had been closed there), and returns what storage then holds.
 */
async function cutAfter(t, writes, prepare, change) {
  const { context, foreign, errors } = await openContext(setup.browser, setup.server.url);
  t.after(() => context.close());
  const page = await context.newPage();
  await seed(page, SEED);
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('beside')) {
      localStorage.setItem('reachout:snapshot', text);
      sessionStorage.setItem('beside', '1');
    }
    const set = Storage.prototype.setItem;
    const remove = Storage.prototype.removeItem;
    window.cut = { after: Infinity, writes: 0 };
    Storage.prototype.setItem = function (key, value) {
      if (window.cut.writes >= window.cut.after) return;
      window.cut.writes += 1;
      return set.call(this, key, value);
    };
    Storage.prototype.removeItem = function (key) {
      if (window.cut.writes >= window.cut.after) return;
      window.cut.writes += 1;
      return remove.call(this, key);
    };
  }, JSON.stringify(SEED));
  await prepare(page);
  await page.evaluate((n) => { window.cut.writes = 0; window.cut.after = n; }, writes);
  await change(page);
  // Whatever the page says now (it may report that a write was not kept), storage is what a
  // tab closed after that many writes leaves.
  await page.waitForTimeout(200);
  const left = await page.evaluate(() => ({ entries: Object.entries(localStorage), done: window.cut.writes < window.cut.after }));
  assert.deepEqual(foreign, []);
  void errors;
  return left;
}

/** Opens what `entries` hold in a new tab and checks that the data is whole. */
async function opensWhole(t, entries, passphrases) {
  const page = await freshPage(t, setup);
  await page.addInitScript((stored) => {
    if (!sessionStorage.getItem('restored')) {
      for (const [key, value] of stored) localStorage.setItem(key, value);
      sessionStorage.setItem('restored', '1');
    }
  }, entries);
  await page.goto(`${setup.server.url}/contacts`);
  const lockedNow = entries.some(([k, v]) => k === 'reachout:document' && v.startsWith('reachout-locked1:'));
  let opened = !lockedNow;
  for (const passphrase of lockedNow ? passphrases : []) {
    await unlock(page, passphrase);
    const outcome = await Promise.race([
      page.getByRole('navigation', { name: 'Main' }).waitFor().then(() => 'open'),
      page.getByRole('alert').waitFor().then(() => 'wrong'),
    ]);
    if (outcome === 'open') { opened = true; break; }
  }
  assert.ok(opened, 'one of the passphrases opens it');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  for (const name of ['Ana Lima', 'Ben Okafor', 'Elena Costa']) await page.getByRole('link', { name }).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no storage problem');
  // The restore's snapshot still opens (the Data page offers to undo it).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Undo the restore' }).waitFor();
  return page;
}

test('a tab closed between any two writes of turning on, changing or turning off the lock leaves a whole state', async (t) => {
  const steps = [
    ['turn on', async () => {}, (page) => turnLockOnQuick(page, PASS)],
    ['change', (page) => turnLockOnQuick(page, PASS), (page) => changeQuick(page, PASS, PASS2)],
    ['turn off', (page) => turnLockOnQuick(page, PASS), (page) => offQuick(page, PASS)],
  ];
  for (const [name, prepare, change] of steps) {
    for (let writes = 0; writes < 12; writes += 1) {
      const left = await cutAfter(t, writes, async (page) => {
        await go(page, '/settings');
        await prepare(page);
      }, change);
      t.diagnostic(`${name}: cut after ${writes} writes, ${left.done ? 'finished' : 'cut'}: ${left.entries.map(([k, v]) => `${k}=${v.slice(0, 18)}`).join(' ')}`);
      const page = await opensWhole(t, left.entries, [PASS2, PASS]);
      await page.context().close();
      if (left.done) break;
      assert.ok(writes < 11, `${name} finished within 11 writes`);
    }
  }
});

async function lockCard(page) {
  await go(page, '/settings');
  return page.getByRole('region', { name: 'Lock with a passphrase' });
}

async function turnLockOnQuick(page, passphrase) {
  const card = await lockCard(page);
  await card.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await card.getByLabel('Repeat the passphrase').fill(passphrase);
  await card.getByRole('button', { name: 'Turn the lock on' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('Locking…'));
}

async function changeQuick(page, current, next) {
  const card = await lockCard(page);
  await card.getByLabel('Current passphrase').fill(current);
  await card.getByLabel('New passphrase', { exact: true }).fill(next);
  await card.getByLabel('Repeat the new passphrase').fill(next);
  await card.getByRole('button', { name: 'Change the passphrase' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('Changing the passphrase…'));
}

async function offQuick(page, current) {
  const card = await lockCard(page);
  await card.getByLabel('Passphrase', { exact: true }).fill(current);
  await card.getByRole('button', { name: 'Turn the lock off' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('Turning the lock off…'));
}
