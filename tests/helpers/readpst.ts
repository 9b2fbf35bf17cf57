import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { tempDir } from './temp.js';

/**
 * readpst (libpst, Debian package pst-utils) as the reference reader for PST tests. CI installs it; a machine
 * without it fails the tests with this message rather than skipping them.
 */
export function requireReadpst(): void {
  const probe = spawnSync('readpst', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('readpst is not installed: the PST tests compare with it. Install the Debian package pst-utils (apt-get install -y pst-utils).');
  }
}

/** What both readers are compared on, per message. */
export interface MessageSummary {
  subject: string;
  /** The sender's SMTP address, '' when the message names none. */
  from: string;
  messageId: string;
  /** File attachments as [name, size]; name '' when the part has none. */
  files: [string, number][];
  /** Subjects of attached (embedded) messages. */
  embedded: string[];
}

export async function summarize(raw: Buffer): Promise<MessageSummary> {
  return summarizeParsed(await simpleParser(raw));
}

async function summarizeParsed(p: ParsedMail): Promise<MessageSummary> {
  const files: [string, number][] = [];
  const embedded: string[] = [];
  for (const a of p.attachments) {
    if (a.contentType === 'message/rfc822') embedded.push((await simpleParser(a.content)).subject ?? '');
    else files.push([a.filename ?? '', a.size]);
  }
  const address = p.from?.value[0]?.address ?? '';
  return {
    subject: p.subject ?? '',
    from: address,
    messageId: p.messageId ?? '',
    files: files.sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1)),
    embedded: embedded.sort(),
  };
}

export interface ReadpstResult {
  /** Messages by folder path below the store's top ('' for the top itself). */
  folders: Map<string, MessageSummary[]>;
  vcards: number;
  calendars: number;
}

/**
 * `readpst -D -e` (deleted items included, one .eml/.vcf/.ics file per item) into a temp folder, and its messages
 * summarized. Parts that readpst makes up rather than reads are left out so that the two readers are compared on
 * the item's own content: the raw RTF body it attaches as rtf-body.rtf, and the iCalendar rendering of a meeting
 * request (text/calendar parts). A sender with no SMTP address is written by readpst as "MAILER-DAEMON": ''.
 */
export async function runReadpst(pstPath: string): Promise<ReadpstResult> {
  const out = tempDir('readpst-');
  execFileSync('readpst', ['-q', '-D', '-e', '-j', '0', '-o', out, pstPath]);
  const folders = new Map<string, MessageSummary[]>();
  let vcards = 0;
  let calendars = 0;
  for (const file of filesUnder(out)) {
    if (file.endsWith('.vcf')) vcards++;
    if (file.endsWith('.ics')) calendars++;
    if (!file.endsWith('.eml')) continue;
    // The first directory is named after the store; the folders below it are the store's.
    const folder = relative(out, file).split(sep).slice(1, -1).join('/');
    const parsed = await simpleParser(readFileSync(file));
    parsed.attachments = parsed.attachments.filter((a) => a.filename !== 'rtf-body.rtf' && !a.contentType.startsWith('text/calendar'));
    const summary = await summarizeParsed(parsed);
    if (summary.from === 'MAILER-DAEMON') summary.from = '';
    folders.set(folder, [...(folders.get(folder) ?? []), summary]);
  }
  return { folders, vcards, calendars };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
