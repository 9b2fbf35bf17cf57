import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPstSource } from '../../src-main/engine/import/pst-source.js';
import type { ImportItem, NonMailCounts } from '../../src-main/engine/import/source.js';
import { requireReadpst, runReadpst, summarize, type MessageSummary } from '../helpers/readpst.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/pst');
const PST_FILES = readdirSync(FIXTURES).filter((name) => /\.(pst|ost)$/.test(name)).sort();

async function readAll(path: string, from = 0): Promise<{ items: ImportItem[]; nonMail: NonMailCounts; passwordProtected: boolean }> {
  const source = await openPstSource(path);
  const items: ImportItem[] = [];
  for await (const item of source.items(from)) items.push(item);
  await source.close();
  return { items, nonMail: source.nonMail(), passwordProtected: source.passwordProtected };
}

/**
 * Posts (IPM.Post: a message posted to a folder rather than sent) are mail to us, imported like any message;
 * readpst classes them as "other" and writes no file for them.
 */
const POSTS_READPST_SKIPS: Record<string, Record<string, string[]>> = {
  'pstsdk-test_ansi.pst': { Folder: ['Post'] },
  'pstsdk-test_unicode.pst': { '': ['Test'], Folder: ['Post'] },
};

/** readpst's own log says it skips these contacts ("Contacts" - 19 items done, 2 items skipped); we count them. */
const CONTACTS_READPST_SKIPS: Record<string, number> = { 'aspose-Test_part1.pst': 2 };

const order = (a: MessageSummary, b: MessageSummary) => {
  const ka = JSON.stringify([a.subject, a.from, a.messageId, a.files.map((f) => f[1])]);
  const kb = JSON.stringify([b.subject, b.from, b.messageId, b.files.map((f) => f[1])]);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('PST and OST files, read as readpst reads them', () => {
  beforeAll(requireReadpst);

  it.each(PST_FILES)('%s: the same messages in the same folders, with the same subjects, senders, ids and attachments', async (name) => {
    const path = join(FIXTURES, name);
    const reference = await runReadpst(path);
    const { items, nonMail } = await readAll(path);

    expect(items.filter((i) => i.failure)).toEqual([]);
    const ours = new Map<string, MessageSummary[]>();
    for (const item of items) {
      const folder = item.folder.join('/');
      ours.set(folder, [...(ours.get(folder) ?? []), await summarize(item.raw!)]);
    }
    for (const [folder, subjects] of Object.entries(POSTS_READPST_SKIPS[name] ?? {})) {
      const list = ours.get(folder) ?? [];
      expect(list.map((m) => m.subject)).toEqual(expect.arrayContaining(subjects));
      const rest = list.filter((m) => !subjects.includes(m.subject));
      if (rest.length) ours.set(folder, rest);
      else ours.delete(folder);
    }

    expect([...ours.keys()].sort()).toEqual([...reference.folders.keys()].sort());
    for (const [folder, theirs] of reference.folders) {
      const mine = [...ours.get(folder)!].sort(order);
      const expected = [...theirs].sort(order);
      expect(mine.length, folder).toBe(expected.length);
      mine.forEach((m, i) => {
        const e = expected[i]!;
        expect({ subject: m.subject, from: m.from, messageId: m.messageId, embedded: m.embedded }).toEqual({
          subject: e.subject, from: e.from, messageId: e.messageId, embedded: e.embedded,
        });
        // Same attachments by size; by name too wherever readpst names them (it leaves OLE objects unnamed,
        // which carry their display name here).
        expect(m.files.map((f) => f[1]).sort()).toEqual(e.files.map((f) => f[1]).sort());
        expect(m.files.map((f) => f[0])).toEqual(expect.arrayContaining(e.files.map((f) => f[0]).filter(Boolean)));
      });
    }

    expect(nonMail.appointments).toBe(reference.calendars);
    expect(nonMail.contacts).toBe(reference.vcards + (CONTACTS_READPST_SKIPS[name] ?? 0));
  });

  it('counts what is not mail instead of dropping it: contacts, calendar items and distribution lists', async () => {
    expect((await readAll(join(FIXTURES, 'aspose-Test_part1.pst'))).nonMail).toEqual({ contacts: 21, appointments: 9, tasks: 0, notes: 0, other: 0 });
    // A distribution list is not a contact card: it is reported as "other".
    expect((await readAll(join(FIXTURES, 'javalibpst-dist-list.pst'))).nonMail).toEqual({ contacts: 1, appointments: 1, tasks: 0, notes: 0, other: 1 });
  });

  it('recreates the folder tree below the store\'s top, leaving out search folders, views and reminders', async () => {
    const { items } = await readAll(join(FIXTURES, 'aspose-SampleOstFile.ost'));
    const folders = [...new Set(items.map((i) => i.folder.join('/')))];
    expect(folders).toEqual(['Deleted Items', 'Inbox', 'Inbox/sub1', 'Inbox/sub2', 'Sent Items', 'Sync Issues']);
    expect(items.filter((i) => i.folder.join('/') === 'Inbox/sub2')).toHaveLength(29);
  });

  it('reads password-protected files like readpst does (the PST password locks Outlook\'s window, not the data), and says so', async () => {
    for (const name of ['aspose-passwordprotectedPST.pst', 'javalibpst-passworded.pst']) {
      const result = await readAll(join(FIXTURES, name));
      expect(result.passwordProtected, name).toBe(true);
      expect(result.items.every((i) => i.raw)).toBe(true);
    }
    const { items } = await readAll(join(FIXTURES, 'aspose-passwordprotectedPST.pst'));
    expect(items.map((i) => i.folder.join('/'))).toEqual([...Array(14).fill('Deleted Items'), ...Array(4).fill('Inbox')]);
    expect((await readAll(join(FIXTURES, 'aspose-Outlook.pst'))).passwordProtected).toBe(false);
  });

  it('keeps the received headers, rebuilds the MIME body, and turns an RTF-only body into text', async () => {
    const sample = (await readAll(join(FIXTURES, 'pstsdk-sample1.pst'))).items[0]!.raw!.toString('utf8');
    const head = sample.slice(0, sample.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^Received: from TK5EX14MBXC114\.redmond\.corp\.microsoft\.com/);
    expect(head).toContain('Message-ID: <B2FDDB8BE384C94794441DB4A7F3D8B804AE624B@TK5EX14MBXC114.redmond.corp.microsoft.com>');
    expect(head.match(/^Content-Type:/gim)).toHaveLength(1); // the original's is gone, ours describes the new body
    const parsed = await simpleParser(Buffer.from(sample));
    expect(parsed.text).toContain('With a sample attachment.');
    expect(parsed.html).toContain('With a sample attachment.');

    const sync = (await readAll(join(FIXTURES, 'aspose-SampleOstFile.ost'))).items.filter((i) => i.folder[0] === 'Sync Issues');
    const log = await simpleParser(sync[0]!.raw!);
    expect(log.html).toBe(false);
    expect(log.text).toMatch(/Synchronizing Mailbox 'Saqib Razzaq'/);
  });

  it('produces the same bytes every time it reads the same file, and resumes at a position with the same items', async () => {
    const path = join(FIXTURES, 'aspose-SampleOstFile.ost');
    const first = await readAll(path);
    const second = await readAll(path);
    expect(second.items.map((i) => i.raw!.toString('base64'))).toEqual(first.items.map((i) => i.raw!.toString('base64')));
    const resumed = await readAll(path, 40);
    expect(resumed.items.map((i) => [i.key, i.raw!.toString('base64')])).toEqual(first.items.slice(40).map((i) => [i.key, i.raw!.toString('base64')]));
    expect(resumed.nonMail).toEqual(first.nonMail);
  });

  it('goes on past damage: unreadable items and folders become failure items, the rest is read', async () => {
    const path = join(tempDir(), 'damaged.ost');
    const bytes = readFileSync(join(FIXTURES, 'aspose-SampleOstFile.ost'));
    const start = Math.floor(bytes.length * 0.4);
    bytes.fill(0xab, start, start + 20_000);
    writeFileSync(path, bytes);
    const { items } = await readAll(path);
    const failures = items.filter((i) => i.failure);
    expect(items.filter((i) => i.raw).length).toBeGreaterThan(50);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.find((f) => f.key === '(top)/')?.failure).toMatch(/list of subfolders of this folder is damaged .*found another way/);
    expect(failures.some((f) => /^Inbox\/sub1 #\d+$/.test(f.key) && /cannot be read/.test(f.failure!))).toBe(true);
    for (const item of items.filter((i) => i.raw)) expect((await simpleParser(item.raw!)).subject).toBeTruthy();
  });

  it('refuses what it cannot read with a message that says why', async () => {
    const dir = tempDir();
    const encrypted = join(dir, 'high.pst');
    copyFileSync(join(FIXTURES, 'pstsdk-sample1.pst'), encrypted);
    const bytes = readFileSync(encrypted);
    bytes[513] = 0x02; // bCryptMethod of a Unicode header: NDB_CRYPT_CYCLIC ([MS-PST] 2.2.2.6)
    writeFileSync(encrypted, bytes);
    await expect(openPstSource(encrypted)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"high" encryption') });

    const text = join(dir, 'notes.pst');
    writeFileSync(text, 'these are not the folders you are looking for');
    await expect(openPstSource(text)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: `${text} is not an Outlook data file (.pst or .ost).` });
    await expect(openPstSource(join(dir, 'missing.pst'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
