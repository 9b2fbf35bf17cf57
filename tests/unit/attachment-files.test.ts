import { describe, expect, it } from 'vitest';
import { isProgramFile, safeFileName, uniqueFileName } from '../../src-shared/domain/attachment-files.js';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('names from a sender, before they become files', () => {
  it.each([
    ['../../../.bashrc', 'bashrc'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['..', 'attachment'],
    ['', 'attachment'],
    ['rapport\u0000.pdf', 'rapport_.pdf'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    // U+202E turns "fdp.exe" into "exe.pdf" on screen; it goes, so the real extension shows.
    ['facture\u202efdp.exe', 'facture_fdp.exe'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['notes. . ', 'notes'],
    ['Facture n° 42 — échéance.pdf', 'Facture n° 42 — échéance.pdf'],
  ])('%j is saved as %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  it('keeps a long name within 200 bytes of UTF-8, its extension kept and no character cut in half', () => {
    const long = `${'é'.repeat(150)}🙂.pdf`;
    const safe = safeFileName(long);
    expect(utf8(safe)).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe).not.toContain('\ufffd');
    expect(safeFileName(`${'a'.repeat(300)}`)).toHaveLength(200);
  });

  it('numbers a name already taken, before its extension', () => {
    const taken = new Set(['report.pdf', 'report (2).pdf', 'notes']);
    expect(uniqueFileName('report.pdf', (n) => taken.has(n))).toBe('report (3).pdf');
    expect(uniqueFileName('notes', (n) => taken.has(n))).toBe('notes (2)');
    expect(uniqueFileName('fresh.txt', (n) => taken.has(n))).toBe('fresh.txt');
  });

  it.each([
    ['invoice.pdf.exe', true],
    ['SETUP.EXE', true],
    ['run.exe. ', true],
    ['launch.desktop', true],
    ['install.sh', true],
    ['macro.js', true],
    ['invoice.pdf', false],
    ['photo.jpeg', false],
    ['exe', false],
    ['archive.tar.gz', false],
  ])('%j is a program: %s', (name, program) => {
    expect(isProgramFile(name)).toBe(program);
  });
});
