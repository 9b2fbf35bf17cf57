import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeLine, lineEndOf } from '../../src-main/engine/export/envelope-line.js';
import { MboxScanner, type MboxMessage } from '../../src-main/engine/import/mbox-scanner.js';
import { openMboxSource } from '../../src-main/engine/import/mbox-source.js';
import { isEnvelopeLine, quoteFromLines } from '../../src-main/engine/import/mboxrd.js';
import type { ImportItem } from '../../src-main/engine/import/source.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/eml/mbox');

function file(content: string | Buffer, name = 'mail.mbox'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  return path;
}

async function items(path: string, options: { maxMessageBytes?: number; chunkBytes?: number } = {}): Promise<ImportItem[]> {
  const source = await openMboxSource(path, options);
  const out: ImportItem[] = [];
  for await (const item of source.items(0)) out.push(item);
  await source.close();
  return out;
}

const texts = async (path: string) => (await items(path)).map((i) => i.raw?.toString('latin1') ?? `FAILED: ${i.failure}`);

describe('reading mbox files written by other programs', () => {
  it('splits an mboxrd file with blank lines between messages and un-quotes ">From " lines once', async () => {
    const path = file(
      'From a@x Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here\n>>From there\nFrom-less line\n\n' +
        'From b@x Mon Jan  1 00:00:01 2024\nSubject: two\n\nlast\n',
    );
    expect(await texts(path)).toEqual(['Subject: one\n\nFrom here\n>From there\nFrom-less line\n', 'Subject: two\n\nlast\n']);
  });

  it('keeps CRLF line ends inside messages and takes away only the separating blank line', async () => {
    const path = file('From a@x Mon Jan  1 00:00:00 2024\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom b@x Mon Jan  1 00:00:01 2024\r\nSubject: two\r\n\r\nbody\r\n\r\n');
    expect(await texts(path)).toEqual(['Subject: one\r\n\r\nbody\r\n', 'Subject: two\r\n\r\nbody\r\n']);
  });

  it('splits Netscape files, whose bare "From - " lines follow the previous message without a blank line', async () => {
    const path = file('From - \nSubject: one\n\nfirst\nFrom - Mon Jun  3 12:50:27 1996\nReturn-Path: <x@y>\n\nsecond\nFrom - \nX-Mozilla-Status: 0001\n\nthird\n');
    // With no blank line before the next envelope, the line end is the message's own and stays.
    expect(await texts(path)).toEqual(['Subject: one\n\nfirst\n', 'Return-Path: <x@y>\n\nsecond\n', 'X-Mozilla-Status: 0001\n\nthird\n']);
  });

  it('leaves an unquoted body line like "From Russia with love" in its message (mboxo writers did not quote it)', async () => {
    const path = file('\ufeffFrom -\nSubject: bond\n\nMy favourite film:\n\nFrom Russia with love\n\nReally.\n\nFrom -\nSubject: next\n\nx\n'.replace('\ufeff', '\xef\xbb\xbf'));
    expect(await texts(path)).toEqual(['Subject: bond\n\nMy favourite film:\n\nFrom Russia with love\n\nReally.\n', 'Subject: next\n\nx\n']);
  });

  it('reads an empty file as no messages, and refuses a file that is not an mbox with a clear message', async () => {
    expect(await items(file(''))).toEqual([]);
    expect(await items(file('\n\r\n'))).toEqual([]);
    await expect(openMboxSource(file('From: a@x\nSubject: an EML\n\nbody\n', 'note.mbox'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('note.mbox is not an mbox file: it does not start with a "From " line'),
    });
    await expect(openMboxSource(join(tempDir(), 'missing.mbox'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports an empty message and one over the size limit as failures, keeping the positions of the rest', async () => {
    const big = `Subject: big\n\n${'x'.repeat(5000)}\n`;
    const path = file(`From a Mon Jan  1 00:00:00 2024\nFrom b Mon Jan  1 00:00:00 2024\n${big}\nFrom c Mon Jan  1 00:00:00 2024\nSubject: small\n\nok\n`);
    const text = readFileSync(path, 'latin1');
    const read = await items(path, { maxMessageBytes: 1000 });
    // Read in small chunks, the big message is let go of while it is scanned: same items.
    expect(await items(path, { maxMessageBytes: 1000, chunkBytes: 64 })).toEqual(read);
    expect(read.map((i) => [i.key, i.failure ?? i.raw!.toString()])).toEqual([
      ['offset 0', 'An empty message: a "From " line with nothing after it.'],
      [`offset ${text.indexOf('From b')}`, 'The message is 4.9 KB, more than the 1000 bytes a message may have: it was left out.'],
      [`offset ${text.indexOf('From c')}`, 'Subject: small\n\nok\n'],
    ]);
  });
});

describe('the mbox files of the fixtures (MimeKit test data)', () => {
  const fixtures = readdirSync(FIXTURES).filter((n) => n.endsWith('.mbox'));

  /** `grep -c '^From '`, with a byte order mark before the first line allowed. */
  const grepCount = (bytes: Buffer) => bytes.toString('latin1').replace(/^\xef\xbb\xbf/, '').split('\n').filter((l) => l.startsWith('From ')).length;

  it.each(fixtures)('%s: as many messages as "From " lines, except unquoted body lines', async (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    const read = await items(join(FIXTURES, name));
    expect(read.every((i) => i.raw && /^[\x21-\x39\x3b-\x7e]+:/.test(i.raw.toString('latin1')))).toBe(true);
    // unmunged.mbox holds two messages whose bodies have an unquoted "From Russia with love" line each.
    const bodyLines = name === 'mimekit-unmunged.mbox' ? 2 : 0;
    expect(read).toHaveLength(grepCount(bytes) - bodyLines);
    expect({ 'mimekit-content-length.mbox': 29, 'mimekit-issue1189.mbox': 4, 'mimekit-simple.mbox': 3, 'mimekit-unmunged.mbox': 2 }[name]).toBe(read.length);
  });

  it.each(fixtures.filter((n) => n !== 'mimekit-unmunged.mbox'))('%s: envelope lines, quoting and separating line ends put back give the file again', async (name) => {
    const bytes = readFileSync(join(FIXTURES, name));
    const scanner = await MboxScanner.open(join(FIXTURES, name));
    const messages: MboxMessage[] = [];
    for (let m = await scanner.next(true); m; m = await scanner.next(true)) messages.push(m);
    await scanner.close();
    const pieces = messages.flatMap((m, i) => {
      const envelope = Buffer.from(`${m.envelope}${lineEndOf(m.raw!)}`, 'latin1');
      const end = m.offset + envelope.length + m.size;
      // What lies between a message and the next envelope is a blank line's line end, or nothing.
      const gap = bytes.subarray(end, messages[i + 1]?.offset ?? bytes.length);
      expect(['', '\n', '\r\n']).toContain(gap.toString('latin1'));
      return [envelope, ...quoteFromLines(m.raw!), gap];
    });
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true);
  });

  it('writes envelope lines that read back as envelopes, whatever the Date header says', () => {
    const line = (date: string) => envelopeLine(Buffer.from(`From: "Doug" <doug@example.com>\nDate: ${date}\n\nx\n`));
    expect(line('Fri, 7 Mar 1997 02:50:39 -0800')).toBe('From doug@example.com Fri Mar  7 10:50:39 1997');
    for (const date of ['Fri, 7 Mar 20000 02:50:39 -0800', 'demain', '']) {
      expect(line(date)).toBe('From doug@example.com Thu Jan  1 00:00:00 1970');
    }
    // Its first body line is not a header: only the date makes the envelope line count.
    expect(isEnvelopeLine(line('demain'), 'not a header')).toBe(true);
  });
});

describe('folder trees of mbox files', () => {
  const message = (subject: string) => `From - Mon Jun  3 12:50:27 1996\nSubject: ${subject}\n\n${subject}\n\n`;

  it('reads a Thunderbird folder: files without extension, subfolders in .sbd directories, indexes left aside', async () => {
    const root = tempDir();
    const put = (path: string, content: string) => {
      const full = join(root, ...path.split('/'));
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, content);
    };
    put('Inbox', message('in 1') + message('in 2'));
    put('Inbox.msf', '// <!-- <mdb:mork:z v="1.4"/> -->');
    put('Inbox.sbd/Clients', message('client'));
    put('Inbox.sbd/Clients.msf', '//');
    put('Inbox.sbd/Clients.sbd/ACME', message('acme'));
    put('Trash', '');
    put('Sent', message('sent'));
    put('popstate.dat', '# POP3 State File');
    put('Archive.mbox/mbox', message('apple'));
    put('Archive.mbox/Info.plist', '<?xml version="1.0"?>');
    put('Archive.mbox/Old.mbox/mbox', message('apple old'));

    const source = await openMboxSource(root);
    const read: ImportItem[] = [];
    for await (const item of source.items(0)) read.push(item);
    expect(read.map((i) => [i.folder.join('/'), i.key, i.raw?.toString('latin1').split('\n')[0]])).toEqual([
      ['Inbox', 'Inbox offset 0', 'Subject: in 1'],
      ['Inbox', `Inbox offset ${message('in 1').length}`, 'Subject: in 2'],
      ['Sent', 'Sent offset 0', 'Subject: sent'],
      ['Archive', 'Archive.mbox/mbox offset 0', 'Subject: apple'],
      ['Archive/Old', 'Archive.mbox/Old.mbox/mbox offset 0', 'Subject: apple old'],
      ['Inbox/Clients', 'Inbox.sbd/Clients offset 0', 'Subject: client'],
      ['Inbox/Clients/ACME', 'Inbox.sbd/Clients.sbd/ACME offset 0', 'Subject: acme'],
    ]);
    expect(await source.count()).toBe(7);
    const tail: ImportItem[] = [];
    for await (const item of source.items(4)) tail.push(item);
    expect(tail.map((i) => i.key)).toEqual(read.slice(4).map((i) => i.key));
    await expect(openMboxSource(tempDir())).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('holds no mbox files') });
  });
});
