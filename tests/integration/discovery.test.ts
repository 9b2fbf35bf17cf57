import type { SrvRecord } from 'node:dns';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeServer, type ProbeTarget } from '../../src-main/engine/sync/connect/probe.js';
import { discoverSettings, type Candidate, type DiscoveryDeps } from '../../src-main/engine/sync/discovery/discover.js';
import { makeCertificate } from '../helpers/certificates.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { startHttpsFixture, type HttpsFixture } from '../helpers/https-fixture.js';
import { freePort } from '../helpers/ports.js';
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.js';

let dovecot: Dovecot;
let smtp: SmtpReceiver;
let smtps: SmtpReceiver;
let web: HttpsFixture;
let closed: number;
const configs = new Map<string, string>();

beforeAll(async () => {
  dovecot = await startDovecot();
  const tls = { key: readFileSync(join(dovecot.dir, 'tls', 'key.pem'), 'utf8'), cert: dovecot.certPem };
  smtp = await startSmtpReceiver(undefined, tls);
  smtps = await startSmtpReceiver(undefined, { ...tls, secure: true });
  closed = await freePort();
  const site = makeCertificate(['example.test', 'autoconfig.example.test', 'wk.test', 'autoconfig.wk.test', 'srv.test', 'autoconfig.srv.test']);
  web = await startHttpsFixture(site, (url) => {
    const body = configs.get(`${url.hostname}${url.pathname}`);
    return body ? { status: 200, body } : null;
  });
});
afterAll(async () => Promise.all([dovecot?.stop(), smtp?.stop(), smtps?.stop(), web?.stop()]));

/** The real probe, trusting the test servers' certificate (issued for localhost and 127.0.0.1). */
const probe = (target: ProbeTarget) => probeServer(target, { caCertPem: dovecot.certPem, timeoutMs: 3_000 });
const noDns = async (name: string): Promise<never> => {
  throw Object.assign(new Error(`queryDns ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};
const deps = (extra: Partial<DiscoveryDeps> = {}): Partial<DiscoveryDeps> => ({ fetch: web.fetch, resolveMx: noDns, resolveSrv: noDns, probe, ...extra });
const summary = (candidates: Candidate[]) =>
  candidates.map(({ source, verified, settings: { incoming: i, outgoing: o } }) => `${source}${verified ? '' : '?'} ${i.protocol} ${i.host}:${i.port} ${i.security} ${i.username} | ${o.host}:${o.port} ${o.security}`);

const server = (kind: 'incoming' | 'outgoing', type: string, host: string, port: number, socketType: string) =>
  `<${kind}Server type="${type}"><hostname>${host}</hostname><port>${port}</port><socketType>${socketType}</socketType>` +
  `<username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></${kind}Server>`;
const config = (servers: string[]) =>
  `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x"><displayName>Test ISP</displayName>${servers.join('')}</emailProvider></clientConfig>`;

describe('discovering the settings of an address', () => {
  it("offers the ISP's autoconfig servers that answer a TLS handshake, never a closed port or plain text elsewhere", async () => {
    configs.set(
      'autoconfig.example.test/mail/config-v1.1.xml',
      config([
        server('incoming', 'imap', 'localhost', closed, 'SSL'),
        server('incoming', 'imap', 'localhost', dovecot.imapsPort, 'SSL'),
        server('incoming', 'pop3', 'localhost', dovecot.pop3Port, 'STARTTLS'),
        server('incoming', 'imap', 'mail.example.test', 143, 'plain'),
        server('incoming', 'imap', '127.0.0.1', dovecot.imapPort, 'plain'),
        server('outgoing', 'smtp', 'localhost', closed, 'SSL'),
        server('outgoing', 'smtp', 'localhost', smtp.port, 'STARTTLS'),
      ]),
    );
    const found = await discoverSettings('alice@example.test', deps());
    expect(summary(found)).toEqual([
      `autoconfig imap localhost:${dovecot.imapsPort} tls alice | localhost:${smtp.port} starttls`,
      `autoconfig pop3 localhost:${dovecot.pop3Port} starttls alice | localhost:${smtp.port} starttls`,
      // Plain text is offered only for a server on this computer.
      `autoconfig imap 127.0.0.1:${dovecot.imapPort} none alice | localhost:${smtp.port} starttls`,
    ]);
    expect(found[0]?.provider).toBe('Test ISP');
    expect(web.requests).toContain('https://autoconfig.example.test/mail/config-v1.1.xml?emailaddress=alice%40example.test');
  });

  it("falls back to the domain's well-known autoconfig path", async () => {
    configs.set(
      'wk.test/.well-known/autoconfig/mail/config-v1.1.xml',
      config([server('incoming', 'imap', 'localhost', dovecot.imapsPort, 'SSL'), server('outgoing', 'smtp', 'localhost', smtps.port, 'SSL')]),
    );
    const found = await discoverSettings('bob@wk.test', deps());
    expect(summary(found)).toEqual([`well-known imap localhost:${dovecot.imapsPort} tls bob | localhost:${smtps.port} tls`]);
  });

  it('passes over an autoconfig file whose servers do not answer, and uses the SRV records (RFC 6186)', async () => {
    configs.set('autoconfig.srv.test/mail/config-v1.1.xml', config([server('incoming', 'imap', 'localhost', closed, 'SSL'), server('outgoing', 'smtp', 'localhost', closed, 'SSL')]));
    const records: Record<string, SrvRecord[]> = {
      '_imaps._tcp.srv.test': [{ name: 'localhost', port: dovecot.imapsPort, priority: 0, weight: 1 }],
      '_imap._tcp.srv.test': [{ name: '.', port: 0, priority: 0, weight: 0 }],
      '_pop3s._tcp.srv.test': [{ name: 'localhost', port: closed, priority: 0, weight: 0 }],
      '_submission._tcp.srv.test': [{ name: 'localhost.', port: smtp.port, priority: 0, weight: 0 }],
    };
    const resolveSrv = async (name: string) => records[name] ?? noDns(name);
    const found = await discoverSettings('carol@srv.test', deps({ resolveSrv }));
    expect(summary(found)).toEqual([`srv imap localhost:${dovecot.imapsPort} tls carol@srv.test | localhost:${smtp.port} starttls`]);
  });

  it('guesses the usual host names on the standard ports as a last resort, offering only those that answer', async () => {
    // The standard ports (993, 587...) need root on this machine: the test's probe sends them to our servers' ports,
    // and to localhost, the name their certificate carries. Everything else (the list, the checks) is the real one.
    const ports: Record<number, number> = { 993: dovecot.imapsPort, 995: dovecot.pop3sPort, 587: smtp.port };
    const routed = (t: ProbeTarget) => probe({ ...t, host: 'localhost', port: ports[t.port] ?? closed });
    const found = await discoverSettings('dan@guess.test', deps({ probe: routed }));
    expect(summary(found)).toEqual([
      'guess imap imap.guess.test:993 tls dan@guess.test | smtp.guess.test:587 starttls',
      'guess pop3 pop.guess.test:995 tls dan@guess.test | smtp.guess.test:587 starttls',
    ]);
  });

  it('answers from the bundled presets for a known provider, without touching the network', async () => {
    const offline = { fetch: noDns, resolveMx: noDns, resolveSrv: noDns, probe: async () => Promise.reject(new Error('no network for presets')) };
    const found = await discoverSettings('erin@gmail.com', offline);
    expect(summary(found)).toEqual([
      'preset? imap imap.gmail.com:993 tls erin@gmail.com | smtp.gmail.com:465 tls',
      'preset? pop3 pop.gmail.com:995 tls erin@gmail.com | smtp.gmail.com:465 tls',
    ]);
    expect(found[0]?.settings).toMatchObject({ auth: 'oauth2', oauthProvider: 'google' });
  });

  it('recognises a custom domain hosted by Microsoft 365 from its MX record', async () => {
    const resolveMx = async () => [{ exchange: 'acme-test.mail.protection.outlook.com', priority: 0 }];
    const found = await discoverSettings('frank@acme.test', deps({ resolveMx }));
    expect(summary(found)[0]).toBe('preset? imap outlook.office365.com:993 tls frank@acme.test | smtp.office365.com:587 starttls');
    expect(found[0]?.provider).toBe('Microsoft 365 (Exchange Online)');
  });

  it('verifies presets on request, marking those whose servers do not answer', async () => {
    const ports: Record<number, number> = { 993: dovecot.imapsPort, 465: smtps.port };
    const routed = (t: ProbeTarget) => probe({ ...t, host: 'localhost', port: ports[t.port] ?? closed });
    const found = await discoverSettings('gina@gmail.com', deps({ probe: routed, verifyPresets: true }));
    expect(found.map((c) => [c.settings.incoming.protocol, c.verified])).toEqual([['imap', true], ['pop3', false]]);
  });
});
