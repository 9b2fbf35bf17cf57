import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMboxTree } from '../../src-main/engine/export/mbox-writer.js';
import type { ExportMessage } from '../../src-main/engine/export/export-message.js';
import { openMboxSource } from '../../src-main/engine/import/mbox-source.js';
import type { ImportItem } from '../../src-main/engine/import/source.js';
import { hardMessages } from '../helpers/hard-messages.js';
import { tempDir } from '../helpers/temp.js';

async function* feed(messages: ExportMessage[]): AsyncIterable<ExportMessage> {
  yield* messages;
}

async function readAll(path: string, options: { chunkBytes?: number; from?: number } = {}): Promise<ImportItem[]> {
  const source = await openMboxSource(path, { chunkBytes: options.chunkBytes });
  const items: ImportItem[] = [];
  for await (const item of source.items(options.from ?? 0)) items.push(item);
  await source.close();
  return items;
}

describe('export to mboxrd, then import: every message comes back byte for byte', () => {
  const hard = hardMessages();

  it('writes one mbox per folder and reads back the exact bytes of every hard case', async () => {
    const target = tempDir();
    const messages = hard.map((m) => ({ folder: ['Archive'], name: m.name, raw: m.raw }));
    const summary = await writeMboxTree(feed(messages), target);
    expect(summary).toMatchObject({ messages: hard.length, files: 1 });
    expect(readdirSync(target)).toEqual(['Archive.mbox']);

    const file = join(target, 'Archive.mbox');
    const items = await readAll(file);
    expect(items.map((i) => i.failure)).toEqual(hard.map(() => undefined));
    expect(items).toHaveLength(hard.length);
    items.forEach((item, i) => expect(item.raw!.equals(hard[i]!.raw), hard[i]!.name).toBe(true));
    // The body lines that read as "From " are quoted in the file, so a plain mbox reader splits it the same way.
    const text = readFileSync(file, 'latin1');
    expect(text).toContain('\r\n>From me to you\r\n>>From x\r\n>>>From y\r\n');
    expect(text).toMatch(/^From a@exemple\.fr \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\r\n/m);
    // Only a message without a final line break has it said on its envelope line: mbox itself cannot tell.
    expect(text).toMatch(/^From b@exemple\.fr Thu Jan {2}1 00:00:00 1970 \(no final line break\)\n/m);
    expect(text.match(/\(no final line break\)/g)).toHaveLength(hard.filter((m) => !m.raw.toString('latin1').endsWith('\n')).length);
  });

  it.each([1, 2, 5, 7, 64, 4096])('finds the same messages when the file is read %i bytes at a time', async (chunkBytes) => {
    const target = tempDir();
    await writeMboxTree(feed(hard.map((m) => ({ folder: [], name: m.name, raw: m.raw }))), target, { rootName: 'all' });
    const items = await readAll(join(target, 'all.mbox'), { chunkBytes });
    expect(items.map((i) => i.raw!.toString('latin1'))).toEqual(hard.map((m) => m.raw.toString('latin1')));
  });

  it('resumes at a position with the same items as a full read, and counts them all', async () => {
    const target = tempDir();
    await writeMboxTree(feed(hard.map((m) => ({ folder: ['X'], name: m.name, raw: m.raw }))), target);
    const path = join(target, 'X.mbox');
    const all = await readAll(path);
    const tail = await readAll(path, { from: 5 });
    expect(tail.map((i) => i.key)).toEqual(all.slice(5).map((i) => i.key));
    expect(tail.map((i) => i.raw!.toString('hex'))).toEqual(all.slice(5).map((i) => i.raw!.toString('hex')));
    const source = await openMboxSource(path);
    expect(await source.count()).toBe(hard.length);
    await source.close();
  });

  it('exports a folder tree to mbox files and imports the tree back: same folders, same bytes', async () => {
    const target = tempDir();
    const folders = [['Inbox'], ['Inbox', 'Clients', 'ACME'], ['Inbox', 'Clients'], ['Envoyés'], []];
    const messages = hard.map((m, i) => ({ folder: folders[i % folders.length]!, name: m.name, raw: m.raw }));
    await writeMboxTree(feed(messages), target, { rootName: 'Racine' });
    const source = await openMboxSource(target);
    const items: ImportItem[] = [];
    for await (const item of source.items(0)) items.push(item);
    // The top level's file is a folder like the others, named after it.
    const expected = messages.map((m) => ({ folder: m.folder.length ? m.folder : ['Racine'], raw: m.raw }));
    const byFolder = (list: { folder: string[]; raw?: Buffer }[]) => list.map((m) => `${m.folder.join('/')}:${m.raw!.toString('hex')}`).sort();
    expect(byFolder(items)).toEqual(byFolder(expected));
    expect(await source.count()).toBe(hard.length);
  });

  it('recreates the folder tree as files and directories, with safe and unique names', async () => {
    const target = tempDir();
    const raw = hard[0]!.raw;
    const summary = await writeMboxTree(
      feed([
        { folder: ['Inbox'], name: '', raw },
        { folder: ['Inbox', 'Clients/ACME'], name: '', raw },
        { folder: ['Sent'], name: '', raw },
        { folder: ['Inbox'], name: '', raw },
        { folder: ['INBOX'], name: '', raw },
        { folder: ['..'], name: '', raw },
      ]),
      target,
    );
    expect(summary).toMatchObject({ messages: 6, files: 5 });
    expect(readdirSync(target).sort()).toEqual(['INBOX (2).mbox', 'Inbox', 'Inbox.mbox', 'Sent.mbox', 'folder.mbox']);
    expect(readdirSync(join(target, 'Inbox'))).toEqual(['Clients_ACME.mbox']);
    expect(await readAll(join(target, 'Inbox.mbox'))).toHaveLength(2);
    // A second export into the same place never writes over the first ("Inbox (2)" is INBOX's, whatever the case).
    await writeMboxTree(feed([{ folder: ['Inbox'], name: '', raw }]), target);
    expect(readdirSync(target)).toContain('Inbox (3).mbox');
    expect(await readAll(join(target, 'Inbox.mbox'))).toHaveLength(2);
  });

  it('keeps the files of messages written before a cancel, each one complete', async () => {
    const target = tempDir();
    const controller = new AbortController();
    async function* slow(): AsyncIterable<ExportMessage> {
      for (let i = 0; i < 10; i++) {
        if (i === 4) controller.abort();
        yield { folder: ['F'], name: '', raw: hard[i]!.raw };
      }
    }
    await expect(writeMboxTree(slow(), target, { signal: controller.signal })).rejects.toThrow();
    const items = await readAll(join(target, 'F.mbox'));
    expect(items.map((i) => i.raw!.toString('hex'))).toEqual(hard.slice(0, 4).map((m) => m.raw.toString('hex')));
    expect(readdirSync(target).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('dates the envelope line from the arrival time, else the Date header, else 1970', async () => {
    const target = tempDir();
    const raw = Buffer.from('Return-Path: <bounce@liste.test>\nFrom: x@exemple.fr\nDate: Tue, 10 Nov 2026 09:30:00 +0100 (CET)\n\nhi\n');
    await writeMboxTree(
      feed([
        { folder: [], name: '', raw, receivedAt: new Date(Date.UTC(2025, 2, 5, 7, 8, 9)) },
        { folder: [], name: '', raw },
        { folder: [], name: '', raw: Buffer.from('Subject: none\n\nx\n') },
      ]),
      target,
    );
    const envelopes = readFileSync(join(target, 'Messages.mbox'), 'latin1').split('\n').filter((l) => l.startsWith('From '));
    expect(envelopes).toEqual(['From bounce@liste.test Wed Mar  5 07:08:09 2025', 'From bounce@liste.test Tue Nov 10 08:30:00 2026', 'From MAILER-DAEMON Thu Jan  1 00:00:00 1970']);
  });
});
