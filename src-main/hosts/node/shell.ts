import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox, Shell } from '../../engine/shell.js';
import { openablePath } from '../openable-path.js';
import { openUrlInBrowser, openWithDesktop } from './open-url.js';

/**
 * Where the Node shell writes down the files it is asked to open instead of opening them (one JSON line each):
 * set by tests that drive the web host, which must see the request reach the host without a desktop to open it.
 */
export const OPEN_RECORD_ENV = 'FACTEUR_RECORD_OPENED';

/**
 * The Shell for the Node hosts (CLI, web host). Secrets are sealed with AES-256-GCM under a key kept in a 0600
 * file in the data folder: that protects them from other users of the machine and from a copied database, not
 * from this user's own programs (the Electron host's safeStorage does better where a keyring exists).
 * Files open with the desktop's default application (the web host serves a browser on this same machine).
 */
export function nodeShell(dataDir: string, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Shell {
  return {
    secrets: keyFileSecretBox(join(dataDir, 'secret.key')),
    notify: (title, body) => log(`${title}: ${body}`),
    openPath: async (raw) => {
      const checked = openablePath(raw);
      if ('refusal' in checked) throw new Error(checked.refusal);
      const record = process.env[OPEN_RECORD_ENV];
      if (record) appendFileSync(record, `${JSON.stringify({ openPath: checked.path })}\n`);
      else openWithDesktop(checked.path);
    },
    openExternal: async (url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('Only web addresses can be opened.');
      log(`Open this address in your browser to continue: ${parsed.toString()}`);
      openUrlInBrowser(parsed.toString());
    },
  };
}

const VERSION = 1;

export function keyFileSecretBox(keyFile: string): SecretBox {
  let key: Buffer | undefined;
  const load = (): Buffer => {
    if (key) return key;
    if (!existsSync(keyFile)) {
      const fd = openSync(keyFile, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32));
      } finally {
        closeSync(fd);
      }
    }
    if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
    const bytes = readFileSync(keyFile);
    if (bytes.length !== 32) throw new Error(`The key file ${keyFile} is damaged (expected 32 bytes); saved passwords must be entered again.`);
    key = bytes;
    return key;
  };
  return {
    kind: 'aes-256-gcm:keyfile',
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', load(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt: async (sealed) => {
      if (sealed[0] !== VERSION || sealed.length < 29) throw new Error('A saved secret is in an unknown format; enter it again.');
      const decipher = createDecipheriv('aes-256-gcm', load(), sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    },
  };
}
