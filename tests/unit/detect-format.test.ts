import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src-main/engine/import/detect-format.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const filesIn = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name), ext) : e.name.toLowerCase().endsWith(ext) ? [join(dir, e.name)] : []));

describe('telling formats apart by content', () => {
  it.each(filesIn(join(FIXTURES, 'pst'), '.pst').concat(filesIn(join(FIXTURES, 'pst'), '.ost')))('%s is a PST', async (path) => {
    expect(await detectFormat(path)).toBe('pst');
  });

  it.each(filesIn(join(FIXTURES, 'msg'), '.msg'))('%s is an MSG', async (path) => {
    expect(await detectFormat(path)).toBe('msg');
  });

  // Two of them (large_text, multipart-digest) start with an mbox envelope line: one message, saved as .eml.
  it.each(filesIn(join(FIXTURES, 'eml'), '.eml'))('%s is an EML', async (path) => {
    expect(await detectFormat(path)).toBe('eml');
  });

  it.each(filesIn(join(FIXTURES, 'eml', 'mbox'), '.mbox'))('%s is an mbox', async (path) => {
    expect(await detectFormat(path)).toBe('mbox');
  });

  it('recognises folders of EML files (at any depth) and of MSG files', async () => {
    expect(await detectFormat(join(FIXTURES, 'eml'))).toBe('eml-dir');
    expect(await detectFormat(join(FIXTURES, 'msg'))).toBe('msg-dir');
    const nested = tempDir();
    mkdirSync(join(nested, 'a', 'b'), { recursive: true });
    writeFileSync(join(nested, 'a', 'b', 'x.EML'), 'From: a@b\n\nx\n');
    expect(await detectFormat(nested)).toBe('eml-dir');
    expect(await detectFormat(join(FIXTURES, 'pst'))).toBe('unknown');
  });

  it('recognises a folder of mbox files, named or not (Thunderbird keeps "Inbox" without extension)', async () => {
    expect(await detectFormat(join(FIXTURES, 'eml', 'mbox'))).toBe('mbox-dir');
    const profile = tempDir();
    mkdirSync(join(profile, 'Inbox.sbd'));
    writeFileSync(join(profile, 'Inbox.msf'), '// <!-- <mdb:mork:z v="1.4"/> -->');
    writeFileSync(join(profile, 'Trash'), '');
    writeFileSync(join(profile, 'Inbox.sbd', 'Clients'), 'From - Mon Jun  3 12:50:27 1996\nSubject: x\n\nx\n');
    expect(await detectFormat(profile)).toBe('mbox-dir');
    const empty = tempDir();
    writeFileSync(join(empty, 'Trash'), '');
    expect(await detectFormat(empty)).toBe('unknown');
  });

  it('goes by content whatever the extension says', async () => {
    const dir = tempDir();
    const copy = (from: string, name: string) => {
      copyFileSync(from, join(dir, name));
      return join(dir, name);
    };
    expect(await detectFormat(copy(join(FIXTURES, 'pst', 'pstsdk-sample1.pst'), 'sample.eml'))).toBe('pst');
    expect(await detectFormat(copy(join(FIXTURES, 'msg', 'msgreader', 'Simple.msg'), 'simple.pst'))).toBe('msg');
    expect(await detectFormat(copy(join(FIXTURES, 'eml', 'mimekit', 'japanese.eml'), 'japanese.txt'))).toBe('eml');
    expect(await detectFormat(copy(join(FIXTURES, 'eml', 'mbox', 'mimekit-simple.mbox'), 'Inbox'))).toBe('mbox');
    // An .eml that holds several messages behind envelope lines is an mbox all the same.
    expect(await detectFormat(copy(join(FIXTURES, 'eml', 'mbox', 'mimekit-simple.mbox'), 'three.eml'))).toBe('mbox');
    // The envelope line of a single message saved elsewhere than .eml: read as the one-message mbox it is.
    expect(await detectFormat(copy(join(FIXTURES, 'eml', 'mimekit', 'multipart-digest.eml'), 'digest'))).toBe('mbox');
  });

  it('says unknown for text, other compound files and empty files, and refuses a missing path', async () => {
    const dir = tempDir();
    const file = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    expect(await detectFormat(join(FIXTURES, 'eml', 'SOURCES.md'))).toBe('unknown');
    expect(await detectFormat(file('empty.eml', ''))).toBe('unknown');
    expect(await detectFormat(file('prose.txt', 'From Russia with love\n\nA film.\n'))).toBe('unknown');
    expect(await detectFormat(file('note.txt', 'Note: buy milk\nTodo: call Ana\n'))).toBe('unknown');
    // A compound file without Outlook's streams (a Word or Excel file has the same magic).
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    cfb.writeUInt16LE(9, 0x1e);
    cfb.writeUInt32LE(0, 0x30);
    Buffer.from('WordDocument', 'utf16le').copy(cfb, 512);
    expect(await detectFormat(file('letter.doc', cfb))).toBe('unknown');
    await expect(detectFormat(join(dir, 'missing.pst'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
