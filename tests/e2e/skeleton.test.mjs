// End-to-end: the release build in Debian's Chromium, used as a person would, by role and label.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshPage, moreDetails, serveAndBrowse, storedDocument, visit } from './support.mjs';

const setup = serveAndBrowse();

/** A page in a fresh context; after the test, checks no request left the origin and no error was logged. */
/** A link of the main navigation. */
function nav(page, name) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function addContact(page, fields) {
  await nav(page, 'Contacts').click();
  await page.getByRole('link', { name: 'Add contact' }).click();
  await moreDetails(page);
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: fields.Name }).waitFor();
}

describe('a first visit', () => {
  test('shows Today with an invitation to add a first contact', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await page.getByRole('heading', { name: 'Every connection starts with one message' }).waitFor();
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a contact' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/contacts/new');
    assert.equal(await storedDocument(page), null, 'looking around saves nothing');
  });

  test('every section is reachable from the navigation, and unknown addresses say so', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    for (const [link, heading] of [['Contacts', 'Contacts'], ['Insights', 'Insights'], ['Data', 'Your data'],
      ['Settings', 'Settings'], ['Today', 'Today']]) {
      await nav(page, link).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await nav(page, link).getAttribute('aria-current'), 'page', `${link} is marked current`);
    }
    await visit(page, setup.server.url, '/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  });
});

describe('contacts and reach-outs', () => {
  test('a contact and a reach-out survive a reload, newest reach-out first', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    await addContact(page, {
      Name: 'Ana Lima',
      Company: 'Acme',
      Role: 'Designer',
      Email: 'ana@example.com',
      'LinkedIn profile': 'linkedin.com/in/ana-lima',
      Tags: 'mentor, design',
      Notes: '<script>alert("x")</script> met at the meetup',
    });

    await page.getByRole('radio', { name: 'LinkedIn' }).check();
    await page.getByLabel('Date').fill('2026-01-15');
    await page.getByLabel('What was it about?').fill('Asked about her move into design');
    await page.getByRole('button', { name: 'Save reach-out' }).click();
    await page.getByRole('status').getByText('Logged.').waitFor();

    await page.getByRole('radio', { name: 'Email' }).check();
    await page.getByLabel('What was it about?').fill('Sent the portfolio link');
    await page.getByRole('button', { name: 'Save reach-out' }).click();
    await page.getByText('Sent the portfolio link').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ana Lima' }).waitFor();
    assert.match(await page.getByText('Designer at Acme').textContent(), /Designer at Acme/);
    const link = page.getByRole('link', { name: 'https://linkedin.com/in/ana-lima' });
    assert.equal(await link.getAttribute('href'), 'https://linkedin.com/in/ana-lima');
    // Markup typed into a field is shown as text, never run.
    await page.getByText('<script>alert("x")</script> met at the meetup').waitFor();
    const items = page.getByRole('list', { name: 'Reach-outs, newest first' }).getByRole('listitem');
    assert.equal(await items.count(), 2);
    assert.match(await items.nth(0).textContent(), /Email.*Sent the portfolio link/s);
    assert.match(await items.nth(1).textContent(), /LinkedIn.*15 Jan 2026.*Asked about her move/s);

    await nav(page, 'Contacts').click();
    const row = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').first();
    assert.match(await row.textContent(), /Ana Lima.*Designer at Acme.*Last reached out today/s);

    const stored = await storedDocument(page);
    assert.equal(stored.format, 'reachout');
    assert.equal(stored.version, 5);
    assert.equal(stored.data.contacts.length, 1);
    assert.equal(stored.data.reach_outs.length, 2);
  });

  test('an invalid form shows its messages next to the fields and saves nothing', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url, '/contacts/new');
    await moreDetails(page);
    await page.getByLabel('Email').fill('ana-at-example');
    await page.getByLabel('LinkedIn profile').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add contact' }).click();

    await page.getByText('Please enter a name.').waitFor();
    const name = page.getByLabel('Name');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.ok(await name.evaluate((el) => el === document.activeElement), 'focus moves to the first problem');
    await page.getByText("That doesn't look like an e-mail address").waitFor();
    await page.getByText('Only web links starting with http:// or https:// can be saved here.').waitFor();
    await page.getByRole('alert').getByText('Nothing was saved.').waitFor();
    assert.equal(await storedDocument(page), null);

    // Fixing only the name still refuses the bad email and link.
    await name.fill('Ana');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel('Email').and(page.locator('[aria-invalid="true"]')).waitFor();
    assert.equal(await storedDocument(page), null);
    await nav(page, 'Contacts').click();
    await page.getByText('No contacts yet.').waitFor();
  });

  test('a reach-out needs a channel and a date that has happened', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    await addContact(page, { Name: 'Ben Okafor' });
    await page.getByLabel('Date').fill('2999-01-01');
    await page.getByRole('button', { name: 'Save reach-out' }).click();
    await page.getByText('Please pick how you reached out.').waitFor();
    await page.getByText('That date is in the future').waitFor();
    assert.deepEqual((await storedDocument(page)).data.reach_outs, []);
    await page.getByText('No reach-outs yet.').waitFor();
  });

  test('a contact can be edited, and the edit is kept', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    await addContact(page, { Name: 'Carla Ruiz', Company: 'Initech' });
    await page.getByRole('link', { name: 'Edit contact' }).click();
    assert.equal(await page.getByLabel('Company').inputValue(), 'Initech');
    await page.getByLabel('Company').fill('Globex');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Globex').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Carla Ruiz' }).waitFor();
    assert.equal(await page.getByText('Initech').count(), 0);
    assert.equal((await storedDocument(page)).data.contacts[0].company, 'Globex');
  });

  test('a deep link opens the right page on a fresh load', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    await addContact(page, { Name: 'Dana Scully' });
    const path = new URL(page.url()).pathname;
    assert.match(path, /^\/contacts\/\d+$/);
    await visit(page, setup.server.url, path);
    await page.getByRole('heading', { level: 1, name: 'Dana Scully' }).waitFor();
    await visit(page, setup.server.url, '/contacts/999');
    await page.getByRole('heading', { level: 1, name: 'Contact not found' }).waitFor();
  });
});

describe('stored data that cannot be read', () => {
  test('is kept aside untouched, and the user is told', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    const broken = '{"format":"reachout","version":1,"data":{"contacts":[{"name":"Ana"';
    await page.evaluate((text) => localStorage.setItem('reachout:document', text), broken);
    await page.reload();
    await page.getByRole('alert').getByText('Your saved data could not be read').waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage)
      .filter((key) => key.startsWith('reachout:quarantine:'))
      .map((key) => localStorage.getItem(key)));
    assert.deepEqual(kept, [broken]);
    assert.equal(await page.evaluate(() => localStorage.getItem('reachout:document')), broken,
      'opening the app writes nothing over the original');
  });

  test('from a newer Reachout is never written over', async (t) => {
    const page = await freshPage(t, setup);
    await visit(page, setup.server.url);
    const newer = '{"format":"reachout","version":7,"revision":3,"data":{"people":[]}}';
    await page.evaluate((text) => localStorage.setItem('reachout:document', text), newer);
    await page.reload();
    await page.getByRole('alert').getByText('saved by a newer Reachout').waitFor();
    await addContact(page, { Name: 'Eve' });
    assert.equal(await page.evaluate(() => localStorage.getItem('reachout:document')), newer);
  });
});
