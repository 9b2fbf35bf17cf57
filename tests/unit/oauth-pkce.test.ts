import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createPkce, createState } from '../../src-main/engine/sync/oauth/pkce.js';

const UNRESERVED = /^[A-Za-z0-9._~-]+$/;

describe('PKCE (RFC 7636)', () => {
  it('derives the S256 challenge of the Appendix B example', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 to 128 unreserved characters, different every time', () => {
    for (const length of [43, 64, 100, 128]) {
      const verifier = createCodeVerifier(length);
      expect(verifier).toHaveLength(length);
      expect(verifier).toMatch(UNRESERVED);
    }
    expect(createCodeVerifier()).not.toBe(createCodeVerifier());
    expect(() => createCodeVerifier(42)).toThrow(RangeError);
    expect(() => createCodeVerifier(129)).toThrow(RangeError);
  });

  it('pairs a verifier with its challenge, and makes a fresh base64url state', () => {
    const pkce = createPkce();
    expect(pkce.method).toBe('S256');
    expect(pkce.challenge).toBe(codeChallengeS256(pkce.verifier));
    expect(pkce.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createState()).not.toBe(state);
  });
});
