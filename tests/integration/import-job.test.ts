import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src-shared/contract/index.js';
import { openTestEngine } from '../helpers/engine.js';
import { emlTree, importMessage, mboxFile, importAndWait } from '../helpers/import-sources.js';

const line = (r: ImportReport, path: string) => r.folders.find((f) => f.path === path);

describe('importing', () => {
  it('recreates an EML tree under a new folder, and importing it again adds nothing', async () => {
    const { client, api, engine } = await openTestEngine();
    const root = emlTree({
      '': [importMessage(1), importMessage(2)],
      'Clients/ACME': [importMessage(3), importMessage(4), importMessage(5)],
      Fournisseurs: [importMessage(6)],
    });
    const first = await importAndWait(client, root);
    expect(first.state).toBe('done');
    expect(first.format).toBe('eml');
    expect([line(first, '')?.imported, line(first, 'Clients/ACME')?.imported, line(first, 'Fournisseurs')?.imported]).toEqual([2, 3, 1]);
    const tree = await api.folders.tree();
    const target = tree.folders.find((f) => f.id === first.targetFolderId)!;
    expect(tree.folders.filter((f) => f.path.startsWith(`${target.path}/`)).map((f) => f.path.slice(target.path.length + 1)).sort()).toEqual([
      'Clients', 'Clients/ACME', 'Fournisseurs',
    ]);
    const acme = tree.folders.find((f) => f.path === `${target.path}/Clients/ACME`)!;
    expect((await api.messages.list({ folderId: acme.id })).items.map((m) => m.subject).sort()).toEqual(['Commande n° 3', 'Commande n° 4', 'Commande n° 5']);

    const again = await importAndWait(client, root);
    expect(again.targetFolderId).toBe(first.targetFolderId);
    expect(again.folders.reduce((n, f) => n + f.imported, 0)).toBe(0);
    expect(again.folders.reduce((n, f) => n + f.duplicates, 0)).toBe(6);
    await engine.close();
  });

  it('imports a Message-ID already stored with other content as a marked variant, and mail without one', async () => {
    const { client, engine } = await openTestEngine();
    await importAndWait(client, emlTree({ '': [importMessage(1), importMessage(2, { messageId: null })] }));
    const second = await importAndWait(client, emlTree({ '': [importMessage(1, { body: 'Corrected order.' }), importMessage(2, { messageId: null }), importMessage(3, { messageId: null })] }));
    expect(line(second, '')).toMatchObject({ found: 3, imported: 2, duplicates: 1, variants: 1, failed: 0 });
    const db = new Database(engine.layout.database, { readonly: true });
    const variants = db.prepare("SELECT count(*) AS n FROM messages WHERE message_id = 'imp-1@archive.test' AND variant_of IS NOT NULL").get() as { n: number };
    db.close();
    expect(variants.n).toBe(1);
    await engine.close();
  });

  it('reads an mbox with ">From " lines, into the folder asked for, and says what it is not', async () => {
    const { client, api, engine } = await openTestEngine();
    const messages = [importMessage(1, { body: 'From the start, as agreed.\n>From a quoted line.' }), importMessage(2), importMessage(3)];
    const into = await api.folders.create({ parentId: null, name: 'Archives 2019' });
    const report = await importAndWait(client, mboxFile(messages), into.id);
    expect(report).toMatchObject({ state: 'done', format: 'mbox', targetFolderId: into.id, done: 3, total: 3 });
    const listed = await api.messages.list({ folderId: into.id, sort: { by: 'subject', dir: 'asc' } });
    expect(listed.items.map((m) => m.subject)).toEqual(['Commande n° 1', 'Commande n° 2', 'Commande n° 3']);
    const first = await api.messages.get({ id: listed.items[0]!.id });
    expect(first.text).toContain('From the start, as agreed.\n>From a quoted line.');
    await expect(api.imports.start({ path: into.path })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.imports.start({ path: `${import.meta.dirname}/import-job.test.ts` })).rejects.toMatchObject({
      code: 'INVALID_INPUT', message: expect.stringContaining('is not a PST, MSG, EML or mbox file'),
    });
    await engine.close();
  });

  it('resumes a cancelled import from its checkpoint and ends with the same store as an uninterrupted one', async () => {
    const messages = Array.from({ length: 600 }, (_, i) => importMessage(i + 1));
    const path = mboxFile(messages);
    const whole = await openTestEngine();
    await importAndWait(whole.client, path);
    const expected = shas(whole.engine.layout.database);
    await whole.engine.close();

    const { client, api, engine } = await openTestEngine();
    const started = await api.imports.start({ path, targetFolderId: null });
    const stopped = new Promise<void>((resolve) => {
      const off = client.on('import.progress', (p) => {
        if (p.state === 'running' && p.done > 0) void api.imports.cancel({ id: started.job.id });
        if (p.state === 'cancelled') {
          off();
          resolve();
        }
      });
    });
    await stopped;
    const partial = await api.imports.get({ id: started.job.id });
    expect(partial.done).toBeGreaterThan(0);
    expect(partial.done).toBeLessThan(600);
    // Importing the same file again picks the job up where it stopped: one job, every item counted once.
    const finished = await importAndWait(client, path);
    expect(finished).toMatchObject({ id: started.job.id, state: 'done', done: 600 });
    expect(finished.folders.reduce((n, f) => n + f.found, 0)).toBe(600);
    expect(shas(engine.layout.database)).toEqual(expected);
    await engine.close();
  });
});

/** Every stored message's folder path and content hash, sorted: two stores with equal lists hold the same mail. */
function shas(database: string): string[] {
  const db = new Database(database, { readonly: true });
  const rows = db.prepare('SELECT f.name AS folder, m.sha256 FROM messages m JOIN folders f ON f.id = m.folder_id').all() as Array<{ folder: string; sha256: string }>;
  db.close();
  return rows.map((r) => `${r.folder}:${r.sha256}`).sort();
}
