/**
 * Reply and forward prefixes as the mail clients our users meet write them: Re/Fwd in English, AW/WG from German
 * Outlook, TR from French Outlook, RE: with a space before the colon (French typography), counters like "Re[2]:"
 * and "Re(3):". Romanian Outlook keeps the English ones.
 */
const PREFIX = /^\s*(?:re|fwd?|aw|wg|tr|sv|vs|antw|ref|réf)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

/** Whether the subject starts with a reply or forward prefix (JWZ's "is this a reply" guess). */
export function isReplySubject(subject: string): boolean {
  return PREFIX.test(subject);
}

/**
 * The subject a conversation is known by: prefixes stripped (repeatedly: "Re: TR: x"), white space collapsed,
 * compared without case. Null when nothing is left, so empty subjects never group unrelated messages together.
 */
export function subjectKey(subject: string): string | null {
  let rest = subject.normalize('NFC');
  for (let m = PREFIX.exec(rest); m; m = PREFIX.exec(rest)) rest = rest.slice(m[0].length);
  const key = rest.replace(/\s+/g, ' ').trim().toLowerCase();
  return key === '' ? null : key;
}
