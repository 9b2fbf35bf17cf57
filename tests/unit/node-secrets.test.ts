import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileSecretBox } from '../../src-main/hosts/node/shell.js';
import { tempDir } from '../helpers/temp.js';

describe('secrets in the Node hosts', () => {
  it('round-trips, never contains the clear text, and keeps its key readable by the user only', async () => {
    const keyFile = join(tempDir(), 'secret.key');
    const box = keyFileSecretBox(keyFile);
    const sealed = await box.encrypt('mot de passe: Çà-ș3cret');
    expect(sealed.includes(Buffer.from('ș3cret'))).toBe(false);
    expect(await box.decrypt(sealed)).toBe('mot de passe: Çà-ș3cret');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a secret sealed under another key or tampered with', async () => {
    const dir = tempDir();
    const sealed = await keyFileSecretBox(join(dir, 'a.key')).encrypt('hunter2');
    await expect(keyFileSecretBox(join(dir, 'b.key')).decrypt(sealed)).rejects.toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    await expect(keyFileSecretBox(join(dir, 'a.key')).decrypt(tampered)).rejects.toThrow();
  });

  it('says so plainly when the key file is damaged', async () => {
    const keyFile = join(tempDir(), 'secret.key');
    writeFileSync(keyFile, 'short', { mode: 0o600 });
    await expect(keyFileSecretBox(keyFile).encrypt('x')).rejects.toThrow(/key file .* is damaged/);
  });
});
