import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, Contact } from '../../src-shared/contract/index.js';
import type { TestEngine } from '../helpers/engine.js';
import { messageWithFiles } from '../helpers/attachment-mail.js';
import { seededDataDir } from '../helpers/seeded-data-dir.js';
import { utf8Mail } from '../helpers/utf8-mail.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { CrmPage } from './crm-page.js';
import { boxOf, overflowRight, overlapping } from './layout.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given an office's CRM, the agent switches from the mailbox to the CRM workspace, creates a contact with the form
 * (the engine's refusals shown beside the fields), finds it by words of its name and company, edits, deletes and
 * restores it; reads a customer's history (emails, a ticket, notes) newest first as it grows; closes a ticket and
 * finishes a task from their pages and sees the lists follow; and reads the note a colleague left for them.
 */

const DAY = 86_400_000;

/** An email from Ana, `daysAgo` days before now, so its place among records created now is known. */
function fromAna(n: number, subject: string, daysAgo: number): string {
  return utf8Mail({
    from: 'Ana Pop <ana@exemplu.ro>',
    to: 'Support <support@facteur.test>',
    subject,
    date: new Date(Date.now() - daysAgo * DAY),
    messageId: `crm-records-${n}@exemplu.ro`,
    body: `Bonjour, ${subject.toLowerCase()}.`,
  });
}

let app: RunningApp | undefined;
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
let crm: CrmPage;

/** Starts the app on a data folder `seed` filled, and opens the mailbox. */
async function start(seed: (s: TestEngine) => Promise<void> = async () => undefined, locale?: string): Promise<RunningApp> {
  app = await startApp(await seededDataDir(seed));
  browser = await openBrowser(locale);
  crm = new CrmPage(browser.page);
  await new MailboxPage(browser.page).open(app.url);
  return app;
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  await browser?.close();
  await app?.stop();
  browser = undefined;
  app = undefined;
});

describe('the CRM workspace', () => {
  it('creates a contact with the form, finds it by every word, edits it, deletes it and restores it', async () => {
    await start(async (s) => {
      await s.api.contacts.create({ firstName: 'Ion', lastName: 'Radu', email: 'ion@firma.ro' });
    });
    const page = browser!.page;
    await crm.open('contact');
    expect(await page.getByTestId('workspace-crm').getAttribute('aria-pressed')).toBe('true');
    expect(await crm.nav('contact').getAttribute('aria-current')).toBe('page');
    // The contacts import lives in the contacts list's toolbar.
    expect(await page.getByTestId('contacts-import-open').isVisible()).toBe(true);

    await page.getByTestId('crm-new').click();
    await crm.field('firstName').fill('Ana');
    await crm.field('lastName').fill('Pop');
    await crm.field('email').fill('ana.exemplu.ro');
    await crm.save();
    // The engine refused the address; the form says so beside it and stays open.
    await expect.poll(() => crm.fieldProblem('email')).toBe('This is not an email address.');
    expect(await crm.field('email').getAttribute('aria-invalid')).toBe('true');
    await crm.field('email').fill('ion@firma.ro');
    await crm.save();
    await expect.poll(() => page.getByTestId('crm-form-problem').innerText()).toContain('Another contact already has this email address.');
    await crm.field('email').fill('ana@exemplu.ro');
    await crm.field('companyName').fill('Exemplu SRL');
    await crm.field('phones').fill('+40 721 000 111');
    await screenshot(page, 'crm-contact-form');
    await crm.save();

    await expect.poll(() => crm.recordName.innerText()).toBe('Ana Pop');
    // The company named in the form was created, and its page lists its contact.
    await page.getByTestId('crm-contact-company').click();
    await expect.poll(() => crm.recordName.innerText()).toBe('Exemplu SRL');
    await expect.poll(() => page.getByTestId('crm-company-contacts').innerText()).toContain('Ana Pop');
    await page.getByTestId('crm-company-contacts').getByRole('button', { name: 'Ana Pop' }).click();
    await expect.poll(() => crm.recordName.innerText()).toBe('Ana Pop');

    await crm.action('back').click();
    await expect.poll(() => crm.total.innerText()).toBe('2 results');
    // Back on the list, the keyboard is where it left: on the record's row.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ana Pop');
    await crm.search('exemplu pop');
    await expect.poll(() => crm.rows.count()).toBe(1);
    expect(await crm.cells(crm.rows.first())).toEqual(['Ana Pop', 'ana@exemplu.ro', 'Exemplu SRL', '+40 721 000 111']);
    await crm.search('pop radu');
    await expect.poll(() => page.getByTestId('crm-list-empty').innerText()).toBe('Nothing contains every word searched.');

    await crm.search('ana');
    await crm.openRow('Ana Pop');
    await crm.action('edit').click();
    expect(await crm.field('companyName').inputValue()).toBe('Exemplu SRL');
    await crm.field('lastName').fill('Popescu');
    await crm.save();
    await expect.poll(() => crm.recordName.innerText()).toBe('Ana Popescu');
    await expect.poll(() => crm.form.count()).toBe(0);

    await crm.action('delete').click();
    await expect.poll(() => crm.deletedBanner.innerText()).toContain('This contact is deleted.');
    expect(await crm.action('edit').count()).toBe(0);
    await crm.action('back').click();
    await expect.poll(() => crm.total.innerText()).toBe('0 results');
    await crm.showDeleted.check();
    await expect.poll(() => crm.rows.count()).toBe(1);
    expect(await crm.rows.first().getAttribute('data-deleted')).toBe('true');
    const [name, ...rest] = await crm.cells(crm.rows.first());
    expect(name).toMatch(/^Ana Popescu\s*Deleted$/);
    expect(rest).toEqual(['ana@exemplu.ro', 'Exemplu SRL', '+40 721 000 111']);

    await crm.openRow('Ana Popescu');
    await crm.action('restore').click();
    await expect.poll(() => crm.deletedBanner.count()).toBe(0);
    await crm.action('back').click();
    await crm.showDeleted.uncheck();
    await expect.poll(() => crm.rows.count()).toBe(1);
    expect(await crm.rows.first().getAttribute('data-deleted')).toBeNull();

    // The mailbox kept its place while the CRM showed.
    await page.getByTestId('workspace-mail').click();
    await page.getByTestId('folder-tree').waitFor();
  });

  it("shows a contact's emails, tickets and notes newest first, and new mail as it arrives", async () => {
    let ana: Contact;
    const running = await start(async (s) => {
      ana = await s.api.contacts.create({ firstName: 'Ana', lastName: 'Pop', email: 'ana@exemplu.ro' });
      await s.api.messages.ingest({ raw: fromAna(1, 'Première demande', 3) });
      await s.api.messages.ingest({ raw: fromAna(2, 'Relance', 1) });
      await s.api.tickets.create({ subject: 'Imprimante en panne', requesterId: ana.id });
    });
    const page = browser!.page;
    await crm.open('contact');
    await crm.openRow('Ana Pop');
    await expect.poll(() => crm.timeline()).toEqual(['ticket: #1 Imprimante en panne', 'message: Relance', 'message: Première demande']);
    expect(await page.getByTestId('documents-panel').isVisible()).toBe(true);

    await crm.addNote('Rappeler Ana demain matin');
    await expect.poll(() => crm.timeline()).toEqual(['note: Rappeler Ana demain matin', 'ticket: #1 Imprimante en panne', 'message: Relance', 'message: Première demande']);
    expect(await page.getByTestId('crm-note-input').inputValue()).toBe('');

    // Mail that arrives while the page is open takes its place by date.
    const socket = await connectClient(running);
    try {
      await socket.client.api.messages.ingest({ raw: fromAna(3, 'Entre-deux', 2) });
    } finally {
      socket.close();
    }
    await expect.poll(() => crm.timeline()).toEqual([
      'note: Rappeler Ana demain matin',
      'ticket: #1 Imprimante en panne',
      'message: Relance',
      'message: Entre-deux',
      'message: Première demande',
    ]);
    await screenshot(page, 'crm-contact-timeline');

    // An email opens in its own window; a ticket opens its page.
    const popup = browser!.context.waitForEvent('page');
    await crm.timelineItems.filter({ hasText: 'Relance' }).getByTestId('crm-timeline-open').click();
    expect(new URL((await popup).url()).hash).toMatch(/^#message=\d+$/);
    await crm.timelineItems.filter({ hasText: 'Imprimante en panne' }).getByTestId('crm-timeline-open').click();
    await expect.poll(() => crm.recordName.innerText()).toBe('#1 Imprimante en panne');
    expect(await page.getByTestId('crm-ticket-requester').innerText()).toBe('Ana Pop');
  });

  it('closes a ticket and finishes a task from their pages, and the lists follow; a note for me waits until read', async () => {
    let me: Agent;
    await start(async (s) => {
      me = await s.api.agents.current();
      const colleague = await s.api.agents.create({ name: 'Bogdan Ionescu', email: 'bogdan@facteur.test' });
      const ana = await s.api.contacts.create({ firstName: 'Ana', lastName: 'Pop', email: 'ana@exemplu.ro' });
      await s.api.companies.create({ name: 'Exemplu SRL' });
      await s.api.tickets.create({ subject: 'Facture manquante', requesterId: ana.id, assigneeId: colleague.id });
      await s.api.tasks.create({ title: 'Envoyer le devis', category: 'devis', related: [{ type: 'contact', id: ana.id }] });
      await s.api.notes.create({ body: 'Ana attend le devis', addresseeId: me.id, related: [{ type: 'contact', id: ana.id }] });
    });
    const page = browser!.page;
    await crm.open('ticket');
    await expect.poll(() => crm.unreadNotes.innerText()).toBe('1');
    await expect.poll(() => crm.rows.count()).toBe(1);
    expect(await crm.cells(crm.rows.first())).toEqual(['#1', 'Facture manquante', 'Open', 'Ana Pop', 'Support', 'Bogdan Ionescu']);

    await crm.openRow('Facture manquante');
    await crm.action('ticket-close').click();
    await expect.poll(() => page.getByTestId('crm-ticket-status').innerText()).toBe('Closed');
    await crm.action('back').click();
    await expect.poll(() => crm.cells(crm.rows.first())).toEqual(['#1', 'Facture manquante', 'Closed', 'Ana Pop', 'Support', 'Bogdan Ionescu']);
    await crm.filter('status').selectOption('open');
    await expect.poll(() => crm.rows.count()).toBe(0);

    await crm.nav('task').click();
    await expect.poll(() => crm.filter('status').inputValue()).toBe('open');
    await expect.poll(() => crm.rows.count()).toBe(1);
    await crm.openRow('Envoyer le devis');
    const related = page.getByTestId('crm-related-item');
    expect(await related.allInnerTexts()).toEqual([expect.stringContaining('Ana Pop')]);
    // Another record found by words of its name, picked with the keyboard, then taken off again.
    await page.getByTestId('crm-related-add').fill('exemplu srl');
    await expect.poll(() => page.getByTestId('crm-picker-option').allInnerTexts()).toEqual([expect.stringContaining('Exemplu SRL')]);
    await page.getByTestId('crm-related-add').press('Enter');
    await expect.poll(() => related.allInnerTexts()).toEqual([expect.stringContaining('Ana Pop'), expect.stringContaining('Exemplu SRL')]);
    await related.filter({ hasText: 'Exemplu SRL' }).getByTestId('crm-related-remove').click();
    await expect.poll(() => related.count()).toBe(1);
    await page.getByTestId('crm-task-done').check();
    await expect.poll(() => page.getByTestId('crm-task-status').innerText()).toBe('Done');
    await crm.action('back').click();
    await expect.poll(() => crm.rows.count()).toBe(0);
    await crm.filter('status').selectOption('done');
    await expect.poll(() => crm.rows.count()).toBe(1);
    expect((await crm.cells(crm.rows.first()))[3]).toBe('Done');

    await crm.nav('notes').click();
    const note = page.getByTestId('crm-note-item');
    await expect.poll(() => note.getByTestId('crm-note-body').innerText()).toBe('Ana attend le devis');
    expect(await note.getAttribute('data-unread')).toBe('true');
    await note.getByTestId('crm-note-read').click();
    await expect.poll(() => crm.unreadNotes.count()).toBe(0);
    await expect.poll(() => note.getAttribute('data-unread')).toBeNull();
    await note.getByTestId('crm-note-record').click();
    await expect.poll(() => crm.recordName.innerText()).toBe('Ana Pop');
  });

  it("converts a lead into a contact, and plans an event from that contact's page that joins its history", async () => {
    await start(async (s) => {
      await s.api.leads.create({ firstName: 'Paul', lastName: 'Martin', email: 'paul.martin@nouveau.fr', companyName: 'Nouveau SARL', source: 'salon' });
    });
    const page = browser!.page;
    await crm.open('lead');
    await crm.openRow('Paul Martin');
    await page.getByTestId('crm-lead-convert').click();
    await expect.poll(() => crm.record.getAttribute('data-type')).toBe('contact');
    await expect.poll(() => crm.recordName.innerText()).toBe('Paul Martin');
    expect(await page.getByTestId('crm-contact-company').innerText()).toBe('Nouveau SARL');

    await page.getByTestId('crm-new-event').click();
    await crm.field('title').fill('Démonstration');
    await crm.field('startsAt').fill('2026-12-03T10:00');
    await crm.field('endsAt').fill('2026-12-03T09:00');
    await crm.save();
    await expect.poll(() => crm.fieldProblem('endsAt')).toBe('An event cannot end before it starts.');
    await crm.field('endsAt').fill('2026-12-03T11:30');
    await crm.field('location').fill('Lyon');
    await crm.save();
    await expect.poll(() => crm.form.count()).toBe(0);
    await expect.poll(() => crm.timeline()).toEqual(['event: Démonstration']);

    await crm.timelineItems.getByTestId('crm-timeline-open').click();
    await expect.poll(() => crm.recordName.innerText()).toBe('Démonstration');
    expect(await page.getByTestId('crm-event-location').innerText()).toContain('Lyon');
    // Shown in the machine's time, as it was typed.
    expect(await page.getByTestId('crm-event-starts').innerText()).toContain('10:00');
    expect(await page.getByTestId('crm-related-item').allInnerTexts()).toEqual([expect.stringContaining('Paul Martin')]);
  });

  it('settles an address two contacts came to share once, for all of its mail', async () => {
    await start(async (s) => {
      // Two contacts share an address when one is restored after the other took it.
      const old = await s.api.contacts.create({ firstName: 'Luc', lastName: 'Moreau', email: 'accueil@moreau.fr' });
      await s.api.contacts.delete({ id: old.id });
      await s.api.contacts.create({ firstName: 'Léa', lastName: 'Moreau', email: 'accueil@moreau.fr' });
      await s.api.contacts.restore({ id: old.id });
      for (const n of [1, 2]) {
        const raw = utf8Mail({ from: 'accueil@moreau.fr', to: 'support@facteur.test', subject: `Livraison ${n}`, date: new Date(), messageId: `moreau-${n}@moreau.fr`, body: 'Bonjour.' });
        await s.api.messages.ingest({ raw });
      }
    });
    const page = browser!.page;
    await page.getByTestId('workspace-crm').click();
    await expect.poll(() => page.getByTestId('crm-shared-count').getAttribute('aria-label')).toBe('1 address to settle');
    await crm.nav('shared-addresses').click();
    const question = page.getByTestId('crm-ambiguous');
    await expect.poll(() => question.getAttribute('data-address')).toBe('accueil@moreau.fr');
    await question.getByRole('button', { name: 'It is Léa Moreau' }).click();
    await page.getByTestId('crm-shared-none').waitFor();
    await expect.poll(() => page.getByTestId('crm-shared-count').count()).toBe(0);

    await crm.open('contact');
    await crm.openRow('Léa Moreau');
    await expect.poll(() => crm.timeline()).toEqual([expect.stringContaining('Livraison 2'), expect.stringContaining('Livraison 1')]);
  });

  it('fits a 1024-wide window in French: the top bar wraps, a long address and the note button stay in their column', async () => {
    await start(async (s) => {
      await s.api.contacts.create({
        firstName: 'Alexandre-Maximilien',
        lastName: 'de La Rochefoucauld-Montmorency-Laval',
        email: 'a.tres.long.nom.de.contact@un-domaine-extremement-long-pour-tester.example.com',
        companyName: 'Compagnie Générale des Établissements Industriels du Grand Ouest',
      });
      const raw = messageWithFiles({
        subject: 'Devis signé',
        messageId: 'devis-signe@exemple.fr',
        files: [{ name: 'Devis signé 2025-06 version finale.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }],
      });
      await s.api.messages.ingest({ raw: raw.toString('base64') });
    }, 'fr-FR');
    const page = browser!.page;
    await page.setViewportSize({ width: 1024, height: 700 });
    await crm.open('company');
    // The longest top bar there is: French, with the CRM workspace's switch pressed.
    const bar = page.getByRole('banner');
    expect(await overlapping(bar.locator('button, select, .app-name, .topbar-agent'))).toEqual([]);
    expect(await overflowRight(bar.getByTestId('language-select'), bar)).toBe(0);
    expect(await bar.getByTestId('workspace-crm').innerText()).toBe('CRM');

    await crm.openRow('Compagnie Générale');
    const details = page.getByTestId('crm-record-details');
    const contacts = page.getByTestId('crm-company-contacts');
    await expect.poll(() => contacts.innerText()).toContain('un-domaine-extremement-long');
    expect(await overflowRight(contacts.getByText(/^\s*a\.tres\.long/), details)).toBe(0);

    await contacts.getByRole('button').first().click();
    await expect.poll(() => crm.recordName.innerText()).toContain('Rochefoucauld');
    expect(await overflowRight(page.getByTestId('crm-note-add'), page.locator('.crmw-timeline'))).toBe(0);
    expect(await overflowRight(page.getByTestId('crm-note-addressee'), page.locator('.crmw-timeline'))).toBe(0);
    await screenshot(page, 'crm-contact-1024-fr');

    // In the reader, an attachment's name, size and actions each keep their own place on the card.
    const mailbox = new MailboxPage(page);
    await page.getByTestId('workspace-mail').click();
    await mailbox.openFolder('inbox');
    await mailbox.openMessage('Devis signé');
    const card = page.getByTestId('attachment-item');
    expect(await overlapping(card.locator('.attachment-name, .attachment-size, [data-testid=attachment-save], [data-testid=attachment-file-in-documents]'))).toEqual([]);
    expect(await overflowRight(card, page.getByTestId('reading-pane'))).toBe(0);
    expect((await boxOf(card.getByTestId('attachment-name'))).height).toBeLessThan(24);
    expect(await card.getByTestId('attachment-open').getAttribute('title')).toContain('Devis signé 2025-06 version finale.pdf');
  });
});
