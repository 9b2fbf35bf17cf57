import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the store lives unless `--data` or FACTEUR_DATA say otherwise: the same folder Electron's
 * app.getPath('userData') gives for "Facteur", so the desktop app and the web host share one store.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FACTEUR_DATA) return env.FACTEUR_DATA;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Facteur');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Facteur');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Facteur');
  }
}

export interface DataLayout {
  root: string;
  database: string;
  blobs: string;
  backups: string;
}

export function dataLayout(root: string): DataLayout {
  return { root, database: join(root, 'facteur.sqlite'), blobs: join(root, 'blobs'), backups: join(root, 'backups') };
}
