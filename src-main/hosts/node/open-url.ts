import { spawn } from 'node:child_process';

/**
 * Best effort: asks the desktop to open a web address or a file with its default application; a machine without
 * a desktop (no DISPLAY) opens nothing, and the caller has printed or offered what it meant to open.
 */
export function openWithDesktop(target: string): void {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  // Not `cmd /c start`: cmd would read the & of a query string or of a file name as the start of another command.
  const [command, args]: [string, string[]] =
    process.platform === 'win32'
      ? ['rundll32.exe', ['url.dll,FileProtocolHandler', target]]
      : process.platform === 'darwin'
        ? ['open', [target]]
        : ['xdg-open', [target]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** Best effort: asks the desktop to open a web address; a machine without one still has the printed address. */
export function openUrlInBrowser(url: string): void {
  openWithDesktop(url);
}
