import { existsSync, readdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore, sha256Hex } from '../../src-main/engine/blobs/blob-store.js';
import { ContractError } from '../../src-shared/contract/errors.js';
import { openTestEngine } from '../helpers/engine.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

describe('attachment files', () => {
  it('are stored once under blobs/ab/<sha256>, whatever the number of messages carrying them', async () => {
    const dir = tempDir();
    const blobs = new BlobStore(dir);
    const bytes = Buffer.from('même contenu');
    const a = blobs.put(bytes);
    const b = blobs.put(bytes);
    expect(a).toEqual({ sha256: sha256Hex(bytes), size: bytes.length, created: true });
    expect(b.created).toBe(false);
    expect(existsSync(join(dir, a.sha256.slice(0, 2), a.sha256))).toBe(true);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('a missing file is reported by db check and by the command that needs it, never a crash', async () => {
    const { api, engine, dataDir } = await openTestEngine();
    const { id } = await api.messages.ingest({ raw: simpleMessage(7, { attachmentBytes: 50_000 }).toString('base64') });
    const m = await api.messages.get({ id });
    const sha = m.attachments[0]!.sha256;
    unlinkSync(join(dataDir, 'blobs', sha.slice(0, 2), sha));

    const report = await api.store.check();
    expect(report.ok).toBe(false);
    expect(report.missingBlobs).toEqual([{ sha256: sha, usedBy: `attachment of message ${id}` }]);
    // The source is rebuilt from the attachment file, so it is missing too, with a code the UI can explain.
    const error = await api.messages.source({ id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ code: 'BLOB_MISSING' });
    // The message itself still opens.
    expect((await api.messages.get({ id })).subject).toBe('Message number 7');
    await engine.close();
  });

  it('the sweeper removes files no row names once they are old enough, and nothing else', async () => {
    const { api, engine, dataDir } = await openTestEngine();
    await api.messages.ingest({ raw: simpleMessage(1, { attachmentBytes: 10_000 }).toString('base64') });
    const blobs = new BlobStore(join(dataDir, 'blobs'));
    const orphan = blobs.put(Buffer.from('written by an ingest that crashed before its commit'));
    const fresh = blobs.put(Buffer.from('written by an ingest still running'));
    const old = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(blobs.pathOf(orphan.sha256), old, old);
    writeFileSync(join(dataDir, 'blobs', 'tmp', 'half-written'), 'x');
    utimesSync(join(dataDir, 'blobs', 'tmp', 'half-written'), old, old);

    const before = (await api.store.check()).orphanBlobs;
    expect(before).toBe(2);
    const result = engine.sweep();
    expect(result.removed).toBe(2);
    expect(blobs.has(orphan.sha256)).toBe(false);
    expect(blobs.has(fresh.sha256)).toBe(true);
    expect((await api.store.check()).ok).toBe(true);
    expect(statSync(join(dataDir, 'blobs', 'tmp')).isDirectory()).toBe(true);
    await engine.close();
  });
});
