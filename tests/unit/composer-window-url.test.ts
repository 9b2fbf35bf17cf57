import { describe, expect, it } from 'vitest';
import { isComposeWindowUrl } from '../../src-main/hosts/electron/window-options.js';
import { composeHash, composeWindowTarget, type ComposeTarget } from '../../src-renderer/features/compose/compose-window.js';

const ENTRY = 'app://facteur/index.html';

/** The composer's window: what the renderer writes, Electron lets open (web-guards.ts), and nothing more. */
describe('the composer window URL', () => {
  const targets: ComposeTarget[] = [
    { kind: 'start', mode: 'new', quote: true },
    { kind: 'start', mode: 'reply', messageId: 42, quote: true },
    { kind: 'start', mode: 'reply-all', messageId: 42, quote: false },
    { kind: 'start', mode: 'forward-as-attachment', messageId: 7, quote: true },
    { kind: 'start', mode: 'new', contactId: 5, templateId: 9, quote: true },
    { kind: 'draft', id: 12 },
    { kind: 'drafts-message', id: 300 },
  ];

  it.each(targets)('%o is written, read back and allowed', (target) => {
    const hash = composeHash(target);
    expect(composeWindowTarget(hash)).toEqual(target);
    expect(isComposeWindowUrl(ENTRY + hash)).toBe(true);
  });

  it.each([
    [`${ENTRY}#compose=start&mode=delete`, false],
    [`${ENTRY}#compose=start`, false],
    [`${ENTRY}#compose=draft&id=0`, false],
    [`${ENTRY}#compose=draft&id=12&token=x`, false],
    [`${ENTRY}#compose=start&mode=reply&quote=0&message=4`, false],
    [`${ENTRY}#compose=start&mode=new&to=a@b.c`, false],
    ['app://facteur/index.html?x=1#compose=draft&id=12', false],
    ['app://facteur/other.html#compose=draft&id=12', false],
    ['app://facteur.evil/index.html#compose=draft&id=12', false],
    ['https://facteur/index.html#compose=draft&id=12', false],
    ['not a url', false],
  ])('Electron refuses %s', (url, allowed) => {
    expect(isComposeWindowUrl(url)).toBe(allowed);
  });

  it('reads no target from other pages or malformed hashes', () => {
    expect(composeWindowTarget('#message=42')).toBeNull();
    expect(composeWindowTarget('')).toBeNull();
    expect(composeWindowTarget('#compose=draft&id=abc')).toBeNull();
    expect(composeWindowTarget('#compose=start&mode=nonsense')).toBeNull();
  });
});
