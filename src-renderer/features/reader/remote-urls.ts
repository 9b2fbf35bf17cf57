/**
 * Which URLs in a message would reach the network, and CSS rewritten so that they do not. Counting here feeds
 * the "N remote items blocked" bar; the frame's CSP is what actually stops a fetch, so a URL these patterns miss
 * (a CSS escape such as `\75 rl(`) is still not loaded while remote content is blocked.
 */

export type ResourceKind = 'data' | 'remote' | 'other';

// Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces at its ends (WHATWG URL), so
// "ht\ttp://x" is still http://x. Backslashes count as slashes in special URLs, and "http:host" is valid too.
function normalise(url: string): string {
  const compact = url.replace(/[\t\n\r]/g, '');
  let start = 0;
  let end = compact.length;
  while (start < end && compact.charCodeAt(start) <= 0x20) start++;
  while (end > start && compact.charCodeAt(end - 1) <= 0x20) end--;
  return compact.slice(start, end);
}

export function resourceKind(url: string): ResourceKind {
  const value = normalise(url);
  if (/^data:/i.test(value)) return 'data';
  if (/^https?:/i.test(value) || /^[/\\]{2}/.test(value)) return 'remote';
  // Relative URLs would resolve against the app's own address (srcdoc inherits it), cid: the engine could not
  // resolve, file: and the rest: none of them may load.
  return 'other';
}

/** A srcset lists candidates "url descriptor, url descriptor"; the attribute is as remote as its worst entry. */
export function srcsetKind(srcset: string): ResourceKind {
  const kinds = srcset
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '')
    .map(resourceKind);
  if (kinds.includes('remote')) return 'remote';
  return kinds.length > 0 && kinds.every((k) => k === 'data') ? 'data' : 'other';
}

// @import fetches a whole style sheet past any per-image decision (Mailspring strips it for that reason).
const CSS_IMPORT = /@import\b[^;]*;?/gi;
// url(...) with or without quotes, and bare quoted remote URLs, which image-set("…" 1x) and @font-face accept.
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)|(['"])((?:https?:)?\/\/.*?)\3/gi;

export interface RewrittenCss {
  css: string;
  /** How many remote URLs the CSS names, whether or not they were kept. */
  remote: number;
}

/**
 * Drops @import, and replaces each url() that is not data: with `none`, which keeps shorthands such as
 * `background: url(x) no-repeat #fff` valid. Remote URLs are kept only when `allowRemote`.
 */
export function rewriteCss(css: string, allowRemote: boolean): RewrittenCss {
  let remote = 0;
  const rewritten = css.replace(CSS_IMPORT, '').replace(CSS_URL, (whole, _q: string, url?: string, _q2?: string, bare?: string) => {
    if (bare !== undefined) {
      remote++;
      return allowRemote ? whole : '""';
    }
    const kind = resourceKind(url ?? '');
    if (kind === 'remote') remote++;
    return kind === 'data' || (kind === 'remote' && allowRemote) ? whole : 'none';
  });
  return { css: rewritten, remote };
}
