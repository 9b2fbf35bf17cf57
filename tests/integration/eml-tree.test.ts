import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEmlFile, writeEmlTree } from '../../src-main/engine/export/eml-writer.js';
import type { ExportMessage } from '../../src-main/engine/export/export-message.js';
import { openEmlSource } from '../../src-main/engine/import/eml-source.js';
import type { ImportItem } from '../../src-main/engine/import/source.js';
import { hardMessages } from '../helpers/hard-messages.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/eml');

async function* feed(messages: ExportMessage[]): AsyncIterable<ExportMessage> {
  yield* messages;
}

async function readAll(path: string, from = 0, options = {}) {
  const source = await openEmlSource(path, options);
  const items: ImportItem[] = [];
  for await (const item of source.items(from)) items.push(item);
  return { items, nonMail: source.nonMail(), count: await source.count() };
}

function put(root: string, path: string, content: string | Buffer) {
  const full = join(root, ...path.split('/'));
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
}

describe('importing a folder tree of .eml files', () => {
  it('reads every .eml file with its bytes and folder, by name in code-unit order, files before subfolders', async () => {
    const root = tempDir();
    const mail = (n: string) => Buffer.concat([Buffer.from(`Subject: ${n}\n\n`), Buffer.from([0xe9, 0x00, 0xff, 0x0a])]);
    for (const path of ['b.eml', 'B.EML', 'a.eml', 'é.eml', '10.eml', '9.eml', 'Clients/Zeta/z.eml', 'Clients/ACME/x.eml', 'Clients/top.eml', 'Archives 2019/old.eml']) {
      put(root, path, mail(path));
    }
    put(root, 'notes.txt', 'not mail');
    put(root, 'Clients/scan.pdf', '%PDF');
    put(root, '.DS_Store', 'x');
    put(root, 'Clients/Thumbs.db', 'x');

    const { items, nonMail, count } = await readAll(root);
    expect(items.map((i) => [i.folder, i.key])).toEqual([
      [[], '10.eml'],
      [[], '9.eml'],
      [[], 'B.EML'],
      [[], 'a.eml'],
      [[], 'b.eml'],
      [[], 'é.eml'],
      [['Archives 2019'], 'Archives 2019/old.eml'],
      [['Clients'], 'Clients/top.eml'],
      [['Clients', 'ACME'], 'Clients/ACME/x.eml'],
      [['Clients', 'Zeta'], 'Clients/Zeta/z.eml'],
    ]);
    for (const item of items) expect(item.raw!.equals(mail(item.key))).toBe(true);
    expect(count).toBe(10);
    expect(nonMail.other).toBe(2);
  });

  it('resumes at a position with the items a full read has there', async () => {
    const root = tempDir();
    for (let i = 0; i < 12; i++) put(root, `${i % 3 ? 'f' : 'g'}/${String(i).padStart(2, '0')}.eml`, `Subject: ${i}\n\nx\n`);
    const all = (await readAll(root)).items;
    const tail = (await readAll(root, 7)).items;
    expect(tail.map((i) => i.key)).toEqual(all.slice(7).map((i) => i.key));
    expect(tail.map((i) => i.raw!.toString())).toEqual(all.slice(7).map((i) => i.raw!.toString()));
  });

  it('turns files that cannot be read into failure items with the reason, in their place', async () => {
    const root = tempDir();
    put(root, 'a.eml', 'Subject: a\n\na\n');
    symlinkSync(join(root, 'gone.eml'), join(root, 'b.eml'));
    put(root, 'c.eml', '');
    execFileSync('mkfifo', [join(root, 'd.eml')]);
    put(root, 'e.eml', `Subject: big\n\n${'x'.repeat(3000)}\n`);
    put(root, 'f.eml', 'Subject: f\n\nf\n');
    const { items } = await readAll(root, 0, { maxMessageBytes: 2048 });
    expect(items.map((i) => [i.key, i.failure ?? 'ok'])).toEqual([
      ['a.eml', 'ok'],
      ['b.eml', expect.stringMatching(/^The file cannot be read: ENOENT/)],
      ['c.eml', 'The file is empty.'],
      ['d.eml', 'Not a regular file.'],
      ['e.eml', 'The file is 2.9 KB, more than the 2 KB a message may have: it was left out.'],
      ['f.eml', 'ok'],
    ]);
  });

  it('reads a file bigger than the read-ahead in its turn, between small ones', async () => {
    const root = tempDir();
    const big = Buffer.concat([Buffer.from('Subject: big\n\n'), Buffer.alloc(3 * 1024 * 1024, 0x61), Buffer.from('\n')]);
    put(root, 'a.eml', 'Subject: a\n\na\n');
    put(root, 'b.eml', big);
    for (let i = 0; i < 20; i++) put(root, `c${String(i).padStart(2, '0')}.eml`, `Subject: ${i}\n\nx\n`);
    const { items } = await readAll(root);
    expect(items.map((i) => i.key)).toEqual(['a.eml', 'b.eml', ...Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}.eml`)]);
    expect(items[1]!.raw!.equals(big)).toBe(true);
  });

  it('reads one .eml file as a source of one message, and says clearly when the path is missing', async () => {
    const path = join(FIXTURES, 'mimekit', 'japanese.eml');
    const { items, count } = await readAll(path);
    expect(count).toBe(1);
    expect(items).toEqual([{ folder: [], key: 'japanese.eml', raw: readFileSync(path) }]);
    await expect(openEmlSource(join(tempDir(), 'none'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('does not exist') });
  });

  it('reads the fixture tree: every .eml file once, exactly as on disk', async () => {
    const onDisk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? onDisk(join(dir, e.name)) : e.name.endsWith('.eml') ? [join(dir, e.name)] : []));
    const files = onDisk(FIXTURES);
    const { items, nonMail } = await readAll(FIXTURES);
    expect(items).toHaveLength(files.length);
    expect(new Set(items.map((i) => i.key))).toEqual(new Set(files.map((f) => relative(FIXTURES, f).split(sep).join('/'))));
    for (const item of items) expect(item.raw!.equals(readFileSync(join(FIXTURES, item.key)))).toBe(true);
    expect(nonMail.other).toBe(5); // SOURCES.md and the four .mbox files
  });
});

describe('exporting to .eml files, then importing them', () => {
  const hard = hardMessages();

  it('gives back every message byte for byte in its folder', async () => {
    const target = tempDir();
    const folders = [['Inbox'], ['Inbox', 'Clients', 'ACME'], [], ['Envoyés']];
    const messages = hard.map((m, i) => ({ folder: folders[i % folders.length]!, name: `${String(i).padStart(2, '0')} ${m.name}`, raw: m.raw }));
    const summary = await writeEmlTree(feed(messages), target);
    expect(summary).toEqual({ messages: hard.length, files: hard.length, bytes: hard.reduce((n, m) => n + m.raw.length, 0) });

    const { items } = await readAll(target);
    const byFolder = (list: { folder: string[]; raw?: Buffer }[]) =>
      list.map((m) => `${m.folder.join('/')}:${m.raw!.toString('hex')}`).sort();
    expect(byFolder(items)).toEqual(byFolder(messages));
    expect(items.every((i) => i.failure === undefined)).toBe(true);
    expect(readdirSync(target).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names files after the message, safely and without overwriting anything', async () => {
    const target = tempDir();
    put(target, 'Facture.eml', 'already here');
    put(target, 'Inbox/old.eml', 'an earlier export');
    const raw = hard[0]!.raw;
    await writeEmlTree(
      feed([
        { folder: [], name: 'Facture', raw },
        { folder: [], name: 'facture', raw },
        { folder: [], name: 'Re: devis 2024/03', raw },
        { folder: [], name: '../../.bashrc', raw },
        { folder: [], name: '...', raw },
        { folder: ['Inbox'], name: 'new', raw },
        { folder: ['a/b'], name: 'CON', raw },
      ]),
      target,
    );
    expect(readdirSync(target).sort()).toEqual(
      ['Facture (2).eml', 'Facture.eml', 'Inbox', 'Inbox (2)', '_.._.bashrc.eml', 'Re_ devis 2024_03.eml', 'a_b', 'facture (3).eml', 'message.eml'].sort(),
    );
    expect(readFileSync(join(target, 'Facture.eml'), 'utf8')).toBe('already here');
    // A folder already there from an earlier export is left alone: this export's Inbox gets a name of its own.
    expect(readdirSync(join(target, 'Inbox'))).toEqual(['old.eml']);
    expect(readdirSync(join(target, 'Inbox (2)'))).toEqual(['new.eml']);
    expect(readdirSync(join(target, 'a_b'))).toEqual(['_CON.eml']);
  });

  it('keeps the files written before a cancel, each one complete, and reports the cancel', async () => {
    const target = tempDir();
    const controller = new AbortController();
    const progress: number[] = [];
    async function* stream(): AsyncIterable<ExportMessage> {
      for (let i = 0; i < hard.length; i++) {
        if (i === 6) controller.abort();
        yield { folder: ['F'], name: String(i).padStart(2, '0'), raw: hard[i]!.raw };
      }
    }
    await expect(writeEmlTree(stream(), target, { signal: controller.signal, onProgress: (n) => progress.push(n) })).rejects.toThrow(/abort/i);
    expect(readdirSync(join(target, 'F'))).toEqual(['00.eml', '01.eml', '02.eml', '03.eml', '04.eml', '05.eml']);
    expect(readFileSync(join(target, 'F', '05.eml')).equals(hard[5]!.raw)).toBe(true);
    expect(progress.at(-1)).toBe(6);
  });

  it('writes a single message to the file a person chose, replacing it whole', async () => {
    const path = join(tempDir(), 'saved.eml');
    writeFileSync(path, 'old content, longer than the message that replaces it'.repeat(100));
    await writeEmlFile(path, hard[1]!.raw);
    expect(readFileSync(path).equals(hard[1]!.raw)).toBe(true);
  });
});
