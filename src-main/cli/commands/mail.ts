import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { SearchField } from '../../../src-shared/contract/messages.js';
import { idArgument, intOption, type CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

export async function foldersCommand(ctx: CliContext): Promise<number> {
  const { engine, client } = await ctx.open();
  try {
    const tree = await client.api.folders.tree();
    if (ctx.options.json) printJson(tree.folders);
    else for (const f of tree.folders) printLine(`${String(f.id).padStart(5)}  ${f.path}  (${f.unread}/${f.total})`);
    return 0;
  } finally {
    await engine.close();
  }
}

export async function messagesCommand(ctx: CliContext): Promise<number> {
  if (!ctx.options.folder) throw new UsageError('messages needs --folder PATH_OR_ID (see "facteur folders").');
  const { engine, client } = await ctx.open();
  try {
    const folder = await resolveFolder(client, ctx.options.folder);
    const list = await client.api.messages.list({ folderId: folder, limit: intOption(ctx.options.limit, 'limit', 50) });
    if (ctx.options.json) printJson(list.items);
    else {
      for (const m of list.items) {
        printLine(`${String(m.id).padStart(6)}  ${m.date?.slice(0, 16).replace('T', ' ') ?? '—'.padEnd(16)}  ${m.from ? formatAddress(m.from) : ''}  ${m.subject}`);
      }
      printLine(`${list.items.length} of ${list.total} shown.`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}

export async function showCommand(ctx: CliContext): Promise<number> {
  const id = idArgument(ctx.args[0], 'message id');
  const { engine, client } = await ctx.open();
  try {
    if (ctx.options.raw) {
      const source = await client.api.messages.source({ id });
      if (ctx.options.json) printJson(source);
      else process.stdout.write(Buffer.from(source.raw, 'base64'));
      return 0;
    }
    const m = await client.api.messages.get({ id });
    if (ctx.options.json) printJson(m);
    else {
      printLine(`Subject: ${m.subject}`);
      if (m.from) printLine(`From: ${formatAddress(m.from)}`);
      if (m.to.length) printLine(`To: ${m.to.map(formatAddress).join(', ')}`);
      if (m.cc.length) printLine(`Cc: ${m.cc.map(formatAddress).join(', ')}`);
      printLine(`Date: ${m.date ?? 'unknown'}`);
      printLine(`Folder: ${m.folder}`);
      if (m.malformed) printLine(`Malformed: ${m.malformedReason}`);
      for (const a of m.attachments) printLine(`Attachment: ${a.filename} (${a.contentType}, ${a.size} bytes)`);
      printLine();
      printLine(m.text ?? '(no text part; open it in the app to read the HTML)');
    }
    return 0;
  } finally {
    await engine.close();
  }
}

export async function ingestCommand(ctx: CliContext): Promise<number> {
  if (ctx.args.length === 0) throw new UsageError('ingest needs at least one .eml file or folder of them.');
  const files = ctx.args.flatMap(expandEmlFiles);
  const { engine, client } = await ctx.open();
  const results: Array<{ file: string; id: number; duplicate: boolean; malformed: boolean }> = [];
  try {
    const folder = ctx.options.folder === undefined ? undefined : await resolveFolder(client, ctx.options.folder);
    for (const file of files) {
      const raw = readFileSync(file);
      const r = await client.api.messages.ingest({ folder, raw: raw.toString('base64') });
      results.push({ file, ...r });
      if (!ctx.options.json) {
        printLine(`${r.duplicate ? 'already stored' : 'stored'} ${file} as message ${r.id}${r.malformed ? ' (flagged malformed)' : ''}`);
      }
    }
    if (ctx.options.json) printJson(results);
    return 0;
  } finally {
    await engine.close();
  }
}

function expandEmlFiles(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) throw new UsageError(`No file or folder at ${path}.`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? expandEmlFiles(join(path, e.name)) : extname(e.name).toLowerCase() === '.eml' ? [join(path, e.name)] : []));
}

export async function resolveFolder(client: Awaited<ReturnType<CliContext['open']>>['client'], ref: string): Promise<number> {
  const tree = await client.api.folders.tree();
  const found = /^\d+$/.test(ref) ? tree.folders.find((f) => f.id === Number(ref)) : tree.folders.find((f) => f.path.toLowerCase() === ref.toLowerCase());
  if (!found) throw new UsageError(`No folder "${ref}". Folders are named by id or by path, e.g. "Local Folders/Inbox"; list them with "facteur folders".`);
  return found.id;
}

/** `facteur search QUERY [--field F] [--folder PATH_OR_ID] [--limit N] [--json]`: the app's search from the shell. */
export async function searchCommand(ctx: CliContext): Promise<number> {
  const query = ctx.args.join(' ');
  const fields = SearchField.options;
  const field = (ctx.options.field ?? 'subject-people') as SearchField;
  if (!fields.includes(field)) throw new UsageError(`--field takes ${fields.join(', ')}.`);
  const { engine, client } = await ctx.open();
  try {
    const folderId = ctx.options.folder === undefined ? null : await resolveFolder(client, ctx.options.folder);
    const found = await client.api.messages.search({ query, field, folderId, limit: intOption(ctx.options.limit, 'limit', 50) });
    if (ctx.options.json) printJson(found.items);
    else {
      for (const m of found.items) printLine(`${String(m.id).padStart(6)}  ${m.date?.slice(0, 10) ?? '—'.padEnd(10)}  ${m.from ? formatAddress(m.from) : ''}  ${m.subject}`);
      printLine(`${found.items.length}${found.more ? '+' : ''} found.`);
    }
    return 0;
  } finally {
    await engine.close();
  }
}
