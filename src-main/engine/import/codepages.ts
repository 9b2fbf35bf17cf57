import { TextDecoder } from 'node:util';

/**
 * Windows code pages as they appear in Outlook data: PR_MESSAGE_CODEPAGE / PR_INTERNET_CPID on a message, \ansicpgN
 * and \fcharset in RTF. Decoding goes through the WHATWG TextDecoder (Node ships full ICU), so no extra charset
 * library is needed; an unknown page falls back to windows-1252, the page Outlook used when it knew no better.
 */

const WHATWG_LABEL: Record<number, string> = {
  437: 'windows-1252', // no WHATWG decoder for the OEM page; its letters agree with 1252 where it matters for text
  850: 'windows-1252',
  866: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  10007: 'x-mac-cyrillic',
  20127: 'windows-1252',
  20866: 'koi8-r',
  21866: 'koi8-u',
  28591: 'windows-1252',
  28592: 'iso-8859-2',
  28593: 'iso-8859-3',
  28594: 'iso-8859-4',
  28595: 'iso-8859-5',
  28596: 'iso-8859-6',
  28597: 'iso-8859-7',
  28598: 'iso-8859-8',
  28599: 'windows-1254',
  28603: 'iso-8859-13',
  28605: 'iso-8859-15',
  38598: 'iso-8859-8-i',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  51932: 'euc-jp',
  51936: 'gbk',
  51949: 'euc-kr',
  52936: 'gbk',
  54936: 'gb18030',
  65001: 'utf-8',
};

const decoders = new Map<string, TextDecoder>();

/** Decodes bytes written in Windows code page `codepage` (0 or unknown: windows-1252). */
export function decodeCodepage(bytes: Uint8Array, codepage: number): string {
  const label = WHATWG_LABEL[codepage] ?? 'windows-1252';
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label);
    decoders.set(label, decoder);
  }
  return decoder.decode(bytes);
}

/** "cp1252" (the names rtf-stream-parser asks for) → 1252; anything else → 0. */
export function codepageFromName(name: string): number {
  const n = /^cp(\d+)$/i.exec(name)?.[1];
  return n ? Number(n) : 0;
}

/**
 * The ANSI code page in which PT_STRING8 properties of a message were written, from its message code page or,
 * failing that, its internet code page (an ISO-2022-JP mail was written by a Japanese Outlook in cp932, and so on).
 */
export function ansiCodepageOf(messageCodepage: number | undefined, internetCodepage: number | undefined): number {
  if (messageCodepage && ANSI_PAGES.has(messageCodepage)) return messageCodepage;
  const cp = internetCodepage ?? 0;
  if (ANSI_PAGES.has(cp)) return cp;
  return INTERNET_TO_ANSI[cp] ?? 1252;
}

const ANSI_PAGES = new Set([874, 932, 936, 949, 950, 1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258]);

const INTERNET_TO_ANSI: Record<number, number> = {
  20127: 1252,
  28591: 1252,
  28605: 1252,
  28592: 1250,
  28595: 1251,
  20866: 1251,
  21866: 1251,
  28597: 1253,
  28599: 1254,
  28598: 1255,
  38598: 1255,
  28596: 1256,
  28594: 1257,
  28603: 1257,
  50220: 932,
  50221: 932,
  50222: 932,
  51932: 932,
  51936: 936,
  52936: 936,
  54936: 936,
  51949: 949,
  50225: 949,
  51950: 950,
};
