import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { otherClient, PASSWORD } from '../helpers/mail-accounts.js';
import { simpleMessage } from '../helpers/mail.js';
import { tempDir } from '../helpers/temp.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => dovecot?.stop());

function facteur(data: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--data', data], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('facteur account and sync', () => {
  it('adds an account without prompts, tests it and syncs it once, reporting what changed', async () => {
    const other = await otherClient(dovecot, 'alice');
    for (let n = 0; n < 4; n++) await other.append('INBOX', simpleMessage(n));
    await other.logout();
    const data = tempDir();
    const ca = join(tempDir(), 'ca.pem');
    writeFileSync(ca, dovecot.certPem);

    const add = facteur(data, [
      'account', 'add', '--email', 'alice@facteur.test', '--name', 'Alice', '--incoming', 'imap',
      '--in-host', '127.0.0.1', '--in-port', String(dovecot.imapPort), '--in-security', 'starttls',
      '--out-host', '127.0.0.1', '--out-port', '2525', '--out-security', 'none', '--user', 'alice',
      '--password-env', 'ALICE_PASSWORD', '--ca-file', ca, '--public', '--json',
    ], { ALICE_PASSWORD: PASSWORD });
    expect(add.stderr).toBe('');
    const account = JSON.parse(add.stdout) as { id: number; agentIds: number[]; hasSecret: boolean };
    expect(account).toMatchObject({ agentIds: [], hasSecret: true });
    expect(add.stdout).not.toContain(PASSWORD);

    const test = facteur(data, ['account', 'test', String(account.id), '--json']);
    expect(JSON.parse(test.stdout).incoming).toMatchObject({ ok: true, secure: true });

    const sync = facteur(data, ['sync', '--once', '--json']);
    expect(sync.code).toBe(0);
    const summary = JSON.parse(sync.stdout) as { accounts: Array<{ folders: Array<{ path: string; added: number }>; seconds: number }> };
    expect(summary.accounts[0]!.folders.find((f) => f.path === 'Alice/INBOX')).toMatchObject({ added: 4 });
    expect(summary.accounts[0]!.seconds).toBeGreaterThan(0);

    const again = JSON.parse(facteur(data, ['sync', '--once', '--json']).stdout) as typeof summary;
    expect(again.accounts[0]!.folders.every((f) => f.added === 0)).toBe(true);
  });

  it('suggests settings for a known provider from its preset, without touching the network', () => {
    const r = facteur(tempDir(), ['account', 'discover', 'marie.dupont@gmail.com', '--json']);
    expect(r.code).toBe(0);
    const [first] = JSON.parse(r.stdout) as Array<{ source: string; settings: { incoming: Record<string, unknown>; auth: string } }>;
    expect(first).toMatchObject({ source: 'preset', settings: { incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls', username: 'marie.dupont@gmail.com' }, auth: 'oauth2', serverFilesSent: true } });
  });

  it('refuses a password on the command line and plain text to a remote host, saying what to do', () => {
    const data = tempDir();
    const noVar = facteur(data, ['account', 'add', '--email', 'x@y.test', '--incoming', 'imap', '--in-host', 'imap.y.test', '--out-host', 'smtp.y.test', '--password-env', 'NOPE_NOT_SET']);
    expect(noVar.code).toBe(2);
    expect(noVar.stderr).toMatch(/NOPE_NOT_SET .* empty or not set/);
    const plain = facteur(data, ['account', 'add', '--email', 'x@y.test', '--incoming', 'imap', '--in-host', 'imap.y.test', '--in-security', 'none', '--out-host', 'smtp.y.test', '--password-env', 'P'], { P: 'x' });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/without encryption.*\[INVALID_INPUT\]/);
  });
});
