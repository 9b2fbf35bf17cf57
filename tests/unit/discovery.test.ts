import type { SrvRecord } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { parseAutoconfig } from '../../src-main/engine/sync/discovery/autoconfig-xml.js';
import { fillTemplate, splitEmail } from '../../src-main/engine/sync/discovery/candidate.js';
import { guessServers } from '../../src-main/engine/sync/discovery/guess.js';
import { presetCandidates, presetForDomain, presetForMx, providerPresets } from '../../src-main/engine/sync/discovery/providers.js';
import { srvServers } from '../../src-main/engine/sync/discovery/srv.js';

const alice = splitEmail('Alice.Martin@Exemple.fr');

describe('an e-mail address and the templates filled from it', () => {
  it('splits the address, with the domain in lower case and international domains in their DNS form', () => {
    expect(alice).toEqual({ address: 'Alice.Martin@exemple.fr', local: 'Alice.Martin', domain: 'exemple.fr' });
    expect(splitEmail('zoé@café.fr').domain).toBe('xn--caf-dma.fr');
    for (const bad of ['alice', '@exemple.fr', 'alice@', 'alice@localhost', 'a b@exemple.fr']) expect(() => splitEmail(bad)).toThrow(/not an e-mail/);
  });

  it('fills the three placeholders of config-v1.1, and refuses a template with another one', () => {
    expect(fillTemplate('%EMAILADDRESS%', alice)).toBe('Alice.Martin@exemple.fr');
    expect(fillTemplate('%EMAILLOCALPART%', alice)).toBe('Alice.Martin');
    expect(fillTemplate('imap.%EMAILDOMAIN%', alice)).toBe('imap.exemple.fr');
    expect(fillTemplate('%REALNAME%', alice)).toBeNull();
  });
});

const config = (servers: string) => `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="exemple.fr">
    <domain>exemple.fr</domain>
    <displayName>Exemple &amp; Cie</displayName>
    ${servers}
  </emailProvider>
</clientConfig>`;

describe('reading an ISP autoconfig file (config-v1.1)', () => {
  it('reads IMAP, POP3 and SMTP servers in order, mapping socketType and filling user names', () => {
    const parsed = parseAutoconfig(
      config(`
      <incomingServer type="imap"><hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
        <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>
      <incomingServer type="pop3"><hostname>pop.exemple.fr</hostname><port>110</port><socketType>STARTTLS</socketType>
        <username>%EMAILADDRESS%</username><authentication>password-encrypted</authentication></incomingServer>
      <incomingServer type="imap"><hostname>old.exemple.fr</hostname><port>143</port><socketType>plain</socketType></incomingServer>
      <incomingServer type="exchange"><hostname>ews.exemple.fr</hostname><port>443</port><socketType>SSL</socketType></incomingServer>
      <incomingServer type="imap"><hostname>odd.exemple.fr</hostname><port>993</port><socketType>TLS-1.0</socketType></incomingServer>
      <outgoingServer type="smtp"><hostname>smtp.exemple.fr</hostname><port>465</port><socketType>SSL</socketType>
        <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>`),
      alice,
    );
    expect(parsed).toEqual({
      provider: 'Exemple & Cie',
      incoming: [
        { protocol: 'imap', host: 'imap.exemple.fr', port: 993, security: 'tls', username: 'Alice.Martin', auth: 'password', oauthProvider: null },
        { protocol: 'pop3', host: 'pop.exemple.fr', port: 110, security: 'starttls', username: 'Alice.Martin@exemple.fr', auth: 'password', oauthProvider: null },
        // Kept here; discovery offers plain text only for a server on this computer.
        { protocol: 'imap', host: 'old.exemple.fr', port: 143, security: 'none', username: 'Alice.Martin@exemple.fr', auth: 'password', oauthProvider: null },
      ],
      outgoing: [{ host: 'smtp.exemple.fr', port: 465, security: 'tls', username: 'Alice.Martin@exemple.fr', auth: 'password', oauthProvider: null }],
    });
  });

  it('takes OAuth2 only for a provider we can sign in with, and skips servers we cannot sign in to', () => {
    const parsed = parseAutoconfig(
      config(`
      <incomingServer type="imap"><hostname>imap.gmail.com</hostname><port>993</port><socketType>SSL</socketType>
        <authentication>OAuth2</authentication><authentication>password-cleartext</authentication></incomingServer>
      <incomingServer type="imap"><hostname>imap.exemple.fr</hostname><port>993</port><socketType>SSL</socketType>
        <authentication>OAuth2</authentication></incomingServer>
      <incomingServer type="imap"><hostname>nt.exemple.fr</hostname><port>993</port><socketType>SSL</socketType>
        <authentication>NTLM</authentication></incomingServer>`),
      alice,
    );
    expect(parsed?.incoming.map((s) => [s.host, s.auth, s.oauthProvider])).toEqual([['imap.gmail.com', 'oauth2', 'google']]);
  });

  it('refuses what is not a plain config file: a DTD (entity expansion), broken XML, another document', () => {
    const dtd = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${config('').replace(/<\?xml[^>]*>/, '')}`;
    expect(parseAutoconfig(dtd, alice)).toBeNull();
    expect(parseAutoconfig('<clientConfig><emailProvider>', alice)).toBeNull();
    expect(parseAutoconfig('<html><body>Not found</body></html>', alice)).toBeNull();
    expect(parseAutoconfig(config(`<incomingServer type="imap"><hostname>bad host;rm</hostname><port>993</port><socketType>SSL</socketType></incomingServer>`), alice)?.incoming).toEqual([]);
  });
});

describe('the bundled provider presets', () => {
  it('cover the providers our users have, with TLS everywhere and OAuth for Google and Microsoft', () => {
    const presets = providerPresets();
    for (const domain of ['gmail.com', 'outlook.com', 'hotmail.fr', 'yahoo.fr', 'fastmail.com', 'icloud.com', 'gmx.de', 'gmx.fr', 'orange.fr', 'free.fr', 'sfr.fr', 'laposte.net']) {
      expect(presetForDomain(domain, presets), domain).not.toBeNull();
    }
    expect(presets.map((p) => p.id)).toContain('ovh');
    for (const preset of presets) {
      for (const server of [...preset.incoming, ...preset.outgoing]) expect(server.security, `${preset.id} ${server.host}`).not.toBe('none');
    }
    expect(presetForDomain('gmail.com')?.oauth).toBe('google');
    expect(presetForDomain('outlook.com')?.oauth).toBe('microsoft');
    expect(presetForDomain('contoso.onmicrosoft.com')?.id).toBe('microsoft365');
    expect(presetForDomain('onmicrosoft.com')).toBeNull();
    expect(presetForDomain('exemple.fr')).toBeNull();
  });

  it('recognise a custom domain by its MX hosts', () => {
    expect(presetForMx(['ASPMX.L.GOOGLE.COM.'])?.id).toBe('google');
    expect(presetForMx(['acme-fr.mail.protection.outlook.com'])?.id).toBe('microsoft365');
    expect(presetForMx(['hotmail-com.olc.protection.outlook.com'])?.id).toBe('outlook');
    expect(presetForMx(['mx1.mail.ovh.net'])?.id).toBe('ovh');
    expect(presetForMx(['in1-smtp.messagingengine.com'])?.id).toBe('fastmail');
    expect(presetForMx(['mx.notgoogle.com', 'mail.exemple.fr'])).toBeNull();
  });

  it('fill user names per provider: Free wants the local part, iCloud the local part for IMAP only', () => {
    const free = presetCandidates(presetForDomain('free.fr')!, splitEmail('jean@free.fr'));
    expect(free.map((c) => [c.settings.incoming.protocol, c.settings.incoming.username, c.settings.outgoing.username])).toEqual([
      ['imap', 'jean', 'jean'],
      ['pop3', 'jean', 'jean'],
    ]);
    const [icloud] = presetCandidates(presetForDomain('icloud.com')!, splitEmail('jean@icloud.com'));
    expect(icloud).toMatchObject({ source: 'preset', verified: false, settings: { incoming: { username: 'jean' }, outgoing: { username: 'jean@icloud.com' } } });
    const [gmail] = presetCandidates(presetForDomain('gmail.com')!, splitEmail('jean@gmail.com'));
    expect(gmail?.settings).toMatchObject({ auth: 'oauth2', oauthProvider: 'google', incoming: { host: 'imap.gmail.com', port: 993, security: 'tls' } });
  });
});

describe('servers found in DNS (RFC 6186) and guessed', () => {
  it('orders SRV answers implicit TLS first, then by priority and weight, and drops "." targets', async () => {
    const records: Record<string, SrvRecord[]> = {
      '_imaps._tcp.exemple.fr': [
        { name: 'imap2.exemple.fr', port: 993, priority: 20, weight: 0 },
        { name: 'imap1.exemple.fr.', port: 993, priority: 10, weight: 0 },
      ],
      '_imap._tcp.exemple.fr': [{ name: 'imap.exemple.fr', port: 143, priority: 0, weight: 0 }],
      '_pop3._tcp.exemple.fr': [{ name: '.', port: 0, priority: 0, weight: 0 }],
      '_submission._tcp.exemple.fr': [{ name: 'smtp.exemple.fr', port: 587, priority: 0, weight: 0 }],
    };
    const found = await srvServers(alice, async (name) => {
      const answer = records[name];
      if (!answer) throw Object.assign(new Error(`queryDns ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return answer;
    });
    expect(found.incoming.map((s) => `${s.protocol} ${s.host}:${s.port} ${s.security}`)).toEqual([
      'imap imap1.exemple.fr:993 tls',
      'imap imap2.exemple.fr:993 tls',
      'imap imap.exemple.fr:143 starttls',
    ]);
    expect(found.outgoing).toEqual([{ host: 'smtp.exemple.fr', port: 587, security: 'starttls', username: 'Alice.Martin@exemple.fr' }]);
  });

  it('guesses the usual host names on the standard ports, TLS first', () => {
    const guesses = guessServers(alice);
    expect(guesses.incoming[0]).toEqual({ protocol: 'imap', host: 'imap.exemple.fr', port: 993, security: 'tls', username: 'Alice.Martin@exemple.fr' });
    expect(guesses.incoming.map((s) => s.port)).toEqual([993, 993, 143, 143, 995, 995, 995, 110, 110, 110]);
    expect(guesses.outgoing.map((s) => `${s.host}:${s.port}`)).toEqual(['smtp.exemple.fr:465', 'mail.exemple.fr:465', 'smtp.exemple.fr:587', 'mail.exemple.fr:587']);
    expect([...guesses.incoming, ...guesses.outgoing].every((s) => s.security !== 'none')).toBe(true);
  });
});
