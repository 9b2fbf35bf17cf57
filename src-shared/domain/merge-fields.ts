import type { Locale } from '../contract/common.js';

/*
 * Merge fields: `{{contact.firstName}}` in a template's subject or HTML, filled for each recipient. Pure, so the
 * engine (templates.render, mailings) and the composer's preview fill them the same way.
 *
 * Rules, and why:
 * - A field name is matched without regard to case or inner spaces (`{{ Contact.FirstName }}`): a person typing it
 *   means the field, not a new one.
 * - An unknown name is never dropped: it stays as written and is listed in `unknown` (templates refuse to be saved
 *   with one, so only text from elsewhere can carry it).
 * - A field without a value is listed in `missing`. In a preview (markMissing) it stays visible inside
 *   `<mark class="merge-missing" data-field="…">`; when sending for real it becomes empty — braces must never
 *   reach a customer — and the caller decides (the composer shows `missing` before sending, a mailing records it).
 * - Values are HTML-escaped when filled into HTML.
 * - `{{greeting}}` always has a value: the polite opening for the recipient's first name in the agent's language,
 *   or the formal form for someone whose first name is unknown (see greetingFor).
 * - When the target is a lead, contact.* and company.name are filled from the lead too (a lead is a contact not yet
 *   made), so one template serves a mailing to contacts and leads alike.
 */

export const MERGE_FIELDS = [
  'greeting',
  'contact.firstName',
  'contact.lastName',
  'contact.fullName',
  'contact.email',
  'contact.phone',
  'company.name',
  'lead.firstName',
  'lead.lastName',
  'lead.fullName',
  'lead.email',
  'lead.phone',
  'lead.companyName',
  'agent.fullName',
  'agent.firstName',
  'agent.email',
  'date.today',
  'date.tomorrow',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeFieldGroup = 'greeting' | 'contact' | 'company' | 'lead' | 'agent' | 'date';

/** The group a field is offered under in the insert menu: the part before the dot. */
export function mergeFieldGroup(field: MergeField): MergeFieldGroup {
  return field.split('.')[0] as MergeFieldGroup;
}

const BY_LOWER = new Map<string, MergeField>(MERGE_FIELDS.map((f) => [f.toLowerCase(), f]));

/** The field a name means (case and spaces ignored), or null. */
export function mergeFieldOf(name: string): MergeField | null {
  return BY_LOWER.get(name.replace(/\s+/g, '').toLowerCase()) ?? null;
}

/** How a field is written into a template. */
export const mergeToken = (field: MergeField): string => `{{${field}}}`;

export interface MergeTokenMatch {
  /** As written, braces included. */
  raw: string;
  /** Between the braces, trimmed. */
  name: string;
  field: MergeField | null;
  start: number;
  end: number;
}

const TOKEN = /\{\{([^{}]{0,100}?)\}\}/g;

/** Every `{{…}}` in a text, known or not, in order. */
export function parseMergeFields(text: string): MergeTokenMatch[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    raw: m[0],
    name: m[1]!.trim(),
    field: mergeFieldOf(m[1]!),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The names (as written) that are no merge field, once each. */
export function unknownMergeFields(...texts: string[]): string[] {
  return unique(texts.flatMap((t) => parseMergeFields(t).filter((m) => m.field === null).map((m) => m.name)));
}

/** Values by field; an absent or blank value is a missing one. */
export type MergeValues = Partial<Record<MergeField, string>>;

export interface FillOptions {
  /** The text is HTML: values are escaped, and missing fields can be marked. */
  html: boolean;
  /** Keep missing and unknown fields visible and marked (previews); otherwise a missing field becomes empty. */
  markMissing: boolean;
}

export interface Filled {
  text: string;
  /** Fields used but without a value, once each, in order of appearance. */
  missing: MergeField[];
  /** Names used that are no merge field, as written, once each. */
  unknown: string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]!};`);
}

/** A tag, comment or doctype, quoted attribute values included (a `>` inside quotes does not end it). */
const HTML_TAG = /<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

export function fillMergeFields(text: string, values: MergeValues, options: FillOptions): Filled {
  const missing: MergeField[] = [];
  const unknown: string[] = [];
  const fillText = (segment: string, inTag: boolean): string =>
    segment.replace(TOKEN, (raw: string, inner: string) => {
      const field = mergeFieldOf(inner);
      if (field === null) {
        unknown.push(inner.trim());
        if (!options.html || inTag || !options.markMissing) return raw;
        return `<mark class="merge-unknown" data-field="${escapeHtml(inner.trim())}">${escapeHtml(raw)}</mark>`;
      }
      const value = values[field]?.trim() ?? '';
      if (value !== '') return options.html ? escapeHtml(value) : value;
      missing.push(field);
      if (!options.markMissing) return '';
      // A <mark> cannot go inside an attribute: there the field stays as written.
      if (!options.html || inTag) return raw;
      return `<mark class="merge-missing" data-field="${field}">${mergeToken(field)}</mark>`;
    });

  let out: string;
  if (!options.html) {
    out = fillText(text, false);
  } else {
    out = '';
    let last = 0;
    for (const tag of text.matchAll(HTML_TAG)) {
      out += fillText(text.slice(last, tag.index), false) + fillText(tag[0], true);
      last = tag.index + tag[0].length;
    }
    out += fillText(text.slice(last), false);
  }
  return { text: out, missing: unique(missing), unknown: unique(unknown) };
}

export interface TemplateParts {
  subject: string;
  greeting: string;
  body: string;
  closing: string;
}

export interface FilledTemplate {
  subject: string;
  /** Greeting, body and closing one after the other, empty parts left out. */
  html: string;
  missing: MergeField[];
  unknown: string[];
}

/** A template's parts filled for one recipient: the subject as plain text, the parts as HTML. */
export function fillTemplateParts(parts: TemplateParts, values: MergeValues, markMissing: boolean): FilledTemplate {
  const subject = fillMergeFields(parts.subject, values, { html: false, markMissing });
  const html = [parts.greeting, parts.body, parts.closing].filter((part) => !isBlankHtml(part)).map((part) => fillMergeFields(part, values, { html: true, markMissing }));
  const all = [subject, ...html];
  return {
    subject: subject.text,
    html: html.map((h) => h.text).join('\n'),
    missing: unique(all.flatMap((f) => f.missing)),
    unknown: unique(all.flatMap((f) => f.unknown)),
  };
}

/** An editor's empty field ("<p><br></p>") says nothing and would only add a blank paragraph. */
export function isBlankHtml(html: string): boolean {
  if (/<(img|hr|table)\b/i.test(html)) return false;
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|\s/g, '') === '';
}

export interface MergePerson {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** The name as a whole when its parts are not known (an address's display name). */
  fullName?: string | undefined;
}

export interface MergeSources {
  contact: MergePerson | null;
  company: { name: string } | null;
  lead: (MergePerson & { companyName: string }) | null;
  agent: { name: string; email: string | null } | null;
  locale: Locale;
  now: Date;
  /** For tests and servers elsewhere; default: this machine's. */
  timeZone?: string | undefined;
}

const fullName = (p: MergePerson) => p.fullName?.trim() || `${p.firstName.trim()} ${p.lastName.trim()}`.trim();

/** Every field's value for one recipient. */
export function mergeValues(s: MergeSources): MergeValues {
  // A lead stands in for the contact it may become.
  const person = s.contact ?? s.lead;
  const tomorrow = new Date(s.now.getTime() + 24 * 60 * 60 * 1000);
  const values: MergeValues = {
    greeting: greetingFor(s.locale, person?.firstName ?? ''),
    'date.today': longDate(s.now, s.locale, s.timeZone),
    'date.tomorrow': longDate(tomorrow, s.locale, s.timeZone),
  };
  if (person) {
    values['contact.firstName'] = person.firstName;
    values['contact.lastName'] = person.lastName;
    values['contact.fullName'] = fullName(person);
    values['contact.email'] = person.email ?? '';
    values['contact.phone'] = person.phone ?? '';
  }
  values['company.name'] = s.company?.name ?? s.lead?.companyName ?? '';
  if (s.lead) {
    values['lead.firstName'] = s.lead.firstName;
    values['lead.lastName'] = s.lead.lastName;
    values['lead.fullName'] = fullName(s.lead);
    values['lead.email'] = s.lead.email ?? '';
    values['lead.phone'] = s.lead.phone ?? '';
    values['lead.companyName'] = s.lead.companyName;
  }
  if (s.agent) {
    values['agent.fullName'] = s.agent.name.trim();
    values['agent.firstName'] = s.agent.name.trim().split(/\s+/)[0] ?? '';
    values['agent.email'] = s.agent.email ?? '';
  }
  return values;
}

/**
 * The opening line, as an office in each language writes to a customer. Without a title or gender on record,
 * the first name is the polite personal form in all three ("Dear Marie," / "Bonjour Marie," / "Bună ziua,
 * Maria,"); with no first name, the formal letter opening that names no one ("Dear Sir or Madam," / "Madame,
 * Monsieur," / "Stimată doamnă, stimate domn,") — never a bare surname, which reads as curt in French and Romanian.
 */
export function greetingFor(locale: Locale, firstName: string): string {
  const name = firstName.trim();
  switch (locale) {
    case 'fr':
      return name ? `Bonjour ${name},` : 'Madame, Monsieur,';
    case 'ro':
      return name ? `Bună ziua, ${name},` : 'Stimată doamnă, stimate domn,';
    case 'en':
      return name ? `Dear ${name},` : 'Dear Sir or Madam,';
  }
}

/** The locale's long date: "November 23, 2026", "23 novembre 2026", "23 noiembrie 2026". */
export function longDate(date: Date, locale: Locale, timeZone?: string): string {
  const key = `${locale} ${timeZone ?? ''}`;
  let format = LONG_DATES.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) });
    LONG_DATES.set(key, format);
  }
  return format.format(date);
}

// Making a formatter costs far more than using one, and a mailing fills the date once per recipient.
const LONG_DATES = new Map<string, Intl.DateTimeFormat>();

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
