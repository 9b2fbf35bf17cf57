import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Client } from '../../src-shared/contract/client.js';
import { tempDir } from '../helpers/temp.js';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { CrmLinksPage } from './crm-links-page.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageListPage } from './message-list-page.js';

/**
 * Given an office inbox with mail from a known customer, a prospect who signs her emails and a sender nobody has
 * filed yet, the reader shows what each email is filed under and why, and the agent unlinks, links and creates
 * records from it in one click — in the reading pane and in a message window.
 */

const mail = (n: number, from: string, subject: string, body: string[]) =>
  utf8Mail({ from, to: 'Agent <agent@facteur.test>', subject, date: `Tue, 10 Nov 2026 1${n}:00:00 +0100`, messageId: `crm-links-${n}@facteur.test`, body });

const GIRARD = 'Devis transport Lyon';
const POPESCU = 'Oferta proiect Timisoara';
const PETIT = 'Question facture';

let app: RunningApp;
let api: Client['api'];
let closeClient: () => void;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let links: CrmLinksPage;
let ids: Record<string, number>;

beforeEach(async () => {
  app = await startApp(tempDir());
  const socket = await connectClient(app);
  api = socket.client.api;
  closeClient = socket.close;
  const ingest = async (raw: string) => (await api.messages.ingest({ raw })).id;
  ids = {
    [GIRARD]: await ingest(mail(1, 'Marc Girard <marc@girard-bois.fr>', GIRARD, ['Bonjour,', '', 'Voici le devis.', '', 'Cordialement,', 'Marc Girard'])),
    [POPESCU]: await ingest(
      mail(2, 'Popescu Ana-Maria <ana.popescu@construct-vest.ro>', POPESCU, [
        'Bună ziua,',
        '',
        'Vă trimit oferta actualizată.',
        '',
        'Cu stimă,',
        'Ana-Maria Popescu',
        'Manager achiziții',
        'Construct Vest SRL',
        'Mobil: +40 721 234 567',
      ]),
    ),
    [PETIT]: await ingest(mail(3, 'Claire Petit <claire.petit@orange.fr>', PETIT, ['Bonjour, la facture 1042 est-elle payée ?'])),
  };
  await api.contacts.create({ firstName: 'Marc', lastName: 'Girard', email: 'marc@girard-bois.fr', companyName: 'Girard Bois SARL' });
  await api.companies.create({ name: 'Transports Lambert Frères' });
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  links = new CrmLinksPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  closeClient?.();
  await browser?.close();
  await app?.stop();
});

describe("the reader's CRM line", () => {
  it('shows the known sender and company "by address", and the red cross unlinks for good', async () => {
    await mailbox.openMessage(GIRARD);
    await expect.poll(() => links.names()).toEqual(['Marc Girard', 'Girard Bois SARL']);
    expect(await links.reason('Marc Girard').textContent()).toBe('by address');
    expect(await links.reason('Girard Bois SARL').textContent()).toBe('by address');
    // The sender is a contact already: not offered as a new one, nor to the address book.
    const page = browser.page;
    await page.getByTestId('crm-menu-button').click();
    await page.getByTestId('menu-crm-stands-for').waitFor();
    expect(await page.getByTestId('menu-crm-add-sender').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await links.panel.getByTestId('crm-new-contact').count()).toBe(0);
    expect(await links.panel.getByTestId('crm-open-sender-contact').count()).toBe(0);

    await links.unlink('Marc Girard');
    await expect.poll(() => links.names()).toEqual(['Girard Bois SARL']);
    // Unlinked from this email, he is still the sender's contact, and opens from here.
    await expect.poll(() => links.panel.getByTestId('crm-open-sender-contact').count()).toBe(1);
    expect(await links.panel.getByTestId('crm-new-contact').count()).toBe(0);
    expect((await api.links.ofMessage({ messageId: ids[GIRARD]! })).items.map((l) => l.name)).toEqual(['Girard Bois SARL']);

    await browser.page.reload();
    await mailbox.openFolder('inbox');
    await mailbox.openMessage(GIRARD);
    await expect.poll(() => links.names()).toEqual(['Girard Bois SARL']);
    await links.panel.getByTestId('crm-open-sender-contact').click();
    await expect.poll(() => page.getByTestId('crm-record-name').textContent()).toBe('Marc Girard');
  });

  it('links to a company found by one word of its name, shown "by hand", and the list counts the links and names the task', async () => {
    await api.tasks.create({ title: 'Rappeler Claire', messageId: ids[PETIT]! });
    await mailbox.openMessage(PETIT);
    await expect.poll(() => links.names()).toEqual(['Rappeler Claire']);

    await links.openSearch();
    await links.search.type('company').click();
    await links.search.input.fill('lambert');
    await expect.poll(() => links.search.active.textContent()).toContain('Transports Lambert Frères');
    await screenshot(browser.page, 'crm-links-search');
    await links.search.input.press('Enter');
    await links.search.dialog.waitFor({ state: 'detached' });
    await expect.poll(() => links.names()).toContain('Transports Lambert Frères');
    expect(await links.reason('Transports Lambert Frères').textContent()).toBe('by hand');
    await screenshot(browser.page, 'crm-links-header');

    const list = new MessageListPage(browser.page);
    for (const column of ['contact', 'company', 'task', 'linked']) await list.chooseColumn(column);
    await expect.poll(() => list.row(PETIT).locator('.col-linked').innerText()).toBe('2');
    expect(await list.row(PETIT).locator('.col-task').textContent()).toBe('Rappeler Claire');
    expect(await list.row(GIRARD).locator('.col-linked').innerText()).toBe('2');
    expect(await list.row(GIRARD).getByRole('img', { name: 'Filed under 2 records' }).count()).toBe(1);
    expect(await list.row(GIRARD).locator('.col-task').textContent()).toBe('');
    expect(await list.row(GIRARD).locator('.col-company').getAttribute('title')).toBe('Girard Bois SARL');
    // The browser is British: dates as the UK writes them, not 11/10/26, 1:00 PM.
    const sent = new Date('2026-11-10T13:00:00+01:00');
    expect(await list.row(PETIT).locator('.col-date').innerText()).toBe(new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(sent));
    expect(await list.row(PETIT).locator('.col-date').innerText()).toMatch(/^\d\d\/\d\d\/2026, \d\d:\d\d$/);

    // Thirteen columns are more than the pane holds at 1400 wide: the titles and the rows scroll sideways together,
    // each cell under its title, the row's box reaching its last cell (its paint stops at its box), the CRM columns
    // no narrower than their minimum.
    await list.grid.evaluate((grid) => (grid.scrollLeft = grid.scrollWidth));
    const box = async (l: Locator) => (await l.boundingBox())!;
    const row = list.row(GIRARD);
    const [header, rowBox, grid] = [await box(list.page.locator('.message-header')), await box(row), await box(list.grid)];
    expect(rowBox.width).toBeCloseTo(header.width, 0);
    expect(rowBox.x).toBeCloseTo(header.x, 0);
    for (const id of ['contact', 'company', 'task', 'linked']) {
      const [title, cell] = [await box(list.column(id)), await box(row.locator(`.col-${id}`))];
      expect(cell.x).toBeCloseTo(title.x, 0);
      expect(cell.x + cell.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
      expect(cell.x + cell.width).toBeLessThanOrEqual(grid.x + grid.width);
      if (id !== 'linked') expect(cell.width).toBeGreaterThanOrEqual(64);
    }
  });

  it('creates a contact from the sender prefilled from the signature, after warning of a namesake, and shows it linked', async () => {
    const namesake = await api.contacts.create({ firstName: 'Ana-Maria', lastName: 'Popescu', email: 'ana@old-firm.ro' });
    await mailbox.openMessage(POPESCU);
    await expect.poll(() => links.panel.getByTestId('crm-links-none').isVisible()).toBe(true);

    await links.newRecord('contact');
    const form = links.create;
    await expect.poll(() => form.field('firstName').inputValue()).toBe('Ana-Maria');
    expect(await form.field('lastName').inputValue()).toBe('Popescu');
    expect(await form.field('email').inputValue()).toBe('ana.popescu@construct-vest.ro');
    expect(await form.phones.first().inputValue()).toBe('+40 721 234 567');
    expect(await form.field('companyName').inputValue()).toBe('Construct Vest SRL');
    expect(await form.field('notes').inputValue()).toBe('Manager achiziții');
    expect(await form.duplicates.allTextContents()).toEqual([expect.stringContaining('Already a contact: Ana-Maria Popescu')]);
    await screenshot(browser.page, 'crm-links-quick-create');

    await form.submit.click();
    await form.dialog.waitFor({ state: 'detached' });
    await expect.poll(() => links.names()).toEqual(['Ana-Maria Popescu', 'Construct Vest SRL']);
    expect(await links.reason('Ana-Maria Popescu').textContent()).toBe('by address');
    await expect.poll(() => links.panel.getByTestId('crm-new-contact').count()).toBe(0);
    const created = Number(await links.link('Ana-Maria Popescu').getAttribute('data-id'));
    expect(created).not.toBe(namesake.id);
    expect((await api.contacts.get({ id: created })).phones).toEqual(['+40 721 234 567']);
  });

  it('works in a message window too (a link found by search, a lead from the sender), and the reading pane follows', async () => {
    await mailbox.openMessage(PETIT);
    const [popup] = await Promise.all([browser.page.waitForEvent('popup'), mailbox.row(PETIT).dblclick()]);
    const inWindow = new CrmLinksPage(popup, popup.getByTestId('message-window'));
    await inWindow.panel.waitFor();

    await inWindow.openSearch();
    await inWindow.search.type('company').click();
    await inWindow.search.input.fill('girard bois');
    await expect.poll(() => inWindow.search.hits.count()).toBe(1);
    await inWindow.search.hits.first().click();
    await expect.poll(() => inWindow.names()).toEqual(['Girard Bois SARL']);
    expect(await inWindow.reason('Girard Bois SARL').textContent()).toBe('by hand');
    await expect.poll(() => links.names()).toEqual(['Girard Bois SARL']);

    // A lead from the sender: prefilled, and the email is filed under it by hand.
    await inWindow.newRecord('lead');
    await expect.poll(() => inWindow.create.field('lastName').inputValue()).toBe('Petit');
    expect(await inWindow.create.field('firstName').inputValue()).toBe('Claire');
    expect(await inWindow.create.field('email').inputValue()).toBe('claire.petit@orange.fr');
    expect(await inWindow.create.field('companyName').inputValue()).toBe('');
    await inWindow.create.submit.click();
    await expect.poll(() => inWindow.names()).toEqual(['Girard Bois SARL', 'Claire Petit']);
    expect(await inWindow.link('Claire Petit').getAttribute('data-type')).toBe('lead');
    expect(await inWindow.reason('Claire Petit').textContent()).toBe('by hand');
  });

  it('asks which contact a shared address is, and files its mail under the one chosen', async () => {
    // Two contacts come to share an address when one is restored after the other took it.
    const old = await api.contacts.create({ firstName: 'Luc', lastName: 'Moreau', email: 'accueil@moreau.fr' });
    await api.contacts.delete({ id: old.id });
    const current = await api.contacts.create({ firstName: 'Léa', lastName: 'Moreau', email: 'accueil@moreau.fr' });
    await api.contacts.restore({ id: old.id });
    await api.messages.ingest({ raw: mail(4, 'Accueil Moreau <accueil@moreau.fr>', 'Livraison', ['Bonjour, la livraison est prévue lundi.']) });
    await mailbox.openMessage('Livraison');
    const question = links.panel.getByTestId('crm-ambiguous');
    await expect.poll(() => question.textContent()).toContain('accueil@moreau.fr is the address of several contacts');
    expect(await links.names()).toEqual([]);
    await question.getByRole('button', { name: 'It is Léa Moreau' }).click();
    await expect.poll(() => links.names()).toEqual(['Léa Moreau']);
    expect(await question.count()).toBe(0);
    expect((await api.links.ambiguous({})).items).toEqual([]);
    expect((await api.records.timeline({ type: 'contact', id: current.id })).total).toBe(1);
  });
});
