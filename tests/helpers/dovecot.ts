import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.js';

export interface DovecotUser {
  name: string;
  password: string;
}

export interface Dovecot {
  imapPort: number;
  imapsPort: number;
  pop3Port: number;
  pop3sPort: number;
  users: DovecotUser[];
  /** PEM of the self-signed certificate the server presents (CN and SAN: localhost, 127.0.0.1). */
  certPem: string;
  dir: string;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/**
 * A private Dovecot (IMAP + POP3, TLS, Maildir) on loopback high ports with its own config dir, never the system
 * service. Started per test file and stopped by PID. As root it runs as `nobody` (Dovecot refuses root logins).
 */
export async function startDovecot(users: DovecotUser[] = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'].map((name) => ({ name, password: 's3cret-pass' }))): Promise<Dovecot> {
  // Ports are picked free, then bound by Dovecot a moment later: a test file running beside this one can take one
  // in between. Another set of ports then, rather than a flaky failure.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDovecotOnce(users);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function startDovecotOnce(users: DovecotUser[]): Promise<Dovecot> {
  // Not tempDir(): that one is emptied after each test, and the server lives for the whole file.
  const dir = mkdtempSync(join(tmpdir(), 'facteur-dovecot-'));
  for (const sub of ['run', 'state', 'mail', 'tls']) mkdirSync(join(dir, sub));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', join(dir, 'tls', 'key.pem'), '-out', join(dir, 'tls', 'cert.pem'),
  ], { stdio: 'ignore' });
  const [imapPort, imapsPort, pop3Port, pop3sPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const account = asRoot ? { user: 'nobody', group: 'nogroup', uid: 65534, gid: 65534 } : selfAccount();
  writeFileSync(
    join(dir, 'users'),
    users.map((u) => `${u.name}:{PLAIN}${u.password}:${account.uid}:${account.gid}::${join(dir, 'mail', u.name)}::`).join('\n') + '\n',
  );
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, account, { imapPort, imapsPort, pop3Port, pop3sPort }));
  if (asRoot) chownRecursive(dir, account.uid, account.gid);

  const command = asRoot
    ? spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'dovecot', '-c', join(dir, 'dovecot.conf'), '-F'], { stdio: 'ignore' })
    : spawn('dovecot', ['-c', join(dir, 'dovecot.conf'), '-F'], { stdio: 'ignore' });
  const child: ChildProcess = command;
  try {
    await Promise.all([imapPort, imapsPort, pop3Port, pop3sPort].map((p) => waitForPort(p)));
  } catch (error) {
    child.kill('SIGKILL');
    const log = safeRead(join(dir, 'dovecot.log'));
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    imapPort,
    imapsPort,
    pop3Port,
    pop3sPort,
    users,
    certPem: readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8'),
    dir,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function selfAccount() {
  const me = userInfo();
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { user: me.username, group, uid: me.uid, gid: me.gid };
}

function chownRecursive(dir: string, uid: number, gid: number): void {
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
  chownSync(dir, uid, gid);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Services a Dovecot run by an unprivileged user needs: no chroot (it cannot chroot), auth as the internal user.
 * Without the `chroot =` lines startup fails with "chroot(.../run/empty) failed: Operation not permitted".
 */
export const ROOTLESS_SERVICES = `service anvil {
  chroot =
}
service auth {
  user = $default_internal_user
}
service auth-worker {
  user = $default_internal_user
}
`;

function config(dir: string, a: { user: string; group: string }, p: { imapPort: number; imapsPort: number; pop3Port: number; pop3sPort: number }): string {
  return `protocols = imap pop3
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = facteur-test-${p.imapPort}
default_internal_user = ${a.user}
default_internal_group = ${a.group}
default_login_user = ${a.user}
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
ssl = yes
ssl_cert = <${dir}/tls/cert.pem
ssl_key = <${dir}/tls/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
mailbox_idle_check_interval = 1 secs
imap_capability = +SPECIAL-USE
pop3_uidl_format = %08Xu%08Xv
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${p.imapPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${p.imapsPort}
    ssl = yes
  }
}
service pop3-login {
  chroot =
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${p.pop3Port}
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = ${p.pop3sPort}
    ssl = yes
  }
}
${ROOTLESS_SERVICES}protocol imap {
  mail_max_userip_connections = 50
}
`;
}
