import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import type { Address, Draft, DraftAttachment } from '../../../src-shared/contract/index.js';
import type { CliContext } from '../context.js';
import { idArgument } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

const USAGE =
  'compose needs --account ID, --to A[,B] (or --for-contact ID), --subject S (or --template ID) and --body-file F.html or --text-file F.txt (or --template ID).';

/**
 * `facteur compose`: writes a message and queues it in the account's Outbox, built exactly as the composer's
 * (compose.send). It goes out with the next `facteur outbox send`, or by itself while the app runs.
 */
export async function composeCommand(ctx: CliContext): Promise<number> {
  const o = ctx.options;
  if (o.account === undefined) throw new UsageError(USAGE);
  const accountId = idArgument(o.account, 'account id');
  const templateId = o.template !== undefined ? idArgument(o.template, 'template id') : undefined;
  const contactId = o.forContact !== undefined ? idArgument(o.forContact, 'contact id') : undefined;
  if (o.bodyFile !== undefined && o.textFile !== undefined) throw new UsageError('Give either --body-file (HTML) or --text-file (plain text), not both.');
  if (o.to === undefined && contactId === undefined) throw new UsageError(USAGE);
  if (o.subject === undefined && templateId === undefined) throw new UsageError(USAGE);
  if (o.bodyFile === undefined && o.textFile === undefined && templateId === undefined) throw new UsageError(USAGE);
  // Everything from disk is read before the engine opens: a wrong path is the caller's mistake, not the store's.
  const html = o.bodyFile !== undefined ? readText(o.bodyFile) : undefined;
  const text = o.textFile !== undefined ? readText(o.textFile) : undefined;
  const files = (o.attach ?? []).map(readAttachment);
  const sendAt = o.sendAt !== undefined ? isoTime(o.sendAt) : null;

  const { engine, client } = await ctx.open();
  try {
    const started = await client.api.compose.start({ mode: 'new', contactId, templateId });
    const draft: Draft = {
      ...started.draft,
      accountId,
      to: o.to !== undefined ? addresses(o.to, 'to') : started.draft.to,
      cc: o.cc !== undefined ? addresses(o.cc, 'cc') : [],
      bcc: o.bcc !== undefined ? addresses(o.bcc, 'bcc') : [],
      subject: o.subject ?? started.draft.subject,
      html: text !== undefined ? '' : (html ?? started.draft.html),
      text: text ?? '',
      plainText: text !== undefined,
      attachments: [...started.draft.attachments, ...files],
      readReceipt: o.readReceipt ?? false,
      private: o.private ?? false,
      sendAt,
    };
    const sent = await client.api.compose.send({ draft });
    if (o.json) printJson(sent);
    else printLine(`Queued as message ${sent.messageId}, Message-ID ${sent.messageIdHeader}${sent.sendAt ? `, to be sent at ${sent.sendAt}` : ''}.`);
    return 0;
  } finally {
    await engine.close();
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the file ${path}.`);
  }
}

function readAttachment(path: string): DraftAttachment {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    throw new UsageError(`Cannot read the file to attach ${path}.`);
  }
  // The engine names the type from the file name when it is not given.
  return { kind: 'upload', filename: basename(path), contentType: '', data: data.toString('base64') };
}

/** "a@x.fr, Ana Popescu <ana@y.ro>" as addresses; what is not one is refused here, before anything is stored. */
function addresses(value: string, option: string): Address[] {
  const parsed = addressparser(value, { flatten: true }).map((a) => ({ name: a.name ?? '', address: a.address ?? '' }));
  const bad = parsed.filter((a) => !a.address.includes('@'));
  if (parsed.length === 0 || bad.length > 0) throw new UsageError(`--${option} takes addresses separated by commas, e.g. "ana@firma.ro, Jean Dupont <jean@exemple.fr>".`);
  return parsed;
}

function isoTime(value: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw new UsageError(`--send-at takes a date and time such as 2025-09-01T08:30+02:00, not "${value}".`);
  return new Date(ms).toISOString();
}
