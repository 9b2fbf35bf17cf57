import { spawn } from 'node:child_process';
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
  if (openBrowser) openInBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await engine.close();
  return 0;
}

/** Best effort: a machine with no desktop still has the printed address. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
