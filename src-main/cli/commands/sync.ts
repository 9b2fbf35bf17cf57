import type { CliContext } from '../context.js';
import { idArgument } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

/** `facteur sync [--account ID] --once`: one pass; returns when every folder is in step. */
export async function syncCommand(ctx: CliContext): Promise<number> {
  if (!ctx.options.once) throw new UsageError('sync runs one pass with --once; for continuous sync run "facteur serve" or the app.');
  const accountId = ctx.options.account !== undefined ? idArgument(ctx.options.account, 'account id') : undefined;
  const { engine, client } = await ctx.open();
  try {
    const result = await client.api.sync.run({ accountId });
    if (ctx.options.json) printJson(result);
    else {
      for (const a of result.accounts) {
        if (a.error) printLine(`Account ${a.accountId}: ${a.error.message} [${a.error.code}]`);
        for (const f of a.folders) {
          if (f.added || f.updated || f.removed || f.error) printLine(`  ${f.path}: +${f.added} ~${f.updated} -${f.removed}${f.error ? `  (${f.error})` : ''}`);
        }
        printLine(`Account ${a.accountId}: in step after ${a.seconds.toFixed(2)} s; ${a.tasksApplied} local changes sent, ${a.outboxSent} messages sent.`);
      }
    }
    return result.accounts.some((a) => a.error) ? 1 : 0;
  } finally {
    await engine.close();
  }
}
