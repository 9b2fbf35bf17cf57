import { readFileSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { idArgument } from '../context.js';
import { printJson, printLine, UsageError } from '../output.js';

/** `facteur outbox list|send|queue`: what waits to be sent, and sending it. */
export async function outboxCommand(ctx: CliContext): Promise<number> {
  const [sub, file] = ctx.args;
  const accountId = ctx.options.account !== undefined ? idArgument(ctx.options.account, 'account id') : undefined;
  const messageId = ctx.options.message !== undefined ? idArgument(ctx.options.message, 'message id') : undefined;
  if (sub !== 'list' && sub !== 'send' && sub !== 'queue') throw new UsageError('outbox takes list, send [--message ID] [--account ID], or queue FILE.eml --account ID.');
  if (sub === 'queue' && (!file || accountId === undefined)) throw new UsageError('outbox queue needs a .eml file and --account ID.');
  const { engine, client } = await ctx.open();
  try {
    if (sub === 'list') {
      const { items } = await client.api.outbox.list({ accountId });
      if (ctx.options.json) printJson(items);
      else for (const m of items) printLine(`${String(m.messageId).padStart(6)}  ${m.state.padEnd(8)}  ${m.to.join(', ')}  ${m.subject}${m.lastError ? `  (${m.lastError})` : ''}`);
      return 0;
    }
    if (sub === 'queue') {
      const r = await client.api.outbox.queue({ accountId: accountId!, raw: readFileSync(file!).toString('base64') });
      if (ctx.options.json) printJson(r);
      else printLine(`Queued as message ${r.messageId}.`);
      return 0;
    }
    const r = await client.api.outbox.send({ accountId, messageId });
    if (ctx.options.json) printJson(r);
    else printLine(`${r.sent} sent, ${r.failed} failed, ${r.queued} waiting to retry, ${r.unknown} interrupted (check them).`);
    return r.failed > 0 || r.unknown > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}
