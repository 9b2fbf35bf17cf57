import { openUrlInBrowser } from '../../hosts/node/open-url.js';
import { findAppFile } from '../../engine/app-files.js';
import { startWebHost } from '../../hosts/web/server.js';
import { intOption, type CliContext } from '../context.js';
import { printLine } from '../output.js';

/** Runs the engine and the web host until interrupted; prints the address (with its per-launch token). */
export async function serveCommand(ctx: CliContext, openBrowser = ctx.options.open === true): Promise<number> {
  const { engine } = await ctx.open({ background: true });
  const host = await startWebHost({ engine, rendererDir: findAppFile('dist/renderer'), port: intOption(ctx.options.port, 'port', 0) });
  printLine(`Facteur is running at ${host.url}`);
  printLine(`Data folder: ${engine.layout.root}`);
  printLine('Press Ctrl+C to stop.');
  if (openBrowser) openUrlInBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await engine.close();
  return 0;
}
