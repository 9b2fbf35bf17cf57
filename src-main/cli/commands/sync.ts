import type { CliContext } from '../context.js';
import { idArgument } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

/**
 * `facteur sync --once [--account ID]`: one pass; returns when every folder is in step.
 * `facteur sync`: keeps every account in step (IDLE, refresh intervals) until Ctrl+C, printing what happens.
 */
export async function syncCommand(ctx: CliContext): Promise<number> {
  if (!ctx.options.once) return syncForever(ctx);
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

async function syncForever(ctx: CliContext): Promise<number> {
  if (ctx.options.account !== undefined) throw new UsageError('Continuous sync covers every account; use --once with --account for one.');
  const { engine, client } = await ctx.open({ background: true });
  client.on('sync.progress', (p) => {
    if (ctx.options.json) printLine(JSON.stringify(p));
    else if (p.phase === 'error' && p.error) printLine(`Account ${p.accountId}: ${p.error.message} [${p.error.code}]`);
    else if (p.phase === 'done') printLine(`Account ${p.accountId}: in step.`);
  });
  if (!ctx.options.json) printLine('Keeping every account in step; press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await engine.close();
  return 0;
}
