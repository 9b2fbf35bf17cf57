import DOMPurify from 'dompurify';
import { htmlToText } from './html-text.js';
import { resourceKind, rewriteCss, srcsetKind, type ResourceKind } from './remote-urls.js';

/**
 * Every HTML body passes through here before it reaches the frame: an allow-list in the manner of Mailspring's
 * sanitize-transformer and Tutanota's HtmlSanitizer (see docs research, "Rendering untrusted HTML email"). The
 * frame's sandbox and CSP would stop scripts and fetches anyway; this removes what they do not cover (forms,
 * <meta refresh>, <base>) and counts the remote resources for the "load remote content" bar.
 */

const ALLOWED_TAGS = [
  'html', 'head', 'body', 'title', 'style', 'link',
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'li',
  'main', 'mark', 'nav', 'ol', 'p', 'picture', 'pre', 'q', 's', 'samp', 'section', 'small', 'source', 'span',
  'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt',
  'u', 'ul', 'var', 'video', 'wbr',
];

const ALLOWED_ATTR = [
  'abbr', 'align', 'alt', 'background', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'cite', 'class',
  'clear', 'color', 'cols', 'colspan', 'datetime', 'dir', 'face', 'headers', 'height', 'href', 'hreflang',
  'hspace', 'id', 'lang', 'media', 'name', 'nowrap', 'open', 'poster', 'rel', 'reversed', 'rowspan', 'rules',
  'scope', 'size', 'sizes', 'span', 'src', 'srcset', 'start', 'style', 'summary', 'target', 'title', 'type',
  'valign', 'vspace', 'width',
];

/**
 * http(s), mailto, tel, cid and data: images; relative values pass so that ordinary attributes ("100%", "top")
 * survive DOMPurify's URI test, and the hook below decides what may load. javascript:, vbscript:, file: and any
 * other scheme fail it.
 */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto|tel|cid):|data:image\/|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Where a neutralised URL waits (`data-facteur-src`…), so the markup still shows what "Load" would fetch. */
export const BLOCKED_PREFIX = 'data-facteur-';

/** Attributes whose URL the frame would fetch, by the elements that may carry them. */
const RESOURCE_ATTRS: Record<string, readonly string[]> = {
  img: ['src', 'srcset'],
  source: ['srcset'],
  video: ['poster'],
  body: ['background'],
  table: ['background'],
  td: ['background'],
  th: ['background'],
  tr: ['background'],
};

export interface SanitizedBody {
  /** The whole sanitised document, `<html>…</html>`. */
  html: string;
  /** A plain-text rendering of it, for the plain text view when the message has no text part. */
  text: string;
  /** Remote resources the message asks for, counted whether or not they were kept. */
  remote: number;
}

export function sanitizeBody(dirty: string, allowRemote: boolean): SanitizedBody {
  // A fresh instance per call: hooks are per instance, and this call's count must not leak into another's.
  const purify = DOMPurify(window);
  let remote = 0;

  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent) {
      // Mail often wraps its CSS in <!-- -->, which CSS ignores but DOMPurify takes for markup and drops the
      // whole block; without the markers the style sheet survives.
      const rewritten = rewriteCss(node.textContent.replace(/<!--|-->/g, ''), allowRemote);
      remote += rewritten.remote;
      node.textContent = rewritten.css;
    }
  });

  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'link') {
      handleLink(el);
      return;
    }
    if (tag === 'a') el.setAttribute('rel', 'noopener noreferrer');
    if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('target', '_blank');
    if (tag !== 'a') el.removeAttribute('href');
    let remoteHere = false;
    for (const attr of ['src', 'srcset', 'background', 'poster']) {
      const value = el.getAttribute(attr);
      if (value === null) continue;
      // Video and audio sources are media-src, which the frame never allows: drop rather than count them.
      const kind: ResourceKind = !RESOURCE_ATTRS[tag]?.includes(attr) ? 'other' : attr === 'srcset' ? srcsetKind(value) : resourceKind(value);
      if (kind === 'remote') remoteHere = true;
      if (kind === 'other' || (kind === 'remote' && !allowRemote)) el.removeAttribute(attr);
      if (kind === 'remote' && !allowRemote) el.setAttribute(BLOCKED_PREFIX + attr, value);
    }
    if (remoteHere) remote++;
    const style = el.getAttribute('style');
    if (style) {
      const rewritten = rewriteCss(style, allowRemote);
      remote += rewritten.remote;
      if (rewritten.remote > 0 && !allowRemote) el.setAttribute(`${BLOCKED_PREFIX}style`, style);
      el.setAttribute('style', rewritten.css);
    }
  });

  /** Only style sheets may stay, and they are remote resources like any image. */
  function handleLink(el: Element): void {
    const href = el.getAttribute('href') ?? '';
    const isSheet = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet');
    const kind = resourceKind(href);
    if (!isSheet || kind !== 'remote') {
      el.remove();
      return;
    }
    el.setAttribute('rel', 'stylesheet');
    remote++;
    if (!allowRemote) {
      el.setAttribute(`${BLOCKED_PREFIX}href`, href);
      el.removeAttribute('href');
    }
  }

  const root = purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP,
    // A sender's own data-* could pose as a neutralised URL; ours are added after the check.
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: true,
    KEEP_CONTENT: true,
    // The <head> holds the message's <style> blocks, which a body-only sanitise would drop.
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
  });
  // Typed as a Node: with WHOLE_DOCUMENT it is the <html> element, or nothing when no element survived.
  if (!(root instanceof Element)) return { html: '', text: '', remote };
  return { html: root.outerHTML, text: htmlToText(root), remote };
}
