import type { ImportReport } from '../../../src-shared/contract/index.js';
import type { CliContext } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';
import { resolveFolder } from './mail.js';

/**
 * `facteur import PATH [--into FOLDER] [--json]`: imports a PST, MSG, EML tree or mbox and waits for the end,
 * with progress on stderr. Run again after an interruption, it resumes where it stopped; Ctrl+C cancels cleanly.
 */
export async function importCommand(ctx: CliContext): Promise<number> {
  const path = ctx.args[0];
  if (!path || ctx.args.length > 1) throw new UsageError('import takes one file or folder: facteur import PATH [--into FOLDER].');
  const { engine, client } = await ctx.open();
  try {
    const targetFolderId = ctx.options.into === undefined ? null : await resolveFolder(client, ctx.options.into);
    const { job, resumed } = await client.api.imports.start({ path, targetFolderId });
    if (!ctx.options.json) process.stderr.write(`${resumed ? 'Resuming' : 'Importing'} ${job.sourcePath} (${job.format})…\n`);
    const cancel = () => void client.api.imports.cancel({ id: job.id });
    process.once('SIGINT', cancel);
    const state = await new Promise<string>((resolve) => {
      const off = client.on('import.progress', (p) => {
        if (p.jobId !== job.id) return;
        if (!ctx.options.json && process.stderr.isTTY) {
          process.stderr.write(`\r${p.done}${p.total !== null ? `/${p.total}` : ''} items, ${p.rate} per second ${p.folder ? `— ${p.folder}` : ''}\x1b[K`);
        }
        if (p.state !== 'running') {
          off();
          resolve(p.state);
        }
      });
      // A job that finished before the listener was in place.
      void client.api.imports.get({ id: job.id }).then((r) => {
        if (r.state !== 'running') {
          off();
          resolve(r.state);
        }
      });
    });
    process.removeListener('SIGINT', cancel);
    const report = await client.api.imports.get({ id: job.id });
    if (ctx.options.json) printJson(report);
    else printReport(report);
    return state === 'done' ? 0 : 1;
  } finally {
    await engine.close();
  }
}

function printReport(r: ImportReport): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
  printLine(`Import ${r.id} ${r.state}: ${r.done}${r.total !== null ? ` of ${r.total}` : ''} items from ${r.sourcePath}`);
  printLine('folder                                    found  imported  duplicates  variants  failed');
  for (const f of r.folders) {
    printLine(`${(f.path || '(top)').padEnd(40).slice(0, 40)} ${String(f.found).padStart(6)} ${String(f.imported).padStart(9)} ${String(f.duplicates).padStart(11)} ${String(f.variants).padStart(9)} ${String(f.failed).padStart(7)}`);
  }
  for (const f of r.failures) printLine(`failed: ${f.path}/${f.key}: ${f.reason}${f.messageId !== null ? ` (kept raw as message ${f.messageId})` : ''}`);
  const n = r.nonMail;
  if (n && n.contacts + n.appointments + n.tasks + n.notes + n.other > 0) {
    printLine(`Not mail, not imported: ${n.contacts} contacts, ${n.appointments} calendar items, ${n.tasks} tasks, ${n.notes} notes, ${n.other} other items.`);
  }
  if (r.error) printLine(`Stopped: ${r.error}`);
}

/** `facteur export --folder PATH_OR_ID --out DIR [--format eml|mbox] [--no-subfolders] [--json]`. */
export async function exportCommand(ctx: CliContext): Promise<number> {
  const format = ctx.options.format ?? 'eml';
  if (format !== 'eml' && format !== 'mbox') throw new UsageError('--format takes eml or mbox.');
  if (!ctx.options.folder || !ctx.options.out) throw new UsageError('export needs --folder PATH_OR_ID and --out DIR.');
  const { engine, client } = await ctx.open();
  try {
    const folderId = await resolveFolder(client, ctx.options.folder);
    const result = await client.api.exports.folder({ folderId, format, path: ctx.options.out, subfolders: !ctx.options.noSubfolders });
    if (ctx.options.json) printJson(result);
    else printLine(`Exported ${result.messages} messages into ${result.files} file${result.files === 1 ? '' : 's'} under ${result.path}.`);
    return 0;
  } finally {
    await engine.close();
  }
}
