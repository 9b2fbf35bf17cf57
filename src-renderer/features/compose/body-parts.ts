import type { Signature } from '../../../src-shared/contract/index.js';

type SignaturePosition = Signature['position'];
import { htmlToText } from '../reader/html-text.js';
import { sanitizeBody } from '../reader/sanitize.js';

/**
 * A mail as the composer holds it: what the person writes (the editor), the account's signature and the quoted
 * original, kept apart so that choosing another account swaps the signature and the quote can be removed in one
 * click. They are joined into the Draft's HTML and text; marked wrappers let a saved draft be taken apart again.
 */
export interface BodyParts {
  /** The editor's HTML (rich mode) — the body written so far. */
  html: string;
  /** The body in plain-text mode. */
  text: string;
  /** Sanitised HTML fragments, '' when absent. */
  signature: string;
  position: SignaturePosition;
  quote: string;
}

const SIGNATURE_CLASS = 'facteur-signature';
const QUOTE_CLASS = 'facteur-quote';

/**
 * Untrusted HTML (a quoted mail, a signature) as a fragment that may sit inside our own mail: sanitised like the
 * reading pane (no script, handler or form survives), remote images kept as the original had them, and its
 * document-wide <style> blocks dropped, since in a reply they would restyle the whole message.
 */
export function htmlFragment(dirty: string): string {
  if (dirty.trim() === '') return '';
  const { html } = sanitizeBody(dirty, true);
  if (html === '') return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.body.querySelectorAll('style').forEach((s) => s.remove());
  return doc.body.innerHTML.trim();
}

export function fragmentText(fragment: string): string {
  if (fragment === '') return '';
  const doc = new DOMParser().parseFromString(fragment, 'text/html');
  return htmlToText(doc.body).trim();
}

/** The mail's HTML: the body, then the signature and the quote in the order the account's preference says. */
export function assembleHtml(parts: BodyParts): string {
  const signature = parts.signature ? `<div class="${SIGNATURE_CLASS}">${parts.signature}</div>` : '';
  const quote = parts.quote ? `<div class="${QUOTE_CLASS}">${parts.quote}</div>` : '';
  return parts.html + (parts.position === 'above-quote' ? signature + quote : quote + signature);
}

/** The same in plain text: the signature after the usual "-- " line (RFC 3676 §4.3), the quote with "> ". */
export function assembleText(parts: BodyParts, body: string): string {
  const blocks = [body.replace(/\s+$/, '')];
  const signature = fragmentText(parts.signature);
  const quote = fragmentText(parts.quote)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  const tail = parts.position === 'above-quote' ? [signature && `-- \n${signature}`, parts.quote && quote] : [parts.quote && quote, signature && `-- \n${signature}`];
  return [...blocks, ...tail.filter((b) => b)].join('\n\n');
}

/**
 * A saved draft's HTML taken apart: our own wrappers at the top level mark the signature and the quote (a quoted
 * mail written with Facteur carries them too, deeper down, and stays inside the quote).
 */
export function splitHtml(html: string): Pick<BodyParts, 'html' | 'signature' | 'quote' | 'position'> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const signature = doc.body.querySelector(`:scope > .${SIGNATURE_CLASS}`);
  const quote = doc.body.querySelector(`:scope > .${QUOTE_CLASS}`);
  const position: SignaturePosition =
    signature && quote && quote.compareDocumentPosition(signature) & Node.DOCUMENT_POSITION_FOLLOWING ? 'below-quote' : 'above-quote';
  const parts = { signature: signature?.innerHTML ?? '', quote: quote?.innerHTML ?? '', position };
  signature?.remove();
  quote?.remove();
  return { html: doc.body.innerHTML, ...parts };
}
