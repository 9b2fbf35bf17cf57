import { EngineError } from '../../errors.js';

/**
 * Certificate and handshake failures in words a person can act on. The Node/OpenSSL code goes in `detail`, where
 * the UI can pick a more specific translation (expired vs self-signed vs wrong name) than TLS_ERROR alone.
 */
const CERTIFICATE_PROBLEMS: Record<string, (host: string) => string> = {
  CERT_HAS_EXPIRED: (h) => `The certificate of ${h} has expired; the server's administrator must renew it.`,
  CERT_NOT_YET_VALID: (h) => `The certificate of ${h} is not valid yet; check this computer's date and time.`,
  DEPTH_ZERO_SELF_SIGNED_CERT: (h) =>
    `${h} presents a self-signed certificate, which is not trusted; if this is your organisation's server, add its certificate in the account's security settings.`,
  SELF_SIGNED_CERT_IN_CHAIN: (h) =>
    `The certificate of ${h} comes from a self-signed authority that is not trusted; if this is your organisation's authority, add its certificate in the account's security settings.`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (h) =>
    `The certificate of ${h} is signed by an unknown authority; if this is your organisation's authority, add its certificate in the account's security settings.`,
  UNABLE_TO_GET_ISSUER_CERT: (h) => `The certificate of ${h} is signed by an unknown authority.`,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (h) =>
    `The certificate of ${h} is signed by an unknown authority; if this is your organisation's authority, add its certificate in the account's security settings.`,
  CERT_REVOKED: (h) => `The certificate of ${h} has been revoked.`,
  CERT_SIGNATURE_FAILURE: (h) => `The certificate of ${h} has an invalid signature.`,
  CERT_UNTRUSTED: (h) => `The certificate of ${h} is not trusted.`,
  CERT_REJECTED: (h) => `The certificate of ${h} is not trusted.`,
  INVALID_CA: (h) => `The certificate chain of ${h} contains an invalid authority certificate.`,
  ERR_TLS_CERT_ALTNAME_INVALID: (h) =>
    `The certificate presented is not for ${h} (it names another server); check the host name, or the connection may have been intercepted.`,
  ERR_SSL_WRONG_VERSION_NUMBER: (h) =>
    `${h} does not speak TLS on this port; it may expect STARTTLS (or the port is wrong).`,
  ERR_SSL_UNSUPPORTED_PROTOCOL: (h) => `${h} offers only an outdated TLS version (older than 1.2), which is refused.`,
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: (h) => `${h} offers only an outdated TLS version (older than 1.2), which is refused.`,
};

const HANDSHAKE_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

/** The TLS_ERROR for a handshake or certificate failure, or null when the error is something else (DNS, TCP...). */
export function tlsProblem(error: unknown, host: string): EngineError | null {
  const e = error as { code?: unknown; reason?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const describe = Object.hasOwn(CERTIFICATE_PROBLEMS, code) ? CERTIFICATE_PROBLEMS[code] : undefined;
  if (describe) return new EngineError('TLS_ERROR', describe(host), { detail: code });
  if (HANDSHAKE_CODE.test(code) || /certificate|handshake|ssl routines/i.test(String(e?.message ?? ''))) {
    return new EngineError('TLS_ERROR', `The secure (TLS) connection to ${host} failed: ${String(e?.message ?? code)}.`, {
      detail: code || 'TLS_HANDSHAKE',
    });
  }
  return null;
}
