import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/client.js';
import { openTestEngine } from '../helpers/engine.js';
import { hardMessages } from '../helpers/hard-messages.js';
import { importMessage, importAndWait } from '../helpers/import-sources.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Folder path (below its top) → the sha256 of each message's exact source there. */
async function byFolder(api: Client['api'], top: string): Promise<Record<string, string[]>> {
  const tree = await api.folders.tree();
  const out: Record<string, string[]> = {};
  for (const f of tree.folders.filter((x) => x.path === top || x.path.startsWith(`${top}/`))) {
    const items = (await api.messages.list({ folderId: f.id, limit: 1000 })).items;
    const shas = await Promise.all(items.map(async (m) => sha(Buffer.from((await api.messages.source({ id: m.id })).raw, 'base64'))));
    if (shas.length > 0) out[f.path.slice(top.length)] = shas.sort();
  }
  return out;
}

describe('export, then import into an empty store', () => {
  for (const format of ['eml', 'mbox'] as const) {
    it(`gives back every message byte for byte, in the same folders (${format})`, async () => {
      const { api, engine } = await openTestEngine();
      const clients = await api.folders.create({ parentId: null, name: 'Clients' });
      const acme = await api.folders.create({ parentId: clients.id, name: 'ACME' });
      const add = (raw: Buffer, folder: number) => api.messages.ingest({ folder, raw: raw.toString('base64') });
      for (const [i, m] of hardMessages().entries()) await add(m.raw, i % 2 === 0 ? clients.id : acme.id);
      await add(simpleMessage(1, { attachmentBytes: 300_000 }), acme.id);
      await add(importMessage(7), clients.id);
      const before = await byFolder(api, clients.path);

      const out = join(tempDir(), 'export');
      const written = await api.exports.folder({ folderId: clients.id, format, path: out });
      expect(written.messages).toBe(hardMessages().length + 2);
      await engine.close();

      const empty = await openTestEngine();
      const source = format === 'eml' ? join(out, 'Clients') : out;
      const report = await importAndWait(empty.client, source);
      expect(report).toMatchObject({ state: 'done', failures: [] });
      const target = (await empty.api.folders.tree()).folders.find((f) => f.id === report.targetFolderId)!;
      // An EML export's top directory is the folder itself; an mbox export holds Clients.mbox beside Clients/.
      const top = format === 'eml' ? target.path : `${target.path}/Clients`;
      expect(await byFolder(empty.api, top)).toEqual(before);
      await empty.engine.close();
    });
  }
});
