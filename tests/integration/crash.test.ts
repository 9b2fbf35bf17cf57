import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliJson, spawnCli } from '../helpers/cli.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

const COUNT = 1000;

/** Waits until the CLI has reported `n` stored messages on stdout. */
function afterStored(child: ReturnType<typeof spawnCli>, n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter((l) => l.startsWith('stored')).length;
      if (seen >= n) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The ingest finished (exit ${code}) before it could be killed; make the batch bigger.`)));
  });
}

describe('a crash in the middle of an ingest', () => {
  it('leaves a store that opens, passes db check, names no missing file, and takes the rest on a second run', async () => {
    const data = tempDir();
    const mail = join(tempDir(), 'mail');
    mkdirSync(mail);
    // Every fourth message carries an attachment, so blobs are being written when the kill lands.
    for (let n = 0; n < COUNT; n++) writeFileSync(join(mail, `${String(n).padStart(4, '0')}.eml`), simpleMessage(n, n % 4 === 0 ? { attachmentBytes: 20_000 } : {}));

    const child = spawnCli(data, ['ingest', mail]);
    await afterStored(child, 150);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const db = new Database(join(data, 'facteur.sqlite'), { readonly: true });
    const stored = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    db.close();
    expect(stored).toBeGreaterThanOrEqual(150);
    expect(stored).toBeLessThan(COUNT);

    const check = runCliJson<{ ok: boolean; integrity: string[]; missingBlobs: unknown[]; messages: number }>(data, ['db', 'check']);
    expect(check).toMatchObject({ ok: true, integrity: [], missingBlobs: [] });
    expect(check.messages).toBe(stored);

    // Running the same ingest again completes it without duplicating what was already committed.
    const second = runCliJson<Array<{ duplicate: boolean }>>(data, ['ingest', mail]);
    expect(second.filter((r) => r.duplicate)).toHaveLength(stored);
    const final = runCliJson<{ ok: boolean; messages: number }>(data, ['db', 'check']);
    expect(final).toMatchObject({ ok: true, messages: COUNT });
  });
});
