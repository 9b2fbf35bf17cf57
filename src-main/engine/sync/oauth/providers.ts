import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isLoopbackHost, type OAuthProvider } from '../../../../src-shared/domain/account-settings.js';
import { findAppFile } from '../../app-files.js';
import { OAuthError } from './errors.js';

/** Endpoints are https; plain http only to this computer (RFC 8252 §8.1 asks for TLS on every network leg). */
const EndpointUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must be an https URL (http is accepted only for 127.0.0.1)');

const EnvName = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

/** One provider as written in resources/oauth-providers.json: where to go, what to ask, where the client id lives. */
export const OAuthProviderEntry = z.object({
  label: z.string().min(1),
  authorizationEndpoint: EndpointUrl,
  tokenEndpoint: EndpointUrl,
  scopes: z.array(z.string().min(1)).min(1),
  /** Provider-specific authorization parameters, e.g. Google's access_type=offline for a refresh token. */
  authParams: z.record(z.string(), z.string()).default({}),
  /** Send `scope` again with refresh grants (Microsoft's v2 endpoint asks for it; Google does not need it). */
  refreshWithScope: z.boolean().default(false),
  clientIdEnv: EnvName,
  /** Null for public clients (Microsoft); Google's desktop clients need a (non-confidential) secret. */
  clientSecretEnv: EnvName.nullable().default(null),
});
export type OAuthProviderEntry = z.infer<typeof OAuthProviderEntry>;

/** A provider with its client credentials looked up; null credentials make `requireClient` fail with their name. */
export interface OAuthProviderConfig extends OAuthProviderEntry {
  clientId: string | null;
  clientSecret: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Fills in the client id and secret from the environment (configuration, never constants in the code). */
export function resolveProvider(entry: OAuthProviderEntry, env: Env = process.env): OAuthProviderConfig {
  const read = (name: string | null) => (name ? env[name]?.trim() || null : null);
  return { ...entry, clientId: read(entry.clientIdEnv), clientSecret: read(entry.clientSecretEnv) };
}

let entries: Record<OAuthProvider, OAuthProviderEntry> | undefined;

/** The shipped settings of a provider, with its client read from the environment now. */
export function loadOAuthProvider(provider: OAuthProvider, env: Env = process.env): OAuthProviderConfig {
  entries ??= z
    .object({ google: OAuthProviderEntry, microsoft: OAuthProviderEntry })
    .parse(JSON.parse(readFileSync(findAppFile('resources/oauth-providers.json'), 'utf8')));
  return resolveProvider(entries[provider], env);
}

/** True when the provider can be offered to the user (its client id, and secret if it needs one, are set). */
export function isConfigured(config: OAuthProviderConfig): boolean {
  return config.clientId !== null && (config.clientSecretEnv === null || config.clientSecret !== null);
}

/** The client credentials, or an error that names the variable to set. */
export function requireClient(config: OAuthProviderConfig): { clientId: string; clientSecret: string | null } {
  if (config.clientId === null) throw missing(config, config.clientIdEnv, 'client id');
  if (config.clientSecretEnv !== null && config.clientSecret === null) throw missing(config, config.clientSecretEnv, 'client secret');
  return { clientId: config.clientId, clientSecret: config.clientSecret };
}

function missing(config: OAuthProviderConfig, variable: string, what: string): OAuthError {
  return new OAuthError(
    'OAUTH_CONFIG_MISSING',
    `Sign-in with ${config.label} is not set up in this installation: set the environment variable ${variable} to the OAuth ${what} registered for Facteur, then restart the app.`,
  );
}
