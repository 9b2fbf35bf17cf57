import { open, opendir, stat, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isEnvelopeLine, isHeaderFieldLine } from './mboxrd.js';
import { isMboxFile } from './mbox-tree.js';
import { sourcePathError } from './source-path-error.js';

export type DetectedFormat = 'pst' | 'msg' | 'eml' | 'mbox' | 'eml-dir' | 'msg-dir' | 'mbox-dir' | 'unknown';

/** What is read of a file to decide: a header block, or the first messages of an mbox. */
const HEAD_BYTES = 64 * 1024;
/** A folder is searched this far for message files (entries seen), so a huge tree answers quickly. */
const DIR_ENTRIES_SEEN = 5000;
/** Files whose first bytes are read to find an mbox among them. */
const MBOX_PROBES = 200;

const PST_MAGIC = Buffer.from('!BDN');
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream names only Outlook items have ([MS-OXMSG] §2.2), as they sit in the CFB directory (UTF-16LE). */
const MSG_STREAMS = ['__substg1.0_', '__properties_version1.0', '__nameid_version1.0', '__recip_version1.0_', '__attach_version1.0_'].map((n) =>
  Buffer.from(n, 'utf16le'),
);
/** Header fields a message has; a file of "Name: value" lines without any of them is some other text. */
const MAIL_FIELDS = new Set([
  'from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path', 'delivered-to', 'mime-version',
  'content-type', 'sender', 'reply-to', 'in-reply-to', 'references', 'newsgroups', 'path', 'x-mailer',
]);

/**
 * The format of a file or folder to import, from its content: the extension only settles the one ambiguous case,
 * a single message with an mbox envelope line on top, which mail programs save as .eml too.
 */
export async function detectFormat(path: string): Promise<DetectedFormat> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw sourcePathError(path, error);
  }
  return isDirectory ? detectDirectory(path) : detectFile(path);
}

async function detectFile(path: string): Promise<DetectedFormat> {
  const file = await open(path, 'r').catch((error: unknown) => {
    throw sourcePathError(path, error);
  });
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    const bytes = head.subarray(0, bytesRead);
    if (startsWith(bytes, PST_MAGIC)) return 'pst';
    if (startsWith(bytes, CFB_MAGIC)) return (await isOutlookItem(file, bytes)) ? 'msg' : 'unknown';
    const text = withoutBom(bytes).toString('latin1');
    const lines = text.replace(/^[\r\n]+/, '').split('\n').map((l) => l.replace(/\r$/, ''));
    if (isEnvelopeLine(lines[0] ?? '', lines[1] ?? null)) {
      return extname(path).toLowerCase() === '.eml' && !hasSecondEnvelope(lines) ? 'eml' : 'mbox';
    }
    return looksLikeHeaderBlock(lines) ? 'eml' : 'unknown';
  } finally {
    await file.close();
  }
}

function hasSecondEnvelope(lines: string[]): boolean {
  return lines.some((line, i) => i > 0 && isEnvelopeLine(line, lines[i + 1] ?? null));
}

/** Lines that open a header block: the first is a field, and the fields before the first blank line include a mail one. */
function looksLikeHeaderBlock(lines: string[]): boolean {
  if (!lines[0] || !isHeaderFieldLine(lines[0])) return false;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    if (!isHeaderFieldLine(line)) return false;
    if (MAIL_FIELDS.has(line.slice(0, line.indexOf(':')).trim().toLowerCase())) return true;
  }
  return false;
}

/**
 * A compound file is also what Word, Excel and installers use; an Outlook item has its "__substg1.0_" streams.
 * They are named in the directory, whose first sector the header points to ([MS-CFB] §2.2); failing that (a
 * directory that starts with other entries), the first megabyte is searched.
 */
async function isOutlookItem(file: FileHandle, head: Buffer): Promise<boolean> {
  if (head.length < 512) return false;
  const sectorSize = 2 ** head.readUInt16LE(0x1e);
  const firstDirectorySector = head.readUInt32LE(0x30);
  const sector = Buffer.alloc(Math.min(sectorSize, 4096));
  const { bytesRead } = await file.read(sector, 0, sector.length, (firstDirectorySector + 1) * sectorSize);
  if (hasMsgStream(sector.subarray(0, bytesRead))) return true;
  const start = Buffer.alloc(1024 * 1024);
  const read = await file.read(start, 0, start.length, 0);
  return hasMsgStream(start.subarray(0, read.bytesRead));
}

const hasMsgStream = (bytes: Buffer) => MSG_STREAMS.some((name) => bytes.indexOf(name) >= 0);

/**
 * A folder holding .eml files (anywhere below it) is an EML tree; else one holding .msg files, a folder of MSG;
 * else one holding mbox files (Thunderbird's "Inbox" without extension, "Inbox.mbox"), an mbox tree (mbox-tree.ts).
 */
async function detectDirectory(path: string): Promise<DetectedFormat> {
  const pending = [path];
  let seen = 0;
  let probed = 0;
  let msg = false;
  let mbox = false;
  while (pending.length > 0 && seen < DIR_ENTRIES_SEEN) {
    const dir = pending.shift()!;
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      continue;
    }
    for await (const entry of handle) {
      if (++seen > DIR_ENTRIES_SEEN) break;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (/\.eml$/i.test(entry.name)) return 'eml-dir';
      else if (/\.msg$/i.test(entry.name)) msg = true;
      else if (!mbox && entry.isFile() && probed++ < MBOX_PROBES && (await stat(full).then((i) => i.size, () => 0)) > 0) mbox = await isMboxFile(full);
    }
  }
  return msg ? 'msg-dir' : mbox ? 'mbox-dir' : 'unknown';
}

const startsWith = (bytes: Buffer, prefix: Buffer) => bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
const withoutBom = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
