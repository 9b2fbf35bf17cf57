import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src-shared/contract/index.js';
import { openTestEngine } from '../helpers/engine.js';
import { importAndWait } from '../helpers/import-sources.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');

const sum = (r: ImportReport, key: 'found' | 'imported' | 'duplicates' | 'failed') => r.folders.reduce((n, f) => n + f[key], 0);

describe('importing Outlook exports through the job', () => {
  it('imports a PST into its own folder tree, every item accounted for, and adds nothing the second time', async () => {
    const { client, api, engine } = await openTestEngine();
    const pst = join(FIXTURES, 'pst', 'aspose-Outlook.pst');
    const first = await importAndWait(client, pst);
    expect(first).toMatchObject({ state: 'done', format: 'pst' });
    expect(sum(first, 'found')).toBe(first.total);
    expect(sum(first, 'imported') + sum(first, 'duplicates') + sum(first, 'failed')).toBe(sum(first, 'found'));
    expect(sum(first, 'imported')).toBeGreaterThan(0);
    const tree = await api.folders.tree();
    const top = tree.folders.find((f) => f.id === first.targetFolderId)!;
    expect(top.path).toBe('Local Folders/aspose-Outlook');
    expect(tree.folders.filter((f) => f.path.startsWith(`${top.path}/`)).length).toBeGreaterThan(0);

    const again = await importAndWait(client, pst);
    expect(sum(again, 'imported')).toBe(0);
    expect(sum(again, 'duplicates')).toBe(sum(first, 'imported'));
    await engine.close();
  });

  it('counts a PST\'s contacts instead of dropping them, and imports a folder of MSG files', async () => {
    const { client, engine } = await openTestEngine();
    const contacts = await importAndWait(client, join(FIXTURES, 'pst', 'pstextractor-contacts97-2002.pst'));
    expect(contacts.state).toBe('done');
    expect(contacts.nonMail?.contacts).toBeGreaterThan(0);

    const msgs = await importAndWait(client, join(FIXTURES, 'msg', 'msgreader'));
    expect(msgs).toMatchObject({ state: 'done', format: 'msg' });
    expect(sum(msgs, 'imported')).toBeGreaterThan(0);
    expect(sum(msgs, 'found')).toBe(msgs.total);
    await engine.close();
  });
});
