import { dirname } from 'node:path';
import { findAppFile } from '../../engine/app-files.js';
import type { CliContext } from '../context.js';
import { printLine } from '../output.js';
import { serveCommand } from './serve.js';

/**
 * `npm start`: the desktop app when Electron's binary is here, otherwise the same app in the browser through the
 * web host, saying plainly why, so the app's main job still runs on machines without Electron.
 */
export async function startCommand(ctx: CliContext): Promise<number> {
  // Loaded only here: every other command starts faster without the Electron launcher.
  const { launchElectron } = await import('../../hosts/electron/launch.js');
  const outcome = await launchElectron({ dataDir: ctx.dataDir, repoRoot: dirname(findAppFile('package.json')) });
  if (outcome.started) return 0;
  printLine(`The desktop window cannot open on this machine: ${outcome.reason}`);
  printLine('Starting the web version of Facteur instead; it is the same app, in your browser.');
  return serveCommand(ctx, true);
}
