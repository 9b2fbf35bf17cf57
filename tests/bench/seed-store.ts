import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findAppFile } from '../../src-main/engine/app-files.js';
import { FoldersRepo } from '../../src-main/engine/store/folders-repo.js';
import { MessagesRepo } from '../../src-main/engine/store/messages-repo.js';
import { openStore } from '../../src-main/engine/store/open.js';

const FIRST = ['Céline', 'Ana', 'Ștefan', 'Renée', 'Ioana', 'Marc', 'Élodie', 'Mihai', 'Hélène', 'Radu'];
const LAST = ['Béranger', 'Ionescu', 'Țîrcă', 'Façade', 'Popescu', 'Durand', 'Lefèvre', 'Constantin', 'Moreau', 'Dumitru'];
const WORDS = ['facture', 'devis', 'réunion', 'ședința', 'contrat', 'livraison', 'paiement', 'ofertă', 'maintenance', 'relance', 'commande', 'echipa'];

/** A folder to fill: `null` is Local Folders/Inbox, a name is a user folder at the top of Local Folders. */
export interface SeedFolder {
  name: string | null;
  count: number;
}

/**
 * Rows written straight through the repos: a benchmark needs big folders quickly, not a parse of each mail.
 * Message n is the same in every store (people, words, date n hours after 2020-01-01), so figures stay comparable.
 * Returns the folders' ids, in the order given.
 */
export async function seedStore(dataDir: string, folders: SeedFolder[]): Promise<number[]> {
  const store = await openStore({ file: join(dataDir, 'facteur.sqlite'), migrationsFolder: findAppFile('migrations'), backupsDir: join(dataDir, 'backups') });
  const foldersRepo = new FoldersRepo(store.sqlite);
  foldersRepo.ensureLocalFolders();
  const repo = new MessagesRepo(store.sqlite);
  const write = store.sqlite.transaction((folderId: number, from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const name = `${FIRST[n % 10]} ${LAST[(n * 7) % 10]}`;
      const address = `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}${n % 97}@exemple${n % 13}.fr`;
      const w = (k: number) => WORDS[(n * k) % WORDS.length]!;
      repo.insert({
        folderId, accountId: null, messageId: `b${n}@x`, inReplyTo: null, references: [],
        subject: `${w(3)} n° ${n} — ${w(5)}`,
        addresses: { from: [{ name, address }], to: [{ name: 'Facteur', address: 'contact@facteur.test' }], cc: [], bcc: [], 'reply-to': [] },
        date: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000), receivedAt: new Date(), direction: 'in',
        flags: { seen: n % 3 === 0, flagged: false, answered: false, draft: false, junk: false, mdnSent: false },
        malformedReason: null, ownerAgentId: null, sha256: `${n}`.padStart(64, '0'), size: 2000,
        source: { format: 'raw', inline: Buffer.from('x'), blob: null }, headers: '',
        text: `Bonjour, ${w(2)} et ${w(7)} pour le dossier ${n}. Cordialement, ${name}.`, html: null, snippet: '',
        attachments: n % 4 === 0 ? [{ filename: `${w(11)}-${n}.${n % 8 === 0 ? 'pdf' : 'xlsx'}`, contentType: 'application/pdf', size: 1, contentId: null, inline: false, sha256: 'a'.repeat(64) }] : [],
      });
    }
  });
  const ids: number[] = [];
  let next = 0;
  for (const folder of folders) {
    const folderId = folder.name === null ? foldersRepo.localByKind('inbox').id : foldersRepo.create(null, folder.name, null);
    for (let i = 0; i < folder.count; i += 5000) write(folderId, next + i, next + Math.min(folder.count, i + 5000));
    next += folder.count;
    ids.push(folderId);
  }
  store.close();
  return ids;
}

/**
 * A seeded store kept between runs under the system's temp folder, rebuilt when the folders asked for or the
 * migrations change (a new index changes what is measured). The caller must only read it: runs share it.
 */
export async function cachedStore(label: string, folders: SeedFolder[], log: (line: string) => void): Promise<{ dataDir: string; folderIds: number[] }> {
  const migrations = readdirSync(findAppFile('migrations')).sort().join('\n');
  const key = createHash('sha256').update(JSON.stringify({ folders, migrations, seed: 1 })).digest('hex').slice(0, 12);
  const root = join(tmpdir(), 'facteur-bench-cache');
  const dataDir = join(root, `${label}-${key}`);
  const idsFile = join(dataDir, 'bench-folders.json');
  if (existsSync(idsFile)) {
    log(`reusing the store at ${dataDir}`);
    return { dataDir, folderIds: JSON.parse(readFileSync(idsFile, 'utf8')) as number[] };
  }
  // Built aside and renamed into place, so a run stopped halfway never leaves a half-filled store to reuse.
  const building = join(root, `${label}-${key}.${process.pid}.building`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const t = performance.now();
  const folderIds = await seedStore(building, folders);
  writeFileSync(join(building, 'bench-folders.json'), JSON.stringify(folderIds));
  // Stores for older migrations or other counts are of no further use; each is some 130 MB.
  for (const old of readdirSync(root)) if (old.startsWith(`${label}-`) && old !== basename(building)) rmSync(join(root, old), { recursive: true, force: true });
  renameSync(building, dataDir);
  log(`built the store in ${((performance.now() - t) / 1000).toFixed(1)} s at ${dataDir}`);
  return { dataDir, folderIds };
}
