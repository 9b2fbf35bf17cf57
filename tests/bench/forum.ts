import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src-shared/contract/client.js';
import { findAppFile } from '../../src-main/engine/app-files.js';
import { startEngine } from '../../src-main/engine/engine.js';
import { subjectKey } from '../../src-main/engine/mail/subject-key.js';
import { saveConversationKeys } from '../../src-main/engine/store/conversation-repo.js';
import { FoldersRepo } from '../../src-main/engine/store/folders-repo.js';
import { MessagesRepo, type NewMessage } from '../../src-main/engine/store/messages-repo.js';
import { openStore } from '../../src-main/engine/store/open.js';
import { nodeShell } from '../../src-main/hosts/node/shell.js';
import { percentile } from './stats.js';

const SUBJECTS = ['Facture', 'Devis cuisine', 'Réunion lundi', 'Livraison', 'Contrat', 'Ofertă', 'Ședința', 'Commande'];
const THREAD = 8;

/**
 * `facteur thread` on a store of `--count` messages (50,000 by default) in conversations of eight: replies by
 * References, an Outlook reply by Thread-Index only, a read receipt, a keyless "Re:" grouped by subject, and
 * subjects shared by many conversations (the subject index must not pull them in). Rows are written through the
 * repos, as a bench needs a big store quickly, not a parse of each mail.
 */
export async function benchForum(args: string[]): Promise<void> {
  const countFlag = args.indexOf('--count');
  const count = countFlag >= 0 ? Number(args[countFlag + 1]) : 50_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'facteur-bench-forum-'));
  try {
    await seed(dataDir, count);
    const engine = await startEngine({ dataDir, host: 'cli', shell: nodeShell(dataDir, () => undefined) });
    const api = createClient(engine.transport()).api;
    const times: number[] = [];
    const generic: number[] = [];
    const gets: number[] = [];
    let nodes = 0;
    for (let i = 0; i < 300; i++) {
      const id = 1 + ((i * 7919) % count);
      let t = performance.now();
      nodes += (await api.threads.conversation({ messageId: id })).nodes.length;
      (Math.floor((id - 1) / THREAD) % 10 === 0 ? generic : times).push(performance.now() - t);
      t = performance.now();
      await api.messages.get({ id });
      gets.push(performance.now() - t);
    }
    process.stdout.write(`store: ${count} messages in conversations of ${THREAD}; 300 conversations opened, ${(nodes / 300).toFixed(1)} nodes each\n`);
    process.stdout.write(`threads.conversation, own subject      p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms\n`);
    process.stdout.write(`threads.conversation, shared subject   p50 ${percentile(generic, 50).toFixed(2)} ms  p95 ${percentile(generic, 95).toFixed(2)} ms\n`);
    process.stdout.write(`messages.get (baseline)               p50 ${percentile(gets, 50).toFixed(2)} ms  p95 ${percentile(gets, 95).toFixed(2)} ms\n`);
    await engine.close();
  } finally {
    if (process.env.KEEP_BENCH_STORE) process.stdout.write(`store kept at ${dataDir}\n`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seed(dataDir: string, count: number): Promise<void> {
  const store = await openStore({ file: join(dataDir, 'facteur.sqlite'), migrationsFolder: findAppFile('migrations'), backupsDir: join(dataDir, 'backups') });
  const folders = new FoldersRepo(store.sqlite);
  folders.ensureLocalFolders();
  const inbox = folders.localByKind('inbox').id;
  const repo = new MessagesRepo(store.sqlite);
  const write = store.sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const conversation = Math.floor(n / THREAD);
      const k = n % THREAD;
      const root = `c${conversation}@bench`;
      // One conversation in ten has a generic subject that hundreds of others share.
      const generic = SUBJECTS[conversation % SUBJECTS.length]!;
      const base = conversation % 10 === 0 ? generic : `${generic} n° ${conversation}`;
      const references = k === 0 || k >= 5 ? [] : [root, ...Array.from({ length: k - 1 }, (_v, i) => `c${conversation}.${i + 1}@bench`)];
      const subject = k === 0 ? base : `Re: ${base}`;
      const row: NewMessage = {
        folderId: inbox, accountId: null, messageId: k === 0 ? root : `c${conversation}.${k}@bench`, inReplyTo: null, references,
        subject, addresses: { from: [{ name: 'Ana', address: `ana${n % 90}@exemplu.ro` }], to: [], cc: [], bcc: [], 'reply-to': [] },
        date: new Date(Date.UTC(2020, 0, 1) + n * 600_000), receivedAt: new Date(), direction: 'in',
        flags: { seen: false, flagged: false, answered: false, draft: false, junk: false, mdnSent: false },
        malformedReason: null, ownerAgentId: null, sha256: `${n}`.padStart(64, '0'), size: 2000,
        source: { format: 'raw', inline: Buffer.from('x'), blob: null }, headers: '', text: `Message ${n}.`, html: null, snippet: '', attachments: [],
      };
      const id = repo.insert(row);
      const index = `01${conversation.toString(16).padStart(42, '0')}`;
      saveConversationKeys(store.sqlite, id, {
        // 5: an Outlook reply with only a Thread-Index; 6: a read receipt; 7: a "Re:" with no key at all.
        threadIndex: k === 0 ? index : k === 5 ? `${index}0000000001` : null,
        report: k === 6 ? { kind: 'receipt', original: root } : null,
        subject: k === 0 || k === 5 || k === 7 ? { key: subjectKey(subject)!, reply: k !== 0 } : null,
      }, row.date!);
    }
  });
  for (let i = 0; i < count; i += 5000) write(i, Math.min(count, i + 5000));
  store.close();
}
