import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import type { Agent } from '../../src-shared/contract/index.js';
import { openTestEngine } from '../helpers/engine.js';
import { seededDataDir } from '../helpers/seeded-data-dir.js';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { CrmActionsPage } from './crm-actions-page.js';
import { MailboxPage } from './mailbox-page.js';
import { MessageListPage } from './message-list-page.js';

/**
 * Given Ana Pop, a customer in the address book, a colleague (Bogdan), and mail from Ana and from two strangers,
 * the agent opens a ticket from Ana's email and files her next email under it by its number, makes a task from an
 * email and finds it among the open tasks from another, leaves Bogdan a note on an email instead of forwarding it,
 * adds the strangers to the address book from a selection in the list, says whose a web form's email really is,
 * and takes an email out of every history.
 */

const ANA = 'Ana Pop <ana@exemplu.ro>';

const mail = (n: number, from: string, subject: string) =>
  utf8Mail({
    from,
    to: 'Support <support@facteur.test>',
    subject,
    date: `Thu, 12 Nov 2026 0${n}:00:00 +0100`,
    messageId: `crm-actions-${n}@exemplu.ro`,
    body: `Bonjour, message ${n}.`,
  });

const MAILS = [
  mail(1, ANA, 'Imprimante en panne'),
  mail(2, ANA, 'Toujours en panne'),
  mail(3, ANA, 'Devis à rappeler'),
  mail(4, ANA, 'Question facture'),
  mail(5, 'Paul Martin <paul.martin@nouveau.fr>', 'Nouveau client'),
  mail(6, 'Ioana Radu <ioana@firma.ro>', 'Cerere de ofertă'),
  mail(7, 'Formulaire du site <noreply@site.fr>', 'Demande via le site'),
];

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let mailbox: MailboxPage;
let crm: CrmActionsPage;
let colleague: Agent;
let me: Agent;

beforeEach(async () => {
  const dataDir = await seededDataDir(async ({ api }) => {
    await api.contacts.create({ firstName: 'Ana', lastName: 'Pop', email: 'ana@exemplu.ro' });
    colleague = await api.agents.create({ name: 'Bogdan Ionescu', email: 'bogdan@facteur.test' });
    me = await api.agents.current();
    for (const raw of MAILS) await api.messages.ingest({ raw });
  });
  app = await startApp(dataDir);
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  crm = new CrmActionsPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
});

describe('a ticket from an email', () => {
  it('opens with the sender as requester, shows its number; a later email joins it by that number, then moves to another of hers', async () => {
    await mailbox.openMessage('Imprimante en panne');
    await crm.choose('ticket');
    const dialog = crm.dialog('ticket');
    await expect.poll(() => dialog.getByTestId('crm-requester-name').textContent()).toBe('Ana Pop');
    expect(await dialog.getByTestId('crm-ticket-subject').inputValue()).toBe('Imprimante en panne');
    await screenshot(browser.page, 'crm-ticket-new');
    await crm.ok(dialog).click();

    await expect.poll(() => crm.notice.textContent()).toMatch(/^Ticket #\d+ opened$/);
    const number = Number(/#(\d+)/.exec((await crm.notice.textContent()) ?? '')![1]);
    await expect.poll(() => crm.ticketChip.textContent()).toBe(`#${number} Imprimante en panne`);
    expect(await dialog.count()).toBe(0);
    // Focus came back to the menu button, so the keyboard carries on where it was.
    expect(await browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('crm-menu-button');

    // With a ticket, the dialog shows it instead of offering a second one.
    await crm.choose('ticket');
    expect(await dialog.getByTestId('crm-ticket-current-name').textContent()).toBe(`#${number} Imprimante en panne`);
    await dialog.getByTestId('crm-dialog-cancel').click();

    await mailbox.openMessage('Toujours en panne');
    expect(await crm.ticketChip.count()).toBe(0);
    await crm.choose('ticket');
    await dialog.getByTestId('crm-ticket-mode-pick').check();
    await dialog.getByTestId('crm-ticket-search-input').fill(`#${number}`);
    await expect.poll(() => crm.hits(dialog, 'crm-ticket-search').allTextContents()).toEqual([`#${number} Imprimante en panneAna Pop`]);
    await dialog.getByTestId('crm-ticket-search-input').press('Enter');
    await expect.poll(() => crm.notice.textContent()).toBe(`Email attached to ticket #${number} Imprimante en panne`);
    await expect.poll(() => crm.ticketChip.textContent()).toBe(`#${number} Imprimante en panne`);

    const socket = await connectClient(app);
    const { items } = await socket.client.api.tickets.list({ number });
    expect(items.map((t) => [t.subject, t.requesterName, t.messages])).toEqual([['Imprimante en panne', 'Ana Pop', 2]]);

    // Filed under the wrong one: moved to another of Ana's tickets, found within her tickets.
    const other = await socket.client.api.tickets.create({ subject: 'Toner commandé', requesterId: items[0]!.requesterId });
    socket.close();
    await crm.choose('ticket');
    await dialog.getByTestId('crm-ticket-move').click();
    await dialog.getByTestId('crm-ticket-scope').selectOption('sender');
    // The ticket it is in is not offered.
    await expect.poll(() => crm.hits(dialog, 'crm-ticket-search').locator('.crm-search-name').allTextContents()).toEqual([`#${other.number} Toner commandé`]);
    await crm.hits(dialog, 'crm-ticket-search').click();
    expect(await crm.ok(dialog).textContent()).toBe('Move email here');
    await crm.ok(dialog).click();
    await expect.poll(() => crm.ticketChip.textContent()).toBe(`#${other.number} Toner commandé`);
    expect(await crm.notice.textContent()).toBe(`Email moved to ticket #${other.number} Toner commandé`);
  });
});

describe('a task from an email', () => {
  it('is about the sender, shows under the header, and another email finds it among the open tasks', async () => {
    await mailbox.openMessage('Devis à rappeler');
    await crm.choose('task');
    const dialog = crm.dialog('task');
    expect(await dialog.getByTestId('crm-work-title').inputValue()).toBe('Devis à rappeler');
    await dialog.getByTestId('crm-work-title').fill('Rappeler Ana pour le devis');
    await dialog.getByTestId('crm-task-category').fill('appel');
    await expect.poll(() => dialog.getByTestId('crm-work-related').textContent()).toBe('About Ana Pop');
    // Enter in a field submits the form.
    await dialog.getByTestId('crm-task-category').press('Enter');
    await expect.poll(() => crm.notice.textContent()).toBe('Task “Rappeler Ana pour le devis” created');
    await expect.poll(() => crm.taskChips.allTextContents()).toEqual(['Rappeler Ana pour le devis']);

    // An event from the same email starts at the next full hour unless told otherwise, and is created as it is.
    const before = Date.now();
    await crm.choose('event');
    const event = crm.dialog('event');
    const starts = await event.getByTestId('crm-event-starts').inputValue();
    expect(starts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
    expect(new Date(starts).getTime() - before).toBeGreaterThan(0);
    expect(new Date(starts).getTime() - before).toBeLessThanOrEqual(3_600_000 + 60_000);
    await crm.ok(event).click();
    await expect.poll(() => crm.notice.textContent()).toBe('Event “Devis à rappeler” created');
    await event.waitFor({ state: 'detached' });

    await mailbox.openMessage('Question facture');
    await crm.choose('task');
    await dialog.getByTestId('crm-work-mode-pick').check();
    await expect.poll(() => dialog.getByTestId('crm-task-filter').locator('option').allTextContents()).toEqual(['Any category', 'appel']);
    await dialog.getByTestId('crm-task-filter').selectOption('appel');
    await dialog.getByTestId('crm-work-search-input').fill('rappeler');
    await expect.poll(() => crm.hits(dialog, 'crm-work-search').locator('.crm-search-name').allTextContents()).toEqual(['Rappeler Ana pour le devis']);
    await dialog.getByTestId('crm-work-search-input').press('ArrowDown');
    await crm.ok(dialog).click();
    await expect.poll(() => crm.taskChips.allTextContents()).toEqual(['Rappeler Ana pour le devis']);

    const socket = await connectClient(app);
    const { items } = await socket.client.api.tasks.list({ status: 'open' });
    expect(items.map((t) => [t.title, t.category, t.related.map((r) => r.name)])).toEqual([['Rappeler Ana pour le devis', 'appel', ['Ana Pop']]]);
    expect((await socket.client.api.events.list({})).items.map((e) => [e.title, e.startsAt])).toEqual([['Devis à rappeler', new Date(starts).toISOString()]]);
    // Renamed elsewhere (the CRM workspace, a colleague): the header follows.
    await socket.client.api.tasks.update({ id: items[0]!.id, title: 'Rappeler Ana jeudi' });
    await expect.poll(() => crm.taskChips.allTextContents()).toEqual(['Rappeler Ana jeudi']);
    socket.close();
  });
});

describe('a note for a colleague', () => {
  it('is listed under the email and waits in the colleague’s notes', async () => {
    const body = 'Bogdan, peux-tu vérifier la facture 42 ?\nMerci.';
    await mailbox.openMessage('Question facture');
    await crm.choose('note');
    const dialog = crm.dialog('note');
    // Colleagues only: the agent does not leave notes for themself.
    await expect.poll(() => dialog.getByTestId('crm-note-to').locator('option').allTextContents()).toEqual(['Bogdan Ionescu', 'Nobody: a note on this email']);
    await crm.ok(dialog).click();
    expect(await crm.problem(dialog).textContent()).toBe('');
    expect(await dialog.getByTestId('field-problem').textContent()).toBe('Write the note first.');
    await dialog.getByTestId('crm-note-body').fill(body);
    await dialog.getByTestId('crm-note-body').press('Control+Enter');

    await expect.poll(() => crm.notice.textContent()).toBe('Note left for Bogdan Ionescu');
    await expect.poll(() => crm.notes.count()).toBe(1);
    expect(await crm.notes.getByTestId('crm-note-people').textContent()).toBe(`${me.name} to Bogdan Ionescu`);
    expect(await crm.notes.getByTestId('crm-note-text').textContent()).toBe(body);
    await screenshot(browser.page, 'crm-note-under-header');

    // Bogdan's own list, asked as Bogdan at the engine's door.
    await app.stop();
    const engine = await openTestEngine(app.dataDir);
    try {
      const asBogdan = createClient(engine.engine.transport(colleague.id));
      const forBogdan = await asBogdan.api.notes.list({ toMe: true, unreadOnly: true });
      expect(forBogdan.items.map((n) => [n.body, n.authorName, n.messageSubject])).toEqual([[body, me.name, 'Question facture']]);
      expect((await engine.api.notes.list({ toMe: true })).items).toEqual([]);
    } finally {
      await engine.engine.close();
    }
  });
});

describe('the address book from the list', () => {
  it('adds the senders of a selection, says how many were new, and a sender can then be blacklisted', async () => {
    const list = new MessageListPage(browser.page);
    await list.row('Nouveau client').click();
    await list.row('Cerere de ofertă').click({ modifiers: ['Control'] });
    await list.row('Imprimante en panne').click({ modifiers: ['Control'] });
    await list.rightClick('Cerere de ofertă');
    expect(await list.menuItem('add-senders').textContent()).toBe('Add senders to address book');
    await list.menuItem('add-senders').click();
    await expect.poll(() => crm.notice.textContent()).toBe('2 contacts created; 1 already in the address book');

    const socket = await connectClient(app);
    const { items } = await socket.client.api.contacts.list({});
    socket.close();
    expect(items.map((c) => [c.firstName, c.lastName, c.email]).sort()).toEqual([
      ['Ana', 'Pop', 'ana@exemplu.ro'],
      ['Ioana', 'Radu', 'ioana@firma.ro'],
      ['Paul', 'Martin', 'paul.martin@nouveau.fr'],
    ]);

    await mailbox.openMessage('Nouveau client');
    await crm.choose('blacklist');
    await expect.poll(() => crm.blacklisted.textContent()).toBe('Sender blacklisted');
    expect(await crm.notice.textContent()).toBe('paul.martin@nouveau.fr is blacklisted: kept out of mass mailings');
    await crm.menuButton.click();
    expect(await browser.page.getByTestId('menu-crm-blacklist').textContent()).toBe('Remove from blacklist');
  });
});

describe('a web form’s email', () => {
  it('becomes the contact’s it stands for, turns private, and leaves every history when asked twice', async () => {
    const socket = await connectClient(app);
    try {
      await mailbox.openMessage('Demande via le site');
      const id = Number(await mailbox.reader.pane.locator('article.reader').getAttribute('data-id'));
      const links = async () => (await socket.client.api.links.ofMessage({ messageId: id })).items.map((l) => `${l.type}:${l.name}`);
      expect(await links()).toEqual([]);

      await crm.choose('stands-for');
      const dialog = crm.dialog('stands-for');
      await dialog.getByTestId('crm-stands-for-search-input').fill('ana');
      await expect.poll(() => crm.hits(dialog, 'crm-stands-for-search').locator('.crm-search-name').allTextContents()).toEqual(['Ana Pop']);
      await dialog.getByTestId('crm-stands-for-search-input').press('Enter');
      await expect.poll(() => crm.notice.textContent()).toBe('This email is now Ana Pop’s');
      expect(await links()).toEqual(['contact:Ana Pop']);

      await crm.choose('private');
      await expect.poll(() => crm.notice.textContent()).toBe('Marked private: only you see its content');
      await crm.menuButton.click();
      expect(await browser.page.getByTestId('menu-crm-private').textContent()).toBe('Make public');
      await browser.page.keyboard.press('Escape');

      // Cannot be undone: asked first, and Cancel (which has the focus) keeps everything.
      await crm.choose('purge');
      const confirm = browser.page.getByTestId('confirm-dialog');
      expect(await confirm.textContent()).toContain('“Demande via le site” will leave the history of every contact');
      await browser.page.keyboard.press('Enter');
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await links()).toEqual(['contact:Ana Pop']);
      await crm.choose('purge');
      await confirm.getByTestId('confirm-ok').click();
      await expect.poll(() => crm.notice.textContent()).toBe('Removed from every history');
      expect(await links()).toEqual([]);
      // Still in the mailbox: only its place in the histories went.
      expect(await mailbox.row('Demande via le site').count()).toBe(1);
    } finally {
      socket.close();
    }
  });
});
