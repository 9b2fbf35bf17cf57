import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src-shared/contract/client.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { nodeShell, OPEN_RECORD_ENV } from '../../src-main/hosts/node/shell.js';
import { bannerPng, messageWithFiles, WINDOWS_PROGRAM, type MailFile } from '../helpers/attachment-mail.js';
import { openTestEngine } from '../helpers/engine.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Given a message from a customer with a photo, an invoice, a program dressed as an invoice and a file whose name
 * climbs out of any folder, the agent gets thumbnails, exact bytes, a zip of everything and files opened with the
 * system's application — never a program — and a colleague without the account gets none of it.
 */

const PHOTO = bannerPng();
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41)]);
const FILES: MailFile[] = [
  { name: 'Vitrine rénovée.png', contentType: 'image/png', bytes: PHOTO },
  { name: 'Facture n° 42.pdf', contentType: 'application/pdf', bytes: PDF },
  { name: 'facture.pdf.exe', contentType: 'application/octet-stream', bytes: WINDOWS_PROGRAM },
  { name: 'photo.jpg', contentType: 'image/jpeg', bytes: WINDOWS_PROGRAM },
  { name: '../../../.bashrc', contentType: 'text/plain', bytes: Buffer.from('echo gotcha\n') },
];
const raw = () => messageWithFiles({ subject: 'Vitrine et facture', messageId: 'vitrine@exemple.fr', files: FILES }).toString('base64');

let record: string;
beforeEach(() => {
  record = join(tempDir(), 'opened.jsonl');
  process.env[OPEN_RECORD_ENV] = record;
});
afterEach(() => {
  delete process.env[OPEN_RECORD_ENV];
});

const opened = () => (existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { openPath: string }).openPath) : []);

describe('attachments', () => {
  it('gives thumbnails of real images only, the exact bytes under a safe name, and a zip of them all', async () => {
    const { api, engine } = await openTestEngine();
    const { id } = await api.messages.ingest({ raw: raw() });
    const [photo, pdf, exe, fakeJpeg, dotfile] = (await api.messages.get({ id })).attachments;

    const thumb = await api.attachments.thumbnail({ id: photo!.id });
    expect(thumb.contentType).toBe('image/png');
    expect(Buffer.from(thumb.data!, 'base64').equals(PHOTO)).toBe(true);
    // Declared image/jpeg, but its bytes are a program: no thumbnail. A PDF has none either.
    expect(await api.attachments.thumbnail({ id: fakeJpeg!.id })).toEqual({ id: fakeJpeg!.id, contentType: null, data: null });
    expect((await api.attachments.thumbnail({ id: pdf!.id })).data).toBeNull();

    const content = await api.attachments.content({ id: pdf!.id });
    expect(content.filename).toBe('Facture n° 42.pdf');
    expect(Buffer.from(content.data, 'base64').equals(PDF)).toBe(true);
    expect((await api.attachments.content({ id: dotfile!.id })).filename).toBe('bashrc');

    const zip = await api.attachments.zip({ messageId: id });
    expect(zip).toMatchObject({ filename: 'Vitrine et facture.zip', count: 5 });
    const file = join(tempDir(), zip.filename);
    writeFileSync(file, Buffer.from(zip.data, 'base64'));
    // Read back by Info-ZIP's unzip, not by our own code.
    const listed = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['Vitrine rénovée.png', 'Facture n° 42.pdf', 'facture.pdf.exe', 'photo.jpg', 'bashrc']);
    expect(execFileSync('unzip', ['-p', file, 'Facture n° 42.pdf']).equals(PDF)).toBe(true);
    expect(execFileSync('unzip', ['-p', file, 'Vitrine rénovée.png']).equals(PHOTO)).toBe(true);
    execFileSync('unzip', ['-tq', file]);
    expect(exe).toBeDefined();
    await engine.close();
  });

  it('opens a copy with the system application, and refuses programs by name or by content', async () => {
    const { api, engine, dataDir } = await openTestEngine();
    const { id } = await api.messages.ingest({ raw: raw() });
    const [, pdf, exe, fakeJpeg, dotfile] = (await api.messages.get({ id })).attachments;

    const { path } = await api.attachments.open({ id: pdf!.id });
    expect(opened()).toEqual([path]);
    expect(path.startsWith(join(dataDir, 'opened'))).toBe(true);
    expect(path.endsWith('Facture n° 42.pdf')).toBe(true);
    expect(readFileSync(path).equals(PDF)).toBe(true);
    // Read-only: edits made in the application would not reach the message.
    expect(statSync(path).mode & 0o222).toBe(0);

    await expect(api.attachments.open({ id: exe!.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('.exe') });
    await expect(api.attachments.open({ id: fakeJpeg!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(opened()).toEqual([path]);

    const dot = await api.attachments.open({ id: dotfile!.id });
    expect(dot.path.startsWith(join(dataDir, 'opened'))).toBe(true);
    expect(dot.path.endsWith('bashrc')).toBe(true);
    await expect(api.attachments.open({ id: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
  });

  it('saves through the host dialog: one file where asked, several in a folder without overwriting', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const answers: Array<string | null> = [join(folder, 'chosen name.pdf'), folder, null];
    const questions: unknown[] = [];
    // The system dialog is the person's choice; this shell answers as they would.
    const shell = {
      ...nodeShell(dataDir, () => undefined),
      chooseSaveLocation: async (question: unknown) => {
        questions.push(question);
        return answers.shift() ?? null;
      },
    };
    const engine = await startEngine({ dataDir, host: 'electron', shell });
    const api = createClient(engine.transport()).api;
    const { id } = await api.messages.ingest({ raw: raw() });
    const [photo, pdf, , , dotfile] = (await api.messages.get({ id })).attachments;
    writeFileSync(join(folder, 'Facture n° 42.pdf'), 'already here');

    expect(await api.attachments.save({ ids: [pdf!.id] })).toEqual({ paths: [join(folder, 'chosen name.pdf')], folder: null });
    expect(readFileSync(join(folder, 'chosen name.pdf')).equals(PDF)).toBe(true);

    const all = await api.attachments.save({ ids: [photo!.id, pdf!.id, dotfile!.id] });
    expect(all.folder).toBe(folder);
    expect(all.paths).toEqual([join(folder, 'Vitrine rénovée.png'), join(folder, 'Facture n° 42 (2).pdf'), join(folder, 'bashrc')]);
    expect(readFileSync(join(folder, 'Facture n° 42.pdf'), 'utf8')).toBe('already here');
    expect(readFileSync(join(folder, 'Facture n° 42 (2).pdf')).equals(PDF)).toBe(true);
    expect(questions).toEqual([{ kind: 'file', suggestedName: 'Facture n° 42.pdf' }, { kind: 'folder' }]);

    expect(await api.attachments.save({ ids: [photo!.id, pdf!.id] })).toEqual({ paths: [], folder: null });
    expect(readdirSync(folder)).toHaveLength(5);
    await engine.close();
  });

  it('says the browser window downloads instead when the host has no save dialog', async () => {
    const { api, engine } = await openTestEngine();
    const { id } = await api.messages.ingest({ raw: raw() });
    const [photo] = (await api.messages.get({ id })).attachments;
    await expect(api.attachments.save({ ids: [photo!.id] })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await engine.close();
  });

  it("a colleague cannot fetch, open, zip or save attachments of an account not attached to them, nor of another agent's private message", async () => {
    const { api, engine } = await openTestEngine();
    const ioana = await api.agents.create({ name: 'Ioana', email: null });
    const db = new Database(engine.layout.database);
    const account = (db.prepare("INSERT INTO accounts (name, email) VALUES ('Céline', 'celine@facteur.test') RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO account_agents (account_id, agent_id) VALUES (?, ?)').run(account, engine.defaultAgentId);
    const inbox = (db.prepare("INSERT INTO folders (account_id, kind, name) VALUES (?, 'inbox', 'INBOX') RETURNING id").get(account) as { id: number }).id;
    db.close();

    const { id } = await api.messages.ingest({ folder: inbox, raw: raw() });
    const [photo, pdf] = (await api.messages.get({ id })).attachments;
    const asIoana = createClient(engine.transport(ioana.id)).api;
    for (const attempt of [
      asIoana.attachments.thumbnail({ id: photo!.id }),
      asIoana.attachments.content({ id: pdf!.id }),
      asIoana.attachments.open({ id: pdf!.id }),
      asIoana.attachments.zip({ messageId: id }),
      asIoana.attachments.save({ ids: [pdf!.id] }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    // The agent the account belongs to still can.
    expect((await api.attachments.content({ id: pdf!.id })).size).toBe(PDF.length);

    // A private message in Local Folders (everyone's) shows its files only to the agent who sent it.
    const local = await api.messages.ingest({ raw: messageWithFiles({ subject: 'Privé', messageId: 'prive@facteur.test', files: FILES.slice(1, 2) }).toString('base64') });
    const [privatePdf] = (await api.messages.get({ id: local.id })).attachments;
    const sql = new Database(engine.layout.database);
    sql.prepare('UPDATE messages SET private = 1, owner_agent_id = ? WHERE id = ?').run(engine.defaultAgentId, local.id);
    sql.close();
    await expect(asIoana.attachments.content({ id: privatePdf!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asIoana.attachments.zip({ messageId: local.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.attachments.content({ id: privatePdf!.id })).size).toBe(PDF.length);
    expect(opened()).toEqual([]);
    await engine.close();
  });
});
