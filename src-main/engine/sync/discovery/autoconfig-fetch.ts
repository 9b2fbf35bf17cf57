import type { EmailParts } from './candidate.js';

/** The shape of global fetch that discovery needs; tests pass one that reaches a local HTTPS server. */
export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: 'follow'; headers: Record<string, string> }) => Promise<Response>;

const MAX_BYTES = 256 * 1024;

/**
 * Where an ISP publishes its settings, in Thunderbird's order (FetchConfig.sys.mjs): its autoconfig host, told
 * the address so it can answer per user, then the domain's well-known path. Only https: a config fetched in
 * clear text could send the password to any server an attacker names.
 */
export function autoconfigUrls(email: EmailParts): { autoconfig: string; wellKnown: string } {
  return {
    autoconfig: `https://autoconfig.${email.domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(email.address)}`,
    wellKnown: `https://${email.domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  };
}

/** The document at `url`, or null when there is none (no server, an error status, a redirect to http, too big). */
export async function fetchConfigText(url: string, fetchFn: FetchLike, timeoutMs: number): Promise<string | null> {
  if (new URL(url).protocol !== 'https:') return null;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFn(url, { signal, redirect: 'follow', headers: { accept: 'application/xml, text/xml' } });
    if (!response.ok || (response.url && new URL(response.url).protocol !== 'https:')) {
      await response.body?.cancel();
      return null;
    }
    return await readCapped(response);
  } catch {
    // No such host, refused, certificate not valid, timed out: this source has nothing for us.
    return null;
  }
}

async function readCapped(response: Response): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
