import { describe, expect, it } from 'vitest';
import {
  fillMergeFields,
  greetingFor,
  longDate,
  mergeValues,
  parseMergeFields,
  unknownMergeFields,
  type MergeSources,
} from '../../src-shared/domain/merge-fields.js';

const NOON = new Date('2026-03-05T12:00:00Z');
const marie = { firstName: 'Marie', lastName: 'Lefèvre', email: 'marie@boulangerie.fr', phone: '+33 1 23 45 67 89' };
const sources = (over: Partial<MergeSources> = {}): MergeSources => ({
  contact: marie,
  company: { name: 'Boulangerie Lefèvre' },
  lead: null,
  agent: { name: 'Jean Martin', email: 'jean@facteur.test' },
  locale: 'fr',
  now: NOON,
  timeZone: 'Europe/Paris',
  ...over,
});
const html = { html: true, markMissing: true };
const sending = { html: true, markMissing: false };

describe('merge fields', () => {
  it('fill a French letter for a contact of a company, in the agent’s language', () => {
    const body = '<p>{{greeting}}</p><p>Suite à notre échange du {{date.today}}, voici le devis pour {{company.name}}.</p><p>{{agent.fullName}} ({{agent.firstName}}, {{agent.email}})</p>';
    const filled = fillMergeFields(body, mergeValues(sources()), html);
    expect(filled.text).toBe(
      '<p>Bonjour Marie,</p><p>Suite à notre échange du 5 mars 2026, voici le devis pour Boulangerie Lefèvre.</p><p>Jean Martin (Jean, jean@facteur.test)</p>',
    );
    expect(filled.missing).toEqual([]);
    expect(filled.unknown).toEqual([]);
  });

  it('give every contact field, and tomorrow’s date', () => {
    const subject = '{{contact.fullName}} <{{contact.email}}> {{contact.phone}} — {{contact.lastName}}, {{date.tomorrow}}';
    expect(fillMergeFields(subject, mergeValues(sources({ locale: 'en' })), { html: false, markMissing: true }).text).toBe(
      'Marie Lefèvre <marie@boulangerie.fr> +33 1 23 45 67 89 — Lefèvre, March 6, 2026',
    );
  });

  it('write dates and greetings as an office in each language does', () => {
    expect([longDate(NOON, 'en', 'UTC'), longDate(NOON, 'fr', 'UTC'), longDate(NOON, 'ro', 'UTC')]).toEqual(['March 5, 2026', '5 mars 2026', '5 martie 2026']);
    expect([greetingFor('en', 'Marie'), greetingFor('fr', 'Marie'), greetingFor('ro', 'Maria')]).toEqual(['Dear Marie,', 'Bonjour Marie,', 'Bună ziua, Maria,']);
    // No first name: the formal opening, never a bare surname.
    expect([greetingFor('en', ' '), greetingFor('fr', ''), greetingFor('ro', '')]).toEqual(['Dear Sir or Madam,', 'Madame, Monsieur,', 'Stimată doamnă, stimate domn,']);
    expect(fillMergeFields('{{greeting}}', mergeValues(sources({ contact: { ...marie, firstName: '' }, locale: 'ro' })), html).text).toBe('Stimată doamnă, stimate domn,');
  });

  it('escape values filled into HTML, but not into a plain subject', () => {
    const values = mergeValues(sources({ company: { name: 'Dupont & Fils <script>alert(1)</script>' } }));
    expect(fillMergeFields('<p title="{{company.name}}">{{company.name}}</p>', values, html).text).toBe(
      '<p title="Dupont &amp; Fils &lt;script&gt;alert(1)&lt;/script&gt;">Dupont &amp; Fils &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(fillMergeFields('Devis {{company.name}}', values, { html: false, markMissing: true }).text).toBe('Devis Dupont & Fils <script>alert(1)</script>');
    const quoted = mergeValues(sources({ contact: { ...marie, firstName: `O'Brien" onmouseover="x` } }));
    expect(fillMergeFields('<a href="x" title="{{contact.firstName}}">', quoted, html).text).toBe('<a href="x" title="O&#39;Brien&quot; onmouseover=&quot;x">');
  });

  it('mark a field with no value in a preview, list it once, and leave it empty when sending', () => {
    const values = mergeValues(sources({ contact: { firstName: '', lastName: 'Popescu', email: null, phone: null }, company: null }));
    const body = '<p>{{contact.firstName}} {{contact.lastName}}, {{company.name}} / {{contact.firstName}}</p>';
    const preview = fillMergeFields(body, values, html);
    expect(preview.text).toBe(
      '<p><mark class="merge-missing" data-field="contact.firstName">{{contact.firstName}}</mark> Popescu, ' +
        '<mark class="merge-missing" data-field="company.name">{{company.name}}</mark> / <mark class="merge-missing" data-field="contact.firstName">{{contact.firstName}}</mark></p>',
    );
    expect(preview.missing).toEqual(['contact.firstName', 'company.name']);
    const sent = fillMergeFields(body, values, sending);
    expect(sent.text).toBe('<p> Popescu,  / </p>');
    expect(sent.missing).toEqual(['contact.firstName', 'company.name']);
    // In a plain-text subject the field stays readable in a preview.
    expect(fillMergeFields('Offre {{company.name}}', values, { html: false, markMissing: true }).text).toBe('Offre {{company.name}}');
  });

  it('leave a missing field in an attribute as written, since a mark cannot go there', () => {
    const values = mergeValues(sources({ contact: null, company: null }));
    const filled = fillMergeFields('<a href="mailto:{{contact.email}}">{{contact.email}}</a>', values, html);
    expect(filled.text).toBe('<a href="mailto:{{contact.email}}"><mark class="merge-missing" data-field="contact.email">{{contact.email}}</mark></a>');
    expect(filled.missing).toEqual(['contact.email']);
  });

  it('report unknown fields and keep them visible instead of dropping them', () => {
    const values = mergeValues(sources());
    const body = '<p>{{contact.firstname}} {{ Contact.FirstName }} {{contact.surname}} {{}} {{contact.surname}}</p>';
    const preview = fillMergeFields(body, values, html);
    // Case and spaces do not matter to a known field.
    expect(preview.text).toBe(
      '<p>Marie Marie <mark class="merge-unknown" data-field="contact.surname">{{contact.surname}}</mark> <mark class="merge-unknown" data-field="">{{}}</mark> ' +
        '<mark class="merge-unknown" data-field="contact.surname">{{contact.surname}}</mark></p>',
    );
    expect(preview.unknown).toEqual(['contact.surname', '']);
    expect(fillMergeFields(body, values, sending).text).toBe('<p>Marie Marie {{contact.surname}} {{}} {{contact.surname}}</p>');
    expect(unknownMergeFields('Hello {{agent.name}}', '<p>{{date.yesterday}} {{agent.name}} {{date.today}}</p>')).toEqual(['agent.name', 'date.yesterday']);
  });

  it('find fields only between double braces, in HTML comments and tags alike', () => {
    expect(parseMergeFields('{contact.firstName} {{{company.name}}} {{ agent.email }}').map((m) => [m.raw, m.field])).toEqual([
      ['{{company.name}}', 'company.name'],
      ['{{ agent.email }}', 'agent.email'],
    ]);
    const filled = fillMergeFields('<!-- {{company.name}} --><img alt="{{company.name}}">', mergeValues(sources()), html);
    expect(filled.text).toBe('<!-- Boulangerie Lefèvre --><img alt="Boulangerie Lefèvre">');
  });

  it('fill contact and company fields from a lead, and lead fields only for a lead', () => {
    const lead = { firstName: 'Ana', lastName: 'Ionescu', email: 'ana@exemplu.ro', phone: '+40 21 123 4567', companyName: 'Exemplu SRL' };
    const values = mergeValues(sources({ contact: null, company: null, lead, locale: 'ro' }));
    const text = '{{greeting}} {{lead.fullName}} {{lead.companyName}} {{lead.phone}} {{lead.email}} | {{contact.firstName}} {{company.name}}';
    expect(fillMergeFields(text, values, { html: false, markMissing: true }).text).toBe(
      'Bună ziua, Ana, Ana Ionescu Exemplu SRL +40 21 123 4567 ana@exemplu.ro | Ana Exemplu SRL',
    );
    const forContact = fillMergeFields('{{lead.firstName}}', mergeValues(sources()), html);
    expect(forContact.missing).toEqual(['lead.firstName']);
  });

  it('mark agent fields the agent has not filled in', () => {
    const values = mergeValues(sources({ agent: { name: 'Facteur', email: null } }));
    expect(fillMergeFields('{{agent.firstName}} {{agent.email}}', values, sending)).toEqual({ text: 'Facteur ', missing: ['agent.email'], unknown: [] });
  });
});
