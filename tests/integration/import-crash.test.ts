import Database from 'better-sqlite3';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src-shared/contract/index.js';
import { runCliJson, spawnCli } from '../helpers/cli.js';
import { importMessage, mboxFile } from '../helpers/import-sources.js';
import { tempDir } from '../helpers/temp.js';

const COUNT = 4000;

/** Folder and content hash of every message: two stores with equal lists hold the same mail in the same places. */
function contents(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'facteur.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT f.name AS folder, m.sha256 FROM messages m JOIN folders f ON f.id = m.folder_id').all() as Array<{ folder: string; sha256: string }>;
  db.close();
  return rows.map((r) => `${r.folder}:${r.sha256}`).sort();
}

function jobPosition(dataDir: string): { position: number; state: string } | undefined {
  try {
    const db = new Database(join(dataDir, 'facteur.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT position, state FROM import_jobs ORDER BY id DESC LIMIT 1').get() as { position: number; state: string } | undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // not created or not migrated yet
  }
}

describe('an import killed mid-way', () => {
  it('resumes from its checkpoint when run again and ends with the store an uninterrupted import makes', async () => {
    const source = mboxFile(Array.from({ length: COUNT }, (_, i) => importMessage(i + 1, { body: `Ligne ${i}\n`.repeat(40) })));

    const whole = tempDir();
    const uninterrupted = runCliJson<ImportReport>(whole, ['import', source]);
    expect(uninterrupted).toMatchObject({ state: 'done', done: COUNT });

    const dataDir = tempDir();
    const child = spawnCli(dataDir, ['import', source, '--json']);
    const exited = once(child, 'exit');
    let seen: { position: number; state: string } | undefined;
    for (let i = 0; i < 2000; i++) {
      seen = jobPosition(dataDir);
      if (seen && seen.position > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = jobPosition(dataDir)!;
    // Killed while running, with part of the mail stored: the test means something only then.
    expect(atKill.state).toBe('running');
    expect(atKill.position).toBeGreaterThan(0);
    expect(atKill.position).toBeLessThan(COUNT);
    // Nothing beyond the checkpoint was committed: rows and checkpoint move together.
    expect(contents(dataDir)).toHaveLength(atKill.position);

    const resumed = runCliJson<ImportReport>(dataDir, ['import', source]);
    expect(resumed).toMatchObject({ state: 'done', done: COUNT, failures: [] });
    expect(resumed.folders.reduce((n, f) => n + f.found, 0)).toBe(COUNT);
    expect(contents(dataDir)).toEqual(contents(whole));
  });
});
