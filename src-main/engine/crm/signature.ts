/*
 * Quick-create's guess at a contact from an email: the sender's display name split into first and last name, and
 * the signature block's phones, company and job title. Pure: the contacts.suggest handler adds the duplicate check.
 * Written for the mail our users get (French, Romanian, English); a guess the person corrects before saving.
 */

export interface SuggestInput {
  fromName?: string | null;
  fromAddress?: string | null;
  /** The message's text body (the HTML turned into text when there is no text part). */
  text?: string | null;
}

export interface SuggestedContact {
  firstName: string;
  lastName: string;
  email: string | null;
  phones: string[];
  companyName: string;
  jobTitle: string;
}

interface Name {
  firstName: string;
  lastName: string;
}

// Given names common in France, Romania and English-speaking countries, folded (no accents, lower case): they
// tell which word of "Dupont Jean-Luc" or "Popescu Ana Maria" is the given name when nothing else does.
const GIVEN = new Set(
  `adrian adriana agnes alain alexandra alexandre alexandru alice alin alina amelie ana anca andre andrea andrei andreea
  angela anne antoine antoinette arnaud audrey aurelie aurel aurelien bernard bianca bogdan bruno camille carmen caroline
  catherine catalin catalina cecile celine charles charlotte chloe christian christine christophe claire claude claudia
  constantin corina cosmin cristian cristina damien daniel daniela david denis diana dominique dorin dragos
  elena eleonore elise elizabeth emilie emma emmanuel eric estelle etienne eugen eugenia fabien fabrice florin florian
  francis francois francoise frederic gabriel gabriela george georges georgiana gerard gheorghe guillaume helene henri
  hugo ioan ioana ion ionut irina isabelle jack jacques james jane jean jeanne jerome john joseph julie julien karine
  katherine laura laurence laurent lea liliana linda lionel louis louise luc lucas lucie lucian luminita madeleine
  manon marc marcel margaux maria marie marin marius martine mathieu mathilde matthew maxime michael michel michele
  michelle mihaela mihai mircea monica monique nathalie nicolae nicolas nicole nicoleta olivier oana ovidiu pascal
  patricia patrick paul pauline petru philippe pierre radu raluca raymond razvan remi richard robert roxana sabine
  sandrine sarah sebastien sergiu serge silvia simona simon sophie sorin stefan stephane stephanie susan sylvie teodor
  thierry thomas valentin valerie vasile veronique victor vincent virginie vlad william yann yves`.split(/\s+/),
);
/** Words that join a family name ("de La Fontaine", "van Damme") and stay lower case inside it. */
const PARTICLES = new Set(['de', 'du', 'des', "d'", 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'della', 'le', 'la']);
/** Local parts that name a function, not a person. */
const GENERIC = /^(info|infos|contact|contacts|hello|bonjour|salut|support|help|sales|vente|ventes|vanzari|office|admin|administration|secretariat|accueil|noreply|no-reply|donotreply|do-not-reply|newsletter|news|marketing|facturation|factures|billing|invoice|invoices|comptabilite|contabilitate|service|services|team|equipe|rh|hr|jobs|recrutement|mail|webmaster|postmaster)$/;
/** Mailbox providers: their domain says nothing about where the sender works. */
const WEBMAIL_LABELS = new Set(['gmail', 'googlemail', 'yahoo', 'ymail', 'outlook', 'hotmail', 'live', 'msn', 'orange', 'wanadoo', 'free', 'laposte', 'sfr', 'neuf', 'bbox', 'aol', 'icloud', 'gmx', 'protonmail', 'proton', 'tutanota', 'yandex', 'zoho', 'numericable', 'aliceadsl', 'club-internet', 'libertysurf', 'voila', 'tiscali', 'rdslink']);
const WEBMAIL_DOMAINS = new Set(['me.com', 'mac.com', 'web.de', 't-online.de', 'mail.ru', 'mail.com']);
/** Second-level suffixes, so that "acme.co.uk" is Acme and not Co. */
const TWO_LEVEL_SUFFIX = /\.(co|com|org|net|gov|gouv|ac|ltd|plc)\.[a-z]{2}$/;

// Legal forms name a company; the short capitals ones are case-sensitive, "sa" is a Romanian word.
const LEGAL_FORM = /(?:^|[\s,(])(SASU|SAS|SARL|EURL|SA|SCI|SNC|SCOP|SELARL|SRL|SRL-D|S\.R\.L\.?|S\.A\.S?\.?|S\.C\.|SC|PFA|GmbH|AG|KG|Ltd\.?|Limited|LLC|LLP|Inc\.?|Corp\.?|PLC|plc|BV|B\.V\.|NV|SpA|S\.p\.A\.|SL|Sàrl)(?=$|[\s,.)])/;
const CLOSING = /^(cordialement|bien cordialement|tr[eè]s cordialement|bien [aà] vous|bien amicalement|amicalement|sinc[eè]res salutations|salutations distingu[ée]es|salutations|bonne (journ[ée]e|soir[ée]e)|merci( beaucoup| d'avance| par avance)?|cu (stim[aă]|respect|drag|bine)|toate cele bune|o zi bun[aă]|mul[tț]umesc( frumos)?|mersi|best regards|kind regards|warm regards|best wishes|regards|best|thanks|thank you|many thanks|cheers|sincerely|yours sincerely|yours)\b/i;
const REPLY_HEADER = /^(on\s.+\swrote|le\s.+\sa\s[ée]crit|[îi]n\s.+\sa\sscris|am\s.+\sschrieb)\s?:\s*$/i;
const ORIGINAL = /^(-{2,}\s*)?(original message|message d'origine|message original|mesaj(ul)? original|forwarded message|message transf[ée]r[ée]|mesaj redirec[tț]ionat)\b|^_{10,}\s*$/i;
const HEADER_FROM = /^(from|de|de la)\s?:/i;
const HEADER_SENT = /^(sent|envoy[ée]|trimis|date|data|to|[àa]|c[aă]tre)\s?:/i;
const SENT_FROM = /^(sent from|envoy[ée] (de|depuis)|trimis de pe|get outlook)/i;
const PHONE_LABEL = /\b(t[ée]l[ée]?phone|t[ée]l|tel|phone|mobile|mob|portable|port|gsm|telefon|cell|direct|standard|ligne|fixe|t|m|p|ph)\b\.?\s*[:.]?\s*$/i;
const FAX_LABEL = /\bfax\b[^\d+]*$/i;
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g;
const SEPARATOR = /\s+[|–—•·@]\s+|\s+-\s+|\s*\|\s*/;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isGiven = (word: string) => fold(word).split('-').some((part) => GIVEN.has(part));
const isCaps = (word: string) => /\p{L}.*\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();

/**
 * "POPESCU" → "Popescu", "ANA-MARIA" → "Ana-Maria", "o'neill" → "O'Neill"; mixed case ("McDonald") stays as typed, and
 * a particle before the name stays lower case ("de La Fontaine").
 */
function tidyWord(word: string, particle: boolean): string {
  if (word !== word.toUpperCase() && word !== word.toLowerCase()) return word;
  const lower = word.toLowerCase();
  if (particle && PARTICLES.has(lower)) return lower;
  return lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
const tidy = (words: string[]) => words.map((w, i) => tidyWord(w, i < words.length - 1)).join(' ');

/** Splits a name's words: a comma or capitals mark the family name, else given names lead unless they trail. */
function splitWords(words: string[]): Name {
  if (words.length === 0) return { firstName: '', lastName: '' };
  if (words.length === 1) return isGiven(words[0]!) ? { firstName: tidy(words), lastName: '' } : { firstName: '', lastName: tidy(words) };
  // "POPESCU Ana", "Jean DUPONT": the capitals are the family name, wherever they stand.
  const caps = words.map(isCaps);
  if (caps.some(Boolean) && !caps.every(Boolean)) {
    const first = words.filter((_w, i) => !caps[i]);
    const last = words.filter((_w, i) => caps[i]);
    return { firstName: tidy(first), lastName: tidy(last) };
  }
  // "Dupont Jean-Luc", "Popescu Ana Maria": family name first when only the trailing words are given names.
  let lead = 0;
  while (lead < words.length - 1 && isGiven(words[lead]!)) lead++;
  if (lead === 0) {
    let trail = words.length;
    while (trail > 1 && isGiven(words[trail - 1]!)) trail--;
    if (trail < words.length) return { firstName: tidy(words.slice(trail)), lastName: tidy(words.slice(0, trail)) };
    lead = 1;
  }
  return { firstName: tidy(words.slice(0, lead)), lastName: tidy(words.slice(lead)) };
}

/** The person in a display name (none in "ACME Support"), and what trails it ("Ana Pop | ACME SRL"): maybe the company. */
function parseDisplayName(raw: string): { name: Name | null; extra: string } | null {
  let s = raw.replace(/["“”«»]/g, ' ').replace(/^\s*'+|'+\s*$/g, '').trim();
  if (s === '' || s.includes('@')) return null;
  s = s.replace(/\s+via\s+.*$/i, '').trim();
  let extra = '';
  const paren = /\s*[([]([^)\]]*)[)\]]\s*/.exec(s);
  if (paren) {
    extra = paren[1]!.trim();
    s = s.replace(paren[0], ' ').trim();
  }
  const parts = s.split(SEPARATOR);
  if (parts.length > 1) {
    s = parts[0]!.trim();
    extra = extra || parts.slice(1).join(' ').trim();
  }
  const words = s.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.some((w) => GENERIC.test(fold(w)))) return { name: null, extra: extra || s };
  const comma = s.split(',').map((p) => p.trim()).filter(Boolean);
  if (comma.length === 2) {
    // "Popescu, Ana": the family name before the comma.
    return { name: { firstName: tidy(comma[1]!.split(/\s+/)), lastName: tidy(comma[0]!.split(/\s+/)) }, extra };
  }
  return { name: splitWords(words), extra };
}

/** "jean.dupont@" → Jean Dupont, "popescu_ana@" → Ana Popescu; nothing from "info@" or "j42@". */
function nameFromLocalPart(address: string): Name | null {
  const local = address.split('@')[0]!.toLowerCase();
  if (GENERIC.test(local)) return null;
  let words = local.split(/[._+]+/).map((w) => w.replace(/\d+/g, '')).filter((w) => w.length > 1);
  if (words.length === 1 && words[0]!.includes('-') && !words[0]!.split('-').every((p) => GIVEN.has(p))) words = words[0]!.split('-');
  words = words.filter((w) => w.length > 1 && !GENERIC.test(w));
  if (words.length === 0) return null;
  return splitWords(words);
}

/** The unquoted part of the body: everything above the first "On … wrote:" / "Le … a écrit :", without "> " lines. */
function ownLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f\u2007]/g, ' ').split('\n');
  const own: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`.trim();
    if (REPLY_HEADER.test(line) || (/^(on|le|[îi]n|am)\s/i.test(line) && REPLY_HEADER.test(joined)) || ORIGINAL.test(line)) break;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_SENT.test(l.trim()))) break;
    if (line.startsWith('>')) continue;
    own.push(line);
  }
  return own;
}

/** What comes after a closing, or a bare "Cordialement," line; a closing with a name on the same line gives it back. */
function closingAt(line: string): { rest: string } | null {
  const match = CLOSING.exec(line);
  if (!match) return null;
  const rest = line.slice(match[0].length).replace(/^[\s,.!;:]+/, '').trim();
  if (rest === '') return { rest };
  if (/^[,;]/.test(line.slice(match[0].length).trim()) && looksLikeName(rest)) return { rest };
  // "Merci d'avance," closes; "Merci pour votre retour rapide." is a sentence.
  return rest.split(/\s+/).length <= 2 && !/[.?]$/.test(line) ? { rest: '' } : null;
}

/** The signature block: after the last "-- " line, else after the last closing, else the last paragraph. */
function signatureBlock(own: string[]): string[] {
  while (own.length > 0 && own[own.length - 1] === '') own.pop();
  let dash = -1;
  let closing = -1;
  let inline = '';
  own.forEach((line, i) => {
    if (line === '--' || line === '-- ' || /^-{2,3}$/.test(line)) dash = i;
    const c = closingAt(line);
    if (c) {
      closing = i;
      inline = c.rest;
    }
  });
  let block: string[];
  if (closing >= 0 && (dash < 0 || (dash > closing && dash - closing <= 3))) block = [inline, ...own.slice(closing + 1)];
  else if (dash >= 0) block = own.slice(dash + 1);
  else {
    const blank = own.lastIndexOf('');
    block = own.slice(blank + 1);
    if (block.length > 8) return [];
  }
  return block.filter((l) => l !== '' && !/^-{2,3}\s*$/.test(l) && !SENT_FROM.test(l)).slice(0, 15);
}

function looksLikeName(line: string): boolean {
  const words = line.split(/\s+/);
  return (
    line.length <= 50 && words.length >= 2 && words.length <= 4 && !LEGAL_FORM.test(line) && !CLOSING.test(line) &&
    words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || PARTICLES.has(w.toLowerCase()))
  );
}

/** The same number written nationally and internationally ("01 23…", "+33 (0)1 23…") ends with the same 9 digits. */
const phoneKey = (raw: string) => raw.replace(/\(0\)/g, '').replace(/\D/g, '').slice(-9);

/** A phone as people write them: "+33 (0)1 23 45 67 89", "01 23 45 67 89", "+40 721 234 567", "0721.234.567". */
function phonesIn(lines: string[]): string[] {
  const found = new Map<string, string>();
  for (const line of lines) {
    for (const match of line.matchAll(PHONE)) {
      // "01 23 45 67 89 - 06 12 34 56 78": two numbers the pattern read as one.
      let offset = match.index;
      for (const piece of match[0].split(/(\s+[-–]\s+)/)) {
        const at = offset;
        offset += piece.length;
        const raw = piece.replace(/[\s(.-]+$/, '').trim();
        if (raw === '' || /^\s+[-–]\s+$/.test(piece)) continue;
        const before = line.slice(0, at);
        if (FAX_LABEL.test(before)) continue;
        const digits = raw.replace(/\(0\)/g, '').replace(/\D/g, '');
        const international = raw.startsWith('+') || raw.startsWith('00');
        const ok = international
          ? digits.length >= 9 && digits.length <= 15
          : /^0[1-9]\d{8,9}$/.test(digits) || (PHONE_LABEL.test(before) && digits.length >= 8 && digits.length <= 12);
        // A date or a registration number has the digits but not the shape.
        if (!ok || /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(raw)) continue;
        const key = phoneKey(raw);
        if (!found.has(key)) found.set(key, raw.replace(/\s+/g, ' '));
      }
    }
  }
  return [...found.values()].slice(0, 10);
}

/** "ACME SAS au capital de 50 000 € – RCS Paris" → "ACME SAS": the part of the line that holds the legal form. */
function companyIn(line: string): string | null {
  if (!LEGAL_FORM.test(line)) return null;
  const part = line.split(SEPARATOR).find((p) => LEGAL_FORM.test(p)) ?? line;
  const cleaned = part.replace(/^(soci[ée]t[ée]|company|firma|compania|entreprise)\s*:\s*/i, '');
  // The last form, for "S.C. Construct Vest S.R.L." where the first is a prefix.
  const forms = [...cleaned.matchAll(new RegExp(LEGAL_FORM.source, 'g'))];
  const form = forms[forms.length - 1]!;
  const end = form.index + form[0].length;
  const name = cleaned.slice(0, end).replace(/[,(]+$/, '').trim();
  return name.length >= 3 && name.length <= 120 ? name : null;
}

/** "jean@acme-industrie.fr" → "Acme Industrie"; nothing from a mailbox provider's address. */
function companyFromDomain(address: string): string {
  const domain = address.split('@')[1]?.toLowerCase().trim() ?? '';
  if (!domain.includes('.') || WEBMAIL_DOMAINS.has(domain)) return '';
  const labels = domain.split('.').slice(0, TWO_LEVEL_SUFFIX.test(domain) ? -2 : -1);
  const label = labels[labels.length - 1];
  if (!label || WEBMAIL_LABELS.has(label)) return '';
  return tidy(label.split('-').filter(Boolean));
}

const isDetail = (line: string) =>
  /@|https?:|www\.|\d{3}/.test(line) || /^(t[ée]l|tel|phone|mobile|mob|portable|port|gsm|telefon|cell|fax|[tmpe]|e-?mail|mail|web|site|adresse|address|adresa)\b\.?\s*[:.]/i.test(line);

/** The job title: the line after the name, or what follows the name on its own line ("Ana Pop | Sales Manager"). */
function jobTitleIn(block: string[], name: Name): string {
  const family = fold(name.lastName);
  const given = fold(name.firstName);
  let at = block.findIndex((l) => l.length <= 80 && ((family.length > 1 && fold(l).includes(family)) || (!family && given.length > 1 && fold(l).includes(given))));
  if (at < 0 && block[0] && looksLikeName(block[0])) at = 0;
  if (at < 0) return '';
  const sameLine = block[at]!.split(SEPARATOR).slice(1).concat(block[at]!.split(/,\s+/).slice(1));
  for (const candidate of [...sameLine, ...(block[at + 1]?.split(SEPARATOR) ?? [])]) {
    const title = candidate.trim().replace(/[,;]$/, '');
    if (title && title.length <= 60 && title.split(/\s+/).length <= 8 && !LEGAL_FORM.test(title) && !isDetail(title) && !CLOSING.test(title) && !(family && fold(title).includes(family))) return title;
  }
  return '';
}

export function suggestContact(input: SuggestInput): SuggestedContact {
  const address = input.fromAddress?.trim().toLowerCase() || null;
  const block = signatureBlock(ownLines(input.text ?? ''));
  const display = parseDisplayName(input.fromName ?? '');
  const signed = block.find(looksLikeName);
  const fromSignature = signed ? parseDisplayName(signed)?.name ?? null : null;
  const fromLocal = address ? nameFromLocalPart(address) : null;

  let name: Name = display?.name ?? { firstName: '', lastName: '' };
  if (!display?.name) {
    // No person in the display name: the signature's name (with its accents) when it is the address's person, or
    // when the address names nobody (info@, "jdupont@").
    const localWords = fromLocal ? fold(`${fromLocal.firstName} ${fromLocal.lastName}`).split(/\s+/).filter(Boolean) : [];
    const signedWords = fromSignature ? fold(`${fromSignature.firstName} ${fromSignature.lastName}`) : '';
    if (fromSignature && (localWords.length <= 1 || localWords.every((w) => signedWords.includes(w)))) name = fromSignature;
    else if (fromLocal) name = fromLocal;
  }

  const companyName =
    block.map(companyIn).find((c): c is string => c !== null) ??
    (display?.extra ? companyIn(display.extra) : null) ??
    (address ? companyFromDomain(address) : '');

  return { ...name, email: address, phones: phonesIn(block), companyName, jobTitle: jobTitleIn(block, name) };
}
