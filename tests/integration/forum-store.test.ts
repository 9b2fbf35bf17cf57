import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppFile } from '../../src-main/engine/app-files.js';
import { CONVERSATION_LOOKUPS } from '../../src-main/engine/store/conversation-repo.js';
import { FoldersRepo } from '../../src-main/engine/store/folders-repo.js';
import { MessagesRepo } from '../../src-main/engine/store/messages-repo.js';
import { openStore } from '../../src-main/engine/store/open.js';
import { openTestEngine } from '../helpers/engine.js';
import { migrationCount, migrationsFolder } from '../helpers/migrations.js';
import { tempDir } from '../helpers/temp.js';
import { mail } from '../helpers/thread-mail.js';

/** Migration 0007 (message_conversation) and the forum's queries on the store. */
describe('the forum store', () => {
  it('upgrades a store with mail in it: old messages thread by References, without the keys they were never given', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'facteur.sqlite');
    const before = await openStore({ file, backupsDir: join(dataDir, 'backups'), migrationsFolder: migrationsFolder(7) });
    const folders = new FoldersRepo(before.sqlite);
    folders.ensureLocalFolders();
    new MessagesRepo(before.sqlite).insert({
      folderId: folders.localByKind('sent').id, accountId: null, messageId: 'old@facteur.test', inReplyTo: null, references: [],
      subject: 'Offre de printemps', addresses: { from: [{ name: 'Céline', address: 'celine@facteur.test' }], to: [], cc: [], bcc: [], 'reply-to': [] },
      date: new Date(Date.UTC(2026, 2, 1)), receivedAt: new Date(), direction: 'out',
      flags: { seen: true, flagged: false, answered: false, draft: false, junk: false, mdnSent: false },
      malformedReason: null, ownerAgentId: null, sha256: 'a'.repeat(64), size: 10,
      source: { format: 'raw', inline: Buffer.from('x'), blob: null }, headers: '', text: 'x', html: null, snippet: '', attachments: [],
    });
    before.close();

    const { api, engine } = await openTestEngine(dataDir);
    try {
      expect(engine.schemaVersion).toBe(migrationCount());
      const reply = await api.messages.ingest({
        raw: mail({ id: 'new@client.fr', subject: 'Re: Offre de printemps', minute: 0, references: ['old@facteur.test'] }).toString('base64'),
      });
      // A keyless "Re:" arriving now finds no subject key on the old message: subjects were not backfilled.
      const keyless = await api.messages.ingest({ raw: mail({ id: 'k@client.fr', subject: 'Re: Offre de printemps', minute: 1 }).toString('base64') });
      const { nodes } = await api.threads.conversation({ messageId: reply.id });
      expect(nodes.map((n) => [n.depth, n.subject, n.folder])).toEqual([
        [0, 'Offre de printemps', 'Local Folders/Sent'],
        [1, 'Re: Offre de printemps', 'Local Folders/Inbox'],
      ]);
      expect((await api.threads.conversation({ messageId: keyless.id })).nodes.map((n) => n.id)).toEqual([keyless.id]);
    } finally {
      await engine.close();
    }
  });

  it('answers every forum query from an index, never by reading a table through', async () => {
    const dataDir = tempDir();
    const store = await openStore({ file: join(dataDir, 'facteur.sqlite'), backupsDir: join(dataDir, 'backups'), migrationsFolder: findAppFile('migrations') });
    try {
      const plans = Object.fromEntries(
        Object.entries(CONVERSATION_LOOKUPS).map(([name, sql]) => {
          const params = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => '["x"]');
          const plan = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
          return [name, plan.map((p) => p.detail).join(' | ')];
        }),
      );
      for (const [name, plan] of Object.entries(plans)) {
        expect(plan, name).not.toMatch(/\bSCAN (messages|m|message_refs|message_conversation|c)\b/);
      }
      expect(plans.byThreadIndex).toContain('message_conversation_thread_index');
      expect(plans.reports).toContain('message_conversation_report_original');
      expect(plans.subjectReplies).toContain('message_conversation_subject');
      expect(plans.subjectOriginal).toContain('message_conversation_subject');
      // The subject range is read in index order: no sort of every message that shares the subject.
      expect(plans.subjectReplies).not.toContain('TEMP B-TREE');
      expect(plans.subjectOriginal).not.toContain('TEMP B-TREE');
    } finally {
      store.close();
    }
  });
});
