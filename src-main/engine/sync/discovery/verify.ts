import { isLoopbackHost, type OAuthProvider, type ServerSettings } from '../../../../src-shared/domain/account-settings.js';
import type { ConnectionResult } from '../connect/failure.js';
import type { ProbeTarget } from '../connect/probe.js';
import type { Candidate, CandidateSource, IncomingServer } from './candidate.js';

export type Probe = (target: ProbeTarget) => Promise<ConnectionResult>;

type Auth = { auth?: 'password' | 'oauth2'; oauthProvider?: OAuthProvider | null };
export interface ServerLists {
  incoming: Array<IncomingServer & Auth>;
  outgoing: Array<ServerSettings & Auth>;
}

const CONCURRENCY = 6;

/** Plain text is offered for a server on this computer only (a local bridge); anywhere else it is never suggested. */
const offerable = (s: ServerSettings) => s.security !== 'none' || isLoopbackHost(s.host);
const key = (t: ProbeTarget) => `${t.protocol} ${t.host} ${t.port} ${t.security}`;
const target = (protocol: ProbeTarget['protocol'], s: ServerSettings): ProbeTarget => ({ protocol, host: s.host, port: s.port, security: s.security });

/** Probes each distinct target once, a few at a time; the set holds those that completed TCP + TLS. */
export async function verifyTargets(targets: ProbeTarget[], probe: Probe): Promise<Set<string>> {
  const queue = [...new Map(targets.map((t) => [key(t), t])).values()];
  const ok = new Set<string>();
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      if ((await probe(t)).ok) ok.add(key(t));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return ok;
}

/**
 * Turns found servers into candidates that are offered only when verified: each incoming server that answered,
 * in the order found, paired with the first answering outgoing server that takes the same kind of sign-in.
 * `onePerProtocol` keeps the best IMAP and the best POP3 only (guesses often hit one server under several names).
 */
export async function verifiedCandidates(
  source: CandidateSource,
  provider: string | null,
  lists: ServerLists,
  probe: Probe,
  onePerProtocol = false,
): Promise<Candidate[]> {
  const incoming = lists.incoming.filter(offerable);
  const outgoing = lists.outgoing.filter(offerable);
  const ok = await verifyTargets([...incoming.map((s) => target(s.protocol, s)), ...outgoing.map((s) => target('smtp', s))], probe);
  const candidates: Candidate[] = [];
  for (const inServer of incoming) {
    if (!ok.has(key(target(inServer.protocol, inServer)))) continue;
    if (onePerProtocol && candidates.some((c) => c.settings.incoming.protocol === inServer.protocol)) continue;
    const auth = inServer.auth ?? 'password';
    const outServer = outgoing.find((s) => (s.auth ?? 'password') === auth && ok.has(key(target('smtp', s))));
    if (!outServer) continue;
    candidates.push({
      source,
      provider,
      settings: { incoming: plain(inServer, inServer.protocol), outgoing: plain(outServer), auth, oauthProvider: inServer.oauthProvider ?? null },
      verified: true,
    });
  }
  return candidates;
}

/** Presets are trusted as they are; on request, each is marked verified when both of its servers answer. */
export async function markVerified(candidates: Candidate[], probe: Probe): Promise<Candidate[]> {
  const ends = (c: Candidate) => [target(c.settings.incoming.protocol, c.settings.incoming), target('smtp', c.settings.outgoing)];
  const ok = await verifyTargets(candidates.flatMap(ends), probe);
  return candidates.map((c) => ({ ...c, verified: ends(c).every((t) => ok.has(key(t))) }));
}

function plain(s: ServerSettings): ServerSettings;
function plain(s: ServerSettings, protocol: IncomingServer['protocol']): IncomingServer;
function plain(s: ServerSettings, protocol?: IncomingServer['protocol']): ServerSettings | IncomingServer {
  const server = { host: s.host, port: s.port, security: s.security, username: s.username };
  return protocol ? { protocol, ...server } : server;
}
