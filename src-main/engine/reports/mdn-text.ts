import type { Locale } from '../../../src-shared/contract/index.js';

/** The human-readable words of a read receipt we send, in the language of the agent who sends it. */
export interface MdnWords {
  subject: (subject: string) => string;
  /** RFC 8098 §3.1: says what happened and, as the RFC's own example does, that displayed is not read or understood. */
  body: (v: { date: string | null; recipient: string; subject: string }) => string;
}

// The subject prefixes are Outlook's in each language, which is what recipients of receipts are used to seeing.
const WORDS: Record<Locale, MdnWords> = {
  en: {
    subject: (s) => `Read: ${s}`,
    body: ({ date, recipient, subject }) =>
      `The message${date ? ` sent on ${date}` : ''} to ${recipient} with subject "${subject}" has been displayed. ` +
      'This is no guarantee that the message has been read or understood.',
  },
  fr: {
    subject: (s) => `Lu : ${s}`,
    body: ({ date, recipient, subject }) =>
      `Le message${date ? ` envoyé le ${date}` : ''} à ${recipient} avec l’objet « ${subject} » a été affiché. ` +
      'Cela ne garantit pas que le message a été lu ou compris.',
  },
  ro: {
    subject: (s) => `Citit: ${s}`,
    body: ({ date, recipient, subject }) =>
      `Mesajul${date ? ` trimis pe ${date}` : ''} către ${recipient} cu subiectul „${subject}” a fost afișat. ` +
      'Aceasta nu garantează că mesajul a fost citit sau înțeles.',
  },
};

export function mdnWords(locale: Locale): MdnWords {
  return WORDS[locale];
}

/** The agent's language, else the system's when it is one we speak, else English. */
export function mdnLocale(agentLocale: Locale | null): Locale {
  if (agentLocale) return agentLocale;
  const system = Intl.DateTimeFormat().resolvedOptions().locale.slice(0, 2);
  return system === 'fr' || system === 'ro' ? system : 'en';
}

export function mdnDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
