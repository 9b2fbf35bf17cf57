import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { OAUTHBEARER_FAILURE_ACK } from '../../src-main/engine/sync/oauth/sasl.js';
import { ROOTLESS_SERVICES } from './dovecot.js';
import { freePort, waitForPort } from './ports.js';

export interface OAuthDovecot {
  /** Plain IMAP on loopback (no TLS: this server exists to check SASL bearer logins, not transport security). */
  imapPort: number;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/**
 * A private Dovecot 2.3 whose only login is an OAuth2 bearer token (XOAUTH2, OAUTHBEARER), checked by RFC 7662
 * introspection against the test authorization server (passdb driver oauth2, introspection_mode = post).
 */
export async function startOAuthDovecot(introspectionUrl: string): Promise<OAuthDovecot> {
  // Not tempDir(): that one is emptied after each test, and Dovecot needs its sockets for the whole file.
  const dir = mkdtempSync(join(tmpdir(), 'facteur-dovecot-oauth-'));
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  const imapPort = await freePort();
  const account = asRoot
    ? { user: 'nobody', group: 'nogroup', uid: 65534, gid: 65534 }
    : { user: execFileSync('id', ['-un'], { encoding: 'utf8' }).trim(), group: execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim(), uid: process.getuid!(), gid: process.getgid!() };
  writeFileSync(join(dir, 'oauth2.conf.ext'), `introspection_mode = post
introspection_url = ${introspectionUrl}
username_attribute = username
active_attribute = active
active_value = true
force_introspection = yes
`);
  writeFileSync(join(dir, 'dovecot.conf'), `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = facteur-oauth-${imapPort}
default_internal_user = ${account.user}
default_internal_group = ${account.group}
default_login_user = ${account.user}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
# Tests refuse tokens on purpose; the default 2 s penalty would only slow them down.
auth_failure_delay = 0
auth_mechanisms = xoauth2 oauthbearer
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
userdb {
  driver = static
  args = uid=${account.uid} gid=${account.gid} home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
${ROOTLESS_SERVICES}`);
  if (asRoot) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dir]);
  const child = asRoot
    ? spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'dovecot', '-c', join(dir, 'dovecot.conf'), '-F'], { stdio: 'ignore' })
    : spawn('dovecot', ['-c', join(dir, 'dovecot.conf'), '-F'], { stdio: 'ignore' });
  try {
    await waitForPort(imapPort);
  } catch (error) {
    child.kill('SIGKILL');
    let log = '';
    try {
      log = readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      // no log yet
    }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot (oauth2) did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    imapPort,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One IMAP AUTHENTICATE with a SASL initial response (RFC 4959); on failure, acknowledges the error challenge. */
export function imapAuthenticate(port: number, mechanism: 'XOAUTH2' | 'OAUTHBEARER', initial: string): Promise<{ tagged: string; challenge?: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffered = '';
    let challenge: string | undefined;
    socket.setEncoding('utf8').on('error', reject);
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (line.startsWith('* OK')) socket.write(`a1 AUTHENTICATE ${mechanism} ${initial}\r\n`);
        else if (line.startsWith('+ ')) {
          challenge = line.slice(2);
          socket.write(`${mechanism === 'OAUTHBEARER' ? OAUTHBEARER_FAILURE_ACK : ''}\r\n`);
        } else if (line.startsWith('a1 ')) {
          socket.end('a2 LOGOUT\r\n');
          resolve({ tagged: line, challenge });
        }
      }
    });
  });
}
