import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../helpers/cli.js';
import { FRENCH_INVOICE, frenchInvoiceMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

describe('the facteur command', () => {
  it('ingests an EML file and shows it decoded, as JSON and as exact source', () => {
    const data = tempDir();
    const file = join(tempDir(), 'facture.eml');
    const raw = frenchInvoiceMessage();
    writeFileSync(file, raw);

    const [stored] = runCliJson<Array<{ id: number; duplicate: boolean; malformed: boolean }>>(data, ['ingest', file]);
    expect(stored).toMatchObject({ duplicate: false, malformed: false });

    const shown = runCliJson<Record<string, unknown>>(data, ['show', String(stored!.id)]);
    expect(shown).toMatchObject({
      id: stored!.id,
      messageId: 'facture-42@exemple.fr',
      subject: FRENCH_INVOICE.subject,
      from: { name: FRENCH_INVOICE.fromName, address: 'renee@exemple.fr' },
      to: [{ name: 'Céline Béranger', address: 'celine@facteur.test' }],
      cc: [{ name: 'Ana Ionescu', address: 'ana@exemplu.ro' }],
      date: '2026-11-10T08:30:00.000Z',
      folder: 'Local Folders/Inbox',
      flags: { seen: false, flagged: false, answered: false, draft: false, junk: false },
      malformed: false,
      threadId: 'facture-42@exemple.fr',
    });
    expect(shown.attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filename: FRENCH_INVOICE.attachmentName, contentType: 'application/pdf', size: 6000, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ]),
    );

    const source = runCli(data, ['show', String(stored!.id), '--raw']);
    expect(source.code).toBe(0);
    expect(source.stdoutBytes.equals(raw)).toBe(true);
  });

  it('lists folders and a folder\'s messages by path', () => {
    const data = tempDir();
    const file = join(tempDir(), 'm.eml');
    writeFileSync(file, frenchInvoiceMessage());
    runCliJson(data, ['ingest', file, '--folder', 'Local Folders/Sent']);

    const folders = runCliJson<Array<{ path: string; kind: string; total: number }>>(data, ['folders']);
    expect(folders.map((f) => f.path)).toEqual(expect.arrayContaining(['Local Folders/Inbox', 'Local Folders/Sent', 'Local Folders/Outbox', 'Local Folders/Trash']));
    expect(folders.find((f) => f.path === 'Local Folders/Sent')).toMatchObject({ kind: 'sent', total: 1 });

    const listed = runCliJson<Array<{ subject: string; direction: string; flags: { seen: boolean } }>>(data, ['messages', '--folder', 'Local Folders/Sent', '--limit', '5']);
    expect(listed).toEqual([expect.objectContaining({ subject: FRENCH_INVOICE.subject, direction: 'out', flags: expect.objectContaining({ seen: true }) })]);
  });

  it('searches from the command line', () => {
    const data = tempDir();
    const file = join(tempDir(), 'facture.eml');
    writeFileSync(file, frenchInvoiceMessage());
    runCliJson(data, ['ingest', file]);
    const found = runCliJson<Array<{ subject: string }>>(data, ['search', 'échéance', '--field', 'attachment']);
    expect(found.map((m) => m.subject)).toEqual([FRENCH_INVOICE.subject]);
    expect(runCliJson<unknown[]>(data, ['search', 'nothing-like-this'])).toEqual([]);
  });

  it('checks and backs up the store', () => {
    const data = tempDir();
    const report = runCliJson<{ ok: boolean; messages: number }>(data, ['db', 'check']);
    expect(report).toMatchObject({ ok: true, messages: 0 });
    const out = join(tempDir(), 'copy.sqlite');
    const backup = runCliJson<{ path: string; bytes: number }>(data, ['db', 'backup', '--out', out]);
    expect(backup.path).toBe(out);
    expect(backup.bytes).toBeGreaterThan(0);
  });

  it('says what went wrong, with a code, and keeps --json stdout empty on errors', () => {
    const data = tempDir();
    const missing = runCli(data, ['show', '999', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Message 999 does not exist.*\[NOT_FOUND\]/);

    const badFolder = runCli(data, ['messages', '--folder', 'Nowhere/Else']);
    expect(badFolder.code).toBe(2);
    expect(badFolder.stderr).toMatch(/No folder "Nowhere\/Else"/);

    const unknown = runCli(data, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"frobnicate" is not a facteur command/);
  });
});
