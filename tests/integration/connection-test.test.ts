import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNxdomainServer } from '../helpers/dns-server.js';
import { testConnection } from '../../src-main/engine/sync/connect/connection-test.js';
import { AccountSettings, type Security } from '../../src-shared/domain/account-settings.js';
import { makeCertificate } from '../helpers/certificates.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { freePort } from '../helpers/ports.js';
import { startScriptedServer } from '../helpers/scripted-server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';

const PASSWORD = 's3cret-pass';
const WRONG = 'Wr0ng-Passw0rd-42';

let dovecot: Dovecot;
let key: string;
let cert: string;
beforeAll(async () => {
  dovecot = await startDovecot();
  // Read now: the harness's temp folder is swept after each test.
  key = readFileSync(join(dovecot.dir, 'tls', 'key.pem'), 'utf8');
  cert = dovecot.certPem;
});
afterAll(async () => dovecot?.stop());

type Server = { host: string; port: number; security: Security };
function account(incoming: Server & { protocol?: 'imap' | 'pop3' }, outgoing: Server = { host: '127.0.0.1', port: 1, security: 'tls' }, caCertPem: string | null = cert) {
  return AccountSettings.parse({
    incoming: { protocol: 'imap', username: 'alice', ...incoming },
    outgoing: { username: 'alice', ...outgoing },
    caCertPem,
  });
}
const smtpAccount = (outgoing: Server, caCertPem: string | null = cert) => account({ host: '127.0.0.1', port: 1, security: 'tls' }, outgoing, caCertPem);

describe('testing an IMAP account', () => {
  it('connects over STARTTLS with the company CA, logs in and lists what the server offers', async () => {
    const result = await testConnection('incoming', account({ host: 'localhost', port: dovecot.imapPort, security: 'starttls' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: true, secure: true });
    if (!result.ok) return;
    expect(result.capabilities).toEqual(expect.arrayContaining(['IMAP4rev1', 'IDLE', 'SPECIAL-USE', 'MOVE', 'UIDPLUS', 'CONDSTORE', 'QRESYNC']));
  });

  it('connects over implicit TLS to an IP address (checked against the certificate IP name)', async () => {
    const result = await testConnection('incoming', account({ host: '127.0.0.1', port: dovecot.imapsPort, security: 'tls' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: true, secure: true });
  });

  it('says AUTH_FAILED for a wrong password, and the password appears nowhere in the answer', async () => {
    const result = await testConnection('incoming', account({ host: 'localhost', port: dovecot.imapsPort, security: 'tls' }), { password: WRONG });
    expect(result).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain(WRONG);
    expect(JSON.stringify(result)).not.toContain(Buffer.from(WRONG).toString('base64'));
  });

  it('says TLS_ERROR, in words, when the self-signed certificate is not trusted (no CA given)', async () => {
    const result = await testConnection('incoming', account({ host: 'localhost', port: dovecot.imapsPort, security: 'tls' }, undefined, null), { password: PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    if (!result.ok) expect(result.message).toMatch(/self-signed/);
  });

  it('refuses with TLS_ERROR when STARTTLS is asked for but the server does not offer it (no downgrade, no login sent)', async () => {
    const fake = await startScriptedServer('* OK fake IMAP ready', (line) => {
      const [tag, command] = line.split(' ');
      if (command === 'CAPABILITY') return ['* CAPABILITY IMAP4rev1 AUTH=PLAIN', `${tag} OK done`];
      if (command === 'LOGOUT') return ['* BYE', `${tag} OK bye`];
      return [`${tag} BAD unknown command`];
    });
    try {
      const result = await testConnection('incoming', account({ host: '127.0.0.1', port: fake.port, security: 'starttls' }), { password: PASSWORD });
      expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'STARTTLS_UNAVAILABLE' });
      if (!result.ok) expect(result.message).toMatch(/does not offer STARTTLS/);
      expect(fake.heard.join('\n')).not.toMatch(/LOGIN|AUTHENTICATE|s3cret/i);
    } finally {
      await fake.stop();
    }
  });

  it('says TLS_ERROR when TLS is chosen for a port that expects STARTTLS', async () => {
    const result = await testConnection('incoming', account({ host: 'localhost', port: dovecot.imapPort, security: 'tls' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    if (!result.ok) expect(result.message).toMatch(/may expect STARTTLS/);
  });

  it('says CONNECT_FAILED when nothing listens on the port', async () => {
    const result = await testConnection('incoming', account({ host: '127.0.0.1', port: await freePort(), security: 'tls' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'CONNECT_FAILED', detail: 'ECONNREFUSED' });
  });

  it('says DNS_FAILED when the server name does not exist', async () => {
    // A real resolver asking a DNS server on 127.0.0.1 that knows no names: no query leaves this machine.
    const dns = await startNxdomainServer();
    try {
      const result = await testConnection('incoming', account({ host: 'imap.nowhere.invalid', port: 993, security: 'tls' }), { password: PASSWORD }, { lookup: dns.lookup });
      expect(result).toMatchObject({ ok: false, code: 'DNS_FAILED' });
      if (!result.ok) expect(result.message).toContain('imap.nowhere.invalid');
    } finally {
      await dns.stop();
    }
  });

  it('refuses plain text to another computer before any byte is sent', async () => {
    const result = await testConnection('incoming', account({ host: 'imap.example.com', port: 143, security: 'none' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'PLAINTEXT_REFUSED' });
  });
});

describe('testing a POP3 account', () => {
  it('connects over implicit TLS and over STLS, and finds UIDL', async () => {
    for (const [port, security] of [[dovecot.pop3sPort, 'tls'], [dovecot.pop3Port, 'starttls']] as const) {
      const result = await testConnection('incoming', account({ protocol: 'pop3', host: 'localhost', port, security }), { password: PASSWORD });
      expect(result, security).toMatchObject({ ok: true, secure: true });
      if (result.ok) expect(result.capabilities).toEqual(expect.arrayContaining(['UIDL']));
    }
  });

  it('says AUTH_FAILED for a wrong password after STLS, without repeating it', async () => {
    const result = await testConnection('incoming', account({ protocol: 'pop3', host: 'localhost', port: dovecot.pop3Port, security: 'starttls' }), { password: WRONG });
    expect(result).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain(WRONG);
  });

  it('says CAPABILITY_MISSING for a server without UIDL', async () => {
    const fake = await startScriptedServer('+OK fake POP3 ready', (line) => {
      const command = line.split(' ')[0]?.toUpperCase();
      if (command === 'CAPA') return ['+OK', 'USER', 'TOP', '.'];
      if (command === 'STAT') return ['+OK 0 0'];
      if (command === 'UIDL') return ['-ERR unknown command'];
      return ['+OK'];
    });
    try {
      const result = await testConnection('incoming', account({ protocol: 'pop3', host: '127.0.0.1', port: fake.port, security: 'none' }), { password: PASSWORD });
      expect(result).toMatchObject({ ok: false, code: 'CAPABILITY_MISSING', detail: 'UIDL' });
    } finally {
      await fake.stop();
    }
  });
});

describe('certificate problems, in words', () => {
  // A TLS listener with a chosen certificate stands in for the server: the handshake fails before any protocol.
  const imapsWith = (certificate: { keyPem: string; certPem: string }) =>
    startScriptedServer('* OK ready', (line) => [`${line.split(' ')[0]} BAD`], { tls: { key: certificate.keyPem, cert: certificate.certPem } });

  it('says TLS_ERROR when the certificate is for another host name', async () => {
    const other = makeCertificate(['mail.example.org']);
    const server = await imapsWith(other);
    try {
      const result = await testConnection('incoming', account({ host: 'localhost', port: server.port, security: 'tls' }, undefined, other.certPem), { password: PASSWORD });
      expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      if (!result.ok) expect(result.message).toMatch(/not for localhost/);
      expect(server.heard).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('says TLS_ERROR when the certificate has expired', async () => {
    const expired = makeCertificate(['localhost', '127.0.0.1'], { expired: true });
    const server = await imapsWith(expired);
    try {
      const result = await testConnection('incoming', account({ host: 'localhost', port: server.port, security: 'tls' }, undefined, expired.certPem), { password: PASSWORD });
      expect(result).toMatchObject({ ok: false, code: 'TLS_ERROR', detail: 'CERT_HAS_EXPIRED' });
      if (!result.ok) expect(result.message).toMatch(/expired/);
    } finally {
      await server.stop();
    }
  });
});

describe('testing an SMTP account', () => {
  let receiver: SmtpReceiver;
  afterAll(async () => receiver?.stop());

  it('connects with STARTTLS (mandatory), logs in and lists the EHLO keywords', async () => {
    receiver = await startSmtpReceiver({ user: 'alice', pass: PASSWORD }, { key, cert });
    const result = await testConnection('outgoing', smtpAccount({ host: 'localhost', port: receiver.port, security: 'starttls' }), { password: PASSWORD });
    expect(result).toMatchObject({ ok: true, secure: true });
    if (result.ok) expect(result.capabilities.some((c) => c.startsWith('AUTH '))).toBe(true);
  });

  it('says AUTH_FAILED for a wrong password, without repeating it', async () => {
    const result = await testConnection('outgoing', smtpAccount({ host: 'localhost', port: receiver.port, security: 'starttls' }), { password: WRONG });
    expect(result).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(JSON.stringify(result)).not.toContain(WRONG);
    expect(JSON.stringify(result)).not.toContain(Buffer.from(`\u0000alice\u0000${WRONG}`).toString('base64'));
  });

  it('connects with implicit TLS (RFC 8314)', async () => {
    const secure = await startSmtpReceiver({ user: 'alice', pass: PASSWORD }, { secure: true, key, cert });
    try {
      const result = await testConnection('outgoing', smtpAccount({ host: '127.0.0.1', port: secure.port, security: 'tls' }), { password: PASSWORD });
      expect(result).toMatchObject({ ok: true, secure: true });
    } finally {
      await secure.stop();
    }
  });
});

describe('signing in with an OAuth access token (Google, Microsoft)', () => {
  const TOKEN = 'ya29.a0-test-access-token-1234567890';

  it('uses XOAUTH2 for SMTP, and says AUTH_FAILED for a refused token without repeating it', async () => {
    const receiver = await startSmtpReceiver(undefined, {
      key,
      cert,
      authMethods: ['XOAUTH2'],
      // A refused token gets Google's answer: a 334 challenge carrying a JSON error, then 535 (RFC 7628 §3.2.2).
      onAuth: (auth, _session, done) => (auth.accessToken === TOKEN ? done(null, { user: auth.username }) : done(null, { data: { status: '401', schemes: 'bearer' } })),
    });
    try {
      const settings = smtpAccount({ host: 'localhost', port: receiver.port, security: 'starttls' });
      expect(await testConnection('outgoing', settings, { accessToken: TOKEN })).toMatchObject({ ok: true, secure: true });
      const refused = await testConnection('outgoing', settings, { accessToken: `${TOKEN}-expired` });
      expect(refused).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
      if (!refused.ok) expect(refused.message).toMatch(/access token/);
      expect(JSON.stringify(refused)).not.toContain(TOKEN);
    } finally {
      await receiver.stop();
    }
  });

  it('uses AUTH XOAUTH2 for POP3 (RFC 5034), and tells a refusal sent as a challenge from a success', async () => {
    let challenged = false;
    const fake = await startScriptedServer('+OK fake POP3 ready', (line) => {
      const [command, argument] = line.split(' ');
      if (challenged) return (challenged = false), ['-ERR [AUTH] Invalid credentials'];
      if (command === 'CAPA') return ['+OK', 'UIDL', 'SASL XOAUTH2', '.'];
      if (command === 'AUTH' && argument === 'XOAUTH2') return ['+ '];
      if (/^[A-Za-z0-9+/=]{20,}$/.test(line)) {
        if (Buffer.from(line, 'base64').toString().includes(`Bearer ${TOKEN}\u0001`)) return ['+OK signed in'];
        challenged = true;
        return [`+ ${Buffer.from('{"status":"401","schemes":"bearer"}').toString('base64')}`];
      }
      return ['+OK'];
    });
    try {
      const settings = account({ protocol: 'pop3', host: '127.0.0.1', port: fake.port, security: 'none' });
      expect(await testConnection('incoming', settings, { accessToken: TOKEN })).toMatchObject({ ok: true, secure: false });
      const refused = await testConnection('incoming', settings, { accessToken: 'wrong-token-0987654321' });
      expect(refused).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
      expect(JSON.stringify(refused)).not.toMatch(/wrong-token|d3JvbmctdG9rZW4/);
    } finally {
      await fake.stop();
    }
  });
});
