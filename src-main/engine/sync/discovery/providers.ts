import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IncomingProtocol, OAuthProvider, Security } from '../../../../src-shared/domain/account-settings.js';
import { findAppFile } from '../../app-files.js';
import { fillTemplate, hostUnder, type Candidate, type EmailParts } from './candidate.js';

const Server = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  security: Security,
  username: z.string().min(1),
});

/** One provider in resources/providers.json. */
export const ProviderPreset = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Exact domains, or "*.suffix" for any sub-domain (Microsoft 365's tenant.onmicrosoft.com). */
  domains: z.array(z.string().min(1)),
  /** Host name suffixes of a custom domain's MX records that mean this provider hosts the domain. */
  mx: z.array(z.string().min(1)),
  oauth: OAuthProvider.nullable(),
  /** The provider files sent mail in Sent itself (Gmail, Microsoft 365, iCloud): no second copy is uploaded. */
  filesSent: z.boolean().default(false),
  incoming: z.array(Server.extend({ protocol: IncomingProtocol })).min(1),
  outgoing: z.array(Server).min(1),
});
export type ProviderPreset = z.infer<typeof ProviderPreset>;

export const ProviderPresets = z.object({ providers: z.array(ProviderPreset) });

let loaded: ProviderPreset[] | undefined;

/** The presets that ship with the app (validated once: a broken data file fails loudly, in tests first). */
export function providerPresets(): ProviderPreset[] {
  loaded ??= ProviderPresets.parse(JSON.parse(readFileSync(findAppFile('resources/providers.json'), 'utf8'))).providers;
  return loaded;
}

export function presetForDomain(domain: string, presets = providerPresets()): ProviderPreset | null {
  const d = domain.toLowerCase();
  return (
    presets.find((p) => p.domains.some((pattern) => (pattern.startsWith('*.') ? hostUnder(d, pattern.slice(2)) && d !== pattern.slice(2) : pattern === d))) ??
    null
  );
}

/**
 * A custom domain hosted by a known provider, told by its MX hosts (as Thunderbird does): the most preferred MX
 * decides, e.g. tenant.mail.protection.outlook.com is Microsoft 365, aspmx.l.google.com is Google Workspace.
 */
export function presetForMx(mxHosts: string[], presets = providerPresets()): ProviderPreset | null {
  for (const host of mxHosts) {
    const preset = presets.find((p) => p.mx.some((suffix) => hostUnder(host, suffix)));
    if (preset) return preset;
  }
  return null;
}

/** The OAuth provider whose servers these are (an autoconfig file may offer OAuth2 for Gmail or Microsoft's hosts). */
export function oauthProviderForHost(host: string, presets = providerPresets()): OAuthProvider | null {
  const h = host.toLowerCase();
  return presets.find((p) => p.oauth && [...p.incoming, ...p.outgoing].some((s) => s.host === h))?.oauth ?? null;
}

/** One candidate per incoming server of the preset (IMAP first as listed), with the preferred outgoing server. */
export function presetCandidates(preset: ProviderPreset, email: EmailParts): Candidate[] {
  const [outgoing] = preset.outgoing;
  if (!outgoing) return [];
  const out: Candidate[] = [];
  for (const incoming of preset.incoming) {
    const inUser = fillTemplate(incoming.username, email);
    const outUser = fillTemplate(outgoing.username, email);
    if (!inUser || !outUser) continue;
    out.push({
      source: 'preset',
      provider: preset.name,
      settings: {
        incoming: { ...incoming, username: inUser },
        outgoing: { ...outgoing, username: outUser },
        auth: preset.oauth ? 'oauth2' : 'password',
        oauthProvider: preset.oauth,
        serverFilesSent: preset.filesSent,
      },
      verified: false,
    });
  }
  return out;
}
