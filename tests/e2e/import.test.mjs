// End-to-end: bringing a network in and taking data out, as a person does it: real files
// through the real file input, a preview before anything changes, a choice per duplicate,
// undo, and exports as real downloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addContact, freshPage, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();
const FIXTURES = path.resolve('tests/fixtures');
const linkedin = (name) => path.join(FIXTURES, 'linkedin', name);

const names = (document) => (document?.data.contacts ?? []).map((c) => c.name).sort();

async function choose(page, files) {
  await visit(page, setup.server.url, '/import');
  await page.getByLabel('Files to import').setInputFiles(files);
  await page.getByRole('heading', { name: 'Before anything changes' }).waitFor();
  return page.getByRole('region', { name: 'Before anything changes' });
}

test('LinkedIn connections and invitations: preview, confirm, find them; again adds nothing; undo', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Priya', Email: 'priya@example.com' });
  const preview = await choose(page, [linkedin('Connections.csv'), linkedin('Invitations.csv')]);
  await preview.getByText('6 new contacts, 1 already in your contacts, 3 reach-outs, 1 row left out.').waitFor();
  await preview.getByText('Connections.csv, line 8: it has no name', { exact: false }).waitFor();
  await preview.getByText('You have Priya with the same email. Merging fills in: Company, Role, LinkedIn profile, How we met.').waitFor();
  assert.equal(await page.getByLabel('What to do with Priya Raman').inputValue(), 'merge');
  await preview.getByText(/1 invitation you received left out/).waitFor();
  assert.deepEqual(names(await storedDocument(page)), ['Priya'], 'nothing changes before confirming');

  await page.getByRole('button', { name: 'Import 6 new contacts, 1 merged, 3 reach-outs' }).click();
  await page.getByRole('status').getByText('Imported: 6 new contacts and 3 reach-outs. 1 contact you had was filled in.').waitFor();
  const stored = await storedDocument(page);
  assert.deepEqual(names(stored), [
    'Ada Okafor', 'Dana Whitfield', 'José Núñez', 'Li Wei', 'Marcus O\'Neil', 'Priya', 'Zoë van der Berg']);
  const priya = stored.data.contacts.find((c) => c.name === 'Priya');
  assert.equal(priya.company, 'City Hospital');
  assert.equal(priya.email, 'priya@example.com');
  assert.equal(stored.data.reach_outs.length, 3);
  assert.ok(stored.data.reach_outs.every((r) => r.channel === 'linkedin'));

  // The contacts are there to find, with their history.
  await visit(page, setup.server.url, '/contacts?q=ada');
  await page.getByRole('link', { name: 'Ada Okafor' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada Okafor' }).waitFor();
  await page.getByText('Head of "Growth"', { exact: false }).first().waitFor();
  await page.getByText('Hi Ada, I enjoyed your talk on pricing experiments', { exact: false }).waitFor();

  // The same files again: everyone is known, nothing new.
  const again = await choose(page, [linkedin('Connections.csv'), linkedin('Invitations.csv')]);
  await again.getByText(/0 new contacts, 7 already in your contacts, 0 reach-outs.*3 reach-outs are ones you have already/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nothing new to import' }).isDisabled(), true);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await again.waitFor({ state: 'detached' });

  // Work done after the import, in this tab and in another, is not the import's to undo.
  await addContact(page, setup.server.url, { Name: 'Zoe Later' });
  await visit(page, setup.server.url, '/contacts?q=ada');
  await page.getByRole('link', { name: 'Ada Okafor' }).click();
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Save reach-out' }).click();
  await page.getByRole('status').getByText('Logged.').waitFor();
  // (The reach-out is saved before the other tab opens: two tabs that create a record in the
  // same moment can both take the same id, and the later save renumbers its own, under the
  // page that shows it; noted for the next session.)
  assert.equal((await storedDocument(page)).data.reach_outs.length, 4);
  const other = await page.ownContext.newPage();
  await addContact(other, setup.server.url, { Name: 'Sam Other' });
  await other.close();

  // After a reload, the import page still offers the undo, and it takes back only the import.
  await visit(page, setup.server.url, '/import');
  await page.getByText('Undo takes out what the import added and filled in; what you have done since stays.').waitFor();
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await page.getByRole('status').getByText(
    'The import is undone; what you did since is kept, and so is the imported contact you changed or reached out to since: Ada Okafor.').waitFor();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  const undone = await storedDocument(page);
  assert.deepEqual(names(undone), ['Ada Okafor', 'Priya', 'Sam Other', 'Zoe Later']);
  assert.equal(undone.data.contacts.find((c) => c.name === 'Priya').company ?? '', '', 'what the import filled in is emptied');
  assert.equal(undone.data.reach_outs.length, 1, 'only the reach-out logged since stays');
  // Storage is left as it was: no snapshot, nothing kept for it.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('snapshot')));
  assert.deepEqual(keys, []);
});

test('the whole LinkedIn export with messages: an acceptance is "connected", a reply waits to be sorted', async (t) => {
  const page = await freshPage(t, setup);
  const preview = await choose(page, [
    linkedin('Connections.csv'), linkedin('Invitations.csv'), linkedin('messages.csv')]);
  await preview.getByText('7 new contacts, 0 already in your contacts, 6 reach-outs, 1 row left out.').waitFor();
  await preview.getByText(/1 group conversation left out/).waitFor();
  await page.getByRole('button', { name: 'Import 7 new contacts, 6 reach-outs' }).click();
  await page.getByRole('status').getByText('Imported: 7 new contacts and 6 reach-outs.').waitFor();
  const stored = await storedDocument(page);
  const ada = stored.data.contacts.find((c) => c.name === 'Ada Okafor');
  const toAda = stored.data.reach_outs.filter((r) => r.contact === ada.id);
  assert.deepEqual(toAda.map((r) => JSON.stringify(r.outcome)), ['"connected"', '{"replied":{"sorted":false}}']);
  // Li's follow-up before any reply is a try of its own, linked to the first.
  const li = stored.data.contacts.find((c) => c.name === 'Li Wei');
  const toLi = stored.data.reach_outs.filter((r) => r.contact === li.id);
  assert.equal(toLi.length, 2);
  assert.equal(toLi[1].follows_up, toLi[0].id);
});

test('a duplicate can be skipped or added anyway, one by one', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ada Okafor', Company: 'Old Co' });
  await addContact(page, setup.server.url, { Name: 'Li Wei' });
  await choose(page, [linkedin('Connections.csv')]);
  await page.getByLabel('What to do with Ada Okafor').selectOption('skip');
  await page.getByLabel('What to do with Li Wei').selectOption('add');
  await page.getByRole('button', { name: 'Import 5 new contacts' }).click();
  await page.getByRole('status').getByText('Imported: 5 new contacts and 0 reach-outs. 1 left out, as you chose.').waitFor();
  const stored = await storedDocument(page);
  assert.equal(stored.data.contacts.filter((c) => c.name === 'Li Wei').length, 2);
  const ada = stored.data.contacts.filter((c) => c.name === 'Ada Okafor');
  assert.equal(ada.length, 1);
  assert.equal(ada[0].company, 'Old Co');
});

test('a vCard from a phone, and any CSV with its columns mapped', async (t) => {
  const page = await freshPage(t, setup);
  const cards = await choose(page, [path.join(FIXTURES, 'vcard', 'apple-3.0.vcf')]);
  await cards.getByText('2 new contacts', { exact: false }).waitFor();
  await cards.getByText(/1 photo left out/).waitFor();
  await page.getByRole('button', { name: 'Import 2 new contacts' }).click();
  await page.getByRole('status').getByText(/Imported: 2 new contacts/).waitFor();
  const grace = (await storedDocument(page)).data.contacts.find((c) => c.name === 'Grace Chen');
  assert.equal(grace.linkedin, 'https://www.linkedin.com/in/gracechen');
  assert.deepEqual(grace.tags, ['mentor', 'research']);

  const dir = await mkdtemp(path.join(tmpdir(), 'reachout-import-'));
  const sheet = path.join(dir, 'people.csv');
  await writeFile(sheet, 'Full name;Firm;Mail;Notes\nAna Lima;Acme;ana@acme.example;Met at a meetup\n');
  await choose(page, [sheet]);
  await page.getByRole('heading', { name: 'Which column is which?' }).waitFor();
  assert.equal(await page.getByLabel('Full name').inputValue(), 'name');
  assert.equal(await page.getByLabel('Firm').inputValue(), 'ignore');
  await page.getByLabel('Firm').selectOption('company');
  await page.getByLabel('Mail').selectOption('email');
  await page.getByRole('button', { name: 'Import 1 new contact' }).click();
  await page.getByRole('status').getByText(/Imported: 1 new contact /).waitFor();
  const ana = (await storedDocument(page)).data.contacts.find((c) => c.name === 'Ana Lima');
  assert.equal(ana.company, 'Acme');
  assert.equal(ana.email, 'ana@acme.example');
  // The mapping is remembered for a file with the same columns.
  await choose(page, [sheet]);
  assert.equal(await page.getByLabel('Firm').inputValue(), 'company');
});

test('hostile files get a message and change nothing', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: 'Ana Lima' });
  await storedDocument(page); // saved now, not 300 ms later
  const before = await page.evaluate(() => localStorage.getItem('reachout:document'));
  await visit(page, setup.server.url, '/import');
  const cases = {
    'binary.vcf': 'binary.vcf is not text',
    'not-a-backup.json': 'use “Restore a backup” on the Data page',
  };
  for (const [file, message] of Object.entries(cases)) {
    await page.getByLabel('Files to import').setInputFiles(path.join(FIXTURES, 'hostile', file));
    await page.getByRole('alert').getByText(message, { exact: false }).waitFor();
  }
  // Markup in a name is shown as text, never run; a script link is left out.
  const preview = await choose(page, [path.join(FIXTURES, 'hostile', 'Connections.csv')]);
  await preview.getByText('<img src=x onerror=alert(1)>', { exact: false }).first().waitFor();
  await preview.getByText(/LinkedIn profile “javascript:alert\(document\.domain\)” left out/).waitFor();
  await preview.getByText(/9 cells where the header has 7/).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('reachout:document')), before);
});

test('exports are real downloads: CSV safe for spreadsheets, vCard and a calendar file', async (t) => {
  const page = await freshPage(t, setup);
  await addContact(page, setup.server.url, { Name: '=Ana Lima', Company: 'Acme, Inc.', Email: 'ana@example.com' }, 'Email');
  await visit(page, setup.server.url, '/data');
  const download = async (name) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const contacts = await download('Contacts as CSV');
  assert.match(contacts.name, /^reachout-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.match(contacts.text, /^\uFEFFName,Company,Role,Email/);
  assert.ok(contacts.text.includes('\'=Ana Lima,"Acme, Inc.",,ana@example.com'), contacts.text);
  const reachOuts = await download('Reach-outs as CSV');
  assert.ok(reachOuts.text.includes('\'=Ana Lima,,ana@example.com,Email,'), reachOuts.text);
  const card = await download('Contacts as vCard');
  assert.match(card.name, /\.vcf$/);
  assert.ok(card.text.includes('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:=Ana Lima\r\n'), card.text);
  assert.ok(card.text.includes('ORG:Acme\\, Inc.\r\n'));
  const calendar = await download('Follow-ups as a calendar file');
  assert.match(calendar.name, /\.ics$/);
  assert.ok(calendar.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
  assert.ok(calendar.text.includes('SUMMARY:Follow up with =Ana Lima\r\n'), calendar.text);
  assert.ok(calendar.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
  await page.getByRole('status').getByText(/Downloaded reachout-follow-ups-/).waitFor();
});

test('two devices, no server: one backup each way, merged, brings both in step', async (t) => {
  const laptop = await freshPage(t, setup);
  const phone = await freshPage(t, setup);
  await addContact(laptop, setup.server.url, { Name: 'Ana Lima' }, 'Email');
  await addContact(phone, setup.server.url, { Name: 'Ben Okafor' });
  const backupOf = async (page) => {
    await visit(page, setup.server.url, '/data');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    return file.path();
  };
  const mergeInto = async (page, file) => {
    await visit(page, setup.server.url, '/data');
    await page.getByLabel('Backup file').setInputFiles(file);
    await page.getByText('After the merge: 2 contacts and 1 reach-out.').waitFor();
    await page.getByRole('button', { name: 'Merge with my data' }).click();
    await page.getByRole('status').getByText(/Merged .*: you now have 2 contacts and 1 reach-out\./).waitFor();
  };
  await mergeInto(phone, await backupOf(laptop));
  assert.deepEqual(names(await storedDocument(phone)), ['Ana Lima', 'Ben Okafor']);
  await mergeInto(laptop, await backupOf(phone));
  assert.deepEqual(names(await storedDocument(laptop)), ['Ana Lima', 'Ben Okafor']);
  // Undo is offered as for a restore.
  await laptop.getByRole('button', { name: 'Undo the merge' }).click();
  await laptop.getByRole('status').getByText('The data from before the merge is back.').waitFor();
  assert.deepEqual(names(await storedDocument(laptop)), ['Ana Lima']);
});

test('after one backup each way, edits of different fields both stay and a delete stays deleted', async (t) => {
  const laptop = await freshPage(t, setup);
  const phone = await freshPage(t, setup, { viewport: { width: 360, height: 780 } });
  await addContact(laptop, setup.server.url, { Name: 'Ana Lima' });
  await addContact(laptop, setup.server.url, { Name: 'Ben Okafor' });
  const backupOf = async (page) => {
    await visit(page, setup.server.url, '/data');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    return file.path();
  };
  const preview = async (page, file) => {
    await visit(page, setup.server.url, '/data');
    await page.getByLabel('Backup file').setInputFiles(file);
    const group = page.getByRole('group', { name: /saved on/ });
    await group.getByText(/^After the merge:/).waitFor();
    return group;
  };
  const merge = async (page) => {
    await page.getByRole('button', { name: 'Merge with my data' }).click();
    await page.getByRole('status').getByText(/^Merged /).waitFor();
  };
  const edit = async (page, name, label, value) => {
    await visit(page, setup.server.url, '/contacts');
    await page.getByRole('link', { name }).click();
    await page.getByRole('link', { name: 'Edit contact' }).click();
    await page.getByLabel(label).fill(value);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  // The first exchange: nothing known of the other device yet, and the preview says so.
  let group = await preview(phone, await backupOf(laptop));
  await group.getByText(/knows of no earlier backup passed between the two devices/).waitFor();
  await merge(phone);
  group = await preview(laptop, await backupOf(phone));
  await group.getByText(/each change is kept, field by field/).waitFor();
  await merge(laptop);

  // Each device changes a different field of Ana; the phone deletes Ben.
  await edit(laptop, 'Ana Lima', 'Company', 'Acme');
  await edit(phone, 'Ana Lima', 'Role', 'Designer');
  await visit(phone, setup.server.url, '/contacts');
  await phone.getByRole('link', { name: 'Ben Okafor' }).click();
  await phone.getByRole('button', { name: 'More', exact: true }).click();
  await phone.getByRole('button', { name: 'Delete…' }).click();
  await phone.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await phone.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();

  group = await preview(laptop, await backupOf(phone));
  await group.getByText(/1 contact both devices changed since you last passed a backup/).waitFor();
  await group.getByText('1 contact you deleted on the other device is deleted here too.').waitFor();
  await group.getByText('After the merge: 1 contact and 0 reach-outs.').waitFor();
  await laptop.screenshot({ path: 'test-results/two-devices-merge-preview.png', fullPage: true });
  await merge(laptop);
  const merged = await storedDocument(laptop);
  assert.deepEqual(names(merged), ['Ana Lima']);
  assert.equal(merged.data.contacts[0].company, 'Acme', "the laptop's edit stays");
  assert.equal(merged.data.contacts[0].role, 'Designer', "the phone's edit arrives");

  // And back: the phone finds its own last backup named in the laptop's, and ends the same.
  group = await preview(phone, await backupOf(laptop));
  await group.getByText(/field by field/).waitFor();
  await merge(phone);
  const phoneNow = await storedDocument(phone);
  assert.deepEqual(phoneNow.data.contacts, merged.data.contacts);
});

test('rows of one file taken as one person are shown with a choice; different people stay apart', async (t) => {
  const page = await freshPage(t, setup);
  const dir = await mkdtemp(path.join(tmpdir(), 'reachout-import-'));
  const sheet = path.join(dir, 'people.csv');
  await writeFile(sheet, 'Name,Email,Company,Phone\n'
    + 'John Smith,john@one.example,One,\n'
    + 'John Smith,john@two.example,Two,\n'
    + 'John Smith,,Three,\n'
    + 'Ana Lima,info@acme.example,Acme,\n'
    + 'Ben Okafor,info@acme.example,Acme,\n'
    + 'Ana Lima,info@acme.example,,+49 30 1\n');
  const preview = await choose(page, [sheet]);
  await preview.getByText('5 new contacts, 0 already in your contacts, 0 reach-outs, 0 rows left out. 1 row was taken as the same person as another row of the file (see below).').waitFor();
  const row = preview.getByRole('checkbox', {
    name: 'people.csv, line 7: Ana Lima, one contact with line 5 (the same name and e-mail)',
  });
  assert.equal(await row.isChecked(), true);
  await page.screenshot({ path: 'test-results/import-joined-rows.png', fullPage: true });

  // Unticked, the row is a contact of its own.
  await row.uncheck();
  await preview.getByText('6 new contacts, 0 already in your contacts, 0 reach-outs, 0 rows left out.').waitFor();
  await page.getByRole('button', { name: 'Import 6 new contacts' }).click();
  await page.getByRole('status').getByText('Imported: 6 new contacts', { exact: false }).waitFor();
  const stored = await storedDocument(page);
  assert.deepEqual(names(stored), ['Ana Lima', 'Ana Lima', 'Ben Okafor', 'John Smith', 'John Smith', 'John Smith']);
  const anas = stored.data.contacts.filter((c) => c.name === 'Ana Lima');
  assert.deepEqual(anas.map((c) => c.phone ?? ''), ['', '+49 30 1']);
});
