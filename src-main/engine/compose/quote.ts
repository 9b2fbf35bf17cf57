import type { Address, Locale } from '../../../src-shared/contract/index.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { escapeHtml, textAsHtml } from './html-body.js';

/** What a quote needs of the original. Its HTML has its cid: pictures already turned into data: URLs. */
export interface QuotedOriginal {
  from: Address | null;
  to: Address[];
  cc: Address[];
  date: Date | null;
  subject: string;
  html: string | null;
  text: string | null;
}

/*
 * The words around a quote, in the agent's language. The forward's title is one that crm/signature.ts recognises as
 * the start of an earlier message, so our own forwards are cut there when they come back quoted.
 */
const WORDS: Record<Locale, { wrote: (date: string, name: string) => string; wroteUndated: (name: string) => string; forwarded: string; from: string; date: string; subject: string; to: string; cc: string }> = {
  en: {
    wrote: (date, name) => `On ${date}, ${name} wrote:`,
    wroteUndated: (name) => `${name} wrote:`,
    forwarded: 'Forwarded message',
    from: 'From',
    date: 'Date',
    subject: 'Subject',
    to: 'To',
    cc: 'Cc',
  },
  fr: {
    wrote: (date, name) => `Le ${date}, ${name} a écrit :`,
    wroteUndated: (name) => `${name} a écrit :`,
    forwarded: 'Message transféré',
    from: 'De',
    date: 'Date',
    subject: 'Objet',
    to: 'À',
    cc: 'Cc',
  },
  ro: {
    wrote: (date, name) => `La ${date}, ${name} a scris:`,
    wroteUndated: (name) => `${name} a scris:`,
    forwarded: 'Mesaj redirecționat',
    from: 'De la',
    date: 'Data',
    subject: 'Subiect',
    to: 'Către',
    cc: 'Cc',
  },
};

export function formatQuoteDate(date: Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

function bodyOf(original: QuotedOriginal): string {
  if (original.html !== null && original.html.trim() !== '') return original.html;
  return textAsHtml(original.text ?? '');
}

/** "On DATE, NAME wrote:" above the original, quoted as mail clients quote (a cite blockquote). */
export function replyQuote(original: QuotedOriginal, locale: Locale, timeZone?: string): string {
  const words = WORDS[locale];
  const who = original.from ? original.from.name || original.from.address : '?';
  const line = original.date ? words.wrote(formatQuoteDate(original.date, locale, timeZone), who) : words.wroteUndated(who);
  return `<div class="facteur-quote-header">${escapeHtml(line)}</div>\n<blockquote type="cite" style="margin: 0 0 0 0.8ex; border-left: 1px solid #ccc; padding-left: 1ex">${bodyOf(original)}</blockquote>`;
}

/** The forwarded message's header block (from, date, subject, to), then its body, as mail clients forward inline. */
export function forwardQuote(original: QuotedOriginal, locale: Locale, timeZone?: string): string {
  const words = WORDS[locale];
  const people = (list: Address[]) => list.map(formatAddress).join(', ');
  const rows: Array<[string, string]> = [
    [words.from, original.from ? formatAddress(original.from) : ''],
    [words.date, original.date ? formatQuoteDate(original.date, locale, timeZone) : ''],
    [words.subject, original.subject],
    [words.to, people(original.to)],
    [words.cc, people(original.cc)],
  ];
  const header = rows
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `<b>${escapeHtml(label)}:</b> ${escapeHtml(value)}<br>`)
    .join('\n');
  return `<div class="facteur-forward-header">-------- ${escapeHtml(words.forwarded)} --------<br>\n${header}</div>\n<br>\n${bodyOf(original)}`;
}
