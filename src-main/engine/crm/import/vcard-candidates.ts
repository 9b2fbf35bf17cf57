import type { Candidate } from './candidate.js';
import { components, unescapeText, type VCard, type VProperty } from './vcard.js';

/** Preferred first: 4.0's PREF=1 (lowest wins), 3.0's and 2.1's TYPE=pref; otherwise the file's order. */
function byPreference(properties: VProperty[]): VProperty[] {
  const rank = (p: VProperty) => {
    const pref = Number(p.params.get('PREF')?.[0]);
    if (Number.isFinite(pref) && pref > 0) return pref;
    return p.params.get('TYPE')?.includes('pref') ? 1 : 101;
  };
  return properties.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

/**
 * A card as an import row. Photos, logos, sounds and keys are not read. A card is a company's when vCard 4.0 says
 * KIND:org, when Apple's X-ABShowAs says COMPANY, or when it names no person and its full name is its organisation
 * (Outlook's company entries).
 */
export function vcardCandidate(card: VCard): Candidate {
  const all = (name: string) => card.properties.filter((p) => p.name === name);
  const one = (name: string) => all(name)[0];
  const [lastName = '', firstName = ''] = one('N') ? components(one('N')!.value) : [];
  const fullName = one('FN') ? unescapeText(one('FN')!.value).trim() : '';
  const company = one('ORG') ? (components(one('ORG')!.value)[0] ?? '') : '';
  const kind = (one('KIND')?.value ?? one('X-ABSHOWAS')?.value ?? '').trim().toLowerCase();
  const isCompany = kind === 'org' || kind === 'organization' || kind === 'company' || (!firstName && !lastName && fullName !== '' && fullName === company);
  const phones = byPreference(all('TEL')).filter((p) => {
    const types = p.params.get('TYPE') ?? [];
    // A fax number is not one to call; a line that is both (TYPE=fax,voice) is.
    return !types.includes('fax') || types.includes('voice');
  });
  return {
    row: card.number,
    firstName: isCompany ? '' : firstName,
    lastName: isCompany ? '' : lastName,
    fullName: isCompany ? '' : fullName,
    emails: byPreference(all('EMAIL')).map((p) => unescapeText(p.value).trim()),
    phones: phones.map((p) => unescapeText(p.value).trim()),
    company: company || (isCompany ? fullName : ''),
    notes: all('NOTE').map((p) => unescapeText(p.value).trim()).filter(Boolean).join('\n'),
    isCompany,
  };
}
