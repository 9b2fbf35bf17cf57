import { describe, expect, it } from 'vitest';
import { isMessageWindowUrl } from '../../src-main/hosts/electron/window-options.js';

/** The one page Electron lets a window open (web-guards.ts): our own entry showing one message, nothing else. */
describe('the message window URL Electron allows', () => {
  it.each([
    ['app://facteur/index.html#message=42', true],
    ['app://facteur/index.html#message=1', true],
    ['app://facteur/index.html#message=0', false],
    ['app://facteur/index.html#message=42&token=x', false],
    ['app://facteur/index.html?x=1#message=42', false],
    ['app://facteur/other.html#message=42', false],
    ['app://facteur.evil/index.html#message=42', false],
    ['app://user@facteur/index.html#message=42', false],
    ['https://facteur/index.html#message=42', false],
    ['file:///index.html#message=42', false],
    ['app://facteur/index.html#message=42/../x', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isMessageWindowUrl(url)).toBe(allowed);
  });
});
