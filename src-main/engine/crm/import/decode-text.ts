import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../../src-shared/contract/index.js';

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
}

/**
 * The single-byte encodings offices' files come in when they are not Unicode: Excel's "CSV" on a French Windows
 * writes Windows-1252, on a Romanian one Windows-1250, older tools ISO-8859-2. chardet ranks these by the
 * language its byte patterns look like; anything else it suggests (Shift_JIS for a short file…) is not considered,
 * and the letters that tell French from Romanian have the last word.
 */
const LEGACY: Record<string, ImportEncoding> = {
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'windows-1250': 'windows-1250',
  'ISO-8859-2': 'iso-8859-2',
};

function hasBytesIn(bytes: Uint8Array, from: number, to: number): boolean {
  for (const b of bytes) if (b >= from && b <= to) return true;
  return false;
}

/** UTF-16 without a byte order mark: ASCII text leaves every other byte zero. */
function utf16WithoutBom(bytes: Uint8Array): ImportEncoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Bytes that give the language away, where a file's few accented letters leave chardet unsure: ă, ş and ţ (and
 * their capitals) are ã, º, ª and þ in Latin-1, which French text never has; è, ê, à, ù and û are č, ę, ŕ, ů and ű
 * in ISO-8859-2 and Windows-1250, which Romanian text never has.
 */
const ROMANIAN_BYTES = new Set([0xe3, 0xc3, 0xba, 0xaa, 0xfe, 0xde]);
const FRENCH_BYTES = new Set([0xe8, 0xc8, 0xea, 0xca, 0xe0, 0xc0, 0xf9, 0xd9, 0xfb, 0xdb]);

function legacyEncoding(bytes: Uint8Array): ImportEncoding {
  let romanian = 0;
  let french = 0;
  for (const b of bytes) {
    if (ROMANIAN_BYTES.has(b)) romanian++;
    else if (FRENCH_BYTES.has(b)) french++;
  }
  const best = analyse(bytes).find((m) => m.name in LEGACY);
  let guess = best ? LEGACY[best.name]! : 'windows-1252';
  if (romanian > french && guess === 'windows-1252') guess = 'iso-8859-2';
  if (french > romanian) guess = 'windows-1252';
  // 0x80–0x9F are control codes in ISO-8859-2 and never in text, but letters and quotes in Windows-1250.
  return guess === 'iso-8859-2' && hasBytesIn(bytes, 0x80, 0x9f) ? 'windows-1250' : guess;
}

export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return legacyEncoding(bytes);
  }
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Decodes a file's bytes as the given encoding or the detected one; a byte order mark is dropped. iconv-lite, not
 * TextDecoder: Node 20's reads windows-1252 as Latin-1, turning œ, € and ’ into control codes.
 */
export function decodeText(bytes: Uint8Array, encoding?: ImportEncoding): DecodedText {
  const chosen = encoding ?? detectEncoding(bytes);
  return { text: iconv.decode(asBuffer(bytes), chosen), encoding: chosen };
}

/** Bytes of one vCard 2.1 quoted-printable value, read as the CHARSET it names (or the file's own encoding). */
export function decodeBytes(bytes: Uint8Array, charset: string | undefined, fallback: ImportEncoding): string {
  // An unknown CHARSET label leaves the file's encoding as the best remaining guess.
  if (charset && iconv.encodingExists(charset)) return iconv.decode(asBuffer(bytes), charset);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(asBuffer(bytes), fallback === 'utf-8' || fallback.startsWith('utf-16') ? 'windows-1252' : fallback);
  }
}
