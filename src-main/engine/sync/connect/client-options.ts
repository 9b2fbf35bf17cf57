import type { ImapFlowOptions } from 'imapflow';
import type { SMTPConnectionAuth, SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import { assertSecurityAllowed, bareHost, tlsOptions } from './tls-options.js';

/** What a client logs in with; held in memory only for the length of a connection. */
export type Secret = { password: string } | { accessToken: string };

/**
 * imapflow: implicit TLS (RFC 8314), or STARTTLS made mandatory with `doSTARTTLS: true`, so a server (or an
 * attacker stripping the capability, RFC 3501 §6.2.1) that does not offer it fails the connection instead of
 * continuing in clear text; plain text only on loopback, with STARTTLS off. No logger: it would see the LOGIN line.
 */
export function imapFlowOptions(server: ServerSettings, secret: Secret, caCertPem?: string | null): ImapFlowOptions {
  assertSecurityAllowed(server);
  return {
    host: bareHost(server.host),
    port: server.port,
    secure: server.security === 'tls',
    ...(server.security === 'tls' ? {} : { doSTARTTLS: server.security === 'starttls' }),
    auth: 'password' in secret ? { user: server.username, pass: secret.password } : { user: server.username, accessToken: secret.accessToken },
    tls: tlsOptions(server.host, caCertPem),
    logger: false,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
  };
}

/**
 * nodemailer (SMTPConnection or createTransport): implicit TLS on 465 (RFC 8314 §3.3), or `requireTLS` so a
 * missing STARTTLS (RFC 3207) is an error rather than a silent downgrade; `ignoreTLS` only for loopback plain text.
 */
export function smtpOptions(server: ServerSettings, caCertPem?: string | null): SMTPConnectionOptions {
  assertSecurityAllowed(server);
  return {
    host: bareHost(server.host),
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: tlsOptions(server.host, caCertPem),
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
    logger: false,
    debug: false,
  };
}

/** Login data for SMTPConnection.login: AUTH PLAIN/LOGIN with a password, XOAUTH2 with an access token. */
export function smtpAuth(server: ServerSettings, secret: Secret): SMTPConnectionAuth {
  if ('password' in secret) return { user: server.username, pass: secret.password };
  return { user: server.username, oauth2: new XOAuth2({ user: server.username, accessToken: secret.accessToken }) };
}

/** The `auth` of nodemailer.createTransport for the same secret. */
export function smtpTransportAuth(server: ServerSettings, secret: Secret) {
  return 'password' in secret
    ? { user: server.username, pass: secret.password }
    : { type: 'OAuth2' as const, user: server.username, accessToken: secret.accessToken };
}
