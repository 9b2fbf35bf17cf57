import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/client.js';
import type { RecordRef } from '../../src-shared/contract/index.js';
import { OPEN_RECORD_ENV } from '../../src-main/hosts/node/shell.js';
import { messageWithFiles } from '../helpers/attachment-mail.js';
import { tempDir } from '../helpers/temp.js';
import { startApp, type RunningApp } from './app-server.js';
import { openBrowser, screenshot } from './browser.js';
import { connectClient } from './contract-socket.js';
import { DocumentsPage } from './documents-page.js';
import { MailboxPage } from './mailbox-page.js';

/**
 * Given a customer's email with a quote and the general terms, the agent files the quote into the customer's
 * documents (the record the email is filed under is offered first) in a new folder, and the terms into a company
 * found by searching; each time the dialog says where the file went, and the record's documents hold the very
 * bytes of the attachment.
 */

const QUOTE = Buffer.concat([Buffer.from('%PDF-1.7\n% devis 7\n'), Buffer.alloc(3000, 0x51)]);
const TERMS = Buffer.concat([Buffer.from('%PDF-1.4\n% CGV\n'), Buffer.alloc(2000, 0x43)]);
const SUBJECT = 'Devis vitrine';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let contract: { client: Client; close(): void };
let mailbox: MailboxPage;
let documents: DocumentsPage;
let renee: RecordRef;
let dupont: RecordRef;
let opened: string;

/** The files the app asked the desktop to open (`facteur serve` writes them down instead, see OPEN_RECORD_ENV). */
const openedFiles = () => (existsSync(opened) ? readFileSync(opened, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { openPath: string }).openPath) : []);

beforeEach(async () => {
  opened = join(tempDir(), 'opened.jsonl');
  process.env[OPEN_RECORD_ENV] = opened;
  app = await startApp(tempDir());
  contract = await connectClient(app);
  const api = contract.client.api;
  renee = { type: 'contact', id: (await api.contacts.create({ firstName: 'Renée', lastName: 'Façade', email: 'renee@exemple.fr' })).id };
  dupont = { type: 'company', id: (await api.companies.create({ name: 'Vitrines Dupont' })).id };
  const raw = messageWithFiles({
    subject: SUBJECT,
    messageId: 'devis-7@exemple.fr',
    files: [
      { name: 'Devis n° 7.pdf', contentType: 'application/pdf', bytes: QUOTE },
      { name: 'Conditions générales.pdf', contentType: 'application/pdf', bytes: TERMS },
    ],
  });
  await api.messages.ingest({ raw: raw.toString('base64') });
  browser = await openBrowser();
  mailbox = new MailboxPage(browser.page);
  documents = new DocumentsPage(browser.page);
  await mailbox.open(app.url);
  await mailbox.openFolder('inbox');
  await mailbox.openMessage(SUBJECT);
  await expect.poll(() => mailbox.reader.attachments.count()).toBe(2);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && browser) await screenshot(browser.page, `failed-${ctx.task.name}`);
  contract?.close();
  await browser?.close();
  await app?.stop();
  delete process.env[OPEN_RECORD_ENV];
});

const bytesOf = async (id: number) => Buffer.from((await contract.client.api.documents.content({ id })).data, 'base64');

describe('filing attachments in documents', () => {
  it("files the quote into the customer's documents, in a new folder, as the same bytes", async () => {
    await documents.fileButton('Devis n° 7.pdf').click();
    await documents.dialog.waitFor();
    // The email is filed under Renée (her address): she is offered, and chosen.
    await expect.poll(() => documents.linkedRecords.count()).toBe(1);
    expect(await documents.dialog.locator('label', { has: browser.page.getByTestId('file-linked-record') }).textContent()).toBe('Renée Façade (Contact)');
    expect(await documents.linkedRecords.isChecked()).toBe(true);
    expect(await documents.name.inputValue()).toBe('Devis n° 7.pdf');

    // A path that climbs out is refused as it is typed, and nothing is filed.
    await documents.newFolder('Devis/../secrets');
    expect(await documents.problem.textContent()).toBe('A folder cannot be named “.” or “..”.');
    expect(await documents.ok.getAttribute('aria-disabled')).toBe('true');
    await documents.dialog.getByTestId('folder-choice-path').press('Enter');
    expect(await documents.done.count()).toBe(0);
    expect((await contract.client.api.documents.list({ record: renee })).files).toEqual([]);

    await documents.newFolder('Devis/2026');
    expect(await documents.problem.count()).toBe(0);
    await screenshot(browser.page, 'file-in-documents-dialog');
    await documents.ok.click();
    await expect.poll(() => documents.done.textContent()).toBe('Filed as “Devis n° 7.pdf” in Devis / 2026 of Renée Façade.');
    await screenshot(browser.page, 'file-in-documents-done');
    await documents.close();

    const listing = await contract.client.api.documents.list({ record: renee });
    expect(listing.folders.map((f) => [f.path, f.total])).toEqual([
      ['Devis', 1],
      ['Devis/2026', 1],
    ]);
    expect(listing.files).toEqual([
      expect.objectContaining({ name: 'Devis n° 7.pdf', folder: 'Devis/2026', size: QUOTE.length, addedBy: 'Facteur', source: expect.objectContaining({ subject: SUBJECT }) }),
    ]);
    expect((await bytesOf(listing.files[0]!.id)).equals(QUOTE)).toBe(true);

    // Filed again into the folder now there (offered in the list): the dialog says it already is there and opens
    // that file, rather than filing a " (2)" of the same bytes.
    await documents.fileButton('Devis n° 7.pdf').click();
    await documents.folderSelect.selectOption({ label: 'Devis / 2026' });
    await documents.ok.click();
    await expect.poll(() => documents.done.textContent()).toBe('Already filed: this attachment is “Devis n° 7.pdf” in Devis / 2026 of Renée Façade.');
    await documents.dialog.getByTestId('file-in-documents-open-file').click();
    await expect.poll(() => openedFiles()).toEqual([expect.stringMatching(/Devis n° 7\.pdf$/)]);
    expect((await contract.client.api.documents.list({ record: renee })).files).toHaveLength(1);
    await documents.close();

    // Another file of that name is filed beside it as " (2)".
    await contract.client.api.documents.rename({ id: listing.files[0]!.id, name: 'Conditions générales.pdf' });
    await documents.fileButton('Conditions générales.pdf').click();
    await documents.folderSelect.selectOption({ label: 'Devis / 2026' });
    await documents.ok.click();
    await expect.poll(() => documents.done.textContent()).toBe('Filed as “Conditions générales (2).pdf” in Devis / 2026 of Renée Façade.');
  });

  it("shows the filed quote on the customer's page, where files are added, dropped, moved, renamed, deleted and restored", async () => {
    await documents.fileButton('Devis n° 7.pdf').click();
    await documents.newFolder('Devis/2026');
    await documents.ok.click();
    await documents.done.waitFor();
    await documents.openRecord();
    await expect.poll(() => documents.folders()).toEqual(['=1', 'Devis=1', 'Devis/2026=1']);
    expect(await documents.fileNames()).toEqual([]);
    await documents.folder('Devis/2026').click();
    await expect.poll(() => documents.fileNames()).toEqual(['Devis n° 7.pdf']);
    expect(await documents.file('Devis n° 7.pdf').getByTestId('documents-source').textContent()).toBe('From the email “Devis vitrine”');
    expect(await documents.file('Devis n° 7.pdf').textContent()).toContain('Facteur');

    // Added with the button, into the folder shown.
    await documents.panel.getByTestId('documents-file-input').setInputFiles({ name: 'Plan de pose.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan') });
    await expect.poll(() => documents.status.textContent()).toBe('1 file added to Devis / 2026');
    await expect.poll(() => documents.fileNames()).toEqual(['Devis n° 7.pdf', 'Plan de pose.pdf']);

    // Dropped from the desktop onto another folder: they go there, not into the one shown.
    await documents.dropFiles(documents.folder('Devis'), [
      { name: 'Photo vitrine.txt', type: 'text/plain', text: 'photo' },
      { name: 'Mesures.txt', type: 'text/plain', text: '2,40 m × 1,80 m' },
    ]);
    await expect.poll(() => documents.status.textContent()).toBe('2 files added to Devis');
    await expect.poll(() => documents.folders()).toEqual(['=4', 'Devis=4', 'Devis/2026=2']);

    await documents.panel.getByTestId('documents-new-folder').click();
    await documents.answerName('Signés');
    await expect.poll(() => documents.folders()).toEqual(['=4', 'Devis=4', 'Devis/2026=2', 'Devis/2026/Signés=0']);
    expect(await documents.panel.getByTestId('documents-empty').isVisible()).toBe(true);

    // Dragged onto a folder: moved there.
    await documents.folder('Devis/2026').click();
    await documents.file('Plan de pose.pdf').dragTo(documents.folder('Devis/2026/Signés'));
    await expect.poll(() => documents.status.textContent()).toBe('“Plan de pose.pdf” moved to Devis / 2026 / Signés');
    await expect.poll(() => documents.folders()).toEqual(['=4', 'Devis=4', 'Devis/2026=2', 'Devis/2026/Signés=1']);
    expect(await documents.fileNames()).toEqual(['Devis n° 7.pdf']);

    await documents.file('Devis n° 7.pdf').getByTestId('documents-rename').click();
    await documents.answerName('Devis accepté.pdf');
    await expect.poll(() => documents.fileNames()).toEqual(['Devis accepté.pdf']);
    await screenshot(browser.page, 'documents-panel');

    // Deleting asks first, then the file waits among the deleted documents until restored.
    await documents.file('Devis accepté.pdf').getByTestId('documents-delete').click();
    const confirm = browser.page.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('where it can be restored for 30 days');
    await confirm.getByTestId('confirm-ok').click();
    await expect.poll(() => documents.fileNames()).toEqual([]);
    await documents.panel.getByTestId('documents-deleted').locator('summary').click();
    expect(await documents.panel.getByTestId('documents-deleted').locator('summary').textContent()).toBe('Deleted documents (1)');
    await documents.panel.getByTestId('documents-restore').click();
    await expect.poll(() => documents.fileNames()).toEqual(['Devis accepté.pdf']);
    expect(await documents.panel.getByTestId('documents-deleted').count()).toBe(0);

    const listing = await contract.client.api.documents.list({ record: renee });
    expect(listing.files.map((f) => `${f.folder}/${f.name}`)).toEqual(['Devis/Mesures.txt', 'Devis/Photo vitrine.txt', 'Devis/2026/Devis accepté.pdf', 'Devis/2026/Signés/Plan de pose.pdf']);
    expect((await bytesOf(listing.files.find((f) => f.name === 'Devis accepté.pdf')!.id)).equals(QUOTE)).toBe(true);
    expect((await bytesOf(listing.files.find((f) => f.name === 'Mesures.txt')!.id)).toString()).toBe('2,40 m × 1,80 m');
  });

  it('files the terms into a company found by searching, under a name of its own', async () => {
    await documents.fileButton('Conditions générales.pdf').click();
    await documents.dialog.waitFor();
    await documents.searchRecord('company', 'dupont', 'Vitrines Dupont');
    await documents.name.fill('CGV 2026.pdf');
    await documents.ok.click();
    await expect.poll(() => documents.done.textContent()).toBe('Filed as “CGV 2026.pdf” in Main folder of Vitrines Dupont.');
    await documents.close();

    const listing = await contract.client.api.documents.list({ record: dupont });
    expect(listing.files.map((f) => [f.folder, f.name])).toEqual([['', 'CGV 2026.pdf']]);
    expect((await bytesOf(listing.files[0]!.id)).equals(TERMS)).toBe(true);
    expect((await contract.client.api.documents.list({ record: renee })).files).toEqual([]);
  });
});
