import { printJson, printLine, UsageError } from '../output.js';
import type { CliContext } from '../context.js';

export async function dbCommand(ctx: CliContext): Promise<number> {
  const [sub] = ctx.args;
  const { engine, client } = await ctx.open();
  try {
    if (sub === 'check') {
      const report = await client.api.store.check();
      if (ctx.options.json) printJson(report);
      else {
        printLine(report.ok ? 'The store is sound.' : 'The store has problems:');
        for (const line of report.integrity) printLine(`  ${line}`);
        for (const m of report.missingBlobs) printLine(`  missing file ${m.sha256} (${m.usedBy})`);
        printLine(`${report.messages} messages (${report.malformed} flagged malformed), ${report.orphanBlobs} unreferenced files.`);
      }
      return report.ok ? 0 : 1;
    }
    if (sub === 'backup') {
      if (!ctx.options.out) throw new UsageError('db backup needs --out FILE.');
      const result = await client.api.store.backup({ path: ctx.options.out });
      if (ctx.options.json) printJson(result);
      else printLine(`Backed up the store to ${result.path} (${result.bytes} bytes).`);
      return 0;
    }
    if (sub === 'sweep') {
      const result = engine.sweep();
      if (ctx.options.json) printJson(result);
      else printLine(`Removed ${result.removed} unreferenced files; ${result.kept} kept.`);
      return 0;
    }
    throw new UsageError('db takes check, backup --out FILE, or sweep.');
  } finally {
    await engine.close();
  }
}
