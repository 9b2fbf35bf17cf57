import type { MxRecord } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import { probeServer } from '../connect/probe.js';
import { autoconfigUrls, fetchConfigText, type FetchLike } from './autoconfig-fetch.js';
import { parseAutoconfig } from './autoconfig-xml.js';
import { splitEmail, type Candidate, type EmailParts } from './candidate.js';
import { guessServers } from './guess.js';
import { presetCandidates, presetForDomain, presetForMx } from './providers.js';
import { srvServers, type ResolveSrv } from './srv.js';
import { markVerified, verifiedCandidates, type Probe } from './verify.js';

export type { Candidate, CandidateSettings, CandidateSource } from './candidate.js';

/** Everything discovery does on the network, replaceable so tests can point it at servers on 127.0.0.1. */
export interface DiscoveryDeps {
  fetch: FetchLike;
  resolveSrv: ResolveSrv;
  resolveMx: (domain: string) => Promise<MxRecord[]>;
  /** TCP + TLS handshake, no login (connect/probe.ts). */
  probe: Probe;
  fetchTimeoutMs: number;
  /** Presets are trusted; set this to have them verified too (e.g. behind a firewall that may block ports). */
  verifyPresets: boolean;
}

export function defaultDiscoveryDeps(): DiscoveryDeps {
  const resolver = new Resolver({ timeout: 5_000, tries: 2 });
  return {
    fetch: (url, init) => fetch(url, init),
    resolveSrv: (name) => resolver.resolveSrv(name),
    resolveMx: (domain) => resolver.resolveMx(domain),
    probe: (target) => probeServer(target, { timeoutMs: 5_000 }),
    fetchTimeoutMs: 10_000,
    verifyPresets: false,
  };
}

/**
 * Suggests account settings for an address, trying in order (Thunderbird's order, plus RFC 6186): the bundled
 * provider presets (by domain, or by the domain's MX hosts), the ISP's autoconfig host, the domain's well-known
 * autoconfig path, DNS SRV records, then common host names. The first source that yields anything wins. Except
 * presets, every suggestion is verified by a TCP + TLS handshake before it is offered, and plain-text servers are
 * offered only on this computer.
 */
export async function discoverSettings(email: string, deps: Partial<DiscoveryDeps> = {}): Promise<Candidate[]> {
  const d: DiscoveryDeps = { ...defaultDiscoveryDeps(), ...deps };
  const parts = splitEmail(email);
  const urls = autoconfigUrls(parts);
  const stages: Array<() => Promise<Candidate[]>> = [
    () => fromPresets(parts, d),
    () => fromAutoconfig('autoconfig', urls.autoconfig, parts, d),
    () => fromAutoconfig('well-known', urls.wellKnown, parts, d),
    async () => verifiedCandidates('srv', null, await srvServers(parts, d.resolveSrv), d.probe),
    () => verifiedCandidates('guess', null, guessServers(parts), d.probe, true),
  ];
  for (const stage of stages) {
    const found = await stage();
    if (found.length > 0) return found;
  }
  return [];
}

async function fromPresets(email: EmailParts, d: DiscoveryDeps): Promise<Candidate[]> {
  let preset = presetForDomain(email.domain);
  if (!preset) {
    const mx = await d.resolveMx(email.domain).catch((): MxRecord[] => []);
    preset = presetForMx([...mx].sort((a, b) => a.priority - b.priority).map((r) => r.exchange));
  }
  if (!preset) return [];
  const candidates = presetCandidates(preset, email);
  return d.verifyPresets ? markVerified(candidates, d.probe) : candidates;
}

async function fromAutoconfig(source: 'autoconfig' | 'well-known', url: string, email: EmailParts, d: DiscoveryDeps): Promise<Candidate[]> {
  const xml = await fetchConfigText(url, d.fetch, d.fetchTimeoutMs);
  const config = xml === null ? null : parseAutoconfig(xml, email);
  return config ? verifiedCandidates(source, config.provider, config, d.probe) : [];
}
