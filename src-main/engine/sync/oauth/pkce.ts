import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) and the `state` value. base64url without padding uses only [A-Za-z0-9-_], a subset of the
 * "unreserved" characters §4.1 allows in a code verifier, so a random byte string encoded that way is a valid one.
 */

export const VERIFIER_MIN = 43;
export const VERIFIER_MAX = 128;

/** A code verifier of `length` characters (§4.1: 43 to 128) from a CSPRNG; 64 characters carry 384 bits. */
export function createCodeVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < VERIFIER_MIN || length > VERIFIER_MAX) {
    throw new RangeError(`A PKCE code verifier has ${VERIFIER_MIN} to ${VERIFIER_MAX} characters (RFC 7636 §4.1), not ${length}.`);
  }
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
}

/** The S256 challenge (§4.2): BASE64URL(SHA256(ASCII(code_verifier))). "plain" is never used (§7.2). */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * An unguessable `state` binding the redirect to this request (RFC 6749 §10.12, RFC 8252 §8.9): 32 random bytes,
 * so another program on this computer cannot complete someone else's sign-in by calling the loopback port.
 */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export function createPkce(): Pkce {
  const verifier = createCodeVerifier();
  return { verifier, challenge: codeChallengeS256(verifier), method: 'S256' };
}
