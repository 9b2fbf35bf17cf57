import { stat } from 'node:fs/promises';
import { PSTFile, PSTFolder, PSTMessage } from 'pst-extractor';
import { EngineError } from '../errors.js';
import { itemKind } from './item-class.js';
import { mapiToMime } from './msg-to-mime.js';
import { pstToMapi } from './pst-message.js';
import { makeLongCompareByValue, pstLong } from './pst-long-compare.js';
import { cachePstReads } from './pst-read-cache.js';
import { NO_NON_MAIL, type ImportItem, type ImportSource, type NonMailCounts } from './source.js';
import { sourcePathError } from './source-path-error.js';

makeLongCompareByValue();
cachePstReads();

const PR_IPM_SUBTREE_ENTRYID = 0x35e0;
const PR_PST_PASSWORD = 0x67ff;
const NID_TYPE_NORMAL_FOLDER = 0x02;

interface StoreReader {
  getIntItem(tag: number): number;
  getBinaryItem(tag: number): Buffer | null;
}

/**
 * A PST or OST file (Outlook 97–2002 ANSI, 2003+ Unicode, 2013 4K pages). The mail folders under the store's top
 * (its IPM subtree: what Outlook shows; search folders, views and reminders are not mail) are walked depth first, a
 * folder's own items before its subfolders, each list in the order the file keeps it, so positions are stable.
 * Contacts, calendar items, tasks and notes are counted, not imported. A message that cannot be read becomes a
 * failure item and the walk goes on; a folder whose lists cannot be read is one failure item, and its siblings
 * are still read.
 *
 * A PST password (PR_PST_PASSWORD) is a lock in Outlook's user interface, not encryption: the data reads without
 * it, as readpst reads it, so such a file imports like any other and `passwordProtected` says it had one.
 * "High" (cyclic) encryption is not supported by the reader and is refused with a message that says so.
 */
export async function openPstSource(path: string): Promise<PstSource> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new EngineError('INVALID_INPUT', `${path} is not a file.`);
  } catch (error) {
    throw sourcePathError(path, error);
  }
  let file: PSTFile;
  try {
    file = quietly(() => new PSTFile(path));
  } catch (error) {
    throw openError(path, error as Error);
  }
  return new PstSource(file);
}

function openError(path: string, error: Error): EngineError {
  const message = error.message;
  if (/Invalid file header/.test(message)) return new EngineError('INVALID_INPUT', `${path} is not an Outlook data file (.pst or .ost).`);
  if (/Unrecognised PST File version/.test(message)) {
    return new EngineError('INVALID_INPUT', `${path} is an Outlook data file of a version this reader does not know.`);
  }
  if (/PST is encrypted/.test(message)) {
    return new EngineError('INVALID_INPUT',
      `${path} uses Outlook's "high" encryption, which cannot be read here. In Outlook, export its folders to a new .pst file (File, Open & Export, Import/Export) and import that one.`);
  }
  return new EngineError('INVALID_INPUT', `${path} cannot be read as an Outlook data file: ${message}`);
}

export class PstSource implements ImportSource {
  readonly format = 'pst' as const;
  /** The file has an Outlook password; it was read all the same (see above). */
  readonly passwordProtected: boolean;
  private counts: NonMailCounts = { ...NO_NON_MAIL };

  constructor(private readonly file: PSTFile) {
    const crc = (file.getMessageStore() as unknown as StoreReader).getIntItem(PR_PST_PASSWORD);
    // OSTs carry 0xFFFFFFFF here: they have no password of their own.
    this.passwordProtected = crc !== 0 && crc !== -1 && crc !== 0xffffffff;
  }

  async *items(from: number): AsyncIterable<ImportItem> {
    this.counts = { ...NO_NON_MAIL };
    let position = 0;
    for (const entry of this.walk(this.top(), [])) {
      if (position++ < from) continue;
      yield entry.read();
    }
  }

  /** Knowing it would mean opening every item (the contents tables do not say which are mail). */
  async count(): Promise<number | null> {
    return null;
  }

  nonMail(): NonMailCounts {
    return { ...this.counts };
  }

  async close(): Promise<void> {
    this.file.close();
  }

  /**
   * The IPM subtree, found by the entry id the store keeps for it. An OST's store has none; its subtree is the
   * IPM_SUBTREE folder of "Root - Mailbox" (the one under "Root - Public" holds cached public folders).
   */
  private top(): PSTFolder {
    const root = quietly(() => this.file.getRootFolder());
    const entryId = (this.file.getMessageStore() as unknown as StoreReader).getBinaryItem(PR_IPM_SUBTREE_ENTRYID);
    const nid = entryId && entryId.length >= 24 ? entryId.readUInt32LE(20) : null;
    if (nid !== null) {
      try {
        return quietly(() => new PSTFolder(this.file, this.file.getDescriptorIndexNode(pstLong(nid) as never)));
      } catch {
        // a stale or damaged entry id: look for the folder below
      }
    }
    const named: { folder: PSTFolder; parent: string }[] = [];
    let level = [root];
    for (let depth = 0; depth < 3 && level.length; depth++) {
      const next: PSTFolder[] = [];
      for (const folder of level) {
        for (const sub of subfoldersOrEmpty(folder)) {
          if (nid !== null && sub.descriptorNodeId.toNumber() === nid) return sub;
          if (sub.displayName.toUpperCase() === 'IPM_SUBTREE') named.push({ folder: sub, parent: folder.displayName });
          next.push(sub);
        }
      }
      level = next;
    }
    return (named.find((n) => /mailbox/i.test(n.parent)) ?? named[0])?.folder ?? root;
  }

  /**
   * Every position in order, as a thunk that reads it: skipping to a checkpoint still opens each item (to know mail
   * from contacts) but builds no message.
   */
  private *walk(folder: PSTFolder, path: string[]): Generator<{ read(): ImportItem }> {
    const where = path.join('/') || '(top)';
    yield* this.folderItems(folder, path, where);
    let subs: PSTFolder[];
    try {
      subs = quietly(() => folder.getSubFolders());
    } catch (error) {
      const recovered = this.subfoldersFromNodeTree(folder);
      const lost = recovered.lost ? ` ${recovered.lost} of them could not be opened.` : '';
      yield failure(path, `${where}/`,
        `The list of subfolders of this folder is damaged (${(error as Error).message}); ${recovered.folders.length} subfolder(s) were found another way.${lost}`);
      subs = recovered.folders;
    }
    for (const sub of subs) {
      const name = sub.displayName.trim() || `(folder ${sub.descriptorNodeId.toNumber()})`;
      yield* this.walk(sub, [...path, name]);
    }
  }

  /**
   * When a folder's hierarchy table is damaged its subfolders are still listed, by parent, in the node b-tree (the
   * same fallback pst-extractor uses for damaged contents tables). Ordered by node id, so positions stay stable.
   */
  private subfoldersFromNodeTree(folder: PSTFolder): { folders: PSTFolder[]; lost: number } {
    const folders: PSTFolder[] = [];
    let lost = 0;
    try {
      const children = quietly(() => this.file.getChildDescriptorTree()).get(folder.descriptorNodeId.toNumber()) ?? [];
      const nodes = children.filter((n) => (n.descriptorIdentifier & 0x1f) === NID_TYPE_NORMAL_FOLDER)
        .sort((a, b) => a.descriptorIdentifier - b.descriptorIdentifier);
      for (const node of nodes) {
        try {
          folders.push(quietly(() => new PSTFolder(this.file, node)));
        } catch {
          lost++;
        }
      }
    } catch {
      // the node b-tree itself is damaged: nothing more to find
    }
    return { folders, lost };
  }

  private *folderItems(folder: PSTFolder, path: string[], where: string): Generator<{ read(): ImportItem }> {
    let total: number;
    try {
      total = folder.contentCount;
    } catch (error) {
      yield failure(path, `${where} #0`, `The folder's list of items cannot be read: ${(error as Error).message}`);
      return;
    }
    const cursor = folder as unknown as { currentEmailIndex: number };
    let index = 0;
    while (index < total) {
      let child: PSTMessage | null;
      try {
        child = quietly(() => folder.getNextChild() as PSTMessage | null);
      } catch (error) {
        yield failure(path, `${where} #${index}`, `This item cannot be read: ${(error as Error).message}`);
        folder.moveChildCursorTo(++index);
        continue;
      }
      const after = cursor.currentEmailIndex;
      // getNextChild skips items it fails to load (it only logs them): each skipped one is a failure here.
      const loadedAt = child ? after - 1 : after;
      for (; index < loadedAt; index++) yield failure(path, `${where} #${index}`, 'This item cannot be read (the PST reader could not load it).');
      if (!child) {
        if (index < total) yield failure(path, `${where} #${index}`, `The folder lists ${total} items but only ${index} could be found.`);
        return;
      }
      const kind = itemKind(child.messageClass);
      if (kind === 'mail') yield mailEntry(child, path, `${where} #${index} (node ${child.descriptorNodeId.toNumber()})`);
      else this.counts[kind]++;
      index = after;
    }
  }
}

function mailEntry(child: PSTMessage, folder: string[], key: string): { read(): ImportItem } {
  return {
    read: () => {
      try {
        return { folder, key, raw: quietly(() => mapiToMime(pstToMapi(child))) };
      } catch (error) {
        return { folder, key, failure: `This message cannot be read: ${(error as Error).message}` };
      }
    },
  };
}

function failure(folder: string[], key: string, reason: string): { read(): ImportItem } {
  return { read: () => ({ folder, key, failure: reason }) };
}

function subfoldersOrEmpty(folder: PSTFolder): PSTFolder[] {
  try {
    return quietly(() => folder.getSubFolders());
  } catch {
    return [];
  }
}

/**
 * pst-extractor reports item-level trouble (unknown message classes, skipped rows) with console.log/error, once
 * per item: in a large file that floods the output of the process that runs the import. What matters reaches the
 * caller as failure items instead. The calls are synchronous, so nothing else logs while the console is muted.
 */
function quietly<T>(read: () => T): T {
  const { log, error } = console;
  console.log = () => {};
  console.error = () => {};
  try {
    return read();
  } finally {
    console.log = log;
    console.error = error;
  }
}
