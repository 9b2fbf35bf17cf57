import type { ImportEncoding } from '../../../../src-shared/contract/index.js';
import { decodeBytes } from './decode-text.js';

/**
 * A vCard reader for the three versions in circulation: 2.1 (phones, Outlook: bare parameters such as
 * `TEL;WORK;VOICE`, QUOTED-PRINTABLE values whose soft line breaks are not folding, a CHARSET per value, base64
 * photos whose lines need not be indented), 3.0 (RFC 2426) and 4.0 (RFC 6350). Written here because the libraries
 * looked at each miss part of this: ical.js refuses 2.1's bare parameters, and neither it nor vcf nor vcard4 decode
 * quoted-printable or join its soft line breaks, so the 2.1 layer and the unescaping would be ours anyway.
 */

export interface VProperty {
  /** Upper case, without its group (`item1.EMAIL` → `EMAIL`). */
  name: string;
  /** Upper-case keys; 2.1's bare parameters are filed under TYPE (or ENCODING); TYPE values lower case. */
  params: Map<string, string[]>;
  /** The value with quoted-printable decoded, still escaped (`\,` `\;` `\n`). */
  value: string;
}

export interface VCard {
  /** Position in the file, from 1. */
  number: number;
  version: string;
  properties: VProperty[];
  /** END:VCARD was missing: the card ran to the end of the file or into the next BEGIN. */
  unterminated: boolean;
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function headerEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

const isQuotedPrintable = (line: string) => {
  const end = headerEnd(line);
  return end > 0 && /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i.test(line.slice(0, end));
};

/**
 * Physical lines to logical ones: folding (a line starting with a space or tab continues the previous one, minus
 * that one character: RFC 6350 §3.2), quoted-printable soft breaks (`=` at the end of the line), and 2.1 base64
 * data lines written without indent (no `:`, which base64 never contains).
 */
export function unfold(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const logical: string[] = [];
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    const last = logical.length - 1;
    if (last >= 0 && (line.startsWith(' ') || line.startsWith('\t'))) logical[last] += line.slice(1);
    else if (last >= 0 && line.trim() !== '' && !line.includes(':')) logical[last] += line.trim();
    else logical.push(line);
    const current = logical.length - 1;
    while (isQuotedPrintable(logical[current]!) && logical[current]!.endsWith('=') && i + 1 < physical.length) {
      logical[current] = logical[current]!.slice(0, -1) + physical[++i]!;
    }
  }
  return logical;
}

const utf8 = new TextEncoder();

function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // Characters outside QP's ASCII are kept as the file's text had them.
      for (const b of utf8.encode(ch)) bytes.push(b);
    }
  }
  return new Uint8Array(bytes);
}

function parseParams(parts: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const bare = part.trim().toUpperCase();
      if (bare) add(ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
    add(key, values.map((v) => (key === 'ENCODING' ? v.toUpperCase() : v)));
  }
  const types = params.get('TYPE');
  if (types) params.set('TYPE', types.flatMap((t) => t.toLowerCase().split(',')).filter(Boolean));
  return params;
}

function parseProperty(line: string, fileEncoding: ImportEncoding): VProperty | null {
  const end = headerEnd(line);
  if (end <= 0) return null;
  const [nameWithGroup = '', ...paramParts] = splitOutsideQuotes(line.slice(0, end), ';');
  const name = nameWithGroup.trim().replace(/^.*\./, '').toUpperCase();
  const params = parseParams(paramParts);
  const raw = line.slice(end + 1);
  const encoding = params.get('ENCODING')?.[0];
  const value = encoding === 'QUOTED-PRINTABLE' ? decodeBytes(quotedPrintableBytes(raw), params.get('CHARSET')?.[0], fileEncoding) : raw;
  return { name, params, value };
}

/** Every card in the file, in order; text outside BEGIN:VCARD … END:VCARD is ignored. */
export function parseVCards(text: string, fileEncoding: ImportEncoding): VCard[] {
  const cards: VCard[] = [];
  let current: VCard | null = null;
  // An AGENT's card embedded in 2.1 (on the AGENT line itself or on the next) is someone else's card: skipped,
  // and its END:VCARD does not end its holder.
  let nested = 0;
  let agentNext = false;
  for (const line of unfold(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (agentNext || nested > 0) nested++;
      else {
        if (current) current.unterminated = true;
        current = { number: cards.length + 1, version: '', properties: [], unterminated: false };
        cards.push(current);
      }
      agentNext = false;
      continue;
    }
    agentNext = false;
    if (upper === 'END:VCARD') {
      if (nested > 0) nested--;
      else current = null;
      continue;
    }
    if (!current || nested > 0) continue;
    const property = parseProperty(line, fileEncoding);
    if (!property) continue;
    if (property.name === 'AGENT') {
      const inline = property.value.trim().toUpperCase();
      if (inline === '') agentNext = true;
      else if (inline === 'BEGIN:VCARD') nested++;
      continue;
    }
    if (property.name === 'VERSION') current.version = property.value.trim();
    else current.properties.push(property);
  }
  if (current) current.unterminated = true;
  return cards;
}

/** A text value unescaped (RFC 6350 §3.4): `\n` is a line break, `\,` `\;` `\\` the character itself. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A structured value (N, ORG, ADR): components split on `;` that are not escaped, each unescaped. */
export function components(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === ';') {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => unescapeText(p).trim());
}
