/**
 * SASL initial client responses for OAuth bearer tokens, for code that speaks IMAP or SMTP by hand.
 *
 * The libraries the engine uses build these themselves from an access token:
 * - imapflow: `new ImapFlow({ …, auth: { user, accessToken } })` — it sends OAUTHBEARER when the server advertises
 *   it, else XOAUTH2 (imapflow lib/commands/authenticate.js).
 * - nodemailer: `createTransport({ …, auth: { type: 'OAuth2', user, accessToken } })` — XOAUTH2. Give it the token
 *   from TokenKeeper.getAccessToken() for each connection rather than its own clientId/refreshToken, so that
 *   refreshing and persisting stay in one place.
 */

const SEP = '\x01';

/**
 * Google's and Microsoft's XOAUTH2 (developers.google.com/workspace/gmail/imap/xoauth2-protocol):
 * base64("user=" user ^A "auth=Bearer " token ^A ^A). For `AUTHENTICATE XOAUTH2 <this>` / `AUTH XOAUTH2 <this>`.
 */
export function xoauth2(user: string, accessToken: string): string {
  check(user, accessToken);
  return Buffer.from(`user=${user}${SEP}auth=Bearer ${accessToken}${SEP}${SEP}`, 'utf8').toString('base64');
}

export interface OAuthBearerOptions {
  /** The server's host name and port, which RFC 7628 §3.1 lets the client send so the server can check them. */
  host?: string;
  port?: number;
}

/**
 * OAUTHBEARER (RFC 7628 §3.1): base64(gs2-header ^A [host=… ^A port=… ^A] "auth=Bearer " token ^A ^A), with the
 * authorization identity in the GS2 header (RFC 5801 §4: "," and "=" escaped as =2C and =3D).
 */
export function oauthBearer(user: string, accessToken: string, options: OAuthBearerOptions = {}): string {
  check(user, accessToken);
  const saslname = user.replace(/=/g, '=3D').replace(/,/g, '=2C');
  const pairs = [
    options.host !== undefined ? `host=${options.host}` : null,
    options.port !== undefined ? `port=${options.port}` : null,
    `auth=Bearer ${accessToken}`,
  ].filter((pair): pair is string => pair !== null);
  return Buffer.from(`n,a=${saslname},${SEP}${pairs.join(SEP)}${SEP}${SEP}`, 'utf8').toString('base64');
}

/**
 * After a failed OAUTHBEARER exchange the server sends a JSON challenge and waits for this dummy response
 * (RFC 7628 §3.2.3: a single ^A); XOAUTH2 expects an empty line instead.
 */
export const OAUTHBEARER_FAILURE_ACK = Buffer.from(SEP).toString('base64');

/** The server's failure challenge (RFC 7628 §3.2.2): `status` ("invalid_token", …) and the `scope` it needs. */
export function readOAuthChallenge(base64: string): { status?: string; scope?: string } {
  try {
    const json = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as Record<string, unknown>;
    return {
      status: typeof json.status === 'string' ? json.status : undefined,
      scope: typeof json.scope === 'string' ? json.scope : undefined,
    };
  } catch {
    return {};
  }
}

/** ^A separates the fields: one inside a value would let it forge another field. */
function check(user: string, accessToken: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\x00-\x1f\x7f]/.test(user) || /[\x00-\x1f\x7f]/.test(accessToken) || !user || !accessToken) {
    throw new TypeError('A SASL user name and access token must be non-empty and free of control characters.');
  }
}
