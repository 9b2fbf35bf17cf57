import { z } from 'zod';

/** TLS from the first byte; STARTTLS that must succeed (never a silent downgrade); none only on loopback. */
export const Security = z.enum(['tls', 'starttls', 'none']);
export type Security = z.infer<typeof Security>;

export const IncomingProtocol = z.enum(['imap', 'pop3']);
export type IncomingProtocol = z.infer<typeof IncomingProtocol>;

export const ServerSettings = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  security: Security,
  username: z.string().min(1).max(320),
});
export type ServerSettings = z.infer<typeof ServerSettings>;

export const OAuthProvider = z.enum(['google', 'microsoft']);
export type OAuthProvider = z.infer<typeof OAuthProvider>;

export const Pop3Options = z.object({
  leaveOnServer: z.boolean().default(true),
  /** Delete from the server N days after download (only once the local copy is committed and verified). */
  deleteAfterDays: z.number().int().min(0).max(3650).nullable().default(null),
  /** Delete from the server the messages the user moved to Trash here. */
  deleteWhenTrashed: z.boolean().default(false),
});
export type Pop3Options = z.infer<typeof Pop3Options>;

/** Everything about an account except its secrets, which only the engine holds, sealed by the host's Shell. */
export const AccountSettings = z.object({
  incoming: ServerSettings.extend({ protocol: IncomingProtocol }),
  outgoing: ServerSettings,
  auth: z.enum(['password', 'oauth2']).default('password'),
  oauthProvider: OAuthProvider.nullable().default(null),
  /** PEM of a certificate authority to trust for this account (a company's own CA), besides the system's. */
  caCertPem: z.string().max(64 * 1024).nullable().default(null),
  refreshSeconds: z.number().int().min(30).max(24 * 3600).default(300),
  /** Servers that file sent mail in Sent themselves (Gmail, Microsoft 365, iCloud): no second copy is uploaded. */
  serverFilesSent: z.boolean().default(false),
  pop3: Pop3Options.default({ leaveOnServer: true, deleteAfterDays: null, deleteWhenTrashed: false }),
});
export type AccountSettings = z.infer<typeof AccountSettings>;

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/** Why these settings may not be used, or null: plain-text connections are allowed to loopback only. */
export function insecureSettingsProblem(settings: Pick<AccountSettings, 'incoming' | 'outgoing'>): string | null {
  for (const [label, s] of [['incoming', settings.incoming], ['outgoing', settings.outgoing]] as const) {
    if (s.security === 'none' && !isLoopbackHost(s.host)) {
      return `The ${label} server ${s.host} would be reached without encryption; choose TLS or STARTTLS (plain connections are allowed only to this computer).`;
    }
  }
  return null;
}
